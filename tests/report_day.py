"""A small walk-in day at Helsinki time whose report figures are worked out by hand."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

HELSINKI = ZoneInfo("Europe/Helsinki")
DAY = date(2026, 11, 28)


def build_day(world, clock, feedback: tuple[int, ...] = (10, 9, 9, 7)) -> dict[str, str]:
    """Eight visits (local times), returning ticket -> visit id:

    A001 08:05 walk-in  job_search+cv  called 08:05 (0 min) by reception, done by reception
    A002 08:20 phone    cv             called 08:23 (3)  by reception, done by reception
    A003 09:10 walk-in  benefits       called 09:15 (5)  by the coach, done by the coach
    A004 09:30 booked   own_coach      Mäkinen: called 09:38 (8) by the coach, transferred
                                       to reception, called again, done by reception
    A005 10:00 walk-in  (no reason)    called 10:12 (12) by reception, done by reception
    A006 10:10 walk-in  job_search     called 10:30 (20) by reception, done by reception
    A007 10:15 remote   cv             called 10:56 (41) by the coach, done by the coach
    A008 11:00 walk-in  other          left without service at 11:25 (waited 25)
    """
    visits, site = world.store.visits, world.site.id
    reception, coach = world.reception, world.coach
    ids: dict[str, str] = {}

    def at(hour: int, minute: int) -> None:
        clock.at = datetime(2026, 11, 28, hour, minute, tzinfo=HELSINKI)

    def arrive(hour, minute, reasons=(), channel="walk_in", client_id=None) -> None:
        at(hour, minute)
        visit = visits.register(
            reception, site, client_id=client_id, reason_codes=reasons, channel=channel
        )
        ids[visit.ticket] = visit.id

    def step(hour, minute, actor, ticket, state, **options) -> None:
        at(hour, minute)
        visits.change_state(actor, ids[ticket], state, **options)

    arrive(8, 5, ["job_search", "cv"])
    step(8, 5, reception, "A001", "called", desk="1")
    step(8, 10, reception, "A001", "done")
    arrive(8, 20, ["cv"], "phone")
    step(8, 23, reception, "A002", "called", desk="1")
    step(8, 30, reception, "A002", "done")
    arrive(9, 10, ["benefits"])
    step(9, 15, coach, "A003", "called", desk="2")
    step(9, 16, coach, "A003", "serving")
    arrive(9, 30, ["own_coach"], "appointment", world.clients["makinen"].id)
    step(9, 35, coach, "A003", "done")
    step(9, 38, coach, "A004", "called", desk="2")
    step(9, 39, coach, "A004", "serving")
    step(9, 50, coach, "A004", "transferred", to_staff_id=reception.id)
    step(9, 55, reception, "A004", "called", desk="1")
    arrive(10, 0)
    step(10, 5, reception, "A004", "done")
    arrive(10, 10, ["job_search"])
    step(10, 12, reception, "A005", "called", desk="1")
    arrive(10, 15, ["cv"], "remote")
    step(10, 20, reception, "A005", "done")
    step(10, 30, reception, "A006", "called", desk="1")
    step(10, 40, reception, "A006", "done")
    step(10, 56, coach, "A007", "called", desk="2")
    arrive(11, 0, ["other"])
    step(11, 10, coach, "A007", "done")
    step(11, 25, reception, "A008", "left")
    for ticket, score in zip(("A001", "A002", "A003", "A004", "A005"), feedback, strict=False):
        world.store.feedback.record(reception, visits.get(ids[ticket]), score)
    at(11, 30)
    return ids
