"""Control characters and markup in the register, through the real app: refused at the
field when typed, and shown harmlessly when already stored."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from screens.clients.client_card import ClientCardScreen
from screens.clients.new_client_dialog import NewClientDialog
from screens.desk.walk_in import WalkInScreen
from tests.faults import raw_connect
from tui.app import make_app

from ..helpers import log_in, screen_text, settled

# Sets the terminal window's title, then paints red: what a hostile import held.
TITLE_ESCAPE = "\x1b]0;pwned\x07"
RED = "\x1b[31m"


def tamper(world) -> None:
    """Write text the store refuses straight into the file, as an old import, another
    program or someone with the file could have."""
    db = world.store.ctx.db
    makinen = world.clients["makinen"].id
    with db.conn:
        db.execute(
            "UPDATE client SET municipality = ?, last_name = ?, email = ? WHERE id = ?",
            [f"Turku{TITLE_ESCAPE}", f"Mäkinen{RED}[bold]", "a\u202egnp.exe@x.fi", makinen],
        )
        db.execute("UPDATE site SET name = ? WHERE id = ?", [f"Keskus{RED}", world.site.id])
        db.execute(
            "UPDATE staff SET display_name = ? WHERE id = ?",
            [f"Nieminen{TITLE_ESCAPE} [reverse]Noora", world.reception.id],
        )
    world.store.close()


def stored(world, sql: str, *params: object) -> tuple[object, ...]:
    with raw_connect(world.path) as db:
        return db.execute(sql, params).fetchone()


def assert_harmless(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "␛" in text


async def test_stored_escape_sequences_are_shown_as_symbols_in_search_and_card(world, clock):
    tamper(world)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await log_in(pilot)
        header = screen_text(pilot)
        assert_harmless(header)
        assert "Nieminen␛]0;pwned␇ [reverse]Noora" in header  # markup shown, not obeyed
        await pilot.press(*"mäkinen")
        await settled(pilot)
        rows = screen_text(pilot)
        assert_harmless(rows)
        assert "Mäkinen␛[31m[bold]" in rows
        await pilot.press("enter")
        await settled(pilot)
        card = app.screen
        assert isinstance(card, ClientCardScreen)
        text = screen_text(pilot)
        assert_harmless(text)
        assert "Mäkinen␛[31m[bold] Anna" in text  # the title, markup shown as typed
        assert card.query_one("#municipality", Input).value == "Turku␛]0;pwned␇"
        assert card.query_one("#email", Input).value == "a\ufffdgnp.exe@x.fi"
        assert not card.has_unsaved_changes


async def test_a_damaged_stored_field_must_be_cleaned_before_the_card_saves(world, clock):
    tamper(world)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await log_in(pilot)
        app.push_screen(ClientCardScreen(world.clients["makinen"].id))
        await settled(pilot)
        card = app.screen
        card.query_one("#phone", Input).value = "040 765 4321"
        await pilot.press("ctrl+s")
        await settled(pilot)
        error = str(card.query_one("#error-municipality").render())
        assert "ohjausmerkin" in error and "U+241B" in error
    assert stored(
        world, "SELECT phone, municipality FROM client WHERE id = ?", world.clients["makinen"].id
    ) == ("+358401234567", f"Turku{TITLE_ESCAPE}")


async def test_the_desk_queue_shows_stored_escapes_as_symbols(world, clock):
    world.store.visits.register(
        world.reception, world.site.id, client_id=world.clients["makinen"].id
    )
    tamper(world)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await log_in(pilot)
        await pilot.press("f2")
        await settled(pilot)
        assert isinstance(app.screen, WalkInScreen)
        text = screen_text(pilot)
        assert_harmless(text)
        assert "Mäkinen␛[31m" in text


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        (f"Turku{TITLE_ESCAPE}", "U+001B"),
        ("Tur\x00ku", "U+0000"),
        ("Turku\u202eukruT", "U+202E"),
        ("Tur\u200bku", "U+200B"),
    ],
)
async def test_a_control_character_typed_on_the_card_is_refused_at_its_field(
    world, clock, typed, code
):
    client = world.clients["ostman"]
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await log_in(pilot)
        app.push_screen(ClientCardScreen(client.id))
        await settled(pilot)
        card = app.screen
        card.query_one("#phone", Input).value = "040 111 2222"
        card.query_one("#municipality", Input).value = typed
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert isinstance(app.screen, ClientCardScreen)
        error = str(card.query_one("#error-municipality").render())
        assert f"Kotikunta: sisältää ohjausmerkin tai näkymättömän merkin ({code})" in error
        # Nothing typed is lost, and nothing was saved.
        assert card.query_one("#municipality", Input).value == typed
        assert card.query_one("#phone", Input).value == "040 111 2222"
        assert app.focused is card.query_one("#municipality")
    sql = "SELECT municipality, phone FROM client WHERE id = ?"
    assert stored(world, sql, client.id) == (None, None)


async def test_a_too_long_value_is_refused_at_its_field(world, clock):
    client = world.clients["ostman"]
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await log_in(pilot)
        app.push_screen(ClientCardScreen(client.id))
        await settled(pilot)
        card = app.screen
        card.query_one("#municipality", Input).value = "T" * 101
        card.query_one("#email", Input).value = "a" * 250 + "@x.fi"
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert "enintään 100 merkkiä" in str(card.query_one("#error-municipality").render())
        assert "enintään 254 merkkiä" in str(card.query_one("#error-email").render())
        assert card.query_one("#municipality", Input).value == "T" * 101
    sql = "SELECT municipality FROM client WHERE id = ?"
    assert stored(world, sql, client.id) == (None,)


async def test_the_new_client_dialog_refuses_an_escape_in_a_name(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await log_in(pilot)
        await pilot.press("f2")
        await settled(pilot)
        await pilot.press(*"Uusi Asiakas", "enter")
        await settled(pilot)
        dialog = app.screen
        assert isinstance(dialog, NewClientDialog)
        dialog.query_one("#last_name", Input).value = f"Uusi{RED}"
        dialog.query_one("#birth_date", Input).value = "1.1.1990"
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert app.screen is dialog
        error = str(dialog.query_one("#error-last_name").render())
        assert "(U+001B)" in error
        assert dialog.query_one("#last_name", Input).value == f"Uusi{RED}"
    assert stored(world, "SELECT count(*) FROM client WHERE last_name LIKE 'Uusi%'") == (0,)
