"""Damaged files: a cut-off or overwritten database, a folder, a spoilt pseudonym key, and
the read-only board in a read-only folder, on real files in tmp_path."""

from __future__ import annotations

import os
import pwd
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from store.core import keyring
from store.core.db import (
    DatabaseDamaged,
    DatabaseIsFolder,
    copy_database,
    open_db,
)
from store.core.keys import key_file_of
from store.core.preflight import preflight
from store.exports.rows import PSEUDONYM_SETTING, PseudonymKeyDamaged, visit_rows
from store.visits.board_feed import board_file_of
from tests.faults import raw_connect


def damage_page(path: Path, table: str) -> None:
    """Flip every bit of the first bytes of `table`'s first page (its b-tree page header),
    as a failing disk or a stray write would; the file keeps its size and header."""
    with closing(raw_connect(path)) as conn:
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", [table]
        ).fetchone()
        # SQLCipher's driver answers the page size as text.
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        page_head = handle.read(16)
        handle.seek((root - 1) * page_size)
        handle.write(bytes(byte ^ 0xFF for byte in page_head))


def add_backup(path: Path, version: int, age_seconds: int) -> Path:
    """A migration backup beside `path`, written `age_seconds` ago: the owner's only and,
    of an encrypted database, encrypted as it is (opened by its key file)."""
    backup = path.with_name(f"{path.name}.v{version}.bak")
    backup.write_bytes(path.read_bytes())
    backup.chmod(0o600)
    then = backup.stat().st_mtime - age_seconds
    os.utime(backup, (then, then))
    return backup


@pytest.fixture
def closed(world):
    """The fixture world's file, closed (checkpointed, no -wal), with two visitors, the
    first called to desk 4."""
    visits = world.store.visits
    visits.register(world.reception, world.site.id, client_id=world.clients["ostman"].id)
    visits.register(world.reception, world.site.id, client_id=world.clients["makinen"].id)
    visits.call_next(world.reception, world.site.id, "4")
    world.store.close()
    return world


