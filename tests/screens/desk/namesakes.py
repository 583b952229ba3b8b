"""Three clients who share a surname, as the desk meets them: two Anna-Liisas in all but
their second name, one without an identity code."""

from __future__ import annotations

from tests.conftest import World, make_hetu

SURNAME = "Söderholm-Mäkelä"
# (first name, birth date, identity code), in the order the search sorts them.
PEOPLE = (
    ("Anna-Leena", "29.4.1994", make_hetu("290494", "-", 941)),
    ("Anna-Liisa", "12.3.1987", make_hetu("120387", "-", 923)),
    ("Juha-Pekka", "31.5.1966", None),
)


def add_namesakes(world: World) -> list[str]:
    """Register the three; their client ids in search order."""
    ids = []
    for first, born, hetu in PEOPLE:
        raw = {"last_name": SURNAME, "first_name": first}
        raw |= {"hetu": hetu} if hetu else {"birth_date": born}
        ids.append(world.store.clients.create(world.admin, raw).id)
    return ids
