"""`luotsi catalog` and `luotsi provider`: the service catalog, its dated rule rows and the
providers; anyone logged in lists them, only an admin changes them (every change logged)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from store.clients.validation import ValidationError
from store.core.dates import format_date
from store.core.i18n import in_language, tr
from store.core.text import visible
from store.paths.catalog import ServiceCatalog, rules_in_force
from store.paths.models import Provider
from store.paths.provider_import import ProviderImportReport

from .cli_common import (
    EXIT_BAD_ROWS,
    DbOption,
    LangOption,
    Session,
    UserOption,
    early_language,
    fail,
    staff_session,
)
from .cli_help import HELP_LANGUAGE

STRINGS: dict[str, tuple[str, str, str]] = {
    "cli.catalog.not_allowed": (
        "käyttäjä {username} ei saa muuttaa palveluluetteloa eikä palveluntuottajia"
        " (vain pääkäyttäjä); mitään ei muutettu",
        "användaren {username} får inte ändra tjänsteförteckningen eller"
        " tjänsteproducenterna (endast huvudanvändare); inget ändrades",
        "{username} may not change the service catalog or the providers (admins only);"
        " nothing was changed",
    ),
    "cli.catalog.column.code": ("koodi", "kod", "code"),
    "cli.catalog.column.name": ("nimi", "namn", "name"),
    "cli.catalog.column.category": ("luokka", "kategori", "category"),
    "cli.catalog.column.rules": ("sääntöjä", "regler", "rules"),
    "cli.catalog.column.status": ("tila", "status", "status"),
    "cli.catalog.column.kind": ("laji", "typ", "kind"),
    "cli.catalog.column.value": ("arvo", "värde", "value"),
    "cli.catalog.column.from": ("alkaen", "från", "from"),
    "cli.catalog.column.in_force": ("voimassa", "gäller", "in force"),
    "cli.catalog.column.source": ("lähde", "källa", "source"),
    "cli.catalog.active": ("käytössä", "aktiv", "active"),
    "cli.catalog.retired": ("poistettu käytöstä", "ur bruk", "retired"),
    "cli.catalog.in_force": ("✓ nyt", "✓ nu", "✓ now"),
    "cli.catalog.no_rules": (
        "palvelulla {code} ei ole sääntörivejä",
        "tjänsten {code} har inga regelrader",
        "service {code} has no rule rows",
    ),
    "cli.catalog.added": (
        "palvelu {code} ({name}) lisätty (muutos kirjattu lokiin)",
        "tjänsten {code} ({name}) tillagd (ändringen loggad)",
        "added the service {code} ({name}) (the change is logged)",
    ),
    "cli.catalog.service_retired": (
        "palvelu {code} poistettu käytöstä; sitä ei voi valita uusiin vaiheisiin, vanhat"
        " vaiheet säilyvät (muutos kirjattu lokiin)",
        "tjänsten {code} tagen ur bruk; den kan inte väljas för nya steg, gamla steg"
        " finns kvar (ändringen loggad)",
        "retired the service {code}: no new steps of it, old steps keep it (the change is logged)",
    ),
    "cli.catalog.rule_added": (
        "sääntö {kind} = {value} palvelulle {code} voimassa {date} alkaen (muutos kirjattu lokiin)",
        "regeln {kind} = {value} för tjänsten {code} gäller från {date} (ändringen loggad)",
        "rule {kind} = {value} of {code} in force from {date} (the change is logged)",
    ),
    "cli.provider.column.name": ("nimi", "namn", "name"),
    "cli.provider.column.business_id": ("Y-tunnus", "FO-nummer", "business ID"),
    "cli.provider.column.sector": ("sektori", "sektor", "sector"),
    "cli.provider.column.municipality": ("kunta", "kommun", "municipality"),
    "cli.provider.column.services": ("palvelut", "tjänster", "services"),
    "cli.provider.column.from": ("alkaen", "från", "from"),
    "cli.provider.column.to": ("asti", "till", "until"),
    "cli.provider.none": (
        "ei palveluntuottajia",
        "inga tjänsteproducenter",
        "no providers",
    ),
    "cli.provider.unknown": (
        "palveluntuottajaa {provider} ei löydy (anna Y-tunnus tai tarkka nimi)",
        "tjänsteproducenten {provider} hittades inte (ange FO-nummer eller exakt namn)",
        "provider {provider} not found (give its business ID or exact name)",
    ),
    "cli.provider.added": (
        "palveluntuottaja {name} ({business_id}) lisätty (muutos kirjattu lokiin)",
        "tjänsteproducenten {name} ({business_id}) tillagd (ändringen loggad)",
        "added the provider {name} ({business_id}) (the change is logged)",
    ),
    "cli.provider.retired": (
        "palveluntuottaja {name} toiminnassa {date} asti; vanhat vaiheet säilyvät"
        " (muutos kirjattu lokiin)",
        "tjänsteproducenten {name} aktiv till {date}; gamla steg finns kvar (ändringen loggad)",
        "{name} is active until {date}; old steps keep it (the change is logged)",
    ),
    "cli.provider.services_set": (
        "palveluntuottajan {name} palvelut: {services} (muutos kirjattu lokiin)",
        "tjänster hos {name}: {services} (ändringen loggad)",
        "{name} now offers: {services} (the change is logged)",
    ),
    "cli.provider.import.duplicates": (
        "Y-tunnus jo rekisterissä, ohitetaan: {count}",
        "FO-numret finns redan i registret, hoppas över: {count}",
        "Business ID already registered, skipped: {count}",
    ),
    "cli.provider.import.dry_run": (
        "Koeajo: {count} palveluntuottajaa voidaan tuoda tiedostosta {file}; mitään ei"
        " tallennettu.",
        "Provkörning: {count} tjänsteproducenter kan importeras från {file}; inget sparades.",
        "Dry run: {count} providers can be imported from {file}; nothing was saved.",
    ),
    "cli.provider.import.done": (
        "Tuotiin {count} palveluntuottajaa tiedostosta {file}.",
        "{count} tjänsteproducenter importerades från {file}.",
        "Imported {count} providers from {file}.",
    ),
    # --help texts (shown in the language of `--lang` or the locale: see cli_help.py)
    "help.catalog": (
        "Palveluluettelo ja sen päivätyt säännöt; muutokset vain pääkäyttäjälle.",
        "Tjänsteförteckningen och dess daterade regler; ändringar endast för admin.",
        "The service catalog and its dated rules; changes by admins only.",
    ),
    "help.catalog.list": (
        "Palvelut koodeineen, nimineen ja luokkineen.",
        "Tjänsterna med kod, namn och kategori.",
        "The services with their codes, names and categories.",
    ),
    "help.catalog.all": (
        "Myös käytöstä poistetut.",
        "Även de som tagits ur bruk.",
        "Retired ones too.",
    ),
    "help.catalog.add": (
        "Lisää palvelu (koodi a–z ja _, nimet kolmella kielellä, luokka).",
        "Lägg till en tjänst (kod a–z och _, namn på tre språk, kategori).",
        "Add a service (code a–z and _, names in three languages, a category).",
    ),
    "help.catalog.code": ("Palvelun koodi.", "Tjänstens kod.", "The service's code."),
    "help.catalog.name": (
        "Nimi tällä kielellä.",
        "Namnet på detta språk.",
        "Its name in this language.",
    ),
    "help.catalog.category": (
        "guidance, work, training, rehabilitation tai enterprise.",
        "guidance, work, training, rehabilitation eller enterprise.",
        "guidance, work, training, rehabilitation or enterprise.",
    ),
    "help.catalog.retire": (
        "Poista palvelu käytöstä: ei uusiin vaiheisiin, vanhat säilyvät.",
        "Ta en tjänst ur bruk: inte för nya steg, gamla finns kvar.",
        "Retire a service: no new steps of it; old steps keep it.",
    ),
    "help.catalog.rule": (
        "Palvelun sääntörivit.",
        "Tjänstens regelrader.",
        "A service's rule rows.",
    ),
    "help.catalog.rule.add": (
        "Lisää sääntörivi voimaan päivästä alkaen. Riviä ei muokata: lain muutos on uusi rivi.",
        "Lägg till en regelrad som gäller från ett datum. En rad ändras aldrig: en"
        " lagändring är en ny rad.",
        "Add a rule row in force from a date. A row is never edited: a change in the law is a"
        " new row.",
    ),
    "help.catalog.rule.kind": (
        "Esim. max_total_months, max_days_per_week, min_age, subsidy_percentages, full_time.",
        "T.ex. max_total_months, max_days_per_week, min_age, subsidy_percentages, full_time.",
        "E.g. max_total_months, max_days_per_week, min_age, subsidy_percentages, full_time.",
    ),
    "help.catalog.rule.value": (
        "Luku; prosentit pilkuin (50,70); full_time on 1.",
        "Ett tal; procentsatser med kommatecken (50,70); full_time är 1.",
        "A number; percentages with commas (50,70); full_time is 1.",
    ),
    "help.catalog.rule.from": (
        "Voimassa alkaen (p.k.vvvv).",
        "Gäller från (d.m.åååå).",
        "In force from (d.m.yyyy).",
    ),
    "help.catalog.rule.source": (
        "Säännön lähde (laki, päätös, sivu).",
        "Regelns källa (lag, beslut, sida).",
        "The rule's source (act, decision, page).",
    ),
    "help.catalog.rules": (
        "Palvelun sääntörivit päivineen ja lähteineen.",
        "Tjänstens regelrader med datum och källa.",
        "A service's rule rows with their dates and sources.",
    ),
    "help.provider": (
        "Palveluntuottajat (dynaaminen hankintajärjestelmä); muutokset vain pääkäyttäjälle.",
        "Tjänsteproducenterna (dynamiskt inköpssystem); ändringar endast för admin.",
        "Service providers (dynamic purchasing system); changes by admins only.",
    ),
    "help.provider.list": (
        "Tänään toiminnassa olevat palveluntuottajat.",
        "Tjänsteproducenterna som är aktiva i dag.",
        "The providers active today.",
    ),
    "help.provider.all": (
        "Myös lopettaneet ja vasta aloittavat.",
        "Även avslutade och kommande.",
        "Retired and future ones too.",
    ),
    "help.provider.service": (
        "Vain tätä palvelua tarjoavat (koodi).",
        "Bara de som erbjuder denna tjänst (kod).",
        "Only those offering this service (code).",
    ),
    "help.provider.add": (
        "Lisää palveluntuottaja; Y-tunnus tarkistetaan.",
        "Lägg till en tjänsteproducent; FO-numret kontrolleras.",
        "Add a provider; its business ID is checked.",
    ),
    "help.provider.name": ("Nimi.", "Namn.", "Its name."),
    "help.provider.business_id": (
        "Y-tunnus (1234567-8).",
        "FO-nummer (1234567-8).",
        "Business ID (1234567-8).",
    ),
    "help.provider.sector": (
        "company, municipality, third_sector tai public; oletus company.",
        "company, municipality, third_sector eller public; standard company.",
        "company, municipality, third_sector or public; default company.",
    ),
    "help.provider.municipality": ("Kunta.", "Kommun.", "Municipality."),
    "help.provider.from": (
        "Toiminnassa alkaen (p.k.vvvv); oletus tänään.",
        "Aktiv från (d.m.åååå); standard i dag.",
        "Active from (d.m.yyyy); default today.",
    ),
    "help.provider.to": (
        "Toiminnassa asti (p.k.vvvv).",
        "Aktiv till (d.m.åååå).",
        "Active until (d.m.yyyy).",
    ),
    "help.provider.services": (
        "Tarjotut palvelut koodeina, välilyönnein tai pilkuin.",
        "Erbjudna tjänster som koder, med mellanslag eller kommatecken.",
        "Services offered, as codes separated by spaces or commas.",
    ),
    "help.provider.key": (
        "Palveluntuottajan Y-tunnus tai tarkka nimi.",
        "Tjänsteproducentens FO-nummer eller exakta namn.",
        "The provider's business ID or exact name.",
    ),
    "help.provider.retire": (
        "Lopeta palveluntuottajan toiminta; vanhat vaiheet säilyvät.",
        "Avsluta en tjänsteproducent; gamla steg finns kvar.",
        "Retire a provider; old steps keep it.",
    ),
    "help.provider.on": (
        "Viimeinen toimintapäivä (p.k.vvvv); oletus tänään.",
        "Sista aktiva dag (d.m.åååå); standard i dag.",
        "Last active day (d.m.yyyy); default today.",
    ),
    "help.provider.set_services": (
        "Aseta palveluntuottajan tarjoamat palvelut.",
        "Ange tjänsterna som tjänsteproducenten erbjuder.",
        "Set the services a provider offers.",
    ),
    "help.provider.codes": ("Palvelukoodit.", "Tjänstekoder.", "Service codes."),
    "help.provider.import": (
        "Tuo palveluntuottajat CSV-tiedostosta: kaikki rivit tai ei mitään.\n\nSarakkeet:"
        " name, business_id, sector, municipality, active_from, services. Jo rekisterissä"
        " oleva Y-tunnus ohitetaan.",
        "Importera tjänsteproducenter från en CSV-fil: alla rader eller ingen.\n\nKolumner:"
        " name, business_id, sector, municipality, active_from, services. Ett FO-nummer"
        " som redan finns hoppas över.",
        "Import providers from a CSV file: every row or none.\n\nColumns: name, business_id,"
        " sector, municipality, active_from, services. A business ID already registered is"
        " skipped.",
    ),
    "help.provider.file": ("CSV-tiedosto.", "CSV-fil.", "The CSV file."),
    "help.provider.dry_run": (
        "Tarkista vain; älä tallenna mitään.",
        "Kontrollera bara; spara inget.",
        "Only check; save nothing.",
    ),
}


def _help(key: str) -> str:
    return in_language(STRINGS[key], HELP_LANGUAGE)


Category = Literal["guidance", "work", "training", "rehabilitation", "enterprise"]
SectorName = Literal["company", "municipality", "third_sector", "public"]
CodeArgument = Annotated[str, typer.Argument(help=_help("help.catalog.code"))]
ProviderArgument = Annotated[str, typer.Argument(help=_help("help.provider.key"))]
AllOption = Annotated[bool, typer.Option("--all", help=_help("help.catalog.all"))]

catalog_app = typer.Typer(help=_help("help.catalog"), no_args_is_help=True)
rule_app = typer.Typer(help=_help("help.catalog.rule"), no_args_is_help=True)
catalog_app.add_typer(rule_app, name="rule")
provider_app = typer.Typer(help=_help("help.provider"), no_args_is_help=True)


@contextmanager
def _session(
    ctx: typer.Context, db: DbOption, user: UserOption, lang: str | None
) -> Iterator[Session]:
    """Log in like every command; the store's refusals of a field are `luotsi: <field>:
    <reason>` with exit code 2, and so is anyone but an admin changing something."""
    with staff_session(ctx, db, user, lang, not_allowed="cli.catalog.not_allowed") as session:
        try:
            yield session
        except ValidationError as exc:
            fail("; ".join(error.message(session.lang) for error in exc.errors))


def _print(table: Table) -> None:
    Console(highlight=False).print(table)


def _cell(text: str | None) -> str:
    return escape(visible(text or "—"))


@catalog_app.command("list", help=_help("help.catalog.list"))
def list_services(
    ctx: typer.Context,
    show_all: AllOption = False,
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    with _session(ctx, db, user, lang) as session:
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
            _cell(service.name(session.lang)),
            service.category,
            str(count),
            t(status),
        )
    _print(table)


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
    with _session(ctx, db, user, lang) as session:
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
    with _session(ctx, db, user, lang) as session:
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
    with _session(ctx, db, user, lang) as session:
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


def _service_or_fail(catalog: ServiceCatalog, code: str, lang: str) -> str:
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
    with _session(ctx, db, user, lang) as session:
        catalog = session.store.catalog
        service_id = _service_or_fail(catalog, code, session.lang)
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
            _cell(rule.value),
            format_date(rule.effective_from),
            tr("cli.catalog.in_force", session.lang) if rule.id in in_force else "",
            _cell(rule.source),
        )
    _print(table)


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
    with _session(ctx, db, user, lang) as session:
        catalog = session.store.catalog
        today = session.store.today()
        providers = catalog.providers()
        if service is not None:
            service_id = _service_or_fail(catalog, service, session.lang)
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
            _cell(provider.name),
            provider.business_id,
            tr(f"catalog.sector.{provider.sector}", session.lang),
            _cell(provider.municipality),
            " ".join(codes[provider.id]) or "—",
            format_date(provider.active_from),
            format_date(provider.active_to) or "—",
        )
    _print(table)


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
    with _session(ctx, db, user, lang) as session:
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
    with _session(ctx, db, user, lang) as session:
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
    with _session(ctx, db, user, lang) as session:
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
        table = Table()
        table.add_column(tr("cli.import.column.line", lang), justify="right")
        table.add_column(tr("cli.import.column.field", lang))
        table.add_column(tr("cli.import.column.reason", lang))
        for problem in report.problems:
            table.add_row(
                str(problem.line), _cell(problem.column), escape(visible(problem.reason(lang)))
            )
        console.print(table)
    if report.duplicates:
        console.print(tr("cli.provider.import.duplicates", lang, count=len(report.duplicates)))
        table = Table()
        table.add_column(tr("cli.import.column.line", lang), justify="right")
        table.add_column(tr("cli.provider.column.business_id", lang))
        table.add_column(tr("cli.import.column.registered", lang))
        for duplicate in report.duplicates:
            table.add_row(
                str(duplicate.line), duplicate.business_id, _cell(duplicate.registered_name)
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
    with _session(ctx, db, user, lang) as session:
        report = session.store.catalog.import_providers(session.staff, file, dry_run=dry_run)
    _print_import(report, session.lang)
    if not report.ok:
        raise typer.Exit(EXIT_BAD_ROWS)
