"""Why a check-out, a bundle or a check-in was refused: each error carries a translation
key (the catalogs live with the CLI and the screens) and leaves every file as it was."""

from __future__ import annotations

from store.core.i18n import TranslatedError


class SyncError(TranslatedError):
    """A refusal the user reads in their own language."""


class BundleDamaged(SyncError):
    """Not a bundle, cut short, or changed after it was packed (authentication failed)."""

    def __init__(self, name: str) -> None:
        super().__init__("sync.error.bundle_damaged", name=name)


class BundleForAnotherOffice(SyncError):
    def __init__(self, name: str) -> None:
        super().__init__("sync.error.another_office", name=name)


class UnknownDevice(SyncError):
    def __init__(self, name: str) -> None:
        super().__init__("sync.error.unknown_device", name=name)


class DeviceRevoked(SyncError):
    """The laptop was revoked (lost): nothing it sends is taken in."""

    def __init__(self, name: str, revoked_on: str) -> None:
        super().__init__("sync.error.revoked", name=name, revoked_on=revoked_on)


class SchemaNewer(SyncError):
    """The bundle was made by a newer Luotsi than the office runs."""

    def __init__(self, name: str, steps: str) -> None:
        super().__init__("sync.error.schema_newer", name=name, steps=steps)


class SchemaIncompatible(SyncError):
    """The bundle names a column the office's tables no longer have."""

    def __init__(self, name: str, table: str, column: str) -> None:
        super().__init__("sync.error.schema_incompatible", name=name, table=table, column=column)


class StaleBase(SyncError):
    """A newer check-out of the same laptop was checked in already."""

    def __init__(self, name: str) -> None:
        super().__init__("sync.error.stale_base", name=name)


class NotALaptop(SyncError):
    def __init__(self, path: str) -> None:
        super().__init__("sync.error.not_a_laptop", path=path)


class IsALaptop(SyncError):
    """Check-outs and check-ins are the office's; a laptop's database cannot do them."""

    def __init__(self, path: str) -> None:
        super().__init__("sync.error.is_a_laptop", path=path)


class UnpackedChanges(SyncError):
    """A new check-out would replace changes made on the laptop since its last pack."""

    def __init__(self, count: int) -> None:
        super().__init__("sync.error.unpacked_changes", count=count)


class NotACoach(SyncError):
    def __init__(self, username: str) -> None:
        super().__init__("sync.error.not_a_coach", username=username)


class NoSlotForCoach(SyncError):
    """An encrypted office: the coach has no key slot, so no laptop key can be sealed."""

    def __init__(self, username: str) -> None:
        super().__init__("sync.error.no_slot", username=username)
