"""The conflict rules over generated calendars: the pure `find_clashes` and the SQL check
(`busy_entries` + `Schedule.check`) agree, back to back never clashes, a clash is
symmetric, cancelling frees the time, and `first_gap` finds the first slot the check
accepts.

Each example writes its calendar inside a transaction on the test's database and rolls
it back, so hundreds of calendars cost one migrated file.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.core.clock import local_moment, to_iso
from store.core.rows import insert_row
from store.sample.accounts import add_demo_account
from store.schedule.errors import Clashes
from store.schedule.free_time import first_gap
from store.schedule.models import STATES, Proposal
from store.schedule.records import busy_entries
from store.schedule.rules import Busy, find_clashes
from tests.conftest import World

SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
DAY = date(2026, 11, 30)  # a Monday after the fixed clock's Saturday
QUARTER = timedelta(minutes=15)
COACHES, CLIENTS, ROOMS = 2, 3, 2


def at(slot: int) -> datetime:
    """The `slot`-th quarter hour from 8:00 on the day (may run past midnight)."""
    return local_moment(DAY, time(8)) + slot * QUARTER


# What a calendar holds, as indexes into the test's coaches, clients and rooms.
appointments = st.lists(
    st.tuples(
        st.integers(0, COACHES - 1),
        st.integers(0, CLIENTS - 1),
        st.none() | st.integers(0, ROOMS - 1),
        st.integers(0, 31),  # start slot
        st.integers(1, 32),  # length in quarters: up to MAX_MINUTES
        st.sampled_from(STATES),
    ),
    max_size=8,
)
absences = st.lists(
    st.tuples(st.integers(0, COACHES - 1), st.integers(-40, 31), st.integers(1, 80)),
    max_size=2,
)
sessions = st.lists(
    st.tuples(
        st.none() | st.integers(0, COACHES - 1),  # host
        st.none() | st.integers(0, ROOMS - 1),
        # A course of a day or two may start long before the slot and outlast any
        # appointment (the SQL must not bound it by the longest appointment).
        st.integers(-40, -33) | st.integers(-4, 31),
        st.integers(1, 8) | st.integers(34, 120),
        st.booleans(),  # cancelled
        st.lists(  # seats: client and state
            st.tuples(
                st.integers(0, CLIENTS - 1),
                st.sampled_from(("booked", "waiting", "attended", "no_show", "cancelled")),
            ),
            max_size=3,
            unique_by=lambda seat: seat[0],
        ),
    ),
    max_size=2,
)
proposals = st.tuples(
    st.integers(0, COACHES - 1),
    st.integers(0, CLIENTS - 1),
    st.none() | st.integers(0, ROOMS - 1),
    st.integers(0, 31),
    st.integers(1, 32),
)


@dataclass
class Cast:
    """The people and rooms every generated calendar is drawn from."""

    world: World
    coaches: list[str]
    clients: list[str]
    rooms: list[str]


@pytest.fixture
def cast(world: World) -> Cast:
    ctx = world.store.ctx
    other = add_demo_account(ctx, "toinen", "Toinen Tiina", "coach", world.site.id)
    rooms = [
        insert_row(ctx, "room", {"site_id": world.site.id, "name": f"Huone {n}"}, by=None)
        for n in range(ROOMS)
    ]
    clients = [world.clients[key].id for key in ("makinen", "ostman", "obrien")]
    return Cast(world, [world.coach.id, other.id], clients, rooms)


@contextmanager
def rolled_back(cast: Cast) -> Iterator[None]:
    conn = cast.world.store.db.conn
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("ROLLBACK")


def write_calendar(cast: Cast, appts: list, away: list, groups: list) -> list[Busy]:
    """Write the calendar's rows and return what, by the rules, holds time in it."""
    ctx = cast.world.store.ctx
    held: list[Busy] = []
    for coach, client, room, start, length, status in appts:
        row = {
            "coach_id": cast.coaches[coach],
            "client_id": cast.clients[client],
            "kind": "job_search",
            "starts_at": to_iso(at(start)),
            "ends_at": to_iso(at(start + length)),
            "room_id": None if room is None else cast.rooms[room],
            "status": status,
        }
        entry_id = insert_row(ctx, "appointment", row, by=None)
        held.append(
            Busy(entry_id, "appointment", at(start), at(start + length),
                 coach_id=row["coach_id"], client_id=row["client_id"], room_id=row["room_id"],
                 status=status)
        )  # fmt: skip
    for coach, start, length in away:
        values = {"staff_id": cast.coaches[coach], "kind": "training",
                  "starts_at": to_iso(at(start)), "ends_at": to_iso(at(start + length))}  # fmt: skip
        entry_id = insert_row(ctx, "absence", values, by=None)
        held.append(
            Busy(entry_id, "absence", at(start), at(start + length), coach_id=values["staff_id"])
        )
    for host, room, start, length, cancelled, seats in groups:
        values = {
            "title": "Infotilaisuus",
            "host_id": None if host is None else cast.coaches[host],
            "room_id": None if room is None else cast.rooms[room],
            "starts_at": to_iso(at(start)),
            "ends_at": to_iso(at(start + length)),
            "capacity": 20,
            "cancelled": int(cancelled),
        }
        session_id = insert_row(ctx, "group_session", values, by=None)
        if not cancelled:
            held.append(
                Busy(session_id, "group_session", at(start), at(start + length),
                     coach_id=values["host_id"], room_id=values["room_id"])
            )  # fmt: skip
        for client, state in seats:
            seat = {"session_id": session_id, "client_id": cast.clients[client],
                    "state": state, "queued_at": to_iso(at(start - 100))}  # fmt: skip
            seat_id = insert_row(ctx, "group_seat", seat, by=None)
            if not cancelled and state in ("booked", "attended"):
                held.append(
                    Busy(seat_id, "group_seat", at(start), at(start + length),
                         client_id=seat["client_id"])
                )  # fmt: skip
    return held


