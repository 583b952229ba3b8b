"""Time for the store and the app: stored as ISO 8601 UTC text, shown in the installation's zone.

The installation's time zone is a setting (`timezone`, by default Europe/Helsinki), never
the machine's: a laptop set to UTC must still open the desk at 08:00 Finnish time. One
Luotsi process serves one installation, so the zone is held here once, set by
`Store.open` from the setting, and every conversion between UTC and local time goes
through the functions below.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ZONE = "Europe/Helsinki"


class _Installation:
    zone: ZoneInfo = ZoneInfo(DEFAULT_ZONE)


_NOT_ZONES = frozenset({"localtime", "posixrules", "Factory"})


def zone_named(name: str) -> ZoneInfo | None:
    """The IANA time zone called `name` ("Europe/Helsinki"), or None if there is none."""
    name = name.strip()
    # ZoneInfo also opens the machine's own zone ("localtime"), placeholders and paths:
    # only a named zone passes.
    if not name or name in _NOT_ZONES or name.startswith(("/", ".")) or ".." in name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def use_zone(zone: ZoneInfo) -> None:
    """Make `zone` the installation's time zone for this process (`Store.open` does)."""
    _Installation.zone = zone


def to_local(moment: datetime) -> datetime:
    """An aware moment on the installation's wall clock."""
    return moment.astimezone(_Installation.zone)


def local_moment(day: date, at: time = time()) -> datetime:
    """The aware moment a wall clock in the installation reads `at` on `day`.

    A time skipped by the spring clock change counts as the earlier offset's reading
    (03:30 on the Finnish change day is 04:30 summer time), as a wall clock would be set.
    """
    naive = datetime.combine(day, at)
    return naive.replace(tzinfo=_Installation.zone)


def local_day_bounds(day: date) -> tuple[str, str]:
    """UTC text bounds [start, end) of a local calendar day, for range queries."""
    return to_iso(local_moment(day)), to_iso(local_moment(day + timedelta(days=1)))


def local_clock_times() -> Callable[[str], str]:
    """A converter from stored ISO UTC text to the local 24-hour clock time ('08:05').

    Made for a whole export at once: the offset is worked out once per stored minute,
    since a month of visits repeats the same minutes many times over.
    """
    zone = _Installation.zone
    seen: dict[str, str] = {}

    def clock_time(stored: str) -> str:
        minute = stored[:16]
        text = seen.get(minute)
        if text is None:
            moment = datetime.fromisoformat(minute).replace(tzinfo=UTC)
            text = seen[minute] = moment.astimezone(zone).strftime("%H:%M")
        return text

    return clock_time


class Clock:
    """The real clock; tests and snapshots pass a `FixedClock` instead."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        """Today's date in the installation's zone."""
        return to_local(self.now()).date()


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


def new_id() -> str:
    return str(uuid.uuid4())
