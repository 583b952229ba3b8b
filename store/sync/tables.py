"""Which tables travel between the office and a laptop, in which direction, and which rows
of them a coach's check-out holds.

Every synced table has a UUID text key, `updated_at`/`updated_by` and `deleted_at`
(store/core/schema.py), which is what lets rows made on many devices merge.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

# Tables both sides change; a laptop's changes to them are merged at check-in.
TWO_WAY: Final = frozenset(
    {
        "provider",
        "provider_service",
        "client",
        "service_path",
        "path_step",
        "path_event",
        "rule_acknowledgement",
        "kompassi_reading",
        "kompassi_answer",
        "kompassi_suggestion",
        "appointment",
        "appointment_change",
        "group_seat",
    }
)

# Every synced table, parents before children (inserts go in this order, deletes in the
# reverse). Those not in TWO_WAY are the office's: a laptop gets them, and a change a
# laptop makes to one is a conflict ("office_owned"), never applied by itself.
SYNCED: Final = (
    "site",
    "staff",
    "room",
    "setting",
    "service",
    "service_rule",
    "process_rule",
    "provider",
    "provider_service",
    "instrument",
    "instrument_band",
    "instrument_domain",
    "kompassi_suggestion_rule",
    "visit_reason",
    "client",
    "visit",
    "visit_reason_link",
    "visit_event",
    "service_path",
    "path_step",
    "path_event",
    "rule_acknowledgement",
    "kompassi_reading",
    "kompassi_answer",
    "kompassi_suggestion",
    "appointment",
    "appointment_change",
    "group_session",
    "group_seat",
    "absence",
    "working_hours",
)

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
    """A coach's check-out: which rows of `table` it holds, as a WHERE clause over the
    table in schema `src`, with :coach, :window_from and :window_to (ISO UTC text)
    bound, and earlier tables' ids in `temp.scope_<table>`."""

    table: str
    where: str


# In SYNCED order: each clause may read the scope tables of those before it.
SCOPES: Final = tuple(
    Scope(table, where)
    for table, where in (
        ("site", _ALL),
        ("staff", _ALL),
        ("room", _ALL),
        ("setting", "key NOT LIKE 'audit.%'"),
        ("service", _ALL),
        ("service_rule", _ALL),
        ("process_rule", _ALL),
        ("provider", _ALL),
        ("provider_service", _ALL),
        ("instrument", _ALL),
        ("instrument_band", _ALL),
        ("instrument_domain", _ALL),
        ("kompassi_suggestion_rule", _ALL),
        ("visit_reason", _ALL),
        (
            "client",
            "deleted_at IS NULL AND (coach_id = :coach OR id IN (SELECT client_id FROM"
            " {src}.appointment WHERE coach_id = :coach AND starts_at >= :window_from"
            " AND starts_at < :window_to))",
        ),
        (
            "visit",
            "client_id IN (SELECT id FROM temp.scope_client) OR id IN (SELECT visit_id"
            " FROM {src}.appointment WHERE " + _APPOINTMENTS + ")",
        ),
        ("visit_reason_link", "visit_id IN (SELECT id FROM temp.scope_visit)"),
        ("visit_event", "visit_id IN (SELECT id FROM temp.scope_visit)"),
        ("service_path", "client_id IN (SELECT id FROM temp.scope_client)"),
        ("path_step", "path_id IN (SELECT id FROM temp.scope_service_path)"),
        ("path_event", "path_id IN (SELECT id FROM temp.scope_service_path)"),
        ("rule_acknowledgement", "step_id IN (SELECT id FROM temp.scope_path_step)"),
        ("kompassi_reading", "client_id IN (SELECT id FROM temp.scope_client)"),
        ("kompassi_answer", "reading_id IN (SELECT id FROM temp.scope_kompassi_reading)"),
        ("kompassi_suggestion", "reading_id IN (SELECT id FROM temp.scope_kompassi_reading)"),
        ("appointment", _APPOINTMENTS),
        ("appointment_change", "appointment_id IN (SELECT id FROM temp.scope_appointment)"),
        ("group_session", "starts_at >= :window_from AND starts_at < :window_to"),
        (
            "group_seat",
            "session_id IN (SELECT id FROM temp.scope_group_session)"
            " AND client_id IN (SELECT id FROM temp.scope_client)",
        ),
        ("absence", "staff_id = :coach"),
        ("working_hours", "staff_id = :coach"),
    )
)
assert tuple(scope.table for scope in SCOPES) == SYNCED


def is_two_way(table: str) -> bool:
    return table in TWO_WAY
