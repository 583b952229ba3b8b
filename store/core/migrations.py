"""Numbered schema migrations; an applied migration is never edited, only followed by a new one."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

import uuid

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from store.core.audit_chain import CHAINED_COLUMNS, GENESIS, event_hash
from store.core.schema import COMMON as _COMMON
from store.core.schema import run as _run
from store.core.schema_kompassi import create_kompassi
from store.core.service_catalog import RULES, SERVICES

MIGRATION_SET = "luotsi"
migrations = Migrations(MIGRATION_SET)


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
        # Prefix indexes up to 8 letters: a longer prefix without one makes FTS5 merge
        # every matching word's list before the first row (3.5 ms p95 at 1M clients).
        # Its rowid mirrors client.rowid so the triggers and the search find a row
        # without another index; client_id is kept so a search can check it still matches.
        """CREATE VIRTUAL TABLE client_fts USING fts5(
            client_id UNINDEXED, first_name, last_name,
            prefix = '1 2 3 4 5 6 7 8', tokenize = 'unicode61 remove_diacritics 2'
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


# Reasons for a walk-in visit (domain guide §5); number keys follow sort_order. Their ids
# are derived from the code so every device that runs this migration agrees on them.
DEFAULT_VISIT_REASONS = (
    ("job_search", "Työnhaun neuvonta", "Rådgivning i jobbsökning", "Job-search advice"),
    ("cv", "CV ja hakemukset", "CV och ansökningar", "CV and applications"),
    (
        "register",
        "Työnhakijaksi ilmoittautuminen",
        "Anmälan som arbetssökande",
        "Registering as a jobseeker",
    ),
    ("benefits", "Etuuskysymykset", "Frågor om förmåner", "Benefit questions"),
    ("own_coach", "Oman valmentajan tapaaminen", "Träff med egen coach", "Meeting own coach"),
    (
        "training",
        "Koulutus ja opiskelu",
        "Utbildning och studier",
        "Training and education information",
    ),
    (
        "trial_subsidy",
        "Työkokeilu tai palkkatuki",
        "Arbetsprövning eller lönesubvention",
        "Work trial or pay subsidy",
    ),
    ("kompassi", "Kompassi-arviointi", "Kompassi-bedömning", "Kompassi self-assessment"),
    ("other", "Muu asia", "Annat ärende", "Other"),
)


@migrations(name="0002_walk_in")
def m0002_walk_in(db: Database) -> None:
    _run(
        db,
        f"""CREATE TABLE setting (
            id TEXT PRIMARY KEY NOT NULL,
            key TEXT NOT NULL UNIQUE,
            value TEXT NOT NULL,
            {_COMMON}
        )""",
        f"""CREATE TABLE visit_reason (
            id TEXT PRIMARY KEY NOT NULL,
            code TEXT NOT NULL UNIQUE,
            label_fi TEXT NOT NULL,
            label_sv TEXT NOT NULL,
            label_en TEXT NOT NULL,
            sort_order INTEGER NOT NULL,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            {_COMMON}
        )""",
        f"""CREATE TABLE visit (
            id TEXT PRIMARY KEY NOT NULL,
            site_id TEXT NOT NULL REFERENCES site(id),
            visit_date TEXT NOT NULL,
            ticket_number INTEGER NOT NULL CHECK (ticket_number > 0),
            ticket TEXT NOT NULL,
            client_id TEXT REFERENCES client(id),
            channel TEXT NOT NULL DEFAULT 'walk_in'
                CHECK (channel IN ('walk_in', 'appointment', 'phone', 'remote')),
            booked_for TEXT,
            appointment_id TEXT,
            state TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN
                ('waiting', 'called', 'serving', 'done', 'left', 'transferred', 'on_hold')),
            wants_own_coach INTEGER NOT NULL DEFAULT 0 CHECK (wants_own_coach IN (0, 1)),
            arrived_at TEXT NOT NULL,
            called_at TEXT,
            called_by TEXT REFERENCES staff(id),
            desk TEXT,
            finished_at TEXT,
            served_by TEXT REFERENCES staff(id),
            assigned_to TEXT REFERENCES staff(id),
            process_step TEXT NOT NULL DEFAULT 'none' CHECK (process_step IN
                ('none', 'initial_interview', 'job_search_discussion',
                 'supplementary_discussion')),
            outcome TEXT CHECK (outcome IS NULL OR outcome IN
                ('resolved', 'referred', 'appointment_booked', 'left_without_service')),
            {_COMMON},
            UNIQUE (site_id, visit_date, ticket_number)
        )""",
        "CREATE INDEX visit_site_state ON visit(site_id, state, visit_date)",
        "CREATE INDEX visit_client ON visit(client_id)",
        f"""CREATE TABLE visit_reason_link (
            id TEXT PRIMARY KEY NOT NULL,
            visit_id TEXT NOT NULL REFERENCES visit(id),
            reason_id TEXT NOT NULL REFERENCES visit_reason(id),
            {_COMMON},
            UNIQUE (visit_id, reason_id)
        )""",
        # Every state change, so waiting and service times can be recomputed later.
        f"""CREATE TABLE visit_event (
            id TEXT PRIMARY KEY NOT NULL,
            visit_id TEXT NOT NULL REFERENCES visit(id),
            at TEXT NOT NULL,
            staff_id TEXT REFERENCES staff(id),
            from_state TEXT,
            to_state TEXT NOT NULL,
            to_staff_id TEXT REFERENCES staff(id),
            {_COMMON}
        )""",
        "CREATE INDEX visit_event_visit ON visit_event(visit_id, at)",
        """CREATE TRIGGER visit_event_no_update BEFORE UPDATE ON visit_event BEGIN
            SELECT RAISE(ABORT, 'visit_event is append-only');
        END""",
        """CREATE TRIGGER visit_event_no_delete BEFORE DELETE ON visit_event BEGIN
            SELECT RAISE(ABORT, 'visit_event is append-only');
        END""",
        # Anonymous by design: no client, no visit, and times only to the day. WITHOUT
        # ROWID keeps rows in the order of their random ids, so the order answers were
        # given in cannot be matched to the order visits finished.
        f"""CREATE TABLE feedback (
            id TEXT PRIMARY KEY NOT NULL,
            site_id TEXT NOT NULL REFERENCES site(id),
            visit_date TEXT NOT NULL,
            channel TEXT NOT NULL,
            reason_codes TEXT NOT NULL,
            score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
            {_COMMON}
        ) WITHOUT ROWID""",
        "CREATE INDEX feedback_site_date ON feedback(site_id, visit_date)",
    )
    stamp = "2026-01-01T00:00:00.000Z"
    for order, (code, label_fi, label_sv, label_en) in enumerate(DEFAULT_VISIT_REASONS, 1):
        reason_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"luotsi:visit_reason:{code}"))
        db.execute(
            "INSERT INTO visit_reason (id, code, label_fi, label_sv, label_en, sort_order,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [reason_id, code, label_fi, label_sv, label_en, order, stamp, stamp],
        )


