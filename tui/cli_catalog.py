"""`luotsi catalog`: the service catalog and its dated rule rows; anyone logged in lists
them, only an admin changes them (every change logged). Shared with `luotsi provider`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from store.clients.validation import ValidationError
from store.core.dates import format_date
from store.core.i18n import tr
from store.core.text import visible
from store.paths.catalog import ServiceCatalog, rules_in_force

from .cli_catalog_strings import catalog_help as _help
from .cli_common import DbOption, LangOption, Session, UserOption, fail, staff_session

Category = Literal["guidance", "work", "training", "rehabilitation", "enterprise"]
CodeArgument = Annotated[str, typer.Argument(help=_help("help.catalog.code"))]
AllOption = Annotated[bool, typer.Option("--all", help=_help("help.catalog.all"))]

catalog_app = typer.Typer(help=_help("help.catalog"), no_args_is_help=True)
rule_app = typer.Typer(help=_help("help.catalog.rule"), no_args_is_help=True)
catalog_app.add_typer(rule_app, name="rule")


@contextmanager
def catalog_session(
    ctx: typer.Context, db: DbOption, user: UserOption, lang: str | None
) -> Iterator[Session]:
    """Log in like every command; the store's refusals of a field are `luotsi: <field>:
    <reason>` with exit code 2, and so is anyone but an admin changing something."""
    with staff_session(ctx, db, user, lang, not_allowed="cli.catalog.not_allowed") as session:
        try:
            yield session
        except ValidationError as exc:
            fail("; ".join(error.message(session.lang) for error in exc.errors))


def print_table(table: Table) -> None:
    Console(highlight=False).print(table)


def cell(text: str | None) -> str:
    return escape(visible(text or "—"))


@catalog_app.command("list", help=_help("help.catalog.list"))
def list_services(
    ctx: typer.Context,
    show_all: AllOption = False,
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    with catalog_session(ctx, db, user, lang) as session:
        catalog = session.store.catalog
        services = catalog.services(include_retired=show_all)
        rules = catalog.rules()

    def t(key: str) -> str:
        return tr(key, session.lang)

    table = Table()
    for column in ("code", "name", "category", "rules", "status"):
        table.add_column(t(f"cli.catalog.column.{column}"))
    for service in services:
        status = "cli.catalog.active" if service.active else "cli.catalog.retired"
        count = len(rules.get(service.id, []))
        table.add_row(
            service.code,
            cell(service.name(session.lang)),
            service.category,
            str(count),
            t(status),
        )
    print_table(table)


@catalog_app.command("add", help=_help("help.catalog.add"))
def add_service(
    ctx: typer.Context,
    code: CodeArgument,
    name_fi: Annotated[str, typer.Option("--fi", help=_help("help.catalog.name"))],
    name_sv: Annotated[str, typer.Option("--sv", help=_help("help.catalog.name"))],
    name_en: Annotated[str, typer.Option("--en", help=_help("help.catalog.name"))],
    category: Annotated[Category, typer.Option(help=_help("help.catalog.category"))],
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    values = {"service_code": code, "name_fi": name_fi, "name_sv": name_sv}
    values |= {"name_en": name_en, "category": category}
    with catalog_session(ctx, db, user, lang) as session:
        service = session.store.catalog.add_service(session.staff, values)
    name = visible(service.name(session.lang))
    typer.echo(tr("cli.catalog.added", session.lang, code=service.code, name=name))


@catalog_app.command("retire", help=_help("help.catalog.retire"))
def retire_service(
    ctx: typer.Context,
    code: CodeArgument,
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    with catalog_session(ctx, db, user, lang) as session:
        service = session.store.catalog.retire_service(session.staff, code)
    typer.echo(tr("cli.catalog.service_retired", session.lang, code=service.code))


@rule_app.command("add", help=_help("help.catalog.rule.add"))
def add_rule(
    ctx: typer.Context,
    code: CodeArgument,
    kind: Annotated[str, typer.Option(help=_help("help.catalog.rule.kind"))],
    value: Annotated[str, typer.Option(help=_help("help.catalog.rule.value"))],
    effective_from: Annotated[str, typer.Option("--from", help=_help("help.catalog.rule.from"))],
    source: Annotated[str, typer.Option(help=_help("help.catalog.rule.source"))],
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    values = {"service": code, "rule_kind": kind, "rule_value": value}
    values |= {"effective_from": effective_from, "rule_source": source}
    with catalog_session(ctx, db, user, lang) as session:
        rule = session.store.catalog.add_rule(session.staff, values)
    day = format_date(rule.effective_from)
    message = tr(
        "cli.catalog.rule_added",
        session.lang,
        kind=rule.kind,
        value=rule.value,
        code=code,
        date=day,
    )
    typer.echo(message)


def service_id_or_fail(catalog: ServiceCatalog, code: str, lang: str) -> str:
    service = catalog.services_by_code().get(code.strip().lower())
    if service is None:
        fail(tr("error.service.unknown", lang, code=code))
    return service.id


@catalog_app.command("rules", help=_help("help.catalog.rules"))
def list_rules(
    ctx: typer.Context,
    code: CodeArgument,
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    with catalog_session(ctx, db, user, lang) as session:
        catalog = session.store.catalog
        service_id = service_id_or_fail(catalog, code, session.lang)
        rules = catalog.rules([service_id]).get(service_id, [])
        today = session.store.today()
    if not rules:
        typer.echo(tr("cli.catalog.no_rules", session.lang, code=code))
        return
    in_force = {rule.id for rule in rules_in_force(rules, today).values()}
    table = Table()
    for column in ("kind", "value", "from", "in_force", "source"):
        table.add_column(tr(f"cli.catalog.column.{column}", session.lang))
    for rule in sorted(rules, key=lambda r: (r.kind, r.effective_from)):
        table.add_row(
            rule.kind,
            cell(rule.value),
            format_date(rule.effective_from),
            tr("cli.catalog.in_force", session.lang) if rule.id in in_force else "",
            cell(rule.source),
        )
    print_table(table)
