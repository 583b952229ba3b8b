"""The work screens behind the F-keys: one list drives the keys, the F1 help and the palette."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from textual.binding import Binding
from textual.screen import Screen


@dataclass(frozen=True)
class WorkScreen:
    """One work screen: its key, what it needs of the user, and how it is named."""

    key: str  # the Textual key name, e.g. "f2"
    id: str  # names the binding ("app.<id>"), the footer label ("binding.app.<id>") …
    description: str  # the binding's own description, before any translation
    help_label: str  # what the F1 help's key line calls it
    # "module:Class", imported when the screen is first opened, not before the login
    # screen paints; None: planned; its key says so, and the help names it as coming.
    screen_path: str | None = None
    command: str | None = None  # the palette verb's key; its help text is "<command>.help"
    help_section: str | None = None  # the screen's own keys, a paragraph of the help
    permission: str | None = None  # what the user must be allowed to do to open it
    needs_site: bool = False  # whether the user must belong to a site
    refused: str = ""  # what the user is told when they may not open it
    # Whether it opens on the client whose card (or path) is open: `screen(client_id)`.
    takes_client: bool = False
    # Whether it is the office's only: on a laptop's check-out its key says so instead.
    office_only: bool = False

    @property
    def screen(self) -> type[Screen[None]] | None:
        if self.screen_path is None:
            return None
        module, name = self.screen_path.split(":")
        screen: type[Screen[None]] = getattr(importlib.import_module(module), name)
        return screen

    @property
    def action(self) -> str:
        return f"open_work_screen('{self.id}')"

    @property
    def key_display(self) -> str:
        return self.key.upper()


WORK_SCREENS: tuple[WorkScreen, ...] = (
    WorkScreen(
        "f2",
        "walk_in",
        "Asiointi",
        "help.work.walk_in",
        "screens.desk.walk_in:WalkInScreen",
        command="cmd.walk_in",
        help_section="walkin.help",
        permission="visit.register",
        needs_site=True,
        refused="walkin.not_allowed",
        office_only=True,
    ),
    WorkScreen(
        "f3",
        "kompassi",
        "Kompassi",
        "help.work.kompassi",
        "screens.kompassi.kompassi_screen:KompassiScreen",
        command="cmd.kompassi",
        help_section="kompassi.help",
        permission="kompassi.view",
        refused="kompassi.not_allowed",
        takes_client=True,
    ),
    WorkScreen(
        "f4",
        "service_path",
        "Palvelupolku",
        "help.work.service_path",
        "screens.paths.path_screen:ServicePathScreen",
        command="cmd.service_path",
        help_section="path.help",
        permission="path.view",
        refused="path.not_allowed",
        takes_client=True,
    ),
    WorkScreen(
        "f5",
        "schedule",
        "Ajanvaraus",
        "help.work.schedule",
        "screens.schedule.calendar_screen:CalendarScreen",
        command="cmd.schedule",
        help_section="schedule.help",
        permission="schedule.view",
        refused="calendar.not_allowed",
    ),
    WorkScreen(
        "f6",
        "sync_inbox",
        "Ristiriidat",
        "help.work.sync_inbox",
        "screens.sync.inbox_screen:InboxScreen",
        command="cmd.sync_inbox",
        help_section="inbox.help",
        permission="sync.inbox",
        refused="inbox.not_allowed",
    ),
    WorkScreen(
        "f7",
        "sync",
        "Kannettavat",
        "help.work.sync",
        "screens.sync.sync_screen:SyncScreen",
        command="cmd.sync",
        help_section="sync.help",
        permission="sync.inbox",
        refused="sync.not_allowed",
    ),
)


def built() -> Iterator[WorkScreen]:
    """The work screens that exist (and so have a key and a palette verb)."""
    return (w for w in WORK_SCREENS if w.screen_path is not None)


def find(screen_id: str) -> WorkScreen:
    return next(w for w in WORK_SCREENS if w.id == screen_id)


def showing(screen: Screen[object]) -> WorkScreen | None:
    """The work screen `screen` is, if it is one."""
    for work in built():
        # A screen not yet imported cannot be showing.
        module = work.screen_path.split(":")[0] if work.screen_path else ""
        if module in sys.modules and work.screen is not None and isinstance(screen, work.screen):
            return work
    return None


def bindings() -> list[Binding]:
    """Every work screen's key: a planned one's only says it is not there yet, off the footer."""
    return [
        Binding(w.key, w.action, w.description, show=w.screen_path is not None, id=f"app.{w.id}")
        for w in WORK_SCREENS
    ]


def not_yet(work: WorkScreen, t: Callable[..., str]) -> str:
    """What a planned screen's key says."""
    return t("work.planned", fkey=work.key_display, name=t(work.help_label))


def help_lines(
    t: Callable[[str], str],
    may_open: Callable[[WorkScreen], bool] = lambda _: True,
    showing_now: WorkScreen | None = None,
) -> list[str]:
    """The F1 help's lines about the work screens: one line of keys, then the own keys of
    each screen the user may open, the one on screen first."""
    first, last = WORK_SCREENS[0], WORK_SCREENS[-1]
    keys = first.key_display if first is last else f"{first.key_display}–{last.key_display}"
    line = f"{keys} {', '.join(t(w.help_label) for w in WORK_SCREENS)}"
    if any(w.screen_path is None for w in WORK_SCREENS):
        line += f" {t('help.work.coming')}"
    opened = [w for w in built() if w.help_section and may_open(w)]
    opened.sort(key=lambda w: w is not showing_now)
    sections = [t(w.help_section) for w in opened if w.help_section]
    return [line, *(part for section in sections for part in ("", section))]
