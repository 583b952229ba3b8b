"""The real `luotsi` in a real (pseudo) terminal: signals, and keys typed at a prompt."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import signal
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest

from store.sample.generate import generate_sample
from tests.faults import raw_connect

ROOT = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 60  # generous: the machine is shared, and the demo makes its visits first

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX terminal")


def _own_terminal() -> None:
    """In the child: a session of its own whose controlling terminal is the pseudo-terminal,
    so Ctrl+C typed there is SIGINT, and closing it is SIGHUP, as in a real terminal."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
    # As a login shell starts a program: the suite itself may run as a background job,
    # which a shell without job control starts with SIGINT ignored, inherited by exec.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Terminal:
    """`luotsi` on the child side of a pseudo-terminal; everything it writes is kept."""

    def __init__(self, args: list[str], tmp_path: Path) -> None:
        self.master, child = pty.openpty()
        env = {
            **os.environ,
            "TMPDIR": str(tmp_path),
            "TERM": "xterm-256color",
            "COLUMNS": "100",
            "LINES": "30",
        }
        for name in ("LUOTSI_DB", "LUOTSI_USER", "LUOTSI_PASSWORD", "LUOTSI_DESK"):
            env.pop(name, None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tui.cli", *args],
            cwd=ROOT,
            env=env,
            stdin=child,
            stdout=child,
            stderr=child,
            preexec_fn=_own_terminal,
        )
        os.close(child)
        self.output = b""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return  # the child side closed
            if not data:
                return
            self.output += data

    def text(self) -> str:
        return self.output.decode("utf-8", "replace")

    def wait_for(self, pattern: str) -> re.Match[str]:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            found = re.search(pattern, self.text())
            if found:
                return found
            assert self.process.poll() is None, self.text()
            time.sleep(0.05)
        raise AssertionError(f"no {pattern!r} in {self.text()!r}")

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def close(self) -> int:
        try:
            return self.process.wait(timeout=STARTUP_SECONDS)
        finally:
            if self.process.poll() is None:
                self.process.kill()
            self._reader.join(timeout=5)
            os.close(self.master)


@pytest.mark.parametrize("ending", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_demo_ended_by_a_signal_leaves_no_database_behind(tmp_path: Path, ending):
    terminal = Terminal(["demo", "--lang", "en"], tmp_path)
    try:
        copy = Path(terminal.wait_for(r"Throwaway sample database: (\S+)").group(1))
        terminal.wait_for(r"\x1b\[\?1049h")  # the app has the terminal (alternate screen)
        terminal.wait_for("Username")  # and shows its login form
        assert copy.is_file() and copy.parent.parent == tmp_path
    finally:
        terminal.process.send_signal(ending)
        code = terminal.close()
    assert code == 128 + ending
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_at_the_password_prompt_exits_2(tmp_path: Path):
    db = tmp_path / "luotsi.db"
    generate_sample(db, clients=5, seed=2, history_weeks=0)
    terminal = Terminal(["report", "day", "--db", str(db), "--user", "admin"], tmp_path)
    try:
        terminal.wait_for("Salasana: ")
        terminal.type("\x03")
    finally:
        code = terminal.close()
    assert code == 2
    assert "luotsi: keskeytetty; mitään ei muutettu" in terminal.text()
    assert "Traceback" not in terminal.text()


def test_ctrl_c_while_an_import_writes_removes_what_it_wrote(tmp_path: Path):
    db = tmp_path / "luotsi.db"
    generate_sample(db, clients=5, seed=2, history_weeks=0)
    before = _clients(db)
    csv_file = tmp_path / "asiakkaat.csv"
    rows = (
        f",Testi,Tuonti{n:05d}".translate(str.maketrans("0123456789", "abcdefghij"))
        for n in range(20_000)
    )
    csv_file.write_text(
        "hetu,first_name,last_name,birth_date\n" + "".join(f"{row},1.1.1990\n" for row in rows)
    )
    args = ["import", "clients", str(csv_file), "--db", str(db), "--user", "admin"]
    terminal = Terminal(args, tmp_path)
    try:
        terminal.wait_for("Salasana: ")
        terminal.type("demo\r")
        # How far it has got shows on the terminal: first the checks, then the writing.
        terminal.wait_for(r"Tarkistetaan rivejä: \d+")
        terminal.wait_for(r"Tallennetaan asiakkaita: \d+")
        terminal.type("\x03")
    finally:
        code = terminal.close()
    assert code == 130
    assert "luotsi: keskeytetty; mitään ei tuotu" in terminal.text()
    assert "Traceback" not in terminal.text()
    assert _clients(db) == before
    with raw_connect(db) as conn:
        [purpose] = conn.execute(
            "SELECT purpose FROM audit_event WHERE action = 'delete' AND entity = 'import'"
        ).fetchone()
    assert purpose.startswith("asiakkaat.csv: stopped: ")


def _clients(db: Path) -> int:
    """Every client row, living, deleted or an import's unfinished one."""
    with raw_connect(db) as conn:
        return conn.execute("SELECT count(*) FROM client").fetchone()[0]
