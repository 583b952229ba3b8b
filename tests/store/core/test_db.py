"""Opening databases: migrations, pragmas, backups, and files Luotsi must refuse."""

from __future__ import annotations

import subprocess
import sys

import pytest

from store.api import Store
from store.core.db import NotADatabaseError, SchemaTooNewError, open_db
from store.core.migrations import migration_names
from tests.faults import UNLOCK_IN_CHILD, child_env, raw_connect

COMMON = ["created_at", "updated_at", "updated_by", "deleted_at"]
EXPECTED_COLUMNS = {
    "site": ["id", "name", "municipality", "employment_area", *COMMON],
    "staff": [
        "id",
        "username",
        "display_name",
        "role",
        "site_id",
        "password_hash",
        "language",
        "active",
        *COMMON,
        "team",
    ],
    "client": [
        "id",
        "hetu",
        "first_name",
        "last_name",
        "birth_date",
        "phone",
        "email",
        "service_language",
        "mother_tongue",
        "municipality",
        "coach_id",
        "jobseeker_since",
        "unemployed_since",
        "consent_notes",
        *COMMON,
        "import_id",
    ],
    "audit_event": [
        "id",
        "at",
        "staff_id",
        "action",
        "entity",
        "entity_id",
        "client_id",
        "purpose",
        *COMMON,
        "seq",
        "prev_hash",
        "hash",
        "device_id",
    ],
    "sync_office": ["id", *COMMON],
    "sync_device": [
        "id",
        "coach_id",
        "label",
        "bundle_key",
        "base_id",
        "checked_out_at",
        "checked_out_by",
        "window_from",
        "window_to",
        "last_checkin_at",
        "revoked_at",
        "revoked_by",
        "revoke_reason",
        *COMMON,
    ],
    "sync_laptop": [
        "id",
        "office_id",
        "coach_id",
        "base_id",
        "bundle_key",
        "cut_at",
        "window_from",
        "window_to",
        "packed_at",
        "packed_hash",
        "packed_audit_seq",
        "checked_in_through",
        *COMMON,
    ],
    "setting": ["id", "key", "value", *COMMON],
    "visit_reason": [
        "id",
        "code",
        "label_fi",
        "label_sv",
        "label_en",
        "sort_order",
        "active",
        *COMMON,
    ],
    "visit": [
        "id",
        "site_id",
        "visit_date",
        "ticket_number",
        "ticket",
        "client_id",
        "channel",
        "booked_for",
        "appointment_id",
        "state",
        "wants_own_coach",
        "arrived_at",
        "called_at",
        "called_by",
        "desk",
        "finished_at",
        "served_by",
        "assigned_to",
        "process_step",
        "outcome",
        *COMMON,
        "feedback_score",
    ],
    "visit_reason_link": ["id", "visit_id", "reason_id", *COMMON],
    "visit_event": [
        "id",
        "visit_id",
        "at",
        "staff_id",
        "from_state",
        "to_state",
        "to_staff_id",
        *COMMON,
    ],
    "feedback": [
        "id",
        "site_id",
        "visit_date",
        "channel",
        "reason_codes",
        "score",
        *COMMON,
    ],
}


def test_blank_database_gets_exactly_the_documented_tables_and_columns(tmp_path):
    db = open_db(tmp_path / "new.db")
    for table, columns in EXPECTED_COLUMNS.items():
        assert [c.name for c in db[table].columns] == columns, table
        assert db[table].pks == ["id"]
        assert db[table].columns_dict["id"] is str
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    # synchronous=NORMAL is 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 1


def test_no_table_of_ours_uses_an_integer_key(tmp_path):
    db = open_db(tmp_path / "new.db")
    for table in EXPECTED_COLUMNS:
        sql = db[table].schema.upper()
        assert "AUTOINCREMENT" not in sql
        assert "INTEGER PRIMARY KEY" not in sql


def test_reopening_applies_nothing_twice(tmp_path):
    path = tmp_path / "again.db"
    open_db(path).close()
    db = open_db(path)
    applied = db.execute("SELECT name FROM _sqlite_migrations").fetchall()
    assert [name for (name,) in applied] == migration_names()
    assert list(tmp_path.glob("*.bak*")) == []


def test_a_file_that_is_not_sqlite_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"just some text, not a database")
    with pytest.raises(NotADatabaseError):
        open_db(path)
    assert path.read_bytes() == b"just some text, not a database"


def test_someone_elses_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with raw_connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    before = path.read_bytes()
    with pytest.raises(NotADatabaseError):
        open_db(path)
    assert path.read_bytes() == before


def test_a_schema_from_a_newer_luotsi_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "future.db"
    db = open_db(path)
    db.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('luotsi', '9999_from_the_future', '2030-01-01')"
    )
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    before = path.read_bytes()
    with pytest.raises(SchemaTooNewError, match="newer version"):
        open_db(path)
    assert path.read_bytes() == before


def test_pending_migrations_back_the_file_up_first(tmp_path, monkeypatch):
    from store.core import migrations as migrations_module

    path = tmp_path / "old.db"
    db = open_db(path)
    db.execute(
        "INSERT INTO site (id, name, municipality, employment_area, created_at,"
        " updated_at) VALUES ('s1', 'Työpiste', 'Turku', 'VS', 'x', 'x')"
    )
    db.close()

    @migrations_module.migrations(name="9000_test_only_column")
    def add_column(db):
        db.execute("ALTER TABLE site ADD COLUMN test_only TEXT")

    try:
        migrated = open_db(path)
        assert "test_only" in migrated["site"].columns_dict
        [backup] = tmp_path.glob(f"old.db.v{len(migration_names()) - 1}.bak*")
        with raw_connect(backup, keys_of=path) as conn:
            assert conn.execute("SELECT name FROM site").fetchall() == [("Työpiste",)]
            columns = [row[1] for row in conn.execute("PRAGMA table_info(site)")]
            assert "test_only" not in columns
    finally:
        migrations_module.migrations._migrations.pop()


def test_preflight_tells_whether_the_app_can_start(tmp_path, world):
    from store.core.preflight import preflight

    assert preflight(world.path) is None
    assert preflight(tmp_path / "missing.db") == "no_staff"
    open_db(tmp_path / "empty.db").close()  # migrated, but nobody can log in
    assert preflight(tmp_path / "empty.db") == "no_staff"
    (tmp_path / "text.db").write_text("not a database")
    assert preflight(tmp_path / "text.db") == "not_a_database"
    with raw_connect(tmp_path / "other.db") as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    assert preflight(tmp_path / "other.db") == "not_luotsi"


_ANOTHER_PROCESS_READS = (
    UNLOCK_IN_CHILD
    + """
import sys
from tests.faults import raw_connect
conn = raw_connect(sys.argv[1])
conn.execute("SELECT count(*) FROM staff").fetchone()
conn.close()
"""
)


def test_opening_the_database_again_in_one_process_keeps_the_first_connections_safe(world):
    # The app opens a connection per thread worker while its own stays open; checking the
    # file's header with a plain open() and close() would drop this process's locks, and
    # another desk closing its connection would then delete the -wal under ours.
    events_before = len(world.store.audit.events())
    worker = Store.open(world.path, migrate=False)
    worker.close()
    subprocess.run(
        [sys.executable, "-c", _ANOTHER_PROCESS_READS, str(world.path)],
        check=True,
        env=child_env(world.path),
    )
    assert world.path.with_name(world.path.name + "-wal").exists()
    world.store.staff.log_in("valmentaja", "demo")
    assert len(world.store.audit.events()) == events_before + 1
    assert world.store.db.execute("PRAGMA quick_check").fetchone() == ("ok",)
