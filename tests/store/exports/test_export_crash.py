"""An export killed at the worst moments: no file with personal data without its log entry,
and a temporary file left behind is removed by the next export into that folder."""

from __future__ import annotations

import hashlib
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from store.api import Store


def is_temporary(name: str) -> bool:
    """The exporter's temporary files: `.NAME.` + mkstemp's 8 random characters + `.tmp`."""
    return re.fullmatch(r"\..+\.[a-z0-9_]{8}\.tmp", name) is not None


# The real command in a real process, killed with SIGKILL (nothing can clean up after it)
# just before or just after the n-th rename the export makes.
KILLED_AT_RENAME = """
import os, signal, sys
when, nth = sys.argv[1], int(sys.argv[2])
real_replace, calls = os.replace, []
def replace(src, dst, **kwargs):
    calls.append(dst)
    if len(calls) == nth and when == "before":
        os.kill(os.getpid(), signal.SIGKILL)
    real_replace(src, dst, **kwargs)
    if len(calls) == nth and when == "after":
        os.kill(os.getpid(), signal.SIGKILL)
os.replace = replace
from tui.cli import app
app(sys.argv[3:], prog_name="luotsi")
"""


@pytest.fixture
def visited(world):
    for key in ("makinen", "obrien"):
        world.store.visits.register(world.reception, world.site.id, client_id=world.clients[key].id)
    world.store.close()
    return world


def _export_args(world, out: Path) -> list[str]:
    return [
        "export", "visits", "--db", str(world.path), "--user", "admin", "--date", "28.11.2026",
        "--identities", "--purpose", "Kela request 12/2026", "--out", str(out),
    ]  # fmt: skip


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LUOTSI_")}
    return {**env, "LUOTSI_PASSWORD": "demo", "LANG": "C"}


def _logged_checksums(path: Path) -> set[str]:
    store = Store.open(path)
    try:
        purposes = [event.purpose or "" for event in store.audit.events(action="export")]
    finally:
        store.close()
    return {
        part.split("=", 1)[1]
        for p in purposes
        for part in p.split("; ")
        if part.startswith("sha256=")
    }


def _files_with_hetus(world, folder: Path) -> list[Path]:
    hetus = [world.clients[key].hetu.encode() for key in ("makinen", "obrien")]
    return [p for p in folder.iterdir() if any(h in p.read_bytes() for h in hetus)]


@pytest.mark.parametrize(
    ("when", "nth"),
    [("before", 1), ("after", 1), ("before", 2), ("after", 2)],
    ids=[
        "before-file-rename",
        "after-file-rename",
        "before-manifest-rename",
        "after-manifest-rename",
    ],
)
def test_a_killed_export_leaves_no_file_with_personal_data_outside_the_log(
    visited, tmp_path: Path, when: str, nth: int
):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "kaynnit.csv"
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_AT_RENAME, when, str(nth), *_export_args(visited, out)],
        env=_environment(),
        capture_output=True,
        timeout=120,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()
    with_data = _files_with_hetus(visited, folder)
    assert with_data, "the crash came after the data was written"
    logged = _logged_checksums(visited.path)
    for path in with_data:
        assert hashlib.sha256(path.read_bytes()).hexdigest() in logged, path.name


def test_the_next_export_into_the_folder_removes_a_left_over_temporary_file(
    visited, tmp_path: Path
):
    folder = tmp_path / "out"
    folder.mkdir()
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_AT_RENAME, "before", "1",
         *_export_args(visited, folder / "kaynnit.csv")],
        env=_environment(),
        capture_output=True,
        timeout=120,
    )  # fmt: skip
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()
    left = sorted(p.name for p in folder.iterdir() if is_temporary(p.name))
    assert [name.split(".")[1:3] for name in left] == [["kaynnit", "csv"]] * 2  # and manifest
    unrelated = folder / ".notes.txt.tmp"
    unrelated.write_text("not an export's")

    again = subprocess.run(
        [sys.executable, "-m", "tui.cli", *_export_args(visited, folder / "toinen.csv")],
        env=_environment(),
        capture_output=True,
        timeout=120,
    )
    assert again.returncode == 0, again.stderr.decode()
    assert sorted(p.name for p in folder.iterdir()) == [
        ".notes.txt.tmp",
        "toinen.csv",
        "toinen.csv.manifest.json",
    ]


def test_a_temporary_file_an_export_is_still_writing_is_left_alone(tmp_path: Path):
    import fcntl

    from store.exports.files import remove_stale_temporaries

    held = tmp_path / ".kaynnit.csv.abcd1234.tmp"
    held.write_bytes(b"rows being written")
    with held.open("rb") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        # Another process's lock: flock locks belong to the open file, so a second open
        # in this process stands for the other export.
        assert remove_stale_temporaries(tmp_path) == []
    assert remove_stale_temporaries(tmp_path) == [held]
