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
    commands = {
        "vastaanotto": ["export", "visits", "--date", "28.11.2026"],
        "valmentaja": ["report", "day"],
        "admin": ["settings", "set", "queue.wait_threshold_minutes", "20"],
    }
    for username, command in commands.items():
        result = runner.invoke(
            app,
            [*command, "--db", str(world.path), "--user", username, "--lang", "en"],
            env={"LUOTSI_PASSWORD": "wrong"},
        )
        assert result.exit_code == 2, command
        assert result.output.endswith("luotsi: login failed: wrong username or password\n")


def test_the_cli_login_is_locked_after_three_failures(world):
    world.store.close()

    def report(password: str):
        return runner.invoke(
            app,
            ["report", "day", "--db", str(world.path), "--user", "valmentaja", "--lang", "en"],
            env={"LUOTSI_PASSWORD": password},
        )

    assert [report("wrong").exit_code for _ in range(2)] == [2, 2]
    third, right = report("wrong"), report("demo")
    assert third.output.endswith("luotsi: too many failed logins; try again in 30 seconds\n")
    assert right.exit_code == 2
    assert "try again in" in right.output


COMMANDS_THAT_LOG_IN = [
    ["export", "visits", "--date", "28.11.2026"],
    ["report", "day"],
    ["import", "clients", "{csv}"],
    ["settings", "set", "queue.wait_threshold_minutes", "20"],
    ["staff", "list"],
]


@pytest.mark.parametrize("command", COMMANDS_THAT_LOG_IN, ids=lambda c: " ".join(c[:2]))
@pytest.mark.parametrize(
    ("user", "typed"),
    [(None, ""), ("admin", "")],
    ids=["username", "password"],
)
def test_a_login_prompt_at_end_of_input_exits_2(world, tmp_path, command, user, typed):
    # End of input is what Ctrl+D gives at a terminal; Ctrl+C: tests/cli/test_terminal.py.
    world.store.close()
    csv_file = tmp_path / "uudet.csv"
    csv_file.write_text("first_name,last_name\nLiisa,Laine\n")
    args = [part.format(csv=csv_file) for part in command]
    user_args = ["--user", user] if user else []
    result = runner.invoke(
        app, [*args, "--db", str(world.path), *user_args, "--lang", "en"], input=typed
    )
    assert result.exit_code == 2, result.output
    assert "\nluotsi: aborted; nothing was changed\n" in result.output
    assert "Traceback" not in result.output


def test_an_aborted_init_prompt_exits_2_and_creates_nothing(tmp_path):
    path = tmp_path / "uusi.db"
    for typed in ("", "Työpiste Itä\n", "Työpiste Itä\nKuopio\nKuopion alue\nadmin\nAalto\n"):
        result = runner.invoke(app, ["init", str(path), "--lang", "en"], input=typed)
        assert result.exit_code == 2, (typed, result.output)
        assert "\nluotsi: aborted; nothing was changed\n" in result.output
    assert not path.exists()
