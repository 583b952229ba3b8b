"""The `luotsi` command line: open the app, create databases, import clients; the command
groups (staff, site, settings, report, export) live in their own modules."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from screens.strings import load_screen_strings
from store.clients.importer import ImportReport, import_clients
from store.core.dates import format_date
from store.core.db import SQLITE_HEADER, SchemaTooOldError, StoreError, preflight, write_transaction
from store.core.i18n import DEFAULT_LANGUAGE, register, tr
from store.core.sites import SiteNotChosen
from store.sample.visits import HISTORY_WEEKS

from .cli_common import (
    EXIT_BAD_ROWS,
    DbOption,
    LangOption,
    UserOption,
    asked_language,
    database_path,
    early_language,
    errors_reported,
    fail,
    new_password,
    open_store,
    prompt_text,
    site_message,
    staff_session,
    store_error_message,
)
from .cli_export import STRINGS as EXPORT_STRINGS
from .cli_export import export_app
from .cli_report import STRINGS as REPORT_STRINGS
from .cli_report import report_app
from .cli_settings import STRINGS as SETTINGS_STRINGS
from .cli_settings import settings_app
from .cli_staff import STRINGS as STAFF_STRINGS
from .cli_staff import site_app, staff_app
from .cli_strings import STRINGS as CLI_STRINGS

SAMPLE_DB = Path(__file__).resolve().parent.parent / "sample.db"

DeskOption = Annotated[
    str | None,
    typer.Option(
        "--desk",
        envvar="LUOTSI_DESK",
        help="This terminal's service desk, shown on the waiting-room board; default 1.",
    ),
]
DEFAULT_DESK = "1"
MAX_DESK_LENGTH = 8  # the board shows it in big digits beside the ticket

app = typer.Typer(
    help="Luotsi: a keyboard-first register for municipal employment services.",
    epilog="Exit codes: 0 done; 1 bad rows in an import file, nothing imported; 2 usage error"
    " (missing or unusable file or database, wrong login, not allowed).",
    add_completion=False,
    pretty_exceptions_enable=False,
)
import_app = typer.Typer(help="Import data from files.", no_args_is_help=True)
app.add_typer(import_app, name="import")
app.add_typer(report_app, name="report")
app.add_typer(export_app, name="export")
app.add_typer(settings_app, name="settings")
app.add_typer(staff_app, name="staff")
app.add_typer(site_app, name="site")


CLI_CATALOGS = (CLI_STRINGS, EXPORT_STRINGS, REPORT_STRINGS, SETTINGS_STRINGS, STAFF_STRINGS)


def load_cli_strings() -> None:
    """Give the translation function the CLI's texts and the screens' (which hold the
    store's messages the CLI prints); calling it again changes nothing."""
    load_screen_strings()
    for catalog in CLI_CATALOGS:
        register(catalog)


def _desk(ctx: typer.Context, option: str | None, lang: str) -> str:
    """The command's --desk, else the one given before the command, else desk 1."""
    desk = (option or (ctx.obj or {}).get("desk") or DEFAULT_DESK).strip()
    if not desk or len(desk) > MAX_DESK_LENGTH:
        fail(tr("cli.error.bad_desk", lang, max=MAX_DESK_LENGTH))
    return desk


def _run_app(path: Path, lang: str | None, desk: str) -> None:
    from tui.app import make_app  # Textual loads only when the app is really opened

    ui_lang = lang or DEFAULT_LANGUAGE
    problem = preflight(path)
    if problem == "no_staff":
        # A new database has nobody who could log in: say how to create the first admin.
        fail(tr("cli.error.no_staff", ui_lang, path=path))
    if problem is not None:
        fail(tr("cli.error.not_a_database", ui_lang, path=path))
    luotsi = make_app(path, lang=lang, desk=desk)
    luotsi.run()
    if luotsi.return_code:
        raise typer.Exit(luotsi.return_code)


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context, db: DbOption = None, lang: LangOption = None, desk: DeskOption = None
) -> None:
    """Open Luotsi on the database (run a command to do something else)."""
    load_cli_strings()  # every command passes through here first
    ctx.obj = {"db": db, "lang": lang, "desk": desk}
    if ctx.invoked_subcommand is None:
        _run_app(database_path(ctx, None), lang, _desk(ctx, desk, lang or DEFAULT_LANGUAGE))


