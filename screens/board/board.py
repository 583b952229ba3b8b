"""The waiting-room board: which ticket is called to which desk, and nothing about anyone."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Digits, Static

from store.core.clock import Clock
from store.core.i18n import tr
from store.core.models import Site
from store.core.text import visible
from store.visits.board_feed import BoardFeed
from store.visits.models import NowServing

from ..shell.formatting import format_day_header, format_time

# Five rows of three-line digits fit an 80×24 terminal under the headings.
ROWS = 5
REFRESH_SECONDS = 2.0


class ServingRow(Horizontal):
    """One called ticket and its desk in big digits; the newest call is marked with ▶."""

    def compose(self) -> ComposeResult:
        yield Static("", classes="marker")
        yield Digits("", classes="ticket")
        yield Static("→", classes="arrow")
        yield Digits("", classes="desk")

    def show(self, serving: NowServing | None, newest: bool = False) -> None:
        self.display = serving is not None
        if serving is None:
            return
        # A symbol as well as a colour, so the newest call stands out to everyone.
        self.query_one(".marker", Static).update("▶" if newest else "")
        self.query_one(".ticket", Digits).update(serving.ticket)
        self.query_one(".desk", Digits).update(serving.desk or "-")
        self.set_class(newest, "-newest")


class BoardScreen(Screen[None]):
    """Refreshes itself every `refresh_seconds`; shows tickets and desks, never names.

    It reads only the board's side file (`feed`), which the desks write: never the
    register, so it needs no login and no key."""

    def __init__(
        self,
        feed: BoardFeed,
        clock: Clock,
        site: Site,
        lang: str,
        refresh_seconds: float = REFRESH_SECONDS,
    ) -> None:
        super().__init__()
        self.feed = feed
        self.clock = clock
        self.site = site
        self.lang = lang
        self.refresh_seconds = refresh_seconds
        self.shown: list[NowServing] = []

    def t(self, key: str) -> str:
        return tr(key, self.lang)

    def compose(self) -> ComposeResult:
        with Horizontal(id="board-header"):
            yield Static(Content(visible(self.site.name)), id="board-site")
            yield Static("", id="board-clock")
        yield Static(self.t("board.title"), id="board-title")
        with Horizontal(id="board-headings"):
            yield Static(self.t("board.ticket"), id="board-ticket-heading")
            yield Static(self.t("board.desk"), id="board-desk-heading")
        with Vertical(id="board-rows"):
            for _ in range(ROWS):
                yield ServingRow(classes="serving")
        yield Static(self.t("board.empty"), id="board-empty")
        yield Static("", id="board-stale")

    def on_mount(self) -> None:
        self.refresh_board()
        self.set_interval(self.refresh_seconds, self.refresh_board)

    def refresh_board(self) -> None:
        clock = self.clock
        self.query_one("#board-clock", Static).update(
            f"{format_day_header(clock.today(), self.lang)}  {format_time(clock.now())}"
        )
        stale = self.query_one("#board-stale", Static)
        try:
            serving = self.feed.now_serving(self.site.id, clock.today(), limit=ROWS)
        except Exception:  # noqa: BLE001 — a kiosk keeps showing what it last knew, and says so
            stale.update(self.t("board.stale"))
            stale.display = True
            return
        stale.display = False
        self.shown = serving
        for index, row in enumerate(self.query(ServingRow)):
            row.show(serving[index] if index < len(serving) else None, newest=index == 0)
        self.query_one("#board-headings").display = bool(serving)
        self.query_one("#board-empty").display = not serving
