"""`luotsi sync` end to end: an admin checks a laptop out to a coach, the coach edits on
it and packs, the admin checks the bundle in (a dry run first), a new check-out comes
back for the laptop, and a revoked or tampered bundle is refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from store.api import Store
from store.core import keyring
from store.core.clock import Clock
from store.core.dates import format_date
from store.sync.files import free_checkout_path
from store.sync.tables import SYNCED
from tests.store.sync.laptops import card
from tui.cli import app

runner = CliRunner()
NEW_PHONE = "040 999 0000"
STORED_NEW_PHONE = "+358409990000"  # as the client card stores it


def sync(db: Path, *args: str, user: str = "admin", lang: str = "en"):
    env = {"LUOTSI_PASSWORD": "demo"}
    full = ["--db", str(db), "sync", *args, "--user", user, "--lang", lang]
    return runner.invoke(app, full, env=env)


def check_out(world, folder: Path) -> Path:
    laptop = folder / "laptop" / "liisa.luotsi"
    laptop.parent.mkdir()
    result = sync(
        world.path, "checkout", "--coach", "valmentaja", "--out", str(laptop), "--label", "L1"
    )
    assert result.exit_code == 0, result.output
    return laptop


def edit_phone(path: Path, world, client_key: str, phone: str) -> None:
    """Change a client's phone through the store open on `path` (office or laptop)."""
    store = Store.open(path)
    try:
        client = world.clients[client_key]
        raw = card(client, phone=phone)
        store.clients.update(world.admin if path == world.path else world.coach, client.id, raw)
    finally:
        store.close()


def phone_of(path: Path, client_id: str) -> str | None:
    store = Store.open(path)
    try:
        row = store.db.execute("SELECT phone FROM client WHERE id = ?", [client_id]).fetchone()
        return row[0]
    finally:
        store.close()


def data_rows(path: Path) -> dict[str, list[tuple]]:
    """Every row a check-in may write: the synced tables (but the staff, whose password
    hash a login may renew) and the office's sync records. Not the access log nor the
    login's own bookkeeping, which the command's login writes."""
    tables = [t for t in SYNCED if t != "staff"]
    tables += ["sync_device", "sync_checkin", "sync_conflict", "person_merge"]
    store = Store.open(path)
    try:
        return {t: store.db.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in tables}
    finally:
        store.close()


def pack(laptop: Path, bundle: Path):
    return sync(laptop, "pack", "--out", str(bundle), user="valmentaja")


@pytest.fixture
def office(world):
    world.store.close()
    return world


def test_check_out_prints_the_files_clients_and_window(office, tmp_path):
    laptop = tmp_path / "liisa.luotsi"
    result = sync(office.path, "checkout", "--coach", "valmentaja", "--out", str(laptop), lang="fi")
    assert result.exit_code == 0, result.output
    assert "valmentajalle Virtanen Liisa" in result.output
    assert "Asiakkaita: 1" in result.output
    assert str(laptop) in result.output and f"{laptop}.base" in result.output
    assert laptop.is_file() and Path(f"{laptop}.base").is_file()


