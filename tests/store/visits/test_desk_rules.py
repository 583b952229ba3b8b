"""The desk's rules in the store: Enter's next step, transfers, who else has a visit,
the own coach, and an undo history that checks each change against later
moves."""

from __future__ import annotations

from datetime import timedelta

import pytest

from store.visits.register import InvalidTransition
from store.visits.rules import (
    ADVANCE,
    TRANSITIONS,
    Holder,
    OwnCoachNeedsClient,
    can_transfer,
    held_elsewhere,
    next_step,
)
from store.visits.undo import UndoStack


def walk_in(world):
    return world.store.visits.register(world.reception, world.site.id, reason_codes=["cv"])


def test_enter_walks_a_visit_from_waiting_to_done_and_stops(world):
    visits, reception = world.store.visits, world.reception
    visit = walk_in(world)
    seen = [visit.state]
    while (step := next_step(visit)) is not None:
        visit = visits.change_state(reception, visit.id, step, desk="1")
        seen.append(visit.state)
    assert seen == ["waiting", "called", "serving", "done"]
    assert all(to in TRANSITIONS[state] for state, to in ADVANCE.items())


def test_only_a_called_or_served_visit_can_be_transferred(world):
    visits, reception = world.store.visits, world.reception
    visit = walk_in(world)
    assert not can_transfer(visit)
    called = visits.change_state(reception, visit.id, "called", desk="1")
    assert can_transfer(called)
    assert can_transfer(visits.change_state(reception, visit.id, "serving"))


def test_a_visit_called_or_served_elsewhere_is_held_by_that_colleague_and_desk(world):
    visits, reception, coach = world.store.visits, world.reception, world.coach
    visit = walk_in(world)
    assert held_elsewhere(visit, reception.id, "1") is None  # waiting: nobody's yet
    called = visits.change_state(coach, visit.id, "called", desk="2")
    assert held_elsewhere(called, reception.id, "1") == Holder(coach.id, "2")
    assert held_elsewhere(called, coach.id, "2") is None  # the coach's own
    assert held_elsewhere(called, coach.id, "1") == Holder(None, "2")  # at another terminal
    served = visits.change_state(reception, visit.id, "serving")  # taken over at desk 2
    assert held_elsewhere(served, reception.id, "2") is None
    assert held_elsewhere(served, coach.id, "2") == Holder(reception.id, None)
    held = visits.change_state(reception, visit.id, "on_hold")
    assert held_elsewhere(held, coach.id, "2") == Holder(reception.id, None)


def test_a_transferred_visit_is_held_by_the_colleague_it_waits_for(world):
    visits, reception, coach = world.store.visits, world.reception, world.coach
    visit = walk_in(world)
    visits.change_state(reception, visit.id, "called", desk="1")
    passed = visits.change_state(reception, visit.id, "transferred", to_staff_id=coach.id)
    assert held_elsewhere(passed, coach.id, "3") is None  # handed to them: theirs now
    assert held_elsewhere(passed, reception.id, "1") == Holder(coach.id, None)


def test_an_anonymous_visitor_cannot_ask_for_their_own_coach(world):
    visits = world.store.visits
    for asked in ({"reason_codes": ["own_coach"]}, {"wants_own_coach": True}):
        with pytest.raises(OwnCoachNeedsClient) as refused:
            visits.register(world.reception, world.site.id, **asked)
        assert refused.value.message("en") == "meeting one's own coach needs a known client"
    assert visits.queue(world.site.id) == []
    client = world.clients["makinen"].id
    visit = visits.register(
        world.reception,
        world.site.id,
        client_id=client,
        reason_codes=["own_coach"],
        wants_own_coach=True,
    )
    assert visit.wants_own_coach


def test_the_undo_history_takes_changes_back_newest_first(world, clock):
    visits, reception = world.store.visits, world.reception
    history = UndoStack()
    waiting = walk_in(world)
    called = visits.change_state(reception, waiting.id, "called", desk="1")
    history.push(waiting, called)
    clock.at += timedelta(minutes=2)
    serving = visits.change_state(reception, waiting.id, "serving")
    history.push(called, serving)
    assert [change.after.state for change in history] == ["serving", "called"]
    assert visits.undo_latest(reception, history).state == "called"
    assert visits.undo_latest(reception, history).state == "waiting"
    assert visits.undo_latest(reception, history) is None


def test_an_older_change_is_refused_once_someone_moved_the_visit_on(world):
    visits, reception, coach = world.store.visits, world.reception, world.coach
    history = UndoStack()
    first, second = walk_in(world), walk_in(world)
    called = visits.change_state(reception, first.id, "called", desk="1")
    history.push(first, called)
    left = visits.change_state(reception, second.id, "left")
    history.push(second, left)
    visits.change_state(coach, first.id, "serving")  # another desk takes the first visitor
    assert visits.undo_latest(reception, history).state == "waiting"  # the second is back
    with pytest.raises(InvalidTransition):
        visits.undo_latest(reception, history)
    assert len(history) == 0
    assert visits.get(first.id).state == "serving"


def test_the_history_keeps_only_the_newest_changes(world):
    history = UndoStack(depth=2)
    visit = walk_in(world)
    for _ in range(3):
        history.push(visit, visit)
    assert len(history) == 2
