"""Start-up time to the first painted screen: Luotsi over 100 000 clients vs a minimal Textual app."""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import tempfile
import termios
import time
from dataclasses import dataclass
from pathlib import Path
from statistics import median

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench.datagen import build_db  # noqa: E402
from bench.harness import child_env, percentile, table  # noqa: E402
from screens.strings import load_screen_strings  # noqa: E402
from store.core.db import open_db  # noqa: E402
from store.core.i18n import tr  # noqa: E402

load_screen_strings()  # the login strings looked for below

CLIENTS = 100_000
RUNS = 15
IMPORT_ROWS = 10
TARGET_RATIO = 1.2
TERMINAL_SIZE = (24, 80)  # rows, columns
TIMEOUT_SECONDS = 60
QUIT_KEY = b"\x11"  # ctrl+q quits both apps
MINIMAL_TEXT = "A minimal Textual app"
MINIMAL_IMPORTS = "from textual.app import App\nfrom textual.widgets import Static\n"
LUOTSI_IMPORTS = (
    f"import sys\nsys.path.insert(0, {str(REPO_ROOT)!r})\nfrom tui.app import make_app\n"
)
MINIMAL_APP = f"""
class Minimal(App[None]):
    def compose(self):
        yield Static({MINIMAL_TEXT!r})

Minimal().run()
"""


@dataclass(frozen=True)
class Variant:
    name: str
    code: str
    marker: bytes  # text that reaches the terminal once the first screen is painted


def minimal(name: str, extra_imports: str = "") -> Variant:
    """The minimal app, optionally importing more first (to time those imports alone)."""
    return Variant(name, MINIMAL_IMPORTS + extra_imports + MINIMAL_APP, MINIMAL_TEXT.encode())


def luotsi(name: str, db_path: Path) -> Variant:
    code = f"{LUOTSI_IMPORTS}make_app({str(db_path)!r}).run()\n"
    return Variant(name, code, tr("login.title", "fi").encode())


def run_once(variant: Variant) -> tuple[float, float]:
    """Seconds from spawn to the first screen on the terminal, and to the process's exit.

    The app runs on a pseudo-terminal, as in real use, rather than headless: a headless
    Textual app lays out its frames but never turns them into terminal output. The first
    screen counts as painted when its text arrives on the terminal; then ctrl+q is typed.
    """
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", *TERMINAL_SIZE, 0, 0))
    env = child_env() | {"TERM": "xterm-256color", "COLORTERM": "truecolor"}
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", variant.code],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    output = b""
    painted: float | None = None
    try:
        while True:
            ready, _, _ = select.select([master], [], [], TIMEOUT_SECONDS)
            if not ready:
                raise TimeoutError(f"{variant.name}: no output for {TIMEOUT_SECONDS} s")
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the app has exited and closed the terminal
                break
            if painted is None:
                output += chunk
                if variant.marker in output:
                    painted = time.perf_counter() - started
                    os.write(master, QUIT_KEY)
        process.wait(TIMEOUT_SECONDS)
        exited = time.perf_counter() - started
    finally:
        os.close(master)
        if process.poll() is None:
            process.kill()
            process.wait()
    if painted is None:
        raise RuntimeError(f"{variant.name} exited before painting: {output[-600:]!r}")
    return painted, exited


def measure(variants: list[Variant], runs: int) -> dict[str, list[tuple[float, float]]]:
    """(first screen, exit) milliseconds of each run of each variant, interleaved."""
    for variant in variants:  # a discarded round: bytecode caches and file cache warm
        run_once(variant)
    measured: dict[str, list[tuple[float, float]]] = {v.name: [] for v in variants}
    for round_number in range(runs):
        # Rotated, so no variant always runs first.
        shift = round_number % len(variants)
        for variant in variants[shift:] + variants[:shift]:
            first_screen, exit_time = run_once(variant)
            measured[variant.name].append((first_screen * 1000, exit_time * 1000))
    return measured


