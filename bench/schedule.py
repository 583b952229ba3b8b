"""Scheduling at scale: the conflict check, next free time, a coach's week and the week's
group sessions, over 50 coaches' year of appointments (about 100 000)."""

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

from bench.harness import percentile, table, timed  # noqa: E402
from store.api import Store  # noqa: E402
from store.core.auth import hash_password  # noqa: E402
from store.core.clock import FixedClock, to_iso  # noqa: E402
from store.core.db import write_transaction  # noqa: E402
from store.core.models import Staff  # noqa: E402
from store.core.rows import insert_rows  # noqa: E402
from store.sample.seeded import helsinki_moment, seeded_uuid  # noqa: E402
from store.schedule.calendar_days import is_working_day, monday_of  # noqa: E402
from store.schedule.models import Proposal  # noqa: E402

COACHES = 50
CASELOAD = 120
PER_DAY = 8  # a full day: 8 appointments of 30–60 minutes between 8 and 16
SESSIONS_PER_DAY = 2
SEATS = 20
RUNS = 300
WARM_UP = 20
CHECK_TARGET_MS = 5.0
NEXT_FREE_TARGET_MS = 20.0
FIRST_DAY = date(2026, 1, 1)
DAYS = 365
NOW = datetime(2026, 6, 1, 6, 0, tzinfo=UTC)  # the year's middle: half past, half ahead
_APPOINTMENT = ("id", "coach_id", "client_id", "kind", "channel", "starts_at", "ends_at",
                "site_id", "room_id", "status")  # fmt: skip
_SESSION = ("id", "title", "host_id", "site_id", "room_id", "starts_at", "ends_at", "capacity")


def build(path: Path) -> None:
    """Sites, 50 coaches with 120 clients each and a room each, and a year of full days."""
    rng = random.Random(13)
    store = Store.open(path, FixedClock(NOW))
    try:
        ctx, db = store.ctx, store.db
        db.conn.execute("PRAGMA synchronous = OFF")
        site = store.sites.create("Työpiste Keskusta", "Turku", "Turun työllisyysalue")
        password = hash_password("bench")  # once: scrypt is slow by design
        coaches = [seeded_uuid(rng) for _ in range(COACHES)]
        rooms = [seeded_uuid(rng) for _ in range(COACHES + 2)]
        with write_transaction(db):
            insert_rows(
                ctx, "staff",
                ("id", "username", "display_name", "role", "site_id", "password_hash", "active"),
                [(c, f"coach{n}", f"Valmentaja {n:02d}", "coach", site.id, password, 1)
                 for n, c in enumerate(coaches)]
                + [(seeded_uuid(rng), "desk", "Vastaanotto", "reception", site.id, password, 1)],
                by=None,
            )  # fmt: skip
            insert_rows(ctx, "room", ("id", "site_id", "name"),
                        [(r, site.id, f"Huone {n}") for n, r in enumerate(rooms)], by=None)  # fmt: skip
            clients = {c: [seeded_uuid(rng) for _ in range(CASELOAD)] for c in coaches}
            insert_rows(
                ctx, "client", ("id", "first_name", "last_name", "birth_date", "coach_id"),
                [(k, "Asiakas", f"Penkki {k[:6]}", "1990-01-01", c)
                 for c, ks in clients.items() for k in ks],
                by=None,
            )  # fmt: skip
            rows: list[tuple[object, ...]] = []
            sessions: list[tuple[object, ...]] = []
            seats: list[tuple[object, ...]] = []
            everyone = [k for ks in clients.values() for k in ks]
            for offset in range(DAYS):
                day = FIRST_DAY + timedelta(days=offset)
                if not is_working_day(day):
                    continue
                for n, coach in enumerate(coaches):
                    minute = 8 * 60
                    for _ in range(PER_DAY):
                        length = rng.choice((30, 45, 45, 60))
                        if minute + length > 16 * 60:
                            break
                        start = helsinki_moment(day, minute)
                        end = helsinki_moment(day, minute + length)
                        status = "done" if end < NOW else "booked"
                        rows.append((seeded_uuid(rng), coach, rng.choice(clients[coach]),
                                     "job_search", "in_person", to_iso(start), to_iso(end),
                                     site.id, rooms[n], status))  # fmt: skip
                        minute += length + rng.choice((0, 0, 15))
                for s in range(SESSIONS_PER_DAY):
                    session_id = seeded_uuid(rng)
                    start = helsinki_moment(day, 9 * 60 + s * 240)
                    sessions.append((session_id, "Infotilaisuus", None, site.id,
                                     rooms[COACHES + s], to_iso(start),
                                     to_iso(start + timedelta(minutes=90)), SEATS))  # fmt: skip
                    seats += [(seeded_uuid(rng), session_id, k, "booked", to_iso(start))
                              for k in rng.sample(everyone, SEATS)]  # fmt: skip
            insert_rows(ctx, "appointment", _APPOINTMENT, rows, by=None)
            insert_rows(ctx, "group_session", _SESSION, sessions, by=None)
            insert_rows(ctx, "group_seat", ("id", "session_id", "client_id", "state",
                                            "queued_at"), seats, by=None)  # fmt: skip
        db.execute("ANALYZE")
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="luotsi-bench-schedule-") as folder:
        path = Path(folder) / "schedule.db"
        started = time.perf_counter()
        build(path)
        print(f"built in {time.perf_counter() - started:.1f} s")
        store = Store.open(path, FixedClock(NOW))
        try:
            _measure(store, args.runs)
        finally:
            store.close()


