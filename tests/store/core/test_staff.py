"""Managing staff accounts: who may, what a username and a password must be, the last
admin, closed accounts, and the access-log row written with each change."""

from __future__ import annotations

import pytest

from store.api import Store
from store.core.auth import PermissionDenied
from store.core.db import write_transaction
from store.core.sites import SiteRepository
from store.core.staff import StaffError

GOOD = "hyvä salasana"


def _staff_events(world, entity_id: str):
    return [
        (e.staff_id, e.action, e.purpose)
        for e in world.store.audit.events(entity_id=entity_id)
        if e.entity == "staff"
    ]


def test_an_admin_creates_an_account_that_can_log_in_and_is_logged(world):
    new = world.store.staff.create(
        "vastaanotto2", "Koski Kaisa", "reception", GOOD, world.site.id, actor=world.admin
    )
    assert world.store.staff.authenticate("vastaanotto2", GOOD) == new
    assert _staff_events(world, new.id)[0] == (world.admin.id, "create", None)


@pytest.mark.parametrize("actor", ["reception", "coach"])
def test_only_an_admin_creates_accounts(world, actor):
    with pytest.raises(PermissionDenied):
        world.store.staff.create("uusi", "Uusi Ulla", "coach", GOOD, actor=getattr(world, actor))
    assert world.store.staff.find("uusi") is None


def test_without_an_actor_only_the_first_admin_of_a_new_installation(world, tmp_path):
    with pytest.raises(StaffError) as refused:
        world.store.staff.create("uusi", "Uusi Ulla", "admin", GOOD)
    assert refused.value.key == "staff.error.admin_required"
    store = Store.open(tmp_path / "new.db")
    try:
        site = store.sites.create("Työpiste Itä", "Kuopio", "Kuopion työllisyysalue")
        with pytest.raises(StaffError):
            store.staff.create("vastaanotto", "Nieminen Noora", "reception", GOOD, site.id)
        first = store.staff.create("paakayttaja", "Aalto Aino", "admin", GOOD, site.id)
        [event] = [e for e in store.audit.events() if e.entity == "staff"]
        assert (event.staff_id, event.action, event.entity_id) == (first.id, "create", first.id)
        [site_event] = [e for e in store.audit.events() if e.entity == "site"]
        assert (site_event.action, site_event.entity_id) == ("create", site.id)
    finally:
        store.close()


@pytest.mark.parametrize(
    ("username", "key"),
    [
        ("", "staff.error.username_empty"),
        ("   ", "staff.error.username_empty"),
        ("kaisa koski", "staff.error.username_chars"),
        ("Kaisa", "staff.error.username_chars"),
        ("käyttäjä", "staff.error.username_chars"),
        ("kaisa@turku", "staff.error.username_chars"),
        ("vastaanotto", "staff.error.username_taken"),
    ],
)
def test_a_bad_or_taken_username_is_refused_with_its_reason(world, username, key):
    with pytest.raises(StaffError) as refused:
        world.store.staff.create(username, "Koski Kaisa", "coach", GOOD, actor=world.admin)
    assert refused.value.key == key
    assert refused.value.message("fi") != key  # the screens' catalog has its text


def test_usernames_may_hold_digits_dots_dashes_and_underscores(world):
    staff = world.store.staff.create("k.koski-2_b", "Koski Kaisa", "coach", GOOD, actor=world.admin)
    assert world.store.staff.find("k.koski-2_b") == staff


def test_a_deactivated_accounts_username_stays_taken(world):
    world.store.staff.deactivate(world.admin, world.coach.id)
    with pytest.raises(StaffError) as refused:
        world.store.staff.create("valmentaja", "Uusi Ulla", "coach", GOOD, actor=world.admin)
    assert refused.value.key == "staff.error.username_taken"


def test_a_short_password_is_refused_and_the_message_says_how_long(world):
    with pytest.raises(StaffError) as refused:
        world.store.staff.create("uusi", "Uusi Ulla", "coach", "lyhyt12", actor=world.admin)
    assert refused.value.message("en") == "the password must have at least 8 characters"
    with pytest.raises(StaffError):
        world.store.staff.set_password(world.admin, world.coach.id, "1234567")


