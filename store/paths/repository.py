"""A client's service path: its steps, their rule warnings and acknowledgements, its
outcome, and every change in `path_event` (`Store.paths`).

Coaches see and edit the paths of their own caseload (clients whose own coach they are);
another coach or an admin opens a path read-only, for a stated purpose; reception never.
Every open and change is in the access log; every write is one transaction.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false, reportUnknownArgumentType=false
from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from store.clients.repository import fetch_client
from store.core.audit import log_event
from store.core.auth import PermissionDenied, require
from store.core.context import Context
from store.core.db import write_transaction
from store.core.i18n import TranslatedError
from store.core.models import Staff
from store.core.rows import insert_row, update_row
from store.paths.catalog import ServiceCatalog
from store.paths.models import (
    NEXT_STATUSES,
    PathEvent,
    PathStep,
    RuleWarning,
    ServicePath,
    StepStatus,
)
from store.paths.records import (
    PATH_SELECT,
    STEP_SELECT,
    PathView,
    path_from_row,
    step_from_row,
)
from store.paths.rules import check_path
from store.paths.validation import clean_outcome, clean_path, clean_step

if TYPE_CHECKING:
    from store.paths.worklist import WorkItem

_STEP_COLUMNS = (
    "service_id",
    "provider_id",
    "organiser",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "goal",
    "days_per_week",
    "hours_per_day",
    "subsidy_percent",
)


_EDIT = "path.edit"  # a permission (store/core/auth.py), not a text


class PurposeRequired(TranslatedError):
    """A path outside the user's caseload: it opens read-only once a purpose is given."""

    def __init__(self) -> None:
        super().__init__("path.error.purpose_required")


class StepNotChangeable(TranslatedError):
    """A step whose status does not allow the change asked (a done step cannot start)."""


