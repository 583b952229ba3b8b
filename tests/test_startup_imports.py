"""What the app loads before its login form paints: only the shell. The store's driver
layer and the work screens come after (bench/startup.py measures the time this saves)."""

from __future__ import annotations

import subprocess
import sys

DEFERRED = (
    "sqlite3",
    "sqlite_utils",
    "store.core.db",
    "store.core.auth",
    "store.api",
    "screens.desk.walk_in",
    "screens.admin.admin_screen",
    "screens.shell.today",
    "typer",
)


def test_building_the_app_loads_neither_the_store_nor_the_work_screens(tmp_path):
    code = (
        "import sys\n"
        "from tui.app import make_app\n"
        f"make_app({str(tmp_path / 'x.db')!r})\n"
        f"print(','.join(m for m in {DEFERRED!r} if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_opening_the_store_leaves_the_sync_engines_sqlite_unloaded(tmp_path):
    # apsw (the session extension) is a second SQLite, loaded only to pack or read a
    # changeset, never for a desk's or a coach's ordinary work.
    code = (
        "import sys\n"
        "from store.api import Store\n"
        f"Store.open({str(tmp_path / 'x.db')!r}).close()\n"
        "print('apsw' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
