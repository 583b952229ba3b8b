"""Desk keys that must not surprise: one visitor per desk, the outcome at done, keys that
say why they cannot act, leaving with visitors in hand, the screen after feedback."""

from __future__ import annotations

import csv
import io

from textual.coordinate import Coordinate
from textual.widgets import Input

from screens.desk.feedback import FeedbackScreen
from screens.desk.in_hand_dialog import ConfirmLeavingVisits
from screens.desk.outcome_dialog import OutcomeDialog
from screens.desk.privacy_curtain import PrivacyCurtain
from screens.desk.queue_table import QueueTable
from screens.desk.walk_in import WalkInScreen
from screens.shell.login import LoginScreen
from screens.shell.today import TodayScreen
from store.exports.visit_export import export_visits
from tui.app import make_app

from ..helpers import log_in, messages, open_desk, screen_text, wait_until


def board_at(world, desk: str) -> list[str]:
    """The tickets the waiting-room board shows for `desk`."""
    return [n.ticket for n in world.store.visits.now_serving(world.site.id) if n.desk == desk]


def queue_names(desk: WalkInScreen) -> list[str]:
    """The client column of the desk's queue, as drawn (also beneath a dialog)."""
    table = desk.query_one(QueueTable)
    return [
        str(table.get_cell_at(Coordinate(row, table.get_column_index("client")))).strip()
        for row in range(table.row_count)
    ]


async def log_out(pilot) -> None:
    await pilot.press("ctrl+g")
    await pilot.pause()


async def test_f6_never_gives_one_desk_two_tickets_across_log_out_and_log_in(world, clock):
    visits = world.store.visits
    first = visits.register(world.reception, world.site.id, client_id=world.clients["ostman"].id)
    second = visits.register(world.reception, world.site.id)
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await open_desk(pilot)
        await pilot.press("f6", "enter", "f6")  # called, being served, F6 again
        await pilot.pause()
        refusal = "Tiskillä 1 palvellaan vielä A001 Östman Åsa (3.4.1961): ensin Ctrl+D (valmis)"
        assert any(m.startswith(refusal) for m in messages(app))
        assert board_at(world, "1") == ["A001"]
        # Log out (asked first: A001 is in hand) and in again as the same user, then
        # as a colleague, on this same terminal: desk 1 still has its one visitor.
        for username in ("vastaanotto", "valmentaja"):
            await log_out(pilot)
            if isinstance(app.screen, ConfirmLeavingVisits):
                await pilot.press("enter")
                await pilot.pause()
            assert isinstance(app.screen, LoginScreen)
            await log_in(pilot, username)
            await pilot.press("f2", "f6")
            await pilot.pause()
            assert any(m.startswith(refusal) for m in messages(app))
            assert board_at(world, "1") == ["A001"]
            assert visits.get(second.id).state == "waiting"
        # The message's way out: done (asked first, it is a colleague's), then F6 calls.
        table = app.screen.query_one(QueueTable)
        assert app.focused is table and table.selected_visit.id == first.id
        await pilot.press("ctrl+d", "enter", "enter", "f6")
        await pilot.pause()
        assert board_at(world, "1") == ["A002"]
    assert visits.get(first.id).state == "done"


async def test_the_outcome_picked_at_done_is_stored_shown_and_exported(
    world, clock, today, tmp_path
):
    visits = world.store.visits
    visit = visits.register(world.reception, world.site.id, client_id=world.clients["makinen"].id)
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        desk = await open_desk(pilot)
        desk.query_one(QueueTable).focus()
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert isinstance(app.screen, OutcomeDialog)
        assert "A001 Mäkinen Anna (1.1.1990) valmis: miten asia päättyi?" in screen_text(pilot)
        await pilot.press("escape")  # changed their mind: nothing happens to the visit
        await pilot.pause()
        assert app.screen is desk and visits.get(visit.id).state == "waiting"
        await pilot.press("ctrl+d", "2")
        await pilot.pause()
        assert app.screen is desk
        assert any(m.startswith("A001 valmis: ohjattu eteenpäin · F9") for m in messages(app))
    done = visits.get(visit.id)
    assert (done.state, done.outcome) == ("done", "referred")
    out = tmp_path / "kaynnit.csv"
    export_visits(world.store.ctx, world.reception, today, out=out)
    [row] = csv.DictReader(io.StringIO(out.read_text("utf-8-sig")), delimiter=";")
    assert row["outcome"] == "referred"


async def test_done_is_not_offered_for_a_visit_on_hold(world, clock):
    visits = world.store.visits
    visit = visits.register(world.reception, world.site.id)
    visits.change_state(world.reception, visit.id, "on_hold")
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        desk = await open_desk(pilot)
        desk.query_one(QueueTable).focus()
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert app.screen is desk  # said at once, not after picking an outcome
        assert "Tätä ei voi tehdä käynnille, jonka tila on ”tauolla”." in messages(app)


