"""Encryption at rest, encrypted vs plain in the same run: `luotsi encrypt` of 1 000 000
clients (time, peak memory), file sizes, search p95 over 1 000 000 clients (warm and on a
fresh connection), the key derivation and a full login at the real scrypt cost, and the
first paint over 100 000 clients against a minimal Textual app."""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path
from statistics import median

import sqlcipher3.dbapi2 as sqlcipher
import sqlite_utils

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench.datagen import ADMIN_PASSWORD, ADMIN_USERNAME, build_db  # noqa: E402
from bench.harness import child_env, percentile, table  # noqa: E402
from bench.search import (  # noqa: E402
    KINDS,
    SAMPLE_ROWS,
    WARM_UP_QUERIES,
    draw_samples,
    make_queries,
    time_queries,
)
from bench.startup import LUOTSI_IMPORTS, Variant, luotsi, measure, minimal  # noqa: E402
from store.api import Store  # noqa: E402
from store.core import auth, keyring  # noqa: E402
from store.core.db import ENCRYPTED_CACHE_KIB, _configure, copy_database, open_db  # noqa: E402
from store.core.keys import key_file_of  # noqa: E402

CLIENTS = 1_000_000
PAINT_CLIENTS = 100_000
SEARCH_TARGET = 1.2  # encrypted p95 / plain p95
PAINT_TARGET = 1.5  # encrypted first paint / minimal Textual app
SEARCH_PASSES = 5
FRESH_ROUNDS = 30
LOGIN_RUNS = 5
PAINT_RUNS = 15
PASSWORDS = {ADMIN_USERNAME: ADMIN_PASSWORD}
ENCRYPT_CHILD = Path(__file__).resolve().parent / "encrypt_child.py"
SECTIONS = ("encrypt", "sizes", "search", "login", "paint")
EXTRA_SECTIONS = ("checks",)  # minutes at 1 000 000 clients: only when asked for
MIB = 2**20


def load(*, short: bool = False) -> str:
    """The load average now, to print beside a figure (2 cores shared with others)."""
    one, five, _ = os.getloadavg()
    return f"{one:.1f}" if short else f"load {one:.1f} (5 min {five:.1f}) on {os.cpu_count()} cores"


def own_peak_kib() -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))


# `luotsi encrypt` -----------------------------------------------------------------------


@dataclass(frozen=True)
class Encryption:
    method: str
    steps: dict[str, tuple[float, int]]  # step -> (seconds, the child's peak KiB during it)
    wall_seconds: float  # spawn to exit, the interpreter's start and imports included
    vm_hwm_kib: int  # the child's own peak (/proc/self/status)
    maxrss_kib: int  # the child's ru_maxrss (from wait4, as RUSAGE_CHILDREN counts it)
    parent_peak_kib: int  # this process's peak at the spawn, which ru_maxrss carries over
    load: str


def encrypt(plain: Path, target: Path) -> Encryption:
    """Encrypt `plain` as `target` in a child process (see encrypt_child.py); the key file
    gets a slot for the bench's admin, so `keyring.unlock` opens it as a login would."""
    if importlib.util.find_spec("store.core.encryption") is not None:
        copy_database(plain, target)  # encrypt_database converts its file in place
    parent_peak = own_peak_kib()
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, str(ENCRYPT_CHILD), str(plain), str(target), json.dumps(PASSWORDS)],
        stdout=subprocess.PIPE,
        env=child_env(),
        cwd=REPO_ROOT,
    )
    assert child.stdout is not None
    output = child.stdout.read()
    # wait4 gives this child's own rusage; RUSAGE_CHILDREN would be the peak of every
    # child so far.
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"encrypting {plain.name} failed ({child.returncode})")
    figures = json.loads(output)
    return Encryption(
        figures["method"],
        figures["steps"],
        wall,
        figures["vm_hwm_kib"],
        usage.ru_maxrss,
        parent_peak,
        load(),
    )


