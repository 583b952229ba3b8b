"""Made-up service paths for the sample register, written as `PathRepository` writes them.

Most of every coach's caseload has a path of 1–6 steps drawn from typical sequences (job-
search coaching → work trial → pay subsidy …). About a third ended in the past year and a
half with an outcome, employed the most common, so the paths report has figures; the open
ones have steps done, one active and some planned. A few are made to be due: an active
step ending within two weeks, a planned start that passed, a work trial over its limits
(eight months with one organiser; fourteen months in all), an active step never closed.
The rows, their `path_event`s and their access-log events go in through the row writer in
bulk, each with the time and the coach that would have written it.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false, reportUnknownArgumentType=false
from __future__ import annotations

import json
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from stdnum.fi import ytunnus

from store.core.audit import append_events
from store.core.clock import to_iso
from store.core.context import Context
from store.core.rows import insert_rows
from store.sample.path_data import (
    EMPLOYERS,
    GOALS,
    IN_HOUSE,
    MONTHS,
    PROVIDERS,
    SEQUENCES,
)
from store.sample.seeded import helsinki_moment, seeded_uuid
from store.sample.visit_rows import AUDIT_COLUMNS

PATH_SHARE = 0.85  # of a coach's caseload
ENDED_SHARE = 0.4  # of the paths
_OUTCOMES = {"employed": 40, "studies": 14, "other_service": 14, "self_employed": 5,
             "left_register": 10, "unknown": 17}  # fmt: skip


def business_id(first_seven: str) -> str:
    """A valid Y-tunnus from its first seven digits (the check digit as stdnum checks it)."""
    return next(
        f"{first_seven}-{digit}"
        for digit in "0123456789"
        if ytunnus.is_valid(f"{first_seven}-{digit}")
    )


@dataclass
class _Step:
    code: str
    start: date
    end: date
    status: str = "planned"
    actual_start: date | None = None
    actual_end: date | None = None
    provider: str | None = None
    organiser: str | None = None
    days: int | None = None
    hours: float | None = None
    subsidy: int | None = None


@dataclass
class _Rows:
    paths: list[tuple[Any, ...]] = field(default_factory=list[tuple[Any, ...]])
    steps: list[tuple[Any, ...]] = field(default_factory=list[tuple[Any, ...]])
    events: list[tuple[Any, ...]] = field(default_factory=list[tuple[Any, ...]])
    audit: list[tuple[Any, ...]] = field(default_factory=list[tuple[Any, ...]])


def _months(rng: random.Random, code: str) -> int:
    low, high = MONTHS[code]
    return rng.randint(low, high)


def _plus_months(day: date, months: int) -> date:
    return day + timedelta(days=round(months * 30.44))


class _PathMaker:
    def __init__(self, ctx: Context, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.today = today
        self.services = {
            str(code): str(id_)
            for id_, code in ctx.db.execute("SELECT id, code FROM service").fetchall()
        }
        self.providers: dict[str, list[str]] = {}  # service code -> provider ids
        self.rows = _Rows()

    def organise(self, step: _Step) -> None:
        rng, code = self.rng, step.code
        offering = self.providers.get(code, [])
        if offering and rng.random() < 0.6:
            step.provider = rng.choice(offering)
        elif code in ("tyokokeilu", "palkkatuki"):
            step.organiser = rng.choice(EMPLOYERS)
        else:
            step.organiser = IN_HOUSE
        if code == "tyokokeilu":
            step.days, step.hours = rng.choice((5, 5, 4, 3)), rng.choice((4.0, 6.0, 7.5))
        elif code == "kuntouttava":
            step.days, step.hours = rng.randint(1, 4), rng.choice((4.0, 5.0, 6.0))
        elif code == "palkkatuki":
            step.subsidy = rng.choice((50, 70))

    def plan(self, codes: Sequence[str], first: date) -> list[_Step]:
        steps: list[_Step] = []
        start = first
        for code in codes:
            end = _plus_months(start, _months(self.rng, code))
            step = _Step(code, start, end)
            self.organise(step)
            steps.append(step)
            start = end + timedelta(days=self.rng.randint(1, 30))
        return steps

    def settle(self, steps: list[_Step], ended_on: date | None) -> None:
        """Each step's status and actual dates as they stand today (or when the path ended)."""
        rng, cutoff = self.rng, ended_on or self.today
        for step in steps:
            if step.start > cutoff or (ended_on is not None and step.start >= ended_on):
                step.status = "cancelled" if ended_on is not None else "planned"
                continue
            step.actual_start = step.start
            if step.end < cutoff:
                step.actual_end = step.end
                step.status = "interrupted" if rng.random() < 0.07 else "done"
            elif ended_on is not None:
                step.actual_end, step.status = ended_on, "done"
            else:
                step.status = "active"


