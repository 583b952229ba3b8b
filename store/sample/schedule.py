"""Made-up calendars for the sample register: every coach's appointments from four weeks
back to four ahead, rooms, a fortnightly series, two group sessions (one full, with a
waiting list), a training day for each coach, and today's clients of the demo coach
already checked in at the desk.

Every entry is laid out against what already holds the coach's, the client's and the
room's time, so the calendar has no clash (`Schedule.check` agrees: the tests ask it).
Rows go in through the row writer in bulk, each with its history and access-log rows, as
`Store.schedule` would have written them over the weeks.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false, reportUnknownArgumentType=false
from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from store.core.audit import append_events
from store.core.clock import to_iso
from store.core.context import Context
from store.core.rows import insert_rows
from store.sample.accounts import DEMO_COACH
from store.sample.seeded import helsinki_moment, helsinki_offset, seeded_uuid
from store.sample.visit_rows import AUDIT_COLUMNS
from store.schedule.calendar_days import add_working_days, is_working_day

WEEKS = 4  # back and ahead of today
DAY = (8 * 60, 16 * 60)  # the coaches' default hours, minutes after midnight
LUNCH = (11 * 60, 11 * 60 + 30)
PER_DAY = (4, 7)
LENGTHS = ((30, 25), (45, 55), (60, 20))
CHANNELS = (("in_person", 70), ("phone", 22), ("video", 8))
GAPS = (0, 0, 0, 15, 15, 30, 45)
PAST = (("done", 84), ("no_show", 7), ("by_client", 6), ("by_coach", 3))
AHEAD = (("booked", 94), ("by_client", 4), ("by_coach", 2))
KINDS = (("job_search", 62), ("coaching", 14), ("kompassi_follow_up", 9), ("other", 5))
NOTES = (
    "CV päivitetty, hakee kolmea paikkaa.",
    "Kiinnostunut työkokeilusta logistiikassa.",
    "Sovittiin työnhakusuunnitelman tarkistus.",
    "Tarvitsee tulkin seuraavalla kerralla.",
    "Palkkatukimahdollisuus selvitetään.",
)
FULL_SESSION = ("Työnhaun aloitus – infotilaisuus", 12, 3)  # title, capacity, waiting
PAST_SESSION = ("Palkkatuki ja työkokeilu – infotilaisuus", 20, 14)  # title, capacity, seats
SERIES = (2, 6)  # every 2 weeks × 6

_APPOINTMENT_COLUMNS = (
    "id", "coach_id", "client_id", "kind", "channel", "starts_at", "ends_at", "site_id",
    "room_id", "status", "cancel_reason", "series_id", "series_index", "note", "visit_id",
    "booked_by", "created_at", "updated_at", "updated_by",
)  # fmt: skip
_CHANGE_COLUMNS = (
    "id", "appointment_id", "at", "staff_id", "change", "to_starts_at", "to_ends_at",
    "from_status", "to_status", "created_at", "updated_at", "updated_by",
)  # fmt: skip

Span = tuple[datetime, datetime]


def _pick(rng: random.Random, weighted: tuple[tuple[Any, int], ...]) -> Any:
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


@dataclass
class _Coach:
    id: str
    username: str
    site_id: str
    room_id: str
    clients: list[tuple[str, date]]  # (client id, jobseeker since)


@dataclass
class _Rows:
    appointments: list[tuple[Any, ...]] = field(default_factory=list[tuple[Any, ...]])
    changes: list[tuple[Any, ...]] = field(default_factory=list[tuple[Any, ...]])
    audit: list[tuple[Any, ...]] = field(default_factory=list[tuple[Any, ...]])
    seats: list[tuple[Any, ...]] = field(default_factory=list[tuple[Any, ...]])
    visits: list[tuple[Any, ...]] = field(default_factory=list[tuple[Any, ...]])
    events: list[tuple[Any, ...]] = field(default_factory=list[tuple[Any, ...]])


class _Calendar:
    """What holds each coach's, client's and room's time while the sample is laid out."""

    def __init__(self) -> None:
        self.taken: dict[str, list[Span]] = defaultdict(list)

    def free(self, keys: list[str], start: datetime, end: datetime) -> bool:
        return all(not (s < end and start < e) for k in keys for s, e in self.taken[k])

    def take(self, keys: list[str], start: datetime, end: datetime) -> None:
        for key in keys:
            self.taken[key].append((start, end))


