"""The coach's Today screen lists their day: appointments, visitors waiting for them, the
sessions they host, reviews and the worklist; Enter acts on the row."""

from __future__ import annotations

from screens.clients.client_card import ClientCardScreen
from screens.schedule.booking_dialog import BookingDialog
from screens.shell.day_sheet import DaySheetTable
from screens.shell.today import TodayScreen
from store.schedule.models import Booking
from tests.store.schedule.test_day_sheet import (
    AT_13,
    AT_14,
    AT_15,
    add_due_step,
    add_session,
    book,
    check_in,
    transfer_to_coach,
)
from tui.app import make_app

from ..helpers import log_in, messages, screen_text, settled, still, wait_until


def _busy_day(world) -> dict[str, str]:
    """A Saturday with a bit of everything; the clock stands at 12:30."""
    late = book(world, "ostman", AT_15, kind="coaching")
    arrived = book(world, "makinen", AT_13, kind="job_search", channel="phone")
    return {
        "late": late.id,
        "arrived_visit": check_in(world, arrived),
        "transferred": transfer_to_coach(world, "obrien"),
        "session": add_session(world, "Eläkeinfo", AT_14, world.coach.id),
        "step": add_due_step(world),
    }


def _rows(pilot) -> list[list[str]]:
    table = pilot.app.screen.query_one(DaySheetTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def _open_sheet(pilot) -> DaySheetTable:
    await log_in(pilot, "valmentaja")
    await wait_until(pilot, lambda: "Päivän lista 28.11.2026" in screen_text(pilot), "the sheet")
    await pilot.press("ctrl+t")
    table = pilot.app.screen.query_one(DaySheetTable)
    assert table.has_focus
    return table


async def _enter_on(pilot, table: DaySheetTable, index: int) -> None:
    table.move_cursor(row=index, animate=False)
    await pilot.press("enter")
    await settled(pilot)


async def test_a_coach_sees_the_day_in_time_order(world, clock):
    _busy_day(world)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_sheet(pilot)
        assert _rows(pilot) == [
            ["12:30", "Jonossa A002", "O'Brien Sean", "siirretty sinulle"],
            ["13:00", "Työnhakukeskustelu · puhelin", "Mäkinen Anna", "✓ saapunut A001"],
            ["14:00", "Eläkeinfo", "", "0/20 paikkaa"],
            ["15:00", "Valmennustapaaminen", "Östman Åsa", "varattu"],
            ["", "Päättyy pian: Työkokeilu", "Mäkinen Anna", "8.12.2026"],
        ]
        text = screen_text(pilot)
        assert "Päivän lista 28.11.2026: 5" in text
        # Every column in view at 80 columns.
        assert "✓ saapunut A001" in text and "8.12.2026" in text


async def test_enter_calls_the_visitor_passed_to_me_and_the_client_who_arrived(world, clock):
    ids = _busy_day(world)
    app = make_app(world.path, clock=clock, desk="5")
    async with app.run_test(size=(80, 24)) as pilot:
        table = await _open_sheet(pilot)
        await _enter_on(pilot, table, 0)
        visit = world.store.visits.get(ids["transferred"])
        assert (visit.state, visit.desk, visit.called_by) == ("called", "5", world.coach.id)
        assert "A002 O'Brien Sean kutsuttu pisteelle 5" in messages(pilot.app)
        await wait_until(pilot, lambda: _rows(pilot)[0][3] == "kutsuttu (5)", "the call shown")
        # The desk has a visitor still: the next call is refused, saying who.
        await _enter_on(pilot, table, 1)
        assert world.store.visits.get(ids["arrived_visit"]).state == "waiting"
        assert any("Pisteellä 5 on vielä A002" in m for m in messages(pilot.app))
        world.store.visits.change_state(world.coach, ids["transferred"], "done")
        await _enter_on(pilot, table, 1)
        assert world.store.visits.get(ids["arrived_visit"]).state == "called"
        assert "A001 Mäkinen Anna kutsuttu pisteelle 5" in messages(pilot.app)


async def test_enter_opens_the_client_the_session_list_and_the_path(world, clock):
    ids = _busy_day(world)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await _open_sheet(pilot)
        # An appointment whose client is not here yet: their card.
        await _enter_on(pilot, table, 3)
        screen = pilot.app.screen
        assert isinstance(screen, ClientCardScreen)
        assert screen.client_id == world.clients["ostman"].id
        await pilot.press("escape")
        await settled(pilot)
        assert isinstance(pilot.app.screen, TodayScreen)
        # The session: the group sessions from that day.
        await _enter_on(pilot, pilot.app.screen.query_one(DaySheetTable), 2)
        screen = pilot.app.screen
        assert type(screen).__name__ == "GroupSessionsScreen"
        assert str(getattr(screen, "first_day", None)) == "2026-11-28"
        pilot.app.pop_screen()
        await settled(pilot)
        # A worklist item: the path at the step.
        await _enter_on(pilot, pilot.app.screen.query_one(DaySheetTable), 4)
        screen = pilot.app.screen
        assert type(screen).__name__ == "ServicePathScreen"
        assert (getattr(screen, "client_id", None), getattr(screen, "step_id", None)) == (
            world.clients["makinen"].id,
            ids["step"],
        )


async def test_the_sheet_follows_the_desk_while_it_is_shown(world, clock, monkeypatch):
    monkeypatch.setattr(TodayScreen, "refresh_seconds", 0.1)
    arrived = book(world, "makinen", AT_13)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_sheet(pilot)
        assert _rows(pilot)[0][3] == "varattu"
        check_in(world, arrived)  # at the desk, meanwhile
        await wait_until(
            pilot, lambda: _rows(pilot)[0][3] == "✓ saapunut A001", "the check-in", pauses=400
        )


async def test_the_sheet_is_read_again_on_coming_back_to_today(world, clock):
    arrived = book(world, "makinen", AT_13)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await _open_sheet(pilot)
        await _enter_on(pilot, table, 0)
        assert isinstance(pilot.app.screen, ClientCardScreen)
        check_in(world, arrived)  # at the desk, while the coach reads the card
        await pilot.press("escape")
        await settled(pilot)
        assert _rows(pilot)[0][3] == "✓ saapunut A001"


async def test_enter_on_a_review_books_it_at_the_next_free_time(world, clock):
    """Needs `Store.reviews.due` (the reviews helper's): a placeholder on main returns []."""
    raw = {"last_name": "Koski", "first_name": "Eero", "birth_date": "2.2.1990",
           "jobseeker_since": "2.11.2026", "coach_id": world.coach.id}  # fmt: skip
    koski = world.store.clients.create(world.admin, raw)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await _open_sheet(pilot)
        reviews = [i for i, row in enumerate(_rows(pilot)) if row[1].startswith("Varaa")]
        assert reviews, "no review on the sheet"
        index = reviews[0]
        assert _rows(pilot)[index][2] == "Koski Eero"
        await _enter_on(pilot, table, index)
        dialog = pilot.app.screen
        assert isinstance(dialog, BookingDialog)
        assert dialog.chosen_client_id == koski.id
        assert dialog.initial_coach_id == world.coach.id
        assert dialog.kind == "initial_interview"
        expected = world.store.schedule.next_free(world.coach.id, koski.id, 45)
        assert dialog.starts_at_given == expected is not None


async def test_reception_keeps_its_today_without_a_day_sheet(world, clock):
    _busy_day(world)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "vastaanotto")
        await settled(pilot)
        assert not pilot.app.screen.query_one("#day-sheet-box").display
        assert "Päivän lista" not in screen_text(pilot)


async def test_wide_terminal_gives_the_names_room(world, clock):
    raw = {"last_name": "Väisänen-Kärkkäinen", "first_name": "Anna-Kaisa",
           "birth_date": "2.2.1990", "coach_id": world.coach.id}  # fmt: skip
    long_name = world.store.clients.create(world.admin, raw)
    booking = Booking(client_id=long_name.id, coach_id=world.coach.id, starts_at=AT_13,
                      kind="kompassi_follow_up")  # fmt: skip
    world.store.schedule.book(world.reception, booking)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(160, 50)) as pilot:
        await _open_sheet(pilot)
        text = screen_text(pilot)
        assert "Kompassi-seurantamittaus" in text
        assert "Väisänen-Kärkkäinen Anna-Kaisa" in text


def test_day_sheet_snapshot(snap_compare, world, clock, helsinki_desk):
    _busy_day(world)

    async def run_before(pilot) -> None:
        await still(pilot)
        await log_in(pilot, "valmentaja")
        await wait_until(pilot, lambda: "Päivän lista" in screen_text(pilot), "the sheet")
        await pilot.press("ctrl+t")
        await still(pilot)

    assert snap_compare(
        make_app(world.path, clock=clock), terminal_size=(80, 24), run_before=run_before
    )
