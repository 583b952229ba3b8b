"""What the sample modules share: ids drawn from the seed, and Helsinki wall-clock time."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, time, timedelta
from functools import cache


def seeded_uuid(rng: random.Random) -> str:
    """A UUID drawn from `rng`, so the same seed gives the same ids."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


# Helsinki time without a time-zone database (Windows has none): EU summer time runs
# from the last Sunday of March to the last Sunday of October. Resolved by the day,
# which is exact for every hour a service point is open.
def _last_sunday(year: int, month: int) -> date:
    last = date(year, month + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - 6) % 7)


@cache
def helsinki_offset(day: date) -> timedelta:
    summer = _last_sunday(day.year, 3) <= day < _last_sunday(day.year, 10)
    return timedelta(hours=3 if summer else 2)


def helsinki_moment(day: date, minutes: float) -> datetime:
    """The UTC moment `minutes` after midnight of `day` on a Helsinki wall clock."""
    midnight = datetime.combine(day, time(), UTC)
    return midnight + timedelta(minutes=minutes) - helsinki_offset(day)


def helsinki_minutes(moment: datetime) -> tuple[date, float]:
    """(the Helsinki day, minutes after its midnight) of an aware moment."""
    local = moment.astimezone(UTC).replace(tzinfo=None)
    day = (local + helsinki_offset(local.date())).date()
    local += helsinki_offset(day)
    return local.date(), (local - datetime.combine(local.date(), time())).total_seconds() / 60
