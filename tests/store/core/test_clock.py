"""The installation's clock on a machine set to UTC: days, bounds and clock changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from store.core.clock import (
    from_iso,
    local_clock_times,
    local_day_bounds,
    local_moment,
    to_iso,
    to_local,
    zone_named,
)
from store.exports.day_report import day_report


def test_the_suite_runs_on_a_utc_machine():
    # What the other tests here stand on: the machine's own zone is not Helsinki.
    assert datetime(2026, 11, 28, 12).astimezone().utcoffset().total_seconds() == 0


@pytest.mark.parametrize(
    ("day", "start", "end"),
    [
        (date(2026, 11, 28), "2026-11-27T22:00:00.000Z", "2026-11-28T22:00:00.000Z"),
        (date(2026, 6, 15), "2026-06-14T21:00:00.000Z", "2026-06-15T21:00:00.000Z"),
        # 29.3.2026 clocks go forward at 03:00: a 23-hour day.
        (date(2026, 3, 29), "2026-03-28T22:00:00.000Z", "2026-03-29T21:00:00.000Z"),
        # 25.10.2026 clocks go back at 04:00: a 25-hour day.
        (date(2026, 10, 25), "2026-10-24T21:00:00.000Z", "2026-10-25T22:00:00.000Z"),
    ],
)
def test_a_day_runs_from_helsinki_midnight_to_midnight(day, start, end):
    assert local_day_bounds(day) == (start, end)


def test_clock_times_follow_helsinki_across_both_clock_changes():
    shown = local_clock_times()
    assert shown("2026-03-29T00:59:00.000Z") == "02:59"  # still winter time
    assert shown("2026-03-29T01:00:00.000Z") == "04:00"  # 03:00 never happens
    assert shown("2026-10-25T00:30:00.000Z") == "03:30"  # summer time …
    assert shown("2026-10-25T01:30:00.000Z") == "03:30"  # … and 03:30 again in winter time
    assert to_local(from_iso("2026-10-25T01:30:00.000Z")).hour == 3
    # A wall-clock time the spring change skips reads as the hour after it.
    assert to_iso(local_moment(date(2026, 3, 29), time(3, 30))) == "2026-03-29T01:30:00.000Z"


@pytest.mark.parametrize(
    ("name", "known"),
    [("Europe/Helsinki", True), ("UTC", True), ("Helsinki", False), ("localtime", False)],
)
def test_only_named_zones_are_zones(name, known):
    assert (zone_named(name) is not None) is known


def test_a_visit_at_half_past_eleven_in_the_evening_belongs_to_that_day(world, clock):
    store, site = world.store, world.site.id
    clock.at = datetime(2026, 11, 28, 21, 30, tzinfo=UTC)  # 23:30 in Helsinki
    late = store.visits.register(world.reception, site, reason_codes=["cv"])
    new_client = store.clients.create(
        world.admin, {"last_name": "Ilta", "first_name": "Ilkka", "birth_date": "1.2.1980"}
    )
    clock.at = datetime(2026, 11, 28, 22, 30, tzinfo=UTC)  # 0:30 on Sunday in Helsinki
    early = store.visits.register(world.reception, site, reason_codes=["cv"])
    assert late.visit_date == date(2026, 11, 28) and early.visit_date == date(2026, 11, 29)
    saturday = day_report(store.visits, store.feedback, date(2026, 11, 28), site)
    assert saturday.visits == 1 and saturday.by_hour[-1].hour == 23
    assert store.today_counts(site).visits == 1  # Sunday: only the visitor after midnight
    assert store.today_counts(site).clients_registered == 0
    assert new_client.created_at.startswith("2026-11-28T21:30")
