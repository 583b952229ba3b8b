"""What the `luotsi` commands share: exit codes, options, errors, the database, login."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal, NoReturn

import platformdirs
import typer
from typer.core import TyperGroup

from store.api import Store
from store.core import keyring
from store.core.auth import LoginFailed, PermissionDenied
from store.core.db import (
    ENCRYPTED_PAGE_BYTES,
    SQLITE_HEADER,
    DatabaseDamaged,
    DatabaseFault,
    NotADatabaseError,
    SchemaTooNewError,
    StoreError,
    store_fault,
)
from store.core.errors import file_fault
from store.core.i18n import DEFAULT_LANGUAGE, TranslatedError, locale_language, tr
from store.core.keys import DatabaseLocked, KeyFileError, key_file_of, read_key_file
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


def store_error_message(exc: StoreError | KeyFileError, path: Path | None, lang: str) -> str:
    """What the user is told of a database that could not be opened or written, or
    whose key file cannot be used."""
    if isinstance(exc, DatabaseLocked):  # the command line's own way to unlock it
        return tr("cli.error.locked", lang, path=exc.path)
    if isinstance(exc, DatabaseFault):
        return tr(f"cli.error.{exc.kind}", lang)
    if isinstance(exc, TranslatedError):  # a folder, a damaged file or key file: precisely
        return exc.message(lang)
    if path is not None and isinstance(exc, NotADatabaseError):
        return not_a_database_message(path, lang)
    if path is not None and isinstance(exc, SchemaTooNewError):
        return tr("cli.error.schema_too_new", lang, path=path)
    return str(exc)


def not_a_database_message(path: Path, lang: str) -> str:
    """Why `path` cannot be opened when SQLite does not know it: a file of whole pages
    with no SQLite header may be an encrypted database whose key file is gone (its bytes
    are all ciphertext), so the message names the missing key file too."""
    if _may_be_encrypted(path):
        return tr("cli.error.not_a_database_or_keys", lang, path=path, keys=key_file_of(path))
    return tr("cli.error.not_a_database", lang, path=path)


def _may_be_encrypted(path: Path) -> bool:
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError:
        return False
    return (
        size > 0
        and size % ENCRYPTED_PAGE_BYTES == 0
        and header != SQLITE_HEADER
        and not keyring.is_encrypted(path)
    )


def fail_on_store_fault(exc: Exception, lang: str, path: Path | None = None) -> NoReturn:
    """A database that cannot be opened or written (busy, full, read-only, not Luotsi's,
    encrypted with a key file that cannot be used) as `luotsi: <message>` in `lang` and
    exit code 2, never a traceback; the error may be the store's or SQLite's own (see
    `store.core.db.store_fault`). Anything else is raised again."""
    if isinstance(exc, KeyFileError):
        fail(store_error_message(exc, path, lang))
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


def asked(
    text: str,
    lang: str,
    *,
    default: str | None = None,
    hidden: bool = False,
    aborted: str | None = None,
) -> str:
    """What the user types at a prompt; an aborted prompt (Ctrl+C, Ctrl+D, end of input)
    stops the command with exit code 2, as every other usage error does, saying
    `aborted` (default: aborted, nothing was changed)."""
    try:
        answer: str = typer.prompt(text, default=default, hide_input=hidden)
    except typer.Abort:
        typer.echo(err=True)  # the prompt's line was left open
        fail(aborted or tr("cli.password.aborted", lang))
    return answer


def prompt_text(text: str, lang: str, default: str | None = None) -> str:
    """A line of text asked at the terminal (see `asked` for an aborted prompt)."""
    return asked(text, lang, default=default)


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
        password = asked(first, lang, hidden=True)
        if len(password) < MIN_PASSWORD_LENGTH:
            typer.echo(short, err=True)
        elif asked(again, lang, hidden=True) == password:
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
    """The database the command names; it must exist already (else exit 2). An encrypted
    one is unlocked first (see `unlock_for_cli`), and whoever unlocked it is logged in, so
    the access log says who ran the command."""
    path = existing_database(ctx, db, lang)
    credentials = unlock_for_cli(ctx, path, lang)
    store = open_store(path, lang)
    if credentials is not None:
        try:
            with errors_reported(lang):
                login(store, credentials.username, lang, credentials)
        except BaseException:
            store.close()
            raise
    return store


@dataclass(frozen=True)
class Credentials:
    """The username and password a command was given, asked at most once: the same
    unlock an encrypted database and log the staff member in."""

    username: str
    password: str = field(repr=False)


def given_user(ctx: typer.Context, user: str | None) -> str | None:
    """The command's --user, else the one given before the command, else $LUOTSI_USER."""
    return user or (ctx.obj or {}).get("user") or os.environ.get("LUOTSI_USER")


