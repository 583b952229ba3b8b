"""The key file beside an encrypted database (`NAME.keys`): the database key held once
per staff member, opened by their password, and once for the recovery key.

The database key is 32 random bytes that SQLCipher encrypts every page with; it is never
stored in the clear. Each slot has an X25519 key pair of its own:
- its private key is wrapped with AES-256-GCM under a key that scrypt derives from the
  slot's secret (a password, or the recovery key), with the slot's own salt and cost;
- the database key is sealed to its public key (an ephemeral X25519 exchange, HKDF-SHA256,
  AES-256-GCM).
Opening a slot takes the secret; sealing a new database key to every slot does not, so
`luotsi rekey` can give all staff the new key without knowing their passwords. The slot's
name and the database's id are the associated data of both, so a slot moved to another
name or another key file does not open. The file also carries the
SQLCipher salt of the database it belongs to (the file's first 16 bytes), so a key file
of another database is told apart from a wrong password or a damaged file.

The file is JSON, written whole under a temporary name and renamed into place (see
`write_key_file`): a reader sees the old file or the new one, never half of one.
"""

from __future__ import annotations

import base64
import json
import secrets
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import cast

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from store.core import auth
from store.core.auth import ScryptCost
from store.core.files import write_whole
from store.core.i18n import TranslatedError

KEY_BYTES = 32
SALT_BYTES = 16  # SQLCipher's per-file salt, the first 16 bytes of an encrypted database
_NONCE_BYTES = 12
_KDF_SALT_BYTES = 16
FORMAT = "luotsi-keys/1"
RECOVERY_SLOT = "*recovery"  # no username has a "*" (see staff.check_username)
# The recovery key: 32 characters of Crockford's base32 (160 bits), in groups of four.
_RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_RECOVERY_CHARS = 32
_RECOVERY_GROUP = 4
# What a person may type for a character that looks the same.
_RECOVERY_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


class KeyFileError(TranslatedError):
    """The key file beside an encrypted database cannot be used; nothing was changed."""


class KeyFileMissing(KeyFileError):
    def __init__(self, path: Path) -> None:
        super().__init__("keys.error.missing", path=path, keys=key_file_of(path))
        self.path = path


class KeyFileDamaged(KeyFileError):
    def __init__(self, path: Path) -> None:
        super().__init__("keys.error.damaged", path=path, keys=key_file_of(path))
        self.path = path


class KeyFileMismatch(KeyFileError):
    """The key file belongs to another database (a copy of one file beside another)."""

    def __init__(self, path: Path) -> None:
        super().__init__("keys.error.mismatch", path=path, keys=key_file_of(path))
        self.path = path


class DatabaseLocked(KeyFileError):
    """An encrypted database opened before anyone in this process unlocked it."""

    def __init__(self, path: Path) -> None:
        super().__init__("keys.error.locked", path=path)
        self.path = path


def key_file_of(database: str | Path) -> Path:
    database = Path(database)
    return database.with_name(database.name + ".keys")


_TAG = 16
_SEALED_BYTES = 32 + _NONCE_BYTES + KEY_BYTES + _TAG  # ephemeral public key, nonce, key


@dataclass(frozen=True)
class Slot:
    name: str  # a username, or RECOVERY_SLOT
    cost: ScryptCost  # scrypt's, for the secret
    salt: bytes
    nonce: bytes
    wrapped: bytes  # the slot's X25519 private key, under the secret
    public: bytes  # its public key
    sealed: bytes  # the database key, sealed to the public key


@dataclass(frozen=True)
class KeyFile:
    database_id: str  # random, made with the key file; bound into every slot
    db_salt: bytes  # the SQLCipher salt of the database file
    slots: tuple[Slot, ...] = field(default=())

    def slot(self, name: str) -> Slot | None:
        return next((slot for slot in self.slots if slot.name == name), None)

    def names(self) -> list[str]:
        return [slot.name for slot in self.slots if slot.name != RECOVERY_SLOT]

    def without(self, name: str) -> KeyFile:
        return replace(self, slots=tuple(s for s in self.slots if s.name != name))

    def with_slot(self, slot: Slot) -> KeyFile:
        return replace(self, slots=(*self.without(slot.name).slots, slot))


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def new_salt() -> bytes:
    return secrets.token_bytes(SALT_BYTES)


