"""The Kompassi picture on screen: scores, changes, skipped never a zero, the text lines,
comparing two readings through the dialog, and a snapshot at 80×24 beside a list."""

from __future__ import annotations

from datetime import date

import pytest
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from screens.kompassi.compare_dialog import CompareDialog
from screens.kompassi.picture_view import KompassiPicture
from store.kompassi.models import KompassiView
from tests.conftest import World
from tui.app import LuotsiApp

from ..helpers import screen_text

DAYS = (date(2026, 6, 1), date(2026, 9, 1), date(2026, 11, 20))
# Per domain the three readings' answers: a score, "skip", or None (not answered).
ANSWERS: dict[str, tuple[int | str | None, ...]] = {
    "talous": (3, 5, 8),
    "osallisuus": (6, 7, 6),
    "osaaminen": (4, 4, 7),
    "psyykkinen": (5, "skip", "skip"),
    "arki": (7, 8, 9),
    "tyollisyys": (2, 3, 5),
    "terveys": (8, 8, 7),
    "tyokyky": (None, 5, 6),
}


def three_readings(world: World) -> KompassiView:
    """A baseline and two follow-ups typed in from paper, as a coach does."""
    kompassi, coach = world.store.kompassi, world.coach
    client_id = world.clients["makinen"].id
    for n, day in enumerate(DAYS):
        draft = kompassi.start(coach, client_id, mode="paper", filled_on=day)
        for code, answers in ANSWERS.items():
            if answers[n] == "skip":
                kompassi.answer(coach, draft.id, code, skipped=True)
            elif isinstance(answers[n], int):
                kompassi.answer(coach, draft.id, code, score=answers[n])
        kompassi.finish(coach, draft.id)
    return kompassi.view(coach, client_id)


class PictureApp(App[None]):
    """The picture beside a 20-column stand-in for F3's readings list, as F3 lays it out."""

    CSS_PATH = LuotsiApp.CSS_PATH

    def __init__(self, view: KompassiView, lang: str = "fi") -> None:
        super().__init__()
        self.view, self.lang = view, lang
        self.store, self.session, self.blanked, self.desk = None, None, False, ""

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static("Mittaukset\n1.6.2026\n1.9.2026\n20.11.2026", id="list")
            yield KompassiPicture(id="picture")

    def on_mount(self) -> None:
        self.query_one("#list").styles.width = 20
        picture = self.query_one(KompassiPicture)
        picture.show(self.view)
        picture.focus()


def line_of(text: str, label: str) -> str:
    return next(line for line in text.splitlines() if label in line)


@pytest.fixture
def view(world: World) -> KompassiView:
    return three_readings(world)


async def test_bars_show_scores_changes_and_skipped_not_zero(view: KompassiView):
    async with PictureApp(view).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(pilot)
        assert "1.6.2026" in text and "1.9.2026" in text and "20.11.2026" in text
        talous = line_of(text, "Talous")
        assert " 3 V" in talous and " 5 V" in talous and " 8 H" in talous
        assert "▲ +5" in talous and "▲ +3" in talous
        osallisuus = line_of(text, "Osallisu")
        assert "= 0" in osallisuus and "▼ −1" in osallisuus
        psyykkinen = line_of(text, "Psyykkin")
        assert psyykkinen.count("ohitettu") == 2 and " 0 " not in psyykkinen
        assert " 5 V" in psyykkinen  # the baseline's own score is still there
        tyokyky = line_of(text, "Työkyky")
        assert "–" in tyokyky and " 0 " not in tyokyky
        assert "V = Vaikeaa 0–5" in text  # the band letters explained without colour


async def test_the_text_lines_say_the_same_in_swedish(view: KompassiView):
    async with PictureApp(view, lang="sv").run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        picture = pilot.app.query_one(KompassiPicture)
        lines = picture.text_lines()
        ekonomi = next(line for line in lines if line.startswith("Ekonomi"))
        assert "utgångsmätning 1.6.2026: 3 (Svårt)" in ekonomi
        assert "ändring från start ▲ +5" in ekonomi and "alla mätningar: 3, 5, 8" in ekonomi
        psykiskt = next(line for line in lines if line.startswith("Psykiskt"))
        assert "20.11.2026: överhoppad" in psykiskt and "kan inte räknas" in psykiskt
        await pilot.press("t")  # the same sentences on screen instead of the bars
        await pilot.pause()
        assert "utgångsmätning 1.6.2026" in screen_text(pilot)
        assert "▒ S = Svårt" not in screen_text(pilot)


async def test_comparing_reading_one_with_two_through_the_dialog(view: KompassiView):
    app = PictureApp(view)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, CompareDialog)
        first, second = dialog.query(OptionList)
        assert first.highlighted == 0 and second.highlighted == 2  # baseline and latest
        assert "1.9.2026 seurantamittaus" in screen_text(pilot)
        await pilot.press("enter")  # the baseline as the first; on to the second list
        assert second.has_focus
        await pilot.press("up", "up")
        await pilot.press("enter")
        assert "Valitse kaksi eri mittausta." in screen_text(pilot)  # the same one twice
        await pilot.press("down", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, CompareDialog)
        text = screen_text(pilot)
        assert "20.11.2026" not in line_of(text, "1.6.2026")  # two columns only now
        talous = line_of(text, "Talous")
        assert " 3 V" in talous and " 5 V" in talous and "▲ +2" in talous
        assert " 8 H" not in talous
        await pilot.press("escape")  # back to baseline, previous, latest
        await pilot.pause()
        assert "▲ +3" in line_of(screen_text(pilot), "Talous")


async def test_two_digits_compare_the_readings_so_numbered(view: KompassiView):
    app = PictureApp(view)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("v", "3", "2")  # chosen newer first: still shown oldest first
        await pilot.pause()
        assert not isinstance(app.screen, CompareDialog)
        talous = line_of(screen_text(pilot), "Talous")
        assert " 5 V" in talous and " 8 H" in talous and "▲ +3" in talous
        assert " 3 V" not in talous


async def test_escape_in_the_dialog_keeps_the_picture(view: KompassiView):
    app = PictureApp(view)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("v", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, CompareDialog)
        assert "▲ +3" in line_of(screen_text(pilot), "Talous")


async def test_no_finished_readings_say_so(world: World):
    empty = world.store.kompassi.view(world.coach, world.clients["makinen"].id)
    async with PictureApp(empty, lang="en").run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "No finished readings yet." in screen_text(pilot)


def test_snapshot_beside_the_readings_list_at_80x24(snap_compare, world: World):
    view = three_readings(world)

    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()

    assert snap_compare(PictureApp(view), terminal_size=(80, 24), run_before=run_before)
