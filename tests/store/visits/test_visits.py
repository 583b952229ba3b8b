"""The walk-in queue in the store: tickets, call order, states and their events, NPS."""

from __future__ import annotations

from datetime import timedelta

import pytest

from store.api import Store
from store.core.auth import PermissionDenied
from store.core.clock import to_iso
from store.core.errors import SQLITE_OPERATIONAL_ERRORS
from store.visits.register import DeskOccupied, InvalidTransition
from store.visits.rules import nps_of, waiting_minutes


def advance(world, minutes: int) -> None:
    world.store.clock.at += timedelta(minutes=minutes)


def test_tickets_run_per_site_and_day(world):
    visits = world.store.visits
    first = visits.register(world.reception, world.site.id, reason_codes=["cv"])
    second = visits.register(world.reception, world.site.id, client_id=world.clients["ostman"].id)
    assert (first.ticket, second.ticket) == ("A001", "A002")
    other_site = world.store.sites.create(
        "Raision työpiste", "Raisio", "Turun työllisyysalue", world.admin
    )
    assert visits.register(world.reception, other_site.id).ticket == "A001"
    advance(world, 24 * 60)
    assert visits.register(world.reception, world.site.id).ticket == "A001"


def test_a_visit_keeps_its_reasons_and_lands_in_the_access_log(world):
    client = world.clients["makinen"]
    visit = world.store.visits.register(
        world.reception, world.site.id, client_id=client.id, reason_codes=["cv", "benefits"]
    )
    assert visit.reason_codes == ("benefits", "cv")
    assert (visit.first_name, visit.state, visit.channel) == ("Anna", "waiting", "walk_in")
    [event] = world.store.audit.events(entity_id=visit.id)
    assert (event.action, event.staff_id, event.client_id) == (
        "create",
        world.reception.id,
        client.id,
    )


def test_an_admin_is_not_a_desk(world):
    with pytest.raises(PermissionDenied):
        world.store.visits.register(world.admin, world.site.id)


def test_call_next_takes_a_booked_time_that_has_come_then_the_longest_wait(world):
    visits = world.store.visits
    early = visits.register(world.reception, world.site.id)
    advance(world, 5)
    later = visits.register(world.reception, world.site.id)
    booked_soon = visits.register(
        world.reception,
        world.site.id,
        channel="appointment",
        booked_for=to_iso(world.store.clock.now() + timedelta(minutes=30)),
    )
    booked_now = visits.register(
        world.reception,
        world.site.id,
        channel="appointment",
        booked_for=to_iso(world.store.clock.now()),
    )
    order = []
    for desk in ("1", "2", "3"):
        order.append(visits.call_next(world.reception, world.site.id, desk).ticket)
    assert order == [booked_now.ticket, early.ticket, later.ticket]
    # Early for an appointment is not a walk-in: nobody calls them before their time.
    assert visits.call_next(world.reception, world.site.id, "4") is None
    advance(world, 30)  # the later booking's time comes
    assert visits.call_next(world.reception, world.site.id, "4").ticket == booked_soon.ticket
    assert visits.call_next(world.reception, world.site.id, "5") is None


def test_every_state_change_is_an_event_with_time_and_staff(world):
    visits = world.store.visits
    visit = visits.register(world.reception, world.site.id)
    advance(world, 12)
    visits.call_next(world.reception, world.site.id, "2")
    visits.change_state(world.reception, visit.id, "serving")
    advance(world, 8)
    visits.change_state(world.reception, visit.id, "transferred", to_staff_id=world.coach.id)
    # The coach is called to them before anyone else in line.
    visits.register(world.reception, world.site.id)
    called = visits.call_next(world.coach, world.site.id, "5")
    assert called.id == visit.id and called.desk == "5"
    visits.change_state(world.coach, visit.id, "serving")
    done = visits.change_state(world.coach, visit.id, "done", outcome="referred")
    assert done.outcome == "referred" and done.finished_at is not None
    events = visits.events(visit.id)
    assert [(e.from_state, e.to_state, e.staff_id) for e in events] == [
        (None, "waiting", world.reception.id),
        ("waiting", "called", world.reception.id),
        ("called", "serving", world.reception.id),
        ("serving", "transferred", world.reception.id),
        ("transferred", "called", world.coach.id),
        ("called", "serving", world.coach.id),
        ("serving", "done", world.coach.id),
    ]
    assert events[3].to_staff_id == world.coach.id
    # The first call's time is what the waiting time is measured to.
    assert done.called_at == events[1].at


