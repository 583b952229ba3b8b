"""Walk-in visits: tickets, the queue and its states, and anonymous feedback (NPS)."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from store.core.audit import log_event
from store.core.auth import require
from store.core.clock import new_id
from store.core.context import Context
from store.core.db import DatabaseFault, write_transaction
from store.core.models import Staff
from store.core.rows import insert_row, insert_rows, update_row
from store.core.settings import WAIT_THRESHOLD, Settings
from store.visits.board_feed import now_serving, publish_board
from store.visits.models import (
    CHANNELS,
    DONE_OUTCOMES,
    OPEN_STATES,
    OUTCOMES,
    Channel,
    NowServing,
    Visit,
    VisitEvent,
    VisitReason,
    VisitState,
)
from store.visits.queue import DeskQueue, desk_queue
from store.visits.reading import VISIT_SELECT, to_visit
from store.visits.rules import (
    AT_DESK,
    OWN_COACH_REASON,
    TERMINAL_OUTCOME,
    TRANSITIONS,
    OwnCoachNeedsClient,
    at_desk,
    in_hand_of,
    next_in_line,
)
from store.visits.undo import UndoStack

TICKET_PREFIX = "A"


class InvalidTransition(Exception):
    def __init__(self, visit: Visit, to_state: str) -> None:
        super().__init__(f"visit {visit.ticket} cannot go from {visit.state} to {to_state}")
        self.visit = visit
        self.to_state = to_state


class DeskOccupied(Exception):
    """The desk already has a visitor, called to it or being served there: one desk, one
    visitor at a time, so that the board never shows two tickets for one desk."""

    def __init__(self, visit: Visit) -> None:
        super().__init__(f"desk {visit.desk} already has {visit.ticket} ({visit.state})")
        self.visit = visit


# The columns `change_state` may write, and `undo` puts back.
_CHANGED_BY_STATE = (
    "state",
    "called_at",
    "called_by",
    "desk",
    "finished_at",
    "served_by",
    "assigned_to",
    "outcome",
)


class VisitRegister:
    """The walk-in queue of every site; reached as `Store.visits`."""

    def __init__(self, ctx: Context, settings: Settings) -> None:
        self.ctx = ctx
        self.db = ctx.db
        self.settings = settings

    def _now(self) -> str:
        return self.ctx.now_iso()

    # Reasons and settings ------------------------------------------------------------

    def reasons(self) -> list[VisitReason]:
        rows = self.db.execute(
            "SELECT id, code, label_fi, label_sv, label_en, sort_order FROM visit_reason"
            " WHERE active = 1 AND deleted_at IS NULL ORDER BY sort_order"
        ).fetchall()
        return [VisitReason(r[0], r[1], (r[2], r[3], r[4]), r[5]) for r in rows]

    # Reading the queue ---------------------------------------------------------------

    def get(self, visit_id: str) -> Visit:
        row = self.db.execute(f"{VISIT_SELECT} WHERE v.id = ?", [visit_id]).fetchone()
        if row is None:
            raise LookupError(visit_id)
        return to_visit(row)

    def queue(self, site_id: str, day: date | None = None) -> list[Visit]:
        """The day's open visits at a site, in arrival order."""
        day = day or self.ctx.today()
        marks = ", ".join("?" for _ in OPEN_STATES)
        rows = self.db.execute(
            f"{VISIT_SELECT} WHERE v.site_id = ? AND v.visit_date = ?"
            f" AND v.state IN ({marks}) AND v.deleted_at IS NULL ORDER BY v.ticket_number",
            [site_id, day.isoformat(), *OPEN_STATES],
        ).fetchall()
        return [to_visit(row) for row in rows]

    def day_visits(self, site_id: str, day: date) -> list[Visit]:
        rows = self.db.execute(
            f"{VISIT_SELECT} WHERE v.site_id = ? AND v.visit_date = ? AND v.deleted_at IS NULL"
            " ORDER BY v.ticket_number",
            [site_id, day.isoformat()],
        ).fetchall()
        return [to_visit(row) for row in rows]

    def desk_queue(self, site_id: str) -> DeskQueue:
        """Today's queue at a site as the desk draws it: each open visit's wait now, ⚠ from
        the site's threshold (setting queue.wait_threshold_minutes), and the counts."""
        return desk_queue(
            self.day_visits(site_id, self.ctx.today()),
            len(self.left_open(site_id)),
            self.ctx.clock.now(),
            int(self.settings.get(WAIT_THRESHOLD)),
        )

    def left_open(self, site_id: str, before: date | None = None) -> list[Visit]:
        """Visits from earlier days that were never closed: listed for closing, never lost."""
        before = before or self.ctx.today()
        marks = ", ".join("?" for _ in OPEN_STATES)
        rows = self.db.execute(
            f"{VISIT_SELECT} WHERE v.site_id = ? AND v.visit_date < ?"
            f" AND v.state IN ({marks}) AND v.deleted_at IS NULL"
            " ORDER BY v.visit_date, v.ticket_number",
            [site_id, before.isoformat(), *OPEN_STATES],
        ).fetchall()
        return [to_visit(row) for row in rows]

    def open_visit_of(self, client_id: str, site_id: str) -> Visit | None:
        row = self.db.execute(
            f"{VISIT_SELECT} WHERE v.client_id = ? AND v.site_id = ? AND v.visit_date = ?"
            f" AND v.state IN ({', '.join('?' for _ in OPEN_STATES)}) AND v.deleted_at IS NULL",
            [client_id, site_id, self.ctx.today().isoformat(), *OPEN_STATES],
        ).fetchone()
        return to_visit(row) if row else None

    def in_hand(self, staff_id: str, site_id: str) -> list[Visit]:
        """Today's visits at the site that `staff_id` has called or is serving."""
        return in_hand_of(self.queue(site_id), staff_id)

    def _check_desk_free(
        self,
        site_id: str,
        desk: str | None,
        visit_id: str | None = None,
        queue: list[Visit] | None = None,
    ) -> None:
        """Raise `DeskOccupied` if `desk` has a visitor other than `visit_id` today (in
        `queue`, if the caller has read it already). Read inside the caller's write
        transaction, so two terminals never both get through."""
        visits = self.queue(site_id) if queue is None else queue
        if desk is not None and (holder := at_desk(visits, desk, visit_id)):
            raise DeskOccupied(holder)

    def events(self, visit_id: str) -> list[VisitEvent]:
        rows = self.db.execute(
            "SELECT visit_id, at, staff_id, from_state, to_state, to_staff_id FROM visit_event"
            " WHERE visit_id = ? ORDER BY at, rowid",
            [visit_id],
        ).fetchall()
        return [VisitEvent(*row) for row in rows]

    def now_serving(self, site_id: str, limit: int = 8) -> list[NowServing]:
        """What the board shows of the site today, read from the register."""
        return now_serving(self.ctx, site_id, limit)

    def publish_board(self) -> bool:
        """Write what the waiting-room board shows to its side file (see `board_feed`);
        done after each write here that changes it, and when a desk opens the store."""
        return publish_board(self.ctx)

    # Writing -------------------------------------------------------------------------

    def _event(
        self,
        visit_id: str,
        at: str,
        actor: Staff,
        from_state: str | None,
        to_state: str,
        to_staff_id: str | None = None,
    ) -> None:
        values = {
            "visit_id": visit_id,
            "at": at,
            "staff_id": actor.id,
            "from_state": from_state,
            "to_state": to_state,
            "to_staff_id": to_staff_id,
        }
        insert_row(self.ctx, "visit_event", values, by=actor.id, at=at)

    def _log_change(
        self, actor: Staff, visit_id: str, client_id: str | None, what: str, at: str
    ) -> None:
        """The access-log row of a change to a visit (whose data it is, and what changed)."""
        log_event(
            self.ctx,
            at=at,
            staff_id=actor.id,
            action="update",
            entity="visit",
            entity_id=visit_id,
            client_id=client_id,
            purpose=what,
        )

    def register(
        self,
        actor: Staff,
        site_id: str,
        *,
        client_id: str | None = None,
        reason_codes: Iterable[str] = (),
        channel: Channel = "walk_in",
        booked_for: str | None = None,
        wants_own_coach: bool = False,
    ) -> Visit:
        """Give the visitor the site's next ticket of the day and put them in the queue.

        Raises `OwnCoachNeedsClient` when an anonymous visitor asks for their own coach.
        """
        require(actor, "visit.register")
        if channel not in CHANNELS:
            raise ValueError(f"unknown channel {channel}")
        reason_codes = tuple(reason_codes)
        if client_id is None and (wants_own_coach or OWN_COACH_REASON in reason_codes):
            raise OwnCoachNeedsClient("visit.error.own_coach_needs_client")
        reasons = {r.code: r.id for r in self.reasons()}
        unknown = [code for code in reason_codes if code not in reasons]
        if unknown:
            raise ValueError(f"unknown visit reasons: {unknown}")
        visit_id = new_id()
        # BEGIN IMMEDIATE serialises desks: the max is read under the write lock, and
        # the unique (site, day, number) constraint backs it up. The clock is read under
        # the lock too, so a later ticket never carries an earlier arrival time.
        with write_transaction(self.db):
            now = self._now()
            day = self.ctx.today().isoformat()
            number = self.db.execute(
                "SELECT coalesce(max(ticket_number), 0) + 1 FROM visit"
                " WHERE site_id = ? AND visit_date = ?",
                [site_id, day],
            ).fetchone()[0]
            visit = {
                "site_id": site_id,
                "visit_date": day,
                "ticket_number": number,
                "ticket": f"{TICKET_PREFIX}{number:03d}",
                "client_id": client_id,
                "channel": channel,
                "booked_for": booked_for,
                "state": "waiting",
                "wants_own_coach": int(wants_own_coach),
                "arrived_at": now,
            }
            insert_row(self.ctx, "visit", visit, by=actor.id, at=now, row_id=visit_id)
            links = [(visit_id, reasons[code]) for code in dict.fromkeys(reason_codes)]
            insert_rows(
                self.ctx, "visit_reason_link", ("visit_id", "reason_id"), links, by=actor.id, at=now
            )
            self._event(visit_id, now, actor, None, "waiting")
            log_event(
                self.ctx,
                at=now,
                staff_id=actor.id,
                action="create",
                entity="visit",
                entity_id=visit_id,
                client_id=client_id,
            )
        self.publish_board()
        return self.get(visit_id)

    def change_state(
        self,
        actor: Staff,
        visit_id: str,
        to_state: VisitState,
        *,
        desk: str | None = None,
        to_staff_id: str | None = None,
        outcome: str | None = None,
    ) -> Visit:
        """Move a visit along; the change and who made it are stored as an event.

        Raises `InvalidTransition` for a change its state does not allow, and
        `DeskOccupied` for a call to a desk that has a visitor already.
        """
        require(actor, "visit.register")
        if outcome is not None and outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {outcome}")
        if to_state == "done" and outcome not in (None, *DONE_OUTCOMES):
            raise ValueError(f"a visit that was done cannot end as {outcome}")
        with write_transaction(self.db):
            now = self._now()  # under the lock, so events keep the order they happened in
            visit = self.get(visit_id)
            if to_state not in TRANSITIONS[visit.state]:
                raise InvalidTransition(visit, to_state)
            changes: dict[str, object] = {"state": to_state}
            if to_state == "called":
                self._check_desk_free(visit.site_id, desk, visit.id)
                changes.update(called_at=visit.called_at or now, called_by=actor.id, desk=desk)
            elif to_state == "serving":
                changes.update(served_by=actor.id)
            elif to_state == "transferred":
                changes.update(assigned_to=to_staff_id, desk=None)
            elif to_state in ("done", "left"):
                changes.update(finished_at=now)
                if to_state == "done" and visit.called_at is None:
                    # Helped on the spot: the wait ended when service began, now.
                    changes.update(called_at=now, called_by=actor.id)
                changes["outcome"] = outcome or TERMINAL_OUTCOME.get(to_state, "resolved")
                if to_state == "done" and visit.served_by is None:
                    changes["served_by"] = actor.id
            update_row(self.ctx, "visit", visit_id, changes, by=actor.id, at=now)
            self._event(visit_id, now, actor, visit.state, to_state, to_staff_id)
            self._log_change(actor, visit_id, visit.client_id, to_state, now)
        self.publish_board()  # skipped inside `call_next`'s transaction, which publishes
        return self.get(visit_id)

    def undo(self, actor: Staff, before: Visit, after: Visit) -> Visit:
        """Put a visit back as it was before a change (a key pressed by mistake): `after`
        is what the change made of `before`. Refused with `InvalidTransition` when anything
        has changed the visit since, and with `DeskOccupied` when it would put the visitor
        back at a desk that has called someone else since. Kept as an event and in the
        access log like any change, so the record shows both the slip and its correction."""
        require(actor, "visit.register")
        with write_transaction(self.db):
            now = self._now()
            current = self.get(after.id)
            if any(getattr(current, f) != getattr(after, f) for f in _CHANGED_BY_STATE):
                raise InvalidTransition(current, before.state)
            if before.state in AT_DESK:
                self._check_desk_free(before.site_id, before.desk, before.id)
            restored = {column: getattr(before, column) for column in _CHANGED_BY_STATE}
            update_row(self.ctx, "visit", after.id, restored, by=actor.id, at=now)
            self._event(after.id, now, actor, after.state, before.state, before.assigned_to)
            self._log_change(actor, after.id, after.client_id, f"undo {after.state}", now)
        self.publish_board()
        return self.get(after.id)

    def undo_latest(self, actor: Staff, history: UndoStack) -> Visit | None:
        """Take back the newest change of `history` (see `undo`); None when there is none.

        The change leaves the history whether or not it could be undone, except when the
        database could not be written (busy, full, read-only) or the desk is taken: then it
        stays, to be tried again.
        """
        change = history.pop()
        if change is None:
            return None
        try:
            return self.undo(actor, change.before, change.after)
        except (DatabaseFault, DeskOccupied):
            history.put_back(change)
            raise

    def call_next(self, actor: Staff, site_id: str, desk: str | None) -> Visit | None:
        """Call whoever is next in line (see `next_in_line`); None when nobody waits.

        Raises `DeskOccupied` while the desk has a visitor, called or being served, who
        is still to be finished, put on hold, passed on or marked left; whoever is logged
        in at the desk, and whichever terminal asks.
        """
        with write_transaction(self.db):
            queue = self.queue(site_id)
            self._check_desk_free(site_id, desk, queue=queue)
            visit = next_in_line(queue, self._now(), actor.id)
            if visit is None:
                return None
            called = self.change_state(actor, visit.id, "called", desk=desk)
        self.publish_board()
        return called
