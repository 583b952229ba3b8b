"""`luotsi encrypt` and `luotsi rekey` of a generated register: time and peak memory, each
in a child process of its own (so each peak RSS is that step's), and the file sizes.

    python bench/encrypt_in_place.py 100000        # 1000000 for the issue's figure
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench.datagen import ADMIN_PASSWORD, ADMIN_USERNAME, build_db  # noqa: E402
from bench.harness import child_env, table  # noqa: E402

# The hashes and slots at the real cost (OWASP's minimum), as a user's run has them.
CHILD = """
import json, resource, sys, time
from pathlib import Path
from store.core import keyring
from store.core.encryption import encrypt_database, rekey_database
path, step, username, password = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
if step == "encrypt":
    encrypt_database(path, {username: password})
else:
    keyring.unlock(path, username, password)
    rekey_database(path)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_mib": peak / 1024, "grew_mib": (peak - before) / 1024}))
"""


def run(path: Path, step: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), step, ADMIN_USERNAME, ADMIN_PASSWORD],
        env=child_env(),
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("clients", type=int, nargs="?", default=100_000)
    args = parser.parse_args()
    # Built (or found cached) by a child: a child's peak RSS starts from its parent's (Linux
    # keeps it across fork and exec), so this process must stay small.
    subprocess.run(
        [sys.executable, str(REPO_ROOT / "bench" / "datagen.py"), str(args.clients)], check=True
    )
    with tempfile.TemporaryDirectory(prefix="luotsi-encrypt-bench-") as folder:
        path = build_db(Path(folder) / "luotsi.db", args.clients)
        plain_mib = path.stat().st_size / 2**20
        rows = []
        for step in ("encrypt", "rekey"):
            figures = run(path, step)
            rows.append(
                [
                    step,
                    f"{figures['seconds']:.1f}",
                    f"{figures['peak_mib']:.0f}",
                    f"{figures['grew_mib']:.0f}",
                    f"{path.stat().st_size / 2**20:.1f}",
                ]
            )
    print(f"{args.clients:,} clients, plain file {plain_mib:.1f} MiB")
    print(table(["step", "seconds", "peak RSS MiB", "grew MiB", "file MiB"], rows))


if __name__ == "__main__":
    main()
