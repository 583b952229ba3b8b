"""`luotsi staff` and `luotsi site` through Typer's runner, on a real database file."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from store.api import Store
from tests.faults import raw_connect
from tui.cli import app

runner = CliRunner()
NEW = "uusi salasana"


@pytest.fixture
def db_path(world):
    world.store.close()  # the CLI opens the file itself
    return world.path


def luotsi(db_path, *args: str, user: str = "admin", new: str | None = NEW, **kwargs):
    env = {"LUOTSI_PASSWORD": "demo"}
    if new is not None:
        env["LUOTSI_NEW_PASSWORD"] = new
    return runner.invoke(app, ["--db", str(db_path), *args, "--user", user], env=env, **kwargs)


def rows(db_path, sql: str, *params: object) -> list[tuple]:
    with raw_connect(db_path) as conn:
        return conn.execute(sql, params).fetchall()


def logs_in(db_path, username: str, password: str) -> bool:
    store = Store.open(db_path)
    try:
        return store.staff.authenticate(username, password) is not None
    finally:
        store.close()


def test_staff_list_shows_every_account(db_path):
    result = luotsi(db_path, "staff", "list", "--lang", "en")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(("username" in line and "active" in line) for line in lines)
    [row] = [line for line in lines if "vastaanotto" in line]
    assert "Nieminen Noora" in row and "reception" in row and "Työpiste Keskusta" in row
    assert "yes" in row


def test_staff_add_makes_an_account_that_logs_in_and_is_logged(db_path):
    result = luotsi(
        db_path, "staff", "add", "vastaanotto2", "--name", "Koski Kaisa", "--role", "reception"
    )
    assert result.exit_code == 0, result.output
    assert "vastaanotto2 (vastaanotto) lisätty, toimipiste Työpiste Keskusta" in result.output
    assert logs_in(db_path, "vastaanotto2", NEW)
    [(site_name, language)] = rows(
        db_path,
        "SELECT site.name, staff.language FROM staff JOIN site ON site.id = staff.site_id"
        " WHERE username = 'vastaanotto2'",
    )
    assert (site_name, language) == ("Työpiste Keskusta", "fi")
    assert rows(
        db_path,
        "SELECT count(*) FROM audit_event JOIN staff ON staff.id = audit_event.entity_id"
        " WHERE audit_event.action = 'create' AND staff.username = 'vastaanotto2'",
    ) == [(1,)]


def test_staff_add_asks_the_new_password_twice_and_takes_the_new_users_language(db_path):
    answers = f"lyhyt\n{NEW}\nväärin\n{NEW}\n{NEW}\n"
    args = ["staff", "add", "coach2", "--name", "Berg Björn", "--role", "coach"]
    result = luotsi(db_path, *args, "--site", "keskus", "--lang", "sv", new=None, input=answers)
    assert result.exit_code == 0, result.output
    assert "vähintään 8 merkkiä" in result.output
    assert "salasanat eivät täsmää" in result.output
    assert "uusi salasana" in result.output.casefold()  # the prompt names the account
    assert logs_in(db_path, "coach2", NEW)
    assert rows(db_path, "SELECT language FROM staff WHERE username = 'coach2'") == [("sv",)]


def test_an_aborted_password_prompt_exits_2_and_adds_no_one(db_path):
    args = ["staff", "add", "coach2", "--name", "Berg Björn", "--role", "coach"]
    result = luotsi(db_path, *args, new=None, input="")
    assert result.exit_code == 2
    assert "keskeytetty" in result.output
    assert rows(db_path, "SELECT count(*) FROM staff WHERE username = 'coach2'") == [(0,)]


@pytest.mark.parametrize(
    ("username", "new", "message"),
    [
        ("Kaisa Koski", NEW, "ei kelpaa"),
        ("vastaanotto", NEW, "on jo käytössä"),
        ("kaisa", "lyhyt", "vähintään 8 merkkiä"),
    ],
)
def test_staff_add_refuses_bad_names_and_passwords_with_exit_2(db_path, username, new, message):
    before = rows(db_path, "SELECT count(*) FROM staff")
    args = ["staff", "add", username, "--name", "Koski Kaisa", "--role", "coach"]
    result = luotsi(db_path, *args, new=new)
    assert result.exit_code == 2
    assert message in result.output
    assert rows(db_path, "SELECT count(*) FROM staff") == before


@pytest.mark.parametrize(
    "args",
    [
        ["staff", "list"],
        ["staff", "add", "uusi", "--name", "Uusi Ulla", "--role", "admin"],
        ["staff", "passwd", "admin"],
        ["staff", "role", "vastaanotto", "admin"],
        ["staff", "deactivate", "admin"],
        ["site", "list"],
        ["site", "add", "Työpiste Itä", "--municipality", "Kuopio", "--area", "Kuopio"],
    ],
)
@pytest.mark.parametrize("user", ["vastaanotto", "valmentaja"])
def test_only_an_admin_manages_staff_and_sites(db_path, args, user):
    before = rows(db_path, "SELECT username, role, active FROM staff ORDER BY username")
    result = luotsi(db_path, *args, user=user)
    assert result.exit_code == 2
    assert "vain pääkäyttäjä" in result.output
    assert rows(db_path, "SELECT username, role, active FROM staff ORDER BY username") == before
    assert rows(db_path, "SELECT count(*) FROM site") == [(1,)]


def test_staff_passwd_sets_a_new_password(db_path):
    result = luotsi(db_path, "staff", "passwd", "valmentaja", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "the password of valmentaja is changed" in result.output
    assert logs_in(db_path, "valmentaja", NEW)
    assert not logs_in(db_path, "valmentaja", "demo")


def test_staff_passwd_of_an_unknown_user_exits_2(db_path):
    result = luotsi(db_path, "staff", "passwd", "ghost", "--lang", "en")
    assert result.exit_code == 2
    assert "there is no user ghost" in result.output


def test_staff_role_changes_a_role_but_never_the_last_admins(db_path):
    result = luotsi(db_path, "staff", "role", "vastaanotto", "coach")
    assert result.exit_code == 0, result.output
    assert "rooli on nyt valmentaja" in result.output
    assert rows(db_path, "SELECT role FROM staff WHERE username = 'vastaanotto'") == [("coach",)]
    last = luotsi(db_path, "staff", "role", "admin", "coach", "--lang", "en")
    assert last.exit_code == 2
    assert "admin is the last active admin" in last.output
    assert luotsi(db_path, "staff", "role", "admin", "boss").exit_code == 2


def test_staff_deactivate_closes_the_login_and_keeps_the_row(db_path):
    result = luotsi(db_path, "staff", "deactivate", "vastaanotto")
    assert result.exit_code == 0, result.output
    assert rows(db_path, "SELECT active FROM staff WHERE username = 'vastaanotto'") == [(0,)]
    assert not logs_in(db_path, "vastaanotto", "demo")
    listed = luotsi(db_path, "staff", "list", "--lang", "en")
    assert any(
        "vastaanotto" in line and "deactivated" in line for line in listed.output.splitlines()
    )
    myself = luotsi(db_path, "staff", "deactivate", "admin", "--lang", "en")
    assert myself.exit_code == 2
    assert "you cannot deactivate your own account" in myself.output


def test_site_add_and_list(db_path):
    result = luotsi(
        db_path, "site", "add", "Työpiste Itä", "--municipality", "Kuopio", "--area", "Kuopion alue"
    )
    assert result.exit_code == 0, result.output
    assert "toimipiste Työpiste Itä lisätty" in result.output
    listed = luotsi(db_path, "site", "list")
    assert listed.exit_code == 0, listed.output
    assert any("Työpiste Itä" in line and "Kuopio" in line for line in listed.output.splitlines())
    [(by,)] = rows(
        db_path,
        "SELECT staff.username FROM audit_event JOIN staff ON staff.id = audit_event.staff_id"
        " WHERE audit_event.entity = 'site' AND audit_event.action = 'create'"
        " AND audit_event.staff_id IS NOT NULL",
    )
    assert by == "admin"
    again = luotsi(
        db_path, "site", "add", "työpiste itä", "--municipality", "Kuopio", "--area", "Kuopion alue"
    )
    assert again.exit_code == 2
    assert "on jo olemassa" in again.output


def test_with_several_sites_staff_add_asks_which(db_path):
    luotsi(db_path, "site", "add", "Työpiste Itä", "--municipality", "Kuopio", "--area", "K")
    args = ["staff", "add", "kaisa", "--name", "Koski Kaisa", "--role", "coach"]
    result = luotsi(db_path, *args)
    assert result.exit_code == 2
    assert "Työpiste Itä" in result.output and "Työpiste Keskusta" in result.output
    chosen = luotsi(db_path, *args, "--site", "itä")
    assert chosen.exit_code == 0, chosen.output
    assert "toimipiste Työpiste Itä" in chosen.output


def test_init_refuses_a_bad_first_username_with_exit_2(tmp_path):
    path = tmp_path / "luotsi.db"
    args = ["init", str(path), "--site", "X", "--municipality", "Y", "--area", "Z"]
    result = runner.invoke(
        app,
        [*args, "--username", "Pää Käyttäjä", "--display-name", "Rossi Riitta"],
        env={"LUOTSI_PASSWORD": "pitkä salasana"},
    )
    assert result.exit_code == 2
    assert "ei kelpaa" in result.output
    assert list(tmp_path.iterdir()) == []  # nothing half made, no key file left over
