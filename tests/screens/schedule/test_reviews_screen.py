"""The reviews-due screen: the coach's list, overdue marked in words, Enter for the client
card, `b` for the booking dialog at the next free time."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from textual.pilot import Pilot
from textual.widgets import DataTable

from screens.clients.client_card import ClientCardScreen
from screens.schedule.booking_dialog import BookingDialog
from screens.schedule.reviews_screen import ReviewsScreen
from store.clients.models import Client
from store.core.clock import FixedClock, local_moment
from store.schedule.models import Booking
from tests.conftest import World
from tests.store.schedule.test_reviews import jobseeker
from tui.app import make_app

from ..helpers import log_in, screen_text, settled

# Tuesday 22.12.2026 12:30 in Helsinki: Christmas Eve and Day (Thu, Fri) are ahead.
BEFORE_CHRISTMAS = datetime(2026, 12, 22, 10, 30, tzinfo=UTC)


def opened_with(dialog: BookingDialog) -> tuple[object, object, object, object]:
    """(coach, client, start, kind) the booking dialog was opened with."""
    return (dialog.initial_coach_id, dialog.chosen_client_id, dialog.starts_at_given, dialog.kind)


def caseload(world: World, clock: FixedClock) -> dict[str, Client]:
    clock.at = BEFORE_CHRISTMAS
    return {
        # Mon 21.12.2026: 5 working days pass Christmas Eve and Day, so 30.12, not 28.12.
        "joulu": jobseeker(world, "Joulu", date(2026, 12, 21)),
        # Tue 16.6.2026: past Midsummer Eve, 24.6, long overdue; six months on 16.12.
        "juhannus": jobseeker(world, "Juhannus", date(2026, 6, 16)),
    }


async def open_reviews(pilot: Pilot, world: World) -> ReviewsScreen:
    await log_in(pilot, "valmentaja")
    screen = ReviewsScreen(world.coach.id)
    pilot.app.push_screen(screen)
    await settled(pilot)
    assert pilot.app.screen is screen
    return screen


def line_of(pilot: Pilot, text: str, column: int = 0) -> str:
    """The screen line holding `text` (from `column` on)."""
    lines = [line for line in screen_text(pilot).splitlines() if text in line[column:]]
    assert len(lines) >= 1, f"{text!r} is not on screen:\n{screen_text(pilot)}"
    return lines[0]


async def test_the_list_shows_due_dates_past_holidays_and_marks_overdue_in_words(
    world: World, clock: FixedClock
) -> None:
    clients = caseload(world, clock)
    async with make_app(world.path, clock=clock).run_test(size=(80, 24)) as pilot:
        screen = await open_reviews(pilot, world)
        assert [(r.client_id, r.kind, r.due) for r in screen.reviews] == [
            (clients["juhannus"].id, "initial_interview", date(2026, 6, 24)),
            (clients["juhannus"].id, "job_search", date(2026, 6, 30)),
            (clients["joulu"].id, "initial_interview", date(2026, 12, 30)),
            (clients["joulu"].id, "job_search", date(2027, 1, 4)),
            # Six months on 16.12: the intensive period's two discussions, due by 16.1.
            (clients["juhannus"].id, "supplementary", date(2027, 1, 16)),
        ]
        text = screen_text(pilot)
        assert "Määräajat: Virtanen Liisa" in text
        assert "2 myöhässä · 3 erääntyy 14 päivän sisällä · 0 varattu" in text
        overdue = line_of(pilot, "24.6.2026")
        assert "! myöhässä" in overdue and "Juhannus Testi" in overdue
        assert "alkuhaastattelu" in overdue
        christmas = line_of(pilot, "30.12.2026")
        assert "Joulu Testi" in christmas and "myöhässä" not in christmas
        assert "2 × täydentävä" in line_of(pilot, "16.1.2027")
        # 80×24: every column's heading and the keys are in view.
        for heading in ("Tila", "Asiakas", "Mikä", "Eräpäivä", "Varattu"):
            assert heading in text, text
        assert "Varaa" in line_of(pilot, "Takaisin")


async def test_b_opens_the_booking_for_the_selected_client_at_the_next_free_time(
    world: World, clock: FixedClock
) -> None:
    clients = caseload(world, clock)
    joulu = clients["joulu"]
    # The coach is busy 12:30–13:30 today, so the next free time is after that.
    world.store.schedule.book(
        world.reception,
        Booking(clients["juhannus"].id, world.coach.id,
                local_moment(date(2026, 12, 22), time(12, 30)), minutes=60, kind="coaching"),
    )  # fmt: skip
    async with make_app(world.path, clock=clock).run_test(size=(80, 24)) as pilot:
        screen = await open_reviews(pilot, world)
        table = screen.query_one(DataTable)
        table.move_cursor(row=2)
        assert screen.selected is not None and screen.selected.client_id == joulu.id
        await pilot.press("b")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, BookingDialog)
        coach_id, client_id, starts_at, kind = opened_with(dialog)
        assert (coach_id, client_id) == (world.coach.id, joulu.id)
        assert starts_at == local_moment(date(2026, 12, 22), time(13, 30))
        assert kind in (None, "initial_interview")
        # Booked meanwhile (as the dialog does): the list says so once it closes.
        world.store.schedule.book(
            world.reception,
            Booking(joulu.id, world.coach.id, local_moment(date(2026, 12, 28), time(9)),
                    kind="initial_interview"),
        )  # fmt: skip
        await pilot.press("escape")
        await settled(pilot)
        assert pilot.app.screen is screen
        booked = line_of(pilot, "30.12.2026")
        assert "✓ varattu" in booked and "28.12.2026" in booked
        assert table.cursor_row == 2  # the same review stays selected


async def test_enter_opens_the_selected_clients_card(world: World, clock: FixedClock) -> None:
    clients = caseload(world, clock)
    async with make_app(world.path, clock=clock).run_test(size=(80, 24)) as pilot:
        await open_reviews(pilot, world)
        await pilot.press("enter")
        await settled(pilot)
        card = pilot.app.screen
        assert isinstance(card, ClientCardScreen)
        assert card.client_id == clients["juhannus"].id
        await pilot.press("escape")
        await settled(pilot)
        assert isinstance(pilot.app.screen, ReviewsScreen)


async def test_an_empty_list_says_so_in_swedish(world: World, clock: FixedClock) -> None:
    async with make_app(world.path, lang="sv", clock=clock).run_test(size=(80, 24)) as pilot:
        await open_reviews(pilot, world)
        assert "Inga försenade möten och inga som förfaller inom 14 dagar." in screen_text(pilot)
