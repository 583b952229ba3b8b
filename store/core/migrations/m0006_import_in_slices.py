"""Migration 0006: imports written in slices no one sees until the last."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

from sqlite_utils import Database

from store.core.migrations.registry import migrations
from store.core.schema import run


@migrations(name="0006_import_in_slices")
def m0006_import_in_slices(db: Database) -> None:
    # A client import writes its rows a slice at a time, each slice a short transaction,
    # as pending clients: deleted_at holds 'import:<id>', so no reader of living clients
    # sees them (store/clients/import_write.py). The search index takes them as they are
    # written, and making them living (deleted_at back to NULL) leaves it as it is: the
    # one transaction that ends an import then rewrites no index entries of the names.
    # import_id names the import that created a client, whose one access-log event stands
    # for every client it created.
    run(
        db,
        "ALTER TABLE client ADD COLUMN import_id TEXT",
        "CREATE INDEX audit_event_import ON audit_event(entity_id) WHERE entity = 'import'",
        "DROP TRIGGER client_fts_insert",
        "DROP TRIGGER client_fts_update",
        """CREATE TRIGGER client_fts_insert AFTER INSERT ON client
            WHEN new.deleted_at IS NULL OR new.deleted_at GLOB 'import:*' BEGIN
            INSERT INTO client_fts(rowid, client_id, first_name, last_name)
                VALUES (new.rowid, new.id, new.first_name, new.last_name);
        END""",
        """CREATE TRIGGER client_fts_update AFTER UPDATE OF first_name, last_name, deleted_at
            ON client WHEN NOT (
                old.deleted_at GLOB 'import:*' AND new.deleted_at IS NULL
                AND old.first_name IS new.first_name AND old.last_name IS new.last_name
            ) BEGIN
            DELETE FROM client_fts WHERE rowid = old.rowid;
            INSERT INTO client_fts(rowid, client_id, first_name, last_name)
                SELECT new.rowid, new.id, new.first_name, new.last_name
                WHERE new.deleted_at IS NULL OR new.deleted_at GLOB 'import:*';
        END""",
    )
