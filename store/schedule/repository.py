"""`Store.schedule`: the appointments (`appointments.py`) with series ("every 2 weeks ×
6", booked, moved and cancelled all or none), next free time and the no-show figures."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from store.core.clock import new_id, to_local
from store.core.db import write_transaction
from store.core.models import Staff
from store.schedule.appointments import Appointments, allowed_notes
from store.schedule.errors import (
    BadSeries,
    Clashes,
    SeriesClashes,
)
from store.schedule.figures import MonthFigures, no_show_figures
from store.schedule.free_time import next_free
from store.schedule.models import Appointment, Booking, CancelReason, Check, Clash
from store.schedule.records import APPOINTMENT_SELECT, appointment_from

# Series: "every 2 weeks × 6".
SERIES_WEEKS = (1, 8)
SERIES_COUNT = (2, 26)


class Schedule(Appointments):
    # Series -------------------------------------------------------------------------------

    def series_times(self, booking: Booking, every_weeks: int, count: int) -> list[Booking]:
        """The occurrences of "every `every_weeks` weeks × `count`", at the same wall-clock
        time each week (a change to summer time keeps 10:00 at 10:00)."""
        if not (SERIES_WEEKS[0] <= every_weeks <= SERIES_WEEKS[1]) or not (
            SERIES_COUNT[0] <= count <= SERIES_COUNT[1]
        ):
            raise BadSeries(SERIES_WEEKS, SERIES_COUNT)
        local = to_local(booking.starts_at)
        return [
            replace(booking, starts_at=local + timedelta(weeks=every_weeks * n))
            for n in range(count)
        ]

    def preview_series(
        self, booking: Booking, every_weeks: int, count: int
    ) -> list[tuple[Booking, Check]]:
        """Each occurrence with what its check finds, before anything is saved."""
        return [
            (b, self.check(b.proposal())) for b in self.series_times(booking, every_weeks, count)
        ]

    def book_series(
        self, actor: Staff, booking: Booking, every_weeks: int, count: int
    ) -> list[Appointment]:
        """Every occurrence with one series id, in one transaction; a clash in any one
        refuses them all (`SeriesClashes` names each occurrence that clashes)."""
        self._require_book(actor, booking.coach_id)
        occurrences = self.series_times(booking, every_weeks, count)
        for occurrence in occurrences:
            self._validate_time(occurrence.starts_at, occurrence.minutes)
        if not allowed_notes(actor):
            occurrences = [replace(o, note=None) for o in occurrences]
        series_id = new_id()
        with write_transaction(self.ctx.db):
            clashing = [
                (n, check.clashes)
                for n, o in enumerate(occurrences)
                if (check := self.check(o.proposal())).clashes
            ]
            if clashing:
                raise SeriesClashes(clashing)
            ids = [self._insert(actor, o, series_id, n) for n, o in enumerate(occurrences)]
        return [self.get(actor, i) for i in ids]

    def series(self, actor: Staff, series_id: str) -> list[Appointment]:
        rows = self.ctx.db.execute(
            f"{APPOINTMENT_SELECT} WHERE a.series_id = ? AND a.deleted_at IS NULL"
            " ORDER BY a.series_index",
            [series_id],
        )
        notes = allowed_notes(actor)
        return [appointment_from(row, with_note=notes) for row in rows]

    def following(self, actor: Staff, appointment_id: str) -> list[Appointment]:
        """This appointment and the open ones after it in its series (just it, if none)."""
        current = self.get(actor, appointment_id)
        if current.series_id is None:
            return [current]
        return [
            a
            for a in self.series(actor, current.series_id)
            if a.starts_at >= current.starts_at and (a.is_open or a.id == current.id)
        ]

    def move_following(
        self, actor: Staff, appointment_id: str, starts_at: datetime
    ) -> list[Appointment]:
        """Move this and every following open occurrence by the same shift on the wall
        clock, all or none: a clash in any refuses the move (`SeriesClashes`)."""
        with write_transaction(self.ctx.db):
            moving = self.following(actor, appointment_id)
            # The shift is from this occurrence (by id: the series' order by index need
            # not be its order in time once occurrences have been moved one by one).
            anchor = next(a for a in moving if a.id == appointment_id)
            shift = to_local(starts_at) - to_local(anchor.starts_at)
            # Later ones first when moving later (earlier first when earlier), so no
            # occurrence lands on one of its own series that has yet to move.
            order = sorted(
                enumerate(moving), key=lambda p: p[1].starts_at, reverse=shift > timedelta()
            )
            clashing: list[tuple[int, tuple[Clash, ...]]] = []
            for n, appointment in order:
                try:
                    self.move(actor, appointment.id, to_local(appointment.starts_at) + shift)
                except Clashes as refused:
                    clashing.append((n, refused.clashes))
            if clashing:
                raise SeriesClashes(sorted(clashing))
        return [self.get(actor, a.id) for a in moving]

    def cancel_following(
        self, actor: Staff, appointment_id: str, reason: CancelReason, note: str | None = None
    ) -> list[Appointment]:
        """Cancel this and every following open occurrence of its series."""
        with write_transaction(self.ctx.db):
            cancelling = [a for a in self.following(actor, appointment_id) if a.is_open]
            for appointment in cancelling:
                self.cancel(actor, appointment.id, reason, note)
        return [self.get(actor, a.id) for a in cancelling]

    def next_free(
        self,
        coach_id: str,
        client_id: str | None,
        minutes: int,
        after: datetime | None = None,
        room_id: str | None = None,
    ) -> datetime | None:
        """The first free slot of `minutes` for the coach, the client and the room from
        `after` (default now), within working hours on working days; None if none in
        the next three months."""
        return next_free(
            self.ctx,
            self.working_time,
            coach_id=coach_id,
            client_id=client_id,
            minutes=minutes,
            after=max(after or self.ctx.clock.now(), self.ctx.clock.now()),
            room_id=room_id,
        )

    def figures(self, first: date, last: date, coach_id: str | None = None) -> list[MonthFigures]:
        """No-show figures per coach and month from `first`'s month to `last`'s."""
        return no_show_figures(self.ctx, first, last, coach_id)
