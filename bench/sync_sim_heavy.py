"""A coach's heavy week on a laptop: ~N changed rows (client fields, path steps, bookings,
made through the store's repositories), then `pack` on the laptop and `apply_bundle` at
the office timed with `time.perf_counter()` (issue 15's target: ≤ 2 s each for 2 000)."""

# pyright: basic
from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import time as clock_time
from pathlib import Path

from bench.sync_sim import COACHES, MONDAY, SAMPLE_DAY, open_laptop, staff_named
from bench.sync_sim_edits import EditLog, Side, slot
from bench.sync_sim_moves import field_value
from store.api import Store
from store.core.clock import FixedClock, local_moment, to_iso
from store.sample.generate import generate_sample
from store.sync.apply import apply_bundle
from store.sync.checkout import checkout
from store.sync.pack import pack
from store.sync.tables import SYNCED


@dataclass(frozen=True)
class HeavyResult:
    changed_rows: int
    packed_changes: int  # the changes the bundle holds (PackResult.changes)
    clients: int
    bundle_bytes: int
    pack_s: float
    apply_s: float
    dry_run_s: float
    conflicts: int
    rows_applied: int


def changed_since(store: Store, since: str) -> int:
    """Rows of the synced tables written at `since` or later (inserted or updated)."""
    return sum(
        int(
            store.db.execute(
                f"SELECT count(*) FROM {table} WHERE updated_at >= ?", [since]
            ).fetchone()[0]
        )
        for table in SYNCED
    )


def heavy_week(workdir: Path, *, rows: int, seed: int = 1) -> HeavyResult:
    rng = random.Random(seed)
    clock = FixedClock(local_moment(MONDAY, clock_time(7)))
    office_path = workdir / "office.db"
    # The sample spreads its clients over six coaches: enough for a caseload of ~rows/4.
    generate_sample(
        office_path, clients=max(600, rows * 2), seed=seed, today=SAMPLE_DAY, history_weeks=1
    )
    office = Store.open(office_path, clock)
    admin = staff_named(office, "admin")
    coach = staff_named(office, COACHES[0])
    laptop_path = workdir / "laptop.db"
    checkout(office.ctx, office_path, coach=coach, out=laptop_path, actor=admin)
    laptop = open_laptop(laptop_path, coach, clock)
    side = Side("laptop", laptop, clock, EditLog(), editor=coach, coach=coach)
    clock.at = local_moment(MONDAY, clock_time(8))
    since = to_iso(clock.at)
    clients = side.living_clients()
    rng.shuffle(clients)
    used = 0
    for n, client in enumerate(clients * 4):
        side.edit_client(client, "phone", field_value(rng, "phone"))
        side.add_step(rng, client)
        side.book(client, coach.id, slot(rng, clock.at.date()))
        used = min(n + 1, len(clients))
        if n % 20 == 19 and changed_since(laptop, since) >= rows:
            break
    changed = changed_since(laptop, since)
    out = workdir / "heavy.bundle"
    started = time.perf_counter()
    packed = pack(laptop.ctx, laptop_path, out=out, actor=coach)
    pack_s = time.perf_counter() - started
    data = out.read_bytes()
    started = time.perf_counter()
    apply_bundle(office.ctx, data=data, name=out.name, actor=admin, dry_run=True)
    dry_run_s = time.perf_counter() - started
    started = time.perf_counter()
    report = apply_bundle(office.ctx, data=data, name=out.name, actor=admin)
    apply_s = time.perf_counter() - started
    laptop.close()
    office.close()
    return HeavyResult(
        changed_rows=changed,
        packed_changes=packed.changes,
        clients=used,
        bundle_bytes=len(data),
        pack_s=pack_s,
        apply_s=apply_s,
        dry_run_s=dry_run_s,
        conflicts=len(report.conflicts),
        rows_applied=sum(c.total for c in report.per_table.values()),
    )
