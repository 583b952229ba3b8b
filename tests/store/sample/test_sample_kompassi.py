"""The sample's Kompassi readings: most of a caseload has a baseline, many a follow-up
with believable change, some skips and paper forms, and the demo coach one draft that F3
offers; the demo's copy gets them too."""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from store.api import Store
from store.core.clock import FixedClock
from store.sample.generate import refresh_history
from tests.conftest import NOW
from tests.faults import raw_connect
from tests.store.sample.test_sample import COMMITTED_SAMPLE

TODAY = NOW.date()


def _rows(path: Path, sql: str) -> list[tuple]:
    with raw_connect(path) as conn:
        return conn.execute(sql).fetchall()


def _coach(store: Store, username: str):
    staff = store.staff.find(username)
    assert staff is not None
    return staff


def test_most_of_every_caseload_has_a_baseline_and_many_a_follow_up(history_sample: Path):
    per_coach = _rows(
        history_sample,
        "SELECT c.coach_id, count(*), count(r.client_id),"
        " sum((SELECT count(*) FROM kompassi_reading f WHERE f.client_id = c.id"
        "      AND f.kind != 'baseline' AND f.status = 'done') > 0)"
        " FROM client c LEFT JOIN kompassi_reading r ON r.client_id = c.id"
        "  AND r.kind = 'baseline' AND r.status = 'done'"
        " WHERE c.coach_id IS NOT NULL GROUP BY c.coach_id",
    )
    assert len(per_coach) == 6
    for _, caseload, baselines, followed_up in per_coach:
        assert baselines >= 0.7 * caseload
        assert followed_up >= 0.3 * baselines
    # A follow-up or two, and some final readings when a path ended.
    readings = Counter(n for (n,) in _rows(
        history_sample, "SELECT count(*) FROM kompassi_reading WHERE status = 'done' GROUP BY client_id"
    ))  # fmt: skip
    assert readings[2] >= 50 and readings[3] >= 20
    kinds = dict(_rows(history_sample, "SELECT kind, count(*) FROM kompassi_reading GROUP BY kind"))
    assert kinds["final"] >= 5
    # One baseline a client, before anything else of theirs.
    firsts = _rows(
        history_sample,
        "SELECT kind FROM kompassi_reading r WHERE filled_on = (SELECT min(filled_on)"
        " FROM kompassi_reading WHERE client_id = r.client_id)",
    )
    assert {kind for (kind,) in firsts} == {"baseline"} and len(firsts) == kinds["baseline"]


def test_answers_have_skips_paper_forms_comments_goals_and_half_answer_work_ability(
    history_sample: Path,
):
    skipped = dict(
        _rows(history_sample, "SELECT domain_code, sum(skipped) FROM kompassi_answer GROUP BY 1")
    )
    answers = _rows(history_sample, "SELECT count(*), sum(skipped) FROM kompassi_answer")[0]
    assert 0.01 < answers[1] / answers[0] < 0.08
    # The personal questions are skipped most.
    assert skipped["psyykkinen"] > 2 * skipped["osaaminen"]
    assert skipped["terveys"] > 2 * skipped["tyollisyys"]
    # A skip is the client's choice, stored as such: never a score of zero.
    assert _rows(history_sample, "SELECT count(*) FROM kompassi_answer WHERE skipped = 1 AND score IS NOT NULL") == [(0,)]  # fmt: skip
    # Every score on the instrument's 0–10 scale, the client's and the coach's alike.
    scores = _rows(history_sample, "SELECT min(score), max(score), min(coach_score), max(coach_score) FROM kompassi_answer")  # fmt: skip
    assert scores == [(0, 10, 0, 10)]
    done = _rows(history_sample, "SELECT count(*) FROM kompassi_reading WHERE status = 'done'")[0][
        0
    ]
    work_ability = _rows(
        history_sample, "SELECT count(*) FROM kompassi_answer WHERE domain_code = 'tyokyky'"
    )[0][0]
    assert 0.35 < work_ability / done < 0.65
    paper = _rows(
        history_sample,
        "SELECT filled_on, substr(started_at, 1, 10) FROM kompassi_reading WHERE mode = 'paper'",
    )
    assert 0.03 * done < len(paper) < 0.15 * done
    assert all(filled <= typed for filled, typed in paper)  # typed in later
    extras = _rows(
        history_sample,
        "SELECT count(comment), count(goal), count(coach_score) FROM kompassi_answer",
    )[0]
    assert all(count >= 20 for count in extras)