class _Maker:
    def __init__(self, ctx: Context, rng: random.Random, today: date, now: datetime) -> None:
        self.ctx, self.rng, self.today, self.now = ctx, rng, today, now
        self.rows = _Rows()
        self.calendar = _Calendar()
        self.coaches: list[_Coach] = []
        self.per_day: dict[tuple[str, date], int] = defaultdict(int)
        self.reception = [
            r[0]
            for r in ctx.db.execute(
                "SELECT id FROM staff WHERE role = 'reception' AND active = 1 ORDER BY username"
            )
        ]

    def stamp(self, at: datetime) -> str:
        return to_iso(min(at, self.now))

    def appointment(
        self,
        coach: _Coach,
        client: tuple[str, date],
        span: Span,
        *,
        series: tuple[str, int] | None = None,
        arrived: tuple[datetime, str] | None = None,
        held: str | None = None,
    ) -> str:
        """One appointment with its outcome (by the clock), history and log rows; `held`:
        a done appointment of that kind, as the client's earlier history has them."""
        rng, (start, end) = self.rng, span
        client_id, since = client
        self.calendar.take([coach.id, client_id, coach.room_id], start, end)
        self.per_day[coach.id, (start + helsinki_offset(start.date())).date()] += 1
        channel = "in_person" if series or arrived or held else _pick(rng, CHANNELS)
        room = coach.room_id if channel == "in_person" else None
        kind = held or ("job_search" if series else self._kind(start.date(), since))
        booked_by = rng.choice(self.reception) if rng.random() < 0.4 else coach.id
        booked_at = start - timedelta(days=rng.randint(1, 21), minutes=rng.randint(0, 400))
        outcome = (
            "done"
            if held
            else "arrived"
            if arrived
            else _pick(rng, PAST if end <= self.now else AHEAD)
        )
        status = outcome if outcome in ("done", "no_show", "booked", "arrived") else "cancelled"
        reason = outcome if status == "cancelled" else None
        appointment_id = seeded_uuid(rng)
        at, by = self.stamp(booked_at), booked_by
        self._log(appointment_id, client_id, at, booked_by, "booked", span, None, "booked")
        if status != "booked":
            when = {
                "done": end + timedelta(minutes=rng.randint(1, 20)),
                "no_show": start + timedelta(minutes=rng.randint(16, 30)),
                "arrived": arrived[0] if arrived else start,
            }.get(status, booked_at + (start - booked_at) * rng.random())
            by = (
                coach.id if status == "done" or reason == "by_coach" else rng.choice(self.reception)
            )
            at = self.stamp(max(when, booked_at))
            self._log(appointment_id, client_id, at, by, "status", None, "booked", status)
        note = rng.choice(NOTES) if status == "done" and rng.random() < 0.12 else None
        series_id, index = series if series else (None, None)
        self.rows.appointments.append(
            (appointment_id, coach.id, client_id, kind, channel, to_iso(start), to_iso(end),
             coach.site_id, room, status, reason, series_id, index, note,
             arrived[1] if arrived else None, booked_by,
             self.stamp(booked_at), at, by)
        )  # fmt: skip
        return appointment_id

    def _kind(self, day: date, since: date) -> str:
        """By the client process: an initial interview in the first weeks, supplementary
        discussions for the long-term unemployed, mostly job-search discussions."""
        days = (day - since).days
        if days < 14:
            return "initial_interview"
        if days > 183 and self.rng.random() < 0.15:
            return "supplementary"
        return _pick(self.rng, KINDS)

    def _log(
        self,
        appointment_id: str,
        client_id: str,
        at: str,
        by: str,
        change: str,
        span: Span | None,
        from_status: str | None,
        to_status: str,
    ) -> None:
        rng = self.rng
        times = (to_iso(span[0]), to_iso(span[1])) if span else (None, None)
        self.rows.changes.append(
            (seeded_uuid(rng), appointment_id, at, by, change, *times, from_status, to_status,
             at, at, by)
        )  # fmt: skip
        action = "create" if change == "booked" else "update"
        self.rows.audit.append(
            (seeded_uuid(rng), at, by, action, "appointment", appointment_id, client_id, None,
             at, at, by)
        )  # fmt: skip

    def free_client(self, coach: _Coach, span: Span, used: set[str]) -> tuple[str, date] | None:
        for _ in range(6):
            client = self.rng.choice(coach.clients)
            if client[0] not in used and self.calendar.free([client[0]], *span):
                return client
        return None

    def lay_out_day(self, coach: _Coach, day: date) -> None:
        """4–7 appointments between 8 and 16, around lunch and what the coach already has."""
        rng = self.rng
        lunch = (helsinki_moment(day, LUNCH[0]), helsinki_moment(day, LUNCH[1]))
        self.calendar.take([f"lunch:{coach.id}"], *lunch)
        wanted, made, used = rng.randint(*PER_DAY) - self.per_day[coach.id, day], 0, set[str]()
        minute = DAY[0]
        while made < wanted:
            minute += rng.choice(GAPS)
            length = _pick(rng, LENGTHS)
            if minute + length > DAY[1]:
                break
            span = (helsinki_moment(day, minute), helsinki_moment(day, minute + length))
            keys = [coach.id, coach.room_id, f"lunch:{coach.id}"]
            client = (
                self.free_client(coach, span, used) if self.calendar.free(keys, *span) else None
            )
            if client is None:
                minute += 15
                continue
            used.add(client[0])
            self.appointment(coach, client, span)
            made += 1
            minute += length


