"""Helpers the benchmarks share: the environment of measured child processes, timing loops,
percentiles, tables."""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path

# Bytecode of measured children, kept out of the source tree (bench/data is git-ignored).
PYCACHE_DIR = Path(__file__).resolve().parent / "data" / "pycache"


def child_env() -> dict[str, str]:
    """Environment for a measured Python child: with bytecode caching on.

    An installed Luotsi runs from compiled bytecode; with PYTHONDONTWRITEBYTECODE set
    (as in some dev shells) every start would compile Luotsi's own modules again, while
    Textual's come precompiled from site-packages, which would skew the comparison.
    """
    env = os.environ | {"PYTHONPYCACHEPREFIX": str(PYCACHE_DIR)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (`share` 0.95 for p95): always a value that was measured."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Rows as text columns; the first column is left-aligned, the others right-aligned."""
    cells = [list(map(str, header)), *[list(map(str, row)) for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]

    def line(row: list[str]) -> str:
        first, *rest = row
        return "  ".join(
            [first.ljust(widths[0]), *(c.rjust(w) for c, w in zip(rest, widths[1:], strict=True))]
        )

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(cells[0]), rule, *(line(row) for row in cells[1:])])


def timed(
    work: Callable[[], object],
    runs: int,
    warm_up: int = 20,
    before: Callable[[], object] = lambda: None,
) -> list[float]:
    """Milliseconds of `runs` calls of `work` after `warm_up` untimed ones; `before` runs
    untimed ahead of each timed call (to forget a cache, say)."""
    for _ in range(warm_up):
        work()
    times: list[float] = []
    for _ in range(runs):
        before()
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return times
