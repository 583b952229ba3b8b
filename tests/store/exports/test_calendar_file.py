"""The coach's calendar as an iCalendar file, parsed back with `icalendar` field by field."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Event

from store.core.auth import PermissionDenied
from store.core.clock import FixedClock, use_zone
from store.core.db import write_transaction
from store.core.rows import insert_row, update_row
from store.exports.calendar_file import export_calendar, initials
from store.exports.visit_export import ExportError
from store.sample.accounts import add_demo_account
from store.schedule.models import Booking
from tests.conftest import World

HELSINKI = ZoneInfo("Europe/Helsinki")
# Monday 30.11.2026 10:00 in Helsinki (UTC+2); the fixed clock is Saturday 28.11.
MONDAY_10 = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def _book(world: World, client: str, starts_at: datetime, **changes: object):
    values: dict[str, object] = {
        "client_id": world.clients[client].id,
        "coach_id": world.coach.id,
        "starts_at": starts_at,
    }
    values.update(changes)
    return world.store.schedule.book(world.reception, Booking(**values))  # type: ignore[arg-type]


def _insert(world: World, table: str, values: dict[str, object]) -> str:
    """A row the groups' and rooms' screens would add (their store API is not this test's)."""
    with write_transaction(world.store.db):
        return insert_row(world.store.ctx, table, values, by=world.admin.id)


def _events(path: Path) -> dict[str, Event]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def busy_week(world: World) -> World:
    """Three appointments (one in a room, one cancelled), a hosted group session and a sick
    day for the coach; and an appointment of another coach, which stays out."""
    room = _insert(world, "room", {"site_id": world.site.id, "name": "Neuvotteluhuone 2"})
    _book(world, "makinen", MONDAY_10, kind="initial_interview", site_id=world.site.id,
          room_id=room, note="Puhuu velkaongelmista")  # fmt: skip
    cancelled = _book(world, "obrien", MONDAY_10 + timedelta(days=1), channel="phone")
    world.store.schedule.cancel(world.reception, cancelled.id, "by_client")
    _book(world, "ostman", MONDAY_10 + timedelta(days=2), kind="coaching")
    _insert(
        world,
        "group_session",
        {"title": "Eläkeinfo 60–64-vuotiaille", "host_id": world.coach.id,
         "site_id": world.site.id, "room_id": room, "capacity": 40,
         "starts_at": "2026-12-03T11:00:00.000Z", "ends_at": "2026-12-03T13:00:00.000Z"},
    )  # fmt: skip
    world.store.working_time.add_absence(
        world.coach, world.coach.id, "sick",
        datetime(2026, 12, 4, 6, 0, tzinfo=UTC), datetime(2026, 12, 4, 14, 0, tzinfo=UTC),
        note="flunssa",
    )  # fmt: skip
    other = add_demo_account(world.store.ctx, "toinen", "Toinen Tiina", "coach", world.site.id)
    world.store.schedule.book(
        world.reception,
        Booking(client_id=world.clients["maki_jokela"].id, coach_id=other.id,
                starts_at=MONDAY_10),
    )  # fmt: skip
    return world


def test_every_field_of_the_file(busy_week: World, tmp_path: Path) -> None:
    world = busy_week
    out = tmp_path / "kalenteri.ics"
    result = export_calendar(world.store.ctx, world.reception, world.coach.id, out)
    assert (result.appointments, result.group_sessions, result.absences) == (3, 1, 1)
    assert (result.first_day, result.last_day) == (date(2026, 11, 21), date(2027, 1, 23))

    calendar = Calendar.from_ical(out.read_bytes())
    assert str(calendar["VERSION"]) == "2.0"
    assert "Luotsi" in str(calendar["PRODID"])
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Helsinki"
    assert {c.name for c in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}

    appointments = world.store.schedule.between(
        world.reception, world.coach.id, MONDAY_10, MONDAY_10 + timedelta(days=7)
    )
    events = _events(out)
    assert len(events) == 5
    first = events[f"{appointments[0].id}@luotsi"]
    assert str(first["SUMMARY"]) == "A. M. — alkuhaastattelu"
    assert first["DTSTART"].params["TZID"] == "Europe/Helsinki"
    assert first.start == datetime(2026, 11, 30, 10, 0, tzinfo=HELSINKI)  # the local time
    assert first.end == datetime(2026, 11, 30, 10, 45, tzinfo=HELSINKI)
    assert str(first["STATUS"]) == "CONFIRMED" and str(first["TRANSP"]) == "OPAQUE"
    assert str(first["CLASS"]) == "PRIVATE"
    assert str(first["LOCATION"]) == "Työpiste Keskusta, Neuvotteluhuone 2"
    assert first["SEQUENCE"] == 0
    assert first["DTSTAMP"].dt == datetime(2026, 11, 28, 10, 30, tzinfo=UTC)

    cancelled = events[f"{appointments[1].id}@luotsi"]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert str(cancelled["SUMMARY"]) == "S. O. — työnhakukeskustelu (puhelin, peruttu)"
    assert str(cancelled["TRANSP"]) == "TRANSPARENT"

    [session] = [e for e in events.values() if "Eläkeinfo" in str(e["SUMMARY"])]
    assert session.start == datetime(2026, 12, 3, 13, 0, tzinfo=HELSINKI)
    assert str(session["CLASS"]) == "PUBLIC"
    [absence] = [e for e in events.values() if str(e["SUMMARY"]) == "poissa"]
    assert absence.start == datetime(2026, 12, 4, 8, 0, tzinfo=HELSINKI)
    assert str(absence["TRANSP"]) == "OPAQUE"


def test_no_name_hetu_phone_or_note_leaves(busy_week: World, tmp_path: Path) -> None:
    world = busy_week
    out = tmp_path / "kalenteri.ics"
    export_calendar(world.store.ctx, world.coach, world.coach.id, out)
    # Unfolded (RFC 5545 folds lines at 75 octets), so a name split by a fold is found too.
    text = out.read_bytes().decode("utf-8").replace("\r\n ", "")
    for client in ("makinen", "obrien", "ostman"):
        person = world.clients[client]
        for value in (person.last_name, person.first_name, person.hetu, person.phone):
            if value:
                assert value not in text
    for secret in ("velkaongelmista", "flunssa", "sairaus", "Toinen", "Mäki-Jokela"):
        assert secret not in text
    summaries = {str(event["SUMMARY"]) for event in _events(out).values()}
    assert "Å. Ö. — valmennustapaaminen" in summaries


def test_a_second_export_keeps_the_uids_and_a_move_raises_the_sequence(
    world: World, clock: FixedClock, tmp_path: Path
) -> None:
    moved = _book(world, "makinen", MONDAY_10)
    kept = _book(world, "ostman", MONDAY_10 + timedelta(hours=2))
    first_out, second_out = tmp_path / "a.ics", tmp_path / "b.ics"
    export_calendar(world.store.ctx, world.coach, world.coach.id, first_out)
    clock.at += timedelta(minutes=5)
    world.store.schedule.move(world.coach, moved.id, MONDAY_10 + timedelta(days=1, hours=1))
    export_calendar(world.store.ctx, world.coach, world.coach.id, second_out)
    before, after = _events(first_out), _events(second_out)
    assert set(before) == set(after) == {f"{moved.id}@luotsi", f"{kept.id}@luotsi"}
    uid = f"{moved.id}@luotsi"
    assert after[uid]["SEQUENCE"] > before[uid]["SEQUENCE"]
    assert after[uid].start == datetime(2026, 12, 1, 11, 0, tzinfo=HELSINKI)
    assert after[uid]["DTSTAMP"].dt > before[uid]["DTSTAMP"].dt
    same = f"{kept.id}@luotsi"
    assert after[same]["SEQUENCE"] == before[same]["SEQUENCE"]
    assert after[same].to_ical() == before[same].to_ical()


def test_summer_time_is_kept_on_the_wall_clock(world: World, tmp_path: Path) -> None:
    # 15.6.2027 10:00 in Helsinki is 07:00 UTC (UTC+3).
    _book(world, "makinen", datetime(2027, 6, 15, 7, 0, tzinfo=UTC))
    out = tmp_path / "kesa.ics"
    export_calendar(
        world.store.ctx, world.coach, world.coach.id, out, date(2027, 6, 1), date(2027, 6, 30)
    )
    [event] = _events(out).values()
    assert event.start.hour == 10 and event.start.utcoffset() == timedelta(hours=3)
    assert b"DTSTART;TZID=Europe/Helsinki:20270615T100000" in out.read_bytes()


def test_the_export_is_in_the_access_log_with_each_client(busy_week: World, tmp_path: Path) -> None:
    world = busy_week
    out = tmp_path / "kalenteri.ics"
    result = export_calendar(world.store.ctx, world.reception, world.coach.id, out)
    events = world.store.audit.events(action="export")
    assert {e.entity for e in events} == {"calendar"}
    assert all(e.staff_id == world.reception.id for e in events)
    [file_row] = [e for e in events if e.client_id is None]
    assert result.sha256 in (file_row.purpose or "")
    assert str(out) in (file_row.purpose or "")
    clients = {e.client_id for e in events if e.client_id is not None}
    assert clients == {world.clients[c].id for c in ("makinen", "obrien", "ostman")}


def test_who_may_export_whose_calendar(world: World, tmp_path: Path) -> None:
    store = world.store
    other = add_demo_account(store.ctx, "toinen", "Toinen Tiina", "coach", world.site.id)
    with pytest.raises(ExportError) as refused:
        export_calendar(store.ctx, other, world.coach.id, tmp_path / "x.ics")
    assert refused.value.message("fi") == "Voit viedä vain oman ja tiimisi kalenterin."
    for person in (other, world.coach):
        store.db.execute("UPDATE staff SET team = 'nuoret' WHERE id = ?", [person.id])
    export_calendar(store.ctx, other, world.coach.id, tmp_path / "tiimi.ics")
    with pytest.raises(PermissionDenied):
        export_calendar(store.ctx, world.admin, world.coach.id, tmp_path / "admin.ics")
    assert not (tmp_path / "x.ics").exists() and not (tmp_path / "admin.ics").exists()


def test_bad_ranges_and_names_write_nothing(world: World, tmp_path: Path) -> None:
    ctx, coach = world.store.ctx, world.coach
    cases = [
        (tmp_path / "a.ics", date(2026, 12, 5), date(2026, 12, 1), "ennen alkupäivää"),
        (tmp_path / "b.ics", date(2026, 1, 1), date(2062, 12, 31), "liian pitkä"),
        (tmp_path / "c.csv", None, None, "päättyä .ics"),
        (tmp_path / "ei" / "d.ics", None, None, "kansiota ei ole"),
    ]
    for out, first, last, said in cases:
        with pytest.raises(ExportError) as refused:
            export_calendar(ctx, coach, coach.id, out, first, last)
        assert said in refused.value.message("fi")
    assert not [p for p in tmp_path.rglob("*") if p.suffix in (".ics", ".csv", ".tmp")]
    assert world.store.audit.events(action="export") == []


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [("Anna", "Mäkinen", "A. M."), ("Åsa", "Östman", "Å. Ö."), ("Sean", "O'Brien", "S. O."),
     ("", "", "?"), ("ülle", "", "Ü.")],
)  # fmt: skip
def test_initials(first: str, last: str, expected: str) -> None:
    assert initials(first, last) == expected


