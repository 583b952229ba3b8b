"""Which edit a side makes next in the simulated week: a random one of the kinds a coach on
a laptop or the office's staff make, or a deliberate overlap between the office and a
laptop (or two laptops) that must end as a conflict, never as a silent overwrite."""

# pyright: basic
from __future__ import annotations

import random
from collections.abc import Sequence

from bench.sync_sim_edits import EDITABLE_FIELDS, FIRST_NAMES, MUNICIPALITIES, Side, new_hetu, slot


def field_value(rng: random.Random, column: str) -> str:
    n = rng.randrange(10**6, 10**7)
    return {
        "phone": f"040 {n}",
        "email": f"asiakas{n}@example.fi",
        "municipality": rng.choice(MUNICIPALITIES),
        "consent_notes": f"Suostumus {n}",
        "first_name": rng.choice(FIRST_NAMES),
    }[column]


def _coaches(side: Side) -> list[str]:
    rows = side.store.db.execute(
        "SELECT id FROM staff WHERE role = 'coach' AND active = 1 ORDER BY username"
    )
    return [row[0] for row in rows]


def random_edit(rng: random.Random, side: Side) -> int:
    """One random edit on `side`; returns 1 (an edit was attempted)."""
    clients = side.living_clients()
    if not clients:
        side.new_client(rng)
        return 1
    client = rng.choice(clients)
    laptop = side.coach is not None
    kinds = ["edit"] * 4 + ["new", "book", "book", "cancel"]
    kinds += ["step", "step", "reading", "move"] if laptop else ["delete"]
    kind = rng.choice(kinds)
    if kind == "edit":
        column = rng.choice(EDITABLE_FIELDS)
        side.edit_client(client, column, field_value(rng, column))
    elif kind == "new":
        side.new_client(rng)
    elif kind == "delete" and rng.random() < 0.3:
        side.delete_client(client)
    elif kind == "step":
        side.add_step(rng, client)
    elif kind == "reading":
        side.reading(rng, client)
    elif kind in ("book", "delete"):
        coach = side.coach.id if side.coach else rng.choice(_coaches(side))
        side.book(client, coach, slot(rng, side.clock.at.date()))
    else:
        coach = side.coach.id if side.coach else rng.choice(_coaches(side))
        appointments = side.open_appointments(coach)
        if appointments and kind == "move":
            side.move(rng.choice(appointments), slot(rng, side.clock.at.date()))
        elif appointments:
            side.cancel(rng.choice(appointments))
    return 1


def _shared_client(rng: random.Random, office: Side, laptop: Side) -> str | None:
    """A client living both on the laptop and at the office."""
    living = set(office.living_clients())
    shared = [c for c in laptop.living_clients() if c in living]
    return rng.choice(shared) if shared else None


def overlapping_edit(rng: random.Random, office: Side, laptops: Sequence[Side]) -> int:
    """A deliberate overlap; returns how many edits were attempted."""
    laptop = rng.choice(laptops)
    kind = rng.choice(("field", "field", "delete", "same_hetu", "twin_hetu", "booking", "moved"))
    first_office = rng.random() < 0.5
    if kind == "twin_hetu":  # two laptops register the same person
        other = rng.choice([side for side in laptops if side is not laptop])
        hetu = new_hetu(rng)
        laptop.new_client(rng, hetu)
        other.new_client(rng, hetu)
        return 2
    if kind == "same_hetu":  # the office and a laptop register the same person
        hetu = new_hetu(rng)
        for side in (office, laptop) if first_office else (laptop, office):
            side.new_client(rng, hetu)
        return 2
    if kind == "booking":  # the laptop's coach booked at the same time on both sides
        assert laptop.coach is not None
        start = slot(rng, laptop.clock.at.date())
        mine = laptop.living_clients()
        theirs = office.living_clients()
        if not mine or not theirs:
            return 0
        laptop.book(rng.choice(mine), laptop.coach.id, start)
        office.book(rng.choice(theirs), laptop.coach.id, start)
        return 2
    if kind == "moved":  # the laptop moves an appointment the office cancels
        assert laptop.coach is not None
        mine = set(laptop.open_appointments(laptop.coach.id))
        shared = [a for a in office.open_appointments(laptop.coach.id) if a in mine]
        if not shared:
            return 0
        appointment = rng.choice(shared)
        laptop.move(appointment, slot(rng, laptop.clock.at.date()))
        office.cancel(appointment)
        return 2
    client = _shared_client(rng, office, laptop)
    if client is None:
        return 0
    column = rng.choice(EDITABLE_FIELDS)
    edits = [lambda: laptop.edit_client(client, column, field_value(rng, column))]
    if kind == "field":  # the same field of one client on both sides
        edits.append(lambda: office.edit_client(client, column, field_value(rng, column)))
    else:  # the office deletes a client the laptop edits
        edits.append(lambda: office.delete_client(client))
    for edit in reversed(edits) if first_office else edits:
        edit()
    return 2
