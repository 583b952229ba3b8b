"""Migration 0002: the walk-in desk: settings, visit reasons, visits, their events and feedback."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

import uuid

from sqlite_utils import Database

from store.core.migrations.registry import migrations
from store.core.schema import COMMON, run

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
    run(
        db,
        f"""CREATE TABLE setting (
            id TEXT PRIMARY KEY NOT NULL,
            key TEXT NOT NULL UNIQUE,
            value TEXT NOT NULL,
            {COMMON}
        )""",
        f"""CREATE TABLE visit_reason (
            id TEXT PRIMARY KEY NOT NULL,
            code TEXT NOT NULL UNIQUE,
            label_fi TEXT NOT NULL,
            label_sv TEXT NOT NULL,
            label_en TEXT NOT NULL,
            sort_order INTEGER NOT NULL,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            {COMMON}
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
            {COMMON},
            UNIQUE (site_id, visit_date, ticket_number)
        )""",
        "CREATE INDEX visit_site_state ON visit(site_id, state, visit_date)",
        "CREATE INDEX visit_client ON visit(client_id)",
        f"""CREATE TABLE visit_reason_link (
            id TEXT PRIMARY KEY NOT NULL,
            visit_id TEXT NOT NULL REFERENCES visit(id),
            reason_id TEXT NOT NULL REFERENCES visit_reason(id),
            {COMMON},
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
            {COMMON}
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
            {COMMON}
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
