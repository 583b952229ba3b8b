"""Migration 0011's statements: laptops checked out from this register, their check-ins,
the conflicts a person resolves, merges of two records of one person, and on a laptop the
check-out it holds.

The office is the hub and laptops are spokes (store/sync). A laptop database carries one
`sync_laptop` row (which office, device and base it was cut from); an office database has
none, and one `sync_device` row per laptop it has checked out.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

import uuid

from sqlite_utils import Database

from store.core.schema import COMMON, run, sql_in

CONFLICT_KINDS = (
    "field",  # the same field changed on both sides to different values
    "edit_deleted",  # edited on the laptop, deleted at the office
    "deleted_edited",  # deleted on the laptop, edited at the office
    "same_hetu",  # a laptop's client has the HETU of another live client at the office
    "parent_deleted",  # a new laptop row refers to a row the office deleted
    "double_booking",  # a laptop's booking overlaps one at the office
    "office_owned",  # a laptop changed a table only the office changes (staff, catalogs)
    "rejected",  # the office's rules refused the laptop's row (a constraint)
)
RESOLUTIONS = ("office", "laptop", "merged", "person_merged")


def add_sync(db: Database) -> None:
    run(
        db,
        # Events a laptop logged, appended here at check-in: which laptop logged them.
        "ALTER TABLE audit_event ADD COLUMN device_id TEXT",
        # This register's identity: a bundle names the office it is for.
        f"""CREATE TABLE sync_office (
            id TEXT PRIMARY KEY NOT NULL,
            {COMMON}
        )""",
        f"""CREATE TABLE sync_device (
            id TEXT PRIMARY KEY NOT NULL,
            coach_id TEXT NOT NULL REFERENCES staff(id),
            label TEXT,
            bundle_key TEXT NOT NULL,
            base_id TEXT NOT NULL,
            checked_out_at TEXT NOT NULL,
            checked_out_by TEXT REFERENCES staff(id),
            window_from TEXT NOT NULL,
            window_to TEXT NOT NULL,
            last_checkin_at TEXT,
            revoked_at TEXT,
            revoked_by TEXT REFERENCES staff(id),
            revoke_reason TEXT,
            {COMMON}
        )""",
        "CREATE INDEX sync_device_coach ON sync_device(coach_id)",
        # One applied bundle; `changeset` is the laptop's changes as they came (SQLite's
        # session format), kept so a later bundle from the same base is applied only for
        # what is new in it, and so nothing a laptop sent is ever lost.
        f"""CREATE TABLE sync_checkin (
            id TEXT PRIMARY KEY NOT NULL,
            device_id TEXT NOT NULL REFERENCES sync_device(id),
            base_id TEXT NOT NULL,
            packed_at TEXT NOT NULL,
            applied_at TEXT NOT NULL,
            applied_by TEXT REFERENCES staff(id),
            changeset BLOB NOT NULL,
            summary TEXT NOT NULL,
            {COMMON}
        )""",
        "CREATE INDEX sync_checkin_device ON sync_checkin(device_id, base_id, applied_at)",
        # Values are JSON text (a value of any column type, or null); laptop_row holds the
        # laptop's whole row where the office kept none of it (a row refused or not found).
        # No references to the device and check-in: a laptop's check-out carries the
        # conflicts of its own device (how each was resolved) without those rows.
        f"""CREATE TABLE sync_conflict (
            id TEXT PRIMARY KEY NOT NULL,
            device_id TEXT NOT NULL,
            checkin_id TEXT NOT NULL,
            table_name TEXT NOT NULL,
            row_id TEXT NOT NULL,
            column_name TEXT,
            kind TEXT NOT NULL CHECK (kind IN ({sql_in(CONFLICT_KINDS)})),
            base_value TEXT,
            office_value TEXT,
            laptop_value TEXT,
            laptop_row TEXT,
            other_row_id TEXT,
            client_id TEXT,
            detected_at TEXT NOT NULL,
            resolution TEXT CHECK (resolution IS NULL OR resolution IN ({sql_in(RESOLUTIONS)})),
            resolved_value TEXT,
            resolved_by TEXT REFERENCES staff(id),
            resolved_at TEXT,
            {COMMON}
        )""",
        "CREATE INDEX sync_conflict_open ON sync_conflict(resolved_at, detected_at)",
        "CREATE INDEX sync_conflict_client ON sync_conflict(client_id)",
        "CREATE INDEX sync_conflict_row ON sync_conflict(table_name, row_id)",
        # Two records of one person merged into one: `moved` lists every row that was
        # repointed (JSON [[table, row id, column], …]) so the merge can be undone.
        f"""CREATE TABLE person_merge (
            id TEXT PRIMARY KEY NOT NULL,
            kept_client_id TEXT NOT NULL REFERENCES client(id),
            merged_client_id TEXT NOT NULL REFERENCES client(id),
            moved TEXT NOT NULL,
            kept_before TEXT NOT NULL,
            conflict_id TEXT REFERENCES sync_conflict(id),
            merged_by TEXT REFERENCES staff(id),
            merged_at TEXT NOT NULL,
            undone_by TEXT REFERENCES staff(id),
            undone_at TEXT,
            {COMMON}
        )""",
        # On a laptop only: the check-out it holds.
        f"""CREATE TABLE sync_laptop (
            id TEXT PRIMARY KEY NOT NULL,
            office_id TEXT NOT NULL,
            coach_id TEXT NOT NULL REFERENCES staff(id),
            base_id TEXT NOT NULL,
            bundle_key TEXT NOT NULL,
            cut_at TEXT NOT NULL,
            window_from TEXT NOT NULL,
            window_to TEXT NOT NULL,
            packed_at TEXT,
            packed_hash TEXT,
            packed_audit_seq INTEGER,
            -- the newest pack of this laptop the office had checked in when it cut this
            -- check-out (the laptop's own clock, as packed_at): a check-out older than the
            -- laptop's last pack must not replace it (that pack's changes would be lost)
            checked_in_through TEXT,
            {COMMON}
        )""",
    )
    db.execute(
        "INSERT INTO sync_office (id, created_at, updated_at)"
        " VALUES (?, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ'))",
        [str(uuid.uuid4())],
    )