def ask_credentials(username: str | None, lang: str, *, aborted: str | None = None) -> Credentials:
    """`username` (else asked), and $LUOTSI_PASSWORD or a hidden prompt."""
    username = username or os.environ.get("LUOTSI_USER")
    username = username or asked(tr("cli.import.username", lang), lang, aborted=aborted)
    password = os.environ.get("LUOTSI_PASSWORD")
    if password is None:
        password = asked(tr("cli.import.password", lang), lang, hidden=True, aborted=aborted)
    return Credentials(username, password)


def unlock_for_cli(
    ctx: typer.Context, path: Path, lang: str, user: str | None = None
) -> Credentials | None:
    """Unlock the encrypted database at `path` for this command with a staff member's key
    slot: `user`, else --user given before the command, else $LUOTSI_USER, else asked;
    the password from $LUOTSI_PASSWORD, else asked with hidden input. Returns what was
    given (to log the same person in without asking again), or None when nothing had to
    be unlocked: a plain database, or one this process has unlocked already.

    Each refusal is `luotsi: <message>` and exit code 2, before any file is changed: a
    wrong password or a name with no slot (one message for both, as the login says), a
    missing, damaged or another database's key file, a database cut short, and a prompt
    that cannot be answered (no terminal, end of input)."""
    if not keyring.is_encrypted(path) or keyring.known_key(path) is not None:
        return None
    try:
        # Before any password is asked: a file or key file that cannot be opened anyway.
        keyring.check_belongs(path, read_key_file(path))
    except KeyFileError as exc:
        fail(store_error_message(exc, path, lang))
    except OSError as exc:  # the key file may not be read
        fail_on_store_fault(file_fault(exc), lang, path)
    if path.stat().st_size % ENCRYPTED_PAGE_BYTES:
        fail(DatabaseDamaged(path).message(lang))
    # A prompt with nobody at it (no terminal, end of input) says how to unlock; Ctrl+C at
    # a terminal is the user's own choice, told as every aborted prompt is.
    locked = None if sys.stdin.isatty() else tr("cli.error.locked", lang, path=path)
    username = given_user(ctx, user)
    if username is None or "LUOTSI_PASSWORD" not in os.environ:
        typer.echo(tr("cli.unlock.needed", lang, path=path), err=True)
    credentials = ask_credentials(username, lang, aborted=locked)
    try:
        keyring.unlock(path, credentials.username, credentials.password)
    except LoginFailed:
        fail(tr("cli.import.login_failed", lang))
    except KeyFileError as exc:
        fail(store_error_message(exc, path, lang))
    return credentials


def login(
    store: Store, username: str | None, lang: str, credentials: Credentials | None = None
) -> Staff:
    """Identify the staff member: `credentials` already given (see `unlock_for_cli`), else
    --user or $LUOTSI_USER, and $LUOTSI_PASSWORD or a prompt.

    A username locked after failed logins raises `LoginLocked`, an account whose password
    data is damaged `PasswordDataDamaged`: `errors_reported` says either (the lock's time
    left, in the language asked) with exit code 2, as the login screen does."""
    given = credentials or ask_credentials(username, lang)
    try:
        return store.staff.log_in(given.username, given.password)
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
    except KeyFileError as exc:
        fail(store_error_message(exc, None, lang))
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
    user = given_user(ctx, user)
    path = existing_database(ctx, db, early)
    credentials = unlock_for_cli(ctx, path, early, user)
    store = open_store(path, early)
    try:
        with errors_reported(early):
            staff = login(store, user, early, credentials)
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
