"""What group sessions refuse, each a message in the user's language."""

from __future__ import annotations

from store.core.i18n import TranslatedError

# A session's seats: the largest of Turku's pension infos had 320 over two days.
MAX_CAPACITY = 1000


class BadTitle(TranslatedError):
    def __init__(self) -> None:
        super().__init__("groups.error.title")


class BadCapacity(TranslatedError):
    def __init__(self) -> None:
        super().__init__("groups.error.capacity", high=MAX_CAPACITY)


class CapacityBelowBooked(TranslatedError):
    """Seats already booked are never taken away by lowering the capacity."""

    def __init__(self, booked: int) -> None:
        super().__init__("groups.error.capacity_below", booked=booked)
        self.booked = booked


class SessionCancelled(TranslatedError):
    def __init__(self) -> None:
        super().__init__("groups.error.cancelled")


class AlreadyListed(TranslatedError):
    """The client already has a seat in the session or a place on its waiting list."""

    def __init__(self, waiting: bool) -> None:
        super().__init__("groups.error.waiting" if waiting else "groups.error.seated")
        self.waiting = waiting


class NotSeated(TranslatedError):
    """Attendance is marked for a seat, not for a place on the waiting list."""

    def __init__(self) -> None:
        super().__init__("groups.error.not_seated")


class SeatClosed(TranslatedError):
    """A cancelled seat, or one whose attendance is marked, is not cancelled again."""

    def __init__(self) -> None:
        super().__init__("groups.error.seat_closed")


class SessionNotFound(LookupError):
    pass


class SeatNotFound(LookupError):
    pass
