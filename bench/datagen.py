"""Fast bulk generator of migrated Luotsi databases with realistic clients, cached per size."""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
import unicodedata
import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from functools import cache
from itertools import accumulate, islice
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from store.api import Store  # noqa: E402
from store.clients.validation import hetu_check_char  # noqa: E402
from store.core.db import copy_database, open_db, write_transaction  # noqa: E402
from store.core.migrations import migration_names  # noqa: E402
from store.core.models import Staff  # noqa: E402
from store.core.rows import insert_rows  # noqa: E402
from store.sample.accounts import add_demo_account  # noqa: E402

DATA_DIR = Path(__file__).resolve().parent / "data"
# Part of the cache key: bump it whenever the rows this module generates change.
GENERATOR_VERSION = 1
ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "demo"
BATCH_ROWS = 50_000
# Birth dates over 60 years; with 100 temporary individual numbers (900-999) per day
# that is ~2.2 million possible HETUs, so a million unique ones is a sample, not a search.
FIRST_BIRTH_DATE = date(1950, 1, 1)
BIRTH_DAYS = (date(2009, 12, 31) - FIRST_BIRTH_DATE).days + 1
TEMPORARY_NUMBERS = 100
# Unique mobile numbers: +35840 or +35850 followed by seven digits.
PHONE_PREFIXES = ("+35840", "+35850")
PHONE_SPACE = 10_000_000
# Clients registered over the eight years before this moment.
REGISTER_END = datetime(2026, 11, 27, 16, 0, tzinfo=UTC)
REGISTER_SECONDS = 8 * 365 * 24 * 3600
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
SHARE_WITHOUT_HETU = 0.02
SHARE_WITHOUT_PHONE = 0.06
SHARE_WITH_EMAIL = 0.55
SHARE_DELETED = 0.01
SHARE_UNEMPLOYED = 0.7
SHARE_WITH_COACH = 0.6


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Common Finnish surnames, most common first (their order sets their weight).
COMMON_SURNAMES = _words(
    """
    Korhonen Virtanen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen Koskinen Järvinen
    Lehtonen Lehtinen Saarinen Salminen Heinonen Niemi Heikkilä Kinnunen Salonen Turunen Salo
    Laitinen Tuominen Rantanen Karjalainen Jokinen Mattila Savolainen Lahtinen Ahonen Leppänen
    Hiltunen Väisänen Miettinen Hirvonen Pitkänen Aaltonen Manninen Hakala Anttila Kallio
    Hyvönen Laaksonen Koivisto Räsänen Lindholm Peltonen Laitila Jääskeläinen Seppälä Kettunen
    Ojala Huttunen Pulkkinen Lampinen Toivonen Lundqvist Lindroos Sirviö Östman Öhman Åberg
    Ylönen Söderström Hänninen Pöllänen Kärkkäinen Määttä Pääkkönen Tähtinen Vähäsarja
    Kääriäinen Mölsä Syrjälä Kylmälä Huhtala Rytkönen Nyström Grönroos Björklund Sjöberg
    Lindström Strömberg Holmström Forsström Åkerlund Wikström Ekström Sundström Blomqvist
    Backman Lindberg Nyberg Eriksson Johansson Karlsson Andersson Nyholm Wallin Engström
    Lönnqvist
    """
)
# Stems that combine with Finnish surname endings, spreading prefixes the way the
# register's real names do ("Mäki" → Mäki, Mäkinen, Mäkilä).
SURNAME_STEMS = _words(
    """
    Mäki Koski Lahti Niemi Järvi Lehto Salo Vuori Rinne Laakso Kallio Harju Saari Aho Kivi Pelto
    Ranta Joki Lampi Honka Kuusi Koivu Tammi Hieta Metsä Mänty Leppä Kärki Väli Ylä Ala Suo
    Rauta Kangas Hovi Nurmi Valko Musta Kulta Hopea Pihla Vesa Halla Routa Pöyry Sävi Hyry Törmä
    Kylä Sysi
    """
)
# Stems that are not surnames on their own, only with an ending.
BOUND_STEMS = frozenset({"Ylä", "Ala", "Väli", "Valko", "Musta", "Kulta", "Hopea", "Sävi", "Sysi"})
HYPHENATED_SURNAMES = _words(
    """
    Mäki-Jokela Koski-Lahti Niemi-Aho Salo-Mäkinen Järvi-Kallio Lehto-Rinne Ranta-Aho Kivi-Harju
    Laine-Östman Heikkilä-Saari Vuori-Lampi Hieta-Pelto Korhonen-Lindqvist Ahonen-Björk
    Mattila-Sjöberg Ylä-Mononen Ala-Kokko Väli-Hakala Åberg-Nieminen Öhman-Koski
    """
)
# Surnames of the register's larger immigrant groups.
OTHER_SURNAMES = _words(
    """
    Ahmed Mohamed Ali Hassan Abdi Hussein Nguyen Tran Ivanov Smirnova Petrova Kuznetsov Tamm
    Kask Saar Rahimi Karimi Hosseini Yilmaz Kaya Kowalski Nowak Shevchenko Bondarenko Wang
    """
)
FIRST_NAMES = _words(
    """
    Juha Timo Matti Kari Mikko Jari Antti Jukka Mika Markku Pekka Hannu Heikki Seppo Janne Ari
    Sami Petri Ville Marko Tuomas Jussi Lauri Joonas Eero Aleksi Oskari Onni Elias Väinö Eino
    Toivo Aarne Ilmari Jyrki Tapio Esa Risto Olli Niko Teemu Henri Jesse Rasmus Leo Eetu Otto
    Veeti Arttu Sakari Anna Maria Tuula Päivi Anne Leena Minna Marja Sari Tiina Riitta Pirjo
    Sanna Kaisa Hanna Johanna Eeva Elina Laura Katja Heidi Jenni Emilia Aino Sofia Venla Ella
    Iida Aada Helmi Ronja Siiri Pihla Enni Milla Noora Satu Outi Säde Kyllikki Ritva Merja Mervi
    Jaana Annika Anna-Liisa Marja-Leena Eeva-Maria Jenna Oona Erik Johan Karl Lars Anders Mats
    Björn Sören Göran Mikael Fredrik Henrik Kristian Emil Axel Linnea Ingrid Karin Kristina Maja
    Astrid Märta Signe Sara Ebba Åsa Birgitta Ulla Britt Mohamed Ahmed Fatima Amina Hassan Ali
    Omar Leyla Nadia Olga Irina Sergei Dmitri Natalia Oksana Andrii Linh Minh Mehmet Ayse Reza
    Zahra
    """
)
MUNICIPALITIES = (
    ("Turku", 55),
    ("Kaarina", 10),
    ("Raisio", 8),
    ("Naantali", 6),
    ("Lieto", 6),
    ("Masku", 3),
    ("Rusko", 2),
    ("Paimio", 4),
    ("Parainen", 4),
    ("Nousiainen", 2),
)
# mother tongue, its weight, the service language used with it
LANGUAGES = (
    ("fi", 80, "fi"),
    ("sv", 6, "sv"),
    ("ru", 3, "fi"),
    ("et", 2, "fi"),
    ("ar", 2, "en"),
    ("so", 1, "fi"),
    ("en", 1, "en"),
    ("uk", 2, "en"),
    ("fa", 1, "en"),
    ("other", 2, "other"),
)
EMAIL_DOMAINS = ("example.fi", "example.com", "example.net")
CLIENT_COLUMNS = _words(
    """
    id hetu first_name last_name birth_date phone email service_language mother_tongue
    municipality coach_id jobseeker_since unemployed_since created_at updated_at updated_by
    deleted_at
    """
)


