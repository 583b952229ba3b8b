"""Kompassi's client mode through the real app: the client reads one question in their own
language with nothing of the register around it, answers by keys into the draft, and
only the coach's password (locked after three wrong ones, as the login) ends it."""

from __future__ import annotations

from datetime import timedelta

from textual.pilot import Pilot
from textual.widgets import Input

from screens.kompassi.client_mode import ClientModeScreen
from screens.shell.today import TodayScreen
from tui.app import make_app

from ..helpers import log_in, screen_text, settled, still, wait_until


def draft_for(world, language: str | None = None) -> str:
    """A new draft reading of a client of the coach's: Mäkinen (Finnish), or a new client
    served in `language`."""
    client = world.clients["makinen"]
    if language is not None:
        client = world.store.clients.create(
            world.admin,
            {"last_name": "Lind", "first_name": "Ebba", "birth_date": "5.6.1990",
             "service_language": language, "coach_id": world.coach.id},
        )  # fmt: skip
    return world.store.kompassi.start(world.coach, client.id).id


async def open_client_mode(
    pilot: Pilot, reading_id: str, domain_code: str | None = None
) -> ClientModeScreen:
    """Log in as the coach and turn the laptop to the client (as F3's "c" does)."""
    await log_in(pilot, "valmentaja")
    screen = ClientModeScreen(reading_id, domain_code)
    pilot.app.push_screen(screen)
    await settled(pilot)
    assert pilot.app.screen is screen
    return screen


def answers_in_db(world, reading_id: str) -> dict[str, tuple[int | None, bool]]:
    reading = world.store.kompassi.reading(reading_id)
    return {a.domain_code: (a.score, a.skipped) for a in reading.answers}


async def unlock_with(pilot: Pilot, password: str) -> None:
    """Type `password` into the coach's prompt, opened with Esc unless it is open."""
    if not pilot.app.screen.query_one("#unlock").has_class("-open"):
        await pilot.press("escape")
        await pilot.pause()
    field = pilot.app.screen.query_one("#unlock-password", Input)
    assert pilot.app.focused is field
    field.value = password
    await pilot.press("enter")
    await settled(pilot)


async def test_a_swedish_client_reads_the_question_in_swedish_and_nothing_of_the_register(
    world, clock
):
    reading_id = draft_for(world, language="sv")
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_client_mode(pilot, reading_id)
        shown = screen_text(pilot)
        assert "Hur räcker dina pengar just nu" in shown
        assert "Fråga 1 / 8" in shown
        assert "Svårt" in shown and "Någorlunda" in shown and "Bra" in shown
        assert "Miten rahasi" not in shown  # not the coach's Finnish
        # No header, footer or user: not the coach's name, not the app's keys.
        for register in ("Virtanen", "valmentaja", "Luotsi", "F2", "Kirjaudu", "Lopeta"):
            assert register not in shown, register
        # A notification for the coach (another client's name) waits for the coach.
        pilot.app.notify("Östman Åsa odottaa")
        await pilot.pause()
        assert "Östman" not in screen_text(pilot)


async def test_the_client_may_switch_the_language_and_answers_stay(world, clock):
    reading_id = draft_for(world)
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_client_mode(pilot, reading_id)
        assert "Miten rahasi riittävät" in screen_text(pilot)
        await pilot.press("2", "e")
        shown = screen_text(pilot)
        assert "How well does your money cover" in shown and "Difficult" in shown
        await pilot.press("s")
        assert "Hur räcker dina pengar" in screen_text(pilot)
        assert answers_in_db(world, reading_id) == {"talous": (2, False)}


