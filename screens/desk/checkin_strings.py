"""UI strings of check-in at the desk (a booking of today shown with the visitor, one key
to check them in) and of the no-show offer, and the refusals of `Store.checkin`."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    # Over the visitor's bookings of today in the visit form.
    "checkin.today": (
        "Varaus tänään · Enter: saapui",
        "Bokning i dag · Enter: har anlänt",
        "Booked today · Enter: checks in",
    ),
    "checkin.hint": (
        "Numero/Tab: muu asia · Esc peru",
        "Siffra/Tab: annat ärende · Esc avbryt",
        "Digit/Tab: other matter · Esc cancels",
    ),
    "checkin.done": (
        "{ticket} saapunut: {name} · klo {time} {coach}",
        "{ticket} har anlänt: {name} · kl. {time} {coach}",
        "{ticket} checked in: {name} · {time} with {coach}",
    ),
    # The queue's state of a checked-in visitor: who they wait for.
    "checkin.state.waiting_for": ("odottaa: {name}", "väntar: {name}", "waiting: {name}"),
    # The no-show offer: a line over the desk, and the list Ctrl+Y opens.
    "checkin.late.one": (
        "⚠ {count} varattu asiakas ei ole saapunut · Ctrl+Y käsittele",
        "⚠ {count} bokad klient har inte kommit · Ctrl+Y hantera",
        "⚠ {count} booked client has not arrived · Ctrl+Y handle",
    ),
    "checkin.late.other": (
        "⚠ {count} varattua asiakasta ei ole saapunut · Ctrl+Y käsittele",
        "⚠ {count} bokade klienter har inte kommit · Ctrl+Y hantera",
        "⚠ {count} booked clients have not arrived · Ctrl+Y handle",
    ),
    "checkin.late.none": (
        "Kukaan varattu asiakas ei ole myöhässä.",
        "Ingen bokad klient är sen.",
        "No booked client is late.",
    ),
    "noshow.title": (
        "Varatut asiakkaat, jotka eivät ole saapuneet (15 min)",
        "Bokade klienter som inte har kommit (15 min)",
        "Booked clients who have not arrived (15 min)",
    ),
    "noshow.hint": (
        "Enter: ei saapunut · Delete: ohita · Esc sulkee",
        "Enter: uteblev · Delete: hoppa över · Esc stänger",
        "Enter: no-show · Delete: skip · Esc closes",
    ),
    "noshow.col.time": ("Klo", "Kl.", "Time"),
    "noshow.col.client": ("Asiakas", "Klient", "Client"),
    "noshow.col.coach": ("Valmentaja", "Coach", "Coach"),
    "noshow.marked": (
        "{time} {name}: ei saapunut",
        "{time} {name}: uteblev",
        "{time} {name}: no-show",
    ),
    "binding.walkin.no_shows": ("Ei saapuneet", "Uteblivna", "No-shows"),
    "binding.noshow.skip": ("Ohita", "Hoppa över", "Skip"),
    "binding.noshow.close": ("Sulje", "Stäng", "Close"),
    "binding.booking.check_in": ("Saapui", "Har anlänt", "Arrived"),
    "binding.checkin.offer.cancel": ("Peru", "Avbryt", "Cancel"),
    # Store.checkin's refusals (store/schedule/checkin.py).
    "checkin.error.already": (
        "Asiakas on jo ilmoitettu saapuneeksi tähän tapaamiseen.",
        "Klienten är redan incheckad till det här mötet.",
        "The client is already checked in for this appointment.",
    ),
    "checkin.error.already_as": (
        "Asiakas on jo ilmoitettu saapuneeksi tähän tapaamiseen ({ticket}).",
        "Klienten är redan incheckad till det här mötet ({ticket}).",
        "The client is already checked in for this appointment ({ticket}).",
    ),
    "checkin.error.not_today": (
        "Varaus on {day}: saapuneeksi ilmoitetaan vain tämän päivän varaus.",
        "Bokningen är {day}: bara dagens bokning checkas in.",
        "The booking is on {day}: only today's booking is checked in.",
    ),
    "checkin.error.in_queue": (
        "Asiakas on jo jonossa ({ticket}).",
        "Klienten står redan i kön ({ticket}).",
        "The client is already in the queue ({ticket}).",
    ),
    "checkin.error.not_late": (
        "Ei vielä: asiakas ehtii saapua klo {until} asti.",
        "Inte ännu: klienten hinner komma fram till kl. {until}.",
        "Not yet: the client has until {until} to arrive.",
    ),
}
