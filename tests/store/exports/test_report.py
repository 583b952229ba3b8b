"""The day's report against figures worked out by hand, and its pure helpers."""

from __future__ import annotations

import pytest

from store.exports.day_report import (
    ChannelCount,
    HourCount,
    LongWait,
    StaffServed,
    day_report,
    hour_buckets,
)
from tests.report_day import DAY, build_day


def test_hour_buckets_keep_empty_hours_and_widen_for_early_or_late_arrivals():
    assert hour_buckets([9, 9, 12]) == tuple(
        HourCount(h, {9: 2, 12: 1}.get(h, 0)) for h in range(8, 17)
    )
    widened = hour_buckets([7, 18])
    assert [b.hour for b in widened] == list(range(7, 19))
    assert sum(b.count for b in widened) == 2


def test_the_fixture_day_matches_the_hand_computed_figures(world, clock, helsinki_desk):
    build_day(world, clock)
    report = day_report(world.store.visits, world.store.feedback, DAY, world.site.id)
    assert report.visits == 8
    # A visit with two reasons counts for both: 9 reason marks on 7 visits with a reason.
    assert [(r.code, r.count) for r in report.by_reason] == [
        ("cv", 3),
        ("job_search", 2),
        ("benefits", 1),
        ("own_coach", 1),
        ("other", 1),
    ]
    assert report.by_reason[0].label("sv") == "CV och ansökningar"
    assert report.without_reason == 1
    assert report.by_channel == (
        ChannelCount("walk_in", 5),
        ChannelCount("appointment", 1),
        ChannelCount("phone", 1),
        ChannelCount("remote", 1),
    )
    assert [(b.hour, b.count) for b in report.by_hour] == [
        (8, 2),
        (9, 2),
        (10, 3),
        (11, 1),
        (12, 0),
        (13, 0),
        (14, 0),
        (15, 0),
        (16, 0),
    ]
    assert report.waits_counted == 7  # the visitor who left was never called
    assert (report.wait_median, report.wait_p90) == (8, 41)
    assert report.left_without_service == 1
    assert report.left_share == pytest.approx(1 / 8)
    assert report.served == (
        StaffServed(world.reception.id, "Nieminen Noora", done=5, transferred=0),
        StaffServed(world.coach.id, "Virtanen Liisa", done=2, transferred=1),
    )
    assert report.longest_waits == (
        LongWait("A007", 41, "done"),
        LongWait("A008", 25, "left"),
        LongWait("A006", 20, "done"),
        LongWait("A005", 12, "done"),
        LongWait("A004", 8, "done"),
    )


def test_nps_is_hidden_below_five_answers_and_shown_from_five(world, clock, helsinki_desk):
    build_day(world, clock)
    hidden = day_report(world.store.visits, world.store.feedback, DAY, world.site.id).nps
    assert (hidden.responses, hidden.score, hidden.shown) == (4, None, False)
    world.store.feedback.record(
        world.reception, world.store.visits.day_visits(world.site.id, DAY)[4], 3
    )
    # 10, 9, 9, 7, 3: three promoters, one detractor of five.
    shown = day_report(world.store.visits, world.store.feedback, DAY, world.site.id).nps
    assert (shown.responses, shown.score) == (5, 40.0)


def test_an_open_visit_waits_until_now_and_an_empty_day_has_no_waits(world, clock, helsinki_desk):
    from datetime import timedelta

    empty = day_report(world.store.visits, world.store.feedback, DAY, world.site.id)
    assert (empty.visits, empty.wait_median, empty.wait_p90, empty.left_share) == (0, None, None, 0)
    assert [b.count for b in empty.by_hour] == [0] * 9
    world.store.visits.register(world.reception, world.site.id)
    clock.at += timedelta(minutes=17)
    report = day_report(world.store.visits, world.store.feedback, DAY, world.site.id)
    assert report.longest_waits == (LongWait("A001", 17, "waiting"),)
    assert report.waits_counted == 0
