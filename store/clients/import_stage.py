"""The staging of a client import: checked rows wait in a temporary table, not in memory.

SQLite keeps a connection's TEMP tables in a file of its own that no other connection
sees and that is unlinked as soon as it is created (nothing is left behind by a crash);
writing them takes no lock on the register. Only the final insert does.
"""

# The rows read here are the stage's own columns (line, id, names, dates).
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false, reportUnknownArgumentType=false
from __future__ import annotations

from collections.abc import Generator, Mapping
from contextlib import contextmanager
from datetime import date
from typing import NamedTuple

from store.clients.similar import similar_people
from store.clients.validation import CLIENT_FIELDS
from store.core.clock import new_id
from store.core.context import Context

_TABLE = "temp.client_import"
_HETUS = "temp.client_import_seen"
_FIELDS = ", ".join(CLIENT_FIELDS)
_INSERT = (
    f"INSERT INTO {_TABLE} (line, id, {_FIELDS}, status)"
    f" VALUES ({', '.join('?' * (len(CLIENT_FIELDS) + 3))})"
)
# The writing's page cache: the client table's indexes and the search index take pages
# all over the file, and with SQLite's default 2 MiB, dirty pages spilled to the WAL
# mid-transaction made an insert of 100 000 rows take about 1.7 times as long. Twice this
# gained nothing clear at 100 000 rows and cost 100 MiB more at 700 000.
WRITE_CACHE_KIB = 32 * 1024


class StagedRow(NamedTuple):
    line: int
    first_name: str
    last_name: str


class Registered(NamedTuple):
    """A client a desk registered while the file was being checked."""

    hetu: str | None
    first_name: str
    last_name: str
    birth_date: date

    @property
    def full_name(self) -> str:
        return f"{self.last_name} {self.first_name}"


