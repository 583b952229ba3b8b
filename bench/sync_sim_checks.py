"""What the simulated week checks at its end: that no edit was lost, who had seen which
edit when (to tell an edit superseded by a later one from one silently overwritten), and
the content hashes that say a laptop matches the office for its scope.

An edit counts as kept when the office row holds its value; or a later edit of the same
field, made by a side that had already seen it, superseded it; or a resolved conflict in
the inbox holds it (as the office's, the laptop's or the resolved value, or in the
laptop's row kept whole); or a person merge moved the row it wrote to the kept client (or
filled the empty field it wrote from the other record, keeping it in `kept_before`).
Anything else is lost, and printed with why. `broken_rows` then checks that the register
still keeps its own rules after the merges and the resolutions.
"""

# pyright: basic
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bench.sync_sim_edits import Edit
from store.core.db import Connection
from store.schedule.errors import MIN_MINUTES
from store.schedule.models import MAX_MINUTES
from store.sync.scope import Window, content_hashes, fill_scope

OFFICE = "office"


@dataclass(frozen=True)
class Checkin:
    """A laptop's bundle packed at `packed` and applied at `applied` (event sequence)."""

    side: str
    packed: int
    applied: int


@dataclass(frozen=True)
class Received:
    """A laptop received a check-out cut at `cut` at `received` (event sequence)."""

    side: str
    cut: int
    received: int


@dataclass
class Knowledge:
    """Which side had seen which edit by when: the office its own edits and those of the
    bundles applied; a laptop its own and the office's as of the check-out it holds."""

    checkins: list[Checkin] = field(default_factory=list[Checkin])
    receipts: list[Received] = field(default_factory=list[Received])

    def office_knew(self, edit: Edit, at: int) -> bool:
        if edit.side == OFFICE:
            return edit.seq < at
        return any(
            c.side == edit.side and c.packed > edit.seq and c.applied < at for c in self.checkins
        )

    def knew(self, side: str, edit: Edit, at: int) -> bool:
        if side == OFFICE:
            return self.office_knew(edit, at)
        if edit.side == side and edit.seq < at:
            return True
        return any(
            r.side == side and r.received < at and self.office_knew(edit, r.cut)
            for r in self.receipts
        )


@dataclass(frozen=True)
class Lost:
    edit: Edit
    why: str


@dataclass(frozen=True)
class ConflictValues:
    """What one resolved conflict holds for one row (and column, None for the whole)."""

    column: str | None
    values: tuple[object, ...]
    laptop_row: dict[str, object] | None
    resolved: bool


def _same(a: object, b: object) -> bool:
    if a == b:
        return True
    return a is not None and b is not None and str(a) == str(b)


def conflict_values(conn: Connection) -> dict[tuple[str, str], list[ConflictValues]]:
    """Every conflict in the inbox by (table, row id), also under its other row's id."""
    found: dict[tuple[str, str], list[ConflictValues]] = defaultdict(list)
    rows = conn.execute(
        "SELECT table_name, row_id, other_row_id, column_name, office_value,"
        " laptop_value, resolved_value, laptop_row, resolved_at FROM sync_conflict"
    ).fetchall()
    for table, row_id, other, column, *values, laptop_row, resolved_at in rows:
        held = ConflictValues(
            column,
            tuple(json.loads(v) if v is not None else None for v in values),
            json.loads(laptop_row) if laptop_row else None,
            resolved_at is not None,
        )
        for key in (row_id, other):
            if key:
                found[(table, key)].append(held)
    return found


def merged_away(conn: Connection) -> dict[tuple[str, str, str], object]:
    """What person merges (not undone) changed: (table, row id, column) they moved to the
    kept client or tombstoned (value `MOVED`), and the kept client's empty fields they
    filled in from the other record (value: the field as it was, from `kept_before`)."""
    changed: dict[tuple[str, str, str], object] = {}
    rows = conn.execute(
        "SELECT kept_client_id, moved, kept_before FROM person_merge WHERE undone_at IS NULL"
    )
    for kept_id, moved, kept_before in rows:
        for table, row_id, column in json.loads(moved):
            changed[(table, row_id, column)] = MOVED
        for column, value in json.loads(kept_before).items():
            changed[("client", kept_id, column)] = value
    return changed


