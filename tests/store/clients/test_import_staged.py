"""Client import without holding the desks hostage: Excel's UTF-16 and blank lines, checks
outside the write lock, all or nothing, and clients a desk registers meanwhile."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from store.api import Store
from store.clients import import_write, importer
from store.clients.importer import ImportRunning, import_clients
from store.core.db import DatabaseBusy
from tests.conftest import FixedClock, World, make_hetu
from tests.faults import UNLOCK_IN_CHILD, child_env

HETU_A = make_hetu("010190", "-", 931)
HETU_B = make_hetu("150705", "B", 944)
HEADER = "hetu,first_name,last_name,birth_date\n"


def _write(tmp_path: Path, data: bytes, name: str = "clients.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _letters(number: int) -> str:
    """A number as letters (names take no digits): 0 → a, 27 → bb."""
    letters = ""
    while True:
        number, digit = divmod(number, 26)
        letters += "abcdefghijklmnopqrstuvwxyz"[digit]
        if not number:
            return letters


def _people(count: int) -> Iterator[str]:
    """`count` CSV rows of people nobody in the register resembles, each with a HETU."""
    first_day = date(1980, 1, 1)
    for number in range(count):
        born = first_day + timedelta(days=number // 50)
        hetu = make_hetu(f"{born:%d%m%y}", "-", 900 + number % 50)
        yield f"{hetu},Testi,Tuonti{_letters(number)},\n"


def _client_count(store: Store) -> int:
    return store.db.execute("SELECT count(*) FROM client WHERE deleted_at IS NULL").fetchone()[0]


def _import_events(world: World) -> list[str | None]:
    return [e.purpose for e in world.store.audit.events(action="create") if e.entity == "import"]


@pytest.fixture
def desk(world: World, clock: FixedClock) -> Iterator[Store]:
    """A second process's view of the register: a desk that will not wait for the lock."""
    store = Store.open(world.path, clock)
    store.db.conn.execute("PRAGMA busy_timeout = 0")
    yield store
    store.close()


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    # Progress after every other row, so a small file has checks before and after a call;
    # and its rows written two at a time, as a large file's are by thousands, without the
    # pause that lets the desks in between.
    monkeypatch.setattr(importer, "PROGRESS_ROWS", 2)
    monkeypatch.setattr(import_write, "FIRST_SLICE_ROWS", 2)
    monkeypatch.setattr(import_write, "MAX_SLICE_ROWS", 2)
    monkeypatch.setattr(import_write, "PAUSE_SECONDS", 0)


def _register(desk: Store, world: World, last_name: str, **fields: str) -> str:
    raw = {"first_name": "Tiski", "last_name": last_name, "birth_date": "1.1.1995", **fields}
    return desk.clients.create(world.reception, raw).id


def _once_at(rows: int, action: Callable[[], None]) -> Callable[[int], None]:
    """A progress callback doing `action` once, when `rows` rows have been checked."""
    done: list[int] = []

    def progress(checked: int) -> None:
        if checked >= rows and not done:
            done.append(checked)
            action()

    return progress


# Excel's "Unicode text" is UTF-16 little-endian with a byte-order mark, tab-separated.
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be-bom", "utf-16-le"])
def test_a_utf16_tab_separated_file_is_imported(world: World, tmp_path: Path, encoding: str):
    text = (
        "hetu\tfirst_name\tlast_name\tbirth_date\r\n"
        f"{HETU_A}\tÅsa\tÖstman\t\r\n"
        "\tFaisal\tWarsame\t2.3.1988\r\n"
    )
    if encoding == "utf-16-be-bom":
        data = ("\ufeff" + text).encode("utf-16-be")
    else:
        data = text.encode(encoding)
    before = _client_count(world.store)
    report = import_clients(world.store.ctx, world.admin, _write(tmp_path, data, "clients.txt"))
    assert report.ok and report.imported == 2, [p.reason("en") for p in report.problems]
    assert _client_count(world.store) == before + 2
    match = world.store.clients.search(HETU_A)[0]
    assert (match.first_name, match.last_name) == ("Åsa", "Östman")
    assert world.store.clients.search("Warsame")