def _sql_value(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


class Stage:
    """The rows of one import that passed every check, with the status of each: `new`,
    `likely` (a likely duplicate, imported only if allowed) or `taken` (its HETU was
    registered after it was checked)."""

    table = _TABLE

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.conn = ctx.db.conn
        self._pending: list[list[object]] = []
        # Who was registered after this point was not seen by the checks.
        self.started_at = ctx.now_iso()
        self.last_rowid: int = self.conn.execute(
            "SELECT coalesce(max(rowid), 0) FROM client"
        ).fetchone()[0]

    @classmethod
    @contextmanager
    def open(cls, ctx: Context) -> Generator[Stage, None, None]:
        conn = ctx.db.conn
        for table in (_TABLE, _HETUS):
            conn.execute(f"DROP TABLE IF EXISTS {table}")
        conn.execute(
            f"""CREATE TABLE {_TABLE} (
                line INTEGER PRIMARY KEY, id TEXT NOT NULL, {_FIELDS},
                status TEXT NOT NULL CHECK (status IN ('new', 'likely', 'taken')))"""
        )
        conn.execute(f"CREATE INDEX {_TABLE}_hetu ON client_import(hetu) WHERE hetu IS NOT NULL")
        conn.execute(f"CREATE INDEX {_TABLE}_born ON client_import(birth_date) WHERE hetu IS NULL")
        conn.execute(f"CREATE TABLE {_HETUS} (hetu TEXT PRIMARY KEY, line INTEGER) WITHOUT ROWID")
        # A file of a million rows reads most of the register once: mapped, every page
        # read would stay in the process's memory until the end.
        mmap_size = conn.execute("PRAGMA mmap_size").fetchone()[0]
        conn.execute("PRAGMA mmap_size = 0")
        try:
            yield cls(ctx)
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            for table in (_TABLE, _HETUS):
                conn.execute(f"DROP TABLE IF EXISTS {table}")
            conn.execute(f"PRAGMA mmap_size = {int(mmap_size)}")

    def begin_batch(self) -> None:
        """Open a read transaction for the next rows' checks, if none is open."""
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN")

    def flush(self) -> None:
        """Write the rows staged since the last flush and end the batch's read
        transaction: the staged rows are kept, the snapshot of the register let go."""
        if self._pending:
            self.conn.executemany(_INSERT, self._pending)
            self._pending.clear()
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")

    def first_line_of_hetu(self, typed_hetu: str, line: int) -> int | None:
        """The line that had this HETU before, or None (then this line is remembered)."""
        added = self.conn.execute(
            f"INSERT INTO {_HETUS} (hetu, line) VALUES (?, ?) ON CONFLICT DO NOTHING",
            (typed_hetu, line),
        )
        if added.rowcount:
            return None
        return self.conn.execute(
            f"SELECT line FROM {_HETUS} WHERE hetu = ?", (typed_hetu,)
        ).fetchone()[0]

    def add(self, line: int, values: Mapping[str, object], *, likely: bool) -> None:
        """Stage a checked row (written at the next `flush`), with its client's id."""
        row = [line, new_id(), *(_sql_value(values.get(n)) for n in CLIENT_FIELDS)]
        self._pending.append([*row, "likely" if likely else "new"])

    @staticmethod
    def statuses(include_likely: bool) -> str:
        """The statuses of the rows to import, as an SQL list."""
        return "('new', 'likely')" if include_likely else "('new')"

    def count(self, *, include_likely: bool) -> int:
        return self.conn.execute(
            f"SELECT count(*) FROM {_TABLE} WHERE status IN {self.statuses(include_likely)}"
        ).fetchone()[0]

    def last_line_of_slice(self, after: int, rows: int, *, include_likely: bool) -> int | None:
        """The line of the last of the next `rows` rows to import after line `after`;
        None when none is left."""
        return self.conn.execute(
            f"SELECT max(line) FROM (SELECT line FROM {_TABLE} WHERE line > ?"
            f" AND status IN {self.statuses(include_likely)} ORDER BY line LIMIT ?)",
            (after, rows),
        ).fetchone()[0]

    def registered_since(self, ctx: Context) -> list[Registered]:
        """Clients added to the register since the stage was opened (new rowids, or a
        creation time since then: a tombstone's rowid may be reused)."""
        rows = ctx.db.conn.execute(
            "SELECT hetu, first_name, last_name, birth_date FROM client"
            " WHERE (rowid > ? OR created_at >= ?) AND deleted_at IS NULL",
            (self.last_rowid, self.started_at),
        ).fetchall()
        return [Registered(h, f, la, date.fromisoformat(b)) for h, f, la, b in rows]

    def take_hetu(self, hetu: str) -> int | None:
        """Mark the row with this HETU as taken by a client registered meanwhile; its line."""
        row = self.conn.execute(
            f"UPDATE {_TABLE} SET status = 'taken' WHERE hetu = ? AND status != 'taken'"
            " RETURNING line",
            (hetu,),
        ).fetchone()
        return None if row is None else int(row[0])

    def take_registered_hetus(self, ctx: Context) -> list[tuple[int, str]]:
        """Mark every row whose HETU a living client now has as taken; their lines and HETUs."""
        rows = self.conn.execute(
            f"UPDATE {_TABLE} SET status = 'taken' WHERE status != 'taken' AND hetu IN"
            " (SELECT hetu FROM main.client WHERE hetu IS NOT NULL AND deleted_at IS NULL)"
            " RETURNING line, hetu"
        ).fetchall()
        return [(int(line), str(hetu)) for line, hetu in rows]

    def similar_unflagged(self, client: Registered) -> list[StagedRow]:
        """Rows without a HETU not yet flagged that may name `client`: now flagged likely."""
        rows = self.conn.execute(
            f"SELECT line, first_name, last_name FROM {_TABLE}"
            " WHERE hetu IS NULL AND birth_date = ? AND status = 'new'",
            (client.birth_date.isoformat(),),
        ).fetchall()
        found = similar_people(
            [StagedRow(*row) for row in rows], client.first_name, client.last_name
        )
        for row in found:
            self.conn.execute(f"UPDATE {_TABLE} SET status = 'likely' WHERE line = ?", (row.line,))
        return found

    @contextmanager
    def write_cache(self) -> Generator[None, None, None]:
        """A page cache large enough for the final insert, for its duration only."""
        previous = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        self.conn.execute(f"PRAGMA cache_size = -{WRITE_CACHE_KIB}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA cache_size = {int(previous)}")

    def insert_pending(
        self,
        ctx: Context,
        lines: tuple[int, int],
        actor_id: str,
        at: str,
        *,
        marker: str,
        import_id: str,
        include_likely: bool,
    ) -> int:
        """Insert the staged clients to import of lines `lines` (after the first, up to
        and including the second) as pending clients, stamped as the row writer stamps
        them; how many.

        One INSERT … SELECT rather than a statement per row: the search index's trigger
        writes to an FTS5 table, which flushes its pending terms at every statement that
        touches it, and a flush per row made an import of 100 000 rows about five times
        slower. (Inserting them in id order, to fill the UUID index from one end, saved
        nothing measurable and needed a sort as big as the file.)
        """
        return ctx.db.conn.execute(
            f"INSERT INTO main.client"
            f" (id, {_FIELDS}, created_at, updated_at, updated_by, deleted_at, import_id)"
            f" SELECT id, {_FIELDS}, ?, ?, ?, ?, ? FROM {_TABLE}"
            f" WHERE line > ? AND line <= ? AND status IN {self.statuses(include_likely)}"
            " ORDER BY line",
            (at, at, actor_id, marker, import_id, *lines),
        ).rowcount
