"""The access log's hash chain at scale: log_event's cost, verify and the migration over
1 000 000 events (pass another count as the first argument).

    python bench/audit_chain.py [EVENTS]

Prints: the time to append the events in bulk; log_event's cost per call on the full log
against a plain insert of the same row (the baseline); `AuditLog.check` over the whole
chain; and the 0005 migration chaining a log of that size that was written before it.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlite_utils import Database  # noqa: E402

from store.api import Store  # noqa: E402
from store.core.audit import append_events, log_event  # noqa: E402
from store.core.clock import Clock, new_id  # noqa: E402
from store.core.context import Context  # noqa: E402
from store.core.db import open_db, write_transaction  # noqa: E402
from store.core.migrations import migrations  # noqa: E402
from store.core.rows import insert_row  # noqa: E402

COLUMNS = ("at", "staff_id", "action", "entity", "entity_id", "client_id", "purpose")
BATCH = 50_000


def _events(count: int, start: int = 0):
    for number in range(start, start + count):
        second = number % 86_400
        at = f"2026-11-{1 + number // 86_400 % 28:02d}T{second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}.000Z"
        yield (at, None, "view", "client", new_id(), None, f"event {number}")


def build(path: Path, count: int) -> float:
    store = Store.open(path)
    started = time.perf_counter()
    for start in range(0, count, BATCH):
        with write_transaction(store.db):
            append_events(store.ctx, COLUMNS, _events(min(BATCH, count - start), start), by=None)
    store.close()
    return time.perf_counter() - started


def per_call(path: Path, chained: bool, calls: int = 2000, together: bool = False) -> float:
    """Microseconds per logged event, each in its own write transaction or (`together`)
    all in one, as an import logs its clients: log_event on the chained log, or (the
    baseline) the row writer's plain insert, as before the chain."""
    db = open_db(path, migrate=False)
    ctx = Context(db, Clock())

    def one(number: int) -> None:
        if chained:
            log_event(ctx, staff_id=None, action="view", entity="client", purpose=str(number))
        else:
            at = ctx.now_iso()
            values = {"at": at, "action": "view", "entity": "client", "purpose": str(number)}
            insert_row(ctx, "audit_event", values, by=None, at=at)

    started = time.perf_counter()
    if together:
        with write_transaction(db):
            for number in range(calls):
                one(number)
    else:
        for number in range(calls):
            with write_transaction(db):
                one(number)
    db.close()
    return (time.perf_counter() - started) / calls * 1e6


def check(path: Path) -> tuple[float, int, bool]:
    store = Store.open(path)
    started = time.perf_counter()
    result = store.audit.check()
    elapsed = time.perf_counter() - started
    store.close()
    return elapsed, result.events, result.ok


def write_unchained(path: Path, count: int) -> None:
    """A log of `count` events written before migration 0005."""
    db = Database(path)
    migrations.apply(db, stop_before="0005_audit_chain")
    for start in range(0, count, BATCH):
        rows = [
            (new_id(), *values, values[0], values[0])
            for values in _events(min(BATCH, count - start), start)
        ]
        with db.conn:
            db.conn.executemany(
                f"INSERT INTO audit_event (id, {', '.join(COLUMNS)}, created_at, updated_at)"
                f" VALUES ({', '.join('?' * (len(COLUMNS) + 3))})",
                rows,
            )
    db.close()


def migrate(path: Path) -> float:
    """The pending migration (0005) alone, without open_db's backup copy."""
    db = open_db(path, migrate=False)
    started = time.perf_counter()
    migrations.apply(db)
    elapsed = time.perf_counter() - started
    db.close()
    return elapsed


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    with tempfile.TemporaryDirectory(prefix="luotsi-bench-") as folder:
        path = Path(folder) / "chain.db"
        built = build(path, count)
        print(
            f"append_events: {count:,} events in {built:.1f} s ({built / count * 1e6:.1f} µs each)"
        )
        old = Path(folder) / "old.db"
        write_unchained(old, count)
        plain = per_call(old, chained=False)
        plain_together = per_call(old, chained=False, calls=20_000, together=True)
        migrated = migrate(old)
        print(f"migration 0005 chaining {count:,} earlier events: {migrated:.1f} s")
        chained = per_call(old, chained=True)
        chained_together = per_call(old, chained=True, calls=20_000, together=True)
        print(
            f"one event in its own transaction on a {count:,}-event log: log_event {chained:.0f} µs,"
            f" the plain insert before the chain {plain:.0f} µs (ratio {chained / plain:.2f})"
        )
        print(
            f"20,000 events in one transaction: log_event {chained_together:.0f} µs each,"
            f" the plain insert {plain_together:.0f} µs (ratio {chained_together / plain_together:.2f})"
        )
        elapsed, events, ok = check(old)
        print(
            f"check of the whole chain: {events:,} events in {elapsed:.1f} s"
            f" ({events / elapsed:,.0f} events/s), ok={ok}"
        )


if __name__ == "__main__":
    main()
