"""Form rows with their error line, shared by the client card and the quick new-client form."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from textual.containers import Horizontal
from textual.content import Content
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from store.clients.validation import FieldError, move_misplaced_values


def field_row(label: str, widget: Widget) -> Iterator[Widget]:
    """A labelled input and, under it, the line where its error appears."""
    yield Horizontal(Label(label, classes="field-label"), widget, classes="field-row")
    yield Static("", id=f"error-{widget.id}", classes="field-error")


def read_form(node: DOMNode, fields: Iterable[str]) -> dict[str, str]:
    """The form's values as the strings the store validates."""
    values: dict[str, str] = {}
    for field in fields:
        widget = node.query_one(f"#{field}")
        if isinstance(widget, Select):
            values[field] = "" if widget.value is Select.NULL else str(widget.value)
        else:
            assert isinstance(widget, Input)
            values[field] = widget.value
    return values


def show_field_errors(
    node: DOMNode,
    fields: Iterable[str],
    errors: Iterable[FieldError],
    lang: str,
    only: set[str] | None = None,
) -> None:
    """Put each error next to its field and clear the rest (or only those in `only`)."""
    messages = {e.field: e.message(lang) for e in errors}
    show_field_messages(node, fields, messages, only)


def show_field_messages(
    node: DOMNode,
    fields: Iterable[str],
    messages: Mapping[str, str],
    only: set[str] | None = None,
) -> None:
    """Put each field's message on its error line, marking the field, and clear the rest
    (or only those in `only`)."""
    for field in fields:
        if only is not None and field not in only:
            continue
        message = messages.get(field)
        line = node.query_one(f"#error-{field}", Static)
        # Content: what was typed, quoted in a message, is never read as markup.
        line.update(Content(f"⚠ {message}" if message else ""))
        line.set_class(message is not None, "visible")
        node.query_one(f"#{field}").set_class(message is not None, "invalid")


def focus_first_error(node: DOMNode, fields: Iterable[str], wrong: Iterable[str]) -> None:
    """Put the cursor in the first field, in form order, of those `wrong`."""
    wrong = set(wrong)
    first = next((field for field in fields if field in wrong), None)
    if first is not None:
        node.query_one(f"#{first}").focus()


def move_misplaced(node: DOMNode, fields: Iterable[str]) -> dict[str, str]:
    """Move what was typed into the wrong field (a date into the HETU field) to its own
    field on screen, and return the form's values."""
    fields = tuple(fields)
    typed = read_form(node, fields)
    moved = move_misplaced_values(typed)
    for field in fields:
        if moved.get(field, "") != typed[field]:
            widget = node.query_one(f"#{field}")
            assert isinstance(widget, Input)
            widget.value = moved[field]
    return read_form(node, fields)