def print_encryption(name: str, done: Encryption) -> None:
    print(f"Encrypting {name}: {done.method}, {done.load}")
    rows = [[step, f"{s:.1f}", f"{kib / 1024:.0f}"] for step, (s, kib) in done.steps.items()]
    rows.append(["child process, spawn to exit", f"{done.wall_seconds:.1f}", ""])
    print(table(["step", "seconds", "peak MiB in the step"], rows))
    print(
        f"peak memory of the child: VmHWM {done.vm_hwm_kib / 1024:.0f} MiB;"
        f" ru_maxrss {done.maxrss_kib / 1024:.0f} MiB (Linux carries the parent's peak,"
        f" {done.parent_peak_kib / 1024:.0f} MiB here, into a child's ru_maxrss)"
    )


# Checking an encrypted copy before it replaces the original: (statement, page cache KiB,
# whether to time the plain file too). 0 is SQLite's default cache (2 MiB).
CHECKS = [
    ("PRAGMA integrity_check", 0, True),
    ("PRAGMA integrity_check", ENCRYPTED_CACHE_KIB, False),
    ("PRAGMA integrity_check", 1024 * 1024, False),
    ("PRAGMA quick_check", 0, True),
    ("PRAGMA quick_check", ENCRYPTED_CACHE_KIB, False),
    ("PRAGMA cipher_integrity_check", 0, False),
    ("row counts", 0, True),
]


def _check(path: Path, statement: str, cache_kib: int, key: bytes | None) -> tuple[float, int]:
    """(seconds, peak KiB) of one check of `path` in a child process of its own."""
    done = subprocess.run(
        [sys.executable, str(ENCRYPT_CHILD), "--check", str(path), statement, str(cache_kib)],
        input=(key.hex() if key else "-") + "\n",
        capture_output=True,
        text=True,
        check=True,
        env=child_env(),
        cwd=REPO_ROOT,
    )
    seconds, peak_kib = json.loads(done.stdout)["steps"][statement]
    return seconds, peak_kib


def print_checks(plain: Path, encrypted: Path) -> None:
    """What verifying the encrypted copy costs, by the way it is checked."""
    key = keyring.known_key(encrypted)
    rows = []
    for statement, cache_kib, with_plain in CHECKS:
        seconds, peak_kib = _check(encrypted, statement, cache_kib, key)
        plain_seconds = f"{_check(plain, statement, cache_kib, None)[0]:.1f}" if with_plain else ""
        cache = f"{cache_kib // 1024} MiB" if cache_kib else "default"
        rows.append(
            [
                statement,
                cache,
                plain_seconds,
                f"{seconds:.1f}",
                f"{peak_kib / 1024:.0f}",
                load(short=True),
            ]
        )
    header = ["check", "page cache", "plain s", "encrypted s", "peak MiB", "load after"]
    print(table(header, rows))


# Sizes ----------------------------------------------------------------------------------


