"""Which tables travel between the office and a laptop, in which direction, and which rows
of them a coach's check-out holds.

Every synced table has a UUID text key, `updated_at`/`updated_by` and `deleted_at`
(store/core/schema.py), which is what lets rows made on many devices merge.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

# Columns that never travel and are never compared: a laptop holds no one's password
# hash but its coach's own, and keeps that one to itself.
LOCAL_COLUMNS: Final[Mapping[str, frozenset[str]]] = {"staff": frozenset({"password_hash"})}

# Columns every row carries that say who changed it last; merged by time, never conflicts.
BOOKKEEPING: Final = frozenset({"created_at", "updated_at", "updated_by"})

# Appointments and group sessions from four weeks back to eight weeks ahead.
WINDOW_DAYS_BACK: Final = 28
WINDOW_DAYS_AHEAD: Final = 56

_ALL = "1"
# The coach's bookings and their clients' in the window; a booking travels with its client
# (one whose client the office deleted stays at the office).
_APPOINTMENTS = (
    "client_id IN (SELECT id FROM temp.scope_client)"
    " AND starts_at >= :window_from AND starts_at < :window_to"
)


@dataclass(frozen=True)
class Scope:
    """One synced table in a coach's check-out: which of its rows the check-out holds, as
    a WHERE clause over the table in schema `src`, with :coach, :window_from and
    :window_to (ISO UTC text) bound, and earlier tables' ids in `temp.scope_<table>`.

    `two_way`: both sides change it, and a laptop's changes are merged at check-in. The
    others are the office's: a laptop gets them, and a change a laptop makes to one is a
    conflict ("office_owned"), never applied by itself."""

    table: str
    where: str
    two_way: bool = False
    # The clause leaves rows out by their own values alone (no coach, window or other
    # table): a row a laptop makes outside it never travels (an audit setting).
    by_content: bool = False


_OFFICE = False
_BOTH = True

# Every synced table, parents before children (inserts go in this order, deletes in the
# reverse): each clause may read the scope tables of those before it.
SCOPES: Final = tuple(
    Scope(table, where, two_way, by_content=table == "setting")
    for table, where, two_way in (
        ("site", _ALL, _OFFICE),
        ("staff", _ALL, _OFFICE),
        ("room", _ALL, _OFFICE),
        ("setting", "key NOT LIKE 'audit.%'", _OFFICE),
        ("service", _ALL, _OFFICE),
        ("service_rule", _ALL, _OFFICE),
        ("process_rule", _ALL, _OFFICE),
        ("provider", _ALL, _BOTH),
        ("provider_service", _ALL, _BOTH),
        ("instrument", _ALL, _OFFICE),
        ("instrument_band", _ALL, _OFFICE),
        ("instrument_domain", _ALL, _OFFICE),
        ("kompassi_suggestion_rule", _ALL, _OFFICE),
        ("visit_reason", _ALL, _OFFICE),
        (
            "client",
            "deleted_at IS NULL AND (coach_id = :coach OR id IN (SELECT client_id FROM"
            " {src}.appointment WHERE coach_id = :coach AND starts_at >= :window_from"
            " AND starts_at < :window_to))",
            _BOTH,
        ),
        (
            "visit",
            "client_id IN (SELECT id FROM temp.scope_client) OR id IN (SELECT visit_id"
            " FROM {src}.appointment WHERE " + _APPOINTMENTS + ")",
            _OFFICE,
        ),
        ("visit_reason_link", "visit_id IN (SELECT id FROM temp.scope_visit)", _OFFICE),
        ("visit_event", "visit_id IN (SELECT id FROM temp.scope_visit)", _OFFICE),
        ("service_path", "client_id IN (SELECT id FROM temp.scope_client)", _BOTH),
        ("path_step", "path_id IN (SELECT id FROM temp.scope_service_path)", _BOTH),
        ("path_event", "path_id IN (SELECT id FROM temp.scope_service_path)", _BOTH),
        ("rule_acknowledgement", "step_id IN (SELECT id FROM temp.scope_path_step)", _BOTH),
        ("kompassi_reading", "client_id IN (SELECT id FROM temp.scope_client)", _BOTH),
        ("kompassi_answer", "reading_id IN (SELECT id FROM temp.scope_kompassi_reading)", _BOTH),
        (
            "kompassi_suggestion",
            "reading_id IN (SELECT id FROM temp.scope_kompassi_reading)",
            _BOTH,
        ),
        ("appointment", _APPOINTMENTS, _BOTH),
        ("appointment_change", "appointment_id IN (SELECT id FROM temp.scope_appointment)", _BOTH),
        ("group_session", "starts_at >= :window_from AND starts_at < :window_to", _OFFICE),
        (
            "group_seat",
            "session_id IN (SELECT id FROM temp.scope_group_session)"
            " AND client_id IN (SELECT id FROM temp.scope_client)",
            _BOTH,
        ),
        ("absence", "staff_id = :coach", _OFFICE),
        ("working_hours", "staff_id = :coach", _OFFICE),
    )
)
SYNCED: Final = tuple(scope.table for scope in SCOPES)
TWO_WAY: Final = frozenset(scope.table for scope in SCOPES if scope.two_way)
