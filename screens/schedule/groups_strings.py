"""Group sessions: the list, one session's people, the dialogs and the store's refusals."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    "groups.error.title": (
        "Anna ryhmätilaisuudelle nimi.",
        "Ge gruppträffen ett namn.",
        "Give the group session a title.",
    ),
    "groups.error.capacity": (
        "Paikkoja on oltava 1–{high}.",
        "Antalet platser ska vara 1–{high}.",
        "The seats must be 1–{high}.",
    ),
    "groups.error.capacity_below": (
        "Paikkoja on jo varattu {booked}: paikkamäärä ei voi olla sitä pienempi.",
        "{booked} platser är redan bokade: antalet kan inte vara mindre.",
        "{booked} seats are already booked: the capacity cannot be less.",
    ),
    "groups.error.cancelled": (
        "Tilaisuus on peruttu.",
        "Träffen är inställd.",
        "The session is cancelled.",
    ),
    "groups.error.seated": (
        "Asiakkaalla on jo paikka tässä tilaisuudessa.",
        "Klienten har redan en plats på träffen.",
        "The client already has a seat in this session.",
    ),
    "groups.error.waiting": (
        "Asiakas on jo tämän tilaisuuden jonossa.",
        "Klienten står redan i kön till träffen.",
        "The client is already on this session's waiting list.",
    ),
    "groups.error.not_seated": (
        "Läsnäolo merkitään vain paikan saaneille, ei jonossa oleville.",
        "Närvaro markeras bara för dem som har plats, inte för dem i kön.",
        "Attendance is marked for seats, not for the waiting list.",
    ),
    "groups.error.seat_closed": (
        "Paikka on jo peruttu tai läsnäolo merkitty: palauta se ensin varatuksi.",
        "Platsen är redan avbokad eller närvaron markerad: gör den först bokad igen.",
        "The seat is already cancelled or its attendance marked: set it back to booked first.",
    ),
}
