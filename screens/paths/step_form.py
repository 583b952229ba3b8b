"""The step form: a service from the catalog, its provider or in-house organiser, dates,
goal and limits; impossible input is an error at its field, a rule's breach a warning
shown while typing."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Input, Select, Static

from store.clients.validation import ValidationError
from store.core.dates import DateError, format_date, parse_date
from store.paths.models import PathStep, Provider, RuleWarning
from store.paths.records import PathView
from store.paths.rules import check_path
from store.paths.validation import STEP_FIELDS, clean_step

from .forms import PathFormDialog
from .step_table import shown_number

# The order a coach fills a step in: what, when, with whom, then the details.
FORM_ORDER = (
    "service",
    "planned_start",
    "planned_end",
    "provider",
    "organiser",
    "goal",
    "days_per_week",
    "hours_per_day",
    "subsidy_percent",
    "actual_start",
    "actual_end",
)
assert set(FORM_ORDER) == set(STEP_FIELDS)
DRAFT_ID = "draft"


def months_later(start_text: str, end_text: str) -> str:
    """The end a coach means by "+6" after a start: six months on, the day before (a
    step from 1.1.2027 "+6" ends 30.6.2027); anything else as typed."""
    months = end_text.strip().removeprefix("+")
    if not end_text.strip().startswith("+") or not months.isdigit() or not 0 < int(months) < 100:
        return end_text
    try:
        start = parse_date(start_text.strip())
    except DateError:
        return end_text
    year, month = divmod(start.month - 1 + int(months), 12)
    last = calendar.monthrange(start.year + year, month + 1)[1]
    if start.day > last:  # 31.8. + 6: no 31.2., so the period runs to the month's end
        return format_date(date(start.year + year, month + 1, last))
    end = date(start.year + year, month + 1, start.day) - timedelta(days=1)
    return format_date(end)


def step_values(step: PathStep, view: PathView) -> dict[str, str]:
    """A stored step as the strings its form shows."""
    service = view.services.get(step.service_id)
    return {
        "service": service.code if service else "",
        "provider": step.provider_id or "",
        "organiser": step.organiser or "",
        "planned_start": format_date(step.planned_start),
        "planned_end": format_date(step.planned_end),
        "actual_start": format_date(step.actual_start),
        "actual_end": format_date(step.actual_end),
        "goal": step.goal or "",
        "days_per_week": shown_number(step.days_per_week),
        "hours_per_day": shown_number(step.hours_per_day),
        "subsidy_percent": shown_number(step.subsidy_percent),
    }


class StepForm(PathFormDialog):
    """Returns the step's form values once they are possible (the caller adds or updates
    the step); warns of the service's rules as the coach types."""

    FIELDS = FORM_ORDER
    HINT = "path.stepform.hint"

    def __init__(
        self,
        title: str,
        view: PathView,
        step: PathStep | None = None,
        values: dict[str, str] | None = None,
    ) -> None:
        self.view = view
        self.step = step
        start = values or (step_values(step, view) if step else {})
        super().__init__(title, start)
        if values is not None and step is not None:
            self.initial = step_values(step, view)  # typed before: Esc still asks

    def compose_extra(self) -> ComposeResult:
        yield Static("", id="step-warnings", classes="step-warnings")

    def field_widget(self, field: str) -> Widget:
        if field == "service":
            lang = self.ctx.lang
            services = sorted(self.view.services.values(), key=lambda s: s.sort_order)
            options = [
                (s.name(lang), s.code)
                for s in services
                if s.active or (self.step is not None and s.id == self.step.service_id)
            ]
            return self.select(field, options, self.t("path.stepform.choose_service"))
        if field == "provider":
            return self.select(field, [], self.t("path.stepform.no_provider"))
        return super().field_widget(field)

    def prepare(self) -> None:
        self._offer_providers(self.initial.get("service", ""))

    def filled(self) -> None:
        self._show_warnings()

    def _offer_providers(self, code: str) -> None:
        """The active providers of the chosen service (and the step's own, even retired)."""
        service = next((s for s in self.view.services.values() if s.code == code), None)
        chosen = self.initial.get("provider", "")
        today = self.store.today()
        offered = [
            (p.name, p.id)
            for p in sorted(self.view.providers.values(), key=lambda p: p.name)
            if p.id == chosen
            or (service is not None and service.id in p.service_ids and p.active_on(today))
        ]
        select = self.query_one("#provider", Select)
        current = select.value
        select.set_options(offered)
        if current is not Select.NULL and current in {value for _, value in offered}:
            select.value = current

    @on(Select.Changed, "#service")
    def _service_chosen(self, event: Select.Changed) -> None:
        self._offer_providers("" if event.value is Select.NULL else str(event.value))
        self._show_warnings()

    @on(Input.Changed)
    @on(Select.Changed, "#provider")
    def _typed(self) -> None:
        self._show_warnings()

    def _cleaned(self, values: dict[str, str]) -> dict[str, object]:
        services = {s.code: s for s in self.view.services.values()}
        providers: dict[str, Provider] = {}
        for provider in self.view.providers.values():
            providers[provider.id] = provider
            providers[provider.business_id] = provider
        return clean_step(values, services, providers)

    def values(self) -> dict[str, str]:
        """What the form holds, an end given as "+6" (months) turned into its date."""
        values = super().values()
        for start, end in (("planned_start", "planned_end"), ("actual_start", "actual_end")):
            values[end] = months_later(values[start], values[end])
        return values

    @on(Input.Blurred, "#planned_end, #actual_end")
    def _expand_end(self, event: Input.Blurred) -> None:
        field = event.input.id
        assert field is not None
        expanded = self.values()[field]
        if expanded != event.input.value:
            event.input.value = expanded

    def check(self, values: dict[str, str]) -> None:
        self._cleaned(values)

    def draft_warnings(self) -> list[RuleWarning]:
        """The rules' warnings for the step as typed, among the path's other steps."""
        try:
            cleaned = self._cleaned(self.values())
        except ValidationError:
            return []

        def day(name: str) -> date | None:
            value = cleaned[name]
            return date.fromisoformat(str(value)) if value else None

        planned_start = day("planned_start")
        assert planned_start is not None
        step = self.step
        draft = PathStep(
            step.id if step else DRAFT_ID,
            step.path_id if step else "",
            step.position if step else len(self.view.steps) + 1,
            str(cleaned["service_id"]),
            cleaned["provider_id"] if cleaned["provider_id"] else None,  # type: ignore[arg-type]
            cleaned["organiser"] if cleaned["organiser"] else None,  # type: ignore[arg-type]
            planned_start,
            day("planned_end"),
            day("actual_start"),
            day("actual_end"),
            step.status if step else "planned",
            cleaned["goal"] if cleaned["goal"] else None,  # type: ignore[arg-type]
            cleaned["days_per_week"],  # type: ignore[arg-type]
            cleaned["hours_per_day"],  # type: ignore[arg-type]
            cleaned["subsidy_percent"],  # type: ignore[arg-type]
        )
        others = [s for s in self.view.steps if s.id != draft.id]
        rules = self.store.catalog.rules({s.service_id for s in [*others, draft]})
        found = check_path(
            [*others, draft],
            self.view.services,
            rules,
            self.view.providers,
            self.view.client.birth_date,
        )
        return [w for w in found if w.step_id == draft.id]

    def _show_warnings(self) -> None:
        warnings = self.draft_warnings()
        line = self.query_one("#step-warnings", Static)
        texts = [self.t(w.key, **w.params) for w in warnings]
        line.update(
            "⚠ " + self.t("path.stepform.warnings", warnings="; ".join(texts)) if texts else ""
        )
        line.display = bool(texts)
