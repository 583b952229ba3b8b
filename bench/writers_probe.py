"""Many writers at once: desks registering walk-ins and creating clients on one file, in parallel processes."""

from __future__ import annotations

import argparse
import multiprocessing
import queue as queue_module
import random
import shutil
import sqlite3
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench.datagen import FIRST_NAMES, build_db, surnames  # noqa: E402
from bench.datagen import hetu as make_hetu  # noqa: E402
from bench.harness import percentile, table  # noqa: E402
from store.api import Store  # noqa: E402
from store.core import db as store_db  # noqa: E402
from store.sample.accounts import add_demo_account  # noqa: E402

PROCESSES = 16
SECONDS = (5.0, 2.0)  # each process writes this long: full run, --quick
CLIENTS = (20_000, 2_000)
# Clients the probe creates are born 1920-1949, which the generated register (1950-2009)
# never is, and each HETU is drawn once: no write is refused as a duplicate.
FIRST_PROBE_BIRTH = date(1920, 1, 1)
PROBE_BIRTH_DAYS = (date(1949, 12, 31) - FIRST_PROBE_BIRTH).days + 1
HETUS_PER_PROCESS = 5_000  # more clients than one process can create in the time
START_DEADLINE_SECONDS = 180  # 16 interpreters starting on a shared machine take a while


def busy_error(exc: BaseException) -> bool:
    """The store's "database is busy" error, or SQLite's own "database is locked", by name
    and text, so the probe holds whatever class the store raises for it."""
    text = f"{type(exc).__name__} {exc}".lower()
    return "busy" in text or "locked" in text


def fresh_hetus(rng: random.Random, processes: int) -> list[list[str]]:
    codes = rng.sample(range(PROBE_BIRTH_DAYS * 100), processes * HETUS_PER_PROCESS)
    hetus = []
    for code in codes:
        day, number = divmod(code, 100)
        born = FIRST_PROBE_BIRTH + timedelta(days=day)
        hetus.append(make_hetu(f"{born:%d%m%y}", "-", 900 + number))
    return [hetus[n::processes] for n in range(processes)]


@dataclass
class WriterReport:
    name: str
    latencies: dict[str, list[float]] = field(default_factory=dict[str, list[float]])
    tickets: list[tuple[str, str]] = field(default_factory=list[tuple[str, str]])  # id, ticket
    clients: list[str] = field(default_factory=list[str])
    busy: int = 0
    errors: Counter[str] = field(default_factory=Counter[str])
    first_errors: list[str] = field(default_factory=list[str])


def _writer(
    path: str,
    desk_id: str,
    site_id: str,
    hetus: list[str],
    seconds: float,
    seed: int,
    meet: Any,
    results: Any,
) -> None:
    """One desk: register a walk-in, create a client, and again, for `seconds`."""
    rng = random.Random(seed)
    report = WriterReport(f"desk {seed}", {"visit": [], "client": []})
    try:
        store = Store.open(path, migrate=False)
        desk = store.staff.get(desk_id)
        assert desk is not None
        unused = iter(hetus)
        meet.wait(START_DEADLINE_SECONDS)
        stop_at = time.perf_counter() + seconds
        write = 0
        while time.perf_counter() < stop_at:
            kind = "visit" if write % 2 == 0 else "client"
            write += 1
            started = time.perf_counter()
            try:
                if kind == "visit":
                    visit = store.visits.register(desk, site_id, reason_codes=["cv"])
                    report.tickets.append((visit.id, visit.ticket))
                else:
                    form = {
                        "hetu": next(unused),
                        "first_name": rng.choice(FIRST_NAMES),
                        "last_name": rng.choice(surnames()),
                        "municipality": "Turku",
                    }
                    report.clients.append(store.clients.create(desk, form).id)
            except Exception as exc:  # noqa: BLE001 — counted and reported by the parent
                if busy_error(exc):
                    report.busy += 1
                else:
                    report.errors[type(exc).__name__] += 1
                    if len(report.first_errors) < 3:
                        report.first_errors.append(f"{type(exc).__name__}: {exc}")
                continue
            report.latencies[kind].append(time.perf_counter() - started)
        store.close()
    except Exception:  # noqa: BLE001 — a writer that cannot start is reported, not hidden
        report.first_errors.append(traceback.format_exc(limit=3))
        report.errors["start-up"] += 1
    results.put(report)


def prepare(path: Path, clients: int, processes: int) -> tuple[str, list[str]]:
    """The register, and one reception account per desk process."""
    build_db(path, clients)
    store = Store.open(path)
    try:
        site_id = store.sites.all()[0].id
        desks = [
            add_demo_account(store.ctx, f"desk{n:02d}", f"Tiski {n}", "reception", site_id).id
            for n in range(1, processes + 1)
        ]
    finally:
        store.close()
    return site_id, desks