def _coaches(ctx: Context, rng: random.Random, at: str) -> tuple[list[_Coach], dict[str, str]]:
    """The active coaches with their caseloads, and a room each (plus a group room) at
    their site."""
    clients: dict[str, list[tuple[str, date]]] = defaultdict(list)
    for client_id, coach_id, since in ctx.db.execute(
        "SELECT id, coach_id, coalesce(jobseeker_since, substr(created_at, 1, 10)) FROM client"
        " WHERE coach_id IS NOT NULL AND deleted_at IS NULL ORDER BY id"
    ):
        clients[coach_id].append((client_id, date.fromisoformat(since)))
    coaches: list[_Coach] = []
    rooms: list[tuple[Any, ...]] = []
    per_site: dict[str, int] = defaultdict(int)
    for staff_id, username, site_id in ctx.db.execute(
        "SELECT id, username, site_id FROM staff WHERE role = 'coach' AND active = 1"
        " AND site_id IS NOT NULL ORDER BY username"
    ):
        if not clients[staff_id]:
            continue
        per_site[site_id] += 1
        room_id = seeded_uuid(rng)
        rooms.append((room_id, site_id, f"Huone {per_site[site_id]}", 2))
        coaches.append(_Coach(staff_id, username, site_id, room_id, clients[staff_id]))
    group_rooms = {site_id: seeded_uuid(rng) for site_id in sorted(per_site)}
    rooms += [(room_id, site_id, "Ryhmätila", 30) for site_id, room_id in group_rooms.items()]
    insert_rows(ctx, "room", ("id", "site_id", "name", "capacity"), rooms, by=None, at=at)
    return coaches, group_rooms


def _quarter(minutes: float) -> int:
    return int(minutes // 15 * 15)


def _session(
    maker: _Maker,
    host: _Coach,
    room_id: str,
    span: Span,
    spec: tuple[str, int, int],
    seat_states: list[str],
) -> None:
    """A group session in the site's group room, its seats taken in the order queued."""
    rng, rows, calendar = maker.rng, maker.rows, maker.calendar
    title, capacity, _ = spec
    calendar.take([host.id, room_id], *span)
    session_id = seeded_uuid(rng)
    created = maker.stamp(span[0] - timedelta(days=30))
    maker.ctx.db.execute(
        "INSERT INTO group_session (id, title, host_id, site_id, room_id, starts_at, ends_at,"
        " capacity, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [session_id, title, host.id, host.site_id, room_id, to_iso(span[0]), to_iso(span[1]),
         capacity, created, created, host.id],
    )  # fmt: skip
    everyone = [c for coach in maker.coaches for c, _ in coach.clients]
    rng.shuffle(everyone)
    free = (c for c in everyone if calendar.free([c], *span))
    queued = span[0] - timedelta(days=21)
    for state in seat_states:
        client_id = next(free, None)
        if client_id is None:  # a small register (`luotsi sample --clients 5`)
            break
        calendar.take([client_id], *span)
        queued += timedelta(hours=rng.randint(2, 20))
        at = maker.stamp(queued)
        rows.seats.append((seeded_uuid(rng), session_id, client_id, state, at, at, at, host.id))
        rows.audit.append(
            (seeded_uuid(rng), at, host.id, "create", "group_seat", session_id, client_id, None,
             at, at, host.id)
        )  # fmt: skip


