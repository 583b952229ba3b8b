"""What the waiting-room board shows, published by the desks to a plain side file.

The board (`luotsi board`) logs nobody in and holds no key to the register, which may be
encrypted: it reads only `NAME.board` beside the database (`board_file_of`), a small
plain SQLite file that the desks write after each change to what the board shows. It
holds the sites (id and name, so that `--site` works), the installation's time zone, the
day of the snapshot, and each site's called tickets with their desk and the time of the
call, newest first: never a name, an identity code or a client id.

Each publish is a full snapshot of today's board, written in one transaction of the side
file, so a publish that was skipped (the side file busy, a full disk) is healed by the
next. The register is read under the side file's write lock: of two desks publishing at
once, the one that writes last has read last, so an older snapshot never overwrites a
newer one. Publishing never fails the desk's own write, which is committed before it.

The side file is a cache, not the register: its rows have no ids, times or tombstones of
their own, are not synchronised, and writing them is not in the access log (it holds
nothing about anyone). It is the owner's only (0600), as the database is.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from store.core.clock import zone_named
from store.core.context import Context
from store.core.errors import SQLITE_ERRORS, cannot_make_shm, database_file, is_damage
from store.core.files import create_private, make_private
from store.core.i18n import TranslatedError
from store.core.models import Site
from store.core.settings import Settings
from store.core.sites import SiteRepository
from store.visits.models import NowServing

FORMAT = "luotsi-board/1"
# A desk waits this long for another desk's publish before skipping its own: the next
# publish heals the board, and the desk's key press must not hang.
PUBLISH_BUSY_MS = 1000
READ_BUSY_MS = 2000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS board_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS board_site (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, municipality TEXT NOT NULL,
    employment_area TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS board_call (
    site_id TEXT NOT NULL, position INTEGER NOT NULL, ticket TEXT NOT NULL, desk TEXT,
    called_at TEXT, PRIMARY KEY (site_id, position));
"""

# The called and served visits of a day, the latest call first: a visitor called again
# after a transfer is the newest on the board.
_SERVING = (
    "SELECT ticket, desk, (SELECT max(e.at) FROM visit_event e"
    "   WHERE e.visit_id = v.id AND e.to_state = 'called') AS called"
    " FROM visit v WHERE visit_date = ? AND state IN ('called', 'serving')"
    " AND deleted_at IS NULL"
)


class BoardFeedError(TranslatedError):
    """The board cannot read its side file beside `database`; the message says why."""

    key = ""

    def __init__(self, database: Path) -> None:
        super().__init__(self.key, path=database)
        self.database = database


class BoardFeedMissing(BoardFeedError):
    """No side file beside the database: no desk has opened it since it was made."""

    key = "board.error.no_feed"


class BoardFeedDamaged(BoardFeedError):
    """The side file is not the board's (damaged, or of another Luotsi version)."""

    key = "board.error.feed_damaged"


class BoardFeedBusy(BoardFeedError):
    """A desk is writing the side file, which this user can read only as a snapshot."""

    key = "board.error.feed_busy"


def board_file_of(database: str | Path) -> Path:
    database = Path(database)
    return database.with_name(database.name + ".board")


def _called_rows(
    conn: sqlite3.Connection, day: date, site_id: str
) -> list[tuple[str, str | None, str | None]]:
    """(ticket, desk, time of the latest call) of the site's called visits of the day,
    the latest first (by the index on site, state and day)."""
    rows = conn.execute(
        f"{_SERVING} AND site_id = ? ORDER BY called DESC", [day.isoformat(), site_id]
    ).fetchall()
    return [(row[0], row[1], row[2]) for row in rows]


def now_serving(ctx: Context, site_id: str, limit: int) -> list[NowServing]:
    """The site's called tickets of today, the latest call first, read from the register."""
    rows = _called_rows(ctx.db.conn, ctx.today(), site_id)[:limit]
    return [NowServing(ticket, desk) for ticket, desk, _called in rows]


# Publishing ----------------------------------------------------------------------------


def publish_board(ctx: Context) -> bool:
    """Write today's board of every site to the side file beside `ctx`'s database; True
    if it was written. Skipped (False) inside a write transaction, whose own caller
    publishes once it has committed, and on any failure: the desk's write is committed
    already and must neither fail nor wait long for the board."""
    try:
        if ctx.db.conn.in_transaction:
            return False
        database = database_file(ctx.db.conn)
        if database is None:  # an in-memory database has no board
            return False
        target = board_file_of(database)
        try:
            _publish(ctx, target)
        except SQLITE_ERRORS as exc:
            if not is_damage(exc):
                raise
            # The side file holds nothing that is not in the register: a spoilt one is
            # made anew.
            _remove(target)
            _publish(ctx, target)
        return True
    except Exception:  # noqa: BLE001 — the desk's write stands; the next publish heals
        return False


def _remove(target: Path) -> None:
    for own in _with_journal(target):
        own.unlink(missing_ok=True)


def _with_journal(target: Path) -> list[Path]:
    """The side file and the -wal and -shm SQLite keeps beside it."""
    return [target.with_name(target.name + end) for end in ("", "-wal", "-shm")]


class _RegisterUnreadable(Exception):
    """The register could not be read for the board (not the side file's fault)."""


_Call = tuple[str, int, str, str | None, str | None]  # site, position, ticket, desk, called


