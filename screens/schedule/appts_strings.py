"""Texts of the appointment store's own refusals and of a staff member's team."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    "text.field.staff.team": ("Tiimi", "Team", "Team"),
}
