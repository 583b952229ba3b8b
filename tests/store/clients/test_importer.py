"""Client CSV import: Excel's encodings and separators, row checks, all or nothing, the log."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.clients.importer import ImportFileError, decode, import_clients, parse_csv
from store.core.auth import PermissionDenied
from tests.conftest import World, make_hetu

HETU_A = make_hetu("010190", "-", 931)
HETU_B = make_hetu("150705", "B", 944)


def _write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "clients.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _client_count(world: World) -> int:
    return world.store.db.execute("SELECT count(*) FROM client").fetchone()[0]


def _names(world: World) -> set[tuple[str, str]]:
    rows = world.store.db.execute("SELECT first_name, last_name FROM client").fetchall()
    return {tuple(row) for row in rows}


def test_semicolons_bom_and_crlf_as_finnish_excel_writes_them():
    text = decode(
        "\ufeffHETU; First_Name ;last_name;language\r\n"
        f"{HETU_A};Åsa;Östman;SV\r\n"
        ";;;\r\n"
        ';"Jörgen";"Mäki-Jokela, jr";fi\r\n'.encode()
    )
    rows = parse_csv(text)
    assert [row.line for row in rows] == [2, 4]
    assert rows[0].values == {
        "hetu": HETU_A,
        "first_name": "Åsa",
        "last_name": "Östman",
        "service_language": "sv",
    }
    assert rows[1].values["last_name"] == "Mäki-Jokela, jr"


def test_windows_1252_files_are_read_when_they_are_not_utf8():
    text = decode("first_name,last_name\nÅsa,Öhman\n".encode("cp1252"))
    assert parse_csv(text)[0].values == {"first_name": "Åsa", "last_name": "Öhman"}
    # The first accented letter decides, however far into the file it is.
    long = "first_name,last_name\n" + "Anna,Aalto\n" * 8000 + "Åsa,Öhman\n"
    assert parse_csv(decode(long.encode("cp1252")))[-1].values["last_name"] == "Öhman"


@pytest.mark.parametrize(
    ("header", "key", "mentioned"),
    [
        ("first_name,surname,hetu", "import.error.unknown_columns", "surname"),
        ("hetu,first_name", "import.error.missing_columns", "last_name"),
        ("first_name,last_name,Last_Name", "import.error.repeated_columns", "last_name"),
    ],
)
def test_a_bad_header_rejects_the_whole_file(header: str, key: str, mentioned: str):
    with pytest.raises(ImportFileError) as caught:
        parse_csv(header + "\nAnna,Aalto,\n")
    assert caught.value.key == key
    assert mentioned in caught.value.message("en")
    assert caught.value.message("fi") != caught.value.message("en")


@pytest.mark.parametrize("text", ["", "\n", " \r\n;;;\r\n\r\n"])
def test_a_file_without_a_header_is_empty(text: str):
    with pytest.raises(ImportFileError) as caught:
        parse_csv(text)
    assert caught.value.key == "import.error.empty"


def test_a_good_file_is_imported_with_one_log_event_for_the_import(world: World, tmp_path: Path):
    before = _client_count(world)
    path = _write(
        tmp_path,
        "hetu,first_name,last_name,birth_date,phone,email,language,municipality\n"
        f"{HETU_A},Åsa,Östman,,040 765 4321,Asa@Example.COM,sv,Parainen\n"
        f",Faisal,Warsame,2.3.1988,,,other,Turku\n",
    )
    report = import_clients(world.store.ctx, world.admin, path)
    assert report.ok and report.imported == report.to_import == 2
    assert _client_count(world) == before + 2
    match = world.store.clients.search(HETU_A)[0]
    client = world.store.clients.open(world.admin, match.id)
    assert (client.first_name, client.last_name, client.phone) == ("Åsa", "Östman", "+358407654321")
    assert (client.email, client.service_language, client.municipality) == (
        "Asa@example.com",
        "sv",
        "Parainen",
    )
    # One access-log event stands for the import, and each client's events include it.
    summary = [e for e in world.store.audit.events(action="create") if e.entity == "import"]
    assert [(e.staff_id, e.purpose) for e in summary] == [
        (world.admin.id, "clients.csv: 2 clients")
    ]
    imported_ids = [match.id, world.store.clients.search("Warsame")[0].id]
    for client_id in imported_ids:
        events = world.store.audit.events(client_id=client_id, action="create")
        assert [e.id for e in events] == [summary[0].id]
    assert world.store.audit.events(client_id=world.clients["makinen"].id)[0].entity == "client"


def test_one_bad_row_stops_the_whole_import_and_names_lines_and_reasons(
    world: World, tmp_path: Path
):
    before = _names(world)
    path = _write(
        tmp_path,
        "hetu;first_name;last_name;birth_date;phone\n"
        f"{HETU_A};Anna;Aalto;;040 111 2222\n"
        ';"Monta\nriviä";Ok;1.1.1990;\n'
        ";Bertta;;31.2.1990;abc\n"
        f"{HETU_A[:-1]}X;Cecilia;Berg;;\n",
    )
    report = import_clients(world.store.ctx, world.admin, path)
    assert not report.ok and report.imported == 0
    assert _names(world) == before
    found = {(p.line, p.column, p.reason("en")) for p in report.problems}
    assert found == {
        (4, "last_name", "this is required"),
        (4, "birth_date", "31.2.1990 is not a real date"),
        (4, "phone", "only digits, +, spaces, dashes, brackets and dots are allowed"),
        (5, "hetu", "the check character is wrong — check the code"),
    }
    assert all(p.reason("fi") != p.reason("en") for p in report.problems)


def test_a_hetu_repeated_in_the_file_is_an_error_on_the_later_line(world: World, tmp_path: Path):
    path = _write(
        tmp_path,
        "hetu,first_name,last_name,birth_date\n"
        f"{HETU_B},Anna,Aalto,\n,Eero,Esa,1.1.1990\n{HETU_B.lower()},Anja,Aalto,\n",
    )
    report = import_clients(world.store.ctx, world.admin, path)
    assert [(p.line, p.column, p.params) for p in report.problems] == [(4, "hetu", {"line": 2})]
    assert world.store.clients.search(HETU_B) == []


def test_a_dry_run_reports_but_saves_nothing(world: World, tmp_path: Path):
    events_before = len(world.store.audit.events())
    before = _client_count(world)
    path = _write(tmp_path, "first_name,last_name,birth_date\nAnna,Aalto,1.1.1990\n")
    report = import_clients(world.store.ctx, world.admin, path, dry_run=True)
    assert report.ok and report.dry_run and report.to_import == 1 and report.imported == 0
    assert _client_count(world) == before
    assert len(world.store.audit.events()) == events_before


def test_registered_hetus_are_skipped_and_never_overwritten(world: World, tmp_path: Path):
    existing = world.clients["makinen"]
    path = _write(
        tmp_path,
        f"hetu,first_name,last_name\n{existing.hetu},Väärä,Nimi\n{HETU_A},Uusi,Asiakas\n",
    )
    report = import_clients(world.store.ctx, world.admin, path)
    assert report.ok and report.imported == 1
    assert [(d.line, d.masked_hetu) for d in report.duplicates] == [(2, "010190-***P")]
    again = world.store.clients.open(world.admin, existing.id)
    assert (again.first_name, again.last_name) == ("Anna", "Mäkinen")
    assert ("Väärä", "Nimi") not in _names(world)


def test_a_file_of_only_duplicates_imports_nothing_and_logs_no_import(world: World, tmp_path: Path):
    existing = world.clients["makinen"]
    path = _write(tmp_path, f"hetu,first_name,last_name\n{existing.hetu},Anna,Mäkinen\n")
    report = import_clients(world.store.ctx, world.admin, path)
    assert report.ok and report.imported == 0 and len(report.duplicates) == 1
    assert not [e for e in world.store.audit.events() if e.entity == "import"]


def test_values_in_unnamed_columns_are_reported(world: World, tmp_path: Path):
    path = _write(
        tmp_path, "first_name,last_name,birth_date\nAnna,Aalto,1.1.1990,x\nEero,Esa,1.1.1990,\n"
    )
    report = import_clients(world.store.ctx, world.admin, path)
    assert [(p.line, p.key) for p in report.problems] == [(2, "import.error.extra_values")]


@pytest.mark.parametrize("role", ["coach", "reception"])
def test_only_an_admin_may_import(world: World, tmp_path: Path, role: str):
    actor = world.coach if role == "coach" else world.reception
    before = _client_count(world)
    path = _write(tmp_path, "first_name,last_name,birth_date\nAnna,Aalto,1.1.1990\n")
    with pytest.raises(PermissionDenied):
        import_clients(world.store.ctx, actor, path)
    assert _client_count(world) == before


def test_a_missing_file_is_a_file_error(world: World, tmp_path: Path):
    with pytest.raises(ImportFileError) as caught:
        import_clients(world.store.ctx, world.admin, tmp_path / "nope.csv")
    assert caught.value.key == "import.error.file_missing"
    assert "nope.csv" in caught.value.message("sv")


NO_HETU_ROWS = (
    "first_name,last_name,birth_date\n"
    "Anna,Makinen,1.1.1990\n"  # Mäkinen Anna of the register, typed without dots
    "Pekka,Mäki-Jokla,15.7.2005\n"  # Mäki-Jokela Pekka, one letter missing
    "Ahmed,Al-Hassan,4.5.1991\n"  # nobody like him in the register
)


def test_rows_without_a_hetu_naming_a_registered_client_are_likely_duplicates(
    world: World, tmp_path: Path
):
    before = _client_count(world)
    report = import_clients(world.store.ctx, world.admin, _write(tmp_path, NO_HETU_ROWS))
    assert report.ok and report.imported == 1 and _client_count(world) == before + 1
    assert [(d.line, d.name, d.registered) for d in report.likely_duplicates] == [
        (2, "Makinen Anna", ("Mäkinen Anna",)),
        (3, "Mäki-Jokla Pekka", ("Mäki-Jokela Pekka",)),
    ]
    assert ("Anna", "Makinen") not in _names(world)


def test_importing_the_same_file_twice_adds_nothing_the_second_time(world: World, tmp_path: Path):
    path = _write(
        tmp_path,
        "hetu,first_name,last_name,birth_date\n"
        f"{HETU_A},uusi,asiakas,\n"
        ",Ahmed,Al-Hassan,4.5.1991\n"
        ",åsa-maria,lindholm,2.3.1980\n",
    )
    first = import_clients(world.store.ctx, world.admin, path)
    assert first.ok and first.imported == 3
    assert {("Uusi", "Asiakas"), ("Åsa-Maria", "Lindholm")} <= _names(world)
    count, events = _client_count(world), len(world.store.audit.events())
    second = import_clients(world.store.ctx, world.admin, path)
    assert second.ok and second.imported == 0
    assert [d.line for d in second.duplicates] == [2]
    assert [d.line for d in second.likely_duplicates] == [3, 4]
    assert _client_count(world) == count
    assert len(world.store.audit.events()) == events


def test_allow_duplicates_imports_the_likely_duplicates_but_never_a_registered_hetu(
    world: World, tmp_path: Path
):
    existing = world.clients["makinen"]
    path = _write(
        tmp_path,
        "hetu,first_name,last_name,birth_date\n"
        ",Anna,Makinen,1.1.1990\n"
        f"{existing.hetu},Anna,Mäkinen,\n",
    )
    before = _client_count(world)
    report = import_clients(world.store.ctx, world.admin, path, allow_duplicates=True)
    assert report.ok and report.imported == 1 and report.allow_duplicates
    assert [d.line for d in report.likely_duplicates] == [2]
    assert [d.line for d in report.duplicates] == [3]
    assert _client_count(world) == before + 1
    assert ("Anna", "Makinen") in _names(world)
