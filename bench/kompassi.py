"""Kompassi at scale: F3 opening a client with 10 readings (with the picture), one digit
key's answer with its draft save, and the distance-travelled report for a year, over
100 000 clients and 300 000 readings."""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from statistics import median

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench.datagen import add_bench_coach, build_db, living_client_ids  # noqa: E402
from bench.harness import percentile, table, timed  # noqa: E402
from store.api import Store  # noqa: E402
from store.core.clock import FixedClock  # noqa: E402
from store.core.db import write_transaction  # noqa: E402
from store.core.models import Staff  # noqa: E402
from store.core.rows import insert_rows  # noqa: E402
from store.kompassi.models import Instrument  # noqa: E402
from store.kompassi.records import fill_scores  # noqa: E402

CLIENTS = 100_000
READINGS = 300_000
LONG_CLIENT_READINGS = 10
CASELOAD = 100
RUNS = 200
WARM_UP = 20
REPORT_RUNS = 5
OPEN_TARGET_MS = 50.0
ANSWER_TARGET_MS = 10.0
REPORT_TARGET_MS = 2000.0
TODAY = date(2026, 11, 28)
CLOCK = FixedClock(datetime(2026, 11, 28, 10, 30, tzinfo=UTC))
HISTORY_DAYS = 3 * 365  # readings spread over three years: a year's report holds a third
BATCH_READINGS = 50_000
_READING_COLUMNS = ("id", "client_id", "instrument_id", "kind", "mode", "filled_on", "status",
                    "coach_id", "started_at", "finished_at")  # fmt: skip
_ANSWER_COLUMNS = ("id", "reading_id", "domain_code", "score", "skipped", "comment", "goal")


def _optional(module: str, name: str) -> Callable[..., object] | None:
    """A function of a module another part of the work adds, or None while it is absent."""
    if importlib.util.find_spec(module) is None:
        return None
    return getattr(importlib.import_module(module), name, None)


def _readings_per_client(rng: random.Random, clients: list[str]) -> dict[str, int]:
    """1–5 readings each (the long client `LONG_CLIENT_READINGS`), `READINGS` in all."""
    counts = {client_id: 1 for client_id in clients}
    counts[clients[0]] = LONG_CLIENT_READINGS
    left = READINGS - sum(counts.values())
    others = clients[1:]
    while left > 0:
        client_id = rng.choice(others)
        if counts[client_id] < 5:
            counts[client_id] += 1
            left -= 1
    return counts


