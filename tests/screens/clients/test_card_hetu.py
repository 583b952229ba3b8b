"""Changing a client's HETU on the card: asked first, logged with both codes; and a date
typed into the HETU field."""

from __future__ import annotations

from textual.widgets import Input

from screens.clients.client_card import ConfirmHetuChange
from store.clients.repository import HETU_CHANGE_ENTITY
from tests.conftest import make_hetu
from tui.app import make_app

from ..helpers import log_in, open_card, screen_text


def hetu_changes(world, client_id: str):
    return [
        e for e in world.store.audit.events(client_id=client_id) if e.entity == HETU_CHANGE_ENTITY
    ]


async def test_a_changed_hetu_is_confirmed_first_and_logged_with_old_and_new(world, clock):
    anna = world.clients["makinen"]
    new_hetu = make_hetu("010190", "-", 901)
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot, "valmentaja")
        card = await open_card(pilot, anna.id)
        card.query_one("#hetu", Input).value = new_hetu.lower()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmHetuChange)
        assert f"{anna.hetu} → {new_hetu}" in screen_text(pilot)
        assert world.store.clients.open(world.admin, anna.id).hetu == anna.hetu
        await pilot.press("escape")  # back to the card: nothing saved, nothing lost
        await pilot.pause()
        assert app.screen is card
        assert card.query_one("#hetu", Input).value == new_hetu.lower()
        assert app.focused is card.query_one("#hetu")
        assert world.store.clients.open(world.admin, anna.id).hetu == anna.hetu
        assert hetu_changes(world, anna.id) == []
        await pilot.press("ctrl+s", "enter")
        await pilot.pause()
        assert app.screen is card
        assert card.query_one("#hetu", Input).value == new_hetu
    assert world.store.clients.open(world.admin, anna.id).hetu == new_hetu
    [change] = hetu_changes(world, anna.id)
    assert (change.staff_id, change.purpose) == (world.coach.id, f"{anna.hetu} → {new_hetu}")


async def test_a_card_saved_without_changing_the_hetu_asks_nothing(world, clock):
    anna = world.clients["makinen"]
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot, "valmentaja")
        card = await open_card(pilot, anna.id)
        card.query_one("#municipality", Input).value = "Raisio"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is card
    assert world.store.clients.open(world.admin, anna.id).municipality == "Raisio"
    assert hetu_changes(world, anna.id) == []


async def test_a_date_typed_into_the_cards_hetu_field_goes_to_the_birth_date(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        card = await open_card(pilot, None)
        card.query_one("#last_name", Input).value = "Lindqvist"
        card.query_one("#first_name", Input).value = "Elin"
        assert app.focused is card.query_one("#hetu")
        await pilot.press(*"2.3.2004", "tab")
        await pilot.pause()
        assert card.query_one("#hetu", Input).value == ""
        assert card.query_one("#birth_date", Input).value == "2.3.2004"
        assert str(card.query_one("#error-hetu").render()) == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
    [match] = world.store.clients.search("lindqvist")
    assert (match.hetu, match.birth_date.isoformat()) == (None, "2004-03-02")
