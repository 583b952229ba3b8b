"""The client register through the Store API: search, writes, soft delete, access log."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from store.clients.repository import StaleEdit
from store.clients.search import prefill_from_search, route_query
from store.clients.validation import ValidationError
from store.core.auth import PermissionDenied
from store.core.errors import SQLITE_INTEGRITY_ERRORS

TODAY = date(2026, 11, 28)


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("010190-900P", "hetu"),
        ("010190y900p", "hetu"),
        ("150705A912U", "hetu"),
        ("010190G900P", "hetu"),  # a wrong century sign: still a HETU, to get its message
        ("1.2.1985", "birth_date"),
        ("01.02.1985", "birth_date"),
        ("010285", "birth_date"),
        ("040 123", "phone"),
        ("+46 70", "phone"),
        ("0401234567", "phone"),
        ("mäki", "name"),
        ("Anna Mäk", "name"),
        ("O'Br", "name"),
        ("   ", "empty"),
        ("--", "empty"),
    ],
)
def test_the_shape_of_the_input_picks_the_lookup(typed, kind):
    assert route_query(typed, TODAY).kind == kind


def test_ddmmyy_means_every_past_century_it_could_be():
    assert route_query("010205", TODAY).birth_dates == (date(1905, 2, 1), date(2005, 2, 1))
    assert route_query("010285", TODAY).birth_dates == (date(1985, 2, 1),)


def names(matches):
    return [f"{m.last_name} {m.first_name}" for m in matches]


@pytest.mark.parametrize("typed", ["maki", "mäki", "MÄKI", "Mäk"])
def test_finnish_letters_fold_both_ways(world, typed):
    assert names(world.store.clients.search(typed)) == ["Mäki-Jokela Pekka", "Mäkinen Anna"]


def test_search_by_each_kind_of_input(world):
    store, clients = world.store, world.clients
    assert names(store.clients.search(clients["makinen"].hetu.lower())) == ["Mäkinen Anna"]
    assert names(store.clients.search("ostman asa")) == ["Östman Åsa"]
    assert names(store.clients.search("jokela")) == ["Mäki-Jokela Pekka"]
    assert names(store.clients.search("o'bri")) == ["O'Brien Sean"]
    assert names(store.clients.search("040 123 45")) == ["Mäkinen Anna"]
    assert names(store.clients.search("+46 70 123")) == ["O'Brien Sean"]
    assert names(store.clients.search("3.4.1961")) == ["Östman Åsa"]
    assert names(store.clients.search("010190")) == ["Mäkinen Anna"]
    assert store.clients.search("anna pekka") == []
    assert store.clients.search('"*) OR (') == []  # FTS syntax is never passed through


def test_a_hetu_with_another_century_sign_is_another_person(world):
    hetu = world.clients["makinen"].hetu  # 010190-900…
    other = hetu.replace("-", "Y")
    assert world.store.clients.search(other) == []
    created = world.store.clients.create(
        world.admin, {"first_name": "Eero", "last_name": "Toinen", "hetu": other}
    )
    assert created.hetu == other
    assert names(world.store.clients.search(other)) == ["Toinen Eero"]


def test_soft_deleted_clients_never_appear_but_stay_as_tombstones(world):
    client = world.clients["ostman"]
    world.store.clients.delete(world.admin, client.id)
    assert world.store.clients.search("östman") == []
    assert world.store.clients.search("3.4.1961") == []
    row = world.store.db.execute(
        "SELECT deleted_at FROM client WHERE id = ?", [client.id]
    ).fetchone()
    assert row[0] is not None
    assert [e.action for e in world.store.audit.events(client_id=client.id)] == [
        "create",
        "delete",
    ]


def test_only_an_admin_may_delete(world):
    with pytest.raises(PermissionDenied):
        world.store.clients.delete(world.reception, world.clients["ostman"].id)
    assert names(world.store.clients.search("östman")) == ["Östman Åsa"]


def test_renaming_updates_the_search_index(world):
    client = world.clients["ostman"]
    raw = {
        "first_name": "Åsa",
        "last_name": "Lindholm",
        "birth_date": "3.4.1961",
        "service_language": "sv",
    }
    world.store.clients.update(world.coach, client.id, raw)
    assert world.store.clients.search("östman") == []
    assert names(world.store.clients.search("lindh")) == ["Lindholm Åsa"]


def test_every_write_and_view_lands_in_the_access_log_in_the_same_transaction(world):
    client = world.clients["makinen"]
    store = world.store
    store.clients.open(world.coach, client.id, purpose="initial interview")
    raw = {
        "first_name": "Anna",
        "last_name": "Mäkinen",
        "hetu": client.hetu,
        "phone": "050 111 2222",
        "unemployed_since": "1.3.2025",
        "coach_id": world.coach.id,
    }
    store.clients.update(world.coach, client.id, raw)
    events = store.audit.events(client_id=client.id)
    assert [(e.action, e.staff_id, e.purpose) for e in events] == [
        ("create", world.admin.id, None),
        ("view", world.coach.id, "initial interview"),
        ("update", world.coach.id, "phone"),
    ]
    # A failing write leaves neither the change nor its log row behind.
    with pytest.raises(ValidationError):
        store.clients.update(world.coach, client.id, {**raw, "email": "not-an-email"})
    assert len(store.audit.events(client_id=client.id)) == 3


def test_the_access_log_is_append_only(world):
    with pytest.raises(SQLITE_INTEGRITY_ERRORS, match="append-only"):
        world.store.db.execute("UPDATE audit_event SET purpose = 'edited'")
    with pytest.raises(SQLITE_INTEGRITY_ERRORS, match="append-only"):
        world.store.db.execute("DELETE FROM audit_event")


def test_a_hetu_belongs_to_one_living_client(world):
    with pytest.raises(ValidationError) as caught:
        world.store.clients.create(
            world.reception,
            {"first_name": "Kaksi", "last_name": "Kertaa", "hetu": world.clients["makinen"].hetu},
        )
    assert [(e.field, e.key) for e in caught.value.errors] == [("hetu", "error.hetu.taken")]
    assert "jo" in caught.value.errors[0].message("fi")


def test_an_edit_based_on_an_old_version_is_refused(world):
    client = world.clients["ostman"]
    raw = {
        "first_name": "Åsa",
        "last_name": "Östman",
        "birth_date": "3.4.1961",
        "service_language": "sv",
        "municipality": "Turku",
    }
    world.store.clock.at += timedelta(minutes=1)
    world.store.clients.update(world.coach, client.id, raw)
    with pytest.raises(StaleEdit):
        world.store.clients.update(
            world.admin,
            client.id,
            {**raw, "municipality": "Raisio"},
            expected_updated_at=client.updated_at,
        )


def test_derived_facts_are_computed(world, today):
    anna = world.clients["makinen"].derived_facts(today)  # b. 1.1.1990, unemployed 1.3.2025
    assert (anna.age, anna.under_young_adult_age, anna.long_term_unemployed) == (36, False, True)
    pekka = world.clients["maki_jokela"].derived_facts(today)  # b. 15.7.2005, Somali
    assert (pekka.age, pekka.under_youth_age, pekka.foreign_language) == (21, True, True)


def test_login_checks_the_password_and_logs_both_outcomes(world):
    assert world.store.staff.authenticate("valmentaja", "demo") == world.coach
    assert world.store.staff.authenticate("valmentaja", "Demo") is None
    assert world.store.staff.authenticate("ghost", "demo") is None
    actions = [e.action for e in world.store.audit.events() if e.entity == "staff"]
    assert actions == ["login", "failed_login", "failed_login"]
    stored = world.store.db.execute(
        "SELECT password_hash FROM staff WHERE username = 'valmentaja'"
    ).fetchone()[0]
    assert stored.startswith("scrypt$") and "demo" not in stored


def test_prefill_reads_a_typed_name_surname_first(today):
    assert prefill_from_search("Lindqvist Elin Maria", today) == {
        "last_name": "Lindqvist",
        "first_name": "Elin Maria",
    }
    assert prefill_from_search("010190-900p", today) == {"hetu": "010190-900P"}
    assert prefill_from_search("010190g900p", today) == {"hetu": "010190G900P"}
    assert prefill_from_search("af forselles aino", today) == {
        "last_name": "af forselles",
        "first_name": "aino",
    }
    # Do, Le, Du are whole surnames, not particles.
    assert prefill_from_search("do minh anh", today) == {
        "last_name": "do",
        "first_name": "minh anh",
    }
    assert prefill_from_search("von der Goltz", today) == {
        "last_name": "von der Goltz",
        "first_name": "",
    }
    assert prefill_from_search("1.2.1985", today) == {"birth_date": "1.2.1985"}


def test_today_counts_only_today(world):
    assert world.store.today_counts().clients_registered == 4
    world.store.clock.at += timedelta(days=1)
    assert world.store.today_counts().clients_registered == 0


def test_a_change_whose_log_row_fails_is_not_saved_either(world):
    client = world.clients["ostman"]
    raw = {
        "first_name": "Åsa",
        "last_name": "Östman",
        "birth_date": "3.4.1961",
        "service_language": "sv",
        "municipality": "Turku",
    }
    world.store.db.execute(
        "CREATE TEMP TRIGGER log_unavailable BEFORE INSERT ON audit_event"
        " BEGIN SELECT RAISE(ABORT, 'log unavailable'); END"
    )
    with pytest.raises(SQLITE_INTEGRITY_ERRORS, match="log unavailable"):
        world.store.clients.update(world.coach, client.id, raw)
    world.store.db.execute("DROP TRIGGER log_unavailable")
    assert world.store.clients.open(world.admin, client.id).municipality is None
