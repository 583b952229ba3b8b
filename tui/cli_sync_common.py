"""What the `luotsi sync` commands share: logging in with a permission, and how moments,
days and the values of a conflict are shown."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from screens.shell.formatting import format_stored_moment
from screens.sync.inbox_text import (
    Translate,
    column_words,
    table_words,
    value_lines,
)
from store.core.auth import require
from store.core.dates import format_date
from store.core.i18n import tr
from store.core.text import visible
from store.sync.models import Conflict, ConflictFound
from store.sync.scope import Window

from .cli_common import Session, staff_session

ADMIN_ONLY = "cli.sync.admin_only"
MAX_VALUE = 40  # characters of a value shown in a line or a table cell


def moment(stored: str | None) -> str:
    """A stored moment as the installation's wall clock shows it: d.m.yyyy HH:MM."""
    return format_stored_moment(stored) if stored else ""


def last_day(end: str) -> str:
    """The last day of a window whose stored `end` is exclusive (the next day's midnight)."""
    return format_date(Window.last_day_of(end))


def _words(lang: str) -> Translate:
    return lambda key, **params: tr(key, lang, **params)


def shown(value: object, lang: str) -> str:
    """A value of a conflict in one line, as the inbox screen writes it (a HETU masked,
    days and moments as people write them, a row as its fields), cut short."""
    text = "; ".join(value_lines(value, _words(lang)))
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


def what(table: str, column: str | None, lang: str) -> str:
    """What a conflict is about, in words: the table, and the field when it is one."""
    words = _words(lang)
    if column is None:
        return table_words(table, words)
    return f"{table_words(table, words)} · {column_words(column, words)}"


def echo_conflict(
    found: ConflictFound | Conflict, client: str | None, lang: str, head: str = ""
) -> None:
    """A conflict in two lines that fit 80 columns: what it is about and whose, then the
    base, office and laptop values; `head` (its id) leads the first line."""
    laptop = found.laptop_value
    if isinstance(found, Conflict) and found.laptop_row is not None:
        laptop = found.laptop_row
    kind = tr(f"cli.sync.kind.{found.kind}", lang)
    about = f"{kind}: {what(found.table, found.column, lang)}"
    typer.echo(f"  {head}{about}" + (f" ({visible(client)})" if client else ""))
    values = tr(
        "cli.sync.conflict.values",
        lang,
        base=shown(found.base_value, lang),
        office=shown(found.office_value, lang),
        laptop=shown(laptop, lang),
    )
    typer.echo(f"      {values}")


@contextmanager
def sync_session(
    ctx: typer.Context,
    db: Path | None,
    user: str | None,
    lang: str | None,
    permission: str,
    not_allowed: str = ADMIN_ONLY,
) -> Iterator[Session]:
    """Log in like every command; anyone without `permission` stops here, exit code 2."""
    with staff_session(ctx, db, user, lang, not_allowed=not_allowed) as session:
        require(session.staff, permission)
        yield session
