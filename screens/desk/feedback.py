"""The visitor's 0–10 question, full screen in the visitor's language, one key to answer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from store.core.i18n import LANGUAGES, tr


class FeedbackScreen(ModalScreen[int | None]):
    """Dismisses with the score (0–10), or None when the visitor does not answer."""

    THANKS_SECONDS = 1.5  # how long the thank-you stays before the desk view returns
    VISITOR_FACING = True  # the app refuses its own keys while this is on screen

    BINDINGS = [
        *(
            Binding(str(n), f"answer({n})", str(n), show=False, id=f"feedback.{n}")
            for n in range(10)
        ),
        Binding("plus", "answer(10)", "10", show=False, id="feedback.10"),
        # The screen shows the letters in capitals; either case works.
        Binding("f,F", "language('fi')", "suomi", show=False, id="feedback.fi"),
        Binding("s,S", "language('sv')", "svenska", show=False, id="feedback.sv"),
        Binding("e,E", "language('en')", "English", show=False, id="feedback.en"),
        Binding("escape", "skip", "", show=False, id="feedback.skip"),
    ]
    DEFAULT_CSS = """
    FeedbackScreen { align: center middle; background: $background; }
    FeedbackScreen #feedback-box { width: 76; height: auto; padding: 1 2; }
    FeedbackScreen #feedback-question { text-style: bold; margin-bottom: 1; }
    FeedbackScreen #feedback-scale { margin-bottom: 1; }
    FeedbackScreen #feedback-keys { margin-bottom: 1; }
    FeedbackScreen .note { color: $text-muted; }
    FeedbackScreen #feedback-privacy { margin-bottom: 1; }
    """

    def __init__(self, lang: str, linked: bool = False) -> None:
        super().__init__()
        self.lang = lang if lang in LANGUAGES else "en"
        # Whether the answer is kept with the visit; the visitor reads which it is.
        self.linked = linked
        self.answered = False

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="feedback-box"):
            yield Static("", id="feedback-question")
            yield Static("", id="feedback-scale")
            yield Static("", id="feedback-keys")
            yield Static("", id="feedback-privacy", classes="note")
            yield Static("", id="feedback-languages", classes="note")

    def on_mount(self) -> None:
        self.app.clear_notifications()  # the staff's messages are not for the visitor
        self._draw()

    def _draw(self) -> None:
        for part in ("question", "scale", "keys", "languages"):
            self.query_one(f"#feedback-{part}", Static).update(tr(f"feedback.{part}", self.lang))
        privacy = "feedback.linked" if self.linked else "feedback.anonymous"
        self.query_one("#feedback-privacy", Static).update(tr(privacy, self.lang))

    def action_language(self, lang: str) -> None:
        if not self.answered:
            self.lang = lang
            self._draw()

    def action_answer(self, score: int) -> None:
        if self.answered:
            return
        self.answered = True
        self.query_one("#feedback-question", Static).update(tr("feedback.thanks", self.lang))
        for part in ("scale", "keys", "privacy", "languages"):
            self.query_one(f"#feedback-{part}", Static).update("")

        def finish() -> None:
            self.dismiss(score)  # not awaited: a timer may not wait on its own screen

        self.set_timer(self.THANKS_SECONDS, finish)

    def action_skip(self) -> None:
        if not self.answered:
            self.dismiss(None)
