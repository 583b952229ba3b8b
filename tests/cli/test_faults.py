"""The command line on a database another process keeps to itself, that is read-only or
whose disk is full: `luotsi: <message>` in the user's language and exit code 2, never a
traceback, and nothing half-written."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from store.api import Store
from store.core.db import copy_database
from tests.faults import UNLOCK_IN_CHILD, child_env, raw_connect, write_lock_on
from tui.cli import app

runner = CliRunner()

NOBODY = 65534
BUSY_SV = "luotsi: databasen är upptagen; försök igen om en stund\n"
READ_ONLY_EN = (
    "luotsi: the database cannot be written (the file or its folder is read-only); "
    "nothing was saved\n"
)
READ_ONLY_SV = (
    "luotsi: databasen går inte att skriva till (filen eller mappen är skrivskyddad); "
    "inget sparades\n"
)
FULL_FI = (
    "luotsi: tietokanta tai sen levy on täynnä; mitään ei tallennettu "
    "(vapauta tilaa ja yritä uudelleen)\n"
)

COMMANDS_THAT_LOG_IN = [
    ["export", "visits", "--date", "28.11.2026", "--out", "{dir}/kaynnit.csv"],
    ["report", "day"],
    ["import", "clients", "{dir}/uudet.csv"],
    ["settings", "set", "queue.wait_threshold_minutes", "20"],
    ["staff", "list"],
    ["site", "add", "Työpiste Itä", "--municipality", "Turku", "--area", "Turun alue"],
]


def _args(command: list[str], folder: Path) -> list[str]:
    (folder / "uudet.csv").write_text("first_name,last_name,birth_date\nLiisa,Laine,1.2.1990\n")
    return [part.format(dir=folder) for part in command]


def _setting(path: Path) -> list[tuple[str, str]]:
    with raw_connect(path) as conn:
        return conn.execute("SELECT key, value FROM setting ORDER BY key").fetchall()


@pytest.mark.parametrize("command", COMMANDS_THAT_LOG_IN, ids=lambda c: " ".join(c[:2]))
def test_a_command_on_a_database_another_process_keeps_says_it_is_busy(
    world, tmp_path, monkeypatch, command
):
    world.store.close()
    with write_lock_on(world.path, monkeypatch, exclusive=True) as lock, lock.held():
        result = runner.invoke(
            app,
            [*_args(command, tmp_path), "--db", str(world.path), "--user", "admin", "--lang", "sv"],
            env={"LUOTSI_PASSWORD": "demo"},
        )
    assert (result.exit_code, result.output) == (2, BUSY_SV)
    # Once the other process is done, the same command works.
    again = runner.invoke(
        app,
        [*_args(command, tmp_path), "--db", str(world.path), "--user", "admin", "--lang", "sv"],
        env={"LUOTSI_PASSWORD": "demo"},
    )
    assert again.exit_code == 0, again.output


def test_opening_the_app_on_a_database_another_process_keeps_says_it_is_busy(world, monkeypatch):
    world.store.close()
    with write_lock_on(world.path, monkeypatch, exclusive=True) as lock, lock.held():
        result = runner.invoke(app, ["--db", str(world.path), "--lang", "sv"])
    assert (result.exit_code, result.output) == (2, BUSY_SV)


def test_init_on_a_database_another_process_keeps_says_it_is_busy(tmp_path, monkeypatch):
    path = tmp_path / "uusi.db"
    Store.open(path).close()  # created, but nobody added yet
    with write_lock_on(path, monkeypatch, exclusive=True) as lock, lock.held():
        result = runner.invoke(
            app,
            [
                *("init", str(path), "--site", "Työpiste Itä", "--municipality", "Turku"),
                *("--area", "Turun alue", "--username", "admin", "--display-name", "Aalto"),
                *("--lang", "sv"),
            ],
            env={"LUOTSI_PASSWORD": "salasana-123"},
        )
    assert (result.exit_code, result.output) == (2, BUSY_SV)


# The command runs in a process of its own that gives up root (for whom no file is
# read-only) before it touches the database: a real read-only file, as a clerk's account
# meets it. Every module the command loads is loaded first, on a writable copy, while
# the interpreter's own files may still be read.
_AS_NOBODY = (
    UNLOCK_IN_CHILD
    + """
import json, os, sys
from typer.testing import CliRunner
from tui.cli import app
nobody, warm_args, args, env = json.loads(sys.argv[1])
runner = CliRunner()
warm = runner.invoke(app, warm_args, env=env)
os.setgid(nobody)
os.setuid(nobody)
result = runner.invoke(app, args, env=env)
print(json.dumps({"warm": warm.exit_code, "exit": result.exit_code, "output": result.output,
                  "exception": type(result.exception).__name__}))
