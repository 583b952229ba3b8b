"""A client's Kompassi readings in the store: a draft saved on every answer, skipped kept
apart from not answered, finishing, and who may open them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from store.clients.validation import ValidationError
from store.core.auth import PermissionDenied
from store.core.clock import FixedClock
from store.kompassi.repository import (
    DraftExists,
    NothingAnswered,
    NotYourClient,
    ReadingFinished,
)
from tests.conftest import NOW, World


@pytest.fixture
def client_id(world: World) -> str:
    return world.clients["makinen"].id  # her own coach is world.coach


def test_the_default_instrument_has_seven_domains_and_optional_work_ability(world: World):
    instrument = world.store.instruments.current()
    assert (instrument.code, instrument.version) == ("kompassi", 1)
    assert [d.code for d in instrument.domains] == [
        "talous", "osallisuus", "osaaminen", "psyykkinen", "arki", "tyollisyys", "terveys",
        "tyokyky",
    ]  # fmt: skip
    assert [d.optional for d in instrument.domains].count(True) == 1
    assert [(b.score_from, b.score_to) for b in instrument.bands] == [(0, 5), (6, 7), (8, 10)]
    assert instrument.band_of(7).label("sv") == "Någorlunda"  # type: ignore[union-attr]


def test_a_baseline_is_saved_answer_by_answer_and_finished(world: World, client_id: str):
    kompassi = world.store.kompassi
    draft = kompassi.start(world.coach, client_id)
    assert draft.kind == "baseline" and draft.is_draft and draft.filled_on == NOW.date()
    kompassi.answer(world.coach, draft.id, "talous", score=3)
    kompassi.answer(world.coach, draft.id, "osaaminen", score=10, goal="Trukkikortti")
    kompassi.answer(world.coach, draft.id, "terveys", skipped=True)
    kompassi.answer(world.coach, draft.id, "arki", comment="Muutto kesken")
    # What a reopened app finds: the draft as it was left.
    view = kompassi.open(world.coach, client_id)
    assert view.readings == () and view.draft is not None
    answers = {a.domain_code: a for a in view.draft.answers}
    assert answers["talous"].score == 3 and answers["osaaminen"].goal == "Trukkikortti"
    assert answers["terveys"].skipped and answers["terveys"].score is None
    assert not answers["arki"].answered  # a comment alone is not an answer
    done = kompassi.finish(world.coach, draft.id)
    assert not done.is_draft and done.finished_at is not None
    # The finish writes the scores the report reads: a skip or a comment alone is no score.
    [(scores,)] = world.store.db.execute(
        "SELECT scores FROM kompassi_reading WHERE id = ?", [draft.id]
    ).fetchall()
    assert sorted(scores.split(";")) == ["osaaminen=10", "talous=3"]
    with pytest.raises(ReadingFinished):
        kompassi.answer(world.coach, draft.id, "talous", score=5)
    follow_up = kompassi.start(world.coach, client_id)
    assert follow_up.kind == "follow_up"


def test_a_score_replaces_a_skip_and_a_skip_replaces_a_score(world: World, client_id: str):
    kompassi = world.store.kompassi
    draft = kompassi.start(world.coach, client_id)
    kompassi.answer(world.coach, draft.id, "talous", skipped=True)
    assert kompassi.answer(world.coach, draft.id, "talous", score=0).skipped is False
    answer = kompassi.answer(world.coach, draft.id, "talous", skipped=True)
    assert answer.skipped and answer.score is None


def test_the_coach_view_sits_beside_the_client_answer(world: World, client_id: str):
    kompassi = world.store.kompassi
    draft = kompassi.start(world.coach, client_id)
    kompassi.answer(world.coach, draft.id, "tyollisyys", score=8)
    answer = kompassi.answer(world.coach, draft.id, "tyollisyys", coach_score=4)
    assert (answer.score, answer.coach_score) == (8, 4)


def test_bad_answers_are_refused_and_nothing_changes(world: World, client_id: str):
    kompassi = world.store.kompassi
    draft = kompassi.start(world.coach, client_id)
    kompassi.answer(world.coach, draft.id, "talous", score=4)
    for kwargs in ({"score": 11}, {"score": -1}, {"coach_score": 12}):
        with pytest.raises(ValidationError) as refused:
            kompassi.answer(world.coach, draft.id, "talous", **kwargs)  # type: ignore[arg-type]
        assert refused.value.errors[0].key == "kompassi.error.scale"
    with pytest.raises(ValidationError):
        kompassi.answer(world.coach, draft.id, "bmi", score=4)
    assert kompassi.reading(draft.id).answer("talous").score == 4  # type: ignore[union-attr]


def test_one_draft_at_a_time_and_an_empty_one_is_not_finished(world: World, client_id: str):
    kompassi = world.store.kompassi
    draft = kompassi.start(world.coach, client_id)
    with pytest.raises(DraftExists) as exists:
        kompassi.start(world.coach, client_id)
    assert exists.value.reading_id == draft.id
    with pytest.raises(NothingAnswered):
        kompassi.finish(world.coach, draft.id)


def test_a_paper_form_keeps_its_date_which_may_not_be_in_the_future(world: World, client_id: str):
    kompassi = world.store.kompassi
    with pytest.raises(ValidationError) as refused:
        kompassi.start(world.coach, client_id, mode="paper", filled_on=NOW.date() + timedelta(1))
    assert refused.value.errors[0].key == "kompassi.error.future"
    draft = kompassi.start(world.coach, client_id, mode="paper", filled_on=date(2026, 11, 2))
    assert (draft.mode, draft.filled_on) == ("paper", date(2026, 11, 2))
    with pytest.raises(ValidationError):  # the first reading is the baseline
        kompassi.set_details(world.coach, draft.id, "follow_up", "paper", date(2026, 11, 2))


def test_only_the_clients_own_coach_opens_the_answers(world: World, client_id: str):
    kompassi = world.store.kompassi
    with pytest.raises(PermissionDenied):
        kompassi.open(world.reception, client_id)
    with pytest.raises(PermissionDenied):
        kompassi.open(world.admin, client_id)
    with pytest.raises(NotYourClient):
        kompassi.open(world.coach, world.clients["ostman"].id)  # no coach named
    kompassi.open(world.coach, client_id)
    events = world.store.audit.events(client_id=client_id)
    assert any(e.entity == "kompassi" and e.action == "view" for e in events)


def test_a_draft_left_for_a_month_is_listed_for_the_coach(world: World, client_id: str):
    started = world.store.kompassi.start(world.coach, client_id)
    world.store.kompassi.answer(world.coach, started.id, "talous", score=2)
    assert world.store.kompassi.stale_drafts(world.coach) == []
    later = FixedClock(NOW + timedelta(days=31))
    from store.api import Store

    store = Store.open(world.path, later)
    stale = store.kompassi.stale_drafts(world.coach)
    assert [(d.reading_id, d.answered) for d in stale] == [(started.id, 1)]
    # A newer draft of another client is listed too, not marked stale.
    other = store.clients.create(
        world.admin,
        {"last_name": "Lahti", "first_name": "Leo", "birth_date": "2.2.1990",
         "coach_id": world.coach.id},
    )  # fmt: skip
    fresh = store.kompassi.start(world.coach, other.id)
    drafts = store.kompassi.open_drafts(world.coach)
    assert [(d.reading_id, d.stale) for d in drafts] == [(started.id, True), (fresh.id, False)]


def test_a_later_paper_reading_may_not_be_dated_before_the_baseline(world: World, client_id: str):
    kompassi = world.store.kompassi
    baseline = kompassi.start(world.coach, client_id, mode="paper", filled_on=date(2026, 10, 5))
    kompassi.answer(world.coach, baseline.id, "talous", score=4)
    kompassi.finish(world.coach, baseline.id)
    with pytest.raises(ValidationError) as refused:
        kompassi.start(world.coach, client_id, mode="paper", filled_on=date(2026, 10, 4))
    assert refused.value.errors[0].key == "kompassi.error.before_baseline"
    assert refused.value.errors[0].message("fi").endswith("ennen alkumittausta 5.10.2026")
    same_day = kompassi.start(world.coach, client_id, mode="paper", filled_on=date(2026, 10, 5))
    assert same_day.kind == "follow_up"


def test_migration_0009_gives_readings_finished_before_it_their_scores(tmp_path):
    # A register at 0008 with one finished reading (written as 0008's store wrote it) …
    from sqlite_utils import Database

    from store.core.db import open_db
    from store.core.migrations import migrations

    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before="0009_kompassi_scores")
    stamp = "2026-11-01T10:00:00.000Z"
    db.execute(
        "INSERT INTO client (id, first_name, last_name, birth_date, created_at, updated_at)"
        " VALUES ('c1', 'Anna', 'Mäkinen', '1990-01-01', ?, ?)",
        [stamp, stamp],
    )
    [(instrument,)] = db.execute("SELECT id FROM instrument").fetchall()
    db.execute(
        "INSERT INTO kompassi_reading (id, client_id, instrument_id, kind, mode, filled_on,"
        " status, started_at, finished_at, created_at, updated_at) VALUES ('r1', 'c1', ?,"
        " 'baseline', 'paper', '2026-11-01', 'done', ?, ?, ?, ?)",
        [instrument, stamp, stamp, stamp, stamp],
    )
    for n, (code, score, skipped) in enumerate((("talous", 4, 0), ("arki", None, 1))):
        db.execute(
            "INSERT INTO kompassi_answer (id, reading_id, domain_code, score, skipped,"
            " created_at, updated_at) VALUES (?, 'r1', ?, ?, ?, ?, ?)",
            [f"a{n}", code, score, skipped, stamp, stamp],
        )
    db.conn.commit()
    db.close()
    # … opened by this version: the migration writes what the finish now writes.
    migrated = open_db(path)
    assert migrated.execute("SELECT scores FROM kompassi_reading").fetchall() == [("talous=4",)]
    migrated.close()