def test_a_bundle_checks_in_after_a_dry_run_and_a_new_check_out_comes_back(office, tmp_path):
    laptop = check_out(office, tmp_path)
    makinen = office.clients["makinen"]
    edit_phone(laptop, office, "makinen", NEW_PHONE)
    bundle = tmp_path / "liisa.bundle"
    packed = pack(laptop, bundle)
    assert packed.exit_code == 0, packed.output
    assert "Changes: 1" in packed.output

    before = data_rows(office.path)
    dry = sync(office.path, "apply", str(bundle), "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "Dry run: nothing was written" in dry.output
    assert "client: added 0, changed 1, removed 0" in dry.output
    assert data_rows(office.path) == before
    assert phone_of(office.path, makinen.id) != STORED_NEW_PHONE
    assert list(tmp_path.glob("*.luotsi")) == []  # no check-out from a dry run

    applied = sync(office.path, "apply", str(bundle))
    assert applied.exit_code == 0, applied.output
    assert "client: added 0, changed 1, removed 0" in applied.output
    assert "Conflicts to resolve: 0" in applied.output
    assert phone_of(office.path, makinen.id) == STORED_NEW_PHONE
    refreshed = tmp_path / f"valmentaja-{format_date(Clock().today())}.luotsi"
    assert str(refreshed) in applied.output
    assert refreshed.is_file()
    assert phone_of(refreshed, makinen.id) == STORED_NEW_PHONE

    again = sync(office.path, "apply", str(bundle))
    assert again.exit_code == 0
    assert "checked in already; nothing was written" in again.output

    devices = sync(office.path, "devices")
    assert "L1" in devices.output and "never" not in devices.output


def test_a_conflict_is_listed_in_finnish_and_english(office, tmp_path):
    laptop = check_out(office, tmp_path)
    edit_phone(laptop, office, "makinen", NEW_PHONE)
    edit_phone(office.path, office, "makinen", "050 111 2222")
    bundle = tmp_path / "liisa.bundle"
    assert pack(laptop, bundle).exit_code == 0
    applied = sync(office.path, "apply", str(bundle))
    assert applied.exit_code == 0, applied.output
    assert "Conflicts to resolve: 1" in applied.output
    assert "field: Client · phone (Mäkinen Anna)" in applied.output
    assert (
        f"base +358401234567 → office +358501112222 | laptop {STORED_NEW_PHONE}" in applied.output
    )

    english = sync(office.path, "conflicts")
    assert english.exit_code == 0, english.output
    assert "Client · phone" in english.output and "Mäkinen Anna" in english.output
    assert "open" in english.output
    finnish = sync(office.path, "conflicts", user="valmentaja", lang="fi")
    assert finnish.exit_code == 0, finnish.output
    assert "kenttä: Asiakas · puhelin" in finnish.output and "avoin" in finnish.output
    assert "+358501112222" in finnish.output


def test_a_check_in_whose_new_check_out_has_no_free_file_writes_nothing(office, tmp_path):
    laptop = check_out(office, tmp_path)
    edit_phone(laptop, office, "makinen", NEW_PHONE)
    bundle = tmp_path / "liisa.bundle"
    assert pack(laptop, bundle).exit_code == 0
    taken = tmp_path / "taken.luotsi"
    taken.write_text("someone's file")
    refused = sync(office.path, "apply", str(bundle), "--out", str(taken))
    assert refused.exit_code == 2
    assert "exists already; a check-out never replaces a file" in refused.output
    assert phone_of(office.path, office.clients["makinen"].id) != STORED_NEW_PHONE
    assert taken.read_text() == "someone's file"


def test_the_default_check_out_name_never_takes_an_existing_file(tmp_path):
    day = date(2026, 12, 7)
    first = free_checkout_path(tmp_path, "valmentaja", day)
    assert first == tmp_path / "valmentaja-7.12.2026.luotsi"
    Path(f"{first}.base").write_bytes(b"")  # only the base is left of an earlier one
    assert free_checkout_path(tmp_path, "valmentaja", day).name == "valmentaja-7.12.2026-2.luotsi"


def test_a_revoked_laptops_bundle_is_refused(office, tmp_path):
    laptop = check_out(office, tmp_path)
    edit_phone(laptop, office, "makinen", NEW_PHONE)
    bundle = tmp_path / "liisa.bundle"
    assert pack(laptop, bundle).exit_code == 0
    revoked = sync(office.path, "revoke", "L1", "--reason", "lost")
    assert revoked.exit_code == 0, revoked.output
    refused = sync(office.path, "apply", str(bundle))
    assert refused.exit_code == 2
    assert "the laptop was revoked on" in refused.output
    assert phone_of(office.path, office.clients["makinen"].id) != STORED_NEW_PHONE


def test_a_tampered_bundle_is_refused_and_nothing_is_written(office, tmp_path):
    laptop = check_out(office, tmp_path)
    edit_phone(laptop, office, "makinen", NEW_PHONE)
    bundle = tmp_path / "liisa.bundle"
    assert pack(laptop, bundle).exit_code == 0
    data = bytearray(bundle.read_bytes())
    data[-20] ^= 0x01
    bundle.write_bytes(bytes(data))
    refused = sync(office.path, "apply", str(bundle), lang="fi")
    assert refused.exit_code == 2
    assert "liisa.bundle ei ole eheä siirtopaketti" in refused.output
    assert phone_of(office.path, office.clients["makinen"].id) != STORED_NEW_PHONE
    missing = sync(office.path, "apply", str(tmp_path / "nothing.bundle"))
    assert missing.exit_code == 2
    assert "There is no file" in missing.output


def test_reception_may_not_check_out_and_a_coach_may_not_check_in(office, tmp_path):
    out = tmp_path / "x.luotsi"
    reception = sync(
        office.path, "checkout", "--coach", "valmentaja", "--out", str(out), user="vastaanotto"
    )
    assert reception.exit_code == 2
    assert "vastaanotto may not check laptops out or in" in reception.output
    assert not out.exists()
    coach = sync(office.path, "apply", str(out), user="valmentaja")
    assert coach.exit_code == 2
    unknown = sync(office.path, "checkout", "--coach", "nobody", "--out", str(out))
    assert unknown.exit_code == 2
    assert "there is no user nobody" in unknown.output


def test_the_laptop_receives_its_new_check_out_only_after_packing(office, tmp_path):
    laptop = check_out(office, tmp_path)
    makinen = office.clients["makinen"]
    edit_phone(laptop, office, "makinen", NEW_PHONE)
    bundle = tmp_path / "liisa.bundle"
    assert pack(laptop, bundle).exit_code == 0
    refreshed = tmp_path / "new.luotsi"
    applied = sync(office.path, "apply", str(bundle), "--out", str(refreshed))
    assert applied.exit_code == 0, applied.output
    edit_phone(laptop, office, "makinen", "040 555 5555")  # made after the pack
    refused = sync(laptop, "receive", str(refreshed), user="valmentaja")
    assert refused.exit_code == 2
    assert "The laptop has 1 change that was not packed" in refused.output
    assert phone_of(laptop, makinen.id) == "+358405555555"
    assert pack(laptop, tmp_path / "second.bundle").exit_code == 0
    # The second pack is not checked in: this check-out would drop its change.
    stale = sync(laptop, "receive", str(refreshed), user="valmentaja")
    assert stale.exit_code == 2
    assert "its changes would vanish from the laptop" in stale.output
    newer = tmp_path / "newer.luotsi"
    again = sync(office.path, "apply", str(tmp_path / "second.bundle"), "--out", str(newer))
    assert again.exit_code == 0, again.output
    # As on the laptop, where no key is known until the coach's password opens both files.
    keyring.forget(laptop)
    keyring.forget(newer)
    received = sync(laptop, "receive", str(newer), user="valmentaja", lang="sv")
    assert received.exit_code == 0, received.output
    assert f"Den nya utlämningen används nu: {laptop}" in received.output
    assert phone_of(laptop, makinen.id) == "+358405555555"  # as the office now has it
    older = sync(laptop, "receive", str(refreshed), user="valmentaja")
    assert older.exit_code == 2
    assert "comes from an older check-out" in older.output


def test_pack_on_the_office_database_is_refused(office, tmp_path):
    result = pack(office.path, tmp_path / "b.bundle")
    assert result.exit_code == 2
    assert "is not a laptop's database" in result.output
