"""A desk's undo history: the changes made this session, newest first, for Ctrl+Z."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from store.visits.models import Visit

UNDO_DEPTH = 20  # a morning's slips, not the whole day


@dataclass(frozen=True)
class Change:
    """One change made at this desk: the visit as it was, and as the change left it."""

    before: Visit
    after: Visit


@dataclass
class UndoStack:
    """The session's changes, newest first. Taking one back goes through
    `VisitRegister.undo`, which refuses it when anyone has moved the visit on since; so a
    change further down is still checked against everything that came after it."""

    depth: int = UNDO_DEPTH
    _changes: list[Change] = field(default_factory=list[Change])

    def push(self, before: Visit, after: Visit) -> None:
        self._changes.insert(0, Change(before, after))
        del self._changes[self.depth :]

    def pop(self) -> Change | None:
        """The newest change, taken off the history; None when there is none."""
        return self._changes.pop(0) if self._changes else None

    def put_back(self, change: Change) -> None:
        """Return a change that could not be undone for now (the database was busy)."""
        self._changes.insert(0, change)

    def __iter__(self) -> Iterator[Change]:
        return iter(self._changes)

    def __len__(self) -> int:
        return len(self._changes)