MOVED = object()


def _office_value(conn: Connection, table: str, row_id: str, column: str) -> tuple[bool, object]:
    row = conn.execute(f"SELECT {column} FROM {table} WHERE id = ?", [row_id]).fetchone()
    return (row is not None, row[0] if row else None)


def lost_edits(conn: Connection, edits: Sequence[Edit], knowledge: Knowledge) -> list[Lost]:
    """The edits neither in the office (`conn`) nor superseded nor held by a resolved
    conflict or a person merge."""
    conflicts = conflict_values(conn)
    moved = merged_away(conn)
    by_field: dict[tuple[str, str, str], list[Edit]] = defaultdict(list)
    for edit in edits:
        by_field[(edit.table, edit.row_id, edit.column)].append(edit)
    lost: list[Lost] = []
    for key, field_edits in by_field.items():
        exists, office = _office_value(conn, *key)
        for edit in field_edits:
            if exists and (_same(office, edit.value) or _tombstone(edit, office)):
                continue
            if any(
                later.seq > edit.seq and knowledge.knew(later.side, edit, later.seq)
                for later in field_edits
            ):
                continue
            held = _held_by_conflict(conflicts.get((edit.table, edit.row_id), ()), edit)
            if (
                held == "resolved"
                or key in moved
                and (moved[key] is MOVED or _same(moved[key], edit.value))
            ):
                continue
            why = (
                "the office has no such row"
                if not exists
                else f"office holds {office!r}"
                + ("; its conflict is still open" if held == "open" else "; no conflict holds it")
            )
            lost.append(Lost(edit, why))
    return lost


def _tombstone(edit: Edit, office: object) -> bool:
    """A deletion is kept while the row is deleted, whenever that was."""
    return edit.column == "deleted_at" and edit.value is not None and office is not None


def _held_by_conflict(conflicts: Iterable[ConflictValues], edit: Edit) -> str | None:
    state: str | None = None
    for conflict in conflicts:
        held = (conflict.column in (edit.column, None)) and any(
            _same(v, edit.value) for v in conflict.values
        )
        if not held and conflict.laptop_row is not None and edit.column in conflict.laptop_row:
            held = _same(conflict.laptop_row[edit.column], edit.value)
        if held:
            if conflict.resolved:
                return "resolved"
            state = "open"
    return state


def office_scope_hashes(
    conn: Connection, coach_id: str, window_from: str, window_to: str
) -> dict[str, str]:
    """The office's content hash per synced table for one coach's check-out."""
    fill_scope(conn, "main", coach_id, Window(window_from, window_to))
    return content_hashes(conn, "main", scoped=True)


def laptop_hashes(conn: Connection) -> dict[str, str]:
    return content_hashes(conn, "main", scoped=False)


def laptop_window(conn: Connection) -> tuple[str, str, str]:
    """(coach id, window from, window to) of the check-out a laptop holds."""
    row = conn.execute("SELECT coach_id, window_from, window_to FROM sync_laptop").fetchone()
    return str(row[0]), str(row[1]), str(row[2])


def differing(a: dict[str, str], b: dict[str, str]) -> list[str]:
    return sorted(table for table in a.keys() | b.keys() if a.get(table) != b.get(table))


def broken_rows(conn: Connection) -> list[str]:
    """What in a database breaks the register's own rules after the merges and the
    resolutions: a reference to a row that is not there, an appointment whose end is not
    5 minutes to 8 hours after its start (a move is two fields; taken apart, it breaks)."""
    missing: dict[tuple[str, str], int] = defaultdict(int)
    for table, _, parent, _ in conn.execute("PRAGMA foreign_key_check").fetchall():
        missing[(table, parent)] += 1
    broken = [
        f"{n} {table} rows name a {parent} not there" for (table, parent), n in missing.items()
    ]
    rows = conn.execute(
        "SELECT id, starts_at, ends_at FROM appointment WHERE deleted_at IS NULL"
        " AND (julianday(ends_at) - julianday(starts_at)) * 1440 NOT BETWEEN ? - 0.5 AND ? + 0.5",
        [MIN_MINUTES, MAX_MINUTES],
    )
    broken += [f"appointment {row_id}: {start} – {end}" for row_id, start, end in rows]
    return broken
