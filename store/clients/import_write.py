"""The writing of a client import: a slice at a time, unseen until one short transaction.

Written in one transaction, an import held the write lock for some 100 µs a client (the
row, its search index, its chained access-log event): ten seconds at 100 000 rows, while
the desks waited. So the checked rows are written a slice at a time, each slice a
transaction of about `SLICE_SECONDS`, as *pending* clients: their `deleted_at` holds
`import:<id>` instead of NULL, and everything that reads the register reads only living
clients (`deleted_at IS NULL`): the search, the HETU lookup and its unique index, the
duplicate checks, the day report, the exports. The search index takes the names as they
are written (migration 0006). Then one transaction makes the rows living: it rewrites
`deleted_at` and the HETU index only, and logs the import's one access-log event, which
each client names by its `import_id`. For everyone who reads the register the import is
still all or nothing.

One import runs at a time (`import_lock`). An import that fails, or is stopped, between
its slices removes what it wrote; one killed meanwhile leaves pending rows that no one
sees, and the next import removes them (`remove_unfinished`), logging that it did.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Generator
from contextlib import contextmanager, suppress
from dataclasses import dataclass

from store.clients.import_stage import Stage
from store.core.audit import log_event
from store.core.clock import new_id
from store.core.context import Context
from store.core.db import write_transaction
from store.core.errors import StoreError, database_file, file_fault
from store.core.i18n import TranslatedError

# deleted_at of a pending client: this, then the import's id (see migration 0006).
PENDING = "import:"
# A slice's transaction aims at this long: a desk's write waits at most about as long.
SLICE_SECONDS = 0.25
# The rows of the first slice, and the most of any; later slices are sized by the time
# the one before took.
FIRST_SLICE_ROWS = 500
MAX_SLICE_ROWS = 20_000
# Between two slices the lock is left free this long: longer than the longest sleep of
# SQLite's busy handler (100 ms), so a desk waiting for the lock always gets its turn.
PAUSE_SECONDS = 0.11


class ImportRunning(TranslatedError):
    """Another import into the same register has not finished."""


@contextmanager
def import_lock(ctx: Context) -> Generator[None, None, None]:
    """Hold the register's import lock for the block, or raise `ImportRunning`.

    A lock on a file beside the database (`.NAME.import-lock`), never on the database
    itself: SQLite's own locks live there. The system lets go of it when the process
    ends, however it ends, so a killed import never leaves the register locked."""
    path = database_file(ctx.db.conn)
    if path is None:  # a database in memory: no other process can reach it
        yield
        return
    try:
        fd = os.open(path.with_name(f".{path.name}.import-lock"), os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise file_fault(exc) from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ImportRunning("import.error.running") from None
        yield
    finally:
        os.close(fd)


@dataclass
class Pending:
    """The pending clients of one import: `deleted_at` is its marker, their rowids
    between `first_rowid` and `last_rowid` (the desks' rows between are not its own)."""

    import_id: str
    first_rowid: int = 0
    last_rowid: int = -1

    @property
    def marker(self) -> str:
        return PENDING + self.import_id

    def _range(self) -> str:
        return "rowid BETWEEN ? AND ? AND deleted_at = ?"

    def _params(self) -> list[object]:
        return [self.first_rowid, self.last_rowid, self.marker]

    def write(
        self,
        ctx: Context,
        stage: Stage,
        actor_id: str,
        *,
        include_likely: bool,
        written: Callable[[int], None] | None = None,
    ) -> None:
        """Write the staged rows to import as pending clients, a slice a transaction,
        leaving the lock free between slices; `written` is told the rows written so far."""
        after, rows, count = 0, min(FIRST_SLICE_ROWS, MAX_SLICE_ROWS), 0
        while upto := stage.last_line_of_slice(after, rows, include_likely=include_likely):
            started = time.perf_counter()
            with write_transaction(ctx.db):
                if count == 0:
                    self.first_rowid = ctx.db.execute(
                        "SELECT coalesce(max(rowid), 0) + 1 FROM client"
                    ).fetchone()[0]
                count += stage.insert_pending(
                    ctx,
                    (after, upto),
                    actor_id,
                    ctx.now_iso(),
                    marker=self.marker,
                    import_id=self.import_id,
                    include_likely=include_likely,
                )
                self.last_rowid = ctx.db.execute("SELECT last_insert_rowid()").fetchone()[0]
            after = upto
            took = max(time.perf_counter() - started, 0.001)
            rows = max(1, min(MAX_SLICE_ROWS, int(rows * SLICE_SECONDS / took)))
            if written is not None:
                written(count)
            if stage.last_line_of_slice(after, 1, include_likely=include_likely):
                time.sleep(PAUSE_SECONDS)

    def drop(self, ctx: Context, stage: Stage, *, include_likely: bool) -> int:
        """Inside the final transaction: remove the pending rows no longer to be imported
        (registered at a desk meanwhile); how many."""
        dropped = ctx.db.execute(
            f"DELETE FROM client WHERE {self._range()} AND id IN"
            f" (SELECT id FROM {stage.table} WHERE status NOT IN {stage.statuses(include_likely)})",
            self._params(),
        )
        return dropped.rowcount

    def make_living(self, ctx: Context) -> None:
        """Inside the final transaction: every pending row becomes a living client."""
        ctx.db.execute(f"UPDATE client SET deleted_at = NULL WHERE {self._range()}", self._params())

    def discard(self, ctx: Context, actor_id: str | None, why: str) -> None:
        """Remove the pending rows, a slice a transaction, and log that they were removed
        (with `why`), if there were any."""
        removed = 0
        while True:
            with write_transaction(ctx.db):
                gone = ctx.db.execute(
                    f"DELETE FROM client WHERE rowid IN (SELECT rowid FROM client"
                    f" WHERE {self._range()} LIMIT ?)",
                    [*self._params(), MAX_SLICE_ROWS],
                ).rowcount
                removed += gone
                if gone < MAX_SLICE_ROWS:
                    if removed:
                        log_event(
                            ctx,
                            staff_id=actor_id,
                            action="delete",
                            entity="import",
                            entity_id=self.import_id,
                            purpose=f"{why}: {removed} clients not imported",
                        )
                    return


def new_pending() -> Pending:
    return Pending(new_id())


def discard_quietly(ctx: Context, pending: Pending, actor_id: str, why: str) -> None:
    """`discard` after a failure, which is what the caller reports: should the register
    refuse this too (busy, full), the next import removes the rows."""
    with suppress(StoreError):
        pending.discard(ctx, actor_id, why)


def remove_unfinished(ctx: Context, actor_id: str) -> None:
    """Remove the pending rows of imports that never finished (killed, or their removal
    failed). Call it holding the import lock: then no import is writing any."""
    unfinished = ctx.db.execute(
        "SELECT deleted_at, min(rowid), max(rowid) FROM client"
        f" WHERE deleted_at GLOB '{PENDING}*' GROUP BY deleted_at"
    ).fetchall()
    for marker, first_rowid, last_rowid in unfinished:
        pending = Pending(str(marker).removeprefix(PENDING), first_rowid, last_rowid)
        pending.discard(ctx, actor_id, "unfinished")
