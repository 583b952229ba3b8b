"""The calendar export dialog (a key on F5) in the real app: its defaults, a file written by
keys, and refusals shown next to their fields with what was typed kept."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from icalendar import Calendar
from textual.widgets import Input

from screens.schedule.export_dialog import CalendarExportDialog
from store.exports.calendar_file import CalendarFile
from store.sample.accounts import add_demo_account
from store.schedule.models import Booking
from tests.conftest import World
from tui.app import make_app

from ..helpers import log_in, messages, screen_text, settled

# Monday 30.11.2026 10:00 in Helsinki; the fixed clock is Saturday 28.11.2026.
MONDAY_10 = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def _book(world: World) -> None:
    world.store.schedule.book(
        world.reception,
        Booking(client_id=world.clients["makinen"].id, coach_id=world.coach.id,
                starts_at=MONDAY_10, kind="job_search"),
    )  # fmt: skip


async def _type(pilot, text: str) -> None:
    """Clear the focused input and type `text`, key by key."""
    await pilot.press("ctrl+a", "ctrl+k", *text)


async def test_a_coach_writes_their_calendar_by_keys(world: World, clock, tmp_path: Path):
    _book(world)
    written: list[CalendarFile | None] = []
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "valmentaja")
        app.push_screen(CalendarExportDialog(world.coach.id, folder=tmp_path), written.append)
        await settled(pilot)
        dialog = app.screen
        assert isinstance(dialog, CalendarExportDialog)
        text = screen_text(pilot)
        assert "Vie kalenteri: Virtanen Liisa" in text
        assert "nimikirjaimet" in text
        assert dialog.query_one("#calendar-from", Input).value == "21.11.2026"
        assert dialog.query_one("#calendar-to", Input).value == "23.1.2027"
        default = tmp_path / "kalenteri-valmentaja-2026-11-21_2027-01-23.ics"
        assert dialog.query_one("#calendar-path", Input).value == str(default)
        # Shift+Tab back to the last day, a week only, then Enter writes.
        await pilot.press("shift+tab")
        assert app.focused is dialog.query_one("#calendar-to", Input)
        await _type(pilot, "6.12.2026")
        await pilot.press("enter")
        await settled(pilot)
        assert not isinstance(app.screen, CalendarExportDialog)
        assert any(note.startswith("1 tapahtuma viety:") for note in messages(app))
    [result] = written
    assert result is not None and result.path == default
    assert result.last_day.isoformat() == "2026-12-06"
    [event] = Calendar.from_ical(default.read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "A. M. — työnhakukeskustelu"
    [logged] = [e for e in world.store.audit.events(action="export") if e.client_id is None]
    assert (logged.entity, logged.staff_id) == ("calendar", world.coach.id)


async def test_refusals_are_shown_at_their_fields(world: World, clock, tmp_path: Path):
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "vastaanotto")
        app.push_screen(CalendarExportDialog(world.coach.id, folder=tmp_path))
        await settled(pilot)
        dialog = app.screen
        start = dialog.query_one("#calendar-from", Input)
        path = dialog.query_one("#calendar-path", Input)
        start.value = "31.11.2026"
        path.value = str(tmp_path / "kalenteri.txt")
        path.focus()
        await pilot.press("enter")
        await settled(pilot)
        assert app.screen is dialog
        shown = screen_text(pilot)
        assert "31.11.2026" in dialog.query_one("#error-calendar-from").render().plain
        assert "päättyä .ics" in dialog.query_one("#error-calendar-path").render().plain
        assert "⚠" in shown
        assert start.value == "31.11.2026"  # nothing typed is lost
        start.value = "1.12.2026"
        path.value = str(tmp_path / "kalenteri.ics")
        await pilot.press("enter")
        await settled(pilot)
        assert not isinstance(app.screen, CalendarExportDialog)
    assert (tmp_path / "kalenteri.ics").is_file()


async def test_another_teams_coach_is_told_and_nothing_is_written(
    world: World, clock, tmp_path: Path
):
    add_demo_account(world.store.ctx, "toinen", "Toinen Tiina", "coach", world.site.id)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "toinen")
        app.push_screen(CalendarExportDialog(world.coach.id, folder=tmp_path))
        await settled(pilot)
        dialog = app.screen
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert app.screen is dialog
        notice = dialog.query_one("#calendar-notice").render().plain
        assert "Voit viedä vain oman ja tiimisi kalenterin." in notice
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CalendarExportDialog)
    assert not list(tmp_path.glob("*.ics"))
