"""Installation settings: defaults, checked values, admins only, every change logged."""

from __future__ import annotations

import pytest

from store.core.auth import PermissionDenied
from store.core.settings import FEEDBACK_LINKED, WAIT_THRESHOLD, SettingError


def test_defaults_until_an_admin_changes_them(world):
    settings = world.store.settings
    assert [(s.key, value) for s, value in settings.all()] == [
        ("queue.wait_threshold_minutes", 20),
        ("feedback.link_to_visit", False),
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
