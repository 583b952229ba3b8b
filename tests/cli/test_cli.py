"""The `luotsi` command line through Typer's runner, on real database files."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from stdnum.fi import hetu as stdnum_hetu
from typer.testing import CliRunner

from store.api import Store
from store.core import keyring
from store.sample.generate import DEMO_PASSWORD, generate_sample
from tests.conftest import make_hetu
from tests.faults import raw_connect
from tui.cli import app

runner = CliRunner()
NEW_HETU = make_hetu("120388", "-", 977)
GOOD_CSV = (
    "hetu,first_name,last_name,birth_date,phone,language\n"
    f"{NEW_HETU},Liisa,Laine,,040 555 0101,fi\n"
    ",Ahmed,Al-Hassan,4.5.1991,,other\n"
)


@pytest.fixture
def sample_db(tmp_path: Path) -> Path:
    path = tmp_path / "luotsi.db"
    generate_sample(path, clients=50, seed=3, history_weeks=0)  # visits are not needed here
    return path


def _rows(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    with raw_connect(path) as conn:
        return conn.execute(sql, params).fetchall()


def _client_count(path: Path) -> int:
    return _rows(path, "SELECT count(*) FROM client")[0][0]


def _import(db: Path, csv_file: Path, *args: str, user: str = "admin", password: str = "demo"):
    return runner.invoke(
        app,
        ["import", "clients", str(csv_file), "--db", str(db), "--user", user, *args],
        env={"LUOTSI_PASSWORD": password},
    )


def test_help_lists_the_commands():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("demo", "init", "sample", "import", "board"):
        assert command in result.output
    assert "clients" in runner.invoke(app, ["import", "--help"]).output


# init --------------------------------------------------------------------------------


def test_init_creates_the_first_site_and_admin(tmp_path: Path):
    path = tmp_path / "new" / "luotsi.db"
    args = [
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
    ]
    result = runner.invoke(app, args, env={"LUOTSI_PASSWORD": "pitkä salasana"})
    assert result.exit_code == 0, result.output
    assert "paakayttaja" in result.output
    store = Store.open(path)
    try:
        admin = store.staff.authenticate("paakayttaja", "pitkä salasana")
        assert admin is not None and admin.role == "admin"
        assert admin.display_name == "Rossi Riitta"
        [site] = store.sites.all()
        assert (site.name, site.municipality, site.employment_area) == (
            "Työpiste Itä",
            "Kuopio",
            "Kuopion työllisyysalue",
        )
        assert admin.site_id == site.id
    finally:
        store.close()


def test_init_asks_with_defaults_and_twice_for_the_password(tmp_path: Path):
    path = tmp_path / "luotsi.db"
    answers = "\n\n\n\n\nsalasana123\nväärä\nsalasana123\nsalasana123\n"
    result = runner.invoke(app, ["init", str(path)], input=answers)
    assert result.exit_code == 0, result.output
    assert "salasanat eivät täsmää" in result.output
    store = Store.open(path)
    try:
        assert store.staff.authenticate("admin", "salasana123") is not None
        assert [(s.name, s.municipality) for s in store.sites.all()] == [("Työpiste", "Turku")]
    finally:
        store.close()


def test_init_refuses_a_database_that_already_has_staff(sample_db: Path):
    before = _rows(sample_db, "SELECT count(*) FROM staff")
    result = runner.invoke(
        app,
        [
            "init",
            str(sample_db),
            "--site",
            "X",
            "--municipality",
            "Y",
            "--area",
            "Z",
            "--username",
            "toinen",
            "--display-name",
            "Toinen",
        ],
        env={"LUOTSI_PASSWORD": "salasana123"},
    )
    assert result.exit_code == 2
    assert "käyttäjiä" in result.output
    assert _rows(sample_db, "SELECT count(*) FROM staff") == before


def test_init_refuses_a_short_password(tmp_path: Path):
    path = tmp_path / "luotsi.db"
    args = [
        "init",
        str(path),
        "--site",
        "X",
        "--municipality",
        "Y",
        "--area",
        "Z",
        "--username",
        "admin",
        "--display-name",
        "A",
        "--lang",
        "en",
    ]
    result = runner.invoke(app, args, env={"LUOTSI_PASSWORD": "short"})
    assert result.exit_code == 2
    assert "at least 8 characters" in result.output
    assert not path.exists()


def test_a_file_that_is_not_a_database_gets_one_clear_line(tmp_path: Path):
    path = tmp_path / "notes.db"
    path.write_text("shopping list\n")
    result = runner.invoke(app, ["init", str(path), "--lang", "en"])
    assert result.exit_code == 2
    assert result.output.strip() == f"luotsi: {path} is not a Luotsi database"
    assert path.read_text() == "shopping list\n"


# sample ------------------------------------------------------------------------------


def test_sample_is_deterministic_valid_and_logs_in(tmp_path: Path):
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    for path in (first, second):
        result = runner.invoke(app, ["sample", str(path), "--clients", "50", "--seed", "3"])
        assert result.exit_code == 0, result.output
    sql = "SELECT first_name, last_name, hetu, birth_date FROM client ORDER BY rowid"
    rows = _rows(first, sql)
    assert len(rows) == 50 and rows == _rows(second, sql)
    hetus = [row[2] for row in rows if row[2]]
    assert len(hetus) > 35
    for code in hetus:
        assert stdnum_hetu.validate(code, allow_temporary=True) == code
        assert int(code[7:10]) >= 900
    store = Store.open(first)
    try:
        for username in ("admin", "vastaanotto", "valmentaja"):
            assert store.staff.authenticate(username, DEMO_PASSWORD) is not None
    finally:
        store.close()


def test_sample_refuses_to_overwrite_without_force(tmp_path: Path):
    path = tmp_path / "sample.db"
    assert runner.invoke(app, ["sample", str(path), "--clients", "5"]).exit_code == 0
    result = runner.invoke(app, ["sample", str(path), "--clients", "8"])
    assert result.exit_code == 2 and "--force" in result.output
    assert _client_count(path) == 5
    forced = runner.invoke(app, ["sample", str(path), "--clients", "8", "--force"])
    assert forced.exit_code == 0
    assert _client_count(path) == 8


def test_sample_force_never_replaces_a_file_that_is_not_a_database(tmp_path: Path):
    path = tmp_path / "thesis.docx"
    path.write_bytes(b"PK\x03\x04 years of work")
    result = runner.invoke(app, ["sample", str(path), "--force"])
    assert result.exit_code == 2
    assert path.read_bytes() == b"PK\x03\x04 years of work"


# import ------------------------------------------------------------------------------


def test_import_a_good_comma_file(sample_db: Path, tmp_path: Path):
    csv_file = tmp_path / "uudet.csv"
    csv_file.write_text(GOOD_CSV, encoding="utf-8")
    result = _import(sample_db, csv_file)
    assert result.exit_code == 0, result.output
    assert "Tuotiin 2 asiakasta tiedostosta uudet.csv" in result.output
    assert _rows(sample_db, "SELECT last_name, phone FROM client WHERE hetu = ?", (NEW_HETU,)) == [
        ("Laine", "+358405550101")
    ]
    assert _client_count(sample_db) == 52


def test_import_semicolons_with_bom_keeps_nordic_letters(sample_db: Path, tmp_path: Path):
    csv_file = tmp_path / "excel.csv"
    text = "hetu;first_name;last_name;birth_date\r\n;Åsa;Östman;1.2.1980\r\n;Jörö;Mäki-Jokela;3.4.1970\r\n"
    csv_file.write_bytes(text.encode("utf-8-sig"))
    result = _import(sample_db, csv_file)
    assert result.exit_code == 0, result.output
    names = _rows(
        sample_db,
        "SELECT first_name, last_name FROM client WHERE birth_date IN"
        " ('1980-02-01', '1970-04-03') ORDER BY birth_date",
    )
    assert ("Jörö", "Mäki-Jokela") in names and ("Åsa", "Östman") in names


def test_import_a_bad_file_lists_lines_and_reasons_and_imports_nothing(
    sample_db: Path, tmp_path: Path
):
    csv_file = tmp_path / "bad.csv"
    csv_file.write_text(
        "first_name,last_name,birth_date,email\n"
        "Anna,Aalto,1.1.1990,anna@example.com\n"
        "Bertta,Berg,31.2.1990,\n"
        "Cecilia,,1.1.1990,cecilia(at)example.com\n",
        encoding="utf-8",
    )
    result = _import(sample_db, csv_file, "--lang", "en")
    assert result.exit_code == 1
    # Table rows as Rich draws them: │ line │ column │ reason │
    rows = {
        tuple(cell.strip() for cell in line.strip("│ ").split("│"))
        for line in result.output.splitlines()
        if line.startswith("│")
    }
    assert rows == {
        ("3", "birth_date", "31.2.1990 is not a real date"),
        ("4", "last_name", "this is required"),
        ("4", "email", "enter an address like name@example.com"),
    }
    assert "Nothing was imported" in result.output
    assert _client_count(sample_db) == 50


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fi", "Tuotiin 1 asiakas tiedostosta yksi.csv."),
        ("sv", "1 klient importerades från yksi.csv."),
        ("en", "Imported 1 client from yksi.csv."),
    ],
)
def test_one_imported_client_is_one_client(sample_db: Path, tmp_path: Path, lang, expected):
    csv_file = tmp_path / "yksi.csv"
    csv_file.write_text("first_name,last_name,birth_date\nLiisa,Laine,4.5.1991\n", encoding="utf-8")
    result = _import(sample_db, csv_file, "--lang", lang)
    assert result.exit_code == 0, result.output
    assert expected in result.output


def test_a_dry_run_imports_nothing(sample_db: Path, tmp_path: Path):
    csv_file = tmp_path / "uudet.csv"
    csv_file.write_text(GOOD_CSV, encoding="utf-8")
    result = _import(sample_db, csv_file, "--dry-run")
    assert result.exit_code == 0
    assert "Koeajo: 2 asiakasta" in result.output
    assert _client_count(sample_db) == 50


def test_a_registered_hetu_is_reported_masked_and_not_overwritten(sample_db: Path, tmp_path: Path):
    [(hetu, first_name)] = _rows(
        sample_db, "SELECT hetu, first_name FROM client WHERE hetu IS NOT NULL LIMIT 1"
    )
    csv_file = tmp_path / "dup.csv"
    csv_file.write_text(f"hetu,first_name,last_name\n{hetu},Toinen,Nimi\n", encoding="utf-8")
    result = _import(sample_db, csv_file)
    assert result.exit_code == 0
    assert f"{hetu[:7]}***{hetu[10]}" in result.output
    assert hetu not in result.output
    assert _rows(sample_db, "SELECT first_name FROM client WHERE hetu = ?", (hetu,)) == [
        (first_name,)
    ]


def test_importing_a_file_twice_adds_nothing_and_names_the_likely_duplicates(
    sample_db: Path, tmp_path: Path
):
    csv_file = tmp_path / "uudet.csv"
    csv_file.write_text(GOOD_CSV, encoding="utf-8")
    assert _import(sample_db, csv_file).exit_code == 0
    assert _client_count(sample_db) == 52
    again = _import(sample_db, csv_file, "--lang", "en")
    assert again.exit_code == 0, again.output
    assert "Already in the register, skipped: 1" in again.output
    assert "Likely already in the register (same birth date, a similar name), skipped: 1" in (
        again.output
    )
    assert "--allow-duplicates" in again.output
    row = next(line for line in again.output.splitlines() if "Al-Hassan Ahmed" in line)
    assert "4.5.1991" in row and row.count("Al-Hassan Ahmed") == 2  # the file's and the register's
    assert "Imported 0 clients" in again.output
    assert _client_count(sample_db) == 52


def test_allow_duplicates_imports_the_likely_duplicates(sample_db: Path, tmp_path: Path):
    csv_file = tmp_path / "uudet.csv"
    csv_file.write_text(GOOD_CSV, encoding="utf-8")
    _import(sample_db, csv_file)
    result = _import(sample_db, csv_file, "--allow-duplicates")
    assert result.exit_code == 0, result.output
    assert "tuodaan silti (--allow-duplicates): 1" in result.output
    assert "Tuotiin 1 asiakas " in result.output
    assert _rows(
        sample_db,
        "SELECT count(*) FROM client WHERE last_name = 'Al-Hassan' AND birth_date = '1991-05-04'",
    ) == [(2,)]
    assert _client_count(sample_db) == 53


def test_import_usage_errors_exit_2(sample_db: Path, tmp_path: Path):
    missing = _import(sample_db, tmp_path / "nope.csv")
    assert missing.exit_code == 2 and "nope.csv" in missing.output
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("first_name,last_name,shoe_size\nAnna,Aalto,38\n", encoding="utf-8")
    result = _import(sample_db, unknown)
    assert result.exit_code == 2 and "shoe_size" in result.output
    assert "Traceback" not in result.output
    assert _client_count(sample_db) == 50


def test_a_wrong_password_is_refused_and_logged(sample_db: Path, tmp_path: Path):
    csv_file = tmp_path / "uudet.csv"
    csv_file.write_text(GOOD_CSV, encoding="utf-8")
    result = _import(sample_db, csv_file, password="arvaus")
    assert result.exit_code == 2
    assert "kirjautuminen epäonnistui" in result.output
    assert _rows(sample_db, "SELECT count(*) FROM audit_event WHERE action = 'failed_login'") == [
        (1,)
    ]
    assert _client_count(sample_db) == 50


def test_a_coach_may_not_import(sample_db: Path, tmp_path: Path):
    csv_file = tmp_path / "uudet.csv"
    csv_file.write_text(GOOD_CSV, encoding="utf-8")
    result = _import(sample_db, csv_file, user="valmentaja")
    assert result.exit_code == 2
    assert "valmentaja" in result.output and "vain pääkäyttäjä" in result.output
    assert _client_count(sample_db) == 50


def test_an_import_writes_the_access_log(sample_db: Path, tmp_path: Path):
    csv_file = tmp_path / "uudet.csv"
    csv_file.write_text(GOOD_CSV, encoding="utf-8")
    [(admin_id,)] = _rows(sample_db, "SELECT id FROM staff WHERE username = 'admin'")
    assert _import(sample_db, csv_file).exit_code == 0
    events = _rows(
        sample_db,
        "SELECT action, entity, purpose FROM audit_event WHERE staff_id = ? ORDER BY at, rowid",
        (admin_id,),
    )
    assert events == [
        ("login", "staff", None),
        ("create", "import", "uudet.csv: 2 clients"),
    ]


def test_the_report_speaks_the_users_language_and_the_db_comes_from_env(
    sample_db: Path, tmp_path: Path
):
    store = Store.open(sample_db)
    try:
        admin = store.staff.authenticate("admin", DEMO_PASSWORD)
        assert admin is not None
        store.staff.set_language(admin, "sv")
    finally:
        store.close()
    csv_file = tmp_path / "uudet.csv"
    csv_file.write_text(GOOD_CSV, encoding="utf-8")
    result = runner.invoke(
        app,
        ["import", "clients", str(csv_file), "--dry-run"],
        env={"LUOTSI_DB": str(sample_db), "LUOTSI_USER": "admin", "LUOTSI_PASSWORD": "demo"},
    )
    assert result.exit_code == 0, result.output
    assert "Provkörning: 2 klienter" in result.output


def test_db_given_before_the_command_is_used(sample_db: Path, tmp_path: Path):
    csv_file = tmp_path / "uudet.csv"
    csv_file.write_text(GOOD_CSV, encoding="utf-8")
    result = runner.invoke(
        app,
        ["--db", str(sample_db), "--lang", "en", "import", "clients", str(csv_file)],
        env={"LUOTSI_USER": "admin", "LUOTSI_PASSWORD": "demo"},
    )
    assert result.exit_code == 0, result.output
    assert "Imported 2 clients" in result.output
    assert _client_count(sample_db) == 52


def test_import_into_a_database_that_does_not_exist_is_a_usage_error(tmp_path: Path):
    csv_file = tmp_path / "uudet.csv"
    csv_file.write_text(GOOD_CSV, encoding="utf-8")
    result = _import(tmp_path / "missing.db", csv_file)
    assert result.exit_code == 2 and "luotsi init" in result.output
    assert not (tmp_path / "missing.db").exists()


def test_opening_a_database_without_users_says_how_to_create_one(tmp_path: Path):
    path = tmp_path / "fresh.db"
    result = runner.invoke(app, ["--db", str(path)])
    assert result.exit_code == 2
    assert f"luotsi init {path}" in result.output
    assert "Traceback" not in result.output


def test_demo_never_touches_the_committed_sample(monkeypatch: pytest.MonkeyPatch):
    import tui.app
    from tui.cli import SAMPLE_DB

    before = SAMPLE_DB.read_bytes()
    opened: list[Path] = []

    def run(self) -> None:  # the real app on the copy, minus the terminal
        keyring.unlock(self.db_path, "admin", DEMO_PASSWORD)  # the demo's copy is encrypted
        self.open_store()
        opened.append(Path(self.store.db.execute("PRAGMA database_list").fetchone()[2]))
        self.store.clients.create(
            self.store.staff.all()[0],
            {"first_name": "Demo", "last_name": "Muutos", "birth_date": "1.1.1990"},
        )

    monkeypatch.setattr(tui.app.LuotsiApp, "run", run)
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    assert opened and opened[0] != SAMPLE_DB.resolve()
    assert SAMPLE_DB.read_bytes() == before
    assert not opened[0].exists()  # the throwaway copy is gone afterwards


def test_demo_says_where_its_database_is_and_how_to_open_the_board_on_it(
    monkeypatch: pytest.MonkeyPatch,
):
    import tui.app

    boards = _capture_board(monkeypatch)
    copies: list[Path] = []
    notices: list[str | None] = []

    def run(self) -> None:  # while the demo runs, its lines name the copy the app opened
        keyring.unlock(self.db_path, "admin", DEMO_PASSWORD)  # the demo's copy is encrypted
        self.open_store()
        copies.append(Path(self.store.db.execute("PRAGMA database_list").fetchone()[2]))
        notices.append(self._notice)

    monkeypatch.setattr(tui.app.LuotsiApp, "run", run)
    result = runner.invoke(app, ["demo", "--lang", "en"])
    assert result.exit_code == 0, result.output
    [copy] = copies
    command = f"luotsi board --db {copy} --site 'Työpiste Keskusta'"
    assert result.output.splitlines()[:2] == [
        f"Throwaway sample database: {copy} (removed when Luotsi closes)",
        f"The waiting-room board in another terminal: {command}",
    ]
    # The app shows the same lines over its login form, where the printed ones are hidden.
    assert notices == ["\n".join(result.output.splitlines()[:2])]
    assert boards == []


def test_the_demos_board_command_opens_the_board_on_its_copy(
    monkeypatch: pytest.MonkeyPatch, sample_db: Path
):
    from tui.cli import demo_lines

    boards = _capture_board(monkeypatch)
    [_, board_line] = demo_lines(sample_db, "fi")
    assert board_line.startswith("Odotustilan näyttö toisessa päätteessä: luotsi board --db ")
    command = shlex.split(board_line.split(": ", 1)[1])
    result = runner.invoke(app, command[1:])
    assert result.exit_code == 0, result.output
    assert boards == [("Työpiste Keskusta", "luotsi.db.board")]


def _capture_app(monkeypatch: pytest.MonkeyPatch) -> list:
    """Run the real app's set-up but, instead of the terminal, remember the app."""
    import tui.app

    opened: list = []

    def run(self) -> None:
        keyring.unlock(self.db_path, "admin", DEMO_PASSWORD)  # the demo's copy is encrypted
        self.open_store()
        opened.append(
            (self.desk, self.store.visits.queue(self.store.sites.all()[0].id), self.store.today())
        )

    monkeypatch.setattr(tui.app.LuotsiApp, "run", run)
    return opened