@migrations(name="0003_linked_feedback")
def m0003_linked_feedback(db: Database) -> None:
    # Only filled while the setting feedback.link_to_visit is on; the anonymous
    # `feedback` row is written either way, so NPS always counts every answer once.
    _run(
        db,
        "ALTER TABLE visit ADD COLUMN feedback_score INTEGER"
        " CHECK (feedback_score BETWEEN 0 AND 10)",
    )


@migrations(name="0004_login_throttle")
def m0004_login_throttle(db: Database) -> None:
    # Failed logins per typed username, for the lockout: the name is kept only as a slow
    # hash, so neither an unknown name nor a password typed into the name field is stored.
    _run(
        db,
        f"""CREATE TABLE login_throttle (
            id TEXT PRIMARY KEY NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            failures INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            {_COMMON}
        )""",
    )


@migrations(name="0005_audit_chain")
def m0005_audit_chain(db: Database) -> None:
    # The access log becomes a hash chain (store/core/audit_chain.py): every event carries
    # its place (seq), the previous event's hash and its own. The events already logged are
    # chained in the order they happened.
    _run(
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
    _run(
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


@migrations(name="0006_import_in_slices")
def m0006_import_in_slices(db: Database) -> None:
    # A client import writes its rows a slice at a time, each slice a short transaction,
    # as pending clients: deleted_at holds 'import:<id>', so no reader of living clients
    # sees them (store/clients/import_write.py). The search index takes them as they are
    # written, and making them living (deleted_at back to NULL) leaves it as it is: the
    # one transaction that ends an import then rewrites no index entries of the names.
    # import_id names the import that created a client, whose one access-log event stands
    # for every client it created.
    _run(
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


@migrations(name="0007_service_path")
def m0007_service_path(db: Database) -> None:
    # The service path (domain guide §4): a catalog of services with their limits as dated
    # rule rows, the providers that offer them, each client's path of steps, and the
    # path's history. Seeded from store/core/service_catalog.py.
    _run(
        db,
        f"""CREATE TABLE service (
            id TEXT PRIMARY KEY NOT NULL,
            code TEXT NOT NULL UNIQUE,
            category TEXT NOT NULL,
            name_fi TEXT NOT NULL,
            name_sv TEXT NOT NULL,
            name_en TEXT NOT NULL,
            sort_order INTEGER NOT NULL,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            {_COMMON}
        )""",
        # A law change is a new row with its own effective date; a step is checked against
        # the newest row of each kind in force on its start.
        f"""CREATE TABLE service_rule (
            id TEXT PRIMARY KEY NOT NULL,
            service_id TEXT NOT NULL REFERENCES service(id),
            kind TEXT NOT NULL,
            value TEXT NOT NULL,
            effective_from TEXT NOT NULL,
            source TEXT NOT NULL,
            {_COMMON},
            UNIQUE (service_id, kind, effective_from)
        )""",
        f"""CREATE TABLE provider (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            business_id TEXT NOT NULL UNIQUE,
            sector TEXT NOT NULL DEFAULT 'company'
                CHECK (sector IN ('company', 'municipality', 'third_sector', 'public')),
            municipality TEXT,
            active_from TEXT NOT NULL,
            active_to TEXT,
            {_COMMON}
        )""",
        f"""CREATE TABLE provider_service (
            id TEXT PRIMARY KEY NOT NULL,
            provider_id TEXT NOT NULL REFERENCES provider(id),
            service_id TEXT NOT NULL REFERENCES service(id),
            {_COMMON},
            UNIQUE (provider_id, service_id)
        )""",
        # A client has at most one open path; an ended one keeps its outcome.
        f"""CREATE TABLE service_path (
            id TEXT PRIMARY KEY NOT NULL,
            client_id TEXT NOT NULL REFERENCES client(id),
            coach_id TEXT REFERENCES staff(id),
            goal TEXT,
            work_search_obligation INTEGER NOT NULL DEFAULT 4
                CHECK (work_search_obligation BETWEEN 0 AND 4),
            next_review TEXT,
            ended_on TEXT,
            outcome TEXT CHECK (outcome IS NULL OR outcome IN ('employed', 'self_employed',
                'studies', 'other_service', 'left_register', 'unknown')),
            employer_sector TEXT CHECK (employer_sector IS NULL
                OR employer_sector IN ('company', 'municipality', 'third_sector')),
            employment_type TEXT CHECK (employment_type IS NULL
                OR employment_type IN ('permanent', 'fixed_term')),
            with_pay_subsidy INTEGER CHECK (with_pay_subsidy IS NULL OR with_pay_subsidy IN (0, 1)),
            {_COMMON},
            CHECK ((ended_on IS NULL) = (outcome IS NULL))
        )""",
        """CREATE UNIQUE INDEX service_path_open ON service_path(client_id)
            WHERE ended_on IS NULL AND deleted_at IS NULL""",
        "CREATE INDEX service_path_client ON service_path(client_id)",
        "CREATE INDEX service_path_ended ON service_path(ended_on) WHERE ended_on IS NOT NULL",
        # A cancelled step stays (status 'cancelled'); deleted_at is for sync's tombstones.
        f"""CREATE TABLE path_step (
            id TEXT PRIMARY KEY NOT NULL,
            path_id TEXT NOT NULL REFERENCES service_path(id),
            position INTEGER NOT NULL,
            service_id TEXT NOT NULL REFERENCES service(id),
            provider_id TEXT REFERENCES provider(id),
            organiser TEXT,
            planned_start TEXT NOT NULL,
            planned_end TEXT,
            actual_start TEXT,
            actual_end TEXT,
            status TEXT NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned', 'active', 'done', 'interrupted', 'cancelled')),
            goal TEXT,
            days_per_week INTEGER CHECK (days_per_week IS NULL OR days_per_week BETWEEN 1 AND 7),
            hours_per_day REAL CHECK (hours_per_day IS NULL
                OR (hours_per_day > 0 AND hours_per_day <= 24)),
            subsidy_percent INTEGER CHECK (subsidy_percent IS NULL
                OR subsidy_percent BETWEEN 1 AND 100),
            {_COMMON}
        )""",
        "CREATE INDEX path_step_path ON path_step(path_id, position)",
        "CREATE INDEX path_step_due ON path_step(status, planned_end)",
        # A rule warning the coach has seen and let stand: who and when.
        f"""CREATE TABLE rule_acknowledgement (
            id TEXT PRIMARY KEY NOT NULL,
            step_id TEXT NOT NULL REFERENCES path_step(id),
            warning TEXT NOT NULL,
            acknowledged_by TEXT NOT NULL REFERENCES staff(id),
            acknowledged_at TEXT NOT NULL,
            {_COMMON},
            UNIQUE (step_id, warning)
        )""",
        # Every change of a path or a step: who, when, what (JSON {field: [old, new]}).
        f"""CREATE TABLE path_event (
            id TEXT PRIMARY KEY NOT NULL,
            path_id TEXT NOT NULL REFERENCES service_path(id),
            step_id TEXT REFERENCES path_step(id),
            at TEXT NOT NULL,
            staff_id TEXT REFERENCES staff(id),
            action TEXT NOT NULL,
            changes TEXT NOT NULL DEFAULT '{{}}',
            {_COMMON}
        )""",
        "CREATE INDEX path_event_path ON path_event(path_id, at)",
        """CREATE TRIGGER path_event_no_update BEFORE UPDATE ON path_event BEGIN
            SELECT RAISE(ABORT, 'path_event is append-only');
        END""",
        """CREATE TRIGGER path_event_no_delete BEFORE DELETE ON path_event BEGIN
            SELECT RAISE(ABORT, 'path_event is append-only');
        END""",
    )
    stamp = "2026-01-01T00:00:00.000Z"
    service_ids: dict[str, str] = {}
    for order, (code, category, name_fi, name_sv, name_en) in enumerate(SERVICES, 1):
        service_ids[code] = str(uuid.uuid5(uuid.NAMESPACE_URL, f"luotsi:service:{code}"))
        db.execute(
            "INSERT INTO service (id, code, category, name_fi, name_sv, name_en, sort_order,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [service_ids[code], code, category, name_fi, name_sv, name_en, order, stamp, stamp],
        )
    for code, kind, value, effective_from, source in RULES:
        rule_id = uuid.uuid5(
            uuid.NAMESPACE_URL, f"luotsi:service_rule:{code}:{kind}:{effective_from}"
        )
        db.execute(
            "INSERT INTO service_rule (id, service_id, kind, value, effective_from, source,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [str(rule_id), service_ids[code], kind, value, effective_from, source, stamp, stamp],
        )


migrations(name="0008_kompassi")(create_kompassi)
