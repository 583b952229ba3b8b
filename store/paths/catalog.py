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

from store.core.context import Context
from store.paths.models import Provider, Service, ServiceRule

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
