"""Entering a reading by keys: digits save each answer at once (the draft) and move on."""

from __future__ import annotations

import importlib
import time
from datetime import date
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.dom import DOMNode
from textual.message import Message
from textual.widgets import DataTable, Static

from store.clients.validation import ValidationError
from store.core.dates import format_date
from store.core.i18n import TranslatedError, tr
from store.kompassi.models import Instrument, Reading, ReadingKind, ReadingMode

from ..shell.context import ContextMixin, context
from ..shell.faults import reporting_store_faults, store_faults_told
from .note_dialog import NoteDialog
from .reading_grid import ReadingGrid, answered_text
from .start_dialog import StartDialog

# A "1" then a "0" within this many seconds, on the domain the 1 moved to, is one 10: the
# 1 is saved at once (no key waits for the next), and becomes 10 if the 0 follows.
TEN_WINDOW_S = 0.8


def other_part(node: DOMNode, module: str, name: str) -> Any | None:
    """A screen of F3 written apart (client mode, compare, suggestions), imported when its
    key is first pressed; None, and the user told, where this version does not have it."""
    try:
        return getattr(importlib.import_module(f"screens.kompassi.{module}"), name)
    except (ImportError, AttributeError):
        node.app.notify(tr("kompassi.not_yet", context(node).lang), severity="warning")
        return None


