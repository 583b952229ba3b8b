"""Latency of the likely-duplicate check (a typo'd surname, same first name and birth date)
over 1 000 000 generated clients, against the desk's search for the same birth date."""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench.datagen import build_db  # noqa: E402
from bench.harness import percentile, table  # noqa: E402
from store.api import Store  # noqa: E402
from store.clients.repository import born_on, possible_duplicates  # noqa: E402
from store.clients.validation import parse_date  # noqa: E402
from store.core.dates import format_date  # noqa: E402
from store.core.db import open_db  # noqa: E402

TARGET_MS = 1.0
CLIENTS = 1_000_000
QUERIES = 2_000
WARM_UP = 200
PASSES = 3
LETTERS = "abcdefghijklmnopqrstuvwxyzäö"


def typo(name: str, rng: random.Random) -> str:
    """`name` with one letter changed, dropped or doubled."""
    at = rng.randrange(len(name))
    kind = rng.choice(("change", "drop", "double"))
    if kind == "change":
        return name[:at] + rng.choice(LETTERS) + name[at + 1 :]
    if kind == "drop" and len(name) > 2:
        return name[:at] + name[at + 1 :]
    return name[:at] + name[at] + name[at:]


def time_ms(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=CLIENTS)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    path = build_db(None, args.clients, args.seed)
    store = Store(open_db(path))
    rng = random.Random(args.seed)
    rows = store.db.execute(
        "SELECT first_name, last_name, birth_date FROM client WHERE deleted_at IS NULL"
        " ORDER BY random() LIMIT ?",
        [QUERIES],
    ).fetchall()
    forms = [
        {
            "first_name": first_name,
            "last_name": typo(last_name, rng),
            "birth_date": parse_date(born, "birth_date"),
            "phone": None,
        }
        for first_name, last_name, born in rows
    ]
    ctx = store.ctx
    for form in forms[:WARM_UP]:
        possible_duplicates(ctx, form)
    found = sum(bool(possible_duplicates(ctx, form)) for form in forms)
    check: list[float] = []
    search: list[float] = []
    for _ in range(PASSES):
        rng.shuffle(forms)
        for form in forms:
            check.append(time_ms(lambda form=form: possible_duplicates(ctx, form)))
            typed_date = format_date(form["birth_date"])
            search.append(time_ms(lambda typed_date=typed_date: store.clients.search(typed_date)))
    per_day = [len(born_on(ctx, form["birth_date"])) for form in forms[:200]]
    store.close()
    print(
        f"Likely-duplicate check over {args.clients:,} clients ({path.name}),"
        f" {len(forms)} forms, {PASSES} passes"
    )
    print(
        f"clients born on the same day: median {percentile(per_day, 0.5)},"
        f" max {max(per_day)}; the typo'd client found for {found / len(forms):.1%} of forms"
    )
    rows_out = [
        [
            what,
            f"{percentile(ms, 0.5):.3f}",
            f"{percentile(ms, 0.95):.3f}",
            f"{percentile(ms, 0.95) / percentile(search, 0.95):.2f}",
        ]
        for what, ms in (
            ("possible_duplicates (fuzzy)", check),
            ("birth-date search (baseline)", search),
        )
    ]
    print(table(["", "p50 ms", "p95 ms", "p95 × baseline"], rows_out))
    verdict = "within" if percentile(check, 0.95) < TARGET_MS else "OVER"
    print(f"p95 {verdict} the {TARGET_MS} ms target")


if __name__ == "__main__":
    main()
