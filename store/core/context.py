"""What a repository is given: the connection and the clock, never the whole `Store`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from store.core.clock import Clock, to_iso

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Context:
    db: Database
    clock: Clock

    def now_iso(self) -> str:
        """Now as stored: ISO 8601 UTC text."""
        return to_iso(self.clock.now())

    def today(self) -> date:
        """Today's local date."""
        return self.clock.today()
