"""Two desks book the same coach slot at the same moment, each its own process on the
same database file: exactly one booking is saved and the other desk is refused by name.

The processes are real (the project's python), opened on the file before they start
booking and released together through a file both wait for, as two desks are.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime
from pathlib import Path

from tests.conftest import World
from tests.faults import UNLOCK_IN_CHILD, child_env

MONDAY_10 = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)  # 10:00 in Helsinki

DESK = UNLOCK_IN_CHILD + textwrap.dedent(
    """
    import sys, time
    from datetime import datetime, timedelta
    from pathlib import Path
    from store.api import Store
    from store.core.clock import FixedClock
    from store.schedule.errors import Clashes, SeriesClashes
    from store.schedule.models import Booking
    from tests.conftest import NOW

    path, client_id, coach_id, start, series, ready, go = sys.argv[1:]
    store = Store.open(path, FixedClock(NOW))
    desk = store.staff.find("vastaanotto")
    booking = Booking(client_id, coach_id, datetime.fromisoformat(start))
    Path(ready).touch()
    while not Path(go).exists():
        time.sleep(0.001)
    try:
        if series == "series":
            booked = store.schedule.book_series(desk, booking, every_weeks=1, count=4)
            print("booked", len(booked))
        else:
            store.schedule.book(desk, booking)
            print("booked", 1)
    except Clashes as refused:
        print("clash", refused.clashes[0].rule)
    except SeriesClashes as refused:
        print("series_clash", len(refused.clashing))
    store.close()
    """
)


def race(world: World, tmp_path: Path, desks: list[tuple[str, datetime, str]]) -> list[str]:
    """Start one process per desk (client, start, "series" or "single"), release them
    together, and return what each printed."""
    world.store.close()
    script = tmp_path / "desk.py"
    script.write_text(DESK, encoding="utf-8")
    go = tmp_path / "go"
    readies = [tmp_path / f"ready{n}" for n in range(len(desks))]
    root = str(Path(__file__).resolve().parents[3])
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                str(script),
                str(world.path),
                world.clients[client].id,
                world.coach.id,
                start.isoformat(),
                kind,
                str(ready),
                str(go),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=child_env(world.path),
            cwd=root,
        )  # fmt: skip
        for (client, start, kind), ready in zip(desks, readies, strict=True)
    ]
    while not all(ready.exists() for ready in readies):
        if any(p.poll() is not None for p in processes):
            break
        time.sleep(0.005)
    go.touch()
    outputs = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        outputs.append(out.strip())
    return outputs


def count(world: World, sql: str) -> int:
    from store.api import Store

    store = Store.open(world.path)
    try:
        return store.db.execute(sql).fetchone()[0]
    finally:
        store.close()


def test_two_desks_booking_the_same_slot_get_one_booking_and_one_refusal(
    world: World, tmp_path: Path
) -> None:
    outputs = race(
        world, tmp_path, [("makinen", MONDAY_10, "single"), ("ostman", MONDAY_10, "single")]
    )
    assert sorted(outputs) == ["booked 1", "clash coach"]
    assert count(world, "SELECT count(*) FROM appointment") == 1
    # Each desk's attempt was decided inside its own write: one booking, one history row.
    assert count(world, "SELECT count(*) FROM appointment_change") == 1


def test_a_series_and_a_single_booking_racing_for_one_slot_never_both_land(
    world: World, tmp_path: Path
) -> None:
    week_three = datetime(2026, 12, 14, 8, 0, tzinfo=UTC)
    outputs = race(
        world, tmp_path, [("makinen", MONDAY_10, "series"), ("ostman", week_three, "single")]
    )
    assert sorted(outputs) in (
        ["booked 1", "series_clash 1"],  # the single one was first: no occurrence saved
        ["booked 4", "clash coach"],  # the series was first: all four, the single refused
    )
    saved = count(world, "SELECT count(*) FROM appointment")
    assert saved == (1 if "booked 1" in outputs else 4)
