"""The `luotsi` command line: open the app, create databases, import clients; the command
groups (staff, site, settings, report, export, audit) live in their own modules."""

from __future__ import annotations

import shlex
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from screens.strings import load_screen_strings
from store.core import keyring
from store.core.db import (
    SQLITE_HEADER,
    DatabaseDamaged,
    FolderReadOnly,
    copy_database,
    write_transaction,
)
from store.core.i18n import in_language, register, tr
from store.core.keys import KeyFileDamaged, KeyFileMismatch
from store.core.preflight import preflight
from store.core.sites import SiteNotChosen
from store.sample.accounts import DEMO_COACH
from store.sample.visits import HISTORY_WEEKS

from .cli_audit import STRINGS as AUDIT_STRINGS
from .cli_audit import audit_app
from .cli_backup import BACKUP_HELP, backup
from .cli_backup import STRINGS as BACKUP_STRINGS
from .cli_catalog import catalog_app
from .cli_catalog_strings import STRINGS as CATALOG_STRINGS
from .cli_common import (
    DbOption,
    LangOption,
    LuotsiGroup,
    UserOption,
    asked_language,
    database_path,
    early_language,
    ended_by_signals,
    errors_reported,
    existing_database,
    fail,
    new_password,
    not_a_database_message,
    open_store,
    prompt_text,
    site_message,
    text_language,
)
from .cli_export import STRINGS as EXPORT_STRINGS
from .cli_export import export_app
from .cli_help import HELP as HELP_STRINGS
from .cli_help import HELP_LANGUAGE, help_for
from .cli_import import STRINGS as IMPORT_STRINGS
from .cli_import import import_app
from .cli_init import done_lines, init_target, make_key_file, undo_new_database
from .cli_instrument import instrument_app
from .cli_instrument_strings import STRINGS as INSTRUMENT_STRINGS
from .cli_keys import register_key_commands
from .cli_keys_strings import STRINGS as KEYS_STRINGS
from .cli_plan import PLAN_HELP, plan_command
from .cli_plan import STRINGS as PLAN_STRINGS
from .cli_provider import provider_app
from .cli_report import STRINGS as REPORT_STRINGS
from .cli_report import report_app
from .cli_report_schedule import STRINGS as NO_SHOW_STRINGS
from .cli_settings import STRINGS as SETTINGS_STRINGS
from .cli_settings import settings_app
from .cli_staff import STRINGS as STAFF_STRINGS
from .cli_staff import site_app, staff_app
from .cli_strings import STRINGS as CLI_STRINGS
from .cli_sync import sync_app
from .cli_sync_strings import STRINGS as SYNC_STRINGS
from .cli_unlock_strings import INIT_HELP, PLAIN_HELP
from .cli_unlock_strings import STRINGS as UNLOCK_STRINGS

SAMPLE_DB = Path(__file__).resolve().parent.parent / "sample.db"

DeskOption = Annotated[
    str | None,
    typer.Option(
        "--desk",
        envvar="LUOTSI_DESK",
        help=help_for("help.desk"),
    ),
]
DEFAULT_DESK = "1"
DEMO_DESK_USER = "vastaanotto"  # the demo's reception login: its site is the board's
# The logins the README gives for the demo: each has a key slot in the demo's copy (each
# slot costs a password hash when the demo starts; the sample's other staff have none).
DEMO_LOGINS = ("admin", DEMO_DESK_USER, DEMO_COACH)
MAX_DESK_LENGTH = 8  # the board shows it in big digits beside the ticket

