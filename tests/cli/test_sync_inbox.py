"""`luotsi sync conflicts | resolve | merge | unmerge`: the conflicts inbox at the command
line, in the user's language, with the office's rows read back after each decision."""

from __future__ import annotations

from store.core.db import write_transaction
from store.sync.models import ConflictFound
from store.sync.records import record_conflict
from tests.cli.test_sync import phone_of, sync
from tests.conftest import make_hetu
from tests.store.sync.test_devices import DEVICE_ID, add_device

OFFICE_PHONE = "050 111 2222"
LAPTOP_PHONE = "040 999 0000"


def phone_conflict(world) -> str:
    """The office and the laptop both changed Mäkinen's phone."""
    makinen = world.clients["makinen"]
    ctx = world.store.ctx
    found = ConflictFound(
        "field", "client", makinen.id, "phone", makinen.phone, OFFICE_PHONE, LAPTOP_PHONE,
        client_id=makinen.id,
    )  # fmt: skip
    with write_transaction(ctx.db):
        ctx.db.execute("UPDATE client SET phone = ? WHERE id = ?", [OFFICE_PHONE, makinen.id])
        return record_conflict(ctx, found, device_id=DEVICE_ID, checkin_id="c1", by=None)


def test_conflicts_are_listed_in_finnish_and_english(world):
    add_device(world)
    phone_conflict(world)
    world.store.close()
    english = sync(world.path, "conflicts")
    assert english.exit_code == 0, english.output
    for text in ("field", "Client · phone", "Mäkinen Anna", OFFICE_PHONE, LAPTOP_PHONE, "open"):
        assert text in english.output
    finnish = sync(world.path, "conflicts", user="valmentaja", lang="fi")
    assert finnish.exit_code == 0, finnish.output
    assert "kenttä: Asiakas · puhelin" in finnish.output and "avoin" in finnish.output
    assert (
        f"pohja +358401234567 → toimisto {OFFICE_PHONE} | kannettava {LAPTOP_PHONE}"
        in finnish.output
    )


def test_keeping_the_laptops_value_writes_it_and_the_list_then_is_empty(world):
    add_device(world)
    conflict_id = phone_conflict(world)
    world.store.close()
    result = sync(world.path, "resolve", conflict_id[:8], "--keep", "laptop")
    assert result.exit_code == 0, result.output
    assert f"Conflict {conflict_id[:8]} resolved: laptop taken" in result.output
    assert phone_of(world.path, world.clients["makinen"].id) == LAPTOP_PHONE
    assert "No open conflicts." in sync(world.path, "conflicts").output
    listed = sync(world.path, "conflicts", "--all")
    assert "laptop taken" in listed.output
    twice = sync(world.path, "resolve", conflict_id, "--keep", "office")
    assert twice.exit_code == 2


def test_a_typed_value_or_the_offices_is_kept_and_bad_usage_is_refused(world):
    add_device(world)
    conflict_id = phone_conflict(world)
    world.store.close()
    neither = sync(world.path, "resolve", conflict_id, lang="fi")
    assert neither.exit_code == 2
    assert "anna joko --keep office|laptop tai --value" in neither.output
    short = sync(world.path, "resolve", conflict_id[:4], "--keep", "office")
    assert short.exit_code == 2
    assert f"There is no conflict {conflict_id[:4]}" in short.output
    bad = sync(world.path, "resolve", conflict_id, "--value", "not a phone")
    assert bad.exit_code == 2
    assert phone_of(world.path, world.clients["makinen"].id) == OFFICE_PHONE
    typed = sync(world.path, "resolve", conflict_id, "--value", "045 777 8888")
    assert typed.exit_code == 0, typed.output
    assert "new value" in typed.output
    assert (
        phone_of(world.path, world.clients["makinen"].id) == "+358457778888"
    )  # as the card stores it


def test_reception_may_not_see_the_conflicts(world):
    add_device(world)
    phone_conflict(world)
    world.store.close()
    result = sync(world.path, "conflicts", user="vastaanotto")
    assert result.exit_code == 2
    assert "vastaanotto may not see the conflicts" in result.output


def test_two_records_of_one_person_merge_and_the_merge_undoes(world):
    add_device(world)
    store, ctx = world.store, world.store.ctx
    hetu = make_hetu("020290", "-", 931)
    office_twin = store.clients.create(
        world.admin, {"last_name": "Laine", "first_name": "Ella", "hetu": hetu}
    )
    laptop_twin = store.clients.create(
        world.admin, {"last_name": "Laine", "first_name": "Ella", "birth_date": "2.2.1990"}
    )
    found = ConflictFound(
        "same_hetu", "client", laptop_twin.id, "hetu", None, hetu, hetu,
        client_id=laptop_twin.id, other_row_id=office_twin.id,
    )  # fmt: skip
    with write_transaction(ctx.db):
        conflict_id = record_conflict(ctx, found, device_id=DEVICE_ID, checkin_id="c1", by=None)
    store.close()
    listed = sync(world.path, "conflicts")
    assert "same HETU: Client" in listed.output and "Laine Ella" in listed.output
    assert hetu not in listed.output and f"{hetu[:7]}***{hetu[10:]}" in listed.output
    wrong = sync(world.path, "merge", conflict_id, "--keep", "zzzzzz")
    assert wrong.exit_code == 2
    assert f"office={office_twin.id[:8]}" in wrong.output
    merged = sync(world.path, "merge", conflict_id, "--keep", "office")
    assert merged.exit_code == 0, merged.output
    merge_id = merged.output.split("unmerge ")[1].split(")")[0]
    assert "Laine Ella is kept" in merged.output
    undone = sync(world.path, "unmerge", merge_id, lang="sv")
    assert undone.exit_code == 0, undone.output
    assert "ångrad" in undone.output
    unknown = sync(world.path, "unmerge", "not-a-merge")
    assert unknown.exit_code == 2
    assert "There is no merge not-a-merge" in unknown.output