def test_demo_opens_on_a_queue_of_today_whatever_day_it_is(monkeypatch: pytest.MonkeyPatch):
    opened = _capture_app(monkeypatch)
    result = runner.invoke(app, ["demo", "--desk", "3"])
    assert result.exit_code == 0, result.output
    [(desk, queue, today)] = opened
    assert desk == "3"
    assert any(v.state == "waiting" for v in queue)
    assert {v.visit_date for v in queue} == {today}


def test_the_desk_comes_from_the_option_the_environment_or_defaults_to_1(
    monkeypatch: pytest.MonkeyPatch, sample_db: Path
):
    opened = _capture_app(monkeypatch)
    assert runner.invoke(app, ["--db", str(sample_db)]).exit_code == 0
    assert runner.invoke(app, ["--db", str(sample_db), "--desk", "2"]).exit_code == 0
    env = {"LUOTSI_DESK": "Luukku"}
    assert runner.invoke(app, ["--db", str(sample_db)], env=env).exit_code == 0
    assert runner.invoke(app, ["--desk", "4", "demo"]).exit_code == 0
    assert [desk for desk, _, _ in opened] == ["1", "2", "Luukku", "4"]
    too_long = runner.invoke(app, ["--db", str(sample_db), "--desk", "Tiski numero 2"])
    assert too_long.exit_code == 2 and "--desk" in too_long.output
    assert len(opened) == 4


