"""Reviews due (`Store.reviews`): for each jobseeker on a coach's caseload, when the initial
interview, the next job-search discussion and the supplementary discussions are due.

The client process of the Nordic service model (domain guide §2, in force since 2.5.2022;
HE 167/2021), every length read from the dated `process_rule` rows in force on the day a
deadline is counted from (`store.schedule.process_rules`), never a literal here:

- Initial interview (`initial_interview_within`, 5 working days): due that many working
  days after `jobseeker_since` (weekends and Finnish public holidays are not working
  days); satisfied by a done `initial_interview` on or after `jobseeker_since`.
- Job-search discussions: counted from the last done discussion of any of the three
  kinds on or after `jobseeker_since` (or, before the first one, from the initial
  interview, else from `jobseeker_since`). During the early period
  (`job_search_early_period`, 3 months from the initial interview, else from
  `jobseeker_since`) the next is due `job_search_interval_early` (2 weeks) after the last;
  when that would fall past the early period, `job_search_interval_later` (3 months)
  after it. Satisfied by a done `job_search` (or an initial interview or supplementary
  discussion, which are job-search discussions too).
- Supplementary discussions: at `supplementary_at` (6 months) of jobseeking an intensive
  period of `supplementary_period` (1 month) opens, in which `supplementary_count` (2)
  discussions of kind `supplementary` are held. They are due by the period's end; the
  row is listed from `within_days` before the period opens. Each done one on or after
  the opening counts. A missed one stays overdue until the later rhythm has taken over:
  a job-search discussion held after the period, or `job_search_interval_later` passed
  since its end (by then the regular discussion is what is due, and overdue itself).

Jobseekers already on the register when the service model came into force (before the
first row of a rule took effect) had their plan under the old model: no initial interview
is due for them, their job-search rhythm is counted from no earlier than the day the rule
took effect, and no intensive period falls before it.

A review is covered (`booked`) by open appointments (booked or arrived) of its kind on or
before its due date (the next job-search discussion by any of the three kinds, as any of
them is one); an open one after it is `booked_late` and the review is still late.
A client who is not a jobseeker (no `jobseeker_since`), deleted, or whose last path ended
settled (employed, self-employed, left the register) with no open path has no reviews.

Read with three queries however large the caseload: the rules, the caseload, and its
appointments of the three kinds (`client_coach`, `appointment_client`).
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false, reportUnknownArgumentType=false
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal, cast

from store.core.audit import log_event
from store.core.auth import require
from store.core.clock import from_iso, local_moment, to_iso, to_local
from store.core.context import Context
from store.core.db import write_transaction
from store.core.models import Staff
from store.core.rows import insert_row
from store.paths.worklist import SETTLED_OUTCOMES
from store.schedule.process_rules import (
    INITIAL_INTERVIEW_WITHIN,
    JOB_SEARCH_EARLY_PERIOD,
    JOB_SEARCH_INTERVAL_EARLY,
    JOB_SEARCH_INTERVAL_LATER,
    SUPPLEMENTARY_AT,
    SUPPLEMENTARY_COUNT,
    SUPPLEMENTARY_PERIOD,
    ProcessRule,
    ProcessRules,
    load_rules,
)

ReviewKind = Literal["initial_interview", "job_search", "supplementary"]
REVIEW_KINDS: tuple[ReviewKind, ...] = ("initial_interview", "job_search", "supplementary")


@dataclass(frozen=True)
class ReviewDue:
    client_id: str
    client_name: str  # "Last First"
    kind: ReviewKind  # the appointment kind that satisfies it
    due: date
    last_done: date | None  # the previous satisfying appointment, if any
    booked: date | None  # a booked appointment of the right kind on or before `due`, if any
    # An open appointment of the kind after `due`: booked, but late.
    booked_late: date | None = None
    # The first day it may be held, when that is a window (the intensive period).
    opens: date | None = None
    remaining: int = 1  # how many of the kind are still to hold (supplementary: up to 2)

    def overdue(self, today: date) -> bool:
        return self.due < today and self.booked is None


@dataclass
class ClientHistory:
    """A jobseeker's appointments of the review kinds on or after `jobseeker_since`, by
    local day: the done ones and the open (booked or arrived) ones."""

    client_id: str
    client_name: str
    jobseeker_since: date
    done: dict[ReviewKind, list[date]] = field(default_factory=lambda: defaultdict(list))
    open: dict[ReviewKind, list[date]] = field(default_factory=lambda: defaultdict(list))


def _bookings(
    days: list[date], since: date, due: date, needed: int
) -> tuple[date | None, date | None]:
    """(booked, booked_late): the day the `needed`-th open appointment from `since` falls
    on when it is on or before `due`, else the first one after `due`."""
    ahead = sorted(d for d in days if d >= since)
    if len(ahead) >= needed and ahead[needed - 1] <= due:
        return ahead[needed - 1], None
    late = [d for d in ahead if d > due]
    return None, (late[0] if late else None)


def reviews_of(history: ClientHistory, rules: ProcessRules, today: date) -> list[ReviewDue]:
    """Every review the client has open on `today`, whenever due (the caller picks the
    near ones)."""
    since = history.jobseeker_since
    done, open_ = history.done, history.open
    reviews: list[ReviewDue] = []

    def review(
        kind: ReviewKind, due: date, last: date | None, start: date,
        opens: date | None = None, remaining: int = 1, covered_by: tuple[ReviewKind, ...] = (),
    ) -> None:  # fmt: skip
        ahead = [day for k in covered_by or (kind,) for day in open_[k]]
        booked, late = _bookings(ahead, start, due, remaining)
        reviews.append(ReviewDue(
            history.client_id, history.client_name, kind, due, last, booked, late, opens, remaining
        ))  # fmt: skip

    interviews = sorted(done["initial_interview"])
    if not interviews and since >= rules.took_effect(INITIAL_INTERVIEW_WITHIN):
        review("initial_interview", rules.after(INITIAL_INTERVIEW_WITHIN, since), None, since)

    # Job-search discussions.
    anchor = interviews[0] if interviews else since
    discussions = sorted(day for kind in REVIEW_KINDS for day in done[kind])
    last = max(
        discussions[-1] if discussions else anchor, rules.took_effect(JOB_SEARCH_INTERVAL_EARLY)
    )
    early_end = rules.after(JOB_SEARCH_EARLY_PERIOD, anchor)
    next_due = rules.after(JOB_SEARCH_INTERVAL_EARLY, last)
    if next_due > early_end:
        next_due = rules.after(JOB_SEARCH_INTERVAL_LATER, last)
    review("job_search", next_due, discussions[-1] if discussions else None, last,
           covered_by=REVIEW_KINDS)  # fmt: skip

    # The intensive period's supplementary discussions.
    opens = rules.after(SUPPLEMENTARY_AT, since)
    closes = rules.after(SUPPLEMENTARY_PERIOD, opens)
    held = sorted(day for day in done["supplementary"] if day >= opens)
    remaining = rules.value(SUPPLEMENTARY_COUNT, opens) - len(held)
    taken_over = any(day > closes for day in done["job_search"]) or (
        today > rules.after(JOB_SEARCH_INTERVAL_LATER, closes)
    )
    if remaining > 0 and not taken_over and opens >= rules.took_effect(SUPPLEMENTARY_AT):
        review(
            "supplementary", closes, held[-1] if held else None, opens,
            opens=opens, remaining=remaining,
        )  # fmt: skip
    return reviews


def _sort_key(review: ReviewDue) -> tuple[date, str, int, str]:
    return (review.due, review.client_name, REVIEW_KINDS.index(review.kind), review.client_id)


# The coach's jobseekers, but those whose last path ended settled (worklist's rule).
_CASELOAD = (
    "SELECT c.id, c.last_name || ' ' || c.first_name, c.jobseeker_since FROM client c"
    " WHERE c.coach_id = :coach AND c.deleted_at IS NULL AND c.jobseeker_since IS NOT NULL"
    " AND NOT (NOT EXISTS (SELECT 1 FROM service_path p WHERE p.client_id = c.id"
    "   AND p.ended_on IS NULL AND p.deleted_at IS NULL)"
    "  AND coalesce((SELECT e.outcome IN " + repr(SETTLED_OUTCOMES) + " AND e.ended_on >="
    "   c.jobseeker_since FROM service_path e WHERE e.client_id = c.id"
    "   AND e.deleted_at IS NULL ORDER BY e.ended_on DESC LIMIT 1), 0))"
)
# Their appointments (with any coach) of the review kinds that were held or are ahead.
_APPOINTMENTS = (
    "SELECT a.client_id, a.kind, a.status, a.starts_at FROM client c"
    " JOIN appointment a ON a.client_id = c.id AND a.deleted_at IS NULL"
    " WHERE c.coach_id = :coach AND c.deleted_at IS NULL AND c.jobseeker_since IS NOT NULL"
    " AND a.kind IN ('initial_interview', 'job_search', 'supplementary')"
    " AND a.status IN ('done', 'booked', 'arrived')"
)


def local_days() -> Callable[[str], date]:
    """A converter from stored UTC text to the local day, for many rows at once: each UTC
    day holds one local midnight, worked out once per UTC day seen."""
    seen: dict[str, tuple[date, str]] = {}

    def local_day(stored: str) -> date:
        utc_day = stored[:10]
        known = seen.get(utc_day)
        if known is None:
            first = to_local(from_iso(f"{utc_day}T00:00:00.000Z")).date()
            known = seen[utc_day] = (first, to_iso(local_moment(first + timedelta(days=1))))
        first, midnight = known
        return first + timedelta(days=1) if stored >= midnight else first

    return local_day


class Reviews:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def rules(self) -> ProcessRules:
        """The process rules as they stand in the database."""
        return load_rules(self.ctx)

    def add_rule(self, actor: Staff, rule: ProcessRule) -> None:
        """Record a change to a deadline (a law change) from its effective date on; the
        earlier rows stay in force for the days before it."""
        require(actor, "settings.edit")
        with write_transaction(self.ctx.db):
            rule_id = insert_row(
                self.ctx,
                "process_rule",
                {"code": rule.code, "value": rule.value, "unit": rule.unit,
                 "effective_from": rule.effective_from.isoformat(), "source": rule.source},
                by=actor.id,
            )  # fmt: skip
            log_event(self.ctx, staff_id=actor.id, action="create", entity="process_rule",
                      entity_id=rule_id)  # fmt: skip

    def caseload(self, coach_id: str) -> list[ClientHistory]:
        """The coach's jobseekers with their appointments of the review kinds."""
        histories: dict[str, ClientHistory] = {}
        for client_id, name, since in self.ctx.db.execute(_CASELOAD, {"coach": coach_id}):
            histories[client_id] = ClientHistory(client_id, name, date.fromisoformat(since))
        rows = self.ctx.db.execute(_APPOINTMENTS, {"coach": coach_id})
        local_day = local_days()
        for client_id, kind, status, starts_at in rows:
            history = histories.get(client_id)
            if history is None:
                continue
            day = local_day(starts_at)
            if day < history.jobseeker_since:
                continue
            held = history.done if status == "done" else history.open
            held[cast(ReviewKind, kind)].append(day)
        return list(histories.values())

    def all_open(self, actor: Staff, coach_id: str) -> list[ReviewDue]:
        """Every review the coach's clients have open, however far ahead, earliest first."""
        require(actor, "schedule.view")
        rules, today = self.rules(), self.ctx.today()
        found = [
            r for history in self.caseload(coach_id) for r in reviews_of(history, rules, today)
        ]
        return sorted(found, key=_sort_key)

    def due(self, actor: Staff, coach_id: str, *, within_days: int = 14) -> list[ReviewDue]:
        """The coach's clients' reviews that are overdue or due within `within_days` (or
        whose window opens within them), the earliest first."""
        horizon = self.ctx.today() + timedelta(days=within_days)
        return [
            r for r in self.all_open(actor, coach_id) if min(r.opens or r.due, r.due) <= horizon
        ]
