"""The sample's calendars: believable days for every coach, no clash anywhere (the
store's own check says so), a series, two group sessions, a training for each coach, and
the demo coach's clients checked in at the desk this morning."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from store.api import Store
from store.core.clock import FixedClock, from_iso, to_local
from store.core.db import copy_database
from store.sample.generate import generate_sample, refresh_history
from store.sample.seeded import helsinki_moment
from store.sample.visits import MORNING_SO_FAR
from store.schedule.models import Proposal
from tests.faults import raw_connect

FRIDAY = date(2026, 11, 27)
WEEKS_BACK = "2026-10-30"  # four weeks before the sample's day: where its calendars start
NOW = helsinki_moment(FRIDAY, MORNING_SO_FAR)  # the sample's "now": Friday 10:30


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("schedule") / "sample.db"
    generate_sample(path, clients=300, seed=3, today=FRIDAY, history_weeks=1)
    return path


@pytest.fixture
def store(sample: Path, tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(copy_database(sample, tmp_path / "copy.db"), FixedClock(NOW))
    yield opened
    opened.close()


def _rows(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    with raw_connect(path) as conn:
        return conn.execute(sql, params).fetchall()


def test_no_appointment_clashes_with_anything_by_the_stores_own_check(store: Store):
    held = store.db.execute(
        "SELECT id, coach_id, client_id, starts_at, ends_at, room_id FROM appointment"
        " WHERE status NOT IN ('cancelled', 'no_show')"
    ).fetchall()
    assert len(held) > 500
    for appointment_id, coach, client, start, end, room in held:
        proposal = Proposal(coach, client, from_iso(start), from_iso(end), room)
        check = store.schedule.check(proposal, ignore_id=appointment_id)
        assert check.clashes == (), check.clashes
        assert "weekend" not in check.warnings and "outside_hours" not in check.warnings


def test_every_coach_has_four_to_seven_a_day_and_the_clock_decides_the_state(sample: Path):
    per_day = Counter(
        (coach, to_local(from_iso(start)).date())
        for coach, start in _rows(  # a series' and today's check-ins count in the day
            sample,
            "SELECT coach_id, starts_at FROM appointment WHERE status != 'cancelled'"
            " AND starts_at >= ?",
            (WEEKS_BACK,),
        )
    )
    coaches = {coach for coach, _ in per_day}
    assert len(coaches) == 6
    assert 4 <= sum(per_day.values()) / len(per_day) <= 7
    assert max(per_day.values()) <= 7
    past, ahead = Counter(), Counter()
    for status, reason, end in _rows(
        sample, "SELECT status, cancel_reason, ends_at FROM appointment"
    ):
        (past if from_iso(end) <= NOW else ahead)[status, reason] += 1
    assert set(past) == {
        ("done", None), ("no_show", None), ("cancelled", "by_client"), ("cancelled", "by_coach")
    }  # fmt: skip
    assert past["done", None] > 10 * past["no_show", None] > 0
    assert set(ahead) <= {
        ("booked", None), ("arrived", None), ("cancelled", "by_client"), ("cancelled", "by_coach")
    }  # fmt: skip
    kinds = Counter(kind for (kind,) in _rows(sample, "SELECT kind FROM appointment"))
    assert kinds.most_common(1)[0][0] == "job_search"
    assert {"initial_interview", "supplementary"} <= set(kinds)


def test_each_appointment_has_its_history_and_access_log_row(sample: Path):
    [(missing_history,)] = _rows(
        sample,
        "SELECT count(*) FROM appointment a WHERE NOT EXISTS (SELECT 1 FROM appointment_change"
        " h WHERE h.appointment_id = a.id AND h.change = 'booked')",
    )
    [(missing_log,)] = _rows(
        sample,
        "SELECT count(*) FROM appointment a WHERE NOT EXISTS (SELECT 1 FROM audit_event e"
        " WHERE e.entity_id = a.id AND e.action = 'create')",
    )
    assert missing_history == missing_log == 0
    [(closed_without_change,)] = _rows(
        sample,
        "SELECT count(*) FROM appointment a WHERE status != 'booked' AND NOT EXISTS"
        " (SELECT 1 FROM appointment_change h WHERE h.appointment_id = a.id"
        " AND h.to_status = a.status)",
    )
    assert closed_without_change == 0


def test_a_series_two_group_sessions_rooms_and_a_training_for_each_coach(store: Store):
    [(series_id, count)] = store.db.execute(
        "SELECT series_id, count(*) FROM appointment WHERE series_id IS NOT NULL GROUP BY series_id"
    ).fetchall()
    assert count == 6
    demo = store.staff.find("valmentaja")
    assert demo is not None
    series = store.schedule.series(demo, series_id)
    assert {a.coach_id for a in series} == {demo.id}
    assert {to_local(a.starts_at).strftime("%a %H:%M") for a in series} == {
        to_local(series[0].starts_at).strftime("%a %H:%M")
    }
    gaps = {
        (b.starts_at.date() - a.starts_at.date()).days
        for a, b in zip(series, series[1:], strict=False)
    }
    assert gaps == {14}
    sessions = store.groups.between(helsinki_moment(date(2026, 10, 1), 0), NOW.replace(year=2027))
    assert len(sessions) == 2
    full = next(s for s in sessions if s.starts_at > NOW)
    assert full.is_full and full.waiting == 3
    assert next(s for s in sessions if s.starts_at < NOW).booked > 10
    rooms = defaultdict(list)
    for site_id, name in store.db.execute("SELECT site_id, name FROM room"):
        rooms[site_id].append(name)
    assert len(rooms) == 3 and all("Ryhmätila" in names for names in rooms.values())
    trainings = store.db.execute("SELECT staff_id, kind FROM absence ORDER BY staff_id").fetchall()
    assert len(trainings) == 6 and {kind for _, kind in trainings} == {"training"}


def test_the_demo_coachs_clients_are_checked_in_at_the_desk_this_morning(store: Store):
    demo = store.staff.find("valmentaja")
    assert demo is not None
    today = store.schedule.between(
        demo, demo.id, helsinki_moment(FRIDAY, 0), helsinki_moment(FRIDAY, 24 * 60)
    )
    arrived = [a for a in today if a.status == "arrived"]
    assert len(arrived) == 2
    for appointment in arrived:
        [visit] = store.db.execute(
            "SELECT channel, booked_for, appointment_id, state, client_id, visit_date FROM visit"
            " WHERE id = ?",
            [appointment.visit_id],
        ).fetchall()
        assert visit == (
            "appointment", appointment.starts_at.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            appointment.id, "waiting", appointment.client_id, FRIDAY.isoformat(),
        )  # fmt: skip
    assert any(a.starts_at < NOW < a.ends_at for a in arrived)  # the coach runs late
    assert {a.status for a in today if a.ends_at <= NOW} <= {"done", "no_show", "cancelled"}
    # The desk's tickets still run in arrival order.
    arrivals = store.db.execute(
        "SELECT ticket_number FROM visit WHERE site_id = ? AND visit_date = ?"
        " ORDER BY arrived_at, ticket_number",
        [demo.site_id, FRIDAY.isoformat()],
    ).fetchall()
    assert [n for (n,) in arrivals] == list(range(1, len(arrivals) + 1))


def test_the_demos_copy_gets_calendars_around_its_own_day(tmp_path: Path):
    path = tmp_path / "bare.db"
    generate_sample(path, clients=120, seed=2, today=FRIDAY, history_weeks=0)
    assert _rows(path, "SELECT count(*) FROM appointment") == [(0,)]
    monday_noon = helsinki_moment(date(2026, 11, 30), 12 * 60)
    refresh_history(path, FixedClock(monday_noon), weeks=1)
    days = {
        to_local(from_iso(start)).date()
        for (start,) in _rows(
            path,
            "SELECT starts_at FROM appointment WHERE series_id IS NULL AND starts_at >= ?",
            ("2026-11-01",),
        )
    }
    assert min(days) >= date(2026, 11, 2) and max(days) <= date(2026, 12, 28)
    assert date(2026, 11, 30) in days
    # A second refresh adds nothing.
    before = _rows(path, "SELECT count(*) FROM appointment")
    refresh_history(path, FixedClock(monday_noon), weeks=1)
    assert _rows(path, "SELECT count(*) FROM appointment") == before


def test_a_register_of_five_clients_gets_a_calendar_too(tmp_path: Path):
    """Fewer clients than a session's seats: the seats run out, nothing waits forever."""
    path = tmp_path / "tiny.db"
    generate_sample(path, clients=5, seed=1, today=FRIDAY, history_weeks=1)
    [(appointments,)] = _rows(path, "SELECT count(*) FROM appointment")
    [(seats,)] = _rows(path, "SELECT count(*) FROM group_seat")
    assert appointments > 0 and 0 < seats <= 5 * 2


