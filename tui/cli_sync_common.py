"""What the `luotsi sync` commands share: logging in with a permission, and how moments,
days and the values of a conflict are shown."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any, cast

import typer

from store.clients.validation import looks_like_hetu, mask_hetu
from store.core.auth import require
from store.core.clock import from_iso, to_local
from store.core.dates import format_date
from store.core.i18n import tr
from store.core.text import visible
from store.sync.models import Conflict, ConflictFound

from .cli_common import Session, staff_session

ADMIN_ONLY = "cli.sync.admin_only"
MAX_VALUE = 40  # characters of a value shown in a line or a table cell


def moment(stored: str | None) -> str:
    """A stored moment as the installation's wall clock shows it: d.m.yyyy HH:MM."""
    if not stored:
        return ""
    local = to_local(from_iso(stored))
    return f"{format_date(local.date())} {local:%H:%M}"


def day(stored: str) -> str:
    return format_date(to_local(from_iso(stored)).date())


def last_day(end: str) -> str:
    """The last day of a window whose stored `end` is exclusive (the next day's midnight)."""
    return format_date(to_local(from_iso(end) - timedelta(milliseconds=1)).date())


def shown(value: object, lang: str) -> str:
    """A value of a conflict, one line: text as it is (cut short), a row as name=value."""
    if value is None:
        return tr("cli.sync.empty", lang)
    if isinstance(value, bytes):
        text = f"<{len(value)} B>"
    elif isinstance(value, Mapping):
        row = cast(Mapping[str, Any], value)
        text = ", ".join(f"{name}={_scalar(item)}" for name, item in row.items())
    else:
        text = _scalar(value)
    text = visible(text)
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


def _scalar(value: object) -> str:
    if isinstance(value, str):
        # A HETU is shown masked outside the client card, as everywhere else.
        return mask_hetu(value.strip()) if looks_like_hetu(value) else value
    return json.dumps(value, ensure_ascii=False, default=str)


def what(table: str, column: str | None, row_id: str) -> str:
    """What a conflict is about: `table.column`, or the table and the row's id start."""
    return f"{table}.{column}" if column else f"{table} {row_id[:8]}"


def echo_conflict(
    found: ConflictFound | Conflict, client: str | None, lang: str, head: str = ""
) -> None:
    """A conflict in two lines that fit 80 columns: what it is about and whose, then the
    base, office and laptop values; `head` (its id) leads the first line."""
    laptop = found.laptop_value
    if isinstance(found, Conflict) and found.laptop_row is not None:
        laptop = found.laptop_row
    kind = tr(f"cli.sync.kind.{found.kind}", lang)
    about = f"{kind}: {what(found.table, found.column, found.row_id)}"
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
