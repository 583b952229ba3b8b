"""Issue 15's bar: a simulated week of an office and five offline laptops, and the time to
pack and to apply a coach's week of ~2 000 changed rows.

    python bench/sync_week.py                      # the week (plain files), ~1 min
    python bench/sync_week.py --encrypted          # ... every database encrypted
    python bench/sync_week.py --rows 2000          # pack and apply a heavy week, ~2 min
    python bench/sync_week.py --rows 2000 --encrypted

The week prints the edits made, what merged by itself, the conflicts, what was lost (must
be 0, each lost edit printed with why), whether every laptop matches the office for its
scope after its last check-out, and whether applying every bundle again changed anything.
Timings are printed, never asserted (tests/store/sync/test_week.py asserts the rest).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.sync_sim import WeekConfig, WeekResult, run_week  # noqa: E402
from bench.sync_sim_heavy import HeavyResult, heavy_week  # noqa: E402
from store.core import keyring  # noqa: E402


def print_week(result: WeekResult, seconds: float) -> None:
    print(f"the week: {seconds:.1f} s")
    refused = ", ".join(f"{why} {n}" for why, n in sorted(result.refused.items()))
    print(f"  edits made (fields written) {result.edits:>7}  in {result.edit_calls} edits")
    sides = ", ".join(f"{side} {n}" for side, n in sorted(result.edits_by_side.items()))
    print(f"    by side: {sides}")
    print(f"  refused by the store        {sum(result.refused.values()):>7}  ({refused or 'none'})")
    print(f"  bundles checked in          {result.bundles:>7}  ({result.skipped_checkins} check-ins"
          f" missed, {result.not_refreshed} refreshed check-outs not taken)")  # fmt: skip
    print(f"  rows applied                {result.rows_applied:>7}")
    print(f"  merged automatically        {result.merged:>7}  fields")
    kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(result.conflict_kinds.items()))
    print(f"  conflicts                   {result.conflicts:>7}  ({kinds or 'none'})")
    print(f"    found again by a later bundle, not recorded twice: {result.known_again}")
    how = ", ".join(f"{kind} {n}" for kind, n in sorted(result.resolutions.items()))
    print(f"  resolved by the rule        {sum(result.resolutions.values()):>7}  ({how or 'none'})")
    print(f"  lost                        {len(result.lost):>7}  (must be 0)")
    for lost in result.lost[:40]:
        edit = lost.edit
        print(f"    {edit.side} {edit.kind} {edit.table}.{edit.column} {edit.row_id[:8]}"
              f" = {edit.value!r}: {lost.why}")  # fmt: skip
    print(f"  rows breaking the rules     {len(result.broken):>7}  (must be 0)")
    for what in result.broken[:20]:
        print(f"    {what}")
    matching = 5 - len(result.mismatched)
    print(f"  laptops matching the office {matching:>7}  of 5")
    for name, tables in result.mismatched.items():
        print(f"    {name}: {', '.join(tables)}")
    print(
        f"  bundles applied again       {result.reapplied:>7}  changed: {len(result.reapply_changed)}"
    )
    for what in result.reapply_changed:
        print(f"    {what}")


def print_heavy(result: HeavyResult) -> None:
    print(f"a coach's heavy week: {result.changed_rows} changed rows on the laptop"
          f" ({result.clients} clients of the caseload), {result.bundle_bytes / 1e6:.2f} MB bundle")  # fmt: skip
    print(f"  pack          {result.pack_s:6.2f} s   (target <= 2 s)")
    print(f"  apply_bundle  {result.apply_s:6.2f} s   (target <= 2 s)")
    print(f"  dry run       {result.dry_run_s:6.2f} s")
    print(f"  changes in the bundle {result.packed_changes}, rows applied {result.rows_applied},"
          f" conflicts {result.conflicts}")  # fmt: skip


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--clients", type=int, default=300)
    parser.add_argument("--edits", type=int, default=25, help="random edits per side per day")
    parser.add_argument("--overlaps", type=int, default=6, help="deliberate overlaps per day")
    parser.add_argument("--rows", type=int, default=0, help="the heavy run: changed rows")
    parser.add_argument("--encrypted", action="store_true")
    args = parser.parse_args(argv)
    keyring.encrypt_new_databases(args.encrypted)
    print(f"{'encrypted' if args.encrypted else 'plain'} files, seed {args.seed}")
    with tempfile.TemporaryDirectory(prefix="sync_week.") as tmp:
        if args.rows:
            print_heavy(heavy_week(Path(tmp), rows=args.rows, seed=args.seed))
            return
        config = WeekConfig(
            seed=args.seed, clients=args.clients, edits=args.edits, overlaps=args.overlaps
        )
        started = time.perf_counter()
        result = run_week(config, Path(tmp))
        print_week(result, time.perf_counter() - started)
        if result.lost or result.mismatched or result.reapply_changed:
            raise SystemExit(1)  # the bar is not met


if __name__ == "__main__":
    main()
