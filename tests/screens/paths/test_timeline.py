"""The path's text timeline, drawn without the app: months, today, statuses, long paths."""

from __future__ import annotations

from datetime import date

import pytest

from screens.paths.timeline import MONTH_WIDTH, TODAY_LINE, TODAY_MARK, column_of, render_timeline
from store.paths.models import PathStep, Service, StepStatus

SERVICES = {
    "trial": Service("trial", "tyokokeilu", "work", "Työkokeilu", "Arbetsprövning", "Work trial", 1, True),
    "training": Service("training", "koulutus", "training", "Työvoimakoulutus", "Arbetskraftsutbildning", "Labour-market training", 2, True),
}  # fmt: skip
TODAY = date(2026, 11, 28)


def step(
    position: int,
    service: str,
    start: date,
    end: date | None,
    status: StepStatus = "planned",
    actual_start: date | None = None,
    actual_end: date | None = None,
) -> PathStep:
    return PathStep(
        f"s{position}", "p", position, service, None, "Varikko", start, end,
        actual_start, actual_end, status, None, None, None, None,
    )  # fmt: skip


def test_months_are_labelled_m_yy_and_each_step_has_its_pattern():
    steps = [
        step(1, "trial", date(2026, 9, 1), date(2027, 2, 28), "active", date(2026, 9, 1)),
        step(2, "training", date(2027, 3, 1), date(2027, 6, 30)),
        step(
            3,
            "trial",
            date(2026, 6, 1),
            date(2026, 7, 15),
            "interrupted",
            date(2026, 6, 1),
            date(2026, 7, 10),
        ),  # fmt: skip
        step(
            4,
            "trial",
            date(2026, 8, 1),
            date(2026, 8, 31),
            "done",
            date(2026, 8, 1),
            date(2026, 8, 31),
        ),  # fmt: skip
        step(5, "training", date(2027, 1, 1), date(2027, 1, 31), "cancelled"),
    ]
    timeline = render_timeline(steps, SERVICES, TODAY, "fi")
    header = timeline.grid[0]
    assert header.split() == ["6/26", "7/26", "8/26", "9/26", "10/26", "11/26", "12/26",
                              "1/27", "2/27", "3/27", "4/27", "5/27", "6/27"]  # fmt: skip
    active, planned, interrupted, done, cancelled = timeline.grid[2:]
    assert set(active.replace(TODAY_LINE, "").strip()) == {"▓"}
    assert set(planned.replace(TODAY_LINE, "").strip()) == {"░"}
    assert interrupted.replace(TODAY_LINE, "").strip().endswith("╳")
    assert set(done.replace(TODAY_LINE, "").strip()) == {"█"}
    assert set(cancelled.replace(TODAY_LINE, "").strip()) == {"─"}
    assert timeline.labels[2].startswith(" 1 Työkokeilu")
    # In Swedish the services have their Swedish names.
    assert render_timeline(steps, SERVICES, TODAY, "sv").labels[3].startswith(" 2 Arbetskraft")


def test_a_whole_month_fills_its_columns_exactly_at_month_ends():
    # February of a leap year and of a common one: the 29th and the 28th are the last cell.
    for year, last in ((2028, 29), (2027, 28)):
        feb = step(1, "trial", date(year, 2, 1), date(year, 2, last), "done",
                   date(year, 2, 1), date(year, 2, last))  # fmt: skip
        timeline = render_timeline([feb], SERVICES, date(year, 2, 10), "fi")
        assert timeline.grid[2].rstrip(" →").replace(TODAY_LINE, "█") == "█" * MONTH_WIDTH
    first = date(2027, 1, 1)
    assert column_of(first, date(2027, 1, 31)) == MONTH_WIDTH - 1
    assert column_of(first, date(2027, 2, 1)) == MONTH_WIDTH


def test_today_is_marked_over_its_column_and_through_empty_rows():
    steps = [step(1, "trial", date(2027, 1, 1), date(2027, 6, 30))]
    timeline = render_timeline(steps, SERVICES, TODAY, "fi")
    column = timeline.today_column
    assert column == column_of(date(2026, 11, 1), TODAY)
    assert timeline.grid[1][column] == TODAY_MARK
    assert timeline.grid[2][column] == TODAY_LINE
    assert timeline.grid[0].startswith("11/26")  # the timeline reaches back to today


def test_a_long_path_is_wider_than_the_screen_and_a_short_one_is_not():
    long_path = [
        step(n, "trial", date(2026 + n, 1, 1), date(2026 + n, 12, 31)) for n in range(1, 5)
    ]
    wide = render_timeline(long_path, SERVICES, TODAY, "fi")
    assert all(len(row) == len(wide.grid[0]) for row in wide.grid)
    assert len(wide.grid[0]) > 80 - 20  # scrolls sideways beside the labels
    short = render_timeline(long_path[:1], SERVICES, TODAY, "fi")
    assert len(short.grid[0]) < len(wide.grid[0])


def test_an_open_ended_step_points_on():
    active = step(1, "trial", date(2026, 10, 1), None, "active", date(2026, 10, 1))
    row = render_timeline([active], SERVICES, TODAY, "fi").grid[2]
    assert row.rstrip().endswith("→") and "▓" in row


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_no_steps_no_timeline(lang):
    assert render_timeline([], SERVICES, TODAY, lang).lines() == []
