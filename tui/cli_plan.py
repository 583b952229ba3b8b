"""`luotsi plan CLIENT --out FILE`: a client's employment plan as a printable HTML page or
a Markdown text."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from store.api import Store
from store.clients.repository import ClientNotFound, fetch_client
from store.clients.search import SEARCH_LIMIT
from store.clients.validation import mask_hetu
from store.core.auth import require
from store.core.dates import format_date
from store.core.db import damage_reported
from store.core.i18n import in_language, tr
from store.core.text import visible
from store.exports.plan_file import check_plan_target, write_plan
from store.paths.repository import PurposeRequired

from .cli_common import (
    DbOption,
    Language,
    UserOption,
    database_path,
    early_language,
    errors_reported,
    fail,
    staff_session,
)
from .cli_help import HELP_LANGUAGE

STRINGS: dict[str, tuple[str, str, str]] = {
    "help.plan": (
        "Kirjoita asiakkaan työllistymissuunnitelma tulostettavaksi HTML-sivuksi (A4) tai"
        " Markdown-tekstiksi. Asiakas on henkilötunnus, asiakastunnus tai haku, johon sopii"
        " täsmälleen yksi asiakas. Kirjoitettu suunnitelma kirjataan käyttölokiin.",
        "Skriv klientens sysselsättningsplan som en HTML-sida för utskrift (A4) eller som"
        " Markdown-text. Klienten anges med personbeteckning, klient-id eller en sökning som"
        " passar exakt en klient. Den skrivna planen förs in i användningsloggen.",
        "Write a client's employment plan as a printable HTML page (A4) or as Markdown"
        " text. The client is a personal identity code, a client id or a search that matches"
        " exactly one client. Every plan written is in the access log.",
    ),
    "help.plan.client": (
        "Henkilötunnus, asiakastunnus tai haku (nimi, syntymäaika, puhelin).",
        "Personbeteckning, klient-id eller sökning (namn, födelsedatum, telefon).",
        "Personal identity code, client id or a search (name, birth date, phone).",
    ),
    "help.plan.out": (
        "Kirjoitettava tiedosto: .html (tai .htm) tulostettavaksi, .md tekstinä.",
        "Filen som skrivs: .html (eller .htm) för utskrift, .md som text.",
        "The file to write: .html (or .htm) to print, .md as text.",
    ),
    "help.plan.lang": (
        "Suunnitelman kieli; oletus asiakkaan asiointikieli (muu kieli: suomi).",
        "Planens språk; standard klientens servicespråk (annat språk: finska).",
        "Language of the plan; default the client's service language (other: Finnish).",
    ),
    "help.plan.purpose": (
        "Käyttötarkoitus, kun asiakas ei ole omassa asiakkuudessasi (kirjataan lokiin).",
        "Ändamål, när klienten inte hör till dina klienter (förs in i loggen).",
        "Purpose, for a client outside your caseload (written to the access log).",
    ),
    "cli.plan.done": (
        "Työllistymissuunnitelma kirjoitettu tiedostoon {path}",
        "Sysselsättningsplanen skrevs till filen {path}",
        "Employment plan written to {path}",
    ),
    "cli.plan.no_match": (
        "yksikään asiakas ei vastaa hakua ”{text}”",
        "ingen klient passar sökningen ”{text}”",
        "no client matches “{text}”",
    ),
    "cli.plan.ambiguous": (
        "hakuun ”{text}” sopii useampi asiakas; anna henkilötunnus tai asiakastunnus:",
        "flera klienter passar sökningen ”{text}”; ange personbeteckning eller klient-id:",
        "more than one client matches “{text}”; give the identity code or the client id:",
    ),
    "cli.plan.more": (
        "… ja muita: tarkenna hakua",
        "… och fler: precisera sökningen",
        "… and more: narrow the search",
    ),
    "cli.plan.purpose_required": (
        "asiakas ei ole asiakkuudessasi: kerro käyttötarkoitus valitsimella --purpose",
        "klienten hör inte till dina klienter: ange ändamålet med --purpose",
        "this client is not in your caseload: state the purpose with --purpose",
    ),
    "cli.plan.not_allowed": (
        "käyttäjä {username} ei saa kirjoittaa työllistymissuunnitelmia",
        "användaren {username} får inte skriva sysselsättningsplaner",
        "{username} may not write employment plans",
    ),
}


def _help(key: str) -> str:
    return in_language(STRINGS[key], HELP_LANGUAGE)


PLAN_HELP = _help("help.plan")


def find_client(store: Store, text: str, lang: str) -> str:
    """The id of the one client `text` names: a client id, else the only match of the
    client search (a HETU, a name, a birth date, a phone number); else exit 2 listing the
    candidates by name, masked HETU (or birth date) and id."""
    wanted = text.strip()
    try:
        return fetch_client(store.ctx, wanted).id
    except ClientNotFound:
        pass
    matches = store.clients.search(wanted) if wanted else []
    if len(matches) == 1:
        return matches[0].id
    if not matches:
        fail(tr("cli.plan.no_match", lang, text=visible(wanted)))
    lines = [tr("cli.plan.ambiguous", lang, text=visible(wanted))]
    for match in matches:
        code = mask_hetu(match.hetu) if match.hetu else format_date(match.birth_date)
        name = visible(f"{match.last_name} {match.first_name}")
        lines.append(f"  {name}  {code}  {match.id}")
    if len(matches) >= SEARCH_LIMIT:
        lines.append(f"  {tr('cli.plan.more', lang)}")
    fail("\n".join(lines))


def plan_command(
    ctx: typer.Context,
    client: Annotated[str, typer.Argument(help=_help("help.plan.client"), show_default=False)],
    out: Annotated[Path, typer.Option("--out", help=_help("help.plan.out"), dir_okay=False)],
    lang: Annotated[Language | None, typer.Option("--lang", help=_help("help.plan.lang"))] = None,
    purpose: Annotated[str | None, typer.Option(help=_help("help.plan.purpose"))] = None,
    user: UserOption = None,
    db: DbOption = None,
) -> None:
    """Write the employment plan of one client to an .html or .md file."""
    # --lang is the plan's language here: messages are in the user's own (or the --lang
    # given before the command).
    early_lang = early_language(ctx, None)
    with errors_reported(early_lang):
        check_plan_target(out.expanduser().absolute())  # before a password is asked
    with (
        errors_reported(early_lang),
        damage_reported(database_path(ctx, db)),
        staff_session(ctx, db, user, None, not_allowed="cli.plan.not_allowed") as session,
        damage_reported(session.store.db),
    ):
        store = session.store
        require(session.staff, "path.view")  # reception hears no client's name
        client_id = find_client(store, client, session.lang)
        try:
            written = write_plan(
                store.ctx, session.staff, client_id, out.expanduser(), lang, purpose
            )
        except PurposeRequired:
            fail(tr("cli.plan.purpose_required", session.lang))
    typer.echo(tr("cli.plan.done", session.lang, path=written))