@app.command()
def demo(ctx: typer.Context, lang: LangOption = None, desk: DeskOption = None) -> None:
    """Open Luotsi on a throwaway copy of the sample database.

    Logins admin, vastaanotto and valmentaja; password demo. The copy gets the visits of
    the past four weeks and a queue for today, whatever day and hour it is.
    """
    from store.sample.generate import refresh_visit_history

    chosen_lang = asked_language(ctx, lang)
    chosen_desk = _desk(ctx, desk, chosen_lang or DEFAULT_LANGUAGE)
    if not SAMPLE_DB.is_file():
        fail(tr("cli.demo.missing", chosen_lang or DEFAULT_LANGUAGE, path=SAMPLE_DB))
    with tempfile.TemporaryDirectory(prefix="luotsi-demo-") as folder:
        copy = Path(folder) / "luotsi-demo.db"
        shutil.copyfile(SAMPLE_DB, copy)
        # The committed sample holds no visits (they would make it ~6 MB): they are
        # made here, up to this very minute, so the queue is never weeks old.
        refresh_visit_history(copy)
        _run_app(copy, chosen_lang, chosen_desk)


@app.command()
def board(
    ctx: typer.Context,
    site: Annotated[
        str | None,
        typer.Option(help="The site whose queue to show (part of its name will do)."),
    ] = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """Show the waiting-room board: called ticket numbers and their desks, never names.

    Needs no login and never writes to the database. With one site, --site may be left out.
    """
    ui_lang = asked_language(ctx, lang) or DEFAULT_LANGUAGE
    path = database_path(ctx, db)
    if not path.is_file():
        fail(tr("cli.error.no_database", ui_lang, path=path))
    from tui.board import make_board

    try:
        display = make_board(path, site_name=site, lang=ui_lang)
    except SchemaTooOldError:
        fail(tr("cli.board.old_schema", ui_lang, path=path))
    except StoreError as exc:
        fail(store_error_message(exc, path, ui_lang))
    except SiteNotChosen as exc:
        if not exc.sites:
            fail(tr("cli.board.no_sites", ui_lang, path=path))
        fail(site_message(exc, ui_lang))
    display.run()


def _staff_count(path: Path, lang: str) -> int:
    store = open_store(path, lang)
    try:
        return store.db.execute("SELECT count(*) FROM staff").fetchone()[0]
    finally:
        store.close()


@app.command()
def init(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="The database file to create.", dir_okay=False)],
    site: Annotated[str | None, typer.Option(help="Name of the first site.")] = None,
    municipality: Annotated[str | None, typer.Option(help="Its municipality.")] = None,
    area: Annotated[str | None, typer.Option(help="Its employment area.")] = None,
    username: Annotated[str | None, typer.Option(help="The first admin's username.")] = None,
    display_name: Annotated[str | None, typer.Option(help="The admin's name.")] = None,
    lang: LangOption = None,
) -> None:
    """Create a database with its first site and admin.

    Asks for what the options leave out; the password comes from $LUOTSI_PASSWORD or is
    asked twice.
    """
    ui_lang = asked_language(ctx, lang) or DEFAULT_LANGUAGE
    if path.exists() and _staff_count(path, ui_lang) > 0:
        fail(tr("cli.init.exists", ui_lang, path=path))
    site = site or prompt_text(
        tr("cli.init.site_name", ui_lang), default=tr("cli.init.site_name_default", ui_lang)
    )
    municipality = municipality or prompt_text(
        tr("cli.init.municipality", ui_lang), default="Turku"
    )
    area = area or prompt_text(tr("cli.init.area", ui_lang), default="Turun työllisyysalue")
    username = username or prompt_text(tr("cli.init.username", ui_lang), default="admin")
    display_name = display_name or prompt_text(
        tr("cli.init.display_name", ui_lang), default=tr("cli.init.display_name_default", ui_lang)
    )
    password = new_password(ui_lang, "LUOTSI_PASSWORD")
    store = open_store(path, ui_lang)
    try:
        with errors_reported(ui_lang), write_transaction(store.db):
            # Checked again inside the transaction: a second `init` may have run meanwhile.
            if store.db.execute("SELECT count(*) FROM staff").fetchone()[0]:
                fail(tr("cli.init.exists", ui_lang, path=path))
            first_site = store.sites.create(site, municipality, area)
            store.staff.create(username, display_name, "admin", password, first_site.id, ui_lang)
    finally:
        store.close()
    typer.echo(tr("cli.init.done", ui_lang, path=path, username=username))


