"""The database's files on disk: created for the owner only, the migration backups beside
it (named, found, pruned), and whether a file is shorter than its own header says."""

from __future__ import annotations

import os
import re
from pathlib import Path

# The register holds personal data: the database, the -wal, -shm and journal files SQLite
# makes beside it (which take the database's mode) and the backups are the owner's only.
PRIVATE_MODE = 0o600
KEPT_BACKUPS = 3

# SQLite's file header (https://sqlite.org/fileformat.html): the page size at 16, the
# change counter at 24, the page count at 28, and at 92 the change counter it is valid for.
HEADER_BYTES = 100


def _backup_pattern(path: Path) -> re.Pattern[str]:
    return re.compile(rf"{re.escape(path.name)}\.v(\d+)\.bak(\d*)")


def backups_of(path: str | Path) -> list[Path]:
    """The migration backups beside the database at `path` (NAME.vN.bak, NAME.vN.bakK),
    newest first: by the time they were written, then by schema version and counter."""
    path = Path(path)
    pattern = _backup_pattern(path)
    found: list[tuple[int, int, int, Path]] = []
    try:
        candidates = list(path.parent.iterdir())
    except OSError:
        return []
    for candidate in candidates:
        match = pattern.fullmatch(candidate.name)
        if match is None or not candidate.is_file():
            continue
        version, counter = int(match[1]), int(match[2] or 0)
        found.append((candidate.stat().st_mtime_ns, version, counter, candidate))
    return [entry[3] for entry in sorted(found, key=lambda e: e[:3], reverse=True)]


def newest_backup(path: str | Path) -> Path | None:
    backups = backups_of(path)
    return backups[0] if backups else None


def prune_backups(path: str | Path, keep: int = KEPT_BACKUPS) -> list[Path]:
    """Remove all but the newest `keep` migration backups of the database at `path`
    (each is a full copy of the register); returns the ones removed."""
    backups = backups_of(path)
    for kept in backups[:keep]:
        make_private(kept)
    removed = backups[keep:]
    for old in removed:
        old.unlink(missing_ok=True)
    return removed


def shorter_than_its_header(path: Path, header: bytes, size: int) -> bool:
    """Whether the file ends before the last page its header counts: cut off by a copy
    or a full disk. The count is trusted only when SQLite marks it valid (the change
    counter matches), and not while a -wal or hot -journal beside it may make it right."""
    if len(header) < HEADER_BYTES:
        return True
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return False  # SQLite itself says the header is spoilt (SQLITE_NOTADB)
    change_counter, pages = header[24:28], int.from_bytes(header[28:32], "big")
    if header[92:96] != change_counter or pages == 0:
        return False
    for journal in ("-wal", "-journal"):  # what SQLite replays or rolls back on opening
        beside = path.with_name(path.name + journal)
        if beside.exists() and beside.stat().st_size > 0:
            return False
    return size < pages * page_size


def make_private(path: Path) -> None:
    """Take group and other access away from a file of ours made before Luotsi created
    its files 0600 (an older database, its -wal and -shm, a backup); another user's
    file, or one already private, is left as it is."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    if info.st_uid == os.geteuid() and info.st_mode & 0o077:
        os.chmod(path, info.st_mode & 0o700)


def create_new_private(path: Path) -> None:
    """Create `path` empty with mode 0600 (exactly: whatever the umask); `FileExistsError`
    if it is there already."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE)
    try:
        os.fchmod(fd, PRIVATE_MODE)
    finally:
        os.close(fd)


def create_private(path: Path) -> None:
    """Make `path` an empty file only its owner can read and write, before any data is
    written to it (SQLite gives its -wal, -shm and journal the same mode). An empty file
    already there is made private too; one that is not empty is left as it is."""
    try:
        create_new_private(path)
    except FileExistsError:
        if path.stat().st_size == 0:
            os.chmod(path, PRIVATE_MODE)


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` survive a power cut (flush its entries to disk), where
    the system allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_whole(target: Path, data: bytes) -> None:
    """Write `target` whole or not at all, only its owner's: under a hidden name, flushed
    to disk, then renamed over any old one (and the folder flushed), so a crash leaves the
    old file or the new."""
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    sync_folder(target.parent)
