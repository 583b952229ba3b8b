"""The Luotsi app shell: screens, global keys, the command palette and the session."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive
from textual.worker import Worker, WorkerState

from screens.shell.background import describe_error
from screens.shell.dialogs import HelpScreen, ask_before_discarding
from screens.shell.faults import reporting_store_faults
from screens.shell.login import LoginScreen
from screens.strings import load_screen_strings
from store.core.i18n import normalise_language, tr

from . import work_screens

# Only the login form is needed for the first paint: the Today screen, the client card and
# the store (sqlite_utils and every repository) are imported where they are first used.
if TYPE_CHECKING:
    from screens.security.autolock import AutoLock
    from screens.shell.today import TodayScreen
    from screens.sync.laptop_mode import LaptopMode
    from store.api import Store
    from store.core.clock import Clock
    from store.core.models import Session, Staff
    from store.core.unlock_log import RefusedLogins

SCREENS_DIR = Path(__file__).resolve().parent.parent / "screens"
STORE_AFTER_PAINT_S = 0.1
# How long the demo's notice (its database and board command) stays over the login form.
NOTICE_SECONDS = 60


def _luotsi_commands() -> type:
    # Loaded on first use, as Textual loads its own system commands: the palette's
    # module is not needed to paint the first screen.
    from .commands import LuotsiCommands

    return LuotsiCommands


class LuotsiApp(App[None]):
    # The shell's styles first: each area's own come after and may refine them.
    CSS_PATH = [
        SCREENS_DIR / area / f"{area}.tcss" for area in ("shell", "clients", "desk", "reports")
    ]
    TITLE = "Luotsi"
    COMMANDS = {_luotsi_commands}
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("f1", "help", "Ohje", id="app.help"),
        *work_screens.bindings(),
        Binding("f12", "toggle_blank", "Piilota", id="app.blank", priority=True),
        Binding("ctrl+q", "quit", "Lopeta", id="app.quit", priority=True),
        # Off the footer, which at 80 columns has no room left; the help and palette say it.
        Binding("ctrl+g", "logout", "Kirjaudu ulos", id="app.logout", show=False),
        Binding(
            "ctrl+p", "command_palette", "Komennot", show=False, id="app.palette", priority=True
        ),
        Binding("ctrl+b", "lock", "Lukitse", id="app.lock", show=False, priority=True),
    ]

    blanked: reactive[bool] = reactive(False)

    def __init__(
        self,
        db_path: Path,
        clock: Clock | None = None,
        lang: str | None = None,
        desk: str = "1",
        notice: str | None = None,
    ) -> None:
        load_screen_strings()
        super().__init__()
        self.db_path = db_path
        self._clock = clock  # the machine's, made when first asked for (see `clock`)
        self._notice = notice
        # Opened once the first screen is on the terminal; an encrypted database once a
        # login has unlocked it.
        self.store: Store | None = None
        self._refused_logins: RefusedLogins | None = None
        self.desk = desk
        self.session: Session | None = None
        self.laptop: LaptopMode | None = None  # read at each login
        self.lang_override = lang
        self.lang = normalise_language(lang)

    def t(self, key: str, **params: object) -> str:
        return tr(key, self.lang, **params)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A screen turned to the visitor (the feedback question) answers only its own
        # keys: no palette into the register, no blanking, no quitting from there.
        if getattr(self.screen, "VISITOR_FACING", False):
            return False
        return super().check_action(action, parameters)

    def on_mount(self) -> None:
        self.theme = "textual-dark"
        self.show_login()
        if self._notice:
            self.notify(self._notice, timeout=NOTICE_SECONDS)
        # Opening (and perhaps migrating) the database waits until the login form is on
        # the terminal: importing sqlite_utils and the store holds the interpreter ~100 ms,
        # and right after the refresh it would keep Textual's writer thread from sending
        # the frame. Whoever needs the store sooner opens it then (`ContextMixin.store`).
        # An encrypted database waits for the login, which unlocks it with a key slot.
        self.set_timer(STORE_AFTER_PAINT_S, self.open_store)

    def open_store(self) -> None:
        if self.store is not None:
            return
        from store.api import Store
        from store.core.db import store_fault
        from store.core.keys import DatabaseLocked, KeyFileError

        try:
            self.store = Store.open(self.db_path, self.clock)
        except DatabaseLocked:
            return  # encrypted, and nobody has logged in yet: the login opens it
        except KeyFileError as exc:
            # Its key file is missing, damaged or another database's: nobody could log in.
            self.exit(return_code=2, message=exc.message(self.lang))
        except Exception as exc:
            # Not a Luotsi database, or one that cannot be opened for writing (read-only,
            # locked while being migrated): said in the user's language, never a traceback.
            fault = store_fault(exc)
            if fault is None:
                raise
            self.exit(return_code=2, message=describe_error(fault, self.lang))

    @property
    def clock(self) -> Clock:
        if self._clock is None:
            # Imported here, not before the first paint (zoneinfo and the store's package).
            from store.core.clock import Clock

            self._clock = Clock()
        return self._clock

    @property
    def refused_logins(self) -> RefusedLogins:
        """Logins refused at an encrypted database's key slot before anyone had unlocked it,
        kept for the access log of the next login that gets in (see store/core/unlock_log)."""
        if self._refused_logins is None:
            from store.core.unlock_log import RefusedLogins

            self._refused_logins = RefusedLogins()
        return self._refused_logins

    def show_login(self) -> None:
        self.push_screen(LoginScreen(), self._logged_in)

    def _logged_in(self, staff: Staff | None) -> None:
        if staff is None:
            return
        self.open_store()  # an encrypted database: the login has just unlocked it
        if self.store is None:
            return  # it could not be opened after all, and the app is ending with why
        from screens.shell.today import TodayScreen
        from screens.sync.laptop_mode import laptop_mode
        from store.core.models import Session

        self.laptop = laptop_mode(self.store)
        site = self.store.sites.get(staff.site_id) if staff.site_id else None
        self.session = Session(staff, site)
        self.lang = normalise_language(self.lang_override or staff.language)
        if self._notice:  # the demo's lines were for the login form, not over the work
            self.clear_notifications()
            self._notice = None
        self.push_screen(TodayScreen())
        self.autolock.start()

    def set_language(self, lang: str) -> None:
        """Change the UI language, remember it for this user, and redraw the screens."""
        assert self.session is not None

        # A work screen is redrawn in the new language rather than left for the Today screen.
        work = work_screens.showing(self.screen)
        client_id = getattr(self.screen, "client_id", None) if work and work.takes_client else None

        def switch() -> None:
            from screens.shell.today import TodayScreen

            assert self.session is not None and self.store is not None
            staff = self.store.staff.set_language(self.session.staff, lang)
            self.session = replace(self.session, staff=staff)
            self.lang_override = None
            self.lang = normalise_language(lang)
            self._close_screens()
            self.push_screen(TodayScreen())
            if work is not None and work.screen is not None:
                self.push_screen(work.screen(client_id) if client_id else work.screen())  # type: ignore[call-arg]

        self._confirm_leaving(switch)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one handler of a failed worker: the user is told, nothing typed is lost."""
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.notify(describe_error(event.worker.error, self.lang), severity="error")

    def on_unmount(self) -> None:
        if self.store is not None:
            self.store.close()

    # Actions bound to keys and palette verbs --------------------------------------

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        # Textual types `app` as App[object], which an App[None] never matches (invariance).
        if not CommandPalette.is_open(self):  # pyright: ignore[reportArgumentType]
            self.push_screen(
                CommandPalette(placeholder=self.t("palette.placeholder"), id="--command-palette")
            )

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            from store.core.auth import allowed

            session, on_laptop = self.session, self.laptop is not None

            def may_open(work: work_screens.WorkScreen) -> bool:
                if session is None or (work.needs_site and session.site is None):
                    return False
                if work.office_only and on_laptop:
                    return False
                return not work.permission or allowed(session.staff, work.permission)

            showing = work_screens.showing(self.screen)
            self.push_screen(HelpScreen(work_screens.help_lines(self.t, may_open, showing)))

    def action_toggle_blank(self) -> None:
        self.blanked = not self.blanked

    async def action_quit(self) -> None:
        self._confirm_leaving(lambda: self._ask_about_visits("quit", self.exit))

    def action_open_work_screen(self, screen_id: str) -> None:
        """Open a work screen over the Today screen, if the user may use it."""
        work = work_screens.find(screen_id)
        if self.session is None:
            return
        if work.screen is None:
            self.notify(work_screens.not_yet(work, self.t))
            return
        if work.office_only and self.laptop is not None:
            self.notify(self.t("laptop.office_only", name=self.t(work.help_label)))
            return
        from store.core.auth import allowed

        staff, site = self.session.staff, self.session.site
        if (work.permission and not allowed(staff, work.permission)) or (
            work.needs_site and site is None
        ):
            self.notify(self.t(work.refused), severity="warning")
            return
        screen = work.screen
        if not isinstance(self.screen, screen):
            # A screen that starts from a client opens on the one whose card is open.
            client_id = self._client_in_view() if work.takes_client else None
            opened = screen(client_id) if client_id else screen()  # type: ignore[call-arg]
            self._confirm_leaving(lambda: (self._today(), self.push_screen(opened)))

    def action_pack_changes(self) -> None:
        """On a laptop: the laptops screen, with its pack dialog open."""
        from screens.sync.sync_screen import SyncScreen

        if isinstance(self.screen, SyncScreen):
            self.screen.action_pack()
        else:
            self._confirm_leaving(lambda: (self._today(), self.push_screen(SyncScreen(True))))

    def _client_in_view(self) -> str | None:
        """The client whose card is the screen on top, if it is one of a stored client."""
        from screens.clients.client_card import ClientCardScreen

        screen = self.screen
        return screen.client_id if isinstance(screen, ClientCardScreen) else None

    def action_day_report(self) -> None:
        self._confirm_leaving(lambda: self._today().action_day_report())

    def action_find_client(self) -> None:
        self._confirm_leaving(lambda: self._today().action_find_client())

    def action_new_client(self) -> None:
        self._confirm_leaving(lambda: self._today().action_new_client())

    def action_logout(self) -> None:
        if self.session is None:
            return

        def log_out() -> None:
            self._close_screens()
            self.session = None
            self.blanked = False
            self.show_login()

        self._confirm_leaving(lambda: self._ask_about_visits("logout", log_out))

    # Navigation ----------------------------------------------------------------------

    def _confirm_leaving(self, then: Callable[[], object]) -> None:
        """Run `then` now, or once the user agrees to drop unsaved input on a client card;
        a busy, full or read-only database stops it where it was, and is told."""
        from screens.clients.client_card import ClientCardScreen

        unsaved = any(
            isinstance(screen, ClientCardScreen) and screen.has_unsaved_changes
            for screen in self.screen_stack
        )
        ask_before_discarding(self, unsaved, reporting_store_faults(self, then))

    def _ask_about_visits(
        self, leaving: Literal["quit", "logout"], then: Callable[[], object]
    ) -> None:
        """Run `then` now, or once the user has seen the visitors still in their hands."""
        from screens.desk.in_hand_dialog import ask_about_visits_in_hand

        ask_about_visits_in_hand(self, leaving, then)

    def _close_screens(self) -> None:
        """Close every screen the app pushed, down to Textual's own first screen."""
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def _today(self) -> TodayScreen:
        """Close the screens above the Today screen and return it."""
        from screens.shell.today import TodayScreen

        while not isinstance(self.screen, TodayScreen):
            self.pop_screen()
        return self.screen

    # The auto-lock (screens/security/autolock.py) ------------------------------------

    @cached_property
    def autolock(self) -> AutoLock:
        from screens.security.autolock import AutoLock

        return AutoLock(self)

    def action_lock(self) -> None:
        self.autolock.lock("key")

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent | events.Paste):  # a key or the mouse
            self.autolock.saw_input()
        await super().on_event(event)


def make_app(
    db_path: str | Path,
    lang: str | None = None,
    clock: Clock | None = None,
    desk: str = "1",
    notice: str | None = None,
) -> LuotsiApp:
    """Build the app over the database at `db_path` (used by the CLI and the tests).

    The database is opened when the app starts (an encrypted one when a login has
    unlocked it); `desk` names this terminal's service desk, shown on the waiting-room
    board; `notice` is shown over the login form (the demo's database path and board
    command, which the full-screen app would hide).
    """
    return LuotsiApp(Path(db_path), clock, lang=lang, desk=desk, notice=notice)
