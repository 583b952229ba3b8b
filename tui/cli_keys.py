"""`luotsi encrypt`, `luotsi rekey` and `luotsi recover`: converting a database to
encryption at rest, giving it a new key, and an admin's new password by the recovery key."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from store.core.auth import LoginFailed, allowed
from store.core.db import DatabaseBusy
from store.core.encryption import (
    encrypt_database,
    finish_interrupted,
    recover,
    rekey_database,
    require_encrypted,
    unlock_for_recovery,
)
from store.core.i18n import in_language, tr
from store.core.keyring import RecoveryKeyWrong

from .cli_common import (
    DbOption,
    LangOption,
    UserOption,
    ask_credentials,
    asked,
    asked_language,
    early_language,
    errors_reported,
    existing_database,
    fail,
    login,
    new_password,
    open_store,
    prompt_text,
    unlock_for_cli,
)
from .cli_help import HELP_LANGUAGE
from .cli_keys_strings import HELP

RECOVERY_KEY_ENV = "LUOTSI_RECOVERY_KEY"
NEW_PASSWORD_ENV = "LUOTSI_NEW_PASSWORD"
_MEGABYTE = 1024 * 1024


def _help(key: str) -> str:
    return in_language(HELP[key], HELP_LANGUAGE)


def _number(value: float, lang: str) -> str:
    """One decimal, with the decimal comma of Finnish and Swedish."""
    text = f"{value:.1f}"
    return text if lang == "en" else text.replace(".", ",")


@contextmanager
def _reported(lang: str) -> Iterator[None]:
    """The store's refusals as every command says them (see `errors_reported`), a wrong
    password as a failed login."""
    with errors_reported(lang):
        try:
            yield
        except RecoveryKeyWrong:
            raise
        except LoginFailed:
            fail(tr("cli.import.login_failed", lang))


@contextmanager
def _alone(path: Path, lang: str) -> Iterator[None]:
    """`_reported`, and a database open elsewhere said as what to do about it."""
    with _reported(lang):
        try:
            yield
        except DatabaseBusy:
            fail(tr("cli.keys.busy", lang, path=path))


PathArgument = Annotated[Path, typer.Argument(help=_help("encrypt.path"))]


def encrypt_command(
    ctx: typer.Context, path: PathArgument, user: UserOption = None, lang: LangOption = None
) -> None:
    """Encrypt a plain database in place with the admin's password; show the recovery key."""
    ui_lang = early_language(ctx, lang)
    path = existing_database(ctx, path, ui_lang)
    given = ask_credentials(user, ui_lang)
    started = time.perf_counter()
    with _alone(path, ui_lang):
        done = encrypt_database(path, {given.username: given.password})
    seconds = time.perf_counter() - started
    size = path.stat().st_size / _MEGABYTE
    say = typer.echo
    say(
        tr(
            "cli.encrypt.done",
            ui_lang,
            path=path,
            seconds=_number(seconds, ui_lang),
            size=_number(size, ui_lang),
        )
    )
    say("")
    say(tr("cli.encrypt.recovery", ui_lang))
    say("")
    groups = done.recovery_key.split("-")
    half = len(groups) // 2
    say("    " + "-".join(groups[:half]) + "-")
    say("    " + "-".join(groups[half:]))
    say("")
    say(tr("cli.encrypt.recovery_warning", ui_lang))
    say("")
    say(tr("cli.encrypt.slots", ui_lang, names=", ".join(done.slots)))
    if done.without_slot:
        say(tr("cli.encrypt.without_slot", ui_lang))
        for name in done.without_slot:
            say(f"  {name}")


def rekey_command(
    ctx: typer.Context, db: DbOption = None, user: UserOption = None, lang: LangOption = None
) -> None:
    """A new key for an encrypted database (admins only)."""
    early = early_language(ctx, lang)
    path = existing_database(ctx, db, early)
    with errors_reported(early):
        finish_interrupted(path)  # a rekey cut short left a key file that fits no database
        require_encrypted(path)
    given = unlock_for_cli(ctx, path, early, user)
    store = open_store(path, early)
    try:
        with _reported(early):
            staff = login(store, user, early, given)
    finally:
        store.close()  # the rekey must have the file to itself
    ui_lang = asked_language(ctx, lang) or staff.language
    if not allowed(staff, "staff.manage"):
        fail(tr("cli.rekey.not_allowed", ui_lang, username=staff.username))
    started = time.perf_counter()
    with _alone(path, ui_lang):
        rekey_database(path, by=staff)
    seconds = time.perf_counter() - started
    typer.echo(tr("cli.rekey.done", ui_lang, path=path, seconds=_number(seconds, ui_lang)))


def recover_command(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help=_help("recover.path"))],
    user: Annotated[str | None, typer.Option(help=_help("recover.user"))] = None,
    lang: LangOption = None,
) -> None:
    """An admin's new password, set with the recovery key."""
    ui_lang = early_language(ctx, lang)
    path = existing_database(ctx, path, ui_lang)
    recovery_key = os.environ.get(RECOVERY_KEY_ENV)
    if recovery_key is None:
        recovery_key = asked(tr("cli.recover.key", ui_lang), ui_lang, hidden=True)
    with errors_reported(ui_lang):  # a wrong key is told before a password is asked
        unlock_for_recovery(path, recovery_key)
    username = user or os.environ.get("LUOTSI_USER")
    username = username or prompt_text(tr("cli.recover.username", ui_lang), ui_lang)
    password = new_password(ui_lang, NEW_PASSWORD_ENV, username)
    with errors_reported(ui_lang):
        recover(path, recovery_key, username, password)
    typer.echo(tr("cli.recover.done", ui_lang, username=username.strip()))


def register_key_commands(app: typer.Typer) -> None:
    app.command("encrypt", help=_help("encrypt"))(encrypt_command)
    app.command("rekey", help=_help("rekey"))(rekey_command)
    app.command("recover", help=_help("recover"))(recover_command)
