"""`security.lock_minutes`: the idle minutes before the app locks its screen (0: never),
set by an admin as every setting is, refused plainly in each language when out of range."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from store.core.locking import lock_minutes
from store.core.settings import LOCK_MINUTES, SettingError
from tui.cli import app

runner = CliRunner()


def test_five_minutes_until_an_admin_sets_another_number(world):
    settings = world.store.settings
    assert settings.get(LOCK_MINUTES) == 5 and lock_minutes(world.store.ctx) == 5
    assert settings.set(world.admin, "security.lock_minutes", " 15 ") == 15
    assert settings.set(world.admin, "security.lock_minutes", "0") == 0  # never by itself
    assert lock_minutes(world.store.ctx) == 0
    assert settings.set(world.admin, "security.lock_minutes", "60") == 60
    [*_, last] = [e for e in world.store.audit.events() if e.entity == "setting"]
    assert (last.staff_id, last.entity_id, last.purpose) == (
        world.admin.id,
        "security.lock_minutes",
        "60",
    )


@pytest.mark.parametrize(
    ("text", "fi", "sv", "en"),
    [
        (
            "61",
            "anna kokonaisluku 0–60, nyt ”61”",
            "ange ett heltal 0–60, nu ”61”",
            "give a whole number 0–60, not “61”",
        ),
        (
            "-1",
            "anna kokonaisluku 0–60, nyt ”-1”",
            "ange ett heltal 0–60, nu ”-1”",
            "give a whole number 0–60, not “-1”",
        ),
        (
            "viisi",
            "anna kokonaisluku 0–60, nyt ”viisi”",
            "ange ett heltal 0–60, nu ”viisi”",
            "give a whole number 0–60, not “viisi”",
        ),
        (
            "",
            "anna kokonaisluku 0–60, nyt ””",
            "ange ett heltal 0–60, nu ””",
            "give a whole number 0–60, not “”",
        ),
        (
            "2,5",
            "anna kokonaisluku 0–60, nyt ”2,5”",
            "ange ett heltal 0–60, nu ”2,5”",
            "give a whole number 0–60, not “2,5”",
        ),
    ],
)
def test_a_number_out_of_range_is_refused_in_each_language(world, text, fi, sv, en):
    settings = world.store.settings
    settings.set(world.admin, "security.lock_minutes", "10")
    with pytest.raises(SettingError) as raised:
        settings.set(world.admin, "security.lock_minutes", text)
    assert [raised.value.message(lang) for lang in ("fi", "sv", "en")] == [fi, sv, en]
    assert settings.get(LOCK_MINUTES) == 10


def test_a_value_spoilt_outside_luotsi_locks_after_the_default(world):
    world.store.settings.set(world.admin, "security.lock_minutes", "30")
    with world.store.db.conn:
        world.store.db.execute(
            "UPDATE setting SET value = '999' WHERE key = 'security.lock_minutes'"
        )
    assert lock_minutes(world.store.ctx) == 5


def test_luotsi_settings_lists_and_sets_it(world):
    world.store.close()  # the CLI opens the file itself
    env = {"LUOTSI_PASSWORD": "demo"}
    args = ["--db", str(world.path)]
    listed = runner.invoke(app, ["settings", *args, "--lang", "en"], env=env)
    assert listed.exit_code == 0, listed.output
    assert "security.lock_minutes = 5" in listed.output
    assert "minutes without keyboard or mouse before the screen locks (0 = never)" in listed.output
    changed = runner.invoke(
        app, ["settings", "set", "security.lock_minutes", "0", "--user", "admin", *args], env=env
    )
    assert changed.exit_code == 0, changed.output
    assert "security.lock_minutes = 0" in changed.output
    refused = runner.invoke(
        app, ["settings", "set", "security.lock_minutes", "90", "--user", "admin", *args], env=env
    )
    assert refused.exit_code == 2
    assert "anna kokonaisluku 0–60, nyt ”90”" in refused.output
