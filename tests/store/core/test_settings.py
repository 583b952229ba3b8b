"""Installation settings: defaults, checked values, admins only, every change logged."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from store.api import Store
from store.core.auth import PermissionDenied
from store.core.clock import DEFAULT_ZONE, local_day_bounds, use_zone
from store.core.settings import FEEDBACK_LINKED, TIMEZONE, WAIT_THRESHOLD, SettingError


def test_defaults_until_an_admin_changes_them(world):
    settings = world.store.settings
    assert [(s.key, value) for s, value in settings.all()] == [
        ("queue.wait_threshold_minutes", 20),
        ("feedback.link_to_visit", False),
        ("timezone", "Europe/Helsinki"),
        ("security.lock_minutes", 5),
    ]
    assert settings.set(world.admin, "queue.wait_threshold_minutes", " 15 ") == 15
    assert settings.set(world.admin, "feedback.link_to_visit", "on") is True
    assert settings.get(WAIT_THRESHOLD) == 15 and settings.get(FEEDBACK_LINKED) is True
    assert settings.set(world.admin, "feedback.link_to_visit", "nej") is False
    assert settings.get(FEEDBACK_LINKED) is False


def test_each_change_is_one_logged_write(world):
    world.store.settings.set(world.admin, "queue.wait_threshold_minutes", "25")
    [event] = [e for e in world.store.audit.events() if e.entity == "setting"]
    assert (event.staff_id, event.action, event.entity_id, event.purpose) == (
        world.admin.id,
        "update",
        "queue.wait_threshold_minutes",
        "25",
    )


@pytest.mark.parametrize(
    ("key", "text", "message"),
    [
        ("queue.wait_threshold_minutes", "0", "anna kokonaisluku 1–240, nyt ”0”"),
        ("queue.wait_threshold_minutes", "kaksi", "anna kokonaisluku 1–240, nyt ”kaksi”"),
        ("queue.wait_threshold_minutes", "1_5", "anna kokonaisluku 1–240, nyt ”1_5”"),
        ("queue.wait_threshold_minutes", "-5", "anna kokonaisluku 1–240, nyt ”-5”"),
        ("feedback.link_to_visit", "ehkä", "anna kyllä tai ei (on/off), nyt ”ehkä”"),
        ("timezone", "Europe/Turku", "aikavyöhykettä ”Europe/Turku” ei tunneta"),
        ("timezone", "localtime", "aikavyöhykettä ”localtime” ei tunneta"),  # the machine's
        ("timezone", "../../etc/passwd", "aikavyöhykettä ”../../etc/passwd” ei tunneta"),
        ("timezone", "", "aikavyöhykettä ”” ei tunneta"),
        ("export.pseudonym_secret", "00", "asetusta ”export.pseudonym_secret” ei ole"),
    ],
)
def test_bad_values_and_unknown_keys_change_nothing(world, key, text, message):
    settings = world.store.settings
    settings.set(world.admin, "queue.wait_threshold_minutes", "30")
    with pytest.raises(SettingError) as raised:
        settings.set(world.admin, key, text)
    assert raised.value.message("fi").startswith(message)
    assert settings.get(WAIT_THRESHOLD) == 30 and settings.get(FEEDBACK_LINKED) is False
    assert len([e for e in world.store.audit.events() if e.entity == "setting"]) == 1


def test_only_an_admin_changes_settings(world):
    for staff in (world.reception, world.coach):
        with pytest.raises(PermissionDenied):
            world.store.settings.set(staff, "feedback.link_to_visit", "kyllä")
    assert world.store.settings.get(FEEDBACK_LINKED) is False


def test_a_value_spoilt_outside_luotsi_reads_as_the_default(world):
    world.store.settings.set(world.admin, "queue.wait_threshold_minutes", "30")
    with world.store.db.conn:
        world.store.db.execute(
            "UPDATE setting SET value = 'paljon' WHERE key = 'queue.wait_threshold_minutes'"
        )
    assert world.store.settings.get(WAIT_THRESHOLD) == 20


def test_the_time_zone_is_the_installations_and_moves_todays_bounds(world, clock):
    """Set to Stockholm, 'today' and its bounds follow Stockholm at once and after a reopen."""
    settings = world.store.settings
    # 23:30 in Stockholm, already 0:30 the next day in Helsinki.
    clock.at = datetime(2026, 11, 28, 22, 30, tzinfo=UTC)
    assert world.store.today() == date(2026, 11, 29)
    assert settings.set(world.admin, "timezone", " Europe/Stockholm ") == "Europe/Stockholm"
    assert world.store.today() == date(2026, 11, 28)
    assert local_day_bounds(date(2026, 11, 28)) == (
        "2026-11-27T23:00:00.000Z",
        "2026-11-28T23:00:00.000Z",
    )
    use_zone(ZoneInfo(DEFAULT_ZONE))
    world.store.close()
    reopened = Store.open(world.path, clock)
    assert reopened.settings.get(TIMEZONE) == "Europe/Stockholm"
    assert reopened.today() == date(2026, 11, 28)
    reopened.close()


def test_a_zone_spoilt_outside_luotsi_reads_as_helsinki(world):
    world.store.settings.set(world.admin, "timezone", "America/New_York")
    with world.store.db.conn:
        world.store.db.execute("UPDATE setting SET value = 'Mars/Olympus' WHERE key = 'timezone'")
    assert world.store.settings.zone() == ZoneInfo("Europe/Helsinki")
