"""What the `luotsi` commands share: exit codes, options, errors, the database, login."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, NoReturn

import platformdirs
import typer
from typer.core import TyperGroup

from store.api import Store
from store.core.auth import LoginFailed, PermissionDenied
from store.core.db import (
    DatabaseFault,
    NotADatabaseError,
    SchemaTooNewError,
    StoreError,
    store_fault,
)
from store.core.i18n import DEFAULT_LANGUAGE, TranslatedError, locale_language, tr
from store.core.models import Staff
from store.core.sites import SiteNotChosen
from store.core.staff import MIN_PASSWORD_LENGTH

from .cli_help import help_for

# 2 covers everything that is not about the rows of a file: a missing or unusable file or
# database, a wrong login, or a user who may not do what was asked.
EXIT_BAD_ROWS = 1
EXIT_USAGE = 2

Language = Literal["fi", "sv", "en"]
# A folder is let through to be refused in the user's language (`existing_database`).
DbOption = Annotated[Path | None, typer.Option("--db", help=help_for("help.db"))]
LangOption = Annotated[Language | None, typer.Option("--lang", help=help_for("help.lang"))]
UserOption = Annotated[str | None, typer.Option(help=help_for("help.user"))]


def fail(message: str) -> NoReturn:
    typer.echo(f"luotsi: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


def store_error_message(exc: StoreError, path: Path | None, lang: str) -> str:
    """What the user is told of a database that could not be opened or written."""
    if isinstance(exc, DatabaseFault):
        return tr(f"cli.error.{exc.kind}", lang)
    if isinstance(exc, TranslatedError):  # a folder, a damaged file: said precisely
        return exc.message(lang)
    if path is not None and isinstance(exc, NotADatabaseError):
        return tr("cli.error.not_a_database", lang, path=path)
    if path is not None and isinstance(exc, SchemaTooNewError):
        return tr("cli.error.schema_too_new", lang, path=path)
    return str(exc)


def fail_on_store_fault(exc: Exception, lang: str, path: Path | None = None) -> NoReturn:
    """A database that cannot be opened or written (busy, full, read-only, not Luotsi's)
    as `luotsi: <message>` in `lang` and exit code 2, never a traceback; the error may be
    the store's or SQLite's own (see `store.core.db.store_fault`). Anything else is
    raised again."""
    fault = store_fault(exc)
    if fault is None:
        raise exc
    fail(store_error_message(fault, path, lang))


def open_store(path: Path, lang: str) -> Store:
    try:
        return Store.open(path)
    except Exception as exc:
        fail_on_store_fault(exc, lang, path)


def database_path(ctx: typer.Context, option: Path | None) -> Path:
    """The command's --db, else the one given before the command, else $LUOTSI_DB."""
    chosen = option or (ctx.obj or {}).get("db") or os.environ.get("LUOTSI_DB")
    return Path(chosen) if chosen else platformdirs.user_data_path("luotsi") / "luotsi.db"


def asked_language(ctx: typer.Context, lang: str | None) -> str | None:
    """--lang given with the command or before it; None leaves it to the user's own.

    A --lang given with the command is kept in the shared `ctx.obj`, so that an error
    reported for the whole command line (see `LuotsiGroup`) is in that language too."""
    if lang and isinstance(ctx.obj, dict):
        ctx.obj.setdefault("command_lang", lang)
    return lang or (ctx.obj or {}).get("lang")


def _asked(text: str, lang: str, *, default: str | None = None, hidden: bool = False) -> str:
    """What the user types at a prompt; an aborted prompt (Ctrl+C, Ctrl+D, end of input)
    stops the command with exit code 2, as every other usage error does."""
    try:
        answer: str = typer.prompt(text, default=default, hide_input=hidden)
    except typer.Abort:
        typer.echo(err=True)  # the prompt's line was left open
        fail(tr("cli.password.aborted", lang))
    return answer


def prompt_text(text: str, lang: str, default: str | None = None) -> str:
    """A line of text asked at the terminal (see `_asked` for an aborted prompt)."""
    return _asked(text, lang, default=default)


def new_password(lang: str, envvar: str, username: str | None = None) -> str:
    """A new password of at least `MIN_PASSWORD_LENGTH` characters: from `envvar`, else
    asked twice with hidden input (for `username` when it is someone else's). An aborted
    prompt (Ctrl+C, end of input) stops the command with exit code 2."""
    short = tr("cli.init.password_short", lang, min=MIN_PASSWORD_LENGTH)
    scripted = os.environ.get(envvar)
    if scripted is not None:
        if len(scripted) < MIN_PASSWORD_LENGTH:
            fail(short)
        return scripted
    if username is None:
        first, again = tr("cli.init.password", lang), tr("cli.init.password_again", lang)
    else:
        first = tr("cli.password.for", lang, username=username)
        again = tr("cli.password.for_again", lang, username=username)
    while True:
        password = _asked(first, lang, hidden=True)
        if len(password) < MIN_PASSWORD_LENGTH:
            typer.echo(short, err=True)
        elif _asked(again, lang, hidden=True) == password:
            return password
        else:
            typer.echo(tr("cli.init.password_mismatch", lang), err=True)


ENDING_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


@contextmanager
def ended_by_signals(stop_app: Callable[[int], object] | None = None) -> Iterator[None]:
    """While the block runs, SIGTERM and SIGHUP (its terminal was closed) end the command
    as Ctrl+Q would: an app running in the block is asked to exit from its own event loop
    (`stop_app`, given the exit code), else the block is left by `SystemExit`, so that
    every `with` and `finally` in it still cleans up."""

    def stop(signum: int, _frame: object) -> None:
        code = 128 + signum
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        if stop_app is None or loop is None:
            raise SystemExit(code)
        loop.call_soon_threadsafe(stop_app, code)

    previous = {number: signal.signal(number, stop) for number in ENDING_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def existing_database(ctx: typer.Context, db: Path | None, lang: str) -> Path:
    """The database the command names: a file, and not an empty one (which only
    `luotsi init` may give a schema), else exit 2 saying what is there instead."""
    path = database_path(ctx, db)
    if path.is_dir():
        fail(tr("error.database_is_folder", lang, path=path))
    if not path.is_file():
        fail(tr("cli.error.no_database", lang, path=path))
    if path.stat().st_size == 0:
        fail(tr("cli.error.empty_database", lang, path=path))
    return path


def open_existing_store(ctx: typer.Context, db: Path | None, lang: str) -> Store:
    """The database the command names; it must exist already (else exit 2)."""
    return open_store(existing_database(ctx, db, lang), lang)


def login(store: Store, username: str | None, lang: str) -> Staff:
    """Identify the staff member: --user or $LUOTSI_USER, and $LUOTSI_PASSWORD or a prompt.

    A username locked after failed logins raises `LoginLocked`, an account whose password
    data is damaged `PasswordDataDamaged`: `errors_reported` says either (the lock's time
    left, in the language asked) with exit code 2, as the login screen does."""
    username = username or os.environ.get("LUOTSI_USER")
    username = username or prompt_text(tr("cli.import.username", lang), lang)
    password = os.environ.get("LUOTSI_PASSWORD")
    if password is None:
        password = _asked(tr("cli.import.password", lang), lang, hidden=True)
    try:
        return store.staff.log_in(username, password)
    except LoginFailed:
        fail(tr("cli.import.login_failed", lang))


def site_message(exc: SiteNotChosen, lang: str, choose: str | None = None) -> str:
    """Why no site was chosen, and the sites to choose from, one a line; `choose` is what
    to say when none was named (default: choose one with --site)."""
    if exc.asked is None:
        head = choose or tr("cli.site.choose", lang)
    else:
        head = f"{exc.message(lang)}; {tr('cli.site.choose_one', lang)}"
    return head + "".join(f"\n  {site.name}" for site in exc.sites)


@contextmanager
def errors_reported(lang: str, not_allowed: str = "cli.error.not_allowed") -> Iterator[None]:
    """The store's refusals as `luotsi: <message>` in `lang` and exit code 2: not allowed
    (`not_allowed`, given the username), a busy, full or read-only database (see
    `fail_on_store_fault`), and every translated error."""
    try:
        yield
    except PermissionDenied as exc:
        fail(tr(not_allowed, lang, username=exc.staff.username))
    except SiteNotChosen as exc:
        fail(site_message(exc, lang))
    except TranslatedError as exc:
        fail(exc.message(lang))
    except Exception as exc:
        fail_on_store_fault(exc, lang)


@dataclass(frozen=True)
class Session:
    """A command's logged-in staff member, their store, and the language to answer in."""

    store: Store
    staff: Staff
    lang: str  # --lang, else the staff member's own


def text_language(asked: str | None) -> str:
    """The language of a message for no one in particular: `asked` (--lang), else the
    locale's (LC_ALL, LC_MESSAGES, LANG), else Finnish."""
    return asked or locale_language(os.environ) or DEFAULT_LANGUAGE


def early_language(ctx: typer.Context, lang: str | None) -> str:
    """The language for messages before anyone has logged in (see `text_language`)."""
    return text_language(asked_language(ctx, lang))


@contextmanager
def staff_session(
    ctx: typer.Context,
    db: Path | None,
    user: str | None,
    lang: str | None,
    not_allowed: str = "cli.error.not_allowed",
) -> Iterator[Session]:
    """Open the named database, log the user in, and report the store's errors (see
    `errors_reported`) in their language; the store is closed however the command ends."""
    chosen = asked_language(ctx, lang)
    early = early_language(ctx, lang)
    store = open_existing_store(ctx, db, early)
    try:
        with errors_reported(early):
            staff = login(store, user, early)
        session = Session(store, staff, chosen or staff.language)
        with errors_reported(session.lang, not_allowed):
            yield session
    finally:
        store.close()


class LuotsiGroup(TyperGroup):
    """The `luotsi` command line: a database that cannot be opened or written, wherever
    a command meets it outside its own reporting (creating, generating, migrating), is
    `luotsi: <message>` and exit code 2 in the language asked for, never a traceback."""

    def invoke(self, ctx: typer.Context) -> Any:  # Typer makes every context a typer.Context
        try:
            return super().invoke(ctx)
        except Exception as exc:
            shared = ctx.obj if isinstance(ctx.obj, dict) else {}
            fail_on_store_fault(
                exc, text_language(shared.get("command_lang") or shared.get("lang"))
            )
