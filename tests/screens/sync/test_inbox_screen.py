"""The conflicts inbox (F6) driven as an admin and a coach would: the three values side by
side, `o`/`l`/`m` deciding a field, keys that do not apply saying why, reception refused.
The database is read afterwards. (`p` and `u`: test_inbox_people.py.)"""

from __future__ import annotations

from dataclasses import dataclass

from textual.pilot import Pilot
from textual.widgets import Input, Static

from screens.shell.today import TodayScreen
from screens.sync.inbox_dialogs import ValueDialog
from screens.sync.inbox_screen import InboxScreen
from store.core.db import write_transaction
from store.core.rows import insert_row, update_row
from store.sample.accounts import add_demo_account
from store.sync.models import ConflictFound
from store.sync.records import record_conflict
from tests.conftest import World
from tui.app import make_app

from ..admin.palette import choose_verb
from ..helpers import log_in, messages, screen_text, settled

OFFICE_PHONE = "040 222 3333"
LAPTOP_PHONE = "050 999 8888"
BASE_PHONE = "040 123 4567"  # the world's Mäkinen's phone, as the laptop was cut


@dataclass(frozen=True)
class Inbox:
    """The conflicts one laptop of the world's coach brought in."""

    device_id: str
    phone: str  # field: Mäkinen's phone changed on both sides
    hetu: str  # same_hetu: the laptop's new client with Mäkinen's HETU
    laptop_client_id: str


def add_device(world: World, label: str, coach_id: str | None = None) -> str:
    ctx = world.store.ctx
    with write_transaction(ctx.db):
        return insert_row(
            ctx,
            "sync_device",
            {
                "coach_id": coach_id or world.coach.id,
                "label": label,
                "bundle_key": "00" * 32,
                "base_id": "base-1",
                "checked_out_at": ctx.now_iso(),
                "checked_out_by": world.admin.id,
                "window_from": "2026-10-31T00:00:00.000Z",
                "window_to": "2027-01-23T00:00:00.000Z",
            },
            by=world.admin.id,
        )


def record(world: World, device_id: str, found: ConflictFound) -> str:
    ctx = world.store.ctx
    with write_transaction(ctx.db):
        return record_conflict(ctx, found, device_id=device_id, checkin_id="checkin-1", by=None)


def phone_conflict(world: World, device_id: str) -> str:
    """Mäkinen's phone: the office changed it, the laptop changed it to something else."""
    makinen = world.clients["makinen"]
    ctx = world.store.ctx
    with write_transaction(ctx.db):
        update_row(ctx, "client", makinen.id, {"phone": OFFICE_PHONE}, by=world.admin.id)
    found = ConflictFound(
        "field", "client", makinen.id, "phone", BASE_PHONE, OFFICE_PHONE, LAPTOP_PHONE,
        client_id=makinen.id,
    )  # fmt: skip
    return record(world, device_id, found)


def hetu_conflict(world: World, device_id: str) -> tuple[str, str]:
    """The laptop's coach added Mäkinen again, as a new client with her HETU: the office
    inserted it without the HETU. Returns (conflict id, the laptop's client id)."""
    makinen = world.clients["makinen"]
    laptop = world.store.clients.create(
        world.admin,
        {"last_name": "Mäkinen", "first_name": "Anna", "birth_date": "1.1.1990",
         "email": "anna@example.fi", "coach_id": world.coach.id},
    )  # fmt: skip
    found = ConflictFound(
        "same_hetu", "client", laptop.id, "hetu", None, makinen.hetu, makinen.hetu,
        client_id=laptop.id, other_row_id=makinen.id,
    )  # fmt: skip
    return record(world, device_id, found), laptop.id


def laptop_inbox(world: World) -> Inbox:
    device_id = add_device(world, "Läppäri 7")
    # Found by one check-in (the same moment): listed in the order found.
    phone = phone_conflict(world, device_id)
    hetu, laptop_client_id = hetu_conflict(world, device_id)
    return Inbox(device_id, phone, hetu, laptop_client_id)


