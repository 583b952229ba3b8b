"""A check-in's rows: each laptop change merged (store/sync/merge.py), checked against the
office's own rules (a HETU another client holds, a parent the office deleted, a double
booking, a constraint) and written over the store's connection, or kept as a conflict.

Writes are plain parametrised SQL, not `rows.update_row`: the laptop's `updated_at` and
`updated_by` are the truth for its edits and must not be restamped. Table names come only
from `SYNCED`, column names only from PRAGMA table_info.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Final

from store.core.clock import from_iso, to_iso
from store.core.context import Context
from store.core.errors import SQLITE_INTEGRITY_ERRORS
from store.schedule.models import Proposal
from store.schedule.records import busy_entries
from store.schedule.rules import FREED_STATES, find_clashes
from store.sync.apply_earlier import Earlier, with_reverts
from store.sync.merge import Decision, Incoming, decide
from store.sync.models import Change, ConflictFound, TableCounts
from store.sync.scope import columns_of, synced_row
from store.sync.tables import SYNCED, TWO_WAY

# How a row of each table leads to its client, for a conflict the client's coach sees.
_CLIENT_VIA: Final[Mapping[str, tuple[str, str]]] = {
    "visit_reason_link": ("visit_id", "visit"),
    "visit_event": ("visit_id", "visit"),
    "path_step": ("path_id", "service_path"),
    "path_event": ("path_id", "service_path"),
    "rule_acknowledgement": ("step_id", "path_step"),
    "kompassi_answer": ("reading_id", "kompassi_reading"),
    "appointment_change": ("appointment_id", "appointment"),
}
# A change to any of these moves a booking in time or to another coach or room.
_BOOKING_COLUMNS: Final = frozenset(
    {"starts_at", "ends_at", "coach_id", "room_id", "status", "deleted_at"}
)


@dataclass(frozen=True)
class Found:
    """A conflict with the laptop's row where the office kept none of it."""

    conflict: ConflictFound
    laptop_row: Mapping[str, object] | None = None


@dataclass
class _Counts:
    inserted: int = 0
    updated: int = 0
    deleted: int = 0


@dataclass
class Outcome:
    per_table: dict[str, _Counts] = field(default_factory=dict[str, _Counts])
    merged_fields: int = 0
    found: list[Found] = field(default_factory=list[Found])

    def counts(self) -> dict[str, TableCounts]:
        return {
            table: TableCounts(c.inserted, c.updated, c.deleted)
            for table, c in self.per_table.items()
            if c.inserted or c.updated or c.deleted
        }


