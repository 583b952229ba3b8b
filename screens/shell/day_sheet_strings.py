"""Texts of the coach's day sheet on Today (store/schedule/day_sheet.py): fi, sv, en.

The names of appointment kinds, channels and states are the schedule's
(screens/schedule/validation_strings.py); the worklist's kinds are the shell's."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    "binding.today.day_sheet": ("Päivän lista", "Dagens lista", "Day sheet"),
    "daysheet.title": (
        "Päivän lista {date}: {count}",
        "Dagens lista {date}: {count}",
        "Day sheet {date}: {count}",
    ),
    "daysheet.empty": (
        "Päivän lista {date}: ei tapaamisia eikä tehtäviä",
        "Dagens lista {date}: inga möten eller uppgifter",
        "Day sheet {date}: no appointments or tasks",
    ),
    "daysheet.column.time": ("Klo", "Kl.", "Time"),
    "daysheet.column.what": ("Mitä", "Vad", "What"),
    "daysheet.column.client": ("Asiakas", "Klient", "Client"),
    "daysheet.column.state": ("Tila", "Läge", "State"),
    # What a row is.
    "daysheet.what.visitor": ("Jonossa {ticket}", "I kön {ticket}", "At the desk {ticket}"),
    "daysheet.what.review": ("Varaa: {kind}", "Boka: {kind}", "Book: {kind}"),
    "daysheet.what.work": ("{kind}: {service}", "{kind}: {service}", "{kind}: {service}"),
    # Its state.
    "daysheet.state.arrived": ("✓ saapunut {ticket}", "✓ anländ {ticket}", "✓ arrived {ticket}"),
    "daysheet.state.with_you": ("✓ luonasi {ticket}", "✓ hos dig {ticket}", "✓ with you {ticket}"),
    "daysheet.state.transferred": ("siirretty sinulle", "överförd till dig", "passed to you"),
    "daysheet.state.asks_for_you": ("kysyy sinua", "frågar efter dig", "asks for you"),
    "daysheet.state.called": ("kutsuttu ({desk})", "kallad ({desk})", "called ({desk})"),
    "daysheet.state.serving": ("palvelussa", "betjänas", "being served"),
    "daysheet.state.seats": (
        "{booked}/{capacity} paikkaa",
        "{booked}/{capacity} platser",
        "{booked}/{capacity} seats",
    ),
    "daysheet.state.seats_waiting": (
        "{booked}/{capacity} +{waiting} jonossa",
        "{booked}/{capacity} +{waiting} i kö",
        "{booked}/{capacity} +{waiting} waiting",
    ),
    "daysheet.state.overdue": ("! myöhässä {date}", "! försenad {date}", "! overdue {date}"),
    "daysheet.state.due": ("viim. {date}", "senast {date}", "due {date}"),
    "daysheet.state.booked": ("varattu {date}", "bokad {date}", "booked {date}"),
    # What Enter did.
    "daysheet.called": (
        "{ticket} {name} kutsuttu pisteelle {desk}",
        "{ticket} {name} kallad till disk {desk}",
        "{ticket} {name} called to desk {desk}",
    ),
    "daysheet.call_too_late": (
        "{ticket} ei enää odota: joku ehti kutsua hänet",
        "{ticket} väntar inte längre: någon hann kalla hen",
        "{ticket} is no longer waiting: someone called them first",
    ),
    "daysheet.desk_occupied": (
        "Pisteellä {desk} on vielä {ticket}: lopeta se ensin jonossa (F2)",
        "Vid disk {desk} finns ännu {ticket}: avsluta det först i kön (F2)",
        "Desk {desk} still has {ticket}: finish that first in the queue (F2)",
    ),
}
