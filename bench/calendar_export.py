"""Calendar export speed: one coach's .ics out of 100 000 appointments (50 coaches' year).

Prints the time to read the coach's entries, to build the VTIMEZONE, to build the whole
file, and `export_calendar` end to end (with its access-log rows and fsyncs), for the
default range (a week back, eight ahead) and for a whole year.
"""

from __future__ import annotations

import random
import sys
import tempfile
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from statistics import median

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from icalendar import Timezone  # noqa: E402

from bench.datagen import add_bench_coach, build_db, living_client_ids  # noqa: E402
from bench.harness import table, timed  # noqa: E402
from screens.strings import load_screen_strings  # noqa: E402
from store.api import Store  # noqa: E402
from store.core.clock import FixedClock, local_moment, to_iso  # noqa: E402
from store.core.db import write_transaction  # noqa: E402
from store.core.models import Staff  # noqa: E402
from store.core.rows import insert_rows  # noqa: E402
from store.exports.calendar_file import (  # noqa: E402
    calendar_bytes,
    calendar_entries,
    default_range,
    export_calendar,
)

APPOINTMENTS = 100_000
COACHES = 50
YEAR = 2026
NOW = datetime(YEAR, 6, 15, 9, 0, tzinfo=UTC)
KINDS = ("initial_interview", "job_search", "job_search", "coaching", "supplementary")
STATES = ("done", "done", "done", "no_show", "cancelled")


def add_appointments(store: Store, coach_id: str, clients: list[str], seed: int = 1) -> int:
    """`APPOINTMENTS` over the year, the bench coach's share (1 / COACHES) among them, each
    with its 'booked' history row; returns how many the bench coach has."""
    rng = random.Random(seed)
    coaches = [coach_id] + [str(uuid.UUID(int=rng.getrandbits(128))) for _ in range(COACHES - 1)]
    db = store.db
    site_id = db.execute("SELECT id FROM site ORDER BY name LIMIT 1").fetchone()[0]
    with write_transaction(db):
        # The other coaches as bare staff rows: the export reads only the bench coach's.
        insert_rows(
            store.ctx, "staff",
            ("id", "username", "display_name", "role", "site_id", "password_hash", "language"),
            [(c, f"bench.{n}", f"Penkki {n}", "coach", site_id, "x", "fi")
             for n, c in enumerate(coaches[1:])],
            by=None,
        )  # fmt: skip
    days = [
        date(YEAR, 1, 1) + timedelta(days=n)
        for n in range(365)
        if (date(YEAR, 1, 1) + timedelta(days=n)).isoweekday() <= 5
    ]
    per_coach_day = max(1, APPOINTMENTS // (COACHES * len(days)))
    appointment_rows: list[tuple[object, ...]] = []
    history_rows: list[tuple[object, ...]] = []
    for coach in coaches:
        for day in days:
            for slot in range(per_coach_day):
                starts = local_moment(day) + timedelta(hours=8 + slot)
                ends = starts + timedelta(minutes=45)
                appointment_id = str(uuid.UUID(int=rng.getrandbits(128)))
                status = rng.choice(STATES) if day < NOW.date() else "booked"
                appointment_rows.append(
                    (appointment_id, coach, rng.choice(clients), rng.choice(KINDS), "in_person",
                     to_iso(starts), to_iso(ends), site_id, status)
                )  # fmt: skip
                history_rows.append(
                    (appointment_id, to_iso(starts - timedelta(days=14)), "booked", to_iso(starts))
                )
    with write_transaction(db):
        insert_rows(
            store.ctx, "appointment",
            ("id", "coach_id", "client_id", "kind", "channel", "starts_at", "ends_at",
             "site_id", "status"),
            appointment_rows, by=None,
        )  # fmt: skip
        insert_rows(
            store.ctx, "appointment_change",
            ("appointment_id", "at", "change", "to_starts_at"), history_rows, by=None,
        )  # fmt: skip
    return len(days) * per_coach_day


def measure(store: Store, coach: Staff, first: date, last: date, out: Path) -> list[object]:
    """Events, then the medians (ms) of each step, then the file's size in KiB."""
    entries = calendar_entries(store.ctx, coach.id, first, last, "fi")
    read = timed(lambda: calendar_entries(store.ctx, coach.id, first, last, "fi"), 9, 2)
    zone = timed(
        lambda: Timezone.from_tzid(
            "Europe/Helsinki",
            first_date=date(first.year, 1, 1),
            last_date=date(last.year + 2, 1, 1),
        ),
        9,
        2,
    )
    build = timed(lambda: calendar_bytes(entries, "bench", first, last), 5, 1)
    whole = timed(lambda: export_calendar(store.ctx, coach, coach.id, out, first, last), 5, 1)
    return [
        len(entries),
        *(f"{median(times):.1f}" for times in (read, zone, build, whole)),
        f"{out.stat().st_size / 1024:.0f}",
    ]


def main() -> None:
    load_screen_strings()
    with tempfile.TemporaryDirectory() as folder:
        path = build_db(Path(folder) / "bench.db", 2000)
        store = Store.open(path, FixedClock(NOW))
        clients = living_client_ids(store)
        coach = add_bench_coach(store, clients[:100])
        own = add_appointments(store, coach.id, clients)
        total = store.db.execute("SELECT count(*) FROM appointment").fetchone()[0]
        print(f"{total} appointments, {own} of them the bench coach's ({YEAR})\n")
        ranges = {
            "default (9 weeks)": default_range(NOW.date()),
            "a whole year": (date(YEAR, 1, 1), date(YEAR, 12, 31)),
        }
        rows = [
            [name, *measure(store, coach, first, last, Path(folder) / "bench.ics")]
            for name, (first, last) in ranges.items()
        ]
        print(
            table(
                [
                    "range",
                    "events",
                    "read ms",
                    "VTIMEZONE ms",
                    "file built ms",
                    "export_calendar ms",
                    "KiB",
                ],
                rows,
            )  # fmt: skip
        )
        print("\nmedians; export_calendar includes the access-log rows and two fsyncs.")
        store.close()


if __name__ == "__main__":
    main()
