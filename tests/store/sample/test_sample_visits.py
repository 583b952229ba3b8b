"""The sample's visit history: written as VisitRegister writes it, and shaped like real days."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from store.api import Store
from store.core.clock import FixedClock, from_iso
from store.core.db import copy_database
from store.sample.generate import generate_sample, refresh_history
from store.sample.seeded import helsinki_minutes, helsinki_moment
from tests.faults import as_dict, raw_connect

FRIDAY = date(2026, 11, 27)
SUNDAY = date(2026, 11, 29)
SEED = 5


@pytest.fixture(scope="module")
def month(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four weeks of history before a Friday, and that Friday until 10:30."""
    path = tmp_path_factory.mktemp("month") / "sample.db"
    generate_sample(path, clients=300, seed=SEED, today=FRIDAY)
    return path


def _query(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    with raw_connect(path) as conn:
        return conn.execute(sql, params).fetchall()


def _dicts(path: Path, sql: str, params: tuple = ()) -> list[dict]:
    with raw_connect(path) as conn:
        conn.row_factory = as_dict
        return [dict(row) for row in conn.execute(sql, params)]


def _local(iso: str) -> tuple[date, float]:
    return helsinki_minutes(from_iso(iso))


# Written exactly as the store writes them --------------------------------------------


def _replay(source: Path, target: Path) -> None:
    """Redo every visit of `source` through VisitRegister on `target`, event by event."""
    clock = FixedClock(datetime(2000, 1, 1, tzinfo=UTC))
    store = Store.open(target, clock)
    visits = _dicts(source, "SELECT * FROM visit")
    by_id = {v["id"]: v for v in visits}
    reasons = defaultdict(list)
    for visit_id, code in _query(
        source,
        "SELECT l.visit_id, r.code FROM visit_reason_link l"
        " JOIN visit_reason r ON r.id = l.reason_id ORDER BY l.rowid",
    ):
        reasons[visit_id].append(code)
    events = _query(
        source,
        "SELECT visit_id, at, staff_id, from_state, to_state, to_staff_id FROM visit_event"
        " ORDER BY at, rowid",
    )
    staff = {s.id: s for s in store.staff.all()}
    # A row keeps only its last desk; a visitor transferred on was first called to the
    # desk of whoever called them then, which is that staff member's desk of the day.
    desk_of = {
        (v["site_id"], v["visit_date"], v["called_by"]): v["desk"] for v in visits if v["desk"]
    }
    replayed: dict[str, str] = {}
    try:
        for visit_id, at, staff_id, from_state, to_state, to_staff_id in events:
            clock.at = from_iso(at)
            visit = by_id[visit_id]
            if from_state is None:
                replayed[visit_id] = store.visits.register(
                    staff[staff_id],
                    visit["site_id"],
                    client_id=visit["client_id"],
                    reason_codes=reasons[visit_id],
                    channel=visit["channel"],
                    booked_for=visit["booked_for"],
                    wants_own_coach=bool(visit["wants_own_coach"]),
                ).id
            else:
                store.visits.change_state(
                    staff[staff_id],
                    replayed[visit_id],
                    to_state,
                    desk=desk_of.get(
                        (visit["site_id"], visit["visit_date"], staff_id), visit["desk"] or "?"
                    ),
                    to_staff_id=to_staff_id,
                    outcome=visit["outcome"] if to_state == "done" else None,
                )
    finally:
        store.close()


def _without_ids(path: Path) -> dict[str, list[tuple]]:
    """Every visit row and log row, keyed by site, day and ticket instead of random ids."""
    key = "(SELECT site_id || ' ' || ticket FROM visit WHERE id = {})"
    # The appointment a visitor checked in for is linked by the desk's check-in, not by
    # the register (tests/store/sample/test_sample_schedule.py checks the sample's links).
    return {
        "visit": _query(
            path,
            "SELECT site_id, visit_date, ticket_number, ticket, client_id, channel, booked_for,"
            " state, wants_own_coach, arrived_at, called_at, called_by, desk,"
            " finished_at, served_by, assigned_to, process_step, outcome, created_at,"
            " updated_at, updated_by, deleted_at FROM visit ORDER BY 1, 2, 3",
        ),
        "events": _query(
            path,
            f"SELECT {key.format('visit_id')}, at, staff_id, from_state, to_state, to_staff_id,"
            " created_at, updated_at, updated_by, deleted_at FROM visit_event ORDER BY 1, 2",
        ),
        "links": _query(
            path,
            f"SELECT {key.format('visit_id')}, reason_id, created_at, updated_at, updated_by,"
            " deleted_at FROM visit_reason_link ORDER BY 1, 2",
        ),
        "access log": _query(
            path,
            f"SELECT {key.format('entity_id')}, at, staff_id, action, client_id, purpose,"
            " created_at, updated_at, updated_by, deleted_at FROM audit_event"
            " WHERE entity = 'visit' ORDER BY 1, 2, 4",
        ),
    }


def test_every_row_is_what_the_visit_register_itself_would_write(
    tmp_path: Path, helsinki_desk: None
):
    sample, empty = tmp_path / "sample.db", tmp_path / "replayed.db"
    generate_sample(sample, clients=120, seed=SEED, today=FRIDAY, history_weeks=1)
    generate_sample(empty, clients=120, seed=SEED, today=FRIDAY, history_weeks=0)
    _replay(sample, empty)
    written, replayed = _without_ids(sample), _without_ids(empty)
    assert len(written["visit"]) > 150
    for table in written:
        assert written[table] == replayed[table], table


def test_feedback_is_anonymous_and_matches_a_finished_visit(month: Path):
    done = Counter(
        _query(
            month,
            "SELECT v.site_id, v.visit_date, v.channel, group_concat(r.code, ' ')"
            " FROM (SELECT * FROM visit WHERE state = 'done') v"
            " JOIN (SELECT l.visit_id, r.code FROM visit_reason_link l JOIN visit_reason r"
            "       ON r.id = l.reason_id ORDER BY r.code) r ON r.visit_id = v.id"
            " GROUP BY v.id",
        )
    )
    feedback = _dicts(month, "SELECT * FROM feedback")
    answers = Counter(
        (f["site_id"], f["visit_date"], f["channel"], f["reason_codes"]) for f in feedback
    )
    assert not answers - done  # every answer belongs to some finished visit
    assert 0.2 < len(feedback) / done.total() < 0.4
    for answer in feedback:
        assert (
            answer["created_at"] == answer["updated_at"] == f"{answer['visit_date']}T00:00:00.000Z"
        )
        assert answer["updated_by"] is None
    scores = [f["score"] for f in feedback]
    promoters = sum(s >= 9 for s in scores) / len(scores)
    detractors = sum(s <= 6 for s in scores) / len(scores)
    assert 0.6 < promoters < 0.8 and detractors < 0.15
    assert min(scores) <= 6  # some unhappy visitors too


# Shaped like real days ----------------------------------------------------------------


def test_every_site_has_visits_on_weekdays_only_and_busy_mornings(month: Path):
    sites = {row[0] for row in _query(month, "SELECT id FROM site")}
    days = _query(month, "SELECT DISTINCT site_id, visit_date FROM visit")
    expected_days = {
        FRIDAY - timedelta(days=n) for n in range(29) if (FRIDAY - timedelta(days=n)).weekday() < 5
    }
    assert {(s, d.isoformat()) for s in sites for d in expected_days} == set(days)
    per_hour = Counter()
    for (arrived,) in _query(
        month, "SELECT arrived_at FROM visit WHERE visit_date < ?", (FRIDAY.isoformat(),)
    ):
        day, minutes = _local(arrived)
        assert 7 * 60 + 30 <= minutes <= 16 * 60, arrived  # booked ones come a little early
        per_hour[int(minutes // 60)] += 1
    assert per_hour[9] + per_hour[10] > 2 * (per_hour[13] + per_hour[14])
    assert min(per_hour[9], per_hour[10]) > max(per_hour[h] for h in (8, 12, 13, 14, 15))
    visits = dict(
        _query(
            month, "SELECT s.name, count(*) FROM visit v JOIN site s ON s.id = v.site_id GROUP BY 1"
        )
    )
    assert visits["Työpiste Keskusta"] > visits["Työpiste Runosmäki"] > visits["Raision työpiste"]


def test_channels_reasons_and_identities_are_mixed_as_at_a_real_desk(month: Path):
    visits = _dicts(month, "SELECT * FROM visit")
    channels = Counter(v["channel"] for v in visits)
    assert set(channels) == {"walk_in", "appointment", "phone", "remote"}
    assert channels["walk_in"] > 0.6 * len(visits)
    assert all(v["booked_for"] for v in visits if v["channel"] == "appointment")
    assert not any(v["booked_for"] for v in visits if v["channel"] in ("walk_in", "phone"))
    known = sum(v["client_id"] is not None for v in visits) / len(visits)
    assert 0.62 < known < 0.78
    reasons = {code for (code,) in _query(month, "SELECT code FROM visit_reason")}
    used = {
        code
        for (code,) in _query(
            month,
            "SELECT DISTINCT r.code FROM visit_reason_link l JOIN visit_reason r"
            " ON r.id = l.reason_id",
        )
    }
    assert used == reasons
    # Nobody anonymous came to see their own coach or to fill in Kompassi.
    assert not _query(
        month,
        "SELECT 1 FROM visit v JOIN visit_reason_link l ON l.visit_id = v.id"
        " JOIN visit_reason r ON r.id = l.reason_id"
        " WHERE v.client_id IS NULL AND r.code IN ('own_coach', 'kompassi')",
    )
    # Visitors were registered clients already when they came.
    assert not _query(
        month,
        "SELECT 1 FROM visit v JOIN client c ON c.id = v.client_id WHERE c.created_at > v.arrived_at",
    )


def test_waits_are_mostly_short_with_a_tail_and_some_leave_or_are_transferred(month: Path):
    visits = _dicts(month, "SELECT * FROM visit WHERE visit_date < ?", (FRIDAY.isoformat(),))
    waits = [
        (from_iso(v["called_at"]) - from_iso(v["arrived_at"])).total_seconds() / 60
        for v in visits
        if v["called_at"]
    ]
    assert sum(w <= 30 for w in waits) / len(waits) > 0.85
    assert max(waits) > 30
    states = Counter(v["state"] for v in visits)
    assert 0.03 < states["left"] / len(visits) < 0.08
    assert all(v["outcome"] == "left_without_service" for v in visits if v["state"] == "left")
    transferred = _query(
        month, "SELECT count(DISTINCT visit_id) FROM visit_event WHERE to_state = 'transferred'"
    )
    assert 0.02 < transferred[0][0] / len(visits) < 0.15
    assert _query(month, "SELECT count(*) FROM visit_event WHERE to_state = 'on_hold'")[0][0] > 0
    outcomes = Counter(v["outcome"] for v in visits if v["state"] == "done")
    assert set(outcomes) == {"resolved", "referred", "appointment_booked"}
    # Nothing from earlier days is open, except the odd visit someone forgot to close.
    assert states["done"] + states["left"] >= len(visits) - 3


def test_nobody_serves_two_visitors_at_once_and_desks_belong_to_the_site(month: Path):
    staff_site = dict(_query(month, "SELECT id, site_id FROM staff"))
    visits = _dicts(month, "SELECT * FROM visit")
    for visit in visits:
        for column in ("called_by", "served_by", "updated_by", "assigned_to"):
            if visit[column]:
                assert staff_site[visit[column]] == visit["site_id"]
        assert visit["desk"] in (None, "1", "2", "3")
    spans = defaultdict(list)
    events = _query(
        month,
        "SELECT visit_id, at, staff_id, to_state FROM visit_event ORDER BY visit_id, at, rowid",
    )
    open_calls: dict[str, tuple[str, str]] = {}
    for visit_id, at, staff_id, to_state in events:
        if to_state == "called":
            open_calls[visit_id] = (staff_id, at)
        elif to_state in ("done", "left", "transferred") and visit_id in open_calls:
            caller, start = open_calls.pop(visit_id)
            spans[caller].append((start, at))
    for staff_id, taken in spans.items():
        taken.sort()
        for (_, end), (start, _) in zip(taken, taken[1:], strict=False):
            assert end <= start, f"{staff_id} served two visitors at once at {start}"


def test_tickets_run_from_a001_in_arrival_order_per_site_and_day(month: Path):
    tickets = defaultdict(list)
    for site_id, day, number, ticket, arrived in _query(
        month,
        "SELECT site_id, visit_date, ticket_number, ticket, arrived_at FROM visit"
        " ORDER BY site_id, visit_date, arrived_at",
    ):
        assert ticket == f"A{number:03d}"
        assert _local(arrived)[0].isoformat() == day
        tickets[site_id, day].append(number)
    for numbers in tickets.values():
        assert numbers == list(range(1, len(numbers) + 1))


def test_the_same_seed_and_day_give_the_same_visits(month: Path, tmp_path: Path):
    again = tmp_path / "again.db"
    generate_sample(again, clients=300, seed=SEED, today=FRIDAY)
    # The log rows of the clients' creation take their ids from the system (insert_client),
    # and so the hash chain that runs through every row differs.
    tables = ("visit", "visit_event", "visit_reason_link", "feedback", "audit_event")
    for table in tables:
        where = "entity = 'visit'" if table == "audit_event" else "1"
        what = "id, at, staff_id, action, entity_id, client_id" if table == "audit_event" else "*"
        sql = f"SELECT {what} FROM {table} WHERE {where} ORDER BY id"
        assert _query(again, sql) == _query(month, sql), table


# Today's queue --------------------------------------------------------------------------


def _queue(path: Path, clock: FixedClock) -> dict[str, list]:
    store = Store.open(path, clock)
    try:
        return {site.name: store.visits.queue(site.id) for site in store.sites.all()}
    finally:
        store.close()


def test_a_fresh_sample_stands_at_half_past_ten_with_people_waiting(month: Path, helsinki_desk):
    now = helsinki_moment(FRIDAY, 10 * 60 + 30)
    for site, queue in _queue(month, FixedClock(now)).items():
        assert any(v.state == "waiting" for v in queue), site
        assert all(from_iso(v.arrived_at) <= now for v in queue)
    served = _query(
        month,
        "SELECT count(*) FROM visit WHERE visit_date = ? AND state = 'done'",
        (FRIDAY.isoformat(),),
    )
    assert served[0][0] > 5  # the morning so far


@pytest.fixture(scope="module")
def register_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("register") / "sample.db"
    generate_sample(path, clients=200, seed=SEED, today=date(2026, 10, 1), history_weeks=0)
    return path


@pytest.mark.parametrize(
    ("day", "hour", "minute"),
    [(FRIDAY, 14, 5), (SUNDAY, 11, 0), (FRIDAY, 21, 40), (date(2027, 6, 14), 6, 15)],
    ids=["friday-afternoon", "sunday-morning", "friday-evening", "summer-monday-early"],
)
def test_the_demo_queue_is_full_whatever_day_and_hour_it_runs(
    register_only: Path, tmp_path: Path, helsinki_desk, day: date, hour: int, minute: int
):
    copy = copy_database(register_only, tmp_path / "demo.db")
    now = helsinki_moment(day, hour * 60 + minute)
    clock = FixedClock(now)
    assert refresh_history(copy, clock) > 500
    for site, queue in _queue(copy, clock).items():
        waiting = [v for v in queue if v.state == "waiting"]
        assert waiting, site
        for visit in queue:
            waited = (now - from_iso(visit.arrived_at)).total_seconds() / 60
            assert 0 <= waited < 120, (site, visit.ticket, waited)  # not since the morning
    days = {d for (d,) in _query(copy, "SELECT DISTINCT visit_date FROM visit")}
    assert day.isoformat() in days
    assert all(date.fromisoformat(d).weekday() < 5 for d in days - {day.isoformat()})
    assert min(days) >= (day - timedelta(days=28)).isoformat()


def test_refreshing_again_adds_only_the_new_days_and_changes_nothing_written(
    register_only: Path, tmp_path: Path, helsinki_desk
):
    copy = copy_database(register_only, tmp_path / "demo.db")
    first = FixedClock(helsinki_moment(FRIDAY, 10 * 60))
    refresh_history(copy, first)
    before = _query(copy, "SELECT * FROM visit ORDER BY rowid")
    assert refresh_history(copy, first) == 0
    later = FixedClock(helsinki_moment(FRIDAY + timedelta(days=3), 12 * 60))  # Monday
    added = refresh_history(copy, later)
    after = _query(copy, "SELECT * FROM visit ORDER BY rowid")
    assert after[: len(before)] == before and len(after) == len(before) + added
    # Friday's queue was never closed: on Monday it is listed for closing, not lost.
    store = Store.open(copy, later)
    try:
        for site in store.sites.all():
            assert any(v.visit_date == FRIDAY for v in store.visits.left_open(site.id))
    finally:
        store.close()
