"""Migration 0007: the service path, its catalog, providers and history."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

import uuid

from sqlite_utils import Database

from store.core.migrations.registry import migrations
from store.core.schema import COMMON, run
from store.core.service_catalog import RULES, SERVICES


@migrations(name="0007_service_path")
def m0007_service_path(db: Database) -> None:
    # The service path (domain guide §4): a catalog of services with their limits as dated
    # rule rows, the providers that offer them, each client's path of steps, and the
    # path's history. Seeded from store/core/service_catalog.py.
    run(
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
            {COMMON}
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
            {COMMON},
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
            {COMMON}
        )""",
        f"""CREATE TABLE provider_service (
            id TEXT PRIMARY KEY NOT NULL,
            provider_id TEXT NOT NULL REFERENCES provider(id),
            service_id TEXT NOT NULL REFERENCES service(id),
            {COMMON},
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
            {COMMON},
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
            {COMMON}
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
            {COMMON},
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
            {COMMON}
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
