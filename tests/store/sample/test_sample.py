"""The sample register: deterministic, realistic, valid, and one self-contained file."""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from stdnum.fi import hetu as stdnum_hetu

from store.api import Store
from store.clients.rules import age_on, is_long_term_unemployed
from store.clients.validation import clean_client, format_date, hetu_birth_date
from store.core.clock import FixedClock
from store.core.db import copy_database
from store.core.migrations import migration_names
from store.core.models import ROLES
from store.sample.generate import DEMO_PASSWORD, generate_sample, refresh_history
from tests.faults import as_dict, raw_connect

TODAY = date(2026, 11, 28)
COMMITTED_SAMPLE = Path(__file__).resolve().parents[3] / "sample.db"
CLIENT_COLUMNS = (
    "id, hetu, first_name, last_name, birth_date, phone, email, service_language,"
    " mother_tongue, municipality, coach_id, jobseeker_since, unemployed_since,"
    " consent_notes, created_at, updated_by"
)


def _rows(path: Path, sql: str) -> list[tuple]:
    with raw_connect(path) as conn:
        return conn.execute(sql).fetchall()


def _clients(path: Path) -> list[tuple]:
    return _rows(path, f"SELECT {CLIENT_COLUMNS} FROM client ORDER BY rowid")


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "sample.db"
    generate_sample(path, clients=2000, seed=7, today=TODAY)
    return path


@pytest.fixture(scope="module")
def clients(sample: Path) -> list[dict]:
    with raw_connect(sample) as conn:
        conn.row_factory = as_dict
        return [dict(row) for row in conn.execute("SELECT * FROM client")]


def test_the_same_seed_and_day_give_the_same_register(sample: Path, tmp_path: Path):
    again = tmp_path / "again.db"
    generate_sample(again, clients=2000, seed=7, today=TODAY)
    assert _clients(again) == _clients(sample)
    staff_sql = "SELECT id, username, display_name, role, site_id, language FROM staff"
    assert _rows(again, staff_sql) == _rows(sample, staff_sql)
    assert _rows(again, "SELECT * FROM site") == _rows(sample, "SELECT * FROM site")


def test_another_seed_gives_other_clients(sample: Path, tmp_path: Path):
    other = tmp_path / "other.db"
    generate_sample(other, clients=200, seed=8, today=TODAY)
    names = {row[2:5] for row in _clients(other)}
    assert len(names - {row[2:5] for row in _clients(sample)}) > 150


def test_every_hetu_is_a_valid_temporary_code_matching_the_birth_date(clients: list[dict]):
    with_hetu = [c for c in clients if c["hetu"]]
    assert 0.8 < len(with_hetu) / len(clients) < 0.97
    for client in with_hetu:
        code = client["hetu"]
        assert stdnum_hetu.validate(code, allow_temporary=True) == code
        assert 900 <= int(code[7:10]) <= 999
        assert hetu_birth_date(code).isoformat() == client["birth_date"]
    assert len({c["hetu"] for c in with_hetu}) == len(with_hetu)


def test_century_signs_include_the_ones_added_in_2023(clients: list[dict]):
    signs = Counter(c["hetu"][6] for c in clients if c["hetu"])
    assert signs["-"] > signs["Y"] and signs["A"] > signs["B"]
    assert set("YXWVU") <= set(signs), signs
    assert set("BCDEF") <= set(signs), signs
    for client in clients:
        if client["hetu"]:
            century = "19" if client["hetu"][6] in "-YXWVU" else "20"
            assert client["birth_date"].startswith(century)


def test_every_client_passes_the_client_form_validation(clients: list[dict]):
    for client in clients:
        raw = {
            key: format_date(date.fromisoformat(value))
            if key.endswith(("_since", "birth_date")) and value
            else (value or "")
            for key, value in client.items()
        }
        cleaned = clean_client(raw, TODAY)
        assert cleaned["first_name"] == client["first_name"]
        assert cleaned["phone"] == client["phone"]


def test_ages_languages_and_unemployment_are_varied(clients: list[dict]):
    ages = [age_on(date.fromisoformat(c["birth_date"]), TODAY) for c in clients]
    assert min(ages) == 17 and max(ages) == 66
    assert sum(age < 25 for age in ages) > 200 and sum(age >= 60 for age in ages) > 100
    assert set(Counter(c["service_language"] for c in clients)) == {"fi", "sv", "en", "other"}
    tongues = Counter(c["mother_tongue"] for c in clients)
    assert {"fi", "sv", "ar", "so", "ru", "et", "fa", "en", "uk"} <= set(tongues)
    assert tongues["fi"] > len(clients) / 2
    long_term = [
        is_long_term_unemployed(date.fromisoformat(c["unemployed_since"]), TODAY)
        for c in clients
        if c["unemployed_since"]
    ]
    assert 0.3 < sum(long_term) / len(long_term) < 0.6
    assert len({c["municipality"] for c in clients}) >= 8