def _span(steps: list[_Step]) -> int:
    return (steps[-1].end - steps[0].start).days


def _shift(steps: list[_Step], by: timedelta) -> None:
    for step in steps:
        step.start, step.end = step.start + by, step.end + by


def _rule_breaking(today: date, kind: int) -> list[_Step]:
    """A work trial over its limits: eight months with one organiser, active; or three
    trials of 6 + 6 + 2 months, fourteen in all."""
    if kind == 0:
        start = today - timedelta(days=150)
        step = _Step("tyokokeilu", start, _plus_months(start, 8), organiser=EMPLOYERS[0])
        step.days, step.hours = 5, 6.0
        return [step]
    steps: list[_Step] = []
    start = today - timedelta(days=420)
    for months, employer in ((6, EMPLOYERS[1]), (6, EMPLOYERS[2]), (2, EMPLOYERS[3])):
        step = _Step("tyokokeilu", start, _plus_months(start, months), organiser=employer)
        step.days, step.hours = 5, 6.0
        steps.append(step)
        start = step.end + timedelta(days=1)
    return steps


# Rows ---------------------------------------------------------------------------------


def _moment(rng: random.Random, day: date, today: date) -> str:
    """A time in office hours on `day` (before half past ten today, the sample's now)."""
    latest = 10 * 60 + 29 if day >= today else 16 * 60
    return to_iso(helsinki_moment(min(day, today), rng.randint(8 * 60, latest)))


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


class _Writer:
    """Turns one drawn path into its rows and their history, as the repository would."""

    def __init__(self, maker: _PathMaker, coach_id: str, client_id: str) -> None:
        self.maker, self.coach_id, self.client_id = maker, coach_id, client_id
        self.path_id = seeded_uuid(maker.rng)

    def event(
        self,
        at: str,
        action: str,
        changes: Mapping[str, Sequence[object]],
        step_id: str | None = None,
    ) -> None:
        rng, rows = self.maker.rng, self.maker.rows
        stamps = (at, at, self.coach_id)
        text = json.dumps(changes, ensure_ascii=False, sort_keys=True)
        rows.events.append(
            (seeded_uuid(rng), self.path_id, step_id, at, self.coach_id, action, text, *stamps)
        )
        kind = "create" if action in ("start_path", "add_step") else "update"
        rows.audit.append(
            (seeded_uuid(rng), at, self.coach_id, kind, "service_path", self.path_id,
             self.client_id, action, *stamps)
        )  # fmt: skip

    def write(
        self, steps: list[_Step], ended_on: date | None, outcome: tuple[Any, ...], since: date
    ) -> None:
        """The path's rows; `since` is when the client came into the register."""
        maker = self.maker
        rng, today = maker.rng, maker.today
        begun = max(min(steps[0].start - timedelta(days=rng.randint(3, 20)), today), since)
        created = _moment(rng, begun, today)
        goal = rng.choice(GOALS)
        obligation = (
            4
            if steps[0].code not in ("kuntouttava", "sosiaalinen_kuntoutus", "typ")
            else rng.randint(0, 2)
        )
        review = None if ended_on else today + timedelta(days=rng.randint(7, 90))
        self.event(
            created,
            "start_path",
            {"goal": [None, goal], "work_search_obligation": [None, obligation]},
        )
        for position, step in enumerate(steps, 1):
            step_id = seeded_uuid(rng)
            planned = {"service_id": maker.services[step.code], "provider_id": step.provider,
                       "organiser": step.organiser, "planned_start": _iso(step.start),
                       "planned_end": _iso(step.end), "days_per_week": step.days,
                       "hours_per_day": step.hours, "subsidy_percent": step.subsidy}  # fmt: skip
            added = {k: [None, v] for k, v in planned.items() if v is not None}
            self.event(created, "add_step", {**added, "status": [None, "planned"]}, step_id)
            updated = created
            if step.actual_start is not None:
                updated = max(created, _moment(rng, step.actual_start, today))
                changes = {
                    "status": ["planned", "active"],
                    "actual_start": [None, _iso(step.actual_start)],
                }
                self.event(updated, "set_status", changes, step_id)
            if step.actual_end is not None:
                updated = max(updated, _moment(rng, step.actual_end, today))
                changes = {
                    "status": ["active", step.status],
                    "actual_end": [None, _iso(step.actual_end)],
                }
                self.event(updated, "set_status", changes, step_id)
            elif step.status == "cancelled":
                updated = max(created, _moment(rng, ended_on or today, today))
                self.event(updated, "cancel_step", {"status": ["planned", "cancelled"]}, step_id)
            maker.rows.steps.append(
                (step_id, self.path_id, position, *planned.values(), _iso(step.actual_start),
                 _iso(step.actual_end), step.status, None, created, updated, self.coach_id)
            )  # fmt: skip
        updated = created
        if ended_on is not None:
            updated = max(created, _moment(rng, ended_on, today))
            names = ("outcome", "employer_sector", "employment_type", "with_pay_subsidy")
            changes = {k: [None, v] for k, v in zip(names, outcome, strict=True) if v is not None}
            self.event(updated, "end_path", {**changes, "ended_on": [None, _iso(ended_on)]})
        maker.rows.paths.append(
            (self.path_id, self.client_id, self.coach_id, goal, obligation, _iso(review),
             _iso(ended_on), *outcome, created, updated, self.coach_id)
        )  # fmt: skip


