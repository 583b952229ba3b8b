"""Cost of one password hash (time and peak memory) at the old and the current scrypt cost,
and how many guesses the login lock leaves a script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from statistics import median

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench.harness import child_env, table  # noqa: E402
from store.core.auth import MAX_FAILED_LOGINS, OWASP_MINIMUM, ScryptCost, lock_seconds  # noqa: E402

RUNS = 5
OLD = ScryptCost(n=2**14, r=8, p=1)
# A child per cost, so each peak RSS is that hash's own.
CHILD = """
import json, resource, sys, time
from store.core import auth
auth.HASH_COST = auth.ScryptCost(*json.loads(sys.argv[1]))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
seconds = []
for _ in range({runs}):
    start = time.perf_counter()
    stored = auth.hash_password("oikea hevonen")
    seconds.append(time.perf_counter() - start)
start = time.perf_counter()
auth.verify_password("oikea hevonen", stored)
verify = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"seconds": seconds, "verify": verify, "peak_kib": peak - before}}))
"""


def measure(cost: ScryptCost) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD.format(runs=RUNS), json.dumps([cost.n, cost.r, cost.p])],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO_ROOT,
        env=child_env(),
    )
    return json.loads(done.stdout)


def guesses_in(seconds: int) -> int:
    """Failed logins a script gets at one username in `seconds`, waiting out every lock."""
    failures, spent = 0, 0
    while True:
        wait = lock_seconds(failures + 1)
        if spent > seconds:
            return failures
        failures += 1
        spent += wait


def main() -> None:
    rows = []
    baseline = None
    for name, cost in (("old: N=2^14, r=8, p=1", OLD), ("OWASP: N=2^17, r=8, p=1", OWASP_MINIMUM)):
        figures = measure(cost)
        hash_median = median(figures["seconds"])  # type: ignore[arg-type]
        baseline = baseline or hash_median
        rows.append(
            [
                name,
                f"{hash_median * 1000:.0f} ms",
                f"{figures['verify'] * 1000:.0f} ms",  # type: ignore[operator]
                f"{figures['peak_kib'] / 1024:.0f} MiB",  # type: ignore[operator]
                f"{hash_median / baseline:.1f}x",
            ]
        )
    print(f"One password hash, median of {RUNS} (a child process per cost):")
    print(table(["cost", "hash", "verify", "peak RSS growth", "vs old"], rows))
    print()
    schedule = ", ".join(f"{n}: {lock_seconds(n)} s" for n in range(MAX_FAILED_LOGINS, 10))
    print(f"Lock after the n-th failure in a row: {schedule}")
    print(
        f"Guesses at one username by a script that waits out each lock: "
        f"{guesses_in(3600)} in the first hour, {guesses_in(86400)} in the first day "
        f"(a fixed 30 s lock every third failure: {3 * 86400 // 30} a day)"
    )


if __name__ == "__main__":
    main()
