"""The desk after the visitor's feedback: names hidden (as with F12) until a key is pressed."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

from ..shell.context import ScreenContextMixin


class PrivacyCurtain(ScreenContextMixin, ModalScreen[None]):
    """Hides the names on the screen beneath while it is up; any key takes it away.

    The screen was just turned to the visitor, who must not see other clients' names
    when it comes back. The key that lifts it does nothing else; F12 lifts it too.
    """

    DEFAULT_CSS = """
    PrivacyCurtain { align: center bottom; background: $background 20%; }
    PrivacyCurtain #curtain-hint {
        width: auto; padding: 0 2; margin-bottom: 2;
        background: $surface; border: round $primary;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(self.t("curtain.hint"), id="curtain-hint")

    def on_mount(self) -> None:
        self.was_blanked = self.ctx.blanked  # hidden before the question: stays hidden
        self.ctx.blanked = True
        self.watch(self.app, "blanked", self._blank_changed, init=False)

    def _blank_changed(self, blanked: bool) -> None:
        if not blanked:  # F12 (a priority key) showed the names again
            self.dismiss(None)

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        if self.was_blanked:
            self.dismiss(None)
        else:
            self.ctx.blanked = False  # and so the curtain goes
