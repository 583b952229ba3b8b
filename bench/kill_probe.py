"""SIGKILL probe: kill Luotsi during writes, imports, exports and migrations, then count what survived."""

from __future__ import annotations

import argparse
import csv
import hashlib
import multiprocessing
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from multiprocessing.connection import Connection
from pathlib import Path
from statistics import median
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench.datagen import ADMIN_PASSWORD, ADMIN_USERNAME, FIRST_NAMES, build_db, surnames  # noqa: E402
from bench.datagen import hetu as make_hetu  # noqa: E402
from bench.harness import child_env, table  # noqa: E402
from store.api import Store  # noqa: E402
from store.core.migrations import migration_names, migrations  # noqa: E402
from store.sample.accounts import add_demo_account  # noqa: E402

KINDS = ("writes", "import", "export", "export-at-file", "migration")
# Kills per kind: (full run, --quick). The issue's own probe made 120. "export-at-file"
# kills an export as soon as its file (or the file's temporary) shows in the folder,
# plus 0-5 ms: a random moment rarely falls into the few milliseconds between writing
# the file and logging it, and that window is the one that matters.
KILLS = {
    "writes": (40, 8),
    "import": (20, 4),
    "export": (20, 5),
    "export-at-file": (10, 3),
    "migration": (30, 6),
}
AT_FILE_DELAY_SECONDS = 0.005
CLIENTS = (20_000, 2_000)  # in the register the probe works on
VISITS_TODAY = (400, 60)  # registered before the export kills, so exports have rows
IMPORT_ROWS = (10_000, 1_000)  # per import file
WRITE_WINDOW_SECONDS = 1.5  # a writes child is killed this long after it is ready, at most
WRITE_PAIRS = 2_000  # more visits and clients than a writes child can make in that time
DESK_USERNAME = "probe-desk"
# Clients made by the probe are born 1920-1949: the generated register (1950-2009) never
# holds their HETUs, and each HETU is drawn once, so no write is refused as a duplicate.
FIRST_PROBE_BIRTH = date(1920, 1, 1)
LAST_PROBE_BIRTH = date(1949, 12, 31)
PROBE_BIRTH_DAYS = (LAST_PROBE_BIRTH - FIRST_PROBE_BIRTH).days + 1
# Exports cycle through these: (format, identities).
EXPORT_VARIANTS = (("csv", True), ("csv", False), ("xlsx", True), ("json", False))
CHILD_DEADLINE_SECONDS = 120


class FreshHetus:
    """Valid HETUs (temporary numbers 900-999) that no client of the register has."""

    def __init__(self, rng: random.Random) -> None:
        self._codes = iter(rng.sample(range(PROBE_BIRTH_DAYS * 100), PROBE_BIRTH_DAYS * 100))

    def take(self, count: int) -> list[str]:
        taken = []
        for _ in range(count):
            day, number = divmod(next(self._codes), 100)
            born = FIRST_PROBE_BIRTH + timedelta(days=day)
            taken.append(make_hetu(f"{born:%d%m%y}", "-", 900 + number))
        return taken


def client_form(rng: random.Random, hetu: str) -> dict[str, str]:
    return {
        "hetu": hetu,
        "first_name": rng.choice(FIRST_NAMES),
        "last_name": rng.choice(surnames()),
        "municipality": "Turku",
    }


# Checks, with plain sqlite3 reads (nothing is written by them) --------------------------


def connect(path: Path) -> sqlite3.Connection:
    # A connection after a kill is what recovers the WAL; the busy timeout covers a
    # checkpoint that another connection might be doing.
    return sqlite3.connect(path, timeout=30)


@dataclass
class Health:
    integrity_ok: bool
    detail: str
    foreign_key_faults: int
    torn: int  # rows written without the rest of their transaction (event, access log)


