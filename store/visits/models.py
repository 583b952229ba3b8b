"""Frozen records of walk-in visits: the queue, its states and the board."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from store.core.i18n import in_language

VisitState = Literal["waiting", "called", "serving", "done", "left", "transferred", "on_hold"]
Channel = Literal["walk_in", "appointment", "phone", "remote"]
CHANNELS: tuple[Channel, ...] = ("walk_in", "appointment", "phone", "remote")
OPEN_STATES: tuple[VisitState, ...] = ("waiting", "called", "serving", "transferred", "on_hold")
PROCESS_STEPS = ("none", "initial_interview", "job_search_discussion", "supplementary_discussion")
# How a visit that was done ended, the first the usual one; a visit left ends one way.
DONE_OUTCOMES = ("resolved", "referred", "appointment_booked")
OUTCOMES = (*DONE_OUTCOMES, "left_without_service")


@dataclass(frozen=True)
class VisitReason:
    id: str
    code: str
    labels: tuple[str, str, str]  # fi, sv, en
    sort_order: int

    def label(self, lang: str) -> str:
        return in_language(self.labels, lang)


@dataclass(frozen=True)
class Visit:
    """One visit in a site's queue, with the names the queue shows (None if anonymous)."""

    id: str
    site_id: str
    visit_date: date
    ticket: str
    client_id: str | None
    first_name: str | None
    last_name: str | None
    client_coach_id: str | None
    channel: Channel
    booked_for: str | None
    state: VisitState
    wants_own_coach: bool
    arrived_at: str
    called_at: str | None
    called_by: str | None
    desk: str | None
    finished_at: str | None
    served_by: str | None
    assigned_to: str | None
    outcome: str | None
    # While waiting: since arrival; while transferred: since the transfer (the wait for
    # the colleague). None once called.
    waiting_since: str | None
    reason_codes: tuple[str, ...]
    # The client's birth date, so that the desk can say who a visit is for beyond a name.
    client_birth_date: date | None = None

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def is_waiting(self) -> bool:
        """Waiting to be called: by anyone, or by the colleague it was transferred to."""
        return self.state in ("waiting", "transferred")


@dataclass(frozen=True)
class VisitEvent:
    visit_id: str
    at: str
    staff_id: str | None
    from_state: str | None
    to_state: str
    to_staff_id: str | None


@dataclass(frozen=True)
class NowServing:
    """What the waiting-room board shows: never a name."""

    ticket: str
    desk: str | None
