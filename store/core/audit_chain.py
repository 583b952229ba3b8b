"""The access log's hash chain: how one event is hashed, and how a run of events is checked.

Each event carries `seq` (1, 2, 3 … in the order events were appended), `prev_hash` (the
previous event's `hash`, or `GENESIS` for the first) and `hash`: the SHA-256, in lower-case
hex, of the UTF-8 bytes of the JSON array

    [prev_hash, seq, id, at, staff_id, action, entity, entity_id, client_id, purpose,
     created_at, updated_at, updated_by, deleted_at]

written without spaces (`,` and `:` as separators), non-ASCII characters as themselves, an
absent value as `null` and `seq` as a number: RFC 8785's canonical form for an array of
texts, integers and nulls. An event a laptop logged, appended by its office at check-in
(store/sync), has the laptop's `device_id` as one more element at the end of the array;
the office's own events have none, so every chain made before laptops existed checks as
it did. Changing, removing, inserting or reordering an event then breaks
the chain at that event, which anyone holding an export of the log can check without Luotsi.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

GENESIS = "0" * 64

# The event's own columns, in the order they are hashed (after prev_hash).
CHAINED_COLUMNS = (
    "seq",
    "id",
    "at",
    "staff_id",
    "action",
    "entity",
    "entity_id",
    "client_id",
    "purpose",
    "created_at",
    "updated_at",
    "updated_by",
    "deleted_at",
)

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

Field = str | int | None


def event_hash(prev_hash: str, fields: Sequence[object], device_id: str | None = None) -> str:
    """The hash of one event: `fields` are its `CHAINED_COLUMNS` values, in that order,
    and `device_id` the laptop that logged it (None for the office's own events)."""
    hashed = [prev_hash, *fields] if device_id is None else [prev_hash, *fields, device_id]
    # surrogatepass: a lone surrogate written by another tool is hashed, not a crash.
    text = _encode(hashed)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


Problem = Literal["altered", "unlinked", "missing", "unchained", "truncated", "rewritten"]


@dataclass(frozen=True)
class BrokenEvent:
    """Where the chain first fails and why:

    - altered: the event's fields no longer give its hash (it was changed);
    - unlinked: its prev_hash is not the previous event's hash (that one was replaced);
    - missing: events before it are gone (`seq` jumps from `expected_seq - 1`);
    - unchained: an event with no place in the chain (written around Luotsi);
    - truncated: the newest events are gone since the last check (`seq` is the newest left);
    - rewritten: the event a previous check ended on has another hash now.
    """

    problem: Problem
    seq: int | None
    at: str
    event_id: str
    expected_seq: int | None = None


@dataclass(frozen=True)
class ChainCheck:
    """The outcome of checking the whole log: `broken` is None when every link holds."""

    events: int
    last_seq: int
    last_hash: str
    broken: BrokenEvent | None

    @property
    def ok(self) -> bool:
        return self.broken is None


# One row as `check_rows` reads it: the CHAINED_COLUMNS values, then prev_hash and hash,
# then (if the row has it) device_id.
ChainRow = Sequence[Field]


def check_rows(rows: Iterable[ChainRow]) -> ChainCheck:
    """Walk the events in `seq` order and stop at the first broken link."""
    width = len(CHAINED_COLUMNS)
    expected_seq, prev_hash = 1, GENESIS
    problem: Problem | None = None
    row: ChainRow = (None, None, None)
    for row in rows:
        if row[0] != expected_seq:
            problem = "missing"
            break
        if row[width] != prev_hash:
            problem = "unlinked"
            break
        device_id = row[width + 2] if len(row) > width + 2 else None
        if (
            event_hash(prev_hash, row[:width], None if device_id is None else str(device_id))
            != row[width + 1]
        ):
            problem = "altered"
            break
        prev_hash = str(row[width + 1])
        expected_seq += 1
    good = expected_seq - 1
    if problem is None:
        return ChainCheck(good, good, prev_hash, None)
    seq = row[0]
    broken = BrokenEvent(
        problem, seq if isinstance(seq, int) else None, str(row[2]), str(row[1]), expected_seq
    )
    return ChainCheck(good, good, prev_hash, broken)
