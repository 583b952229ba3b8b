"""The client process's deadlines as dated parameters: the `process_rule` row in force on
a day, and a deadline counted from a day with it (domain guide §2).

A law change (HE 108/2025 proposes several) is a new row with its own `effective_from`;
the row in force on a day is the newest one that took effect on or before it. A deadline
is counted with the rule in force on the day it is counted from (the day someone became a
jobseeker, the day of the previous discussion), so a change applies to what starts after
it. A day before a rule's first row takes that first row; `took_effect` tells when the
first row did, so the reviews can leave out what was never due under the rule (see
`store.schedule.reviews`).
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false, reportUnknownArgumentType=false
from __future__ import annotations

import calendar
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, cast

from store.core.context import Context
from store.schedule.calendar_days import add_working_days

RuleUnit = Literal["working_days", "days", "weeks", "months", "count"]

# The codes the reviews read (the seed rows of migration 0010).
INITIAL_INTERVIEW_WITHIN = "initial_interview_within"
JOB_SEARCH_INTERVAL_EARLY = "job_search_interval_early"
JOB_SEARCH_EARLY_PERIOD = "job_search_early_period"
JOB_SEARCH_INTERVAL_LATER = "job_search_interval_later"
SUPPLEMENTARY_AT = "supplementary_at"
SUPPLEMENTARY_COUNT = "supplementary_count"
SUPPLEMENTARY_PERIOD = "supplementary_period"


class RuleMissing(LookupError):
    """No row at all for a rule the reviews need (a damaged database)."""


@dataclass(frozen=True)
class ProcessRule:
    code: str
    value: int
    unit: RuleUnit
    effective_from: date
    source: str | None = None

    def after(self, day: date) -> date:
        """The day this deadline falls on when counted from `day`."""
        if self.unit == "working_days":
            return add_working_days(day, self.value)
        if self.unit == "days":
            return day + timedelta(days=self.value)
        if self.unit == "weeks":
            return day + timedelta(weeks=self.value)
        if self.unit == "months":
            return add_months(day, self.value)
        raise ValueError(f"{self.code} is a count, not a length of time")


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the month's last day when it has no such day
    (31.8. + 6 months = 28.2. or 29.2.)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


class ProcessRules:
    """Every rule's rows, oldest first; read once, asked for many clients."""

    def __init__(self, rules: list[ProcessRule]) -> None:
        by_code: dict[str, list[ProcessRule]] = defaultdict(list)
        for rule in sorted(rules, key=lambda r: r.effective_from):
            by_code[rule.code].append(rule)
        self._rows = dict(by_code)
        self._starts = {code: [r.effective_from for r in rows] for code, rows in by_code.items()}
        # A caseload counts the same deadlines from the same days over and over.
        self._counted: dict[tuple[str, date], date] = {}

    def on(self, code: str, day: date) -> ProcessRule:
        """The row of `code` in force on `day` (its first row for a day before any)."""
        rows = self._rows.get(code)
        if not rows:
            raise RuleMissing(code)
        position = bisect_right(self._starts[code], day)
        return rows[max(position - 1, 0)]

    def after(self, code: str, day: date) -> date:
        """The deadline `code` counted from `day`, with the rule in force on `day`."""
        key = (code, day)
        counted = self._counted.get(key)
        if counted is None:
            counted = self._counted[key] = self.on(code, day).after(day)
        return counted

    def took_effect(self, code: str) -> date:
        """The day the first row of `code` took effect."""
        rows = self._rows.get(code)
        if not rows:
            raise RuleMissing(code)
        return rows[0].effective_from

    def value(self, code: str, day: date) -> int:
        return self.on(code, day).value


def load_rules(ctx: Context) -> ProcessRules:
    """The living `process_rule` rows."""
    rows = ctx.db.execute(
        "SELECT code, value, unit, effective_from, source FROM process_rule"
        " WHERE deleted_at IS NULL"
    )
    return ProcessRules(
        [
            ProcessRule(
                str(code),
                int(value),
                cast(RuleUnit, unit),
                date.fromisoformat(str(effective_from)),
                None if source is None else str(source),
            )
            for code, value, unit, effective_from, source in rows
        ]
    )