app = typer.Typer(
    cls=LuotsiGroup,
    help=help_for("help.app"),
    epilog=help_for("help.exit_codes"),
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(import_app, name="import")
app.add_typer(report_app, name="report")
app.add_typer(export_app, name="export")
app.add_typer(settings_app, name="settings")
app.add_typer(staff_app, name="staff")
app.add_typer(site_app, name="site")
app.add_typer(audit_app, name="audit")
app.command("plan", help=PLAN_HELP)(plan_command)
app.command("backup", help=BACKUP_HELP)(backup)
app.add_typer(catalog_app, name="catalog")
app.add_typer(provider_app, name="provider")
app.add_typer(instrument_app, name="instrument")
register_key_commands(app)
app.add_typer(sync_app, name="sync")


CLI_CATALOGS = (
    CLI_STRINGS,
    EXPORT_STRINGS,
    REPORT_STRINGS,
    SETTINGS_STRINGS,
    STAFF_STRINGS,
    HELP_STRINGS,
    AUDIT_STRINGS,
    IMPORT_STRINGS,
    PLAN_STRINGS,
    CATALOG_STRINGS,
    INSTRUMENT_STRINGS,
    NO_SHOW_STRINGS,
    BACKUP_STRINGS,
    UNLOCK_STRINGS,
    KEYS_STRINGS,
    SYNC_STRINGS,
)


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


def _run_app(path: Path, lang: str | None, desk: str, notice: str | None = None) -> None:
    from tui.app import make_app  # Textual loads only when the app is really opened

    ui_lang = text_language(lang)
    problem = preflight(path)
    if problem == "no_staff":
        # A new database has nobody who could log in: say how to create the first admin.
        fail(tr("cli.error.no_staff", ui_lang, path=path))
    if problem == "folder":
        fail(tr("error.database_is_folder", ui_lang, path=path))
    if problem == "damaged":
        fail(DatabaseDamaged(path).message(ui_lang))
    if problem == "busy":
        fail(tr("cli.error.busy", ui_lang))
    if problem == "folder_read_only":
        fail(FolderReadOnly(path).message(ui_lang))
    if problem == "keys_damaged":
        fail(KeyFileDamaged(path).message(ui_lang))
    if problem == "keys_mismatch":
        fail(KeyFileMismatch(path).message(ui_lang))
    if problem is not None:  # an encrypted one whose key file is gone looks the same
        fail(not_a_database_message(path, ui_lang))
    luotsi = make_app(path, lang=lang, desk=desk, notice=notice)
    with ended_by_signals(lambda code: luotsi.exit(return_code=code)):
        luotsi.run()
    if luotsi.return_code:
        raise typer.Exit(luotsi.return_code)


def demo_lines(copy: Path, lang: str) -> list[str]:
    """What `luotsi demo` says before the app takes the terminal: where the throwaway
    database is, and the command that opens the waiting-room board on it."""
    store = open_store(copy, lang)
    try:
        desk_staff = store.staff.find(DEMO_DESK_USER)
        site = store.sites.get(desk_staff.site_id) if desk_staff and desk_staff.site_id else None
    finally:
        store.close()
    command = ["luotsi", "board", "--db", str(copy)]
    if site is not None:
        command += ["--site", site.name]
    return [
        tr("cli.demo.database", lang, path=copy),
        tr("cli.demo.board", lang, command=shlex.join(command)),
    ]


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    db: DbOption = None,
    lang: LangOption = None,
    desk: DeskOption = None,
    user: UserOption = None,
) -> None:
    """Open Luotsi on the database (run a command to do something else)."""
    load_cli_strings()  # every command passes through here first
    # --user here is for the commands (`luotsi --user admin staff list`): it unlocks an
    # encrypted database (see `cli_common.unlock_for_cli`); the app asks at its login.
    ctx.obj = {"db": db, "lang": lang, "desk": desk, "user": user}
    if ctx.invoked_subcommand is None:
        _run_app(database_path(ctx, None), lang, _desk(ctx, desk, text_language(lang)))


@app.command(help=help_for("help.demo"))
def demo(ctx: typer.Context, lang: LangOption = None, desk: DeskOption = None) -> None:
    """Open Luotsi on a throwaway copy of the sample database, removed when it closes."""
    chosen_lang = asked_language(ctx, lang)
    text_lang = early_language(ctx, lang)
    chosen_desk = _desk(ctx, desk, text_lang)
    if not SAMPLE_DB.is_file():
        fail(tr("cli.demo.missing", text_lang, path=SAMPLE_DB))
    # A closed terminal (SIGHUP) or SIGTERM ends the demo as Ctrl+Q does, so the
    # throwaway folder is removed whenever the demo ends, even before the app is up.
    with ended_by_signals(), tempfile.TemporaryDirectory(prefix="luotsi-demo-") as folder:
        copy = Path(folder) / "luotsi-demo.db"
        lines = prepare_demo(copy, text_lang)
        for line in lines:
            typer.echo(line)
        # Also inside the app: its full screen hides what was printed until it closes.
        _run_app(copy, chosen_lang, chosen_desk, notice="\n".join(lines))


def prepare_demo(copy: Path, lang: str) -> list[str]:
    """Make the demo's throwaway database at `copy` and return its `demo_lines`.

    A copy of the sample, encrypted as a real installation's is, so the demo takes the
    real path: the app starts locked, and a login opens the user's key slot. Each demo
    login gets a slot of the demo password (the password is printed in the README anyway)."""
    from store.core.encryption import encrypt_database
    from store.sample.accounts import DEMO_PASSWORD
    from store.sample.generate import refresh_history

    copy_database(SAMPLE_DB, copy)
    # The committed sample holds no visits nor paths (they would make it ~6 MB):
    # they are made here, around this very minute, so the queue is never weeks old
    # and a coach's worklist has steps due now.
    refresh_history(copy)
    lines = demo_lines(copy, lang)  # read while the copy is still plain: no key needed
    encrypt_database(copy, dict.fromkeys(DEMO_LOGINS, DEMO_PASSWORD))
    keyring.forget(copy)  # locked until someone logs in, as a desk finds its database
    return lines


