"""`luotsi staff` and `luotsi site`: an admin's accounts and sites, every change logged."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from store.core.auth import require
from store.core.i18n import in_language, tr
from store.core.models import Staff
from store.core.sites import choose_site
from store.core.staff import check_username
from store.core.text import visible

from .cli_common import (
    DbOption,
    LangOption,
    Language,
    Session,
    UserOption,
    fail,
    new_password,
    staff_session,
)
from .cli_help import HELP_LANGUAGE, help_for

STRINGS: dict[str, tuple[str, str, str]] = {
    "cli.staff.not_allowed": (
        "käyttäjä {username} ei saa hallita käyttäjiä eikä toimipisteitä (vain pääkäyttäjä)",
        "användaren {username} får inte hantera användare eller verksamhetsställen (endast admin)",
        "{username} may not manage staff or sites (admins only)",
    ),
    "cli.staff.unknown": (
        "käyttäjää {username} ei ole",
        "användaren {username} finns inte",
        "there is no user {username}",
    ),
    "cli.staff.added": (
        "käyttäjä {username} ({role}) lisätty, toimipiste {site} (muutos kirjattu lokiin)",
        "användaren {username} ({role}) tillagd, verksamhetsställe {site} (ändringen loggad)",
        "added {username} ({role}), site {site} (the change is logged)",
    ),
    "cli.staff.password_set": (
        "käyttäjän {username} salasana vaihdettu (muutos kirjattu lokiin)",
        "lösenordet för {username} har bytts (ändringen loggad)",
        "the password of {username} is changed (the change is logged)",
    ),
    "cli.staff.role_set": (
        "käyttäjän {username} rooli on nyt {role} (muutos kirjattu lokiin)",
        "rollen för {username} är nu {role} (ändringen loggad)",
        "{username} is now {role} (the change is logged)",
    ),
    "cli.staff.deactivated": (
        "käyttäjän {username} tili suljettu; hänen tietonsa ja lokinsa säilyvät"
        " (muutos kirjattu lokiin)",
        "kontot {username} är stängt; dess uppgifter och logg finns kvar (ändringen loggad)",
        "{username} is deactivated; their history and log stay (the change is logged)",
    ),
    "cli.staff.column.username": ("tunnus", "användarnamn", "username"),
    "cli.staff.column.name": ("nimi", "namn", "name"),
    "cli.staff.column.role": ("rooli", "roll", "role"),
    "cli.staff.column.site": ("toimipiste", "verksamhetsställe", "site"),
    "cli.staff.column.active": ("aktiivinen", "aktiv", "active"),
    "cli.staff.yes": ("kyllä", "ja", "yes"),
    "cli.staff.no": ("suljettu", "stängd", "deactivated"),
    "cli.site.added": (
        "toimipiste {site} lisätty (muutos kirjattu lokiin)",
        "verksamhetsstället {site} tillagt (ändringen loggad)",
        "added the site {site} (the change is logged)",
    ),
    "cli.site.column.name": ("toimipiste", "verksamhetsställe", "site"),
    "cli.site.column.municipality": ("kunta", "kommun", "municipality"),
    "cli.site.column.area": ("työllisyysalue", "sysselsättningsområde", "employment area"),
    "cli.staff.team_set": (
        "käyttäjä {username} on nyt tiimissä {team} (muutos kirjattu lokiin)",
        "användaren {username} hör nu till teamet {team} (ändringen loggad)",
        "{username} is now in the team {team} (the change is logged)",
    ),
    "cli.staff.team_cleared": (
        "käyttäjä {username} ei ole enää missään tiimissä (muutos kirjattu lokiin)",
        "användaren {username} hör inte längre till något team (ändringen loggad)",
        "{username} is no longer in a team (the change is logged)",
    ),
    "cli.password.for": (
        "Käyttäjän {username} uusi salasana",
        "Nytt lösenord för {username}",
        "New password for {username}",
    ),
    "cli.password.for_again": (
        "Käyttäjän {username} uusi salasana uudelleen",
        "Nytt lösenord för {username} igen",
        "New password for {username} again",
    ),
    "cli.password.aborted": (
        "keskeytetty; mitään ei muutettu",
        "avbrutet; inget ändrades",
        "aborted; nothing was changed",
    ),
}

# `staff team`'s help: kept here with the command (the help catalog is shared).
_TEAM_HELP: dict[str, tuple[str, str, str]] = {
    "team": (
        "Aseta käyttäjän tiimi (valmentaja varaa itselleen ja tiimilleen); tyhjä poistaa.",
        "Ange användarens team (en coach bokar för sig och sitt team); tomt tar bort.",
        "Set a user's team (a coach books for themselves and their team); empty clears it.",
    ),
    "name": (
        'Tiimin nimi, esim. "Nuoret"; "" poistaa tiimin.',
        'Teamets namn, t.ex. "Unga"; "" tar bort teamet.',
        'The team\'s name, e.g. "Youth"; "" clears it.',
    ),
}
NEW_PASSWORD_ENV = "LUOTSI_NEW_PASSWORD"
RoleName = Literal["reception", "coach", "admin"]
UsernameArgument = Annotated[str, typer.Argument(help=help_for("help.staff.username"))]

staff_app = typer.Typer(
    help=help_for("help.staff"),
    no_args_is_help=True,
)
site_app = typer.Typer(help=help_for("help.site"), no_args_is_help=True)


@contextmanager
def _admin_session(
    ctx: typer.Context, db: DbOption, user: UserOption, lang: str | None
) -> Iterator[Session]:
    """Log in like every command; then anyone but an admin stops here with exit code 2,
    before being asked for anything else (such as a new password)."""
    with staff_session(ctx, db, user, lang, not_allowed="cli.staff.not_allowed") as session:
        require(session.staff, "staff.manage")
        yield session


def _account(session: Session, username: str) -> Staff:
    staff = session.store.staff.find(username)
    if staff is None:
        fail(tr("cli.staff.unknown", session.lang, username=username))
    return staff


def _role(role: str, lang: str) -> str:
    return tr(f"role.{role}", lang)


@staff_app.command("list", help=help_for("help.staff.list"))
def list_staff(
    ctx: typer.Context, user: UserOption = None, db: DbOption = None, lang: LangOption = None
) -> None:
    """Every account, deactivated ones too: username, name, role, site, active."""
    with _admin_session(ctx, db, user, lang) as session:
        sites = {site.id: site.name for site in session.store.sites.all()}
        accounts = session.store.staff.all(inactive=True)

    def t(key: str) -> str:
        return tr(key, session.lang)

    table = Table()
    for column in ("username", "name", "role", "site", "active"):
        table.add_column(t(f"cli.staff.column.{column}"))
    for staff in accounts:
        # Stored names are shown with their control characters as symbols (`visible`)
        # and their markup as written (`escape`).
        table.add_row(
            escape(visible(staff.username)),
            escape(visible(staff.display_name)),
            _role(staff.role, session.lang),
            escape(visible(sites.get(staff.site_id, "—") if staff.site_id else "—")),
            t("cli.staff.yes") if staff.active else t("cli.staff.no"),
        )
    Console(highlight=False).print(table)


@staff_app.command("add", help=help_for("help.staff.add"))
def add_staff(
    ctx: typer.Context,
    username: UsernameArgument,
    name: Annotated[str, typer.Option("--name", help=help_for("help.staff.name"))],
    role: Annotated[RoleName, typer.Option("--role", help=help_for("help.staff.role"))],
    site: Annotated[str | None, typer.Option(help=help_for("help.staff.site"))] = None,
    language: Annotated[Language, typer.Option("--lang", help=help_for("help.staff.lang"))] = "fi",
    user: UserOption = None,
    db: DbOption = None,
) -> None:
    """Add an account; messages are in the admin's language, as --lang is the new user's."""
    with _admin_session(ctx, db, user, None) as session:
        check_username(username)
        chosen = choose_site(session.store.sites.all(), site)
        password = new_password(session.lang, NEW_PASSWORD_ENV, username)
        session.store.staff.create(
            username, name, role, password, chosen.id, language, actor=session.staff
        )
    typer.echo(
        tr(
            "cli.staff.added",
            session.lang,
            username=username,
            role=_role(role, session.lang),
            site=visible(chosen.name),
        )
    )


@staff_app.command("passwd", help=help_for("help.staff.passwd"))
def set_password(
    ctx: typer.Context,
    username: UsernameArgument,
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """Set an account's password: from $LUOTSI_NEW_PASSWORD, or asked twice."""
    with _admin_session(ctx, db, user, lang) as session:
        target = _account(session, username)
        password = new_password(session.lang, NEW_PASSWORD_ENV, target.username)
        session.store.staff.set_password(session.staff, target.id, password)
    typer.echo(tr("cli.staff.password_set", session.lang, username=target.username))