def test_role_language_name_and_site_are_checked(world):
    staff = world.store.staff
    for kwargs, key in [
        ({"role": "boss"}, "staff.error.role"),
        ({"language": "de"}, "staff.error.language"),
        ({"display_name": " "}, "staff.error.name_empty"),
        ({"site_id": "no-such-site"}, "staff.error.unknown_site"),
    ]:
        values = {"display_name": "Uusi Ulla", "role": "coach", **kwargs}
        with pytest.raises(StaffError) as refused:
            staff.create("uusi", password=GOOD, actor=world.admin, **values)
        assert refused.value.key == key


def test_an_admin_sets_anyones_password_and_it_is_logged(world):
    world.store.staff.set_password(world.admin, world.coach.id, GOOD)
    assert world.store.staff.authenticate("valmentaja", "demo") is None
    assert world.store.staff.authenticate("valmentaja", GOOD) == world.coach
    assert (world.admin.id, "update", "password") in _staff_events(world, world.coach.id)


def test_a_user_changes_only_their_own_password_giving_the_old_one(world):
    staff = world.store.staff
    with pytest.raises(PermissionDenied):
        staff.set_password(world.coach, world.reception.id, GOOD, old_password="demo")
    for old in (None, "wrong"):
        with pytest.raises(StaffError) as refused:
            staff.set_password(world.coach, world.coach.id, GOOD, old_password=old)
        assert refused.value.key == "staff.error.old_password"
    staff.set_password(world.coach, world.coach.id, GOOD, old_password="demo")
    assert staff.authenticate("valmentaja", GOOD) == world.coach


def test_an_admin_changing_their_own_password_gives_the_old_one_too(world):
    staff = world.store.staff
    with pytest.raises(StaffError) as refused:
        staff.set_password(world.admin, world.admin.id, GOOD, old_password="wrong")
    assert refused.value.key == "staff.error.old_password"
    assert staff.authenticate("admin", "demo") == world.admin
    staff.set_password(world.admin, world.admin.id, GOOD, old_password="demo")
    assert staff.authenticate("admin", GOOD) == world.admin
    assert (world.admin.id, "update", "password") in _staff_events(world, world.admin.id)


def test_an_admin_changes_a_role_and_it_is_logged(world):
    changed = world.store.staff.set_role(world.admin, world.reception.id, "coach")
    assert changed.role == "coach"
    assert (world.admin.id, "update", "role:coach") in _staff_events(world, world.reception.id)
    with pytest.raises(PermissionDenied):
        world.store.staff.set_role(world.coach, world.coach.id, "admin")


def test_the_last_active_admin_keeps_the_role(world):
    with pytest.raises(StaffError) as refused:
        world.store.staff.set_role(world.admin, world.admin.id, "coach")
    assert refused.value.key == "staff.error.last_admin"
    world.store.staff.set_role(world.admin, world.coach.id, "admin")
    assert world.store.staff.set_role(world.admin, world.admin.id, "coach").role == "coach"


def test_deactivating_closes_the_login_and_keeps_the_history(world):
    visit = world.store.visits.register(world.reception, world.site.id)
    closed = world.store.staff.deactivate(world.admin, world.reception.id)
    assert not closed.active
    assert world.store.staff.authenticate("vastaanotto", "demo") is None
    assert world.store.staff.get(world.reception.id) == closed  # still named by old rows
    assert world.store.staff.find("vastaanotto") == closed
    assert world.reception not in world.store.staff.all()
    assert closed in world.store.staff.all(inactive=True)
    assert world.store.visits.get(visit.id) is not None
    assert (world.admin.id, "update", "deactivate") in _staff_events(world, world.reception.id)
    assert [e.action for e in world.store.audit.events(staff_id=world.reception.id)]


def test_a_deactivated_user_can_do_nothing_with_an_old_session(world):
    promoted = world.store.staff.set_role(world.admin, world.coach.id, "admin")
    world.store.staff.deactivate(world.admin, world.coach.id)
    assert promoted.active  # the snapshot a logged-in session still holds
    with pytest.raises(PermissionDenied):
        world.store.staff.create("uusi", "Uusi Ulla", "coach", GOOD, actor=promoted)


