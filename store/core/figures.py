"""The figures every report shows, each worked out by one function: median, percentile,
minutes, percentage."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from datetime import datetime, timedelta
from fractions import Fraction

_MINUTE = timedelta(minutes=1)
# Stored instants end in "Z", which `fromisoformat` reads since Python 3.11.
_instant = datetime.fromisoformat


def median(values: Sequence[int]) -> float | None:
    """The usual median: the middle value, or the mean of the two middle ones; None for none."""
    return float(statistics.median(values)) if values else None


def percentile_nearest_rank(values: Sequence[int], percent: float) -> int | None:
    """The nearest-rank percentile: the smallest value with at least `percent` % of the
    values at or below it, i.e. the ⌈percent/100 · n⌉-th smallest. Always one of the
    values (never interpolated); None for no values."""
    if not values:
        return None
    if not 0 < percent <= 100:
        raise ValueError("percent must be in (0, 100]")
    rank = math.ceil(percent / 100 * len(values))
    return sorted(values)[rank - 1]


def minutes_between(start: str | datetime, end: str | datetime) -> int:
    """Whole minutes from `start` to `end` (stored ISO 8601 text or aware datetimes),
    counted down to the minute and never negative: 9:00:00 to 9:12:59 is 12."""
    begun = start if isinstance(start, datetime) else _instant(start)
    ended = end if isinstance(end, datetime) else _instant(end)
    return max(0, (ended - begun) // _MINUTE)


def percentage(part: int, whole: int) -> float:
    """`part` as a percentage of `whole`, to one decimal, halves rounded up (1 of 8 is
    12.5, 1 of 3 is 33.3, 1 of 16 is 6.3); 0.0 when `whole` is 0. Worked out exactly, so
    no binary fraction tips a half either way."""
    if whole <= 0:
        return 0.0
    tenths = math.floor(Fraction(1000 * part, whole) + Fraction(1, 2))
    return tenths / 10
