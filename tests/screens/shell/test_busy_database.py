"""A database another process keeps locked, or that is full or read-only: the app says so
in the user's language, keeps what was typed, and the same key works once it is free."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from screens.clients.client_card import ClientCardScreen
from screens.desk.feedback import FeedbackScreen
from screens.desk.privacy_curtain import PrivacyCurtain
from screens.desk.queue_table import QueueTable
from screens.desk.walk_in import WalkInScreen
from screens.shell.login import LoginScreen
from screens.shell.today import TodayScreen
from store.core.db import DatabaseFull
from tests.faults import write_lock_on
from tui.app import make_app

from ..admin.palette import choose_verb
from ..helpers import log_in, messages, open_card, open_desk, settled, wait_until

BUSY_FI = "Tietokanta oli varattuna. Yritä uudelleen; mitään ei menetetty."
BUSY_EN = "The database was busy. Try again; nothing was lost."
FULL_FI = (
    "Tietokanta tai sen levy on täynnä, eikä mitään tallennettu. Kirjoittamasi on "
    "tallella: yritä uudelleen, kun ylläpito on vapauttanut tilaa."
)
READ_ONLY_SV = (
    "Databasen går inte att skriva till (filen eller mappen är skrivskyddad) och inget "
    "sparades. Det du skrivit finns kvar: be administratören rätta behörigheterna."
)


def phone_of(world, client_id: str) -> str:
    return world.store.db.execute("SELECT phone FROM client WHERE id = ?", [client_id]).fetchone()[
        0
    ]


@pytest.fixture
def write_lock(world, monkeypatch):
    with write_lock_on(world.path, monkeypatch) as lock:
        yield lock


async def test_a_login_while_the_database_is_locked_is_told_and_works_after(
    world, clock, write_lock
):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        app.open_store()
        login = app.screen
        login.query_one("#username", Input).value = "valmentaja"
        login.query_one("#password", Input).value = "demo"
        login.query_one("#password", Input).focus()
        with write_lock.held():
            await pilot.press("enter")
            await settled(pilot)
            assert app.is_running and isinstance(app.screen, LoginScreen)
            assert messages(app) == [BUSY_FI]
            assert login.query_one("#username", Input).value == "valmentaja"
            assert login.query_one("#password", Input).value == "demo"
        await pilot.press("enter")
        await settled(pilot)
        assert isinstance(app.screen, TodayScreen)
    assert [e.action for e in world.store.audit.events(staff_id=world.coach.id)] == ["login"]


async def test_a_card_saved_while_the_database_is_locked_keeps_what_was_typed(
    world, clock, write_lock
):
    client = world.clients["makinen"]
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        card = await open_card(pilot, client.id)
        card.query_one("#phone", Input).value = "050 987 6543"
        card.query_one("#municipality", Input).value = "Kaarina"
        with write_lock.held():
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.is_running and app.screen is card
            assert messages(app)[-1] == BUSY_FI
            assert card.query_one("#phone", Input).value == "050 987 6543"
            assert card.query_one("#municipality", Input).value == "Kaarina"
            assert card.has_unsaved_changes
        await pilot.press("ctrl+s")  # the same key, once the other process is done
        await pilot.pause()
        assert app.screen is card and not card.has_unsaved_changes
    assert phone_of(world, client.id) == "+358509876543"


async def test_a_card_opened_while_the_database_is_locked_is_not_shown_nor_lost(
    world, clock, write_lock
):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        with write_lock.held():
            await pilot.press(*"östm", "enter")
            await pilot.pause()
            # The view could not be written to the access log: the card stays closed.
            assert app.is_running and isinstance(app.screen, TodayScreen)
            assert messages(app)[-1] == BUSY_FI
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ClientCardScreen)
        assert app.screen.query_one("#first_name", Input).value == "Åsa"
    views = world.store.audit.events(action="view")
    assert [e.client_id for e in views] == [world.clients["ostman"].id]


async def test_the_language_switch_waits_for_a_locked_database(world, clock, write_lock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        with write_lock.held():
            await choose_verb(pilot, "englanti", "Kieli: englanti")
            assert app.is_running and isinstance(app.screen, TodayScreen)
            assert (app.lang, messages(app)[-1]) == ("fi", BUSY_FI)
        await choose_verb(pilot, "englanti", "Kieli: englanti")
        assert app.lang == "en" and isinstance(app.screen, TodayScreen)
    assert world.store.staff.get(world.reception.id).language == "en"


async def test_a_feedback_answer_on_a_locked_database_can_be_asked_again(
    world, clock, write_lock, monkeypatch
):
    monkeypatch.setattr(FeedbackScreen, "THANKS_SECONDS", 0.05)
    world.store.visits.register(
        world.reception, world.site.id, client_id=world.clients["ostman"].id, reason_codes=["cv"]
    )
    app = make_app(world.path, clock=clock, lang="en")
    async with app.run_test() as pilot:
        desk = await open_desk(pilot)
        desk.query_one(QueueTable).focus()
        await pilot.press("ctrl+d", "enter", "f9")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        with write_lock.held():
            await pilot.press("9")
            await wait_until(pilot, lambda: isinstance(app.screen, PrivacyCurtain), "the curtain")
            assert app.is_running and messages(app)[-1] == BUSY_EN
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, WalkInScreen)
        await pilot.press("f9")  # the question was not lost with the answer
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        await pilot.press("9")
        await wait_until(pilot, lambda: isinstance(app.screen, PrivacyCurtain), "the curtain")
    assert world.store.db.execute("SELECT score FROM feedback").fetchall() == [(9,)]


async def test_a_full_database_is_told_and_nothing_of_the_save_is_written(world, clock):
    client = world.clients["makinen"]
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot, "admin")
        card = await open_card(pilot, client.id)
        # The database may not grow by a page more; the access log's last page is filled
        # with views of the card until it holds no more.
        store = app.store
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(DatabaseFull):
            for _ in range(1000):
                store.clients.open(world.admin, client.id)
        events = len(world.store.audit.events())
        card.query_one("#phone", Input).value = "050 987 6543"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running and app.screen is card
        assert messages(app)[-1] == FULL_FI
        assert card.query_one("#phone", Input).value == "050 987 6543"
    assert phone_of(world, client.id) == client.phone
    assert len(world.store.audit.events()) == events


async def test_a_read_only_database_is_told_in_the_users_language(world, clock):
    client = world.clients["ostman"]
    app = make_app(world.path, clock=clock, lang="sv")
    async with app.run_test() as pilot:
        await log_in(pilot, "admin")
        card = await open_card(pilot, client.id)
        # What SQLite answers on a file it may not write (SQLITE_READONLY).
        app.store.db.execute("PRAGMA query_only = ON")
        card.query_one("#phone", Input).value = "040 111 2222"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running and app.screen is card
        assert messages(app)[-1] == READ_ONLY_SV
        assert card.query_one("#phone", Input).value == "040 111 2222"
        app.store.db.execute("PRAGMA query_only = OFF")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not card.has_unsaved_changes
    assert phone_of(world, client.id) == "+358401112222"


async def test_an_app_started_on_a_database_another_process_keeps_says_it_is_busy(
    world, clock, monkeypatch, capsys
):
    world.store.close()  # the other process has the file to itself
    with write_lock_on(world.path, monkeypatch, exclusive=True) as lock, lock.held():
        app = make_app(world.path, clock=clock, lang="en")
        async with app.run_test() as pilot:
            # The app opens its database itself, once the login form is painted.
            await wait_until(pilot, lambda: app.return_code is not None, "the app's exit")
        assert app.return_code == 2
        assert capsys.readouterr().err.strip() == BUSY_EN
