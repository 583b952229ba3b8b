"""Encryption at rest, encrypted vs plain in the same run: `luotsi encrypt` of 1 000 000
clients (time, peak memory), file sizes, search p95 over 1 000 000 clients (warm and on a
fresh connection), the key derivation and a full login at the real scrypt cost, and the
first paint over 100 000 clients against a minimal Textual app."""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
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

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench.datagen import ADMIN_PASSWORD, ADMIN_USERNAME, build_db  # noqa: E402
from bench.encryption_search import load, print_search  # noqa: E402
from bench.harness import child_env, percentile, table  # noqa: E402
from bench.startup import LUOTSI_IMPORTS, Variant, luotsi, measure, minimal  # noqa: E402
from store.api import Store  # noqa: E402
from store.core import auth, keyring  # noqa: E402
from store.core.db import ENCRYPTED_CACHE_KIB, copy_database  # noqa: E402
from store.core.keys import key_file_of  # noqa: E402

CLIENTS = 1_000_000
PAINT_CLIENTS = 100_000
PAINT_TARGET = 1.5  # encrypted first paint / minimal Textual app
LOGIN_RUNS = 5
PAINT_RUNS = 15
PASSWORDS = {ADMIN_USERNAME: ADMIN_PASSWORD}
ENCRYPT_CHILD = Path(__file__).resolve().parent / "encrypt_child.py"
SECTIONS = ("encrypt", "sizes", "search", "login", "paint")
EXTRA_SECTIONS = ("checks",)  # minutes at 1 000 000 clients: only when asked for
MIB = 2**20


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
                f"{os.getloadavg()[0]:.1f}",
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
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="keep the encrypted files in DIR, and reuse them from there on the next run"
        " (their encryption is then not measured again)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="luotsi-bench-") as scratch:
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
        run(args, Path(scratch), args.keep or Path(scratch))


def _encrypted(plain: Path, target: Path, name: str, show: bool) -> None:
    """Encrypt `plain` as `target` (printing the figures if `show`), unless kept from before."""
    if key_file_of(target).exists():
        print(f"Encrypted {name}: reused {target}")
        return
    done = encrypt(plain, target)
    if show:
        print_encryption(name, done)
        print()


def run(args: argparse.Namespace, folder: Path, kept: Path) -> None:
    wanted = set(args.only)
    plain_big = build_db(None, args.clients)
    plain_small = build_db(None, args.paint_clients)
    big = f"{args.clients:,} clients"
    small = f"{args.paint_clients:,} clients"
    encrypted_big = kept / f"encrypted-{args.clients}.db"
    encrypted_small = kept / f"encrypted-{args.paint_clients}.db"
    if wanted & {"encrypt", "sizes", "search", "checks"}:
        _encrypted(plain_big, encrypted_big, big, show=True)
    if wanted & {"sizes", "login", "paint"}:
        _encrypted(plain_small, encrypted_small, small, show="encrypt" in wanted)
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
