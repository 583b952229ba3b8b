"""Conflicts decided together, and a decision the office's later edits have overtaken.

A move is a new start and end: a check-in that could not take a laptop's move records a
conflict for each of the two fields, and taking only one of them would make a booking
that neither side made (the laptop's start with the office's end). So the fields of one
group in `merge.TOGETHER` are decided together.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

from store.core.context import Context
from store.sync.errors import SyncError
from store.sync.inbox_rows import office_row
from store.sync.merge import TOGETHER
from store.sync.models import Conflict
from store.sync.records import COLUMNS, conflict_from_row


class OfficeChangedSince(SyncError):
    """The office's value is no longer the one the conflict was found with: taking the
    laptop's would overwrite a later edit nobody has seen in the inbox."""

    def __init__(self, now: object) -> None:
        super().__init__("sync.inbox.office_changed", now="—" if now is None else str(now))


def together(ctx: Context, conflict: Conflict) -> list[Conflict]:
    """The other open `field` conflicts of the same row, found by the same check-in, whose
    field changes together with this one's."""
    if conflict.kind != "field" or conflict.column is None:
        return []
    group = next((g for g in TOGETHER.get(conflict.table, ()) if conflict.column in g), None)
    if group is None:
        return []
    others = sorted(group - {conflict.column})
    rows = ctx.db.execute(
        f"SELECT {COLUMNS} FROM sync_conflict WHERE table_name = ? AND row_id = ?"
        " AND checkin_id = ? AND kind = 'field' AND resolved_at IS NULL"
        f" AND deleted_at IS NULL AND column_name IN ({', '.join('?' * len(others))})",
        [conflict.table, conflict.row_id, conflict.checkin_id, *others],
    ).fetchall()
    return [conflict_from_row(row) for row in rows]


def check_office_unchanged(ctx: Context, conflict: Conflict) -> None:
    """Refuse to take a laptop's value over an office value changed since the check-in
    (a field both changed, or an office table's field the laptop changed)."""
    if conflict.kind not in ("field", "office_owned") or conflict.column is None:
        return
    row = office_row(ctx, conflict.table, conflict.row_id)
    if row is not None and row.get(conflict.column) != conflict.office_value:
        raise OfficeChangedSince(row.get(conflict.column))
