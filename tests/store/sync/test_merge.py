"""The merge rules alone (store/sync/merge.py): one laptop change against the office's row."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from store.sync.merge import DELETED, Incoming, decide, later_stamps

T0, T1, T2 = "2026-11-28T10:00:00.000Z", "2026-11-28T11:00:00.000Z", "2026-11-28T12:00:00.000Z"
OFFICE = {
    "id": "c1",
    "phone": "040 1",
    "email": None,
    "hetu": None,
    "created_at": T0,
    "updated_at": T0,
    "updated_by": "admin",
    "deleted_at": None,
}


def _update(new, *, office=OFFICE, old=None, earlier=None, two_way=True):
    base = old if old is not None else {c: OFFICE[c] for c in new if c in OFFICE}
    laptop = {**new, "updated_at": T2, "updated_by": "coach"}
    base = {**base, "updated_at": T0, "updated_by": "admin"}
    return decide(Incoming("client", "update", "c1", base, laptop, office, earlier or {}, two_way))


def test_a_field_the_laptop_alone_changed_is_taken_with_the_laptops_stamp():
    decision = _update({"email": "a@example.fi"})
    assert decision.action == "update"
    assert decision.values == {"email": "a@example.fi", "updated_at": T2, "updated_by": "coach"}
    assert decision.conflicts == () and decision.merged_fields == 1


def test_the_office_stamp_stays_when_the_office_changed_the_row_later():
    office = {**OFFICE, "phone": "050 9", "updated_at": "2026-11-28T13:00:00.000Z"}
    decision = _update({"email": "a@example.fi"}, office=office)
    assert decision.values["updated_by"] == "admin"
    assert decision.values["updated_at"] == "2026-11-28T13:00:00.000Z"


def test_a_field_both_changed_differently_is_a_conflict_and_nothing_is_written():
    office = {**OFFICE, "phone": "050 9", "updated_at": T1}
    decision = _update({"phone": "040 2"}, office=office)
    assert decision.action == "none"
    (conflict,) = decision.conflicts
    assert (conflict.kind, conflict.column) == ("field", "phone")
    assert (conflict.base_value, conflict.office_value, conflict.laptop_value) == (
        "040 1",
        "050 9",
        "040 2",
    )


def test_a_field_both_changed_to_the_same_value_is_nothing():
    office = {**OFFICE, "phone": "040 2", "updated_at": T1}
    decision = _update({"phone": "040 2"}, office=office)
    assert decision.action == "none" and decision.conflicts == ()


def test_an_edit_of_a_row_deleted_at_the_office_is_a_conflict():
    office = {**OFFICE, "deleted_at": T1, "updated_at": T1}
    decision = _update({"email": "a@example.fi"}, office=office)
    assert decision.action == "none"
    assert [c.kind for c in decision.conflicts] == ["edit_deleted"]
    assert decision.laptop_row is not None and decision.laptop_row["email"] == "a@example.fi"


def test_an_edit_of_a_row_the_laptop_itself_deleted_before_merges_as_usual():
    office = {**OFFICE, "deleted_at": T1, "updated_at": T1}
    decision = _update({"email": "a@example.fi"}, office=office, earlier={"deleted_at": T1})
    assert decision.action == "update" and decision.conflicts == ()


def test_an_edit_of_a_row_the_office_no_longer_has_is_a_conflict_with_the_laptops_values():
    decision = _update({"email": "a@example.fi"}, office=None)
    assert [c.kind for c in decision.conflicts] == ["edit_deleted"]
    assert decision.laptop_row is not None


def test_a_deletion_on_the_laptop_of_a_row_the_office_edited_is_a_conflict():
    office = {**OFFICE, "phone": "050 9", "updated_at": T1}
    decision = _update({"deleted_at": T2}, office=office)
    assert [c.kind for c in decision.conflicts] == ["deleted_edited"]
    assert decision.action == "none"


def test_a_deletion_on_the_laptop_of_an_untouched_row_is_taken():
    decision = _update({"deleted_at": T2})
    assert decision.action == "update" and decision.values["deleted_at"] == T2


def test_a_row_deleted_on_both_sides_is_nothing():
    office = {**OFFICE, "deleted_at": T1, "updated_at": T1}
    decision = _update({"deleted_at": T2}, office=office)
    assert decision.action == "none" and decision.conflicts == ()


def test_an_edit_the_laptop_made_before_deleting_a_row_the_office_deleted_too_is_kept():
    office = {**OFFICE, "deleted_at": T1, "updated_at": T1}
    decision = _update({"email": "a@example.fi", "deleted_at": T2}, office=office)
    assert decision.action == "update" and decision.conflicts == ()
    assert decision.values["email"] == "a@example.fi" and "deleted_at" not in decision.values


def test_a_move_half_in_conflict_is_kept_out_whole():
    start, end = "2026-12-01T08:00:00.000Z", "2026-12-01T09:00:00.000Z"
    booking = {"id": "a1", "starts_at": start, "ends_at": end, "note": None, "updated_at": T0}
    office = {**booking, "ends_at": "2026-12-01T10:00:00.000Z", "updated_at": T1}
    laptop = {"starts_at": "2026-12-01T12:00:00.000Z", "ends_at": "2026-12-01T13:00:00.000Z"}
    decision = decide(
        Incoming(
            "appointment",
            "update",
            "a1",
            {"starts_at": start, "ends_at": end, "note": None, "updated_at": T0},
            {**laptop, "note": "x", "updated_at": T2},
            office,
        )
    )
    assert decision.values == {"note": "x", "updated_at": T2, "updated_by": None}
    assert sorted(c.column for c in decision.conflicts) == ["ends_at", "starts_at"]


def test_a_change_to_an_office_table_is_an_office_owned_conflict():
    decision = _update({"phone": "040 2"}, two_way=False)
    assert decision.action == "none"
    assert [(c.kind, c.column) for c in decision.conflicts] == [("office_owned", "phone")]


def test_an_insert_of_an_office_table_row_is_kept_whole_in_a_conflict():
    row = {**OFFICE, "id": "new"}
    decision = decide(Incoming("site", "insert", "new", {}, row, None, {}, False))
    assert decision.action == "none" and decision.laptop_row == row
    assert [c.kind for c in decision.conflicts] == ["office_owned"]


def test_a_new_row_is_inserted_whole():
    row = {**OFFICE, "id": "new"}
    decision = decide(Incoming("client", "insert", "new", {}, row, None))
    assert decision.action == "insert" and decision.values == row


def test_a_hard_delete_is_taken_only_if_the_office_row_is_still_the_base():
    same = decide(Incoming("client", "delete", "c1", OFFICE, {}, OFFICE))
    edited = decide(Incoming("client", "delete", "c1", OFFICE, {}, {**OFFICE, "phone": "x"}))
    gone = decide(Incoming("client", "delete", "c1", OFFICE, {}, None))
    assert same.action == "delete"
    assert edited.action == "none" and [c.kind for c in edited.conflicts] == ["deleted_edited"]
    assert gone.action == "none" and gone.conflicts == ()


def test_what_an_earlier_bundle_sent_is_skipped():
    office = {**OFFICE, "phone": "050 9", "updated_at": T1}
    decision = _update({"phone": "040 2"}, office=office, earlier={"phone": "040 2"})
    assert decision.action == "none" and decision.conflicts == ()
    deleted = decide(Incoming("client", "delete", "c1", OFFICE, {}, OFFICE, {DELETED: True}))
    assert deleted.action == "none" and deleted.conflicts == ()


def test_an_earlier_bundles_value_still_at_the_office_is_the_base_for_a_newer_one():
    office = {**OFFICE, "phone": "040 2", "updated_at": T2}
    decision = _update({"phone": "040 3"}, office=office, earlier={"phone": "040 2"})
    assert decision.action == "update" and decision.values["phone"] == "040 3"


def test_an_insert_an_earlier_bundle_brought_merges_what_changed_since():
    row = {**OFFICE, "email": "b@example.fi", "updated_at": T2}
    earlier = {**OFFICE, "email": "a@example.fi"}
    office = {**OFFICE, "email": "a@example.fi", "phone": "050 9", "updated_at": T1}
    decision = decide(Incoming("client", "insert", "c1", {}, row, office, earlier))
    assert decision.action == "update"
    assert decision.values["email"] == "b@example.fi" and "phone" not in decision.values


def test_local_columns_never_travel():
    staff = {"id": "s", "password_hash": "x", "updated_at": T0}
    decision = decide(
        Incoming("staff", "update", "s", staff, {"password_hash": "y"}, staff, {}, False)
    )
    assert decision.action == "none" and decision.conflicts == ()


VALUES = st.sampled_from(["a", "b", "c", None])


@given(base=VALUES, office=VALUES, laptop=VALUES)
def test_one_field_three_ways(base, office, laptop):
    """The whole rule for one field: nothing of either side is lost or silently replaced."""
    row = {**OFFICE, "phone": office, "updated_at": T1 if office != base else T0}
    decision = decide(
        Incoming(
            "client",
            "update",
            "c1",
            {"phone": base, "updated_at": T0},
            {"phone": laptop, "updated_at": T2},
            row,
        )
    )
    written = decision.values.get("phone", office)
    if laptop in (base, office):
        assert written == office and decision.conflicts == ()
    elif office == base:
        assert written == laptop and decision.conflicts == ()
    else:
        assert written == office
        assert [(c.office_value, c.laptop_value) for c in decision.conflicts] == [(office, laptop)]


def test_later_stamps_prefers_the_newer_side():
    assert later_stamps(
        {"updated_at": T1, "updated_by": "o"}, {"updated_at": T2, "updated_by": "l"}
    ) == {
        "updated_at": T2,
        "updated_by": "l",
    }
    assert (
        later_stamps({"updated_at": T2, "updated_by": "o"}, {"updated_at": T1, "updated_by": "l"})[
            "updated_by"
        ]
        == "o"
    )
