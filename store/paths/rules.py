"""The rules of a path's services, checked as the coach types: pure functions, no I/O.

A step is checked against the rules of its service in force on its own start (see
`catalog.rules_in_force`); a breach is a `RuleWarning` the coach may acknowledge, never a
refusal. Impossible input is the form's to refuse (store/paths/validation.py).

How long a step is (`step_months`): calendar months with day precision. Both the first and
the last day belong to the step, so 1.1.–30.6. is 6 months and 15.1.–14.7. is 6 months.
The whole months come first, each ending on the same day of the month or on the last day
of a shorter month (as `store.clients.rules.add_months` moves dates, after Act 150/1930);
the days left over are that fraction of the month that would have come next. So
31.1.–27.2.2023 is one month, 29.2.2024–27.2.2025 is twelve, and 29.2.2024–28.2.2025 (one
day more) is twelve and 1/29. Months are exact fractions, compared exactly; they are shown
to a tenth, rounded away from the limit, so a breach never reads as the limit itself.

Totals (months of a service in the whole path, with one organiser, in companies) count
the days of the steps once, however they overlap or adjoin, in the order the steps start.
The step whose months take the total over the limit is warned, and so is every later step
of that service that the limit no longer covers.

A step with no end (neither an actual nor a planned one) has no length yet: the month
rules skip it and totals leave it out. For overlaps it runs on, so a full-time step with no
end overlaps every full-time step after it. A cancelled step counts for nothing.

A warning's `code` names the rule row and the figures the warning shows (or the other
step, for an overlap): an acknowledgement holds while the warning says the same thing, and
a warning that says something else (14 months instead of 13, an overlap with another step)
is new.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, timedelta
from fractions import Fraction
from functools import lru_cache

from store.clients.rules import add_months, age_on, months_between
from store.core.dates import format_date
from store.paths.catalog import rules_in_force
from store.paths.models import PathStep, Provider, RuleWarning, Service, ServiceRule

_DAY = timedelta(days=1)
WARNING_KEYS = (
    "path.warning.max_total_months",
    "path.warning.max_months_per_organiser",
    "path.warning.max_company_months",
    "path.warning.min_step_months",
    "path.warning.max_step_months",
    "path.warning.min_days_per_week",
    "path.warning.max_days_per_week",
    "path.warning.min_hours_per_day",
    "path.warning.max_hours_per_day",
    "path.warning.max_hours_per_week",
    "path.warning.min_age",
    "path.warning.subsidy_percentages",
    "path.warning.subsidy_missing",
    "path.warning.full_time_overlap",
    "path.warning.provider_service",
    "path.warning.provider_inactive",
)


@lru_cache(maxsize=4096)
def step_months(start: date, end: date) -> Fraction:
    """Calendar months from `start` to `end`, both included, with day precision (see the
    module's docstring); 0 when `end` is before `start`."""
    after = end + _DAY
    if after <= start:
        return Fraction(0)
    whole = months_between(start, after)
    anniversary = add_months(start, whole)
    next_anniversary = add_months(start, whole + 1)
    return whole + Fraction((after - anniversary).days, (next_anniversary - anniversary).days)


def covered_months(spans: Iterable[tuple[date, date]]) -> Fraction:
    """Months of the days that any of the (start, end) spans covers, each day once:
    overlapping and adjoining spans join into one before they are measured."""
    totals = running_months(sorted(spans))
    return totals[-1] if totals else Fraction(0)


def running_months(spans: Sequence[tuple[date, date]]) -> list[Fraction]:
    """For spans in the order they start, the months covered by each span and all before
    it (see `covered_months`)."""
    totals: list[Fraction] = []
    closed = Fraction(0)  # the months of joined spans that no later span reaches
    joined: tuple[date, date] | None = None
    for start, end in spans:
        if joined is not None and start <= joined[1] + _DAY:
            joined = (joined[0], max(joined[1], end))
        else:
            if joined is not None:
                closed += step_months(*joined)
            joined = (start, end)
        totals.append(closed + step_months(*joined))
    return totals


def _span(step: PathStep) -> tuple[date, date] | None:
    """The step's days, first and last, once it has an end."""
    end = step.end
    return (step.start, end) if end is not None and end >= step.start else None


def _shown(value: Fraction | float, *, up: bool | None = None) -> str:
    """A figure as a warning shows it, with the decimal comma the form takes: 14, 6,1, 7,25.
    Months go to a tenth, rounded up (`up`) or down (`not up`), away from the limit they
    break; other figures to a hundredth, to the nearest."""
    if Fraction(value).denominator == 1:
        return str(int(value))
    places = 2 if up is None else 1
    scaled = Fraction(value) * 10**places
    rounded = round(scaled) if up is None else math.ceil(scaled) if up else math.floor(scaled)
    whole, part = divmod(rounded, 10**places)
    decimals = f"{part:0{places}d}".rstrip("0")
    return f"{whole},{decimals}" if decimals else str(whole)


def _limit(rule: ServiceRule) -> Fraction:
    return _number(rule.value)


@lru_cache(maxsize=256)
def _number(value: str) -> Fraction:
    """A rule row's value as an exact number ("12", "7.5"), parsed once."""
    return Fraction(value.strip())


def _names(prefix: str, service: Service | None, fallback: str) -> dict[str, object]:
    """A service's name in each language, for the texts of all three to choose from."""
    return {
        f"{prefix}_{lang}": service.name(lang) if service is not None else fallback
        for lang in ("fi", "sv", "en")
    }


class _PathCheck:
    """One run of `check_path`: the path's live steps, each with its rules in force."""

    def __init__(
        self,
        steps: Sequence[PathStep],
        services: Mapping[str, Service],
        rules: Mapping[str, Sequence[ServiceRule]],
        providers: Mapping[str, Provider],
        birth_date: date,
    ) -> None:
        self.steps = [step for step in steps if step.status != "cancelled"]
        self.services = services
        self.providers = providers
        self.birth_date = birth_date
        self.in_force = {
            step.id: rules_in_force(rules.get(step.service_id, ()), step.start)
            for step in self.steps
        }
        self.found: dict[str, list[RuleWarning]] = defaultdict(list)
        self.names: dict[str, dict[str, object]] = {}  # by service id

    def warn(
        self, step: PathStep, code: str, kind: str, rule: ServiceRule | None, **params: object
    ) -> None:
        names = self.names.get(step.service_id)
        if names is None:
            service = self.services.get(step.service_id)
            names = self.names[step.service_id] = _names("service", service, step.service_id)
        self.found[step.id].append(
            RuleWarning(step.id, code, f"path.warning.{kind}", names | params, rule)
        )

    def warn_limit(
        self,
        step: PathStep,
        rule: ServiceRule,
        value: Fraction | float,
        name: str,
        **params: object,
    ) -> None:
        """Warn when `value` breaks `rule` (a max_… one above it, a min_… one below),
        showing it as the parameter `name`: months rounded away from the limit."""
        kind, limit = rule.kind, _limit(rule)
        # Compared as floats, which is exact enough: limits are whole numbers and months
        # have denominators of at most 31 days (and Fraction comparisons cost).
        over = (
            float(value) > float(limit) if kind.startswith("max") else float(value) < float(limit)
        )
        if over:
            shown = _shown(value, up=kind.startswith("max") if name == "months" else None)
            code = f"{kind}:{rule.id}:{shown}"
            self.warn(step, code, kind, rule, limit=_shown(limit), **{name: shown}, **params)

    def warnings(self) -> list[RuleWarning]:
        self.check_providers()
        self.check_lengths()
        self.check_totals()
        self.check_week()
        self.check_age_and_subsidy()
        self.check_overlaps()
        return [warning for step in self.steps for warning in self.found.get(step.id, ())]

    def check_providers(self) -> None:
        for step in self.steps:
            provider = self.providers.get(step.provider_id or "")
            if provider is None:
                continue
            if step.service_id not in provider.service_ids:
                code = f"provider_service:{provider.id}:{step.service_id}"
                self.warn(step, code, "provider_service", None, provider=provider.name)
            end = step.end
            if not provider.active_on(step.start) or (
                end is not None and not provider.active_on(end)
            ):
                since, until = format_date(provider.active_from), format_date(provider.active_to)
                self.warn(
                    step,
                    f"provider_inactive:{provider.id}:{since}:{until}",
                    "provider_inactive",
                    None,
                    provider=provider.name,
                    active_from=since,
                    active_to=until,
                    start=format_date(step.start),
                    end=format_date(end),
                )

    def check_lengths(self) -> None:
        for step in self.steps:
            span = _span(step)
            if span is None:
                continue
            months = step_months(*span)
            for kind in ("min_step_months", "max_step_months"):
                rule = self.in_force[step.id].get(kind)
                if rule is not None:
                    self.warn_limit(step, rule, months, "months")

    def check_totals(self) -> None:
        def service(step: PathStep) -> str | None:
            return step.service_id

        def organiser(step: PathStep) -> str | None:
            key = step.organiser_key
            return None if key is None else f"{step.service_id}|{key}"

        def company(step: PathStep) -> str | None:
            provider = self.providers.get(step.provider_id or "")
            return (
                step.service_id if provider is not None and provider.sector == "company" else None
            )

        self.check_total("max_total_months", service)
        self.check_total("max_months_per_organiser", organiser)
        self.check_total("max_company_months", company)

    def check_total(self, kind: str, group_of: Callable[[PathStep], str | None]) -> None:
        """Months of each group's steps so far, in the order they start, against the
        limit in force on each step's start."""
        groups: dict[str, list[tuple[PathStep, tuple[date, date]]]] = defaultdict(list)
        for step in self.steps:
            group, span = group_of(step), _span(step)
            if group is not None and span is not None:
                groups[group].append((step, span))
        for members in groups.values():
            if not any(kind in self.in_force[step.id] for step, _ in members):
                continue  # no such limit for these steps: their months need not be counted
            members.sort(key=lambda member: (member[1][0], member[0].position))
            totals = running_months([span for _, span in members])
            for (step, _), total in zip(members, totals, strict=True):
                rule = self.in_force[step.id].get(kind)
                if rule is not None:
                    self.warn_limit(
                        step, rule, total, "months", organiser=self.organiser_name(step)
                    )

    def organiser_name(self, step: PathStep) -> str:
        provider = self.providers.get(step.provider_id or "")
        return provider.name if provider is not None else step.organiser or ""

    def check_week(self) -> None:
        for step in self.steps:
            rules = self.in_force[step.id]
            days, hours = step.days_per_week, step.hours_per_day
            for kind, value in (
                ("min_days_per_week", days),
                ("max_days_per_week", days),
                ("min_hours_per_day", hours),
                ("max_hours_per_day", hours),
            ):
                rule = rules.get(kind)
                if rule is not None and value is not None:
                    self.warn_limit(step, rule, value, "value")
            rule = rules.get("max_hours_per_week")
            if rule is not None and days is not None and hours is not None:
                week = Fraction(days) * Fraction(hours)
                self.warn_limit(step, rule, week, "week", days=days, hours=_shown(hours))

    def check_age_and_subsidy(self) -> None:
        for step in self.steps:
            rules = self.in_force[step.id]
            rule = rules.get("min_age")
            if rule is not None:
                self.warn_limit(step, rule, age_on(self.birth_date, step.start), "age")
            rule = rules.get("subsidy_percentages")
            if rule is not None:
                allowed = " / ".join(str(number) for number in rule.numbers)
                percent = step.subsidy_percent
                if percent is None:
                    self.warn(
                        step, f"subsidy_missing:{rule.id}", "subsidy_missing", rule, allowed=allowed
                    )
                elif percent not in rule.numbers:
                    self.warn(
                        step,
                        f"subsidy_percentages:{rule.id}:{percent}",
                        "subsidy_percentages",
                        rule,
                        percent=percent,
                        allowed=allowed,
                    )

    def check_overlaps(self) -> None:
        """Two full-time steps on the same day: each is warned, naming the other."""
        full_time: list[tuple[date, date, PathStep, ServiceRule]] = []
        for step in self.steps:
            rule = self.in_force[step.id].get("full_time")
            start, end = step.start, step.end or date.max
            if rule is not None and rule.value.strip() == "1" and end >= start:
                full_time.append((start, end, step, rule))
        full_time.sort(key=lambda item: (item[0], item[2].position))
        for index, (_, end, step, rule) in enumerate(full_time):
            for other_start, _, other, other_rule in full_time[index + 1 :]:
                if other_start > end:
                    break  # and so do all that start later
                self.warn_overlap(step, rule, other)
                self.warn_overlap(other, other_rule, step)

    def warn_overlap(self, step: PathStep, rule: ServiceRule, other: PathStep) -> None:
        names = _names("other", self.services.get(other.service_id), other.service_id)
        self.warn(
            step,
            f"full_time_overlap:{rule.id}:{other.id}",
            "full_time_overlap",
            rule,
            other_start=format_date(other.start),
            other_end=format_date(other.end),
            **names,
        )


def check_path(
    steps: Sequence[PathStep],
    services: Mapping[str, Service],
    rules: Mapping[str, Sequence[ServiceRule]],
    providers: Mapping[str, Provider],
    birth_date: date,
) -> list[RuleWarning]:
    """Every warning of every step of one path (cancelled steps count for nothing):
    `services` and `rules` by service id, `providers` by id. Warnings come in the order of
    `steps`, each step's in a fixed order of checks."""
    return _PathCheck(steps, services, rules, providers, birth_date).warnings()
