"""The real app in a real (pseudo) terminal, killed mid-reading: every answer typed before
the kill is in the draft when the file is opened again."""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path

import pytest

from store.api import Store
from store.sample.accounts import add_demo_account
from tests.cli.test_terminal import Terminal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX terminal")

F3 = "\x1bOR"
DOWN = "\x1b[B"


def quiet(terminal: Terminal, seconds: float = 0.5) -> None:
    """Wait until the app has drawn nothing new for `seconds` (it has taken the last key)."""
    deadline = time.monotonic() + 30
    seen, since = len(terminal.output), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.05)
        if len(terminal.output) != seen:
            seen, since = len(terminal.output), time.monotonic()
        elif time.monotonic() - since >= seconds:
            return


def caseload(db: Path) -> str:
    """A database with a coach (valmentaja/demo) and one client of theirs; the client's id."""
    store = Store.open(db)
    try:
        site = store.sites.create("Työpiste Keskusta", "Turku", "Varsinais-Suomen työllisyysalue")
        admin = add_demo_account(store.ctx, "admin", "Aalto Aino", "admin", site.id)
        coach = add_demo_account(store.ctx, "valmentaja", "Virtanen Liisa", "coach", site.id)
        raw = {"last_name": "Mäkinen", "first_name": "Anna", "birth_date": "1.1.1990",
               "coach_id": coach.id}  # fmt: skip
        return store.clients.create(admin, raw).id
    finally:
        store.close()


def test_answers_typed_before_a_sigkill_are_all_in_the_draft(tmp_path: Path):
    db = tmp_path / "luotsi.db"
    client_id = caseload(db)
    terminal = Terminal(["--db", str(db), "--lang", "fi"], tmp_path)
    try:
        terminal.wait_for("Käyttäjätunnus")
        # One field at a time: keys typed ahead of a focus change would land in the old field.
        terminal.type("valmentaja\t")
        quiet(terminal)
        terminal.type("demo\r")
        terminal.wait_for("Tänään")
        terminal.type(F3)
        terminal.wait_for("valitse asiakas")
        terminal.type("Mäkinen")
        terminal.wait_for("1.1.1990")  # the client in the results
        terminal.type(DOWN + "\r")
        terminal.wait_for("Ei vielä mittauksia")
        terminal.type("n")
        terminal.wait_for("Uusi mittaus")
        terminal.type("\r")
        terminal.wait_for("numerot: asiakas")
        # 3, 7, skipped, 10 (t), and a comment on nothing: four answers, then the kill.
        terminal.type("37st")
        terminal.wait_for(r"3/8, 1 ohitettu")  # drawn after the last one was saved
    finally:
        terminal.process.send_signal(signal.SIGKILL)
        code = terminal.close()
    assert code == -signal.SIGKILL
    store = Store.open(db)
    try:
        coach = store.staff.find("valmentaja")
        assert coach is not None
        draft = store.kompassi.view(coach, client_id).draft
    finally:
        store.close()
    assert draft is not None and draft.kind == "baseline"
    answers = {a.domain_code: (a.score, a.skipped) for a in draft.answers if a.answered}
    assert answers == {
        "talous": (3, False),
        "osallisuus": (7, False),
        "osaaminen": (None, True),
        "psyykkinen": (10, False),
    }