async def test_keys_that_cannot_act_say_why(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        for key, said in [
            (
                "f3",
                "Kompassi on valmentajien käytössä: vastaukset ovat terveystietoja, ja ne avaa"
                " vain asiakkaan oma valmentaja.",
            ),
            ("f4", "Palvelupolku on valmentajien käytössä; vastaanotto ei voi avata sitä."),
        ]:
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, TodayScreen) and messages(app)[-1] == said
        await pilot.press("f2", "f8")
        await pilot.pause()
        assert isinstance(app.screen, WalkInScreen)
        assert messages(app)[-1] == "Aiemmilta päiviltä ei ole sulkematta jääneitä käyntejä."
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, WalkInScreen)
        assert messages(app)[-1].startswith("Ei palautetta odottavaa käyntiä: F9 toimii heti")


async def test_the_visitor_switches_language_with_capital_letters_too(world, clock):
    world.store.visits.register(world.reception, world.site.id)
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        desk = await open_desk(pilot)
        desk.query_one(QueueTable).focus()
        await pilot.press("ctrl+d", "enter", "f9")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert "F suomi · S svenska · E English" in screen_text(pilot)
        await pilot.press("S")
        assert "rekommendera" in screen_text(pilot)
        await pilot.press("E")
        assert "recommend" in screen_text(pilot)
        await pilot.press("F")
        assert "suosittelisit" in screen_text(pilot)


async def test_after_feedback_the_desk_hides_names_until_a_key(world, clock, monkeypatch):
    monkeypatch.setattr(FeedbackScreen, "THANKS_SECONDS", 0.05)
    visits = world.store.visits
    visits.register(world.reception, world.site.id, client_id=world.clients["makinen"].id)
    visits.register(world.reception, world.site.id, client_id=world.clients["ostman"].id)
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        desk = await open_desk(pilot)
        desk.query_one(QueueTable).focus()
        await pilot.press("ctrl+d", "enter", "f9", "8")
        await wait_until(pilot, lambda: isinstance(app.screen, PrivacyCurtain), "the curtain")
        assert app.blanked and "paina mitä tahansa näppäintä" in screen_text(pilot)
        assert queue_names(desk) == ["Ö. Å.  1961"]  # the next client beneath, blanked
        await pilot.press("f6")  # only wakes the desk: nobody is called
        await pilot.pause()
        assert app.screen is desk and not app.blanked
        assert "Östman Åsa" in screen_text(pilot)
        assert queue_names(desk)[0].startswith("Östman Åsa")
        assert [v.state for v in visits.queue(world.site.id)] == ["waiting"]


async def test_no_answer_also_brings_the_desk_back_hidden_and_f12_shows_it(world, clock):
    world.store.visits.register(
        world.reception, world.site.id, client_id=world.clients["makinen"].id
    )
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        desk = await open_desk(pilot)
        desk.query_one(QueueTable).focus()
        await pilot.press("ctrl+d", "enter", "f9", "escape")
        await pilot.pause()
        assert isinstance(app.screen, PrivacyCurtain) and app.blanked
        await pilot.press("f12")
        await pilot.pause()
        assert app.screen is desk and not app.blanked


async def test_ctrl_g_logs_out(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        await log_in(pilot)
        await log_out(pilot)
        assert isinstance(app.screen, LoginScreen) and app.session is None
        assert app.screen.query_one("#username", Input).value == ""


async def test_quitting_with_a_called_visitor_names_them_and_esc_stays(world, clock):
    visits = world.store.visits
    visits.register(world.reception, world.site.id, client_id=world.clients["makinen"].id)
    visits.register(world.reception, world.site.id)
    colleagues = visits.register(world.reception, world.site.id)
    visits.change_state(world.coach, colleagues.id, "called", desk="2")  # not mine
    app = make_app(world.path, clock=clock)
    async with app.run_test() as pilot:
        desk = await open_desk(pilot)
        await pilot.press("f6", "enter")  # A001 being served here
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmLeavingVisits)
        text = screen_text(pilot)
        assert "Sinulla on vielä kesken 1 käynti:" in text
        assert "Se jää tiskille" in text
        assert "A001 Mäkinen Anna (1.1.1990) · palvelussa" in text and "A003" not in text
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and app.screen is desk
        await log_out(pilot)  # log-out asks the same
        assert isinstance(app.screen, ConfirmLeavingVisits)
        assert "Enter: kirjaudu silti ulos" in screen_text(pilot)
        await pilot.press("escape", "ctrl+q", "enter")
        await pilot.pause()
        assert not app.is_running
