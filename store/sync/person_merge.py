"""Two records of one person made one, and made two again: the rows that point at the
merged client move to the kept one, the kept one is filled in where it was empty, and
everything a merge did is written down (`person_merge`) so that it can be undone exactly.

A laptop may register a client the office already has (a `same_hetu` conflict at check-in,
store/sync/inbox.py): merging them is how the inbox makes the two one record.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, cast

from store.clients.repository import HETU_CHANGE_ENTITY, hetu_change_text
from store.clients.validation import CLIENT_FIELDS
from store.core.audit import log_event
from store.core.context import Context
from store.core.errors import SQLITE_INTEGRITY_ERRORS
from store.core.rows import insert_row, soft_delete_row, update_row
from store.sync.errors import SyncError

# Every row that names a client as its own, and the column that does. The access log is
# not here: it is append-only, and says which record an event was about when it happened.
CLIENT_REFERENCES: Final = (
    ("visit", "client_id"),
    ("service_path", "client_id"),
    ("kompassi_reading", "client_id"),
    ("kompassi_suggestion", "client_id"),
    ("appointment", "client_id"),
    ("group_seat", "client_id"),
    ("sync_conflict", "client_id"),
)
# In `moved`: a row the merge tombstoned instead of repointing (a seat the kept client
# also holds), so that undoing the merge brings it back.
TOMBSTONED: Final = "deleted_at"

_ENTITY = "person_merge"
_COLUMNS = (
    "id, kept_client_id, merged_client_id, moved, kept_before, conflict_id, merged_by,"
    " merged_at, undone_by, undone_at"
)


class MergeRefused(SyncError):
    """Why two records cannot be merged, or a merge cannot be undone, as it stands."""


@dataclass(frozen=True)
class PersonMerge:
    id: str
    kept_client_id: str
    merged_client_id: str
    # (table, row id, column): a row repointed from the merged client to the kept one,
    # or (table, row id, "deleted_at"): a row the merge tombstoned.
    moved: tuple[tuple[str, str, str], ...]
    # The kept client's fields the merge filled in, as they were before (empty).
    kept_before: Mapping[str, object]
    conflict_id: str | None
    merged_by: str | None
    merged_at: str
    undone_by: str | None
    undone_at: str | None

    @property
    def is_undone(self) -> bool:
        return self.undone_at is not None


def _merge_from_row(row: Sequence[object]) -> PersonMerge:
    moved = cast(list[list[str]], json.loads(str(row[3])))
    return PersonMerge(
        id=str(row[0]),
        kept_client_id=str(row[1]),
        merged_client_id=str(row[2]),
        moved=tuple((str(t), str(i), str(c)) for t, i, c in moved),
        kept_before=cast(dict[str, object], json.loads(str(row[4]))),
        conflict_id=None if row[5] is None else str(row[5]),
        merged_by=None if row[6] is None else str(row[6]),
        merged_at=str(row[7]),
        undone_by=None if row[8] is None else str(row[8]),
        undone_at=None if row[9] is None else str(row[9]),
    )


def get_merge(ctx: Context, merge_id: str) -> PersonMerge:
    row = ctx.db.execute(
        f"SELECT {_COLUMNS} FROM person_merge WHERE id = ? AND deleted_at IS NULL", [merge_id]
    ).fetchone()
    if row is None:
        raise LookupError(merge_id)
    return _merge_from_row(row)


def merges_of(ctx: Context, client_id: str) -> list[PersonMerge]:
    """Every merge the client took part in (kept or merged), newest first."""
    rows = ctx.db.execute(
        f"SELECT {_COLUMNS} FROM person_merge WHERE (kept_client_id = :id"
        " OR merged_client_id = :id) AND deleted_at IS NULL ORDER BY merged_at DESC, rowid DESC",
        {"id": client_id},
    ).fetchall()
    return [_merge_from_row(row) for row in rows]


def _client_fields(ctx: Context, client_id: str) -> dict[str, object] | None:
    """A live client's fields as stored, or None."""
    row = ctx.db.execute(
        f"SELECT {', '.join(CLIENT_FIELDS)} FROM client WHERE id = ? AND deleted_at IS NULL",
        [client_id],
    ).fetchone()
    return None if row is None else dict(zip(CLIENT_FIELDS, row, strict=True))


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _both_have(ctx: Context, table: str, where: str, kept_id: str, merged_id: str) -> bool:
    count = ctx.db.execute(
        f"SELECT count(DISTINCT client_id) FROM {table} WHERE client_id IN (?, ?)"
        f" AND {where} AND deleted_at IS NULL",
        [kept_id, merged_id],
    ).fetchone()[0]
    return count == 2


