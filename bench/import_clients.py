"""A client import while a desk registers clients: rows per second, the desk's longest wait,
and the import's peak memory, over a register of 100 000 generated clients."""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench.datagen import _client_rows, build_db  # noqa: E402  # pyright: ignore[reportPrivateUsage]
from bench.harness import child_env, percentile, table  # noqa: E402
from store.api import Store  # noqa: E402
from store.core.db import open_db  # noqa: E402
from store.sample.accounts import add_demo_account  # noqa: E402

CLIENTS = 100_000
IMPORT_ROWS = 100_000
LARGE_ROWS = 700_000
DESK_USERNAME = "vastaanotto"
# A desk registers a walk-in every few seconds at most; this one keeps a write waiting
# nearly all the time, so the longest wait is the longest the import held the lock.
DESK_PAUSE_S = 0.05
CSV_COLUMNS = (
    "hetu",
    "first_name",
    "last_name",
    "birth_date",
    "phone",
    "email",
    "language",
    "municipality",
)

# Imports `path` into `db` as the admin; prints the outcome, the time to the end of the
# checks (when the code reports progress) and the peak RSS of the process: VmHWM, which
# counts the pages of the database file SQLite maps into memory (up to its mmap_size),
# and the peak of RssAnon (the process's own memory), sampled every 20 ms.
IMPORT_CHILD = """
import inspect, json, sys, threading, time
sys.path.insert(0, {root!r})

def rss_anon_kib():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("RssAnon:"))

anon_peak = [0]
def sample():
    while True:
        anon_peak[0] = max(anon_peak[0], rss_anon_kib())
        time.sleep(0.02)
threading.Thread(target=sample, daemon=True).start()

from pathlib import Path
from store.api import Store
from store.clients.importer import import_clients
from store.core.db import open_db

store = Store(open_db({db!r}))
admin_id = store.db.execute("SELECT id FROM staff WHERE username = 'admin'").fetchone()[0]
admin = store.staff.get(admin_id)
checked_at = []
options = {{"dry_run": {dry_run!r}}}
written_at = []
if "progress" in inspect.signature(import_clients).parameters:
    options["progress"] = lambda rows: checked_at.append(time.perf_counter())
if "written" in inspect.signature(import_clients).parameters:
    options["written"] = lambda rows: written_at.append(time.perf_counter())
print("start", flush=True)
started = time.perf_counter()
report = import_clients(store.ctx, admin, Path({path!r}), **options)
ended = time.perf_counter()
with open("/proc/self/status") as status:
    vm_hwm = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(json.dumps({{
    "seconds": ended - started,
    "checked_s": (checked_at[-1] - started) if checked_at else None,
    "final_s": (ended - written_at[-1]) if written_at else None,
    "imported": report.imported,
    "to_import": report.to_import,
    "problems": len(report.problems),
    "vm_hwm_kib": vm_hwm,
    "anon_peak_kib": max(anon_peak[0], rss_anon_kib()),
}}), flush=True)
"""

# Registers clients at a desk until `stop` exists; prints how long each registration took.
DESK_CHILD = """
import json, os, sys, time
sys.path.insert(0, {root!r})
from store.api import Store
from store.core.db import open_db

store = Store(open_db({db!r}))
staff_id = store.db.execute(
    "SELECT id FROM staff WHERE username = ?", [{username!r}]
).fetchone()[0]
desk = store.staff.get(staff_id)
waits, failures, number = [], [], 0
print("ready", flush=True)
while not os.path.exists({stop!r}):
    number += 1
    # Names are letters only: the unique part of each is its number in letters.
    letters, rest = "", number
    while rest:
        rest, digit = divmod(rest, 26)
        letters += "abcdefghijklmnopqrstuvwxyz"[digit]
    started = time.perf_counter()
    try:
        store.clients.create(desk, {{
            "first_name": "Tiski", "last_name": f"Asiakas{{letters}}",
            "birth_date": "1.1.1990", "phone": "", "service_language": "fi",
        }})
    except Exception as exc:
        failures.append(type(exc).__name__)
    waits.append(time.perf_counter() - started)
    time.sleep({pause!r})
print(json.dumps({{"waits": waits, "failures": failures}}), flush=True)
"""


