"""Snapshots of the walk-in desk and its dialogs at 80×24 with a fixed clock."""

from __future__ import annotations

from datetime import timedelta

from textual.pilot import Pilot

from screens.desk.feedback import FeedbackScreen
from screens.desk.outcome_dialog import OutcomeDialog
from screens.desk.queue_dialogs import ConfirmOthersVisit, LeftOpenDialog, TransferDialog
from screens.desk.queue_table import QueueTable
from tui.app import make_app

from ..helpers import log_in, open_desk, screen_text, still


def queue_keys_open(*keys: str, shows: type, focus_queue: bool = True):
    """A snapshot's set-up: the desk opened, its queue focused, `keys` pressed, and the
    screen they bring up checked to be a `shows`."""

    async def run_before(pilot: Pilot) -> None:
        await still(pilot)
        desk = await open_desk(pilot)
        if focus_queue:
            desk.query_one(QueueTable).focus()
        await pilot.press(*keys)
        await still(pilot)
        assert isinstance(pilot.app.screen, shows)

    return run_before


def test_walk_in_desk_with_a_populated_queue(snap_compare, world, clock, helsinki_desk):
    visits, site = world.store.visits, world.site.id
    clock.at -= timedelta(minutes=40)
    visits.register(
        world.reception, site, client_id=world.clients["ostman"].id, reason_codes=["benefits"]
    )
    clock.at += timedelta(minutes=10)
    called = visits.register(
        world.reception,
        site,
        client_id=world.clients["makinen"].id,
        reason_codes=["own_coach"],
        wants_own_coach=True,
    )
    visits.register(world.reception, site, reason_codes=["other"])
    clock.at += timedelta(minutes=25)
    visits.register(
        world.reception, site, client_id=world.clients["obrien"].id, reason_codes=["cv", "training"]
    )
    clock.at += timedelta(minutes=5)
    visits.change_state(world.reception, called.id, "called", desk="2")

    async def run_before(pilot: Pilot) -> None:
        await still(pilot)
        await log_in(pilot)
        await pilot.press("f2")
        await still(pilot)
        # What the picture is for: long waits marked, the called visitor's desk.
        text = screen_text(pilot)
        assert "⚠40 min" in text and "kutsuttu 2" in text

    assert snap_compare(make_app(world.path, clock=clock), run_before=run_before)


def test_feedback_question_after_a_done_visit(snap_compare, world, clock, helsinki_desk):
    world.store.visits.register(
        world.reception, world.site.id, client_id=world.clients["makinen"].id, reason_codes=["cv"]
    )

    # done, resolved, the question
    run_before = queue_keys_open("ctrl+d", "enter", "f9", shows=FeedbackScreen)
    assert snap_compare(make_app(world.path, clock=clock), run_before=run_before)


def test_transfer_dialog_lists_the_colleagues(snap_compare, world, clock, helsinki_desk):
    visits = world.store.visits
    visit = visits.register(world.reception, world.site.id, client_id=world.clients["ostman"].id)
    visits.change_state(world.reception, visit.id, "called", desk="1")

    run_before = queue_keys_open("ctrl+t", shows=TransferDialog)
    assert snap_compare(make_app(world.path, clock=clock), run_before=run_before)


def test_left_open_dialog_lists_visits_of_earlier_days(snap_compare, world, clock, helsinki_desk):
    visits, site = world.store.visits, world.site.id
    clock.at -= timedelta(days=1)
    visits.register(world.reception, site, client_id=world.clients["ostman"].id)
    called = visits.register(world.reception, site)
    visits.change_state(world.reception, called.id, "called", desk="2")
    clock.at += timedelta(days=1)

    run_before = queue_keys_open("f8", shows=LeftOpenDialog, focus_queue=False)
    assert snap_compare(make_app(world.path, clock=clock), run_before=run_before)


def test_done_on_a_colleagues_visit_asks_first(snap_compare, world, clock, helsinki_desk):
    visits = world.store.visits
    visit = visits.register(world.reception, world.site.id, client_id=world.clients["ostman"].id)
    visits.change_state(world.coach, visit.id, "called", desk="2")

    run_before = queue_keys_open("ctrl+d", shows=ConfirmOthersVisit)
    assert snap_compare(make_app(world.path, clock=clock), run_before=run_before)


def test_done_asks_how_the_visit_ended(snap_compare, world, clock, helsinki_desk):
    visits = world.store.visits
    visit = visits.register(world.reception, world.site.id, client_id=world.clients["ostman"].id)
    visits.change_state(world.reception, visit.id, "called", desk="1")

    run_before = queue_keys_open("ctrl+d", shows=OutcomeDialog)
    assert snap_compare(make_app(world.path, clock=clock), run_before=run_before)