def test_left_without_service_and_no_way_back(world):
    visits = world.store.visits
    visit = visits.register(world.reception, world.site.id)
    left = visits.change_state(world.reception, visit.id, "left")
    assert left.outcome == "left_without_service"
    assert visits.queue(world.site.id) == []
    with pytest.raises(InvalidTransition):
        visits.change_state(world.reception, visit.id, "called")


def test_on_hold_is_skipped_by_call_next_until_resumed(world):
    visits = world.store.visits
    held = visits.register(world.reception, world.site.id)
    visits.change_state(world.reception, held.id, "on_hold")
    assert visits.call_next(world.reception, world.site.id, "1") is None
    visits.change_state(world.reception, held.id, "waiting")
    assert visits.call_next(world.reception, world.site.id, "1").id == held.id


def test_visits_left_open_on_earlier_days_are_listed_for_closing(world):
    visits = world.store.visits
    forgotten = visits.register(world.reception, world.site.id)
    advance(world, 24 * 60)
    assert visits.queue(world.site.id) == []
    assert [v.id for v in visits.left_open(world.site.id)] == [forgotten.id]
    visits.change_state(world.reception, forgotten.id, "left")
    assert visits.left_open(world.site.id) == []


def test_feedback_is_stored_without_identity(world):
    visits = world.store.visits
    visit = visits.register(
        world.reception,
        world.site.id,
        client_id=world.clients["makinen"].id,
        reason_codes=["cv"],
    )
    world.store.feedback.record(world.reception, visit, 10)
    row = world.store.db.execute("SELECT * FROM feedback").fetchone()
    columns = [d[0] for d in world.store.db.execute("SELECT * FROM feedback").description]
    stored = dict(zip(columns, row, strict=True))
    assert stored["score"] == 10 and stored["reason_codes"] == "cv"
    assert world.clients["makinen"].id not in map(str, row)
    assert visit.id not in map(str, row)
    assert stored["created_at"].endswith("T00:00:00.000Z")  # the day, not the minute
    # No rowid: the order answers were stored in cannot be matched to visits.
    with pytest.raises(SQLITE_OPERATIONAL_ERRORS):
        world.store.db.execute("SELECT rowid FROM feedback")


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([10, 9, 9, 8, 7, 6, 0, 10], 25.0),  # 4 promoters, 2 detractors of 8
        ([9, 9, 9, 9, 9], 100.0),
        ([6, 6, 6, 6, 6], -100.0),
        ([7, 8, 7, 8, 7], 0.0),
    ],
)
def test_nps_is_promoters_minus_detractors(scores, expected):
    assert nps_of(scores).score == expected


def test_nps_is_hidden_below_five_answers(world):
    visits = world.store.visits
    visit = visits.register(world.reception, world.site.id)
    for score in (10, 10, 9, 3):
        world.store.feedback.record(world.reception, visit, score)
    assert world.store.feedback.nps(world.site.id).responses == 4
    assert not world.store.feedback.nps(world.site.id).shown
    world.store.feedback.record(world.reception, visit, 8)
    assert world.store.feedback.nps(world.site.id).score == 40.0


