"""The admin's service catalog: the services with their dated rule rows and sources, and
the providers with their business IDs, sectors, services and active dates; a provider
added or retired and a rule row added by keys, each through the store (access-logged)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static, TabbedContent, TabPane

from store.core.dates import format_date
from store.core.text import visible
from store.paths.catalog import rules_in_force
from store.paths.models import Provider, Service, ServiceRule

from ..shell.context import ScreenContextMixin
from ..shell.dialogs import ask
from ..shell.faults import reporting_store_faults
from ..shell.header import LuotsiHeader
from .catalog_dialogs import (
    ProviderDialog,
    ProviderServicesDialog,
    RetireProviderDialog,
    RetireServiceDialog,
    RuleDialog,
    ServiceDialog,
)
from .form_dialog import ADMIN_CSS

SERVICE_COLUMNS = ("code", "name", "status")
RULE_COLUMNS = ("kind", "value", "from", "in_force", "source")
# The dates before the services, whose list may run past the edge of an 80-column screen.
PROVIDER_COLUMNS = ("name", "business_id", "from", "to", "sector", "municipality", "services")


class CatalogScreen(ScreenContextMixin, Screen[None]):
    """Opened from the admin screen (key c), for an admin only."""

    CSS_PATH = ADMIN_CSS
    BINDINGS = [
        # The tabs are labelled with their keys; the footer keeps its room for the rest.
        Binding("1", "show('services')", "Services", id="catalog.services", show=False),
        Binding("2", "show('providers')", "Providers", id="catalog.providers", show=False),
        Binding("n", "add_service", "New service", id="catalog.add_service"),
        Binding("r", "add_rule", "New rule row", id="catalog.add_rule"),
        Binding("a", "add_provider", "New provider", id="catalog.add_provider"),
        # On the hint line: the footer has room for the additions and Esc only.
        Binding("x", "retire_service", "Retire service", id="catalog.retire_service", show=False),
        Binding(
            "s", "provider_services", "Services offered", id="catalog.provider_services", show=False
        ),
        Binding("d", "retire_provider", "Retire", id="catalog.retire_provider", show=False),
        Binding("escape", "back", "Back", id="catalog.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.services: list[Service] = []
        self.rules: dict[str, list[ServiceRule]] = {}
        self.providers: list[Provider] = []

    def compose(self) -> ComposeResult:
        yield LuotsiHeader(id="header")
        with TabbedContent(initial="services"):
            with TabPane(self.t("catalog.tab.services"), id="services"):
                yield DataTable(id="service-table", cursor_type="row", zebra_stripes=True)
                yield Static("", id="rule-heading", classes="screen-title")
                yield DataTable(id="rule-table", cursor_type="row")
                yield Static("", id="rule-source", classes="-wrap")
            with TabPane(self.t("catalog.tab.providers"), id="providers"):
                yield DataTable(id="provider-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="catalog-notice")
        yield Static(self.t("catalog.hint"), classes="hint -wrap", id="catalog-hint")
        yield Footer()

    def on_mount(self) -> None:
        tables = (
            ("#service-table", SERVICE_COLUMNS),
            ("#rule-table", RULE_COLUMNS),
            ("#provider-table", PROVIDER_COLUMNS),
        )
        for selector, columns in tables:
            table = self.query_one(selector, DataTable)
            for key in columns:
                table.add_column(self.t(f"catalog.col.{key}"), key=key)
        self.reload()
        self.query_one("#service-table", DataTable).focus()

    # Drawing ----------------------------------------------------------------------

    def reload(self, provider_id: str | None = None) -> None:
        catalog = self.store.catalog
        self.services = catalog.services(include_retired=True)
        self.rules = catalog.rules()
        self.providers = catalog.providers()
        lang = self.ctx.lang
        services = self.query_one("#service-table", DataTable)
        row = services.cursor_row
        services.clear()
        for service in self.services:
            status = "catalog.active" if service.active else "catalog.retired"
            services.add_row(
                service.code,
                Text(visible(service.name(lang))),
                self.t(status),
                key=service.id,
            )
        if 0 <= row < len(self.services):
            services.move_cursor(row=row)
        self._draw_rules()
        table = self.query_one("#provider-table", DataTable)
        table.clear()
        for provider in self.providers:
            ids = set(provider.service_ids)
            offered = " ".join(s.code for s in self.services if s.id in ids)
            table.add_row(
                Text(visible(provider.name)),
                provider.business_id,
                format_date(provider.active_from),
                format_date(provider.active_to) or "—",
                self.t(f"catalog.sector.{provider.sector}"),
                Text(visible(provider.municipality or "—")),
                offered or "—",
                key=provider.id,
            )
        ids = [p.id for p in self.providers]
        if provider_id in ids:
            table.move_cursor(row=ids.index(provider_id))

    def _service(self) -> Service | None:
        row = self.query_one("#service-table", DataTable).cursor_row
        return self.services[row] if 0 <= row < len(self.services) else None

    def _draw_rules(self) -> None:
        service = self._service()
        table = self.query_one("#rule-table", DataTable)
        table.clear()
        heading = self.query_one("#rule-heading", Static)
        self.query_one("#rule-source", Static).update("")
        if service is None:
            heading.update("")
            return
        rules = self.rules.get(service.id, [])
        heading.update(
            self.t("catalog.rules_of", name=service.name(self.ctx.lang), count=len(rules))
        )
        in_force = {rule.id for rule in rules_in_force(rules, self.store.today()).values()}
        for rule in sorted(rules, key=lambda r: (r.kind, r.effective_from)):
            table.add_row(
                rule.kind,
                Text(visible(rule.value)),
                format_date(rule.effective_from),
                self.t("catalog.in_force") if rule.id in in_force else "",
                Text(visible(rule.source)),
                key=rule.id,
            )

    @on(DataTable.RowHighlighted, "#service-table")
    def _service_highlighted(self) -> None:
        self._draw_rules()

    @on(DataTable.RowHighlighted, "#rule-table")
    def _rule_highlighted(self, event: DataTable.RowHighlighted) -> None:
        rule = next(
            (r for rules in self.rules.values() for r in rules if r.id == event.row_key.value),
            None,
        )
        source = "" if rule is None else self.t("catalog.source", source=rule.source)
        self.query_one("#rule-source", Static).update(Text(source))

    def _notice(self, text: str) -> None:
        self.query_one("#catalog-notice", Static).update(Text(text))

    def _provider(self) -> Provider | None:
        row = self.query_one("#provider-table", DataTable).cursor_row
        if 0 <= row < len(self.providers):
            return self.providers[row]
        self._notice(self.t("catalog.no_provider"))
        return None

    # Keys ---------------------------------------------------------------------------

    def action_show(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        table = "#service-table" if tab == "services" else "#provider-table"
        self.query_one(table, DataTable).focus()

    def action_add_provider(self) -> None:
        admin = self.session.staff
        added: list[Provider] = []

        def save(values: dict[str, str]) -> None:
            added.append(self.store.catalog.add_provider(admin, values))

        def after(saved: bool | None) -> None:
            if saved and added:
                self.action_show("providers")
                self.reload(added[0].id)
                self._notice(self.t("catalog.provider_added", name=added[0].name))

        today = format_date(self.store.today())
        self.app.push_screen(ProviderDialog(save, today), after)

    def action_retire_provider(self) -> None:
        self.action_show("providers")
        provider = self._provider()
        if provider is None:
            return
        admin = self.session.staff
        retired: list[Provider] = []

        def save(values: dict[str, str]) -> None:
            retired.append(
                self.store.catalog.retire_provider(admin, provider.id, values["active_to"])
            )

        def after(saved: bool | None) -> None:
            if saved and retired:
                self.reload(provider.id)
                day = format_date(retired[0].active_to)
                self._notice(self.t("catalog.provider_retired", name=provider.name, date=day))

        today = format_date(self.store.today())
        self.app.push_screen(RetireProviderDialog(save, provider, today), after)

    def action_provider_services(self) -> None:
        self.action_show("providers")
        provider = self._provider()
        if provider is None:
            return
        admin = self.session.staff
        catalog = self.store.catalog

        def save(values: dict[str, str]) -> None:
            catalog.set_provider_services(admin, provider.id, values["services"])

        def after(saved: bool | None) -> None:
            if saved:
                self.reload(provider.id)
                self._notice(self.t("catalog.services_set", name=provider.name))

        dialog = ProviderServicesDialog(save, provider, catalog.service_codes(provider))
        self.app.push_screen(dialog, after)

    def action_add_rule(self) -> None:
        service = self._service()
        admin = self.session.staff
        added: list[ServiceRule] = []

        def save(values: dict[str, str]) -> None:
            added.append(self.store.catalog.add_rule(admin, values))

        def after(saved: bool | None) -> None:
            if saved and added:
                self.action_show("services")
                rule = added[0]
                row = [s.id for s in self.services].index(rule.service_id)
                self.query_one("#service-table", DataTable).move_cursor(row=row)
                self.reload()
                day = format_date(rule.effective_from)
                self._notice(self.t("catalog.rule_added", kind=rule.kind, date=day))

        active = [s for s in self.services if s.active]
        self.app.push_screen(RuleDialog(save, active, service.code if service else None), after)

    def action_add_service(self) -> None:
        admin = self.session.staff
        added: list[Service] = []

        def save(values: dict[str, str]) -> None:
            added.append(self.store.catalog.add_service(admin, values))

        def after(saved: bool | None) -> None:
            if saved and added:
                self.action_show("services")
                self.reload()
                row = [s.id for s in self.services].index(added[0].id)
                self.query_one("#service-table", DataTable).move_cursor(row=row)
                self._notice(self.t("catalog.service_added", name=added[0].name(self.ctx.lang)))

        self.app.push_screen(ServiceDialog(save), after)

    def action_retire_service(self) -> None:
        self.action_show("services")
        service = self._service()
        if service is None:
            return
        if not service.active:
            self._notice(self.t("catalog.service_already_retired"))
            return
        admin = self.session.staff

        def retire() -> None:
            self.store.catalog.retire_service(admin, service.code)
            self.reload()
            self._notice(self.t("catalog.service_retired", name=service.name(self.ctx.lang)))

        ask(self.app, RetireServiceDialog(service), reporting_store_faults(self, retire))

    def action_back(self) -> None:
        self.dismiss(None)
