"""The figures every report shows: median, nearest-rank percentile, whole minutes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.core.clock import to_iso
from store.core.figures import median, minutes_between, percentage, percentile_nearest_rank


def test_nearest_rank_percentile_is_always_one_of_the_values():
    waits = [41, 0, 12, 3, 20, 5, 8]
    assert percentile_nearest_rank(waits, 90) == 41  # ⌈6.3⌉ = 7th of 7
    assert percentile_nearest_rank(waits, 50) == 8
    assert percentile_nearest_rank(list(range(1, 11)), 90) == 9  # ⌈9.0⌉ = 9th
    assert percentile_nearest_rank(list(range(1, 12)), 90) == 10  # ⌈9.9⌉ = 10th
    assert percentile_nearest_rank([7], 90) == 7
    assert percentile_nearest_rank([], 90) is None
    with pytest.raises(ValueError):
        percentile_nearest_rank([1], 0)


def test_median_of_odd_and_even_counts():
    assert median([41, 0, 12, 3, 20, 5, 8]) == 8
    assert median([3, 5, 8, 12]) == 6.5
    assert median([1, 2, 3, 4]) == 2.5
    assert median([]) is None


START = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)


def test_minutes_are_whole_and_never_negative():
    assert minutes_between(to_iso(START), to_iso(START + timedelta(minutes=12, seconds=59))) == 12
    assert minutes_between(to_iso(START), START + timedelta(minutes=13)) == 13
    assert minutes_between(START, START + timedelta(seconds=59, microseconds=999_000)) == 0
    assert minutes_between(to_iso(START), to_iso(START - timedelta(minutes=5))) == 0


@given(st.integers(min_value=-(10**6), max_value=10**9))
def test_whole_minutes_are_counted_down_and_never_negative(milliseconds: int):
    start = to_iso(START)
    end = to_iso(START + timedelta(milliseconds=milliseconds))
    assert minutes_between(start, end) == max(0, milliseconds // 60_000)


@pytest.mark.parametrize(
    ("part", "whole", "shown"),
    [
        (1, 8, 12.5),
        (1, 3, 33.3),
        (2, 3, 66.7),
        (1, 16, 6.3),
        (3, 16, 18.8),
        (0, 5, 0.0),
        (5, 5, 100.0),
        (0, 0, 0.0),
        (1, 2000, 0.1),
        (1, 2001, 0.0),
    ],
)
def test_a_percentage_has_one_decimal_and_halves_round_up(part, whole, shown):
    assert percentage(part, whole) == shown
