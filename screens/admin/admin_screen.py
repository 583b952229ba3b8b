"""The admin screen: every staff account and site, and the keys that change them, each
change through the store's own methods so it lands in the access log."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from store.core.auth import PermissionDenied
from store.core.db import StoreError
from store.core.i18n import TranslatedError
from store.core.models import Role, Site, Staff
from store.core.text import visible

from ..shell.background import describe_error
from ..shell.context import ScreenContextMixin
from ..shell.dialogs import ask
from ..shell.header import LuotsiHeader
from .account_dialogs import (
    NO_SITE,
    ConfirmDeactivate,
    NewAccountDialog,
    PasswordDialog,
    RoleDialog,
    SiteDialog,
)
from .catalog_screen import CatalogScreen
from .form_dialog import ADMIN_CSS

STAFF_COLUMNS = ("username", "name", "role", "site", "status")
SITE_COLUMNS = ("name", "municipality", "area")


class AdminScreen(ScreenContextMixin, Screen[None]):
    """Opened only for an admin (see `screens.admin.entry.open_admin_screen`)."""

    CSS_PATH = ADMIN_CSS
    BINDINGS = [
        Binding("n", "add_user", "New user", id="admin.add_user"),
        Binding("p", "password", "Password", id="admin.password"),
        Binding("r", "role", "Role", id="admin.role"),
        Binding("d", "deactivate", "Deactivate", id="admin.deactivate"),
        Binding("t", "add_site", "New site", id="admin.add_site"),
        Binding("c", "catalog", "Services", id="admin.catalog"),
        Binding("escape", "back", "Back", id="admin.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.accounts: list[Staff] = []
        self.sites: list[Site] = []

    def compose(self) -> ComposeResult:
        yield LuotsiHeader(id="header")
        yield Static(self.t("admin.title"), classes="screen-title")
        yield DataTable(id="staff-table", cursor_type="row", zebra_stripes=True)
        yield Static(self.t("admin.sites"), classes="screen-title")
        yield DataTable(id="site-table", cursor_type="row")
        yield Static("", id="admin-notice")
        yield Static(self.t("admin.hint"), classes="hint -wrap", id="admin-hint")
        yield Footer()

    def on_mount(self) -> None:
        staff_table = self.query_one("#staff-table", DataTable)
        for key in STAFF_COLUMNS:
            staff_table.add_column(self.t(f"admin.col.{key}"), key=key)
        site_table = self.query_one("#site-table", DataTable)
        for key in SITE_COLUMNS:
            site_table.add_column(self.t(f"admin.col.{key}"), key=key)
        self.reload()
        staff_table.focus()

    # Drawing ----------------------------------------------------------------------

    def reload(self, select_id: str | None = None) -> None:
        """Redraw both lists from the store; the cursor stays on (or moves to) a user."""
        staff_table = self.query_one("#staff-table", DataTable)
        row = staff_table.cursor_row
        keep = select_id or (self.accounts[row].id if 0 <= row < len(self.accounts) else None)
        sites = self.store.sites.all()
        site_names = {site.id: site.name for site in sites}
        self.accounts = self.store.staff.all(inactive=True)
        staff_table.clear()
        for staff in self.accounts:
            # Text, not str: a stored name is never read as markup.
            staff_table.add_row(
                Text(visible(staff.username)),
                Text(visible(staff.display_name)),
                self.t(f"role.{staff.role}"),
                Text(visible(site_names.get(staff.site_id or "", self.t("admin.no_site")))),
                self.t("admin.active" if staff.active else "admin.inactive"),
                key=staff.id,
            )
        ids = [staff.id for staff in self.accounts]
        if keep in ids:
            staff_table.move_cursor(row=ids.index(keep))
        site_table = self.query_one("#site-table", DataTable)
        site_table.clear()
        for site in sites:
            cells = (site.name, site.municipality, site.employment_area)
            site_table.add_row(*(Text(visible(cell)) for cell in cells), key=site.id)
        self.sites = sites

    def _selected(self) -> Staff | None:
        """The account under the cursor; when there is none, the user is told to choose."""
        row = self.query_one("#staff-table", DataTable).cursor_row
        if 0 <= row < len(self.accounts):
            return self.accounts[row]
        self._notice(self.t("admin.no_user"))
        return None

    def _notice(self, text: str) -> None:
        self.query_one("#admin-notice", Static).update(text)

    # Keys ---------------------------------------------------------------------------

    def action_add_user(self) -> None:
        admin = self.session.staff
        added: list[Staff] = []

        def save(values: dict[str, str]) -> None:
            site_id = None if values["site_id"] == NO_SITE else values["site_id"]
            role = cast(Role, values["role"])  # the store refuses any other text
            added.append(
                self.store.staff.create(
                    values["username"].strip(),
                    values["display_name"],
                    role,
                    values["password"],
                    site_id,
                    actor=admin,
                )
            )

        def after(saved: bool | None) -> None:
            if saved and added:
                self.reload(added[0].id)
                self._notice(self.t("admin.added", username=added[0].username))

        site_id = self.session.site.id if self.session.site else None
        self.app.push_screen(NewAccountDialog(save, self.sites, site_id), after)

    def action_password(self) -> None:
        target = self._selected()
        if target is None:
            return
        admin = self.session.staff

        def save(values: dict[str, str]) -> None:
            self.store.staff.set_password(admin, target.id, values["password"])

        def after(saved: bool | None) -> None:
            if saved:
                self.reload(target.id)
                self._notice(self.t("admin.password_set", username=target.username))

        self.app.push_screen(PasswordDialog(save, target.username), after)

    def action_role(self) -> None:
        target = self._selected()
        if target is None:
            return

        def chosen(role: Role | None) -> None:
            if role is None or role == target.role:
                return
            if self._attempt(
                lambda: self.store.staff.set_role(self.session.staff, target.id, role)
            ):
                self.reload(target.id)
                name = self.t(f"role.{role}")
                self._notice(self.t("admin.role_set", username=target.username, role=name))

        self.app.push_screen(RoleDialog(target), chosen)

    def action_deactivate(self) -> None:
        target = self._selected()
        if target is None:
            return

        def deactivate() -> None:
            if self._attempt(lambda: self.store.staff.deactivate(self.session.staff, target.id)):
                self.reload(target.id)
                self._notice(self.t("admin.deactivated", username=target.username))

        ask(self.app, ConfirmDeactivate(target), deactivate)

    def action_add_site(self) -> None:
        admin = self.session.staff
        added: list[str] = []

        def save(values: dict[str, str]) -> None:
            site = self.store.sites.create(
                values["name"], values["municipality"], values["employment_area"], actor=admin
            )
            added.append(site.name)

        def after(saved: bool | None) -> None:
            if saved and added:
                self.reload()
                self._notice(self.t("admin.site_added", site=added[0]))

        self.app.push_screen(SiteDialog(save), after)

    def action_catalog(self) -> None:
        self.app.push_screen(CatalogScreen())

    def action_back(self) -> None:
        self.dismiss(None)

    def _attempt(self, change: Callable[[], object]) -> bool:
        """Run a change that needs no form; a refusal is said under the lists."""
        try:
            change()
        except (TranslatedError, PermissionDenied, StoreError) as failed:
            self._notice(f"⚠ {describe_error(failed, self.ctx.lang)}")
            return False
        return True
