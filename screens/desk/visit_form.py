"""The desk's visit form: who came, the reasons, the channel and, for an appointment, its time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import cast

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Label, Select, Static

from store.clients.display import person_label
from store.core.i18n import tr
from store.visits.models import CHANNELS, Channel, Visit, VisitReason
from store.visits.rules import OWN_COACH_REASON, BookedTimeError, booked_instant

from ..shell.context import ContextMixin
from .reason_picker import ReasonPicker


def visitor_name(
    first: str, last: str, blanked: bool, lang: str, birth_date: date | None = None
) -> str:
    """How the desk names a visitor: with the birth date, so that namesakes stay apart;
    initials on a blanked screen; "anonymous" for no one."""
    if not (first or last):
        return tr("walkin.anonymous", lang)
    return person_label(first, last, birth_date, blanked=blanked)


def visit_name(visit: Visit, blanked: bool, lang: str) -> str:
    """Who `visit` is for, named as `visitor_name` does: with the birth date."""
    return visitor_name(
        visit.first_name or "", visit.last_name or "", blanked, lang, visit.client_birth_date
    )


@dataclass(frozen=True)
class Visitor:
    """The person the form is filled in for; no `client_id` for an anonymous visitor."""

    client_id: str | None
    first_name: str = ""
    last_name: str = ""
    coach_name: str | None = None
    birth_date: date | None = None


class VisitForm(ContextMixin, Vertical):
    """Filled in for the `Visitor` the screen hands to `start`.

    Posts `VisitRequested` when the reasons are confirmed and the form is valid, and
    `Cancelled` when the user steps back from the reasons.
    """

    class VisitRequested(Message):
        def __init__(
            self,
            visitor: Visitor,
            reason_codes: tuple[str, ...],
            channel: Channel,
            booked_for: str | None,
        ) -> None:
            super().__init__()
            self.visitor = visitor
            self.reason_codes = reason_codes
            self.channel: Channel = channel
            self.booked_for = booked_for  # an appointment's stored instant, today

    class Cancelled(Message):
        pass

    def __init__(self, reasons: list[VisitReason], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.all_reasons = reasons
        self.visitor: Visitor | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="picked")
        yield ReasonPicker(self.all_reasons, id="reasons")
        with Horizontal(classes="field-row"):
            yield Label(self.t("walkin.channel"), classes="short-label")
            yield Select(
                [(self.t(f"channel.{c}"), c) for c in CHANNELS],
                value="walk_in",
                allow_blank=False,
                id="channel",
                compact=True,
            )
        with Horizontal(classes="field-row", id="booked-row"):
            yield Label(self.t("walkin.booked_time"), classes="short-label")
            yield Input(id="booked_time", placeholder="10.30", compact=True)

    def on_mount(self) -> None:
        self.watch(self.app, "blanked", lambda _: self._show_visitor(), init=False)

    def start(self, visitor: Visitor) -> None:
        """Begin a visit for `visitor`: nothing ticked, walk-in channel, reasons focused."""
        self.visitor = visitor
        self._show_visitor()
        self.query_one(ReasonPicker).reset()
        self.query_one("#channel", Select).value = "walk_in"
        self.query_one("#booked_time", Input).value = ""
        self.focus_reasons()

    def focus_reasons(self) -> None:
        self.query_one(ReasonPicker).focus()

    def _show_visitor(self) -> None:
        visitor = self.visitor
        if visitor is None:
            return
        name = visitor_name(
            visitor.first_name,
            visitor.last_name,
            self.ctx.blanked,
            self.ctx.lang,
            visitor.birth_date,
        )
        lines = [self.t("walkin.picked", name=name)]
        if visitor.coach_name is not None:
            lines.append(self.t("walkin.own_coach", name=visitor.coach_name))
        self.query_one("#picked", Static).update("\n".join(lines))

    @on(Select.Changed, "#channel")
    def _channel_changed(self, event: Select.Changed) -> None:
        self.set_class(event.value == "appointment", "appointment")

    @on(Input.Submitted, "#booked_time")
    def _booked_time_entered(self) -> None:
        self.query_one(ReasonPicker).action_confirm()

    @on(ReasonPicker.Cancelled)
    def _cancelled(self, event: ReasonPicker.Cancelled) -> None:
        event.stop()
        self.post_message(self.Cancelled())

    @on(ReasonPicker.Confirmed)
    def _confirmed(self, event: ReasonPicker.Confirmed) -> None:
        event.stop()
        visitor = self.visitor
        if visitor is None:
            return
        if visitor.client_id is None and OWN_COACH_REASON in event.codes:
            # An anonymous visitor has no coach of their own to meet (nor a ★ to show).
            self.notify(self.t("walkin.own_coach_needs_client"), severity="warning")
            return
        channel = cast(Channel, self.query_one("#channel", Select).value)
        booked_for = None
        if channel == "appointment":
            try:
                booked_for = booked_instant(
                    self.query_one("#booked_time", Input).value, self.store.today()
                )
            except BookedTimeError:
                self.notify(self.t("walkin.booked_time.invalid"), severity="error")
                self.query_one("#booked_time", Input).focus()
                return
        self.post_message(self.VisitRequested(visitor, event.codes, channel, booked_for))
