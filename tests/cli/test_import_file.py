"""`luotsi import clients` with files as Excel saves them, and reports longer than a screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from store.api import Store
from store.clients import importer
from store.clients.import_write import import_lock
from store.sample.generate import generate_sample
from tests.conftest import make_hetu
from tests.faults import raw_connect
from tui.cli import app

runner = CliRunner()
NEW_HETU = make_hetu("120388", "-", 977)


@pytest.fixture
def sample_db(tmp_path: Path) -> Path:
    path = tmp_path / "luotsi.db"
    generate_sample(path, clients=20, seed=3, history_weeks=0)
    return path


def _import(db: Path, csv_file: Path, *args: str):
    return runner.invoke(
        app,
        ["import", "clients", str(csv_file), "--db", str(db), "--user", "admin", *args],
        env={"LUOTSI_PASSWORD": "demo"},
    )


def _count(db: Path) -> int:
    with raw_connect(db) as conn:
        return conn.execute("SELECT count(*) FROM client").fetchone()[0]


def test_excels_unicode_text_is_imported(sample_db: Path, tmp_path: Path):
    text = (
        "hetu\tfirst_name\tlast_name\tbirth_date\tlanguage\r\n"
        f"{NEW_HETU}\tLiisa\tLaine\t\tfi\r\n"
        "\tÅsa\tÖstman\t4.5.1991\tsv\r\n"
    )
    csv_file = tmp_path / "asiakkaat.txt"
    csv_file.write_bytes(text.encode("utf-16"))
    before = _count(sample_db)
    result = _import(sample_db, csv_file, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Imported 2 clients from asiakkaat.txt." in result.output
    assert "ÿþ" not in result.output
    assert _count(sample_db) == before + 2


def test_a_long_report_lists_the_first_rows_and_counts_the_rest(
    sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(importer, "REPORT_LIMIT", 3, raising=False)
    csv_file = tmp_path / "virheet.csv"
    csv_file.write_text(
        "first_name,last_name,birth_date\n" + "Anna,,1.1.1990\n" * 5, encoding="utf-8"
    )
    result = _import(sample_db, csv_file, "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "Rows with errors: 5" in result.output
    assert "The first 3 are listed; 2 more are not." in result.output
    assert " 4 " in result.output and " 5 " not in result.output


def test_an_import_while_another_runs_is_refused_in_the_users_language(
    sample_db: Path, tmp_path: Path
):
    csv_file = tmp_path / "asiakkaat.csv"
    csv_file.write_text(f"hetu,first_name,last_name,birth_date\n{NEW_HETU},Liisa,Laine,\n")
    before = _count(sample_db)
    store = Store.open(sample_db)
    try:
        with import_lock(store.ctx):  # another import, still running
            result = _import(sample_db, csv_file, "--lang", "sv")
            dry_run = _import(sample_db, csv_file, "--dry-run")
    finally:
        store.close()
    assert result.exit_code == 2
    assert "luotsi: en annan import till det här registret pågår" in result.output
    assert dry_run.exit_code == 0, dry_run.output
    assert _count(sample_db) == before
    assert _import(sample_db, csv_file).exit_code == 0
    assert _count(sample_db) == before + 1
