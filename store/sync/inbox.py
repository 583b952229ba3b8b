"""The conflicts inbox: what a check-in could not merge by itself, shown to the people who
may decide it (admins all of it, a coach their own clients' and their own laptop's), and
each decision written to the office's rows.

A resolved conflict keeps every value it was found with (base, office, laptop) and gets
how it was resolved, by whom and when; resolving it again is refused. Each decision is one
write transaction with one access-log event (an "update" of the "sync_conflict").
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from store.clients.display import full_name
from store.clients.repository import update_client_row
from store.clients.validation import CLIENT_FIELDS, mask_hetu
from store.core.audit import client_reference, log_event
from store.core.auth import require
from store.core.context import Context
from store.core.db import write_transaction
from store.core.errors import SQLITE_INTEGRITY_ERRORS
from store.core.models import Staff
from store.core.rows import soft_delete_row, update_row
from store.sync import person_merge
from store.sync.errors import SyncError
from store.sync.inbox_pairs import check_office_unchanged, together
from store.sync.inbox_rows import (
    InvalidValue,
    client_card_with,
    office_row,
    parent_of,
    typed_by_hand,
    typed_value,
    write_laptop_values,
)
from store.sync.laptop import laptop_state
from store.sync.models import Conflict, Resolution
from store.sync.person_merge import MergeRefused, PersonMerge
from store.sync.records import COLUMNS, conflict_from_row, encode

__all__ = [
    "AlreadyResolved",
    "ConflictContext",
    "DecidedAtTheOffice",
    "Inbox",
    "InvalidValue",
    "LaptopRowRefused",
    "MergeRefused",
    "NotForThisConflict",
    "PersonMerge",
    "RowGone",
]


class AlreadyResolved(SyncError):
    def __init__(self) -> None:
        super().__init__("sync.inbox.already_resolved")


class NotForThisConflict(SyncError):
    """A decision this kind of conflict does not offer (a typed value for a tombstone)."""

    def __init__(self) -> None:
        super().__init__("sync.inbox.not_for_kind")


class RowGone(SyncError):
    """The office no longer has the row the decision would write to."""

    def __init__(self) -> None:
        super().__init__("sync.inbox.row_gone")


class DecidedAtTheOffice(SyncError):
    """A laptop's database shows its conflicts (how the office decided each) but decides
    none: a decision there would never reach the office."""

    def __init__(self) -> None:
        super().__init__("sync.inbox.office_only")


class LaptopRowRefused(SyncError):
    """The office's rules refuse the laptop's values (a constraint): nothing was written."""


@dataclass(frozen=True)
class ConflictContext:
    """What a screen shows beside a conflict."""

    conflict: Conflict
    client_name: str | None  # "Last First" of conflict.client_id
    client_hetu: str | None  # masked (010190-***X)
    other_client_name: str | None  # same_hetu: the office's record with the HETU
    other_client_hetu: str | None
    office_row: Mapping[str, object] | None  # the row as the office has it now; None: gone
    office_deleted: bool
    device_label: str | None
    coach_name: str | None  # the laptop's coach
    can_take_laptop: bool
    can_set_value: bool  # field conflicts: a value typed by hand
    can_merge: bool  # same_hetu: merge the two records


# Conflicts a user may see: an admin all; a coach their own clients' and their laptop's.
_VISIBLE = (
    "deleted_at IS NULL AND (:admin OR client_id IN (SELECT id FROM client WHERE coach_id = :me)"
    " OR device_id IN (SELECT id FROM sync_device WHERE coach_id = :me))"
)


def _who(actor: Staff) -> dict[str, object]:
    return {"admin": actor.role == "admin", "me": actor.id}


class Inbox:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    # --- reading ------------------------------------------------------------------------

    def conflicts(self, actor: Staff, *, include_resolved: bool = False) -> list[Conflict]:
        """The conflicts `actor` may decide, newest check-in first (in the order found)."""
        require(actor, "sync.inbox")
        only_open = "" if include_resolved else " AND resolved_at IS NULL"
        rows = self.ctx.db.execute(
            f"SELECT {COLUMNS} FROM sync_conflict WHERE {_VISIBLE}{only_open}"
            " ORDER BY detected_at DESC, rowid",
            _who(actor),
        ).fetchall()
        return [conflict_from_row(row) for row in rows]

    def open_count(self, actor: Staff) -> int:
        require(actor, "sync.inbox")
        return self.ctx.db.execute(
            f"SELECT count(*) FROM sync_conflict WHERE {_VISIBLE} AND resolved_at IS NULL",
            _who(actor),
        ).fetchone()[0]

    def get(self, conflict_id: str, actor: Staff) -> Conflict:
        """One conflict; LookupError if there is none `actor` may see."""
        require(actor, "sync.inbox")
        row = self.ctx.db.execute(
            f"SELECT {COLUMNS} FROM sync_conflict WHERE id = :id AND {_VISIBLE}",
            {"id": conflict_id, **_who(actor)},
        ).fetchone()
        if row is None:
            raise LookupError(conflict_id)
        return conflict_from_row(row)

    def _read(self, conflict_id: str) -> Conflict:
        row = self.ctx.db.execute(
            f"SELECT {COLUMNS} FROM sync_conflict WHERE id = ?", [conflict_id]
        ).fetchone()
        return conflict_from_row(row)

    def describe(self, conflict: Conflict) -> ConflictContext:
        name, hetu = self._client_label(conflict.client_id)
        other_name, other_hetu = (
            self._client_label(conflict.other_row_id)
            if conflict.kind == "same_hetu"
            else (None, None)
        )
        row = office_row(self.ctx, conflict.table, conflict.row_id)
        device = self.ctx.db.execute(
            "SELECT d.label, s.display_name FROM sync_device d"
            " LEFT JOIN staff s ON s.id = d.coach_id WHERE d.id = ?",
            [conflict.device_id],
        ).fetchone()
        return ConflictContext(
            conflict=conflict,
            client_name=name,
            client_hetu=hetu,
            other_client_name=other_name,
            other_client_hetu=other_hetu,
            office_row=row,
            office_deleted=row is None or row.get("deleted_at") is not None,
            device_label=None if device is None else device[0],
            coach_name=None if device is None else device[1],
            can_take_laptop=conflict.is_open and conflict.kind != "same_hetu",
            can_set_value=conflict.is_open
            and conflict.kind == "field"
            and conflict.column is not None
            and typed_by_hand(
                conflict.column, conflict.base_value, conflict.office_value, conflict.laptop_value
            ),
            can_merge=conflict.is_open and conflict.kind == "same_hetu",
        )

    def _client_label(self, client_id: str | None) -> tuple[str | None, str | None]:
        if client_id is None:
            return None, None
        row = self.ctx.db.execute(
            "SELECT first_name, last_name, hetu FROM client WHERE id = ?", [client_id]
        ).fetchone()
        if row is None:
            return None, None
        return full_name(row[0], row[1]), None if row[2] is None else mask_hetu(row[2])

    # --- deciding -----------------------------------------------------------------------

    def _resolve(
        self,
        conflict_id: str,
        actor: Staff,
        decide: Callable[[Conflict], tuple[Resolution, object]],
    ) -> Conflict:
        """Check, decide and record one conflict in one write transaction."""
        with write_transaction(self.ctx.db):
            conflict = self.get(conflict_id, actor)
            self._refuse_on_a_laptop()
            if not conflict.is_open:
                raise AlreadyResolved
            resolution, value = decide(conflict)
            self._record(conflict, actor, resolution, value)
        return self._read(conflict_id)

    def _refuse_on_a_laptop(self) -> None:
        if laptop_state(self.ctx.db) is not None:
            raise DecidedAtTheOffice

    def _record(
        self, conflict: Conflict, actor: Staff, resolution: Resolution | None, value: object
    ) -> None:
        at = self.ctx.now_iso()
        update_row(
            self.ctx,
            "sync_conflict",
            conflict.id,
            {
                "resolution": resolution,
                "resolved_value": None if resolution is None else encode(value),
                "resolved_by": None if resolution is None else actor.id,
                "resolved_at": None if resolution is None else at,
            },
            by=actor.id,
            at=at,
        )
        client_id, purpose = client_reference(
            self.ctx, conflict.client_id, resolution or "reopened"
        )
        log_event(
            self.ctx,
            staff_id=actor.id,
            action="update",
            entity="sync_conflict",
            entity_id=conflict.id,
            client_id=None if client_id is None else str(client_id),
            purpose=str(purpose),
        )

    def keep_office(self, conflict_id: str, actor: Staff) -> Conflict:
        """The office's row stays as it is; a laptop's row whose parent the office deleted
        is deleted too."""

        def decide(conflict: Conflict) -> tuple[Resolution, object]:
            if conflict.kind == "parent_deleted":
                row = office_row(self.ctx, conflict.table, conflict.row_id)
                if row is not None and row.get("deleted_at") is None:
                    soft_delete_row(self.ctx, conflict.table, conflict.row_id, by=actor.id)
            for other in together(self.ctx, conflict):
                self._record(other, actor, "office", other.office_value)
            return "office", conflict.office_value

        return self._resolve(conflict_id, actor, decide)

    def take_laptop(self, conflict_id: str, actor: Staff) -> Conflict:
        """The laptop's side is written to the office's row (or the row the office refused
        or did not insert is written now); the office's rules may refuse it again."""

        def decide(conflict: Conflict) -> tuple[Resolution, object]:
            if conflict.kind == "same_hetu":
                raise NotForThisConflict
            others = together(self.ctx, conflict)
            for each in (conflict, *others):
                check_office_unchanged(self.ctx, each)
            try:
                if others:  # one write: a start past the old end alone breaks the row's rules
                    moved = {c.column: c.laptop_value for c in (conflict, *others) if c.column}
                    update_row(self.ctx, conflict.table, conflict.row_id, moved, by=actor.id)
                    for other in others:
                        self._record(other, actor, "laptop", other.laptop_value)
                else:
                    self._take_laptop(conflict, actor)
            except SQLITE_INTEGRITY_ERRORS:
                if conflict.kind == "rejected":
                    raise LaptopRowRefused("sync.inbox.refused_again") from None
                raise LaptopRowRefused("sync.inbox.refused") from None
            # What stands now: the laptop's row where the conflict kept one whole (a refused
            # or unbooked row, an edit of a deleted one), else the laptop's value.
            whole = conflict.kind in ("rejected", "double_booking", "edit_deleted")
            if whole and conflict.laptop_row is not None:
                return "laptop", dict(conflict.laptop_row)
            return "laptop", conflict.laptop_value

        return self._resolve(conflict_id, actor, decide)

    def _take_laptop(self, conflict: Conflict, actor: Staff) -> None:
        ctx, by = self.ctx, actor.id
        row = office_row(ctx, conflict.table, conflict.row_id)
        # A laptop's deletion: of a row the office edited, or of an office table's row (a
        # change of an office table that names no column and finds the row is a delete).
        deletes = conflict.kind == "deleted_edited" or (
            conflict.kind == "office_owned" and conflict.column is None and row is not None
        )
        if deletes:
            if row is not None and row.get("deleted_at") is None:
                soft_delete_row(ctx, conflict.table, conflict.row_id, by=by)
        elif conflict.kind == "parent_deleted":
            parent = parent_of(ctx, conflict)
            if parent is None:
                raise RowGone
            update_row(ctx, parent[0], parent[1], {"deleted_at": None}, by=by)
        else:
            # Edited on the laptop, deleted at the office: taking the laptop's edit brings
            # the row back.
            revive = {"deleted_at": None} if conflict.kind == "edit_deleted" else {}
            if not write_laptop_values(ctx, conflict, by=by, extra=revive):
                raise RowGone

    def set_value(self, conflict_id: str, value: str, actor: Staff) -> Conflict:
        """A `field` conflict decided by a value typed by hand (converted to the column's
        type; a client's field checked as the client card checks it: an `InvalidValue`
        naming the field and what is wrong with it)."""

        def decide(conflict: Conflict) -> tuple[Resolution, object]:
            if conflict.kind != "field" or conflict.column is None:
                raise NotForThisConflict
            table, row_id, column = conflict.table, conflict.row_id, conflict.column
            typed = typed_value(self.ctx, table, row_id, column, value)
            if office_row(self.ctx, table, row_id) is None:
                raise RowGone
            try:
                if table == "client" and column in CLIENT_FIELDS:
                    # As the client card saves it: its own access-log events (a HETU's change
                    # named old → new) besides the conflict's.
                    card = client_card_with(self.ctx, row_id, column, value)
                    update_client_row(self.ctx, row_id, card, actor_id=actor.id)
                else:
                    update_row(self.ctx, table, row_id, {column: typed}, by=actor.id)
            except SQLITE_INTEGRITY_ERRORS:
                raise LaptopRowRefused("sync.inbox.refused") from None
            return "merged", typed

        return self._resolve(conflict_id, actor, decide)

    # --- two records of one person ------------------------------------------------------

    def merge_people(self, conflict_id: str, actor: Staff, *, keep_id: str) -> str:
        """A `same_hetu` conflict decided by making the two records one, `keep_id`
        (either of the two) kept; returns the merge's id."""

        def decide(conflict: Conflict) -> tuple[Resolution, object]:
            if conflict.kind != "same_hetu" or conflict.other_row_id is None:
                raise NotForThisConflict
            pair = (conflict.row_id, conflict.other_row_id)
            if keep_id not in pair:
                raise MergeRefused("sync.inbox.merge.not_these")
            other = pair[1] if keep_id == pair[0] else pair[0]
            merge_id = person_merge.merge_clients(
                self.ctx, keep_id, other, by=actor.id, conflict_id=conflict.id
            )
            return "person_merged", merge_id

        return str(self._resolve(conflict_id, actor, decide).resolved_value)

    def undo_merge(self, merge_id: str, actor: Staff) -> None:
        """The two records made two again, and the conflict that merged them open again."""
        require(actor, "sync.inbox")
        with write_transaction(self.ctx.db):
            merge = person_merge.get_merge(self.ctx, merge_id)
            if not self._may_undo(merge, actor):
                raise LookupError(merge_id)
            self._refuse_on_a_laptop()
            person_merge.undo_merge(self.ctx, merge_id, by=actor.id)
            if merge.conflict_id is not None:
                self._record(self._read(merge.conflict_id), actor, None, None)

    def _may_undo(self, merge: PersonMerge, actor: Staff) -> bool:
        if actor.role == "admin":
            return True
        if merge.conflict_id is not None:
            try:
                self.get(merge.conflict_id, actor)
                return True
            except LookupError:
                pass
        row = self.ctx.db.execute(
            "SELECT 1 FROM client WHERE id IN (?, ?) AND coach_id = ?",
            [merge.kept_client_id, merge.merged_client_id, actor.id],
        ).fetchone()
        return row is not None

    def merges_of(self, client_id: str) -> list[PersonMerge]:
        return person_merge.merges_of(self.ctx, client_id)
