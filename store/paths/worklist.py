"""A coach's worklist: what on their caseload's paths wants doing now (Today screen).

Four kinds of item, each naming the client and, but for the last, the step:
- `ending`: an active or planned step ending within `HORIZON_DAYS` (an active step whose
  end has passed without being closed is listed too: it is the more urgent);
- `not_started`: a planned step whose planned start has passed;
- `warning`: a rule warning of an active path that no one has acknowledged;
- `no_active_step`: a caseload client with no open path, or an open path with no active step.

Read with three indexed queries over the coach's own caseload (`client_coach`,
`service_path_open`, `path_step_path`), so it stays fast however large the register.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false, reportUnknownArgumentType=false
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from store.core.context import Context
from store.paths.catalog import ServiceCatalog
from store.paths.models import PathStep, Service
from store.paths.repository import step_from_row
from store.paths.rules import check_path

WorkKind = Literal["ending", "not_started", "warning", "no_active_step"]
WORK_KINDS: tuple[WorkKind, ...] = ("ending", "not_started", "warning", "no_active_step")
HORIZON_DAYS = 14

# The coach's living clients; their open paths; those paths' steps.
_CASELOAD = (
    "SELECT id, last_name, first_name, birth_date FROM client"
    " WHERE coach_id = ? AND deleted_at IS NULL"
)
_OPEN_STEPS = (
    "SELECT s.id, s.path_id, s.position, s.service_id, s.provider_id, s.organiser,"
    " s.planned_start, s.planned_end, s.actual_start, s.actual_end, s.status, s.goal,"
    " s.days_per_week, s.hours_per_day, s.subsidy_percent"
    " FROM client c"
    " JOIN service_path p ON p.client_id = c.id AND p.ended_on IS NULL AND p.deleted_at IS NULL"
    " JOIN path_step s ON s.path_id = p.id AND s.deleted_at IS NULL"
    " WHERE c.coach_id = ? AND c.deleted_at IS NULL"
)
_OPEN_PATHS = (
    "SELECT p.id, p.client_id FROM client c"
    " JOIN service_path p ON p.client_id = c.id AND p.ended_on IS NULL AND p.deleted_at IS NULL"
    " WHERE c.coach_id = ? AND c.deleted_at IS NULL"
)


@dataclass(frozen=True)
class WorkItem:
    """One thing to do: `due` is the date that makes it due (the step's end, its planned
    start, the warned step's start; for a client with no active step, their last step's
    end, if any); `detail` is the warning's code for a `warning`, else None."""

    kind: WorkKind
    client_id: str
    client_name: str  # "Last First", as the register lists clients
    step_id: str | None
    service: Service | None
    due: date | None
    detail: str | None = None

    @property
    def service_id(self) -> str | None:
        return self.service.id if self.service else None

    def service_name(self, lang: str) -> str:
        return self.service.name(lang) if self.service else ""


_Client = tuple[str, str, date]  # id, "Last First", birth date


def _step_item(
    kind: WorkKind,
    step: PathStep,
    client: _Client,
    services: dict[str, Service],
    due: date,
    detail: str | None = None,
) -> WorkItem:
    client_id, name, _ = client
    return WorkItem(kind, client_id, name, step.id, services.get(step.service_id), due, detail)


def _due_step(step: PathStep, today: date) -> WorkKind | None:
    horizon = today + timedelta(days=HORIZON_DAYS)
    if step.status == "planned" and step.planned_start < today:
        return "not_started"
    end = step.end
    if end is None or end > horizon:
        return None
    if step.status == "active" or (step.status == "planned" and end >= today):
        return "ending"
    return None


def worklist(ctx: Context, coach_id: str, today: date) -> list[WorkItem]:
    """The coach's worklist on `today`: the steps to see to, soonest due first, then the
    clients with no active step (those with no date last)."""
    db = ctx.db
    clients = {
        str(i): (str(i), f"{last} {first}", date.fromisoformat(str(born)))
        for i, last, first, born in db.execute(_CASELOAD, [coach_id]).fetchall()
    }
    path_client = {str(p): str(c) for p, c in db.execute(_OPEN_PATHS, [coach_id]).fetchall()}
    steps_of: dict[str, list[PathStep]] = defaultdict(list)
    for row in db.execute(_OPEN_STEPS, [coach_id]).fetchall():
        step = step_from_row(row)
        steps_of[step.path_id].append(step)
    catalog = ServiceCatalog(ctx)
    services = {s.id: s for s in catalog.services(include_retired=True)}
    items: list[WorkItem] = []
    with_active: set[str] = set()
    for path_id, steps in steps_of.items():
        steps.sort(key=lambda s: s.position)
        client = clients[path_client[path_id]]
        for step in steps:
            kind = _due_step(step, today)
            if kind == "not_started":
                items.append(_step_item(kind, step, client, services, step.planned_start))
            elif kind == "ending":
                assert step.end is not None
                items.append(_step_item(kind, step, client, services, step.end))
        if any(step.status == "active" for step in steps):
            with_active.add(path_id)
    items.extend(
        _unacknowledged(ctx, catalog, services, clients, path_client, steps_of, with_active)
    )
    busy = {path_client[path_id] for path_id in with_active}
    last_end: dict[str, date] = {}
    for path_id, steps in steps_of.items():
        ends = [s.end for s in steps if s.end is not None and s.status != "cancelled"]
        if ends:
            last_end[path_client[path_id]] = max(ends)
    for client_id, name, _ in clients.values():
        if client_id not in busy:
            items.append(
                WorkItem("no_active_step", client_id, name, None, None, last_end.get(client_id))
            )
    # A step to see to comes before a client to plan for; each soonest first.
    order = {kind: n for n, kind in enumerate(WORK_KINDS)}
    items.sort(
        key=lambda i: (
            i.kind == "no_active_step",
            i.due is None,
            i.due or today,
            order[i.kind],
            i.client_name,
        )
    )
    return items


def _unacknowledged(
    ctx: Context,
    catalog: ServiceCatalog,
    services: dict[str, Service],
    clients: dict[str, _Client],
    path_client: dict[str, str],
    steps_of: dict[str, list[PathStep]],
    active_paths: set[str],
) -> list[WorkItem]:
    """Each warning of an active path that has no acknowledgement, as an item."""
    if not active_paths:
        return []
    rules = catalog.rules()
    providers = {p.id: p for p in catalog.providers()}
    found = []
    for path_id in active_paths:
        client = clients[path_client[path_id]]
        steps = steps_of[path_id]
        found.extend((path_id, w) for w in check_path(steps, services, rules, providers, client[2]))
    if not found:
        return []
    step_ids = list({w.step_id for _, w in found})
    acknowledged: set[tuple[str, str]] = set()
    for start in range(0, len(step_ids), 500):  # SQLite's limit on bound parameters
        chunk = step_ids[start : start + 500]
        rows = ctx.db.execute(
            "SELECT step_id, warning FROM rule_acknowledgement WHERE deleted_at IS NULL"
            f" AND step_id IN ({', '.join('?' * len(chunk))})",
            chunk,
        ).fetchall()
        acknowledged.update((str(s), str(w)) for s, w in rows)
    items: list[WorkItem] = []
    for path_id, warning in found:
        if (warning.step_id, warning.code) in acknowledged:
            continue
        step = next(s for s in steps_of[path_id] if s.id == warning.step_id)
        client = clients[path_client[path_id]]
        items.append(_step_item("warning", step, client, services, step.start, warning.code))
    return items
