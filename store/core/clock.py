"""Time for the store and the app: stored as ISO 8601 UTC text, shown in local time."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime


class Clock:
    """The real clock; tests and snapshots pass a `FixedClock` instead."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return self.now().astimezone().date()


@dataclass
class FixedClock(Clock):
    at: datetime

    def now(self) -> datetime:
        return self.at


def to_iso(moment: datetime) -> str:
    """An aware datetime as sortable UTC text, e.g. 2026-11-28T09:15:00.000Z."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def from_iso(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def local_day_bounds(day: date) -> tuple[str, str]:
    """UTC text bounds [start, end) of a local calendar day, for range queries."""
    start = datetime(day.year, day.month, day.day).astimezone()
    end = datetime.fromordinal(day.toordinal() + 1).astimezone()
    return to_iso(start), to_iso(end)


def new_id() -> str:
    return str(uuid.uuid4())
