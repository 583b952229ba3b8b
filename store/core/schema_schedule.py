"""Migration 0010's statements: appointments, absences, rooms, working hours, group
sessions with their seats, and the client-process deadlines as dated rule rows.

Times are stored as ISO 8601 UTC text (`store.core.clock.to_iso`), so overlaps are text
comparisons on indexed columns. A law change to a deadline is a new `process_rule` row
with its own effective date (domain guide §2: HE 108/2025 proposes changes).
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

import uuid

from sqlite_utils import Database

from store.core.schema import COMMON, run, sql_in

# The client process of the Nordic service model (in force since 2.5.2022), domain guide §2.
# (code, value, unit, effective from, source)
PROCESS_RULES: tuple[tuple[str, int, str, str, str], ...] = (
    ("initial_interview_within", 5, "working_days", "2022-05-02", "HE 167/2021"),
    ("job_search_interval_early", 2, "weeks", "2022-05-02", "HE 167/2021"),
    ("job_search_early_period", 3, "months", "2022-05-02", "HE 167/2021"),
    ("job_search_interval_later", 3, "months", "2022-05-02", "HE 167/2021"),
    ("supplementary_at", 6, "months", "2022-05-02", "HE 167/2021"),
    ("supplementary_count", 2, "count", "2022-05-02", "HE 167/2021"),
    ("supplementary_period", 1, "months", "2022-05-02", "HE 167/2021"),
)

APPOINTMENT_KINDS = (
    "initial_interview",
    "job_search",
    "supplementary",
    "coaching",
    "kompassi_follow_up",
    "other",
)
CHANNELS = ("in_person", "phone", "video")
APPOINTMENT_STATES = ("booked", "arrived", "done", "no_show", "cancelled")
ABSENCE_KINDS = ("leave", "sick", "training", "blocked")
SEAT_STATES = ("booked", "waiting", "attended", "no_show", "cancelled")


def add_scheduling(db: Database) -> None:
    run(
        db,
        # A coach's team: "coaches book for themselves and their team".
        "ALTER TABLE staff ADD COLUMN team TEXT",
        f"""CREATE TABLE room (
            id TEXT PRIMARY KEY NOT NULL,
            site_id TEXT NOT NULL REFERENCES site(id),
            name TEXT NOT NULL,
            capacity INTEGER CHECK (capacity IS NULL OR capacity > 0),
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            {COMMON}
        )""",
        "CREATE UNIQUE INDEX room_name ON room(site_id, name) WHERE deleted_at IS NULL",
        # A coach's working hours per ISO weekday (1 = Monday); a weekday with no row has
        # the default (8–16 Monday to Friday, none at the weekend); starts = ends: not at work.
        f"""CREATE TABLE working_hours (
            id TEXT PRIMARY KEY NOT NULL,
            staff_id TEXT NOT NULL REFERENCES staff(id),
            weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
            starts TEXT NOT NULL CHECK (starts GLOB '[0-2][0-9]:[0-5][0-9]'),
            ends TEXT NOT NULL CHECK (ends GLOB '[0-2][0-9]:[0-5][0-9]' AND ends >= starts),
            {COMMON}
        )""",
        "CREATE UNIQUE INDEX working_hours_day ON working_hours(staff_id, weekday)",
        f"""CREATE TABLE absence (
            id TEXT PRIMARY KEY NOT NULL,
            staff_id TEXT NOT NULL REFERENCES staff(id),
            kind TEXT NOT NULL CHECK (kind IN ({sql_in(ABSENCE_KINDS)})),
            starts_at TEXT NOT NULL,
            ends_at TEXT NOT NULL CHECK (ends_at > starts_at),
            note TEXT,
            {COMMON}
        )""",
        "CREATE INDEX absence_staff ON absence(staff_id, starts_at)",
        f"""CREATE TABLE appointment (
            id TEXT PRIMARY KEY NOT NULL,
            coach_id TEXT NOT NULL REFERENCES staff(id),
            client_id TEXT NOT NULL REFERENCES client(id),
            kind TEXT NOT NULL CHECK (kind IN ({sql_in(APPOINTMENT_KINDS)})),
            channel TEXT NOT NULL DEFAULT 'in_person' CHECK (channel IN ({sql_in(CHANNELS)})),
            starts_at TEXT NOT NULL,
            ends_at TEXT NOT NULL CHECK (ends_at > starts_at),
            site_id TEXT REFERENCES site(id),
            room_id TEXT REFERENCES room(id),
            status TEXT NOT NULL DEFAULT 'booked' CHECK (status IN ({sql_in(APPOINTMENT_STATES)})),
            cancel_reason TEXT CHECK (cancel_reason IS NULL
                OR cancel_reason IN ('by_client', 'by_coach')),
            cancel_note TEXT,
            series_id TEXT,
            series_index INTEGER,
            -- The coach's own notes: only coaches see them.
            note TEXT,
            -- The walk-in visit the client was checked in as.
            visit_id TEXT REFERENCES visit(id),
            booked_by TEXT REFERENCES staff(id),
            {COMMON}
        )""",
        "CREATE INDEX appointment_coach ON appointment(coach_id, starts_at)",
        "CREATE INDEX appointment_client ON appointment(client_id, starts_at)",
        "CREATE INDEX appointment_room ON appointment(room_id, starts_at)"
        " WHERE room_id IS NOT NULL",
        "CREATE INDEX appointment_day ON appointment(starts_at)",
        "CREATE INDEX appointment_series ON appointment(series_id) WHERE series_id IS NOT NULL",
        # Moving, a change of state or a cancellation: the appointment's history.
        f"""CREATE TABLE appointment_change (
            id TEXT PRIMARY KEY NOT NULL,
            appointment_id TEXT NOT NULL REFERENCES appointment(id),
            at TEXT NOT NULL,
            staff_id TEXT REFERENCES staff(id),
            change TEXT NOT NULL CHECK (change IN ('booked', 'moved', 'status', 'edited')),
            from_starts_at TEXT,
            from_ends_at TEXT,
            to_starts_at TEXT,
            to_ends_at TEXT,
            from_status TEXT,
            to_status TEXT,
            {COMMON}
        )""",
        "CREATE INDEX appointment_change_of ON appointment_change(appointment_id, at)",
        f"""CREATE TABLE group_session (
            id TEXT PRIMARY KEY NOT NULL,
            title TEXT NOT NULL,
            host_id TEXT REFERENCES staff(id),
            site_id TEXT REFERENCES site(id),
            room_id TEXT REFERENCES room(id),
            starts_at TEXT NOT NULL,
            ends_at TEXT NOT NULL CHECK (ends_at > starts_at),
            capacity INTEGER NOT NULL CHECK (capacity > 0),
            cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
            note TEXT,
            {COMMON}
        )""",
        "CREATE INDEX group_session_time ON group_session(starts_at)",
        "CREATE INDEX group_session_host ON group_session(host_id, starts_at)",
        # A seat, or a place on the waiting list (in `queued_at` order); a waiting person
        # moved up when someone cancels is listed for a call until `called_at` is set.
        f"""CREATE TABLE group_seat (
            id TEXT PRIMARY KEY NOT NULL,
            session_id TEXT NOT NULL REFERENCES group_session(id),
            client_id TEXT NOT NULL REFERENCES client(id),
            state TEXT NOT NULL CHECK (state IN ({sql_in(SEAT_STATES)})),
            queued_at TEXT NOT NULL,
            moved_up_at TEXT,
            called_at TEXT,
            {COMMON}
        )""",
        "CREATE UNIQUE INDEX group_seat_once ON group_seat(session_id, client_id)"
        " WHERE state != 'cancelled'",
        "CREATE INDEX group_seat_client ON group_seat(client_id)",
        f"""CREATE TABLE process_rule (
            id TEXT PRIMARY KEY NOT NULL,
            code TEXT NOT NULL,
            value INTEGER NOT NULL,
            unit TEXT NOT NULL CHECK (unit IN ('working_days', 'days', 'weeks', 'months', 'count')),
            effective_from TEXT NOT NULL,
            source TEXT,
            {COMMON}
        )""",
        "CREATE UNIQUE INDEX process_rule_in_force ON process_rule(code, effective_from)",
    )
    stamp = "2022-05-02T00:00:00.000Z"
    for code, value, unit, effective, source in PROCESS_RULES:
        db.execute(
            "INSERT INTO process_rule (id, code, value, unit, effective_from, source,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [str(uuid.uuid4()), code, value, unit, effective, source, stamp, stamp],
        )
