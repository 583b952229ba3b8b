"""Steps and a seeded catalog for the rule tests: services and rule rows as a real store's
migration seeds them, steps built by service code with d.m.yyyy dates."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from store.api import Store
from store.core.dates import parse_date
from store.core.i18n import tr
from store.paths.models import PathStep, Provider, RuleWarning, Service, ServiceRule, StepStatus
from store.paths.rules import check_path

_ids = itertools.count(1)


def day(text: str) -> date:
    return parse_date(text)


@dataclass
class Seeded:
    """The catalog of a freshly migrated store."""

    by_code: dict[str, Service]
    rules: dict[str, list[ServiceRule]]  # by service id
    providers: dict[str, Provider] = field(default_factory=dict[str, Provider])

    @classmethod
    def of(cls, store: Store) -> Seeded:
        return cls(store.catalog.services_by_code(), store.catalog.rules())

    @property
    def by_id(self) -> dict[str, Service]:
        return {service.id: service for service in self.by_code.values()}

    def rule(self, code: str, kind: str) -> ServiceRule:
        (found,) = [r for r in self.rules[self.by_code[code].id] if r.kind == kind]
        return found

    def provider(
        self,
        name: str,
        sector: str = "company",
        offers: Iterable[str] = (),
        active: tuple[str, str | None] = ("1.1.2000", None),
    ) -> Provider:
        provider = Provider(
            f"provider-{next(_ids)}",
            name,
            f"{next(_ids):07d}-0",
            sector,  # type: ignore[arg-type]
            "Kuopio",
            day(active[0]),
            day(active[1]) if active[1] else None,
            tuple(self.by_code[code].id for code in offers),
        )
        self.providers[provider.id] = provider
        return provider

    def step(
        self,
        code: str,
        start: str | date,
        end: str | date | None = None,
        *,
        status: StepStatus = "planned",
        provider: Provider | None = None,
        organiser: str | None = None,
        days: int | None = None,
        hours: float | None = None,
        subsidy: int | None = None,
        actual_start: str | None = None,
        position: int = 0,
    ) -> PathStep:
        number = next(_ids)
        return PathStep(
            f"step-{number}",
            "path",
            position or number,
            self.by_code[code].id,
            provider.id if provider else None,
            organiser,
            start if isinstance(start, date) else day(start),
            end if isinstance(end, date) or end is None else day(end),
            day(actual_start) if actual_start else None,
            None,
            status,
            None,
            days,
            hours,
            subsidy,
        )

    def check(
        self,
        steps: Sequence[PathStep],
        born: str = "1.1.1980",
        rules: Mapping[str, Sequence[ServiceRule]] | None = None,
    ) -> list[RuleWarning]:
        return check_path(
            steps, self.by_id, self.rules if rules is None else rules, self.providers, day(born)
        )


def text(warning: RuleWarning, lang: str = "fi") -> str:
    return tr(warning.key, lang, **warning.params)


def texts(warnings: Iterable[RuleWarning], step: PathStep, lang: str = "fi") -> list[str]:
    """What the screen shows next to `step`."""
    return [text(w, lang) for w in warnings if w.step_id == step.id]
