"""A believable week for the coach from Monday 30.11.2026 (the fixed clock is Saturday
28.11.2026 12:30), booked through the store as the desks would, and F5 opened on it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from textual.pilot import Pilot

from screens.schedule.calendar_screen import CalendarScreen
from store.core.clock import local_moment, to_iso
from store.core.rows import insert_row
from store.schedule.models import Appointment, Booking

from ..helpers import log_in, settled

MONDAY = date(2026, 11, 30)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """`hour`.`minute` on the `day`th of December 2026 (30 for Monday 30.11.)."""
    month = 11 if day >= 28 else 12
    return local_moment(date(2026, month, day), time(hour, minute))


@dataclass
class Week:
    first: Appointment  # Monday 9.00 Mäkinen, job-search discussion
    second: Appointment  # Monday 10.00 Östman, initial interview
    appointments: list[Appointment]
    absence_id: str


def book_week(world) -> Week:
    """Appointments every weekday (one cancelled, one with a note), a training absence on
    Wednesday afternoon and a group session on Friday morning; Sunday 6.12. is a holiday."""
    store, coach = world.store, world.coach
    c = world.clients
    plan = [
        ("makinen", at(30, 9), 45, "job_search", "in_person"),
        ("ostman", at(30, 10), 60, "initial_interview", "in_person"),
        ("obrien", at(30, 13), 30, "coaching", "phone"),
        ("maki_jokela", at(1, 8, 30), 45, "supplementary", "video"),
        ("makinen", at(1, 11), 45, "kompassi_follow_up", "in_person"),
        ("ostman", at(1, 14), 45, "job_search", "phone"),
        ("obrien", at(2, 9), 45, "job_search", "in_person"),
        ("maki_jokela", at(2, 10), 45, "coaching", "in_person"),
        ("makinen", at(3, 9), 60, "coaching", "video"),
        ("ostman", at(3, 12), 45, "supplementary", "in_person"),
        ("obrien", at(3, 15), 45, "other", "phone"),
        ("maki_jokela", at(4, 10), 45, "job_search", "in_person"),
        ("makinen", at(4, 13, 30), 45, "job_search", "phone"),
    ]
    booked = [
        store.schedule.book(
            world.reception,
            Booking(c[key].id, coach.id, starts, minutes, kind, channel),  # type: ignore[arg-type]
        )
        for key, starts, minutes, kind, channel in plan
    ]
    store.schedule.set_note(coach, booked[0].id, "Tuo CV mukaan")
    store.schedule.cancel(world.reception, booked[2].id, "by_client")
    absence = store.working_time.add_absence(
        coach, coach.id, "training", at(2, 12), at(2, 16), "Tietosuojakoulutus"
    )
    # A group session the coach hosts (the groups helper's store writes these; a row
    # stands for one here).
    insert_row(
        store.ctx,
        "group_session",
        {"title": "Työnhaun infotilaisuus", "host_id": coach.id, "site_id": world.site.id,
         "starts_at": to_iso(at(4, 8)), "ends_at": to_iso(at(4, 9, 30)), "capacity": 20},
        by=coach.id,
    )  # fmt: skip
    return Week(booked[0], booked[1], booked, absence)


async def open_calendar(
    pilot: Pilot, username: str = "valmentaja", day: date | None = MONDAY
) -> CalendarScreen:
    """Log in, press F5 and, for a given `day`, go there with the jump dialog's value."""
    await log_in(pilot, username)
    await pilot.press("f5")
    await settled(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CalendarScreen), f"F5 did not open the calendar: {screen!r}"
    if day is not None and screen.coach_id is not None:
        screen._go(to=day)
        await settled(pilot)
    return screen


async def put_cursor(pilot: Pilot, screen: CalendarScreen, day: date, hour: int, minute: int = 0):
    """Put the cursor on a row of the week, as the arrow keys would."""
    from screens.schedule.week_grid import Cursor, WeekGrid

    grid = screen.query_one(WeekGrid)
    assert screen.data is not None
    grid.show(screen.data, Cursor(day, hour * 60 + minute, 0), grid.now, grid.mode)
    await pilot.pause()
