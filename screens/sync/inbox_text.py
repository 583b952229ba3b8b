"""How the inbox writes a conflict: its table and field in words, its kind, and the values
of each side as lines a person reads (days d.m.yyyy, moments on the local clock)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import cast

from store.clients.validation import looks_like_hetu, mask_hetu
from store.core.dates import format_date
from store.core.i18n import has_text
from store.core.text import visible
from store.sync.models import Conflict

from ..shell.formatting import format_stored_moment

Translate = Callable[..., str]

_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ISO_MOMENT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# Every row has these; a person deciding a conflict does not need them.
_HIDDEN_COLUMNS = frozenset({"id", "created_at", "updated_at", "updated_by"})


def table_words(table: str, t: Translate) -> str:
    key = f"inbox.table.{table}"
    return t(key) if has_text(key) else table


def column_words(column: str, t: Translate) -> str:
    key = f"inbox.field.{column}"
    return t(key) if has_text(key) else column


def what_words(conflict: Conflict, t: Translate) -> str:
    """ "Asiakas · puhelin": the table, and the field when the conflict is about one."""
    table = table_words(conflict.table, t)
    return table if conflict.column is None else f"{table} · {column_words(conflict.column, t)}"


def scalar_text(value: object, t: Translate) -> str:
    """One value as read: None as "—", days and moments as people write them."""
    if value is None:
        return t("inbox.value.none")
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, bytes):
        return f"<{len(value)} B>"
    text = str(value)
    if looks_like_hetu(text):  # shown as everywhere else outside the client card
        return mask_hetu(text.strip())
    try:
        if _ISO_MOMENT.fullmatch(text):
            return format_stored_moment(text)
        if _ISO_DAY.fullmatch(text):
            return format_date(date.fromisoformat(text))
    except ValueError:
        pass
    return visible(text)


def value_lines(value: object, t: Translate, *, whole_row: bool = False) -> list[str]:
    """A side's value as lines: a row (a dict) as "field: value" lines, else one line.
    Of a whole row the empty fields and the references (ids, which say nothing to a
    person) are left out; of changed fields none is (an emptied field is a change)."""
    if isinstance(value, Mapping):
        row = cast(Mapping[str, object], value)
        lines = [
            f"{column_words(column, t)}: {scalar_text(item, t)}"
            for column, item in row.items()
            if column not in _HIDDEN_COLUMNS
            and not (whole_row and (item is None or _UUID.fullmatch(str(item))))
        ]
        return lines or [t("inbox.value.none")]
    return [scalar_text(value, t)]


def laptop_lines(conflict: Conflict, t: Translate) -> list[str]:
    """The laptop's side: its value of the field the conflict is about; else the whole
    row when the check-in kept one (a row the office refused, with the office's reason
    last), else the changed values."""
    if conflict.column is not None or conflict.laptop_row is None:
        return value_lines(conflict.laptop_value, t)
    lines = value_lines(conflict.laptop_row, t, whole_row=True)
    if isinstance(conflict.laptop_value, str):
        lines.append(f"⚠ {visible(conflict.laptop_value)}")
    return lines
