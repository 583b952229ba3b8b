"""The client register: reading, creating, correcting and soft-deleting clients."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, NamedTuple

from store.clients import search
from store.clients.models import Client, ClientMatch
from store.clients.similar import similar_people
from store.clients.validation import (
    CLIENT_FIELDS,
    FieldError,
    ValidationError,
    birth_date_of_mistyped_hetu,
    clean_client,
)
from store.core.audit import log_event
from store.core.auth import require
from store.core.context import Context
from store.core.db import write_transaction
from store.core.models import Staff
from store.core.rows import insert_row, soft_delete_row, update_row

_SELECT = "SELECT id, " + ", ".join(CLIENT_FIELDS) + ", created_at, updated_at FROM client"


class ClientNotFound(LookupError):
    pass


class StaleEdit(Exception):
    """The client was changed by someone else after this edit started."""


def _date_or_none(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def row_to_client(row: tuple[Any, ...]) -> Client:
    values = dict(zip(("id", *CLIENT_FIELDS, "created_at", "updated_at"), row, strict=True))
    for field in ("jobseeker_since", "unemployed_since"):
        values[field] = _date_or_none(values[field])
    values["birth_date"] = date.fromisoformat(values["birth_date"])
    return Client(**values)


def _as_sql_value(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def fetch_client(ctx: Context, client_id: str) -> Client:
    row = ctx.db.execute(f"{_SELECT} WHERE id = ? AND deleted_at IS NULL", [client_id]).fetchone()
    if row is None:
        raise ClientNotFound(client_id)
    return row_to_client(row)


def client_id_by_hetu(ctx: Context, hetu: str) -> str | None:
    row = ctx.db.execute(
        "SELECT id FROM client WHERE hetu = ? AND deleted_at IS NULL", [hetu]
    ).fetchone()
    return row[0] if row else None


def check_client(
    ctx: Context, raw: Mapping[str, str], *, client_id: str | None = None
) -> dict[str, object]:
    """Clean a client form and check it against the register (a HETU belongs to one client)."""
    values = clean_client(raw, ctx.today())
    hetu = values["hetu"]
    if isinstance(hetu, str):
        owner = client_id_by_hetu(ctx, hetu)
        if owner is not None and owner != client_id:
            raise ValidationError([FieldError("hetu", "error.hetu.taken")])
    return values


def insert_client(
    ctx: Context,
    values: Mapping[str, object],
    *,
    actor_id: str | None,
    at: str | None = None,
    client_id: str | None = None,
) -> str:
    """Insert cleaned values and log the creation; the caller holds the transaction."""
    row = {field: _as_sql_value(values.get(field)) for field in CLIENT_FIELDS}
    client_id = insert_row(ctx, "client", row, by=actor_id, at=at, row_id=client_id)
    log_event(
        ctx,
        staff_id=actor_id,
        action="create",
        entity="client",
        entity_id=client_id,
        client_id=client_id,
        at=at,
    )
    return client_id


def update_client_row(
    ctx: Context,
    client_id: str,
    values: Mapping[str, object],
    *,
    actor_id: str,
    expected_updated_at: str | None = None,
) -> list[str]:
    """Write the fields that changed and log which; returns the changed field names."""
    current = fetch_client(ctx, client_id)
    if expected_updated_at is not None and current.updated_at != expected_updated_at:
        raise StaleEdit(client_id)
    changed = [f for f in CLIENT_FIELDS if getattr(current, f) != values.get(f)]
    if not changed:
        return []
    update_row(
        ctx, "client", client_id, {f: _as_sql_value(values.get(f)) for f in changed}, by=actor_id
    )
    # The log names the fields, never their values: the log itself is personal data.
    log_event(
        ctx,
        staff_id=actor_id,
        action="update",
        entity="client",
        entity_id=client_id,
        client_id=client_id,
        purpose=",".join(changed),
    )
    if "hetu" in changed:
        # Except the identity code: which person a record is about must stay traceable.
        log_event(
            ctx,
            staff_id=actor_id,
            action="update",
            entity=HETU_CHANGE_ENTITY,
            entity_id=client_id,
            client_id=client_id,
            purpose=hetu_change_text(current.hetu, values.get("hetu")),
        )
    return changed


HETU_CHANGE_ENTITY = "client.hetu"


def hetu_change_text(old: object, new: object) -> str:
    """How the access log records a changed HETU: "old → new", "—" for none."""
    return f"{old or '—'} → {new or '—'}"


def count_created_between(ctx: Context, start_iso: str, end_iso: str) -> int:
    return ctx.db.execute(
        "SELECT count(*) FROM client WHERE created_at >= ? AND created_at < ?"
        " AND deleted_at IS NULL",
        [start_iso, end_iso],
    ).fetchone()[0]


def born_on(ctx: Context, birth_date: date) -> list[Client]:
    """Living clients born on `birth_date` (the birth-date index: a handful at most)."""
    rows = ctx.db.execute(
        f"{_SELECT} WHERE birth_date = ? AND deleted_at IS NULL", [birth_date.isoformat()]
    ).fetchall()
    return [row_to_client(row) for row in rows]


class _Candidate(NamedTuple):
    id: str
    first_name: str
    last_name: str


def similar_clients(
    ctx: Context, birth_date: date, first_name: str, last_name: str
) -> list[Client]:
    """Living clients born on `birth_date` who may be the person named (see `similar`).

    Only the names of that day's clients are read and compared; whole rows only for the
    few that match."""
    rows = ctx.db.execute(
        "SELECT id, first_name, last_name FROM client WHERE birth_date = ? AND deleted_at IS NULL",
        [birth_date.isoformat()],
    ).fetchall()
    candidates = [_Candidate(*row) for row in rows]
    return [
        fetch_client(ctx, match.id) for match in similar_people(candidates, first_name, last_name)
    ]


def possible_duplicates(ctx: Context, values: Mapping[str, object]) -> list[Client]:
    """Living clients who may be the same person: born the same day with a similar name,
    or with the same phone. (A HETU already in the register is an error, not a warning.)"""
    found: dict[str, Client] = {}
    birth_date = values.get("birth_date")
    if isinstance(birth_date, date):
        first_name, last_name = str(values["first_name"]), str(values["last_name"])
        found.update(
            (client.id, client)
            for client in similar_clients(ctx, birth_date, first_name, last_name)
        )
    phone = values.get("phone")
    if phone:
        rows = ctx.db.execute(
            f"{_SELECT} WHERE phone = ? AND deleted_at IS NULL", [phone]
        ).fetchall()
        found.update((client.id, client) for client in map(row_to_client, rows))
    return list(found.values())


class ClientRepository:
    """The client register; reached as `Store.clients`."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def search(self, text: str, limit: int = search.SEARCH_LIMIT) -> list[ClientMatch]:
        return search.search_clients(self.ctx.db, text, self.ctx.today(), limit)

    def open(self, actor: Staff, client_id: str, purpose: str | None = None) -> Client:
        """Read a client card in full; the view is written to the access log."""
        require(actor, "client.view")
        with write_transaction(self.ctx.db):
            client = fetch_client(self.ctx, client_id)
            log_event(
                self.ctx,
                staff_id=actor.id,
                action="view",
                entity="client",
                entity_id=client_id,
                client_id=client_id,
                purpose=purpose,
            )
        return client

    def coach_id_of(self, client_id: str) -> str | None:
        """The id of the client's own coach (OMA-valmentaja), if one is named."""
        row = self.ctx.db.execute(
            "SELECT coach_id FROM client WHERE id = ?", [client_id]
        ).fetchone()
        return row[0] if row and row[0] else None

    def visitor_language(self, client_id: str) -> str | None:
        """The language to ask a client's feedback in (fi/sv/en), if they have one."""
        row = self.ctx.db.execute(
            "SELECT service_language FROM client WHERE id = ?", [client_id]
        ).fetchone()
        return row[0] if row and row[0] in ("fi", "sv", "en") else None

    def check(self, raw: Mapping[str, str], client_id: str | None = None) -> dict[str, object]:
        """Validate a client form without saving; raises `ValidationError` with every error."""
        return check_client(self.ctx, raw, client_id=client_id)

    def possible_duplicates(self, raw: Mapping[str, str]) -> list[Client]:
        """Clients who may be the person on a new-client form (call after it validates)."""
        return possible_duplicates(self.ctx, check_client(self.ctx, raw))

    def offered_for_mistyped_hetu(self, raw: Mapping[str, str], limit: int = 5) -> list[Client]:
        """For a form whose HETU is wrong only in its check character: the clients born on
        its date with a name like the one typed (everyone born that day if no name is)."""
        birth_date = birth_date_of_mistyped_hetu(raw.get("hetu", ""))
        if birth_date is None:
            return []
        first_name, last_name = raw.get("first_name", ""), raw.get("last_name", "")
        if first_name.strip() and last_name.strip():
            return similar_clients(self.ctx, birth_date, first_name, last_name)[:limit]
        return born_on(self.ctx, birth_date)[:limit]

    def create(self, actor: Staff, raw: Mapping[str, str]) -> Client:
        require(actor, "client.edit")
        with write_transaction(self.ctx.db):
            values = check_client(self.ctx, raw)
            client_id = insert_client(self.ctx, values, actor_id=actor.id)
            return fetch_client(self.ctx, client_id)

    def update(
        self,
        actor: Staff,
        client_id: str,
        raw: Mapping[str, str],
        expected_updated_at: str | None = None,
    ) -> Client:
        """Save a corrected card; `expected_updated_at` guards against overwriting a newer edit."""
        require(actor, "client.edit")
        with write_transaction(self.ctx.db):
            values = check_client(self.ctx, raw, client_id=client_id)
            update_client_row(
                self.ctx,
                client_id,
                values,
                actor_id=actor.id,
                expected_updated_at=expected_updated_at,
            )
            return fetch_client(self.ctx, client_id)

    def delete(self, actor: Staff, client_id: str) -> None:
        require(actor, "client.delete")
        with write_transaction(self.ctx.db):
            fetch_client(self.ctx, client_id)
            soft_delete_row(self.ctx, "client", client_id, by=actor.id)
            log_event(
                self.ctx,
                staff_id=actor.id,
                action="delete",
                entity="client",
                entity_id=client_id,
                client_id=client_id,
            )

    def registered_between(self, start_iso: str, end_iso: str) -> int:
        """How many living clients were registered in [start, end)."""
        return count_created_between(self.ctx, start_iso, end_iso)
