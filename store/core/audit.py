"""The access log (Information Management Act 906/2019 § 17): who used whose data, when, why.

The log is append-only and tamper-evident: every event is hashed together with the hash of
the one before it (`store.core.audit_chain`), so `AuditLog.verify` finds an event changed,
replaced or removed even by someone who went around the database's triggers.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

import json
from collections.abc import Generator, Iterable, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import cast, get_args

from store.core.audit_chain import (
    CHAINED_COLUMNS,
    GENESIS,
    BrokenEvent,
    ChainCheck,
    Problem,
    check_rows,
    event_hash,
)
from store.core.auth import require
from store.core.clock import from_iso, local_day_bounds, new_id
from store.core.context import Context
from store.core.db import write_transaction
from store.core.models import AuditAction, AuditEvent, Staff
from store.core.rows import upsert_row

_COLUMNS = "id, at, staff_id, action, entity, entity_id, client_id, purpose"
# What an export of the log holds: the chained fields, the links themselves, and the
# laptop that logged the event (hashed too when present; see store.core.audit_chain).
EXPORT_COLUMNS = (*CHAINED_COLUMNS, "prev_hash", "hash", "device_id")
_INSERT = (
    f"INSERT INTO audit_event ({', '.join(EXPORT_COLUMNS)})"
    f" VALUES ({', '.join('?' * len(EXPORT_COLUMNS))})"
)
# The last check of the chain, kept as an internal setting (never listed or set by hand).
LAST_CHECK_KEY = "audit.last_check"
# The Today screen reminds an admin when the last check is older than this.
CHECK_DUE_DAYS = 31


def _last_link(ctx: Context) -> tuple[int, str]:
    """The newest event's seq and hash (0 and GENESIS for an empty log): one indexed read."""
    row = ctx.db.execute(
        "SELECT seq, hash FROM audit_event WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    return (0, GENESIS) if row is None else (int(row[0]), str(row[1]))


def _append(ctx: Context, events: Iterable[Mapping[str, object]]) -> list[str]:
    """Chain and insert `events` (each with every chained column but seq) after the newest.

    The newest hash is read under the write lock (the caller's write transaction, else one
    of its own), so two processes logging at once still form one chain; the insert
    trigger refuses anything but the next link, should a caller hold only a read snapshot.
    """
    if not ctx.db.conn.in_transaction:
        with write_transaction(ctx.db):
            return _append(ctx, events)
    seq, prev_hash = _last_link(ctx)
    ids: list[str] = []
    rows: list[list[object]] = []
    for event in events:
        seq += 1
        fields = [seq, *(event.get(column) for column in CHAINED_COLUMNS[1:])]
        device = event.get("device_id")
        device_id = None if device is None else str(device)
        digest = event_hash(prev_hash, fields, device_id)
        rows.append([*fields, prev_hash, digest, device_id])
        ids.append(str(event["id"]))
        prev_hash = digest
    # No savepoint: should a row fail, those before it are still a whole chain, and the
    # caller's transaction decides whether any of them stay.
    if len(rows) == 1:
        ctx.db.conn.execute(_INSERT, rows[0])
    else:
        ctx.db.conn.executemany(_INSERT, rows)
    return ids


def log_event(
    ctx: Context,
    *,
    staff_id: str | None,
    action: AuditAction,
    entity: str,
    entity_id: str | None = None,
    client_id: str | None = None,
    purpose: str | None = None,
    at: str | None = None,
) -> str:
    """Append one event (at `at`, default now); call it inside the transaction of the
    change it records."""
    at = at or ctx.now_iso()
    event = {
        "id": new_id(),
        "at": at,
        "staff_id": staff_id,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "client_id": client_id,
        "purpose": purpose,
        "created_at": at,
        "updated_at": at,
        "updated_by": staff_id,
        "deleted_at": None,
    }
    return _append(ctx, [event])[0]


def append_events(
    ctx: Context,
    columns: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    by: str | None,
    at: str | None = None,
) -> None:
    """Append many events of `columns` values in one go (sample data, bulk logging), in
    the order given, stamped as `rows.insert_rows` stamps: a stamp named in `columns`
    ("id", "created_at", "updated_at", "updated_by") is the event's own."""
    at = at or ctx.now_iso()
    defaults: dict[str, object] = {"created_at": at, "updated_at": at, "updated_by": by}

    def event(values: Sequence[object]) -> dict[str, object]:
        given = dict(zip(columns, values, strict=True))
        return {"id": new_id(), **defaults, **given}

    _append(ctx, (event(values) for values in rows))


def append_device_events(
    ctx: Context, device_id: str, columns: Sequence[str], rows: Iterable[Sequence[object]]
) -> int:
    """Append the events a laptop logged (`columns` values, as its bundle carries them)
    that this log does not hold yet (by id), in the laptop's own order, each re-chained
    after the newest event here with `device_id` set: their id, time, staff, action,
    entity, client and purpose stay the laptop's (but for a client this register lacks,
    see `client_reference`). Returns how many were appended."""
    events = [dict(zip(columns, values, strict=True)) for values in rows]
    if "seq" in columns:
        events.sort(key=lambda event: _seq_key(event.get("seq")))
    ids = json.dumps([str(event["id"]) for event in events])
    found = ctx.db.execute(
        "SELECT id FROM audit_event WHERE id IN (SELECT value FROM json_each(?))", [ids]
    )
    known = {str(row[0]) for row in found.fetchall()}
    new: list[dict[str, object]] = []
    for event in events:
        if str(event["id"]) not in known:
            known.add(str(event["id"]))
            fields = {column: event.get(column) for column in CHAINED_COLUMNS[1:]}
            client_id, purpose = client_reference(ctx, fields["client_id"], fields["purpose"])
            new.append(
                {**fields, "client_id": client_id, "purpose": purpose, "device_id": device_id}
            )
    if new:
        _append(ctx, new)
    return len(new)


def client_reference(ctx: Context, client_id: object, purpose: object) -> tuple[object, object]:
    """The client and purpose an event about `client_id` is logged with. An event about a
    client this register does not hold (a laptop's new client the office refused, kept
    whole in the inbox) is still logged, never dropped: the client's id moves into the
    purpose, as the reference itself would be refused."""
    if (
        client_id is None
        or ctx.db.execute("SELECT 1 FROM client WHERE id = ?", [client_id]).fetchone()
    ):
        return client_id, purpose
    return None, f"{purpose}; client={client_id}" if purpose else f"client={client_id}"


def _seq_key(seq: object) -> int:
    return seq if isinstance(seq, int) else 0


@dataclass(frozen=True)
class LastCheck:
    """The remembered outcome of the newest `verify`."""

    at: str
    ok: bool
    events: int
    broken: BrokenEvent | None

    def due(self, now: datetime) -> bool:
        """Whether it is time to check again (an admin is reminded)."""
        try:
            return now - from_iso(self.at) > timedelta(days=CHECK_DUE_DAYS)
        except ValueError:  # a time edited by hand: check again
            return True


def _broken_json(broken: BrokenEvent | None) -> dict[str, object] | None:
    if broken is None:
        return None
    return {
        "problem": broken.problem,
        "seq": broken.seq,
        "at": broken.at,
        "event_id": broken.event_id,
        "expected_seq": broken.expected_seq,
    }


def _broken_from(value: object) -> BrokenEvent | None:
    if not isinstance(value, dict):
        return None
    data = cast(dict[str, object], value)
    seq, expected = data.get("seq"), data.get("expected_seq")
    problem = data.get("problem")
    return BrokenEvent(
        problem=cast(Problem, problem) if problem in get_args(Problem) else "altered",
        seq=seq if isinstance(seq, int) else None,
        at=str(data.get("at") or ""),
        event_id=str(data.get("event_id") or ""),
        expected_seq=expected if isinstance(expected, int) else None,
    )


@contextmanager
def _snapshot(ctx: Context) -> Generator[None]:
    """Several reads that see one state of the file, while others go on writing."""
    if ctx.db.conn.in_transaction:
        yield
        return
    ctx.db.conn.execute("BEGIN")
    try:
        yield
    finally:
        ctx.db.conn.execute("COMMIT")


class AuditLog:
    """Reading and checking the access log; reached as `Store.audit`."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def events(
        self,
        *,
        client_id: str | None = None,
        staff_id: str | None = None,
        action: AuditAction | None = None,
        entity_id: str | None = None,
    ) -> list[AuditEvent]:
        """Events in the order they happened, filtered by client, staff, action or entity.
        A client's events include the import that created them, if one did (it names the
        import, not each client)."""
        filters = {"staff_id": staff_id, "action": action, "entity_id": entity_id}
        conditions = [f"{column} = ?" for column, value in filters.items() if value is not None]
        params: list[object] = [value for value in filters.values() if value is not None]
        if client_id is not None:
            conditions.append(
                "(client_id = ? OR (entity = 'import' AND entity_id ="
                " (SELECT import_id FROM client WHERE id = ?)))"
            )
            params += [client_id, client_id]
        sql = f"SELECT {_COLUMNS} FROM audit_event"
        if conditions:
            sql += " WHERE " + " AND ".join(conditions)
        rows = self.ctx.db.execute(sql + " ORDER BY at, rowid", params)
        return [AuditEvent(*row) for row in rows.fetchall()]

    # Checking the chain --------------------------------------------------------------

    def check(self) -> ChainCheck:
        """Check every link of the chain, and that the events the previous good check
        ended on are still there unchanged (a chain cut short or rebuilt from some event
        on is whole in itself). Reads only; `verify` also remembers and logs the outcome."""
        anchor = self._anchor()
        with _snapshot(self.ctx):
            rows = self.ctx.db.execute(
                f"SELECT {', '.join(EXPORT_COLUMNS)} FROM audit_event"
                " WHERE seq IS NOT NULL ORDER BY seq"
            )
            result = check_rows(rows)
            if not result.ok:
                return result
            stray = self.ctx.db.execute(
                "SELECT id, at FROM audit_event WHERE seq IS NULL ORDER BY at, rowid LIMIT 1"
            ).fetchone()
            if stray is not None:
                broken = BrokenEvent("unchained", None, str(stray[1]), str(stray[0]))
                return ChainCheck(result.events, result.last_seq, result.last_hash, broken)
            if anchor is None:
                return result
            anchor_seq, anchor_hash = anchor
            if anchor_seq > result.last_seq:
                newest = self.ctx.db.execute(
                    "SELECT id, at FROM audit_event WHERE seq = ?", [result.last_seq]
                ).fetchone()
                at, event_id = (str(newest[1]), str(newest[0])) if newest else ("", "")
                broken = BrokenEvent("truncated", result.last_seq, at, event_id, anchor_seq)
                return ChainCheck(result.events, result.last_seq, result.last_hash, broken)
            then = self.ctx.db.execute(
                "SELECT id, at, hash FROM audit_event WHERE seq = ?", [anchor_seq]
            ).fetchone()
            if then is not None and then[2] != anchor_hash:
                broken = BrokenEvent("rewritten", anchor_seq, str(then[1]), str(then[0]))
                return ChainCheck(result.events, result.last_seq, result.last_hash, broken)
        return result

    def verify(self, actor: Staff) -> ChainCheck:
        """Check the chain (admins), remember the outcome for the Today screen and log
        that the check was made."""
        require(actor, "audit.read")
        result = self.check()
        anchor = self._anchor()
        if result.ok:
            anchor = (result.last_seq, result.last_hash)
        now = self.ctx.now_iso()
        remembered = {
            "at": now,
            "ok": result.ok,
            "events": result.events,
            "broken": _broken_json(result.broken),
            "anchor": anchor,
        }
        if result.broken is None:
            summary = f"verify: ok; events={result.events}; hash={result.last_hash}"
        else:
            broken = result.broken
            summary = f"verify: {broken.problem}; seq={broken.seq}; id={broken.event_id}"
        with write_transaction(self.ctx.db):
            upsert_row(
                self.ctx,
                "setting",
                {"key": LAST_CHECK_KEY},
                {"value": json.dumps(remembered, sort_keys=True)},
                by=actor.id,
                at=now,
            )
            log_event(
                self.ctx,
                staff_id=actor.id,
                action="view",
                entity="audit_log",
                purpose=summary,
                at=now,
            )
        return result

    def last_check(self) -> LastCheck | None:
        """The outcome of the newest `verify`, if one was ever run."""
        stored = self._stored()
        at, events = stored.get("at"), stored.get("events")
        if not isinstance(at, str):
            return None
        return LastCheck(
            at=at,
            ok=stored.get("ok") is True,
            events=events if isinstance(events, int) else 0,
            broken=_broken_from(stored.get("broken")),
        )

    def _stored(self) -> dict[str, object]:
        """The remembered check; empty if none was run (or the row was edited by hand)."""
        row = self.ctx.db.execute(
            "SELECT value FROM setting WHERE key = ? AND deleted_at IS NULL", [LAST_CHECK_KEY]
        ).fetchone()
        try:
            stored: object = json.loads(row[0]) if row is not None else {}
        except ValueError:
            return {}
        return cast(dict[str, object], stored) if isinstance(stored, dict) else {}

    def _anchor(self) -> tuple[int, str] | None:
        """Where the newest good check ended: its last event's seq and hash."""
        anchor = self._stored().get("anchor")
        if isinstance(anchor, list):
            pair = cast(list[object], anchor)
            if len(pair) == 2 and isinstance(pair[0], int) and isinstance(pair[1], str):
                return pair[0], pair[1]
        return None

    # Reading a range for the data-protection officer ----------------------------------

    def rows_between(self, first_day: date, last_day: date) -> list[tuple[object, ...]]:
        """The events of the local days [first_day, last_day] in chain order, each as
        `EXPORT_COLUMNS` values followed by the acting staff member's username."""
        start, _ = local_day_bounds(first_day)
        _, end = local_day_bounds(last_day)
        columns = ", ".join(f"e.{column}" for column in EXPORT_COLUMNS)
        rows = self.ctx.db.execute(
            f"SELECT {columns}, s.username FROM audit_event e"
            " LEFT JOIN staff s ON s.id = e.staff_id"
            " WHERE e.at >= ? AND e.at < ? ORDER BY e.seq, e.at, e.rowid",
            [start, end],
        )
        return [tuple(row) for row in rows.fetchall()]
