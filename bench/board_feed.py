"""The waiting-room board's side file: what a desk pays to publish it, and what the board
pays to read it, on a plain and an encrypted database.

    python bench/board_feed.py [VISITS_TODAY]

A site's busy day (default 300 visits registered today, with a year of earlier visits
behind them, ~60 000) in a database of 20 000 clients. Prints p50/p95 of
`publish_board` alone (with no board open, so each publish makes and checkpoints the
side file's -wal, and with a board reading, so it stays), a desk's call and finish
with the publish against the same without it (the ratio is the publish's share of a key
press), and the board's read of one refresh (`BoardFeed.now_serving`).
"""

from __future__ import annotations

import sys
import tempfile
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.datagen import build_db  # noqa: E402
from bench.harness import percentile, table, timed  # noqa: E402
from store.api import Store  # noqa: E402
from store.core import keyring  # noqa: E402
from store.core.clock import FixedClock  # noqa: E402
from store.core.db import export_encrypted, write_transaction  # noqa: E402
from store.core.keys import read_key_file  # noqa: E402
from store.sample.accounts import add_demo_account  # noqa: E402
from store.visits import register as register_module  # noqa: E402
from store.visits.board_feed import open_board_feed, publish_board  # noqa: E402

CLIENTS = 20_000
HISTORY_DAYS = 200  # days of earlier visits, 300 a day (copies of one day's)
RUNS = 200
NOW = datetime(2026, 12, 7, 10, 30, tzinfo=UTC)


def build(path: Path, today_visits: int, encrypted: bool) -> tuple[Store, object, str]:
    if encrypted:  # the cached plain database, exported encrypted under a new key file
        keyring.prepare(path)
        key, salt = keyring.known_key(path), read_key_file(path).db_salt
        assert key is not None
        with closing(sqlcipher.connect(str(build_db(None, CLIENTS)))) as plain:
            export_encrypted(plain, path, key, salt)
    else:
        build_db(path, CLIENTS)
    clock = FixedClock(NOW - timedelta(days=HISTORY_DAYS))
    store = Store.open(path, clock)
    site_id = store.sites.all()[0].id
    desk = add_demo_account(store.ctx, "bench.desk", "Penkki Pirjo", "reception", site_id)
    register_module.publish_board = lambda ctx: False  # not measured while building
    try:
        for _ in range(300):  # one earlier day: registered, called and finished
            visit = store.visits.register(desk, site_id, reason_codes=["cv"])
            store.visits.change_state(desk, visit.id, "done")
    finally:
        register_module.publish_board = publish_board
    columns = [r[1] for r in store.db.execute("PRAGMA table_info(visit)") if r[1] != "id"]
    others = ", ".join(c for c in columns if c != "visit_date")
    with write_transaction(store.db):  # and its copies on the days before it
        for back in range(1, HISTORY_DAYS):
            store.db.execute(
                f"INSERT INTO visit (id, visit_date, {others}) SELECT lower(hex(randomblob(16))),"
                f" date(visit_date, '-{back} days'), {others} FROM visit WHERE visit_date = ?",
                [clock.today().isoformat()],
            )
    clock.at = NOW
    for _ in range(today_visits):
        store.visits.register(desk, site_id, reason_codes=["cv"])
    return store, desk, site_id


def measure(today_visits: int, encrypted: bool) -> list[list[object]]:
    rows: list[list[object]] = []
    with tempfile.TemporaryDirectory(prefix="luotsi-board-bench-") as folder:
        path = Path(folder) / "luotsi.db"
        store, desk, site_id = build(path, today_visits, encrypted)
        kind = "encrypted" if encrypted else "plain"

        def row(what: str, times: list[float]) -> None:
            rows.append(
                [
                    f"{kind}: {what}",
                    f"{percentile(times, 0.5):.2f}",
                    f"{percentile(times, 0.95):.2f}",
                ]
            )

        row("publish_board, no board open", timed(lambda: publish_board(store.ctx), RUNS))
        feed = open_board_feed(path)
        row("publish_board, a board reading", timed(lambda: publish_board(store.ctx), RUNS))

        def call_and_finish() -> None:
            called = store.visits.call_next(desk, site_id, "1")
            if called is not None:
                store.visits.change_state(desk, called.id, "done")

        def one_more() -> None:  # the queue as long at every press
            store.visits.register(desk, site_id, reason_codes=["cv"])

        def not_publishing() -> None:
            register_module.publish_board = lambda ctx: False
            try:
                call_and_finish()
            finally:
                register_module.publish_board = publish_board

        with_publish: list[float] = []
        without: list[float] = []
        for _ in range(10):  # alternated, so both see the same queue and the same machine
            with_publish += timed(call_and_finish, RUNS // 20, warm_up=1, before=one_more)
            without += timed(not_publishing, RUNS // 20, warm_up=1, before=one_more)
        row("call + finish, publishing", with_publish)
        row("call + finish, not publishing", without)
        ratio = percentile(with_publish, 0.5) / percentile(without, 0.5)
        rows.append([f"{kind}: ratio (p50)", f"{ratio:.2f}", ""])
        day = store.clock.today()
        row("board refresh read", timed(lambda: feed.now_serving(site_id, day, 5), RUNS))
        feed.close()
        store.close()
        keyring.forget(path)
    return rows


def main() -> None:
    today_visits = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    rows = measure(today_visits, encrypted=False) + measure(today_visits, encrypted=True)
    print(f"{today_visits} visits today, {HISTORY_DAYS * 300} before; ms")
    print(table(["what", "p50", "p95"], rows))


if __name__ == "__main__":
    main()