class PathRepository:
    """Service paths; reached as `Store.paths`."""

    def __init__(self, ctx: Context, catalog: ServiceCatalog) -> None:
        self.ctx = ctx
        self.catalog = catalog

    # Reading --------------------------------------------------------------------------

    def may_edit(self, actor: Staff, client_id: str) -> bool:
        """Whether `actor` edits this client's path: a coach whose caseload it is."""
        row = self.ctx.db.execute(
            "SELECT coach_id FROM client WHERE id = ?", [client_id]
        ).fetchone()
        return actor.active and actor.role == "coach" and row is not None and row[0] == actor.id

    def open(self, actor: Staff, client_id: str, purpose: str | None = None) -> PathView:
        """The client's path as F4 shows it; the open is in the access log (with the
        purpose, for a path outside the user's caseload, which opens only with one).
        Raises `PermissionDenied` for reception, `PurposeRequired` without a purpose."""
        require(actor, "path.view")
        editable = self.may_edit(actor, client_id)
        purpose = (purpose or "").strip() or None
        if not editable and purpose is None:
            raise PurposeRequired()
        with write_transaction(self.ctx.db):
            view = self._view(client_id, editable)
            log_event(
                self.ctx,
                staff_id=actor.id,
                action="view",
                entity="service_path",
                entity_id=view.path.id if view.path else None,
                client_id=client_id,
                purpose=purpose,
            )
        return view

    def view(self, actor: Staff, client_id: str) -> PathView:
        """The path again after a change, for a user who has it open (not logged again)."""
        require(actor, "path.view")
        return self._view(client_id, self.may_edit(actor, client_id))

    def _view(self, client_id: str, editable: bool) -> PathView:
        client = fetch_client(self.ctx, client_id)
        path = self.current_path(client_id)
        steps = self.steps(path.id) if path else []
        services = {s.id: s for s in self.catalog.services(include_retired=True)}
        providers = {p.id: p for p in self.catalog.providers()}
        warnings: list[RuleWarning] = []
        if path is not None:
            rules = self.catalog.rules({step.service_id for step in steps})
            found = check_path(steps, services, rules, providers, client.birth_date)
            warnings = self._with_acknowledgements(found)
        return PathView(client, path, tuple(steps), tuple(warnings), editable, services, providers)

    def current_path(self, client_id: str) -> ServicePath | None:
        """The client's open path, else the one that ended last."""
        row = self.ctx.db.execute(
            PATH_SELECT + " WHERE client_id = ? AND deleted_at IS NULL"
            " ORDER BY ended_on IS NOT NULL, ended_on DESC, created_at DESC LIMIT 1",
            [client_id],
        ).fetchone()
        return path_from_row(row) if row else None

    def path(self, path_id: str) -> ServicePath:
        row = self.ctx.db.execute(PATH_SELECT + " WHERE id = ?", [path_id]).fetchone()
        if row is None:
            raise KeyError(path_id)
        return path_from_row(row)

    def steps(self, path_id: str) -> list[PathStep]:
        rows = self.ctx.db.execute(
            STEP_SELECT + " WHERE path_id = ? AND deleted_at IS NULL ORDER BY position", [path_id]
        ).fetchall()
        return [step_from_row(row) for row in rows]

    def step(self, step_id: str) -> PathStep:
        row = self.ctx.db.execute(STEP_SELECT + " WHERE id = ?", [step_id]).fetchone()
        if row is None:
            raise KeyError(step_id)
        return step_from_row(row)

    def events(self, path_id: str) -> list[PathEvent]:
        rows = self.ctx.db.execute(
            "SELECT id, path_id, step_id, at, staff_id, action, changes FROM path_event"
            " WHERE path_id = ? ORDER BY at, rowid",
            [path_id],
        ).fetchall()
        return [
            PathEvent(
                str(i),
                str(p),
                str(s) if s else None,
                str(at),
                str(by) if by else None,
                str(a),
                json.loads(str(c)),
            )
            for i, p, s, at, by, a, c in rows
        ]

    def _with_acknowledgements(self, warnings: list[RuleWarning]) -> list[RuleWarning]:
        step_ids = list({w.step_id for w in warnings})
        if not step_ids:
            return warnings
        rows = self.ctx.db.execute(
            "SELECT step_id, warning, acknowledged_by, acknowledged_at FROM rule_acknowledgement"
            f" WHERE deleted_at IS NULL AND step_id IN ({', '.join('?' * len(step_ids))})",
            step_ids,
        ).fetchall()
        acks = {(str(s), str(w)): (str(by), str(at)) for s, w, by, at in rows}
        result: list[RuleWarning] = []
        for warning in warnings:
            ack = acks.get((warning.step_id, warning.code))
            if ack is None:
                result.append(warning)
            else:
                result.append(
                    RuleWarning(
                        warning.step_id,
                        warning.code,
                        warning.key,
                        warning.params,
                        warning.rule,
                        *ack,
                    )
                )
        return result

    # Writing --------------------------------------------------------------------------

    def _require_edit(self, actor: Staff, client_id: str) -> None:
        require(actor, _EDIT)
        if not self.may_edit(actor, client_id):
            raise PermissionDenied(actor, _EDIT)

    def _event(
        self,
        actor: Staff,
        path: ServicePath,
        action: str,
        changes: Mapping[str, list[object]],
        step_id: str | None = None,
        at: str | None = None,
    ) -> None:
        at = at or self.ctx.now_iso()
        insert_row(
            self.ctx,
            "path_event",
            {
                "path_id": path.id,
                "step_id": step_id,
                "at": at,
                "staff_id": actor.id,
                "action": action,
                "changes": json.dumps(changes, ensure_ascii=False, sort_keys=True),
            },
            by=actor.id,
            at=at,
        )
        log_event(
            self.ctx,
            staff_id=actor.id,
            action="create" if action in ("start_path", "add_step") else "update",
            entity="service_path",
            entity_id=path.id,
            client_id=path.client_id,
            purpose=action,
            at=at,
        )

    def start(
        self, actor: Staff, client_id: str, raw: Mapping[str, str] | None = None
    ) -> ServicePath:
        """Open a path for the client (their open one, if they have one already)."""
        self._require_edit(actor, client_id)
        values = clean_path(raw or {})
        with write_transaction(self.ctx.db):
            current = self.current_path(client_id)
            if current is not None and current.is_open:
                return current
            path_id = insert_row(
                self.ctx,
                "service_path",
                {"client_id": client_id, "coach_id": actor.id, **values},
                by=actor.id,
            )
            path = self.path(path_id)
            self._event(
                actor,
                path,
                "start_path",
                {k: [None, v] for k, v in values.items() if v is not None},
            )
        return path

    def update_path(self, actor: Staff, path_id: str, raw: Mapping[str, str]) -> ServicePath:
        """Change the path's goal, work-search obligation or next review."""
        values = clean_path(raw)
        with write_transaction(self.ctx.db):
            path = self.path(path_id)
            self._require_edit(actor, path.client_id)
            old = {"goal": path.goal, "work_search_obligation": path.work_search_obligation,
                   "next_review": path.next_review.isoformat() if path.next_review else None}  # fmt: skip
            changes = {k: [old[k], v] for k, v in values.items() if old[k] != v}
            if changes:
                update_row(self.ctx, "service_path", path_id, values, by=actor.id)
                self._event(actor, path, "update_path", changes)
        return self.path(path_id)

    def _open_path(self, actor: Staff, path_id: str) -> ServicePath:
        path = self.path(path_id)
        self._require_edit(actor, path.client_id)
        if not path.is_open:
            raise StepNotChangeable("path.error.ended")
        return path

    def add_step(self, actor: Staff, path_id: str, raw: Mapping[str, str]) -> PathStep:
        """Add a step at the end of the path, planned. Raises `ValidationError`."""
        values = clean_step(raw, self.catalog.services_by_code(), self.catalog.providers_by_key())
        with write_transaction(self.ctx.db):
            path = self._open_path(actor, path_id)
            position = self.ctx.db.execute(
                "SELECT coalesce(max(position), 0) + 1 FROM path_step WHERE path_id = ?", [path_id]
            ).fetchone()[0]
            status = "active" if values["actual_start"] else "planned"
            if values["actual_end"]:
                status = "done"
            step_id = insert_row(
                self.ctx,
                "path_step",
                {"path_id": path_id, "position": position, "status": status, **values},
                by=actor.id,
            )
            changes = {k: [None, v] for k, v in values.items() if v is not None}
            self._event(actor, path, "add_step", {**changes, "status": [None, status]}, step_id)
        return self.step(step_id)

    def update_step(self, actor: Staff, step_id: str, raw: Mapping[str, str]) -> PathStep:
        """Change a step's fields (not its status). Raises `ValidationError`."""
        values = clean_step(raw, self.catalog.services_by_code(), self.catalog.providers_by_key())
        with write_transaction(self.ctx.db):
            step = self.step(step_id)
            path = self._open_path(actor, step.path_id)
            old = self._stored(step_id)
            changes = {k: [old[k], values[k]] for k in _STEP_COLUMNS if old[k] != values[k]}
            if changes:
                update_row(self.ctx, "path_step", step_id, values, by=actor.id)
                self._event(actor, path, "update_step", changes, step_id)
        return self.step(step_id)

    def _stored(self, step_id: str) -> dict[str, object]:
        row = self.ctx.db.execute(
            f"SELECT {', '.join(_STEP_COLUMNS)} FROM path_step WHERE id = ?", [step_id]
        ).fetchone()
        return dict(zip(_STEP_COLUMNS, row, strict=True))

    def set_status(
        self, actor: Staff, step_id: str, status: StepStatus, on: date | None = None
    ) -> PathStep:
        """Move a step along planned → active → done | interrupted | cancelled; starting
        sets its actual start (default today), ending its actual end. A cancelled step
        stays on the path, struck through."""
        on = on or self.ctx.today()
        with write_transaction(self.ctx.db):
            step = self.step(step_id)
            path = self._open_path(actor, step.path_id)
            if status not in NEXT_STATUSES[step.status]:
                raise StepNotChangeable("path.error.status", old=step.status, new=status)
            values: dict[str, object] = {"status": status}
            if status == "active":
                values["actual_start"] = on.isoformat()
            elif status in ("done", "interrupted"):
                values["actual_end"] = max(on, step.start).isoformat()
            old = self._stored(step_id) | {"status": step.status}
            changes = {k: [old.get(k), v] for k, v in values.items() if old.get(k) != v}
            update_row(self.ctx, "path_step", step_id, values, by=actor.id)
            self._event(
                actor,
                path,
                "cancel_step" if status == "cancelled" else "set_status",
                changes,
                step_id,
            )
        return self.step(step_id)

    def move_step(self, actor: Staff, step_id: str, delta: int) -> list[PathStep]:
        """Move a step `delta` places up (negative) or down the path; the path's steps in
        their new order. A step at an end stays where it is."""
        with write_transaction(self.ctx.db):
            step = self.step(step_id)
            path = self._open_path(actor, step.path_id)
            steps = self.steps(path.id)
            index = next(i for i, s in enumerate(steps) if s.id == step_id)
            target = max(0, min(len(steps) - 1, index + delta))
            if target != index:
                order = [s for s in steps if s.id != step_id]
                order.insert(target, step)
                for position, moved in enumerate(order, 1):
                    if moved.position != position:
                        update_row(
                            self.ctx, "path_step", moved.id, {"position": position}, by=actor.id
                        )
                self._event(
                    actor, path, "move_step", {"position": [index + 1, target + 1]}, step_id
                )
        return self.steps(step.path_id)

    def acknowledge(self, actor: Staff, step_id: str, warning_code: str) -> None:
        """Record that `actor` saw this warning of the step and lets the step stand; a
        warning already acknowledged (at another desk, a key pressed twice) keeps the
        first who and when."""
        with write_transaction(self.ctx.db):
            step = self.step(step_id)
            path = self._open_path(actor, step.path_id)
            held = self.ctx.db.execute(
                "SELECT 1 FROM rule_acknowledgement WHERE step_id = ? AND warning = ?",
                [step_id, warning_code],
            ).fetchone()
            if held is not None:
                return
            now = self.ctx.now_iso()
            insert_row(
                self.ctx,
                "rule_acknowledgement",
                {
                    "step_id": step_id,
                    "warning": warning_code,
                    "acknowledged_by": actor.id,
                    "acknowledged_at": now,
                },
                by=actor.id,
                at=now,
            )
            self._event(
                actor, path, "acknowledge", {"warning": [None, warning_code]}, step_id, at=now
            )

    def end(self, actor: Staff, path_id: str, raw: Mapping[str, str]) -> ServicePath:
        """End the path with its outcome and date; its steps end with it. An active step
        is done on that day if it was planned to end by then, else interrupted; a step
        still planned is cancelled. Raises `ValidationError`."""
        values = clean_outcome(raw, self.ctx.today())
        ended_on = date.fromisoformat(str(values["ended_on"]))
        with write_transaction(self.ctx.db):
            path = self._open_path(actor, path_id)
            for step in self.steps(path_id):
                self._close_with_path(actor, path, step, ended_on)
            update_row(self.ctx, "service_path", path_id, values, by=actor.id)
            self._event(
                actor, path, "end_path", {k: [None, v] for k, v in values.items() if v is not None}
            )
        return self.path(path_id)

    def _close_with_path(
        self, actor: Staff, path: ServicePath, step: PathStep, ended_on: date
    ) -> None:
        if step.status == "planned":
            update_row(self.ctx, "path_step", step.id, {"status": "cancelled"}, by=actor.id)
            self._event(actor, path, "cancel_step", {"status": ["planned", "cancelled"]}, step.id)
        elif step.status == "active":
            on_time = step.planned_end is None or step.planned_end <= ended_on
            status = "done" if on_time else "interrupted"
            end = max(ended_on, step.start).isoformat()
            update_row(
                self.ctx, "path_step", step.id, {"status": status, "actual_end": end}, by=actor.id
            )
            changes: dict[str, list[object]] = {
                "status": ["active", status],
                "actual_end": [None, end],
            }
            self._event(actor, path, "set_status", changes, step.id)

    # The worklist ----------------------------------------------------------------------

    def worklist(self, actor: Staff) -> list[WorkItem]:
        """What wants doing on the coach's own caseload today (store/paths/worklist.py).
        Coaches only: raises `PermissionDenied` for anyone else."""
        from store.paths.worklist import worklist  # it reads steps as this module does

        require(actor, _EDIT)
        return worklist(self.ctx, actor.id, self.ctx.today())
