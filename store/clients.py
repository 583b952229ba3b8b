"""The client register: reading, creating, correcting and soft-deleting clients."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from .audit import log_event
from .clock import new_id
from .i18n import register
from .models import Client
from .validation import CLIENT_FIELDS, FieldError, ValidationError, clean_client

if TYPE_CHECKING:
    from sqlite_utils import Database

_SELECT = "SELECT id, " + ", ".join(CLIENT_FIELDS) + ", created_at, updated_at FROM client"


register(
    {
        "error.hetu.taken": (
            "tällä henkilötunnuksella on jo asiakas rekisterissä",
            "en klient med denna personbeteckning finns redan i registret",
            "a client with this identity code is already in the register",
        ),
    }
)


class ClientNotFound(LookupError):
    pass


class StaleEdit(Exception):
    """The client was changed by someone else after this edit started."""


def _date_or_none(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def row_to_client(row: tuple) -> Client:
    values = dict(zip(("id", *CLIENT_FIELDS, "created_at", "updated_at"), row, strict=True))
    for field in ("jobseeker_since", "unemployed_since"):
        values[field] = _date_or_none(values[field])
    values["birth_date"] = date.fromisoformat(values["birth_date"])
    return Client(**values)


def _as_sql_value(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def fetch_client(db: Database, client_id: str) -> Client:
    row = db.execute(f"{_SELECT} WHERE id = ? AND deleted_at IS NULL", [client_id]).fetchone()
    if row is None:
        raise ClientNotFound(client_id)
    return row_to_client(row)


def client_id_by_hetu(db: Database, hetu: str) -> str | None:
    row = db.execute(
        "SELECT id FROM client WHERE hetu = ? AND deleted_at IS NULL", [hetu]
    ).fetchone()
    return row[0] if row else None


def check_client(
    db: Database, raw: Mapping[str, str], today: date, *, client_id: str | None = None
) -> dict[str, object]:
    """Clean a client form and check it against the register (a HETU belongs to one client)."""
    values = clean_client(raw, today)
    hetu = values["hetu"]
    if isinstance(hetu, str):
        owner = client_id_by_hetu(db, hetu)
        if owner is not None and owner != client_id:
            raise ValidationError([FieldError("hetu", "error.hetu.taken")])
    return values


def insert_client(
    db: Database,
    values: Mapping[str, object],
    *,
    actor_id: str | None,
    at_iso: str,
    client_id: str | None = None,
) -> str:
    """Insert cleaned values and log the creation; the caller holds the transaction."""
    client_id = client_id or new_id()
    columns = ("id", *CLIENT_FIELDS, "created_at", "updated_at", "updated_by")
    params = [client_id, *(_as_sql_value(values.get(f)) for f in CLIENT_FIELDS)]
    params += [at_iso, at_iso, actor_id]
    db.execute(
        f"INSERT INTO client ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        params,
    )
    log_event(
        db,
        at_iso,
        staff_id=actor_id,
        action="create",
        entity="client",
        entity_id=client_id,
        client_id=client_id,
    )
    return client_id


def update_client_row(
    db: Database,
    client_id: str,
    values: Mapping[str, object],
    *,
    actor_id: str,
    at_iso: str,
    expected_updated_at: str | None = None,
) -> list[str]:
    """Write the fields that changed and log which; returns the changed field names."""
    current = fetch_client(db, client_id)
    if expected_updated_at is not None and current.updated_at != expected_updated_at:
        raise StaleEdit(client_id)
    changed = [f for f in CLIENT_FIELDS if getattr(current, f) != values.get(f)]
    if not changed:
        return []
    assignments = ", ".join(f"{f} = ?" for f in changed)
    db.execute(
        f"UPDATE client SET {assignments}, updated_at = ?, updated_by = ? WHERE id = ?",
        [*(_as_sql_value(values.get(f)) for f in changed), at_iso, actor_id, client_id],
    )
    # The log names the fields, never their values: the log itself is personal data.
    log_event(
        db,
        at_iso,
        staff_id=actor_id,
        action="update",
        entity="client",
        entity_id=client_id,
        client_id=client_id,
        purpose=",".join(changed),
    )
    return changed


def soft_delete_client_row(db: Database, client_id: str, *, actor_id: str, at_iso: str) -> None:
    fetch_client(db, client_id)
    db.execute(
        "UPDATE client SET deleted_at = ?, updated_at = ?, updated_by = ? WHERE id = ?",
        [at_iso, at_iso, actor_id, client_id],
    )
    log_event(
        db,
        at_iso,
        staff_id=actor_id,
        action="delete",
        entity="client",
        entity_id=client_id,
        client_id=client_id,
    )


def count_created_between(db: Database, start_iso: str, end_iso: str) -> int:
    return db.execute(
        "SELECT count(*) FROM client WHERE created_at >= ? AND created_at < ?"
        " AND deleted_at IS NULL",
        [start_iso, end_iso],
    ).fetchone()[0]


def fold_name(name: str) -> str:
    """A name for comparison: case and diacritics gone, so Mäkinen == MAKINEN."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


def possible_duplicates(db: Database, values: Mapping[str, object]) -> list[Client]:
    """Living clients who may be the same person: same folded name and birth date, or
    same phone. (A HETU already in the register is an error, not a warning.)"""
    found: dict[str, Client] = {}
    birth_date = values.get("birth_date")
    if isinstance(birth_date, date):
        rows = db.execute(
            f"{_SELECT} WHERE birth_date = ? AND deleted_at IS NULL", [birth_date.isoformat()]
        ).fetchall()
        wanted = (fold_name(str(values["first_name"])), fold_name(str(values["last_name"])))
        for client in map(row_to_client, rows):
            if (fold_name(client.first_name), fold_name(client.last_name)) == wanted:
                found[client.id] = client
    phone = values.get("phone")
    if phone:
        rows = db.execute(f"{_SELECT} WHERE phone = ? AND deleted_at IS NULL", [phone]).fetchall()
        found.update((client.id, client) for client in map(row_to_client, rows))
    return list(found.values())
