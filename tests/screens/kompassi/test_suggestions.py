"""The suggestions screen (F3, e) in the real app, keyboard only: an accepted suggestion
lands on the client's service path, a rejected one keeps its reason, and a bad date is
told next to its field with what was typed kept."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input

from screens.kompassi.suggestion_dialogs import AcceptDialog, RejectDialog
from screens.kompassi.suggestions_screen import SuggestionsScreen
from store.kompassi.models import Reading
from store.sample.accounts import add_demo_account
from tests.conftest import World
from tests.store.kompassi.readings import finished_reading
from tui.app import make_app

from ..helpers import log_in, screen_text, settled


async def open_suggestions(
    pilot, client_id: str, reading_id: str, closed: list[bool | None], username: str = "valmentaja"
) -> None:
    """Log in and push the screen as F3's key e does; what it returns goes to `closed`."""
    await log_in(pilot, username)
    pilot.app.push_screen(SuggestionsScreen(client_id, reading_id), closed.append)
    await settled(pilot)
    assert isinstance(pilot.app.screen, SuggestionsScreen)


@pytest.fixture
def client_id(world: World) -> str:
    return world.clients["makinen"].id  # her own coach is world.coach


@pytest.fixture
def reading(world: World, client_id: str) -> Reading:
    return finished_reading(world.store, world.coach, client_id)


async def test_an_accepted_suggestion_lands_on_the_service_path(
    world: World, clock, client_id: str, reading: Reading
):
    closed: list[bool | None] = []
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_suggestions(pilot, client_id, reading.id, closed)
        text = screen_text(pilot)
        assert "Palveluehdotukset: alkumittaus 28.11.2026" in text
        assert "Työllisyystilanne  2 Vaikeaa" in text and "→ Työnhakuvalmennus" in text
        assert "Terveys" not in text  # skipped: never a suggestion
        await pilot.press("down", "down")  # työllisyys has two services; then talous
        await pilot.press("enter")
        await settled(pilot)
        dialog = app.screen
        assert isinstance(dialog, AcceptDialog)
        start = dialog.query_one("#planned_start", Input)
        assert start.value == "28.11.2026"  # today
        start.value = "31.2.2027"
        await pilot.press("enter")
        await settled(pilot)
        assert app.screen is dialog and start.value == "31.2.2027"
        assert "Suunniteltu alku: päivää 31.2.2027 ei" in screen_text(pilot)
        start.value = "7.12.2026"
        await pilot.press("enter")
        await settled(pilot)
        assert isinstance(app.screen, SuggestionsScreen)
        text = screen_text(pilot)
        assert "✓ hyväksytty, polulla: ○ suunniteltu 7.12.2026" in text
        assert "Talous- ja velkaneuvonta on nyt asiakkaan palvelupolulla" in text
        await pilot.press("a")  # the same one again: said, not done twice
        await settled(pilot)
        assert isinstance(app.screen, SuggestionsScreen)
        assert "Ehdotus on jo hyväksytty" in screen_text(pilot)
        await pilot.press("escape")
        await settled(pilot)
    assert closed == [True]
    path = world.store.paths.current_path(client_id)
    assert path is not None
    [step] = world.store.paths.steps(path.id)
    assert step.service_id == world.store.catalog.services_by_code()["velkaneuvonta"].id
    assert (step.status, step.planned_start) == ("planned", date(2026, 12, 7))
    assert step.goal == "Kompassi: Talous (3)"
    decided = world.store.kompassi_suggestions.suggestions(world.coach, reading.id)
    talous = next(s for s in decided if s.domain_code == "talous")
    assert (talous.decision, talous.step_id) == ("accepted", step.id)


async def test_a_rejected_suggestion_keeps_its_reason(
    world: World, clock, client_id: str, reading: Reading
):
    closed: list[bool | None] = []
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_suggestions(pilot, client_id, reading.id, closed)
        await pilot.press("end")  # the last: osaaminen 7 (middle) → career coaching
        await pilot.press("r")
        await settled(pilot)
        assert isinstance(app.screen, RejectDialog)
        await pilot.press(*"Ei nyt", "enter")
        await settled(pilot)
        assert isinstance(app.screen, SuggestionsScreen)
        text = screen_text(pilot)
        assert "✗ hylätty: “Ei nyt”" in text
        await pilot.press("escape")
        await settled(pilot)
    assert closed == [True]
    shown = world.store.kompassi_suggestions.suggestions(world.coach, reading.id)
    osaaminen = next(s for s in shown if s.domain_code == "osaaminen")
    assert (osaaminen.service_code, osaaminen.decision) == ("uravalmennus", "rejected")
    assert osaaminen.reason == "Ei nyt"
    assert world.store.paths.current_path(client_id) is None  # nothing planned


async def test_a_reading_that_suggests_nothing_says_so(world: World, clock, client_id: str):
    reading = finished_reading(world.store, world.coach, client_id, {"talous": 9, "terveys": 8})
    closed: list[bool | None] = []
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_suggestions(pilot, client_id, reading.id, closed)
        assert "Tämä mittaus ei ehdota palveluja" in screen_text(pilot)
        await pilot.press("a")  # nothing to accept: nothing happens
        await settled(pilot)
        assert isinstance(app.screen, SuggestionsScreen)
        await pilot.press("escape")
        await settled(pilot)
    assert closed == [False]


async def test_another_coach_is_refused_and_sees_no_scores(
    world: World, clock, client_id: str, reading: Reading
):
    add_demo_account(world.store.ctx, "valmentaja2", "Koski Kalle", "coach", world.site.id)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_suggestions(pilot, client_id, reading.id, [], username="valmentaja2")
        text = screen_text(pilot)
        assert "Kompassi-vastaukset näkee vain asiakkaan oma valmentaja" in text
        assert "Työllisyystilanne" not in text and "Vaikeaa" not in text
        await pilot.press("a")
        await settled(pilot)
        assert isinstance(app.screen, SuggestionsScreen)  # no dialog: nothing to decide
    assert world.store.kompassi_suggestions.suggestions(world.coach, reading.id)[0].decision is None