def write_csv(path: Path, rows: int, seed: int) -> None:
    """`rows` generated people (not those of the register: another seed) as Excel's CSV."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(CSV_COLUMNS)
        for row in _client_rows(rng, rows, ["-"], "-"):
            _, hetu, first, last, born, phone, email, language, _, municipality = row[:10]
            year, month, day = str(born).split("-")
            birth = f"{int(day)}.{int(month)}.{year}"
            writer.writerow(
                [hetu or "", first, last, birth, phone or "", email or "", language, municipality]
            )


def prepare(directory: Path, clients: int, seed: int) -> Path:
    db_path = build_db(directory / "register.db", clients, seed)
    store = Store(open_db(db_path))
    try:
        add_demo_account(store.ctx, DESK_USERNAME, "Vastaanotto", "reception")
    finally:
        store.close()
    return db_path


def run_import(
    repo: Path, db_path: Path, csv_path: Path, *, desk: bool, dry_run: bool = False
) -> tuple[dict[str, float], list[float], list[str]]:
    """Import in one child while another registers clients; the import's figures, the
    desk's waits (seconds) and failures."""
    stop = db_path.with_name("stop")
    stop.unlink(missing_ok=True)
    desk_process = None
    if desk:
        script = DESK_CHILD.format(
            root=str(repo),
            db=str(db_path),
            username=DESK_USERNAME,
            stop=str(stop),
            pause=DESK_PAUSE_S,
        )
        desk_process = subprocess.Popen(
            [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=child_env()
        )
        assert desk_process.stdout is not None
        assert desk_process.stdout.readline().strip() == "ready"
    script = IMPORT_CHILD.format(
        root=str(repo), db=str(db_path), path=str(csv_path), dry_run=dry_run
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=child_env()
    )
    if done.returncode:
        sys.exit(f"the import failed:\n{done.stderr}")
    figures = json.loads(done.stdout.splitlines()[-1])
    waits: list[float] = []
    failures: list[str] = []
    if desk_process is not None:
        time.sleep(1)  # a registration or two after the import
        stop.touch()
        out, _ = desk_process.communicate()
        desk_figures = json.loads(out.splitlines()[-1])
        waits, failures = desk_figures["waits"], desk_figures["failures"]
    return figures, waits, failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=IMPORT_ROWS, help="rows in the import")
    parser.add_argument("--clients", type=int, default=CLIENTS, help="clients registered")
    parser.add_argument(
        "--large", type=int, default=LARGE_ROWS, help="rows of the memory run (0: none)"
    )
    parser.add_argument(
        "--repo", type=Path, default=REPO_ROOT, help="the checkout whose importer is measured"
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    repo = args.repo.resolve()
    print(f"importer of {repo}; register of {args.clients:,} clients")
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        csv_path = directory / "clients.csv"
        write_csv(csv_path, args.rows, args.seed + 1)
        db_path = prepare(directory, args.clients, args.seed)
        figures, waits, failures = run_import(repo, db_path, csv_path, desk=True)
        rows_per_s = args.rows / figures["seconds"]
        checked = figures["checked_s"]
        print(
            table(
                [
                    "import",
                    "rows",
                    "imported",
                    "total s",
                    "checks s",
                    "write s",
                    "final s",
                    "rows/s",
                    "peak MiB",
                    "own MiB",
                ],
                [
                    [
                        csv_path.name,
                        f"{args.rows:,}",
                        f"{figures['imported']:,}",
                        f"{figures['seconds']:.1f}",
                        "-" if checked is None else f"{checked:.1f}",
                        "-" if checked is None else f"{figures['seconds'] - checked:.1f}",
                        "-" if figures.get("final_s") is None else f"{figures['final_s']:.2f}",
                        f"{rows_per_s:,.0f}",
                        f"{figures['vm_hwm_kib'] / 1024:.0f}",
                        f"{figures['anon_peak_kib'] / 1024:.0f}",
                    ]
                ],
            )
        )
        print()
        print(
            table(
                [
                    "desk during the import",
                    "registrations",
                    "failed",
                    "p50 ms",
                    "p95 ms",
                    "longest ms",
                ],
                [
                    [
                        DESK_USERNAME,
                        len(waits),
                        len(failures),
                        f"{percentile(waits, 0.5) * 1000:.0f}",
                        f"{percentile(waits, 0.95) * 1000:.0f}",
                        f"{max(waits) * 1000:.0f}",
                    ]
                ],
            )
        )
        if failures:
            print("failures:", ", ".join(sorted(set(failures))))
        if args.large:
            large_path = directory / "large.csv"
            write_csv(large_path, args.large, args.seed + 2)
            size_mib = large_path.stat().st_size / 2**20
            figures, _, _ = run_import(repo, db_path, large_path, desk=False)
            print()
            print(
                table(
                    [
                        "large import",
                        "rows",
                        "file MiB",
                        "imported",
                        "total s",
                        "final s",
                        "rows/s",
                        "peak MiB",
                        "own MiB",
                    ],
                    [
                        [
                            large_path.name,
                            f"{args.large:,}",
                            f"{size_mib:.0f}",
                            f"{figures['imported']:,}",
                            f"{figures['seconds']:.1f}",
                            "-" if figures.get("final_s") is None else f"{figures['final_s']:.2f}",
                            f"{args.large / figures['seconds']:,.0f}",
                            f"{figures['vm_hwm_kib'] / 1024:.0f}",
                            f"{figures['anon_peak_kib'] / 1024:.0f}",
                        ]
                    ],
                )
            )


if __name__ == "__main__":
    main()
