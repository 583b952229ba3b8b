"""Texts of the appointment store's own refusals and of a staff member's team."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    "text.field.staff.team": ("Tiimi", "Team", "Team"),
    "schedule.appts.group_session": ("ryhmätilaisuus", "gruppträff", "group session"),
    "schedule.appts.error.not_started": (
        "Tapaaminen ei ole vielä alkanut: poisjäänniksi sen voi merkitä vasta alkamisajan"
        " jälkeen ja pidetyksi aikaisintaan sen päivänä.",
        "Mötet har inte börjat: som uteblivet kan det markeras först efter starttiden och"
        " som hållet tidigast på sin dag.",
        "The appointment has not begun: it can be marked a no-show only after it starts,"
        " and done on its own day at the earliest.",
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
