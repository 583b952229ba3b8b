"""The board's side file: what the desks publish for the waiting-room board to read.

On real files: a snapshot of today's calls after every write that changes them, no
personal data in its bytes, two desk processes publishing at once, and a busy or
damaged side file that never fails a desk's write."""

from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import closing
from datetime import timedelta

import pytest

from store.api import Store
from store.core import keyring
from store.visits import board_feed
from store.visits.board_feed import (
    BoardFeedError,
    BoardFeedMissing,
    board_file_of,
    open_board_feed,
    publish_board,
)


def _published(world, clock, site_id: str | None = None) -> list[tuple[str, str | None]]:
    """What the board reads from the side file for the site today."""
    feed = open_board_feed(world.path)
    try:
        serving = feed.now_serving(site_id or world.site.id, clock.today(), limit=20)
    finally:
        feed.close()
    return [(row.ticket, row.desk) for row in serving]


def _in_register(world) -> list[tuple[str, str | None]]:
    return [(n.ticket, n.desk) for n in world.store.visits.now_serving(world.site.id, limit=20)]


def _register(world, clock, count: int) -> None:
    for _ in range(count):
        world.store.visits.register(world.reception, world.site.id, reason_codes=["cv"])
        clock.at += timedelta(minutes=1)


def test_each_change_of_the_board_is_published_as_it_is_made(world, clock):
    visits = world.store.visits
    _register(world, clock, 3)
    assert _published(world, clock) == []
    first = visits.call_next(world.reception, world.site.id, "2")
    clock.at += timedelta(minutes=1)
    second = visits.call_next(world.coach, world.site.id, "3")
    assert first and second
    assert _published(world, clock) == [(second.ticket, "3"), (first.ticket, "2")]
    clock.at += timedelta(minutes=1)
    serving = visits.change_state(world.coach, second.id, "serving")
    assert _published(world, clock) == [(second.ticket, "3"), (first.ticket, "2")]
    done = visits.change_state(world.coach, second.id, "done")
    assert _published(world, clock) == [(first.ticket, "2")]
    visits.undo(world.coach, serving, done)  # a key pressed by mistake: back on the board
    assert _published(world, clock) == [(second.ticket, "3"), (first.ticket, "2")]
    visits.change_state(world.reception, first.id, "left")
    assert _published(world, clock) == [(second.ticket, "3")] == _in_register(world)


def test_the_side_file_has_the_sites_and_is_the_owners_only(world, clock):
    other = world.store.sites.create("Raision työpiste", "Raisio", "Varsinais-Suomen", world.admin)
    assert world.store.visits.publish_board()
    side = board_file_of(world.path)
    assert side.name == "luotsi.db.board"
    assert stat.S_IMODE(side.stat().st_mode) == 0o600
    feed = open_board_feed(world.path)
    try:
        assert feed.sites() == sorted([world.site, other], key=lambda s: s.name)
        assert feed.zone() is not None and feed.zone().key == "Europe/Helsinki"
    finally:
        feed.close()


def test_a_snapshot_of_another_day_shows_nothing(world, clock):
    _register(world, clock, 1)
    world.store.visits.call_next(world.reception, world.site.id, "1")
    assert _published(world, clock) == [("A001", "1")]
    clock.at += timedelta(days=1)  # the board's clock on the next morning; no desk yet
    assert _published(world, clock) == []
    clock.at -= timedelta(days=2)  # nor a snapshot from a day the board has not reached
    assert _published(world, clock) == []