def health(path: Path) -> Health:
    conn = connect(path)
    try:
        result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        faults = len(conn.execute("PRAGMA foreign_key_check").fetchall())
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        torn = 0
        # EXCEPT rather than NOT EXISTS: the access log has no index on entity_id, and a
        # correlated scan of it per row would take minutes on a grown register.
        if "visit" in tables:
            torn += conn.execute(
                "SELECT count(*) FROM (SELECT id FROM visit EXCEPT SELECT visit_id"
                " FROM visit_event WHERE from_state IS NULL)"
            ).fetchone()[0]
            torn += conn.execute(
                "SELECT count(*) FROM (SELECT id FROM visit EXCEPT SELECT entity_id"
                " FROM audit_event WHERE entity = 'visit' AND action = 'create')"
            ).fetchone()[0]
        # Only the probe's own clients: the generated register was written without a log.
        # An imported client's creation is its import's one event; rows of an import not
        # yet finished are seen by no one and are not a client yet.
        imported = ""
        if "import_id" in {row[1] for row in conn.execute("PRAGMA table_info(client)")}:
            imported = (
                " AND (deleted_at IS NULL OR deleted_at NOT GLOB 'import:*')"
                " AND (import_id IS NULL OR import_id NOT IN (SELECT entity_id FROM audit_event"
                " WHERE entity = 'import' AND action = 'create'))"
            )
        torn += conn.execute(
            f"SELECT count(*) FROM (SELECT id FROM client WHERE birth_date <= ?{imported} EXCEPT"
            " SELECT entity_id FROM audit_event WHERE entity = 'client' AND action = 'create')",
            [LAST_PROBE_BIRTH.isoformat()],
        ).fetchone()[0]
        return Health(result == ["ok"], "; ".join(result[:3]), faults, torn)
    finally:
        conn.close()


def write_lock_held(path: Path) -> bool:
    """Whether some connection holds the write lock now (taken and given back at once if
    free; nothing is written)."""
    conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        conn.close()


def count_present(
    path: Path, table_name: str, column: str, values: Sequence[str], where: str = "1"
) -> int:
    if not values:
        return 0
    conn = connect(path)
    try:
        conn.execute("CREATE TEMP TABLE wanted (value TEXT PRIMARY KEY)")
        conn.executemany("INSERT OR IGNORE INTO wanted VALUES (?)", [(v,) for v in values])
        return conn.execute(
            f"SELECT count(*) FROM {table_name}"
            f" WHERE {column} IN (SELECT value FROM wanted) AND {where}"
        ).fetchone()[0]
    finally:
        conn.close()


# Children -----------------------------------------------------------------------------


def _writes_child(
    path: str, desk_id: str, site_id: str, hetus: list[str], seed: int, out: Connection
) -> None:
    """Register a walk-in, then create a client, and so on; send each id once committed."""
    rng = random.Random(seed)
    store = Store.open(path, migrate=False)
    desk = store.staff.get(desk_id)
    assert desk is not None
    out.send(("ready", None))
    for hetu in hetus:
        visit = store.visits.register(desk, site_id, reason_codes=["cv"])
        out.send(("visit", visit.id))
        client = store.clients.create(desk, client_form(rng, hetu))
        out.send(("client", client.id))
    out.send(("done", None))


def _migration_child(path: str, out: Connection) -> None:
    """Open an older-schema file as the app does (backup, then the pending migrations)."""
    import sqlite_utils  # noqa: F401 — imported before "ready", as the app has at this point

    import store.core.migrations  # noqa: F401

    out.send(("ready", None))
    started = time.perf_counter()
    Store.open(path).close()
    out.send(("done", time.perf_counter() - started))


@dataclass
class ChildRun:
    killed: bool  # alive and not yet done when the SIGKILL was sent
    messages: list[tuple[str, Any]]
    exitcode: int | None