def _import_times(code: str) -> dict[str, int]:
    """Self import time in microseconds of every module `code` imports (-X importtime)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env=child_env(),
    )
    times = {}
    for line in result.stderr.splitlines():
        fields = line.removeprefix("import time:").split("|")
        if len(fields) == 3 and fields[0].strip().isdigit():
            times[fields[2].strip()] = int(fields[0])
    return times


def print_breakdown(luotsi_variant: Variant, runs: int) -> None:
    """Split Luotsi's extra start-up into importing its modules and the rest (DB, CSS, compose)."""
    variants = [
        minimal("minimal Textual app"),
        minimal("minimal app + import sqlite_utils", "import sqlite_utils\n"),
        minimal("minimal app + Luotsi's imports", LUOTSI_IMPORTS),
        luotsi_variant,
    ]
    measured = measure(variants, runs)
    baseline = median(first for first, _ in measured[variants[0].name])
    rows = []
    for name, runs_of_variant in measured.items():
        first_screen = median(first for first, _ in runs_of_variant)
        rows.append([name, f"{first_screen:.0f}", f"{first_screen - baseline:+.0f}"])
    print(table(["", "first screen p50 ms", "vs minimal ms"], rows))


def print_import_times(runs: int) -> None:
    """Self import time of the modules Luotsi imports and the minimal app does not."""
    extra: dict[str, list[int]] = {}
    for _ in range(runs):
        before = _import_times(MINIMAL_IMPORTS)
        by_package: dict[str, int] = {}
        for module, micros in _import_times(LUOTSI_IMPORTS).items():
            if module not in before:
                package = module.split(".")[0]
                by_package[package] = by_package.get(package, 0) + micros
        for package, micros in by_package.items():
            extra.setdefault(package, []).append(micros)
    ranked = sorted(extra.items(), key=lambda item: -median(item[1]))[:IMPORT_ROWS]
    print("Modules Luotsi imports beyond the minimal app, self time by package (-X importtime,")
    print("which inflates every figure; compare them with each other):")
    print(table(["package", "p50 ms"], [[p, f"{median(m) / 1000:.1f}"] for p, m in ranked]))


def print_startup(variants: list[Variant], measured: dict[str, list[tuple[float, float]]]) -> None:
    """Print the table, and the ratios of the last variant to the first against the target."""
    columns = ("first screen", "spawn to exit")
    rows = []
    for name, runs in measured.items():
        cells = [name]
        for index in range(len(columns)):
            millis = [run[index] for run in runs]
            cells += [f"{median(millis):.0f}", f"{percentile(millis, 0.9):.0f}"]
        rows.append(cells)
    print(table([""] + [f"{c} {stat} ms" for c in columns for stat in ("p50", "p90")], rows))
    baseline, loaded = variants[0], variants[-1]
    for index, column in enumerate(columns):
        ratio = median(r[index] for r in measured[loaded.name]) / median(
            r[index] for r in measured[baseline.name]
        )
        verdict = "ok" if ratio <= TARGET_RATIO else "MISS"
        print(
            f"{column}: {loaded.name} / {baseline.name} = {ratio:.2f}x"
            f" (target ≤ {TARGET_RATIO}x: {verdict})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--clients", type=int, default=CLIENTS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        empty_db = Path(scratch) / "empty.db"
        open_db(empty_db).close()
        variants = [
            minimal("minimal Textual app"),
            luotsi("Luotsi, empty database", empty_db),
            luotsi(
                f"Luotsi, {args.clients:,} clients",
                build_db(Path(scratch) / "clients.db", args.clients),
            ),
        ]
        measured = measure(variants, args.runs)
        size = f"{TERMINAL_SIZE[1]}x{TERMINAL_SIZE[0]}"
        print(f"Start-up on a {size} pseudo-terminal, {args.runs} runs each, interleaved")
        print_startup(variants, measured)
        print()
        print("Where Luotsi's extra start-up goes (a second, separate set of runs):")
        print_breakdown(variants[-1], args.runs)
        print()
        print_import_times(args.runs)


if __name__ == "__main__":
    main()
