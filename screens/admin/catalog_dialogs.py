"""The admin's dialogs about the service catalog: a new service, a service retired, a new
provider, a provider retired, a new rule row. Each store refusal lands next to its field
and nothing typed is lost."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, Select, Static

from store.clients.validation import ValidationError
from store.core.dates import format_date
from store.core.service_catalog import CATEGORIES, RULE_KINDS
from store.paths.catalog_checks import PROVIDER_FIELDS, RULE_FIELDS, SERVICE_FIELDS
from store.paths.models import SECTORS, Provider, Service

from ..shell.dialogs import YesNoDialog, yes_no_bindings
from .form_dialog import FieldProblem, FormDialog, Save


def _input(field: str, value: str = "") -> Input:
    return Input(value, id=field, compact=True)


class CatalogForm(FormDialog):
    """A form whose save may raise the store's `ValidationError`: every field's problem is
    shown beside it at once, and the dialog stays open with what was typed."""

    def label(self, field: str) -> str:
        return self.t(f"field.{field}")

    def action_save(self) -> None:
        try:
            super().action_save()
        except ValidationError as refused:
            problems: list[FieldProblem] = []
            for error in refused.errors:
                if any(p.field == error.field for p in problems):
                    continue  # one line a field: the first problem is the one to fix
                problems.append(FieldProblem(error.field, error.message(self.ctx.lang)))
            self.show_problems(problems)


class ProviderDialog(CatalogForm):
    """A new provider: name, business ID, sector, municipality, dates and services."""

    FIELDS = PROVIDER_FIELDS

    def __init__(self, save: Save, today: str) -> None:
        super().__init__(save)
        self.today = today

    def title_text(self) -> str:
        return self.t("catalog.provider.title")

    def compose_fields(self) -> Iterator[Widget]:
        yield from self.field(self.label("provider_name"), _input("provider_name"))
        yield from self.field(
            self.label("business_id"), _input("business_id"), self.t("catalog.rule.business_id")
        )
        sectors = [(self.t(f"catalog.sector.{sector}"), sector) for sector in SECTORS]
        yield from self.field(
            self.label("sector"),
            Select(sectors, allow_blank=False, value="company", id="sector", compact=True),
        )
        yield from self.field(self.label("provider_municipality"), _input("provider_municipality"))
        yield from self.field(self.label("active_from"), _input("active_from", self.today))
        yield from self.field(self.label("active_to"), _input("active_to"))
        yield from self.field(
            self.label("services"), _input("services"), self.t("catalog.rule.services")
        )


class RetireProviderDialog(CatalogForm):
    """The last active day of a provider (default today)."""

    FIELDS = ("active_to",)

    def __init__(self, save: Save, provider: Provider, today: str) -> None:
        super().__init__(save)
        self.provider = provider
        self.today = today

    def title_text(self) -> str:
        return self.t(
            "catalog.retire.title", name=self.provider.name, business_id=self.provider.business_id
        )

    def compose_fields(self) -> Iterator[Widget]:
        since = format_date(self.provider.active_from)
        yield from self.field(
            self.t("catalog.retire.last_day"),
            _input("active_to", self.today),
            self.t("catalog.retire.since", date=since),
        )


class ProviderServicesDialog(CatalogForm):
    """The services a provider offers, as codes: what it offers now, to be edited."""

    FIELDS = ("services",)

    def __init__(self, save: Save, provider: Provider, codes: Sequence[str]) -> None:
        super().__init__(save)
        self.provider = provider
        self.codes = codes

    def title_text(self) -> str:
        return self.t("catalog.services_dialog.title", name=self.provider.name)

    def compose_fields(self) -> Iterator[Widget]:
        yield from self.field(
            self.label("services"),
            _input("services", " ".join(self.codes)),
            self.t("catalog.rule.services"),
        )


class RuleDialog(CatalogForm):
    """A new rule row of a service: kind, value, the day it comes into force, its source."""

    FIELDS = RULE_FIELDS

    def __init__(self, save: Save, services: Sequence[Service], code: str | None) -> None:
        super().__init__(save)
        self.services = services
        self.code = code

    def title_text(self) -> str:
        return self.t("catalog.rule_dialog.title")

    def compose_fields(self) -> Iterator[Widget]:
        lang = self.ctx.lang
        services = [(f"{s.code} · {s.name(lang)}", s.code) for s in self.services]
        chosen = self.code if self.code in {s.code for s in self.services} else services[0][1]
        yield from self.field(
            self.t("field.service"),
            Select(services, allow_blank=False, value=chosen, id="service", compact=True),
        )
        kinds = [(kind, kind) for kind in RULE_KINDS]
        yield from self.field(
            self.label("rule_kind"),
            Select(kinds, allow_blank=False, value=RULE_KINDS[0], id="rule_kind", compact=True),
        )
        yield from self.field(
            self.label("rule_value"), _input("rule_value"), self.t("catalog.rule.value")
        )
        yield from self.field(self.label("effective_from"), _input("effective_from"))
        yield from self.field(self.label("rule_source"), _input("rule_source"))


class ServiceDialog(CatalogForm):
    """A new service: its code, its name in each language and its category."""

    FIELDS = SERVICE_FIELDS

    def title_text(self) -> str:
        return self.t("catalog.service_dialog.title")

    def compose_fields(self) -> Iterator[Widget]:
        yield from self.field(
            self.label("service_code"), _input("service_code"), self.t("catalog.service_code.hint")
        )
        for name in ("name_fi", "name_sv", "name_en"):
            yield from self.field(self.label(name), _input(name))
        categories = [(self.t(f"catalog.category.{c}"), c) for c in CATEGORIES]
        yield from self.field(
            self.label("category"),
            Select(categories, allow_blank=False, value=CATEGORIES[0], id="category", compact=True),
        )


class RetireServiceDialog(YesNoDialog):
    """Enter retires the service: no new steps of it; the steps that have it keep it."""

    BINDINGS = yes_no_bindings("catalog.retire_service", "Retire", "Keep")

    def __init__(self, service: Service) -> None:
        super().__init__()
        self.service = service

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            name = self.service.name(self.ctx.lang)
            yield Static(self.t("catalog.retire_service.title", name=name), classes="dialog-title")
