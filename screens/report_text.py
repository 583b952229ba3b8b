"""The day report's text pieces at their old address, for the `luotsi report` command.

The command imports this module and relies on it to make the report's strings known;
once it calls `screens.strings.load_screen_strings()` itself, this module can go.
"""

from __future__ import annotations

from .reports.report_text import (
    BAR_CHAR,
    BAR_WIDTH,
    bar,
    channel_label,
    channels_table,
    hour_lines,
    hours_table,
    left_text,
    longest_table,
    nps_text,
    number,
    reasons_table,
    report_table,
    served_table,
    state_label,
    waits_text,
)
from .strings import load_screen_strings

load_screen_strings()

__all__ = [
    "BAR_CHAR",
    "BAR_WIDTH",
    "bar",
    "channel_label",
    "channels_table",
    "hour_lines",
    "hours_table",
    "left_text",
    "longest_table",
    "nps_text",
    "number",
    "reasons_table",
    "report_table",
    "served_table",
    "state_label",
    "waits_text",
]