def test_an_admin_cannot_deactivate_themself_or_the_last_admin(world):
    with pytest.raises(StaffError) as refused:
        world.store.staff.deactivate(world.admin, world.admin.id)
    assert refused.value.key == "staff.error.deactivate_self"
    second = world.store.staff.create("toinen", "Toinen Tuula", "admin", GOOD, actor=world.admin)
    world.store.staff.deactivate(second, world.admin.id)
    with pytest.raises(PermissionDenied):  # the closed admin acts no more
        world.store.staff.deactivate(world.admin, second.id)
    with pytest.raises(StaffError) as again:
        world.store.staff.deactivate(second, world.admin.id)
    assert again.value.key == "staff.error.inactive"


def test_only_admins_deactivate(world):
    with pytest.raises(PermissionDenied):
        world.store.staff.deactivate(world.reception, world.coach.id)
    assert world.store.staff.get(world.coach.id) == world.coach


def test_a_change_and_its_log_row_are_one_transaction(world):
    """A failure after the change rolls back the log row with it, and the other way round."""
    staff = world.store.staff
    before = len(world.store.audit.events())
    with pytest.raises(RuntimeError), write_transaction(world.store.db):
        staff.set_role(world.admin, world.reception.id, "coach")
        raise RuntimeError("after the change")
    assert staff.get(world.reception.id) == world.reception
    assert len(world.store.audit.events()) == before
    world.store.db.execute(
        "CREATE TEMP TRIGGER no_log BEFORE INSERT ON audit_event BEGIN"
        " SELECT RAISE(ABORT, 'log refused'); END"
    )
    with pytest.raises(Exception, match="log refused"):
        staff.deactivate(world.admin, world.coach.id)
    assert staff.get(world.coach.id) == world.coach


def test_the_transfer_list_is_the_staff_of_one_site(world):
    other = world.store.sites.create("Raision työpiste", "Raisio", "Turun alue", world.admin)
    raisio = world.store.staff.create(
        "raisio1", "Rantanen Riku", "coach", GOOD, other.id, actor=world.admin
    )
    assert world.store.staff.all(site_id=other.id) == [raisio]
    here = world.store.staff.all(site_id=world.site.id)
    assert {s.username for s in here} == {"admin", "vastaanotto", "valmentaja"}
    assert world.store.staff.all(role="coach", site_id=world.site.id) == [world.coach]


def test_an_admin_adds_a_site_and_it_is_logged(world):
    sites: SiteRepository = world.store.sites
    site = sites.create(" Työpiste Itä ", "Kuopio", "Kuopion työllisyysalue", world.admin)
    assert site.name == "Työpiste Itä" and site in sites.all()
    [event] = [e for e in world.store.audit.events(entity_id=site.id)]
    assert (event.staff_id, event.action, event.entity) == (world.admin.id, "create", "site")
    with pytest.raises(PermissionDenied):
        sites.create("Työpiste Länsi", "Kuopio", "Kuopion työllisyysalue", world.reception)
    for name, municipality, key in [
        ("työpiste itä", "Kuopio", "site.error.name_taken"),
        ("Työpiste Länsi", " ", "site.error.empty"),
    ]:
        with pytest.raises(Exception) as refused:
            sites.create(name, municipality, "Kuopion työllisyysalue", world.admin)
        assert getattr(refused.value, "key", None) == key
    with pytest.raises(Exception) as no_actor:
        sites.create("Työpiste Länsi", "Kuopio", "Kuopion työllisyysalue")
    assert getattr(no_actor.value, "key", None) == "site.error.admin_required"


def test_a_transfer_goes_only_to_staff_who_serve_at_that_sites_desk(world):
    staff = world.store.staff
    elsewhere = world.store.sites.create(
        "Työpiste Itä", "Turku", "Varsinais-Suomen työllisyysalue", actor=world.admin
    )
    staff.create("itakoutsi", "Itä Ilmari", "coach", "salasana123", elsewhere.id, actor=world.admin)
    serving = {s.username for s in staff.serving_at(world.site.id)}
    assert serving == {"vastaanotto", "valmentaja"}  # not the admin, not the other site's coach


def test_may_asks_the_stored_account_not_the_sessions_snapshot(world):
    staff = world.store.staff
    assert staff.may(world.admin, "staff.manage")
    assert not staff.may(world.reception, "staff.manage")
    promoted = staff.set_role(world.admin, world.coach.id, "admin")
    assert staff.may(world.coach, "staff.manage")  # the role as it is now
    staff.deactivate(world.admin, world.coach.id)
    assert not staff.may(promoted, "staff.manage")
