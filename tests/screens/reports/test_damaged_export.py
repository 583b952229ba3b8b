"""A spoilt pseudonym key met by the desk's export (F10): a notification, the app running."""

from __future__ import annotations

from textual.widgets import Input

from screens.reports.export_dialog import ExportDialog
from store.core.rows import insert_row
from store.exports.rows import PSEUDONYM_SETTING
from tests.store.core.test_damaged import add_backup
from tui.app import make_app

from ..helpers import open_desk


async def test_a_spoilt_pseudonym_key_is_a_notification_and_no_file(world, clock, tmp_path):
    world.store.visits.register(
        world.reception, world.site.id, client_id=world.clients["ostman"].id
    )
    insert_row(world.store.ctx, "setting", {"key": PSEUDONYM_SETTING, "value": "spoilt"}, by=None)
    newest = add_backup(world.path, 3, age_seconds=60)
    out = tmp_path / "visits.csv"
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_desk(pilot)
        await pilot.press("f10")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-path", Input).value = str(out)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and app.screen is dialog  # still open: nothing was lost
        [note] = [n for n in app._notifications if n.severity == "error"]
        assert "pseudonyymiavain" in note.message and str(newest) in note.message
    assert not out.exists()
