"""Command palette verbs, each with the key that does the same."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from store.core.i18n import LANGUAGES

if TYPE_CHECKING:
    from .app import LuotsiApp


class LuotsiCommands(Provider):
    def _verbs(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        app = cast("LuotsiApp", self.app)
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
            yield t("cmd.walk_in") + "  (F2)", t("cmd.walk_in.help"), app.action_walk_in
            yield (
                t("cmd.day_report") + "  (Ctrl+R)",
                t("cmd.day_report.help"),
                app.action_day_report,
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
            yield t("cmd.logout"), t("cmd.logout.help"), app.action_logout
        yield t("cmd.help") + "  (F1)", t("cmd.help.help"), app.action_help
        yield t("cmd.quit"), t("cmd.quit.help"), app.action_quit

    async def discover(self) -> Hits:
        for title, help_text, callback in self._verbs():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._verbs():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
