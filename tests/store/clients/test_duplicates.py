"""Likely duplicates in the register, the people a mistyped HETU may belong to, and the
log of a changed HETU."""

from __future__ import annotations

from store.clients.repository import HETU_CHANGE_ENTITY
from tests.conftest import World, make_hetu


def ids(clients) -> list[str]:
    return [client.id for client in clients]


def test_a_one_letter_typo_in_the_surname_is_a_likely_duplicate(world: World):
    anna = world.clients["makinen"]
    for last_name in ("Mäkinin", "Makinnen", "Mkinen", "Mäkinen"):
        typed = {"first_name": "anna", "last_name": last_name, "birth_date": "1.1.1990"}
        assert ids(world.store.clients.possible_duplicates(typed)) == [anna.id], last_name
    # Two letters apart, another first name or another birth date is someone else.
    for first_name, last_name, born in [
        ("Anna", "Mäkelä", "1.1.1990"),
        ("Aino", "Mäkinen", "1.1.1990"),
        ("Anna", "Mäkinin", "2.1.1990"),
    ]:
        typed = {"first_name": first_name, "last_name": last_name, "birth_date": born}
        assert world.store.clients.possible_duplicates(typed) == []


def test_a_hyphenated_surname_matches_by_its_parts(world: World):
    pekka = world.clients["maki_jokela"]
    for last_name in ("Jokela", "Maki Jokela", "Mäkijokela", "Mäki-Jokla"):
        typed = {"first_name": "Pekka", "last_name": last_name, "birth_date": "15.7.2005"}
        assert ids(world.store.clients.possible_duplicates(typed)) == [pekka.id], last_name


def test_a_wrong_check_character_offers_the_people_born_that_day_with_a_similar_name(
    world: World,
):
    anna = world.clients["makinen"]
    assert anna.hetu is not None
    wrong = anna.hetu[:10] + ("A" if anna.hetu[10] != "A" else "B")
    offered = world.store.clients.offered_for_mistyped_hetu
    assert ids(offered({"hetu": wrong, "first_name": "Anna", "last_name": "Makinen"})) == [anna.id]
    assert offered({"hetu": wrong, "first_name": "Aino", "last_name": "Virtanen"}) == []
    # No name typed yet: everyone born that day.
    assert ids(offered({"hetu": wrong})) == [anna.id]
    # Any other fault of the code offers nobody.
    assert offered({"hetu": anna.hetu[:6] + "G" + anna.hetu[7:]}) == []
    assert offered({"hetu": anna.hetu}) == []


def test_a_changed_hetu_is_logged_with_its_old_and_new_value(world: World):
    anna = world.clients["makinen"]
    new_hetu = make_hetu("010190", "-", 901)
    raw = {
        "first_name": "Anna",
        "last_name": "Mäkinen",
        "hetu": new_hetu,
        "phone": "040 123 4567",
        "unemployed_since": "1.3.2025",
        "coach_id": world.coach.id,
    }
    world.store.clients.update(world.coach, anna.id, raw)
    [change] = [e for e in world.store.audit.events(client_id=anna.id) if e.entity == "client.hetu"]
    assert change.entity == HETU_CHANGE_ENTITY
    assert (change.action, change.staff_id, change.purpose) == (
        "update",
        world.coach.id,
        f"{anna.hetu} → {new_hetu}",
    )
    # Other corrections name their fields only.
    world.store.clients.update(world.coach, anna.id, {**raw, "phone": "050 111 2222"})
    events = world.store.audit.events(client_id=anna.id)
    assert [e.purpose for e in events if e.action == "update"][-1] == "phone"
    assert len([e for e in events if e.entity == HETU_CHANGE_ENTITY]) == 1
