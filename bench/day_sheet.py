"""The coach's day sheet on Today (`Store.day_sheet.rows`) on a busy day: a caseload of 150,
50 coaches × one year of appointments (≈ 100 000), a year of visits at the desk."""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from statistics import median

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench.datagen import build_db, cache_path, living_client_ids  # noqa: E402
from bench.harness import percentile, table, timed  # noqa: E402
from store.api import Store  # noqa: E402
from store.core.clock import FixedClock, local_moment, to_iso  # noqa: E402
from store.core.db import copy_database, write_transaction  # noqa: E402
from store.core.rows import insert_rows  # noqa: E402
from store.sample.accounts import add_demo_account  # noqa: E402
from store.schedule import day_sheet as day_sheet_module  # noqa: E402
from store.schedule.models import KINDS  # noqa: E402

CLIENTS = 20_000
COACHES = 50
CASELOAD = 150
PER_DAY = 8  # appointments a coach has on a working day
DAYS = 365
VISITS_PER_DAY = 150  # at each of the two sites
RUNS = 200
WARM_UP = 20
TARGET_MS = 50.0
TODAY = date(2026, 11, 27)  # a Friday
CLOCK = FixedClock(datetime(2026, 11, 27, 10, 30, tzinfo=UTC))
_APPOINTMENT = ("id", "coach_id", "client_id", "kind", "starts_at", "ends_at", "status",
                "visit_id")  # fmt: skip
_VISIT = ("id", "site_id", "visit_date", "ticket_number", "ticket", "client_id", "channel",
          "state", "wants_own_coach", "arrived_at", "assigned_to")  # fmt: skip
_SESSION = ("id", "title", "host_id", "starts_at", "ends_at", "capacity")
_PATH = ("id", "client_id")
_STEP = ("id", "path_id", "position", "service_id", "planned_start", "planned_end",
         "actual_start", "status")  # fmt: skip


def _at(day: date, hour: int, minute: int = 0) -> str:
    from datetime import time as clock_time

    return to_iso(local_moment(day, clock_time(hour, minute)))


def build(path: Path) -> None:
    """Clients, 50 coaches with a year of appointments each (the first, `bench.coach`, with
    a caseload of 150 on paths), a year of visits, and today's desk: the coach's clients
    checked in, visitors passed to them, and the sessions they host."""
    build_db(path, CLIENTS)
    rng = random.Random(13)
    store = Store.open(path, CLOCK)
    try:
        sites = [s.id for s in store.sites.all()]
        coaches = [
            add_demo_account(
                store.ctx, f"bench.coach{n or ''}", f"Penkki {n}", "coach", sites[0]
            ).id
            for n in range(COACHES)
        ]
        clients = living_client_ids(store)
        caseload = clients[:CASELOAD]
        services = [str(i) for (i,) in store.db.execute("SELECT id FROM service").fetchall()]
        appointments: list[tuple[object, ...]] = []
        visits: list[tuple[object, ...]] = []
        first = TODAY - timedelta(days=DAYS // 2)
        for offset in range(DAYS):
            day = first + timedelta(days=offset)
            if day.weekday() >= 5:
                continue
            for site in sites:
                for n in range(1, VISITS_PER_DAY + 1):
                    state = "done" if day < TODAY else rng.choice(("done", "waiting", "called"))
                    visits.append((f"v-{site}-{day}-{n}", site, day.isoformat(), n, f"A{n:03d}",
                                   rng.choice(clients), "walk_in", state, 0, _at(day, 8), None))  # fmt: skip
            for c, coach in enumerate(coaches):
                own = caseload if c == 0 else clients[CASELOAD + c * 300 : CASELOAD + (c + 1) * 300]
                for slot in range(PER_DAY):
                    status = "done" if day < TODAY else "booked"
                    start = local_moment(day) + timedelta(hours=8, minutes=50 * slot)
                    appointments.append((f"a-{coach}-{day}-{slot}", coach, rng.choice(own),
                                         rng.choice(KINDS), to_iso(start),
                                         to_iso(start + timedelta(minutes=45)), status, None))  # fmt: skip
        # Today: three of the coach's clients checked in, four visitors passed to them.
        me = coaches[0]
        mine_today = [a for a in appointments if a[1] == me and str(a[4]).startswith("2026-11-27")]
        checked = {str(a[0]): f"checkin-{n}" for n, a in enumerate(mine_today[:3])}
        appointments = [
            (*a[:6], "arrived", checked[str(a[0])]) if str(a[0]) in checked else a
            for a in appointments
        ]
        ticket = VISITS_PER_DAY
        for n, appointment in enumerate(mine_today[:3]):
            ticket += 1
            visits.append((f"checkin-{n}", sites[0], TODAY.isoformat(), ticket, f"A{ticket:03d}",
                           appointment[2], "appointment", "waiting", 0, _at(TODAY, 9), None))  # fmt: skip
        for n in range(4):
            ticket += 1
            visits.append((f"passed-{n}", sites[0], TODAY.isoformat(), ticket, f"A{ticket:03d}",
                           caseload[n], "walk_in", "transferred", 0, _at(TODAY, 10), me))  # fmt: skip
        sessions = [
            (f"g-{n}", f"Info {n}", rng.choice(coaches), _at(first + timedelta(days=n), 13),
             _at(first + timedelta(days=n), 15), 40)
            for n in range(DAYS)
        ]  # fmt: skip
        sessions += [(f"mine-{h}", f"Eläkeinfo {h}", me, _at(TODAY, h), _at(TODAY, h + 1), 320)
                     for h in (12, 15)]  # fmt: skip
        paths = [(f"p-{n}", client) for n, client in enumerate(caseload)]
        steps = [
            (f"s-{n}", f"p-{n}", 1, rng.choice(services),
             (TODAY - timedelta(days=rng.randint(10, 200))).isoformat(),
             (TODAY + timedelta(days=rng.randint(-5, 60))).isoformat(),
             (TODAY - timedelta(days=rng.randint(10, 200))).isoformat(), "active")
            for n in range(CASELOAD)
        ]  # fmt: skip
        store.db.conn.execute("PRAGMA synchronous = OFF")
        with write_transaction(store.db):
            store.db.execute(
                f"UPDATE client SET coach_id = ? WHERE id IN ({', '.join('?' * CASELOAD)})",
                [me, *caseload],
            )
            insert_rows(store.ctx, "visit", _VISIT, visits, by=None)
            insert_rows(store.ctx, "appointment", _APPOINTMENT, appointments, by=None)
            insert_rows(store.ctx, "group_session", _SESSION, sessions, by=None)
            insert_rows(store.ctx, "service_path", _PATH, paths, by=None)
            insert_rows(store.ctx, "path_step", _STEP, steps, by=None)
        store.db.execute("ANALYZE")
        store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()


def _built() -> Path:
    """The database, built once beside datagen's cache (bench/data, git-ignored)."""
    clients_db = cache_path(CLIENTS, 1)
    path = clients_db.with_name(f"day-sheet-{clients_db.name}")
    if not path.exists():
        started = time.perf_counter()
        building = path.with_name(path.name + ".building")
        building.unlink(missing_ok=True)
        build(building)
        building.rename(path)
        print(f"built {path.name} in {time.perf_counter() - started:.1f} s")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="luotsi-bench-day-sheet-") as folder:
        store = Store.open(copy_database(_built(), Path(folder) / "day_sheet.db"), CLOCK)
        try:
            _measure(store, args.runs)
        finally:
            store.close()


