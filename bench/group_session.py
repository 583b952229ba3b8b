"""Group sessions at Turku's scale (a pension info for 320 people): the time to open a
320-seat session's list (the session and its seats, as Enter on it reads them), to add
a person (a seat or the waiting list) and to cancel a seat (the first waiting person
moving up), among 200 other sessions with 8 000 seats, and the query plan of the counts."""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench.datagen import build_db, living_client_ids  # noqa: E402
from bench.harness import percentile, table, timed  # noqa: E402
from store.api import Store  # noqa: E402
from store.core.clock import FixedClock  # noqa: E402
from store.sample.accounts import add_demo_account  # noqa: E402

CLIENTS = 10_000
SEATS = 320
WAITING = 40
OTHER_SESSIONS = 200
OTHER_SEATS = 40
NOW = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
INFO = datetime(2026, 12, 1, 11, 0, tzinfo=UTC)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = build_db(Path(folder) / "groups.db", CLIENTS)
        store = Store.open(path, FixedClock(NOW))
        site_id = store.sites.all()[0].id
        desk = add_demo_account(store.ctx, "bench.desk", "Pöytä Pirkko", "reception", site_id)
        clients = living_client_ids(store)
        groups = store.groups
        # Other sessions, each with its seats: the seat table is not the big one's alone.
        for number in range(OTHER_SESSIONS):
            starts = INFO + timedelta(days=1 + number // 4, hours=2 * (number % 4))
            other = groups.create(desk, f"Info {number}", starts, 90, OTHER_SEATS, site_id)
            for client_id in clients[number * OTHER_SEATS % 5000 :][:OTHER_SEATS]:
                groups.add(desk, other.id, client_id)
        info = groups.create(desk, "Eläkeinfo", INFO, 120, SEATS, site_id)
        people = clients[5000 : 5000 + SEATS + WAITING]
        fill: list[float] = []
        for client_id in people:
            started = time.perf_counter()
            groups.add(desk, info.id, client_id)
            fill.append(_ms_since(started))
        shown = groups.get(info.id)
        assert shown is not None and (shown.booked, shown.waiting) == (SEATS, WAITING)

        def open_list() -> None:
            groups.get(info.id)
            groups.seats(info.id)

        opened = timed(open_list, 200)
        # A steady cycle: a booked seat cancelled (the first waiting moves up), the same
        # person added again (to the end of the waiting list).
        cancels: list[float] = []
        adds: list[float] = []
        for _ in range(200):
            booked = groups.seats(info.id).booked[0]
            started = time.perf_counter()
            groups.cancel_seat(desk, booked.id)
            cancels.append(_ms_since(started))
            started = time.perf_counter()
            groups.add(desk, info.id, booked.client_id)
            adds.append(_ms_since(started))
        month = groups.between(INFO, INFO + timedelta(days=60))
        listed = timed(lambda: groups.between(INFO, INFO + timedelta(days=60)), 50)
        rows = [
            ("open the 320-seat session's list", *_figures(opened)),
            ("add one (filling 0 → 360)", *_figures(fill)),
            ("add one (to the waiting list)", *_figures(adds)),
            ("cancel a seat, first waiting moves up", *_figures(cancels)),
            (f"list {len(month)} sessions with counts", *_figures(listed)),
        ]
        print(table(("ms", "p50", "p95", "max"), rows))
        plan = store.db.execute(
            "EXPLAIN QUERY PLAN SELECT count(*) FROM group_seat s WHERE s.session_id = ?"
            " AND s.state != 'cancelled' AND s.state = 'waiting'",
            [info.id],
        ).fetchall()
        print("count's plan:", "; ".join(str(row[-1]) for row in plan))
        store.close()


def _ms_since(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def _figures(times: list[float]) -> tuple[str, str, str]:
    return (
        f"{percentile(times, 0.5):.2f}",
        f"{percentile(times, 0.95):.2f}",
        f"{max(times):.2f}",
    )


if __name__ == "__main__":
    main()
