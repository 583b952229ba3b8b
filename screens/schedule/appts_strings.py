"""Texts of the appointment store's own refusals and of a staff member's team."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    "text.field.staff.team": ("Tiimi", "Team", "Team"),
    "schedule.appts.error.not_started": (
        "Tapaaminen ei ole vielä alkanut: sitä ei voi merkitä pidetyksi eikä poisjäänniksi.",
        "Mötet har inte börjat än: det kan inte markeras som hållet eller uteblivet.",
        "The appointment has not started yet: it cannot be marked done or a no-show.",
    ),
    "schedule.appts.error.not_today": (
        "Asiakkaan voi merkitä saapuneeksi vain tapaamisen päivänä, eikä saapunutta"
        " tapaamista siirretä toiselle päivälle.",
        "Kunden kan markeras som anländ bara på mötets dag, och ett möte där kunden"
        " har anlänt flyttas inte till en annan dag.",
        "A client is marked arrived only on the day of the appointment, and an appointment"
        " the client has arrived for is not moved to another day.",
    ),
}
