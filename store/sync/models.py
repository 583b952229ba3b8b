"""What the sync rooms hand out: frozen records of laptops, check-outs, bundles,
check-ins and conflicts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

ConflictKind = Literal[
    "field",
    "edit_deleted",
    "deleted_edited",
    "same_hetu",
    "parent_deleted",
    "double_booking",
    "office_owned",
    "rejected",
]
Resolution = Literal["office", "laptop", "merged", "person_merged"]
Op = Literal["insert", "update", "delete"]


@dataclass(frozen=True)
class Change:
    """One row's change on the laptop since its base.

    `old` holds the base's values: every column for a delete, the changed ones (and the
    key) for an update, none for an insert. `new` holds the laptop's: every column for an
    insert, the changed ones for an update, none for a delete.
    """

    table: str
    op: Op
    row_id: str
    old: Mapping[str, object]
    new: Mapping[str, object]


@dataclass(frozen=True)
class LaptopState:
    """On a laptop: the check-out it holds (the `sync_laptop` row)."""

    device_id: str
    office_id: str
    coach_id: str
    base_id: str
    cut_at: str
    window_from: str
    window_to: str
    packed_at: str | None
    # The newest pack the office had checked in when it cut this check-out.
    checked_in_through: str | None = None
    bundle_key: bytes = b""  # what its bundles are sealed with (the office keeps the same)
    packed_hash: str | None = None  # the last bundle's changes, as `Captured.digest`
    packed_audit_seq: int | None = None  # the newest access-log event the last bundle held


@dataclass(frozen=True)
class Device:
    """A laptop the office has checked out, as `luotsi sync devices` lists it."""

    id: str
    coach_id: str
    coach_name: str
    label: str | None
    base_id: str
    checked_out_at: str
    last_checkin_at: str | None
    revoked_at: str | None
    revoked_by: str | None
    open_conflicts: int
    # True when the office has written a check-out the laptop has not sent a bundle from
    # yet (its changes since then are on the laptop only).
    pending: bool


@dataclass(frozen=True)
class CheckoutResult:
    device_id: str
    base_id: str
    path: Path  # the laptop database
    files: Sequence[Path]  # every file to copy to the laptop (database, key file, base)
    clients: int
    rows: Mapping[str, int]  # rows per synced table
    window_from: str
    window_to: str
    encrypted: bool


@dataclass(frozen=True)
class PackResult:
    path: Path
    bundle_id: str
    changes: int
    per_table: Mapping[str, int]
    audit_rows: int


@dataclass(frozen=True)
class TableCounts:
    inserted: int = 0
    updated: int = 0
    deleted: int = 0

    @property
    def total(self) -> int:
        return self.inserted + self.updated + self.deleted


@dataclass(frozen=True)
class ConflictFound:
    """A conflict as a check-in (or its dry run) found it, before anyone resolved it."""

    kind: ConflictKind
    table: str
    row_id: str
    column: str | None
    base_value: object
    office_value: object
    laptop_value: object
    client_id: str | None = None
    other_row_id: str | None = None


@dataclass(frozen=True)
class ApplyReport:
    bundle_id: str
    device_id: str
    coach_id: str
    base_id: str
    packed_at: str
    dry_run: bool
    # The same bundle was checked in before: nothing was (or would be) written.
    already_applied: bool
    per_table: Mapping[str, TableCounts] = field(default_factory=dict[str, TableCounts])
    merged_fields: int = 0  # fields changed on the laptop only, taken as they were
    conflicts: Sequence[ConflictFound] = ()
    # Conflicts found again that the inbox already holds from an earlier bundle.
    known_conflicts: int = 0
    audit_rows: int = 0  # access-log events appended


@dataclass(frozen=True)
class Conflict:
    """One conflict in the inbox. Values are as stored (JSON decoded)."""

    id: str
    device_id: str
    checkin_id: str
    table: str
    row_id: str
    column: str | None
    kind: ConflictKind
    base_value: object
    office_value: object
    laptop_value: object
    laptop_row: Mapping[str, object] | None
    other_row_id: str | None
    client_id: str | None
    detected_at: str
    resolution: Resolution | None
    resolved_value: object
    resolved_by: str | None
    resolved_at: str | None

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None