def test_feedback_is_anonymous_unless_linking_is_switched_on(world):
    store, visits = world.store, world.store.visits
    client_id = world.clients["ostman"].id
    first = visits.register(world.reception, world.site.id, client_id=client_id)
    # Told "linked" by a screen opened before an admin switched linking off: anonymous.
    world.store.feedback.record(world.reception, first, 9, told_linked=True)
    assert store.db.execute("SELECT feedback_score FROM visit").fetchall() == [(None,)]
    assert "update" not in {e.action for e in store.audit.events(client_id=client_id)}

    store.settings.set(world.admin, "feedback.link_to_visit", "kyllä")
    assert world.store.feedback.is_linked()
    # Told "anonymous" by a screen opened before linking was switched on: anonymous.
    world.store.feedback.record(world.reception, first, 8, told_linked=False)
    second = visits.register(world.reception, world.site.id, client_id=client_id)
    world.store.feedback.record(world.reception, second, 4, told_linked=True)
    scores = store.db.execute("SELECT ticket, feedback_score FROM visit ORDER BY ticket")
    assert scores.fetchall() == [("A001", None), ("A002", 4)]
    # Keeping the answer with the visit changes a client's record, so it is logged;
    # every answer counts in the day's NPS exactly once.
    logged = store.audit.events(client_id=client_id)[-1]
    assert (logged.action, logged.entity_id, logged.purpose) == ("update", second.id, "feedback")
    assert world.store.feedback.nps(world.site.id).responses == 3


def test_possible_duplicates_fold_letters_and_match_phones(world):
    store = world.store
    same_name = {"first_name": "ANNA", "last_name": "Makinen", "birth_date": "1.1.1990"}
    assert [c.id for c in store.clients.possible_duplicates(same_name)] == [
        world.clients["makinen"].id
    ]
    same_phone = {
        "first_name": "Eino",
        "last_name": "Uusi",
        "birth_date": "2.2.1992",
        "phone": "+358 40 1234567",
    }
    assert [c.id for c in store.clients.possible_duplicates(same_phone)] == [
        world.clients["makinen"].id
    ]
    other = {"first_name": "Anna", "last_name": "Mäkinen", "birth_date": "2.1.1990"}
    assert store.clients.possible_duplicates(other) == []


def test_waiting_minutes_count_the_wait_the_visitor_is_in(world):
    visits, now = world.store.visits, world.store.clock.now
    visit = visits.register(world.reception, world.site.id)
    advance(world, 12)
    assert waiting_minutes(visits.get(visit.id), now()) == 12  # since arrival
    visits.change_state(world.reception, visit.id, "called", desk="1")
    advance(world, 40)
    assert waiting_minutes(visits.get(visit.id), now()) == 12  # arrival to first call
    visits.change_state(world.reception, visit.id, "transferred", to_staff_id=world.coach.id)
    advance(world, 5)
    assert waiting_minutes(visits.get(visit.id), now()) == 5  # since the transfer
    visits.change_state(world.coach, visit.id, "called", desk="2")
    advance(world, 9)
    assert waiting_minutes(visits.get(visit.id), now()) == 12


def test_undo_puts_a_visit_back_unless_it_changed_since(world):
    visits, reception = world.store.visits, world.reception
    waiting = visits.register(reception, world.site.id, client_id=world.clients["ostman"].id)
    advance(world, 3)
    left = visits.change_state(reception, waiting.id, "left")
    back = visits.undo(reception, waiting, left)
    assert (back.state, back.finished_at, back.outcome) == ("waiting", None, None)
    assert back.waiting_since == waiting.arrived_at  # the wait goes on from arrival
    events = [(e.from_state, e.to_state) for e in visits.events(waiting.id)]
    assert events[-2:] == [("waiting", "left"), ("left", "waiting")]
    purposes = [e.purpose for e in world.store.audit.events(client_id=waiting.client_id)]
    assert purposes[-1] == "undo left"
    called = visits.change_state(reception, waiting.id, "called", desk="1")
    visits.change_state(world.coach, waiting.id, "serving")  # someone else moved it on
    with pytest.raises(InvalidTransition):
        visits.undo(reception, back, called)
    assert visits.get(waiting.id).state == "serving"


