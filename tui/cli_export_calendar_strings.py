"""Texts of `luotsi export calendar`."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    "cli.export.calendar.done": (
        "{path}: {first}–{last}, {appointments} tapaamista, {sessions} ryhmätilaisuutta,"
        " {absences} poissaoloa (valmentaja {coach})\nSHA-256 {sha256}",
        "{path}: {first}–{last}, {appointments} möten, {sessions} gruppträffar,"
        " {absences} frånvaron (coach {coach})\nSHA-256 {sha256}",
        "{path}: {first}–{last}, {appointments} appointments, {sessions} group sessions,"
        " {absences} absences (coach {coach})\nSHA-256 {sha256}",
    ),
    "cli.export.calendar.unknown_coach": (
        "käyttäjää {username} ei ole; anna valmentajan käyttäjätunnus valitsimelle --coach",
        "användaren {username} finns inte; ange coachens användarnamn med --coach",
        "there is no user {username}; give --coach a coach's username",
    ),
    "cli.export.calendar.not_allowed": (
        "käyttäjä {username} ei saa viedä kalentereita",
        "användaren {username} får inte exportera kalendrar",
        "{username} may not export calendars",
    ),
}
