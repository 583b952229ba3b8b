"""A coach's worklist: what on their caseload's paths wants doing now (Today screen).

Four kinds of item, each naming the client and, but for the last, the step:
- `ending`: an active or planned step ending within `HORIZON_DAYS` (an active step whose
  end has passed without being closed is listed too: it is the more urgent);
- `not_started`: a planned step whose planned start has passed;
- `warning`: a rule warning of an active path that no one has acknowledged;
- `no_active_step`: a caseload client with no open path, or an open path with no active
  step; not one whose last path ended settled (employed, self-employed, left the register).

Read with two indexed queries over the coach's own caseload (`client_coach`,
`service_path_open`, `path_step_path`), so it stays fast however large the register.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false, reportUnknownArgumentType=false
from __future__ import annotations

from collections import OrderedDict, defaultdict
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from store.core.context import Context
from store.paths.catalog import ServiceCatalog
from store.paths.models import PathStep, RuleWarning, Service
from store.paths.records import step_from_row
from store.paths.rules import check_path

WorkKind = Literal["ending", "not_started", "warning", "no_active_step"]
WORK_KINDS: tuple[WorkKind, ...] = ("ending", "not_started", "warning", "no_active_step")
HORIZON_DAYS = 14

# The coach's living clients, each with their open path if any.
# Outcomes after which a client waits for nothing: their coach is not asked to plan more.
SETTLED_OUTCOMES = ("employed", "self_employed", "left_register")
_CASELOAD = (
    "SELECT c.id, c.last_name, c.first_name, c.birth_date, p.id,"
    " p.id IS NULL AND (SELECT e.outcome FROM service_path e WHERE e.client_id = c.id"
    "  AND e.deleted_at IS NULL ORDER BY e.ended_on DESC LIMIT 1)"
    f"  IN {SETTLED_OUTCOMES!r}"
    " FROM client c"
    " LEFT JOIN service_path p"
    " ON p.client_id = c.id AND p.ended_on IS NULL AND p.deleted_at IS NULL"
    " WHERE c.coach_id = :coach AND c.deleted_at IS NULL"
)
# The steps of those open paths, each with what makes it due (if anything) and when.
_OPEN_STEPS = (
    "SELECT s.id, s.path_id, s.position, s.service_id, s.provider_id, s.organiser,"
    " s.planned_start, s.planned_end, s.actual_start, s.actual_end, s.status, s.goal,"
    " s.days_per_week, s.hours_per_day, s.subsidy_percent,"
    " CASE WHEN s.status = 'planned' AND s.planned_start < :today THEN 'not_started'"
    "  WHEN s.status IN ('planned', 'active')"
    "   AND coalesce(s.actual_end, s.planned_end) <= :horizon"
    "   AND (s.status = 'active' OR coalesce(s.actual_end, s.planned_end) >= :today)"
    "  THEN 'ending' END,"
    " CASE s.status WHEN 'cancelled' THEN NULL ELSE coalesce(s.actual_end, s.planned_end) END"
    " FROM client c"
    " JOIN service_path p ON p.client_id = c.id AND p.ended_on IS NULL AND p.deleted_at IS NULL"
    " JOIN path_step s ON s.path_id = p.id AND s.deleted_at IS NULL"
    " WHERE c.coach_id = :coach AND c.deleted_at IS NULL"
)
_STEP_FIELDS = 15  # the columns `step_from_row` reads; then the due kind and the end


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
_Row = tuple[object, ...]


def worklist(ctx: Context, coach_id: str, today: date) -> list[WorkItem]:
    """The coach's worklist on `today`: the steps to see to, soonest due first, then the
    clients with no active step (those with no date last)."""
    db = ctx.db
    horizon = today + timedelta(days=HORIZON_DAYS)
    params = {"coach": coach_id, "today": today.isoformat(), "horizon": horizon.isoformat()}
    clients: dict[str, _Client] = {}
    path_client: dict[str, str] = {}
    settled: set[str] = set()
    for client_id, last, first, born, path_id, done in db.execute(_CASELOAD, params).fetchall():
        clients[str(client_id)] = (str(client_id), f"{last} {first}", date.fromisoformat(str(born)))
        if done:
            settled.add(str(client_id))
        if path_id is not None:
            path_client[str(path_id)] = str(client_id)
    services = {s.id: s for s in ServiceCatalog(ctx).services(include_retired=True)}
    items: list[WorkItem] = []
    rows_of: dict[str, list[_Row]] = defaultdict(list)
    last_end: dict[str, str] = {}
    # Classified as read: a PathStep is made only of the steps the rules are checked on.
    for row in db.execute(_OPEN_STEPS, params).fetchall():
        path_id = str(row[1])
        rows_of[path_id].append(row)
        kind, end = row[_STEP_FIELDS], row[_STEP_FIELDS + 1]
        client_id = path_client[path_id]
        if end is not None and str(end) > last_end.get(client_id, ""):
            last_end[client_id] = str(end)
        if kind is not None:
            due = date.fromisoformat(str(row[6] if kind == "not_started" else end))
            _, name, _ = clients[client_id]
            service = services.get(str(row[3]))
            items.append(WorkItem(kind, client_id, name, str(row[0]), service, due))
    active = {p for p, rows in rows_of.items() if any(r[10] == "active" for r in rows)}
    items.extend(_unacknowledged(ctx, services, clients, path_client, rows_of, active))
    busy = {path_client[path_id] for path_id in active} | settled
    for client_id, name, _ in clients.values():
        if client_id not in busy:
            end = last_end.get(client_id)
            due = date.fromisoformat(end) if end else None
            items.append(WorkItem("no_active_step", client_id, name, None, None, due))
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


# `check_path` is a pure function of a path's steps, the catalog and the client's birth
# date: its warnings are kept per path with exactly those inputs, and reused while they are
# unchanged, as the Today screen asks again each time it is shown. Bounded; the oldest
# path checked goes first.
_CHECKED: OrderedDict[str, tuple[Hashable, list[tuple[PathStep, RuleWarning]]]] = OrderedDict()
CHECKED_PATHS = 20_000


def _remember(path_id: str, key: Hashable, warned: list[tuple[PathStep, RuleWarning]]) -> None:
    _CHECKED[path_id] = (key, warned)
    _CHECKED.move_to_end(path_id)
    while len(_CHECKED) > CHECKED_PATHS:
        _CHECKED.popitem(last=False)


def forget_checked_paths() -> None:
    """Drop the kept warnings (for a benchmark of the first, uncached read)."""
    _CHECKED.clear()


def _unacknowledged(
    ctx: Context,
    services: dict[str, Service],
    clients: dict[str, _Client],
    path_client: dict[str, str],
    rows_of: dict[str, list[_Row]],
    active_paths: set[str],
) -> list[WorkItem]:
    """Each warning of an active path that has no acknowledgement, as an item."""
    if not active_paths:
        return []
    catalog = ServiceCatalog(ctx)
    rules = catalog.rules()
    providers = {p.id: p for p in catalog.providers()}
    inputs = (
        tuple(services.values()),
        tuple((k, tuple(v)) for k, v in rules.items()),
        tuple(providers.values()),
    )
    found: list[tuple[PathStep, RuleWarning]] = []
    for path_id in active_paths:
        rows = rows_of[path_id]
        birth_date = clients[path_client[path_id]][2]
        key = (tuple(row[:_STEP_FIELDS] for row in rows), birth_date, inputs)
        held = _CHECKED.get(path_id)
        if held is not None and held[0] == key:
            found.extend(held[1])
            continue
        steps = sorted(
            (step_from_row(row[:_STEP_FIELDS]) for row in rows), key=lambda s: s.position
        )
        by_id = {step.id: step for step in steps}
        warned = [
            (by_id[w.step_id], w) for w in check_path(steps, services, rules, providers, birth_date)
        ]
        _remember(path_id, key, warned)
        found.extend(warned)
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
    for step, warning in found:
        if (warning.step_id, warning.code) in acknowledged:
            continue
        client_id, name, _ = clients[path_client[step.path_id]]
        service = services.get(step.service_id)
        items.append(
            WorkItem("warning", client_id, name, step.id, service, step.start, warning.code)
        )
    return items
