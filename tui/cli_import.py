"""`luotsi import clients`: a CSV file into the register (admins only), every row or none,
with the rows it cannot take listed by line and reason."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from store.clients.importer import ImportReport, RowProblem, import_clients
from store.core.dates import format_date
from store.core.i18n import tr
from store.core.text import visible

from .cli_common import (
    EXIT_BAD_ROWS,
    DbOption,
    LangOption,
    UserOption,
    early_language,
    fail,
    staff_session,
)
from .cli_help import help_for

STRINGS: dict[str, tuple[str, str, str]] = {
    "cli.import.not_allowed": (
        "käyttäjä {username} ei saa tuoda asiakkaita (vain pääkäyttäjä); mitään ei tuotu",
        "användaren {username} får inte importera klienter (endast huvudanvändare);"
        " inget importerades",
        "{username} may not import clients (admins only); nothing was imported",
    ),
    "cli.import.column.line": ("Rivi", "Rad", "Line"),
    "cli.import.column.field": ("Sarake", "Kolumn", "Column"),
    "cli.import.column.reason": ("Syy", "Orsak", "Reason"),
    "cli.import.column.hetu": ("Henkilötunnus", "Personbeteckning", "Identity code"),
    "cli.import.problems": (
        "Virheelliset rivit: {count}",
        "Felaktiga rader: {count}",
        "Rows with errors: {count}",
    ),
    "cli.import.duplicates": (
        "Jo rekisterissä, ohitetaan: {count}",
        "Redan i registret, hoppas över: {count}",
        "Already in the register, skipped: {count}",
    ),
    "cli.import.column.in_file": ("Tiedostossa", "I filen", "In the file"),
    "cli.import.column.registered": ("Rekisterissä", "I registret", "In the register"),
    "cli.import.likely": (
        "Todennäköisesti jo rekisterissä (sama syntymäaika, samankaltainen nimi), ohitetaan:"
        " {count}. Tuo ne silti valitsimella --allow-duplicates.",
        "Troligen redan i registret (samma födelsedatum, liknande namn), hoppas över:"
        " {count}. Importera dem ändå med --allow-duplicates.",
        "Likely already in the register (same birth date, a similar name), skipped:"
        " {count}. Import them anyway with --allow-duplicates.",
    ),
    "cli.import.likely_imported": (
        "Todennäköisesti jo rekisterissä, tuodaan silti (--allow-duplicates): {count}",
        "Troligen redan i registret, importeras ändå (--allow-duplicates): {count}",
        "Likely already in the register, imported anyway (--allow-duplicates): {count}",
    ),
    "cli.import.failed": (
        "Mitään ei tuotu. Korjaa rivit ja tuo tiedosto {file} uudelleen.",
        "Inget importerades. Rätta raderna och importera {file} på nytt.",
        "Nothing was imported. Fix the rows and import {file} again.",
    ),
    "cli.import.dry_run.one": (
        "Koeajo: {count} asiakas voidaan tuoda tiedostosta {file}; mitään ei tallennettu.",
        "Provkörning: {count} klient kan importeras från {file}; inget sparades.",
        "Dry run: {count} client can be imported from {file}; nothing was saved.",
    ),
    "cli.import.dry_run.other": (
        "Koeajo: {count} asiakasta voidaan tuoda tiedostosta {file}; mitään ei tallennettu.",
        "Provkörning: {count} klienter kan importeras från {file}; inget sparades.",
        "Dry run: {count} clients can be imported from {file}; nothing was saved.",
    ),
    "cli.import.done.one": (
        "Tuotiin {count} asiakas tiedostosta {file}.",
        "{count} klient importerades från {file}.",
        "Imported {count} client from {file}.",
    ),
    "cli.import.done.other": (
        "Tuotiin {count} asiakasta tiedostosta {file}.",
        "{count} klienter importerades från {file}.",
        "Imported {count} clients from {file}.",
    ),
    # Under an import report's table when the file had more such rows than it lists.
    "cli.import.unlisted": (
        "Luettelossa ensimmäiset {shown}; loput {count} jätettiin luettelematta.",
        "De första {shown} listas; de övriga {count} listas inte.",
        "The first {shown} are listed; {count} more are not.",
    ),
    "cli.import.interrupted": (
        "keskeytetty; mitään ei tuotu",
        "avbrutet; inget importerades",
        "interrupted; nothing was imported",
    ),
    # Shown on the terminal (never in a pipe) while a file is checked, then written.
    "cli.import.checking": (
        "Tarkistetaan rivejä: {count}",
        "Kontrollerar rader: {count}",
        "Checking rows: {count}",
    ),
    "cli.import.writing": (
        "Tallennetaan asiakkaita: {count}",
        "Sparar klienter: {count}",
        "Saving clients: {count}",
    ),
}

# As a shell reports a command ended by Ctrl+C (128 + SIGINT).
EXIT_INTERRUPTED = 130

import_app = typer.Typer(help=help_for("help.import"), no_args_is_help=True)


def _print_unlisted(console: Console, shown: int, unlisted: int, lang: str) -> None:
    if unlisted:
        console.print(tr("cli.import.unlisted", lang, shown=shown, count=unlisted))


def problem_table(problems: Iterable[RowProblem], lang: str) -> Table:
    """The bad rows of an import file: line, column and reason, in `lang`."""
    table = Table()
    table.add_column(tr("cli.import.column.line", lang), justify="right")
    table.add_column(tr("cli.import.column.field", lang))
    table.add_column(tr("cli.import.column.reason", lang))
    for problem in problems:
        table.add_row(
            str(problem.line),
            escape(visible(problem.column or "—")),
            escape(visible(problem.reason(lang))),
        )
    return table


def _print_report(report: ImportReport, lang: str) -> None:
    console = Console(highlight=False)
    if report.problems:
        console.print(tr("cli.import.problems", lang, count=report.problem_count))
        console.print(problem_table(report.problems, lang))
        _print_unlisted(console, len(report.problems), report.unlisted_problems, lang)
    if report.duplicates:
        console.print(tr("cli.import.duplicates", lang, count=report.duplicate_count))
        table = Table()
        table.add_column(tr("cli.import.column.line", lang), justify="right")
        table.add_column(tr("cli.import.column.hetu", lang))
        for duplicate in report.duplicates:
            table.add_row(str(duplicate.line), duplicate.masked_hetu)
        console.print(table)
        _print_unlisted(console, len(report.duplicates), report.unlisted_duplicates, lang)
    if report.likely_duplicates:
        heading = "cli.import.likely_imported" if report.allow_duplicates else "cli.import.likely"
        console.print(tr(heading, lang, count=report.likely_duplicate_count))
        table = Table()
        table.add_column(tr("cli.import.column.line", lang), justify="right")
        table.add_column(tr("cli.import.column.in_file", lang))
        table.add_column(tr("cli.import.column.registered", lang))
        for likely in report.likely_duplicates:
            in_file = f"{likely.name} {format_date(likely.birth_date)}"
            registered = visible(", ".join(likely.registered))
            table.add_row(str(likely.line), escape(visible(in_file)), escape(registered))
        console.print(table)
        unlisted = report.unlisted_likely_duplicates
        _print_unlisted(console, len(report.likely_duplicates), unlisted, lang)
    if not report.ok:
        summary = tr("cli.import.failed", lang, file=report.file_name)
    elif report.dry_run:
        summary = tr("cli.import.dry_run", lang, count=report.to_import, file=report.file_name)
    else:
        summary = tr("cli.import.done", lang, count=report.imported, file=report.file_name)
    console.print(escape(summary))


Counter = Callable[[int], None]


@contextmanager
def _progress_shown(lang: str) -> Iterator[tuple[Counter | None, Counter | None]]:
    """How far a long import has got, on one line of the terminal that is gone at the end:
    callbacks for the rows checked and the clients written, or none outside a terminal."""
    console = Console(stderr=True, highlight=False)
    if not console.is_terminal:
        yield None, None
        return
    with console.status(tr("cli.import.checking", lang, count=0)) as status:

        def counter(key: str) -> Counter:
            return lambda count: status.update(tr(key, lang, count=count))

        yield counter("cli.import.checking"), counter("cli.import.writing")


@import_app.command("clients", help=help_for("help.import.clients"))
def import_clients_command(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help=help_for("help.import.file"), dir_okay=False)],
    dry_run: Annotated[bool, typer.Option(help=help_for("help.import.dry_run"))] = False,
    allow_duplicates: Annotated[
        bool, typer.Option(help=help_for("help.import.allow_duplicates"))
    ] = False,
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """Import clients from a CSV file (admins only): every row or none."""
    if not file.is_file():
        fail(tr("import.error.file_missing", early_language(ctx, lang), path=file))
    with staff_session(ctx, db, user, lang, not_allowed="cli.import.not_allowed") as session:
        try:
            with _progress_shown(session.lang) as (checked, written):
                report = import_clients(
                    session.store.ctx,
                    session.staff,
                    file,
                    dry_run=dry_run,
                    allow_duplicates=allow_duplicates,
                    progress=checked,
                    written=written,
                )
        except KeyboardInterrupt:
            # What was written is removed (store/clients/import_write.py).
            typer.echo(f"luotsi: {tr('cli.import.interrupted', session.lang)}", err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None
    _print_report(report, session.lang)
    if not report.ok:
        raise typer.Exit(EXIT_BAD_ROWS)
