"""How a visit is read from SQL: one SELECT with the client's names, the wait's start,
the reason codes and the client's birth date, and the row to `Visit` conversion."""

from __future__ import annotations

from datetime import date
from typing import Any

from store.visits.models import Visit

VISIT_SELECT = """
    SELECT v.id, v.site_id, v.visit_date, v.ticket, v.client_id, c.first_name, c.last_name,
        c.coach_id, v.channel, v.booked_for, v.state, v.wants_own_coach, v.arrived_at,
        v.called_at, v.called_by, v.desk, v.finished_at, v.served_by, v.assigned_to,
        v.outcome,
        CASE v.state WHEN 'waiting' THEN v.arrived_at
            WHEN 'transferred' THEN coalesce((SELECT max(e.at) FROM visit_event e
                WHERE e.visit_id = v.id AND e.to_state = 'transferred'), v.arrived_at)
        END,
        (SELECT group_concat(r.code, ' ') FROM visit_reason_link l
            JOIN visit_reason r ON r.id = l.reason_id
            WHERE l.visit_id = v.id AND l.deleted_at IS NULL),
        c.birth_date
    FROM visit v LEFT JOIN client c ON c.id = v.client_id
"""


def to_visit(row: tuple[Any, ...]) -> Visit:
    values = list(row)
    values[2] = date.fromisoformat(values[2])
    values[11] = bool(values[11])
    birth_date = values.pop()
    codes = values.pop()
    return Visit(
        *values,
        reason_codes=tuple(sorted(codes.split())) if codes else (),
        client_birth_date=date.fromisoformat(birth_date) if birth_date else None,
    )
