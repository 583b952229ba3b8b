"""The desk's right-hand column: the counts line over today's queue."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from store.visits.queue import DeskQueue

from ..shell.context import ContextMixin
from .queue_table import QueueTable, QueueView


class QueuePanel(ContextMixin, Vertical):
    """Draws what the screen hands to `show`; its table's `ActionRequested` and
    `TypedAhead` messages go on up to the screen."""

    def compose(self) -> ComposeResult:
        yield Static("", id="queue-counts", classes="screen-title")
        yield QueueTable(id="queue")

    def show(self, queue: DeskQueue, view: QueueView) -> None:
        """Redraw the queue and how many wait and were served today."""
        self.query_one(QueueTable).show(view)
        self.query_one("#queue-counts", Static).update(
            self.t("walkin.queue_counts", waiting=queue.waiting, done=queue.done)
        )