def proposal_of(cast: Cast, drawn: tuple) -> Proposal:
    coach, client, room, start, length = drawn
    return Proposal(
        cast.coaches[coach],
        cast.clients[client],
        at(start),
        at(start + length),
        None if room is None else cast.rooms[room],
    )


def named(clashes) -> set[tuple[str, str]]:
    return {(c.rule, c.entry_id) for c in clashes}


@SETTINGS
@given(appts=appointments, away=absences, groups=sessions, drawn=proposals)
def test_the_sql_check_and_the_pure_rules_agree(cast, appts, away, groups, drawn) -> None:
    with rolled_back(cast):
        held = write_calendar(cast, appts, away, groups)
        proposal = proposal_of(cast, drawn)
        in_sql = cast.world.store.schedule.check(proposal).clashes
        assert named(in_sql) == named(find_clashes(proposal, held))
        # What the SQL reads for the slot is exactly what holds time in it.
        read = busy_entries(
            cast.world.store.ctx,
            proposal.starts_at,
            proposal.ends_at,
            coach_id=proposal.coach_id,
            client_id=proposal.client_id,
            room_id=proposal.room_id,
        )
        assert named(find_clashes(proposal, read)) == named(in_sql)


@SETTINGS
@given(appts=appointments, drawn=proposals, data=st.data())
def test_cancelling_an_appointment_frees_its_time(cast, appts, drawn, data) -> None:
    world = cast.world
    with rolled_back(cast):
        write_calendar(cast, appts, [], [])
        proposal = proposal_of(cast, drawn)
        holding = named(world.store.schedule.check(proposal).clashes)
        open_ones = [
            entry_id
            for _, entry_id in sorted(holding)
            if world.store.schedule.get(world.reception, entry_id).is_open
        ]
        if not open_ones:
            return
        freed = data.draw(st.sampled_from(open_ones))
        world.store.schedule.cancel(world.reception, freed, "by_client")
        after = named(world.store.schedule.check(proposal).clashes)
        assert after == {(rule, entry_id) for rule, entry_id in holding if entry_id != freed}


