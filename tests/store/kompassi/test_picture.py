"""The picture's facts: baseline, previous and latest per domain, the changes, skipped
never a zero, any two readings compared, domains matched by code across versions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.kompassi.models import Answer, Band, Domain, Instrument, KompassiView, Reading
from store.kompassi.picture import comparison_of, domains_of, lowest_domains, picture_of
from tests.conftest import World

BANDS = (
    Band("low", 0, 5, "Vaikeaa", "Svårt", "Difficult"),
    Band("middle", 6, 7, "Kohtalaista", "Någorlunda", "Fair"),
    Band("high", 8, 10, "Hyvin", "Bra", "Good"),
)


def domain(code: str, order: int) -> Domain:
    return Domain(code, order, False, code.title(), code, code, "?", "?", "?")


def instrument(iid: str, version: int, codes: tuple[str, ...]) -> Instrument:
    domains = tuple(domain(c, n) for n, c in enumerate(codes))
    return Instrument(iid, "kompassi", version, "K", "K", "K", 0, 10, True, True, BANDS, domains)


V1 = instrument("v1", 1, ("talous", "arki", "vanha"))
V2 = instrument("v2", 2, ("talous", "uusi", "arki"))


def reading(rid: str, day: int, inst: Instrument, **answers: int | None) -> Reading:
    recorded = tuple(Answer(code, score, skipped=score is None) for code, score in answers.items())
    return Reading(rid, "c", inst.id, "follow_up", "paper", date(2026, 1, day), "done",
                   "coach", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", recorded)  # fmt: skip


def view_of(*readings: Reading, current: Instrument = V1) -> KompassiView:
    used = {r.instrument_id: {V1.id: V1, V2.id: V2}[r.instrument_id] for r in readings}
    return KompassiView("c", readings, None, used | {current.id: current}, current, True)


def test_three_readings_show_baseline_previous_latest_and_both_changes():
    view = view_of(
        reading("r1", 1, V1, talous=3, arki=7),
        reading("r2", 2, V1, talous=5, arki=None),  # arki skipped
        reading("r3", 3, V1, talous=8, arki=6),
    )
    picture = picture_of(view)
    assert [(c.role, c.reading.id) for c in picture.columns] == [
        ("baseline", "r1"), ("previous", "r2"), ("latest", "r3"),
    ]  # fmt: skip
    talous, arki, vanha = picture.domains
    assert [m.score for m in talous.marks] == [3, 5, 8]
    assert [m.band.code for m in talous.marks if m.band] == ["low", "low", "high"]
    assert (talous.change, talous.recent_change) == (5, 3)
    # Skipped is its own state, with no score and no change from it.
    assert [m.state for m in arki.marks] == ["score", "skipped", "score"]
    assert arki.marks[1].score is None and arki.marks[1].band is None
    assert (arki.change, arki.recent_change) == (-1, None)
    # A domain not answered at all is "missing", not skipped.
    assert {m.state for m in vanha.marks} == {"missing"}
    assert [m.score for m in talous.series] == [3, 5, 8]


def test_one_reading_is_its_own_baseline_and_two_have_no_separate_previous():
    one = picture_of(view_of(reading("r1", 1, V1, talous=4)))
    assert [c.role for c in one.columns] == ["baseline"]
    assert one.domains[0].change is None
    two = picture_of(view_of(reading("r1", 1, V1, talous=4), reading("r2", 2, V1, talous=4)))
    assert [c.role for c in two.columns] == ["baseline", "latest"]
    assert (two.domains[0].change, two.domains[0].recent_change) == (0, None)
    assert picture_of(view_of()).empty


def test_any_two_readings_are_compared_right_minus_left():
    view = view_of(
        reading("r1", 1, V1, talous=3),
        reading("r2", 2, V1, talous=9),
        reading("r3", 3, V1, talous=6),
    )
    compared = comparison_of(view, "r2", "r1")
    assert compared.compared and [c.role for c in compared.columns] == ["left", "right"]
    assert compared.domains[0].change == -6 and compared.domains[0].recent_change is None
    assert len(compared.domains[0].series) == 3  # the sparkline still shows every reading
    with pytest.raises(LookupError):
        comparison_of(view, "r1", "draft")


def test_versions_are_compared_by_domain_code_and_older_domains_are_kept():
    view = view_of(
        reading("r1", 1, V1, talous=2, arki=4, vanha=5),
        reading("r2", 2, V2, talous=6, uusi=7, arki=4),
        current=V2,
    )
    # The current version's domains in its order, then the one only v1 had.
    assert [d.code for d in domains_of(view)] == ["talous", "uusi", "arki", "vanha"]
    picture = picture_of(view)
    by_code = {d.code: d for d in picture.domains}
    assert by_code["talous"].change == 4 and by_code["arki"].change == 0
    assert [m.state for m in by_code["uusi"].marks] == ["missing", "score"]
    assert [m.state for m in by_code["vanha"].marks] == ["score", "missing"]


def test_lowest_domains_ignore_skips_and_keep_domain_order_on_ties():
    done = reading("r1", 1, V2, talous=4, uusi=None, arki=4)
    assert [a.domain_code for a in lowest_domains(done, 2)] == ["talous", "arki"]
    assert lowest_domains(done, 0) == ()
    assert lowest_domains(replace(done, answers=(Answer("talous", None, True),)), 3) == ()


scores = st.one_of(st.none(), st.integers(0, 10))


@given(st.lists(st.tuples(scores, scores), min_size=1, max_size=8))
def test_a_change_is_only_ever_between_two_scores(pairs: list[tuple[int | None, int | None]]):
    readings = [reading(f"r{n}", n + 1, V1, talous=t, arki=a) for n, (t, a) in enumerate(pairs)]
    picture = picture_of(view_of(*readings))
    for facts in picture.domains[:2]:
        first, last = facts.marks[0], facts.marks[-1]
        if len(facts.marks) == 1 or first.score is None or last.score is None:
            assert facts.change is None
        else:
            assert facts.change == last.score - first.score
        assert len(facts.series) == len(readings)
        for mark in facts.series:  # skipped never reads as a score, a band or a zero
            assert (mark.state == "score") == (mark.score is not None) == (mark.band is not None)


def test_three_paper_readings_from_the_store(world: World):
    kompassi, coach = world.store.kompassi, world.coach
    client_id = world.clients["makinen"].id
    today = world.store.clock.now().date()
    for weeks, talous in ((20, 2), (10, None), (0, 7)):
        draft = kompassi.start(coach, client_id, mode="paper",
                               filled_on=today - timedelta(weeks=weeks))  # fmt: skip
        if talous is None:
            kompassi.answer(coach, draft.id, "talous", skipped=True)
        else:
            kompassi.answer(coach, draft.id, "talous", score=talous)
        kompassi.answer(coach, draft.id, "arki", score=5 + weeks // 10)
        kompassi.finish(coach, draft.id)
    picture = picture_of(kompassi.view(coach, client_id))
    assert [c.reading.kind for c in picture.columns] == ["baseline", "follow_up", "follow_up"]
    talous = picture.domains[0]
    assert talous.code == "talous" and [m.state for m in talous.marks] == [
        "score", "skipped", "score",
    ]  # fmt: skip
    assert talous.change == 5
    arki = next(d for d in picture.domains if d.code == "arki")
    assert (arki.change, arki.recent_change) == (-2, -1)
    assert len(picture.domains) == 8