def _measure(store: Store, runs: int) -> None:
    db = store.db
    sizes = db.execute(
        "SELECT (SELECT count(*) FROM appointment), (SELECT count(*) FROM group_session),"
        " (SELECT count(*) FROM group_seat), (SELECT count(*) FROM client)"
    ).fetchone()
    print(f"data: {sizes[0]:,} appointments, {sizes[1]:,} group sessions, {sizes[2]:,} seats,"
          f" {sizes[3]:,} clients, {COACHES} coaches")  # fmt: skip
    desk = next(s for s in store.staff.all() if s.role == "reception")
    coaches = [s for s in store.staff.all() if s.role == "coach"]
    clients = [r[0] for r in db.execute("SELECT id, coach_id FROM client")]
    rooms = [r[0] for r in db.execute("SELECT id FROM room")]
    rng = random.Random(5)
    days = [NOW.date() + timedelta(days=n) for n in range(-150, 150)]
    days = [d for d in days if is_working_day(d)]

    def proposal() -> Proposal:
        start = helsinki_moment(rng.choice(days), rng.randrange(8 * 60, 15 * 60, 15))
        return Proposal(rng.choice(coaches).id, rng.choice(clients), start,
                        start + timedelta(minutes=45), rng.choice(rooms))  # fmt: skip

    def check() -> None:
        store.schedule.check(proposal())

    def next_free() -> None:
        coach: Staff = rng.choice(coaches)
        client = rng.choice(clients)
        store.schedule.next_free(coach.id, client, 45, after=helsinki_moment(rng.choice(days), 0))

    def week() -> None:
        monday = monday_of(rng.choice(days))
        start = helsinki_moment(monday, 0)
        store.schedule.between(desk, rng.choice(coaches).id, start, start + timedelta(days=7))

    def sessions() -> None:
        start = helsinki_moment(monday_of(rng.choice(days)), 0)
        store.groups.between(start, start + timedelta(days=7))

    found = [store.schedule.next_free(c.id, rng.choice(clients), 45) for c in coaches[:5]]
    measured = {
        "conflict check (coach, client, room)": (timed(check, runs, WARM_UP), CHECK_TARGET_MS),
        "next free time (45 min)": (timed(next_free, runs, WARM_UP), NEXT_FREE_TARGET_MS),
        "a coach's week (between)": (timed(week, runs, WARM_UP), None),
        "the week's group sessions": (timed(sessions, runs, WARM_UP), None),
    }
    rows = [
        (name, f"{median(times):.2f}", f"{percentile(times, 0.95):.2f}",
         "" if target is None else f"{target:.0f}")
        for name, (times, target) in measured.items()
    ]  # fmt: skip
    print(table(("measure", "p50 ms", "p95 ms", "target p95"), rows))
    print(f"next free from now, five coaches: {[to_iso(f) if f else None for f in found]}")
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    _plans(store)


def _plans(store: Store) -> None:
    """The query plans of the check's and the listings' reads: each should walk one index
    range."""
    span = ["x", "2026-06-01T10:00:00.000Z", "2026-06-01T00:00:00.000Z"]
    window = ["x", "2026-05-31T16:00:00.000Z", *span[1:]]
    seats = "SELECT count(*) FROM group_seat s WHERE s.session_id = ?"
    queries: dict[str, tuple[str, list[str]]] = {
        "appointments by coach": ("SELECT id FROM appointment WHERE coach_id = ?"
            " AND starts_at >= ? AND starts_at < ? AND ends_at > ?", window),
        "appointments by room": ("SELECT id FROM appointment WHERE room_id = ?"
            " AND starts_at >= ? AND starts_at < ? AND ends_at > ?", window),
        "group sessions by host": ("SELECT id FROM group_session WHERE host_id = ?"
            " AND starts_at < ? AND ends_at > ?", span),
        "group sessions by room": ("SELECT id FROM group_session WHERE room_id = ?"
            " AND starts_at < ? AND ends_at > ?", span),
        "a client's seats": ("SELECT g.id FROM group_seat g JOIN group_session s"
            " ON s.id = g.session_id WHERE g.client_id = ? AND s.starts_at < ?"
            " AND s.ends_at > ?", span),
        # store/schedule/groups.py counts each listed session's seats like this: no index
        # serves it, as group_seat_once is partial (WHERE state != 'cancelled').
        "a session's booked seats": (
            f"{seats} AND s.state IN ('booked', 'attended', 'no_show')", ["x"]),
        "... with the partial index's own term": (
            f"{seats} AND s.state IN ('booked', 'attended', 'no_show')"
            " AND s.state != 'cancelled'", ["x"]),
    }  # fmt: skip
    for name, (sql, params) in queries.items():
        plan = store.db.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()
        print(f"\n{name}:\n" + "\n".join(f"  {row[-1]}" for row in plan))


if __name__ == "__main__":
    main()
