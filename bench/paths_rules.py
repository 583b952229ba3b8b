"""Time of `check_path` over a client's path of 30 steps, against F4's 50 ms budget for
opening such a path (issue 11): a mixed path, and the worst case of one service's steps."""

from __future__ import annotations

import sys
import tempfile
import timeit
from datetime import date, timedelta
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench.harness import table  # noqa: E402
from store.api import Store  # noqa: E402
from store.clients.rules import add_months  # noqa: E402
from store.paths.models import PathStep, Provider  # noqa: E402
from store.paths.rules import check_path, step_months  # noqa: E402

STEPS = 30
BUDGET_MS = 50.0
MIXED = ("tyokokeilu", "kuntouttava", "koulutus", "palkkatuki", "uravalmennus", "omaehtoinen")


def path(codes: tuple[str, ...], by_code: dict[str, str], provider: Provider) -> list[PathStep]:
    """Steps one after another, 2–4 months each, every third overlapping the one before."""
    steps: list[PathStep] = []
    start = date(2024, 1, 15)
    for number in range(STEPS):
        months = 2 + number % 3
        end = add_months(start, months) - timedelta(days=1)
        steps.append(
            PathStep(
                f"s{number}",
                "p",
                number + 1,
                by_code[codes[number % len(codes)]],
                provider.id if number % 2 else None,
                f"Järjestäjä {number % 4}",
                start,
                end,
                None,
                None,
                "planned",
                None,
                5,
                8.5,
                40,
            )  # fmt: skip
        )
        start = end + timedelta(days=1) - timedelta(days=20 * (number % 3 == 0))
    return steps


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "luotsi.db")
        services = {s.id: s for s in store.catalog.services(include_retired=True)}
        by_code = {s.code: s.id for s in services.values()}
        rules = store.catalog.rules()
        store.close()
    provider = Provider("prov", "Kauppa Oy", "1234567-1", "company", None, date(2000, 1, 1),
                        None, tuple(by_code.values()))  # fmt: skip
    rows = []
    for name, codes in (("mixed services", MIXED), ("one service (worst case)", ("tyokokeilu",))):
        steps = path(codes, by_code, provider)
        warnings = len(
            check_path(steps, services, rules, {provider.id: provider}, date(1990, 1, 1))
        )
        calls = 200
        per_call_us: list[float] = []
        for cold in (True, False):

            def run(steps: list[PathStep] = steps, cold: bool = cold) -> None:
                if cold:  # as when F4 first opens a path: no month measured yet
                    step_months.cache_clear()
                check_path(steps, services, rules, {provider.id: provider}, date(1990, 1, 1))

            best = min(timeit.repeat(run, number=calls, repeat=5))
            per_call_us.append(best / calls * 1e6)
        rows.append(
            (
                name,
                STEPS,
                warnings,
                *(f"{us:,.0f}" for us in per_call_us),
                f"{per_call_us[0] / 1000 / BUDGET_MS:.1%}",
            )
        )
    header = ("path", "steps", "warnings", "µs per call", "µs, months cached", "of 50 ms")
    print(table(header, rows))


if __name__ == "__main__":
    main()
