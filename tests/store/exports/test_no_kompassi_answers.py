"""The Kompassi answers are special-category data and left out of every export: a client
with readings (scores, comments, goals, the coach's notes) exported in every way the
store writes files holds none of them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from store.exports.audit_export import export_audit_log
from store.exports.paths_report_file import export_paths_report
from store.exports.plan_file import write_plan
from store.exports.visit_export import export_visits
from tests.conftest import World
from tests.store.paths.test_plan import plan_a_path

SECRETS = ("Velkajärjestely kesken", "Oma asunto", "Valmentajan huoli", "Uni huonoa")


def _readings_of_makinen(world: World) -> str:
    client_id = world.clients["makinen"].id
    kompassi, coach = world.store.kompassi, world.coach
    baseline = kompassi.start(coach, client_id, mode="paper", filled_on=date(2026, 3, 1))
    kompassi.answer(coach, baseline.id, "talous", score=2, comment=SECRETS[0], goal=SECRETS[1])
    kompassi.answer(coach, baseline.id, "terveys", coach_score=3, coach_comment=SECRETS[2])
    kompassi.finish(coach, baseline.id)
    follow_up = kompassi.start(coach, client_id, mode="paper", filled_on=date(2026, 9, 1))
    kompassi.answer(coach, follow_up.id, "psyykkinen", score=4, comment=SECRETS[3])
    kompassi.finish(coach, follow_up.id)
    return client_id


def _text(path: Path) -> str:
    if path.suffix == ".xlsx":
        book = load_workbook(path, read_only=True)
        return "\n".join(
            str(cell)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for cell in row
            if cell is not None
        )
    return path.read_bytes().decode("utf-8-sig")


def test_no_export_holds_a_kompassi_answer(world: World, tmp_path: Path, today: date):
    client_id = _readings_of_makinen(world)
    world.store.visits.register(world.reception, world.site.id, client_id=client_id,
                                reason_codes=["cv"])  # fmt: skip
    plan_a_path(world)
    ctx = world.store.ctx
    written: list[Path] = []
    for fmt in ("csv", "json", "xlsx"):
        result = export_visits(ctx, world.admin, today, fmt=fmt, out=tmp_path / f"visits.{fmt}",
                               identities=True, purpose="Tarkastus")  # fmt: skip
        written += [result.path, result.manifest_path]
    written.append(
        export_audit_log(ctx, world.admin, date(2026, 1, 1), today, tmp_path / "a.csv").path
    )
    written.append(write_plan(ctx, world.coach, client_id, tmp_path / "plan.html"))
    written.append(write_plan(ctx, world.coach, client_id, tmp_path / "plan.md"))
    for fmt in ("csv", "xlsx"):
        report = export_paths_report(ctx, world.admin, date(2026, 1, 1), today,
                                     tmp_path / f"paths.{fmt}")  # fmt: skip
        written.append(report.path)
    texts = {path.name: _text(path) for path in written}
    assert "Mäkinen" in texts["visits.csv"] and "Mäkinen" in texts["plan.html"]
    # The audit export says the readings were opened and written, never what they hold.
    assert "kompassi_reading" in texts["a.csv"]
    for name, text in texts.items():
        for secret in SECRETS:
            assert secret not in text, f"{secret!r} in {name}"
        assert "talous" not in text and "psyykkinen" not in text, name