def test_names_have_nordic_letters_hyphens_and_apostrophes(clients: list[dict]):
    names = [f"{c['first_name']} {c['last_name']}" for c in clients]
    assert any(letter in name for name in names for letter in "åÅ")
    assert sum("ä" in name or "ö" in name for name in names) > len(names) / 5
    assert any("-" in c["last_name"] for c in clients)
    assert any("'" in c["last_name"] for c in clients)
    assert len({c["first_name"] for c in clients}) >= 50
    assert len({c["last_name"] for c in clients}) >= 70


def test_phones_are_unique_finnish_mobiles_and_created_times_are_in_the_past(
    clients: list[dict],
):
    phones = [c["phone"] for c in clients if c["phone"]]
    assert len(phones) == len(set(phones)) > 0.85 * len(clients)
    assert all(p.startswith("+3584") or p.startswith("+3585") for p in phones)
    assert all(len(p) == 13 for p in phones)
    assert any(c["email"] for c in clients) and not all(c["email"] for c in clients)
    assert all(c["created_at"] < TODAY.isoformat() for c in clients)
    assert all(c["jobseeker_since"] <= (c["unemployed_since"] or "9") for c in clients)


def test_every_client_has_a_coach_and_a_logged_creation(sample: Path, clients: list[dict]):
    coaches = {row[0] for row in _rows(sample, "SELECT id FROM staff WHERE role = 'coach'")}
    assert {c["coach_id"] for c in clients} == coaches
    created = _rows(
        sample, "SELECT count(*) FROM audit_event WHERE action = 'create' AND entity = 'client'"
    )
    assert created == [(len(clients),)]


def test_staff_of_every_role_and_the_demo_logins_work(sample: Path, tmp_path: Path):
    copy = copy_database(sample, tmp_path / "copy.db")
    store = Store.open(copy)
    try:
        assert {s.role for s in store.staff.all()} == set(ROLES)
        sites = store.sites.all()
        assert {s.municipality for s in sites} == {"Turku", "Raisio"}
        assert len({s.employment_area for s in sites}) == 1
        for username, role in [
            ("admin", "admin"),
            ("vastaanotto", "reception"),
            ("valmentaja", "coach"),
        ]:
            staff = store.staff.authenticate(username, DEMO_PASSWORD)
            assert staff is not None and staff.role == role
        assert store.staff.authenticate("admin", "wrong") is None
    finally:
        store.close()


def test_the_file_stands_alone_without_wal_files(sample: Path):
    assert not sample.with_name(sample.name + "-wal").exists()
    assert not sample.with_name(sample.name + "-shm").exists()
    assert _rows(sample, "PRAGMA journal_mode") == [("delete",)]


def test_an_existing_file_is_never_overwritten(tmp_path: Path):
    path = tmp_path / "precious.db"
    path.write_bytes(b"precious")
    with pytest.raises(FileExistsError):
        generate_sample(path, clients=5, today=TODAY)
    assert path.read_bytes() == b"precious"


def test_the_committed_sample_opens_with_500_clients_and_demo_logins(tmp_path: Path):
    # The register is ~1 MB; its history (visits, ~6 MB, and service paths, ~3.5 MB) is
    # left to the demo's copy, made for the day the demo runs.
    assert COMMITTED_SAMPLE.stat().st_size < 1_500_000
    # At the current schema, so the demo never has to migrate (and back up) its copy.
    applied = _rows(COMMITTED_SAMPLE, "SELECT name FROM _sqlite_migrations ORDER BY name")
    assert [name for (name,) in applied] == migration_names()
    store = Store.open(shutil.copyfile(COMMITTED_SAMPLE, tmp_path / "sample.db"))
    try:
        assert store.db.execute("SELECT count(*) FROM client").fetchone() == (500,)
        assert store.staff.authenticate("valmentaja", DEMO_PASSWORD) is not None
    finally:
        store.close()


def test_the_committed_sample_gets_a_queue_for_the_day_the_demo_runs(tmp_path: Path):
    copy = shutil.copyfile(COMMITTED_SAMPLE, tmp_path / "demo.db")
    clock = FixedClock(datetime.now(UTC))
    assert refresh_history(copy, clock) > 500
    store = Store.open(copy, clock)
    try:
        for site in store.sites.all():
            assert any(v.state == "waiting" for v in store.visits.queue(site.id)), site.name
    finally:
        store.close()


def test_history_weeks_zero_leaves_visits_out(tmp_path: Path):
    path = tmp_path / "register.db"
    generate_sample(path, clients=20, seed=2, today=TODAY, history_weeks=0)
    assert _rows(path, "SELECT count(*) FROM visit") == [(0,)]
    assert _rows(path, "SELECT count(*) FROM client") == [(20,)]
