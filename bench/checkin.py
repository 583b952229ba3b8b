"""Check-in at the desk over a year of appointments: 50 coaches × ~250 working days × 8
a day (≈ 100 000 appointments, with the generated database's own coaches ≈ 117 000; pass
another count of coaches as the first argument).

    python bench/checkin.py [COACHES]

Prints p50/p95 of `Store.checkin.today_for` (what the desk reads when a client is found),
`no_show_candidates` (read on every refresh of the desk, every 5 s) and `check_in` (one
write transaction: the visit, the appointment arrived, their history and log rows), with
`visits.register` (a walk-in's ticket, the desk's existing write) as the baseline.
"""

from __future__ import annotations

import random
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.datagen import build_db, living_client_ids  # noqa: E402
from bench.harness import percentile, table, timed  # noqa: E402
from store.api import Store  # noqa: E402
from store.core.clock import FixedClock, local_moment, to_iso  # noqa: E402
from store.core.db import write_transaction  # noqa: E402
from store.core.rows import insert_rows  # noqa: E402
from store.sample.accounts import add_demo_account  # noqa: E402
from store.schedule.calendar_days import is_working_day  # noqa: E402

CLIENTS = 20_000
PER_DAY = 8  # a coach's appointments a working day, 45 min from 8.00 on the hour
RUNS = 200
# Monday 7.12.2026 at 12.30 in Helsinki: a morning's bookings are late, the afternoon's ahead.
NOW = datetime(2026, 12, 7, 10, 30, tzinfo=UTC)


def _appointments(coaches: list[str], clients: list[str], site_id: str, today: date):
    rng = random.Random(1)
    day = today - timedelta(days=300)
    while day <= today + timedelta(days=65):
        if is_working_day(day):
            for coach_id in coaches:
                for hour in range(8, 8 + PER_DAY):
                    start = local_moment(day, datetime.min.time().replace(hour=hour))
                    status = "booked" if day >= today else rng.choice(("done", "done", "no_show"))
                    yield (
                        coach_id, rng.choice(clients), "job_search", "in_person",
                        to_iso(start), to_iso(start + timedelta(minutes=45)), site_id, status,
                    )  # fmt: skip
        day += timedelta(days=1)


def build(path: Path, coach_count: int) -> tuple[Store, list[str]]:
    build_db(path, CLIENTS)
    store = Store.open(path, FixedClock(NOW))
    site_id = store.sites.all()[0].id
    reception = add_demo_account(store.ctx, "bench.desk", "Penkki Pirjo", "reception", site_id)
    hashed = store.db.execute(
        "SELECT password_hash FROM staff WHERE id = ?", [reception.id]
    ).fetchone()[0]
    with write_transaction(store.db):
        insert_rows(
            store.ctx, "staff",
            ("username", "display_name", "role", "site_id", "password_hash"),
            [(f"bench.coach{n}", f"Valmentaja {n}", "coach", site_id, hashed)
             for n in range(coach_count)],
            by=None,
        )  # fmt: skip
        coaches = [r[0] for r in store.db.execute("SELECT id FROM staff WHERE role = 'coach'")]
        rows = _appointments(coaches, living_client_ids(store), site_id, NOW.date())
        insert_rows(
            store.ctx, "appointment",
            ("coach_id", "client_id", "kind", "channel", "starts_at", "ends_at", "site_id",
             "status"),
            rows, by=None,
        )  # fmt: skip
    return store, [site_id, reception.id, str(len(coaches))]


def main() -> None:
    coach_count = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    with tempfile.TemporaryDirectory() as folder:
        store, (site_id, reception_id, coaches) = build(Path(folder) / "bench.db", coach_count)
        reception = store.staff.get(reception_id)
        assert reception is not None
        total = store.db.execute("SELECT count(*) FROM appointment").fetchone()[0]
        start, end = (to_iso(local_moment(NOW.date() + timedelta(days=d))) for d in (0, 1))
        todays = [
            (r[0], r[1])
            for r in store.db.execute(
                "SELECT id, client_id FROM appointment WHERE starts_at >= ? AND starts_at < ?"
                " ORDER BY starts_at",
                [start, end],
            )
        ]
        rng = random.Random(2)
        clients = iter(rng.choice(todays)[1] for _ in range(RUNS + 20))
        found = timed(lambda: store.checkin.today_for(reception, next(clients), site_id), RUNS)
        late = store.checkin.no_show_candidates(reception, site_id)
        offered = timed(lambda: store.checkin.no_show_candidates(reception, site_id), RUNS)
        # A client can be checked in once: each timed call takes the next of today's.
        waiting = iter(todays)

        def check_in() -> None:
            appointment_id, client_id = next(waiting)
            if store.visits.open_visit_of(client_id, site_id) is None:
                store.checkin.check_in(reception, appointment_id, site_id)

        checked = timed(check_in, min(RUNS, len(todays) - 20), warm_up=10)
        walk_ins = timed(lambda: store.visits.register(reception, site_id), RUNS)
        store.close()
    rows = [
        (name, f"{percentile(t, 0.5):.2f}", f"{percentile(t, 0.95):.2f}")
        for name, t in (
            ("today_for (client found)", found),
            ("no_show_candidates (refresh)", offered),
            ("check_in (one transaction)", checked),
            ("register walk-in (baseline)", walk_ins),
        )
    ]
    print(f"{total} appointments, {coaches} coaches, {len(todays)} today, {len(late)} late")
    print(table(("ms", "p50", "p95"), rows))
    ratio = percentile(checked, 0.5) / percentile(walk_ins, 0.5)
    print(f"check_in / register at p50: {ratio:.1f}×")


if __name__ == "__main__":
    main()