def test_domains_that_services_address_improve_more_often(history_store: Store):
    """Between one reading and the next, a domain that a service begun on the client's path
    addresses (per the suggestion rules) goes up more often than the others."""
    domains_of: dict[str, set[str]] = {}
    for rule in history_store.instruments.suggestion_rules():
        domains_of.setdefault(rule.service_code, set()).add(rule.domain_code)
    begun: dict[str, list[tuple[str, str]]] = {}
    for client_id, code, start in history_store.db.execute(
        "SELECT p.client_id, v.code, s.actual_start FROM path_step s"
        " JOIN service_path p ON p.id = s.path_id JOIN service v ON v.id = s.service_id"
        " WHERE s.actual_start IS NOT NULL"
    ).fetchall():
        begun.setdefault(client_id, []).append((code, start))
    pairs = history_store.db.execute(
        "SELECT r.client_id, r.filled_on, a.domain_code, a.score, p.score FROM kompassi_reading r"
        " JOIN kompassi_answer a ON a.reading_id = r.id"
        " JOIN kompassi_reading q ON q.client_id = r.client_id AND q.filled_on = ("
        "  SELECT max(filled_on) FROM kompassi_reading WHERE client_id = r.client_id"
        "  AND filled_on < r.filled_on)"
        " JOIN kompassi_answer p ON p.reading_id = q.id AND p.domain_code = a.domain_code"
        " WHERE r.kind != 'baseline' AND r.status = 'done'"
        " AND a.score IS NOT NULL AND p.score IS NOT NULL"
    ).fetchall()
    up = {True: [0, 0], False: [0, 0]}  # addressed -> [went up, all]
    for client_id, day, domain, score, before in pairs:
        services = {code for code, start in begun.get(client_id, []) if start <= day}
        addressed = any(domain in domains_of.get(code, ()) for code in services)
        up[addressed][0] += score > before
        up[addressed][1] += 1
    assert up[True][1] >= 100 and up[False][1] >= 100
    addressed_share, other_share = (up[k][0] / up[k][1] for k in (True, False))
    assert addressed_share > other_share + 0.15
    # Not everyone improves: some domains decline.
    assert sum(score < before for *_, score, before in pairs) > 0.1 * len(pairs)


def test_the_demo_coach_has_exactly_one_draft_and_f3_offers_it(history_store: Store):
    drafts = history_store.db.execute(
        "SELECT r.id, r.client_id, s.username FROM kompassi_reading r"
        " JOIN staff s ON s.id = r.coach_id WHERE r.status = 'draft'"
    ).fetchall()
    assert [username for *_, username in drafts] == ["valmentaja"]
    reading_id, client_id, _ = drafts[0]
    coach = _coach(history_store, "valmentaja")
    view = history_store.kompassi.open(coach, client_id)
    assert view.draft is not None and view.draft.id == reading_id
    assert view.draft.kind == "follow_up" and view.draft.filled_on < TODAY
    # A picture worth continuing: a baseline and a follow-up before it.
    assert len(view.readings) >= 2 and view.readings[0].kind == "baseline"
    answered = [a for a in view.draft.answers if a.answered]
    assert 3 <= len(answered) < len(view.current.domains)
    assert history_store.kompassi.stale_drafts(coach) == []
    # The coach carries on where it was left, and finishes it.
    unanswered = next(d.code for d in view.current.domains if view.draft.answer(d.code) is None)
    history_store.kompassi.answer(coach, reading_id, unanswered, score=7)
    assert history_store.kompassi.finish(coach, reading_id).status == "done"


def test_finished_readings_are_history_in_the_access_log(history_sample: Path):
    latest = _rows(
        history_sample,
        "SELECT max(filled_on), max(finished_at) FROM kompassi_reading WHERE status = 'done'",
    )[0]
    assert latest[0] < TODAY.isoformat() and latest[1] < NOW.isoformat()
    logged = dict(_rows(
        history_sample,
        "SELECT action, count(*) FROM audit_event WHERE entity = 'kompassi_reading' GROUP BY 1",
    ))  # fmt: skip
    readings = _rows(history_sample, "SELECT count(*), count(finished_at) FROM kompassi_reading")[0]
    assert (logged["create"], logged["update"]) == readings
    opened = "SELECT count(*) FROM audit_event WHERE entity = 'kompassi' AND action = 'view'"
    assert _rows(history_sample, opened) == [(readings[0],)]


def test_the_demo_copy_gets_readings_and_the_draft_around_the_day_it_runs(tmp_path: Path):
    # The committed file holds none: its readings would be dated on the day it was made.
    assert _rows(COMMITTED_SAMPLE, "SELECT count(*) FROM kompassi_reading") == [(0,)]
    copy = shutil.copyfile(COMMITTED_SAMPLE, tmp_path / "demo.db")
    later = datetime(2027, 3, 15, 7, 0, tzinfo=UTC)  # a Monday, before the office opens
    refresh_history(copy, FixedClock(later), weeks=0)
    history_store = Store.open(copy, FixedClock(later))
    try:
        coach = _coach(history_store, "valmentaja")
        caseload = history_store.db.execute(
            "SELECT id FROM client WHERE coach_id = ? ORDER BY id", [coach.id]
        ).fetchall()
        views = [history_store.kompassi.open(coach, client_id) for (client_id,) in caseload]
        assert sum(bool(v.readings) for v in views) >= 0.7 * len(views)
        assert sum(len(v.readings) >= 2 for v in views) >= 10
        drafts = [v.draft for v in views if v.draft is not None]
        assert len(drafts) == 1 and drafts[0].filled_on == date(2027, 3, 12)  # the Friday
        assert drafts[0].started_at < later.isoformat()
        newest = max(r.filled_on for v in views for r in v.readings)
        assert later.date() - timedelta(days=30) < newest < later.date()
    finally:
        history_store.close()
    # A second demo of the same copy adds nothing.
    before = _rows(copy, "SELECT count(*) FROM kompassi_reading")
    refresh_history(copy, FixedClock(later), weeks=0)
    assert _rows(copy, "SELECT count(*) FROM kompassi_reading") == before
