"""Reviews due: the coach's clients whose initial interview, job-search discussion or
supplementary discussions are overdue or due soon; Enter opens the client, `b` books the
next free time for them.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from store.core.dates import format_date
from store.schedule.reviews import ReviewDue

from ..clients.client_card import ClientCardScreen
from ..shell.background import read_in_background
from ..shell.context import ScreenContextMixin
from ..shell.header import LuotsiHeader
from .booking_dialog import book_at_next_free

WITHIN_DAYS = 14  # how far ahead the list looks, besides everything overdue

# (column, width): fits 80 columns with the cell padding and a scroll bar; longer
# names are cut.
COLUMNS = (("state", 10), ("client", 16), ("what", 21), ("due", 10), ("booked", 10))


def review_state(review: ReviewDue, today: date) -> str:
    """The state column's key: overdue, booked too late, covered by a booking, or due."""
    if review.overdue(today):
        return "overdue"
    if review.booked is not None:
        return "booked"
    if review.booked_late is not None:
        return "late"
    return "due"


class ReviewsScreen(ScreenContextMixin, Screen[None]):
    CSS_PATH = "reviews.tcss"
    BINDINGS = [
        Binding("b", "book", "Book", id="reviews.book"),
        Binding("enter", "open_client", "Client card", id="reviews.open", show=True),
        Binding("escape", "back", "Back", id="reviews.back"),
    ]

    def __init__(self, coach_id: str) -> None:
        super().__init__()
        self.coach_id = coach_id
        self.reviews: list[ReviewDue] = []

    def compose(self) -> ComposeResult:
        yield LuotsiHeader(id="header")
        yield Static("", id="reviews-title", classes="screen-title")
        yield Static("", id="reviews-summary")
        yield DataTable(id="reviews-table", cursor_type="row", zebra_stripes=True)
        yield Static(self.t("reviews.hint"), classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key, width in COLUMNS:
            table.add_column(self.t(f"reviews.column.{key}"), width=width, key=key)
        coach = self.store.staff.get(self.coach_id)
        name = coach.display_name if coach else "?"
        self.query_one("#reviews-title", Static).update(self.t("reviews.title", coach=name))
        table.focus()

    def on_screen_resume(self) -> None:
        self.refresh_reviews()

    def refresh_reviews(self) -> None:
        if self.ctx.session is None:  # resumed on the way out after logging out
            return
        actor, coach_id = self.session.staff, self.coach_id
        read_in_background(
            self,
            lambda store: store.reviews.due(actor, coach_id, within_days=WITHIN_DAYS),
            self._show,
            group="reviews-due",
        )

    def _show(self, reviews: list[ReviewDue]) -> None:
        self.reviews = reviews
        today = self.store.today()
        table = self.query_one(DataTable)
        selected = self.selected
        table.clear()
        for review in reviews:
            table.add_row(*self._cells(review, today))
        if selected is not None:
            # The same review keeps the cursor when the list is read again.
            for row, review in enumerate(reviews):
                if (review.client_id, review.kind) == (selected.client_id, selected.kind):
                    table.move_cursor(row=row)
        states = [review_state(r, today) for r in reviews]
        summary = self.t(
            "reviews.summary",
            overdue=states.count("overdue"),
            due=len(reviews) - states.count("overdue"),
            booked=states.count("booked"),
            days=WITHIN_DAYS,
        )
        self.query_one("#reviews-summary", Static).update(
            summary if reviews else self.t("reviews.empty", days=WITHIN_DAYS)
        )

    def _cells(self, review: ReviewDue, today: date) -> list[Text]:
        state = review_state(review, today)
        what = self.t(f"schedule.kind.{review.kind}")
        if review.remaining > 1:
            what = self.t("reviews.count", count=review.remaining, what=what)
        booked = review.booked or review.booked_late
        cells = [
            Text(self.t(f"reviews.state.{state}")),
            Text(review.client_name, overflow="ellipsis", no_wrap=True),
            Text(what, overflow="ellipsis", no_wrap=True),
            Text(format_date(review.due)),
            Text(format_date(booked) if booked else ""),
        ]
        if state == "overdue":
            for cell in cells:
                cell.stylize("bold")
        return cells

    @property
    def selected(self) -> ReviewDue | None:
        table = self.query_one(DataTable)
        if not self.reviews or not 0 <= table.cursor_row < len(self.reviews):
            return None
        return self.reviews[table.cursor_row]

    @on(DataTable.RowSelected)
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_client()

    def action_open_client(self) -> None:
        review = self.selected
        if review is not None:
            self.app.push_screen(ClientCardScreen(review.client_id))

    def action_book(self) -> None:
        """The next free time for the coach and the selected client, in the booking
        dialog; the list is read again when it closes."""
        review = self.selected
        if review is None:
            return
        if not self.store.schedule.may_book_for(self.session.staff, self.coach_id):
            self.notify(self.t("reviews.not_yours"), severity="warning")
            return
        book_at_next_free(
            self,
            coach_id=self.coach_id,
            client_id=review.client_id,
            kind=review.kind,
            closed=self._booked,
        )

    def _booked(self, _booked: object) -> None:
        """Whatever the dialog answers (the booked appointment or None)."""
        self.refresh_reviews()

    def action_back(self) -> None:
        self.app.pop_screen()