async def open_inbox(pilot: Pilot, username: str = "admin") -> InboxScreen:
    await log_in(pilot, username)
    await pilot.press("f6")
    await settled(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, InboxScreen), screen_text(pilot)
    return screen


def conflict_row(world: World, conflict_id: str) -> tuple[object, ...]:
    return world.store.ctx.db.execute(
        "SELECT resolution, resolved_value, resolved_by FROM sync_conflict WHERE id = ?",
        [conflict_id],
    ).fetchone()


def phone_of(world: World, client_id: str) -> str:
    return world.store.ctx.db.execute(
        "SELECT phone FROM client WHERE id = ?", [client_id]
    ).fetchone()[0]


def logged(world: World, entity: str, entity_id: str) -> int:
    return world.store.ctx.db.execute(
        "SELECT count(*) FROM audit_event WHERE action = 'update' AND entity = ? AND entity_id = ?",
        [entity, entity_id],
    ).fetchone()[0]


def highlighted(screen: InboxScreen) -> str | None:
    conflict = screen.selected
    return None if conflict is None else conflict.id


async def test_the_three_values_stand_side_by_side_at_80x24(world: World, clock) -> None:
    inbox = laptop_inbox(world)
    async with make_app(world.path, clock=clock, lang="fi").run_test(size=(80, 24)) as pilot:
        screen = await open_inbox(pilot)
        assert highlighted(screen) == inbox.phone
        text = screen_text(pilot)
        assert "Ristiriidat · 2 ratkaisematta" in text
        assert "Asiakas · puhelin" in text and "Muutettu molemmissa" in text
        assert "Sama henkilötunnus" in text and "Läppäri 7" in text
        labels = next(line for line in text.splitlines() if "Lähtötilanne" in line)
        assert labels.index("Lähtötilanne") < labels.index("Toimisto") < labels.index("Kannettava")
        values = next(line for line in text.splitlines() if BASE_PHONE in line)
        assert values.index(BASE_PHONE) < values.index(OFFICE_PHONE) < values.index(LAPTOP_PHONE)


async def test_o_keeps_the_office_value_and_the_next_conflict_is_highlighted(
    world: World, clock
) -> None:
    inbox = laptop_inbox(world)
    async with make_app(world.path, clock=clock).run_test(size=(80, 24)) as pilot:
        screen = await open_inbox(pilot)
        await pilot.press("o")
        await settled(pilot)
        assert conflict_row(world, inbox.phone) == ("office", f'"{OFFICE_PHONE}"', world.admin.id)
        assert phone_of(world, world.clients["makinen"].id) == OFFICE_PHONE
        assert logged(world, "sync_conflict", inbox.phone) == 1
        assert [c.conflict.id for c in screen.lines] == [inbox.hetu]
        assert highlighted(screen) == inbox.hetu
        assert "Toimiston arvo pidetty." in messages(pilot.app)
        # Resolved ones shown too: the decided one is listed after the open one, marked.
        await pilot.press("r")
        await settled(pilot)
        assert [c.conflict.id for c in screen.lines] == [inbox.hetu, inbox.phone]
        assert "✓ Muutettu molemmi" in screen_text(pilot)
        await pilot.press("down")
        text = screen_text(pilot)
        assert "✓ Ratkaistu 28.11.2026 12:30: toimiston arvo pidetty (Aalto Aino)" in text
        await pilot.press("l")  # decided already: says so, changes nothing
        assert "Tämä ristiriita on jo ratkaistu." in messages(pilot.app)
        assert phone_of(world, world.clients["makinen"].id) == OFFICE_PHONE


async def test_l_takes_the_laptop_value_as_the_clients_coach(world: World, clock) -> None:
    inbox = laptop_inbox(world)
    async with make_app(world.path, clock=clock).run_test(size=(80, 24)) as pilot:
        await open_inbox(pilot, "valmentaja")
        await pilot.press("l")
        await settled(pilot)
        assert phone_of(world, world.clients["makinen"].id) == LAPTOP_PHONE
        assert conflict_row(world, inbox.phone)[0] == "laptop"
        assert conflict_row(world, inbox.phone)[2] == world.coach.id
        assert logged(world, "sync_conflict", inbox.phone) == 1