def test_a_changed_session_and_a_removed_absence_update_their_events(
    world: World, clock: FixedClock, tmp_path: Path
) -> None:
    session = _insert(
        world,
        "group_session",
        {"title": "Työnhakuklinikka", "host_id": world.coach.id, "capacity": 12,
         "starts_at": "2026-12-01T12:00:00.000Z", "ends_at": "2026-12-01T13:00:00.000Z"},
    )  # fmt: skip
    absence = world.store.working_time.add_absence(
        world.coach, world.coach.id, "training",
        datetime(2026, 12, 2, 6, 0, tzinfo=UTC), datetime(2026, 12, 2, 14, 0, tzinfo=UTC),
    )  # fmt: skip
    first_out, second_out = tmp_path / "a.ics", tmp_path / "b.ics"
    export_calendar(world.store.ctx, world.coach, world.coach.id, first_out)
    clock.at += timedelta(minutes=3)
    with write_transaction(world.store.db):
        update_row(world.store.ctx, "group_session", session, {"cancelled": 1}, by=world.admin.id)
    world.store.working_time.remove_absence(world.coach, absence)
    export_calendar(world.store.ctx, world.coach, world.coach.id, second_out)
    before, after = _events(first_out), _events(second_out)
    assert set(before) == set(after) == {f"{session}@luotsi", f"{absence}@luotsi"}
    for uid in after:
        assert str(before[uid]["STATUS"]) == "CONFIRMED"
        assert str(after[uid]["STATUS"]) == "CANCELLED"
        assert after[uid]["SEQUENCE"] > before[uid]["SEQUENCE"]
    assert str(after[f"{absence}@luotsi"]["SUMMARY"]) == "koulutus (peruttu)"
    assert str(after[f"{session}@luotsi"]["SUMMARY"]) == "Työnhakuklinikka (peruttu)"


def test_the_installations_own_zone_is_the_files(world: World, tmp_path: Path) -> None:
    # An installation set to Stockholm (UTC+1 in winter): the same moment, its wall clock.
    use_zone(ZoneInfo("Europe/Stockholm"))
    _book(world, "makinen", MONDAY_10)
    out = tmp_path / "tukholma.ics"
    export_calendar(world.store.ctx, world.coach, world.coach.id, out)
    [zone] = Calendar.from_ical(out.read_bytes()).walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Stockholm"
    assert b"DTSTART;TZID=Europe/Stockholm:20261130T090000" in out.read_bytes()