_PATH_COLUMNS = ("id", "client_id", "coach_id", "goal", "work_search_obligation", "next_review",
                 "ended_on", "outcome", "employer_sector", "employment_type", "with_pay_subsidy",
                 "created_at", "updated_at", "updated_by")  # fmt: skip
_STEP_COLUMNS = ("id", "path_id", "position", "service_id", "provider_id", "organiser",
                 "planned_start", "planned_end", "days_per_week", "hours_per_day",
                 "subsidy_percent", "actual_start", "actual_end", "status", "goal",
                 "created_at", "updated_at", "updated_by")  # fmt: skip
_EVENT_COLUMNS = ("id", "path_id", "step_id", "at", "staff_id", "action", "changes",
                  "created_at", "updated_at", "updated_by")  # fmt: skip


def _outcome(rng: random.Random) -> tuple[Any, ...]:
    outcome = rng.choices(list(_OUTCOMES), weights=list(_OUTCOMES.values()))[0]
    if outcome != "employed":
        return (outcome, None, None, None)
    sector = rng.choices(("company", "municipality", "third_sector"), (70, 20, 10))[0]
    return (outcome, sector, rng.choice(("permanent", "fixed_term")), int(rng.random() < 0.3))


def _add_providers(ctx: Context, maker: _PathMaker, at: str) -> None:
    rng = maker.rng
    provider_rows: list[tuple[Any, ...]] = []
    offer_rows: list[tuple[Any, ...]] = []
    since = (maker.today - timedelta(days=900)).isoformat()
    for name, digits, sector, municipality, codes in PROVIDERS:
        provider_id = seeded_uuid(rng)
        provider_rows.append((provider_id, name, business_id(digits), sector, municipality, since))
        for code in codes:
            offer_rows.append((seeded_uuid(rng), provider_id, maker.services[code]))
            maker.providers.setdefault(code, []).append(provider_id)
    columns = ("id", "name", "business_id", "sector", "municipality", "active_from")
    insert_rows(ctx, "provider", columns, provider_rows, by=None, at=at)
    insert_rows(
        ctx, "provider_service", ("id", "provider_id", "service_id"), offer_rows, by=None, at=at
    )


