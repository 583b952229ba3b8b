"""Client search over 1 000 000 clients, encrypted vs plain, for `encryption.py`: warm (wall
and CPU time), and the first query on a fresh connection with the file in the OS page
cache or evicted from it."""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from statistics import median

import sqlcipher3.dbapi2 as sqlcipher
import sqlite_utils

from bench.harness import percentile, table
from bench.search import (
    KINDS,
    SAMPLE_ROWS,
    WARM_UP_QUERIES,
    draw_samples,
    make_queries,
    time_queries,
)
from store.api import Store
from store.core.db import ENCRYPTED_CACHE_KIB, _configure, open_db

SEARCH_TARGET = 1.2  # encrypted p95 / plain p95
SEARCH_PASSES = 5
FRESH_ROUNDS = 30


def load() -> str:
    """The load average now, to print beside a figure (2 cores shared with others)."""
    one, five, _ = os.getloadavg()
    return f"load {one:.1f} (5 min {five:.1f}) on {os.cpu_count()} cores"


Timings = dict[str, list[tuple[float, int]]]


def _p(passes: list[Timings], kinds: Sequence[str], share: float) -> float:
    """The median over the passes of each pass's own percentile, for `kinds` together."""
    return median(
        percentile([ms for kind in kinds for ms, _ in timings[kind]], share) for timings in passes
    )


def search_warm(
    stores: dict[str, Store], queries: list[tuple[str, str]], clock: Callable[[], float]
) -> None:
    """The same queries through every store, pass by pass, the order rotated; the table
    has plain and encrypted, the ratio of their p95s and each further variant's figures."""
    passes: dict[str, list[Timings]] = {name: [] for name in stores}
    rng = random.Random(2)
    names = list(stores)
    for number in range(SEARCH_PASSES):
        rng.shuffle(queries)
        shift = number % len(names)
        for name in names[shift:] + names[:shift]:
            passes[name].append(time_queries(stores[name], queries, clock))
    extra = [name for name in stores if name not in ("plain", "encrypted")]
    rows = []
    for label, kinds in [*((kind, [kind]) for kind in KINDS), ("all kinds", list(KINDS))]:
        plain = [_p(passes["plain"], kinds, share) for share in (0.5, 0.95)]
        encrypted = [_p(passes["encrypted"], kinds, share) for share in (0.5, 0.95)]
        ratio = encrypted[1] / plain[1]
        verdict = "ok" if ratio <= SEARCH_TARGET else "MISS"
        others = [
            f"{_p(passes[name], kinds, 0.5):.2f} / {_p(passes[name], kinds, 0.95):.2f}"
            for name in extra
        ]
        cells = [f"{ms:.2f}" for ms in plain + encrypted]
        rows.append([label, *cells, f"{ratio:.2f}", verdict, *others])
    header = ["kind", "plain p50", "p95", "encrypted p50", "p95", "p95 ratio"]
    print(table([*header, f"≤{SEARCH_TARGET}", *(f"{name} p50 / p95" for name in extra)], rows))
    print(load())


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
        first = stores["plain"]
        same = all(
            first.clients.search(q) == store.clients.search(q)
            for _, q in queries[:WARM_UP_QUERIES]
            for store in stores.values()
        )
        print(f"(the same results from all for the first {WARM_UP_QUERIES} queries: {same})")
        for store in stores.values():
            time_queries(store, queries[:WARM_UP_QUERIES])
        print(f"Warm, wall time: {SEARCH_PASSES} passes of {len(queries)} queries each")
        search_warm(stores, queries, time.perf_counter)
        print()
        # Waits for the other processes on a shared machine are most of a wall-time p95.
        print("Warm, the same in CPU time of the thread (time.thread_time): what each costs")
        search_warm(stores, queries, time.thread_time)
    finally:
        for store in stores.values():
            store.close()
    print()
    search_fresh(paths, queries, evict=False)
    print()
    search_fresh(paths, queries, evict=True)