def test_a_truncated_file_is_damaged_not_foreign_and_names_the_newest_backup(closed):
    path = closed.path
    add_backup(path, 2, age_seconds=3600)
    newest = add_backup(path, 3, age_seconds=60)
    with path.open("r+b") as handle:
        # Mid-page, as a copy cut short usually is: an encrypted file cut at a page's end
        # cannot be told from a whole one before a login (its page count is encrypted).
        handle.truncate(path.stat().st_size // 2 - 100)
    before = path.read_bytes()
    with pytest.raises(DatabaseDamaged) as raised:
        open_db(path)
    assert raised.value.backup == newest
    assert str(newest) in raised.value.message("en")
    assert "damaged" in raised.value.message("en")
    assert "vahingoittunut" in raised.value.message("fi")
    assert path.read_bytes() == before
    assert preflight(path) == "damaged"


def test_a_file_cut_inside_its_first_page_is_damaged(closed):
    path = closed.path
    with path.open("r+b") as handle:
        handle.truncate(3000)
    with pytest.raises(DatabaseDamaged):
        open_db(path)
    assert preflight(path) == "damaged"


def test_a_spoilt_header_is_damaged(closed):
    path = closed.path
    with path.open("r+b") as handle:
        handle.seek(16)  # the page size
        handle.write(b"\x12\x34")
    with pytest.raises(DatabaseDamaged):
        open_db(path)


def test_a_damaged_page_of_the_schema_is_damaged(closed):
    path = closed.path
    with path.open("r+b") as handle:
        handle.seek(100)  # page 1's b-tree header, after the file header
        head = handle.read(8)
        handle.seek(100)
        handle.write(bytes(byte ^ 0xFF for byte in head))
    with pytest.raises(DatabaseDamaged):
        open_db(path)
    # An encrypted file's pages cannot be read before a login: the app's first look lets
    # the login screen come, and the login's open (as above) says the file is damaged.
    assert preflight(path) == (None if keyring.is_encrypted(path) else "damaged")


def test_reading_a_damaged_page_for_an_export_says_damaged(closed, today):
    damage_page(closed.path, "visit")
    newest = add_backup(closed.path, 3, age_seconds=60)
    db = open_db(closed.path)  # the schema and the logins are whole
    from store.core.clock import Clock
    from store.core.context import Context

    with pytest.raises(DatabaseDamaged) as raised:
        visit_rows(Context(db, Clock()), date(2000, 1, 1), today, None, False, (25,), "iso")
    assert raised.value.backup == newest
    db.close()


def test_a_folder_is_said_to_be_a_folder(tmp_path):
    folder = tmp_path / "luotsi.db"
    folder.mkdir()
    with pytest.raises(DatabaseIsFolder) as raised:
        open_db(folder)
    assert "folder" in raised.value.message("en")
    assert "kansio" in raised.value.message("fi")
    assert preflight(folder) == "folder"


@pytest.mark.parametrize("value", ["zz-not-hex", "00ff", "", "ab" * 31 + "a"])
def test_a_spoilt_pseudonym_key_is_refused_not_replaced(world, today, value):
    from store.core.rows import insert_row

    insert_row(world.store.ctx, "setting", {"key": PSEUDONYM_SETTING, "value": value}, by=None)
    newest = add_backup(world.path, 3, age_seconds=60)
    with pytest.raises(PseudonymKeyDamaged) as raised:
        visit_rows(world.store.ctx, date(2000, 1, 1), today, None, False, (25,), "iso")
    assert str(newest) in raised.value.message("en")
    assert PSEUDONYM_SETTING in raised.value.message("sv")
    stored = world.store.db.execute(
        "SELECT value FROM setting WHERE key = ?", [PSEUDONYM_SETTING]
    ).fetchall()
    assert stored == [(value,)]  # no new key: every pseudonym would change


# The board in a folder it may not write to -------------------------------------------


def _nobody() -> pwd.struct_passwd | None:
    try:
        return pwd.getpwnam("nobody")
    except KeyError:
        return None


@pytest.fixture
def read_only_folder(closed) -> Iterator[Path]:
    """A copy of the world's database (WAL mode, no -wal or -shm beside it) owned by
    `nobody`, in a folder nobody may read but not write to. Outside tmp_path: pytest's
    own folders are root's only."""
    nobody = _nobody()
    if os.geteuid() != 0 or nobody is None:
        pytest.skip("needs root to hand the files to the user nobody")
    folder = Path(tempfile.mkdtemp(prefix="luotsi-ro-"))
    try:
        folder.chmod(0o755)
        path = copy_database(closed.path, folder / "luotsi.db")
        side = shutil.copy(board_file_of(closed.path), board_file_of(path))
        for own in (path, side, key_file_of(path)):
            if own.exists():  # the key file of an encrypted database
                os.chown(own, nobody.pw_uid, nobody.pw_gid)
        os.chown(folder, nobody.pw_uid, nobody.pw_gid)
        folder.chmod(0o555)
        yield path
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def _as_nobody(work, between=None) -> list[str]:
    """What `work(step)` tells, run in a forked child that has become `nobody` (root may
    write anywhere, so a read-only folder is read-only only to another user): each
    `step(text)`, then its answer. After each step the parent runs `between()` before the
    child goes on. Everything the child needs is imported first: nobody may not read
    root's Python installation."""
    nobody = _nobody()
    assert nobody is not None
    read_end, write_end = os.pipe()
    go_read, go_write = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(read_end)

        def step(text: str) -> None:
            os.write(write_end, f"step {text}\n".encode())
            os.read(go_read, 1)

        try:
            os.setgid(nobody.pw_gid)
            os.setuid(nobody.pw_uid)
            answer = work(step)
        except BaseException as exc:  # noqa: BLE001 — the parent reports it
            answer = f"{type(exc).__name__}: {exc}"
        os.write(write_end, f"done {answer}\n".encode())
        os._exit(0)
    os.close(write_end)
    told: list[str] = []
    with os.fdopen(read_end, "rb") as reading:
        for line in reading:
            kind, text = line.decode().rstrip("\n").split(" ", 1)
            told.append(text)
            if kind == "step":
                if between is not None:
                    between()
                os.write(go_write, b"x")
    os.waitpid(child, 0)
    os.close(go_read)
    os.close(go_write)
    return told


def _tickets(screen, clock) -> str:
    """What the board's screen reads to show, as text."""
    serving = screen.feed.now_serving(screen.site.id, clock.today(), limit=5)
    return "|".join(f"{row.ticket}@{row.desk}" for row in serving) or "(none)"


def test_the_board_reads_a_database_in_a_read_only_folder(read_only_folder, closed, clock):
    from tui.board import make_board

    def tickets_on(path: Path) -> str:
        screen = make_board(path, clock=clock).board
        try:
            return _tickets(screen, clock)
        finally:
            screen.feed.close()

    # What the board shows on the writable original; this also imports all it needs.
    shown = tickets_on(closed.path)
    assert shown.endswith("@4")
    assert _as_nobody(lambda step: tickets_on(read_only_folder)) == [shown]
    # It read the side file the desks publish as a snapshot: no -shm made beside it.
    files = {p.name for p in read_only_folder.parent.iterdir()}
    assert {"luotsi.db", "luotsi.db.board"} <= files
    assert not [name for name in files if name.endswith(("-wal", "-shm"))]


def test_the_app_is_told_of_a_read_only_folder_before_it_starts(read_only_folder):
    assert _as_nobody(lambda step: str(preflight(read_only_folder))) == ["folder_read_only"]


def test_the_board_in_a_read_only_folder_shows_calls_made_since(read_only_folder, closed, clock):
    """A desk of another account (here root) calls the next visitor while the board of
    `nobody` is up: the board's next refresh shows the call."""
    from store.api import Store
    from tui.board import make_board

    def board_refreshed(step) -> str:
        screen = make_board(read_only_folder, clock=clock).board
        try:
            step(_tickets(screen, clock))
            assert screen.feed.snapshot  # read anew at each refresh
            return _tickets(screen, clock)
        finally:
            screen.feed.close()

    def desk_calls() -> None:
        desk = Store.open(read_only_folder, clock)
        desk.visits.call_next(closed.reception, closed.site.id, "5")
        desk.close()

    make_board(closed.path, clock=clock).board.feed.close()  # imports what the board needs
    before, after = _as_nobody(board_refreshed, between=desk_calls)
    assert before.endswith("@4")
    assert before == "A001@4"
    assert sorted(after.split("|")) == ["A001@4", "A002@5"]
