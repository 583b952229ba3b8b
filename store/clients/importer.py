"""Client import from CSV files as Excel writes them: every row is checked, then all or nothing."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType

from store.clients.repository import client_id_by_hetu, insert_client, similar_clients
from store.clients.validation import ValidationError, clean_client, mask_hetu
from store.core.audit import log_event
from store.core.auth import require
from store.core.context import Context
from store.core.db import write_transaction
from store.core.i18n import TranslatedError, tr
from store.core.models import Staff

# CSV column -> client field. The file says `language`, as a person would.
COLUMNS: Mapping[str, str] = MappingProxyType(
    {
        "hetu": "hetu",
        "first_name": "first_name",
        "last_name": "last_name",
        "birth_date": "birth_date",
        "phone": "phone",
        "email": "email",
        "language": "service_language",
        "municipality": "municipality",
    }
)
REQUIRED_COLUMNS = ("first_name", "last_name")
_COLUMN_OF_FIELD = {client_field: column for column, client_field in COLUMNS.items()}


class ImportFileError(TranslatedError):
    """The file as a whole cannot be imported: missing, unreadable, or a bad header."""


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
class CsvRow:
    line: int  # as Excel numbers its rows: the header is line 1
    values: Mapping[str, str]  # client form field -> text
    extra_values: bool


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

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class _Checked:
    problems: tuple[RowProblem, ...]
    duplicates: tuple[DuplicateRow, ...]
    likely_duplicates: tuple[LikelyDuplicateRow, ...]
    clients: tuple[dict[str, object], ...]


def decode(data: bytes) -> str:
    """UTF-8 with or without a BOM (Excel's "CSV UTF-8"), else Windows-1252 (plain "CSV")."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 decodes anything.
        return data.decode("latin-1")


def _delimiter(header_line: str) -> str:
    # Finnish Excel separates with semicolons because the comma is the decimal sign.
    return ";" if header_line.count(";") > header_line.count(",") else ","


def _header(cells: Sequence[str]) -> list[str]:
    names = [cell.strip().lower() for cell in cells]
    named = [name for name in names if name]
    unknown = [name for name in named if name not in COLUMNS]
    if unknown:
        raise ImportFileError(
            "import.error.unknown_columns", columns=", ".join(unknown), allowed=", ".join(COLUMNS)
        )
    repeated = sorted({name for name in named if named.count(name) > 1})
    if repeated:
        raise ImportFileError("import.error.repeated_columns", columns=", ".join(repeated))
    missing = [name for name in REQUIRED_COLUMNS if name not in named]
    if missing:
        raise ImportFileError("import.error.missing_columns", columns=", ".join(missing))
    return names


def parse_csv(text: str) -> list[CsvRow]:
    """Rows of a client CSV; raises `ImportFileError` when the header is unusable."""
    header_line = text.partition("\n")[0]
    if not header_line.strip():
        raise ImportFileError("import.error.empty")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(header_line))
    rows: list[CsvRow] = []
    try:
        names = _header(next(reader))
        # Excel numbers records, not physical lines: a quoted value may span several.
        for line, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue  # Excel leaves rows of bare separators behind deleted content
            values: dict[str, str] = {}
            extra = any(cell.strip() for cell in cells[len(names) :])
            for name, cell in zip(names, cells, strict=False):
                if name:
                    values[COLUMNS[name]] = cell.strip()
                elif cell.strip():
                    extra = True
            if "service_language" in values:
                values["service_language"] = values["service_language"].lower()
            rows.append(CsvRow(line, values, extra))
    except csv.Error as exc:
        raise ImportFileError("import.error.malformed", line=reader.line_num, reason=exc) from exc
    return rows


def read_csv(path: Path) -> list[CsvRow]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError("import.error.file_missing", path=path) from None
    except OSError as exc:
        raise ImportFileError("import.error.unreadable", path=path, reason=exc.strerror) from exc
    return parse_csv(decode(data))


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


def check_rows(ctx: Context, rows: Sequence[CsvRow], *, allow_duplicates: bool = False) -> _Checked:
    """Validate every row as the client form would; HETUs already registered are duplicates,
    and rows without a HETU like a registered client likely ones (imported if allowed)."""
    problems: list[RowProblem] = []
    duplicates: list[DuplicateRow] = []
    likely_duplicates: list[LikelyDuplicateRow] = []
    clients: list[dict[str, object]] = []
    first_line_of_hetu: dict[str, int] = {}
    for row in rows:
        row_problems: list[RowProblem] = []
        if row.extra_values:
            row_problems.append(RowProblem(row.line, "", "import.error.extra_values"))
        try:
            values = clean_client(row.values, ctx.today())
        except ValidationError as exc:
            row_problems += [
                RowProblem(row.line, _COLUMN_OF_FIELD.get(e.field, e.field), e.key, e.params)
                for e in exc.errors
            ]
            values = {}
        # Compared as typed (upper-cased), so a repeat is caught even on an invalid row.
        typed_hetu = row.values.get("hetu", "").upper()
        if typed_hetu in first_line_of_hetu:
            first = first_line_of_hetu[typed_hetu]
            row_problems.append(
                RowProblem(row.line, "hetu", "import.error.hetu_repeated", {"line": first})
            )
        elif typed_hetu:
            first_line_of_hetu[typed_hetu] = row.line
        hetu = values.get("hetu")
        if row_problems:
            problems += row_problems
        elif isinstance(hetu, str) and client_id_by_hetu(ctx, hetu) is not None:
            duplicates.append(DuplicateRow(row.line, mask_hetu(hetu)))
        elif hetu is None and (likely := _likely_duplicate(ctx, row.line, values)):
            likely_duplicates.append(likely)
            if allow_duplicates:
                clients.append(values)
        else:
            clients.append(values)
    return _Checked(tuple(problems), tuple(duplicates), tuple(likely_duplicates), tuple(clients))


def import_clients(
    ctx: Context,
    actor: Staff,
    path: Path,
    *,
    dry_run: bool = False,
    allow_duplicates: bool = False,
) -> ImportReport:
    """Import the clients in a CSV file, or none of them if any row is bad.

    Rows whose HETU is already registered are reported and skipped; so are rows without a
    HETU that name a registered client, unless `allow_duplicates`. So the same file
    imported twice adds nothing the second time. Raises
    `PermissionDenied` for anyone but an admin, `ImportFileError` for an unusable file.
    """
    require(actor, "client.import")
    rows = read_csv(path)

    def report(checked: _Checked, imported: int) -> ImportReport:
        return ImportReport(
            path.name,
            checked.problems,
            checked.duplicates,
            checked.likely_duplicates,
            len(checked.clients),
            imported,
            dry_run,
            allow_duplicates,
        )

    if dry_run:
        return report(check_rows(ctx, rows, allow_duplicates=allow_duplicates), 0)
    # Checking inside the write transaction: nobody can register one of these HETUs
    # between the check and the insert.
    with write_transaction(ctx.db):
        checked = check_rows(ctx, rows, allow_duplicates=allow_duplicates)
        if checked.problems or not checked.clients:
            return report(checked, 0)
        now = ctx.now_iso()
        for values in checked.clients:
            insert_client(ctx, values, actor_id=actor.id, at=now)
        log_event(
            ctx,
            at=now,
            staff_id=actor.id,
            action="create",
            entity="import",
            purpose=f"{path.name}: {len(checked.clients)} clients",
        )
    return report(checked, len(checked.clients))
