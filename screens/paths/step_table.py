"""The path's steps as table rows and the selected step's warnings as lines: what F4 shows,
from the store's `PathView`, readable without colour."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from rich.text import Text

from store.core.clock import from_iso, to_local
from store.core.dates import format_date
from store.core.text import visible
from store.paths.models import PathStep, RuleWarning, ServicePath
from store.paths.records import PathView

SERVICE_WIDTH = 22
ORGANISER_WIDTH = 20
COLUMNS = (
    "warning",
    "position",
    "status",
    "service",
    "planned",
    "organiser",
    "actual",
    "days",
    "hours",
    "subsidy",
)
Translate = Callable[..., str]


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _span(start: object, end: object) -> str:
    if not start and not end:
        return ""
    return f"{format_date(start)}–{format_date(end)}"  # type: ignore[arg-type]


def shown_number(value: float | None) -> str:
    """A count or an amount as a Finn writes it: 6, 7,5; "" for none."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")


def organiser_of(step: PathStep, view: PathView) -> str:
    if step.provider_id is not None:
        provider = view.providers.get(step.provider_id)
        return provider.name if provider else "?"
    return step.organiser or ""


def service_of(step: PathStep, view: PathView, lang: str) -> str:
    service = view.services.get(step.service_id)
    return service.name(lang) if service else "?"


def step_row(step: PathStep, view: PathView, t: Translate, lang: str) -> list[Text]:
    """One step's cells, in `COLUMNS` order; a cancelled step struck through, its status
    in words as well."""
    open_warning = any(not w.acknowledged for w in view.warnings_of(step.id))
    cells = [
        "⚠" if open_warning else "",
        str(step.position),
        t(f"path.status.{step.status}"),
        _cut(service_of(step, view, lang), SERVICE_WIDTH),
        _span(step.planned_start, step.planned_end),
        _cut(visible(organiser_of(step, view)), ORGANISER_WIDTH),
        _span(step.actual_start, step.actual_end),
        shown_number(step.days_per_week),
        shown_number(step.hours_per_day),
        shown_number(step.subsidy_percent),
    ]
    style = "strike dim" if step.status == "cancelled" else ""
    texts = [Text(cell, style=style) for cell in cells]
    if open_warning:
        texts[0].stylize("bold")
    return texts


def _local_day(at: str) -> str:
    try:
        return format_date(to_local(from_iso(at)).date())
    except ValueError:
        return at


def warning_lines(warnings: list[RuleWarning], names: Mapping[str, str], t: Translate) -> list[str]:
    """Each warning's text and rule source; an acknowledged one says who and when."""
    lines: list[str] = []
    for warning in warnings:
        text = t(warning.key, **warning.params)
        if warning.acknowledged:
            who = names.get(warning.acknowledged_by or "", "?")
            day = _local_day(warning.acknowledged_at or "")
            # Who and when first: on a narrow screen the line is cut at its end.
            lines.append(f"✓ {t('path.warning.acknowledged', who=who, day=day)}: {text}")
        else:
            lines.append(f"⚠ {text}")
        if warning.rule is not None:
            lines.append("  " + t("path.warning.source", source=warning.rule.source))
    return lines


def outcome_text(path: ServicePath, t: Translate) -> str:
    """The outcome in words: "työllistynyt, yritys, vakituinen, palkkatuella"."""
    if path.outcome is None:
        return ""
    parts = [t(f"path.outcome.{path.outcome}")]
    if path.employer_sector:
        parts.append(t(f"path.sector.{path.employer_sector}"))
    if path.employment_type:
        parts.append(t(f"path.employment.{path.employment_type}"))
    if path.with_pay_subsidy is not None:
        parts.append(t("path.subsidy.yes" if path.with_pay_subsidy else "path.subsidy.no"))
    return ", ".join(parts)


def path_facts(view: PathView, t: Translate) -> str:
    """The path's goal, obligation and review, and how it ended once it has."""
    path = view.path
    if path is None:
        return ""
    facts = t(
        "path.facts",
        goal=path.goal or t("path.no_goal"),
        obligation=path.work_search_obligation,
        review=format_date(path.next_review) or t("path.no_review"),
    )
    if not path.is_open:
        ended = t("path.ended", day=format_date(path.ended_on), outcome=outcome_text(path, t))
        facts += "\n" + ended
    return facts
