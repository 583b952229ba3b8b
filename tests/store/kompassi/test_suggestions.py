"""Services suggested by a reading's low domains, and the coach's decisions: an accepted
one is a planned step on the client's service path, linked to the domain; a rejected one
keeps its reason; neither is made twice."""

from __future__ import annotations

from datetime import date

import pytest

from store.clients.validation import ValidationError
from store.core.auth import PermissionDenied
from store.kompassi.models import Suggestion
from store.kompassi.repository import NotYourClient
from store.kompassi.suggestions import (
    AlreadyDecided,
    AlreadyOnPath,
    NotSuggested,
    ReadingNotFinished,
    ServiceRetired,
)
from store.sample.accounts import add_demo_account
from tests.conftest import World
from tests.store.kompassi.readings import finished_reading


@pytest.fixture
def client_id(world: World) -> str:
    return world.clients["makinen"].id  # her own coach is world.coach


def pairs(suggestions: list[Suggestion]) -> list[tuple[str, str]]:
    return [(s.domain_code, s.service_code) for s in suggestions]


def test_the_lowest_domains_suggest_first_and_skipped_or_high_never(world: World, client_id):
    reading = finished_reading(world.store, world.coach, client_id)
    suggestions = world.store.kompassi_suggestions.suggestions(world.coach, reading.id)
    assert pairs(suggestions) == [
        ("tyollisyys", "tyonhakuvalmennus"),  # low, 2
        ("tyollisyys", "tyokokeilu"),
        ("talous", "velkaneuvonta"),  # low, 3
        ("arki", "sosiaalinen_kuntoutus"),  # low, 5
        ("arki", "kuntouttava"),
        ("osaaminen", "uravalmennus"),  # middle, 7
    ]
    first = suggestions[0]
    assert (first.band_code, first.score, first.decision) == ("low", 2, None)
    assert suggestions[-1].band_code == "middle"


def test_accepting_plans_the_service_on_a_new_path_with_the_domain_as_goal(world: World, client_id):
    store = world.store
    reading = finished_reading(store, world.coach, client_id)
    assert store.paths.current_path(client_id) is None
    accepted = store.kompassi_suggestions.accept(
        world.coach, reading.id, "talous", "velkaneuvonta", date(2026, 12, 7)
    )
    path = store.paths.current_path(client_id)
    assert path is not None and path.is_open
    [step] = store.paths.steps(path.id)
    assert step.id == accepted.step_id and step.status == "planned"
    assert step.service_id == store.catalog.services_by_code()["velkaneuvonta"].id
    assert step.planned_start == date(2026, 12, 7)
    assert step.goal == "Kompassi: Talous (3)"
    assert (accepted.decision, accepted.decided_by) == ("accepted", world.coach.id)
    shown = store.kompassi_suggestions.suggestions(world.coach, reading.id)
    talous = next(s for s in shown if s.domain_code == "talous")
    assert (talous.decision, talous.step_id) == ("accepted", step.id)
    events = store.audit.events(client_id=client_id)
    assert any(e.entity == "kompassi_suggestion" and e.action == "create" for e in events)
    assert any(e.entity == "service_path" and e.purpose == "add_step" for e in events)


def test_accepting_adds_to_the_open_path_and_the_service_then_is_not_suggested_again(
    world: World, client_id
):
    store = world.store
    path = store.paths.start(world.coach, client_id, {"goal": "Varastotyöhön"})
    store.paths.add_step(
        world.coach, path.id, {"service": "tyonhakuvalmennus", "planned_start": "1.12.2026"}
    )
    reading = finished_reading(store, world.coach, client_id)
    suggestions = store.kompassi_suggestions
    offered = pairs(suggestions.suggestions(world.coach, reading.id))
    assert ("tyollisyys", "tyonhakuvalmennus") not in offered  # already planned
    with pytest.raises(AlreadyOnPath):
        suggestions.accept(
            world.coach, reading.id, "tyollisyys", "tyonhakuvalmennus", date(2026, 12, 7)
        )
    # Two domains suggest social rehabilitation: once one plans it, the other falls away.
    suggestions.accept(world.coach, reading.id, "arki", "sosiaalinen_kuntoutus", date(2027, 1, 4))
    assert store.paths.current_path(client_id) == path
    assert len(store.paths.steps(path.id)) == 2
    psyche = finished_reading(store, world.coach, client_id, {"psyykkinen": 1})
    assert pairs(suggestions.suggestions(world.coach, psyche.id)) == [("psyykkinen", "typ")]


def test_accepting_after_the_path_ended_starts_a_new_one(world: World, client_id):
    store = world.store
    old = store.paths.start(world.coach, client_id)
    store.paths.end(world.coach, old.id, {"outcome": "unknown", "ended_on": "27.11.2026"})
    reading = finished_reading(store, world.coach, client_id)
    accepted = store.kompassi_suggestions.accept(
        world.coach, reading.id, "talous", "velkaneuvonta", date(2026, 12, 7)
    )
    path = store.paths.current_path(client_id)
    assert path is not None and path.is_open and path.id != old.id
    assert [s.id for s in store.paths.steps(path.id)] == [accepted.step_id]