@staff_app.command("role", help=help_for("help.staff.set_role"))
def set_role(
    ctx: typer.Context,
    username: UsernameArgument,
    role: Annotated[RoleName, typer.Argument(help=help_for("help.staff.role_name"))],
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """Give an account another role; the last active admin stays an admin."""
    with _admin_session(ctx, db, user, lang) as session:
        target = _account(session, username)
        session.store.staff.set_role(session.staff, target.id, role)
    typer.echo(
        tr(
            "cli.staff.role_set",
            session.lang,
            username=target.username,
            role=_role(role, session.lang),
        )
    )


@staff_app.command("deactivate", help=help_for("help.staff.deactivate"))
def deactivate(
    ctx: typer.Context,
    username: UsernameArgument,
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """Close an account: no more logins; what it did and its access log stay."""
    with _admin_session(ctx, db, user, lang) as session:
        target = _account(session, username)
        session.store.staff.deactivate(session.staff, target.id)
    typer.echo(tr("cli.staff.deactivated", session.lang, username=target.username))


@staff_app.command("team", help=in_language(_TEAM_HELP["team"], HELP_LANGUAGE))
def set_team(
    ctx: typer.Context,
    username: UsernameArgument,
    team: Annotated[str, typer.Argument(help=in_language(_TEAM_HELP["name"], HELP_LANGUAGE))],
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """Put an account in a team, or take it out with an empty name."""
    with _admin_session(ctx, db, user, lang) as session:
        target = _account(session, username)
        stored = session.store.working_time.set_team(session.staff, target.id, team)
    if stored is None:
        typer.echo(tr("cli.staff.team_cleared", session.lang, username=target.username))
    else:
        typer.echo(
            tr("cli.staff.team_set", session.lang, username=target.username, team=visible(stored))
        )


@site_app.command("list", help=help_for("help.site.list"))
def list_sites(
    ctx: typer.Context, user: UserOption = None, db: DbOption = None, lang: LangOption = None
) -> None:
    """Every site with its municipality and employment area."""
    with _admin_session(ctx, db, user, lang) as session:
        sites = session.store.sites.all()
    table = Table()
    for column in ("name", "municipality", "area"):
        table.add_column(tr(f"cli.site.column.{column}", session.lang))
    for site in sites:
        cells = (site.name, site.municipality, site.employment_area)
        table.add_row(*(escape(visible(cell)) for cell in cells))
    Console(highlight=False).print(table)


@site_app.command("add", help=help_for("help.site.add"))
def add_site(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=help_for("help.site.name"))],
    municipality: Annotated[str, typer.Option(help=help_for("help.municipality"))],
    area: Annotated[str, typer.Option(help=help_for("help.area"))],
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """Add a site (a walk-in point)."""
    with _admin_session(ctx, db, user, lang) as session:
        site = session.store.sites.create(name, municipality, area, actor=session.staff)
    typer.echo(tr("cli.site.added", session.lang, site=site.name))