@app.command()
def sample(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="The database file to create.", dir_okay=False)],
    clients: Annotated[int, typer.Option(min=0, help="How many clients.")] = 500,
    seed: Annotated[int, typer.Option(help="The same seed gives the same clients.")] = 1,
    force: Annotated[bool, typer.Option(help="Replace an existing database file.")] = False,
    weeks: Annotated[
        int, typer.Option(min=0, help="Weeks of walk-in visits before today; 0 for none.")
    ] = HISTORY_WEEKS,
    lang: LangOption = None,
) -> None:
    """Create a database of made-up clients with temporary identity codes (900–999),
    with the walk-in visits of the past weeks at every site."""
    from store.sample.generate import DEMO_PASSWORD, generate_sample

    ui_lang = asked_language(ctx, lang) or DEFAULT_LANGUAGE
    if path.exists() and path.stat().st_size > 0:
        if not force:
            fail(tr("cli.sample.exists", ui_lang, path=path))
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                fail(tr("cli.sample.not_a_database", ui_lang, path=path))
        for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)
    generate_sample(path, clients=clients, seed=seed, history_weeks=weeks)
    typer.echo(tr("cli.sample.done", ui_lang, path=path, clients=clients, password=DEMO_PASSWORD))


def _print_report(report: ImportReport, lang: str) -> None:
    console = Console(highlight=False)
    if report.problems:
        console.print(tr("cli.import.problems", lang, count=len(report.problems)))
        table = Table()
        table.add_column(tr("cli.import.column.line", lang), justify="right")
        table.add_column(tr("cli.import.column.field", lang))
        table.add_column(tr("cli.import.column.reason", lang))
        for problem in report.problems:
            table.add_row(
                str(problem.line), escape(problem.column or "—"), escape(problem.reason(lang))
            )
        console.print(table)
    if report.duplicates:
        console.print(tr("cli.import.duplicates", lang, count=len(report.duplicates)))
        table = Table()
        table.add_column(tr("cli.import.column.line", lang), justify="right")
        table.add_column(tr("cli.import.column.hetu", lang))
        for duplicate in report.duplicates:
            table.add_row(str(duplicate.line), duplicate.masked_hetu)
        console.print(table)
    if report.likely_duplicates:
        heading = "cli.import.likely_imported" if report.allow_duplicates else "cli.import.likely"
        console.print(tr(heading, lang, count=len(report.likely_duplicates)))
        table = Table()
        table.add_column(tr("cli.import.column.line", lang), justify="right")
        table.add_column(tr("cli.import.column.in_file", lang))
        table.add_column(tr("cli.import.column.registered", lang))
        for likely in report.likely_duplicates:
            in_file = f"{likely.name} {format_date(likely.birth_date)}"
            table.add_row(str(likely.line), escape(in_file), escape(", ".join(likely.registered)))
        console.print(table)
    if not report.ok:
        summary = tr("cli.import.failed", lang, file=report.file_name)
    elif report.dry_run:
        summary = tr("cli.import.dry_run", lang, count=report.to_import, file=report.file_name)
    else:
        summary = tr("cli.import.done", lang, count=report.imported, file=report.file_name)
    console.print(escape(summary))


@import_app.command("clients")
def import_clients_command(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="CSV file with a header row.", dir_okay=False)],
    dry_run: Annotated[bool, typer.Option(help="Check the file; save nothing.")] = False,
    allow_duplicates: Annotated[
        bool,
        typer.Option(
            help="Also import rows without an identity code that look like a registered"
            " client (same birth date, a similar name)."
        ),
    ] = False,
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """Import clients from a CSV file: every row or none (admins only).

    Columns: hetu, first_name, last_name, birth_date, phone, email, language (fi, sv, en,
    other), municipality; first_name and last_name are required. Comma or semicolon
    separated, UTF-8 or Windows-1252. Rows whose identity code is already registered are
    skipped, and so are rows without one that look like a registered client (same birth
    date, a similar name) unless --allow-duplicates; importing a file twice adds nothing
    the second time. The password comes from $LUOTSI_PASSWORD or is asked.
    """
    if not file.is_file():
        fail(tr("import.error.file_missing", early_language(ctx, lang), path=file))
    with staff_session(ctx, db, user, lang, not_allowed="cli.import.not_allowed") as session:
        report = import_clients(
            session.store.ctx,
            session.staff,
            file,
            dry_run=dry_run,
            allow_duplicates=allow_duplicates,
        )
    _print_report(report, session.lang)
    if not report.ok:
        raise typer.Exit(EXIT_BAD_ROWS)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
