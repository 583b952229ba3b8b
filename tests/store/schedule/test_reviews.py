"""Reviews due: the initial interview, the job-search rhythm and the supplementary
discussions of a coach's jobseekers, from the dated process rules."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from store.clients.models import Client
from store.core.auth import PermissionDenied
from store.core.clock import FixedClock, local_moment
from store.sample.accounts import add_demo_account
from store.schedule.models import AppointmentKind, Booking
from store.schedule.process_rules import ProcessRule, ProcessRules, add_months
from store.schedule.reviews import ReviewDue, local_days
from tests.conftest import World


def jobseeker(world: World, last_name: str, since: date, coach_id: str | None = None) -> Client:
    return world.store.clients.create(
        world.admin,
        {
            "last_name": last_name,
            "first_name": "Testi",
            "birth_date": "1.1.1990",
            "jobseeker_since": f"{since.day}.{since.month}.{since.year}",
            "coach_id": coach_id or world.coach.id,
        },
    )


def clock_on(world: World, day: date, hour: int = 12) -> None:
    """Set the fixed clock to `day` at `hour`:00 UTC."""
    clock = world.store.clock
    assert isinstance(clock, FixedClock)
    clock.at = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def book(world: World, client: Client, kind: AppointmentKind, day: date) -> str:
    """Book `kind` at 10:00 on `day` (which must be ahead of the clock)."""
    appointment = world.store.schedule.book(
        world.reception,
        Booking(client.id, world.coach.id, local_moment(day, time(10)), kind=kind),
    )
    return appointment.id


def hold(world: World, client: Client, kind: AppointmentKind, day: date) -> None:
    """An appointment of `kind` held (done) at 10:00 on `day`; the clock is put back."""
    clock = world.store.clock
    assert isinstance(clock, FixedClock)
    now = clock.at
    clock_on(world, day - timedelta(days=1))
    appointment_id = book(world, client, kind, day)
    clock.at = now
    world.store.schedule.set_status(world.reception, appointment_id, "done")


def due_of(world: World, client: Client, within_days: int = 14) -> dict[str, ReviewDue]:
    found = world.store.reviews.due(world.coach, world.coach.id, within_days=within_days)
    return {r.kind: r for r in found if r.client_id == client.id}


def test_the_initial_interview_is_due_five_working_days_on_past_midsummer(world: World) -> None:
    # Tue 16.6.2026: Midsummer Eve Fri 19.6 is no working day, so not 23.6 but 24.6.
    midsummer = jobseeker(world, "Juhannus", date(2026, 6, 16))
    # Mon 23.11.2026: a plain week.
    fresh = jobseeker(world, "Tuore", date(2026, 11, 23))
    reviews = world.store.reviews.due(world.coach, world.coach.id)
    assert [(r.client_name, r.kind, r.due) for r in reviews] == [
        ("Juhannus Testi", "initial_interview", date(2026, 6, 24)),
        ("Juhannus Testi", "job_search", date(2026, 6, 30)),
        ("Tuore Testi", "initial_interview", date(2026, 11, 30)),
        ("Tuore Testi", "job_search", date(2026, 12, 7)),
    ]
    today = world.store.today()
    assert [r.overdue(today) for r in reviews] == [True, True, False, False]
    assert {r.client_id for r in reviews} == {midsummer.id, fresh.id}


def test_a_later_rule_row_changes_the_deadline_only_from_its_effective_date(
    world: World,
) -> None:
    clock_on(world, date(2027, 1, 15))
    world.store.reviews.add_rule(
        world.admin,
        ProcessRule("initial_interview_within", 10, "working_days", date(2027, 1, 1), "law"),
    )
    # Wed 30.12.2026, under the old rule: 5 working days past New Year and Epiphany.
    before = jobseeker(world, "Ennen", date(2026, 12, 30))
    # Mon 4.1.2027, under the new one: 10 working days past Epiphany.
    after = jobseeker(world, "Jalkeen", date(2027, 1, 4))
    assert due_of(world, before)["initial_interview"].due == date(2027, 1, 8)
    assert due_of(world, after)["initial_interview"].due == date(2027, 1, 19)
    events = world.store.audit.events(staff_id=world.admin.id, action="create")
    assert [e.entity for e in events].count("process_rule") == 1
    with pytest.raises(PermissionDenied):
        world.store.reviews.add_rule(
            world.coach, ProcessRule("supplementary_count", 3, "count", date(2027, 2, 1))
        )


def test_the_rule_in_force_is_the_newest_that_took_effect() -> None:
    rules = ProcessRules(
        [
            ProcessRule("job_search_interval_early", 3, "weeks", date(2028, 1, 1)),
            ProcessRule("job_search_interval_early", 2, "weeks", date(2022, 5, 2)),
        ]
    )
    assert rules.on("job_search_interval_early", date(2027, 12, 31)).value == 2
    assert rules.on("job_search_interval_early", date(2028, 1, 1)).value == 3
    # Before the first row: the first row (the model covered jobseekers already listed).
    assert rules.on("job_search_interval_early", date(2020, 1, 1)).value == 2
    assert rules.after("job_search_interval_early", date(2027, 12, 30)) == date(2028, 1, 13)
    assert rules.after("job_search_interval_early", date(2028, 1, 3)) == date(2028, 1, 24)
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert add_months(date(2027, 8, 31), 6) == date(2028, 2, 29)


def test_a_held_interview_satisfies_and_discussions_follow_every_two_weeks(world: World) -> None:
    client = jobseeker(world, "Rytmi", date(2026, 11, 2))
    hold(world, client, "initial_interview", date(2026, 11, 4))
    reviews = due_of(world, client)
    assert "initial_interview" not in reviews
    assert (reviews["job_search"].due, reviews["job_search"].last_done) == (
        date(2026, 11, 18),
        date(2026, 11, 4),
    )
    today = world.store.today()
    assert reviews["job_search"].overdue(today)
    # Booked after the due date: listed as booked late, and still overdue.
    late_id = book(world, client, "job_search", date(2026, 11, 30))
    late = due_of(world, client)["job_search"]
    assert (late.booked, late.booked_late, late.overdue(today)) == (
        None,
        date(2026, 11, 30),
        True,
    )
    world.store.schedule.cancel(world.reception, late_id, "by_client")
    # A coaching session is no job-search discussion: nothing covers it.
    other_id = book(world, client, "coaching", date(2026, 11, 30))
    assert due_of(world, client)["job_search"].booked_late is None
    world.store.schedule.cancel(world.reception, other_id, "by_client")
    # A discussion held on 25.11 moves the next to 9.12; one booked for 7.12 covers it.
    hold(world, client, "job_search", date(2026, 11, 25))
    book(world, client, "job_search", date(2026, 12, 7))
    covered = due_of(world, client)["job_search"]
    assert (covered.due, covered.booked, covered.overdue(today)) == (
        date(2026, 12, 9),
        date(2026, 12, 7),
        False,
    )


def test_after_three_months_the_next_discussion_is_three_months_after_the_last(
    world: World,
) -> None:
    client = jobseeker(world, "Pitka", date(2026, 6, 1))
    hold(world, client, "initial_interview", date(2026, 6, 3))
    # The early period ends 3.9.2026; two weeks after 26.8 would be past it.
    hold(world, client, "job_search", date(2026, 8, 26))
    reviews = due_of(world, client)
    assert reviews["job_search"].due == date(2026, 11, 26)
    # Six months of jobseeking on 1.12.2026: the intensive period opens within 14 days,
    # with two supplementary discussions due by its end.
    supplementary = reviews["supplementary"]
    assert (supplementary.opens, supplementary.due, supplementary.remaining) == (
        date(2026, 12, 1),
        date(2027, 1, 1),
        2,
    )
    # A week in: one held, one booked in the period.
    clock_on(world, date(2026, 12, 10))
    hold(world, client, "supplementary", date(2026, 12, 3))
    book(world, client, "supplementary", date(2026, 12, 15))
    supplementary = due_of(world, client)["supplementary"]
    assert (supplementary.remaining, supplementary.last_done, supplementary.booked) == (
        1,
        date(2026, 12, 3),
        date(2026, 12, 15),
    )
    # The supplementary discussions are discussions too: the next regular one counts from it.
    # and the supplementary booked for 15.12 is that next discussion.
    regular = due_of(world, client, within_days=90)["job_search"]
    assert (regular.due, regular.booked) == (date(2027, 3, 3), date(2026, 12, 15))


def test_a_missed_supplementary_stays_overdue_until_the_later_rhythm_takes_over(
    world: World,
) -> None:
    client = jobseeker(world, "Ohitettu", date(2026, 5, 4))
    hold(world, client, "initial_interview", date(2026, 5, 6))
    clock_on(world, date(2026, 12, 10))
    missed = due_of(world, client)["supplementary"]
    assert (missed.due, missed.overdue(world.store.today())) == (date(2026, 12, 4), True)
    hold(world, client, "job_search", date(2026, 12, 9))
    assert "supplementary" not in due_of(world, client)


def test_a_missed_supplementary_is_dropped_once_the_later_interval_has_passed(
    world: World,
) -> None:
    # Six months on 4.11.2026, the intensive period closed 4.12.2026.
    client = jobseeker(world, "Unohtunut", date(2026, 5, 4))
    hold(world, client, "initial_interview", date(2026, 5, 6))
    clock_on(world, date(2027, 3, 4))
    assert due_of(world, client)["supplementary"].due == date(2026, 12, 4)
    clock_on(world, date(2027, 3, 5))
    reviews = due_of(world, client)
    assert "supplementary" not in reviews
    # The discussion two weeks after the interview, never held, is what is overdue.
    assert reviews["job_search"].due == date(2026, 5, 20)


def test_only_the_coachs_own_jobseekers_still_seeking_are_listed(world: World) -> None:
    other = add_demo_account(world.store.ctx, "toinen", "Toinen Olli", "coach", world.site.id)
    mine = jobseeker(world, "Oma", date(2026, 11, 23))
    jobseeker(world, "Vieras", date(2026, 11, 23), coach_id=other.id)
    # Mäkinen is the coach's, but not a jobseeker (no jobseeker_since).
    employed = jobseeker(world, "Tyollistynyt", date(2026, 11, 23))
    path = world.store.paths.start(world.coach, employed.id)
    world.store.paths.end(
        world.coach,
        path.id,
        {"outcome": "employed", "ended_on": "27.11.2026", "employer_sector": "company",
         "employment_type": "permanent"},
    )  # fmt: skip
    found = world.store.reviews.due(world.reception, world.coach.id)
    assert {r.client_id for r in found} == {mine.id}
    with pytest.raises(PermissionDenied):
        world.store.reviews.due(world.admin, world.coach.id)


def test_a_caseload_is_read_with_the_same_few_queries_however_many_clients(
    world: World,
) -> None:
    def queries() -> int:
        statements: list[str] = []
        connection = world.store.db.conn
        connection.set_trace_callback(statements.append)
        try:
            world.store.reviews.due(world.coach, world.coach.id)
        finally:
            connection.set_trace_callback(None)
        return sum(1 for s in statements if s.lstrip().upper().startswith("SELECT"))

    jobseeker(world, "Eka", date(2026, 11, 2))
    few = queries()
    for n in range(30):
        jobseeker(
            world,
            "Asiakas" + "abcdefghijklmnopqrstuvwxyzåäöé"[n],
            date(2026, 6, 1) + timedelta(days=n * 5),
        )
    assert queries() == few <= 4
    assert len(world.store.reviews.due(world.coach, world.coach.id, within_days=400)) >= 90


def test_a_jobseeker_from_before_the_service_model_has_no_initial_interview_due(
    world: World,
) -> None:
    # On the register since 4.1.2021, before the model took effect on 2.5.2022: no
    # initial interview, no intensive period, and the three-month rhythm from 2.5.2022.
    client = jobseeker(world, "Vanha", date(2021, 1, 4))
    reviews = due_of(world, client)
    assert list(reviews) == ["job_search"]
    assert (reviews["job_search"].due, reviews["job_search"].last_done) == (
        date(2022, 8, 2),
        None,
    )
    hold(world, client, "job_search", date(2026, 11, 2))
    assert "job_search" not in due_of(world, client)
    assert due_of(world, client, within_days=90)["job_search"].due == date(2027, 2, 2)


def test_an_appointment_late_in_the_evening_counts_on_its_local_day() -> None:
    # 23.30 Helsinki on Wed 4.11.2026 is 21.30 UTC: still the 4th; 00.30 on the 5th is
    # 22.30 UTC on the 4th.
    local_day = local_days()
    assert local_day("2026-11-04T21:30:00.000Z") == date(2026, 11, 4)
    assert local_day("2026-11-04T22:30:00.000Z") == date(2026, 11, 5)
    assert local_day("2026-11-04T21:59:59.999Z") == date(2026, 11, 4)
    assert local_day("2026-11-04T22:00:00.000Z") == date(2026, 11, 5)
    # Summer time (UTC+3): the day turns at 21.00 UTC.
    assert local_day("2026-06-18T20:59:00.000Z") == date(2026, 6, 18)
    assert local_day("2026-06-18T21:00:00.000Z") == date(2026, 6, 19)
    # The day of the spring change (29.3.2026, clocks forward at 03.00 local).
    assert local_day("2026-03-28T22:00:00.000Z") == date(2026, 3, 29)
    assert local_day("2026-03-29T20:59:00.000Z") == date(2026, 3, 29)
    assert local_day("2026-03-29T21:00:00.000Z") == date(2026, 3, 30)
