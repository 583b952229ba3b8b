"""The path as a month-by-month text timeline: a bar per step in a monospace grid, today
marked, each status drawn in its own pattern so it reads without colour."""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from store.core.i18n import tr
from store.paths.models import PathStep, Service

MONTH_WIDTH = 6  # "12/27" and a space: each cell is about five days
LABEL_WIDTH = 18
FILL = {"planned": "░", "active": "▓", "done": "█", "interrupted": "▒", "cancelled": "─"}
INTERRUPTED_END = "╳"
OPEN_END = "→"  # a step with no end yet
TODAY_MARK = "▼"
TODAY_LINE = "│"


@dataclass(frozen=True)
class Timeline:
    """The timeline's rows: `labels` (step number and service, a column that stays put)
    and `grid` (the months, which scroll sideways), line for line; the first two lines
    are the month labels and today's marker."""

    labels: tuple[str, ...]
    grid: tuple[str, ...]
    first_month: date | None
    today_column: int | None

    def lines(self) -> list[str]:
        return [
            f"{label} {row}".rstrip() for label, row in zip(self.labels, self.grid, strict=True)
        ]


def _month_index(first: date, day: date) -> int:
    return (day.year - first.year) * 12 + day.month - first.month


def column_of(first: date, day: date) -> int:
    """The grid column of `day` in a timeline whose first month is `first`'s."""
    days_in_month = calendar.monthrange(day.year, day.month)[1]
    within = (day.day - 1) * MONTH_WIDTH // days_in_month
    return _month_index(first, day) * MONTH_WIDTH + min(within, MONTH_WIDTH - 1)


def _month_label(first: date, offset: int) -> str:
    """m/yy of the month `offset` months after `first`'s."""
    year, month = divmod(first.year * 12 + first.month - 1 + offset, 12)
    return f"{month + 1}/{year % 100:02d}"


def _label(step: PathStep, services: Mapping[str, Service], lang: str) -> str:
    service = services.get(step.service_id)
    name = service.name(lang) if service else "?"
    text = f"{step.position:>2} {name}"
    if len(text) > LABEL_WIDTH:
        text = text[: LABEL_WIDTH - 1] + "…"
    return f"{text:<{LABEL_WIDTH}}"


def _bar(step: PathStep, first: date, today: date, width: int) -> list[str]:
    cells = [" "] * width
    start = column_of(first, step.start)
    end_day = step.end
    open_ended = end_day is None
    if end_day is None:
        # An active step runs until today at least; a planned one shows where it starts.
        end_day = max(step.start, today) if step.status == "active" else step.start
    end = column_of(first, end_day)
    for column in range(start, end + 1):
        cells[column] = FILL[step.status]
    if step.status == "interrupted":
        cells[end] = INTERRUPTED_END
    if open_ended and step.status != "cancelled" and end + 1 < width:
        cells[end + 1] = OPEN_END
    return cells


def render_timeline(
    steps: Sequence[PathStep], services: Mapping[str, Service], today: date, lang: str
) -> Timeline:
    """The timeline of `steps` from the month of the first start (or today) to the month
    of the last end (or today), one `MONTH_WIDTH` group a month labelled m/yy."""
    if not steps:
        return Timeline((), (), None, None)
    days = [today, *(s.start for s in steps), *(s.end for s in steps if s.end is not None)]
    first = min(days).replace(day=1)
    months = _month_index(first, max(days)) + 1
    width = months * MONTH_WIDTH + 1  # room for an open end's arrow after the last month
    header = "".join(_month_label(first, i).ljust(MONTH_WIDTH) for i in range(months))
    header = header.ljust(width)
    today_column = column_of(first, today)
    marker = [" "] * width
    marker[today_column] = TODAY_MARK
    labels = [" " * LABEL_WIDTH, f"{tr('path.timeline.title', lang):<{LABEL_WIDTH}}"]
    grid = [header, "".join(marker)]
    for step in steps:
        cells = _bar(step, first, today, width)
        if cells[today_column] == " ":
            cells[today_column] = TODAY_LINE
        labels.append(_label(step, services, lang))
        grid.append("".join(cells))
    return Timeline(tuple(labels), tuple(grid), first, today_column)
