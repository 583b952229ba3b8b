"""F3 with a client's three readings, as a coach and client look at it together: the
picture, a comparison and back, the picture as text, and a suggestion taken onto the path."""

from __future__ import annotations

from textual.pilot import Pilot

from screens.kompassi.compare_dialog import CompareDialog
from screens.kompassi.kompassi_screen import KompassiScreen
from screens.kompassi.suggestions_screen import SuggestionsScreen
from screens.shell.today import TodayScreen
from tui.app import make_app

from ..helpers import screen_text, settled, still
from .helpers import open_kompassi
from .test_picture import three_readings


def test_f3_picture_of_three_readings_at_80x24(snap_compare, world, clock, helsinki_desk):
    three_readings(world)
    makinen = world.clients["makinen"].id

    async def run_before(pilot: Pilot) -> None:
        await still(pilot)
        await open_kompassi(pilot, makinen)
        await still(pilot)

    assert snap_compare(
        make_app(world.path, clock=clock, lang="fi"), terminal_size=(80, 24), run_before=run_before
    )


async def test_a_comparison_is_left_with_esc_before_the_screen_is(world, clock):
    three_readings(world)
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_kompassi(pilot, world.clients["makinen"].id)
        text = screen_text(pilot)
        assert "Alku" in text and "1.6.2026" in text and "20.11.2026" in text
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, CompareDialog)
        await pilot.press("1", "2")  # the baseline beside the first follow-up
        await settled(pilot)
        assert app.screen is screen
        text = screen_text(pilot)
        assert "1.9.2026" in text and "20.11.2026" not in text.split("────")[-1]
        # Esc first brings back baseline, previous and latest; only then leaves F3.
        await pilot.press("escape")
        await settled(pilot)
        assert app.screen is screen and "20.11.2026" in screen_text(pilot).split("────")[-1]
        await pilot.press("escape")
        await settled(pilot)
        assert isinstance(app.screen, TodayScreen)


async def test_t_shows_the_picture_as_sentences_a_screen_reader_can_read(world, clock):
    three_readings(world)
    app = make_app(world.path, clock=clock, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_kompassi(pilot, world.clients["makinen"].id)
        assert "▲" in screen_text(pilot)
        await pilot.press("t")
        await settled(pilot)
        text = screen_text(pilot)
        assert "Finances" in text and "▒" not in text and "█" not in text
        assert "skipped" in text


async def test_a_suggestion_accepted_from_f3_lands_on_the_service_path(world, clock):
    three_readings(world)  # the latest: työllisyys 5, low
    makinen = world.clients["makinen"].id
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_kompassi(pilot, makinen)
        await pilot.press("e")
        await settled(pilot)
        assert isinstance(app.screen, SuggestionsScreen)
        assert "Työnhakuvalmennus" in screen_text(pilot)
        await pilot.press("enter")  # the first suggestion; its start date: today
        await pilot.pause()
        await pilot.press("enter")
        await settled(pilot)
        assert "on nyt asiakkaan palvelupolulla" in screen_text(pilot)
        await pilot.press("escape")
        await settled(pilot)
        assert isinstance(app.screen, KompassiScreen) and app.screen is screen
    path = world.store.paths.view(world.coach, makinen)
    [step] = path.steps
    assert step.status == "planned" and step.goal is not None and "Kompassi" in step.goal
    decisions = world.store.db.execute(
        "SELECT decision, step_id FROM kompassi_suggestion WHERE client_id = ?", [makinen]
    ).fetchall()
    assert decisions == [("accepted", step.id)]
