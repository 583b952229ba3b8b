"""A client's service path in the store: steps added, moved, started, ended and cancelled,
every change in path_event, and who may see and change it."""

from __future__ import annotations

from datetime import date

import pytest

from store.clients.validation import ValidationError
from store.core.auth import PermissionDenied
from store.paths.repository import PurposeRequired, StepNotChangeable
from tests.conftest import World


@pytest.fixture
def client_id(world: World) -> str:
    return world.clients["makinen"].id  # her own coach is world.coach


def test_a_coach_builds_a_path_of_steps_in_order(world: World, client_id: str):
    paths = world.store.paths
    path = paths.start(world.coach, client_id, {"goal": "Töihin logistiikka-alalle"})
    trial = paths.add_step(
        world.coach,
        path.id,
        {"service": "tyokokeilu", "organiser": "Kaupungin varikko", "planned_start": "1.1.2027",
         "planned_end": "30.6.2027", "days_per_week": "5", "hours_per_day": "6"},
    )  # fmt: skip
    training = paths.add_step(
        world.coach, path.id, {"service": "koulutus", "planned_start": "1.8.2027"}
    )
    assert [s.position for s in (trial, training)] == [1, 2]
    assert [s.id for s in paths.move_step(world.coach, training.id, -1)] == [training.id, trial.id]
    started = paths.set_status(world.coach, training.id, "active")
    assert started.status == "active" and started.actual_start == world.store.today()
    cancelled = paths.set_status(world.coach, trial.id, "cancelled")
    view = paths.open(world.coach, client_id)
    # A cancelled step stays on the path, in its place.
    assert [(s.id, s.status) for s in view.steps] == [
        (training.id, "active"),
        (cancelled.id, "cancelled"),
    ]
    assert view.editable and view.path is not None and view.path.goal == "Töihin logistiikka-alalle"
    actions = [e.action for e in paths.events(path.id)]
    assert actions == [
        "start_path",
        "add_step",
        "add_step",
        "move_step",
        "set_status",
        "cancel_step",
    ]
    moved = paths.events(path.id)[3]
    assert moved.changes == {"position": [2, 1]} and moved.staff_id == world.coach.id


def test_impossible_input_names_every_bad_field_and_stores_nothing(world: World, client_id: str):
    path = world.store.paths.start(world.coach, client_id)
    raw = {"service": "tyokoe", "planned_start": "31.2.2027", "planned_end": "1.1.2026",
           "days_per_week": "9", "hours_per_day": "kuusi"}  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        world.store.paths.add_step(world.coach, path.id, raw)
    assert [(e.field, e.key) for e in caught.value.errors] == [
        ("service", "error.service.unknown"),
        ("planned_start", "error.date.impossible"),
        ("days_per_week", "error.number.range"),
        ("hours_per_day", "error.number.format"),
    ]
    assert world.store.paths.steps(path.id) == []
    raw = {"service": "koulutus", "planned_start": "1.3.2027", "planned_end": "1.2.2027"}
    with pytest.raises(ValidationError) as caught:
        world.store.paths.add_step(world.coach, path.id, raw)
    assert [(e.field, e.key) for e in caught.value.errors] == [
        ("planned_end", "error.date.end_before_start")
    ]


def test_a_done_step_cannot_start_again_and_an_ended_path_cannot_change(
    world: World, client_id: str
):
    paths = world.store.paths
    path = paths.start(world.coach, client_id)
    step = paths.add_step(
        world.coach, path.id, {"service": "uravalmennus", "planned_start": "1.11.2026"}
    )
    paths.set_status(world.coach, step.id, "active")
    paths.set_status(world.coach, step.id, "done")
    with pytest.raises(StepNotChangeable):
        paths.set_status(world.coach, step.id, "active")
    ended = paths.end(
        world.coach,
        path.id,
        {"outcome": "employed", "ended_on": "28.11.2026", "employer_sector": "company",
         "employment_type": "fixed_term", "with_pay_subsidy": "1"},
    )  # fmt: skip
    assert (ended.outcome, ended.employment_type, ended.with_pay_subsidy) == (
        "employed",
        "fixed_term",
        True,
    )
    with pytest.raises(StepNotChangeable):
        paths.add_step(world.coach, path.id, {"service": "koulutus", "planned_start": "1.1.2027"})
    # A new path may begin after the old one ended; the old one keeps its outcome.
    again = paths.start(world.coach, client_id)
    assert again.id != path.id and paths.path(path.id).outcome == "employed"


