"""Texts of the reviews-due screen (F5 → reviews): keys prefixed `reviews.`."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    "reviews.title": (
        "Määräajat: {coach}",
        "Tidsfrister: {coach}",
        "Reviews due: {coach}",
    ),
    "reviews.summary": (
        "{overdue} myöhässä · {due} erääntyy {days} päivän sisällä · {booked} varattu",
        "{overdue} försenade · {due} förfaller inom {days} dagar · {booked} bokade",
        "{overdue} overdue · {due} due within {days} days · {booked} booked",
    ),
    "reviews.empty": (
        "Ei myöhässä olevia eikä {days} päivän sisällä erääntyviä tapaamisia.",
        "Inga försenade möten och inga som förfaller inom {days} dagar.",
        "Nothing overdue and nothing due within {days} days.",
    ),
    "reviews.column.state": ("Tila", "Läge", "State"),
    "reviews.column.client": ("Asiakas", "Kund", "Client"),
    "reviews.column.what": ("Mikä", "Vad", "What"),
    "reviews.column.due": ("Eräpäivä", "Förfaller", "Due"),
    "reviews.column.booked": ("Varattu", "Bokad", "Booked"),
    # The state column: a symbol and a word, never colour alone.
    "reviews.state.overdue": ("! myöhässä", "! försenad", "! overdue"),
    "reviews.state.late": ("! myöhään", "! för sent", "! too late"),
    "reviews.state.booked": ("✓ varattu", "✓ bokad", "✓ booked"),
    "reviews.state.due": ("· tulossa", "· kommer", "· ahead"),
    # The intensive period: how many supplementary discussions are still to hold.
    "reviews.count": ("{count} × {what}", "{count} × {what}", "{count} × {what}"),
    "reviews.hint": (
        "Enter avaa asiakaskortin · b varaa seuraavan vapaan ajan",
        "Enter öppnar kundkortet · b bokar nästa lediga tid",
        "Enter opens the client card · b books the next free time",
    ),
    "reviews.not_yours": (
        "Et voi varata tämän valmentajan kalenteriin.",
        "Du kan inte boka i den här coachens kalender.",
        "You cannot book in this coach's calendar.",
    ),
    "binding.reviews.book": ("Varaa", "Boka", "Book"),
    "binding.reviews.open": ("Asiakaskortti", "Kundkort", "Client card"),
    "binding.reviews.back": ("Takaisin", "Tillbaka", "Back"),
}
