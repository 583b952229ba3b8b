"""`luotsi settings`: list the installation's settings, and let an admin change one."""

from __future__ import annotations

from typing import Annotated

import typer

from store.core.i18n import DEFAULT_LANGUAGE, tr
from store.core.settings import SETTINGS

from .cli_common import (
    DbOption,
    LangOption,
    UserOption,
    asked_language,
    open_existing_store,
    staff_session,
)

STRINGS: dict[str, tuple[str, str, str]] = {
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

settings_app = typer.Typer(
    help="Show or change this installation's settings.", invoke_without_command=True
)


@settings_app.callback()
def show_settings(ctx: typer.Context, db: DbOption = None, lang: LangOption = None) -> None:
    """List every setting with its value and what it does."""
    if ctx.invoked_subcommand is not None:
        return
    chosen = asked_language(ctx, lang) or DEFAULT_LANGUAGE
    store = open_existing_store(ctx, db, chosen)
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
    value: Annotated[
        str,
        typer.Argument(
            help="A number, yes/no (kyllä/ei, on/off), or a time zone such as Europe/Helsinki."
        ),
    ],
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """Change one setting (admins only); the change is written to the access log."""
    with staff_session(ctx, db, user, lang, not_allowed="cli.settings.not_allowed") as session:
        stored = session.store.settings.set(session.staff, key, value)
    setting = SETTINGS[key.strip()]
    typer.echo(
        tr(
            "cli.settings.changed",
            session.lang,
            key=setting.key,
            value=setting.show(stored, session.lang),
        )
    )
