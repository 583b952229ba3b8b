"""The employment plan (työllistymissuunnitelma) of a client's path as a printable HTML page
or a plain Markdown text, in fi, sv or en.

Every stored text (a name, a goal, an organiser, a service's name) is written as text:
HTML-escaped in HTML, its structural characters backslash-escaped in Markdown, so nothing
typed into Luotsi ever becomes markup, a link or a script in the document. The page needs
nothing outside itself: its stylesheet is inline, with an A4 print layout that reads
without colour.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from store.clients.models import Client
from store.clients.validation import mask_hetu
from store.core.dates import format_date
from store.core.i18n import LANGUAGES, tr
from store.core.models import Staff
from store.core.text import visible
from store.paths.models import PathStep, ServicePath
from store.paths.records import PathView

PlanFormat = Literal["html", "md"]
PLAN_FORMATS: dict[str, PlanFormat] = {".html": "html", ".htm": "html", ".md": "md"}


def plan_format_of(suffix: str) -> PlanFormat | None:
    """The format a file suffix asks for (.html, .htm, .md; any case), else None."""
    return PLAN_FORMATS.get(suffix.lower())


def plan_language(client: Client) -> str:
    """The language a client's plan is written in unless asked otherwise: their service
    language, Finnish for any other."""
    return client.service_language if client.service_language in LANGUAGES else "fi"


# Escaping ------------------------------------------------------------------------------

# Characters that start inline markup anywhere in a line (emphasis, code, links, HTML,
# entities, strikethrough, table cells). Line-start markers (#, -, 1.) matter only for a
# text that begins a line: see `_paragraph`.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>&~|@])")
# What GFM turns into a link by itself: a scheme's "://" and "www.".
_MD_AUTOLINK = re.compile(r"(:)(?=//)|(?<=www)(\.)", re.IGNORECASE)
# What starts a block when it begins a line: a heading, a list item, a rule or underline
# (group 1, escaped before it), or an ordered list's number (escaped after it: "1\.").
_MD_BLOCK_START = re.compile(r"^(?:([#+=-])(?=[\s#+=-]|$)|[0-9]+(?=[.)](?:\s|$)))")


def escape_markdown(text: str) -> str:
    """`text` as Markdown that shows it as written and never as markup."""
    shown = _MD_INLINE.sub(r"\\\1", visible(text))
    return _MD_AUTOLINK.sub(lambda m: "\\" + m.group(0), shown)


def escape_html(text: str) -> str:
    return html.escape(visible(text), quote=True)


# What the plan says ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Step:
    number: int
    service: str
    dates: str
    organiser: str
    status: str
    details: tuple[str, ...]  # the step's goal and limits, each a short line


@dataclass(frozen=True)
class _Plan:
    """The plan's texts in its language, stored texts still unescaped."""

    lang: str
    title: str
    facts: tuple[tuple[str, str], ...]  # (label, value)
    goal: str
    steps: tuple[_Step, ...]
    obligation: str
    review: str
    ended: str | None


def _number(value: float, lang: str) -> str:
    text = str(int(value)) if float(value).is_integer() else str(value)
    return text if lang == "en" else text.replace(".", ",")


def _dates(step: PathStep, lang: str) -> str:
    start = format_date(step.start)
    if step.end is None:
        return tr("plan.dates.from", lang, start=start)
    return tr("plan.dates.range", lang, start=start, end=format_date(step.end))


def _step(view: PathView, step: PathStep, number: int, lang: str) -> _Step:
    service = view.services.get(step.service_id)
    provider = view.providers.get(step.provider_id) if step.provider_id else None
    details: list[str] = []
    if step.goal:
        details.append(tr("plan.step.goal", lang, goal=step.goal))
    limits: list[str] = []
    if step.days_per_week is not None:
        limits.append(tr("plan.step.days", lang, days=step.days_per_week))
    if step.hours_per_day is not None:
        limits.append(tr("plan.step.hours", lang, hours=_number(step.hours_per_day, lang)))
    if step.subsidy_percent is not None:
        limits.append(tr("plan.step.subsidy", lang, percent=step.subsidy_percent))
    if limits:
        details.append(", ".join(limits))
    return _Step(
        number,
        service.name(lang) if service else step.service_id,
        _dates(step, lang),
        provider.name if provider else step.organiser or "–",
        tr(f"plan.status.{step.status}", lang),
        tuple(details),
    )