def new_key_file(db_salt: bytes) -> KeyFile:
    return KeyFile(database_id=secrets.token_hex(16), db_salt=db_salt)


def _derive(secret: str, salt: bytes, cost: ScryptCost) -> bytes:
    import hashlib

    return hashlib.scrypt(
        secret.encode(), salt=salt, n=cost.n, r=cost.r, p=cost.p, maxmem=cost.maxmem, dklen=32
    )


def _associated(keys: KeyFile, name: str) -> bytes:
    return f"{FORMAT}|{keys.database_id}|{name}".encode()


def _sealing_key(shared: bytes, associated: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=associated).derive(shared)


def _seal(keys: KeyFile, name: str, public: bytes, db_key: bytes) -> bytes:
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
    associated = _associated(keys, name)
    nonce = secrets.token_bytes(_NONCE_BYTES)
    sealed = AESGCM(_sealing_key(shared, associated)).encrypt(nonce, db_key, associated)
    return ephemeral.public_key().public_bytes_raw() + nonce + sealed


def wrap(keys: KeyFile, name: str, secret: str, db_key: bytes) -> Slot:
    """A new slot for `name` holding `db_key`, opened by `secret` (at `auth.HASH_COST`)."""
    cost = auth.HASH_COST
    salt = secrets.token_bytes(_KDF_SALT_BYTES)
    nonce = secrets.token_bytes(_NONCE_BYTES)
    private = X25519PrivateKey.generate()
    wrapped = AESGCM(_derive(secret, salt, cost)).encrypt(
        nonce, private.private_bytes_raw(), _associated(keys, name)
    )
    public = private.public_key().public_bytes_raw()
    return Slot(name, cost, salt, nonce, wrapped, public, _seal(keys, name, public, db_key))


def reseal(keys: KeyFile, slot: Slot, db_key: bytes) -> Slot:
    """`slot` holding another database key (`luotsi rekey`), opened by the same secret."""
    return replace(slot, sealed=_seal(keys, slot.name, slot.public, db_key))


def unwrap(keys: KeyFile, slot: Slot, secret: str) -> bytes | None:
    """The database key in `slot`, or None if `secret` does not open it."""
    associated = _associated(keys, slot.name)
    try:
        private_bytes = AESGCM(_derive(secret, slot.salt, slot.cost)).decrypt(
            slot.nonce, slot.wrapped, associated
        )
        private = X25519PrivateKey.from_private_bytes(private_bytes)
        ephemeral = slot.sealed[:32]
        nonce = slot.sealed[32 : 32 + _NONCE_BYTES]
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral))
        key = AESGCM(_sealing_key(shared, associated)).decrypt(
            nonce, slot.sealed[32 + _NONCE_BYTES :], associated
        )
    except (InvalidTag, ValueError):
        return None
    return key if len(key) == KEY_BYTES else None


def spend_like_unwrap() -> None:
    """The time of one unwrap, for a name with no slot: a wrong name takes as long as a
    wrong password."""
    _derive(secrets.token_hex(8), secrets.token_bytes(_KDF_SALT_BYTES), auth.HASH_COST)


# The file ---------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object, size: int | None = None) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not text")
    data = base64.b64decode(text.encode("ascii"), validate=True)
    if size is not None and len(data) != size:
        raise ValueError("wrong size")
    return data


