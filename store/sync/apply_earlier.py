"""What earlier bundles of one check-out already sent, and what a cumulative bundle says
by leaving something out.

Every bundle of a check-out holds the laptop's changes since the same base, so a later
bundle repeats the earlier ones. A value it repeats was handled (applied, or kept in the
inbox) and is skipped; a value the laptop changed again has what it sent before as its
base. A column an earlier bundle sent that the later one no longer lists was put back to
the base on the laptop; a row an earlier bundle inserted that the later one lacks was
removed there: both become changes of their own, so no laptop edit is lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from store.sync.merge import DELETED
from store.sync.models import Change
from store.sync.tables import BOOKKEEPING

Key = tuple[str, str]  # (table, row id)


@dataclass(frozen=True)
class Earlier:
    """`sent`: (table, row id) → column → the laptop value last sent (`DELETED` → True
    for a delete); `base`: the base's values of the columns those bundles changed."""

    sent: dict[Key, dict[str, object]] = field(default_factory=dict[Key, dict[str, object]])
    base: dict[Key, dict[str, object]] = field(default_factory=dict[Key, dict[str, object]])


def earlier_values(changesets: Iterable[Sequence[Change]]) -> Earlier:
    """From the changes of earlier bundles of one check-out, oldest first."""
    earlier = Earlier()
    for changes in changesets:
        for change in changes:
            key = (change.table, change.row_id)
            sent = earlier.sent.setdefault(key, {})
            if change.op == "delete":
                sent[DELETED] = True
            else:
                sent.pop(DELETED, None)
                sent.update(change.new)
            if change.op != "insert":
                base = earlier.base.setdefault(key, {})
                for column, value in change.old.items():
                    base.setdefault(column, value)
    return earlier


def with_reverts(changes: Sequence[Change], earlier: Earlier) -> list[Change]:
    """`changes` with what leaving something out says (see the module's docstring)."""
    present: set[Key] = set()
    result: list[Change] = []
    for change in changes:
        key = (change.table, change.row_id)
        present.add(key)
        base = earlier.base.get(key, {})
        reverted = {
            column: base[column]
            for column in earlier.sent.get(key, {})
            if column in base and column not in change.new and column not in BOOKKEEPING
        }
        if change.op == "update" and reverted:
            old = {**reverted, **change.old}
            change = Change(change.table, "update", change.row_id, old, {**reverted, **change.new})
        result.append(change)
    for key, sent in earlier.sent.items():
        if key in present or sent.get(DELETED) is True:
            continue
        table, row_id = key
        base = earlier.base.get(key)
        if base is None:  # inserted by an earlier bundle, removed on the laptop since
            result.append(Change(table, "delete", row_id, dict(sent), {}))
        else:  # every column put back as the base had it
            result.append(Change(table, "update", row_id, dict(base), dict(base)))
    return result
