"""The simulated week (issue 15's bar), small: an office and five laptops checked out from
it, five days of random edits through the store's repositories with deliberate overlaps,
check-ins in random order with some laptops missing a day, refreshed check-outs received,
the inbox resolved by a rule. Nothing is lost, every laptop matches the office for its
scope, and applying any bundle again changes nothing. Timings are bench/sync_week.py's."""

from __future__ import annotations

from pathlib import Path

from bench.sync_sim import Week, WeekConfig
from bench.sync_sim_checks import lost_edits

SMALL = WeekConfig(seed=7, clients=40, edits=5, overlaps=4)


def test_a_week_of_five_laptops_loses_no_edit_and_ends_in_step(tmp_path: Path) -> None:
    week = Week(SMALL, tmp_path)
    try:
        result = week.run()

        lost = [f"{x.edit.side} {x.edit.table}.{x.edit.column}: {x.why}" for x in result.lost]
        assert lost == []
        assert result.mismatched == {}
        assert result.broken == []
        assert result.reapplied == result.bundles
        assert result.reapply_changed == []
        assert result.open_conflicts == 0
        # The week did what it is for: laptops' edits merged by themselves, and the
        # deliberate overlaps came back as conflicts a person resolved, never silently.
        assert result.merged > 0
        assert result.skipped_checkins > 0
        assert {"field", "same_hetu"} <= result.conflict_kinds.keys()
        assert result.resolutions.get("laptop", 0) > 0
        assert result.resolutions.get("office", 0) > 0

        # The check itself sees a silent overwrite: a laptop's edit the office no longer
        # holds, with no conflict holding it, counts as lost.
        conn = week.office.store.db.conn
        in_conflict = {row[0] for row in conn.execute("SELECT row_id FROM sync_conflict")}
        last = {(e.table, e.row_id, e.column): e for e in week.log.edits}
        edit = next(
            e
            for e in last.values()
            if e.side != "office"
            and e.column == "phone"
            and e.kind == "edit_client"
            and e.row_id not in in_conflict
        )
        with conn:
            conn.execute("UPDATE client SET phone = '+358400000000' WHERE id = ?", [edit.row_id])
        assert edit in [x.edit for x in lost_edits(conn, week.log.edits, week.knowledge)]
    finally:
        week.close()