def _refuse_clashes(ctx: Context, kept_id: str, merged_id: str) -> None:
    """A client has at most one open service path and one unfinished Kompassi reading:
    a merge that would give the kept one two is refused (a coach ends one first)."""
    if _both_have(ctx, "service_path", "ended_on IS NULL", kept_id, merged_id):
        raise MergeRefused("sync.inbox.merge.open_paths")
    if _both_have(ctx, "kompassi_reading", "status = 'draft'", kept_id, merged_id):
        raise MergeRefused("sync.inbox.merge.drafts")


def _clashing_seats(ctx: Context, kept_id: str, merged_id: str) -> list[tuple[str, bool]]:
    """The merged client's seats on sessions the kept one also holds a seat on (one
    person, one seat): (seat id, whether it is live)."""
    rows = ctx.db.execute(
        "SELECT m.id, m.deleted_at IS NULL FROM group_seat m WHERE m.client_id = ?"
        " AND m.state != 'cancelled' AND EXISTS (SELECT 1 FROM group_seat k"
        " WHERE k.session_id = m.session_id AND k.client_id = ? AND k.state != 'cancelled')",
        [merged_id, kept_id],
    ).fetchall()
    return [(str(row[0]), bool(row[1])) for row in rows]


def _log(ctx: Context, merge_id: str, client_ids: Sequence[str], by: str | None, what: str) -> None:
    for client_id in client_ids:
        log_event(
            ctx,
            staff_id=by,
            action="update",
            entity=_ENTITY,
            entity_id=merge_id,
            client_id=client_id,
            purpose=what,
        )


def merge_clients(
    ctx: Context, kept_id: str, merged_id: str, *, by: str | None, conflict_id: str | None
) -> str:
    """Merge client `merged_id` into `kept_id` (inside the caller's write transaction);
    returns the `person_merge` id."""
    try:
        return _merge(ctx, kept_id, merged_id, by=by, conflict_id=conflict_id)
    except SQLITE_INTEGRITY_ERRORS:
        # A rule of the register the checks above do not foresee: the caller's
        # transaction is rolled back whole.
        raise MergeRefused("sync.inbox.merge.refused") from None


def _merge(
    ctx: Context, kept_id: str, merged_id: str, *, by: str | None, conflict_id: str | None
) -> str:
    kept = _client_fields(ctx, kept_id)
    merged = _client_fields(ctx, merged_id)
    if kept is None or merged is None or kept_id == merged_id:
        raise MergeRefused("sync.inbox.merge.gone")
    _refuse_clashes(ctx, kept_id, merged_id)
    filled = {f: merged[f] for f in CLIENT_FIELDS if _empty(kept[f]) and not _empty(merged[f])}
    moved: list[tuple[str, str, str]] = []
    skip: set[str] = set()
    for seat_id, live in _clashing_seats(ctx, kept_id, merged_id):
        skip.add(seat_id)
        if live:
            soft_delete_row(ctx, "group_seat", seat_id, by=by)
            moved.append(("group_seat", seat_id, TOMBSTONED))
    for table, column in CLIENT_REFERENCES:
        rows = ctx.db.execute(
            f"SELECT id FROM {table} WHERE {column} = ? ORDER BY rowid", [merged_id]
        ).fetchall()
        for (row_id,) in rows:
            if row_id not in skip:
                update_row(ctx, table, str(row_id), {column: kept_id}, by=by)
                moved.append((table, str(row_id), column))
    # The merged record goes first: a HETU is unique among live clients only.
    soft_delete_row(ctx, "client", merged_id, by=by)
    if filled:
        update_row(ctx, "client", kept_id, filled, by=by)
    merge_id = insert_row(
        ctx,
        "person_merge",
        {
            "kept_client_id": kept_id,
            "merged_client_id": merged_id,
            "moved": json.dumps(moved),
            "kept_before": json.dumps({f: kept[f] for f in filled}, ensure_ascii=False),
            "conflict_id": conflict_id,
            "merged_by": by,
            "merged_at": ctx.now_iso(),
        },
        by=by,
    )
    _log(ctx, merge_id, (kept_id, merged_id), by, "merged")
    if "hetu" in filled:
        # Which person a record is about must stay traceable (as when a HETU is corrected).
        _log_hetu(ctx, kept_id, None, filled["hetu"], by)
    return merge_id


