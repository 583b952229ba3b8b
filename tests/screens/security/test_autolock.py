"""The auto-lock through the real app: an idle or Ctrl+B-locked screen hides the work under it
untouched, only the same user's password (locked after three wrong ones, as the login)
takes it away, someone else logs in only after a warning about unsaved input, and every
lock, unlock and refusal is in the access log."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from screens.clients.client_card import ClientCardScreen
from screens.security.autolock import AutoLock
from screens.security.lock_screen import ConfirmOtherUser, LockScreen
from screens.shell.login import LoginScreen
from screens.shell.today import TodayScreen
from tui.app import make_app

from ..helpers import log_in, open_desk, screen_text, settled, wait_until

TYPED = {"last_name": "Lindqvist", "first_name": "Märta Åsa"}


@pytest.fixture(autouse=True)
def quick_checks(monkeypatch):
    """The idle time is looked at every 20 ms instead of every few seconds."""
    monkeypatch.setattr(AutoLock, "CHECK_SECONDS", 0.02)


def lock_rows(world) -> list[tuple[str | None, str, str | None]]:
    """(who, action, purpose) of the screen lock's access log rows, oldest first."""
    events = [e for e in world.store.audit.events() if e.entity == "screen_lock"]
    assert {e.entity_id for e in events} <= {world.coach.id}
    return [(e.staff_id, e.action, e.purpose) for e in sorted(events, key=lambda e: e.at)]


async def half_typed_new_client(pilot: Pilot) -> ClientCardScreen:
    """As the coach, open a new client card (Ctrl+N) and type a name, saving nothing."""
    await log_in(pilot, "valmentaja")
    await pilot.press("ctrl+n")
    await settled(pilot)
    card = pilot.app.screen
    assert isinstance(card, ClientCardScreen) and card.client_id is None
    for field, text in TYPED.items():
        card.query_one(f"#{field}", Input).focus()
        await pilot.press(*("space" if c == " " else c for c in text))
    await pilot.pause()
    assert card.has_unsaved_changes
    return card


async def lock_by_key(pilot: Pilot) -> LockScreen:
    """Press Ctrl+B, the key that locks at once."""
    await pilot.press("ctrl+b")
    await pilot.pause()
    lock = pilot.app.screen
    assert isinstance(lock, LockScreen)
    return lock


async def type_password(pilot: Pilot, password: str) -> str:
    """Type `password` on the lock screen and press Enter; what the screen says under it."""
    screen = pilot.app.screen
    assert isinstance(screen, LockScreen)
    field, said = screen.query_one("#unlock-password", Input), screen.query_one("#unlock-error")
    assert pilot.app.focused is field
    await pilot.press(*password, "enter")
    await settled(pilot)
    return str(said.render())