def _measure(store: Store, runs: int) -> None:
    db = store.db
    coach = next(s for s in store.staff.all() if s.username == "bench.coach")
    sizes = db.execute(
        "SELECT (SELECT count(*) FROM client), (SELECT count(*) FROM appointment),"
        " (SELECT count(*) FROM visit), (SELECT count(*) FROM group_session)"
    ).fetchone()
    print(
        f"data: {sizes[0]:,} clients, {sizes[1]:,} appointments, {sizes[2]:,} visits,"
        f" {sizes[3]:,} group sessions; caseload {CASELOAD}"
    )
    rows = store.day_sheet.rows(coach, TODAY)
    kinds = {
        kind: sum(1 for r in rows if r.kind == kind) for kind in day_sheet_module.DAY_SHEET_KINDS
    }
    print("rows: " + ", ".join(f"{kind} {count}" for kind, count in kinds.items()))
    sheet = timed(lambda: store.day_sheet.rows(coach, TODAY), runs, WARM_UP)
    parts = [
        ("day sheet: all rows", sheet),
        ("  appointments", timed(lambda: store.schedule.between(coach, coach.id,
            local_moment(TODAY), local_moment(TODAY + timedelta(days=1))), runs, WARM_UP)),
        ("  visitors", timed(lambda: store.day_sheet._visits(coach, TODAY, set()), runs, WARM_UP)),  # pyright: ignore[reportPrivateUsage]
        ("  worklist", timed(lambda: store.paths.worklist(coach), runs, WARM_UP)),
        ("  reviews", timed(lambda: store.reviews.due(coach, coach.id, within_days=14), runs, WARM_UP)),
    ]  # fmt: skip
    print(
        table(
            ("measure", "p50 ms", "p95 ms", "target p95"),
            [
                (name, f"{median(t):.1f}", f"{percentile(t, 0.95):.1f}",
                 f"{TARGET_MS:.0f}" if name.startswith("day") else "")
                for name, t in parts
            ],
        )
    )  # fmt: skip
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    plan = db.execute(
        "EXPLAIN QUERY PLAN " + day_sheet_module._VISITORS,  # pyright: ignore[reportPrivateUsage]
        {"day": TODAY.isoformat(), "me": coach.id},
    )
    print("\n_VISITORS:\n" + "\n".join(f"  {row[-1]}" for row in plan.fetchall()))


if __name__ == "__main__":
    main()
