"""Peak memory of Luotsi over 100 000 clients, logged in with search results shown."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from statistics import median

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench.datagen import ADMIN_PASSWORD, ADMIN_USERNAME, build_db  # noqa: E402
from bench.harness import child_env, table  # noqa: E402
from store.api import Store  # noqa: E402
from store.sample.accounts import add_demo_account  # noqa: E402

CLIENTS = 100_000
RUNS = 3
SEARCH_TEXT = "ko"
TERMINAL_SIZE = (80, 24)  # columns, rows, as Textual's run() takes them
# Shared by every child: run headless under a pilot, then report its peak RSS twice.
# On Linux a child's ru_maxrss starts at its parent's RSS at fork (the kernel carries the
# high-water mark over fork and exec), so it reports at least this benchmark's own size;
# VmHWM in /proc/self/status is the peak of the exec'd program alone. ru_maxrss is in
# KiB on Linux and in bytes on macOS, which has no /proc (there VmHWM is reported as 0).
CHILD_FOOTER = f"""
import json, os, resource, sys
app.run(headless=True, size={TERMINAL_SIZE!r}, auto_pilot=drive)
maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
vm_hwm = 0
if os.path.exists("/proc/self/status"):
    with open("/proc/self/status") as status:
        vm_hwm = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(json.dumps({{
    "vm_hwm_kib": vm_hwm,
    "maxrss_kib": maxrss // 1024 if sys.platform == "darwin" else maxrss,
    "shown": shown,
}}))
"""
MINIMAL_CHILD = """
from textual.app import App
from textual.widgets import Static

class Minimal(App[None]):
    def compose(self):
        yield Static("A minimal Textual app")

app = Minimal()
shown = []

async def drive(pilot):
    await pilot.pause()
    app.exit()
"""
LUOTSI_CHILD = """
import sys
sys.path.insert(0, {root!r})
from textual.widgets import Input, OptionList
from screens.shell.today import TodayScreen
from tui.app import make_app

app = make_app({db_path!r})
shown = []

async def drive(pilot):
    await pilot.pause()
    if {log_in!r}:
        login = app.screen
        login.query_one("#username", Input).value = {username!r}
        login.query_one("#password", Input).value = {password!r}
        login.query_one("#password", Input).focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete()  # the password is checked in a worker
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen), "the login failed"
    if {search!r}:
        app.screen.query_one("#search-input", Input).value = {search!r}
        await pilot.pause()
        shown.append(app.screen.query_one("#search-results", OptionList).option_count)
    app.exit()
"""


@dataclass(frozen=True)
class Variant:
    name: str
    code: str


@dataclass(frozen=True)
class Peak:
    vm_hwm_kib: int
    maxrss_kib: int
    shown: list[int]  # the number of search results on screen, if a search was typed


def luotsi(name: str, db_path: Path, *, log_in: bool, search: str = "") -> Variant:
    code = LUOTSI_CHILD.format(
        root=str(REPO_ROOT),
        db_path=str(db_path),
        log_in=log_in,
        username=ADMIN_USERNAME,
        password=ADMIN_PASSWORD,
        search=search,
    )
    return Variant(name, code)


def peak_rss(variant: Variant) -> Peak:
    """Peak RSS of a fresh process running the variant, and what it had on screen."""
    result = subprocess.run(
        [sys.executable, "-c", variant.code + CHILD_FOOTER],
        capture_output=True,
        text=True,
        env=child_env(),
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{variant.name} failed:\n{result.stderr[-2000:]}")
    return Peak(**json.loads(result.stdout.strip().splitlines()[-1]))


def empty_register(path: Path) -> Path:
    """A migrated database with the admin account and no clients."""
    store = Store.open(path)
    add_demo_account(store.ctx, ADMIN_USERNAME, "Admin", "admin", password=ADMIN_PASSWORD)
    store.close()
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--clients", type=int, default=CLIENTS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        clients_db = build_db(Path(scratch) / "clients.db", args.clients)
        empty_db = empty_register(Path(scratch) / "empty.db")
        searched = f"logged in, {SEARCH_TEXT!r} searched"
        clients = f"Luotsi, {args.clients:,} clients"
        variants = [
            Variant("minimal Textual app", MINIMAL_CHILD),
            luotsi(f"{clients}, login screen", clients_db, log_in=False),
            luotsi(f"{clients}, logged in", clients_db, log_in=True),
            luotsi(f"Luotsi, no clients, {searched}", empty_db, log_in=True, search=SEARCH_TEXT),
            luotsi(f"{clients}, {searched}", clients_db, log_in=True, search=SEARCH_TEXT),
        ]
        peaks: dict[str, list[Peak]] = {v.name: [] for v in variants}
        for _ in range(args.runs):
            for variant in variants:
                peaks[variant.name].append(peak_rss(variant))

    baseline = median(p.vm_hwm_kib for p in peaks[variants[0].name])
    rows = []
    for name, measured in peaks.items():
        vm_hwm = [p.vm_hwm_kib for p in measured]
        rows.append(
            [
                name,
                f"{median(vm_hwm) / 1024:.1f}",
                f"{max(vm_hwm) / 1024:.1f}",
                f"{median(vm_hwm) / baseline:.2f}x" if baseline else "",
                f"{median(p.maxrss_kib for p in measured) / 1024:.1f}",
                ", ".join(str(shown) for shown in measured[-1].shown),
            ]
        )
    print(f"Peak RSS of a fresh headless process, {args.runs} runs each")
    header = ["", "VmHWM p50 MiB", "max MiB", "vs minimal", "ru_maxrss MiB", "results shown"]
    print(table(header, rows))
    print("(ru_maxrss includes this benchmark's own RSS, inherited at fork; VmHWM does not.")
    print(" Logging in checks an scrypt password hash: its 128·n·r bytes of work memory count.)")


if __name__ == "__main__":
    main()