def run_and_kill(
    target: Callable[..., None],
    args: tuple[Any, ...],
    delay: Callable[[], float] | None,
    before_kill: Callable[[], object] | None = None,
) -> ChildRun:
    """Start `target` in a fresh process; once it says it is ready, wait `delay()` seconds
    (reading what it sends meanwhile, so it never blocks on a full pipe) and SIGKILL it.
    With `delay` None it runs to the end."""
    context = multiprocessing.get_context("spawn")
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(target=target, args=(*args, sending))
    process.start()
    sending.close()
    messages: list[tuple[str, Any]] = []

    def read_until(deadline: float, stop: Callable[[], bool]) -> None:
        while not stop() and (left := deadline - time.perf_counter()) > 0:
            if receiving.poll(min(left, 0.05)):
                try:
                    messages.append(receiving.recv())
                except EOFError:
                    return
            elif not process.is_alive():
                return

    def said(word: str) -> Callable[[], bool]:
        return lambda: any(kind == word for kind, _ in messages)

    read_until(time.perf_counter() + CHILD_DEADLINE_SECONDS, said("ready"))
    killed = False
    if delay is not None:
        read_until(time.perf_counter() + delay(), said("done"))
        if process.is_alive() and not said("done")():
            if before_kill is not None:
                before_kill()
            os.kill(process.pid or 0, signal.SIGKILL)
            killed = True
    else:
        read_until(time.perf_counter() + CHILD_DEADLINE_SECONDS, said("done"))
    process.join(CHILD_DEADLINE_SECONDS)
    while receiving.poll():
        try:
            messages.append(receiving.recv())
        except EOFError:
            break
    receiving.close()
    return ChildRun(killed, messages, process.exitcode)


def cli_command(*args: str) -> list[str]:
    """The real `luotsi` entry point, as an installed console script runs it."""
    return [sys.executable, "-c", "from tui.cli import main; main()", *args]


@dataclass
class CliRun:
    killed: bool
    exitcode: int | None
    stdout: str
    stderr: str
    seconds: float


