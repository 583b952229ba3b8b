"""What a text field of the register refuses, and how stored text is shown: the rules of
store/core/text.py as the client validation, sites and staff use them."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.clients.validation import FieldError, ValidationError, clean_client, clean_name
from store.core.i18n import TranslatedError
from store.core.text import unsafe_character, visible

TODAY = date(2026, 11, 28)


def form(**values: str) -> dict[str, str]:
    return {"first_name": "Anna", "last_name": "Aalto", "birth_date": "1.1.1990"} | values


def errors_of(raw: dict[str, str]) -> list[tuple[str, str, dict[str, object]]]:
    with pytest.raises(ValidationError) as caught:
        clean_client(raw, TODAY)
    return [(e.field, e.key, dict(e.params)) for e in caught.value.errors]


@pytest.mark.parametrize(
    ("char", "what"),
    [
        ("\x00", "NUL"),
        ("\x07", "BEL"),
        ("\t", "tab: every field is one line"),
        ("\n", "newline"),
        ("\x1b", "ESC"),
        ("\x7f", "DEL"),
        ("\x85", "C1 next line"),
        ("\x9b", "C1 CSI, an escape sequence in one byte"),
        ("\u200b", "zero-width space"),
        ("\u200e", "left-to-right mark"),
        ("\u200f", "right-to-left mark"),
        ("\u061c", "Arabic letter mark"),
        ("\u202a", "LRE"),
        ("\u202b", "RLE"),
        ("\u202c", "PDF"),
        ("\u202d", "LRO"),
        ("\u202e", "RLO"),
        ("\u2066", "LRI"),
        ("\u2067", "RLI"),
        ("\u2068", "FSI"),
        ("\u2069", "PDI"),
        ("\u2060", "word joiner"),
        ("\u00ad", "soft hyphen"),
        ("\ufeff", "BOM"),
        ("\u2028", "line separator"),
        ("\u2029", "paragraph separator"),
        ("\ue000", "private use"),
        ("\U000e0041", "tag letter A (hidden text)"),
        ("\u3164", "Hangul filler, a letter that draws nothing"),
        ("\ufffd", "replacement character: damaged text"),
        ("␛", "the symbol shown in place of ESC"),
    ],
)
def test_every_client_text_field_refuses_the_character(char: str, what: str) -> None:
    code = f"U+{ord(char):04X}"
    expected = [
        ("municipality", "error.text.control", {"char": code}),
        ("consent_notes", "error.text.control", {"char": code}),
    ]
    raw = form(municipality=f"Tur{char}ku", consent_notes=f"ok{char}ok")
    assert errors_of(raw) == expected, what
    # Names and e-mail too; in a name, a tab or a line break (pasted from a spreadsheet)
    # is whitespace and becomes a space, as every run of spaces does.
    if char.isspace():
        assert clean_name(f"Aal{char}to", "last_name") == "Aal to"
        return
    name_errors = errors_of(form(last_name=f"Aal{char}to", email=f"a{char}a@example.fi"))
    assert [(field, key) for field, key, _ in name_errors] in (
        [("last_name", "error.text.control"), ("email", "error.text.control")],
        # Visible symbols in a name are not letters: the name's own message says so.
        [("last_name", "error.name.characters"), ("email", "error.text.control")],
    ), what


def test_a_control_character_message_names_its_code_point_in_each_language() -> None:
    (error,) = ValidationError(
        [FieldError("municipality", "error.text.control", {"char": "U+001B"})]
    ).errors
    assert error.message("fi") == (
        "Kotikunta: sisältää ohjausmerkin tai näkymättömän merkin (U+001B) — poista se"
    )
    assert error.message("sv").startswith("Hemkommun: innehåller ett styrtecken")
    assert error.message("en") == (
        "Municipality: contains a control or invisible character (U+001B) — remove it"
    )


@pytest.mark.parametrize(
    ("field", "limit"),
    [("municipality", 100), ("mother_tongue", 50), ("phone", 40)],
)
def test_each_field_has_a_length_limit(field: str, limit: int) -> None:
    assert errors_of(form(**{field: "1" * (limit + 1)})) == [
        (field, "error.text.too_long", {"max": limit})
    ]


def test_an_email_longer_than_smtp_carries_is_refused() -> None:
    long = "a" * 245 + "@example.fi"
    assert errors_of(form(email=long)) == [("email", "error.text.too_long", {"max": 254})]


def test_zwnj_and_zwj_are_kept_where_a_script_needs_them_and_refused_elsewhere() -> None:
    # Persian: ZWNJ keeps the prefix می apart from the verb; Malayalam: ZWJ forms a chillu.
    for name in ("می\u200cخواهم", "ന\u200dക"):
        assert clean_name(name, "first_name") == name
        assert unsafe_character(name) is None and visible(name) == name
    # Between Latin letters they draw nothing and only make equal-looking names differ.
    for spoof in ("An\u200cna", "An\u200dna", "\u200cمحمد", "محمد\u200d"):
        with pytest.raises(ValidationError) as caught:
            clean_name(spoof, "first_name")
        assert caught.value.errors[0].key == "error.text.control"


@pytest.mark.parametrize("name", ["-Anna", ".Anna", "- Anna"])
def test_a_name_does_not_start_like_a_formula_or_with_punctuation(name: str) -> None:
    with pytest.raises(ValidationError) as caught:
        clean_name(name, "last_name")
    assert caught.value.errors[0].key == "error.name.start"
    # An apostrophe may start one.
    assert clean_name("'t Hooft", "last_name") == "'t Hooft"


def test_no_birth_date_before_1900_whatever_the_clock() -> None:
    # On a wrong clock (2005), 110 years back would let 1899 in.
    long_ago = date(2005, 1, 1)
    with pytest.raises(ValidationError) as caught:
        clean_client(form(birth_date="31.12.1899"), long_ago)
    assert [e.key for e in caught.value.errors] == ["error.birth_date.before_1900"]
    assert caught.value.errors[0].message("en") == (
        "Date of birth: born before 1900 — check the year"
    )
    assert clean_client(form(birth_date="1.1.1900"), long_ago)["birth_date"] == date(1900, 1, 1)


@given(st.text())
def test_visible_text_is_safe_to_show_and_keeps_its_length(text: str) -> None:
    shown = visible(text)
    assert len(shown) == len(text)
    assert not any(
        char < " " or "\x7f" <= char <= "\x9f" or "\u202a" <= char <= "\u202e" for char in shown
    )
    assert not any("\u2066" <= char <= "\u2069" for char in shown)


def test_visible_shows_controls_as_symbols_and_leaves_other_text_alone() -> None:
    assert visible("Turku\x1b]0;x\x07") == "Turku␛]0;x␇"
    assert visible("\x00\x7f\x9b") == "␀␡\ufffd"
    assert visible("a\u202eb\u2066c") == "a\ufffdb\ufffdc"
    assert visible("Östman Åsa [bold]") == "Östman Åsa [bold]"


def test_site_and_staff_names_are_checked_in_the_store(world) -> None:
    store, admin = world.store, world.admin
    for name, key in [
        ("=1+1", "text.error.start"),
        ("Itä\x1b[2J", "text.error.control"),
        ("I" * 101, "text.error.too_long"),
    ]:
        with pytest.raises(TranslatedError) as caught:
            store.sites.create(name, "Kuopio", "Pohjois-Savo", actor=admin)
        assert caught.value.key == key
        with pytest.raises(TranslatedError) as caught:
            store.staff.create("koski", name, "coach", "salasana1", world.site.id, actor=admin)
        assert caught.value.key == key
    # Digits first are fine: "4H-talo", "3. kerros".
    assert store.sites.create("4H-talo", "Kuopio", "Pohjois-Savo", actor=admin).name == "4H-talo"


def test_every_code_point_of_the_basic_plane_is_judged_by_its_category() -> None:
    import unicodedata

    refused_categories = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}
    placeholders = {chr(c) for c in range(0x2400, 0x2422)} | {"\ufffd"}
    blank_letters = {"\u115f", "\u1160", "\u3164", "\uffa0"}
    for code in range(0x10000):
        char = chr(code)
        refused = (
            unicodedata.category(char) in refused_categories or char in placeholders | blank_letters
        )
        assert (unsafe_character(f"a{char}b") is not None) == refused, f"U+{code:04X}"
