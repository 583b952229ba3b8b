"""`luotsi settings`: list the installation's settings, and let an admin change one."""

from __future__ import annotations

from typing import Annotated

import typer

from store.auth import PermissionDenied
from store.db import DatabaseBusy
from store.i18n import DEFAULT_LANGUAGE, register, tr
from store.settings import SETTINGS, SettingError

from .cli_common import DbOption, LangOption, database_path, fail, login, open_store

register(
    {
        "cli.settings.changed": (
            "{key} = {value} (muutos kirjattu lokiin)",
            "{key} = {value} (ändringen loggad)",
            "{key} = {value} (the change is logged)",
        ),
        "cli.settings.not_allowed": (
            "käyttäjä {username} ei saa muuttaa asetuksia (vain pääkäyttäjä)",
            "användaren {username} får inte ändra inställningar (endast admin)",
            "{username} may not change settings (admins only)",
        ),
    }
)

settings_app = typer.Typer(
    help="Show or change this installation's settings.", invoke_without_command=True
)


def _lang(ctx: typer.Context, lang: str | None) -> str:
    return lang or (ctx.obj or {}).get("lang") or DEFAULT_LANGUAGE


@settings_app.callback()
def show_settings(ctx: typer.Context, db: DbOption = None, lang: LangOption = None) -> None:
    """List every setting with its value and what it does."""
    if ctx.invoked_subcommand is not None:
        return
    chosen = _lang(ctx, lang)
    path = database_path(ctx, db)
    if not path.is_file():
        fail(tr("cli.error.no_database", chosen, path=path))
    store = open_store(path, chosen)
    try:
        for setting, value in store.settings.all():
            shown = setting.show(value, chosen)
            typer.echo(f"{setting.key} = {shown}\n    {setting.describe(chosen)}")
    finally:
        store.close()


@settings_app.command("set")
def set_setting(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help=f"One of: {', '.join(SETTINGS)}.")],
    value: Annotated[str, typer.Argument(help="A number, or yes/no (kyllä/ei, on/off).")],
    user: Annotated[
        str | None, typer.Option(help="Your username; default $LUOTSI_USER, else asked.")
    ] = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """Change one setting (admins only); the change is written to the access log."""
    chosen = _lang(ctx, lang)
    path = database_path(ctx, db)
    if not path.is_file():
        fail(tr("cli.error.no_database", chosen, path=path))
    store = open_store(path, chosen)
    try:
        staff = login(store, user, chosen)
        chosen = lang or (ctx.obj or {}).get("lang") or staff.language
        try:
            stored = store.settings.set(staff, key, value)
        except PermissionDenied:
            fail(tr("cli.settings.not_allowed", chosen, username=staff.username))
        except SettingError as exc:
            fail(exc.message(chosen))
        except DatabaseBusy:
            fail(tr("cli.export.busy", chosen))
        setting = SETTINGS[key.strip()]
        typer.echo(
            tr("cli.settings.changed", chosen, key=setting.key, value=setting.show(stored, chosen))
        )
    finally:
        store.close()
