"""Client import from CSV files as Excel writes them: every row is checked, then all or nothing.

The file is read, checked and staged row by row without the write lock, so the desks keep
registering while a large file is checked; the staged rows are then written in slices no
one sees (store/clients/import_write.py), and one short write transaction re-checks what a
desk may have changed meanwhile and makes them living clients.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Generic, TypeVar

from store.clients.import_file import (
    COLUMNS,
    REQUIRED_COLUMNS,
    CsvRow,
    ImportFileError,
    decode,
    open_rows,
    parse_csv,
)
from store.clients.import_stage import Stage
from store.clients.import_write import (
    ImportRunning,
    Pending,
    discard_quietly,
    import_lock,
    new_pending,
    remove_unfinished,
)
from store.clients.repository import client_id_by_hetu, similar_clients
from store.clients.validation import ValidationError, clean_client, mask_hetu
from store.core.audit import log_event
from store.core.auth import require
from store.core.context import Context
from store.core.db import write_transaction
from store.core.errors import SQLITE_INTEGRITY_ERRORS
from store.core.i18n import tr
from store.core.models import Staff

__all__ = [
    "COLUMNS",
    "REQUIRED_COLUMNS",
    "CsvRow",
    "DuplicateRow",
    "ImportFileError",
    "ImportReport",
    "ImportRunning",
    "LikelyDuplicateRow",
    "RowProblem",
    "check_rows",
    "decode",
    "import_clients",
    "parse_csv",
]

_COLUMN_OF_FIELD = {client_field: column for column, client_field in COLUMNS.items()}
# A report lists this many rows of each kind and counts the rest: a file of half a
# million bad rows must not fill the memory, nor the terminal.
REPORT_LIMIT = 1000
# Rows checked in one read transaction (one snapshot of the register), and between two
# calls of `progress`.
PROGRESS_ROWS = 2000


@dataclass(frozen=True)
class RowProblem:
    """Why one row cannot be imported; `column` is named as in the file's header."""

    line: int
    column: str
    key: str
    params: Mapping[str, object] = field(default_factory=dict[str, object], hash=False)

    def reason(self, lang: str = "fi") -> str:
        return tr(self.key, lang, **self.params)


@dataclass(frozen=True)
class DuplicateRow:
    """A row whose client is already in the register; skipped, never overwritten."""

    line: int
    masked_hetu: str


@dataclass(frozen=True)
class LikelyDuplicateRow:
    """A row without a HETU naming someone already registered: born the same day, with a
    name at most one typo apart. Skipped unless duplicates are allowed."""

    line: int
    name: str  # as it would be stored, surname first
    birth_date: date
    registered: tuple[str, ...]  # the names of the registered clients it may be


@dataclass(frozen=True)
class ImportReport:
    file_name: str
    problems: tuple[RowProblem, ...]
    duplicates: tuple[DuplicateRow, ...]
    likely_duplicates: tuple[LikelyDuplicateRow, ...]
    to_import: int
    imported: int
    dry_run: bool
    allow_duplicates: bool = False
    # Rows of each kind beyond the REPORT_LIMIT listed.
    unlisted_problems: int = 0
    unlisted_duplicates: int = 0
    unlisted_likely_duplicates: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def problem_count(self) -> int:
        return len(self.problems) + self.unlisted_problems

    @property
    def duplicate_count(self) -> int:
        return len(self.duplicates) + self.unlisted_duplicates

    @property
    def likely_duplicate_count(self) -> int:
        return len(self.likely_duplicates) + self.unlisted_likely_duplicates


_T = TypeVar("_T")


class _Listed(Generic[_T]):
    """The first REPORT_LIMIT items, and how many more there were."""

    def __init__(self) -> None:
        self.items: list[_T] = []
        self.unlisted = 0

    def add(self, item: _T) -> None:
        if len(self.items) < REPORT_LIMIT:
            self.items.append(item)
        else:
            self.unlisted += 1

    def __bool__(self) -> bool:
        return bool(self.items)

    def sorted(self, key: Callable[[_T], int]) -> tuple[_T, ...]:
        return tuple(sorted(self.items, key=key))


@dataclass
class _Checked:
    problems: _Listed[RowProblem] = field(default_factory=_Listed[RowProblem])
    duplicates: _Listed[DuplicateRow] = field(default_factory=_Listed[DuplicateRow])
    likely_duplicates: _Listed[LikelyDuplicateRow] = field(
        default_factory=_Listed[LikelyDuplicateRow]
    )


def _likely_duplicate(
    ctx: Context, line: int, values: Mapping[str, object]
) -> LikelyDuplicateRow | None:
    birth_date = values["birth_date"]
    assert isinstance(birth_date, date)
    first_name, last_name = str(values["first_name"]), str(values["last_name"])
    registered = similar_clients(ctx, birth_date, first_name, last_name)
    if not registered:
        return None
    names = tuple(client.full_name for client in registered)
    return LikelyDuplicateRow(line, f"{last_name} {first_name}", birth_date, names)


def _row_problems(
    ctx: Context, stage: Stage, row: CsvRow
) -> tuple[list[RowProblem], dict[str, object]]:
    problems: list[RowProblem] = []
    if row.extra_values:
        problems.append(RowProblem(row.line, "", "import.error.extra_values"))
    try:
        values = clean_client(row.values, ctx.today())
    except ValidationError as exc:
        problems += [
            RowProblem(row.line, _COLUMN_OF_FIELD.get(e.field, e.field), e.key, e.params)
            for e in exc.errors
        ]
        values = {}
    # Compared as typed (upper-cased), so a repeat is caught even on an invalid row.
    typed_hetu = row.values.get("hetu", "").upper()
    if typed_hetu and (first := stage.first_line_of_hetu(typed_hetu, row.line)) is not None:
        problems.append(RowProblem(row.line, "hetu", "import.error.hetu_repeated", {"line": first}))
    return problems, values


