"""The booking, moving and cancelling dialogs' texts, and the rooms' refusals."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    "booking.room.field.name": ("Huoneen nimi", "Rummets namn", "Room name"),
    "booking.room.error.empty": (
        "Anna huoneelle nimi.",
        "Ge rummet ett namn.",
        "Give the room a name.",
    ),
    "booking.room.error.taken": (
        "Toimipisteessä on jo huone {room}.",
        "Verksamhetsstället har redan rummet {room}.",
        "The site already has a room called {room}.",
    ),
    "booking.room.error.capacity": (
        "Huoneen paikkaluvun on oltava 1–{most}.",
        "Rummets antal platser ska vara 1–{most}.",
        "The room's capacity must be 1–{most}.",
    ),
}