def run(
    path: Path, processes: int, seconds: float, clients: int, seed: int
) -> tuple[list[WriterReport], float]:
    site_id, desks = prepare(path, clients, processes)
    rng = random.Random(seed)
    hetus = fresh_hetus(rng, processes)
    context = multiprocessing.get_context("spawn")
    meet = context.Barrier(processes + 1)
    results = context.Queue()
    writers = [
        context.Process(
            target=_writer,
            args=(str(path), desks[n], site_id, hetus[n], seconds, n + 1, meet, results),
        )
        for n in range(processes)
    ]
    for writer in writers:
        writer.start()
    try:
        meet.wait(START_DEADLINE_SECONDS)
    except threading.BrokenBarrierError:
        print("a writer did not start; see its error below")
    started = time.perf_counter()
    reports: list[WriterReport] = []
    try:
        for _ in writers:
            reports.append(results.get(timeout=seconds + START_DEADLINE_SECONDS))
    except queue_module.Empty:
        print(f"only {len(reports)} of {processes} writers reported back")
    wall = time.perf_counter() - started
    for writer in writers:
        writer.join(30)
        if writer.is_alive():
            writer.kill()
    return reports, wall


def check(path: Path, reports: list[WriterReport]) -> dict[str, object]:
    """What the file holds afterwards, read with plain sqlite3."""
    conn = sqlite3.connect(path, timeout=30)
    try:
        conn.execute("CREATE TEMP TABLE reported (id TEXT PRIMARY KEY)")
        visits = [visit_id for r in reports for visit_id, _ in r.tickets]
        clients = [client_id for r in reports for client_id in r.clients]
        conn.executemany("INSERT INTO reported VALUES (?)", [(v,) for v in visits + clients])
        found = conn.execute(
            "SELECT (SELECT count(*) FROM visit WHERE id IN (SELECT id FROM reported))"
            " + (SELECT count(*) FROM client WHERE id IN (SELECT id FROM reported))"
        ).fetchone()[0]
        repeated = conn.execute(
            "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM visit"
            " GROUP BY site_id, visit_date, ticket_number HAVING n > 1)"
        ).fetchone()[0]
        numbers = [
            row[0]
            for row in conn.execute(
                "SELECT ticket_number FROM visit WHERE id IN (SELECT id FROM reported)"
                " ORDER BY ticket_number"
            )
        ]
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()
    tickets = [ticket for r in reports for _, ticket in r.tickets]
    gaps = (numbers[-1] - numbers[0] + 1 - len(set(numbers))) if numbers else 0
    return {
        "reported": len(visits) + len(clients),
        "found": found,
        "repeated in the answers": len(tickets) - len(set(tickets)),
        "repeated in the file": repeated,
        "gaps": gaps,
        "integrity": "; ".join(integrity[:3]),
    }


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="2 s of writing over a small register")
    parser.add_argument("--processes", type=int, default=PROCESSES)
    parser.add_argument("--seconds", type=float, help="how long each process writes")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    seconds = args.seconds or SECONDS[1 if args.quick else 0]
    work = Path(tempfile.mkdtemp(prefix="luotsi-writers-"))
    try:
        path = work / "luotsi.db"
        clients = CLIENTS[1 if args.quick else 0]
        reports, wall = run(path, args.processes, seconds, clients, args.seed)
        figures = check(path, reports)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    latencies = {
        kind: [x for r in reports for x in r.latencies.get(kind, [])]
        for kind in ("visit", "client")
    }
    every = latencies["visit"] + latencies["client"]
    busy = sum(r.busy for r in reports)
    errors = sum((r.errors for r in reports), Counter[str]())
    print(
        f"{len(reports)} of {args.processes} processes, each writing for {seconds:.1f} s"
        f" ({wall:.1f} s from the start to the last report)"
    )
    rows = [
        [
            kind,
            len(values),
            f"{len(values) / wall:.0f}",
            ms(percentile(values, 0.5)),
            ms(percentile(values, 0.95)),
            ms(max(values)),
        ]
        for kind, values in (
            ("visit registrations", latencies["visit"]),
            ("client creations", latencies["client"]),
            ("all writes", every),
        )
        if values
    ]
    print(table(["write", "count", "per s", "p50 ms", "p95 ms", "max ms"], rows))
    # The busy timeout is when a waiting write gives up: waits near it are the margin left.
    timeout = getattr(store_db, "BUSY_TIMEOUT_MS", 5000) / 1000
    slow = {limit: sum(1 for x in every if x > limit) for limit in (1.0, timeout / 2)}
    per_process = sorted(len(r.tickets) + len(r.clients) for r in reports)
    print(
        f"writes over 1 s: {slow[1.0]}, over half the {timeout:.0f} s busy timeout:"
        f" {slow[timeout / 2]}; writes per process {per_process[0]}-{per_process[-1]}"
    )
    print()
    print(f'"database is locked" / DatabaseBusy errors: {busy}')
    print(f"other errors: {sum(errors.values())}" + (f" ({dict(errors)})" if errors else ""))
    print(
        f"duplicate tickets: {figures['repeated in the answers']} in the answers,"
        f" {figures['repeated in the file']} in the file; ticket gaps: {figures['gaps']}"
    )
    lost = int(str(figures["reported"])) - int(str(figures["found"]))
    print(
        f"writes reported {figures['reported']}, found {figures['found']}, lost {lost};"
        f" integrity_check: {figures['integrity']}"
    )
    first = [e for r in reports for e in r.first_errors][:5]
    if first:
        print("\nfirst errors:")
        for error in first:
            print(f"  {error}")


if __name__ == "__main__":
    main()
