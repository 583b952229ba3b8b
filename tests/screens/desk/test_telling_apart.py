"""Telling namesakes apart at the desk: whole first names and birth dates at any width,
a blanked list that still separates people, and Enter that never guesses."""

from __future__ import annotations

import pytest

from screens.clients.client_search import ClientSearch
from screens.desk.queue_table import column_widths
from screens.desk.walk_in import WalkInScreen
from tui.app import make_app

from ..helpers import open_desk, screen_text
from .namesakes import PEOPLE, SURNAME, add_namesakes


def lines_with(text: str, needle: str) -> list[str]:
    return [line for line in text.splitlines() if needle in line]


async def search(pilot, desk: WalkInScreen, typed: str) -> None:
    desk.query_one(ClientSearch).input.value = typed
    await pilot.pause()


def picked_line(pilot) -> str:
    """Who the visit form is for (it may wrap in a narrow column)."""
    return str(pilot.app.screen.query_one("#picked").render()).splitlines()[0]


def status(desk: WalkInScreen) -> str:
    return str(desk.query_one(ClientSearch).status.render())


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (160, 50)])
async def test_every_result_shows_its_first_name_and_birth_date_on_one_line(world, clock, size):
    add_namesakes(world)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=size) as pilot:
        desk = await open_desk(pilot)
        await search(pilot, desk, "söderholm")
        text = screen_text(pilot)
        for first, born, _ in PEOPLE:
            [row] = lines_with(text, f" {born}")
            assert first in row, f"{first} is not on the row of {born} at {size}:\n{text}"


async def test_at_160_columns_the_whole_name_birth_date_and_masked_code_share_a_row(world, clock):
    add_namesakes(world)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(160, 50)) as pilot:
        desk = await open_desk(pilot)
        await search(pilot, desk, "söderholm")
        text = screen_text(pilot)
        [row] = lines_with(text, "Anna-Liisa")
        assert f"{SURNAME} Anna-Liisa" in row and "12.3.1987" in row and "120387-***C" in row
        assert "923" not in text  # the individual number stays hidden


async def test_the_queue_names_reasons_in_words_and_states_whole(world, clock):
    visits, site = world.store.visits, world.site.id
    ids = add_namesakes(world)
    visits.register(world.reception, site, client_id=ids[1], reason_codes=["cv", "training"])
    moved = visits.register(world.reception, site, client_id=ids[0], reason_codes=["benefits"])
    visits.change_state(world.reception, moved.id, "called", desk="1")
    visits.change_state(world.reception, moved.id, "transferred", to_staff_id=world.coach.id)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(160, 50)) as pilot:
        await open_desk(pilot)
        text = screen_text(pilot)
        [first] = lines_with(text, "A001")
        assert f"{SURNAME} Anna-Liisa" in first and "CV, Koulutus" in first
        [second] = lines_with(text, "A002")
        assert "Anna-Leena" in second and "Etuudet" in second
        assert "siirretty: Virtanen Liisa" in second


async def test_the_narrow_queue_keeps_the_first_name_and_cuts_the_surname(world, clock):
    ids = add_namesakes(world)
    world.store.visits.register(world.reception, world.site.id, client_id=ids[1])
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_desk(pilot)
        [row] = lines_with(screen_text(pilot), "A001")
        assert "Anna-Liisa" in row and "odottaa" in row and "… Anna-Liisa" in row


async def test_enter_with_several_results_asks_to_choose_and_takes_the_one_chosen(world, clock):
    ids = add_namesakes(world)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        desk = await open_desk(pilot)
        await search(pilot, desk, "söderholm")
        await pilot.press("enter")
        await pilot.pause()
        assert not desk.has_class("picking"), "Enter took one of three by itself"
        assert status(desk) == "⚠ Osumia 3: valitse ensin ↑↓, sitten Enter"
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert desk.has_class("picking")
        assert picked_line(pilot) == f"Kävijä: {SURNAME} Anna-Liisa (12.3.1987)"
        await pilot.press("1", "enter")
        await pilot.pause()
    [visit] = world.store.visits.queue(world.site.id)
    assert visit.client_id == ids[1]


async def test_a_new_search_forgets_the_row_chosen_in_the_last_one(world, clock):
    add_namesakes(world)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        desk = await open_desk(pilot)
        await search(pilot, desk, "söderholm")
        await pilot.press("down")
        await search(pilot, desk, "söderholm anna")
        await pilot.press("enter")
        await pilot.pause()
        assert not desk.has_class("picking")
        assert status(desk).startswith("⚠ Osumia 2: valitse")


async def test_blanked_rows_tell_namesakes_apart_and_a_typed_number_picks_one(world, clock):
    ids = add_namesakes(world)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        desk = await open_desk(pilot)
        await pilot.press("f12")
        await search(pilot, desk, "söderholm")
        text = screen_text(pilot)
        assert SURNAME not in text and "Anna" not in text and "12.3.1987" not in text
        # Both Annas have the same initials: the year and the code's end separate them.
        assert lines_with(text, "1  S-M. A-L.")[0].strip() == "1  S-M. A-L.  1994  …J"
        assert lines_with(text, "2  S-M. A-L.")[0].strip() == "2  S-M. A-L.  1987  …C"
        assert lines_with(text, "3  S-M. J-P.")[0].strip() == "3  S-M. J-P.  1966"
        await pilot.press("enter")  # nothing chosen yet: it asks, with the number way
        await pilot.pause()
        assert not desk.has_class("picking")
        assert "Tab ja rivin numero" in status(desk)
        await pilot.press("tab", "2", "enter")
        await pilot.pause()
        assert desk.has_class("picking")
        assert picked_line(pilot) == "Kävijä: S-M. A-L. (1987)"
        await pilot.press("1", "enter")
        await pilot.pause()
        assert SURNAME not in screen_text(pilot)
    [visit] = world.store.visits.queue(world.site.id)
    assert visit.client_id == ids[1]


async def test_enter_in_the_result_list_with_no_row_chosen_asks_too(world, clock):
    add_namesakes(world)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        desk = await open_desk(pilot)
        await search(pilot, desk, "söderholm")
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert not desk.has_class("picking")
        assert status(desk) == "⚠ Osumia 3: valitse ensin ↑↓, sitten Enter"


async def test_a_number_past_the_last_row_moves_nothing(world, clock):
    add_namesakes(world)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        desk = await open_desk(pilot)
        await search(pilot, desk, "söderholm")
        await pilot.press("tab", "7")
        results = desk.query_one(ClientSearch).results
        assert results.highlighted is None
        await pilot.press("3")
        assert results.highlighted == 2


async def test_the_only_result_is_taken_by_enter_at_once(world, clock):
    ids = add_namesakes(world)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        desk = await open_desk(pilot)
        await search(pilot, desk, "juha-pekka")
        await pilot.press("enter")
        await pilot.pause()
        assert picked_line(pilot) == f"Kävijä: {SURNAME} Juha-Pekka (31.5.1966)"
        await pilot.press("1", "enter")
        await pilot.pause()
    [visit] = world.store.visits.queue(world.site.id)
    assert visit.client_id == ids[2]


def test_the_state_word_is_whole_before_the_queue_adds_columns():
    needs = {"ticket": 4, "wait": 6, "client": 20, "reasons": 12, "state": 12}  # being served
    narrow = column_widths(41, needs)
    assert narrow["state"] >= 13 and "reasons" not in narrow
    # The arrival time never shows without the reasons it would displace.
    assert "arrived" not in column_widths(49, needs)
    wide = column_widths(60, needs)
    assert {"reasons", "arrived"} <= wide.keys() and wide["state"] >= 13