def _client_rows(
    rng: random.Random, client_id: str, count: int, instrument: Instrument, coach_id: str | None
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """`count` finished readings of one client, a baseline and follow-ups, oldest first."""
    readings: list[tuple[object, ...]] = []
    answers: list[tuple[object, ...]] = []
    codes = [d.code for d in instrument.domains]
    day = TODAY - timedelta(days=rng.randint(count * 40, HISTORY_DAYS))
    scores = {code: rng.randint(1, 9) for code in codes}
    for n in range(count):
        reading_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        at = f"{day.isoformat()}T09:{rng.randrange(60):02d}:00.000Z"
        readings.append((reading_id, client_id, instrument.id, "follow_up" if n else "baseline",
                         "screen", day.isoformat(), "done", coach_id, at, at))  # fmt: skip
        for code in codes:
            if code == "tyokyky" and rng.random() < 0.5:
                continue
            scores[code] = min(10, max(0, scores[code] + rng.choice((-1, 0, 0, 1, 1, 2))))
            skipped = rng.random() < 0.03
            comment = "Kommentti" if rng.random() < 0.05 else None
            answers.append((str(uuid.UUID(int=rng.getrandbits(128), version=4)), reading_id,
                            code, None if skipped else scores[code], int(skipped), comment, None))  # fmt: skip
        day = min(day + timedelta(days=rng.randint(30, 120)), TODAY - timedelta(days=1))
    return readings, answers


def build(path: Path) -> tuple[Staff, str, str]:
    """The register with 300 000 finished readings and a coach with `CASELOAD` clients;
    returns (the coach, their client with 10 readings, another of theirs for a draft)."""
    build_db(path, CLIENTS)
    rng = random.Random(12)
    store = Store.open(path, CLOCK)
    try:
        instrument = store.instruments.current()
        clients = living_client_ids(store)
        coach = add_bench_coach(store, clients[:CASELOAD])
        counts = _readings_per_client(rng, clients)
        conn = store.db.conn
        conn.execute("PRAGMA synchronous = OFF")
        # 1 GiB of page cache: the random-UUID indexes of 2 million answers stay in memory.
        conn.execute("PRAGMA cache_size = -1048576")
        readings: list[tuple[object, ...]] = []
        answers: list[tuple[object, ...]] = []
        for client_id, count in counts.items():
            more, more_answers = _client_rows(rng, client_id, count, instrument, None)
            readings += more
            answers += more_answers
            if len(readings) >= BATCH_READINGS:
                _insert(store, readings, answers)
                readings, answers = [], []
        _insert(store, readings, answers)
        store.db.execute("ANALYZE")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return coach, clients[0], clients[1]
    finally:
        store.close()


def _insert(store: Store, readings: list[tuple[object, ...]], answers: list[tuple[object, ...]]) -> None:  # fmt: skip
    with write_transaction(store.db):
        insert_rows(store.ctx, "kompassi_reading", _READING_COLUMNS, readings, by=None)
        insert_rows(store.ctx, "kompassi_answer", _ANSWER_COLUMNS, answers, by=None)
        fill_scores(store.ctx)  # what finishing each reading would have written


def _row(what: str, times: list[float], target: float) -> tuple[str, ...]:
    return (what, f"{median(times):.1f}", f"{percentile(times, 0.95):.1f}", f"{target:.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="luotsi-bench-kompassi-") as folder:
        path = Path(folder) / "kompassi.db"
        started = time.perf_counter()
        coach, long_client, draft_client = build(path)
        print(f"built in {time.perf_counter() - started:.1f} s (the 100 000 clients from"
              " bench/data if cached; readings and answers with insert_rows)")  # fmt: skip
        store = Store.open(path, CLOCK)
        try:
            _measure(store, coach, long_client, draft_client, args.runs)
        finally:
            store.close()


def _measure(store: Store, coach: Staff, long_client: str, draft_client: str, runs: int) -> None:
    sizes = store.db.execute(
        "SELECT (SELECT count(*) FROM client), (SELECT count(*) FROM kompassi_reading),"
        " (SELECT count(*) FROM kompassi_answer)"
    ).fetchone()
    print(f"data: {sizes[0]:,} clients, {sizes[1]:,} readings, {sizes[2]:,} answers")
    picture_of = _optional("store.kompassi.picture", "picture_of")
    kompassi_report = _optional("store.kompassi.report", "kompassi_report")

    def open_f3() -> None:
        view = store.kompassi.open(coach, long_client)
        assert len(view.readings) == LONG_CLIENT_READINGS

    def open_with_picture() -> None:
        assert picture_of is not None
        picture_of(store.kompassi.open(coach, long_client))

    what = f"{LONG_CLIENT_READINGS} readings"
    rows = [_row(f"F3: open alone, {what}", timed(open_f3, runs, WARM_UP), OPEN_TARGET_MS)]
    if picture_of is not None:
        times = timed(open_with_picture, runs, WARM_UP)
        rows.append(_row(f"F3: open + picture facts, {what}", times, OPEN_TARGET_MS))
    # Digit keys on a draft, round the domains: each answer is a write with its draft save.
    draft = store.kompassi.start(coach, draft_client)
    codes = [d.code for d in store.instruments.current().domains]
    keys = iter(range(10**9))

    def digit() -> None:
        n = next(keys)
        store.kompassi.answer(coach, draft.id, codes[n % len(codes)], score=n % 10)

    rows.append(
        _row("answer: one digit key (draft saved)", timed(digit, runs, WARM_UP), ANSWER_TARGET_MS)
    )
    if kompassi_report is not None:
        admin = next(s for s in store.staff.all() if s.role == "admin")
        first_day = TODAY - timedelta(days=365)

        def report() -> None:
            kompassi_report(store.ctx, admin, first_day, TODAY)

        times = timed(report, REPORT_RUNS, warm_up=1)
        rows.append(_row("distance-travelled report, a year, all sites", times, REPORT_TARGET_MS))
    print(table(("measure", "p50 ms", "p95 ms", "target p95"), rows))
    if picture_of is None:
        print("note: store/kompassi/picture.py is absent: F3 is timed without the picture facts")
    if kompassi_report is None:
        print("note: store/kompassi/report.py is absent: the report is not measured")
    # The machine is shared: a p95 taken under load says more about the neighbours.
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