@app.command(help=help_for("help.board"))
def board(
    ctx: typer.Context,
    site: Annotated[str | None, typer.Option(help=help_for("help.board.site"))] = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """Show the waiting-room board of one site (needs no --site where there is one).

    It reads only the side file the desks publish beside the database, never the
    database: no login, no key (see `store.visits.board_feed`)."""
    ui_lang = early_language(ctx, lang)
    path = existing_database(ctx, db, ui_lang)
    from store.visits.board_feed import BoardFeedError
    from tui.board import make_board

    try:
        display = make_board(path, site_name=site, lang=ui_lang)
    except BoardFeedError as exc:
        fail(exc.message(ui_lang))
    except SiteNotChosen as exc:
        if not exc.sites:
            fail(tr("cli.board.no_sites", ui_lang, path=path))
        fail(site_message(exc, ui_lang))
    display.run()


def _refuse_folder(path: Path, lang: str) -> None:
    # Checked here, not by Click, whose refusal is in English only.
    if path.is_dir():
        fail(tr("error.database_is_folder", lang, path=path))


@app.command(help=in_language(INIT_HELP, HELP_LANGUAGE))
def init(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help=help_for("help.new_database"))],
    site: Annotated[str | None, typer.Option(help=help_for("help.init.site"))] = None,
    municipality: Annotated[str | None, typer.Option(help=help_for("help.municipality"))] = None,
    area: Annotated[str | None, typer.Option(help=help_for("help.area"))] = None,
    username: Annotated[str | None, typer.Option(help=help_for("help.init.username"))] = None,
    display_name: Annotated[
        str | None, typer.Option(help=help_for("help.init.display_name"))
    ] = None,
    plain: Annotated[
        bool, typer.Option("--plain", help=in_language(PLAIN_HELP, HELP_LANGUAGE))
    ] = False,
    lang: LangOption = None,
) -> None:
    """Create a database with its first site and admin, asking for what is not given:
    encrypted, with a key slot for the admin and a recovery key shown once (`--plain`
    for a throwaway database that is not)."""
    ui_lang = early_language(ctx, lang)
    _refuse_folder(path, ui_lang)
    target = init_target(path, ui_lang)

    def asked(key: str, default: str) -> str:
        return prompt_text(tr(key, ui_lang), ui_lang, default=default)

    site = site or asked("cli.init.site_name", tr("cli.init.site_name_default", ui_lang))
    municipality = municipality or asked("cli.init.municipality", "Turku")
    area = area or asked("cli.init.area", "Turun työllisyysalue")
    username = username or asked("cli.init.username", "admin")
    display_name = display_name or asked(
        "cli.init.display_name", tr("cli.init.display_name_default", ui_lang)
    )
    password = new_password(ui_lang, "LUOTSI_PASSWORD")
    # Made only now, every answer given: an aborted prompt leaves no key file behind.
    encrypt = target.new and not plain and not keyring.is_encrypted(path)
    recovery_key = make_key_file(target, ui_lang) if encrypt else None
    taken = False
    try:
        store = open_store(path, ui_lang)
        try:
            with errors_reported(ui_lang), write_transaction(store.db):
                # Checked again inside the transaction: a second `init` may have run
                # meanwhile (and what it made is not this one's to undo).
                if store.db.execute("SELECT count(*) FROM staff").fetchone()[0]:
                    taken = True
                    fail(tr("cli.init.exists", ui_lang, path=path))
                first_site = store.sites.create(site, municipality, area)
                store.staff.create(
                    username, display_name, "admin", password, first_site.id, ui_lang
                )
                # The admin's key slot comes with the account (StaffRepository.create).
        finally:
            store.close()
    except BaseException:
        if target.new and not taken:
            undo_new_database(target, made_key_file=encrypt)
        raise
    for line in done_lines(target, username, recovery_key, ui_lang):
        typer.echo(line)


@app.command(help=help_for("help.sample"))
def sample(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help=help_for("help.new_database"))],
    clients: Annotated[int, typer.Option(min=0, help=help_for("help.sample.clients"))] = 500,
    seed: Annotated[int, typer.Option(help=help_for("help.sample.seed"))] = 1,
    force: Annotated[bool, typer.Option(help=help_for("help.sample.force"))] = False,
    weeks: Annotated[int, typer.Option(min=0, help=help_for("help.sample.weeks"))] = HISTORY_WEEKS,
    lang: LangOption = None,
) -> None:
    """Create a database of made-up clients (temporary identity codes) and their visits."""
    from store.sample.generate import DEMO_PASSWORD, generate_sample

    ui_lang = early_language(ctx, lang)
    _refuse_folder(path, ui_lang)
    if path.exists() and path.stat().st_size > 0:
        if not force:
            fail(tr("cli.sample.exists", ui_lang, path=path))
        encrypted = keyring.is_encrypted(path)  # an encrypted sample has no SQLite header
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER and not encrypted:
                fail(tr("cli.sample.not_a_database", ui_lang, path=path))
        ends = ("-wal", "-shm", ".keys", ".board", ".board-wal", ".board-shm")
        for leftover in (path, *(path.with_name(path.name + end) for end in ends)):
            leftover.unlink(missing_ok=True)
        keyring.forget(path)
    generate_sample(path, clients=clients, seed=seed, history_weeks=weeks)
    typer.echo(tr("cli.sample.done", ui_lang, path=path, count=clients, password=DEMO_PASSWORD))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
