"""The Luotsi app shell: screens, global keys, the command palette and the session."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.command import CommandPalette
from textual.reactive import reactive

from screens.client_card import ClientCardScreen
from screens.context import translate_bindings
from screens.dialogs import HelpScreen
from screens.home import HomeScreen
from screens.login import LoginScreen
from store.api import Store
from store.clock import Clock
from store.i18n import normalise_language, tr
from store.models import Session, Staff

from .commands import LuotsiCommands


class LuotsiApp(App[None]):
    CSS_PATH = Path(__file__).resolve().parent.parent / "screens" / "luotsi.tcss"
    TITLE = "Luotsi"
    COMMANDS = {LuotsiCommands}
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("f1", "help", "Ohje", id="app.help"),
        Binding("f12", "toggle_blank", "Piilota", id="app.blank", priority=True),
        Binding("ctrl+q", "quit", "Lopeta", id="app.quit", priority=True),
        Binding(
            "ctrl+p", "command_palette", "Komennot", show=False, id="app.palette", priority=True
        ),
    ]

    blanked: reactive[bool] = reactive(False)

    def __init__(self, store: Store, lang: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.session: Session | None = None
        self.lang_override = lang
        self.lang = normalise_language(lang)

    def t(self, key: str, **params: object) -> str:
        return tr(key, self.lang, **params)

    def on_mount(self) -> None:
        self.theme = "textual-dark"
        self._use_language(self.lang)
        self.show_login()

    def _use_language(self, lang: str) -> None:
        self.lang = normalise_language(lang)
        translate_bindings(self, self.lang)

    def show_login(self) -> None:
        self.push_screen(LoginScreen(), self._logged_in)

    def _logged_in(self, staff: Staff | None) -> None:
        if staff is None:
            return
        site = self.store.get_site(staff.site_id) if staff.site_id else None
        self.session = Session(staff, site)
        self._use_language(self.lang_override or staff.language)
        self.push_screen(HomeScreen())

    def set_language(self, lang: str) -> None:
        """Change the UI language and remember it for this user."""
        assert self.session is not None
        staff = self.store.set_language(self.session.staff, lang)
        self.session = Session(staff, self.session.site)
        self.lang_override = None
        self._use_language(lang)
        if self._leave_to_base():
            self.push_screen(HomeScreen())

    # Actions bound to keys and palette verbs --------------------------------------

    def action_command_palette(self) -> None:
        if not CommandPalette.is_open(self):
            self.push_screen(
                CommandPalette(placeholder=self.t("palette.placeholder"), id="--command-palette")
            )

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_blank(self) -> None:
        self.blanked = not self.blanked

    def action_find_client(self) -> None:
        home = self._go_home()
        if home is not None:
            home.action_find_client()

    def action_new_client(self) -> None:
        if self._go_home() is not None:
            self.push_screen(ClientCardScreen(None))

    def action_logout(self) -> None:
        if self._leave_to_base():
            self.session = None
            self.blanked = False
            self.show_login()

    def _unsaved_screen(self) -> ClientCardScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, ClientCardScreen) and screen.has_unsaved_changes:
                return screen
        return None

    def _leave_to_base(self) -> bool:
        """Close every work screen, unless one holds unsaved input: then ask about it first."""
        unsaved = self._unsaved_screen()
        if unsaved is not None:
            if self.screen is unsaved:
                unsaved.action_back()
            return False
        while len(self.screen_stack) > 1:
            self.pop_screen()
        return True

    def _go_home(self) -> HomeScreen | None:
        if self.session is None or self._unsaved_screen() is not None:
            if self.screen is self._unsaved_screen():
                self.screen.action_back()  # type: ignore[union-attr]
            return None
        while len(self.screen_stack) > 2 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()
        return self.screen if isinstance(self.screen, HomeScreen) else None


def make_app(db_path: str | Path, lang: str | None = None, clock: Clock | None = None) -> LuotsiApp:
    """Build the app over the database at `db_path` (used by the CLI and the tests)."""
    return LuotsiApp(Store.open(db_path, clock), lang=lang)
