"""The check-in's merge rules, one laptop change at a time: what of it the office takes and
which conflicts it makes. Pure: the engine (store/sync/apply.py) reads the rows and writes.

Three sides per field: the base (what the laptop was checked out with, or what an earlier
bundle of the same check-out already sent), the office's row now, and the laptop's value.
A field changed on one side only is taken; changed on both to different values it is a
conflict and the office's value stays; an edit against a tombstone either way is a
conflict; nothing of either side is lost (the conflict holds the laptop's values).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final, Literal

from store.sync.models import ConflictFound, ConflictKind, Op
from store.sync.tables import BOOKKEEPING, LOCAL_COLUMNS

Action = Literal["none", "insert", "update", "delete"]

# Fields that change together (a move is a new start and end): a conflict on one of them
# keeps the laptop's change to the others out too, each as a conflict of its own.
TOGETHER: Final[Mapping[str, tuple[frozenset[str], ...]]] = {
    "appointment": (frozenset({"starts_at", "ends_at"}),),
    "path_step": (
        frozenset({"planned_start", "planned_end"}),
        frozenset({"actual_start", "actual_end"}),
    ),
}

# The column an earlier bundle's hard delete of a row is remembered under.
DELETED: Final = "*deleted*"


@dataclass(frozen=True)
class Incoming:
    """One laptop change with what the office knows of its row.

    `base` and `laptop` are the changeset's old and new values (see store.sync.changeset);
    `office` is the office's row now (travelling columns) or None; `earlier` the laptop
    values of this row that earlier bundles of the same check-out already sent (column →
    value, `DELETED` → True for a delete)."""

    table: str
    op: Op
    row_id: str
    base: Mapping[str, object]
    laptop: Mapping[str, object]
    office: Mapping[str, object] | None
    earlier: Mapping[str, object] = field(default_factory=dict[str, object])
    two_way: bool = True


@dataclass(frozen=True)
class Decision:
    """What to do with one change: `values` are the columns to write (every column of an
    insert), bookkeeping included; `laptop_row` is kept whole in conflicts that keep
    none of the laptop's change."""

    action: Action
    values: Mapping[str, object] = field(default_factory=dict[str, object])
    conflicts: tuple[ConflictFound, ...] = ()
    laptop_row: Mapping[str, object] | None = None
    merged_fields: int = 0


def _travelling(table: str, values: Mapping[str, object]) -> dict[str, object]:
    local = LOCAL_COLUMNS.get(table, frozenset())
    return {column: value for column, value in values.items() if column not in local}


def _content(values: Mapping[str, object]) -> dict[str, object]:
    return {c: v for c, v in values.items() if c not in BOOKKEEPING and c != "id"}


def _conflict(
    change: Incoming,
    kind: ConflictKind,
    column: str | None = None,
    base: object = None,
    office: object = None,
    laptop: object = None,
) -> ConflictFound:
    return ConflictFound(kind, change.table, change.row_id, column, base, office, laptop)


def later_stamps(office: Mapping[str, object], laptop: Mapping[str, object]) -> dict[str, object]:
    """updated_at/updated_by of whichever side changed the row last (ISO UTC text sorts)."""
    laptop_at, office_at = laptop.get("updated_at"), office.get("updated_at")
    if laptop_at is not None and (office_at is None or str(laptop_at) > str(office_at)):
        return {"updated_at": laptop_at, "updated_by": laptop.get("updated_by")}
    return {"updated_at": office_at, "updated_by": office.get("updated_by")}


def decide(change: Incoming) -> Decision:
    """The three-way merge of one change (see the module's docstring)."""
    laptop = _travelling(change.table, change.laptop)
    base = _travelling(change.table, change.base)
    if change.op == "delete":
        return _delete(change, base)
    fresh = {
        column: value
        for column, value in _content(laptop).items()
        if column not in change.earlier or change.earlier[column] != value
    }
    if not fresh:
        return Decision("none")
    if change.office is None:
        if change.op == "update":
            return Decision("none", {}, (_conflict(change, "edit_deleted"),), laptop)
        if not change.two_way:
            return Decision("none", {}, (_conflict(change, "office_owned"),), laptop)
        return Decision("insert", laptop)
    # An insert of a row the office has (an earlier bundle brought it): what that bundle
    # sent is the base; a field it did not send differs from the office's → a conflict.
    effective = {**base, **{c: v for c, v in change.earlier.items() if c != DELETED}}
    if change.two_way:
        tombstone = _tombstone(change, change.office, effective, fresh)
        if tombstone is not None:
            return tombstone
    return _fields(change, change.office, effective, laptop, fresh)


