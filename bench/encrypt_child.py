"""Child process of `encryption.py`: encrypts one database and prints each step's time and
peak memory, and its own peak, as JSON (a process of its own, so the peak is the encryption's).

    python bench/encrypt_child.py PLAIN TARGET '{"admin": "demo"}'
    python bench/encrypt_child.py --check FILE STATEMENT CACHE_KIB  < key in hex, or "-"

With `store.core.encryption.encrypt_database` present, TARGET is a copy of PLAIN that it
converts in place (export, verification, key file, rename: `luotsi encrypt`'s work).
Without it, the core of that work is done here with the store's own pieces: a key file
with a recovery slot and a slot per password (`keyring.prepare`, `keyring.set_slot`),
`db.export_encrypted` on a SQLCipher connection opened on PLAIN without a key, and the
verification the issue asks for (integrity check, the row count of every table).

`--check` times one way of checking a file (a PRAGMA, or "row counts") under a page cache
of CACHE_KIB (0: SQLite's default), its key read from stdin ("-": a plain file).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

import sqlcipher3.dbapi2 as sqlcipher  # noqa: E402

from store.core import keyring  # noqa: E402
from store.core.db import export_encrypted, use_key  # noqa: E402
from store.core.keys import read_key_file  # noqa: E402

# step -> (seconds, peak resident KiB during the step)
steps: dict[str, tuple[float, int]] = {}


def peak_kib() -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))


def reset_peak() -> None:
    """Start VmHWM afresh from the current RSS (Linux 4.0+), so each step has its own peak."""
    with open("/proc/self/clear_refs", "w") as clear_refs:
        clear_refs.write("5")


def step(name: str, work: Callable[[], object]) -> None:
    reset_peak()
    started = time.perf_counter()
    work()
    steps[name] = (time.perf_counter() - started, peak_kib())


def _row_counts(conn: sqlcipher.Connection) -> dict[str, int]:
    names = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def _verify(plain: Path, target: Path) -> None:
    found = keyring.key_for(target)
    assert found is not None
    with closing(sqlcipher.connect(str(target))) as copy:
        use_key(copy, found[0], found[1].db_salt)
        (result,) = copy.execute("PRAGMA integrity_check").fetchone()
        with closing(sqlcipher.connect(str(plain))) as original:
            if result != "ok" or _row_counts(copy) != _row_counts(original):
                raise SystemExit(f"the encrypted copy differs: {result}")


def encrypt_core(plain: Path, target: Path, passwords: dict[str, str]) -> None:
    def key_file() -> None:
        keyring.prepare(target)
        for username, password in passwords.items():
            keyring.set_slot(target, username, password)

    def export() -> None:
        key = keyring.known_key(target)
        assert key is not None
        with closing(sqlcipher.connect(str(plain))) as conn:
            export_encrypted(conn, target, key, read_key_file(target).db_salt)

    step(f"key file: recovery + {len(passwords)} slot(s), scrypt each", key_file)
    step("sqlcipher_export of the plain file", export)
    step("verify: integrity_check + row counts", lambda: _verify(plain, target))


def check(path: Path, statement: str, cache_kib: int) -> None:
    key = sys.stdin.readline().strip()
    with closing(sqlcipher.connect(str(path))) as conn:
        if key != "-":
            use_key(conn, bytes.fromhex(key), read_key_file(path).db_salt)
        if cache_kib:
            conn.execute(f"PRAGMA cache_size = -{cache_kib}")
        if statement == "row counts":
            step(statement, lambda: _row_counts(conn))
        else:
            step(statement, lambda: conn.execute(statement).fetchall())


def main() -> None:
    if sys.argv[1] == "--check":
        check(Path(sys.argv[2]), sys.argv[3], int(sys.argv[4]))
        print(json.dumps({"steps": steps}))
        return
    plain, target, passwords = Path(sys.argv[1]), Path(sys.argv[2]), json.loads(sys.argv[3])
    whole_peak = peak_kib()  # the imports', before any step resets it
    try:
        from store.core.encryption import encrypt_database
    except ImportError:
        method = "the core, measured directly (store.core.encryption not merged yet)"
        encrypt_core(plain, target, passwords)
    else:
        method = "store.core.encryption.encrypt_database"
        step("encrypt_database (all of it)", lambda: encrypt_database(target, passwords))
    whole_peak = max([whole_peak, *(peak for _, peak in steps.values())])
    print(json.dumps({"method": method, "steps": steps, "vm_hwm_kib": whole_peak}))


if __name__ == "__main__":
    main()
