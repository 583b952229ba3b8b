"""`luotsi export visits` through Typer's runner, on real database files."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from store.exports.visit_export import COLUMNS
from tui.cli import app

runner = CliRunner()


@pytest.fixture
def visited(world, clock):
    """The fixture world with two visits on 28.11.2026, one of them done."""
    visits, reception = world.store.visits, world.reception
    first = visits.register(
        reception,
        world.site.id,
        client_id=world.clients["ostman"].id,
        reason_codes=["training", "cv"],
    )
    visits.register(reception, world.site.id, client_id=world.clients["makinen"].id)
    clock.at += timedelta(minutes=5)
    visits.change_state(reception, first.id, "done")
    world.store.close()  # the CLI opens the file itself
    return world


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def export(world, *args: str, user: str = "vastaanotto"):
    return runner.invoke(
        app,
        ["export", "visits", "--db", str(world.path), "--user", user, *args],
        env={"LUOTSI_PASSWORD": "demo"},
    )


def test_csv_for_excel_by_default(visited, out_dir: Path):
    out = out_dir / "k.csv"
    result = export(visited, "--date", "28.11.2026", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert f"2 käyntiä kirjoitettu tiedostoon {out}" in result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert [r["ticket"] for r in rows] == ["A001", "A002"]
    assert rows[0]["reason_labels"] == "CV ja hakemukset, Koulutus ja opiskelu"
    manifest = json.loads((out_dir / "k.csv.manifest.json").read_text("utf-8"))
    assert manifest["sha256"] in result.output
    assert manifest["rows"] == 2 and manifest["generated_by"] == "vastaanotto"


def test_default_file_name_in_the_working_folder(visited, out_dir: Path, monkeypatch):
    monkeypatch.chdir(out_dir)
    result = export(visited, "--date", "2026-11-28", "--site", "keskusta", "--format", "json")
    assert result.exit_code == 0, result.output
    written = out_dir / "kaynnit-tyopiste-keskusta-2026-11-28.json"
    assert len(json.loads(written.read_text("utf-8"))) == 2


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_re_export_gives_identical_bytes(visited, out_dir: Path, fmt: str):
    for name in ("a", "b"):
        result = export(
            visited,
            "--date",
            "28.11.2026",
            "--format",
            fmt,
            "--out",
            str(out_dir / f"{name}.{fmt}"),
        )
        assert result.exit_code == 0, result.output
    assert (out_dir / f"a.{fmt}").read_bytes() == (out_dir / f"b.{fmt}").read_bytes()


def test_no_identities_without_the_option(visited, out_dir: Path):
    out = out_dir / "k.csv"
    assert export(visited, "--date", "28.11.2026", "--out", str(out), user="admin").exit_code == 0
    text = out.read_text("utf-8-sig")
    header = text.splitlines()[0].split(";")
    assert header == list(COLUMNS)
    for client in visited.clients.values():
        for value in (client.first_name, client.last_name, client.hetu, client.phone):
            if value:
                assert value not in text


def test_identities_refused_for_a_coach(visited, out_dir: Path):
    out = out_dir / "k.csv"
    result = export(
        visited,
        "--date",
        "28.11.2026",
        "--out",
        str(out),
        "--identities",
        "--purpose",
        "selvitys",
        user="valmentaja",
    )
    assert result.exit_code == 2
    assert "valmentaja" in result.output
    assert list(out_dir.iterdir()) == []


def test_identities_for_an_admin_are_logged(visited, out_dir: Path):
    from store.api import Store

    out = out_dir / "k.csv"
    result = export(
        visited,
        "--date",
        "28.11.2026",
        "--out",
        str(out),
        "--identities",
        "--purpose",
        "Kelan pyyntö 12/2026",
        user="admin",
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig")), delimiter=";"))
    assert rows[0]["last_name"] == "Östman" and rows[0]["first_name"] == "Åsa"
    manifest = json.loads((out_dir / "k.csv.manifest.json").read_text("utf-8"))
    store = Store.open(visited.path)
    try:
        events = store.audit.events(action="export", staff_id=visited.admin.id)
    finally:
        store.close()
    [summary] = [e for e in events if e.client_id is None]
    assert "Kelan pyyntö 12/2026" in summary.purpose
    assert "rows=2" in summary.purpose and manifest["sha256"] in summary.purpose


def test_identities_need_a_purpose(visited, out_dir: Path):
    out = out_dir / "k.csv"
    result = export(
        visited, "--date", "28.11.2026", "--out", str(out), "--identities", user="admin"
    )
    assert result.exit_code == 2 and list(out_dir.iterdir()) == []


def test_an_empty_day_says_so(visited, out_dir: Path):
    out = out_dir / "k.csv"
    result = export(visited, "--date", "27.11.2026", "--out", str(out), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert f"no visits on the chosen days: {out} was written with no rows" in result.output
    assert out.read_bytes() == b"\xef\xbb\xbf" + ";".join(COLUMNS).encode() + b"\r\n"


def test_the_file_name_chooses_the_format(visited, out_dir: Path):
    out = out_dir / "k.xlsx"
    result = export(visited, "--date", "28.11.2026", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"PK")  # a zip: XLSX, not CSV under another name
    manifest = json.loads((out_dir / "k.xlsx.manifest.json").read_text("utf-8"))
    assert manifest["format"] == "xlsx"


def test_a_format_that_contradicts_the_file_name_is_refused(visited, out_dir: Path):
    out = out_dir / "k.xlsx"
    result = export(visited, "--date", "28.11.2026", "--out", str(out), "--format", "csv")
    assert result.exit_code == 2
    assert "--format csv ei sovi tiedostonimeen" in result.output
    assert list(out_dir.iterdir()) == []


@pytest.mark.parametrize(
    "args",
    [
        ["--date", "30.2.2026"],
        ["--date", "28.11.2026", "--to", "huomenna"],
        ["--date", "28.11.2026", "--to", "27.11.2026"],
        ["--date", "28.11.2026", "--site", "Rovaniemi"],
    ],
)
def test_bad_input_exits_2_without_a_file(visited, out_dir: Path, args: list[str]):
    result = export(visited, *args, "--out", str(out_dir / "k.csv"))
    assert result.exit_code == 2, result.output
    assert "luotsi:" in result.output
    assert list(out_dir.iterdir()) == []


def test_unwritable_path_exits_2_without_a_file(visited, out_dir: Path):
    result = export(visited, "--date", "28.11.2026", "--out", str(out_dir / "nope" / "k.csv"))
    assert result.exit_code == 2, result.output
    assert list(out_dir.iterdir()) == []
    # A "folder" that is a file cannot be written into, even by root (CI runs as root,
    # where a read-only folder would not stop anything).
    blocker = out_dir / "not-a-folder"
    blocker.write_text("")
    result = export(visited, "--date", "28.11.2026", "--out", str(blocker / "k.csv"))
    assert result.exit_code == 2, result.output
    assert list(out_dir.iterdir()) == [blocker]


@pytest.mark.parametrize(
    ("lang", "none", "one"),
    [
        ("fi", "0 käyntiä kirjoitettu tiedostoon", "1 käynti kirjoitettu tiedostoon"),
        ("sv", "0 besök skrivna till filen", "1 besök skrivet till filen"),
        ("en", "0 visits written to", "1 visit written to"),
    ],
)
def test_the_count_of_visits_takes_the_right_noun_form(world, out_dir: Path, lang, none, one):
    world.store.visits.register(world.reception, world.site.id)
    world.store.close()
    single = export(world, "--date", "28.11.2026", "--lang", lang, "--out", str(out_dir / "1.csv"))
    empty = export(world, "--date", "27.11.2026", "--lang", lang, "--out", str(out_dir / "0.csv"))
    assert single.exit_code == empty.exit_code == 0, single.output + empty.output
    assert one in single.output
    assert none in empty.output
