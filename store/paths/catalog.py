"""The service catalog and its providers: what a path's steps are made of (`Store.catalog`).

Services and their dated rule rows are data: a law change is a new rule row with its own
effective date, and a step is checked against the rules in force on its start.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false, reportUnknownArgumentType=false
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path

from store.clients.validation import FieldError, ValidationError
from store.core.audit import log_event
from store.core.context import Context
from store.core.db import write_transaction
from store.core.errors import SQLITE_INTEGRITY_ERRORS
from store.core.models import Staff
from store.core.rows import insert_row, update_row
from store.paths import providers as register
from store.paths.catalog_checks import (
    clean_provider,
    clean_retire_date,
    clean_rule,
    clean_service,
    clean_services,
)
from store.paths.models import Provider, Service, ServiceRule
from store.paths.provider_import import ProviderImportReport, import_providers

_SERVICE = "SELECT id, code, category, name_fi, name_sv, name_en, sort_order, active FROM service"
_RULE = "SELECT id, service_id, kind, value, effective_from, source FROM service_rule"
_PROVIDER = (
    "SELECT id, name, business_id, sector, municipality, active_from, active_to FROM provider"
)


def _service(row: tuple[object, ...]) -> Service:
    id_, code, category, fi, sv, en, order, active = row
    return Service(
        str(id_), str(code), str(category), str(fi), str(sv), str(en), int(str(order)), bool(active)
    )


def _rule(row: tuple[object, ...]) -> ServiceRule:
    id_, service_id, kind, value, effective_from, source = row
    return ServiceRule(
        str(id_),
        str(service_id),
        str(kind),
        str(value),
        date.fromisoformat(str(effective_from)),
        str(source),
    )


def rules_in_force(rules: Iterable[ServiceRule], on: date) -> dict[str, ServiceRule]:
    """Of one service's rule rows, the one of each kind in force on `on`: the newest whose
    effective date is not after it."""
    chosen: dict[str, ServiceRule] = {}
    for rule in rules:
        if rule.effective_from <= on:
            held = chosen.get(rule.kind)
            if held is None or held.effective_from < rule.effective_from:
                chosen[rule.kind] = rule
    return chosen


class ServiceCatalog:
    """Services, their rules and providers; reached as `Store.catalog`."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def services(self, *, include_retired: bool = False) -> list[Service]:
        sql = _SERVICE + ("" if include_retired else " WHERE active = 1 AND deleted_at IS NULL")
        return [
            _service(row) for row in self.ctx.db.execute(sql + " ORDER BY sort_order").fetchall()
        ]

    def services_by_code(self) -> dict[str, Service]:
        return {service.code: service for service in self.services(include_retired=True)}

    def rules(self, service_ids: Iterable[str] | None = None) -> dict[str, list[ServiceRule]]:
        """Every rule row (of `service_ids`, when given), by service id, oldest first."""
        sql = _RULE + " WHERE deleted_at IS NULL"
        params: list[object] = []
        if service_ids is not None:
            ids = list(dict.fromkeys(service_ids))
            if not ids:
                return {}
            sql += f" AND service_id IN ({', '.join('?' * len(ids))})"
            params = list(ids)
        by_service: dict[str, list[ServiceRule]] = defaultdict(list)
        for row in self.ctx.db.execute(sql + " ORDER BY effective_from", params).fetchall():
            rule = _rule(row)
            by_service[rule.service_id].append(rule)
        return dict(by_service)

    def providers(self, ids: Iterable[str] | None = None) -> list[Provider]:
        """Providers (those of `ids`, when given), retired ones too, by name."""
        sql = _PROVIDER + " WHERE deleted_at IS NULL"
        params: list[object] = []
        if ids is not None:
            wanted = list(dict.fromkeys(ids))
            if not wanted:
                return []
            sql += f" AND id IN ({', '.join('?' * len(wanted))})"
            params = list[object](wanted)
        rows = self.ctx.db.execute(sql + " ORDER BY name", params).fetchall()
        offered: dict[str, list[str]] = defaultdict(list)
        links = self.ctx.db.execute(
            "SELECT provider_id, service_id FROM provider_service WHERE deleted_at IS NULL"
        ).fetchall()
        for provider_id, service_id in links:
            offered[str(provider_id)].append(str(service_id))
        return [
            Provider(
                str(id_),
                str(name),
                str(business_id),
                sector,
                municipality,
                date.fromisoformat(str(active_from)),
                date.fromisoformat(str(active_to)) if active_to else None,
                tuple(offered[str(id_)]),
            )
            for id_, name, business_id, sector, municipality, active_from, active_to in rows
        ]

    def providers_by_key(self) -> Mapping[str, Provider]:
        """Providers by id and by business ID, as a step form may name one."""
        keyed: dict[str, Provider] = {}
        for provider in self.providers():
            keyed[provider.id] = provider
            keyed[provider.business_id] = provider
        return keyed

    def find_provider(self, key: str) -> Provider | None:
        """A provider by its id, its business ID (typed any way `clean_business_id`
        takes), or its exact name (case aside) when only one has it."""
        wanted = register.provider_key(key)
        everyone = self.providers()
        for provider in everyone:
            if wanted in (provider.id, provider.business_id):
                return provider
        named = [p for p in everyone if p.name.casefold() == key.strip().casefold()]
        return named[0] if len(named) == 1 else None

    def service_codes(self, provider: Provider) -> list[str]:
        """The codes of the services `provider` offers, in the catalog's order."""
        offered = set(provider.service_ids)
        return [s.code for s in self.services(include_retired=True) if s.id in offered]

    # Writes: an admin's, each one transaction and in the access log ------------------

    def add_service(self, actor: Staff, values: Mapping[str, str]) -> Service:
        """A new service (see `clean_service` for `values`), last in the catalog's order."""
        cleaned = clean_service(values)
        with write_transaction(self.ctx.db):
            register.require_manager(self.ctx, actor)
            if cleaned["code"] in self.services_by_code():
                raise ValidationError(
                    [
                        FieldError(
                            "service_code", "catalog.error.code_taken", {"code": cleaned["code"]}
                        )
                    ]
                )
            order = self.ctx.db.execute("SELECT coalesce(max(sort_order), 0) FROM service")
            row = {**cleaned, "sort_order": int(order.fetchone()[0]) + 1, "active": 1}
            service_id = insert_row(self.ctx, "service", row, by=actor.id)
            log_event(
                self.ctx, staff_id=actor.id, action="create", entity="service", entity_id=service_id
            )
        return self.services_by_code()[cleaned["code"]]

    def retire_service(self, actor: Staff, code: str) -> Service:
        """No new steps of the service `code`; the steps that have it keep it."""
        service = self.services_by_code().get(code.strip().lower())
        if service is None:
            raise ValidationError([FieldError("service", "error.service.unknown", {"code": code})])
        if not service.active:
            raise ValidationError(
                [FieldError("service", "catalog.error.service_retired", {"code": service.code})]
            )
        with write_transaction(self.ctx.db):
            register.require_manager(self.ctx, actor)
            update_row(self.ctx, "service", service.id, {"active": 0}, by=actor.id)
            log_event(
                self.ctx,
                staff_id=actor.id,
                action="update",
                entity="service",
                entity_id=service.id,
                purpose="retired",
            )
        return self.services_by_code()[service.code]

    def add_rule(self, actor: Staff, values: Mapping[str, str]) -> ServiceRule:
        """A new rule row (see `clean_rule`): a law change is a row with its own date,
        never an edit of an old one."""
        cleaned = clean_rule(values, self.services_by_code())
        with write_transaction(self.ctx.db):
            register.require_manager(self.ctx, actor)
            try:
                rule_id = insert_row(self.ctx, "service_rule", cleaned, by=actor.id)
            except SQLITE_INTEGRITY_ERRORS:
                # UNIQUE (service_id, kind, effective_from): that day has its row already.
                raise ValidationError(
                    [FieldError("effective_from", "catalog.error.rule_exists")]
                ) from None
            log_event(
                self.ctx,
                staff_id=actor.id,
                action="create",
                entity="service_rule",
                entity_id=rule_id,
            )
        service_id = str(cleaned["service_id"])
        return next(r for r in self.rules([service_id])[service_id] if r.id == rule_id)

    def add_provider(self, actor: Staff, values: Mapping[str, str]) -> Provider:
        """A new provider (see `clean_provider` for `values`); providers join at any time.
        A business ID already registered is refused at its field."""
        cleaned = clean_provider(values, self.services_by_code(), self.ctx.today())
        with write_transaction(self.ctx.db):
            register.require_manager(self.ctx, actor)
            provider_id = register.insert_provider(self.ctx, actor, cleaned)
        return self.providers([provider_id])[0]

    def set_provider_services(self, actor: Staff, provider_id: str, codes: str) -> Provider:
        """The services a provider offers become those named in `codes` (space- or
        comma-separated)."""
        service_ids = clean_services(codes, self.services_by_code())
        with write_transaction(self.ctx.db):
            register.require_manager(self.ctx, actor)
            self._living_provider(provider_id)
            register.set_services(self.ctx, actor, provider_id, service_ids)
        return self.providers([provider_id])[0]

    def retire_provider(self, actor: Staff, provider_id: str, last_day: str = "") -> Provider:
        """The provider is active until `last_day` (d.m.yyyy; default today) and no longer
        offered for new steps after it; the steps that name it keep it."""
        with write_transaction(self.ctx.db):
            register.require_manager(self.ctx, actor)
            provider = self._living_provider(provider_id)
            day = clean_retire_date(last_day, provider.active_from, self.ctx.today())
            register.retire(self.ctx, actor, provider_id, day)
        return self.providers([provider_id])[0]

    def import_providers(
        self, actor: Staff, path: Path, *, dry_run: bool = False
    ) -> ProviderImportReport:
        """Providers from a CSV file, every row or none (see `import_providers`)."""
        return import_providers(self.ctx, actor, path, self.services_by_code(), dry_run=dry_run)

    def _living_provider(self, provider_id: str) -> Provider:
        found = self.providers([provider_id])
        if not found:
            raise ValidationError(
                [FieldError("provider", "error.provider.unknown", {"provider": provider_id})]
            )
        return found[0]
