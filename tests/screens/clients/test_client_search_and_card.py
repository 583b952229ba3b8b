"""Finding a client, opening the card, correcting it, registering a new one, blanking."""

from __future__ import annotations

from textual.widgets import Input

from screens.clients.client_card import ClientCardScreen
from screens.shell.dialogs import ConfirmDiscard
from screens.shell.today import TodayScreen
from tui.app import make_app

from ..helpers import log_in, open_card, screen_text

ELIN_HETU = "020304A930R"  # valid: a temporary individual number, check character R


async def test_typing_part_of_a_name_lists_the_client_with_a_masked_hetu(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        await pilot.press(*"maki")
        await pilot.pause()
        text = screen_text(pilot)
        assert "Mäkinen Anna" in text
        assert "Mäki-Jokela Pekka" in text
        assert "Östman" not in text
        assert "010190-***" in text
        assert world.clients["makinen"].hetu not in text


async def test_enter_opens_the_card_and_logs_the_view(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        await pilot.press(*"östm", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ClientCardScreen)
        assert app.screen.query_one("#first_name", Input).value == "Åsa"
    views = world.store.audit.events(action="view")
    assert [(e.client_id, e.staff_id) for e in views] == [
        (world.clients["ostman"].id, world.reception.id)
    ]


async def test_invalid_hetu_is_shown_at_the_field_and_nothing_typed_is_lost(world, clock):
    client = world.clients["makinen"]
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        card = await open_card(pilot, client.id)
        card.query_one("#phone", Input).value = "050 987 6543"
        hetu = card.query_one("#hetu", Input)
        hetu.value = "010190-900X"  # wrong check character
        hetu.focus()
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = str(card.query_one("#error-hetu").render())
        assert "Henkilötunnus" in error and "tarkistusmerkki" in error.lower()
        assert card.query_one("#phone", Input).value == "050 987 6543"
        assert card.query_one("#hetu", Input).value == "010190-900X"
        assert world.store.clients.search("050 987") == []  # nothing saved yet
        # Fix it and save: the corrected phone reaches the database.
        hetu.value = client.hetu
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert str(card.query_one("#error-hetu").render()) == ""
    saved = world.store.clients.open(world.admin, client.id)
    assert saved.phone == "+358509876543"
    updates = world.store.audit.events(action="update")
    assert [(e.client_id, e.purpose) for e in updates] == [(client.id, "phone")]


async def test_leaving_a_field_shows_its_error_right_away(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        card = await open_card(pilot, world.clients["ostman"].id)
        card.query_one("#birth_date", Input).value = "31.2.1961"
        card.query_one("#birth_date", Input).focus()
        await pilot.press("tab")
        await pilot.pause()
        assert "Syntymäaika" in str(card.query_one("#error-birth_date").render())
        # Fields the user has not touched stay quiet.
        assert str(card.query_one("#error-hetu").render()) == ""


async def test_escape_with_unsaved_changes_asks_first(world, clock):
    client = world.clients["ostman"]
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        app.push_screen(ClientCardScreen(client.id))
        await pilot.pause()
        app.screen.query_one("#municipality", Input).value = "Raisio"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDiscard)
        await pilot.press("escape")  # keep editing
        await pilot.pause()
        assert isinstance(app.screen, ClientCardScreen)
        assert app.screen.query_one("#municipality", Input).value == "Raisio"
        await pilot.press("escape", "enter")  # ask again, then discard
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert world.store.clients.open(world.admin, client.id).municipality is None


async def test_escape_without_changes_goes_straight_back(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        app.push_screen(ClientCardScreen(world.clients["ostman"].id))
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


async def test_no_match_enter_offers_a_new_client_prefilled(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        await pilot.press(*"Lindqvist", "enter")
        await pilot.pause()
        card = app.screen
        assert isinstance(card, ClientCardScreen)
        assert card.query_one("#last_name", Input).value == "Lindqvist"
        card.query_one("#first_name", Input).value = "Elin"
        card.query_one("#hetu", Input).value = ELIN_HETU
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Asiakaskortti: Lindqvist Elin" in screen_text(pilot)
    [match] = world.store.clients.search("lindq")
    assert (match.first_name, match.hetu) == ("Elin", ELIN_HETU)
    created = world.store.audit.events(action="create", client_id=match.id)
    assert [e.staff_id for e in created] == [world.reception.id]


async def test_blank_key_hides_names_and_hetus_until_pressed_again(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        await pilot.press(*"mäkinen")
        await pilot.pause()
        assert "Mäkinen Anna" in screen_text(pilot)
        await pilot.press("f12")
        await pilot.pause()
        text = screen_text(pilot)
        assert "Mäkinen" not in text and "Anna" not in text
        assert "mäkinen" not in text  # not even what was typed
        assert "M. A." in text
        assert "010190" not in text
        assert "◼ PIILOTETTU" in text
        # The card too: nothing personal is drawn while blanked.
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(pilot)
        assert "Mäkinen" not in text and world.clients["makinen"].hetu not in text
        await pilot.press("f12")
        await pilot.pause()
        assert world.clients["makinen"].hetu in screen_text(pilot)