async def test_m_saves_a_typed_value_and_a_bad_one_stays_with_its_message(
    world: World, clock
) -> None:
    inbox = laptop_inbox(world)
    async with make_app(world.path, clock=clock).run_test(size=(80, 24)) as pilot:
        screen = await open_inbox(pilot)
        await pilot.press("m")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ValueDialog)
        field = dialog.query_one(Input)
        assert field.value == OFFICE_PHONE  # prefilled with the office's
        field.value = "not a phone ☎"
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is dialog
        error = str(dialog.query_one("#error-inbox-merged-value", Static).render())
        assert error.strip(), "no message next to the field"
        assert field.value == "not a phone ☎"
        assert conflict_row(world, inbox.phone)[0] is None
        field.value = "040 555 6666"
        await pilot.press("enter")
        await settled(pilot)
        assert pilot.app.screen is screen
        # Stored as the client card stores a phone number.
        assert phone_of(world, world.clients["makinen"].id) == "+358405556666"
        assert conflict_row(world, inbox.phone)[0] == "merged"
        assert logged(world, "sync_conflict", inbox.phone) == 1


async def test_keys_that_do_not_apply_say_why(world: World, clock) -> None:
    inbox = laptop_inbox(world)
    async with make_app(world.path, clock=clock, lang="en").run_test(size=(80, 24)) as pilot:
        screen = await open_inbox(pilot)
        assert highlighted(screen) == inbox.phone
        await pilot.press("p", "u")
        await pilot.press("down", "m")
        await pilot.pause()
        assert isinstance(pilot.app.screen, InboxScreen)
        assert messages(pilot.app)[-3:] == [
            "People are merged only when two records share a HETU.",
            "Only a resolved merge of people can be undone.",
            "A value can be typed only for a field changed on both sides (not a booking's time"
            " or a reference).",
        ]
        assert conflict_row(world, inbox.phone)[0] is None
        assert conflict_row(world, inbox.hetu)[0] is None


async def test_a_coach_sees_their_own_clients_and_reception_is_refused(world: World, clock) -> None:
    inbox = laptop_inbox(world)
    # Another coach's laptop changed Östman's phone, who is not the world's coach's client.
    other = add_demo_account(world.store.ctx, "valmentaja2", "Koski Kalle", "coach", world.site.id)
    device_id = add_device(world, "Läppäri 9", coach_id=other.id)
    ostman = world.clients["ostman"]
    others = record(
        world,
        device_id,
        ConflictFound(
            "field", "client", ostman.id, "email", None, "a@example.fi", "b@example.fi",
            client_id=ostman.id,
        ),
    )  # fmt: skip
    async with make_app(world.path, clock=clock).run_test(size=(80, 24)) as pilot:
        screen = await open_inbox(pilot, "valmentaja")
        assert {c.conflict.id for c in screen.lines} == {inbox.phone, inbox.hetu}
        assert "Östman" not in screen_text(pilot)
    async with make_app(world.path, clock=clock).run_test(size=(80, 24)) as pilot:
        screen = await open_inbox(pilot, "admin")
        assert others in {c.conflict.id for c in screen.lines}
    async with make_app(world.path, clock=clock).run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "vastaanotto")
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TodayScreen)
        assert "Ristiriidat ovat pääkäyttäjien ja valmentajien käytössä." in messages(pilot.app)


async def test_an_empty_inbox_says_so_in_swedish(world: World, clock) -> None:
    async with make_app(world.path, clock=clock, lang="sv").run_test(size=(80, 24)) as pilot:
        screen = await open_inbox(pilot)
        assert screen.lines == []
        assert "Inga konflikter att lösa." in screen_text(pilot)
        await pilot.press("o")
        assert "Ingen konflikt vald." in messages(pilot.app)