def _log_hetu(ctx: Context, client_id: str, old: object, new: object, by: str | None) -> None:
    log_event(
        ctx,
        staff_id=by,
        action="update",
        entity=HETU_CHANGE_ENTITY,
        entity_id=client_id,
        client_id=client_id,
        purpose=hetu_change_text(old, new),
    )


def _merged_values(ctx: Context, merge: PersonMerge) -> dict[str, object]:
    """What the merge wrote into the kept record: the merged record's values, which its
    tombstone still holds."""
    fields = [f for f in merge.kept_before if f in CLIENT_FIELDS]
    if not fields:
        return {}
    row = ctx.db.execute(
        f"SELECT {', '.join(fields)} FROM client WHERE id = ?", [merge.merged_client_id]
    ).fetchone()
    return dict(zip(fields, cast(Sequence[Any], row), strict=True))


def undo_merge(ctx: Context, merge_id: str, *, by: str | None) -> PersonMerge:
    """Make the two records two again (inside the caller's write transaction): refused if
    undone already, or if the kept record's filled-in fields were changed since."""
    try:
        return _undo(ctx, merge_id, by=by)
    except SQLITE_INTEGRITY_ERRORS:
        # Another live client has the merged record's HETU by now, say.
        raise MergeRefused("sync.inbox.merge.undo_refused") from None


def _undo(ctx: Context, merge_id: str, *, by: str | None) -> PersonMerge:
    merge = get_merge(ctx, merge_id)
    if merge.is_undone:
        raise MergeRefused("sync.inbox.merge.undone")
    kept = _client_fields(ctx, merge.kept_client_id)
    if kept is None:
        raise MergeRefused("sync.inbox.merge.gone")
    wrote = _merged_values(ctx, merge)
    changed = sorted(f for f, value in wrote.items() if kept[f] != value)
    if changed:
        raise MergeRefused("sync.inbox.merge.changed_since", fields=", ".join(changed))
    restore = {f: merge.kept_before[f] for f in wrote}
    if restore:  # the HETU leaves the kept record before the merged one lives again
        update_row(ctx, "client", merge.kept_client_id, restore, by=by)
    update_row(ctx, "client", merge.merged_client_id, {"deleted_at": None}, by=by)
    for table, row_id, column in merge.moved:
        if column == TOMBSTONED:
            update_row(ctx, table, row_id, {"deleted_at": None}, by=by)
        else:
            update_row(ctx, table, row_id, {column: merge.merged_client_id}, by=by)
    at = ctx.now_iso()
    update_row(ctx, "person_merge", merge_id, {"undone_by": by, "undone_at": at}, by=by, at=at)
    _log(ctx, merge_id, (merge.kept_client_id, merge.merged_client_id), by, "undone")
    if "hetu" in restore:
        _log_hetu(ctx, merge.kept_client_id, wrote["hetu"], None, by)
    return get_merge(ctx, merge_id)
