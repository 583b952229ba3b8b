"""What the sample modules share: ids drawn from the seed, and Helsinki wall-clock time."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from store.core.clock import DEFAULT_ZONE


def seeded_uuid(rng: random.Random) -> str:
    """A UUID drawn from `rng`, so the same seed gives the same ids."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


# The sample is a Finnish installation, on Helsinki time whatever the machine's zone. The
# offset is resolved by the day (at noon), which is exact for every hour a service point
# is open and keeps the many thousands of sample times cheap.
HELSINKI = ZoneInfo(DEFAULT_ZONE)


@cache
def helsinki_offset(day: date) -> timedelta:
    offset = datetime.combine(day, time(12), HELSINKI).utcoffset()
    assert offset is not None
    return offset


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
