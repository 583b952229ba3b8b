"""A bundle: what a laptop sends to its office, as one file that travels by USB stick,
shared folder or e-mail. Encrypted and authenticated with AES-256-GCM under the key the
office gave the laptop at check-out; the plaintext header (which office, which laptop,
which bundle) is authenticated too, so a changed byte anywhere is refused.

    MAGIC  header length (4 bytes, big-endian)  header (JSON)  nonce (12)  ciphertext

The ciphertext is the zlib-compressed JSON of `Contents` with the changeset in base64.
"""

from __future__ import annotations

import base64
import json
import secrets
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from store.sync.errors import BundleDamaged

MAGIC = b"LUOTSI-BUNDLE\n"
FORMAT = "luotsi-bundle/1"
_NONCE_BYTES = 12
_HEADER_MAX = 4096


@dataclass(frozen=True)
class Header:
    """What anyone holding the file can read: enough to find the key."""

    office_id: str
    device_id: str
    bundle_id: str


@dataclass(frozen=True)
class Contents:
    """What the key opens."""

    base_id: str
    packed_at: str  # ISO UTC
    packed_by: str | None  # staff id
    migrations: Sequence[str]  # the laptop's schema steps, in order
    columns: Mapping[str, Sequence[str]]  # every synced table's columns on the laptop
    changeset: bytes  # SQLite session changeset: the laptop since its base
    audit_columns: Sequence[str] = field(default=())
    audit_rows: Sequence[Sequence[object]] = field(default=())  # the laptop's access log


def new_bundle_key() -> bytes:
    return secrets.token_bytes(32)


def _header_bytes(header: Header) -> bytes:
    return json.dumps(
        {
            "format": FORMAT,
            "office_id": header.office_id,
            "device_id": header.device_id,
            "bundle_id": header.bundle_id,
        },
        sort_keys=True,
    ).encode()


def seal(header: Header, contents: Contents, key: bytes) -> bytes:
    """The bundle file's bytes."""
    body = {
        "base_id": contents.base_id,
        "packed_at": contents.packed_at,
        "packed_by": contents.packed_by,
        "migrations": list(contents.migrations),
        "columns": {table: list(names) for table, names in contents.columns.items()},
        "changeset": base64.b64encode(contents.changeset).decode("ascii"),
        "audit_columns": list(contents.audit_columns),
        "audit_rows": [list(row) for row in contents.audit_rows],
    }
    plain = zlib.compress(json.dumps(body, ensure_ascii=False).encode(), 6)
    head = _header_bytes(header)
    nonce = secrets.token_bytes(_NONCE_BYTES)
    sealed = AESGCM(key).encrypt(nonce, plain, MAGIC + head)
    return MAGIC + len(head).to_bytes(4, "big") + head + nonce + sealed


def read_header(data: bytes, name: str) -> Header:
    """The unauthenticated header (to find the key); `open_contents` authenticates it."""
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 4:
        raise BundleDamaged(name)
    size = int.from_bytes(data[len(MAGIC) : len(MAGIC) + 4], "big")
    if size > _HEADER_MAX:
        raise BundleDamaged(name)
    raw = data[len(MAGIC) + 4 : len(MAGIC) + 4 + size]
    try:
        parsed: object = json.loads(raw)
        if not isinstance(parsed, dict):
            raise BundleDamaged(name)
        fields = cast(dict[str, Any], parsed)
        if fields.get("format") != FORMAT:
            raise BundleDamaged(name)
        header = Header(
            str(fields["office_id"]), str(fields["device_id"]), str(fields["bundle_id"])
        )
    except (ValueError, KeyError, UnicodeDecodeError) as exc:
        raise BundleDamaged(name) from exc
    if _header_bytes(header) != raw:
        raise BundleDamaged(name)
    return header


def open_contents(data: bytes, key: bytes, name: str) -> Contents:
    """The contents, if `key` opens them and not a byte of the file was changed."""
    header = read_header(data, name)
    head = _header_bytes(header)
    start = len(MAGIC) + 4 + len(head)
    nonce = data[start : start + _NONCE_BYTES]
    try:
        plain = AESGCM(key).decrypt(nonce, data[start + _NONCE_BYTES :], MAGIC + head)
        body = cast(dict[str, Any], json.loads(zlib.decompress(plain)))
        return Contents(
            base_id=str(body["base_id"]),
            packed_at=str(body["packed_at"]),
            packed_by=None if body["packed_by"] is None else str(body["packed_by"]),
            migrations=[str(step) for step in body["migrations"]],
            columns={
                str(table): [str(column) for column in names]
                for table, names in body["columns"].items()
            },
            changeset=base64.b64decode(body["changeset"]),
            audit_columns=[str(column) for column in body["audit_columns"]],
            audit_rows=[list(row) for row in body["audit_rows"]],
        )
    except (InvalidTag, ValueError, KeyError, TypeError, zlib.error) as exc:
        raise BundleDamaged(name) from exc
