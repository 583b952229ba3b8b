"""UI strings of the waiting-room board."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    "board.title": ("Vuorossa", "Nu betjänas", "Now serving"),
    "board.ticket": ("Vuoronumero", "Könummer", "Ticket"),
    "board.desk": ("Palvelupiste", "Lucka", "Desk"),
    "board.empty": (
        "Ota vuoronumero ja odota hetki – kutsumme sinut pian.",
        "Ta en könummer och vänta en stund – vi ropar snart upp dig.",
        "Take a ticket and wait a moment – we will call you soon.",
    ),
    "board.stale": (
        "⚠ Näyttö ei saa tietoja, numerot voivat olla vanhoja",
        "⚠ Skärmen får inga uppgifter, numren kan vara gamla",
        "⚠ The board gets no data, the numbers may be out of date",
    ),
}
