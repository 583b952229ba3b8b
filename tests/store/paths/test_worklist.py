"""The coach's worklist: steps ending soon, planned starts passed, unacknowledged rule
warnings, and caseload clients with no active step; nobody else's clients."""

from __future__ import annotations

from datetime import date

import pytest

from store.core.auth import PermissionDenied
from store.paths.worklist import WorkItem
from tests.conftest import World, make_hetu

# world's today is Saturday 28.11.2026.


def _client(world: World, last: str, first: str, hetu: str, coach: bool = True) -> str:
    raw = {"last_name": last, "first_name": first, "hetu": hetu}
    if coach:
        raw["coach_id"] = world.coach.id
    return world.store.clients.create(world.admin, raw).id


def _kinds(items: list[WorkItem]) -> list[tuple[str, str, str | None, date | None]]:
    return [(i.kind, i.client_name, i.service.code if i.service else None, i.due) for i in items]


def test_the_worklist_lists_what_is_due_on_the_coachs_own_caseload(world: World):
    paths = world.store.paths
    coach = world.coach
    makinen = world.clients["makinen"].id
    # Mäkinen: an active work trial ending in ten days, training starting next year.
    path = paths.start(coach, makinen)
    trial = paths.add_step(coach, path.id, {"service": "tyokokeilu", "organiser": "Varikko",
        "planned_start": "1.10.2026", "actual_start": "1.10.2026", "planned_end": "8.12.2026"})  # fmt: skip
    paths.add_step(coach, path.id, {"service": "koulutus", "planned_start": "11.1.2027"})
    # Lahtinen: an open path whose planned coaching should have started on Monday.
    lahtinen = _client(world, "Lahtinen", "Oona", make_hetu("020295", "-", 901))
    late = paths.add_step(
        coach,
        paths.start(coach, lahtinen).id,
        {"service": "tyonhakuvalmennus", "planned_start": "23.11.2026", "planned_end": "31.1.2027"},
    )
    # Nurmi: an active step long past its end, never closed.
    nurmi = _client(world, "Nurmi", "Eero", make_hetu("030388", "-", 902))
    stale = paths.add_step(coach, paths.start(coach, nurmi).id, {"service": "tyopaja",
        "planned_start": "1.6.2026", "actual_start": "1.6.2026", "planned_end": "31.10.2026"})  # fmt: skip
    # Salo: nothing at all yet.
    _client(world, "Salo", "Ilona", make_hetu("040499", "-", 903))
    # Someone else's client with a late step is not this coach's business.
    other = world.clients["ostman"].id
    with world.store.db.conn:
        world.store.db.execute(
            "INSERT INTO service_path (id, client_id, created_at, updated_at)"
            " VALUES ('p-other', ?, 'x', 'x')",
            [other],
        )

    items = paths.worklist(coach)

    assert _kinds(items) == [
        ("ending", "Nurmi Eero", "tyopaja", date(2026, 10, 31)),
        ("not_started", "Lahtinen Oona", "tyonhakuvalmennus", date(2026, 11, 23)),
        ("ending", "Mäkinen Anna", "tyokokeilu", date(2026, 12, 8)),
        # Lahtinen's path has no active step; Salo has no path at all.
        ("no_active_step", "Lahtinen Oona", None, date(2027, 1, 31)),
        ("no_active_step", "Salo Ilona", None, None),
    ]
    assert [i.step_id for i in items[:3]] == [stale.id, late.id, trial.id]

    # Closing the stale step and starting the late one clears both.
    paths.set_status(coach, stale.id, "done", on=date(2026, 10, 31))
    paths.set_status(coach, late.id, "active")
    assert _kinds(paths.worklist(coach)) == [
        ("ending", "Mäkinen Anna", "tyokokeilu", date(2026, 12, 8)),
        ("no_active_step", "Nurmi Eero", None, date(2026, 10, 31)),
        ("no_active_step", "Salo Ilona", None, None),
    ]


def test_a_step_ending_beyond_two_weeks_or_done_is_not_listed(world: World):
    paths = world.store.paths
    path = paths.start(world.coach, world.clients["makinen"].id)
    paths.add_step(world.coach, path.id, {"service": "uravalmennus",
        "planned_start": "2.11.2026", "actual_start": "2.11.2026", "planned_end": "13.12.2026"})  # fmt: skip
    done = paths.add_step(world.coach, path.id, {"service": "terveystarkastus",
        "planned_start": "2.11.2026", "actual_start": "2.11.2026", "actual_end": "30.11.2026"})  # fmt: skip
    assert done.status == "done"
    assert paths.worklist(world.coach) == []


def test_an_unacknowledged_warning_is_listed_until_acknowledged(world: World):
    paths = world.store.paths
    path = paths.start(world.coach, world.clients["makinen"].id)
    # Eight months of work trial with one organiser: over the six a rule allows.
    trial = paths.add_step(world.coach, path.id, {"service": "tyokokeilu", "organiser": "Varikko",
        "planned_start": "1.6.2026", "actual_start": "1.6.2026", "planned_end": "31.1.2027",
        "days_per_week": "5", "hours_per_day": "6"})  # fmt: skip
    warnings = [i for i in paths.worklist(world.coach) if i.kind == "warning"]
    assert [(i.step_id, i.due) for i in warnings] == [(trial.id, date(2026, 6, 1))]
    assert warnings[0].detail is not None
    for item in warnings:
        assert item.detail is not None
        paths.acknowledge(world.coach, trial.id, item.detail)
    assert [i for i in paths.worklist(world.coach) if i.kind == "warning"] == []


def test_a_step_changed_back_within_the_rules_leaves_the_worklist(world: World):
    """The warnings kept between reads are never those of the path before a change."""
    paths = world.store.paths
    path = paths.start(world.coach, world.clients["makinen"].id)
    raw = {"service": "tyokokeilu", "organiser": "Varikko", "planned_start": "1.6.2026",
           "actual_start": "1.6.2026", "planned_end": "31.1.2027", "days_per_week": "5",
           "hours_per_day": "6"}  # fmt: skip
    trial = paths.add_step(world.coach, path.id, raw)
    assert [i.step_id for i in paths.worklist(world.coach) if i.kind == "warning"] == [trial.id]
    paths.update_step(world.coach, trial.id, {**raw, "planned_end": "30.11.2026"})
    assert [i for i in paths.worklist(world.coach) if i.kind == "warning"] == []


def test_only_a_coach_has_a_worklist(world: World):
    for user in (world.reception, world.admin):
        with pytest.raises(PermissionDenied):
            world.store.paths.worklist(user)


def test_a_client_whose_path_ended_in_work_is_not_a_client_to_plan_for(world: World):
    paths, coach = world.store.paths, world.coach
    employed = _client(world, "Nurmi", "Eero", make_hetu("030388", "-", 902))
    studying = _client(world, "Salo", "Ilona", make_hetu("040499", "-", 903))
    for client_id, outcome in ((employed, "employed"), (studying, "studies")):
        path = paths.start(coach, client_id)
        paths.end(coach, path.id, {"outcome": outcome, "ended_on": "20.11.2026",
                                   "employer_sector": "company", "employment_type": "permanent"})  # fmt: skip
    names = [(i.kind, i.client_name) for i in paths.worklist(coach)]
    assert ("no_active_step", "Salo Ilona") in names
    assert ("no_active_step", "Nurmi Eero") not in names
    # A new path for the employed one (the job ended) puts them back on the list.
    paths.start(coach, employed)
    assert ("no_active_step", "Nurmi Eero") in [
        (i.kind, i.client_name) for i in paths.worklist(coach)
    ]
