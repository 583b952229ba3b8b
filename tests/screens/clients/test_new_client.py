"""The desk's new-client form through the real app: likely duplicates, mistyped HETUs,
misplaced input, capitals and where the cursor goes after a failed save."""

from __future__ import annotations

from textual.widgets import Input

from screens.clients.client_search import ClientSearch
from screens.clients.new_client_dialog import NewClientDialog
from screens.desk.walk_in import WalkInScreen
from tui.app import make_app

from ..helpers import open_desk


def client_count(world) -> int:
    return world.store.db.execute("SELECT count(*) FROM client").fetchone()[0]


def text_of(dialog: NewClientDialog, widget_id: str) -> str:
    return str(dialog.query_one(f"#{widget_id}").render())


async def new_client_from_search(pilot, typed: str) -> NewClientDialog:
    """At the desk, search for what was typed, find nobody and press Enter."""
    desk = await open_desk(pilot)
    desk.query_one(ClientSearch).input.value = typed
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, NewClientDialog)
    return dialog


async def test_a_surname_one_letter_off_warns_and_saves_nothing_until_confirmed(world, clock):
    before = client_count(world)
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        dialog = await new_client_from_search(pilot, "Mäkinin Anna")
        dialog.query_one("#birth_date", Input).value = "1.1.1990"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NewClientDialog)
        notice = text_of(dialog, "newclient-notice")
        assert "Mahdollisesti sama henkilö: Mäkinen Anna (1.1.1990)" in notice
        assert client_count(world) == before
        await pilot.press("ctrl+s")  # the same values again: save as new after all
        await pilot.pause()
        assert isinstance(app.screen, WalkInScreen)
    assert client_count(world) == before + 1
    assert [m.last_name for m in world.store.clients.search("1.1.1990")] == ["Mäkinen", "Mäkinin"]


async def test_a_wrong_check_character_says_so_and_offers_the_people_born_that_day(world, clock):
    anna = world.clients["makinen"]
    wrong = anna.hetu[:10] + ("A" if anna.hetu[10] != "A" else "B")
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        dialog = await new_client_from_search(pilot, wrong)
        assert dialog.query_one("#hetu", Input).value == wrong
        dialog.query_one("#last_name", Input).value = "Makinen"
        dialog.query_one("#first_name", Input).value = "Anna"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "tarkistusmerkki on väärä" in text_of(dialog, "error-hetu")
        assert "Syntynyt samana päivänä: Mäkinen Anna (1.1.1990)" in text_of(
            dialog, "newclient-notice"
        )
        assert app.focused is dialog.query_one("#hetu")
        await pilot.press("ctrl+o")  # take the one offered
        await pilot.pause()
        assert isinstance(app.screen, WalkInScreen)
        await pilot.press("1", "enter")
        await pilot.pause()
    [visit] = world.store.visits.queue(world.site.id)
    assert visit.client_id == anna.id
    assert world.store.clients.search(wrong) == []


async def test_a_wrong_century_sign_is_a_hetu_with_the_sign_message(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        dialog = await new_client_from_search(pilot, "010190g923e")
        assert dialog.query_one("#hetu", Input).value == "010190G923E"
        assert dialog.query_one("#last_name", Input).value == ""
        dialog.query_one("#last_name", Input).value = "Virtanen"
        dialog.query_one("#first_name", Input).value = "Liisa"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "välimerkki on väärä" in text_of(dialog, "error-hetu")
        assert text_of(dialog, "error-last_name") == ""
        assert app.focused is dialog.query_one("#hetu")


async def test_after_a_failed_save_the_cursor_is_in_the_first_field_with_an_error(world, clock):
    before = client_count(world)
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        dialog = await new_client_from_search(pilot, "Virtanen R2")
        dialog.query_one("#birth_date", Input).value = "31.2.1990"
        dialog.query_one("#phone", Input).focus()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Etunimi" in text_of(dialog, "error-first_name")
        assert "Syntymäaika" in text_of(dialog, "error-birth_date")
        assert app.focused is dialog.query_one("#first_name")
        assert dialog.query_one("#first_name", Input).value == "R2"  # nothing typed is lost
    assert client_count(world) == before


async def test_a_date_typed_into_the_hetu_field_goes_to_the_birth_date(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        dialog = await new_client_from_search(pilot, "rautavaara aino")
        dialog.query_one("#hetu", Input).focus()
        await pilot.press(*"3.4.1985", "tab")
        await pilot.pause()
        assert dialog.query_one("#hetu", Input).value == ""
        assert dialog.query_one("#birth_date", Input).value == "3.4.1985"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WalkInScreen)
    # Typed in lower case, stored with the usual capitals.
    [match] = world.store.clients.search("3.4.1985")
    assert (match.last_name, match.first_name) == ("Rautavaara", "Aino")


async def test_a_surname_with_capitals_is_kept_as_typed(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        dialog = await new_client_from_search(pilot, "af forselles")
        dialog.query_one("#first_name", Input).value = "McKenzie"
        dialog.query_one("#birth_date", Input).value = "5.6.1977"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WalkInScreen)
    [match] = world.store.clients.search("5.6.1977")
    assert (match.last_name, match.first_name) == ("af Forselles", "McKenzie")


async def test_a_birth_date_over_110_years_ago_is_refused_at_its_field(world, clock):
    before = client_count(world)
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        dialog = await new_client_from_search(pilot, "Vanha Veikko")
        dialog.query_one("#birth_date", Input).value = "27.11.1916"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "yli 110 vuotta sitten" in text_of(dialog, "error-birth_date")
        assert app.focused is dialog.query_one("#birth_date")
    assert client_count(world) == before