def test_sample_weeks_sets_how_much_visit_history_there_is(tmp_path: Path):
    none, one = tmp_path / "none.db", tmp_path / "one.db"
    args = ["--clients", "30", "--seed", "4"]
    assert runner.invoke(app, ["sample", str(none), *args, "--weeks", "0"]).exit_code == 0
    assert runner.invoke(app, ["sample", str(one), *args, "--weeks", "1"]).exit_code == 0
    assert _rows(none, "SELECT count(*) FROM visit") == [(0,)]
    days = _rows(one, "SELECT count(DISTINCT visit_date) FROM visit")[0][0]
    assert days == 6  # five weekdays and today


# board -------------------------------------------------------------------------------


def _capture_board(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Instead of the terminal, remember each board's site and the file it reads (the
    side file the desks publish, never the database)."""
    import tui.board

    shown: list[tuple[str, str]] = []

    def run(self) -> None:
        shown.append((self.board.site.name, self.board.feed.path.name))

    monkeypatch.setattr(tui.board.BoardApp, "run", run)
    return shown


def _desk_opened(path: Path) -> Path:
    """A desk opens the database once, as the board needs: its side file is written."""
    Store.open(path).close()
    return path


def test_board_with_several_sites_lists_them_and_exits_2(
    monkeypatch: pytest.MonkeyPatch, sample_db: Path
):
    shown = _capture_board(monkeypatch)
    _desk_opened(sample_db)
    result = runner.invoke(app, ["board", "--db", str(sample_db), "--lang", "en"])
    assert result.exit_code == 2
    assert "choose the site with --site" in result.output
    for name in ("Työpiste Keskusta", "Työpiste Runosmäki", "Raision työpiste"):
        assert f"  {name}" in result.output
    assert shown == []


def test_board_with_an_unknown_or_ambiguous_site_exits_2(
    monkeypatch: pytest.MonkeyPatch, sample_db: Path
):
    shown = _capture_board(monkeypatch)
    _desk_opened(sample_db)
    for asked in ("Kuopio", "työpiste"):
        result = runner.invoke(app, ["board", "--db", str(sample_db), "--site", asked])
        assert result.exit_code == 2, asked
        assert f"”{asked}”" in result.output and "  Raision työpiste" in result.output
    assert shown == []


def test_board_opens_the_named_site_from_its_side_file(
    monkeypatch: pytest.MonkeyPatch, sample_db: Path
):
    shown = _capture_board(monkeypatch)
    _desk_opened(sample_db)
    for asked in ("Työpiste Runosmäki", "runosmäki", "RAISIO"):
        result = runner.invoke(app, ["board", "--db", str(sample_db), "--site", asked])
        assert result.exit_code == 0, result.output
    side = "luotsi.db.board"
    assert shown == [
        ("Työpiste Runosmäki", side),
        ("Työpiste Runosmäki", side),
        ("Raision työpiste", side),
    ]


def test_board_needs_no_site_where_there_is_one(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    shown = _capture_board(monkeypatch)
    path = tmp_path / "one.db"
    store = Store.open(path)
    try:
        store.sites.create("Työpiste Itä", "Kuopio", "Kuopion työllisyysalue")
    finally:
        store.close()
    result = runner.invoke(app, ["board"], env={"LUOTSI_DB": str(path)})
    assert result.exit_code == 0, result.output
    assert shown == [("Työpiste Itä", "one.db.board")]


def test_board_without_a_database_or_sites_exits_2(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    shown = _capture_board(monkeypatch)
    missing = tmp_path / "missing.db"
    result = runner.invoke(app, ["board", "--db", str(missing)])
    assert result.exit_code == 2 and "luotsi init" in result.output
    assert not missing.exists()
    empty = tmp_path / "empty.db"
    Store.open(empty).close()
    result = runner.invoke(app, ["board", "--db", str(empty), "--lang", "en"])
    assert result.exit_code == 2 and "has no sites" in result.output
    notes = tmp_path / "notes.db"
    notes.write_text("shopping list\n")
    result = runner.invoke(app, ["board", "--db", str(notes), "--lang", "en"])
    # The board never reads the database: it finds no side file beside it.
    assert result.exit_code == 2 and "has no data yet" in result.output
    assert notes.read_text() == "shopping list\n"
    assert shown == []


def test_messages_before_a_login_follow_the_locale_unless_lang_is_given(tmp_path: Path):
    missing = tmp_path / "missing.db"
    swedish = runner.invoke(app, ["board", "--db", str(missing)], env={"LANG": "sv_FI.UTF-8"})
    assert swedish.exit_code == 2
    assert f"databasen {missing} finns inte" in swedish.output
    english = runner.invoke(
        app, ["board", "--db", str(missing), "--lang", "en"], env={"LANG": "sv_FI.UTF-8"}
    )
    assert f"there is no database at {missing}" in english.output
    finnish = runner.invoke(app, ["board", "--db", str(missing)], env={"LANG": "C.UTF-8"})
    assert f"tietokantaa {missing} ei ole" in finnish.output
