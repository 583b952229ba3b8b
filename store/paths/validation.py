"""A path step's and a path's form values, checked: impossible input is an error at its
field (the rules of a service are warnings, store/paths/rules.py)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from store.clients.validation import FieldError, ValidationError, check_text
from store.core.dates import DateError, parse_date
from store.paths.models import EMPLOYER_SECTORS, EMPLOYMENT_TYPES, OUTCOMES, Provider, Service

# The step form's fields, as the repository stores them.
STEP_FIELDS = (
    "service",
    "provider",
    "organiser",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "goal",
    "days_per_week",
    "hours_per_day",
    "subsidy_percent",
)
GOAL_MAX_LENGTH = 500
ORGANISER_MAX_LENGTH = 100


class _Errors:
    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, field: str, key: str, **params: object) -> None:
        self.errors.append(FieldError(field, key, params))

    def has(self, field: str) -> bool:
        return any(e.field == field for e in self.errors)


def _date(
    raw: Mapping[str, str], name: str, errors: _Errors, *, required: bool = False
) -> date | None:
    text = raw.get(name, "").strip()
    if not text:
        if required:
            errors.add(name, "error.required")
        return None
    try:
        return parse_date(text)
    except DateError as exc:
        if exc.impossible:
            errors.add(name, "error.date.impossible", value=text)
        else:
            errors.add(name, "error.date.format")
        return None


def _number(
    raw: Mapping[str, str], name: str, errors: _Errors, low: float, high: float, *, whole: bool
) -> float | None:
    text = raw.get(name, "").strip().replace(",", ".").removesuffix("%").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        errors.add(name, "error.number.format")
        return None
    if whole and not value.is_integer():
        errors.add(name, "error.number.whole")
        return None
    if not low <= value <= high:
        errors.add(name, "error.number.range", low=_shown(low), high=_shown(high))
        return None
    return value


def _shown(number: float) -> str:
    number = float(number)
    return str(int(number)) if number.is_integer() else str(number).replace(".", ",")


def _text(raw: Mapping[str, str], name: str, errors: _Errors, max_length: int) -> str | None:
    text = raw.get(name, "").strip()
    try:
        return check_text(text, name, max_length) or None
    except ValidationError as exc:
        errors.errors += exc.errors
        return None


def clean_step(
    raw: Mapping[str, str],
    services: Mapping[str, Service],
    providers: Mapping[str, Provider],
) -> dict[str, object]:
    """The step's stored values from what the form holds (`services` by code, `providers`
    by id or business ID). Raises `ValidationError` naming every bad field at once."""
    errors = _Errors()
    code = raw.get("service", "").strip()
    service = services.get(code)
    if not code:
        errors.add("service", "error.required")
    elif service is None:
        errors.add("service", "error.service.unknown", code=code)
    provider_text = raw.get("provider", "").strip()
    provider = providers.get(provider_text) if provider_text else None
    if provider_text and provider is None:
        errors.add("provider", "error.provider.unknown", provider=provider_text)
    organiser = _text(raw, "organiser", errors, ORGANISER_MAX_LENGTH)
    planned_start = _date(raw, "planned_start", errors, required=True)
    planned_end = _date(raw, "planned_end", errors)
    actual_start = _date(raw, "actual_start", errors)
    actual_end = _date(raw, "actual_end", errors)
    for start, end, end_field in (
        (planned_start, planned_end, "planned_end"),
        (actual_start, actual_end, "actual_end"),
    ):
        if start is not None and end is not None and end < start:
            errors.add(end_field, "error.date.end_before_start")
    if actual_end is not None and actual_start is None and not errors.has("actual_start"):
        errors.add("actual_start", "error.step.end_without_start")
    goal = _text(raw, "goal", errors, GOAL_MAX_LENGTH)
    days = _number(raw, "days_per_week", errors, 1, 7, whole=True)
    hours = _number(raw, "hours_per_day", errors, 0.5, 24, whole=False)
    subsidy = _number(raw, "subsidy_percent", errors, 1, 100, whole=True)
    if errors.errors:
        raise ValidationError(errors.errors)
    assert service is not None and planned_start is not None
    return {
        "service_id": service.id,
        "provider_id": provider.id if provider else None,
        "organiser": None if provider else organiser,
        "planned_start": planned_start.isoformat(),
        "planned_end": planned_end.isoformat() if planned_end else None,
        "actual_start": actual_start.isoformat() if actual_start else None,
        "actual_end": actual_end.isoformat() if actual_end else None,
        "goal": goal,
        "days_per_week": None if days is None else int(days),
        "hours_per_day": hours,
        "subsidy_percent": None if subsidy is None else int(subsidy),
    }


def clean_outcome(raw: Mapping[str, str], today: date) -> dict[str, object]:
    """An ended path's outcome fields: outcome, ended_on (not in the future), and for the
    employed the employer's sector, the contract type and whether with pay subsidy."""
    errors = _Errors()
    outcome = raw.get("outcome", "").strip()
    if outcome not in OUTCOMES:
        errors.add("outcome", "error.required" if not outcome else "error.outcome.choice")
    ended_on = _date(raw, "ended_on", errors, required=True)
    if ended_on is not None and ended_on > today:
        errors.add("ended_on", "error.date.future")
    sector = raw.get("employer_sector", "").strip() or None
    kind = raw.get("employment_type", "").strip() or None
    subsidy_text = raw.get("with_pay_subsidy", "").strip()
    if outcome == "employed":
        if sector not in EMPLOYER_SECTORS:
            errors.add("employer_sector", "error.required")
        if kind not in EMPLOYMENT_TYPES:
            errors.add("employment_type", "error.required")
    else:
        sector = kind = None
        subsidy_text = ""
    if errors.errors:
        raise ValidationError(errors.errors)
    assert ended_on is not None
    return {
        "outcome": outcome,
        "ended_on": ended_on.isoformat(),
        "employer_sector": sector,
        "employment_type": kind,
        "with_pay_subsidy": None if not subsidy_text else int(subsidy_text in ("1", "yes", "true")),
    }


def clean_path(raw: Mapping[str, str]) -> dict[str, object]:
    """A path's own fields: its goal, the work-search obligation (0–4 applications a
    month) and the next review date."""
    errors = _Errors()
    goal = _text(raw, "goal", errors, GOAL_MAX_LENGTH)
    obligation = _number(raw, "work_search_obligation", errors, 0, 4, whole=True)
    review = _date(raw, "next_review", errors)
    if errors.errors:
        raise ValidationError(errors.errors)
    return {
        "goal": goal,
        "work_search_obligation": 4 if obligation is None else int(obligation),
        "next_review": review.isoformat() if review else None,
    }