def _check_ins(maker: _Maker, demo: _Coach, today: date) -> None:
    """The demo coach's appointment under way (the client still waiting: the coach runs a
    little late) and the next one, both clients checked in at the desk."""
    rng, now = maker.rng, maker.now
    minute = _quarter((now - helsinki_moment(today, 0)).total_seconds() / 60)
    arrivals: list[tuple[datetime, Span]] = []
    for start in (minute - 15, minute + 30):
        span = (helsinki_moment(today, start), helsinki_moment(today, start + 45))
        if start < DAY[0] or start + 45 > DAY[1] or not maker.calendar.free([demo.id], *span):
            continue
        early = span[0] - timedelta(minutes=rng.randint(2, 9))
        arrivals.append((min(early, now - timedelta(minutes=rng.randint(1, 4))), span))
    number, last = maker.ctx.db.execute(
        "SELECT coalesce(max(ticket_number), 0), max(arrived_at) FROM visit"
        " WHERE site_id = ? AND visit_date = ?",
        [demo.site_id, today.isoformat()],
    ).fetchone()
    for arrived_at, span in sorted(arrivals):
        client = maker.free_client(demo, span, set())
        if client is None:
            continue
        number += 1
        at = max(to_iso(arrived_at), last or "")
        desk = rng.choice(maker.reception)
        visit_id = seeded_uuid(rng)
        appointment_id = maker.appointment(demo, client, span, arrived=(arrived_at, visit_id))
        maker.rows.visits.append(
            (visit_id, demo.site_id, today.isoformat(), number, f"A{number:03d}", client[0],
             "appointment", to_iso(span[0]), appointment_id, "waiting", 0, at, at, at, desk)
        )  # fmt: skip
        maker.rows.events.append(
            (seeded_uuid(rng), visit_id, at, desk, None, "waiting", None, at, at, desk)
        )
        maker.rows.audit.append(
            (seeded_uuid(rng), at, desk, "create", "visit", visit_id, client[0], None, at, at,
             desk)
        )  # fmt: skip
        last = at


def add_sample_schedule(ctx: Context, seed: int, today: date, now: datetime) -> int:
    """Every coach's calendar from `WEEKS` weeks before `today` to `WEEKS` after, as it
    stands at `now`; returns how many appointments."""
    rng = random.Random(f"schedule:{seed}")
    maker = _Maker(ctx, rng, today, now)
    coaches, group_rooms = _coaches(ctx, rng, maker.stamp(now - timedelta(weeks=WEEKS + 4)))
    maker.coaches = coaches
    if not coaches or not maker.reception:
        return 0
    span = range(-WEEKS * 7, WEEKS * 7 + 1)
    days = [d for d in (today + timedelta(days=n) for n in span) if is_working_day(d)]
    demo = next((c for c in coaches if c.username == DEMO_COACH), coaches[0])
    other = next((c for c in coaches if c is not demo), demo)
    if today in days:
        _check_ins(maker, demo, today)
    ahead = next(d for d in days if d >= today + timedelta(days=3))
    full = [*["booked"] * FULL_SESSION[1], *["waiting"] * FULL_SESSION[2]]
    _session(maker, demo, group_rooms[demo.site_id],
             (helsinki_moment(ahead, 13 * 60), helsinki_moment(ahead, 14 * 60 + 30)),
             FULL_SESSION, full)  # fmt: skip
    before = [d for d in days if d <= today - timedelta(days=7)][-1]
    _session(maker, other, group_rooms[other.site_id],
             (helsinki_moment(before, 9 * 60), helsinki_moment(before, 10 * 60 + 30)),
             PAST_SESSION, ["attended"] * (PAST_SESSION[2] - 2) + ["no_show"] * 2)  # fmt: skip
    # The demo coach's fortnightly client, at 14:00 on the same weekday.
    first = next(d for d in days if d >= today - timedelta(days=14))
    series_id, client = seeded_uuid(rng), rng.choice(demo.clients)
    for index in range(SERIES[1]):
        day = first + timedelta(weeks=SERIES[0] * index)
        occurrence = (helsinki_moment(day, 14 * 60), helsinki_moment(day, 14 * 60 + 45))
        if maker.calendar.free([demo.id, client[0], demo.room_id], *occurrence):
            maker.appointment(demo, client, occurrence, series=(series_id, index))
    absences = _absences(maker, coaches, [d for d in days if d != today])
    for coach in coaches:
        for day in days:
            if (coach.id, day) not in absences:
                maker.lay_out_day(coach, day)
    _history(maker, days[0])
    _write(ctx, maker.rows)
    return len(maker.rows.appointments)