def _with_wal(path: Path) -> int:
    wal = path.with_name(path.name + "-wal")
    return path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def print_sizes(pairs: Sequence[tuple[str, Path, Path]]) -> None:
    rows = []
    for name, plain, encrypted in pairs:
        with closing(sqlite3.connect(f"{plain.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            free = conn.execute("PRAGMA freelist_count").fetchone()[0]
            page = conn.execute("PRAGMA page_size").fetchone()[0]
        plain_bytes, encrypted_bytes = _with_wal(plain), _with_wal(encrypted)
        rows.append(
            [
                name,
                f"{plain_bytes / MIB:.1f}",
                f"{free * page / MIB:.1f}",
                f"{encrypted_bytes / MIB:.1f}",
                f"{encrypted_bytes / plain_bytes:.3f}",
                f"{key_file_of(encrypted).stat().st_size:,}",
            ]
        )
    header = ["database", "plain MiB", "of it free", "encrypted MiB", "ratio", "key file bytes"]
    print(table(header, rows))


# Search ---------------------------------------------------------------------------------

Timings = dict[str, list[tuple[float, int]]]


def _p(passes: list[Timings], kinds: Sequence[str], share: float) -> float:
    """The median over the passes of each pass's own percentile, for `kinds` together."""
    return median(
        percentile([ms for kind in kinds for ms, _ in timings[kind]], share) for timings in passes
    )


def search_warm(stores: dict[str, Store], queries: list[tuple[str, str]]) -> None:
    """The same queries through every store, pass by pass, the order rotated; the table
    has plain and encrypted in full and the p95 of any further variant."""
    first = stores["plain"]
    same = all(
        first.clients.search(q) == store.clients.search(q)
        for _, q in queries[:WARM_UP_QUERIES]
        for store in stores.values()
    )
    for store in stores.values():
        time_queries(store, queries[:WARM_UP_QUERIES])
    passes: dict[str, list[Timings]] = {name: [] for name in stores}
    rng = random.Random(2)
    names = list(stores)
    for number in range(SEARCH_PASSES):
        rng.shuffle(queries)
        shift = number % len(names)
        for name in names[shift:] + names[:shift]:
            passes[name].append(time_queries(stores[name], queries))
    extra = [name for name in stores if name not in ("plain", "encrypted")]
    rows = []
    for label, kinds in [*((kind, [kind]) for kind in KINDS), ("all kinds", list(KINDS))]:
        plain = [_p(passes["plain"], kinds, share) for share in (0.5, 0.95)]
        encrypted = [_p(passes["encrypted"], kinds, share) for share in (0.5, 0.95)]
        ratio = encrypted[1] / plain[1]
        verdict = "ok" if ratio <= SEARCH_TARGET else "MISS"
        others = [f"{_p(passes[name], kinds, 0.95):.2f}" for name in extra]
        cells = [f"{ms:.2f}" for ms in plain + encrypted]
        rows.append([label, *cells, f"{ratio:.2f}", verdict, *others])
    print(f"Warm: {SEARCH_PASSES} passes of {len(queries)} queries each, {load()}")
    print(f"(the same results from all for the first {WARM_UP_QUERIES} queries: {same})")
    header = ["kind", "plain p50", "p95", "encrypted p50", "p95", "p95 ratio"]
    print(table([*header, f"≤{SEARCH_TARGET}", *(f"{name} p95" for name in extra)], rows))


def _without_key(path: Path) -> Store:
    """The plain file through SQLCipher's driver, with no key and the plain settings:
    its SQLite (newer than Python's) without the encryption."""
    conn = sqlcipher.connect(str(path), isolation_level=None)
    _configure(conn, encrypted=False)
    return Store(sqlite_utils.Database(conn))


def _with_cache(path: Path, mib: int) -> Store:
    store = Store(open_db(path))
    store.db.execute(f"PRAGMA cache_size = -{mib * 1024}")
    return store


def _evict(path: Path) -> None:
    """Drop the file's pages from the OS page cache (only this file's; no root needed)."""
    for own in (path, path.with_name(path.name + "-wal")):
        if own.exists():
            fd = os.open(own, os.O_RDONLY)
            try:
                os.fsync(fd)  # dirty pages (a file just written) cannot be dropped
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def search_fresh(paths: dict[str, Path], queries: list[tuple[str, str]], evict: bool) -> None:
    """Open, first query and close, round after round: the first search after a login.
    No connection is open in this process while a file is evicted (see store/core/db.py
    on POSIX locks)."""
    measured: dict[str, list[tuple[float, float]]] = {name: [] for name in paths}
    for number, (_, query) in enumerate(queries[:FRESH_ROUNDS]):
        names = list(paths) if number % 2 == 0 else list(reversed(paths))
        for name in names:
            if evict:
                _evict(paths[name])
            started = time.perf_counter()
            store = Store(open_db(paths[name]))
            opened = time.perf_counter()
            store.clients.search(query)
            measured[name].append(
                ((opened - started) * 1000, (time.perf_counter() - opened) * 1000)
            )
            store.close()
    where = "evicted from the OS page cache" if evict else "in the OS page cache"
    print(f"Fresh connection, file {where}: {FRESH_ROUNDS} rounds, one query each, {load()}")
    rows = []
    for name, runs in measured.items():
        opens, firsts = [o for o, _ in runs], [f for _, f in runs]
        rows.append(
            [name]
            + [
                f"{percentile(values, share):.1f}"
                for values in (opens, firsts)
                for share in (0.5, 0.95)
            ]
        )
    print(table(["", "open p50 ms", "open p95", "first query p50", "first query p95"], rows))


def print_search(paths: dict[str, Path], caches: Sequence[int]) -> None:
    """Warm search through plain, encrypted, the plain file through SQLCipher's SQLite
    ("no key") and encrypted with each other page cache size (`caches`, MiB); then the
    first query on a fresh connection, plain and encrypted."""
    stores = {name: Store(open_db(path)) for name, path in paths.items()}
    stores["no key"] = _without_key(paths["plain"])
    for mib in caches:
        stores[f"cache {mib} MiB"] = _with_cache(paths["encrypted"], mib)
    print(
        f"(no key: the plain file through SQLCipher's SQLite; the store's encrypted cache is"
        f" {ENCRYPTED_CACHE_KIB // 1024} MiB)"
    )
    rng = random.Random(1)
    queries = make_queries(draw_samples(stores["plain"], SAMPLE_ROWS, rng), rng)
    try:
        search_warm(stores, queries)
    finally:
        for store in stores.values():
            store.close()
    print()
    search_fresh(paths, queries, evict=False)
    print()
    search_fresh(paths, queries, evict=True)


# Login ----------------------------------------------------------------------------------


def _login(path: Path, encrypted: bool) -> tuple[float, float, float]:
    """Seconds of the unlock (0 for plain), the store's open and `log_in`, as the app's
    login worker does them on a connection of its own."""
    started = time.perf_counter()
    if encrypted:
        keyring.forget(path)
        keyring.unlock(path, ADMIN_USERNAME, ADMIN_PASSWORD)
    unlocked = time.perf_counter()
    store = Store.open(path, migrate=False)
    opened = time.perf_counter()
    store.staff.log_in(ADMIN_USERNAME, ADMIN_PASSWORD)
    logged_in = time.perf_counter()
    store.close()
    return unlocked - started, opened - unlocked, logged_in - opened


def print_login(plain: Path, encrypted: Path) -> None:
    cost = auth.HASH_COST
    variants: dict[str, Callable[[], tuple[float, float, float]]] = {
        "plain": lambda: _login(plain, encrypted=False),
        "encrypted": lambda: _login(encrypted, encrypted=True),
    }
    for login in variants.values():
        login()  # warm: imports, and a hash made at another cost is made again once
    measured: dict[str, list[tuple[float, float, float]]] = {name: [] for name in variants}
    for number in range(LOGIN_RUNS):
        names = list(variants) if number % 2 == 0 else list(reversed(variants))
        for name in names:
            measured[name].append(variants[name]())
    print(
        f"Login at the real cost (scrypt N=2^{cost.n.bit_length() - 1}, r={cost.r}, p={cost.p}),"
        f" {LOGIN_RUNS} runs each, medians, {load()}"
    )
    rows = []
    for name, runs in measured.items():
        columns = [[run[i] * 1000 for run in runs] for i in range(3)]
        totals = [sum(run) * 1000 for run in runs]
        rows.append([name, *(f"{median(c):.0f}" for c in columns), f"{median(totals):.0f}"])
    print(table(["", "unlock (key derivation)", "Store.open", "log_in", "total ms"], rows))
    ratio = median(map(sum, measured["encrypted"])) / median(map(sum, measured["plain"]))
    print(f"login: encrypted / plain = {ratio:.2f}x")


# First paint ----------------------------------------------------------------------------

# Until the app unlocks at login (the `login` helper's branch), it opens the store right
# after the first paint, as for a plain file; for an encrypted one that raises
# DatabaseLocked and ends the app, under load sometimes before the frame reached the
# terminal. The guard keeps the app on its login form, as it will be, without importing
# anything more before the paint; on an app with no `_open_store` it does nothing.
_GUARDED_APP = """
app = make_app({path!r})
opening = getattr(app, "_open_store", None)
if opening is not None:
    def guarded():
        try:
            return opening()
        except Exception as exc:
            if type(exc).__name__ != "DatabaseLocked":
                raise
    app._open_store = guarded
app.run()
"""


def luotsi_encrypted(name: str, path: Path) -> Variant:
    return replace(luotsi(name, path), code=LUOTSI_IMPORTS + _GUARDED_APP.format(path=str(path)))


def print_paint(plain: Path, encrypted: Path, clients: int, runs: int) -> None:
    variants = [
        minimal("minimal Textual app"),
        luotsi(f"Luotsi, plain, {clients:,} clients", plain),
        luotsi_encrypted(f"Luotsi, encrypted, {clients:,} clients", encrypted),
    ]
    before = load()
    measured = measure(variants, runs)
    print(
        f"First paint on a pseudo-terminal, {runs} rounds, interleaved; {before}, after: {load()}"
    )
    firsts = {name: [first for first, _ in runs_of] for name, runs_of in measured.items()}
    rows = [
        [name, f"{median(ms):.0f}", f"{percentile(ms, 0.9):.0f}"] for name, ms in firsts.items()
    ]
    print(table(["", "first screen p50 ms", "p90 ms"], rows))
    minimal_ms, plain_ms, encrypted_ms = (median(ms) for ms in firsts.values())
    verdict = "ok" if encrypted_ms / minimal_ms <= PAINT_TARGET else "MISS"
    print(
        f"encrypted / minimal = {encrypted_ms / minimal_ms:.2f}x"
        f" (target ≤ {PAINT_TARGET}x: {verdict}); plain / minimal = {plain_ms / minimal_ms:.2f}x;"
        f" encrypted / plain = {encrypted_ms / plain_ms:.2f}x"
    )


# ----------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=CLIENTS)
    parser.add_argument("--paint-clients", type=int, default=PAINT_CLIENTS)
    parser.add_argument("--runs", type=int, default=PAINT_RUNS, help="first-paint rounds")
    parser.add_argument("--only", nargs="+", choices=SECTIONS + EXTRA_SECTIONS, default=SECTIONS)
    parser.add_argument(
        "--caches",
        nargs="*",
        type=int,
        default=[],
        metavar="MIB",
        help="also search the encrypted file with these page cache sizes",
    )
    args = parser.parse_args()
    wanted = set(args.only)
    plain_big = build_db(None, args.clients)
    plain_small = build_db(None, args.paint_clients)
    with tempfile.TemporaryDirectory(prefix="luotsi-bench-") as scratch:
        folder = Path(scratch)
        big = f"{args.clients:,} clients"
        small = f"{args.paint_clients:,} clients"
        encrypted_big = folder / "big.db"
        encrypted_small = folder / "small.db"
        if wanted & {"encrypt", "sizes", "search", "checks"}:
            print_encryption(big, encrypt(plain_big, encrypted_big))
            print()
        if wanted & {"sizes", "login", "paint"}:
            done = encrypt(plain_small, encrypted_small)
            if "encrypt" in wanted:
                print_encryption(small, done)
                print()
        if "sizes" in wanted:
            print_sizes([(big, plain_big, encrypted_big), (small, plain_small, encrypted_small)])
            print()
        if wanted & {"search", "checks"}:
            keyring.unlock(encrypted_big, ADMIN_USERNAME, ADMIN_PASSWORD)
        if "checks" in wanted:
            print(f"Checking the encrypted copy of {big}, each check a child process")
            print_checks(plain_big, encrypted_big)
            print()
        if "search" in wanted:
            print(f"Store.search_clients over {big}, the same queries through both")
            print_search({"plain": plain_big, "encrypted": encrypted_big}, args.caches)
            print()
        if "login" in wanted:
            print_login(build_db(folder / "plain-login.db", args.paint_clients), encrypted_small)
            print()
        if "paint" in wanted:
            plain_copy = build_db(folder / "plain-paint.db", args.paint_clients)
            print_paint(plain_copy, encrypted_small, args.paint_clients, args.runs)


if __name__ == "__main__":
    main()
