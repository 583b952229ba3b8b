"""Visit log export speed: a month of a busy site (20 000 visits) as CSV, XLSX and JSON."""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from statistics import median

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench.datagen import build_db  # noqa: E402
from bench.harness import table  # noqa: E402
from store.api import Store  # noqa: E402
from store.core.clock import to_iso  # noqa: E402
from store.core.db import write_transaction  # noqa: E402
from store.core.rows import insert_rows  # noqa: E402
from store.exports.rows import export_select  # noqa: E402
from store.exports.visit_export import export_visits  # noqa: E402

VISITS = 20_000
CLIENTS = 20_000
FIRST_DAY = date(2026, 10, 1)
DAYS = 30
CSV_TARGET_S = 1.0
XLSX_TARGET_S = 2.0
REASON_CODES = ("job_search", "cv", "register", "benefits", "own_coach", "training", "other")
OUTCOMES = (
    "resolved",
    "resolved",
    "resolved",
    "referred",
    "appointment_booked",
    "left_without_service",
)


def add_visits(store: Store, visits: int, seed: int = 1) -> tuple[str, date, date]:
    """`visits` finished visits at the first site over `DAYS` days, written in bulk."""
    rng = random.Random(seed)
    db = store.db
    site_id = db.execute("SELECT id FROM site ORDER BY name LIMIT 1").fetchone()[0]
    staff_ids = [row[0] for row in db.execute("SELECT id FROM staff")]
    client_ids = [row[0] for row in db.execute("SELECT id FROM client LIMIT ?", [CLIENTS])]
    reasons = dict(db.execute("SELECT code, id FROM visit_reason").fetchall())
    per_day = visits // DAYS
    visit_rows, link_rows = [], []
    for index in range(visits):
        day = FIRST_DAY + timedelta(days=min(index // per_day, DAYS - 1))
        number = index - (day - FIRST_DAY).days * per_day + 1
        arrived = datetime(day.year, day.month, day.day, 6, tzinfo=UTC) + timedelta(
            seconds=number * 30
        )
        called = arrived + timedelta(minutes=rng.randint(0, 45))
        finished = called + timedelta(minutes=rng.randint(2, 30))
        outcome = rng.choice(OUTCOMES)
        visit_id = str(uuid.UUID(int=rng.getrandbits(128)))
        client_id = rng.choice(client_ids) if rng.random() < 0.85 else None
        stamp = to_iso(arrived)
        visit_rows.append(
            (
                visit_id,
                site_id,
                day.isoformat(),
                number,
                f"A{number:03d}",
                client_id,
                rng.choice(("walk_in", "walk_in", "appointment", "phone")),
                "left" if outcome == "left_without_service" else "done",
                to_iso(arrived),
                to_iso(called),
                to_iso(finished),
                rng.choice(staff_ids),
                outcome,
                stamp,
                stamp,
            )
        )
        for code in rng.sample(REASON_CODES, rng.choice((1, 1, 2))):
            link_rows.append(
                (str(uuid.UUID(int=rng.getrandbits(128))), visit_id, reasons[code], stamp, stamp)
            )
    visit_columns = (
        "id",
        "site_id",
        "visit_date",
        "ticket_number",
        "ticket",
        "client_id",
        "channel",
        "state",
        "arrived_at",
        "called_at",
        "finished_at",
        "served_by",
        "outcome",
        "created_at",
        "updated_at",
    )
    link_columns = ("id", "visit_id", "reason_id", "created_at", "updated_at")
    with write_transaction(db):
        insert_rows(store.ctx, "visit", visit_columns, visit_rows, by=None)
        insert_rows(store.ctx, "visit_reason_link", link_columns, link_rows, by=None)
    return site_id, FIRST_DAY, FIRST_DAY + timedelta(days=DAYS - 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--visits", type=int, default=VISITS)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="luotsi-bench-export-") as folder:
        path = build_db(Path(folder) / "bench.db", CLIENTS)
        store = Store.open(path)
        try:
            started = time.perf_counter()
            site_id, first, last = add_visits(store, args.visits)
            print(
                f"{args.visits:,} visits over {DAYS} days added in "
                f"{time.perf_counter() - started:.2f} s"
            )
            admin = store.staff.get(
                store.db.execute("SELECT id FROM staff WHERE role = 'admin'").fetchone()[0]
            )
            assert admin is not None
            # Baseline: only reading the rows with the export's query, no formatting.
            timings: dict[str, list[float]] = {"SQL read only (baseline)": []}
            for _ in range(args.repeat):
                started = time.perf_counter()
                store.db.execute(
                    export_select("local", False) + " AND v.site_id = ?",
                    [first.isoformat(), last.isoformat(), site_id],
                ).fetchall()
                timings["SQL read only (baseline)"].append(time.perf_counter() - started)
            sizes = {}
            for fmt, dialect in (
                ("csv", "excel"),
                ("csv", "rfc4180"),
                ("json", "excel"),
                ("xlsx", "excel"),
            ):
                label = f"{fmt} ({dialect})" if fmt == "csv" else fmt
                timings[label] = []
                out = Path(folder) / f"month-{dialect}.{fmt}"
                for _ in range(args.repeat):
                    started = time.perf_counter()
                    result = export_visits(
                        store.ctx,
                        admin,
                        first,
                        last,
                        site_id=site_id,
                        fmt=fmt,
                        out=out,
                        dialect=dialect,
                    )
                    timings[label].append(time.perf_counter() - started)
                assert result.rows == args.visits
                sizes[label] = out.stat().st_size
        finally:
            store.close()
    baseline = median(timings["SQL read only (baseline)"])
    rows = [
        (
            label,
            f"{median(values):.3f}",
            f"{min(values):.3f}",
            f"{median(values) / baseline:.1f}×",
            f"{sizes[label] / 2**20:.1f} MiB" if label in sizes else "—",
        )
        for label, values in timings.items()
    ]
    print(table(("export", "median s", "best s", "vs read", "file"), rows))
    csv_seconds = median(timings["csv (excel)"])
    verdict = "meets" if csv_seconds < CSV_TARGET_S else "MISSES"
    print(f"CSV {csv_seconds:.3f} s (median) {verdict} the target of {CSV_TARGET_S:.0f} s")
    xlsx_seconds = median(timings["xlsx"])
    verdict = "meets" if xlsx_seconds <= XLSX_TARGET_S else "MISSES"
    print(
        f"XLSX {xlsx_seconds:.3f} s (median, {xlsx_seconds / csv_seconds:.1f}× CSV) {verdict}"
        f" the target of {XLSX_TARGET_S:.0f} s"
    )


if __name__ == "__main__":
    main()
