"""Whether the app runs on a laptop's check-out, and how its header says so."""

from __future__ import annotations

from dataclasses import dataclass

from store.api import Store
from store.core.dates import format_stored_day
from store.core.models import Staff
from store.sync.models import LaptopState


@dataclass(frozen=True)
class LaptopMode:
    """The check-out this database is, read once when someone logs in."""

    state: LaptopState
    coach: Staff | None

    @property
    def coach_id(self) -> str:
        return self.state.coach_id

    @property
    def coach_name(self) -> str:
        return self.coach.display_name if self.coach is not None else "?"

    @property
    def cut_on(self) -> str:
        return format_stored_day(self.state.cut_at)


def laptop_mode(store: Store) -> LaptopMode | None:
    """The laptop's check-out, or None for an office's register."""
    from store.sync.laptop import laptop_state

    state = laptop_state(store.db)
    if state is None:
        return None
    return LaptopMode(state, store.staff.get(state.coach_id))
