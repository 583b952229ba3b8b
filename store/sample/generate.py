"""A realistic, deterministic sample register for demos, tests and benchmarks."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from store.clients.repository import insert_client
from store.clients.validation import hetu_check_char
from store.core.auth import hash_password
from store.core.clock import Clock, to_iso
from store.core.context import Context
from store.core.db import open_db, write_transaction
from store.core.models import Role
from store.core.rows import insert_rows
from store.sample.accounts import DEMO_COACH, DEMO_PASSWORD, add_demo_slots
from store.sample.kompassi import add_sample_kompassi
from store.sample.paths import add_sample_paths
from store.sample.people import (
    AGES,
    CENTURY_SIGNS,
    CONSENT_NOTES,
    EMAIL_DOMAINS,
    INTERPRETER_NOTE,
    MUNICIPALITIES,
    MUNICIPALITY_CHOICE,
    NAME_GROUPS,
    PHONE_PREFIXES,
    SERVICE_LANGUAGE_CHOICES,
    TONGUES,
)
from store.sample.schedule import add_sample_schedule
from store.sample.seeded import helsinki_moment, seeded_uuid
from store.sample.visits import HISTORY_WEEKS, MORNING_SO_FAR, add_visit_history

EMPLOYMENT_AREA = "Turun työllisyysalue"
BATCH_SIZE = 5000

_Coach = tuple[str, str]  # (staff id, the language the coach works in)


@dataclass(frozen=True)
class _SiteSpec:
    key: str
    name: str
    municipality: str
    visits_per_day: float  # on an average weekday


@dataclass(frozen=True)
class _StaffSpec:
    username: str
    display_name: str
    role: Role
    site_key: str
    language: str = "fi"


SITES = (
    _SiteSpec("keskusta", "Työpiste Keskusta", "Turku", 30),
    _SiteSpec("runosmaki", "Työpiste Runosmäki", "Turku", 18),
    _SiteSpec("raisio", "Raision työpiste", "Raisio", 9),
)
DAILY_VISITS = {site.name: site.visits_per_day for site in SITES}

STAFF = (
    _StaffSpec("admin", "Laine Kaisa", "admin", "keskusta"),
    _StaffSpec("vastaanotto", "Nieminen Jari", "reception", "keskusta"),
    _StaffSpec(DEMO_COACH, "Virtanen Liisa", "coach", "keskusta"),
    _StaffSpec("mikko.korhonen", "Korhonen Mikko", "coach", "keskusta"),
    _StaffSpec("anna.lindqvist", "Lindqvist Anna", "coach", "keskusta", "sv"),
    _StaffSpec("sari.heikkinen", "Heikkinen Sari", "coach", "runosmaki"),
    _StaffSpec("omar.haddad", "Haddad Omar", "coach", "runosmaki", "en"),
    _StaffSpec("tiina.aalto", "Aalto Tiina", "reception", "runosmaki"),
    _StaffSpec("jukka.salminen", "Salminen Jukka", "coach", "raisio"),
)


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(char for char in folded.lower() if char.isalnum() or char == "-")


class _ClientFactory:
    """Draws one plausible client at a time; remembers what must stay unique."""

    def __init__(self, rng: random.Random, today: date, coaches: dict[str, list[_Coach]]) -> None:
        self.rng = rng
        self.today = today
        self.coaches = coaches
        self.hetus: set[str] = set()
        self.phones: set[str] = set()
        self.emails: set[str] = set()
        # age -> (earliest birth date giving that age today, days in that range - 1)
        self.birth_ranges: dict[int, tuple[date, int]] = {}
        for age in AGES.values:
            earliest = _add_years(today, -age - 1) + timedelta(days=1)
            self.birth_ranges[age] = (earliest, (_add_years(today, -age) - earliest).days)

    def birth_date(self) -> date:
        earliest, span = self.birth_ranges[AGES.pick(self.rng)]
        return earliest + timedelta(days=self.rng.randint(0, span))

    def hetu(self, birth: date) -> str:
        signs = CENTURY_SIGNS[birth.year // 100 * 100]
        digits = f"{birth:%d%m}{birth.year % 100:02d}"
        while True:
            individual = str(self.rng.randint(900, 999))
            check = hetu_check_char(digits + individual)
            code = f"{digits}{signs.pick(self.rng)}{individual}{check}"
            if code not in self.hetus:
                self.hetus.add(code)
                return code

    def phone(self) -> str:
        while True:
            number = self.rng.choice(PHONE_PREFIXES) + f"{self.rng.randrange(10**7):07d}"
            if number not in self.phones:
                self.phones.add(number)
                return number

    def email(self, first_name: str, last_name: str) -> str:
        local = f"{_ascii(first_name)}.{_ascii(last_name)}"
        domain = self.rng.choice(EMAIL_DOMAINS)
        address, counter = f"{local}@{domain}", 1
        while address in self.emails:
            counter += 1
            address = f"{local}{counter}@{domain}"
        self.emails.add(address)
        return address

    def names(self, tongue: str) -> tuple[str, str]:
        rng = self.rng
        first_group = tongue if rng.random() < 0.9 else TONGUES.pick(rng)
        last_group = tongue if rng.random() < 0.85 else "fi"
        return rng.choice(NAME_GROUPS[first_group][1]), rng.choice(NAME_GROUPS[last_group][2])

    def unemployment(self, birth: date) -> tuple[date, date | None]:
        """(jobseeker_since, unemployed_since): a mix of short and long-term (≥ 12 months)."""
        rng = self.rng
        # Nobody registers before 16 (so everyone has at least a year of room), and the
        # spells stay clear of the 12-month line so each is plainly short or long-term.
        sixteen = _add_years(birth, 16)
        room = (self.today - sixteen).days
        if room >= 400 and rng.random() < 0.45:
            days = rng.randint(400, min(2200, room))
        else:
            days = rng.randint(3, min(350, room))
        unemployed = self.today - timedelta(days=days)
        jobseeker = unemployed
        if rng.random() < 0.3:
            jobseeker = max(unemployed - timedelta(days=rng.randint(30, 700)), sixteen)
        # A few are registered while working part-time, so not unemployed at all.
        return jobseeker, (None if rng.random() < 0.05 else unemployed)

    def created_at(self, jobseeker_since: date) -> str:
        """When the client was entered into Luotsi: within the last two years, before today."""
        first_day = max(jobseeker_since, self.today - timedelta(days=730))
        span = (self.today - first_day).days - 1
        day = first_day + timedelta(days=self.rng.randint(0, span))
        # Office hours in Finland fall within 06–15 UTC the whole year round.
        seconds = self.rng.randrange(9 * 3600)
        moment = datetime.combine(day, time(6), UTC) + timedelta(seconds=seconds)
        return to_iso(moment)

    def coach(self, municipality: str, service_language: str) -> str:
        site_key = MUNICIPALITIES[municipality][1]
        if site_key is None:
            site_key = "keskusta" if self.rng.random() < 0.6 else "runosmaki"
        candidates = self.coaches[site_key]
        speakers = [coach for coach in candidates if coach[1] == service_language]
        staff_id, _ = self.rng.choice(
            speakers if speakers and self.rng.random() < 0.7 else candidates
        )
        return staff_id

    def consent_note(self, service_language: str) -> str | None:
        if service_language == "other" and self.rng.random() < 0.5:
            return INTERPRETER_NOTE
        return self.rng.choice(CONSENT_NOTES) if self.rng.random() < 0.1 else None

    def client(self) -> tuple[dict[str, object], str, str]:
        """Cleaned values for `insert_client`, when the client was created, and their coach."""
        rng = self.rng
        tongue = TONGUES.pick(rng)
        first_name, last_name = self.names(tongue)
        birth = self.birth_date()
        # Nearly everyone born in Finland has a code; newcomers often wait for one.
        has_hetu = rng.random() < (0.98 if tongue in ("fi", "sv") else 0.7)
        service_language = SERVICE_LANGUAGE_CHOICES[tongue].pick(rng)
        municipality = MUNICIPALITY_CHOICE.pick(rng)
        if tongue == "sv" and rng.random() < 0.3:
            municipality = "Parainen"
        jobseeker_since, unemployed_since = self.unemployment(birth)
        coach_id = self.coach(municipality, service_language)
        values: dict[str, object] = {
            "hetu": self.hetu(birth) if has_hetu else None,
            "first_name": first_name,
            "last_name": last_name,
            "birth_date": birth,
            "phone": self.phone() if rng.random() < 0.93 else None,
            "email": self.email(first_name, last_name) if rng.random() < 0.45 else None,
            "service_language": service_language,
            "mother_tongue": tongue,
            "municipality": municipality,
            "coach_id": coach_id,
            "jobseeker_since": jobseeker_since,
            "unemployed_since": unemployed_since,
            "consent_notes": self.consent_note(service_language),
        }
        return values, self.created_at(jobseeker_since), coach_id


def _insert_sites_and_staff(
    ctx: Context, rng: random.Random, at_iso: str
) -> tuple[dict[str, list[_Coach]], list[str]]:
    """Create the sites and staff; returns coaches by site key and reception staff ids."""
    site_ids = {site.key: seeded_uuid(rng) for site in SITES}
    insert_rows(
        ctx,
        "site",
        ("id", "name", "municipality", "employment_area"),
        [(site_ids[s.key], s.name, s.municipality, EMPLOYMENT_AREA) for s in SITES],
        by=None,
        at=at_iso,
    )
    # Every demo login shares one password; scrypt is slow by design, so hash it once.
    password_hash = hash_password(DEMO_PASSWORD)
    staff_ids = [seeded_uuid(rng) for _ in STAFF]
    insert_rows(
        ctx,
        "staff",
        (
            "id",
            "username",
            "display_name",
            "role",
            "site_id",
            "password_hash",
            "language",
            "active",
        ),
        [
            (
                staff_id,
                staff.username,
                staff.display_name,
                staff.role,
                site_ids[staff.site_key],
                password_hash,
                staff.language,
                1,
            )
            for staff_id, staff in zip(staff_ids, STAFF, strict=True)
        ],
        by=None,
        at=at_iso,
    )
    coaches: dict[str, list[_Coach]] = {site.key: [] for site in SITES}
    reception: list[str] = []
    for staff_id, staff in zip(staff_ids, STAFF, strict=True):
        if staff.role == "coach":
            coaches[staff.site_key].append((staff_id, staff.language))
        elif staff.role == "reception":
            reception.append(staff_id)
    return coaches, reception


def generate_sample(
    path: str | Path,
    clients: int = 500,
    seed: int = 1,
    today: date | None = None,
    history_weeks: int = HISTORY_WEEKS,
) -> None:
    """Create a new sample database at `path`; the same seed and `today` give the same data.

    Besides the register it holds its history: service providers and most caseload
    clients' service paths (`store.sample.paths`) and Kompassi readings
    (`store.sample.kompassi`), the coaches' calendars (`store.sample.schedule`),
    `history_weeks` weeks of walk-in visits
    at every site, and today's morning until 10:30 (see `store.sample_visits`); 0 leaves
    the history out (`refresh_history` adds it to a copy, for the day it is used).
    Only the ids of the client-creation log rows and the password salt come from the
    system's randomness. Refuses to touch an existing non-empty file.
    """
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise FileExistsError(path)
    today = today or Clock().today()
    rng = random.Random(seed)
    db = open_db(path)
    ctx = Context(db, Clock())
    try:
        # One self-contained file to commit and copy, with no -wal/-shm beside it. A
        # half-written sample is thrown away, not recovered, so syncing can be skipped;
        # a large page cache keeps the random-UUID indexes in memory, and the statement
        # journals that every client's FTS trigger opens stay in memory too.
        db.execute("PRAGMA journal_mode = DELETE")
        db.execute("PRAGMA synchronous = OFF")
        db.execute("PRAGMA cache_size = -262144")
        db.execute("PRAGMA temp_store = MEMORY")
        setup_at = to_iso(datetime.combine(today - timedelta(days=800), time(7), UTC))
        with write_transaction(db):
            coaches, reception = _insert_sites_and_staff(ctx, rng, setup_at)
        add_demo_slots(ctx)  # a sample made encrypted: its logins unlock it
        factory = _ClientFactory(rng, today, coaches)
        for start in range(0, clients, BATCH_SIZE):
            with write_transaction(db):
                for _ in range(min(BATCH_SIZE, clients - start)):
                    values, created_at, coach_id = factory.client()
                    # Coaches register most of their own clients; reception the walk-ins.
                    actor_id = rng.choice(reception) if rng.random() < 0.3 else coach_id
                    insert_client(
                        ctx, values, actor_id=actor_id, at=created_at, client_id=seeded_uuid(rng)
                    )
        if history_weeks:
            with write_transaction(db):
                add_sample_paths(ctx, seed, today, setup_at)
                add_sample_kompassi(ctx, seed, today)
        with write_transaction(db):
            now = helsinki_moment(today, MORNING_SO_FAR)
            add_visit_history(
                db, today, now, weeks=history_weeks, seed=seed, daily_visits=DAILY_VISITS
            )
        if history_weeks:
            with write_transaction(db):
                add_sample_schedule(ctx, seed, today, now)
        db.execute("VACUUM")
    finally:
        db.close()


def refresh_history(
    path: str | Path, clock: Clock | None = None, weeks: int = HISTORY_WEEKS, seed: int = 1
) -> int:
    """Give a (copy of a) sample database its history up to this moment; returns how many
    visits it added.

    For `luotsi demo`: the committed sample was made on some day in the past, but the
    queue must show people waiting on whatever day the demo runs, and a coach's worklist
    steps due around it. Adds the weekdays of the `weeks` before today and today until
    now, skipping any site-day that already has visits, and service paths dated around
    today if the file has none, and Kompassi readings (with the demo coach's draft) if it
    has none; nothing already written is moved or changed.
    """
    clock = clock or Clock()
    db = open_db(path)
    ctx = Context(db, clock)
    today = clock.today()
    try:
        with write_transaction(db):
            if db.execute("SELECT count(*) FROM service_path").fetchone()[0] == 0:
                setup_at = to_iso(datetime.combine(today - timedelta(days=800), time(7), UTC))
                add_sample_paths(ctx, seed, today, setup_at)
            if db.execute("SELECT count(*) FROM kompassi_reading").fetchone()[0] == 0:
                add_sample_kompassi(ctx, seed, today)
            added = add_visit_history(
                db, today, clock.now(), weeks=weeks, seed=seed, daily_visits=DAILY_VISITS
            )
            # The calendars around the demo's day, after its queue (today's check-ins
            # take the next tickets).
            if db.execute("SELECT count(*) FROM appointment").fetchone()[0] == 0:
                add_sample_schedule(ctx, seed, today, clock.now())
            return added
    finally:
        db.close()
