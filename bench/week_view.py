"""F5's week view over 50 coaches × a year of appointments (≈ 100 000): the store's read of
one busy week (40 appointments), drawing it, and opening F5 on it in the real app.

    python bench/week_view.py [REPEATS]

Prints p50/p95 in milliseconds of: `read_week` (the store's queries for one coach's week);
the grid's drawing of the week's lines at 160×50; F5 pushed until its week is drawn into
the grid (mount, the background read on a connection of its own, the grid filled): the
figure for the issue's target of 100 ms; and F5 pushed until the app is idle again
(`pilot.pause()`: Textual's layout, footer and paint), against its frame alone pushed the
same way (header, title, footer with the same keys, no calendar: the baseline).
Figures on a loaded machine vary a lot: compare the rows of one run.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual.app import ComposeResult  # noqa: E402
from textual.screen import Screen  # noqa: E402
from textual.widgets import Footer, Input, Static  # noqa: E402

from bench.harness import percentile, table, timed  # noqa: E402
from screens.schedule.calendar_data import read_week  # noqa: E402
from screens.schedule.calendar_screen import CalendarScreen  # noqa: E402
from screens.schedule.week_grid import WeekGrid  # noqa: E402
from screens.shell.context import ScreenContextMixin  # noqa: E402
from screens.shell.header import LuotsiHeader  # noqa: E402
from store.api import Store  # noqa: E402
from store.core import auth  # noqa: E402
from store.core.clock import FixedClock, local_moment, to_iso  # noqa: E402
from store.core.db import write_transaction  # noqa: E402
from store.core.rows import insert_rows  # noqa: E402
from store.sample.accounts import add_demo_account  # noqa: E402
from tui.app import make_app  # noqa: E402

NOW = datetime(2026, 11, 28, 10, 30, tzinfo=UTC)  # Saturday 28.11.2026 12:30 in Helsinki
MONDAY = date(2026, 11, 30)
COACHES = 50
CLIENTS = 200
PER_DAY = 8  # appointments a coach has on a working day: 40 in a week
DAYS = 365


def _name(number: int) -> str:
    return "Asiakas" + "".join(chr(97 + number // 26**i % 26) for i in range(2))


def build(path: Path) -> str:
    """The database; returns the measured coach's id (the demo coach, valmentaja)."""
    # The lowest cost a stored password hash may have: logins are not what is measured.
    auth.HASH_COST = auth.ScryptCost(n=auth.MIN_N, r=8, p=1)
    store = Store.open(path, FixedClock(NOW))
    site = store.sites.create("Työpiste Keskusta", "Turku", "Varsinais-Suomen työllisyysalue")
    add_demo_account(store.ctx, "admin", "Aalto Aino", "admin", site.id)
    coach = add_demo_account(store.ctx, "valmentaja", "Virtanen Liisa", "coach", site.id)
    others = [
        add_demo_account(store.ctx, f"valmentaja{n}", f"Valmentaja {n}", "coach", site.id)
        for n in range(COACHES - 1)
    ]
    admin = store.staff.all(role="admin")[0]
    clients = [
        store.clients.create(
            admin, {"last_name": _name(n), "first_name": "Testi", "birth_date": "1.1.1980"}
        ).id  # fmt: skip
        for n in range(CLIENTS)
    ]
    columns = ("coach_id", "client_id", "kind", "channel", "starts_at", "ends_at", "status")
    kinds = ("job_search", "initial_interview", "coaching", "supplementary")
    first = MONDAY - timedelta(days=DAYS // 2)

    def rows():
        for index, coach_id in enumerate([coach.id, *(o.id for o in others)]):
            for offset in range(DAYS):
                day = first + timedelta(days=offset)
                if day.isoweekday() > 5:
                    continue
                for slot in range(PER_DAY):
                    starts = local_moment(day) + timedelta(hours=8, minutes=55 * slot)
                    yield (
                        coach_id,
                        clients[(index * 7 + slot + offset) % CLIENTS],
                        kinds[slot % len(kinds)],
                        "in_person",
                        to_iso(starts),
                        to_iso(starts + timedelta(minutes=45)),
                        "done" if day < MONDAY else "booked",
                    )

    with write_transaction(store.db):
        insert_rows(store.ctx, "appointment", columns, rows(), by=coach.id)
    count = store.db.execute("SELECT count(*) FROM appointment").fetchone()[0]
    print(f"{count} appointments, {COACHES} coaches, {CLIENTS} clients")
    store.close()
    return coach.id


class TimedCalendar(CalendarScreen):
    """F5 that notes when its week has been drawn into the grid."""

    CSS_PATH = str(
        Path(sys.modules[CalendarScreen.__module__].__file__ or "").parent / "calendar.tcss"
    )
    shown_at: float | None = None

    def _show(self, data) -> None:
        super()._show(data)
        self.shown_at = time.perf_counter()


class Frame(ScreenContextMixin, Screen[None]):
    """The baseline: F5's frame (header, title, footer with the same keys), no calendar."""

    BINDINGS = CalendarScreen.BINDINGS

    def compose(self) -> ComposeResult:
        yield LuotsiHeader(id="header")
        yield Static("…", classes="screen-title")
        yield Static("", id="grid")
        yield Footer()


async def in_app(path: Path, repeats: int) -> tuple[list[float], ...]:
    app = make_app(path, clock=FixedClock(NOW), lang="fi")
    opened: list[float] = []
    shown: list[float] = []
    baseline: list[float] = []
    drawn: list[float] = []
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.query_one("#username", Input).value = "valmentaja"
        screen.query_one("#password", Input).value = "demo"
        screen.query_one("#password", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        for run in range(repeats + 3):
            started = time.perf_counter()
            calendar = TimedCalendar(day=MONDAY)
            await app.push_screen(calendar)
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            elapsed = (time.perf_counter() - started) * 1000
            assert calendar.shown_at is not None
            shown_after = (calendar.shown_at - started) * 1000
            assert calendar.data is not None and len(calendar.data.entries) == 5 * PER_DAY
            grid = calendar.query_one(WeekGrid)
            if run == 0:
                drawn = timed(grid._week_lines, repeats, warm_up=5)
            app.pop_screen()
            await pilot.pause()
            started = time.perf_counter()
            await app.push_screen(Frame())
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            empty_elapsed = (time.perf_counter() - started) * 1000
            app.pop_screen()
            await pilot.pause()
            if run >= 3:  # the first runs import and warm up
                opened.append(elapsed)
                shown.append(shown_after)
                baseline.append(empty_elapsed)
    return shown, opened, baseline, drawn


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "week.db"
        started = time.perf_counter()
        coach_id = build(path)
        print(f"built in {time.perf_counter() - started:.1f} s")
        store = Store.open(path, FixedClock(NOW), migrate=False)
        actor = store.staff.get(coach_id)
        assert actor is not None
        reads = timed(lambda: read_week(store, actor, coach_id, MONDAY, "fi"), repeats * 5)
        store.close()
        shown, opened, baseline, drawn = asyncio.run(in_app(path, repeats))
    rows = [
        ("read_week (store)", reads),
        ("draw the week's lines (160×50)", drawn),
        ("F5 pushed → its week drawn in the grid", shown),
        ("F5 pushed → app idle again (run_test)", opened),
        ("baseline: the frame alone → idle", baseline),
    ]
    print(
        table(
            ["ms", "p50", "p95", "runs"],
            [
                (name, f"{percentile(v, 0.5):.1f}", f"{percentile(v, 0.95):.1f}", len(v))
                for name, v in rows
            ],
        )
    )
    net = [o - b for o, b in zip(opened, baseline, strict=True)]
    print(f"F5 over the baseline: p50 {percentile(net, 0.5):.1f} ms, p95 {percentile(net, 0.95):.1f} ms"
          " (target: the week drawn ≤ 100 ms)")  # fmt: skip


if __name__ == "__main__":
    main()
