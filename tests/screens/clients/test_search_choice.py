"""The client search on the Today screen: Enter opens a card only for a chosen client."""

from __future__ import annotations

from screens.clients.client_card import ClientCardScreen
from screens.clients.client_search import ClientSearch
from screens.shell.today import TodayScreen
from tui.app import make_app

from ..helpers import log_in


async def test_enter_with_several_matches_opens_no_card_until_one_is_chosen(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        await pilot.press(*"maki", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen), "a card opened for the first of two"
        search = app.screen.query_one(ClientSearch)
        assert str(search.status.render()) == "⚠ Osumia 2: valitse ensin ↑↓, sitten Enter"
        assert world.store.audit.events(action="view") == []  # nobody's data was shown
        await pilot.press("down", "down")
        assert str(search.status.render()).startswith("Osumia 2 ·")  # the warning is done
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ClientCardScreen)
    [view] = world.store.audit.events(action="view")
    assert view.client_id == world.clients["makinen"].id  # Mäki-Jokela first, then Mäkinen
