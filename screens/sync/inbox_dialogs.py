"""The inbox's dialogs: a merged value typed for one field, the two records of one person
side by side to choose the one kept, and the question before a merge is undone."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from store.api import Store
from store.clients.validation import ValidationError, mask_hetu
from store.core.dates import format_date
from store.core.i18n import TranslatedError, tr
from store.core.models import Staff
from store.core.text import visible

from ..clients.form import field_row, show_field_messages
from ..shell.context import ScreenContextMixin
from ..shell.dialogs import YesNoDialog, yes_no_bindings
from ..shell.faults import store_faults_told

VALUE_FIELD = "inbox-merged-value"

# Saves the typed value through the store; raises what the store refuses.
ValueSaver = Callable[[str], object]


class ValueDialog(ScreenContextMixin, ModalScreen[bool]):
    """One field's merged value, prefilled with the office's. Enter saves through `save`
    (the caller's store call) and answers True; a refusal stands next to the field with
    the text kept. Esc cancels."""

    CSS_PATH = "inbox.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="inbox.value_dialog.cancel"),
    ]

    def __init__(self, what: str, prefill: str, save: ValueSaver) -> None:
        super().__init__()
        self.what = what
        self.prefill = prefill
        self.save = save

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="inbox-value-dialog"):
            yield Static(self.t("inbox.value_dialog.title", what=self.what), classes="dialog-title")
            yield from field_row(
                self.t("inbox.value_dialog.field"),
                Input(self.prefill, id=VALUE_FIELD, compact=True),
            )
            yield Static(self.t("inbox.value_dialog.hint"), classes="hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    @store_faults_told
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        lang = self.ctx.lang
        try:
            self.save(event.value)
        except ValidationError as error:
            message = " ".join(e.message(lang) for e in error.errors)
        except TranslatedError as error:
            message = error.message(lang)
        else:
            self.dismiss(True)
            return
        show_field_messages(self, (VALUE_FIELD,), {VALUE_FIELD: message})

    def action_cancel(self) -> None:
        self.dismiss(False)


@dataclass(frozen=True)
class PersonRecord:
    """One of two client records of the same person, as the merge dialog shows it."""

    client_id: str
    where: Literal["office", "laptop"]
    name: str
    lines: Sequence[str]  # "field: value" lines; empty when the record was not found


def person_record(
    store: Store, actor: Staff, client_id: str, where: Literal["office", "laptop"]
) -> PersonRecord:
    """The record as the person deciding reads it (opening it is in the access log)."""
    try:
        client = store.clients.open(actor, client_id)
    except LookupError:
        return PersonRecord(client_id, where, "?", ())
    fields = (
        ("hetu", mask_hetu(client.hetu) if client.hetu else None),
        ("birth_date", format_date(client.birth_date)),
        ("phone", client.phone),
        ("email", client.email),
        ("municipality", client.municipality),
        ("mother_tongue", client.mother_tongue),
        ("jobseeker_since", format_date(client.jobseeker_since) or None),
    )
    lines = [f"{column}\t{visible(value)}" for column, value in fields if value]
    return PersonRecord(client_id, where, visible(client.full_name), lines)


class PeopleDialog(ScreenContextMixin, ModalScreen[str | None]):
    """Two records of one person side by side: 1 or 2 chooses the one kept, Enter
    answers its id; Esc answers None. The caller merges."""

    CSS_PATH = "inbox.tcss"
    BINDINGS = [
        Binding("1", "choose(0)", "Keep 1", id="inbox.people.first"),
        Binding("2", "choose(1)", "Keep 2", id="inbox.people.second"),
        Binding("enter", "confirm", "Merge", id="inbox.people.confirm"),
        Binding("escape", "cancel", "Cancel", id="inbox.people.cancel"),
    ]

    def __init__(self, records: tuple[PersonRecord, PersonRecord]) -> None:
        super().__init__()
        self.records = records
        self.chosen: int | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="inbox-people-dialog"):
            yield Static(self.t("inbox.people.title"), classes="dialog-title")
            with Horizontal(id="inbox-people"):
                for number, record in enumerate(self.records, 1):
                    yield Static(
                        self._record_text(number, record),
                        id=f"inbox-person-{number}",
                        classes="inbox-person",
                    )
            yield Static(self.t("inbox.people.choose"), id="inbox-people-state", classes="hint")

    def _record_text(self, number: int, record: PersonRecord, chosen: bool = False) -> Text:
        where = self.t(f"inbox.people.{record.where}")
        title = self.t("inbox.people.record", number=number, where=where)
        text = Text(f"{'✓ ' if chosen else ''}{title}\n", "bold")
        text.append(record.name + "\n", "bold")
        if not record.lines:
            text.append(self.t("inbox.people.gone"))
        for line in record.lines:
            column, value = line.split("\t", 1)
            label = tr(f"inbox.field.{column}", self.ctx.lang)
            text.append(f"{label}: {value}\n")
        return text

    def action_choose(self, index: int) -> None:
        if not self.records[index].lines:
            return
        self.chosen = index
        for i, record in enumerate(self.records):
            widget = self.query_one(f"#inbox-person-{i + 1}", Static)
            widget.set_class(i == index, "-chosen")
            widget.update(self._record_text(i + 1, record, chosen=i == index))
        record = self.records[index]
        self.query_one("#inbox-people-state", Static).update(
            self.t("inbox.people.chosen", number=index + 1, name=record.name)
        )

    def action_confirm(self) -> None:
        if self.chosen is None:
            self.query_one("#inbox-people-state", Static).update(
                self.t("inbox.people.choose_first")
            )
            return
        self.dismiss(self.records[self.chosen].client_id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class UndoMergeDialog(YesNoDialog):
    """Enter undoes the merge of two records into `kept`; Esc keeps it."""

    CSS_PATH = "inbox.tcss"
    BINDINGS = yes_no_bindings("inbox.undo", "Undo", "Keep")

    def __init__(self, kept: str) -> None:
        super().__init__()
        self.kept = kept

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.t("inbox.undo.question", kept=self.kept), classes="dialog-title")
            yield Static(f"{self.t('inbox.undo.yes')}\n{self.t('inbox.undo.no')}")
