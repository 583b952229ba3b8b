"""Made-up Kompassi readings for the sample register, written as `KompassiRepository`
writes them.

Most of every coach's caseload has a baseline, at the first meeting (soon after they
registered, or when their service path was made); many have a follow-up or two, at the end of a service step or some months
on, and some a final reading when their path ended. Between readings the domains that
the services on the path address (per the suggestion rules, read from the database) mostly
improve; the others drift, some down. A few answers are skipped, more of the personal
ones; about half answer the optional work-ability item; a few readings were filled on
paper and typed in later; some answers carry a comment or a goal, and some readings the
coach's own view. The demo coach has one reading in progress, so F3 offers its draft.
Readings, answers and their access-log events go in through the row writer in bulk,
each with the time and the coach that would have written it.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false, reportUnknownArgumentType=false
from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from store.core.audit import append_events
from store.core.clock import to_iso
from store.core.context import Context
from store.core.rows import insert_rows
from store.kompassi.instruments import InstrumentCatalog
from store.kompassi.models import Instrument, ReadingKind
from store.kompassi.records import fill_scores
from store.sample.accounts import DEMO_COACH
from store.sample.kompassi_data import (
    ADDRESSED_CHANGE,
    BASELINE,
    COMMENTS,
    DRIFT,
    EXTRA_DOMAINS,
    GOALS,
)
from store.sample.seeded import helsinki_moment, seeded_uuid
from store.sample.visit_rows import AUDIT_COLUMNS

READING_SHARE = 0.85  # of a coach's caseload with at least a baseline
FOLLOW_UPS = ((0, 15), (1, 45), (2, 40))  # (how many follow-ups wanted, weight)
FINAL_SHARE = 0.5  # of ended paths with a final reading on the day they ended
PAPER_SHARE = 0.08
WORK_ABILITY_SHARE = 0.5  # answer the optional item
COMMENT_SHARE = 0.05  # of answers
GOAL_SHARE = 0.35  # of a baseline's answers in the low band
COACH_VIEW_SHARE = 0.15  # of readings

_READING_COLUMNS = ("id", "client_id", "instrument_id", "kind", "mode", "filled_on", "status",
                    "coach_id", "started_at", "finished_at", "created_at", "updated_at",
                    "updated_by")  # fmt: skip
_ANSWER_COLUMNS = ("id", "reading_id", "domain_code", "score", "skipped", "comment", "goal",
                   "coach_score", "coach_comment", "created_at", "updated_at",
                   "updated_by")  # fmt: skip


@dataclass
class _Path:
    begun: date  # the day the path was made: the first meeting
    ended_on: date | None
    outcome: str | None
    steps: list[tuple[str, date, date | None]] = field(
        default_factory=list[tuple[str, date, date | None]]
    )  # (service code, actual start, actual end) of the steps that began

    def services_begun(self, by: date) -> set[str]:
        return {code for code, start, _ in self.steps if start <= by}


@dataclass
class _Rows:
    readings: list[tuple[Any, ...]] = field(default_factory=list[tuple[Any, ...]])
    answers: list[tuple[Any, ...]] = field(default_factory=list[tuple[Any, ...]])
    audit: list[tuple[Any, ...]] = field(default_factory=list[tuple[Any, ...]])


def _weighted(rng: random.Random, choices: Sequence[tuple[int, int]]) -> int:
    return rng.choices([value for value, _ in choices], [weight for _, weight in choices])[0]


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _working_day(rng: random.Random, day: date, earliest: date, latest: date) -> date:
    """`day`, or if it falls on a weekend a weekday of the week after (of the week before,
    if that is past `latest`); never before `earliest`."""
    if day.weekday() >= 5:
        after = day + timedelta(days=7 - day.weekday() + rng.randint(0, 4))
        day = after if after <= latest else after - timedelta(days=7)
    return max(day, earliest)


class _ReadingMaker:
    """Draws one client's readings and turns them into rows, as the repository would."""

    def __init__(self, ctx: Context, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.latest = today - timedelta(days=1)  # finished readings: yesterday at the latest
        catalog = InstrumentCatalog(ctx)
        self.instrument: Instrument = catalog.current()
        self.domains_of: dict[str, set[str]] = {}
        for rule in catalog.suggestion_rules():
            self.domains_of.setdefault(rule.service_code, set()).add(rule.domain_code)
        for service, domains in EXTRA_DOMAINS.items():
            self.domains_of.setdefault(service, set()).update(domains)
        self.rows = _Rows()

    def addressed(self, services: set[str]) -> set[str]:
        return {domain for service in services for domain in self.domains_of.get(service, ())}

    # Drawing -----------------------------------------------------------------------------

    def days(self, registered: date, path: _Path | None) -> list[tuple[date, ReadingKind]]:
        """The days of a client's finished readings and their kinds, oldest first."""
        rng, latest = self.rng, self.latest
        # Mostly at the first meeting after registering; else when the path was made.
        if path is not None and rng.random() < 0.35:
            baseline = max(path.begun - timedelta(days=rng.randint(0, 10)), registered)
        else:
            baseline = _day(rng, registered, registered + timedelta(days=30))
        baseline = min(baseline, latest)
        # Follow-ups come at the end of a service, or between services every few months.
        ends = {end for _, _, end in path.steps if end is not None} if path else set[date]()
        every = rng.randint(80, 160)
        between = {baseline + timedelta(days=every * n + rng.randint(-10, 10)) for n in (1, 2, 3)}
        later = sorted(d for d in ends | between if baseline + timedelta(days=30) < d <= latest)
        wanted = _weighted(rng, FOLLOW_UPS)
        chosen = sorted(rng.sample(later, min(wanted, len(later))))
        wanted_days: list[tuple[date, ReadingKind]] = [(day, "follow_up") for day in chosen]
        ended = path.ended_on if path is not None else None
        last = chosen[-1] if chosen else baseline
        if ended and last < ended <= latest and rng.random() < FINAL_SHARE:
            wanted_days.append((ended, "final"))
        # On working days, in order: a weekend's reading moves to a weekday near it.
        days: list[tuple[date, ReadingKind]] = [
            (_working_day(rng, baseline, registered, latest), "baseline")
        ]
        for day, kind in wanted_days:
            day = _working_day(rng, day, days[-1][0] + timedelta(days=1), latest)
            if day <= latest:
                days.append((day, kind))
        return days

    def baseline_scores(self, path: _Path | None) -> dict[str, float]:
        """Where the client starts: their own level, and lower in the domains their path's
        services were chosen for."""
        rng = self.rng
        level = rng.gauss(0, 1.5)
        targeted = self.addressed({code for code, _, _ in path.steps}) if path else set()
        return {
            code: min(
                10.0,
                max(0.0, mean + level + rng.gauss(0, 1.8) - (2.0 if code in targeted else 0.0)),
            )
            for code, (mean, _) in BASELINE.items()
        }

    def move(self, scores: dict[str, float], addressed: set[str]) -> None:
        for code in scores:
            change = ADDRESSED_CHANGE if code in addressed else DRIFT
            scores[code] = min(10.0, max(0.0, scores[code] + _weighted(self.rng, change)))

    # Rows --------------------------------------------------------------------------------

    def reading(
        self,
        client_id: str,
        coach_id: str,
        day: date,
        kind: ReadingKind,
        scores: dict[str, float],
        goals: dict[str, str],
        *,
        work_ability: bool,
        draft_at: datetime | None = None,
    ) -> None:
        """One reading's rows: finished, or a draft (started at `draft_at`) with only its
        first few domains answered."""
        rng, rows = self.rng, self.rows
        reading_id = seeded_uuid(rng)
        mode = "paper" if draft_at is None and rng.random() < PAPER_SHARE else "screen"
        latest = self.latest
        typed_on = _working_day(
            rng, min(day + timedelta(days=rng.randint(1, 6)), latest), day, latest
        )
        if draft_at is not None:
            moment = draft_at
        else:
            started_on = typed_on if mode == "paper" else day
            moment = helsinki_moment(started_on, rng.randint(8 * 60 + 30, 15 * 60 + 30))
        started, opened = to_iso(moment), to_iso(moment - timedelta(seconds=30))
        domains = [d.code for d in self.instrument.domains if work_ability or not d.optional]
        if draft_at is not None:
            domains = domains[: rng.randint(3, 5)]
        coach_view = set(rng.sample(domains, rng.randint(1, 3))) if (
            draft_at is None and rng.random() < COACH_VIEW_SHARE
        ) else set()  # fmt: skip
        for code in domains:
            moment += timedelta(
                seconds=rng.randint(5, 15) if mode == "paper" else rng.randint(20, 90)
            )
            at = to_iso(moment)
            score: int | None = round(scores[code])
            skipped = rng.random() < BASELINE[code][1]
            if skipped:
                score = None
            comment = rng.choice(COMMENTS[code]) if rng.random() < COMMENT_SHARE else None
            goal = goals.get(code) if rng.random() < 0.6 else None
            if (
                kind == "baseline"
                and score is not None
                and score <= 5
                and rng.random() < GOAL_SHARE
            ):
                goal = goals[code] = rng.choice(GOALS[code])
            coach_score = None
            if code in coach_view and score is not None:
                coach_score = min(10, max(0, score + rng.choice((-2, -1, 1, 2))))
            rows.answers.append(
                (seeded_uuid(rng), reading_id, code, score, int(skipped), comment, goal,
                 coach_score, None, at, at, coach_id)
            )  # fmt: skip
        finished = None if draft_at else to_iso(moment + timedelta(seconds=rng.randint(60, 300)))
        status = "draft" if finished is None else "done"
        rows.readings.append(
            (reading_id, client_id, self.instrument.id, kind, mode, day.isoformat(), status,
             coach_id, started, finished, started, finished or to_iso(moment), coach_id)
        )  # fmt: skip
        # As F3 logs them: the coach opened the client's readings, started one, finished it.
        events = [(opened, "view", "kompassi", None),
                  (started, "create", "kompassi_reading", reading_id)]  # fmt: skip
        if finished is not None:
            events.append((finished, "update", "kompassi_reading", reading_id))
        for at, action, entity, entity_id in events:
            rows.audit.append(
                (seeded_uuid(rng), at, coach_id, action, entity, entity_id, client_id, None,
                 at, at, coach_id)
            )  # fmt: skip


def _paths(ctx: Context) -> dict[str, _Path]:
    """Each client's service path (the first, if more) with the steps that began."""
    paths: dict[str, _Path] = {}
    for client_id, created, ended_on, outcome in ctx.db.execute(
        "SELECT client_id, substr(created_at, 1, 10), ended_on, outcome FROM service_path"
        " WHERE deleted_at IS NULL ORDER BY client_id, created_at"
    ).fetchall():
        ended = date.fromisoformat(str(ended_on)) if ended_on else None
        paths.setdefault(str(client_id), _Path(date.fromisoformat(str(created)), ended, outcome))
    for client_id, code, start, end in ctx.db.execute(
        "SELECT p.client_id, v.code, s.actual_start, s.actual_end FROM path_step s"
        " JOIN service_path p ON p.id = s.path_id JOIN service v ON v.id = s.service_id"
        " WHERE s.actual_start IS NOT NULL AND s.deleted_at IS NULL"
        " ORDER BY p.client_id, s.position"
    ).fetchall():
        ended = date.fromisoformat(str(end)) if end else None
        paths[str(client_id)].steps.append((str(code), date.fromisoformat(str(start)), ended))
    return paths


def _draft_day(today: date) -> date:
    """The working day before `today`: the draft was left there, whatever hour the demo starts."""
    day = today - timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def add_sample_kompassi(ctx: Context, seed: int, today: date) -> int:
    """Readings for most of every coach's caseload, and one draft for the demo coach;
    returns how many readings (the draft included)."""
    rng = random.Random(f"kompassi:{seed}")
    maker = _ReadingMaker(ctx, rng, today)
    paths = _paths(ctx)
    demo_coach = ctx.db.execute("SELECT id FROM staff WHERE username = ?", [DEMO_COACH]).fetchone()
    # The demo coach's clients whose latest reading could be followed up by the draft.
    open_for_draft: list[tuple[bool, str, dict[str, float], dict[str, str], bool]] = []
    draft_day = _draft_day(today)
    clients = ctx.db.execute(
        "SELECT id, coach_id, substr(created_at, 1, 10) FROM client"
        " WHERE coach_id IS NOT NULL AND deleted_at IS NULL ORDER BY coach_id, id"
    ).fetchall()
    for client_id, coach_id, created in clients:
        client_id, coach_id = str(client_id), str(coach_id)
        registered = date.fromisoformat(str(created))
        if rng.random() > READING_SHARE or registered > maker.latest:
            continue
        path = paths.get(client_id)
        work_ability = rng.random() < WORK_ABILITY_SHARE
        scores = maker.baseline_scores(path)
        goals: dict[str, str] = {}
        days = maker.days(registered, path)
        for n, (day, kind) in enumerate(days):
            if n:
                maker.move(scores, maker.addressed(path.services_begun(day)) if path else set())
                if kind == "final" and path is not None and path.outcome == "employed":
                    scores["tyollisyys"] = min(10.0, scores["tyollisyys"] + rng.randint(2, 4))
            maker.reading(client_id, coach_id, day, kind, scores, goals, work_ability=work_ability)
        # The draft goes to a client with a picture worth showing: a baseline and a
        # follow-up, the latest a month or more ago (any open client, if none has).
        last_day, last_kind = days[-1]
        if (
            demo_coach
            and coach_id == demo_coach[0]
            and last_kind != "final"
            and last_day < draft_day
        ):
            rich = len(days) >= 2 and (draft_day - last_day).days >= 30
            open_for_draft.append((rich, client_id, dict(scores), goals, work_ability))
    if open_for_draft:
        rich = [candidate for candidate in open_for_draft if candidate[0]]
        _, client_id, scores, goals, work_ability = rng.choice(rich or open_for_draft)
        path = paths.get(client_id)
        maker.move(scores, maker.addressed(path.services_begun(draft_day)) if path else set())
        started = helsinki_moment(draft_day, rng.randint(13 * 60, 15 * 60))
        maker.reading(
            client_id,
            str(demo_coach[0]),
            draft_day,
            "follow_up",
            scores,
            goals,
            work_ability=work_ability,
            draft_at=started,
        )
    rows = maker.rows
    insert_rows(ctx, "kompassi_reading", _READING_COLUMNS, rows.readings, by=None)
    insert_rows(ctx, "kompassi_answer", _ANSWER_COLUMNS, rows.answers, by=None)
    fill_scores(ctx)  # what finishing each reading would have written
    append_events(ctx, AUDIT_COLUMNS, sorted(rows.audit, key=lambda r: r[1]), by=None)
    return len(rows.readings)
