"""`report paths` over a year with 100 000 clients and 400 000 steps (target ≤ 2 s), also
by site and written to XLSX; prints the time with the data size."""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path
from statistics import median

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench.datagen import ADMIN_USERNAME, build_db  # noqa: E402
from bench.harness import table  # noqa: E402
from store.api import Store  # noqa: E402
from store.core.db import write_transaction  # noqa: E402
from store.exports.paths_report_file import export_paths_report  # noqa: E402
from store.paths.models import OUTCOMES  # noqa: E402
from store.paths.report import paths_report  # noqa: E402

TARGET_S = 2.0
CLIENTS = 100_000
STEPS = 400_000
TODAY = date(2026, 11, 27)  # the generated clients' "now" (bench/datagen.py REGISTER_END)
SHARE_ENDED = 0.6  # of paths; their ends spread over three years, so a year holds ~a third
ENDED_OVER_DAYS = 3 * 365
RUNS = 5
STAMP = "2026-11-27T12:00:00Z"
# Outcomes weighted as the Kuopio-like sample data would have them: most find work.
OUTCOME_WEIGHTS = (40, 5, 15, 15, 15, 10)
STATUSES_OPEN = ("planned", "active", "done", "interrupted", "cancelled")
STATUSES_ENDED = ("done", "done", "done", "interrupted", "cancelled")


def add_paths(store: Store, seed: int) -> tuple[int, int, int]:
    """A path for every client (`SHARE_ENDED` of them ended) and `STEPS` steps among them,
    written straight with executemany; returns (paths, ended paths, steps)."""
    rng = random.Random(seed)
    conn = store.db.conn
    clients = conn.execute("SELECT id, coach_id FROM client WHERE deleted_at IS NULL").fetchall()
    services = [row[0] for row in conn.execute("SELECT id FROM service ORDER BY sort_order")]
    weights = [1.0 / (rank + 1) for rank in range(len(services))]
    paths: list[tuple[object, ...]] = []
    steps: list[tuple[object, ...]] = []
    ended_count = 0
    per_path = STEPS // len(clients)
    extra = STEPS - per_path * len(clients)
    for index, (client_id, coach_id) in enumerate(clients):
        path_id = uuid.uuid4().hex
        ended = rng.random() < SHARE_ENDED
        ended_on = TODAY - timedelta(days=rng.randrange(ENDED_OVER_DAYS)) if ended else None
        outcome = rng.choices(OUTCOMES, OUTCOME_WEIGHTS)[0] if ended else None
        ended_count += ended
        paths.append((path_id, client_id, coach_id, ended_on and ended_on.isoformat(), outcome,
                       STAMP, STAMP))  # fmt: skip
        count = per_path + (1 if index < extra else 0)
        start = (ended_on or TODAY) - timedelta(days=rng.randrange(60, 720))
        for position in range(1, count + 1):
            status = rng.choice(STATUSES_ENDED if ended else STATUSES_OPEN)
            actual = start.isoformat() if status != "planned" and rng.random() < 0.8 else None
            steps.append((uuid.uuid4().hex, path_id, position,
                          rng.choices(services, weights)[0], start.isoformat(), actual, status,
                          STAMP, STAMP))  # fmt: skip
            start += timedelta(days=rng.randrange(30, 180))
    with write_transaction(store.db):
        conn.executemany(
            "INSERT INTO service_path (id, client_id, coach_id, ended_on, outcome, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            paths,
        )
        conn.executemany(
            "INSERT INTO path_step (id, path_id, position, service_id, planned_start,"
            " actual_start, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            steps,
        )
    conn.execute("ANALYZE")
    return len(paths), ended_count, len(steps)


def timed(run: object) -> list[float]:
    assert callable(run)
    seconds: list[float] = []
    for _ in range(RUNS):
        started = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - started)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=CLIENTS)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = build_db(Path(folder) / "paths.db", args.clients, args.seed)
        store = Store.open(path)
        try:
            started = time.perf_counter()
            paths, ended, steps = add_paths(store, args.seed)
            print(f"added {paths:,} paths ({ended:,} ended) and {steps:,} steps to"
                  f" {args.clients:,} clients in {time.perf_counter() - started:.1f} s")  # fmt: skip
            admin = store.staff.find(ADMIN_USERNAME)
            assert admin is not None
            first, last = TODAY.replace(year=TODAY.year - 1) + timedelta(days=1), TODAY
            site = store.sites.all()[0]
            report = paths_report(store.ctx, admin, first, last)
            in_year = store.db.execute(
                "SELECT count(*), (SELECT count(*) FROM path_step s JOIN service_path p"
                " ON p.id = s.path_id WHERE p.ended_on BETWEEN ? AND ?)"
                " FROM service_path WHERE ended_on BETWEEN ? AND ?",
                [first.isoformat(), last.isoformat()] * 2,
            ).fetchone()
            print(f"a year ({first} .. {last}): {in_year[0]:,} ended paths, {in_year[1]:,} steps;"
                  f" median {report.median_days} days, {len(report.sequences)} sequences listed")  # fmt: skip
            out = Path(folder) / "polut.xlsx"
            cases = {
                "report paths, a year": lambda: paths_report(store.ctx, admin, first, last),
                "report paths, a year, --site": lambda: paths_report(
                    store.ctx, admin, first, last, site.id
                ),
                "report paths --out .xlsx": lambda: export_paths_report(
                    store.ctx, admin, first, last, out
                ),
            }
            rows = []
            for name, run in cases.items():
                seconds = timed(run)
                rows.append((name, f"{median(seconds):.3f}", f"{max(seconds):.3f}",
                             f"{median(seconds) / TARGET_S:.2f}"))  # fmt: skip
            print(table(("case", "median s", "max s", f"of {TARGET_S:.0f} s target"), rows))
        finally:
            store.close()


if __name__ == "__main__":
    main()
