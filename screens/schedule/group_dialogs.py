"""Group sessions' dialogs: a new session, a session's capacity, and adding a person."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Select, Static

from store.core.clock import local_moment
from store.core.dates import DateError, format_date, parse_date
from store.core.i18n import TranslatedError
from store.schedule.models import Room

from ..admin.form_dialog import FieldProblem, FormDialog
from ..clients.client_search import ClientSearch
from ..shell.context import ScreenContextMixin
from ..shell.dialogs import YesNoDialog, yes_no_bindings
from .booking_form import clock_or_none

GROUPS_CSS = "groups.tcss"
DEFAULT_SESSION_MINUTES = 90

# Which field a refusal from the store is about, by its key.
ERROR_FIELDS = {
    "groups.error.title": "title",
    "groups.error.capacity": "capacity",
    "groups.error.capacity_below": "capacity",
    "schedule.error.length": "minutes",
    "schedule.error.past": "day",
}


@dataclass(frozen=True)
class SessionDraft:
    """What the new-session form holds, read and checked."""

    title: str
    starts_at: datetime
    minutes: int
    capacity: int
    room_id: str | None


def _whole(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isascii() and text.isdigit() else None


class _GroupForm(FormDialog):
    CSS_PATH = GROUPS_CSS

    def problems_of(self, refused: TranslatedError, values: dict[str, str]) -> list[FieldProblem]:
        return [FieldProblem(ERROR_FIELDS.get(refused.key, ""), refused.message(self.ctx.lang))]


class NewSessionDialog(_GroupForm):
    """Title, day (d.m.yyyy), start time, length, seats and room; `create` (the caller's
    store call) gets the checked draft, and a refusal stays in the form by its field."""

    FIELDS = ("title", "day", "time", "minutes", "capacity", "room")

    def __init__(self, create: Callable[[SessionDraft], None], day: date, rooms: list[Room]):
        super().__init__(lambda values: create(self.draft(values)))
        self.day = day
        self.room_choices = rooms

    def title_text(self) -> str:
        return self.t("groups.new.title")

    def compose_fields(self) -> Iterator[Widget]:
        def typed(field: str, value: str = "") -> Input:
            return Input(value, id=field, compact=True)

        yield from self.field(self.t("groups.field.title"), typed("title"))
        yield from self.field(
            self.t("groups.field.day"), typed("day", format_date(self.day)), "d.m.yyyy"
        )
        yield from self.field(self.t("groups.field.time"), typed("time"), "13.00")
        yield from self.field(
            self.t("groups.field.minutes"), typed("minutes", str(DEFAULT_SESSION_MINUTES))
        )
        yield from self.field(self.t("groups.field.capacity"), typed("capacity"))
        options = [
            (f"{r.name} ({r.capacity})" if r.capacity else r.name, r.id) for r in self.room_choices
        ]
        yield from self.field(
            self.t("groups.field.room"),
            Select(options, prompt=self.t("groups.field.no_room"), id="room", compact=True),
        )

    def check_values(self, values: dict[str, str]) -> list[FieldProblem]:
        problems: list[FieldProblem] = []
        try:
            parse_date(values["day"])
        except DateError as wrong:
            problems.append(FieldProblem("day", wrong.message(self.ctx.lang)))
        if clock_or_none(values["time"]) is None:
            problems.append(FieldProblem("time", self.t("groups.error.time")))
        if _whole(values["minutes"]) is None:
            problems.append(FieldProblem("minutes", self.t("groups.error.number")))
        if _whole(values["capacity"]) is None:
            problems.append(FieldProblem("capacity", self.t("groups.error.number")))
        return problems

    def draft(self, values: dict[str, str]) -> SessionDraft:
        """The checked values (`check_values` found nothing wrong)."""
        clock = clock_or_none(values["time"])
        minutes, capacity = _whole(values["minutes"]), _whole(values["capacity"])
        assert clock is not None and minutes is not None and capacity is not None
        starts_at = local_moment(parse_date(values["day"]), clock)
        return SessionDraft(values["title"], starts_at, minutes, capacity, values["room"] or None)


class CapacityDialog(_GroupForm):
    """A session's seats; `change` (the caller's store call) gets the new number."""

    FIELDS = ("capacity",)

    def __init__(self, change: Callable[[int], None], capacity: int, booked: int) -> None:
        super().__init__(lambda values: change(_whole(values["capacity"]) or 0))
        self.capacity = capacity
        self.booked = booked

    def title_text(self) -> str:
        return self.t("groups.capacity.title")

    def compose_fields(self) -> Iterator[Widget]:
        yield from self.field(
            self.t("groups.field.capacity"),
            Input(str(self.capacity), id="capacity", compact=True),
            self.t("groups.capacity.rule", booked=self.booked),
        )

    def check_values(self, values: dict[str, str]) -> list[FieldProblem]:
        if _whole(values["capacity"]) is None:
            return [FieldProblem("capacity", self.t("groups.error.number"))]
        return []


class AddPersonDialog(ScreenContextMixin, ModalScreen[bool]):
    """The shared client search; choosing a client calls `add` (the caller's store call).
    A refusal (already listed, busy then) is shown under the search, which stays open."""

    CSS_PATH = GROUPS_CSS
    BINDINGS = [Binding("escape", "close", "Close", id="groups.add.close")]

    def __init__(self, add: Callable[[str], str], title: str) -> None:
        super().__init__()
        self._add = add
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog group-add"):
            yield Static(self.title_text, classes="dialog-title")
            yield ClientSearch(id="group-search")
            yield Static("", id="add-result", classes="field-error")
            yield Static(self.t("groups.add.hint"), classes="hint -wrap")

    def on_mount(self) -> None:
        self.query_one(ClientSearch).focus_input()

    @on(ClientSearch.ClientSelected)
    def _chosen(self, event: ClientSearch.ClientSelected) -> None:
        event.stop()
        result = self.query_one("#add-result", Static)
        try:
            told = self._add(event.client_id)
        except TranslatedError as refused:
            result.update(f"⚠ {refused.message(self.ctx.lang)}")
            result.set_class(True, "visible")
            return
        # Several people are often added in a row: the search is cleared for the next one.
        result.update(f"✓ {told}")
        result.set_class(True, "visible")
        self.query_one(ClientSearch).clear()
        self.query_one(ClientSearch).focus_input()

    @on(ClientSearch.NewClientRequested)
    def _nobody(self, event: ClientSearch.NewClientRequested) -> None:
        event.stop()  # a seat is for a registered client: the search says none matched

    def action_close(self) -> None:
        self.dismiss(True)


class ConfirmCancel(YesNoDialog):
    """A cancellation (of a seat, a waiting place or a session) asked first: Enter yes."""

    BINDINGS = yes_no_bindings("groups.confirm", "Cancel it", "Keep")

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-title")
            if self.detail:
                yield Static(self.detail)
            yield Static(
                f"Enter  {self.t('groups.confirm.yes')}\nEsc    {self.t('groups.confirm.no')}"
            )