def _outcome(path: ServicePath, lang: str) -> str:
    words = tr(f"plan.outcome.{path.outcome or 'unknown'}", lang)
    details: list[str] = []
    if path.employer_sector:
        details.append(tr(f"plan.sector.{path.employer_sector}", lang))
    if path.employment_type:
        details.append(tr(f"plan.employment.{path.employment_type}", lang))
    if path.with_pay_subsidy is not None:
        details.append(tr(f"plan.subsidy.{'with' if path.with_pay_subsidy else 'without'}", lang))
    suffix = f" ({', '.join(details)})" if details else ""
    return f"{format_date(path.ended_on)}: {words}{suffix}"


def _plan(view: PathView, coach: Staff | None, lang: str, today: date) -> _Plan:
    client, path = view.client, view.path
    facts = [(tr("plan.client", lang), client.full_name)]
    if client.hetu:
        facts.append((tr("plan.hetu", lang), mask_hetu(client.hetu)))
    else:
        facts.append((tr("plan.birth_date", lang), format_date(client.birth_date)))
    facts.append(
        (tr("plan.coach", lang), coach.display_name if coach else tr("plan.no_coach", lang))
    )
    facts.append((tr("plan.written", lang), format_date(today)))
    shown = [s for s in view.steps if s.status != "cancelled"]  # withdrawn: not in the plan
    obligation = path.work_search_obligation if path else 0
    review = path.next_review if path else None
    return _Plan(
        lang,
        tr("plan.title", lang),
        tuple(facts),
        (path.goal if path else None) or tr("plan.not_recorded", lang),
        tuple(_step(view, step, number, lang) for number, step in enumerate(shown, 1)),
        tr("plan.obligation.count", lang, count=obligation)
        if obligation
        else tr("plan.obligation.none", lang),
        format_date(review) if review else tr("plan.not_agreed", lang),
        _outcome(path, lang) if path and path.ended_on else None,
    )


def render_plan(
    view: PathView, coach: Staff | None, lang: str, fmt: PlanFormat, today: date
) -> str:
    """The employment plan of `view`'s path as a whole HTML page or Markdown text, in
    `lang`, dated `today`; `coach` is the one named in it. Cancelled steps are left out."""
    plan = _plan(view, coach, lang, today)
    return _html(plan) if fmt == "html" else _markdown(plan)


# HTML ----------------------------------------------------------------------------------

_STYLE = """
@page { size: A4; margin: 20mm 18mm; }
html { font-family: "Liberation Serif", "Times New Roman", Georgia, serif; font-size: 11pt;
  line-height: 1.4; color: #000; background: #fff; }
body { max-width: 174mm; margin: 0 auto; padding: 12mm 0; }
h1 { font-size: 18pt; margin: 0 0 5mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 0.5pt solid #000;
  break-after: avoid; page-break-after: avoid; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 6mm; margin: 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
table.steps { width: 100%; border-collapse: collapse; }
table.steps th, table.steps td { border: 0.5pt solid #000; padding: 1.5mm 2mm;
  text-align: left; vertical-align: top; }
table.steps thead { display: table-header-group; }
table.steps tr { break-inside: avoid; page-break-inside: avoid; }
table.steps .number, table.steps .dates, table.steps .status { white-space: nowrap; }
.detail { font-size: 10pt; margin-top: 1mm; }
.agreed { margin-top: 8mm; font-style: italic; }
@media print { body { max-width: none; padding: 0; } }
"""


def _tag(name: str, text: str, css: str | None = None) -> str:
    attribute = f' class="{css}"' if css else ""
    return f"<{name}{attribute}>{escape_html(text)}</{name}>"


