"""The Kompassi distance-travelled screen (Ctrl+R, then K) through the real app at 80×24."""

from __future__ import annotations

from textual.widgets import Input, Select

from screens.reports.day_report import DayReportScreen
from screens.reports.kompassi_report import ALL, KompassiReportScreen
from store.sample.accounts import add_demo_account
from tests.store.kompassi.test_report import SIX, travelled
from tui.app import make_app

from ..helpers import log_in, messages, screen_text, settled, wait_until


def _text(pilot) -> str:
    return " ".join(" ".join(line.split()) for line in screen_text(pilot).splitlines())


def _readings(world) -> None:
    for before, after in SIX:
        travelled(world, world.coach, {"talous": before, "arki": 5}, {"talous": after, "arki": 4})


async def _open(pilot, username: str) -> KompassiReportScreen:
    await log_in(pilot, username)
    await pilot.press("ctrl+r")
    await pilot.pause()
    await pilot.press("k")
    await settled(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, KompassiReportScreen)
    return screen


async def test_a_coach_sees_their_clients_distance_travelled_per_domain(world, clock):
    _readings(world)
    app = make_app(world.path, lang="en", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot, "valmentaja")
        text = _text(pilot)
        for expected in (
            "Kompassi – distance travelled 29.11.2025–28.11.2026",
            "Coach: Virtanen Liisa",  # a coach starts from their own caseload
            "Clients with a baseline and a later reading in the range: 6",
            "▲ Up %",  # the direction said in text, not by colour alone
            "Finances 6 +1.5 < 5 < 5 < 5",
        ):
            assert expected in text
        assert "Kompassia" not in text and "Kaisa" not in text
        screen.query_one("#kompassi-report").focus()
        await pilot.press("end")
        # The scroll to the end runs on the app's own time: a busy machine needs a moment.
        await wait_until(
            pilot,
            lambda: "Figures under five clients are shown as “< 5”" in _text(pilot),
            "the report's foot after End",
        )
        assert "Everyday life 6 −1 < 5 100 < 5" in _text(pilot)

        # A bad date is said under its field and what was typed stays.
        field = screen.query_one("#kompassi-to", Input)
        field.value = "31.2.2026"
        field.focus()
        await pilot.press("enter")
        await settled(pilot)
        assert field.value == "31.2.2026"
        assert "⚠ To (d.m.yyyy): the date “31.2.2026” is not valid" in _text(pilot)
        field.value = "31.8.2026"  # before the follow-ups: nobody is in the range
        await pilot.press("enter")
        await settled(pilot)
        assert "in the range: < 5" in _text(pilot) and "⚠" not in _text(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DayReportScreen)
    events = [e for e in world.store.audit.events() if e.entity == "kompassi_report"]
    assert [(e.action, e.client_id) for e in events] == [("view", None), ("view", None)]


async def test_an_admin_chooses_the_site_and_the_coach_by_keyboard(world, clock):
    _readings(world)
    add_demo_account(world.store.ctx, "valmentaja2", "Koski Kalle", "coach", world.site.id)
    app = make_app(world.path, lang="fi", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot, "admin")
        assert "Valmentaja: Kaikki valmentajat" in _text(pilot)
        assert "Talous 6 +1,5 < 5 < 5 < 5" in _text(pilot)
        coach = screen.query_one("#kompassi-coach", Select)
        assert coach.value == ALL
        coach.focus()
        await pilot.press("enter")  # the list opens: all, Koski Kalle, Virtanen Liisa
        await pilot.pause()
        await pilot.press("down", "enter")
        await settled(pilot)
        assert "Valmentaja: Koski Kalle" in _text(pilot)
        assert "Talous < 5 < 5 < 5 < 5 < 5" in _text(pilot)
        site = screen.query_one("#kompassi-site", Select)
        coach.value = world.coach.id
        site.value = world.site.id
        await settled(pilot)
        assert "Toimipiste: Työpiste Keskusta" in _text(pilot)
        assert "Talous 6 +1,5 < 5 < 5 < 5" in _text(pilot)


async def test_reception_is_told_the_report_is_not_theirs_and_the_palette_opens_it(world, clock):
    app = make_app(world.path, lang="en", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, DayReportScreen)
        assert "The Kompassi report is for coaches and admins" in messages(app)
    app = make_app(world.path, lang="en", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "valmentaja")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"kompassi report")
        await settled(pilot)
        await pilot.press("enter")
        await settled(pilot)
        assert isinstance(app.screen, KompassiReportScreen)
        assert "in the range: < 5" in _text(pilot)