def _history(maker: _Maker, first_day: date) -> None:
    """Before the calendar's weeks, what the reviews due count from: each jobseeker's
    initial interview a few working days after they registered, and their last job-search
    discussion 1–3 months back, so most reviews are on time and a few are due or late."""
    rng = maker.rng
    for coach in maker.coaches:
        for client in coach.clients:
            since = client[1]
            interview = add_working_days(since, rng.randint(1, 5))
            held = [("initial_interview", interview)] if interview < first_day else []
            last = first_day - timedelta(days=rng.randint(1, 70))
            if since < last and interview < last:
                held.append(("job_search", last))
            for kind, day in held:
                span = _free_span(maker, [coach.id, client[0]], day, 45)
                if span is not None:
                    maker.appointment(coach, client, span, held=kind)


def _free_span(maker: _Maker, keys: list[str], day: date, length: int) -> Span | None:
    """The first free quarter-hour slot of `length` minutes on `day` or the working days
    before it (a week at most), starting at a random time of the day."""
    starts = list(range(DAY[0], DAY[1] - length + 1, 15))
    maker.rng.shuffle(starts)
    for _ in range(7):
        while not is_working_day(day):
            day -= timedelta(days=1)
        for minute in starts:
            span = (helsinki_moment(day, minute), helsinki_moment(day, minute + length))
            if maker.calendar.free(keys, *span):
                return span
        day -= timedelta(days=1)
    return None


def _absences(maker: _Maker, coaches: list[_Coach], days: list[date]) -> set[tuple[str, date]]:
    """One training for each coach: a whole day, or an afternoon; returns whole days."""
    rng, whole_days = maker.rng, set[tuple[str, date]]()
    rows: list[tuple[Any, ...]] = []
    for coach in coaches:
        for _ in range(20):
            day = rng.choice(days)
            afternoon = rng.random() < 0.4
            start = 12 * 60 if afternoon else DAY[0]
            span = (helsinki_moment(day, start), helsinki_moment(day, DAY[1]))
            if maker.calendar.free([coach.id], *span):
                break
        else:
            continue
        maker.calendar.take([coach.id], *span)
        if not afternoon:
            whole_days.add((coach.id, day))
        at = maker.stamp(span[0] - timedelta(days=20))
        rows.append((seeded_uuid(rng), coach.id, "training", to_iso(span[0]), to_iso(span[1]),
                     "Koulutus: uudistunut työnhakuprosessi", at, at, coach.id))  # fmt: skip
    insert_rows(
        maker.ctx, "absence",
        ("id", "staff_id", "kind", "starts_at", "ends_at", "note", "created_at", "updated_at",
         "updated_by"),
        rows, by=None,
    )  # fmt: skip
    return whole_days


def _write(ctx: Context, rows: _Rows) -> None:
    insert_rows(
        ctx, "group_seat",
        ("id", "session_id", "client_id", "state", "queued_at", "created_at", "updated_at",
         "updated_by"),
        rows.seats, by=None,
    )  # fmt: skip
    insert_rows(
        ctx, "visit",
        ("id", "site_id", "visit_date", "ticket_number", "ticket", "client_id", "channel",
         "booked_for", "appointment_id", "state", "wants_own_coach", "arrived_at",
         "created_at", "updated_at", "updated_by"),
        rows.visits, by=None,
    )  # fmt: skip
    insert_rows(
        ctx, "visit_event",
        ("id", "visit_id", "at", "staff_id", "from_state", "to_state", "to_staff_id",
         "created_at", "updated_at", "updated_by"),
        rows.events, by=None,
    )  # fmt: skip
    # The visits first: an appointment names the visit its client was checked in as.
    insert_rows(ctx, "appointment", _APPOINTMENT_COLUMNS, rows.appointments, by=None)
    insert_rows(ctx, "appointment_change", _CHANGE_COLUMNS, rows.changes, by=None)
    append_events(ctx, AUDIT_COLUMNS, sorted(rows.audit, key=lambda r: r[1]), by=None)
