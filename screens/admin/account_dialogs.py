"""The admin's dialogs about accounts and sites: a new user, a password (an admin's reset or
one's own change), a role, closing an account, a new site."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from store.core.i18n import TranslatedError
from store.core.models import ROLES, Role, Site, Staff
from store.core.staff import MIN_PASSWORD_LENGTH, check_password, check_username

from ..shell.context import ScreenContextMixin
from ..shell.dialogs import YesNoDialog, yes_no_bindings
from .form_dialog import ADMIN_CSS, FieldProblem, FormDialog, Save

NO_SITE = "-"  # the site Select's value for an account of no site (an admin's, say)


def _password(field: str) -> Input:
    return Input(id=field, password=True, compact=True)


class PasswordsTwice(FormDialog):
    """A form whose last two fields are a new password and the same again."""

    NEW, REPEAT = "password", "repeat"

    def rule(self) -> str:
        return self.t("account.rule", min=MIN_PASSWORD_LENGTH)

    def check_values(self, values: dict[str, str]) -> list[FieldProblem]:
        problems = self.refused_by({self.NEW: lambda: check_password(values[self.NEW])})
        if values[self.NEW] != values[self.REPEAT]:
            problems.append(FieldProblem(self.REPEAT, self.t("account.mismatch")))
        return problems


class NewAccountDialog(PasswordsTwice):
    """Username, name, role, site and a first password; the caller creates the account."""

    FIELDS = ("username", "display_name", "role", "site_id", "password", "repeat")

    def __init__(self, save: Save, sites: Sequence[Site], site_id: str | None) -> None:
        super().__init__(save)
        self.sites = sites
        self.site_id = site_id

    def title_text(self) -> str:
        return self.t("account.title")

    def check_values(self, values: dict[str, str]) -> list[FieldProblem]:
        checks = {"username": lambda: check_username(values["username"].strip())}
        return self.refused_by(checks) + super().check_values(values)

    def compose_fields(self) -> Iterator[Widget]:
        yield from self.field(self.t("account.username"), Input(id="username", compact=True))
        yield from self.field(
            self.t("account.display_name"), Input(id="display_name", compact=True)
        )
        roles = [(self.t(f"role.{role}"), role) for role in ROLES]
        yield from self.field(
            self.t("account.role"),
            Select(roles, allow_blank=False, value="reception", id="role", compact=True),
        )
        sites = [(site.name, site.id) for site in self.sites]
        sites.append((self.t("account.no_site"), NO_SITE))
        site = self.site_id if self.site_id in {s.id for s in self.sites} else sites[0][1]
        yield from self.field(
            self.t("account.site"),
            Select(sites, allow_blank=False, value=site, id="site_id", compact=True),
        )
        yield from self.field(self.t("account.password"), _password("password"), self.rule())
        yield from self.field(self.t("account.repeat"), _password("repeat"))


class PasswordDialog(PasswordsTwice):
    """A new password typed twice; for one's own, the current one first."""

    def __init__(self, save: Save, username: str | None = None) -> None:
        super().__init__(save)
        self.username = username  # None: the user's own password
        own = ("current",) if username is None else ()
        self.FIELDS = (*own, "password", "repeat")

    def title_text(self) -> str:
        if self.username is None:
            return self.t("password.own_title")
        return self.t("password.title", username=self.username)

    def compose_fields(self) -> Iterator[Widget]:
        if self.username is None:
            yield from self.field(self.t("account.current"), _password("current"))
        yield from self.field(self.t("account.new"), _password("password"), self.rule())
        yield from self.field(self.t("account.new_repeat"), _password("repeat"))


class SiteDialog(FormDialog):
    """Name, municipality and employment area of a new site; the caller creates it."""

    FIELDS = ("name", "municipality", "employment_area")

    def title_text(self) -> str:
        return self.t("sitedialog.title")

    def compose_fields(self) -> Iterator[Widget]:
        for field in self.FIELDS:
            yield from self.field(self.t(f"sitedialog.{field}"), Input(id=field, compact=True))

    def problems_of(self, refused: TranslatedError, values: dict[str, str]) -> list[FieldProblem]:
        if refused.key == "site.error.empty":
            # One refusal for them all: shown beside each field left blank.
            message = refused.message(self.ctx.lang)
            return [FieldProblem(f, message) for f in self.FIELDS if not values[f].strip()]
        return super().problems_of(refused, values)


class RoleDialog(ScreenContextMixin, ModalScreen[Role | None]):
    """Returns the role chosen for an account."""

    CSS_PATH = ADMIN_CSS
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="form.cancel")]

    def __init__(self, staff: Staff) -> None:
        super().__init__()
        self.staff = staff

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog admin-dialog"):
            yield Static(
                self.t("roledialog.title", username=self.staff.username), classes="dialog-title"
            )
            options = [Option(self.t(f"role.{role}"), id=role) for role in ROLES]
            yield OptionList(*options, id="role-list")
            yield Static(self.t("roledialog.hint"), classes="hint")

    def on_mount(self) -> None:
        roles = self.query_one(OptionList)
        roles.highlighted = ROLES.index(self.staff.role)
        roles.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(next(role for role in ROLES if role == event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDeactivate(YesNoDialog):
    """Asks before closing an account; yes closes it."""

    CSS_PATH = ADMIN_CSS
    BINDINGS = yes_no_bindings("confirm")

    def __init__(self, staff: Staff) -> None:
        super().__init__()
        self.staff = staff

    def compose(self) -> ComposeResult:
        question = self.t(
            "deactivate.question", username=self.staff.username, name=self.staff.display_name
        )
        with Vertical(classes="dialog admin-dialog"):
            yield Static(question, classes="dialog-title", id="deactivate-question")
            yield Static(self.t("deactivate.detail"), classes="-wrap")
            yield Static(self.t("deactivate.keys"), classes="hint")