def check_rows(
    ctx: Context,
    rows: Iterable[CsvRow],
    stage: Stage,
    *,
    progress: Callable[[int], None] | None = None,
) -> _Checked:
    """Validate every row as the client form would and stage the good ones; HETUs already
    registered are duplicates, and rows without a HETU like a registered client likely
    ones (staged as such). Reads the register without the write lock."""
    checked = _Checked()
    count = 0
    for row in rows:
        stage.begin_batch()
        problems, values = _row_problems(ctx, stage, row)
        hetu = values.get("hetu")
        # Once a row is bad nothing will be imported: the rest are checked, not staged.
        if problems:
            for problem in problems:
                checked.problems.add(problem)
        elif isinstance(hetu, str) and client_id_by_hetu(ctx, hetu) is not None:
            checked.duplicates.add(DuplicateRow(row.line, mask_hetu(hetu)))
        elif hetu is None and (likely := _likely_duplicate(ctx, row.line, values)):
            checked.likely_duplicates.add(likely)
            if not checked.problems:
                stage.add(row.line, values, likely=True)
        elif not checked.problems:
            stage.add(row.line, values, likely=False)
        count += 1
        if count % PROGRESS_ROWS == 0:
            stage.flush()
            if progress is not None:
                progress(count)
    stage.flush()
    if progress is not None:
        progress(count)
    return checked


def _recheck(ctx: Context, stage: Stage, checked: _Checked) -> None:
    """Inside the write lock: rows whose client a desk registered while the file was
    checked become duplicates (or likely ones), as they would have been had the desk
    been a minute earlier. Only clients registered since are read."""
    for client in stage.registered_since(ctx):
        if client.hetu is not None and (line := stage.take_hetu(client.hetu)) is not None:
            checked.duplicates.add(DuplicateRow(line, mask_hetu(client.hetu)))
        for line, first_name, last_name in stage.similar_unflagged(client):
            name = f"{last_name} {first_name}"
            likely = LikelyDuplicateRow(line, name, client.birth_date, (client.full_name,))
            checked.likely_duplicates.add(likely)


def import_clients(
    ctx: Context,
    actor: Staff,
    path: Path,
    *,
    dry_run: bool = False,
    allow_duplicates: bool = False,
    progress: Callable[[int], None] | None = None,
    written: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import the clients in a CSV file, or none of them if any row is bad.

    Rows whose HETU is already registered are reported and skipped; so are rows without a
    HETU that name a registered client, unless `allow_duplicates`. So the same file
    imported twice adds nothing the second time. `progress` is called with the number of
    rows checked so far, between rows, and `written` with the rows written so far (not
    yet seen by anyone), between slices; no lock on the register is held during either.
    Raises `PermissionDenied` for anyone but an admin, `ImportFileError` for an unusable
    file, `ImportRunning` while another import runs.
    """
    require(actor, "client.import")
    # A dry run writes nothing: it may check a file while another import runs.
    with nullcontext() if dry_run else import_lock(ctx), Stage.open(ctx) as stage:
        if not dry_run:
            remove_unfinished(ctx, actor.id)
        with open_rows(path) as rows:
            checked = check_rows(ctx, rows, stage, progress=progress)

        def report(imported: int) -> ImportReport:
            return ImportReport(
                path.name,
                checked.problems.sorted(lambda p: p.line),
                checked.duplicates.sorted(lambda d: d.line),
                checked.likely_duplicates.sorted(lambda d: d.line),
                stage.count(include_likely=allow_duplicates) if not checked.problems else 0,
                imported,
                dry_run,
                allow_duplicates,
                checked.problems.unlisted,
                checked.duplicates.unlisted,
                checked.likely_duplicates.unlisted,
            )

        if dry_run or checked.problems:
            return report(0)
        pending = new_pending()
        try:
            with stage.write_cache():
                pending.write(
                    ctx, stage, actor.id, include_likely=allow_duplicates, written=written
                )
                imported = _make_living(ctx, actor, path, stage, checked, pending, allow_duplicates)
        except BaseException:
            discard_quietly(ctx, pending, actor.id, f"{path.name}: stopped")
            raise
        return report(imported)


def _make_living(
    ctx: Context,
    actor: Staff,
    path: Path,
    stage: Stage,
    checked: _Checked,
    pending: Pending,
    allow_duplicates: bool,
) -> int:
    """The one transaction that ends an import: rows whose client a desk registered
    meanwhile are dropped, the rest become living clients with the import's one
    access-log event. How many were imported."""
    with write_transaction(ctx.db):
        _recheck(ctx, stage, checked)
        pending.drop(ctx, stage, include_likely=allow_duplicates)
        try:
            pending.make_living(ctx)
        except SQLITE_INTEGRITY_ERRORS:
            # A HETU given meanwhile to a client registered before (a corrected card):
            # the failed statement left nothing behind, and such rows are duplicates too.
            for line, hetu in stage.take_registered_hetus(ctx):
                checked.duplicates.add(DuplicateRow(line, mask_hetu(hetu)))
            pending.drop(ctx, stage, include_likely=allow_duplicates)
            pending.make_living(ctx)
        imported = stage.count(include_likely=allow_duplicates)
        if imported:
            log_event(
                ctx,
                staff_id=actor.id,
                action="create",
                entity="import",
                entity_id=pending.import_id,
                purpose=f"{path.name}: {imported} clients",
            )
    return imported