class RowMerger:
    """Merges one bundle's changes into the office database (inside the caller's write
    transaction)."""

    def __init__(self, ctx: Context, earlier: Earlier, changes: Sequence[Change]) -> None:
        self.ctx = ctx
        self.earlier = earlier
        self.changes = with_reverts(changes, earlier)
        self.outcome = Outcome()
        self._columns: dict[str, list[str]] = {}
        self._parents: dict[str, list[tuple[str, str]]] = {}
        # Bookings the bundle itself moves or adds: not clashes with each other.
        self._own_bookings = {c.row_id for c in self.changes if c.table == "appointment"}
        # New rows as the laptop sent them: a conflict's client is found through a parent
        # the office did not take in too.
        self._new_rows = {(c.table, c.row_id): c.new for c in self.changes if c.op == "insert"}

    def run(self) -> Outcome:
        order = {table: position for position, table in enumerate(SYNCED)}
        writes = [c for c in self.changes if c.op != "delete" and c.table in order]
        deletes = [c for c in self.changes if c.op == "delete" and c.table in order]
        writes.sort(key=lambda c: order[c.table])
        deletes.sort(key=lambda c: -order[c.table])
        for change in (*writes, *deletes):
            self._one(change)
        return self.outcome

    # Reading --------------------------------------------------------------------------

    def columns(self, table: str) -> list[str]:
        if table not in self._columns:
            self._columns[table] = columns_of(self.ctx.db.conn, "main", table)
        return self._columns[table]

    def _parents_of(self, table: str) -> list[tuple[str, str]]:
        if table not in self._parents:
            rows = self.ctx.db.execute(f"PRAGMA main.foreign_key_list({table})").fetchall()
            self._parents[table] = [(str(r[3]), str(r[2])) for r in rows if r[2] in SYNCED]
        return self._parents[table]

    def office_row(self, table: str, row_id: str) -> dict[str, object] | None:
        return synced_row(self.ctx.db.conn, table, row_id, self.columns(table))

    def client_of(self, table: str, row: Mapping[str, object], depth: int = 0) -> str | None:
        if table == "client":
            return None if row.get("id") is None else str(row["id"])
        if row.get("client_id") is not None:
            return str(row["client_id"])
        via = _CLIENT_VIA.get(table)
        if via is None or depth > 3 or row.get(via[0]) is None:
            return None
        parent_id = str(row[via[0]])
        parent = self.office_row(via[1], parent_id) or self._new_rows.get((via[1], parent_id))
        return None if parent is None else self.client_of(via[1], parent, depth + 1)

    # One change -----------------------------------------------------------------------

    def _one(self, change: Change) -> None:
        office = self.office_row(change.table, change.row_id)
        earlier = self.earlier.sent.get((change.table, change.row_id), {})
        incoming = Incoming(
            change.table,
            change.op,
            change.row_id,
            change.old,
            change.new,
            office,
            earlier,
            change.table in TWO_WAY,
        )
        decision = decide(incoming)
        laptop_row: dict[str, object] = {**(office or {}), **change.old, **change.new}
        laptop_row["id"] = change.row_id
        found = [Found(c, decision.laptop_row) for c in decision.conflicts]
        decision, extra = self._office_rules(change, office, decision, laptop_row)
        found += extra
        if decision.action != "none":
            rejected = self._write(change, decision)
            if rejected is not None:
                found.append(rejected)
            else:
                self._count(change.table, decision)
        # Whose row it is (a read per parent row) only where the inbox needs to say so.
        client_id = self.client_of(change.table, laptop_row) if found else None
        for item in found:
            conflict = item.conflict
            if conflict.client_id is None:
                conflict = replace(conflict, client_id=client_id)
            self.outcome.found.append(Found(conflict, item.laptop_row))

    def _count(self, table: str, decision: Decision) -> None:
        counts = self.outcome.per_table.setdefault(table, _Counts())
        if decision.action == "insert":
            counts.inserted += 1
        elif decision.action == "update":
            counts.updated += 1
            self.outcome.merged_fields += decision.merged_fields
        else:
            counts.deleted += 1

    def _office_rules(
        self,
        change: Change,
        office: Mapping[str, object] | None,
        decision: Decision,
        laptop_row: Mapping[str, object],
    ) -> tuple[Decision, list[Found]]:
        """What the office's own rules make of a write the merge allowed."""
        if decision.action not in ("insert", "update"):
            return decision, []
        found: list[Found] = []
        if change.table == "client":
            decision, found = self._hetu(change, office, decision)
        if change.table == "appointment":
            clash = self._clash(change, office, decision, laptop_row)
            if clash is not None:
                return Decision("none"), [*found, clash]
        if decision.action == "insert":
            found += self._deleted_parents(change, decision.values)
        return decision, found

    def _hetu(
        self, change: Change, office: Mapping[str, object] | None, decision: Decision
    ) -> tuple[Decision, list[Found]]:
        hetu = decision.values.get("hetu")
        if hetu is None:
            return decision, []
        holder = self.ctx.db.execute(
            "SELECT id FROM client WHERE hetu = ? AND deleted_at IS NULL AND id != ?",
            [hetu, change.row_id],
        ).fetchone()
        if holder is None:
            return decision, []
        conflict = ConflictFound(
            "same_hetu",
            "client",
            change.row_id,
            "hetu",
            change.old.get("hetu"),
            None if office is None else office.get("hetu"),
            hetu,
            client_id=change.row_id,
            other_row_id=str(holder[0]),
        )
        if decision.action == "insert":
            values = {**decision.values, "hetu": None}
            return replace(decision, values=values), [Found(conflict)]
        values = {c: v for c, v in decision.values.items() if c != "hetu"}
        if not set(values) - {"updated_at", "updated_by"}:
            return Decision("none"), [Found(conflict)]
        merged = max(decision.merged_fields - 1, 0)
        return replace(decision, values=values, merged_fields=merged), [Found(conflict)]

    def _clash(
        self,
        change: Change,
        office: Mapping[str, object] | None,
        decision: Decision,
        laptop_row: Mapping[str, object],
    ) -> Found | None:
        if decision.action == "update" and not set(decision.values) & _BOOKING_COLUMNS:
            return None
        row = {**(office or {}), **decision.values}
        if row.get("deleted_at") is not None or row.get("status") in FREED_STATES:
            return None
        # The booking screen's own rule (the coach's, the client's and the room's time, an
        # absence), against the office's calendar less the bookings this bundle brings.
        start, end = from_iso(str(row["starts_at"])), from_iso(str(row["ends_at"]))
        coach_id, client_id = str(row["coach_id"]), str(row["client_id"])
        room_id = None if row.get("room_id") is None else str(row["room_id"])
        mine = self._own_bookings | {change.row_id}
        calendar = busy_entries(
            self.ctx, start, end, coach_id=coach_id, client_id=client_id, room_id=room_id
        )
        clashes = find_clashes(
            Proposal(coach_id, client_id, start, end, room_id),
            [busy for busy in calendar if busy.entry_id not in mine],
        )
        if not clashes:
            return None
        clash = clashes[0]
        conflict = ConflictFound(
            "double_booking",
            "appointment",
            change.row_id,
            "starts_at",
            change.old.get("starts_at"),
            to_iso(clash.starts_at),
            row.get("starts_at"),
            other_row_id=clash.entry_id,
        )
        return Found(conflict, laptop_row)

    def _deleted_parents(self, change: Change, values: Mapping[str, object]) -> list[Found]:
        found: list[Found] = []
        for column, parent in self._parents_of(change.table):
            parent_id = values.get(column)
            if parent_id is None:
                continue
            row = self.ctx.db.execute(
                f"SELECT deleted_at FROM {parent} WHERE id = ?", [parent_id]
            ).fetchone()
            if row is not None and row[0] is not None:
                conflict = ConflictFound(
                    "parent_deleted",
                    change.table,
                    change.row_id,
                    column,
                    None,
                    row[0],
                    parent_id,
                    other_row_id=str(parent_id),
                )
                found.append(Found(conflict))
        return found

    # Writing --------------------------------------------------------------------------

    def _write(self, change: Change, decision: Decision) -> Found | None:
        """One row written under a savepoint; a row the office's constraints refuse is
        rolled back and kept whole in a `rejected` conflict."""
        table, known = change.table, set(self.columns(change.table))
        values = {c: v for c, v in decision.values.items() if c in known}
        try:
            with self.ctx.db.atomic():
                if decision.action == "insert":
                    names = list(values)
                    self.ctx.db.execute(
                        f"INSERT INTO {table} ({', '.join(names)})"
                        f" VALUES ({', '.join('?' * len(names))})",
                        list(values.values()),
                    )
                elif decision.action == "update":
                    assignments = ", ".join(f"{column} = ?" for column in values)
                    self.ctx.db.execute(
                        f"UPDATE {table} SET {assignments} WHERE id = ?",
                        [*values.values(), change.row_id],
                    )
                else:
                    self.ctx.db.execute(f"DELETE FROM {table} WHERE id = ?", [change.row_id])
        except SQLITE_INTEGRITY_ERRORS as exc:
            laptop = {**change.old, **change.new, "id": change.row_id}
            # The office's reason (SQLite's own words) as its side; the laptop's row whole.
            reason = str(exc)
            conflict = ConflictFound("rejected", table, change.row_id, None, None, reason, None)
            return Found(conflict, laptop)
        return None
