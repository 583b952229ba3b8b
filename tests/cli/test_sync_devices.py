"""`luotsi sync devices` and `luotsi sync revoke`: an admin sees the laptops that are out
and revokes a lost one, learning whose data it held."""

from __future__ import annotations

from store.core.clock import Clock
from store.core.dates import format_date
from tests.cli.test_sync import sync as sync_on
from tests.store.sync.test_devices import DEVICE_ID, add_device


def sync(world, *args: str, user: str = "admin", lang: str = "en"):
    return sync_on(world.path, *args, user=user, lang=lang)


def test_devices_lists_a_laptop_with_its_coach_and_pending_state(world):
    add_device(world)
    world.store.close()
    result = sync(world, "devices")
    assert result.exit_code == 0, result.output
    assert "Läppäri 1" in result.output
    assert "Virtanen Liisa" in result.output
    assert "28.11.2026 12:30" in result.output  # checked out, local time
    assert "never" in result.output  # no check-in yet
    finnish = sync(world, "devices", lang="fi")
    assert "ei koskaan" in finnish.output and "valmentaja" in finnish.output


def test_no_laptops_is_said_so(world):
    world.store.close()
    result = sync(world, "devices", lang="sv")
    assert result.exit_code == 0
    assert "Inga bärbara datorer har lämnats ut." in result.output


def test_revoke_names_the_clients_and_a_second_revoke_is_refused(world):
    add_device(world)
    world.store.close()
    result = sync(world, "revoke", "läppäri 1", "--reason", "lost on the bus")
    assert result.exit_code == 0, result.output
    assert "Laptop Läppäri 1 revoked" in result.output
    assert "Mäkinen Anna" in result.output
    assert "Östman" not in result.output  # not the coach's client
    assert "Last check-in: never" in result.output
    again = sync(world, "revoke", DEVICE_ID[:8], "--reason", "stolen", lang="fi")
    assert again.exit_code == 2
    # The command runs on the real clock, the world was made on a fixed one.
    assert f"on jo mitätöity {format_date(Clock().today())}" in again.output
    listed = sync(world, "devices")
    assert format_date(Clock().today()) in listed.output  # the revoked column


def test_an_unknown_laptop_or_a_coach_is_refused_with_exit_2(world):
    add_device(world)
    world.store.close()
    unknown = sync(world, "revoke", "Läppäri 9", "--reason", "lost")
    assert unknown.exit_code == 2
    assert "There is no laptop Läppäri 9" in unknown.output
    coach = sync(world, "revoke", "Läppäri 1", "--reason", "lost", user="valmentaja")
    assert coach.exit_code == 2
    assert "valmentaja may not check laptops out or in" in coach.output
    reception = sync(world, "devices", user="vastaanotto", lang="fi")
    assert reception.exit_code == 2
    assert "vain pääkäyttäjä" in reception.output
    listed = sync(world, "devices")
    assert "lost" not in listed.output
