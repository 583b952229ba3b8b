"""Command palette verbs, each with the key that does the same."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import ModuleType
from typing import TYPE_CHECKING, Protocol, cast

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider

from screens.shell.faults import reporting_store_faults
from store.core.auth import allowed
from store.core.i18n import LANGUAGES

from .work_screens import built

if TYPE_CHECKING:
    from screens.sync.laptop_mode import LaptopMode
    from store.core.models import Session


class PaletteHost(Protocol):
    """What the palette asks of the app."""

    session: Session | None
    laptop: LaptopMode | None
    lang: str

    def t(self, key: str, **params: object) -> str: ...
    def action_open_work_screen(self, screen_id: str) -> None: ...
    def action_pack_changes(self) -> None: ...
    def set_language(self, lang: str) -> None: ...
    def action_find_client(self) -> None: ...
    def action_new_client(self) -> None: ...
    def action_day_report(self) -> None: ...
    def action_toggle_blank(self) -> None: ...
    def action_logout(self) -> None: ...
    def action_help(self) -> None: ...
    async def action_quit(self) -> None: ...


class LuotsiCommands(Provider):
    def _verbs(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        app = cast(PaletteHost, self.app)
        t = app.t
        if app.session is not None:
            yield (
                t("cmd.find_client") + "  (Ctrl+F)",
                t("cmd.find_client.help"),
                app.action_find_client,
            )
            yield (
                t("cmd.new_client") + "  (Ctrl+N)",
                t("cmd.new_client.help"),
                app.action_new_client,
            )
            for work in built():
                if work.command is not None:
                    yield (
                        t(work.command) + f"  ({work.key_display})",
                        t(f"{work.command}.help"),
                        lambda screen_id=work.id: app.action_open_work_screen(screen_id),
                    )
            if app.laptop is not None and allowed(app.session.staff, "sync.pack"):
                yield (
                    t("cmd.sync_pack") + "  (F7, K)",
                    t("cmd.sync_pack.help"),
                    app.action_pack_changes,
                )
            yield (
                t("cmd.day_report") + "  (Ctrl+R)",
                t("cmd.day_report.help"),
                app.action_day_report,
            )
            if allowed(app.session.staff, "path.report"):
                yield (
                    t("cmd.paths_report") + "  (Ctrl+R, P)",
                    t("cmd.paths_report.help"),
                    lambda: _open_paths_report(self.app),
                )
            if allowed(app.session.staff, "kompassi.report"):
                yield (
                    t("cmd.kompassi_report") + "  (Ctrl+R, K)",
                    t("cmd.kompassi_report.help"),
                    lambda: _open_kompassi_report(self.app),
                )
            yield t("cmd.blank") + "  (F12)", t("cmd.blank.help"), app.action_toggle_blank
            for lang in LANGUAGES:
                if lang != app.lang:
                    name = t(f"language.{lang}")
                    yield (
                        t("cmd.language", name=name),
                        t("cmd.language.help"),
                        lambda lang=lang: app.set_language(lang),
                    )
            yield (
                t("cmd.own_password"),
                t("cmd.own_password.help"),
                lambda: _admin_entry().change_own_password(self.app),
            )
            # Offered to everyone: someone who may not manage staff is told so plainly.
            yield (
                t("cmd.admin"),
                t("cmd.admin.help"),
                lambda: _admin_entry().open_admin_screen(self.app),
            )
            yield t("cmd.logout") + "  (Ctrl+G)", t("cmd.logout.help"), app.action_logout
        yield t("cmd.help") + "  (F1)", t("cmd.help.help"), app.action_help
        yield t("cmd.quit"), t("cmd.quit.help"), app.action_quit

    def _told_verbs(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        """The verbs, each telling of a busy, full or read-only database rather than
        stopping the app (the palette runs them from the app's own message loop)."""
        for title, help_text, callback in self._verbs():
            yield title, help_text, reporting_store_faults(self.app, callback)

    async def discover(self) -> Hits:
        for title, help_text, callback in self._told_verbs():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._told_verbs():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)


def _open_paths_report(app: App[object]) -> None:
    """The paths report, imported when first asked for rather than before the login paints."""
    from screens.reports.paths_report import PathsReportScreen

    app.push_screen(PathsReportScreen())


def _open_kompassi_report(app: App[object]) -> None:
    """The Kompassi report, imported when first asked for rather than before the login paints."""
    from screens.reports.kompassi_report import KompassiReportScreen

    app.push_screen(KompassiReportScreen())


def _admin_entry() -> ModuleType:
    """The admin room, imported when first asked for rather than before the login paints."""
    import screens.admin.entry

    return screens.admin.entry
