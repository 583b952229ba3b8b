"""F3 through the real app: a coach types a reading by keys (a 10, a skip, the coach's own
view), finishes it, comes back to a draft; others are refused; old drafts are listed."""

from __future__ import annotations

from tui.app import make_app

from ..helpers import messages, screen_text, settled
from .helpers import grid_rows, open_kompassi, start_reading

DOMAINS = ("talous", "osallisuus", "osaaminen", "psyykkinen", "arki", "tyollisyys", "terveys",
           "tyokyky")  # fmt: skip


async def test_a_baseline_typed_by_digits_with_a_ten_and_a_skip_is_stored(world, clock):
    makinen = world.clients["makinen"].id
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_kompassi(pilot, makinen)
        assert "Ei vielä mittauksia" in screen_text(pilot)
        grid = await start_reading(pilot)
        # 3, then 1 0 (ten), t (ten), s (skipped), 7, 5, 6, 4: nine keys for eight domains.
        await pilot.press("3", "1", "0", "t", "s", "7", "5", "6", "4")
        rows = grid_rows(grid)
        assert rows["talous"][1] == " 3 Vaikeaa"
        assert rows["osallisuus"][1] == "10 Hyvin" and rows["osaaminen"][1] == "10 Hyvin"
        assert rows["psyykkinen"][1] == "ohitettu"
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert "Mittaus valmis: alkumittaus 28.11.2026." in messages(app)
    view = world.store.kompassi.view(world.coach, makinen)
    [baseline] = view.readings
    assert baseline.kind == "baseline" and view.draft is None
    scores = {a.domain_code: (a.score, a.skipped) for a in baseline.answers}
    assert scores == {
        "talous": (3, False), "osallisuus": (10, False), "osaaminen": (10, False),
        "psyykkinen": (None, True), "arki": (7, False), "tyollisyys": (5, False),
        "terveys": (6, False), "tyokyky": (4, False),
    }  # fmt: skip
