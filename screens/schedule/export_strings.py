"""Texts of the calendar export (F5 and `luotsi export calendar`): the dialog, the file's
own words, and the store's refusals."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    # In the file (the coach's language).
    "calendar_export.calendar_name": (
        "Luotsi: {name}",
        "Luotsi: {name}",
        "Luotsi: {name}",
    ),
    "calendar_export.away": ("poissa", "borta", "away"),
    # The store's refusals, in the dialog and the CLI.
    "calendar_export.error.too_long": (
        "jakso on liian pitkä: enintään {days} päivää kerrallaan",
        "perioden är för lång: högst {days} dagar åt gången",
        "the range is too long: at most {days} days at a time",
    ),
    "calendar_export.error.suffix": (
        "kalenteritiedoston nimen pitää päättyä .ics: {path}",
        "kalenderfilens namn ska sluta på .ics: {path}",
        "a calendar file's name must end in .ics: {path}",
    ),
    "calendar_export.error.unknown_coach": (
        "valmentajaa ei löydy",
        "coachen finns inte",
        "there is no such coach",
    ),
    "calendar_export.error.not_yours": (
        "Voit viedä vain oman ja tiimisi kalenterin.",
        "Du kan exportera bara din egen och ditt teams kalender.",
        "You can export only your own and your team's calendar.",
    ),
    # The dialog.
    "calendar_export.title": (
        "Vie kalenteri: {name}",
        "Exportera kalendern: {name}",
        "Export the calendar: {name}",
    ),
    "calendar_export.what": (
        "Tapaamiset, vetämäsi ryhmätilaisuudet ja poissaolot iCalendar-tiedostona (.ics)"
        " Outlookiin tai muuhun kalenteriin. Asiakkaista vain nimikirjaimet ja tapaamisen"
        " tyyppi; ei henkilötunnuksia, puhelinnumeroita eikä muistiinpanoja.",
        "Möten, gruppträffar du håller och frånvaro som iCalendar-fil (.ics) för Outlook"
        " eller en annan kalender. Om klienter bara initialer och mötets typ; inga"
        " personbeteckningar, telefonnummer eller anteckningar.",
        "Appointments, the group sessions hosted and absences as an iCalendar file (.ics)"
        " for Outlook or another calendar. Clients by initials and the kind of appointment"
        " only; no identity codes, phone numbers or notes.",
    ),
    "calendar_export.from": ("Alkaen (p.k.vvvv)", "Från (d.m.åååå)", "From (d.m.yyyy)"),
    "calendar_export.to": ("Päättyen (p.k.vvvv)", "Till (d.m.åååå)", "To (d.m.yyyy)"),
    "calendar_export.path": ("Tiedosto (.ics)", "Fil (.ics)", "File (.ics)"),
    "calendar_export.hint": (
        "Tab: seuraava kenttä · Enter kirjoittaa tiedoston · Esc peruu",
        "Tab: nästa fält · Enter skriver filen · Esc avbryter",
        "Tab: next field · Enter writes the file · Esc cancels",
    ),
    "calendar_export.done.one": (
        "{count} tapahtuma viety: {path}",
        "{count} händelse exporterad: {path}",
        "{count} event exported: {path}",
    ),
    "calendar_export.done.other": (
        "{count} tapahtumaa viety: {path}",
        "{count} händelser exporterade: {path}",
        "{count} events exported: {path}",
    ),
    "calendar_export.empty": (
        "Anna tiedoston nimi (.ics)",
        "Ange filens namn (.ics)",
        "Give the file a name (.ics)",
    ),
    "binding.calendar_export.write": ("Kirjoita", "Skriv", "Write"),
    "binding.calendar_export.cancel": ("Peru", "Avbryt", "Cancel"),
}
