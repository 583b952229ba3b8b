"""The ways into the admin room: the admin screen (admins) and one's own password (anyone)."""

from __future__ import annotations

from typing import Any

from textual.app import App

from store.core.i18n import tr

from ..shell.context import context
from .account_dialogs import PasswordDialog
from .admin_screen import AdminScreen

__all__ = ["change_own_password", "open_admin_screen"]


def open_admin_screen(app: App[Any]) -> None:
    """Open the admin screen over what is showing, if the store says the user may manage
    staff; anyone else is told plainly that they may not."""
    ctx = context(app)
    if ctx.session is None or ctx.store is None:
        return
    if not ctx.store.staff.may(ctx.session.staff, "staff.manage"):
        app.notify(tr("admin.not_allowed", ctx.lang), severity="warning")
        return
    # Once is enough: from one of its own dialogs the palette finds it already open.
    if not any(isinstance(screen, AdminScreen) for screen in app.screen_stack):
        app.push_screen(AdminScreen())


def change_own_password(app: App[Any]) -> None:
    """Ask the logged-in user for their current password and a new one, and set it."""
    ctx = context(app)
    if ctx.session is None or ctx.store is None:
        return
    store, staff = ctx.store, ctx.session.staff

    def save(values: dict[str, str]) -> None:
        store.staff.set_password(
            staff, staff.id, values["password"], old_password=values["current"]
        )

    def after(saved: bool | None) -> None:
        if saved:
            app.notify(tr("password.changed", ctx.lang))

    app.push_screen(PasswordDialog(save), after)