def _tombstone(
    change: Incoming,
    office: Mapping[str, object],
    base: Mapping[str, object],
    fresh: Mapping[str, object],
) -> Decision | None:
    """An edit against a deletion, either way (None when neither side deleted the row)."""
    laptop = _travelling(change.table, change.laptop)
    office_deleted = office.get("deleted_at")
    laptop_deletes = fresh.get("deleted_at") is not None and base.get("deleted_at") is None
    if laptop_deletes and office_deleted is not None:
        # Deleted on both sides: the office's deletion stands, the laptop's other edits
        # still merge into the tombstone (nothing it sent is dropped unseen).
        edits = {c: v for c, v in fresh.items() if c != "deleted_at"}
        return _fields(change, office, base, laptop, edits)
    if laptop_deletes and office_changed(office, base):
        found = _conflict(change, "deleted_edited", "deleted_at", None, None, fresh["deleted_at"])
        return Decision("none", {}, (found,), laptop)
    # A tombstone the laptop knew (its own deletion, brought by an earlier bundle) is no
    # news to it: its later edits merge as into any row.
    if office_deleted is not None and "deleted_at" not in fresh:
        if base.get("deleted_at") == office_deleted:
            return None
        found = _conflict(change, "edit_deleted", "deleted_at", None, office_deleted, None)
        return Decision("none", {}, (found,), laptop)
    return None


def office_changed(office: Mapping[str, object], base: Mapping[str, object]) -> bool:
    """Whether the office changed a row since `base`: a known field differs, or the row
    was stamped since (the base's `updated_at`, when the changeset carries it)."""
    for column, value in _content(base).items():
        if column != "deleted_at" and column in office and office[column] != value:
            return True
    stamped = base.get("updated_at")
    return stamped is not None and office.get("updated_at") != stamped


def _fields(
    change: Incoming,
    office: Mapping[str, object],
    base: Mapping[str, object],
    laptop: Mapping[str, object],
    fresh: Mapping[str, object],
) -> Decision:
    """Field by field: taken where only the laptop changed it, a conflict where both did."""
    taken: dict[str, object] = {}
    conflicts: list[ConflictFound] = []
    for column, value in fresh.items():
        if column not in office or office[column] == value:
            continue  # the same on both sides, or a column this office lacks
        if column in base and base[column] == value:
            continue  # not changed on the laptop: the office's value stands
        now = office[column]
        if not change.two_way:
            found = _conflict(change, "office_owned", column, base.get(column), now, value)
            conflicts.append(found)
        elif column in base and base[column] == now:
            taken[column] = value
        else:
            conflicts.append(_conflict(change, "field", column, base.get(column), now, value))
    for group in TOGETHER.get(change.table, ()):
        # Half of a move taken and half kept would make a time nobody chose.
        if any(c.column in group for c in conflicts):
            for column in group & set(taken):
                value = taken.pop(column)
                found = _conflict(change, "field", column, base.get(column), office[column], value)
                conflicts.append(found)
    if not taken:
        return Decision("none", {}, tuple(conflicts))
    values = {**taken, **later_stamps(office, laptop)}
    return Decision("update", values, tuple(conflicts), merged_fields=len(taken))


def _delete(change: Incoming, base: dict[str, object]) -> Decision:
    office = change.office
    if change.earlier.get(DELETED) is True:
        return Decision("none")
    if office is None:
        return Decision("none")
    if not change.two_way:
        return Decision("none", {}, (_conflict(change, "office_owned"),), base)
    if office.get("deleted_at") is not None and base.get("deleted_at") is None:
        return Decision("none")  # deleted on both sides
    effective = {**base, **{c: v for c, v in change.earlier.items() if c != DELETED}}
    if all(office.get(c) == v for c, v in _content(effective).items() if c in office):
        return Decision("delete")
    return Decision("none", {}, (_conflict(change, "deleted_edited"),), base)