def run_cli(
    args: Sequence[str],
    kill_after: float | None = None,
    *,
    env: dict[str, str],
    kill_when: Callable[[], bool] | None = None,
    extra_delay: float = 0.0,
    before_kill: Callable[[], object] | None = None,
) -> CliRun:
    """Run the CLI; SIGKILL it after `kill_after` seconds, or (with `kill_when`) as soon as
    `kill_when()` holds, plus a random part of `extra_delay`."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(cli_command(*args), stdout=out, stderr=err, env=env)
        killed = False
        if kill_when is not None:
            deadline = started + CHILD_DEADLINE_SECONDS
            while process.poll() is None and not kill_when() and time.perf_counter() < deadline:
                time.sleep(0.0002)
            if extra_delay:
                time.sleep(random.uniform(0, extra_delay))
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                killed = True
        elif kill_after is not None:
            try:
                process.wait(kill_after)
            except subprocess.TimeoutExpired:
                if before_kill is not None:
                    before_kill()
                process.send_signal(signal.SIGKILL)
                killed = True
        process.wait(CHILD_DEADLINE_SECONDS)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        return CliRun(
            killed,
            process.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            seconds,
        )


LOCKED_TEXT = "failed logins"  # the CLI's English refusal while a username is locked
LOCK_RETRIES = 6


def run_cli_past_lock(args: Sequence[str], *, env: dict[str, str], **kill: Any) -> CliRun:
    """`run_cli`, run again after waiting out a login lock. Luotsi counts a login as failed
    until the password has been checked, so a kill during the check counts as a failed
    login, and a few in a row lock the account for a while; a run refused so is not a run
    of what is being probed."""
    global lock_refusals
    for _ in range(LOCK_RETRIES):
        run = run_cli(args, env=env, **kill)
        if run.killed or run.exitcode != 2 or LOCKED_TEXT not in run.stderr:
            return run
        lock_refusals += 1
        waits = re.findall(r"(\d+) seconds?", run.stderr)
        time.sleep((int(waits[-1]) if waits else 10) + 0.5)
    return run


lock_refusals = 0


def import_seconds(env: dict[str, str]) -> float:
    """How long the interpreter takes to import the CLI: a kill before that hits nothing."""
    runs = []
    for _ in range(2):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import tui.cli"], env=env, check=True)
        runs.append(time.perf_counter() - started)
    return min(runs)


# The probe ----------------------------------------------------------------------------


@dataclass
class Tally:
    kills: int = 0
    reported: int = 0
    found: int = 0
    integrity_failures: int = 0
    orphan_files: int = 0
    foreign_key_faults: int = 0
    torn: int = 0
    outcomes: Counter[str] = field(default_factory=Counter[str])
    notes: list[str] = field(default_factory=list[str])

    @property
    def lost(self) -> int:
        return self.reported - self.found

    def check(self, path: Path) -> None:
        state = health(path)
        if not state.integrity_ok:
            self.integrity_failures += 1
            self.notes.append(f"integrity_check: {state.detail}")
        self.foreign_key_faults += state.foreign_key_faults
        self.torn = max(self.torn, state.torn)


class Probe:
    def __init__(self, work: Path, quick: bool, seed: int) -> None:
        self.work = work
        self.size = 1 if quick else 0
        self.rng = random.Random(seed)
        self.hetus = FreshHetus(self.rng)
        self.path = work / "luotsi.db"
        # PYTHONPATH: the CLI children run this checkout's code, as the probe itself does,
        # whichever checkout the virtual environment was installed from.
        self.env = child_env() | {
            "LUOTSI_PASSWORD": ADMIN_PASSWORD,
            "LUOTSI_USER": ADMIN_USERNAME,
            "PYTHONPATH": os.pathsep.join(
                filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])
            ),
        }
        self.tallies = {kind: Tally() for kind in KINDS}
        self.cli_start = 0.0
        # The latest unkilled run times of each kind: the machine's load changes during a
        # run, and a window measured once would let most children finish before their kill.
        self.durations: dict[str, deque[float]] = {}
        self.export_round = 0

    # Set-up

    def prepare(self) -> None:
        started = time.perf_counter()
        build_db(self.path, CLIENTS[self.size])
        store = Store.open(self.path)
        try:
            self.site_id = store.sites.all()[0].id
            desk = add_demo_account(
                store.ctx, DESK_USERNAME, "Koe Tiski", "reception", self.site_id
            )
            self.desk_id = desk.id
            client_ids = [
                row[0]
                for row in store.db.execute(
                    "SELECT id FROM client WHERE deleted_at IS NULL LIMIT ?",
                    [VISITS_TODAY[self.size]],
                ).fetchall()
            ]
            for client_id in client_ids:
                store.visits.register(desk, self.site_id, client_id=client_id, reason_codes=["cv"])
            self.today = store.today()
        finally:
            store.close()
        self.old_template = self.work / "old-schema.db"
        self.old_clients, self.old_steps = build_old_schema(self.path, self.old_template)
        self.cli_start = import_seconds(self.env)
        print(
            f"register: {CLIENTS[self.size]:,} clients, {VISITS_TODAY[self.size]} visits today;"
            f" older schema: {self.old_steps} of its steps, {self.old_clients:,} clients;"
            f" CLI import time {self.cli_start:.2f} s; set-up {time.perf_counter() - started:.1f} s"
        )

    # Writes through the store API

    def kill_writes(self) -> None:
        tally = self.tallies["writes"]
        hetus = self.hetus.take(WRITE_PAIRS)
        locked: list[bool] = []
        run = run_and_kill(
            _writes_child,
            (str(self.path), self.desk_id, self.site_id, hetus, self.rng.randrange(2**31)),
            lambda: self.rng.uniform(0, WRITE_WINDOW_SECONDS),
            before_kill=lambda: locked.append(write_lock_held(self.path)),
        )
        if not run.killed:
            tally.notes.append(f"writes child ended before its kill (exit {run.exitcode})")
            return
        tally.kills += 1
        if locked and locked[0]:
            tally.outcomes["killed holding the write lock"] += 1
        visits = [value for kind, value in run.messages if kind == "visit"]
        clients = [value for kind, value in run.messages if kind == "client"]
        tally.reported += len(visits) + len(clients)
        tally.found += count_present(self.path, "visit", "id", visits)
        tally.found += count_present(self.path, "client", "id", clients)
        tally.check(self.path)

    # Imports through the CLI

    def write_import_file(self, number: int) -> tuple[Path, list[str]]:
        hetus = self.hetus.take(IMPORT_ROWS[self.size])
        path = self.work / f"import-{number:03d}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerow(["hetu", "first_name", "last_name", "municipality"])
            for hetu in hetus:
                form = client_form(self.rng, hetu)
                writer.writerow([hetu, form["first_name"], form["last_name"], "Turku"])
        return path, hetus

    def import_args(self, csv_path: Path) -> list[str]:
        return ["import", "clients", str(csv_path), "--db", str(self.path), "--lang", "en"]

    def calibrate(self, kind: str, runs: Sequence[Callable[[], CliRun]]) -> float:
        seconds = []
        for run in runs:
            result = run()
            if result.exitcode != 0:
                raise RuntimeError(f"{kind} without a kill failed: {result.stderr[-2000:]}")
            seconds.append(result.seconds)
        self.durations[kind] = deque(seconds, maxlen=5)
        return median(seconds)

    def finished_unkilled(self, kind: str, seconds: float) -> None:
        self.durations[kind].append(seconds)

    def usual(self, kind: str) -> float:
        return median(self.durations[kind])

    def kill_window(self, kind: str) -> float:
        # From the moment the CLI has imported its modules to just past its usual end.
        return self.rng.uniform(self.cli_start, self.usual(kind) * 1.05)

    def kill_import(self, number: int) -> None:
        tally = self.tallies["import"]
        csv_path, hetus = self.write_import_file(number)
        locked: list[bool] = []
        run = run_cli_past_lock(
            self.import_args(csv_path),
            kill_after=self.kill_window("import"),
            env=self.env,
            before_kill=lambda: locked.append(write_lock_held(self.path)),
        )
        # Living clients: an import killed while writing leaves rows no one sees (their
        # deleted_at names the import), which the next import removes.
        present = count_present(self.path, "client", "hetu", hetus, "deleted_at IS NULL")
        unseen = count_present(self.path, "client", "hetu", hetus, "deleted_at GLOB 'import:*'")
        if unseen:
            tally.outcomes["killed while writing: rows left unseen"] += 1
        if not run.killed:
            tally.notes.append(f"import ended before its kill (exit {run.exitcode})")
            if run.exitcode == 0:
                self.finished_unkilled("import", run.seconds)
            tally.reported += len(hetus) if run.exitcode == 0 else 0
            tally.found += present if run.exitcode == 0 else 0
            return
        tally.kills += 1
        if "Imported" in run.stdout:  # the CLI reports only after the commit
            tally.reported += len(hetus)
            tally.found += present
        outcome = "all" if present == len(hetus) else "none" if present == 0 else "partial"
        tally.outcomes[f"rows {outcome}"] += 1
        if locked and locked[0]:
            tally.outcomes["killed holding the write lock"] += 1
        if outcome == "partial":
            tally.notes.append(f"import {csv_path.name}: {present} of {len(hetus)} rows")
        tally.check(self.path)
        csv_path.unlink()

    # Exports through the CLI

    def export_args(self) -> tuple[list[str], Path]:
        fmt, identities = EXPORT_VARIANTS[self.export_round % len(EXPORT_VARIANTS)]
        self.export_round += 1
        folder = self.work / "exports"
        folder.mkdir(exist_ok=True)
        out = folder / f"visits-{self.export_round:03d}.{fmt}"
        args = ["export", "visits", "--date", self.today.isoformat(), "--out", str(out)]
        if identities:
            args += ["--identities", "--purpose", "kill probe"]
        return [*args, "--db", str(self.path), "--lang", "en"], out

    def export_log(self) -> list[str]:
        conn = connect(self.path)
        try:
            return [
                row[0] or ""
                for row in conn.execute(
                    "SELECT purpose FROM audit_event WHERE action = 'export' AND client_id IS NULL"
                )
            ]
        finally:
            conn.close()

    def kill_export(self, at_file: bool) -> None:
        tally = self.tallies["export-at-file" if at_file else "export"]
        args, out = self.export_args()
        logged_before = len(self.export_log())
        temps_before = set(out.parent.glob(".*.tmp"))

        # Every other round waits for the temporary file (the kill lands while it is
        # written or before its rename), the others for the file itself (just renamed).
        wait_for_temp = self.export_round % 2 == 0

        def file_showed() -> bool:
            if wait_for_temp:
                return any(out.name in name for name in os.listdir(out.parent))
            return out.exists()

        if at_file:
            delay = AT_FILE_DELAY_SECONDS if wait_for_temp else 0.0
            run = run_cli_past_lock(args, env=self.env, kill_when=file_showed, extra_delay=delay)
        else:
            run = run_cli_past_lock(args, env=self.env, kill_after=self.kill_window("export"))
        log = self.export_log()
        new_rows = len(log) - logged_before
        if not run.killed:
            tally.notes.append(f"export ended before its kill (exit {run.exitcode})")
            if run.exitcode == 0:
                self.finished_unkilled("export", run.seconds)
            return
        tally.kills += 1
        if "written to" in run.stdout:  # the CLI reports only once the file is in place
            tally.reported += 1
            tally.found += int(out.exists() and new_rows > 0)
        temps = set(out.parent.glob(".*.tmp")) - temps_before
        tally.outcomes["temporary files left"] += len(temps)
        if out.exists():
            digest = hashlib.sha256(out.read_bytes()).hexdigest()
            if any(digest in purpose for purpose in log):
                tally.outcomes["file and its log row"] += 1
            elif new_rows:
                # The log's wording may change; a row of this round still counts.
                tally.outcomes["file and a log row (checksum not found in it)"] += 1
            else:
                tally.orphan_files += 1
                tally.notes.append(f"{out.name}: a complete export and no access-log row")
        elif new_rows:
            tally.outcomes["log row, no file (the safe failure)"] += 1
        else:
            tally.outcomes["neither file nor log row"] += 1
        tally.check(self.path)

    # Migrations: a fresh older-schema copy opened in a child each time

    def migration_copy(self, number: int) -> Path:
        folder = self.work / f"migration-{number:03d}"
        folder.mkdir()
        return Path(shutil.copyfile(self.old_template, folder / "luotsi.db"))

    def calibrate_migration(self) -> float:
        seconds = []
        for number in range(3):
            path = self.migration_copy(900 + number)
            run = run_and_kill(_migration_child, (str(path),), None)
            done = [value for kind, value in run.messages if kind == "done"]
            if run.exitcode != 0 or not done:
                raise RuntimeError(f"opening the older-schema copy failed (exit {run.exitcode})")
            seconds.append(done[0])
            shutil.rmtree(path.parent)
        self.durations["migration"] = deque(seconds, maxlen=5)
        return median(seconds)

    def kill_migration(self, number: int) -> None:
        tally = self.tallies["migration"]
        path = self.migration_copy(number)
        # A little past the usual end, so the last steps get their share of kills; a
        # child that finishes first is tried again (see `run`).
        window = self.usual("migration") * 1.2
        run = run_and_kill(_migration_child, (str(path),), lambda: self.rng.uniform(0, window))
        if not run.killed:
            tally.notes.append(f"migration ended before its kill (exit {run.exitcode})")
            done = [value for kind, value in run.messages if kind == "done"]
            if done:
                self.finished_unkilled("migration", done[0])
            shutil.rmtree(path.parent)
            return
        tally.kills += 1
        tally.check(path)
        conn = connect(path)
        try:
            applied = [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations")]
            clients = conn.execute("SELECT count(*) FROM client").fetchone()[0]
        finally:
            conn.close()
        names = migration_names()
        if applied != names[: len(applied)]:
            tally.notes.append(f"migration-{number:03d}: applied steps out of order: {applied}")
        tally.outcomes[
            "left on the old schema"
            if len(applied) == self.old_steps
            else "fully migrated"
            if len(applied) == len(names)
            else "between steps"
        ] += 1
        for backup in sorted(path.parent.glob("luotsi.db.v*.bak*")):
            if backup.name.endswith(("-journal", "-wal", "-shm")):
                tally.outcomes["backup journals left"] += 1
                continue
            state = backup_state(backup, self.old_clients)
            tally.outcomes[f"backups {state}"] += 1
            if state != "complete":
                tally.notes.append(f"a backup left {state} by the kill ({backup.name})")
        # The next start must finish the job with every client still there.
        tally.reported += self.old_clients
        try:
            Store.open(path).close()
            reopened = health(path)
            conn = connect(path)
            try:
                tally.found += conn.execute("SELECT count(*) FROM client").fetchone()[0]
            finally:
                conn.close()
            if not reopened.integrity_ok:
                tally.integrity_failures += 1
        except Exception as exc:  # noqa: BLE001 — reported, the probe goes on
            tally.outcomes["reopen failed"] += 1
            tally.notes.append(f"migration-{number:03d}: reopening: {type(exc).__name__}: {exc}")
            tally.found += clients
        shutil.rmtree(path.parent)

    # Running

    def run(self, kills: dict[str, int]) -> None:
        self.calibrate("import", [lambda n=n: self.calibration_import(n) for n in range(2)])
        self.calibrate(
            "export", [lambda: run_cli_past_lock(self.export_args()[0], env=self.env)] * 2
        )
        self.calibrate_migration()
        print(
            "without a kill: "
            + ", ".join(f"{kind} {self.usual(kind):.2f} s" for kind in self.durations)
        )
        plan = [kind for kind in KINDS for _ in range(kills[kind])]
        self.rng.shuffle(plan)
        started = time.perf_counter()
        attempts = Counter[str]()
        while plan:
            kind = plan.pop()
            attempts[kind] += 1
            before = self.tallies[kind].kills
            number = sum(attempts.values())
            if kind == "writes":
                self.kill_writes()
            elif kind == "import":
                self.kill_import(number)
            elif kind.startswith("export"):
                self.kill_export(at_file=kind == "export-at-file")
            else:
                self.kill_migration(number)
            # A child that finished before its kill is tried again, up to thrice the plan.
            if self.tallies[kind].kills == before and attempts[kind] < 3 * kills[kind]:
                plan.insert(self.rng.randrange(len(plan) + 1), kind)
            done = sum(t.kills for t in self.tallies.values())
            if done % 10 == 0 and self.tallies[kind].kills > before:
                print(f"  {done} kills, {time.perf_counter() - started:.0f} s", flush=True)
        self.final_state = health(self.path)
        folder = self.work / "exports"
        self.temps_at_end = len(list(folder.glob(".*.tmp"))) if folder.exists() else 0
        self.audit_verdict = audit_verify(self.path, self.env)

    def calibration_import(self, number: int) -> CliRun:
        csv_path, _ = self.write_import_file(number)
        return run_cli_past_lock(self.import_args(csv_path), env=self.env)

    def report(self) -> None:
        rows = []
        for kind in KINDS:
            t = self.tallies[kind]
            rows.append(
                [
                    kind,
                    t.kills,
                    t.reported,
                    t.found,
                    t.lost,
                    t.integrity_failures,
                    t.orphan_files if kind.startswith("export") else "-",
                    t.torn,
                    t.foreign_key_faults,
                ]
            )
        total = [sum(int(row[i]) for row in rows) for i in (1, 2, 3, 4, 5)]
        orphans = sum(self.tallies[kind].orphan_files for kind in KINDS)
        rows.append(["total", *total, orphans, "", ""])
        print()
        print(
            table(
                [
                    "kind",
                    "kills",
                    "committed reported",
                    "found",
                    "lost",
                    "integrity failures",
                    "orphan export files",
                    "torn",
                    "FK faults",
                ],
                rows,
            )
        )
        print()
        for kind in KINDS:
            outcomes = ", ".join(
                f"{name} {n}" for name, n in sorted(self.tallies[kind].outcomes.items())
            )
            if outcomes:
                print(f"{kind}: {outcomes}")
        final = self.final_state
        print(
            f"register at the end: integrity {'ok' if final.integrity_ok else final.detail},"
            f" foreign-key faults {final.foreign_key_faults}, torn transactions {final.torn};"
            f" temporary export files still there {self.temps_at_end}; audit verify: {self.audit_verdict}"
        )
        print(
            f"CLI runs refused by a login lock (kills during a login count as failed logins),"
            f" waited out and run again: {lock_refusals}"
        )
        notes = [f"{kind}: {note}" for kind in KINDS for note in self.tallies[kind].notes]
        if notes:
            print("\nnotes:")
            for note, count in Counter(notes).most_common(20):
                print(f"  {note}" + (f" (×{count})" if count > 1 else ""))


def build_old_schema(current: Path, target: Path) -> tuple[int, int]:
    """A file as the first released schema left it, holding the register's staff, sites and
    clients (copied column for column), in WAL mode as the app leaves its files."""
    from sqlite_utils import Database

    db = Database(target)
    migrations.apply(db, stop_before=migration_names()[1])
    conn = db.conn
    conn.execute("ATTACH DATABASE ? AS current", [str(current)])
    schema = conn.execute(
        "SELECT name, sql FROM main.sqlite_master WHERE type = 'table'"
    ).fetchall()
    virtual = [name for name, sql in schema if (sql or "").upper().startswith("CREATE VIRTUAL")]
    for name, _ in schema:
        if name.startswith(("sqlite_", "_sqlite")) or any(name.startswith(v) for v in virtual):
            continue
        old = [row[1] for row in conn.execute(f"PRAGMA main.table_info({name})")]
        new = {row[1] for row in conn.execute(f"PRAGMA current.table_info({name})")}
        columns = ", ".join(c for c in old if c in new)
        if columns:
            conn.execute(
                f"INSERT OR IGNORE INTO main.{name} ({columns}) SELECT {columns} FROM current.{name}"
            )
    conn.commit()
    conn.execute("DETACH DATABASE current")
    conn.execute("PRAGMA journal_mode = WAL")
    clients = conn.execute("SELECT count(*) FROM client").fetchone()[0]
    steps = conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    db.close()
    return clients, steps


def backup_state(path: Path, clients: int) -> str:
    """What restoring a migration backup would give: "complete", "incomplete" (fewer
    clients), "empty" (nothing once its journal is rolled back) or "damaged"."""
    with tempfile.TemporaryDirectory() as scratch:
        # Opened as a restore would open it, read-write, so that a journal the kill left
        # beside it is rolled back first; on a copy, so the evidence stays as it was.
        copy = Path(scratch) / path.name
        shutil.copyfile(path, copy)
        journal = path.with_name(path.name + "-journal")
        if journal.exists():
            shutil.copyfile(journal, copy.with_name(copy.name + "-journal"))
        try:
            conn = sqlite3.connect(copy)
            try:
                if [row[0] for row in conn.execute("PRAGMA integrity_check")] != ["ok"]:
                    return "damaged"
                tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
                if "client" not in tables:
                    return "empty"
                held = conn.execute("SELECT count(*) FROM client").fetchone()[0]
                return "complete" if held == clients else "incomplete"
            finally:
                conn.close()
        except sqlite3.Error:
            return "damaged"


def audit_verify(path: Path, env: dict[str, str]) -> str:
    """`luotsi audit verify` on the register, where this version has it."""
    result = run_cli_past_lock(["audit", "verify", "--db", str(path), "--lang", "en"], env=env)
    if result.exitcode == 2 and "No such command" in result.stderr:
        return "not in this version"
    text = (result.stdout.strip() or result.stderr.strip()).splitlines()
    return f"exit {result.exitcode}" + (f" ({text[-1][:120]})" if text else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer kills over a smaller register")
    parser.add_argument("--seed", type=int, default=1)
    for kind in KINDS:
        parser.add_argument(f"--{kind}", type=int, metavar="N", help=f"kills during {kind}")
    parser.add_argument("--keep", action="store_true", help="keep the work folder and print it")
    args = parser.parse_args()
    size = 1 if args.quick else 0
    asked = {kind: getattr(args, kind.replace("-", "_")) for kind in KINDS}
    kills = {kind: KILLS[kind][size] if asked[kind] is None else asked[kind] for kind in KINDS}
    work = Path(tempfile.mkdtemp(prefix="luotsi-kill-"))
    started = time.perf_counter()
    try:
        probe = Probe(work, args.quick, args.seed)
        probe.prepare()
        probe.run(kills)
        probe.report()
    finally:
        if args.keep:
            print(f"work folder: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\n{time.perf_counter() - started:.0f} s in all")


if __name__ == "__main__":
    main()
