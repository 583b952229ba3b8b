"""Frozen records of the service path (domain guide §4): the catalog, providers, a client's
path and its steps, the rules' warnings, and the path's history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

StepStatus = Literal["planned", "active", "done", "interrupted", "cancelled"]
STEP_STATUSES: tuple[StepStatus, ...] = ("planned", "active", "done", "interrupted", "cancelled")
# Where a step's status may go next (planned → active → done | interrupted | cancelled).
NEXT_STATUSES: dict[StepStatus, tuple[StepStatus, ...]] = {
    "planned": ("active", "cancelled"),
    "active": ("done", "interrupted", "cancelled"),
    "done": (),
    "interrupted": (),
    "cancelled": (),
}

Outcome = Literal[
    "employed", "self_employed", "studies", "other_service", "left_register", "unknown"
]
OUTCOMES: tuple[Outcome, ...] = (
    "employed",
    "self_employed",
    "studies",
    "other_service",
    "left_register",
    "unknown",
)
Sector = Literal["company", "municipality", "third_sector", "public"]
SECTORS: tuple[Sector, ...] = ("company", "municipality", "third_sector", "public")
EMPLOYER_SECTORS: tuple[Sector, ...] = ("company", "municipality", "third_sector")
EmploymentType = Literal["permanent", "fixed_term"]
EMPLOYMENT_TYPES: tuple[EmploymentType, ...] = ("permanent", "fixed_term")


@dataclass(frozen=True)
class Service:
    id: str
    code: str
    category: str
    name_fi: str
    name_sv: str
    name_en: str
    sort_order: int
    active: bool

    def name(self, lang: str) -> str:
        return {"sv": self.name_sv, "en": self.name_en}.get(lang, self.name_fi)


@dataclass(frozen=True)
class ServiceRule:
    """One limit of a service, in force from `effective_from` until a newer row of the
    same service and kind (see store/core/service_catalog.py for the kinds)."""

    id: str
    service_id: str
    kind: str
    value: str
    effective_from: date
    source: str

    @property
    def number(self) -> float:
        return float(self.value)

    @property
    def numbers(self) -> tuple[int, ...]:
        return tuple(int(part) for part in self.value.split(",") if part.strip())


@dataclass(frozen=True)
class Provider:
    """A service provider (palveluntuottaja), named by its business ID (Y-tunnus)."""

    id: str
    name: str
    business_id: str
    sector: Sector
    municipality: str | None
    active_from: date
    active_to: date | None
    service_ids: tuple[str, ...]

    def active_on(self, day: date) -> bool:
        return self.active_from <= day and (self.active_to is None or day <= self.active_to)


@dataclass(frozen=True)
class PathStep:
    id: str
    path_id: str
    position: int
    service_id: str
    provider_id: str | None
    organiser: str | None  # an in-house organiser, when no provider is named
    planned_start: date
    planned_end: date | None
    actual_start: date | None
    actual_end: date | None
    status: StepStatus
    goal: str | None
    days_per_week: int | None
    hours_per_day: float | None
    subsidy_percent: int | None

    @property
    def start(self) -> date:
        """When the step starts or started: the actual start once there is one."""
        return self.actual_start or self.planned_start

    @property
    def end(self) -> date | None:
        """When the step ends or ended: the actual end once there is one."""
        return self.actual_end or self.planned_end

    @property
    def organiser_key(self) -> str | None:
        """Who organises the step, for the per-organiser limits."""
        if self.provider_id is not None:
            return f"provider:{self.provider_id}"
        return f"in_house:{self.organiser.casefold()}" if self.organiser else None


@dataclass(frozen=True)
class ServicePath:
    id: str
    client_id: str
    coach_id: str | None
    goal: str | None
    work_search_obligation: int
    next_review: date | None
    ended_on: date | None
    outcome: Outcome | None
    employer_sector: Sector | None
    employment_type: EmploymentType | None
    with_pay_subsidy: bool | None
    created_at: str

    @property
    def is_open(self) -> bool:
        return self.ended_on is None


@dataclass(frozen=True)
class RuleWarning:
    """A step against a rule of its service: shown next to the step until acknowledged.

    `code` is stable for the same breach of the same rule (what an acknowledgement names);
    `key` and `params` say it in the user's language; `rule` gives its text and source."""

    step_id: str
    code: str
    key: str
    params: dict[str, object]
    rule: ServiceRule | None  # None for a check of no single rule row
    acknowledged_by: str | None = None
    acknowledged_at: str | None = None

    @property
    def acknowledged(self) -> bool:
        return self.acknowledged_by is not None


@dataclass(frozen=True)
class PathEvent:
    id: str
    path_id: str
    step_id: str | None
    at: str
    staff_id: str | None
    action: str
    changes: dict[str, list[object]]
