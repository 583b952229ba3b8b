"""Shared fixtures: real migrated databases in tmp_path, built through the store's own API."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

# The machine's zone is not the installation's: the suite runs on UTC, so a time shown or
# exported in the machine's zone instead of the installation's (Helsinki) fails a test.
os.environ["TZ"] = "UTC"
if hasattr(time, "tzset"):
    time.tzset()

from screens.strings import load_screen_strings
from store.api import Store
from store.clients.models import Client
from store.clients.validation import hetu_check_char
from store.core import auth, keyring
from store.core.clock import DEFAULT_ZONE, FixedClock, use_zone
from store.core.models import Site, Staff
from store.sample.accounts import add_demo_account

# A Saturday in ISO week 48; fixed so dates on screen and derived ages never drift.
NOW = datetime(2026, 11, 28, 10, 30, tzinfo=UTC)


def make_hetu(ddmmyy: str, sign: str, individual: int) -> str:
    """A valid HETU with a temporary (900–999) individual number."""
    number = f"{individual:03d}"
    return f"{ddmmyy}{sign}{number}{hetu_check_char(ddmmyy + number)}"


@dataclass
class World:
    path: Path
    store: Store
    site: Site
    admin: Staff
    reception: Staff
    coach: Staff
    clients: dict[str, Client]


@pytest.fixture(scope="session", autouse=True)
def screen_strings() -> None:
    """The texts of the store's errors, as the app and the CLI load them at start-up.

    The store holds no texts and registers none on import, so a test that reads a message
    from the store (`exc.message("sv")`, `str(exc)`) needs the screens' catalogs loaded
    first, just as a user's app or CLI command does. The CLI's own texts are left to its
    entry point, which the CLI tests go through."""
    load_screen_strings()


@pytest.fixture(autouse=True)
def cheap_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Password hashes at the lowest cost a stored hash may have: the suite makes and checks
    hundreds, and at the real cost (OWASP's minimum, ~128 MiB) each takes up to a second.
    Not lower, so that a `luotsi` command run as a child process (at the real cost, which
    refuses anything below `MIN_N` as damaged) still accepts them. Tests of the cost itself
    put `auth.HASH_COST` back (tests/store/core/test_password_hash.py)."""
    monkeypatch.setattr(auth, "HASH_COST", auth.ScryptCost(n=auth.MIN_N, r=8, p=1))


# The whole suite runs twice in CI: on plain databases, and with LUOTSI_TEST_ENCRYPTED=1 on
# encrypted ones: every database a test creates is then made as `luotsi init` makes one,
# with a key file and the key unlocked in the test's process.
ENCRYPTED_RUN = os.environ.get("LUOTSI_TEST_ENCRYPTED") == "1"


@pytest.fixture(scope="session", autouse=True)
def encrypted_run() -> None:
    """The policy from the start, so that databases made once for a module or the session
    (the sample's registers) are encrypted in the encrypted run too."""
    keyring.encrypt_new_databases(ENCRYPTED_RUN)


@pytest.fixture(autouse=True)
def encrypted_databases() -> Iterator[None]:
    keyring.encrypt_new_databases(ENCRYPTED_RUN)
    yield
    # As it was for the next module's fixtures, whatever the test set.
    keyring.encrypt_new_databases(ENCRYPTED_RUN)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


# The world's clients: names with Finnish and Swedish letters, an apostrophe, a hyphen;
# HETUs of three centuries; a Finnish and a foreign phone number.
WORLD_CLIENTS: dict[str, dict[str, str]] = {
    "makinen": {
        "last_name": "Mäkinen",
        "first_name": "Anna",
        "hetu": make_hetu("010190", "-", 900),
        "phone": "040 123 4567",
        "unemployed_since": "1.3.2025",
    },
    "maki_jokela": {
        "last_name": "Mäki-Jokela",
        "first_name": "Pekka",
        "hetu": make_hetu("150705", "A", 912),
        "mother_tongue": "so",
    },
    "ostman": {
        "last_name": "Östman",
        "first_name": "Åsa",
        "birth_date": "3.4.1961",
        "service_language": "sv",
    },
    "obrien": {
        "last_name": "O'Brien",
        "first_name": "Sean",
        "hetu": make_hetu("311299", "Y", 955),
        "phone": "+46 70 123 45 67",
    },
}


def build_world(path: Path, clock: FixedClock) -> World:
    """A site, its three staff (admin, reception, coach; password "demo") and the world's
    clients, in a new database at `path` (encrypted in the suite's encrypted run)."""
    store = Store.open(path, clock)
    site = store.sites.create("Työpiste Keskusta", "Turku", "Varsinais-Suomen työllisyysalue")
    admin = add_demo_account(store.ctx, "admin", "Aalto Aino", "admin", site.id)
    reception = add_demo_account(store.ctx, "vastaanotto", "Nieminen Noora", "reception", site.id)
    coach = add_demo_account(store.ctx, "valmentaja", "Virtanen Liisa", "coach", site.id)
    clients = {}
    for key, raw in WORLD_CLIENTS.items():
        row = {**raw, "coach_id": coach.id} if key == "makinen" else dict(raw)
        clients[key] = store.clients.create(admin, row)
    return World(path, store, site, admin, reception, coach, clients)


@pytest.fixture
def world(tmp_path: Path, clock: FixedClock) -> World:
    return build_world(tmp_path / "luotsi.db", clock)


@pytest.fixture
def today() -> date:
    return NOW.date()


@pytest.fixture(autouse=True)
def installation_zone() -> None:
    """Each test starts on the default installation zone (Helsinki), as a new database
    does; the zone is process-wide, so a test that changed it must not leak into the next."""
    use_zone(ZoneInfo(DEFAULT_ZONE))


@pytest.fixture
def helsinki_desk() -> None:
    """A desk in Finland on a machine set to UTC: local time, and so the store's
    'today', is the installation's (Helsinki), never the machine's."""
    use_zone(ZoneInfo(DEFAULT_ZONE))
