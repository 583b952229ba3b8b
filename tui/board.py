"""`luotsi board`: the waiting-room display, a small read-only app of its own."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from screens.board.board import REFRESH_SECONDS, BoardScreen
from screens.strings import load_screen_strings
from store.core.clock import Clock, use_zone
from store.core.i18n import normalise_language
from store.core.sites import choose_site
from store.visits.board_feed import open_board_feed


class BoardApp(App[None]):
    CSS_PATH = Path(__file__).resolve().parent.parent / "screens" / "board" / "board.tcss"
    TITLE = "Luotsi"
    ENABLE_COMMAND_PALETTE = False  # a display on a wall: nothing to command
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", id="board.quit", priority=True)]

    def __init__(self, board: BoardScreen) -> None:
        load_screen_strings()
        super().__init__()
        self.board = board

    def on_mount(self) -> None:
        self.theme = "textual-dark"
        self.push_screen(self.board)

    def on_unmount(self) -> None:
        self.board.feed.close()


def make_board(
    db_path: str | Path,
    site_name: str | None = None,
    clock: Clock | None = None,
    *,
    lang: str | None = None,
    refresh_seconds: float = REFRESH_SECONDS,
) -> BoardApp:
    """Build the board for one site (used by the CLI and the tests).

    The board reads only the side file the desks publish beside the database (see
    `store.visits.board_feed`), never the database itself: it needs no login and no key,
    whether the database is encrypted or not. Raises `SiteNotChosen` when the site is not
    clear (with one site, none need be named), `BoardFeedMissing` when no desk has opened
    the database since it was made (or updated to a Luotsi with this board), and
    `BoardFeedDamaged` for a side file that is not the board's.
    """
    feed = open_board_feed(db_path)
    try:
        zone = feed.zone()
        if zone is not None:
            use_zone(zone)  # the installation's day and clock, as the desks keep them
        site = choose_site(feed.sites(), site_name)
    except BaseException:
        feed.close()
        raise
    return BoardApp(
        BoardScreen(feed, clock or Clock(), site, normalise_language(lang), refresh_seconds)
    )
