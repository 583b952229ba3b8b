"""A real installation from the command line to the desk: `luotsi init`, an admin adds a
reception account, and that user logs in and queues a visitor."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from screens.desk.walk_in import WalkInScreen
from tests.faults import raw_connect
from tui.app import make_app
from tui.cli import app as cli

from ..helpers import log_in, settled

ADMIN_PASSWORD = "pääkäyttäjän salasana"
RECEPTION_PASSWORD = "vastaanoton salasana"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LUOTSI_DB", "LUOTSI_USER", "LUOTSI_PASSWORD", "LUOTSI_NEW_PASSWORD"):
        monkeypatch.delenv(name, raising=False)


async def test_init_then_staff_add_then_the_new_user_queues_a_visitor(tmp_path):
    path = tmp_path / "luotsi.db"
    runner = CliRunner()
    init = runner.invoke(
        cli,
        [
            "init",
            str(path),
            "--site",
            "Työpiste Itä",
            "--municipality",
            "Kuopio",
            "--area",
            "Kuopion työllisyysalue",
            "--username",
            "paakayttaja",
            "--display-name",
            "Rossi Riitta",
        ],
        env={"LUOTSI_PASSWORD": ADMIN_PASSWORD},
    )
    assert init.exit_code == 0, init.output
    added = runner.invoke(
        cli,
        [
            *("--db", str(path), "staff", "add", "vastaanotto2"),
            *("--name", "Koski Kaisa", "--role", "reception", "--site", "Työpiste Itä"),
            *("--user", "paakayttaja"),
        ],
        env={"LUOTSI_PASSWORD": ADMIN_PASSWORD, "LUOTSI_NEW_PASSWORD": RECEPTION_PASSWORD},
    )
    assert added.exit_code == 0, added.output

    luotsi = make_app(path)
    async with luotsi.run_test() as pilot:
        await log_in(pilot, "vastaanotto2", RECEPTION_PASSWORD)
        await pilot.press("f2")
        await settled(pilot)
        assert isinstance(luotsi.screen, WalkInScreen)
        await pilot.press("f7", "9", "enter")
        await settled(pilot)

    with raw_connect(path) as conn:
        queued = conn.execute(
            "SELECT site.name, staff.username, visit.client_id FROM visit"
            " JOIN site ON site.id = visit.site_id"
            " JOIN staff ON staff.id = visit.updated_by"
        ).fetchall()
    assert queued == [("Työpiste Itä", "vastaanotto2", None)]