def _with_endings(stem: str) -> list[str]:
    back_vowels = any(vowel in stem for vowel in "aou")
    forms = [stem + "nen", stem + ("la" if back_vowels else "lä")]
    if stem not in BOUND_STEMS:
        forms.insert(0, stem)
    return forms


def surnames() -> list[str]:
    """Every surname the generator uses, most common first."""
    generated = [form for stem in SURNAME_STEMS for form in _with_endings(stem)]
    ordered = [*COMMON_SURNAMES, *generated, *HYPHENATED_SURNAMES, *OTHER_SURNAMES]
    return list(dict.fromkeys(ordered))


def _zipf_weights(count: int, exponent: float = 0.6) -> list[float]:
    return [1 / (rank + 4) ** exponent for rank in range(count)]


def hetu(ddmmyy: str, century_sign: str, individual_number: int) -> str:
    """A valid HETU: the check character is the 9-digit number modulo 31."""
    digits = f"{ddmmyy}{individual_number:03d}"
    return f"{ddmmyy}{century_sign}{digits[6:]}{hetu_check_char(digits)}"


@cache
def _ascii(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(char for char in decomposed if char.isascii() and char.isalpha())


@cache
def _iso_day(epoch_day: int) -> str:
    return date.fromordinal(EPOCH_ORDINAL + epoch_day).isoformat()


def _iso_second(epoch_second: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(epoch_second))


def _client_rows(
    rng: random.Random, count: int, coach_ids: Sequence[str], admin_id: str
) -> Iterator[tuple[object, ...]]:
    # Columns are drawn whole (`k=count`) and dates formatted once per day: one call per
    # column instead of one per row is what lets a million rows be generated in seconds.
    pool = surnames()
    last_names = rng.choices(pool, cum_weights=list(accumulate(_zipf_weights(len(pool)))), k=count)
    first_names = rng.choices(
        FIRST_NAMES, cum_weights=list(accumulate(_zipf_weights(len(FIRST_NAMES)))), k=count
    )
    languages = rng.choices(LANGUAGES, weights=[w for _, w, _ in LANGUAGES], k=count)
    municipalities = rng.choices(
        [name for name, _ in MUNICIPALITIES], weights=[w for _, w in MUNICIPALITIES], k=count
    )
    # Unique HETUs and phones: distinct codes drawn from the spaces described above.
    hetu_codes = rng.sample(range(BIRTH_DAYS * TEMPORARY_NUMBERS), count)
    phone_codes = rng.sample(range(len(PHONE_PREFIXES) * PHONE_SPACE), count)
    birth_days = [FIRST_BIRTH_DATE + timedelta(days=day) for day in range(BIRTH_DAYS)]
    birth_dates = [day.isoformat() for day in birth_days]
    hetu_dates = [f"{day:%d%m%y}" for day in birth_days]
    century_signs = ["-" if day.year < 2000 else "A" for day in birth_days]
    end_second = int(REGISTER_END.timestamp())
    uniform = rng.random
    for row in range(count):
        day, number = divmod(hetu_codes[row], TEMPORARY_NUMBERS)
        prefix, subscriber = divmod(phone_codes[row], PHONE_SPACE)
        first_name, last_name = first_names[row], last_names[row]
        mother_tongue, _, service_language = languages[row]
        email = None
        if uniform() < SHARE_WITH_EMAIL:
            domain = EMAIL_DOMAINS[int(uniform() * len(EMAIL_DOMAINS))]
            email = f"{_ascii(first_name)}.{_ascii(last_name)}{int(uniform() * 100)}@{domain}"
        created_second = end_second - int(uniform() * REGISTER_SECONDS)
        created_at = _iso_second(created_second)
        jobseeker_day = created_second // 86400 - int(uniform() * 60)
        unemployed_since = None
        if uniform() < SHARE_UNEMPLOYED:
            unemployed_since = _iso_day(jobseeker_day - int(uniform() * 400))
        deleted_at = None
        if uniform() < SHARE_DELETED:
            deleted_at = _iso_second(created_second + int(uniform() * 700 * 86400))
        has_hetu = uniform() >= SHARE_WITHOUT_HETU
        has_phone = uniform() >= SHARE_WITHOUT_PHONE
        yield (
            str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            hetu(hetu_dates[day], century_signs[day], 900 + number) if has_hetu else None,
            first_name,
            last_name,
            birth_dates[day],
            f"{PHONE_PREFIXES[prefix]}{subscriber:07d}" if has_phone else None,
            email,
            service_language,
            mother_tongue,
            municipalities[row],
            coach_ids[int(uniform() * len(coach_ids))] if uniform() < SHARE_WITH_COACH else None,
            _iso_day(jobseeker_day),
            unemployed_since,
            created_at,
            deleted_at or created_at,
            admin_id,
            deleted_at,
        )


def cache_path(clients: int, seed: int) -> Path:
    """Where the database for this size and seed is cached; the schema is part of the key."""
    schema = hashlib.sha1("\n".join(migration_names()).encode()).hexdigest()[:8]
    return DATA_DIR / f"clients-{clients}-seed{seed}-g{GENERATOR_VERSION}-{schema}.db"


def _populate(path: Path, clients: int, seed: int) -> None:
    rng = random.Random(seed)
    store = Store(open_db(path))
    try:
        sites = [
            store.sites.create("Työpiste Keskusta", "Turku", "Turun työllisyysalue"),
            store.sites.create("Raision työpiste", "Raisio", "Turun työllisyysalue"),
        ]
        admin = add_demo_account(
            store.ctx, ADMIN_USERNAME, "Laine Kaisa", "admin", sites[0].id, password=ADMIN_PASSWORD
        )
        coach_ids = [
            add_demo_account(
                store.ctx, f"valmentaja{n}", f"Valmentaja {n}", "coach", sites[n % 2].id
            ).id
            for n in range(1, 9)
        ]
        conn = store.db.conn
        # A throwaway file being built: durability is not needed, speed is.
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -262144")
        rows = _client_rows(rng, clients, coach_ids, admin.id)
        while batch := list(islice(rows, BATCH_ROWS)):
            # Each row brings its own times and author (see CLIENT_COLUMNS).
            with write_transaction(store.db):
                insert_rows(store.ctx, "client", CLIENT_COLUMNS, batch, by=admin.id)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()


def build_db(path: str | Path | None, clients: int, seed: int = 1) -> Path:
    """A migrated database with `clients` generated clients, from the cache when built before.

    With `path` None the cached file itself is returned; otherwise the cached file is
    copied to `path`, so a benchmark that writes (a login, say) never changes the cache.
    """
    cached = cache_path(clients, seed)
    if not cached.exists():
        cached.parent.mkdir(parents=True, exist_ok=True)
        building = cached.with_name(cached.name + ".building")
        for leftover in cached.parent.glob(building.name + "*"):
            leftover.unlink()
        started = time.perf_counter()
        _populate(building, clients, seed)
        building.rename(cached)
        print(f"built {cached.name}: {clients:,} clients in {time.perf_counter() - started:.1f} s")
    if path is None:
        return cached
    return copy_database(cached, path)


def living_client_ids(store: Store) -> list[str]:
    """The ids of the clients not deleted, in id order (the same for a seed)."""
    rows = store.db.execute("SELECT id FROM client WHERE deleted_at IS NULL ORDER BY id")
    return [str(client_id) for (client_id,) in rows.fetchall()]


def add_bench_coach(store: Store, caseload: Sequence[str]) -> Staff:
    """The coach `bench.coach` at the first site, made the own coach of `caseload`."""
    coach = add_demo_account(
        store.ctx, "bench.coach", "Penkki Paula", "coach", store.sites.all()[0].id
    )
    with write_transaction(store.db):
        store.db.execute(
            f"UPDATE client SET coach_id = ? WHERE id IN ({', '.join('?' * len(caseload))})",
            [coach.id, *caseload],
        )
    return coach


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("clients", type=int, nargs="+", help="sizes to build, e.g. 100000")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for clients in args.clients:
        path = build_db(None, clients, args.seed)
        print(f"{path} ({path.stat().st_size / 2**20:.0f} MiB)")


if __name__ == "__main__":
    main()