def _busy(entry_id: str, start: int, length: int, who: tuple[str | None, ...]) -> Busy:
    coach, client, room = who
    return Busy(entry_id, "appointment", at(start), at(start + length),
                coach_id=coach, client_id=client, room_id=room)  # fmt: skip


people = st.tuples(
    st.sampled_from(("c0", "c1")), st.sampled_from(("k0", "k1")), st.sampled_from((None, "r0"))
)


@SETTINGS
@given(a=people, b=people, start=st.integers(0, 40), length=st.integers(1, 32))
def test_back_to_back_never_clashes(a, b, start, length) -> None:
    coach, client, room = a
    held = _busy("held", start, length, b)
    before = Proposal(coach or "", client or "", at(start - 3), at(start), room)
    after = Proposal(coach or "", client or "", at(start + length), at(start + length + 2), room)
    assert find_clashes(before, [held]) == []
    assert find_clashes(after, [held]) == []


@SETTINGS
@given(
    a=people,
    b=people,
    a_time=st.tuples(st.integers(0, 40), st.integers(1, 32)),
    b_time=st.tuples(st.integers(0, 40), st.integers(1, 32)),
)
def test_a_clash_is_symmetric(a, b, a_time, b_time) -> None:
    """If A's time clashes with B held, B's time clashes with A held, by the same rules."""

    def proposal(who, when) -> Proposal:
        return Proposal(who[0], who[1], at(when[0]), at(when[0] + when[1]), who[2])

    a_into_b = {c.rule for c in find_clashes(proposal(a, a_time), [_busy("b", *b_time, b)])}
    b_into_a = {c.rule for c in find_clashes(proposal(b, b_time), [_busy("a", *a_time, a)])}
    assert a_into_b == b_into_a


@SETTINGS
@given(appts=appointments, away=absences, groups=sessions, length=st.integers(1, 12))
def test_first_gap_is_the_first_slot_the_check_accepts(cast, appts, away, groups, length) -> None:
    coach, client = cast.coaches[0], cast.clients[0]
    day_start, day_end = at(0), at(32)  # 8–16
    with rolled_back(cast):
        write_calendar(cast, appts, away, groups)
        busy = busy_entries(
            cast.world.store.ctx,
            local_moment(DAY),
            local_moment(DAY + timedelta(days=1)),
            coach_id=coach,
            client_id=client,
            room_id=None,
        )
        found = first_gap(day_start, day_end, length * QUARTER, busy)
        schedule = cast.world.store.schedule

        def accepted(slot: int) -> bool:
            return schedule.check(Proposal(coach, client, at(slot), at(slot + length))).ok

        free = [slot for slot in range(0, 33 - length) if accepted(slot)]
        if found is None:
            assert free == []
        else:
            assert free and found == at(free[0])


def test_a_group_session_that_holds_the_time_is_named_as_one(cast) -> None:
    world = cast.world
    start = at(8)  # 10:00
    insert_row(
        world.store.ctx,
        "group_session",
        {"title": "Infotilaisuus", "host_id": cast.coaches[0], "room_id": cast.rooms[0],
         "starts_at": to_iso(start), "ends_at": to_iso(at(14)), "capacity": 30},
        by=None,
    )  # fmt: skip
    proposal = Proposal(cast.coaches[0], cast.clients[0], at(10), at(13), cast.rooms[0])
    check = world.store.schedule.check(proposal)
    assert [c.rule for c in check.clashes] == ["coach", "room"]
    message = Clashes(check.clashes).message("fi")
    assert (
        message == "Valmentajalla on jo Infotilaisuus (ryhmätilaisuus) 30.11.2026 klo 10:00–11:30."
    )