async def test_a_half_typed_client_card_survives_a_lock_and_the_same_password(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        card = await half_typed_new_client(pilot)
        await lock_by_key(pilot)
        shown = screen_text(pilot)
        assert "Luotsi on lukittu" in shown
        assert "Kirjautuneena: Virtanen Liisa (valmentaja)" in shown
        assert "Lindqvist" not in shown  # the work is hidden, not shown behind
        assert await type_password(pilot, "demo") == ""
        assert app.screen is card
        assert {f: card.query_one(f"#{f}", Input).value for f in TYPED} == TYPED
        assert app.focused is card.query_one("#first_name")  # the cursor where it was
        await pilot.press("x")
        assert card.query_one("#first_name", Input).value == "Märta Åsax"
    assert lock_rows(world) == [
        (world.coach.id, "update", "key"),
        (world.coach.id, "login", "unlock"),
    ]


async def test_ctrl_b_locks_the_desk_too_and_its_search_waits_as_typed(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        desk = await open_desk(pilot)
        field = app.focused
        assert isinstance(field, Input)
        await pilot.press(*"Mäki")
        await lock_by_key(pilot)
        assert "Mäki" not in screen_text(pilot)
        assert await type_password(pilot, "demo") == ""
        assert app.screen is desk and app.focused is field and field.value == "Mäki"


async def test_the_idle_minutes_lock_the_screen_and_any_input_counts_as_use(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot, "valmentaja")
        autolock: AutoLock = app.autolock
        assert autolock.minutes == 5  # the default
        autolock.last_input -= 4 * 60 + 50
        autolock.check()
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("down")  # a key: the idle time starts again
        assert autolock.idle_seconds < 60
        autolock.last_input -= 5 * 60
        await wait_until(pilot, lambda: isinstance(app.screen, LockScreen), "the idle lock")
        assert await type_password(pilot, "demo") == ""
        assert isinstance(app.screen, TodayScreen)
        assert autolock.idle_seconds < 60  # counted again from the unlock
    assert lock_rows(world) == [
        (world.coach.id, "update", "idle"),
        (world.coach.id, "login", "unlock"),
    ]


async def test_zero_minutes_never_locks_by_itself_and_ctrl_b_still_does(world, clock):
    world.store.settings.set(world.admin, "security.lock_minutes", "0")
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot, "valmentaja")
        app.autolock.last_input -= 24 * 60 * 60
        app.autolock.check()
        for _ in range(5):  # the timer has had its turns
            await pilot.pause(0.03)
        assert isinstance(app.screen, TodayScreen)
        await lock_by_key(pilot)


async def test_three_wrong_passwords_lock_as_the_login_does(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await half_typed_new_client(pilot)
        await lock_by_key(pilot)
        assert await type_password(pilot, "arvaus") == "Salasana on väärä."
        assert await type_password(pilot, "arvaus2") == "Salasana on väärä."
        locked = "Liian monta epäonnistunutta yritystä. Yritä uudelleen 30 sekunnin kuluttua."
        assert await type_password(pilot, "arvaus3") == locked
        # Enter does nothing while it lasts; the right password waits its turn.
        assert await type_password(pilot, "demo") == locked
        assert isinstance(app.screen, LockScreen)
    assert lock_rows(world) == [
        (world.coach.id, "update", "key"),
        (None, "failed_login", "wrong"),
        (None, "failed_login", "wrong"),
        (None, "failed_login", "locked"),
    ]
    # The login's own rows: the same lock on the username as at the login form.
    failed = world.store.audit.events(action="failed_login", entity_id=world.coach.id)
    assert [e.purpose for e in failed if e.entity == "staff"] == [None, None, None]


async def test_a_locked_screen_opens_nothing_and_cannot_be_closed(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot, "valmentaja")
        lock = await lock_by_key(pilot)
        for key in (
            "f1",
            "f2",
            "f5",
            "f12",
            "ctrl+p",
            "ctrl+f",
            "ctrl+n",
            "ctrl+q",
            "ctrl+c",
            "escape",
        ):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is lock, key
        assert not app.blanked and app.return_code is None
        assert app.session is not None and app.session.staff == world.coach


async def test_another_user_logs_in_after_the_warning_about_unsaved_input(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        card = await half_typed_new_client(pilot)
        await lock_by_key(pilot)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmOtherUser)
        shown = screen_text(pilot)
        assert "Käyttäjällä Virtanen Liisa on tallentamattomia muutoksia" in shown
        assert "Enter hylkää muutokset ja kirjaa ulos · Esc takaisin" in shown
        for key in ("f2", "f12", "ctrl+q"):  # the question is no way past the lock
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, ConfirmOtherUser), key
        await pilot.press("escape")  # back: the lock and the card as they were
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        assert card.query_one("#last_name", Input).value == "Lindqvist"
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("enter")
        await settled(pilot)
        assert isinstance(app.screen, LoginScreen)
        assert app.session is None and len(app.screen_stack) == 2  # nothing of hers left
        await log_in(pilot, "vastaanotto")
        assert app.session.staff == world.reception
    assert lock_rows(world) == [
        (world.coach.id, "update", "key"),
        (None, "update", "other_user"),
    ]
    assert world.store.clients.search("Lindqvist") == []


async def test_with_nothing_unsaved_another_user_goes_straight_to_the_login(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot, "valmentaja")
        await pilot.press("ctrl+b", "ctrl+g")
        await settled(pilot)
        assert isinstance(app.screen, LoginScreen)
        await log_in(pilot, "admin")
        # The next user's session locks too, and only their password opens it.
        app.autolock.last_input -= 5 * 60
        await wait_until(pilot, lambda: isinstance(app.screen, LockScreen), "the idle lock")
        assert "Kirjautuneena: Aalto Aino (admin)" in screen_text(pilot)
        assert await type_password(pilot, "demo") == ""
        assert isinstance(app.screen, TodayScreen)