def _snapshot(ctx: Context) -> tuple[list[Site], list[_Call], dict[str, str]]:
    """The sites, today's called visits and the side file's facts, from the register."""
    try:
        day = ctx.today()
        meta = {
            "format": FORMAT,
            "day": day.isoformat(),
            "zone": Settings(ctx).zone().key,
            "published_at": ctx.now_iso(),
        }
        sites = SiteRepository(ctx).all()
        calls = [
            (site.id, position, ticket, desk, called)
            for site in sites
            for position, (ticket, desk, called) in enumerate(
                _called_rows(ctx.db.conn, day, site.id), start=1
            )
        ]
        return sites, calls, meta
    except SQLITE_ERRORS as exc:
        raise _RegisterUnreadable from exc


def _publish(ctx: Context, target: Path) -> None:
    create_private(target)
    with closing(sqlite3.connect(target, isolation_level=None, timeout=0)) as conn:
        conn.execute(f"PRAGMA busy_timeout = {PUBLISH_BUSY_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = OFF")
        for own in _with_journal(target):
            make_private(own)
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            sites, calls, meta = _snapshot(ctx)  # read under the lock: who writes last read last
            conn.execute("DELETE FROM board_meta")
            conn.executemany("INSERT INTO board_meta VALUES (?, ?)", list(meta.items()))
            conn.execute("DELETE FROM board_site")
            conn.executemany(
                "INSERT INTO board_site VALUES (?, ?, ?, ?)",
                [(s.id, s.name, s.municipality, s.employment_area) for s in sites],
            )
            conn.execute("DELETE FROM board_call")
            conn.executemany("INSERT INTO board_call VALUES (?, ?, ?, ?, ?)", calls)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


# Reading (the board) --------------------------------------------------------------------


@dataclass(frozen=True)
class _Opened:
    conn: sqlite3.Connection
    inode: int


class BoardFeed:
    """The board's read-only view of the side file beside `database` (see the module).

    In a folder this user may not write to, no -shm can be made beside the side file:
    then it is read as SQLite's `immutable` snapshot, opened anew at each read so that
    the calls made since are shown (`snapshot` is True). A side file made anew by a desk
    (it was damaged or removed) is opened anew too."""

    def __init__(self, database: str | Path) -> None:
        self.database = Path(database)
        self.path = board_file_of(self.database)
        self.snapshot = False
        self._opened = self._open()
        try:
            self._check()
        except BaseException:
            self.close()
            raise

    def _open(self) -> _Opened:
        if self.path.is_dir() or not self.path.exists():
            raise BoardFeedMissing(self.database)
        uri = f"{self.path.resolve().as_uri()}?mode=ro"
        inode = self.path.stat().st_ino
        if not self.snapshot:
            conn = sqlite3.connect(uri, uri=True, isolation_level=None)
            try:
                conn.execute(f"PRAGMA busy_timeout = {READ_BUSY_MS}")
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                return _Opened(conn, inode)
            except sqlite3.Error as exc:
                conn.close()
                if not cannot_make_shm(exc, self.path):
                    raise BoardFeedDamaged(self.database) from exc
                self.snapshot = True
        wal = self.path.with_name(self.path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            # A desk is writing it now: its newest rows are in the -wal, unreadable
            # without a -shm, and the file may change under the read. The next will do.
            raise BoardFeedBusy(self.database)
        return _Opened(sqlite3.connect(f"{uri}&immutable=1", uri=True, isolation_level=None), inode)

    def _check(self) -> None:
        try:
            found = self._meta().get("format")
        except sqlite3.Error as exc:
            raise BoardFeedDamaged(self.database) from exc
        if found != FORMAT:
            raise BoardFeedDamaged(self.database)

    def _conn(self) -> sqlite3.Connection:
        """The connection to read through now: opened anew for a snapshot, or when a
        desk has put a new side file in place of the one open."""
        try:
            inode = self.path.stat().st_ino
        except OSError as exc:
            raise BoardFeedMissing(self.database) from exc
        if self.snapshot or inode != self._opened.inode:
            self.close()
            # Marked as none, so that a failed opening is tried again at the next read.
            self._opened = _Opened(self._opened.conn, -1)
            self._opened = self._open()
        return self._opened.conn

    def _meta(self, conn: sqlite3.Connection | None = None) -> dict[str, str]:
        rows = (conn or self._opened.conn).execute("SELECT key, value FROM board_meta")
        return dict(rows.fetchall())

    def sites(self) -> list[Site]:
        rows = self._opened.conn.execute(
            "SELECT id, name, municipality, employment_area FROM board_site ORDER BY name"
        ).fetchall()
        return [Site(*row) for row in rows]

    def zone(self) -> ZoneInfo | None:
        """The installation's time zone, as the desks' setting says."""
        return zone_named(self._meta().get("zone", ""))

    def now_serving(self, site_id: str, day: date, limit: int) -> list[NowServing]:
        """The site's called tickets, the latest call first; none from a snapshot of
        another day than `day` (no desk has published today yet)."""
        conn = self._conn()
        with closing(conn.cursor()) as cursor:
            # One read transaction: the day and the calls of one snapshot.
            cursor.execute("BEGIN")
            try:
                if self._meta(conn).get("day") != day.isoformat():
                    return []
                rows = cursor.execute(
                    "SELECT ticket, desk FROM board_call WHERE site_id = ?"
                    " ORDER BY position LIMIT ?",
                    [site_id, limit],
                ).fetchall()
            finally:
                cursor.execute("COMMIT")
        return [NowServing(ticket, desk) for ticket, desk in rows]

    def close(self) -> None:
        self._opened.conn.close()


def open_board_feed(database: str | Path) -> BoardFeed:
    """The board's feed beside `database`; raises `BoardFeedMissing` when there is no side
    file yet and `BoardFeedDamaged` when it is not the board's."""
    return BoardFeed(database)
