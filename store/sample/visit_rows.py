"""Simulated visitors as rows: the visit, its reasons, events, access-log rows and feedback,
column for column as `VisitRegister` writes them, put in through the row writer."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from store.core.audit import append_events
from store.core.clock import to_iso
from store.core.context import Context
from store.core.rows import insert_rows
from store.sample.day import Visitor, pick
from store.sample.seeded import seeded_uuid
from store.visits.register import TICKET_PREFIX
from store.visits.rules import TERMINAL_OUTCOME, TRANSITIONS

# From simulated visitors to rows ----------------------------------------------------

FEEDBACK_SHARE = 0.3
# About 72 % promoters (9–10) and 6 % detractors, as Tampere's feedback devices saw.
_SCORES = {10: 46, 9: 26, 8: 10, 7: 8, 6: 3, 5: 3, 4: 1, 3: 1, 2: 0.5, 1: 0.5, 0: 1}


@dataclass
class SampleRows:
    visits: list[tuple[Any, ...]] = field(default_factory=list[tuple[Any, ...]])
    links: list[tuple[Any, ...]] = field(default_factory=list[tuple[Any, ...]])
    events: list[tuple[Any, ...]] = field(default_factory=list[tuple[Any, ...]])
    audit: list[tuple[Any, ...]] = field(default_factory=list[tuple[Any, ...]])
    feedback: list[tuple[Any, ...]] = field(default_factory=list[tuple[Any, ...]])


def add_day_rows(
    rows: SampleRows,
    rng: random.Random,
    site_id: str,
    day: date,
    visitors: list[Visitor],
    reason_ids: Mapping[str, str],
    to_moment: Callable[[float], datetime],
) -> None:
    """The rows `VisitRegister.register`, `change_state` and `record_feedback` would write."""
    for number, visitor in enumerate(visitors, 1):
        visit_id = seeded_uuid(rng)
        events = sorted(visitor.events, key=lambda e: e[0])
        arrived_iso = to_iso(to_moment(visitor.arrived))
        registrar = events[0][1]
        for code in visitor.reasons:
            rows.links.append(
                (seeded_uuid(rng), visit_id, reason_ids[code], arrived_iso, arrived_iso, registrar)
            )
        column: dict[str, Any]  # the visit row's columns as the events change them
        column = dict(
            state="waiting",
            called_at=None,
            called_by=None,
            desk=None,
            finished_at=None,
            served_by=None,
            assigned_to=None,
            outcome=None,
        )
        updated_at, updated_by = arrived_iso, registrar
        created = (arrived_iso, arrived_iso, registrar)  # at, updated at, by
        rows.events.append(
            (seeded_uuid(rng), visit_id, arrived_iso, registrar, None, "waiting", None, *created)
        )
        rows.audit.append(
            (
                seeded_uuid(rng),
                arrived_iso,
                registrar,
                "create",
                "visit",
                visit_id,
                visitor.client_id,
                None,
                *created,
            )
        )
        for minute, staff_id, to_state, to_staff, desk, outcome in events[1:]:
            at = to_iso(to_moment(minute))
            from_state = column["state"]
            if to_state not in TRANSITIONS[from_state]:
                raise AssertionError(f"sample visit cannot go {from_state} -> {to_state}")
            if to_state == "called":
                column.update(called_at=column["called_at"] or at, called_by=staff_id, desk=desk)
            elif to_state == "serving":
                column["served_by"] = staff_id
            elif to_state == "transferred":
                column.update(assigned_to=to_staff, desk=None)
            elif to_state in ("done", "left"):
                column["finished_at"] = at
                column["outcome"] = outcome or TERMINAL_OUTCOME.get(to_state, "resolved")
                column["served_by"] = column["served_by"] or (
                    staff_id if to_state == "done" else None
                )
            column["state"] = to_state
            updated_at, updated_by = at, staff_id
            stamps = (at, at, staff_id)
            rows.events.append(
                (seeded_uuid(rng), visit_id, at, staff_id, from_state, to_state, to_staff, *stamps)
            )
            rows.audit.append(
                (
                    seeded_uuid(rng),
                    at,
                    staff_id,
                    "update",
                    "visit",
                    visit_id,
                    visitor.client_id,
                    to_state,
                    *stamps,
                )
            )
        rows.visits.append(
            (
                visit_id,
                site_id,
                day.isoformat(),
                number,
                f"{TICKET_PREFIX}{number:03d}",
                visitor.client_id,
                visitor.channel,
                to_iso(to_moment(visitor.booked_for)) if visitor.booked_for is not None else None,
                column["state"],
                int(visitor.own_coach_id is not None),
                arrived_iso,
                column["called_at"],
                column["called_by"],
                column["desk"],
                column["finished_at"],
                column["served_by"],
                column["assigned_to"],
                column["outcome"],
                arrived_iso,
                updated_at,
                updated_by,
            )
        )
        if column["state"] == "done" and rng.random() < FEEDBACK_SHARE:
            score = pick(rng, _SCORES)
            called = next(e[0] for e in events if e[2] == "called")
            if called - visitor.arrived > 25 and rng.random() < 0.5:
                score = max(0, score - rng.randint(1, 3))  # a long wait shows in the answer
            stamp = f"{day.isoformat()}T00:00:00.000Z"  # the day, not the time
            rows.feedback.append(
                (
                    seeded_uuid(rng),
                    site_id,
                    day.isoformat(),
                    visitor.channel,
                    " ".join(sorted(visitor.reasons)),
                    score,
                    stamp,
                    stamp,
                )
            )


# Each row's columns, in the order `add_day_rows` gives the values.
_VISIT_COLUMNS = (
    "id",
    "site_id",
    "visit_date",
    "ticket_number",
    "ticket",
    "client_id",
    "channel",
    "booked_for",
    "state",
    "wants_own_coach",
    "arrived_at",
    "called_at",
    "called_by",
    "desk",
    "finished_at",
    "served_by",
    "assigned_to",
    "outcome",
    "created_at",
    "updated_at",
    "updated_by",
)
_LINK_COLUMNS = ("id", "visit_id", "reason_id", "created_at", "updated_at", "updated_by")
_EVENT_COLUMNS = (
    "id",
    "visit_id",
    "at",
    "staff_id",
    "from_state",
    "to_state",
    "to_staff_id",
    "created_at",
    "updated_at",
    "updated_by",
)
AUDIT_COLUMNS = (
    "id",
    "at",
    "staff_id",
    "action",
    "entity",
    "entity_id",
    "client_id",
    "purpose",
    "created_at",
    "updated_at",
    "updated_by",
)
_FEEDBACK_COLUMNS = (
    "id",
    "site_id",
    "visit_date",
    "channel",
    "reason_codes",
    "score",
    "created_at",
    "updated_at",
)


def insert_sample_rows(ctx: Context, rows: SampleRows) -> None:
    """Through the row writer, each row with its own simulated times and author."""
    insert_rows(ctx, "visit", _VISIT_COLUMNS, rows.visits, by=None)
    insert_rows(ctx, "visit_reason_link", _LINK_COLUMNS, rows.links, by=None)
    # The logs are appended in the order things happened, as the desks would have.
    insert_rows(
        ctx, "visit_event", _EVENT_COLUMNS, sorted(rows.events, key=lambda r: r[2]), by=None
    )
    append_events(ctx, AUDIT_COLUMNS, sorted(rows.audit, key=lambda r: r[1]), by=None)
    # Anonymous answers: nobody is named as their author.
    insert_rows(ctx, "feedback", _FEEDBACK_COLUMNS, rows.feedback, by=None)
