"""Where paths lead: the paths report's figures from real paths, its "< 5" suppression,
its range and site filters, who may run it and its line in the access log."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date

import pytest

from store.core.auth import PermissionDenied
from store.core.models import Staff
from store.paths.models import Outcome
from store.paths.report import (
    BadRange,
    PathRow,
    PathsReport,
    build_report,
    default_range,
    paths_report,
    shown,
)
from store.sample.accounts import add_demo_account
from tests.conftest import World

FIRST, LAST = date(2025, 11, 29), date(2026, 11, 28)  # the default range on NOW's day
_names = itertools.count(1)


def _letters(number: int) -> str:
    text = ""
    while number:
        number, rest = divmod(number, 26)
        text += "abcdefghijklmnopqrstuvwxyz"[rest]
    return text


def ended_path(
    world: World,
    coach: Staff,
    services: Sequence[str],
    outcome: Outcome,
    ended_on: str,
    start: str = "1.1.2026",
    cancelled: Sequence[int] = (),
    started_on: date | None = None,
) -> str:
    """A new client of `coach` whose path of `services` (steps planned from `start` and
    begun then, the first on `started_on` if given; those at `cancelled` indexes
    cancelled) ended."""
    client = world.store.clients.create(
        world.admin,
        {"last_name": "Testi" + _letters(next(_names)), "first_name": "Tuuli",
         "birth_date": "1.1.1980", "coach_id": coach.id},
    )  # fmt: skip
    paths = world.store.paths
    path = paths.start(coach, client.id)
    for index, code in enumerate(services):
        step = paths.add_step(coach, path.id, {"service": code, "planned_start": start})
        if index in cancelled:
            paths.set_status(coach, step.id, "cancelled")
        else:  # begun (a step never begun is cancelled when its path ends)
            on = started_on if index == 0 and started_on is not None else step.planned_start
            paths.set_status(coach, step.id, "active", on=on)
    raw = {"outcome": outcome, "ended_on": ended_on}
    if outcome == "employed":
        raw |= {"employer_sector": "company", "employment_type": "permanent"}
    paths.end(coach, path.id, raw)
    return path.id


def by_outcome(report: PathsReport) -> dict[str, str]:
    return {o.outcome: shown(o.count) for o in report.outcomes}


def test_a_year_of_paths_gives_outcomes_median_sequences_and_shares(world: World):
    coach = world.coach
    for _ in range(6):
        ended_path(world, coach, ["tyonhakuvalmennus", "tyokokeilu", "palkkatuki"],
                   "employed", "1.7.2026")  # fmt: skip
    # A cancelled step is no service the path had.
    for _ in range(4):
        ended_path(world, coach, ["kuntouttava", "koulutus", "tyokokeilu"], "employed",
                   "1.4.2026", cancelled=[1])  # fmt: skip
    for _ in range(5):
        ended_path(world, coach, ["tyonhakuvalmennus", "koulutus"], "studies", "1.6.2026")
    # The actual start, not the planned one, is where the time to the outcome starts.
    ended_path(world, coach, ["koulutus"], "left_register", "1.6.2026", start="1.3.2026",
               started_on=date(2026, 2, 1))  # fmt: skip
    # Ended before the range: not in the report.
    ended_path(world, coach, ["tyokokeilu"], "employed", "28.11.2025", start="1.1.2025")

    report = paths_report(world.store.ctx, coach, FIRST, LAST)

    assert report.paths == 16
    assert by_outcome(report) == {
        "employed": "10", "self_employed": "< 5", "studies": "5",
        "other_service": "< 5", "left_register": "< 5", "unknown": "< 5",
    }  # fmt: skip
    assert [o.percent for o in report.outcomes if o.count] == [62.5, 31.3]
    days = sorted([181] * 6 + [90] * 4 + [151] * 5 + [120])
    assert report.median_days == (days[7] + days[8]) / 2 and report.median_n == 16
    # Four paths of one sequence are not listed, nor counted where they could be told.
    assert [(s.text, s.count) for s in report.sequences] == [
        ("tyonhakuvalmennus → tyokokeilu → palkkatuki", 6)
    ]
    assert report.other_sequences is None and report.employed_paths == 10
    shares = {s.service: (shown(s.paths), shown(s.employed), shown(s.percent))
              for s in report.services}  # fmt: skip
    assert shares == {
        "tyonhakuvalmennus": ("11", "6", "54,5"),  # 6 of 11 ended employed
        "tyokokeilu": ("10", "10", "< 5"),  # none did not: the share would tell of them
        "palkkatuki": ("6", "6", "< 5"),
        "koulutus": ("6", "< 5", "< 5"),
        "kuntouttava": ("< 5", "< 5", "< 5"),
    }
    assert [s.service for s in report.services][:2] == ["tyonhakuvalmennus", "tyokokeilu"]


def test_the_site_is_that_of_the_clients_coach_and_the_range_is_inclusive(world: World):
    other_site = world.store.sites.create(
        "Työpiste Itä", "Turku", "Varsinais-Suomen työllisyysalue", world.admin
    )
    other_coach = add_demo_account(world.store.ctx, "itavalmentaja", "Itä Ilkka", "coach", other_site.id)  # fmt: skip
    for ended in ("29.11.2025", "28.11.2026", "1.5.2026", "1.5.2026", "1.5.2026"):
        ended_path(world, other_coach, ["uravalmennus"], "studies", ended)
    for _ in range(5):
        ended_path(world, world.coach, ["tyokokeilu"], "employed", "1.5.2026")
    ctx = world.store.ctx

    east = paths_report(ctx, world.admin, FIRST, LAST, other_site.id)
    assert east.paths == 5 and by_outcome(east)["studies"] == "5"
    assert by_outcome(east)["employed"] == "< 5" and east.sequences == ()
    assert paths_report(ctx, world.admin, FIRST, LAST, world.site.id).paths == 5
    assert paths_report(ctx, world.admin, FIRST, LAST).paths == 10
    # One day less at either end: four paths, shown as "< 5".
    narrower = paths_report(ctx, world.admin, date(2025, 11, 30), LAST, other_site.id)
    assert narrower.paths is None and narrower.empty
    assert shown(narrower.median_days) == "< 5"


def test_reception_is_refused_and_every_run_is_in_the_access_log(world: World):
    ctx = world.store.ctx
    with pytest.raises(PermissionDenied):
        paths_report(ctx, world.reception, FIRST, LAST)
    with pytest.raises(BadRange):
        paths_report(ctx, world.coach, LAST, FIRST)
    paths_report(ctx, world.coach, FIRST, LAST, world.site.id)
    events = [e for e in world.store.audit.events() if e.entity == "paths_report"]
    assert [(e.action, e.staff_id, e.purpose, e.client_id) for e in events] == [
        ("view", world.coach.id, f"2025-11-29..2026-11-28; site={world.site.id}", None)
    ]


def rows(outcome: Outcome, n: int, services: tuple[str, ...] = ("tyokokeilu",)) -> list[PathRow]:
    return [PathRow(outcome, date(2026, 6, 1), services, date(2026, 1, 1))] * n


def test_a_count_of_four_is_hidden_and_of_five_shown():
    report = build_report(rows("employed", 5) + rows("studies", 5) + rows("unknown", 4)
                          + rows("other_service", 5), FIRST, LAST)  # fmt: skip
    assert by_outcome(report) == {
        "employed": "5", "self_employed": "< 5", "studies": "5",
        "other_service": "5", "left_register": "< 5", "unknown": "< 5",
    }  # fmt: skip
    assert shown(report.outcomes[0].percent) == "26,3"


def test_one_hidden_outcome_hides_the_smallest_shown_one_too():
    # 20 paths, 16 shown: the one hidden cell would be 20 - 16 = 4.
    report = build_report(rows("employed", 10) + rows("studies", 6) + rows("unknown", 4)
                          + rows("self_employed", 0), FIRST, LAST)  # fmt: skip
    # Every outcome but employed, studies and unknown is 0 and hidden already: no change.
    assert by_outcome(report)["studies"] == "6"
    many = build_report(
        [r for o in ("employed", "self_employed", "studies", "other_service", "left_register")
         for r in rows(o, 6)] + rows("unknown", 4), FIRST, LAST,
    )  # fmt: skip
    assert list(by_outcome(many).values()).count("< 5") == 2
    assert by_outcome(many)["unknown"] == "< 5"


def test_a_sequence_is_the_last_five_services_before_the_outcome():
    long = ("a", "b", "c", "d", "e", "f")
    report = build_report(rows("employed", 5, long) + rows("employed", 7, ()), FIRST, LAST)
    assert [(s.text, s.count) for s in report.sequences] == [("", 7), ("b → c → d → e → f", 5)]
    assert report.other_sequences is None  # none at all is shown as "< 5" too


def test_only_the_ten_most_common_sequences_are_listed_the_rest_counted_together():
    many = [r for n in range(12) for r in rows("employed", 5 + n, (f"s{n:02d}",))]
    report = build_report(many, FIRST, LAST)
    assert [s.text for s in report.sequences] == [f"s{n:02d}" for n in range(11, 1, -1)]
    assert report.other_sequences == 5 + 6


def test_the_default_range_is_the_last_twelve_months():
    assert default_range(date(2026, 11, 28)) == (date(2025, 11, 29), date(2026, 11, 28))
    assert default_range(date(2028, 2, 29)) == (date(2027, 3, 1), date(2028, 2, 29))
