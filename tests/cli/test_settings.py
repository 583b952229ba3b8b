"""`luotsi settings` through Typer's runner, on a real database file."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tests.faults import raw_connect
from tui.cli import app

runner = CliRunner()


@pytest.fixture
def db_path(world):
    world.store.close()  # the CLI opens the file itself
    return world.path


def settings(db_path, *args: str):
    return runner.invoke(
        app, ["settings", *args, "--db", str(db_path)], env={"LUOTSI_PASSWORD": "demo"}
    )


def stored(db_path) -> list[tuple[str, str]]:
    with raw_connect(db_path) as conn:
        return conn.execute(
            "SELECT key, value FROM setting WHERE key NOT LIKE 'export.%' ORDER BY key"
        ).fetchall()


def test_lists_every_setting_with_its_value_and_meaning(db_path):
    result = settings(db_path)
    assert result.exit_code == 0, result.output
    assert "queue.wait_threshold_minutes = 20" in result.output
    assert "feedback.link_to_visit = ei" in result.output
    assert "feedback_score" in result.output  # what switching it on does
    assert "timezone = Europe/Helsinki" in result.output


def test_an_admin_switches_feedback_linking_on(db_path):
    result = settings(db_path, "set", "feedback.link_to_visit", "kyllä", "--user", "admin")
    assert result.exit_code == 0, result.output
    assert "feedback.link_to_visit = kyllä" in result.output
    assert stored(db_path) == [("feedback.link_to_visit", "1")]
    assert "feedback.link_to_visit = kyllä" in settings(db_path, "--lang", "fi").output


def test_answers_in_the_admins_own_language(world):
    world.store.staff.set_language(world.admin, "sv")
    world.store.close()
    result = settings(world.path, "set", "queue.wait_threshold_minutes", "15", "--user", "admin")
    assert result.exit_code == 0, result.output
    assert "queue.wait_threshold_minutes = 15 (ändringen loggad)" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("feedback.link_to_visit", "ehkä", "--user", "admin"), "anna kyllä tai ei"),
        (("queue.wait_threshold_minutes", "999", "--user", "admin"), "kokonaisluku 1–240"),
        (("queue.odotus", "5", "--user", "admin"), "asetusta ”queue.odotus” ei ole"),
        (("feedback.link_to_visit", "kyllä", "--user", "valmentaja"), "vain pääkäyttäjä"),
        (("timezone", "Helsinki", "--user", "admin"), "aikavyöhykettä ”Helsinki” ei tunneta"),
        (("timezone", "Europe/Stockholm", "--user", "vastaanotto"), "vain pääkäyttäjä"),
    ],
)
def test_refusals_exit_2_and_change_nothing(db_path, args, message):
    result = settings(db_path, "set", *args)
    assert result.exit_code == 2
    assert message in result.output
    assert stored(db_path) == []


def test_an_admin_sets_the_installations_time_zone(db_path):
    result = settings(db_path, "set", "timezone", "Europe/Stockholm", "--user", "admin")
    assert result.exit_code == 0, result.output
    assert "timezone = Europe/Stockholm (muutos kirjattu lokiin)" in result.output
    assert stored(db_path) == [("timezone", "Europe/Stockholm")]
    assert "timezone = Europe/Stockholm" in settings(db_path).output
