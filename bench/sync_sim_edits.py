"""The simulated week's edits: one side (the office or a laptop) changing its own database
through the store's own repositories, the same code the screens call, and a log of every
field each edit wrote (side, table, row, column, value) for the lost-edit check.

Used by bench/sync_sim.py (the week) and tests/store/sync/test_week.py.
"""

# pyright: basic
from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from store.api import Store
from store.clients.models import Client
from store.clients.validation import ValidationError, hetu_check_char
from store.core.clock import FixedClock, local_moment, to_iso
from store.core.dates import format_date
from store.core.i18n import TranslatedError
from store.core.models import Staff
from store.schedule.models import Booking
from store.sync.tables import BOOKKEEPING

Touched = list[tuple[str, str]]  # (table, row id) an edit wrote
EDITABLE_FIELDS = ("phone", "email", "municipality", "consent_notes", "first_name")
MUNICIPALITIES = ("Turku", "Raisio", "Kaarina", "Naantali", "Lieto", "Masku", "Rusko")


@dataclass(frozen=True)
class Edit:
    """One field one edit wrote, on one side, in the order the simulation made them."""

    seq: int
    at: str
    side: str
    kind: str  # what the simulator did: "edit_client", "book", ...
    table: str
    row_id: str
    column: str
    value: object


@dataclass
class EditLog:
    """Every field written by the simulator's edits, and a sequence shared with the other
    events of the week (packs, check-ins, check-outs) so that "who had seen what" can be
    told afterwards."""

    edits: list[Edit] = field(default_factory=list[Edit])
    seq: int = 0

    def tick(self) -> int:
        self.seq += 1
        return self.seq

    def record(
        self,
        side: str,
        kind: str,
        at: str,
        table: str,
        row_id: str,
        before: dict[str, object] | None,
        after: dict[str, object],
    ) -> int:
        """Log the fields that differ between `before` (None for a new row) and `after`."""
        seq = self.tick()
        count = 0
        for column, value in after.items():
            if column in BOOKKEEPING or column == "id":
                continue
            if before is not None and before.get(column) == value:
                continue
            if before is None and column == "deleted_at":
                continue
            self.edits.append(Edit(seq, at, side, kind, table, row_id, column, value))
            count += 1
        return count


def row_of(store: Store, table: str, row_id: str) -> dict[str, object] | None:
    cursor = store.db.execute(f"SELECT * FROM {table} WHERE id = ?", [row_id])
    names = [d[0] for d in cursor.description]
    row = cursor.fetchone()
    return dict(zip(names, row, strict=True)) if row else None


def client_form(client: Client) -> dict[str, str]:
    """A client as its card's form holds it (dates d.m.yyyy, empty for none)."""
    values: dict[str, str] = {}
    for name in (
        "hetu", "last_name", "first_name", "birth_date", "phone", "email",
        "service_language", "mother_tongue", "municipality", "coach_id",
        "jobseeker_since", "unemployed_since", "consent_notes",
    ):  # fmt: skip
        value = getattr(client, name)
        values[name] = format_date(value) if isinstance(value, date) else (value or "")
    return values


def new_hetu(rng: random.Random) -> str:
    """A valid temporary HETU (individual number 900–999) of someone born 1960–2004."""
    born = date(1960, 1, 1) + timedelta(days=rng.randrange(45 * 365))
    digits = born.strftime("%d%m%y") + f"{rng.randrange(900, 1000):03d}"
    sign = "-" if born.year < 2000 else "A"
    return f"{digits[:6]}{sign}{digits[6:]}{hetu_check_char(digits)}"


FIRST_NAMES = ("Aino", "Eero", "Helmi", "Onni", "Saara", "Väinö", "Åsa", "Linnea", "Omar")
LAST_NAMES = ("Mäkelä", "Nieminen", "Östman", "Korhonen", "Haddad", "Lindholm", "Salo")