def test_before_the_calendars_each_jobseeker_has_had_their_interview_and_a_discussion(
    store: Store,
):
    """What the reviews due count from, so a coach's list is not a wall of overdue rows."""
    jobseekers = store.db.execute(
        "SELECT id, jobseeker_since FROM client WHERE coach_id IS NOT NULL"
        " AND jobseeker_since < '2026-08-01' AND deleted_at IS NULL"
    ).fetchall()
    held = dict(
        store.db.execute(
            "SELECT client_id, group_concat(kind) FROM appointment WHERE status = 'done'"
            " AND starts_at < ? GROUP BY client_id",
            [WEEKS_BACK],
        ).fetchall()
    )
    with_both = [
        c
        for c, _ in jobseekers
        if {"initial_interview", "job_search"} <= set((held.get(c) or "").split(","))
    ]
    assert len(with_both) >= 0.9 * len(jobseekers) > 50
    coach = store.staff.get(
        store.db.execute("SELECT id FROM staff WHERE username = 'valmentaja'").fetchone()[0]
    )
    assert coach is not None
    overdue = [r for r in store.reviews.due(coach, coach.id) if r.overdue(store.today())]
    caseload = store.db.execute(
        "SELECT count(*) FROM client WHERE coach_id = ?", [coach.id]
    ).fetchone()[0]
    assert len(overdue) < caseload / 3
