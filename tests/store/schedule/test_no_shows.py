"""No-show figures per coach and month, from appointments booked, kept, missed and
cancelled through the store."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from store.core.clock import FixedClock
from store.sample.accounts import add_demo_account
from store.schedule.models import Booking
from tests.conftest import World

MONDAY_10 = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)  # 10:00 in Helsinki, 30.11.


def test_figures_count_each_outcome_per_coach_and_month(world: World, clock: FixedClock) -> None:
    store, desk = world.store, world.reception
    other = add_demo_account(store.ctx, "toinen", "Aho Tiina", "coach", world.site.id)
    clients = [world.clients[k].id for k in ("makinen", "ostman", "obrien", "maki_jokela")]
    # Four on Monday 30.11. with Virtanen, one hour apart; two in December; one with Aho.
    november = [
        store.schedule.book(desk, Booking(c, world.coach.id, MONDAY_10 + timedelta(hours=n)))
        for n, c in enumerate(clients)
    ]
    december = [
        store.schedule.book(desk, Booking(c, world.coach.id, MONDAY_10 + timedelta(days=n + 1)))
        for n, c in enumerate(clients[:2])
    ]
    store.schedule.book(desk, Booking(clients[0], other.id, MONDAY_10 + timedelta(days=2)))
    store.schedule.cancel(desk, december[1].id, "by_coach")
    store.schedule.cancel(desk, november[3].id, "by_client")
    clock.at = MONDAY_10 + timedelta(hours=5)
    store.schedule.set_status(desk, november[0].id, "arrived")
    store.schedule.set_status(world.coach, november[0].id, "done")
    store.schedule.set_status(desk, november[1].id, "no_show")
    store.schedule.set_status(desk, november[2].id, "arrived")

    figures = store.schedule.figures(date(2026, 11, 1), date(2026, 12, 31))
    by = {(f.coach_name, f.month.month): f for f in figures}
    assert list(by) == [("Virtanen Liisa", 11), ("Aho Tiina", 12), ("Virtanen Liisa", 12)]
    nov = by["Virtanen Liisa", 11]
    assert (nov.booked, nov.done, nov.arrived, nov.no_show) == (4, 1, 1, 1)
    assert (nov.cancelled_by_client, nov.cancelled_by_coach, nov.open) == (1, 0, 0)
    assert nov.no_show_share == 1 / 3
    dec = by["Virtanen Liisa", 12]
    assert (dec.booked, dec.open, dec.cancelled_by_coach) == (2, 1, 1)
    assert dec.no_show_share is None  # nothing has come due yet
    # One coach only, one month only.
    only = store.schedule.figures(date(2026, 12, 5), date(2026, 12, 5), coach_id=other.id)
    assert [(f.coach_name, f.month, f.booked) for f in only] == [
        ("Aho Tiina", date(2026, 12, 1), 1)
    ]


def test_a_month_follows_the_wall_clock_not_utc(world: World) -> None:
    store = world.store
    # 1.12. at 00:30 in Helsinki is still 30.11. in UTC: it counts in December.
    just_after_midnight = datetime(2026, 11, 30, 22, 30, tzinfo=UTC)
    store.schedule.book(
        world.reception,
        Booking(world.clients["makinen"].id, world.coach.id, just_after_midnight),
    )
    [figure] = store.schedule.figures(date(2026, 11, 1), date(2026, 12, 31))
    assert figure.month == date(2026, 12, 1)
