"""The sample's service paths: every coach's caseload has them, some ended with outcomes,
some due in the worklist, some against a rule; written as the repository writes them."""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from stdnum.fi import ytunnus

from store.api import Store
from store.core.clock import FixedClock
from store.paths.records import path_from_row, step_from_row
from store.paths.worklist import worklist
from store.sample.generate import generate_sample, refresh_history
from tests.conftest import NOW
from tests.faults import raw_connect
from tests.store.sample.test_sample import COMMITTED_SAMPLE

TODAY = NOW.date()


def _rows(path: Path, sql: str) -> list[tuple]:
    with raw_connect(path) as conn:
        return conn.execute(sql).fetchall()


def test_every_coach_has_tens_of_clients_with_paths_of_one_to_six_steps(history_sample: Path):
    per_coach = _rows(
        history_sample,
        "SELECT c.coach_id, count(DISTINCT p.client_id) FROM service_path p"
        " JOIN client c ON c.id = p.client_id GROUP BY c.coach_id",
    )
    coaches = _rows(history_sample, "SELECT count(*) FROM staff WHERE role = 'coach'")[0][0]
    assert len(per_coach) == coaches and all(count >= 10 for _, count in per_coach)
    steps = _rows(history_sample, "SELECT count(*) FROM path_step GROUP BY path_id")
    assert {n for (n,) in steps} <= set(range(1, 7)) and len({n for (n,) in steps}) >= 4
    services = _rows(history_sample, "SELECT count(DISTINCT service_id) FROM path_step")[0][0]
    assert services >= 12


def test_ended_paths_have_outcomes_employed_the_most_common(history_store: Store):
    rows = history_store.db.execute(
        "SELECT id, client_id, coach_id, goal, work_search_obligation, next_review, ended_on,"
        " outcome, employer_sector, employment_type, with_pay_subsidy, created_at"
        " FROM service_path WHERE ended_on IS NOT NULL"
    ).fetchall()
    ended = [path_from_row(row) for row in rows]
    assert len(ended) >= 40
    outcomes = Counter(p.outcome for p in ended)
    assert outcomes.most_common(1)[0][0] == "employed" and len(outcomes) >= 4
    assert all(p.employer_sector and p.employment_type for p in ended if p.outcome == "employed")
    for path in ended:
        assert path.ended_on is not None and path.ended_on < TODAY
        steps = history_store.paths.steps(path.id)
        assert all(s.status in ("done", "interrupted", "cancelled") for s in steps)
        assert all(s.end is not None and s.end <= path.ended_on for s in steps if s.actual_end)


def test_steps_are_in_date_order_with_statuses_that_fit_the_day(history_store: Store):
    rows = history_store.db.execute(
        "SELECT s.id, s.path_id, s.position, s.service_id, s.provider_id, s.organiser,"
        " s.planned_start, s.planned_end, s.actual_start, s.actual_end, s.status, s.goal,"
        " s.days_per_week, s.hours_per_day, s.subsidy_percent FROM path_step s"
        " ORDER BY s.path_id, s.position"
    ).fetchall()
    steps = [step_from_row(row) for row in rows]
    for step in steps:
        assert step.planned_end is None or step.planned_start <= step.planned_end
        if step.status == "planned":
            assert step.actual_start is None
        if step.status == "active":
            assert step.actual_start is not None and step.actual_start <= TODAY
        if step.subsidy_percent is not None:
            assert step.subsidy_percent in (50, 70)
    # Every step's history: added, and started or ended as its status says.
    events = Counter(
        action for (action,) in history_store.db.execute("SELECT action FROM path_event").fetchall()
    )
    assert events["add_step"] == len(steps)
    assert (
        events["start_path"]
        == history_store.db.execute("SELECT count(*) FROM service_path").fetchone()[0]
    )
    logged = history_store.db.execute(
        "SELECT count(*) FROM audit_event WHERE entity = 'service_path'"
    ).fetchone()[0]
    assert logged == sum(events.values())


def test_providers_have_valid_business_ids_and_organise_steps(history_sample: Path):
    providers = _rows(history_sample, "SELECT business_id FROM provider")
    assert len(providers) >= 4 and all(ytunnus.is_valid(b) for (b,) in providers)
    used = _rows(history_sample, "SELECT count(DISTINCT provider_id) FROM path_step")[0][0]
    assert used == len(providers)


def test_every_coach_has_steps_due_in_the_worklist(history_store: Store):
    kinds: Counter[str] = Counter()
    for (coach_id,) in history_store.db.execute(
        "SELECT id FROM staff WHERE role = 'coach'"
    ).fetchall():
        items = worklist(history_store.ctx, coach_id, TODAY)
        assert any(i.kind == "ending" for i in items)
        kinds.update(i.kind for i in items)
    assert kinds["not_started"] >= 5 and kinds["no_active_step"] >= 10


def test_some_active_paths_break_a_rule(history_store: Store):
    coach_id = history_store.db.execute(
        "SELECT id FROM staff WHERE username = 'valmentaja'"
    ).fetchone()[0]
    everyone = [
        row[0]
        for row in history_store.db.execute("SELECT id FROM staff WHERE role = 'coach'").fetchall()
    ]
    warned = [
        i for c in everyone for i in worklist(history_store.ctx, c, TODAY) if i.kind == "warning"
    ]
    assert coach_id and len(warned) >= 3


def test_the_same_seed_gives_the_same_paths_and_readings(history_sample: Path, tmp_path: Path):
    again = tmp_path / "again.db"
    generate_sample(again, clients=500, seed=1, today=TODAY, history_weeks=1)
    tables = ("service_path", "path_step", "path_event", "provider", "kompassi_reading",
              "kompassi_answer")  # fmt: skip
    for table in tables:
        sql = f"SELECT * FROM {table} ORDER BY id"
        assert _rows(again, sql) == _rows(history_sample, sql), table


def test_the_demo_gives_the_committed_sample_paths_around_the_day_it_runs(tmp_path: Path):
    # The committed file holds none: dated on the day it was made, its steps due "now"
    # would be weeks old by the time the demo runs.
    assert _rows(COMMITTED_SAMPLE, "SELECT count(*) FROM service_path") == [(0,)]
    copy = shutil.copyfile(COMMITTED_SAMPLE, tmp_path / "demo.db")
    later = datetime(2027, 3, 15, 9, 0, tzinfo=UTC)
    refresh_history(copy, FixedClock(later), weeks=0)
    assert _rows(copy, "SELECT count(*) >= 300 FROM service_path") == [(1,)]
    ended = "SELECT count(*) >= 40 FROM service_path WHERE outcome IS NOT NULL"
    assert _rows(copy, ended) == [(1,)]
    # Steps due in the fortnight after the day the demo runs, for the worklist.
    due = (
        "SELECT count(*) FROM path_step WHERE status IN ('planned', 'active')"
        " AND coalesce(actual_end, planned_end) BETWEEN '2027-03-15' AND '2027-03-29'"
    )
    assert _rows(copy, due)[0][0] >= 5
    # Run again (a second demo of the same copy): nothing is added twice.
    before = _rows(copy, "SELECT count(*) FROM service_path")
    refresh_history(copy, FixedClock(later), weeks=0)
    assert _rows(copy, "SELECT count(*) FROM service_path") == before
