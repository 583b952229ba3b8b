"""Numbered schema migrations; an applied migration is never edited, only followed by a new one."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "luotsi"
migrations = Migrations(MIGRATION_SET)

# Columns every table carries (conventions: UUID text key, times in ISO 8601 UTC,
# soft delete so other devices can learn about a deletion).
_COMMON = """
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT,
    deleted_at TEXT
"""


def _run(db: Database, *statements: str) -> None:
    # One statement at a time: executescript() would commit the migration's transaction.
    for statement in statements:
        db.execute(statement)


@migrations(name="0001_register")
def m0001_register(db: Database) -> None:
    _run(
        db,
        f"""CREATE TABLE site (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            municipality TEXT NOT NULL,
            employment_area TEXT NOT NULL,
            {_COMMON}
        )""",
        f"""CREATE TABLE staff (
            id TEXT PRIMARY KEY NOT NULL,
            username TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('reception', 'coach', 'admin')),
            site_id TEXT REFERENCES site(id),
            password_hash TEXT NOT NULL,
            language TEXT NOT NULL DEFAULT 'fi' CHECK (language IN ('fi', 'sv', 'en')),
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            {_COMMON}
        )""",
        f"""CREATE TABLE client (
            id TEXT PRIMARY KEY NOT NULL,
            hetu TEXT CHECK (hetu IS NULL OR (length(hetu) = 11 AND hetu = upper(hetu))),
            first_name TEXT NOT NULL,
            last_name TEXT NOT NULL,
            birth_date TEXT NOT NULL,
            phone TEXT,
            email TEXT,
            service_language TEXT NOT NULL DEFAULT 'fi'
                CHECK (service_language IN ('fi', 'sv', 'en', 'other')),
            mother_tongue TEXT,
            municipality TEXT,
            coach_id TEXT REFERENCES staff(id),
            jobseeker_since TEXT,
            unemployed_since TEXT,
            consent_notes TEXT,
            {_COMMON}
        )""",
        # A HETU is unique among living clients; a soft-deleted tombstone keeps its code.
        """CREATE UNIQUE INDEX client_hetu ON client(hetu)
            WHERE hetu IS NOT NULL AND deleted_at IS NULL""",
        "CREATE INDEX client_birth_date ON client(birth_date)",
        "CREATE INDEX client_phone ON client(phone) WHERE phone IS NOT NULL",
        "CREATE INDEX client_coach ON client(coach_id)",
        "CREATE INDEX client_created ON client(created_at)",
        # Name search: unicode61 folds å/ä/ö so "maki" and "mäki" both find Mäkinen.
        # Its rowid mirrors client.rowid so the triggers can find a row without a scan;
        # client_id is kept too so a search joins on the stable UUID.
        """CREATE VIRTUAL TABLE client_fts USING fts5(
            client_id UNINDEXED, first_name, last_name,
            prefix = '1 2 3', tokenize = 'unicode61 remove_diacritics 2'
        )""",
        """CREATE TRIGGER client_fts_insert AFTER INSERT ON client
            WHEN new.deleted_at IS NULL BEGIN
            INSERT INTO client_fts(rowid, client_id, first_name, last_name)
                VALUES (new.rowid, new.id, new.first_name, new.last_name);
        END""",
        """CREATE TRIGGER client_fts_update AFTER UPDATE OF first_name, last_name, deleted_at
            ON client BEGIN
            DELETE FROM client_fts WHERE rowid = old.rowid;
            INSERT INTO client_fts(rowid, client_id, first_name, last_name)
                SELECT new.rowid, new.id, new.first_name, new.last_name
                WHERE new.deleted_at IS NULL;
        END""",
        """CREATE TRIGGER client_fts_delete AFTER DELETE ON client BEGIN
            DELETE FROM client_fts WHERE rowid = old.rowid;
        END""",
        f"""CREATE TABLE audit_event (
            id TEXT PRIMARY KEY NOT NULL,
            at TEXT NOT NULL,
            staff_id TEXT REFERENCES staff(id),
            action TEXT NOT NULL CHECK (action IN
                ('view', 'create', 'update', 'delete', 'export', 'login', 'failed_login')),
            entity TEXT NOT NULL,
            entity_id TEXT,
            client_id TEXT REFERENCES client(id),
            purpose TEXT,
            {_COMMON}
        )""",
        "CREATE INDEX audit_event_client ON audit_event(client_id, at)",
        "CREATE INDEX audit_event_staff ON audit_event(staff_id, at)",
        # The access log (Information Management Act 906/2019 § 17) is append-only.
        """CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event BEGIN
            SELECT RAISE(ABORT, 'audit_event is append-only');
        END""",
        """CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event BEGIN
            SELECT RAISE(ABORT, 'audit_event is append-only');
        END""",
    )


def migration_names() -> list[str]:
    """The names of every migration this version knows, in order."""
    return [migration.name for migration in migrations.pending(Database(memory=True))]
