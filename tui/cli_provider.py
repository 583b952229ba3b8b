"""`luotsi provider`: the service providers (palveluntuottajat), their services and their
CSV import; anyone logged in lists them, only an admin changes them (every change logged)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from store.core.dates import format_date
from store.core.i18n import tr
from store.core.text import visible
from store.paths.catalog import ServiceCatalog
from store.paths.models import Provider
from store.paths.provider_import import ProviderImportReport

from .cli_catalog import catalog_session, cell, print_table, service_id_or_fail
from .cli_catalog_strings import catalog_help as _help
from .cli_common import (
    EXIT_BAD_ROWS,
    DbOption,
    LangOption,
    UserOption,
    early_language,
    fail,
)
from .cli_import import problem_table

SectorName = Literal["company", "municipality", "third_sector", "public"]
ProviderArgument = Annotated[str, typer.Argument(help=_help("help.provider.key"))]

provider_app = typer.Typer(help=_help("help.provider"), no_args_is_help=True)


def _provider_or_fail(catalog: ServiceCatalog, key: str, lang: str) -> Provider:
    provider = catalog.find_provider(key)
    if provider is None:
        fail(tr("cli.provider.unknown", lang, provider=key))
    return provider


@provider_app.command("list", help=_help("help.provider.list"))
def list_providers(
    ctx: typer.Context,
    service: Annotated[str | None, typer.Option(help=_help("help.provider.service"))] = None,
    show_all: Annotated[bool, typer.Option("--all", help=_help("help.provider.all"))] = False,
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    with catalog_session(ctx, db, user, lang) as session:
        catalog = session.store.catalog
        today = session.store.today()
        providers = catalog.providers()
        if service is not None:
            service_id = service_id_or_fail(catalog, service, session.lang)
            providers = [p for p in providers if service_id in p.service_ids]
        if not show_all:
            providers = [p for p in providers if p.active_on(today)]
        codes = {p.id: catalog.service_codes(p) for p in providers}
    if not providers:
        typer.echo(tr("cli.provider.none", session.lang))
        return
    table = Table()
    for column in ("name", "business_id", "sector", "municipality", "services", "from", "to"):
        table.add_column(tr(f"cli.provider.column.{column}", session.lang))
    for provider in providers:
        table.add_row(
            cell(provider.name),
            provider.business_id,
            tr(f"catalog.sector.{provider.sector}", session.lang),
            cell(provider.municipality),
            " ".join(codes[provider.id]) or "—",
            format_date(provider.active_from),
            format_date(provider.active_to) or "—",
        )
    print_table(table)


@provider_app.command("add", help=_help("help.provider.add"))
def add_provider(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=_help("help.provider.name"))],
    business_id: Annotated[str, typer.Option(help=_help("help.provider.business_id"))],
    sector: Annotated[SectorName, typer.Option(help=_help("help.provider.sector"))] = "company",
    municipality: Annotated[str, typer.Option(help=_help("help.provider.municipality"))] = "",
    active_from: Annotated[str, typer.Option("--from", help=_help("help.provider.from"))] = "",
    active_to: Annotated[str, typer.Option("--to", help=_help("help.provider.to"))] = "",
    services: Annotated[str, typer.Option(help=_help("help.provider.services"))] = "",
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    values = {"provider_name": name, "business_id": business_id, "sector": sector}
    values |= {"provider_municipality": municipality, "services": services}
    values |= {"active_from": active_from, "active_to": active_to}
    with catalog_session(ctx, db, user, lang) as session:
        provider = session.store.catalog.add_provider(session.staff, values)
    typer.echo(
        tr(
            "cli.provider.added",
            session.lang,
            name=visible(provider.name),
            business_id=provider.business_id,
        )
    )


@provider_app.command("retire", help=_help("help.provider.retire"))
def retire_provider(
    ctx: typer.Context,
    provider_key: ProviderArgument,
    on: Annotated[str, typer.Option(help=_help("help.provider.on"))] = "",
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    with catalog_session(ctx, db, user, lang) as session:
        catalog = session.store.catalog
        provider = _provider_or_fail(catalog, provider_key, session.lang)
        retired = catalog.retire_provider(session.staff, provider.id, on)
    last_day = format_date(retired.active_to)
    typer.echo(tr("cli.provider.retired", session.lang, name=visible(retired.name), date=last_day))


@provider_app.command("services", help=_help("help.provider.set_services"))
def set_services(
    ctx: typer.Context,
    provider_key: ProviderArgument,
    codes: Annotated[list[str], typer.Argument(help=_help("help.provider.codes"))],
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    with catalog_session(ctx, db, user, lang) as session:
        catalog = session.store.catalog
        provider = _provider_or_fail(catalog, provider_key, session.lang)
        changed = catalog.set_provider_services(session.staff, provider.id, " ".join(codes))
        offered = " ".join(catalog.service_codes(changed)) or "—"
    typer.echo(
        tr("cli.provider.services_set", session.lang, name=visible(changed.name), services=offered)
    )


def _print_import(report: ProviderImportReport, lang: str) -> None:
    console = Console(highlight=False)
    if report.problems:
        console.print(tr("cli.import.problems", lang, count=len(report.problems)))
        console.print(problem_table(report.problems, lang))
    if report.duplicates:
        console.print(tr("cli.provider.import.duplicates", lang, count=len(report.duplicates)))
        table = Table()
        table.add_column(tr("cli.import.column.line", lang), justify="right")
        table.add_column(tr("cli.provider.column.business_id", lang))
        table.add_column(tr("cli.import.column.registered", lang))
        for duplicate in report.duplicates:
            table.add_row(
                str(duplicate.line), duplicate.business_id, cell(duplicate.registered_name)
            )
        console.print(table)
    name = report.file_name
    if not report.ok:
        summary = tr("cli.import.failed", lang, file=name)
    elif report.dry_run:
        summary = tr("cli.provider.import.dry_run", lang, count=report.to_import, file=name)
    else:
        summary = tr("cli.provider.import.done", lang, count=report.imported, file=name)
    console.print(escape(visible(summary)))


@provider_app.command("import", help=_help("help.provider.import"))
def import_providers(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help=_help("help.provider.file"), dir_okay=False)],
    dry_run: Annotated[bool, typer.Option(help=_help("help.provider.dry_run"))] = False,
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    if not file.is_file():
        fail(tr("import.error.file_missing", early_language(ctx, lang), path=file))
    with catalog_session(ctx, db, user, lang) as session:
        report = session.store.catalog.import_providers(session.staff, file, dry_run=dry_run)
    _print_import(report, session.lang)
    if not report.ok:
        raise typer.Exit(EXIT_BAD_ROWS)