def _slot_from(raw: object) -> Slot:
    if not isinstance(raw, dict):
        raise ValueError("slot")
    slot = cast("dict[str, object]", raw)
    name, kdf_raw = slot.get("name"), slot.get("kdf")
    if not isinstance(name, str) or not isinstance(kdf_raw, dict):
        raise ValueError("slot")
    kdf = cast("dict[str, object]", kdf_raw)
    numbers = [kdf.get(part) for part in ("n", "r", "p")]
    if kdf.get("name") != "scrypt" or not all(type(n) is int for n in numbers):
        raise ValueError("kdf")
    cost = ScryptCost(*cast("list[int]", numbers))
    if not auth.sane_cost(cost):  # a tampered slot must not make scrypt take gigabytes
        raise ValueError("cost")
    return Slot(
        name,
        cost,
        _unb64(kdf.get("salt"), _KDF_SALT_BYTES),
        _unb64(slot.get("nonce"), _NONCE_BYTES),
        _unb64(slot.get("wrapped"), 32 + _TAG),
        _unb64(slot.get("public"), 32),
        _unb64(slot.get("sealed"), _SEALED_BYTES),
    )


def parse_key_file(text: bytes) -> KeyFile:
    """A key file's contents; ValueError for anything `write_key_file` would not write."""
    loaded: object = json.loads(text)
    if not isinstance(loaded, dict):
        raise ValueError("format")
    raw = cast("dict[str, object]", loaded)
    if raw.get("format") != FORMAT:
        raise ValueError("format")
    database_id = raw.get("database")
    if not isinstance(database_id, str) or not database_id:
        raise ValueError("database")
    slots = raw.get("slots")
    if not isinstance(slots, list):
        raise ValueError("slots")
    parsed = tuple(_slot_from(slot) for slot in cast("list[object]", slots))
    if len({slot.name for slot in parsed}) != len(parsed):
        raise ValueError("two slots of one name")
    return KeyFile(database_id, _unb64(raw.get("db_salt"), SALT_BYTES), parsed)


def dump_key_file(keys: KeyFile) -> bytes:
    slots = [
        {
            "name": slot.name,
            "kdf": {
                "name": "scrypt",
                "n": slot.cost.n,
                "r": slot.cost.r,
                "p": slot.cost.p,
                "salt": _b64(slot.salt),
            },
            "nonce": _b64(slot.nonce),
            "wrapped": _b64(slot.wrapped),
            "public": _b64(slot.public),
            "sealed": _b64(slot.sealed),
        }
        for slot in keys.slots
    ]
    document = {
        "format": FORMAT,
        "database": keys.database_id,
        "db_salt": _b64(keys.db_salt),
        "slots": slots,
    }
    return (json.dumps(document, indent=1) + "\n").encode()


def read_key_file(database: str | Path) -> KeyFile:
    """The key file of the database at `database`; `KeyFileMissing` or `KeyFileDamaged`."""
    database = Path(database)
    try:
        text = key_file_of(database).read_bytes()
    except FileNotFoundError:
        raise KeyFileMissing(database) from None
    except IsADirectoryError:
        raise KeyFileDamaged(database) from None
    try:
        return parse_key_file(text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise KeyFileDamaged(database) from exc


def write_key_file(database: str | Path, keys: KeyFile) -> None:
    """Write the key file whole: under a hidden name, flushed to disk, then renamed over
    the old one (and the folder flushed), so a crash leaves the old file or the new."""
    write_whole(key_file_of(database), dump_key_file(keys))


# The recovery key -------------------------------------------------------------------


def new_recovery_key() -> str:
    """A recovery key as it is shown once: `XXXX-XXXX-…`, 8 groups of 4 characters."""
    chars = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(_RECOVERY_CHARS))
    return "-".join(
        chars[i : i + _RECOVERY_GROUP] for i in range(0, _RECOVERY_CHARS, _RECOVERY_GROUP)
    )


def normalise_recovery_key(typed: str) -> str:
    """The recovery key as typed (any case, spaces or dashes, O for 0) in its shown form;
    a slot is opened with that form, so the way it was typed does not matter."""
    chars = "".join(c for c in typed.upper() if c.isalnum()).translate(_RECOVERY_LOOKALIKES)
    return "-".join(chars[i : i + _RECOVERY_GROUP] for i in range(0, len(chars), _RECOVERY_GROUP))


def sqlcipher_key(key: bytes, salt: bytes | None = None) -> str:
    """The `PRAGMA key` value of a raw key (and the salt a new file is to get)."""
    return f"\"x'{key.hex()}{salt.hex() if salt else ''}'\""
