"""The picture of a client's Kompassi readings, per domain: `KompassiPicture.show(view)`.

Bars for the baseline, the previous and the latest reading (or two readings chosen to
compare), each in its band's colour with its own glyph and letter, the score as a number,
the change and a sparkline of all readings; `t` shows the same facts as plain sentences.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from store.kompassi.models import KompassiView
from store.kompassi.picture import Picture, comparison_of, picture_of

from ..shell.context import ContextMixin
from .compare_dialog import CompareDialog
from .picture_render import picture_lines, text_lines

BODY = "picture-body"


class KompassiPicture(ContextMixin, VerticalScroll):
    """Draws `view`'s finished readings; `left_id`/`right_id` compare two chosen readings
    (default: the baseline, the previous and the latest). Focusable: its keys work while
    it has focus, and it scrolls when the text does not fit."""

    DEFAULT_CSS = """
    KompassiPicture {
        height: 1fr;
        scrollbar-size-vertical: 1;
    }
    KompassiPicture > #picture-body {
        width: 1fr;
        height: auto;
    }
    KompassiPicture > #picture-body.-bars {
        text-wrap: nowrap;
        text-overflow: clip;
    }
    KompassiPicture:focus {
        background: $boost;
    }
    """

    BINDINGS = [
        Binding("v", "compare", "Compare", id="picture.compare"),
        Binding("t", "toggle_text", "As text", id="picture.text"),
        Binding("escape", "default", "Baseline–latest", id="picture.default"),
    ]

    text_only: reactive[bool] = reactive(False, init=False)
    """The facts as sentences instead of bars (`t`); a parent may set it too."""

    class Compared(Message):
        """The user chose two readings to compare (or, with None, went back to the
        default picture); the picture already shows it."""

        def __init__(self, left_id: str | None, right_id: str | None) -> None:
            super().__init__()
            self.left_id = left_id
            self.right_id = right_id

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.view: KompassiView | None = None
        self.picture: Picture | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id=BODY, classes="-bars")

    def show(
        self, view: KompassiView, left_id: str | None = None, right_id: str | None = None
    ) -> None:
        """Draw `view`; with both ids, those two readings side by side (right − left)."""
        self.view = view
        if left_id is not None and right_id is not None:
            self.picture = comparison_of(view, left_id, right_id)
        else:
            self.picture = picture_of(view)
        self._draw()
        self.refresh_bindings()

    def text_lines(self) -> list[str]:
        """What the picture shows, as one plain sentence per domain."""
        if self.picture is None:
            return []
        return text_lines(self.picture, self.ctx.lang)

    def on_mount(self) -> None:
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        if not self.is_mounted or self.picture is None:
            return
        bodies = self.query(f"#{BODY}")
        if not bodies:
            return
        body = bodies.first(Static)
        lang = self.ctx.lang
        if self.text_only:
            body.update(Content("\n".join(self.text_lines())))
        else:
            width = max(self.scrollable_content_region.width, 20)
            body.update(Content("\n").join(picture_lines(self.picture, width, lang)))
        body.set_class(not self.text_only, "-bars")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "default":  # Esc is the screen's "back" unless a comparison is shown
            return self.picture is not None and self.picture.compared
        if action == "compare":
            return self.view is not None and len(self.view.readings) > 1
        return True

    def watch_text_only(self) -> None:
        self._draw()

    def action_toggle_text(self) -> None:
        self.text_only = not self.text_only

    def action_default(self) -> None:
        if self.view is not None:
            self.show(self.view)
            self.post_message(self.Compared(None, None))

    def action_compare(self) -> None:
        view = self.view
        if view is None:
            return

        def chosen(pair: tuple[str, str] | None) -> None:
            if pair is not None and self.view is view:
                self.show(view, *pair)
                self.post_message(self.Compared(*pair))

        self.app.push_screen(CompareDialog(view), chosen)
