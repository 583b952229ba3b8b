"""An admin's changes to the provider register: a provider added, its services changed, a
provider retired. Each is one transaction, allowed only with "catalog.manage", and in the
access log; a retired provider stays, for the steps that name it."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import cast

from store.clients.validation import FieldError, ValidationError
from store.core.audit import log_event
from store.core.auth import require
from store.core.context import Context
from store.core.models import Staff
from store.core.rows import insert_row, soft_delete_row, update_row, upsert_row
from store.core.staff import as_stored
from store.paths.catalog_checks import clean_business_id


def require_manager(ctx: Context, actor: Staff) -> None:
    """Only an admin (as stored now) changes the catalog or the providers."""
    require(as_stored(ctx, actor), "catalog.manage")


def provider_id_by_business_id(ctx: Context, business_id: str) -> tuple[str, str] | None:
    """(id, name) of the provider registered with `business_id` (as stored), if any."""
    row = ctx.db.execute(
        "SELECT id, name FROM provider WHERE business_id = ? AND deleted_at IS NULL",
        [business_id],
    ).fetchone()
    return (str(row[0]), str(row[1])) if row else None


def business_id_taken(business_id: str, name: str, field: str = "business_id") -> ValidationError:
    return ValidationError([FieldError(field, "catalog.error.business_id_taken", {"name": name})])


def insert_provider(ctx: Context, actor: Staff, values: Mapping[str, object]) -> str:
    """Write one checked provider (see `clean_provider`) and its services, logged; the
    caller holds the transaction and has checked the actor. Raises `ValidationError` for
    a business ID already registered."""
    business_id = str(values["business_id"])
    taken = provider_id_by_business_id(ctx, business_id)
    if taken is not None:
        raise business_id_taken(business_id, taken[1])
    row = {key: value for key, value in values.items() if key != "service_ids"}
    provider_id = insert_row(ctx, "provider", row, by=actor.id)
    service_ids = values.get("service_ids", ())
    assert isinstance(service_ids, list | tuple)
    for service_id in cast("Iterable[str]", service_ids):
        link = {"provider_id": provider_id, "service_id": service_id}
        insert_row(ctx, "provider_service", link, by=actor.id)
    log_event(ctx, staff_id=actor.id, action="create", entity="provider", entity_id=provider_id)
    return provider_id


def set_services(ctx: Context, actor: Staff, provider_id: str, service_ids: Iterable[str]) -> None:
    """The services `provider_id` offers become `service_ids`: links no longer wanted are
    soft-deleted, new ones added (or revived). The caller holds the transaction."""
    wanted = list(dict.fromkeys(service_ids))
    links = ctx.db.execute(
        "SELECT id, service_id FROM provider_service WHERE provider_id = ? AND deleted_at IS NULL",
        [provider_id],
    ).fetchall()
    held = {str(service_id): str(link_id) for link_id, service_id in links}
    for service_id, link_id in held.items():
        if service_id not in wanted:
            soft_delete_row(ctx, "provider_service", link_id, by=actor.id)
    for service_id in wanted:
        if service_id not in held:
            upsert_row(
                ctx,
                "provider_service",
                {"provider_id": provider_id, "service_id": service_id},
                {},
                by=actor.id,
            )
    log_event(
        ctx,
        staff_id=actor.id,
        action="update",
        entity="provider",
        entity_id=provider_id,
        purpose="services",
    )


def retire(ctx: Context, actor: Staff, provider_id: str, last_day: date) -> None:
    """The provider's last active day becomes `last_day`; the caller holds the transaction."""
    update_row(ctx, "provider", provider_id, {"active_to": last_day.isoformat()}, by=actor.id)
    log_event(
        ctx,
        staff_id=actor.id,
        action="update",
        entity="provider",
        entity_id=provider_id,
        purpose=f"retired {last_day.isoformat()}",
    )


def provider_key(text: str) -> str:
    """What a provider is looked up by: its business ID as stored, when `text` is one."""
    try:
        return clean_business_id(text)
    except ValidationError:
        return text.strip()