async def test_the_app_keys_do_nothing_while_the_client_answers(world, clock):
    reading_id = draft_for(world)
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_client_mode(pilot, reading_id)
        before = screen_text(pilot)
        for key in ("ctrl+p", "f1", "f2", "f3", "f4", "f5", "f12", "ctrl+g", "ctrl+q", "ctrl+c"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is screen, f"{key} left client mode"
            assert app.is_running and app.session is not None, key
        assert not app.blanked
        assert screen_text(pilot) == before


async def test_digits_save_into_the_draft_at_once_and_ten_is_typed_as_1_0(world, clock):
    reading_id = draft_for(world)
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_client_mode(pilot, reading_id)
        await pilot.press("7")
        assert answers_in_db(world, reading_id) == {"talous": (7, False)}
        assert "Kohtalaista" in screen_text(pilot)
        await pilot.press("right", "1", "0")  # ten, on the second question
        await pilot.press("right", "minus")  # the third the client chose not to answer
        await pilot.press("right", "plus")  # ten by its own key
        assert answers_in_db(world, reading_id) == {
            "talous": (7, False),
            "osallisuus": (10, False),
            "osaaminen": (None, True),
            "psyykkinen": (10, False),
        }
        assert "Ohitettu" not in screen_text(pilot)
        await pilot.press("left")
        assert "Ohitettu: et halunnut vastata" in screen_text(pilot)
        await pilot.press("4")  # a score clears the skip
        assert answers_in_db(world, reading_id)["osaaminen"] == (4, False)


async def test_after_the_last_question_the_client_is_asked_to_give_the_laptop_back(world, clock):
    reading_id = draft_for(world, language="en")
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_client_mode(pilot, reading_id, "tyokyky")
        assert "Question 8 of 8" in screen_text(pilot)
        await pilot.press("8", "enter")
        shown = screen_text(pilot)
        assert "give the laptop back to your coach" in shown
        assert "Answered: 1 · skipped: 0 · not answered: 7" in shown
        await pilot.press("5")  # no answer to a question no longer shown
        assert answers_in_db(world, reading_id) == {"tyokyky": (8, False)}
        await pilot.press("left")
        assert "Question 8 of 8" in screen_text(pilot)


async def test_the_previous_answer_is_shown_with_its_date(world, clock):
    client_id = world.clients["makinen"].id
    kompassi = world.store.kompassi
    baseline = kompassi.start(
        world.coach, client_id, filled_on=clock.at.date() - timedelta(days=90)
    )
    kompassi.answer(world.coach, baseline.id, "talous", score=6)
    kompassi.answer(world.coach, baseline.id, "osallisuus", skipped=True)
    kompassi.finish(world.coach, baseline.id)
    reading_id = kompassi.start(world.coach, client_id).id
    day = clock.at.date() - timedelta(days=90)
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_client_mode(pilot, reading_id)
        assert f"Viimeksi: 6 ({day.day}.{day.month}.{day.year})" in screen_text(pilot)
        await pilot.press("right")
        assert "Viimeksi: et vastannut" in screen_text(pilot)
        await pilot.press("right")
        assert "Viimeksi" not in screen_text(pilot)


async def test_wrong_passwords_keep_client_mode_and_three_lock_it(world, clock):
    reading_id = draft_for(world)
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_client_mode(pilot, reading_id)
        await unlock_with(pilot, "arvaus")
        assert app.screen is screen
        assert "Salasana on väärä" in screen_text(pilot)
        await pilot.press("escape")  # the prompt closes; the client answers again
        await pilot.press("3")
        assert answers_in_db(world, reading_id) == {"talous": (3, False)}
        await unlock_with(pilot, "toinen")
        await unlock_with(pilot, "kolmas")
        assert app.screen is screen
        assert "Liian monta epäonnistunutta yritystä" in screen_text(pilot)
        # While locked even the right password does not end it.
        field = screen.query_one("#unlock-password", Input)
        field.value = "demo"
        await pilot.press("enter")
        await settled(pilot)
        assert app.screen is screen


async def test_digits_typed_into_the_password_are_not_answers(world, clock):
    reading_id = draft_for(world)
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_client_mode(pilot, reading_id)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("4", "2", "minus", "right")
        assert screen.query_one("#unlock-password", Input).value == "42-"
        assert "Kysymys 1 / 8" in screen_text(pilot)
        await pilot.press("escape")  # the coach changed their mind: the field forgets
        assert screen.query_one("#unlock-password", Input).value == ""
        assert answers_in_db(world, reading_id) == {}


async def test_the_coachs_password_ends_client_mode(world, clock):
    reading_id = draft_for(world)
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_client_mode(pilot, reading_id)
        await pilot.press("5")
        await unlock_with(pilot, "demo")
        await wait_until(pilot, lambda: isinstance(app.screen, TodayScreen), "back to the coach")
        assert answers_in_db(world, reading_id) == {"talous": (5, False)}


def test_client_mode_at_80x24(snap_compare, world, clock):
    reading_id = draft_for(world)

    async def run_before(pilot: Pilot) -> None:
        await still(pilot)
        await open_client_mode(pilot, reading_id)
        await pilot.press("6")
        await still(pilot)

    app = make_app(world.path, clock=clock, lang="fi")
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
