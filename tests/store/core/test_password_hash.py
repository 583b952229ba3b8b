"""Password hashes: scrypt at OWASP's minimum cost, older hashes upgraded at the next login,
and stored parameters outside sane bounds refused before any hashing."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from store.api import Store
from store.core import auth
from store.core.auth import LoginFailed, PasswordDataDamaged

SAMPLE_DB = Path(__file__).resolve().parents[3] / "sample.db"
DAMAGED_EN = "the account's password data is damaged; ask an admin to set a new password"


@pytest.fixture
def production_cost(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cost a real installation hashes with (the suite lowers it for speed)."""
    monkeypatch.setattr(auth, "HASH_COST", auth.OWASP_MINIMUM)


def test_a_real_process_hashes_at_owasps_minimum_and_so_does_the_unknown_name_check():
    # A process of its own: none of the suite's fixtures lowers the cost there.
    code = (
        "from store.core.auth import dummy_hash, hash_password, verify_password\n"
        "stored = hash_password('oikea hevonen')\n"
        "print(stored)\n"
        "print(dummy_hash())\n"
        "print(verify_password('oikea hevonen', stored))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    stored, dummy, checks = done.stdout.splitlines()
    for made in (stored, dummy):
        scheme, n, r, p, salt, digest = made.split("$")
        assert (scheme, int(n), int(r), int(p)) == ("scrypt", 2**17, 8, 1)
        assert len(bytes.fromhex(salt)) == 16 and len(bytes.fromhex(digest)) == 64
    assert checks == "True"


def test_the_demos_older_hash_is_upgraded_at_the_first_login(tmp_path, clock, production_cost):
    path = tmp_path / "demo.db"
    shutil.copyfile(SAMPLE_DB, path)
    store = Store.open(path, clock)
    try:

        def stored(username: str) -> str:
            sql = "SELECT password_hash FROM staff WHERE username = ?"
            return store.db.execute(sql, [username]).fetchone()[0]

        assert stored("valmentaja").startswith("scrypt$16384$8$1$")
        with pytest.raises(LoginFailed):
            store.staff.log_in("valmentaja", "wrong")
        assert stored("valmentaja").startswith("scrypt$16384$8$1$")  # only the right one
        coach = store.staff.log_in("valmentaja", "demo")
        upgraded = stored("valmentaja")
        assert upgraded.startswith("scrypt$131072$8$1$")
        assert stored("vastaanotto").startswith("scrypt$16384$8$1$")  # not logged in yet
        logins = store.audit.events(action="login", entity_id=coach.id)
        assert len(logins) == 1
        # The new hash and the login's log row are one write, made at one moment.
        updated_at = store.db.execute(
            "SELECT updated_at, updated_by FROM staff WHERE id = ?", [coach.id]
        ).fetchone()
        assert updated_at == (logins[0].at, coach.id)
        assert store.staff.log_in("valmentaja", "demo") == coach  # the new hash checks
    finally:
        store.close()


SALT, DIGEST = "ab" * 16, "cd" * 64
TAMPERED = {
    "salt-not-hex": f"scrypt$16384$8$1${'zz' * 16}${DIGEST}",
    "digest-not-hex": f"scrypt$16384$8$1${SALT}${'g' * 128}",
    "n-2^30": f"scrypt${2**30}$8$1${SALT}${DIGEST}",
    "n-2^21": f"scrypt${2**21}$8$1${SALT}${DIGEST}",
    "n-below-2^14": f"scrypt${2**13}$8$1${SALT}${DIGEST}",
    "n-not-power-of-two": f"scrypt${3 * 2**14}$8$1${SALT}${DIGEST}",
    "n-other-digits": f"scrypt$١٦٣٨٤$8$1${SALT}${DIGEST}",
    "n-signed": f"scrypt$+16384$8$1${SALT}${DIGEST}",
    "r-zero": f"scrypt$16384$0$1${SALT}${DIGEST}",
    "r-huge": f"scrypt$16384$4096$1${SALT}${DIGEST}",
    "p-zero": f"scrypt$16384$8$0${SALT}${DIGEST}",
    "p-huge": f"scrypt$16384$8$1000000${SALT}${DIGEST}",
    "memory-2-gib": f"scrypt${2**20}$16$1${SALT}${DIGEST}",
    "salt-short": f"scrypt$16384$8$1${'ab' * 15}${DIGEST}",
    "digest-short": f"scrypt$16384$8$1${SALT}${'cd' * 32}",
    "fields-missing": f"scrypt$16384$8$1${SALT}",
    "fields-extra": f"scrypt$16384$8$1${SALT}${DIGEST}$x",
    "other-scheme": f"bcrypt$16384$8$1${SALT}${DIGEST}",
    "empty": "",
    "bytes": f"scrypt$16384$8$1${SALT}${DIGEST}".encode(),  # stored as a blob
}


@pytest.fixture
def scrypt_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The N of every scrypt computed: a refused hash must be refused before any."""
    calls: list[int] = []
    real = hashlib.scrypt

    def counted(password: bytes, **kwargs: int) -> bytes:
        calls.append(kwargs["n"])
        return real(password, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(hashlib, "scrypt", counted)
    return calls


@pytest.mark.parametrize("stored", TAMPERED.values(), ids=TAMPERED.keys())
def test_a_tampered_hash_is_refused_before_any_hashing_and_logged(
    world, stored, scrypt_calls, production_cost
):
    world.store.db.execute(
        "UPDATE staff SET password_hash = ? WHERE id = ?", [stored, world.coach.id]
    )
    with pytest.raises(PasswordDataDamaged) as damaged:
        world.store.staff.log_in("valmentaja", "demo")
    assert damaged.value.message("en") == DAMAGED_EN
    assert damaged.value.message("fi") == (
        "tilin salasanatiedot ovat vioittuneet; pyydä ylläpitäjää asettamaan uusi salasana"
    )
    assert damaged.value.message("sv") == (
        "kontots lösenordsuppgifter är skadade; be en administratör att ange ett nytt lösenord"
    )
    assert all(n <= 2**12 for n in scrypt_calls)  # only the username's throttle key
    failed = world.store.audit.events(action="failed_login")
    assert [(e.entity_id, e.purpose) for e in failed] == [(world.coach.id, "damaged")]


def test_an_admins_new_password_mends_a_damaged_account(world):
    world.store.db.execute(
        "UPDATE staff SET password_hash = 'scrypt$16384$8$1$nonsense' WHERE id = ?",
        [world.coach.id],
    )
    with pytest.raises(PasswordDataDamaged):
        world.store.staff.set_password(world.coach, world.coach.id, "uusi salasana", "demo")
    world.store.staff.set_password(world.admin, world.coach.id, "uusi salasana")
    assert world.store.staff.log_in("valmentaja", "uusi salasana") == world.coach