class ReadingEntry(ContextMixin, Vertical):
    """The grid of a draft being typed in, its title, the current question and the keys.
    Posts `Paused` (Esc: the draft stays as saved) and `Finished` (Ctrl+S)."""

    BINDINGS = [
        *(
            Binding(str(n), f"digit({n})", str(n), id=f"kompassi.digit{n}", show=False)
            for n in range(10)
        ),
        Binding("t,plus", "ten", "10", id="kompassi.ten", show=False),
        Binding("s", "skip", "Skipped", id="kompassi.skip"),
        Binding("backspace,delete", "clear", "Clear", id="kompassi.clear", show=False),
        Binding("o", "toggle_coach", "Coach's view", id="kompassi.coach"),
        Binding("k", "note", "Comment", id="kompassi.note", show=False),
        Binding("d", "details", "Details", id="kompassi.details", show=False),
        Binding("c", "client_mode", "To client", id="kompassi.client_mode"),
        Binding("ctrl+s", "finish", "Finish", id="kompassi.finish"),
        Binding("escape", "pause", "Pause", id="kompassi.pause"),
    ]

    class Paused(Message):
        """The coach left the reading unfinished; every answer is in the draft already."""

    class Finished(Message):
        def __init__(self, reading: Reading) -> None:
            super().__init__()
            self.reading = reading

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.instrument: Instrument | None = None
        self.reading: Reading | None = None  # the draft being typed in
        self.coach_column = False  # digits set the coach's own view, not the client's
        # After a "1": (its domain, the domain the cursor moved on to, when).
        self.pending_one: tuple[str, str, float] | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="entry-title")
        yield ReadingGrid(id="grid")
        yield Static("", id="question")
        yield Static(self.t("kompassi.entry.keys"), id="entry-keys", classes="hint -wrap")

    @property
    def grid(self) -> ReadingGrid:
        return self.query_one(ReadingGrid)

    def begin(self, instrument: Instrument, reading: Reading) -> None:
        """Type into `reading`, from its first domain not yet answered."""
        self.instrument, self.reading = instrument, reading
        self.coach_column = False
        self.pending_one = None
        self._show()
        unanswered = [
            d.code
            for d in instrument.domains
            if not ((a := reading.answer(d.code)) is not None and a.answered)
        ]
        self.grid.go_to(unanswered[0] if unanswered else instrument.domains[0].code)
        self.grid.focus()
        self._show_question()

    def _show(self) -> None:
        reading, instrument = self.reading, self.instrument
        assert reading is not None and instrument is not None
        self.grid.show(instrument, reading, self.coach_column)
        typing = self.t("kompassi.typing.coach" if self.coach_column else "kompassi.typing.client")
        title = self.t(
            "kompassi.entry.title",
            kind=self.t(f"kompassi.kind.{reading.kind}"),
            mode=self.t(f"kompassi.mode.{reading.mode}"),
            date=format_date(reading.filled_on),
            answered=answered_text(reading, instrument, self.t),
        )
        self.query_one("#entry-title", Static).update(f"{title} · {typing}")
        self._show_question()

    @on(DataTable.RowHighlighted, "#grid")
    def _show_question(self) -> None:
        code = self.grid.domain_code
        domain = self.instrument.domain(code) if self.instrument and code else None
        answer = self.reading.answer(code) if self.reading and code else None
        lines = [domain.question(self.ctx.lang)] if domain else []
        for field in ("comment", "goal", "coach_comment"):
            if answer is not None and (text := getattr(answer, field)):
                label = self.t(f"field.kompassi_{field}")
                lines.append(self.t("kompassi.note.shown", field=label, text=text))
        self.query_one("#question", Static).update(Content("\n".join(lines)))

    def reload(self) -> None:
        """Draw the draft as stored (after an answer, or the client's own screen)."""
        assert self.reading is not None
        self.reading = self.store.kompassi.reading(self.reading.id)
        self._show()

    def _record(self, domain_code: str, **given: object) -> bool:
        """Save one domain's answer in the draft at once; what the store refuses (a skip
        the instrument does not allow, a reading finished meanwhile) is told instead."""
        assert self.reading is not None
        kompassi, staff = self.store.kompassi, self.session.staff
        try:
            kompassi.answer(staff, self.reading.id, domain_code, **given)  # type: ignore[arg-type]
        except ValidationError as exc:
            self.notify(exc.errors[0].message(self.ctx.lang), severity="warning")
            return False
        except TranslatedError as exc:
            self.notify(exc.message(self.ctx.lang), severity="warning")
            return False
        return True

    def _score(self, domain_code: str, score: int, *, advance: bool = True) -> None:
        """`score` in the column digits go to; on to the next domain."""
        column = "coach_score" if self.coach_column else "score"
        if self._record(domain_code, **{column: score}) and advance:
            self.grid.next_domain()
        self.reload()

    @store_faults_told
    def action_digit(self, digit: int) -> None:
        code = self.grid.domain_code
        if code is None:
            return
        pending, self.pending_one = self.pending_one, None
        if (
            digit == 0
            and pending is not None
            and pending[1] == code
            and time.monotonic() - pending[2] <= TEN_WINDOW_S
        ):
            # "1" then "0": the 1 just given becomes 10, and the 0 is no score of its own.
            self._score(pending[0], 10, advance=False)
            return
        self._score(code, digit)
        if digit == 1:
            self.pending_one = (code, self.grid.domain_code or code, time.monotonic())

    @store_faults_told
    def action_ten(self) -> None:
        self.pending_one = None
        if (code := self.grid.domain_code) is not None:
            self._score(code, 10)

    @store_faults_told
    def action_skip(self) -> None:
        self.pending_one = None
        if self.coach_column:
            self.notify(self.t("kompassi.skip.client_only"), severity="warning")
            return
        if (code := self.grid.domain_code) is not None:
            if self._record(code, skipped=True):
                self.grid.next_domain()
            self.reload()

    @store_faults_told
    def action_clear(self) -> None:
        """Back to "not yet answered" in the column digits go to."""
        self.pending_one = None
        if (code := self.grid.domain_code) is not None:
            column = {"coach_score": None} if self.coach_column else {"score": None}
            self._record(code, **column, **({} if self.coach_column else {"skipped": False}))
            self.reload()

    def action_toggle_coach(self) -> None:
        self.pending_one = None
        self.coach_column = not self.coach_column
        self._show()
        key = "kompassi.typing.coach" if self.coach_column else "kompassi.typing.client"
        self.notify(self.t(key))

    @on(DataTable.RowSelected, "#grid")
    def action_note(self) -> None:
        code, instrument, reading = self.grid.domain_code, self.instrument, self.reading
        if code is None or instrument is None or reading is None:
            return
        domain = instrument.domain(code)
        assert domain is not None
        self.pending_one = None

        def save(values: dict[str, str]) -> None:
            self._record(
                code,
                comment=values["kompassi_comment"],
                goal=values["kompassi_goal"],
                coach_comment=values["kompassi_coach_comment"],
            )

        def saved(done: bool | None) -> None:
            if done:
                self.reload()

        dialog = NoteDialog(domain.label(self.ctx.lang), reading.answer(code), save)
        self.app.push_screen(dialog, reporting_store_faults(self, saved))

    def action_details(self) -> None:
        """Correct the draft's kind, mode or paper date (a date mistyped, say)."""
        draft = self.reading
        if draft is None:
            return
        self.pending_one = None
        kompassi, staff = self.store.kompassi, self.session.staff

        def correct(kind: ReadingKind, mode: ReadingMode, filled_on: date | None) -> Reading:
            # On screen: the day it was begun stays (not today's, if that was another day).
            day = filled_on or (draft.filled_on if mode == "screen" else None)
            return kompassi.set_details(staff, draft.id, kind, mode, day)

        def corrected(reading: Reading | None) -> None:
            if reading is not None:
                self.reload()

        first = kompassi.next_kind(draft.client_id)
        dialog = StartDialog(first, self.store.today(), correct, draft)
        self.app.push_screen(dialog, reporting_store_faults(self, corrected))

    def action_client_mode(self) -> None:
        """Turn the laptop to the client: their own screen, one question at a time."""
        reading, code = self.reading, self.grid.domain_code
        if reading is None or code is None:
            return
        client_mode = other_part(self, "client_mode", "ClientModeScreen")
        if client_mode is not None:
            self.pending_one = None
            back = reporting_store_faults(self, lambda _=None: self.reload())
            self.app.push_screen(client_mode(reading.id, code), back)

    @store_faults_told
    def action_finish(self) -> None:
        """Finish the reading in one transaction; one with nothing answered stays a draft."""
        if self.reading is None:
            return
        try:
            done = self.store.kompassi.finish(self.session.staff, self.reading.id)
        except TranslatedError as exc:  # nothing answered yet, or finished meanwhile
            self.notify(exc.message(self.ctx.lang), severity="warning")
            return
        self.reading = None
        self.post_message(self.Finished(done))

    def action_pause(self) -> None:
        self.reading = None
        self.pending_one = None
        self.post_message(self.Paused())
