"""What the commands share: the same typo, the same site and the same refusal get the same
answer from every command that logs in."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tui.cli import app

runner = CliRunner()


def run(world, *args: str):
    world.store.close()  # the CLI opens the file itself
    return runner.invoke(
        app,
        [*args, "--db", str(world.path), "--user", "vastaanotto", "--lang", "en"],
        env={"LUOTSI_PASSWORD": "demo"},
    )


@pytest.mark.parametrize("typo", ["31.2.2026", "28.11.26", "2026-13-01"])
def test_export_and_report_answer_a_mistyped_date_alike(world, tmp_path, typo):
    exported = run(world, "export", "visits", "--date", typo, "--out", str(tmp_path / "k.csv"))
    reported = run(world, "report", "day", "--date", typo)
    expected = f"luotsi: the date “{typo}” is not valid; give it as 28.11.2026 or 2026-11-28\n"
    assert (exported.exit_code, exported.output) == (2, expected)
    assert (reported.exit_code, reported.output) == (2, expected)


def test_export_and_report_answer_an_unknown_site_alike(world, tmp_path):
    exported = run(world, "export", "visits", "--date", "28.11.2026", "--site", "Nowhere")
    reported = run(world, "report", "day", "--site", "Nowhere")
    expected = (
        "luotsi: no single site matches “Nowhere”; choose one of these:\n  Työpiste Keskusta\n"
    )
    assert exported.exit_code == reported.exit_code == 2
    assert exported.output.endswith(expected) and reported.output.endswith(expected)
    assert not (tmp_path / "k.csv").exists()


def test_a_refused_login_is_exit_2_for_every_command(world, tmp_path):
    world.store.close()
    for command in (["export", "visits", "--date", "28.11.2026"], ["report", "day"],
                    ["settings", "set", "queue.wait_threshold_minutes", "20"]):  # fmt: skip
        result = runner.invoke(
            app,
            [*command, "--db", str(world.path), "--user", "vastaanotto", "--lang", "en"],
            env={"LUOTSI_PASSWORD": "wrong"},
        )
        assert result.exit_code == 2, command
        assert result.output.endswith("luotsi: login failed: wrong username or password\n")