def add_sample_paths(ctx: Context, seed: int, today: date, setup_at: str) -> int:
    """Providers, and paths for most of every coach's caseload; returns how many paths."""
    rng = random.Random(f"paths:{seed}")
    maker = _PathMaker(ctx, rng, today)
    _add_providers(ctx, maker, setup_at)
    clients = ctx.db.execute(
        "SELECT id, coach_id, birth_date, substr(created_at, 1, 10) FROM client"
        " WHERE coach_id IS NOT NULL AND deleted_at IS NULL ORDER BY coach_id, id"
    ).fetchall()
    specials = 0
    for client_id, coach_id, born, created in clients:
        if rng.random() > PATH_SHARE:
            continue
        registered = date.fromisoformat(str(created))
        writer = _Writer(maker, str(coach_id), str(client_id))
        codes = list(rng.choice(SEQUENCES))
        if "omaehtoinen" in codes and (today - date.fromisoformat(str(born))).days < 27 * 366:
            codes = ["koulutus"]
        # One client in twelve has a path made to be due now, in turns of five kinds.
        if rng.random() < 1 / 12:
            steps = _due_path(maker, codes, specials % 5)
            specials += 1
            writer.write(steps, None, (None, None, None, None), registered)
            continue
        steps = maker.plan(codes, today)
        # An ended path fits between the client's registration and five days ago: its
        # earliest steps give way first, as the later ones are what led to the outcome.
        latest_end = (today - timedelta(days=5)).toordinal()
        ended = rng.random() < ENDED_SHARE
        while ended and len(steps) > 1 and _span(steps) > latest_end - registered.toordinal():
            steps = steps[1:]
        earliest_end = max(registered.toordinal() + _span(steps), latest_end - 540)
        if ended and earliest_end <= latest_end:
            ended_on = date.fromordinal(rng.randint(earliest_end, latest_end))
            first = ended_on - timedelta(days=_span(steps))
        else:
            ended_on = None
            first = today - timedelta(days=rng.randint(-20, max(30, _span(steps) - 30)))
            first = max(first, registered)
        _shift(steps, first - steps[0].start)
        maker.settle(steps, ended_on)
        outcome = _outcome(rng) if ended_on else (None, None, None, None)
        writer.write(steps, ended_on, outcome, registered)
    rows = maker.rows
    insert_rows(ctx, "service_path", _PATH_COLUMNS, rows.paths, by=None)
    insert_rows(ctx, "path_step", _STEP_COLUMNS, rows.steps, by=None)
    insert_rows(ctx, "path_event", _EVENT_COLUMNS, sorted(rows.events, key=lambda r: r[3]), by=None)
    append_events(ctx, AUDIT_COLUMNS, sorted(rows.audit, key=lambda r: r[1]), by=None)
    return len(rows.paths)


def _due_path(maker: _PathMaker, codes: list[str], kind: int) -> list[_Step]:
    """An open path with something due today: 0 a step ending within two weeks, 1 a planned
    start passed, 2 and 3 a work trial over its limits, 4 an active step never closed."""
    rng, today = maker.rng, maker.today
    if kind in (2, 3):
        steps = _rule_breaking(today, kind - 2)
        maker.settle(steps, None)
        return steps
    first = today - timedelta(days=rng.randint(60, 200))
    steps = maker.plan(codes[:2] if len(codes) > 1 else [*codes, "tyonhakuvalmennus"], first)
    current, after = steps[0], steps[1]
    if kind == 0:
        current.end = today + timedelta(days=rng.randint(0, 13))
        after.start = current.end + timedelta(days=rng.randint(1, 14))
    elif kind == 1:
        current.end = today - timedelta(days=rng.randint(15, 40))
        after.start = today - timedelta(days=rng.randint(1, 12))
    else:
        current.end = today - timedelta(days=rng.randint(3, 20))
        after.start = today + timedelta(days=rng.randint(20, 40))
    current.start = current.end - timedelta(days=rng.randint(100, 150))
    after.end = max(after.end, _plus_months(after.start, 2))
    maker.settle(steps, None)
    if kind == 1:  # the start passed, and nobody marked the step started
        after.status, after.actual_start = "planned", None
    elif kind == 4:  # the end passed, and nobody closed the step
        current.status, current.actual_end = "active", None
    return steps