def test_a_desk_calls_one_visitor_at_a_time(world):
    visits = world.store.visits
    first = visits.register(world.reception, world.site.id)
    second = visits.register(world.reception, world.site.id)
    assert visits.call_next(world.reception, world.site.id, "1").id == first.id
    with pytest.raises(DeskOccupied) as occupied:
        visits.call_next(world.reception, world.site.id, "1")
    assert occupied.value.visit.id == first.id
    assert visits.get(second.id).state == "waiting"
    # Another desk may call; desk 1 may again once its visitor is done, not while served.
    assert visits.call_next(world.coach, world.site.id, "2").id == second.id
    third = visits.register(world.reception, world.site.id)
    visits.change_state(world.reception, first.id, "serving")
    with pytest.raises(DeskOccupied) as occupied:
        visits.call_next(world.reception, world.site.id, "1")
    assert occupied.value.visit.id == first.id and occupied.value.visit.state == "serving"
    visits.change_state(world.reception, first.id, "done")
    assert visits.call_next(world.reception, world.site.id, "1").id == third.id


def at_desk(world, desk: str) -> list[str]:
    """The tickets the waiting-room board shows for `desk`."""
    return [n.ticket for n in world.store.visits.now_serving(world.site.id) if n.desk == desk]


def test_enter_on_a_waiting_row_cannot_call_a_second_visitor_to_a_busy_desk(world):
    visits = world.store.visits
    first = visits.register(world.reception, world.site.id)
    second = visits.register(world.reception, world.site.id)
    visits.change_state(world.reception, first.id, "called", desk="1")
    visits.change_state(world.reception, first.id, "serving")
    with pytest.raises(DeskOccupied):
        visits.change_state(world.coach, second.id, "called", desk="1")  # the next user here
    assert visits.get(second.id).state == "waiting" and at_desk(world, "1") == ["A001"]
    # Put on hold, the first visitor leaves the desk free (and is not on the board).
    visits.change_state(world.reception, first.id, "on_hold")
    visits.change_state(world.coach, second.id, "called", desk="1")
    assert at_desk(world, "1") == ["A002"]


def test_a_second_store_on_the_same_file_cannot_call_to_a_busy_desk(world, clock):
    first = world.store.visits.register(world.reception, world.site.id)
    second = world.store.visits.register(world.reception, world.site.id)
    other_terminal = Store.open(world.path, clock)
    try:
        assert world.store.visits.call_next(world.reception, world.site.id, "1").id == first.id
        world.store.visits.change_state(world.reception, first.id, "serving")
        with pytest.raises(DeskOccupied) as occupied:
            other_terminal.visits.call_next(world.coach, world.site.id, "1")
        assert occupied.value.visit.id == first.id
        with pytest.raises(DeskOccupied):
            other_terminal.visits.change_state(world.coach, second.id, "called", desk="1")
    finally:
        other_terminal.close()
    assert world.store.visits.get(second.id).state == "waiting"
    assert at_desk(world, "1") == ["A001"]


def test_undo_does_not_put_a_visitor_back_at_a_desk_that_called_someone_since(world):
    visits = world.store.visits
    first = visits.register(world.reception, world.site.id)
    second = visits.register(world.reception, world.site.id)
    served = visits.change_state(world.reception, first.id, "called", desk="1")
    served = visits.change_state(world.reception, first.id, "serving")
    done = visits.change_state(world.reception, first.id, "done")
    visits.change_state(world.coach, second.id, "called", desk="1")  # after a log-in here
    with pytest.raises(DeskOccupied) as occupied:
        visits.undo(world.reception, served, done)
    assert occupied.value.visit.id == second.id
    assert visits.get(first.id).state == "done" and at_desk(world, "1") == ["A002"]


def test_the_visits_in_hand_are_those_called_or_served_by_the_user(world):
    visits = world.store.visits
    called, served, waiting, other = (
        visits.register(world.reception, world.site.id) for _ in range(4)
    )
    visits.change_state(world.reception, called.id, "called", desk="1")
    visits.change_state(world.coach, served.id, "called", desk="2")
    visits.change_state(world.reception, served.id, "serving")  # taken over at desk 2
    visits.change_state(world.coach, other.id, "called", desk="3")
    in_hand = visits.in_hand(world.reception.id, world.site.id)
    assert [v.ticket for v in in_hand] == [called.ticket, served.ticket]
    assert waiting.ticket not in [v.ticket for v in in_hand]
