"""Distance travelled: the Kompassi report's figures from real readings, its "< 5"
suppression, skips, instrument versions compared by domain code, its filters, who may run
it and its line in the access log."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from datetime import date

import pytest

from store.core.auth import PermissionDenied
from store.core.db import write_transaction
from store.core.models import Staff
from store.core.rows import insert_row
from store.kompassi.report import DomainChange, KompassiReport, kompassi_report
from store.paths.report import BadRange
from store.sample.accounts import add_demo_account
from tests.conftest import World

FIRST, LAST = date(2025, 11, 29), date(2026, 11, 28)  # the last 12 months on NOW's day
_numbers = itertools.count(1)

Scores = Mapping[str, int | None]  # domain code → score; None: the client skipped it


def client_of(world: World, coach: Staff) -> str:
    """A new client whose own coach is `coach`."""
    number, letters = next(_numbers), ""
    while number:
        number, rest = divmod(number, 26)
        letters += "abcdefghijklmnopqrstuvwxyz"[rest]
    client = world.store.clients.create(
        world.admin,
        {"last_name": "Kompassi" + letters, "first_name": "Kaisa",
         "birth_date": "1.1.1985", "coach_id": coach.id},
    )  # fmt: skip
    return client.id


def reading(
    world: World, coach: Staff, client_id: str, on: str, scores: Scores, *, finish: bool = True
) -> str:
    """A paper reading filled in on `on` (d.m.yyyy), of the kind that comes next."""
    kompassi = world.store.kompassi
    day = date(*reversed([int(part) for part in on.split(".")]))
    draft = kompassi.start(coach, client_id, mode="paper", filled_on=day)
    for code, score in scores.items():
        if score is None:
            kompassi.answer(coach, draft.id, code, skipped=True)
        else:
            kompassi.answer(coach, draft.id, code, score=score)
    if finish:
        kompassi.finish(coach, draft.id)
    return draft.id


def travelled(
    world: World,
    coach: Staff,
    baseline: Scores,
    *later: Scores,
    baseline_on: str = "1.3.2026",
    later_on: tuple[str, ...] = ("1.9.2026", "1.10.2026", "1.11.2026"),
) -> str:
    """A client of `coach` with a baseline and the `later` readings after it."""
    client_id = client_of(world, coach)
    reading(world, coach, client_id, baseline_on, baseline)
    for scores, on in zip(later, later_on, strict=False):
        reading(world, coach, client_id, on, scores)
    return client_id


def row(report: KompassiReport, code: str) -> DomainChange:
    return next(d for d in report.domains if d.code == code)


def figures(report: KompassiReport, code: str) -> tuple[object, ...]:
    d = row(report, code)
    return d.clients, d.median_change, d.up, d.stayed, d.down


# talous from the baseline to the latest reading; bands 0–5 / 6–7 / 8–10.
SIX = [(3, 8), (4, 6), (5, 5), (6, 5), (7, 9), (2, 3)]  # up, up, =, down, up, =


def test_per_domain_the_clients_median_change_and_band_moves(world: World):
    for before, after in SIX * 5:
        travelled(world, world.coach, {"talous": before, "arki": 5}, {"talous": after, "arki": 6})
    report = kompassi_report(world.store.ctx, world.coach, FIRST, LAST)
    assert report.clients == 30 and not report.empty
    # Changes 5, 2, 0, −1, 2, 1 five times: the median is 1.5; 15 up, 10 stayed, 5 down.
    assert figures(report, "talous") == (30, 1.5, 50.0, 33.3, 16.7)
    # All 30 moved up: no one stayed or moved down, and fewer than five is "< 5".
    assert figures(report, "arki") == (30, 1.0, 100.0, None, None)
    assert row(report, "talous").label("sv") == "Ekonomi"
    # Every domain of the instrument is listed, in its order; the unanswered ones hidden.
    assert [d.code for d in report.domains][:3] == ["talous", "osallisuus", "osaaminen"]
    assert figures(report, "osaaminen") == (None,) * 5


def test_the_latest_reading_in_the_range_is_compared_with_the_baseline(world: World):
    for _ in range(5):
        travelled(world, world.coach, {"talous": 2}, {"talous": 4})
        # Down to 1 in September, up to 9 in October: October's is the latest.
        travelled(world, world.coach, {"talous": 2}, {"talous": 1}, {"talous": 9})
    report = kompassi_report(world.store.ctx, world.coach, FIRST, LAST)
    # Changes 2 and 7, 5 up and 5 stayed; no one down is "< 5", so one of the shown is too.
    assert figures(report, "talous") == (10, 4.5, None, 50.0, None)
    # Ending the range in September takes September's reading instead.
    september = kompassi_report(world.store.ctx, world.coach, FIRST, date(2026, 9, 30))
    assert figures(september, "talous") == (10, 0.5, None, 100.0, None)  # 2 → 1 stays low


def test_one_share_under_five_hides_the_smallest_other_share_too(world: World):
    for _ in range(5):
        travelled(world, world.coach, {"talous": 3}, {"talous": 6})
    for _ in range(4):
        travelled(world, world.coach, {"talous": 6}, {"talous": 3})
    for _ in range(5):
        travelled(world, world.coach, {"talous": 4}, {"talous": 5})
    report = kompassi_report(world.store.ctx, world.coach, FIRST, LAST)
    # 5 up, 5 stayed, 4 down of 14: down hidden, and the smaller shown (a tie: up) too.
    up, stayed, down = figures(report, "talous")[2:]
    assert down is None and [up, stayed].count(None) == 1


def test_a_domain_of_fewer_than_five_clients_is_shown_as_fewer_than_five(world: World):
    for before, after in SIX[:4]:
        travelled(world, world.coach, {"talous": before}, {"talous": after})
    report = kompassi_report(world.store.ctx, world.coach, FIRST, LAST)
    assert report.clients is None and report.empty
    assert figures(report, "talous") == (None,) * 5


def test_a_skip_leaves_the_client_out_of_that_domain_only(world: World):
    for before, after in SIX[:5]:
        travelled(world, world.coach, {"talous": before, "terveys": 6},
                  {"talous": after, "terveys": 8})  # fmt: skip
    travelled(world, world.coach, {"talous": 2, "terveys": 6}, {"talous": 3, "terveys": None})
    travelled(world, world.coach, {"talous": 2, "terveys": None}, {"talous": 3, "terveys": 1})
    report = kompassi_report(world.store.ctx, world.coach, FIRST, LAST)
    assert report.clients == 7
    # 3 up, 3 stayed, 1 down: each share rests on fewer than five clients.
    assert figures(report, "talous") == (7, 1.0, None, None, None)
    assert figures(report, "terveys") == (5, 2.0, 100.0, None, None)  # never counted as zero


def test_only_finished_readings_after_a_finished_baseline_count(world: World):
    for before, after in SIX[:5]:
        travelled(world, world.coach, {"talous": before}, {"talous": after})
    only_baseline = client_of(world, world.coach)
    reading(world, world.coach, only_baseline, "1.3.2026", {"talous": 1})
    with_draft = travelled(world, world.coach, {"talous": 1})
    reading(world, world.coach, with_draft, "1.9.2026", {"talous": 10}, finish=False)
    travelled(world, world.coach, {"talous": 1}, {"talous": 10}, later_on=("1.6.2025",),
              baseline_on="1.1.2025")  # fmt: skip  # its follow-up is before the range
    report = kompassi_report(world.store.ctx, world.coach, FIRST, LAST)
    assert figures(report, "talous") == (5, 2.0, None, None, None)  # changes 5, 2, 0, −1, 2


def _version_two(world: World) -> None:
    """Instrument version 2, current from now on: talous worded anew and read in bands
    0–3 / 4–7 / 8–10, a new domain, terveys dropped."""
    ctx, by = world.store.ctx, world.admin.id
    with write_transaction(ctx.db):
        instrument = insert_row(ctx, "instrument", {"code": "kompassi", "version": 2,
                                "name_fi": "Kompassi 2", "name_sv": "Kompassi 2",
                                "name_en": "Kompassi 2"}, by=by)  # fmt: skip
        for code, low, high in (("low", 0, 3), ("middle", 4, 7), ("high", 8, 10)):
            insert_row(ctx, "instrument_band", {"instrument_id": instrument, "code": code,
                       "score_from": low, "score_to": high, "label_fi": code,
                       "label_sv": code, "label_en": code}, by=by)  # fmt: skip
        for order, (code, label) in enumerate((("talous", "Raha-asiat"), ("asuminen", "Asuminen"))):
            insert_row(ctx, "instrument_domain", {"instrument_id": instrument, "code": code,
                       "sort_order": order, "label_fi": label, "label_sv": label,
                       "label_en": label, "question_fi": "?", "question_sv": "?",
                       "question_en": "?"}, by=by)  # fmt: skip
    world.store.instruments.refresh()


def test_versions_are_compared_by_domain_code_each_in_its_own_bands(world: World):
    clients = [client_of(world, world.coach) for _ in range(5)]
    for client_id in clients:
        reading(world, world.coach, client_id, "1.3.2026", {"talous": 5, "terveys": 5})
    _version_two(world)
    for client_id in clients:
        reading(world, world.coach, client_id, "1.9.2026", {"talous": 5})
    report = kompassi_report(world.store.ctx, world.coach, FIRST, LAST)
    # The same 5 is low in version 1 and middle in version 2: a band up, no change.
    assert figures(report, "talous") == (5, 0.0, 100.0, None, None)
    assert row(report, "talous").label("fi") == "Raha-asiat"  # the current wording
    # The current instrument's domains in its order; terveys, not in it, unanswered.
    assert [d.code for d in report.domains] == ["talous", "asuminen"]


def test_site_and_coach_filters_keep_the_clients_of_that_coach_or_site(world: World):
    other_site = world.store.sites.create("Työpiste Itä", "Turku", "Varsinais-Suomi", world.admin)
    other = add_demo_account(world.store.ctx, "valmentaja2", "Koski Kalle", "coach", other_site.id)
    for before, after in SIX[:5]:
        travelled(world, world.coach, {"talous": before}, {"talous": after})
    for _ in range(5):
        travelled(world, other, {"talous": 8}, {"talous": 2})
    ctx = world.store.ctx
    assert kompassi_report(ctx, world.coach, FIRST, LAST).clients == 10
    east = kompassi_report(ctx, world.admin, FIRST, LAST, site_id=other_site.id)
    assert east.site_id == other_site.id
    assert figures(east, "talous") == (5, -6.0, None, None, 100.0)
    mine = kompassi_report(ctx, world.admin, FIRST, LAST, coach_id=world.coach.id)
    assert figures(mine, "talous")[:2] == (5, 2.0)
    both = kompassi_report(ctx, world.admin, FIRST, LAST, world.site.id, other.id)
    assert both.empty


def test_reception_is_refused_and_each_run_is_logged_without_clients(world: World):
    for before, after in SIX:
        travelled(world, world.coach, {"talous": before}, {"talous": after})
    ctx = world.store.ctx
    with pytest.raises(PermissionDenied):
        kompassi_report(ctx, world.reception, FIRST, LAST)
    with pytest.raises(BadRange):
        kompassi_report(ctx, world.admin, LAST, FIRST)
    kompassi_report(ctx, world.admin, FIRST, LAST, site_id=world.site.id, coach_id=world.coach.id)
    events = world.store.db.execute(
        "SELECT staff_id, action, client_id, purpose FROM audit_event"
        " WHERE entity = 'kompassi_report'"
    ).fetchall()
    assert events == [
        (world.admin.id, "view", None,
         f"2025-11-29..2026-11-28; site={world.site.id}; coach={world.coach.id}"),
    ]  # fmt: skip
