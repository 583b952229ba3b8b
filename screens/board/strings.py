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
    # The board reads only the side file the desks write (see store.visits.board_feed).
    "board.error.no_feed": (
        "odotustilan näytöllä ei ole vielä tietoja tietokannasta {path}: avaa Luotsi"
        " sillä kerran palvelupisteessä (luotsi --db {path}), niin näyttö saa jonon",
        "väntrummets skärm har inga uppgifter ännu från databasen {path}: öppna Luotsi"
        " med den en gång vid en lucka (luotsi --db {path}) så får skärmen kön",
        "the waiting-room board has no data yet from the database {path}: open Luotsi on"
        " it once at a desk (luotsi --db {path}) and the board gets the queue",
    ),
    "board.error.feed_damaged": (
        "odotustilan näytön tiedosto tietokannan {path} vieressä on vioittunut: avaa Luotsi"
        " palvelupisteessä (luotsi --db {path}), niin se kirjoitetaan uudelleen",
        "väntrummets skärmfil bredvid databasen {path} är skadad: öppna Luotsi vid en lucka"
        " (luotsi --db {path}) så skrivs den på nytt",
        "the waiting-room board's file beside the database {path} is damaged: open Luotsi"
        " at a desk (luotsi --db {path}) and it is written anew",
    ),
    "board.error.feed_busy": (
        "palvelupiste kirjoittaa juuri odotustilan näytön tietoja ({path}); yritä hetken"
        " päästä uudelleen",
        "en lucka skriver just väntrummets skärmuppgifter ({path}); försök igen om en stund",
        "a desk is writing the waiting-room board's data just now ({path}); try again in a moment",
    ),
}