class Side:
    """One database of the week and the people who edit it. Each edit is one call of a
    store repository; what it wrote is read back from the database and logged."""

    def __init__(
        self,
        name: str,
        store: Store,
        clock: FixedClock,
        log: EditLog,
        *,
        editor: Staff,
        admin: Staff | None = None,
        coach: Staff | None = None,
    ) -> None:
        self.name = name
        self.store = store
        self.clock = clock
        self.log = log
        self.editor = editor  # edits clients and books (a coach on a laptop; reception)
        self.admin = admin  # deletes clients (the office only)
        self.coach = coach  # whose calendar and caseload (None: any coach's)
        # Edits the store refused (a clash, a draft in progress, ...), by what and why.
        self.refused: dict[str, int] = {}

    # What a side holds ----------------------------------------------------------------

    def living_clients(self) -> list[str]:
        sql = "SELECT id FROM client WHERE deleted_at IS NULL"
        params: list[object] = []
        if self.coach is not None:
            sql += " AND coach_id = ?"
            params.append(self.coach.id)
        return [row[0] for row in self.store.db.execute(sql + " ORDER BY created_at, id", params)]

    # Clients ----------------------------------------------------------------------------

    def edit_client(self, client_id: str, column: str, value: str) -> Touched:
        """Change one field of a client's card, as the card's form saves it."""
        before = row_of(self.store, "client", client_id)

        def do() -> Touched:
            form = client_form(self.store.clients.open(self.editor, client_id))
            self.store.clients.update(self.editor, client_id, {**form, column: value})
            return [("client", client_id)]

        return self._logged("edit_client", do, {("client", client_id): before})

    def new_client(self, rng: random.Random, hetu: str | None = None) -> Touched:
        form = {
            "hetu": hetu or new_hetu(rng),
            "last_name": rng.choice(LAST_NAMES),
            "first_name": rng.choice(FIRST_NAMES),
            "phone": f"040 {rng.randrange(1000000, 9999999)}",
            "municipality": rng.choice(MUNICIPALITIES),
            "coach_id": self.coach.id if self.coach else "",
        }

        def do() -> Touched:
            return [("client", self.store.clients.create(self.editor, form).id)]

        return self._logged("new_client", do, {})

    def delete_client(self, client_id: str) -> Touched:
        assert self.admin is not None
        before = row_of(self.store, "client", client_id)

        def do() -> Touched:
            self.store.clients.delete(self.admin, client_id)  # type: ignore[arg-type]
            return [("client", client_id)]

        return self._logged("delete_client", do, {("client", client_id): before})

    # Paths and readings (a coach's own clients) ----------------------------------------

    def add_step(self, rng: random.Random, client_id: str) -> Touched:
        services = [s.code for s in self.store.catalog.services()]
        start = self.clock.at.date() + timedelta(days=rng.randrange(1, 30))

        def do() -> Touched:
            path = self.store.paths.start(self.editor, client_id)
            step = self.store.paths.add_step(
                self.editor,
                path.id,
                {"service": rng.choice(services), "planned_start": format_date(start)},
            )
            return [("path_step", step.id)]

        return self._logged("add_step", do, {})

    def reading(self, rng: random.Random, client_id: str) -> Touched:
        """A Kompassi reading filled in and finished: the reading and its answers."""
        kompassi = self.store.kompassi

        def do() -> Touched:
            reading = kompassi.start(self.editor, client_id)
            instrument = self.store.instruments.get(reading.instrument_id)
            touched: Touched = [("kompassi_reading", reading.id)]
            for domain in instrument.domains:
                score = rng.randint(instrument.scale_min, instrument.scale_max)
                kompassi.answer(self.editor, reading.id, domain.code, score=score)
            kompassi.finish(self.editor, reading.id)
            rows = self.store.db.execute(
                "SELECT id FROM kompassi_answer WHERE reading_id = ?", [reading.id]
            ).fetchall()
            return touched + [("kompassi_answer", row[0]) for row in rows]

        return self._logged("reading", do, {})

    # The calendar -------------------------------------------------------------------------

    def book(self, client_id: str, coach_id: str, starts_at: datetime) -> Touched:
        booking = Booking(client_id=client_id, coach_id=coach_id, starts_at=starts_at, minutes=45)

        def do() -> Touched:
            return [("appointment", self.store.schedule.book(self.editor, booking).id)]

        return self._logged("book", do, {})

    def cancel(self, appointment_id: str) -> Touched:
        before = row_of(self.store, "appointment", appointment_id)

        def do() -> Touched:
            self.store.schedule.cancel(self.editor, appointment_id, "by_client")
            return [("appointment", appointment_id)]

        return self._logged("cancel", do, {("appointment", appointment_id): before})

    def move(self, appointment_id: str, starts_at: datetime) -> Touched:
        before = row_of(self.store, "appointment", appointment_id)

        def do() -> Touched:
            self.store.schedule.move(self.editor, appointment_id, starts_at)
            return [("appointment", appointment_id)]

        return self._logged("move", do, {("appointment", appointment_id): before})

    def open_appointments(self, coach_id: str) -> list[str]:
        rows = self.store.db.execute(
            "SELECT id FROM appointment WHERE coach_id = ? AND status = 'booked'"
            " AND starts_at > ? AND deleted_at IS NULL"
            " AND client_id IN (SELECT id FROM client WHERE deleted_at IS NULL) ORDER BY starts_at, created_at, id",
            [coach_id, to_iso(self.clock.at)],
        )
        return [row[0] for row in rows]

    def _logged(
        self,
        kind: str,
        do: Callable[[], Touched],
        befores: dict[tuple[str, str], dict[str, object] | None],
    ) -> Touched:
        self.clock.at += timedelta(minutes=1)
        try:
            touched = do()
        except (TranslatedError, ValidationError) as exc:
            why = f"{kind}: {type(exc).__name__}"
            self.refused[why] = self.refused.get(why, 0) + 1
            return []
        at = to_iso(self.clock.at)
        for table, row_id in touched:
            after = row_of(self.store, table, row_id)
            assert after is not None
            self.log.record(self.name, kind, at, table, row_id, befores.get((table, row_id)), after)
        return touched


def slot(rng: random.Random, today: date) -> datetime:
    """A free-looking time in the coming two weeks: a weekday, 8:00–15:30 local."""
    day = today + timedelta(days=rng.randrange(1, 14))
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return local_moment(day, time(rng.randrange(8, 16), rng.choice((0, 30))))


def pick(rng: random.Random, items: Sequence[str]) -> str | None:
    return rng.choice(items) if items else None
