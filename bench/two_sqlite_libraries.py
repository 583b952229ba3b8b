"""Why apsw never opens a file the app's own driver has open in the same process.

Luotsi's connections go through Python's sqlite3 (plain) or sqlcipher3 (encrypted); the
sync engine uses apsw for SQLite's session extension. Each brings its own copy of SQLite,
and each copy keeps its own table of POSIX locks. POSIX drops every lock a process holds
on a file when the process closes ANY descriptor of that file, so when apsw closes its
descriptor, the other library's locks are gone without it knowing
(sqlite.org/howtocorrupt.html §2.2). This probe holds a read transaction through sqlite3,
opens and closes the same file through apsw, and asks another process for the write lock
before and after. It prints what happened; it asserts nothing.

    python bench/two_sqlite_libraries.py
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import apsw

_CHILD = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], timeout=0, isolation_level=None)
try:
    conn.execute("BEGIN EXCLUSIVE")
    print("took the write lock")
except sqlite3.OperationalError as exc:
    print(f"refused ({exc})")
"""


def other_process_tries(path: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def probe(path: Path, second_library: bool) -> tuple[str, str]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("BEGIN")
    conn.execute("SELECT count(*) FROM t").fetchone()  # a live read: a SHARED lock held
    before = other_process_tries(path)
    if second_library:
        other = apsw.Connection(str(path))
        other.execute("SELECT count(*) FROM t").fetchall()
        other.close()
    else:
        other_conn = sqlite3.connect(path)
        other_conn.execute("SELECT count(*) FROM t").fetchone()
        other_conn.close()
    after = other_process_tries(path)
    conn.execute("COMMIT")
    conn.close()
    return before, after


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "probe.db"
        setup = sqlite3.connect(path)
        setup.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)")
        setup.executemany("INSERT INTO t VALUES (?)", [(n,) for n in range(100)])
        setup.commit()
        setup.close()
        print(f"sqlite3 {sqlite3.sqlite_version}, apsw's SQLite {apsw.sqlite_lib_version()}")
        print("A read transaction is open through sqlite3; another process asks to write.")
        for label, second in (("a second sqlite3 connection", False), ("an apsw connection", True)):
            before, after = probe(path, second)
            print(f"- {label} opened and closed meanwhile:")
            print(f"    before: {before}")
            print(f"    after:  {after}")
        print(
            "The write lock taken under a live read means the reader's snapshot is no longer"
            " protected: the sync engine gives apsw only private snapshots and base files."
        )


if __name__ == "__main__":
    main()
