"""Reviews due for a coach's caseload of 150 jobseekers, among 20 coaches with a year of
appointments each (≈ 36 000 appointments).

    python bench/reviews.py [CASELOAD]

Prints: `Store.reviews.due` the first time in a process (the `holidays` library builds
each year's calendar once) and warm (p50, p95 over 200 runs); the statements it runs; and,
as the baseline, the two plain reads of the caseload and its appointments it is built on.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import percentile, table, timed  # noqa: E402
from store.api import Store  # noqa: E402
from store.core.clock import FixedClock, local_moment, to_iso  # noqa: E402
from store.core.db import write_transaction  # noqa: E402
from store.core.rows import insert_rows  # noqa: E402
from store.sample.accounts import add_demo_account  # noqa: E402
from store.schedule.reviews import _APPOINTMENTS, _CASELOAD  # noqa: E402

COACHES = 20
CASELOAD = 150
RUNS = 200
TODAY = date(2026, 11, 28)
KINDS = ("initial_interview", "job_search", "supplementary", "coaching", "kompassi_follow_up")


def build(path: Path, caseload: int) -> tuple[Store, list[str]]:
    store = Store.open(path, FixedClock(datetime(2026, 11, 28, 10, 30, tzinfo=UTC)))
    site = store.sites.create("Työpiste", "Turku", "Varsinais-Suomi")
    coaches = [
        add_demo_account(store.ctx, f"coach{n}", f"Valmentaja {n}", "coach", site.id).id
        for n in range(COACHES)
    ]
    rng = random.Random(1)
    clients: list[tuple[object, ...]] = []
    appointments: list[tuple[object, ...]] = []
    for coach_id in coaches:
        for n in range(caseload):
            client_id = f"{coach_id}-{n}"
            since = TODAY - timedelta(days=rng.randint(0, 900))
            clients.append((client_id, "Asiakas", f"Testi{n}", "1990-01-01", coach_id,
                            since.isoformat()))  # fmt: skip
            # A year of appointments: one every 2–6 weeks, the past ones held.
            day = max(since, TODAY - timedelta(days=365))
            while day < TODAY + timedelta(days=30):
                kind = "initial_interview" if day == since else rng.choice(KINDS)
                starts = local_moment(day, datetime.min.time().replace(hour=9 + n % 7))
                status = "done" if day < TODAY else "booked"
                appointments.append((coach_id, client_id, kind, to_iso(starts),
                                     to_iso(starts + timedelta(minutes=45)), status))  # fmt: skip
                day += timedelta(weeks=rng.randint(2, 6))
    with write_transaction(store.db):
        insert_rows(store.ctx, "client",
                    ("id", "last_name", "first_name", "birth_date", "coach_id", "jobseeker_since"),
                    clients, by=None)  # fmt: skip
        insert_rows(store.ctx, "appointment",
                    ("coach_id", "client_id", "kind", "starts_at", "ends_at", "status"),
                    appointments, by=None)  # fmt: skip
    return store, coaches


def main() -> None:
    caseload = int(sys.argv[1]) if len(sys.argv) > 1 else CASELOAD
    with tempfile.TemporaryDirectory() as folder:
        store, coaches = build(Path(folder) / "bench.db", caseload)
        count = store.db.execute("SELECT count(*) FROM appointment").fetchone()[0]
        coach = store.staff.get(coaches[0])
        assert coach is not None
        print(f"{COACHES} coaches × {caseload} jobseekers, {count} appointments\n")

        started = time.perf_counter()
        found = store.reviews.due(coach, coach.id)
        first = (time.perf_counter() - started) * 1000

        statements: list[str] = []
        store.db.conn.set_trace_callback(statements.append)
        store.reviews.due(coach, coach.id)
        store.db.conn.set_trace_callback(None)

        warm = timed(lambda: store.reviews.due(coach, coach.id), RUNS)

        def plain_reads() -> None:
            store.db.execute(_CASELOAD, {"coach": coach.id}).fetchall()
            store.db.execute(_APPOINTMENTS, {"coach": coach.id}).fetchall()

        baseline = timed(plain_reads, RUNS)
        rows = [
            ("due(), first in the process", f"{first:.1f}", "", ""),
            ("due(), warm", f"{percentile(warm, 0.5):.1f}", f"{percentile(warm, 0.95):.1f}",
             f"{percentile(warm, 0.5) / percentile(baseline, 0.5):.1f}×"),
            ("baseline: the two reads alone", f"{percentile(baseline, 0.5):.1f}",
             f"{percentile(baseline, 0.95):.1f}", "1.0×"),
        ]  # fmt: skip
        print(table(("", "p50 ms", "p95 ms", "vs baseline"), rows))
        selects = sum(1 for s in statements if s.lstrip().upper().startswith("SELECT"))
        print(f"\n{len(found)} reviews listed; {selects} SELECT statements per call")
        store.close()


if __name__ == "__main__":
    main()
