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