def test_a_utf16_file_cut_in_the_middle_of_a_letter_names_its_encoding(
    world: World, tmp_path: Path
):
    data = (HEADER + f"{HETU_A},Åsa,Östman,\n").encode("utf-16") + b"\x41"
    with pytest.raises(importer.ImportFileError) as caught:
        import_clients(world.store.ctx, world.admin, _write(tmp_path, data))
    assert caught.value.key == "import.error.encoding"
    assert "UTF-16" in caught.value.message("en")


def test_a_file_that_changes_encoding_midway_is_refused_naming_the_line(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # Begun in UTF-8 and ended in Windows-1252 after the part that told the encoding:
    # read either way, one half would be garbled.
    monkeypatch.setattr("store.clients.import_file.SNIFF_BYTES", 16, raising=False)
    data = (HEADER + ",Åsa,Östman,1.1.1990\n").encode() + ",Jörö,Öhman,1.1.1990\n".encode("cp1252")
    before = _client_count(world.store)
    with pytest.raises(importer.ImportFileError) as caught:
        import_clients(world.store.ctx, world.admin, _write(tmp_path, data))
    assert caught.value.key == "import.error.encoding"
    assert caught.value.params == {"encoding": "UTF-8", "line": 3}
    assert _client_count(world.store) == before


def test_blank_lines_before_the_header_are_skipped_and_counted_as_excel_rows(
    world: World, tmp_path: Path
):
    text = "\r\n;;\r\nfirst_name;last_name;birth_date\r\nAnna;Aalto;1.1.1990\r\n;Berg;1.1.1990\r\n"
    report = import_clients(world.store.ctx, world.admin, _write(tmp_path, text.encode()))
    assert [(p.line, p.column, p.key) for p in report.problems] == [
        (5, "first_name", "error.required")
    ]
    good = "\n" + HEADER + ",Bertil,Blom,1.1.1990\n"
    report = import_clients(world.store.ctx, world.admin, _write(tmp_path, good.encode()))
    assert report.ok and report.imported == 1
    assert world.store.clients.search("Blom")


def test_a_desk_registers_while_the_file_is_being_checked(
    world: World, tmp_path: Path, desk: Store, small_batches: None
):
    path = _write(tmp_path, (HEADER + "".join(_people(6))).encode())
    registered: list[str] = []

    def register_at_desk() -> None:
        # The desk's connection waits for no lock: had the import taken it, this raises.
        registered.append(_register(desk, world, "Kesken"))

    report = import_clients(
        world.store.ctx, world.admin, path, progress=_once_at(2, register_at_desk)
    )
    assert report.ok and report.imported == 6
    assert registered and desk.clients.search("Kesken")[0].id == registered[0]


def test_the_desk_sees_nothing_of_an_import_until_it_is_written(
    world: World, tmp_path: Path, desk: Store, small_batches: None
):
    path = _write(tmp_path, (HEADER + "".join(_people(6))).encode())
    before = _client_count(world.store)
    seen: list[int] = []
    report = import_clients(
        world.store.ctx,
        world.admin,
        path,
        progress=_once_at(6, lambda: seen.append(_client_count(desk))),
    )
    assert report.imported == 6
    assert seen == [before]
    assert _client_count(desk) == before + 6
    assert world.store.audit.check().ok


def test_a_bad_row_after_rows_already_staged_imports_nothing(
    world: World, tmp_path: Path, desk: Store, small_batches: None
):
    people = list(_people(12))
    rows = [*people[:9], ",Eero,,1.1.1990\n", *people[9:]]
    path = _write(tmp_path, (HEADER + "".join(rows)).encode())
    before, events_before = _client_count(world.store), len(world.store.audit.events())
    desk_client: list[str] = []
    report = import_clients(
        world.store.ctx,
        world.admin,
        path,
        progress=_once_at(4, lambda: desk_client.append(_register(desk, world, "Kesken"))),
    )
    assert not report.ok and report.imported == 0
    assert [(p.line, p.column) for p in report.problems] == [(11, "last_name")]
    # Nothing of the file, and the desk's registration during the checks stands.
    assert _client_count(world.store) == before + 1
    assert world.store.clients.search("Tuonti") == []
    assert len(desk_client) == 1 and _import_events(world) == []
    assert len(world.store.audit.events()) == events_before + 1


def test_a_hetu_registered_at_a_desk_during_the_checks_is_skipped_as_a_duplicate(
    world: World, tmp_path: Path, desk: Store, small_batches: None
):
    text = (
        HEADER
        + f"{HETU_A},Åsa,Östman,\n{HETU_B},Pekka,Puro,\n,Faisal,Warsame,2.3.1988\n"
        + ",Åsa,Östman,1.1.1990\n"  # Åsa again, without her HETU
    )
    path = _write(tmp_path, text.encode())
    desk_ids: list[str] = []

    def register_both() -> None:
        # The desk saw Åsa first, and Faisal too (typed Varsame), after the file was checked.
        desk_ids.append(
            _register(desk, world, "Östman", hetu=HETU_A, first_name="Åsa", birth_date="")
        )
        raw = {"first_name": "Faisal", "last_name": "Varsame", "birth_date": "2.3.1988"}
        desk_ids.append(desk.clients.create(world.reception, raw).id)

    before = _client_count(world.store)
    report = import_clients(world.store.ctx, world.admin, path, progress=_once_at(4, register_both))
    assert report.ok and report.imported == 1
    assert [(d.line, d.masked_hetu[:7]) for d in report.duplicates] == [(2, HETU_A[:7])]
    assert [(d.line, d.registered) for d in report.likely_duplicates] == [
        (4, ("Varsame Faisal",)),
        (5, ("Östman Åsa",)),
    ]
    assert _client_count(world.store) == before + 3
    # The desk's card stands as the desk wrote it; only Pekka came from the file.
    assert [m.id for m in world.store.clients.search(HETU_A)] == [desk_ids[0]]
    assert world.store.clients.search("Puro")
    assert _import_events(world) == ["clients.csv: 1 clients"]
    # The desk's events and the import's are one unbroken chain in the access log.
    assert world.store.audit.check().ok


def test_a_hetu_given_to_an_older_card_during_the_checks_is_skipped_too(
    world: World, tmp_path: Path, desk: Store, small_batches: None
):
    existing = world.clients["makinen"]
    path = _write(tmp_path, (HEADER + f"{HETU_A},Åsa,Östman,\n{HETU_B},Pekka,Puro,\n").encode())

    def correct_the_card() -> None:
        card = desk.clients.open(world.admin, existing.id)
        raw = {"first_name": card.first_name, "last_name": card.last_name, "hetu": HETU_A}
        desk.clients.update(world.admin, existing.id, raw)

    report = import_clients(
        world.store.ctx, world.admin, path, progress=_once_at(2, correct_the_card)
    )
    assert report.ok and report.imported == 1
    assert [d.line for d in report.duplicates] == [2]
    assert [m.id for m in world.store.clients.search(HETU_A)] == [existing.id]


def test_a_desk_holding_the_lock_at_the_end_leaves_the_import_unwritten(
    world: World, tmp_path: Path, desk: Store, small_batches: None
):
    # The desk's own write transaction is open when the import wants to write: the
    # import waits for it (here: gives up at once) and writes nothing.
    world.store.db.conn.execute("PRAGMA busy_timeout = 0")
    path = _write(tmp_path, (HEADER + "".join(_people(3))).encode())
    before = _client_count(world.store)

    def hold_the_lock() -> None:
        desk.db.conn.execute("BEGIN IMMEDIATE")

    with pytest.raises(DatabaseBusy):
        import_clients(world.store.ctx, world.admin, path, progress=_once_at(3, hold_the_lock))
    desk.db.conn.execute("ROLLBACK")
    assert _client_count(world.store) == before
    assert _import_events(world) == []


# The writing: a slice at a time, each its own short transaction, unseen until the end.


def _pending_rows(store: Store) -> int:
    """Rows of imports not yet finished: in the file, seen by no one."""
    return store.db.execute(
        "SELECT count(*) FROM client WHERE deleted_at GLOB 'import:*'"
    ).fetchone()[0]


def test_a_desk_registers_between_the_slices_of_the_writing_and_sees_none_of_them(
    world: World, tmp_path: Path, desk: Store, small_batches: None
):
    path = _write(tmp_path, (HEADER + "".join(_people(7))).encode())
    before = _client_count(world.store)
    seen: list[tuple[int, int, int]] = []

    def desk_meanwhile(written: int) -> None:
        # Waits for no lock: had a slice's transaction still held it, this would raise.
        _register(desk, world, f"Kesken{_letters(written)}")
        found = len(desk.clients.search("Tuonti"))
        seen.append((written, _client_count(desk) - before, found))

    report = import_clients(world.store.ctx, world.admin, path, written=desk_meanwhile)
    assert report.imported == 7
    # Four slices (2 + 2 + 2 + 1 rows); the desk's own clients count, the file's do not.
    assert seen == [(2, 1, 0), (4, 2, 0), (6, 3, 0), (7, 4, 0)]
    assert _client_count(desk) == before + 4 + 7
    assert len(desk.clients.search("Tuonti")) == 7
    assert _pending_rows(desk) == 0
    # The names were indexed once, as they were written: one search row per client.
    assert desk.db.execute("SELECT count(*) FROM client_fts").fetchone()[0] == _client_count(desk)
    assert world.store.audit.check().ok


def test_a_hetu_registered_at_a_desk_during_the_writing_is_skipped_as_a_duplicate(
    world: World, tmp_path: Path, desk: Store, small_batches: None
):
    text = HEADER + f"{HETU_A},Åsa,Östman,\n{HETU_B},Pekka,Puro,\n,Faisal,Warsame,2.3.1988\n"
    path = _write(tmp_path, text.encode())
    desk_ids: list[str] = []

    def register_both(written: int) -> None:
        if written == 2:  # Åsa and Pekka are written, unseen; the desk registers Åsa
            desk_ids.append(
                _register(desk, world, "Östman", hetu=HETU_A, first_name="Åsa", birth_date="")
            )
            raw = {"first_name": "Faisal", "last_name": "Varsame", "birth_date": "2.3.1988"}
            desk_ids.append(desk.clients.create(world.reception, raw).id)

    before = _client_count(world.store)
    report = import_clients(world.store.ctx, world.admin, path, written=register_both)
    assert report.ok and report.imported == 1
    assert [d.line for d in report.duplicates] == [2]
    assert [(d.line, d.registered) for d in report.likely_duplicates] == [(4, ("Varsame Faisal",))]
    assert _client_count(world.store) == before + 3
    assert [m.id for m in world.store.clients.search(HETU_A)] == [desk_ids[0]]
    assert [m.id for m in world.store.clients.search("Warsame")] == []
    assert _pending_rows(world.store) == 0
    assert _import_events(world) == ["clients.csv: 1 clients"]


def test_an_import_stopped_during_the_writing_removes_what_it_wrote(
    world: World, tmp_path: Path, small_batches: None
):
    path = _write(tmp_path, (HEADER + "".join(_people(6))).encode())
    before = _client_count(world.store)

    def stop(written: int) -> None:
        assert _pending_rows(world.store) == written == 2
        raise KeyboardInterrupt  # ctrl+c at the terminal

    with pytest.raises(KeyboardInterrupt):
        import_clients(world.store.ctx, world.admin, path, written=stop)
    assert _client_count(world.store) == before and _pending_rows(world.store) == 0
    assert world.store.clients.search("Tuonti") == []
    [removed] = [e for e in world.store.audit.events(action="delete") if e.entity == "import"]
    assert removed.purpose == "clients.csv: stopped: 2 clients not imported"
    assert _import_events(world) == []
    assert world.store.audit.check().ok


def test_a_desk_holding_the_lock_mid_writing_stops_the_import_and_the_next_one_cleans_up(
    world: World, tmp_path: Path, desk: Store, small_batches: None
):
    world.store.db.conn.execute("PRAGMA busy_timeout = 0")
    path = _write(tmp_path, (HEADER + "".join(_people(5))).encode())
    before = _client_count(world.store)

    def hold_the_lock(written: int) -> None:
        if not desk.db.conn.in_transaction:
            desk.db.conn.execute("BEGIN IMMEDIATE")

    with pytest.raises(DatabaseBusy):
        import_clients(world.store.ctx, world.admin, path, written=hold_the_lock)
    desk.db.conn.execute("ROLLBACK")
    # Nor could it remove its two rows: they wait, seen by no one, for the next import.
    assert _client_count(desk) == before and _pending_rows(desk) == 2
    assert desk.clients.search("Tuonti") == []
    world.store.db.conn.execute("PRAGMA busy_timeout = 5000")
    report = import_clients(world.store.ctx, world.admin, path)
    assert report.imported == 5 and _pending_rows(world.store) == 0
    assert len(world.store.clients.search("Tuonti")) == 5
    [removed] = [e for e in world.store.audit.events(action="delete") if e.entity == "import"]
    assert removed.purpose == "unfinished: 2 clients not imported"


# Imports `path` into the register at `db` as the admin, and is killed (SIGKILL: nothing
# can clean up after it) once the first slice of rows is written.
KILLED_MID_WRITING = (
    UNLOCK_IN_CHILD
    + """
import os, signal, sys
from pathlib import Path
from store.api import Store
from store.clients import import_write
from store.clients.importer import ImportRunning, import_clients
import_write.FIRST_SLICE_ROWS = import_write.MAX_SLICE_ROWS = 2
store = Store.open(Path(sys.argv[1]))
admin = store.staff.get(store.db.execute("SELECT id FROM staff WHERE username = 'admin'").fetchone()[0])
import_clients(store.ctx, admin, Path(sys.argv[2]), written=lambda rows: os.kill(os.getpid(), signal.SIGKILL))
"""
)


def test_an_import_killed_mid_writing_leaves_nothing_seen_nor_the_register_locked(
    world: World, tmp_path: Path
):
    path = _write(tmp_path, (HEADER + "".join(_people(4))).encode())
    before = _client_count(world.store)
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_MID_WRITING, str(world.path), str(path)],
        check=False,
        env=child_env(world.path),
    )
    assert killed.returncode == -signal.SIGKILL
    assert _client_count(world.store) == before and _pending_rows(world.store) == 2
    assert world.store.clients.search("Tuonti") == []
    report = import_clients(world.store.ctx, world.admin, path)
    assert report.imported == 4 and _pending_rows(world.store) == 0
    assert world.store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert world.store.audit.check().ok


def test_a_second_import_into_the_same_register_waits_for_the_first(
    world: World, tmp_path: Path, clock: FixedClock, small_batches: None
):
    first = _write(tmp_path, (HEADER + "".join(_people(4))).encode())
    second = _write(tmp_path, (HEADER + f"{HETU_A},Åsa,Östman,\n").encode(), "more.csv")
    other = Store.open(world.path, clock)
    refused: list[str] = []

    def import_the_second(written: int) -> None:
        if not refused:
            with pytest.raises(ImportRunning) as caught:
                import_clients(other.ctx, world.admin, second)
            refused.append(caught.value.message("fi"))
            # A dry run writes nothing: it may check a file meanwhile.
            assert import_clients(other.ctx, world.admin, second, dry_run=True).to_import == 1

    try:
        assert import_clients(world.store.ctx, world.admin, first, written=import_the_second).ok
        assert refused == [
            "toinen tuonti on kesken tähän rekisteriin; yritä uudelleen, kun se on valmis"
        ]
        assert import_clients(other.ctx, world.admin, second).imported == 1
    finally:
        other.close()
