"""`luotsi audit`: check the access log's hash chain, and export a range of it (admins)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from store.core.audit_chain import BrokenEvent
from store.core.clock import from_iso, to_local
from store.core.dates import format_date, parse_date
from store.core.i18n import tr
from store.exports.audit_export import default_file_name, export_audit_log

from .cli_common import (
    DbOption,
    LangOption,
    UserOption,
    early_language,
    errors_reported,
    staff_session,
)
from .cli_help import help_for

# verify: 0 when every link holds, 1 when the log has been tampered with (2: usage, login).
EXIT_BROKEN = 1

STRINGS: dict[str, tuple[str, str, str]] = {
    "cli.audit.not_allowed": (
        "käyttäjä {username} ei saa tarkistaa eikä viedä käyttölokia (vain pääkäyttäjä)",
        "användaren {username} får inte kontrollera eller exportera loggen (endast admin)",
        "{username} may not check or export the access log (admins only)",
    ),
    "cli.audit.ok.one": (
        "Käyttöloki on eheä: {count} tapahtuma, viimeisin #{seq}\nSHA-256 {hash}",
        "Loggen är obruten: {count} händelse, den senaste #{seq}\nSHA-256 {hash}",
        "The access log is intact: {count} event, the newest #{seq}\nSHA-256 {hash}",
    ),
    "cli.audit.ok.other": (
        "Käyttöloki on eheä: {count} tapahtumaa, viimeisin #{seq}\nSHA-256 {hash}",
        "Loggen är obruten: {count} händelser, den senaste #{seq}\nSHA-256 {hash}",
        "The access log is intact: {count} events, the newest #{seq}\nSHA-256 {hash}",
    ),
    "cli.audit.broken": (
        "KÄYTTÖLOKIA ON MUUTETTU: tapahtuma #{seq}, {time}, id {id}: {reason}",
        "LOGGEN HAR ÄNDRATS: händelse #{seq}, {time}, id {id}: {reason}",
        "THE ACCESS LOG HAS BEEN TAMPERED WITH: event #{seq}, {time}, id {id}: {reason}",
    ),
    "cli.audit.checked": (
        "{count} tapahtumaa ennen sitä on eheitä. Tarkistuksen tulos on tallennettu.",
        "{count} händelser före den är obrutna. Resultatet har sparats.",
        "The {count} events before it are intact. The result has been recorded.",
    ),
    "cli.audit.problem.altered": (
        "sen tietoja on muutettu",
        "dess uppgifter har ändrats",
        "its contents have been changed",
    ),
    "cli.audit.problem.unlinked": (
        "sitä edeltävä tapahtuma on korvattu toisella",
        "händelsen före den har ersatts",
        "the event before it has been replaced",
    ),
    "cli.audit.problem.missing": (
        "sitä ennen puuttuu tapahtumat #{first}–#{last}",
        "händelserna #{first}–#{last} före den saknas",
        "events #{first}–#{last} before it are missing",
    ),
    "cli.audit.problem.unchained": (
        "se on kirjoitettu Luotsin ohi (ei ketjussa)",
        "den har skrivits förbi Luotsi (inte i kedjan)",
        "it was written around Luotsi (not in the chain)",
    ),
    "cli.audit.problem.truncated": (
        "sen jälkeiset tapahtumat #{first}–#{last} on poistettu edellisen tarkistuksen jälkeen",
        "händelserna #{first}–#{last} efter den har tagits bort sedan förra kontrollen",
        "events #{first}–#{last} after it have been removed since the last check",
    ),
    "cli.audit.problem.rewritten": (
        "ketju on rakennettu uudelleen edellisen tarkistuksen jälkeen (se päättyi tähän)",
        "kedjan har byggts om sedan förra kontrollen (som slutade här)",
        "the chain has been rebuilt since the last check (which ended at this event)",
    ),
    "cli.audit.exported.one": (
        "{count} tapahtuma kirjoitettu tiedostoon {path}\nSHA-256 {sha256}",
        "{count} händelse skriven till filen {path}\nSHA-256 {sha256}",
        "{count} event written to {path}\nSHA-256 {sha256}",
    ),
    "cli.audit.exported.other": (
        "{count} tapahtumaa kirjoitettu tiedostoon {path}\nSHA-256 {sha256}",
        "{count} händelser skrivna till filen {path}\nSHA-256 {sha256}",
        "{count} events written to {path}\nSHA-256 {sha256}",
    ),
}

audit_app = typer.Typer(help=help_for("help.audit"), no_args_is_help=True)


def event_time(at: str) -> str:
    """A stored time as the installation's d.m.yyyy HH:MM:SS ("" if it is not a time)."""
    try:
        moment = to_local(from_iso(at))
    except ValueError:
        return at
    return f"{format_date(moment.date())} {moment:%H:%M:%S}"


def describe_break(broken: BrokenEvent, lang: str) -> str:
    """Which event breaks the chain, when it was logged, and what is wrong with it."""
    expected = broken.expected_seq or 0
    seq = broken.seq or 0
    if broken.problem == "missing":
        reason = tr("cli.audit.problem.missing", lang, first=expected, last=seq - 1)
    elif broken.problem == "truncated":
        reason = tr("cli.audit.problem.truncated", lang, first=seq + 1, last=expected)
    else:
        reason = tr(f"cli.audit.problem.{broken.problem}", lang)
    return tr(
        "cli.audit.broken",
        lang,
        seq=broken.seq if broken.seq is not None else "-",
        time=event_time(broken.at),
        id=broken.event_id,
        reason=reason,
    )


@audit_app.command("verify", help=help_for("help.audit.verify"))
def verify_command(
    ctx: typer.Context, user: UserOption = None, db: DbOption = None, lang: LangOption = None
) -> None:
    """Check every link of the access log's chain; exit 1 naming the first broken event."""
    with staff_session(ctx, db, user, lang, not_allowed="cli.audit.not_allowed") as session:
        result = session.store.audit.verify(session.staff)
    if result.broken is None:
        typer.echo(
            tr(
                "cli.audit.ok",
                session.lang,
                count=result.events,
                seq=result.last_seq,
                hash=result.last_hash,
            )
        )
        return
    typer.echo(describe_break(result.broken, session.lang), err=True)
    typer.echo(tr("cli.audit.checked", session.lang, count=result.events), err=True)
    raise typer.Exit(EXIT_BROKEN)


@audit_app.command("export", help=help_for("help.audit.export"))
def export_command(
    ctx: typer.Context,
    first: Annotated[str, typer.Option("--from", help=help_for("help.audit.from"))],
    last: Annotated[str | None, typer.Option("--to", help=help_for("help.audit.to"))] = None,
    out: Annotated[
        Path | None, typer.Option(help=help_for("help.audit.out"), dir_okay=False)
    ] = None,
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """Write the events of a range of days as CSV, with the chain, for the DPO."""
    with errors_reported(early_language(ctx, lang)):
        first_day = parse_date(first)
        last_day = parse_date(last) if last else first_day
    target = out or Path(default_file_name(first_day, last_day))
    with staff_session(ctx, db, user, lang, not_allowed="cli.audit.not_allowed") as session:
        result = export_audit_log(session.store.ctx, session.staff, first_day, last_day, target)
    typer.echo(
        tr(
            "cli.audit.exported",
            session.lang,
            count=result.rows,
            path=result.path,
            sha256=result.sha256,
        )
    )
