"""Providers from a CSV file as Excel writes it (as the client import reads it): every row
is checked, then all of them are written in one transaction, or none if any row is bad.
A business ID already registered is a duplicate, skipped."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from store.clients.import_file import CsvRow, open_rows
from store.clients.importer import RowProblem
from store.clients.validation import ValidationError
from store.core.context import Context
from store.core.db import write_transaction
from store.core.models import Staff
from store.paths import providers as register
from store.paths.catalog_checks import clean_business_id, clean_provider
from store.paths.models import Service

# CSV column -> provider form field.
PROVIDER_COLUMNS: Mapping[str, str] = MappingProxyType(
    {
        "name": "provider_name",
        "business_id": "business_id",
        "sector": "sector",
        "municipality": "provider_municipality",
        "active_from": "active_from",
        "services": "services",
    }
)
REQUIRED_PROVIDER_COLUMNS = ("name", "business_id")
_COLUMN_OF_FIELD = {field: column for column, field in PROVIDER_COLUMNS.items()}


@dataclass(frozen=True)
class DuplicateProvider:
    """A row whose business ID is registered already: skipped, never overwritten."""

    line: int
    business_id: str
    registered_name: str


@dataclass(frozen=True)
class ProviderImportReport:
    file_name: str
    problems: tuple[RowProblem, ...]
    duplicates: tuple[DuplicateProvider, ...]
    to_import: int
    imported: int
    dry_run: bool

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class _Checked:
    problems: list[RowProblem]
    duplicates: list[DuplicateProvider]
    good: list[tuple[int, dict[str, object]]]


def _business_id(text: str) -> str:
    try:
        return clean_business_id(text)
    except ValidationError:
        return ""


def _check(ctx: Context, rows: Iterable[CsvRow], services: Mapping[str, Service]) -> _Checked:
    checked = _Checked([], [], [])
    first_line: dict[str, int] = {}
    for row in rows:
        problems: list[RowProblem] = []
        if row.extra_values:
            problems.append(RowProblem(row.line, "", "import.error.extra_values"))
        try:
            values = clean_provider(row.values, services, ctx.today())
        except ValidationError as exc:
            problems += [
                RowProblem(row.line, _COLUMN_OF_FIELD.get(e.field, e.field), e.key, e.params)
                for e in exc.errors
            ]
            values = {}
        # Compared as it would be stored, so a repeat is caught even on an invalid row.
        business_id = _business_id(row.values.get("business_id", ""))
        if business_id and (first := first_line.setdefault(business_id, row.line)) != row.line:
            problems.append(
                RowProblem(
                    row.line, "business_id", "catalog.error.business_id_repeated", {"line": first}
                )
            )
        if problems:
            checked.problems += problems
        elif taken := register.provider_id_by_business_id(ctx, business_id):
            checked.duplicates.append(DuplicateProvider(row.line, business_id, taken[1]))
        else:
            checked.good.append((row.line, values))
    return checked


def import_providers(
    ctx: Context,
    actor: Staff,
    path: Path,
    services: Mapping[str, Service],
    *,
    dry_run: bool = False,
) -> ProviderImportReport:
    """Import the providers in a CSV file (columns: name, business_id, sector,
    municipality, active_from, services), or none if any row is bad. Raises
    `PermissionDenied` for anyone but an admin, `ImportFileError` for an unusable file."""
    register.require_manager(ctx, actor)
    with open_rows(path, PROVIDER_COLUMNS, REQUIRED_PROVIDER_COLUMNS) as rows:
        checked = _check(ctx, rows, services)

    def report(imported: int) -> ProviderImportReport:
        to_import = 0 if checked.problems else len(checked.good)
        return ProviderImportReport(
            path.name,
            tuple(checked.problems),
            tuple(checked.duplicates),
            to_import,
            imported,
            dry_run,
        )

    if dry_run or checked.problems:
        return report(0)
    imported = 0
    with write_transaction(ctx.db):
        register.require_manager(ctx, actor)
        for line, values in checked.good:
            business_id = str(values["business_id"])
            # Registered meanwhile (by another admin): a duplicate too, as a minute later.
            if taken := register.provider_id_by_business_id(ctx, business_id):
                checked.duplicates.append(DuplicateProvider(line, business_id, taken[1]))
                continue
            register.insert_provider(ctx, actor, values)
            imported += 1
    return report(imported)
