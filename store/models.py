"""Frozen records the store hands out; never raw rows or cursors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from . import rules
from .i18n import in_language

Role = Literal["reception", "coach", "admin"]
ROLES: tuple[Role, ...] = ("reception", "coach", "admin")
AuditAction = Literal["view", "create", "update", "delete", "export", "login", "failed_login"]
SERVICE_LANGUAGES = ("fi", "sv", "en", "other")
# Mother tongues offered on the client card (ISO 639-1 where one exists); the common
# languages of Finnish employment-service clients, "other" for the rest.
MOTHER_TONGUES = (
    "fi",
    "sv",
    "se",
    "ru",
    "et",
    "ar",
    "so",
    "en",
    "fa",
    "ku",
    "uk",
    "zh",
    "vi",
    "th",
    "tr",
    "sq",
    "es",
    "fr",
    "de",
    "pl",
    "other",
)


@dataclass(frozen=True)
class Site:
    id: str
    name: str
    municipality: str
    employment_area: str


@dataclass(frozen=True)
class Staff:
    id: str
    username: str
    display_name: str
    role: Role
    site_id: str | None
    language: str
    active: bool


@dataclass(frozen=True)
class Session:
    """Who is using Luotsi right now, and where."""

    staff: Staff
    site: Site | None


@dataclass(frozen=True)
class Client:
    id: str
    hetu: str | None
    first_name: str
    last_name: str
    birth_date: date
    phone: str | None
    email: str | None
    service_language: str
    mother_tongue: str | None
    municipality: str | None
    coach_id: str | None
    jobseeker_since: date | None
    unemployed_since: date | None
    consent_notes: str | None
    created_at: str
    updated_at: str

    @property
    def full_name(self) -> str:
        return f"{self.last_name} {self.first_name}"

    def age(self, today: date) -> int:
        return rules.age_on(self.birth_date, today)

    def derived_facts(self, today: date, bands: rules.AgeBands | None = None) -> ClientFacts:
        bands = bands or rules.AgeBands()
        return ClientFacts(
            age=self.age(today),
            under_youth_age=rules.is_under(self.birth_date, bands.youth, today),
            under_young_adult_age=rules.is_under(self.birth_date, bands.young_adult, today),
            long_term_unemployed=rules.is_long_term_unemployed(self.unemployed_since, today),
            foreign_language=rules.is_foreign_language(self.mother_tongue),
        )


@dataclass(frozen=True)
class ClientFacts:
    """Facts computed from a client's data, never typed in."""

    age: int
    under_youth_age: bool
    under_young_adult_age: bool
    long_term_unemployed: bool
    foreign_language: bool


@dataclass(frozen=True)
class ClientMatch:
    """One row of a client search: only what a result list needs."""

    id: str
    first_name: str
    last_name: str
    birth_date: date
    hetu: str | None
    phone: str | None


@dataclass(frozen=True)
class AuditEvent:
    id: str
    at: str
    staff_id: str | None
    action: AuditAction
    entity: str
    entity_id: str | None
    client_id: str | None
    purpose: str | None


@dataclass(frozen=True)
class TodayCounts:
    clients_registered: int
    visits: int = 0
    waiting: int = 0
    nps_responses: int = 0
    nps: float | None = None  # None while too few answers to show


VisitState = Literal["waiting", "called", "serving", "done", "left", "transferred", "on_hold"]
Channel = Literal["walk_in", "appointment", "phone", "remote"]
CHANNELS: tuple[Channel, ...] = ("walk_in", "appointment", "phone", "remote")
OPEN_STATES: tuple[VisitState, ...] = ("waiting", "called", "serving", "transferred", "on_hold")
PROCESS_STEPS = ("none", "initial_interview", "job_search_discussion", "supplementary_discussion")
OUTCOMES = ("resolved", "referred", "appointment_booked", "left_without_service")


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