async def test_a_double_booking_shows_local_times_and_a_refused_row_its_fields(
    world: World, clock
) -> None:
    device_id = add_device(world, "Läppäri 7")
    makinen = world.clients["makinen"]
    booking = {
        "id": "3c1f9a52-8d0e-4a43-9d7e-2b7a1c0f5e11",
        "coach_id": world.coach.id,
        "client_id": makinen.id,
        "kind": "initial_interview",
        "starts_at": "2026-11-30T08:00:00.000Z",
        "ends_at": "2026-11-30T09:00:00.000Z",
        "note": None,
    }
    ctx = world.store.ctx
    with write_transaction(ctx.db):
        # Monday 30.11.2026: 09:00 at the office, 10:00 moved on the laptop, from 12:00.
        record_conflict(
            ctx,
            ConflictFound(
                "double_booking", "appointment", booking["id"], "starts_at",
                "2026-11-30T10:00:00.000Z", "2026-11-30T07:00:00.000Z",
                "2026-11-30T08:00:00.000Z", client_id=makinen.id,
            ),
            device_id=device_id, checkin_id="checkin-1", by=None, laptop_row=booking,
        )  # fmt: skip
        record_conflict(
            ctx,
            ConflictFound(
                "rejected", "appointment", booking["id"], None, None, None,
                "CHECK constraint failed: ends_at > starts_at", client_id=makinen.id,
            ),
            device_id=device_id, checkin_id="checkin-1", by=None, laptop_row=booking,
        )  # fmt: skip
    async with make_app(world.path, clock=clock, lang="en").run_test(size=(80, 24)) as pilot:
        await open_inbox(pilot)
        text = screen_text(pilot)
        assert "Double booking" in text and "Appointment · starts" in text
        values = next(line for line in text.splitlines() if "30.11.2026 12:00" in line)
        assert values.index("30.11.2026 12:00") < values.index("30.11.2026 09:00")
        assert values.index("30.11.2026 09:00") < values.index("30.11.2026 10:00")
        await pilot.press("down")
        text = screen_text(pilot)
        assert "Refused by the office" in text
        assert "starts: 30.11.2026 10:00" in text and "kind: initial_interview" in text
        assert "⚠ CHECK constraint" in text
        assert booking["id"] not in text and makinen.id not in text


async def test_a_conflict_decided_meanwhile_at_another_desk_is_said_and_leaves_the_list(
    world: World, clock
) -> None:
    inbox = laptop_inbox(world)
    async with make_app(world.path, clock=clock).run_test(size=(80, 24)) as pilot:
        screen = await open_inbox(pilot)
        world.store.inbox.take_laptop(inbox.phone, world.admin)  # another admin, elsewhere
        await pilot.press("o")
        await settled(pilot)
        assert "Ristiriita on jo ratkaistu." in messages(pilot.app)
        assert phone_of(world, world.clients["makinen"].id) == LAPTOP_PHONE
        assert [c.conflict.id for c in screen.lines] == [inbox.hetu]


async def test_the_palette_opens_the_inbox_in_english(world: World, clock) -> None:
    laptop_inbox(world)
    async with make_app(world.path, clock=clock, lang="en").run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "valmentaja")
        await choose_verb(pilot, "conflicts", "Conflicts  (F6)")
        assert isinstance(pilot.app.screen, InboxScreen)
        text = screen_text(pilot)
        assert "Conflicts · 2 open" in text and "Changed on both" in text
        assert "Base" in text and "Office" in text and "Laptop" in text


async def test_l_over_an_office_edit_made_since_is_refused_with_the_value_now(
    world: World, clock
) -> None:
    inbox = laptop_inbox(world)
    makinen = world.clients["makinen"]
    ctx = world.store.ctx
    with write_transaction(ctx.db):
        update_row(ctx, "client", makinen.id, {"phone": "040 777 0000"}, by=world.admin.id)
    async with make_app(world.path, clock=clock).run_test(size=(80, 24)) as pilot:
        await open_inbox(pilot)
        office_side = next(line for line in screen_text(pilot).splitlines() if "→ nyt:" in line)
        assert "→ nyt: 040 777 0000" in office_side
        await pilot.press("l")
        await settled(pilot)
        assert "(nyt: 040 777 0000)" in messages(pilot.app)[-1]
        assert phone_of(world, makinen.id) == "040 777 0000"
        assert conflict_row(world, inbox.phone)[0] is None