def _html_step(step: _Step) -> str:
    service = _tag("strong", step.service) + "".join(
        _tag("div", line, "detail") for line in step.details
    )
    cells = (
        _tag("td", str(step.number), "number"),
        f"<td>{service}</td>",
        _tag("td", step.dates, "dates"),
        _tag("td", step.organiser),
        _tag("td", step.status, "status"),
    )
    return f"<tr>{''.join(cells)}</tr>"


def _html(plan: _Plan) -> str:
    lang = plan.lang
    facts = "\n".join(_tag("dt", label) + _tag("dd", value) for label, value in plan.facts)
    if plan.steps:
        heads = ("number", "service", "dates", "organiser", "status")
        header = "".join(
            f'<th scope="col">{escape_html(tr(f"plan.col.{h}", lang))}</th>' for h in heads
        )
        rows = "\n".join(_html_step(step) for step in plan.steps)
        steps = (
            f'<table class="steps">\n<thead><tr>{header}</tr></thead>\n'
            f"<tbody>\n{rows}\n</tbody>\n</table>"
        )
    else:
        steps = _tag("p", tr("plan.no_steps", lang))
    sections = [
        (tr("plan.goal", lang), _tag("p", plan.goal)),
        (tr("plan.steps", lang), steps),
        (tr("plan.obligation", lang), _tag("p", plan.obligation)),
        (tr("plan.review", lang), _tag("p", plan.review)),
    ]
    if plan.ended is not None:
        sections.append((tr("plan.ended", lang), _tag("p", plan.ended)))
    body = "\n".join(
        f"<section>\n{_tag('h2', head)}\n{content}\n</section>" for head, content in sections
    )
    title = f"{plan.title} – {plan.facts[0][1]}"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"{_tag('title', title)}\n<style>{_STYLE}</style>\n</head>\n<body>\n<main>\n"
        f"{_tag('h1', plan.title)}\n"
        f'<dl class="facts">\n{facts}\n</dl>\n'
        f"{body}\n"
        f"{_tag('p', tr('plan.agreed', lang), 'agreed')}\n"
        "</main>\n</body>\n</html>\n"
    )


# Markdown ------------------------------------------------------------------------------


def _paragraph(text: str) -> str:
    """A stored text as a paragraph of its own: escaped, and a block marker at its start
    (a heading's #, a list's - or 1., a rule's ---) made plain too."""
    escaped = escape_markdown(text.strip())
    return _MD_BLOCK_START.sub(
        lambda m: "\\" + m.group(0) if m.group(1) else m.group(0) + "\\", escaped, count=1
    )


def _markdown(plan: _Plan) -> str:
    lang = plan.lang
    md = escape_markdown
    blocks = [
        f"# {md(plan.title)}",
        "\n".join(f"- {md(label)}: {md(value)}" for label, value in plan.facts),
        f"## {md(tr('plan.goal', lang))}",
        _paragraph(plan.goal),
        f"## {md(tr('plan.steps', lang))}",
    ]
    if not plan.steps:
        blocks.append(md(tr("plan.no_steps", lang)))
    for step in plan.steps:
        items = [
            (tr("plan.col.dates", lang), step.dates),
            (tr("plan.col.organiser", lang), step.organiser),
            (tr("plan.col.status", lang), step.status),
        ]
        lines = [f"- {md(label)}: {md(value)}" for label, value in items]
        lines += [f"- {md(line)}" for line in step.details]
        blocks += [f"### {step.number}. {md(step.service)}", "\n".join(lines)]
    sections = [("plan.obligation", plan.obligation), ("plan.review", plan.review)]
    if plan.ended is not None:
        sections.append(("plan.ended", plan.ended))
    for key, text in sections:
        blocks += [f"## {md(tr(key, lang))}", _paragraph(text)]
    blocks.append(f"*{md(tr('plan.agreed', lang))}*")
    return "\n\n".join(blocks) + "\n"
