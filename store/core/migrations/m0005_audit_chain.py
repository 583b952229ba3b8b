"""Migration 0005: the access log as a hash chain."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

from sqlite_utils import Database

from store.core.audit_chain import CHAINED_COLUMNS, GENESIS, event_hash
from store.core.migrations.registry import migrations
from store.core.schema import run


@migrations(name="0005_audit_chain")
def m0005_audit_chain(db: Database) -> None:
    # The access log becomes a hash chain (store/core/audit_chain.py): every event carries
    # its place (seq), the previous event's hash and its own. The events already logged are
    # chained in the order they happened.
    run(
        db,
        "DROP TRIGGER audit_event_no_update",
        "ALTER TABLE audit_event ADD COLUMN seq INTEGER",
        "ALTER TABLE audit_event ADD COLUMN prev_hash TEXT",
        "ALTER TABLE audit_event ADD COLUMN hash TEXT",
        "CREATE INDEX audit_event_at ON audit_event(at)",
    )
    columns = ", ".join(CHAINED_COLUMNS[1:])
    seq, prev_hash = 0, GENESIS
    last: tuple[str, int] = ("", -1)
    while True:
        # A page at a time, so a long log is chained in little memory.
        rows = db.execute(
            f"SELECT rowid, {columns} FROM audit_event WHERE (at, rowid) > (?, ?)"
            " ORDER BY at, rowid LIMIT 10000",
            list(last),
        ).fetchall()
        if not rows:
            break
        links: list[tuple[int, str, str, int]] = []
        for rowid, *fields in rows:
            seq += 1
            digest = event_hash(prev_hash, [seq, *fields])
            links.append((seq, prev_hash, digest, rowid))
            prev_hash = digest
        db.conn.executemany(
            "UPDATE audit_event SET seq = ?, prev_hash = ?, hash = ? WHERE rowid = ?", links
        )
        last = (rows[-1][2], rows[-1][0])
    run(
        db,
        "CREATE UNIQUE INDEX audit_event_seq ON audit_event(seq)",
        """CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event BEGIN
            SELECT RAISE(ABORT, 'audit_event is append-only');
        END""",
        # REPLACE removes a conflicting row without firing delete triggers: an event may
        # only be added, with a new id, as the next link of the chain.
        f"""CREATE TRIGGER audit_event_append_only BEFORE INSERT ON audit_event BEGIN
            SELECT RAISE(ABORT, 'audit_event is append-only')
                WHERE EXISTS (SELECT 1 FROM audit_event WHERE id = new.id);
            SELECT RAISE(ABORT, 'audit_event: append as the next link of the chain')
                WHERE new.hash IS NULL OR length(new.hash) != 64
                OR new.seq IS NOT (SELECT coalesce(max(seq), 0) + 1 FROM audit_event)
                OR new.prev_hash IS NOT coalesce(
                    (SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1), '{GENESIS}');
        END""",
    )
