"""`luotsi export visits`: the daily visit log as CSV, XLSX or JSON for reporting;
`luotsi export calendar`: a coach's calendar as an iCalendar (.ics) file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from store.core.dates import format_date, parse_date
from store.core.db import damage_reported
from store.core.i18n import tr
from store.core.sites import choose_site
from store.core.text import visible
from store.exports.calendar_file import default_calendar_name, default_range, export_calendar
from store.exports.visit_export import default_file_name, export_visits, format_of

from .cli_common import (
    DbOption,
    LangOption,
    UserOption,
    database_path,
    early_language,
    errors_reported,
    fail,
    staff_session,
)
from .cli_export_calendar_strings import STRINGS as CALENDAR_STRINGS
from .cli_help import help_for

STRINGS: dict[str, tuple[str, str, str]] = {
    "cli.export.done.one": (
        "{count} käynti kirjoitettu tiedostoon {path}\nSHA-256 {sha256}\nluettelo {manifest}",
        "{count} besök skrivet till filen {path}\nSHA-256 {sha256}\nförteckning {manifest}",
        "{count} visit written to {path}\nSHA-256 {sha256}\nmanifest {manifest}",
    ),
    "cli.export.done.other": (
        "{count} käyntiä kirjoitettu tiedostoon {path}\nSHA-256 {sha256}\nluettelo {manifest}",
        "{count} besök skrivna till filen {path}\nSHA-256 {sha256}\nförteckning {manifest}",
        "{count} visits written to {path}\nSHA-256 {sha256}\nmanifest {manifest}",
    ),
    "cli.export.empty": (
        "ei käyntejä valittuina päivinä: {path} kirjoitettiin ilman rivejä",
        "inga besök de valda dagarna: {path} skrevs utan rader",
        "no visits on the chosen days: {path} was written with no rows",
    ),
    "cli.export.not_allowed": (
        "käyttäjä {username} ei saa tehdä tätä vientiä (tunnistetiedot vain pääkäyttäjälle)",
        "användaren {username} får inte göra denna export (identiteter endast för admin)",
        "{username} may not make this export (identities are for admins only)",
    ),
    "cli.export.purpose_without_identities": (
        "--purpose kuuluu yhteen valitsimen --identities kanssa",
        "--purpose hör ihop med --identities",
        "--purpose goes with --identities",
    ),
    "cli.export.suffix_mismatch": (
        "--format {fmt} ei sovi tiedostonimeen {path}; vaihda jompikumpi",
        "--format {fmt} passar inte filnamnet {path}; ändra det ena",
        "--format {fmt} does not match the file name {path}; change one of them",
    ),
}

export_app = typer.Typer(help=help_for("help.export"), no_args_is_help=True)


@export_app.command("visits", help=help_for("help.export.visits"))
def export_visits_command(
    ctx: typer.Context,
    date: Annotated[str, typer.Option("--date", help=help_for("help.export.date"))],
    to: Annotated[str | None, typer.Option("--to", help=help_for("help.export.to"))] = None,
    site: Annotated[str | None, typer.Option(help=help_for("help.export.site"))] = None,
    fmt: Annotated[
        Literal["csv", "xlsx", "json"] | None,
        typer.Option("--format", help=help_for("help.export.format")),
    ] = None,
    out: Annotated[
        Path | None, typer.Option(help=help_for("help.export.out"), dir_okay=False)
    ] = None,
    dialect: Annotated[
        Literal["excel", "rfc4180"], typer.Option(help=help_for("help.export.dialect"))
    ] = "excel",
    identities: Annotated[bool, typer.Option(help=help_for("help.export.identities"))] = False,
    purpose: Annotated[str | None, typer.Option(help=help_for("help.export.purpose"))] = None,
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """Export the visits of a day or a range, pseudonymised unless an admin states why."""
    early_lang = early_language(ctx, lang)
    with errors_reported(early_lang):
        first_day = parse_date(date)
        last_day = parse_date(to) if to else first_day
    if purpose and not identities:
        fail(tr("cli.export.purpose_without_identities", early_lang))
    asked = format_of(out) if out else None
    if fmt and asked and fmt != asked:
        fail(tr("cli.export.suffix_mismatch", early_lang, fmt=fmt, path=out))
    fmt = fmt or asked or "csv"
    # A damaged page is said in the staff member's language once they are known.
    with (
        errors_reported(early_lang),
        damage_reported(database_path(ctx, db)),
        staff_session(ctx, db, user, lang, not_allowed="cli.export.not_allowed") as session,
        damage_reported(session.store.db),
    ):
        store = session.store
        chosen_site = choose_site(store.sites.all(), site) if site else None
        target = out or Path(default_file_name(chosen_site, first_day, last_day, fmt))
        result = export_visits(
            store.ctx,
            session.staff,
            first_day,
            last_day,
            site_id=chosen_site.id if chosen_site else None,
            fmt=fmt,
            out=target,
            dialect=dialect,
            identities=identities,
            purpose=purpose,
        )
    staff_lang = session.lang
    if result.empty:
        typer.echo(tr("cli.export.empty", staff_lang, path=result.path))
    typer.echo(
        tr(
            "cli.export.done",
            staff_lang,
            count=result.rows,
            path=result.path,
            sha256=result.sha256,
            manifest=result.manifest_path,
        )
    )


STRINGS.update(CALENDAR_STRINGS)


@export_app.command("calendar", help=help_for("help.export.calendar"))
def export_calendar_command(
    ctx: typer.Context,
    coach: Annotated[
        str | None, typer.Option("--coach", help=help_for("help.export.calendar.coach"))
    ] = None,
    first: Annotated[
        str | None, typer.Option("--from", help=help_for("help.export.calendar.from"))
    ] = None,
    to: Annotated[
        str | None, typer.Option("--to", help=help_for("help.export.calendar.to"))
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(help=help_for("help.export.calendar.out"), dir_okay=False),
    ] = None,
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """A coach's appointments, group sessions and absences as an iCalendar (.ics) file."""
    early_lang = early_language(ctx, lang)
    with errors_reported(early_lang):
        first_day = parse_date(first) if first else None
        last_day = parse_date(to) if to else None
    with (
        errors_reported(early_lang),
        damage_reported(database_path(ctx, db)),
        staff_session(
            ctx, db, user, lang, not_allowed="cli.export.calendar.not_allowed"
        ) as session,
        damage_reported(session.store.db),
    ):
        store = session.store
        coach_staff = store.staff.find(coach) if coach is not None else session.staff
        if coach_staff is None:
            fail(tr("cli.export.calendar.unknown_coach", session.lang, username=coach))
        default_first, default_last = default_range(store.today())
        first_day, last_day = first_day or default_first, last_day or default_last
        target = out or Path(default_calendar_name(coach_staff, first_day, last_day))
        result = export_calendar(
            store.ctx, session.staff, coach_staff.id, target, first_day, last_day
        )
    typer.echo(
        tr(
            "cli.export.calendar.done",
            session.lang,
            path=result.path,
            first=format_date(result.first_day),
            last=format_date(result.last_day),
            appointments=result.appointments,
            sessions=result.group_sessions,
            absences=result.absences,
            coach=visible(result.coach.display_name),
            sha256=result.sha256,
        )
    )
