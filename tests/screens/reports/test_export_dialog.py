"""Exporting today's visits from the walk-in desk (F10) through the real app."""

from __future__ import annotations

import csv
import io

from textual.widgets import Input

from screens.reports.export_dialog import ExportDialog
from store.exports.visit_export import COLUMNS
from tui.app import make_app

from ..helpers import open_desk, screen_text


def notes(app):
    return list(app._notifications)


def queue_two(world) -> None:
    visits = world.store.visits
    visits.register(
        world.reception, world.site.id, client_id=world.clients["ostman"].id, reason_codes=["cv"]
    )
    visits.register(world.reception, world.site.id, reason_codes=["other"])


async def test_dialog_shows_what_leaves_and_writes_in_a_worker(world, clock, tmp_path):
    queue_two(world)
    out = tmp_path / "out" / "päivä.csv"
    out.parent.mkdir()
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_desk(pilot)
        await pilot.press("f10")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        text = screen_text(pilot)
        personal = dialog.query_one("#export-personal").render().plain
        assert "työntekijän tunnus (served_by)" in personal
        assert "asiakkaasta pseudonymisoituna: client_pseudonym" in personal
        assert "client_pseudonym" in text and "served_by" in text
        assert "hetu" not in dialog.query_one("#export-columns").render().plain
        path_input = dialog.query_one("#export-path", Input)
        assert path_input.value.endswith("kaynnit-tyopiste-keskusta-2026-11-28.csv")
        path_input.value = str(out)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
        assert any(
            n.message.startswith("2 käyntiä viety:") and out.name in n.message for n in notes(app)
        )
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig")), delimiter=";"))
    assert [r["ticket"] for r in rows] == ["A001", "A002"]
    assert list(rows[0]) == list(COLUMNS)
    assert "Östman" not in out.read_text("utf-8-sig")
    [event] = world.store.audit.events(action="export")
    assert event.staff_id == world.reception.id


async def test_an_unwritable_path_is_a_notification_not_a_crash(world, clock, tmp_path):
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_desk(pilot)
        await pilot.press("f10")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#export-path", Input).value = str(tmp_path / "no" / "such.csv")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is dialog  # still open, the path can be corrected
        assert any(
            n.message.endswith("such.csv ei voi kirjoittaa: kansiota ei ole")
            and n.severity == "error"
            for n in notes(app)
        )
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
    assert not (tmp_path / "no").exists()


async def test_an_existing_file_is_replaced_only_when_the_user_agrees(world, clock, tmp_path):
    queue_two(world)
    out = tmp_path / "out" / "k.csv"
    out.parent.mkdir()
    out.write_text("edellinen vienti")
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_desk(pilot)
        await pilot.press("f10")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#export-path", Input).value = str(out)
        await pilot.press("enter")
        await pilot.pause()
        assert "Tiedosto on jo olemassa: Enter korvaa sen" in screen_text(pilot)
        assert out.read_text() == "edellinen vienti"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
    assert out.read_text("utf-8-sig").startswith("date;site;ticket")


async def _suggested_path(world, clock) -> tuple[str, str]:
    """The path F10 suggests, and the line that shows where the file will go."""
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_desk(pilot)
        await pilot.press("f10")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        return dialog.query_one("#export-path", Input).value, screen_text(pilot)


async def test_the_file_goes_to_documents_else_home_never_the_current_folder(
    world, clock, tmp_path, monkeypatch
):
    home, elsewhere = tmp_path / "koti", tmp_path / "lähdekoodi"
    home.mkdir()
    elsewhere.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(elsewhere)
    name = "kaynnit-tyopiste-keskusta-2026-11-28.csv"
    suggested, _ = await _suggested_path(world, clock)
    assert suggested == str(home / name)
    (home / "Documents").mkdir()
    suggested, _ = await _suggested_path(world, clock)
    assert suggested == str(home / "Documents" / name)
    assert list(elsewhere.iterdir()) == []


async def test_the_whole_target_path_is_shown_before_anything_is_written(
    world, clock, tmp_path, monkeypatch
):
    monkeypatch.setenv("HOME", str(tmp_path))
    queue_two(world)
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_desk(pilot)
        await pilot.press("f10")
        await pilot.pause()
        dialog = app.screen
        target = dialog.query_one("#export-target")
        assert (
            str(target.render())
            == f"Tallennetaan: {tmp_path}/kaynnit-tyopiste-keskusta-2026-11-28.csv"
        )
        dialog.query_one("#export-path", Input).value = "~/raportit/k.csv"
        await pilot.pause()
        assert str(target.render()) == f"Tallennetaan: {tmp_path}/raportit/k.csv"
        assert not (tmp_path / "raportit").exists()
