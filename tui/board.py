"""`luotsi board`: the waiting-room display, a small read-only app of its own."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from screens.board.board import REFRESH_SECONDS, BoardScreen
from screens.strings import load_screen_strings
from store.api import Store
from store.core.clock import Clock
from store.core.db import open_display
from store.core.i18n import normalise_language
from store.core.sites import SiteNotChosen, choose_site


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
        self.board.store.close()


def make_board(
    db_path: str | Path,
    site_name: str | None = None,
    clock: Clock | None = None,
    *,
    lang: str | None = None,
    refresh_seconds: float = REFRESH_SECONDS,
) -> BoardApp:
    """Build the board for one site (used by the CLI and the tests).

    Raises `SiteNotChosen` when the site is not clear (with one site, none need be named), `SchemaTooOldError` for a database
    a desk has not updated yet, and the store's errors for a file that is not Luotsi's.
    """
    db, snapshot = open_display(db_path)
    store = Store(db, clock)
    try:
        site = choose_site(store.sites.all(), site_name)
    except SiteNotChosen:
        store.close()
        raise

    def reopen() -> Store:
        """The file read again: a snapshot in a read-only folder (see `open_display`)
        shows later changes only when opened anew."""
        return Store(open_display(db_path)[0], clock)

    return BoardApp(
        BoardScreen(
            store,
            site,
            normalise_language(lang),
            refresh_seconds,
            reopen=reopen if snapshot else None,
        )
    )