def test_rejecting_keeps_the_reason_and_plans_nothing(world: World, client_id):
    store = world.store
    reading = finished_reading(store, world.coach, client_id)
    rejected = store.kompassi_suggestions.reject(
        world.coach, reading.id, "osaaminen", "uravalmennus", "  Käynyt jo keväällä  "
    )
    assert (rejected.decision, rejected.reason, rejected.step_id) == (
        "rejected",
        "Käynyt jo keväällä",
        None,
    )
    silent = store.kompassi_suggestions.reject(world.coach, reading.id, "talous", "velkaneuvonta")
    assert silent.reason is None
    assert store.paths.current_path(client_id) is None
    shown = {
        s.domain_code: s for s in store.kompassi_suggestions.suggestions(world.coach, reading.id)
    }
    assert shown["osaaminen"].reason == "Käynyt jo keväällä"
    assert shown["talous"].decision == "rejected"
    with pytest.raises(ValidationError):
        store.kompassi_suggestions.reject(world.coach, reading.id, "arki", "kuntouttava", "x" * 501)


def test_a_decision_is_not_made_twice(world: World, client_id):
    suggestions = world.store.kompassi_suggestions
    reading = finished_reading(world.store, world.coach, client_id)
    suggestions.accept(world.coach, reading.id, "talous", "velkaneuvonta", date(2026, 12, 7))
    with pytest.raises(AlreadyDecided) as twice:
        suggestions.accept(world.coach, reading.id, "talous", "velkaneuvonta", date(2026, 12, 8))
    assert "hyväksytty" in twice.value.message("fi")
    with pytest.raises(AlreadyDecided):
        suggestions.reject(world.coach, reading.id, "talous", "velkaneuvonta")
    suggestions.reject(world.coach, reading.id, "arki", "kuntouttava")
    with pytest.raises(AlreadyDecided) as again:
        suggestions.accept(world.coach, reading.id, "arki", "kuntouttava", date(2026, 12, 8))
    assert again.value.decision == "rejected"
    path = world.store.paths.current_path(world.clients["makinen"].id)
    assert path is not None and len(world.store.paths.steps(path.id)) == 1


def test_only_what_the_reading_suggests_can_be_decided(world: World, client_id):
    suggestions = world.store.kompassi_suggestions
    reading = finished_reading(world.store, world.coach, client_id)
    for domain, service in (
        ("psyykkinen", "typ"),  # high: 9
        ("terveys", "terveystarkastus"),  # skipped
        ("osallisuus", "tyopaja"),  # not answered
        ("talous", "tyokokeilu"),  # not a service talous suggests
    ):
        with pytest.raises(NotSuggested):
            suggestions.accept(world.coach, reading.id, domain, service, date(2026, 12, 7))
        with pytest.raises(NotSuggested):
            suggestions.reject(world.coach, reading.id, domain, service)
    assert world.store.paths.current_path(client_id) is None


def test_a_retired_service_is_not_suggested_nor_planned(world: World, client_id):
    store = world.store
    reading = finished_reading(store, world.coach, client_id)
    store.catalog.retire_service(world.admin, "tyokokeilu")
    offered = pairs(store.kompassi_suggestions.suggestions(world.coach, reading.id))
    assert ("tyollisyys", "tyokokeilu") not in offered
    assert ("tyollisyys", "tyonhakuvalmennus") in offered
    with pytest.raises(ServiceRetired):
        store.kompassi_suggestions.accept(
            world.coach, reading.id, "tyollisyys", "tyokokeilu", date(2026, 12, 7)
        )
    assert store.paths.current_path(client_id) is None


def test_a_draft_suggests_nothing_yet(world: World, client_id):
    draft = world.store.kompassi.start(world.coach, client_id)
    world.store.kompassi.answer(world.coach, draft.id, "talous", score=1)
    with pytest.raises(ReadingNotFinished):
        world.store.kompassi_suggestions.suggestions(world.coach, draft.id)
    with pytest.raises(ReadingNotFinished):
        world.store.kompassi_suggestions.accept(
            world.coach, draft.id, "talous", "velkaneuvonta", date(2026, 12, 7)
        )


def test_only_the_clients_own_coach_sees_and_decides(world: World, client_id):
    suggestions = world.store.kompassi_suggestions
    reading = finished_reading(world.store, world.coach, client_id)
    other = add_demo_account(world.store.ctx, "valmentaja2", "Koski Kalle", "coach", world.site.id)
    for refused, error in (
        (world.reception, PermissionDenied),
        (world.admin, PermissionDenied),
        (other, NotYourClient),
    ):
        with pytest.raises(error):
            suggestions.suggestions(refused, reading.id)
        with pytest.raises(error):
            suggestions.accept(refused, reading.id, "talous", "velkaneuvonta", date(2026, 12, 7))
        with pytest.raises(error):
            suggestions.reject(refused, reading.id, "talous", "velkaneuvonta", "ei")
    assert all(s.decision is None for s in suggestions.suggestions(world.coach, reading.id))
    assert world.store.paths.current_path(client_id) is None


def test_the_goal_is_in_the_clients_service_language(world: World):
    store = world.store
    swedish = store.clients.create(
        world.admin,
        {"last_name": "Lindqvist", "first_name": "Berit", "birth_date": "3.4.1970",
         "service_language": "sv", "coach_id": world.coach.id},
    )  # fmt: skip
    reading = finished_reading(store, world.coach, swedish.id, {"talous": 4})
    accepted = store.kompassi_suggestions.accept(
        world.coach, reading.id, "talous", "velkaneuvonta", date(2026, 12, 7)
    )
    assert accepted.step_id is not None
    assert store.paths.step(accepted.step_id).goal == "Kompassi: Ekonomi (4)"
