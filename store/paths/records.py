"""Reading a service path's rows: the records read from `service_path` and `path_step`,
and `PathView`, what F4, the plan document and the worklist show of one client's path."""

# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false, reportUnknownArgumentType=false
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from store.clients.models import Client
from store.paths.models import PathStep, Provider, RuleWarning, Service, ServicePath

PATH_SELECT = (
    "SELECT id, client_id, coach_id, goal, work_search_obligation, next_review, ended_on,"
    " outcome, employer_sector, employment_type, with_pay_subsidy, created_at FROM service_path"
)
STEP_SELECT = (
    "SELECT id, path_id, position, service_id, provider_id, organiser, planned_start,"
    " planned_end, actual_start, actual_end, status, goal, days_per_week, hours_per_day,"
    " subsidy_percent FROM path_step"
)


def _day(value: object) -> date | None:
    return date.fromisoformat(str(value)) if value else None


def path_from_row(row: tuple[object, ...]) -> ServicePath:
    (
        id_,
        client_id,
        coach_id,
        goal,
        obligation,
        review,
        ended,
        outcome,
        sector,
        kind,
        subsidy,
        created,
    ) = row
    return ServicePath(
        str(id_),
        str(client_id),
        str(coach_id) if coach_id else None,
        str(goal) if goal else None,
        int(str(obligation)),
        _day(review),
        _day(ended),
        outcome,  # type: ignore[arg-type]  # CHECK keeps it one of OUTCOMES
        sector,  # type: ignore[arg-type]
        kind,  # type: ignore[arg-type]
        None if subsidy is None else bool(subsidy),
        str(created),
    )


def step_from_row(row: tuple[object, ...]) -> PathStep:
    (id_, path_id, position, service_id, provider_id, organiser, p_start, p_end, a_start, a_end,
     status, goal, days, hours, subsidy) = row  # fmt: skip
    planned_start = _day(p_start)
    assert planned_start is not None
    return PathStep(
        str(id_),
        str(path_id),
        int(str(position)),
        str(service_id),
        str(provider_id) if provider_id else None,
        str(organiser) if organiser else None,
        planned_start,
        _day(p_end),
        _day(a_start),
        _day(a_end),
        status,  # type: ignore[arg-type]  # CHECK keeps it one of STEP_STATUSES
        str(goal) if goal else None,
        None if days is None else int(str(days)),
        None if hours is None else float(str(hours)),
        None if subsidy is None else int(str(subsidy)),
    )


@dataclass(frozen=True)
class PathView:
    """What F4 shows of one client: their open (or latest) path, its steps in order
    (cancelled ones too), the rule warnings with their acknowledgements, and whether the
    user may change anything."""

    client: Client
    path: ServicePath | None
    steps: tuple[PathStep, ...]
    warnings: tuple[RuleWarning, ...]
    editable: bool
    services: Mapping[str, Service]  # by id
    providers: Mapping[str, Provider]  # by id

    def warnings_of(self, step_id: str) -> list[RuleWarning]:
        return [w for w in self.warnings if w.step_id == step_id]

    @property
    def unacknowledged(self) -> list[RuleWarning]:
        return [w for w in self.warnings if not w.acknowledged]