"""
)


def _as_nobody(
    warm_args: list[str], args: list[str], env: dict[str, str], databases: tuple[Path, ...] = ()
) -> tuple[int, str, str]:
    """Run `args` as nobody, after `warm_args` as root; the exit code, output and the
    exception that ended the command (SystemExit for a plain exit). The process knows
    the keys of encrypted `databases`, as one whose user logged in."""
    proc = subprocess.run(
        [sys.executable, "-c", _AS_NOBODY, json.dumps([NOBODY, warm_args, args, env])],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        timeout=120,
        env=child_env(*databases),
    )
    assert proc.returncode == 0, proc.stderr
    outcome = json.loads(proc.stdout.splitlines()[-1])
    assert outcome["warm"] == 0
    return outcome["exit"], outcome["output"], outcome["exception"]


AS_ROOT_ONLY = pytest.mark.skipif(
    not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root, to drop to nobody"
)


@pytest.fixture
def open_folders():
    """Folders anyone may enter and read but only root may write, outside pytest's own
    (which only their owner may enter); removed afterwards."""
    made: list[Path] = []

    def make() -> Path:
        folder = Path(os.path.realpath(tempfile.mkdtemp(prefix="luotsi-test-")))
        made.append(folder)
        os.chmod(folder, 0o755)
        if any(not part.stat().st_mode & 0o001 for part in folder.parents):
            pytest.skip(f"{folder.parent} is not open to other users")
        return folder

    yield make
    for folder in made:
        shutil.rmtree(folder, ignore_errors=True)


@AS_ROOT_ONLY
@pytest.mark.parametrize("command", COMMANDS_THAT_LOG_IN[1:4], ids=lambda c: " ".join(c[:2]))
@pytest.mark.parametrize("folder_mode", [0o755, 0o777], ids=["read-only folder", "writable folder"])
def test_a_command_on_a_read_only_file_says_so(world, open_folders, command, folder_mode):
    world.store.close()
    # A file only its owner (root) may write, in a folder anyone may enter, and write or not
    # (where SQLite can make the -wal and -shm files but not write the database).
    folder = open_folders()
    os.chmod(folder, folder_mode)
    read_only = copy_database(world.path, folder / "luotsi.db")  # and its key file if any
    copied = sorted(p.name for p in folder.iterdir())
    for file in folder.iterdir():
        os.chmod(file, 0o444)
    before = read_only.read_bytes()
    args = [*_args(command, open_folders()), "--user", "admin", "--lang", "en"]
    outcome = _as_nobody(
        [*args, "--db", str(world.path)],
        [*args, "--db", str(read_only)],
        {"LUOTSI_PASSWORD": "demo"},
        (world.path, read_only),
    )
    assert outcome == (2, READ_ONLY_EN, "SystemExit")
    assert read_only.read_bytes() == before
    if folder_mode == 0o755:
        assert sorted(p.name for p in folder.iterdir()) == copied


@AS_ROOT_ONLY
def test_a_new_database_in_a_read_only_folder_is_refused_in_the_language_asked(
    tmp_path, open_folders
):
    folder = open_folders()
    sample = ["sample", "--clients", "1", "--weeks", "0"]
    init = [
        *("init", "--site", "Työpiste Itä", "--municipality", "Turku", "--area", "Turun alue"),
        *("--username", "admin", "--display-name", "Aalto"),
    ]
    env = {"LUOTSI_PASSWORD": "salasana-123"}
    for command, lang, expected in [
        (sample, "sv", READ_ONLY_SV),
        (init, "en", READ_ONLY_EN),
    ]:
        outcome = _as_nobody(
            [*command, str(tmp_path / f"{command[0]}.db"), "--lang", lang],
            [*command, str(folder / "luotsi.db"), "--lang", lang],
            env,
        )
        assert outcome == (2, expected, "SystemExit"), command[0]
    assert list(folder.iterdir()) == []


def _mount_small_disk(where: Path, size_kib: int) -> None:
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k", "tmpfs", str(where)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small file system here (needs root and mount rights)")


def _fill(folder: Path) -> None:
    """Write a file until the disk holds no more."""
    with (folder / "filler").open("wb", buffering=0) as filler:
        for size in (65536, 4096, 512, 1):
            while True:
                try:
                    filler.write(b"\0" * size)
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC
                    break


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to mount")
def test_a_command_on_a_full_disk_says_so_and_writes_nothing(world, tmp_path):
    world.store.close()
    disk = tmp_path / "disk"
    _mount_small_disk(disk, 4096)
    try:
        path = copy_database(world.path, disk / "luotsi.db")
        before = _setting(path)
        # A reader keeps the -shm file and an empty -wal in place, as a desk's app does:
        # the command's writes then need room that the disk no longer has.
        reader = raw_connect(path, isolation_level=None)
        reader.execute("PRAGMA journal_mode = WAL")
        reader.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        reader.execute("SELECT count(*) FROM staff").fetchone()
        _fill(disk)
        result = runner.invoke(
            app,
            [
                *("settings", "set", "queue.wait_threshold_minutes", "20"),
                *("--db", str(path), "--user", "admin"),
            ],
            env={"LUOTSI_PASSWORD": "demo"},
        )
        assert (result.exit_code, result.output) == (2, FULL_FI)
        (disk / "filler").unlink()
        reader.close()
        assert _setting(path) == before
        with raw_connect(path) as check:
            assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)