def test_the_side_file_holds_nothing_that_identifies_anyone(world, clock):
    """A `strings`-style scan of every byte of the side file and its -wal."""
    visits = world.store.visits
    for key in ("makinen", "maki_jokela", "ostman", "obrien"):
        visits.register(world.reception, world.site.id, client_id=world.clients[key].id)
        clock.at += timedelta(minutes=1)
    for desk in ("1", "2", "3"):
        visits.call_next(world.reception, world.site.id, desk)
    side = board_file_of(world.path)
    written = b"".join(
        path.read_bytes() for path in (side, side.with_name(side.name + "-wal")) if path.exists()
    )
    assert b"A003" in written  # the scan reads what the board reads
    personal = [
        text
        for client in world.clients.values()
        for text in (client.first_name, client.last_name, client.hetu, client.phone, client.id)
        if text
    ] + [staff.display_name for staff in (world.admin, world.reception, world.coach)]
    personal += [staff.id for staff in (world.admin, world.reception, world.coach)]
    for text in personal:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert text.encode(encoding) not in written, text


def test_a_busy_side_file_does_not_fail_the_desks_write_and_the_next_publish_heals(
    world, clock, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(board_feed, "PUBLISH_BUSY_MS", 50)
    _register(world, clock, 2)
    side = board_file_of(world.path)
    with closing(sqlite3.connect(side, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")  # another desk in the middle of its publish
        called = world.store.visits.call_next(world.reception, world.site.id, "4")
        other.execute("ROLLBACK")
    assert called is not None and called.state == "called"
    # The desk's own write stands, committed, whatever became of the publish.
    assert _in_register(world) == [("A001", "4")]
    assert _published(world, clock) == []  # skipped while busy
    clock.at += timedelta(minutes=1)
    world.store.visits.call_next(world.coach, world.site.id, "5")
    assert _published(world, clock) == [("A002", "5"), ("A001", "4")]


def test_a_side_file_that_cannot_be_written_never_fails_the_desk(world, clock):
    _register(world, clock, 1)
    side = board_file_of(world.path)
    for leftover in (side, side.with_name(side.name + "-wal"), side.with_name(side.name + "-shm")):
        leftover.unlink(missing_ok=True)
    side.mkdir()  # something in the way of the side file
    called = world.store.visits.call_next(world.reception, world.site.id, "1")
    assert called is not None and _in_register(world) == [("A001", "1")]
    assert world.store.visits.publish_board() is False
    side.rmdir()
    assert world.store.visits.publish_board() is True
    assert _published(world, clock) == [("A001", "1")]


def test_a_damaged_side_file_is_made_anew(world, clock):
    _register(world, clock, 1)
    world.store.visits.call_next(world.reception, world.site.id, "1")
    feed = open_board_feed(world.path)  # a board already up, reading the old file
    side = board_file_of(world.path)
    with side.open("r+b") as handle:  # a stray write over the file's header
        handle.write(b"\xff" * 100)
    assert world.store.visits.publish_board()
    assert _published(world, clock) == [("A001", "1")]
    try:  # the board that was up reads the new file at its next refresh
        assert [(n.ticket, n.desk) for n in feed.now_serving(world.site.id, clock.today(), 5)] == [
            ("A001", "1")
        ]
    finally:
        feed.close()


def test_no_side_file_before_a_desk_opens_the_database(tmp_path, clock):
    path = tmp_path / "uusi.db"
    with pytest.raises(BoardFeedMissing) as missing:
        open_board_feed(path)
    assert "luotsi --db" in missing.value.message("fi")
    Store.open(path, clock).close()
    feed = open_board_feed(path)
    try:
        assert feed.sites() == []
    finally:
        feed.close()


def test_a_store_that_only_read_leaves_the_side_file_as_it_was(world, clock):
    # A thread worker or a report opens its own store: reading publishes nothing.
    side_file = board_file_of(world.path)
    before = side_file.stat().st_mtime_ns, side_file.read_bytes()
    reader = Store.open(world.path, clock, migrate=False)
    reader.visits.day_visits(world.site.id, clock.today())
    reader.close()
    assert (side_file.stat().st_mtime_ns, side_file.read_bytes()) == before


def test_a_write_inside_a_longer_transaction_is_published_once_it_commits(world, clock):
    from store.core.db import write_transaction

    _register(world, clock, 1)
    with write_transaction(world.store.db):
        world.store.visits.call_next(world.reception, world.site.id, "1")
        assert publish_board(world.store.ctx) is False  # not yet committed: not shown
    assert _published(world, clock) == []
    assert world.store.visits.publish_board()
    assert _published(world, clock) == [("A001", "1")]


def _desk_process(path, clock, actor, site_id: str, desk: str, rounds: int) -> int:
    """A desk in a process of its own: call, serve and finish `rounds` visitors."""
    child = os.fork()
    if child:
        return child
    code = 1
    try:
        store = Store.open(path, clock, migrate=False)
        for _ in range(rounds):
            called = store.visits.call_next(actor, site_id, desk)
            if called is not None:
                store.visits.change_state(actor, called.id, "serving")
                store.visits.change_state(actor, called.id, "done")
        # The last visitor of each desk stays called, on the board.
        store.visits.call_next(actor, site_id, desk)
        store.close()
        code = 0
    finally:
        os._exit(code)


def test_two_desks_publishing_at_once_leave_the_board_as_the_register_is(world, clock):
    _register(world, clock, 24)
    world.store.close()
    children = [
        _desk_process(world.path, clock, world.reception, world.site.id, "1", 10),
        _desk_process(world.path, clock, world.coach, world.site.id, "2", 10),
    ]
    for child in children:
        _, status = os.waitpid(child, 0)
        assert os.waitstatus_to_exitcode(status) == 0
    desk = Store.open(world.path, clock, migrate=False)
    try:
        in_register = [(n.ticket, n.desk) for n in desk.visits.now_serving(world.site.id, 20)]
        done = desk.db.execute("SELECT count(*) FROM visit WHERE state = 'done'").fetchone()[0]
    finally:
        desk.ctx.db.close()  # closed without a publish of its own: the desks' is checked
    assert done == 20
    assert sorted(desk for _, desk in in_register) == ["1", "2"]
    assert sorted(_published(world, clock)) == sorted(in_register)


@pytest.fixture
def encrypted_world(request):
    keyring.encrypt_new_databases(True)
    return request.getfixturevalue("world")


def test_an_encrypted_databases_board_is_published_in_plain_without_its_secrets(
    encrypted_world, clock
):
    world = encrypted_world
    assert keyring.is_encrypted(world.path)
    world.store.visits.register(
        world.reception, world.site.id, client_id=world.clients["obrien"].id
    )
    world.store.visits.call_next(world.reception, world.site.id, "7")
    world.store.close()
    keyring.forget(world.path)  # the board's process: no key
    assert _published(world, clock) == [("A001", "7")]
    side = board_file_of(world.path).read_bytes()
    assert side.startswith(b"SQLite format 3\x00")  # plain: it needs no key
    assert world.clients["obrien"].hetu.encode() not in side
    assert b"O'Brien" not in side


@pytest.mark.parametrize("error", BoardFeedError.__subclasses__(), ids=lambda e: e.__name__)
def test_each_of_the_boards_errors_speaks_three_languages(error, tmp_path):
    """Their keys are class attributes, which the catalog test's key pattern cannot see."""
    texts = {lang: error(tmp_path / "luotsi.db").message(lang) for lang in ("fi", "sv", "en")}
    assert len(set(texts.values())) == 3
    assert all(str(tmp_path / "luotsi.db") in text for text in texts.values())


def test_a_board_up_while_the_side_file_is_gone_reads_it_again_once_it_is_back(world, clock):
    _register(world, clock, 2)
    world.store.visits.call_next(world.reception, world.site.id, "1")
    feed = open_board_feed(world.path)
    try:
        side = board_file_of(world.path)
        moved = side.rename(side.with_name("elsewhere"))
        with pytest.raises(BoardFeedMissing):
            feed.now_serving(world.site.id, clock.today(), 5)
        moved.rename(side)
        clock.at += timedelta(minutes=1)
        world.store.visits.call_next(world.coach, world.site.id, "2")
        serving = feed.now_serving(world.site.id, clock.today(), 5)
        assert [(n.ticket, n.desk) for n in serving] == [("A002", "2"), ("A001", "1")]
    finally:
        feed.close()
