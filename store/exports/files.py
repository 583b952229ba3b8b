"""Putting an export file in place: whole or not at all, and never before its log entry.

An export is written to a hidden temporary file beside its target (`.NAME.XXXXXXXX.tmp`)
and renamed into place. The caller logs the export, committed, before calling
`place_files`, so a crash at any moment leaves either no file or a file whose disclosure
is in the access log. A crash can still leave a temporary file behind: the next export
into that folder (and the app's start, for its export folder) removes it with
`remove_stale_temporaries`, skipping any that a running export still holds.
"""

from __future__ import annotations

import errno
import os
import re
import sys
import tempfile
import time
from collections.abc import Generator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from store.core.files import sync_folder

if TYPE_CHECKING:
    from sqlite_utils import Database

TEMP_SUFFIX = ".tmp"
# tempfile.mkstemp's random part: 8 of [a-z0-9_].
_TEMP_NAME = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")
# An empty temporary file may be one an export has just created and not yet locked.
_EMPTY_GRACE_SECONDS = 60.0

if sys.platform != "win32":
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _held_elsewhere(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        return False

else:  # Windows refuses to remove a file another process has open, which is the test there.

    def _lock(fd: int) -> None:
        pass


def temp_prefix(target: Path) -> str:
    return f".{target.name}."


def is_temporary(name: str) -> bool:
    """Whether a file name is one of an export's temporary files."""
    return _TEMP_NAME.fullmatch(name) is not None


def _stale(path: Path) -> bool:
    """Whether a temporary file is left over: not held by a running export, and not one
    just created (an export locks its file a moment after creating it, still empty)."""
    if sys.platform == "win32":
        return True
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    try:
        info = os.fstat(fd)
        if info.st_size == 0 and time.time() - info.st_mtime < _EMPTY_GRACE_SECONDS:
            return False
        if _held_elsewhere(fd):
            return False
        # Still the same file under that name (not renamed into place meanwhile).
        return os.stat(path, follow_symlinks=False).st_ino == info.st_ino
    finally:
        os.close(fd)  # which also lets go of the lock


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove the temporary export files in `folder` that no running export holds (left by
    a crash: they may hold personal data); returns those removed. Never raises."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        path = Path(entry.path)
        try:
            candidate = is_temporary(entry.name) and entry.is_file(follow_symlinks=False)
            if candidate and _stale(path):
                path.unlink()
                removed.append(path)
        except OSError:  # gone meanwhile, or (on Windows) still open by an export
            continue
    return removed


def place_files(files: Sequence[tuple[Path, bytes]]) -> None:
    """Write each (target, data) to a locked temporary file beside its target, then
    rename them into place in order. On any failure nothing of this call is left behind
    (temporary files and files already placed are removed) and the error is raised."""
    written: list[tuple[int, Path, Path]] = []  # (fd, temp, target)
    placed: list[Path] = []
    try:
        for target, data in files:
            fd, name = tempfile.mkstemp(
                prefix=temp_prefix(target), suffix=TEMP_SUFFIX, dir=target.parent
            )
            written.append((fd, Path(name), target))
            # Held until the rename, so a cleanup by another process leaves it alone.
            _lock(fd)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        for _fd, temp, target in written:
            os.replace(temp, target)
            placed.append(target)
        for folder in {target.parent for target, _ in files}:
            sync_folder(folder)
    except BaseException:
        for _fd, temp, _target in written:
            temp.unlink(missing_ok=True)
        for target in placed:
            target.unlink(missing_ok=True)
        raise
    finally:
        for fd, _temp, _target in written:
            os.close(fd)


def check_folder(target: Path) -> OSError | None:
    """Why `target` cannot be written, checked before anything is logged or written: a
    missing or unwritable folder, or a folder in the target's place."""
    folder = target.parent
    if target.is_dir():
        return IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
    if not folder.exists():
        return FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(folder))
    if not folder.is_dir():
        return NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        return PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(folder))
    return None


@contextmanager
def durable_commits(db: Database) -> Generator[None]:
    """Commits in the block reach the disk before it ends (WAL with synchronous=NORMAL
    may lose the newest commit on a power cut): a log entry must outlive its file."""
    row = db.conn.execute("PRAGMA synchronous").fetchone()
    previous = int(row[0]) if row else 1
    db.conn.execute("PRAGMA synchronous = FULL")
    try:
        yield
    finally:
        db.conn.execute(f"PRAGMA synchronous = {previous}")
