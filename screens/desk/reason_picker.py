"""Choose a visit's reasons with number keys; Enter puts the visitor in the queue."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static

from store.core.text import visible
from store.visits.models import VisitReason

from ..shell.context import ContextMixin


class ReasonPicker(ContextMixin, Static, can_focus=True):
    DEFAULT_CSS = """
    ReasonPicker { height: auto; padding: 0 1; }
    ReasonPicker:focus { background: $boost; }
    """

    BINDINGS = [
        *(
            Binding(str(n), f"toggle({n})", str(n), show=False, id=f"reasons.{n}")
            for n in range(1, 10)
        ),
        Binding("enter", "confirm", "Queue", id="reasons.queue"),
        Binding("escape", "cancel", "Cancel", id="reasons.cancel"),
    ]

    class Confirmed(Message):
        def __init__(self, codes: tuple[str, ...]) -> None:
            super().__init__()
            self.codes = codes

    class Cancelled(Message):
        pass

    def __init__(self, reasons: list[VisitReason], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.reasons = reasons[:9]
        self.chosen: set[str] = set()

    def on_mount(self) -> None:
        self._draw()

    def reset(self) -> None:
        self.chosen.clear()
        self._draw()

    def _draw(self) -> None:
        lines = Text()
        for number, reason in enumerate(self.reasons, 1):
            mark = "[✔]" if reason.code in self.chosen else "[ ]"
            style = "bold" if reason.code in self.chosen else ""
            lines.append(f"{mark} {number} {visible(reason.label(self.ctx.lang))}\n", style=style)
        lines.append(self.t("walkin.reasons_hint"), style="dim")
        self.update(lines)

    def action_toggle(self, number: int) -> None:
        if number > len(self.reasons):
            return
        code = self.reasons[number - 1].code
        self.chosen ^= {code}
        self._draw()

    def action_confirm(self) -> None:
        ordered = tuple(r.code for r in self.reasons if r.code in self.chosen)
        self.post_message(self.Confirmed(ordered))

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