def test_who_may_see_and_change_a_path(world: World, client_id: str):
    paths = world.store.paths
    paths.start(world.coach, client_id)
    with pytest.raises(PermissionDenied):
        paths.open(world.reception, client_id)
    with pytest.raises(PurposeRequired):
        paths.open(world.admin, client_id)
    view = paths.open(world.admin, client_id, purpose="Tietopyyntö 12/2026")
    assert not view.editable
    with pytest.raises(PermissionDenied):
        paths.start(world.admin, client_id)
    logged = [
        (e.staff_id, e.purpose)
        for e in world.store.audit.events(client_id=client_id, action="view")
        if e.entity == "service_path"
    ]
    assert logged == [(world.admin.id, "Tietopyyntö 12/2026")]


def test_ending_a_path_ends_its_steps_with_it(world: World, client_id: str):
    paths = world.store.paths
    path = paths.start(world.coach, client_id)
    raws = [
        {"service": "uravalmennus", "planned_start": "1.9.2026", "planned_end": "31.10.2026"},
        {"service": "tyokokeilu", "organiser": "Varikko", "planned_start": "2.11.2026",
         "planned_end": "30.4.2027"},
        {"service": "koulutus", "planned_start": "1.8.2027"},
        {"service": "tyonhakuvalmennus", "planned_start": "1.10.2026", "planned_end": "20.11.2026"},
    ]  # fmt: skip
    coaching, trial, training, search = [paths.add_step(world.coach, path.id, r) for r in raws]
    paths.set_status(world.coach, coaching.id, "active", on=date(2026, 9, 1))
    paths.set_status(world.coach, coaching.id, "done", on=date(2026, 10, 31))
    paths.set_status(world.coach, trial.id, "active", on=date(2026, 11, 2))
    paths.set_status(world.coach, search.id, "active", on=date(2026, 10, 1))
    paths.end(world.coach, path.id, {"outcome": "employed", "ended_on": "27.11.2026",
                                     "employer_sector": "company", "employment_type": "permanent"})  # fmt: skip
    steps = {s.id: s for s in paths.steps(path.id)}
    # Done stays done; the trial meant to run till April was cut short; the search ran
    # its course; the training never began.
    assert (steps[coaching.id].status, steps[coaching.id].actual_end) == (
        "done",
        date(2026, 10, 31),
    )
    assert (steps[trial.id].status, steps[trial.id].actual_end) == (
        "interrupted",
        date(2026, 11, 27),
    )
    assert (steps[search.id].status, steps[search.id].actual_end) == ("done", date(2026, 11, 27))
    assert steps[training.id].status == "cancelled"
    actions = [e.action for e in paths.events(path.id)][-4:]
    assert actions == ["set_status", "cancel_step", "set_status", "end_path"]


def test_a_warning_acknowledged_twice_keeps_the_first_who_and_when(world: World, client_id: str):
    paths = world.store.paths
    path = paths.start(world.coach, client_id)
    trial = paths.add_step(world.coach, path.id, {"service": "tyokokeilu", "organiser": "Varikko",
        "planned_start": "1.1.2027", "planned_end": "28.2.2028"})  # fmt: skip
    [first, *_] = paths.view(world.coach, client_id).warnings
    paths.acknowledge(world.coach, trial.id, first.code)
    # The same key at a second desk, whose screen had not caught up: no error, no change.
    paths.acknowledge(world.coach, trial.id, first.code)
    [again] = [w for w in paths.view(world.coach, client_id).warnings if w.code == first.code]
    assert again.acknowledged_by == world.coach.id
    assert [e.action for e in paths.events(path.id)].count("acknowledge") == 1
