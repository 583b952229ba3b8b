"""What the laptops screen's thread workers do, each over a store of its own: check out,
check in (dry run, then for real with a refreshed check-out), pack, count what is unpacked."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from store.api import Store
from store.core.models import Staff
from store.sync.errors import SyncError
from store.sync.files import free_checkout_path
from store.sync.models import ApplyReport, CheckoutResult, PackResult


class Unreadable(SyncError):
    """The bundle named cannot be read (not there, a folder, not ours to read)."""

    def __init__(self, path: Path) -> None:
        super().__init__("sync_dialog.unreadable", path=str(path))


@dataclass(frozen=True)
class CheckinDone:
    """A bundle checked in for real, and the refreshed check-out written after it (or why
    it could not be: the check-in stands either way)."""

    report: ApplyReport
    refreshed: CheckoutResult | None
    refresh_failed: Exception | None
    open_conflicts: int


def newest_bundle(folder: Path) -> Path | None:
    """The bundle last written into `folder` (where a coach's USB stick or the mail's
    attachments land), as the check-in's first guess."""
    try:
        bundles = [path for path in folder.glob("*.bundle") if path.is_file()]
    except OSError:
        return None
    return max(bundles, key=lambda path: path.stat().st_mtime, default=None)


def check_out(store: Store, coach: Staff, out: Path, actor: Staff, label: str) -> CheckoutResult:
    from store.sync.checkout import checkout

    assert store.path is not None
    return checkout(store.ctx, store.path, coach=coach, out=out, actor=actor, label=label or None)


def read_bundle(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise Unreadable(path) from exc


def dry_run(store: Store, bundle: Path, actor: Staff) -> ApplyReport:
    data = read_bundle(bundle)
    from store.sync.apply import apply_bundle

    return apply_bundle(store.ctx, data=data, name=bundle.name, actor=actor, dry_run=True)


def check_in(store: Store, bundle: Path, actor: Staff) -> CheckinDone:
    """Apply the bundle, then write the laptop's refreshed check-out beside it (on the
    stick or in the folder it came in, as `luotsi sync apply` does)."""
    from store.sync.apply import apply_bundle

    data = read_bundle(bundle)
    report = apply_bundle(store.ctx, data=data, name=bundle.name, actor=actor)
    refreshed: CheckoutResult | None = None
    failed: Exception | None = None
    coach = store.staff.get(report.coach_id)
    if coach is not None and not report.already_applied:
        from store.sync.checkout import checkout

        out = free_checkout_path(bundle.parent, coach.username, store.today())
        assert store.path is not None
        try:
            refreshed = checkout(
                store.ctx,
                store.path,
                coach=coach,
                out=out,
                actor=actor,
                device_id=report.device_id,
            )
        except (SyncError, OSError) as refused:
            failed = refused
    open_conflicts = sum(device.open_conflicts for device in store.devices.list(actor))
    return CheckinDone(report, refreshed, failed, open_conflicts)


def pack_changes(store: Store, out: Path, actor: Staff) -> PackResult:
    from store.sync.pack import pack

    assert store.path is not None
    return pack(store.ctx, store.path, out=out, actor=actor)


def unpacked(store: Store) -> int:
    from store.sync.pack import unpacked_changes

    assert store.path is not None
    return unpacked_changes(store.ctx, store.path)
