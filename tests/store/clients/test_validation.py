"""Tests for store.validation: HETU, names, phones, e-mail, dates and whole client forms."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from stdnum.fi import hetu as stdnum_hetu

from store.clients import validation
from store.clients.names import has_capitals
from store.clients.validation import (
    FieldError,
    ValidationError,
    birth_date_of_mistyped_hetu,
    clean_client,
    clean_email,
    clean_hetu,
    clean_name,
    clean_phone,
    format_date,
    hetu_birth_date,
    hetu_check_char,
    is_temporary_hetu,
    looks_like_hetu,
    mask_hetu,
    move_misplaced_values,
    parse_birth_date_query,
    parse_date,
    phone_search_key,
)
from store.core import i18n

CHECK_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
SIGNS = {"+": 1800, "-": 1900, "Y": 1900, "X": 1900, "W": 1900, "V": 1900, "U": 1900}
SIGNS |= dict.fromkeys("ABCDEF", 2000)
TODAY = date(2025, 6, 15)


def make_hetu(born: date, sign: str, individual: int) -> str:
    digits = f"{born:%d%m}{born.year % 100:02d}"
    return f"{digits}{sign}{individual:03d}{CHECK_CHARS[int(f'{digits}{individual:03d}') % 31]}"


def errors_of(action: Callable[[], object]) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        action()
    return [(error.field, error.key) for error in caught.value.errors]


@st.composite
def valid_hetus(draw: st.DrawFn) -> tuple[str, date]:
    sign = draw(st.sampled_from(sorted(SIGNS)))
    century = SIGNS[sign]
    born = draw(st.dates(date(century, 1, 1), date(century + 99, 12, 31)))
    # Test data uses only the temporary numbers 900-999, which are never issued to anyone.
    return make_hetu(born, sign, draw(st.integers(900, 999))), born


# --- HETU -------------------------------------------------------------------------------


@given(valid_hetus())
def test_valid_hetu_passes_and_gives_birth_date(case: tuple[str, date]) -> None:
    code, born = case
    assert clean_hetu(code) == code
    assert clean_hetu(f"  {code.lower()} ") == code
    assert hetu_birth_date(code) == born
    assert is_temporary_hetu(code)
    assert looks_like_hetu(code)
    assert stdnum_hetu.is_valid(code, allow_temporary=True)


@pytest.mark.parametrize("sign", ["+", "-", "A"])
def test_leap_day_is_a_date_only_in_leap_years(sign: str) -> None:
    leap_day = date({"+": 1804, "-": 1996, "A": 2000}[sign], 2, 29)
    assert hetu_birth_date(clean_hetu(make_hetu(leap_day, sign, 950))) == leap_day
    century_year = make_hetu(date(2000, 2, 29), sign, 950)  # 290200: not leap in 1800 or 1900
    if sign == "A":
        assert clean_hetu(century_year) == century_year
    else:
        assert errors_of(lambda: clean_hetu(century_year)) == [("hetu", "error.hetu.date")]


def test_century_sign_is_kept_and_distinguishes_codes() -> None:
    codes = [make_hetu(date(1990, 1, 1), sign, 923) for sign in "-YXWVU"]
    assert [clean_hetu(code) for code in codes] == codes
    assert len(set(codes)) == 6
    assert {hetu_birth_date(code) for code in codes} == {date(1990, 1, 1)}
    assert clean_hetu("010190y923e") == "010190Y923E"


@given(valid_hetus(), st.sampled_from(CHECK_CHARS + "GIOQZ"))
def test_wrong_check_character(case: tuple[str, date], check: str) -> None:
    code = case[0]
    assume(check != code[10])
    assert errors_of(lambda: clean_hetu(code[:10] + check)) == [("hetu", "error.hetu.checksum")]


@given(valid_hetus(), st.sampled_from("GHIJKLMNOPQRSTZ*/_.:0"))
def test_bad_century_sign(case: tuple[str, date], sign: str) -> None:
    code = case[0]
    assert errors_of(lambda: clean_hetu(code[:6] + sign + code[7:])) == [
        ("hetu", "error.hetu.century")
    ]


@pytest.mark.parametrize("day_month", ["3002", "3102", "3104", "0001", "0113", "3201", "0000"])
def test_impossible_date(day_month: str) -> None:
    assert errors_of(lambda: clean_hetu(f"{day_month}90-923E")) == [("hetu", "error.hetu.date")]


@given(valid_hetus(), st.sampled_from([0, 1]))
def test_individual_number_000_and_001_are_invalid(case: tuple[str, date], individual: int) -> None:
    code, born = case
    bad = make_hetu(born, code[6], individual)
    assert errors_of(lambda: clean_hetu(bad)) == [("hetu", "error.hetu.individual")]


def test_individual_number_002_passes_the_number_check() -> None:
    # A wrong check character keeps this from being anyone's real code.
    real_looking = make_hetu(date(1990, 1, 1), "-", 2)
    wrong = real_looking[:10] + ("0" if real_looking[10] != "0" else "1")
    assert errors_of(lambda: clean_hetu(wrong)) == [("hetu", "error.hetu.checksum")]


@given(valid_hetus(), st.integers(0, 10), st.text("0123456789-A", max_size=3))
def test_wrong_length(case: tuple[str, date], cut: int, extra: str) -> None:
    code = case[0]
    for bad in (code[:cut], code + extra + "9"):
        assert errors_of(lambda bad=bad: clean_hetu(bad)) == [("hetu", "error.hetu.format")]


@pytest.mark.parametrize("bad", ["01a190-923E", "010190-9a3E", "010190 -923", "", "٠١٠١٩٠-٩٢٣E"])
def test_non_digits_are_a_format_error(bad: str) -> None:
    assert errors_of(lambda: clean_hetu(bad)) == [("hetu", "error.hetu.format")]


def test_mask_temporary_and_shape() -> None:
    assert mask_hetu("010190-923M") == "010190-***M"
    assert mask_hetu("010190Y923E") == "010190Y***E"
    assert not is_temporary_hetu(make_hetu(date(1990, 1, 1), "-", 899))
    assert looks_like_hetu(" 010190a923m ")
    for text in ["010190-92M", "010190*923M", "Virtanen", "1.2.1985", "0101901923M", "010190-923"]:
        assert not looks_like_hetu(text)


# --- names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Äijälä", "Äijälä"),
        ("  Åsa-Maria  ", "Åsa-Maria"),
        ("Anna   Liisa\tKaarina", "Anna Liisa Kaarina"),
        ("O'Brien", "O'Brien"),
        ("D’Angelo", "D’Angelo"),
        ("Núñez Müller", "Núñez Müller"),
        ("St. John", "St. John"),
        ("Ma\u0308ki", "Ma\u0308ki"),
        ("محمد", "محمد"),
    ],
)
def test_names_that_pass(raw: str, clean: str) -> None:
    assert clean_name(raw, "first_name") == clean


@pytest.mark.parametrize(
    ("raw", "key", "params"),
    [
        ("", "error.required", {}),
        ("   ", "error.required", {}),
        ("Anna2", "error.name.characters", {"char": "2"}),
        ("Matti_Meikäläinen", "error.name.characters", {"char": "_"}),
        ("Liisa@", "error.name.characters", {"char": "@"}),
        ("-'.", "error.name.no_letter", {}),
        ("A" * 101, "error.text.too_long", {"max": 100}),
    ],
)
def test_names_that_fail(raw: str, key: str, params: dict[str, object]) -> None:
    with pytest.raises(ValidationError) as caught:
        clean_name(raw, "last_name")
    assert caught.value.errors == (FieldError("last_name", key, params),)


@given(st.text(st.characters(categories=["L"]) | st.sampled_from(" -'’."), max_size=100))
def test_letters_and_name_punctuation_pass(raw: str) -> None:
    assume(any(char.isalpha() for char in raw))
    typed = " ".join(raw.split())
    # A name starts with a letter or an apostrophe ('t Hooft); Hangul fillers draw nothing.
    assume(typed[:1].isalpha() or typed[:1] in "'’")
    assume(not set(typed) & set("\u115f\u1160\u3164\uffa0"))
    clean = clean_name(raw, "first_name")
    # Only capitals may be added, letter for letter, and only to a name typed without any.
    assert len(clean) == len(typed)
    assert all(
        c == t or (c == t.title() and not has_capitals(typed))
        for c, t in zip(clean, typed, strict=True)
    )


@pytest.mark.parametrize(
    ("typed", "field", "stored"),
    [
        ("rautavaara", "last_name", "Rautavaara"),
        ("aino", "first_name", "Aino"),
        ("anna-liisa", "first_name", "Anna-Liisa"),
        ("mäki-jokela", "last_name", "Mäki-Jokela"),
        ("af forselles", "last_name", "af Forselles"),
        ("von wright", "last_name", "von Wright"),
        ("van der berg", "last_name", "van der Berg"),
        ("le van", "last_name", "Le Van"),
        ("o'connor", "last_name", "O'Connor"),
        ("d’angelo", "last_name", "D’Angelo"),
        ("öhman", "last_name", "Öhman"),
        ("  aino   maria ", "first_name", "Aino Maria"),
        # A particle alone is the whole surname, and first names have no particles.
        ("de", "last_name", "De"),
        ("van", "first_name", "Van"),
        # Any capital typed: the name is kept exactly as typed.
        ("McDonald", "last_name", "McDonald"),
        ("MacDonald", "last_name", "MacDonald"),
        ("af Forselles", "last_name", "af Forselles"),
        ("Af Forselles", "last_name", "Af Forselles"),
        ("deLillo", "last_name", "deLillo"),
        ("محمد", "first_name", "محمد"),
    ],
)
def test_a_name_typed_in_lower_case_gets_the_usual_capitals(
    typed: str, field: str, stored: str
) -> None:
    assert clean_name(typed, field) == stored


def test_a_birth_date_more_than_110_years_ago_is_refused() -> None:
    oldest = date(TODAY.year - 110, TODAY.month, TODAY.day)
    assert clean_client(form(birth_date=format_date(oldest), hetu=""), TODAY)["birth_date"] == (
        oldest
    )
    too_old = format_date(oldest - timedelta(days=1))
    assert errors_of(lambda: clean_client(form(birth_date=too_old, hetu=""), TODAY)) == [
        ("birth_date", "error.birth_date.too_old")
    ]
    # A HETU of the 1800s ("+") is refused at the HETU, where the sign was typed.
    plus = make_hetu(date(1899, 12, 31), "+", 950)
    assert errors_of(lambda: clean_client(form(hetu=plus), TODAY)) == [
        ("hetu", "error.hetu.before_1900")
    ]
    message = FieldError("birth_date", "error.birth_date.too_old", {"years": 110}).message("en")
    assert message == "Date of birth: more than 110 years ago — check the year"


def test_a_wrong_century_sign_is_still_a_hetu_and_gets_the_sign_message() -> None:
    assert looks_like_hetu("010190G923E")
    assert errors_of(lambda: clean_hetu("010190G923E")) == [("hetu", "error.hetu.century")]


def test_only_a_wrong_check_character_gives_the_birth_date_to_offer_people_by() -> None:
    good = make_hetu(date(1990, 1, 1), "-", 923)
    wrong = good[:10] + ("A" if good[10] != "A" else "B")
    assert birth_date_of_mistyped_hetu(wrong.lower()) == date(1990, 1, 1)
    for other in (good, "010190G923E", "300290-923E", "123", ""):
        assert birth_date_of_mistyped_hetu(other) is None


@pytest.mark.parametrize(
    ("typed", "moved"),
    [
        ({"hetu": "1.1.1990", "birth_date": ""}, {"hetu": "", "birth_date": "1.1.1990"}),
        ({"hetu": " 1990-01-01 ", "birth_date": ""}, {"hetu": "", "birth_date": "1990-01-01"}),
        ({"hetu": "01.01.1990", "birth_date": "1.1.1990"}, {"hetu": "", "birth_date": "1.1.1990"}),
        # A different birth date already typed: nothing moves, the HETU error shows.
        (
            {"hetu": "2.2.1992", "birth_date": "1.1.1990"},
            {"hetu": "2.2.1992", "birth_date": "1.1.1990"},
        ),
        (
            {"hetu": "", "last_name": "010190g923e"},
            {"hetu": "010190G923E", "last_name": ""},
        ),
        ({"hetu": "010190-923M", "birth_date": ""}, {"hetu": "010190-923M", "birth_date": ""}),
    ],
)
def test_what_was_typed_into_the_wrong_field_moves_to_its_own(
    typed: dict[str, str], moved: dict[str, str]
) -> None:
    assert move_misplaced_values(typed) == moved


LETTERS = st.text(st.characters(categories=["L"]), max_size=20)


@given(LETTERS, st.characters(categories=["N", "S", "P"]), LETTERS)
def test_digits_and_symbols_fail(before: str, bad: str, after: str) -> None:
    assume(bad not in "-'’.")
    with pytest.raises(ValidationError) as caught:
        clean_name(f"{before}{bad}{after}", "first_name")
    assert caught.value.errors == (
        FieldError("first_name", "error.name.characters", {"char": bad}),
    )


# --- phone and e-mail -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("040 123 4567", "+358401234567"),
        ("0401234567", "+358401234567"),
        ("040-123 4567", "+358401234567"),
        ("040.123.4567", "+358401234567"),
        ("+358 40 1234567", "+358401234567"),
        ("+358 (0)40 123 4567", "+358401234567"),
        ("+358 040 123 4567", "+358401234567"),
        ("00358401234567", "+358401234567"),
        ("(09) 123 4567", "+35891234567"),
        ("+46 70 123 45 67", "+46701234567"),
        ("0046 70 123 45 67", "+46701234567"),
        (" +252 61 234 5678 ", "+252612345678"),
    ],
)
def test_phone_normalisation(raw: str, clean: str) -> None:
    assert clean_phone(raw) == clean


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("", "error.required"),
        ("040 ABC 4567", "error.phone.characters"),
        ("040 123 4567 ext", "error.phone.characters"),
        ("+358 40+123", "error.phone.characters"),
        ("401234567", "error.phone.format"),
        ("+0401234567", "error.phone.format"),
        ("000401234567", "error.phone.format"),
        ("0401", "error.phone.length"),
        ("+46 70 123 45 67 89 012", "error.phone.length"),
    ],
)
def test_phone_errors(raw: str, key: str) -> None:
    assert errors_of(lambda: clean_phone(raw)) == [("phone", key)]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("040 12", "+3584012"),
        ("040-12", "+3584012"),
        ("040", "+35840"),
        ("+358 40", "+35840"),
        ("+358 040 1", "+358401"),
        ("0046 70", "+4670"),
        ("+46 70 123", "+4670123"),
        ("04", None),
        ("12345", None),
        ("040 abc", None),
        ("1.2.1985", None),
        ("Virtanen", None),
        ("", None),
    ],
)
def test_phone_search_key(text: str, key: str | None) -> None:
    assert phone_search_key(text) == key


@given(st.sampled_from(["040", "044", "050", "045", "09"]), st.text("0123456789", min_size=6))
def test_phone_search_key_prefixes_the_stored_number(area: str, rest: str) -> None:
    typed = f"{area} {rest[:8]}"
    stored = clean_phone(typed)
    for end in range(1, len(typed) + 1):
        key = phone_search_key(typed[:end])
        if sum(char.isdigit() for char in typed[:end]) < 3:
            assert key is None
        else:
            assert key is not None and stored.startswith(key)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (" Anna.Virtanen@Example.FI ", "Anna.Virtanen@example.fi"),
        ("a@b.co", "a@b.co"),
        ("liisa+tyo@posti.turku.fi", "liisa+tyo@posti.turku.fi"),
    ],
)
def test_email_passes(raw: str, clean: str) -> None:
    assert clean_email(raw) == clean


@pytest.mark.parametrize(
    "raw",
    [
        "anna",
        "@example.fi",
        "anna@",
        "anna@example",
        "anna@@example.fi",
        "a@b@c.fi",
        "anna virtanen@example.fi",
        "anna@example..fi",
        "anna@.fi",
        "anna@example.fi.",
    ],
)
def test_email_fails(raw: str) -> None:
    assert errors_of(lambda: clean_email(raw)) == [("email", "error.email.format")]


# --- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["1.2.1985", "01.02.1985", "1985-02-01", " 1.02.1985 "])
def test_parse_date_formats(raw: str) -> None:
    assert parse_date(raw, "birth_date") == date(1985, 2, 1)


@pytest.mark.parametrize("raw", ["31.2.2020", "29.2.2023", "1.13.2020", "0.1.2020", "2020-02-30"])
def test_parse_date_impossible(raw: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_date(raw, "jobseeker_since")
    assert caught.value.errors == (
        FieldError("jobseeker_since", "error.date.impossible", {"value": raw}),
    )


@pytest.mark.parametrize("raw", ["", "1/2/1985", "1.2.85", "1985-2-1", "1.2.1985.", "tänään"])
def test_parse_date_format_error(raw: str) -> None:
    assert errors_of(lambda: parse_date(raw, "birth_date")) == [("birth_date", "error.date.format")]


@given(st.dates(date(1000, 1, 1)))
def test_format_and_parse_round_trip(day: date) -> None:
    text = format_date(day)
    assert not text.startswith("0") and ".0" not in text
    assert parse_date(text, "birth_date") == day


def test_format_date() -> None:
    assert format_date(date(1985, 2, 1)) == "1.2.1985"
    assert format_date(date(2024, 12, 31)) == "31.12.2024"
    assert format_date(None) == ""


@pytest.mark.parametrize(
    ("text", "today", "dates"),
    [
        ("1.2.1985", TODAY, [date(1985, 2, 1)]),
        ("1985-02-01", TODAY, [date(1985, 2, 1)]),
        ("010285", TODAY, [date(1985, 2, 1)]),
        ("010210", TODAY, [date(1910, 2, 1), date(2010, 2, 1)]),
        ("010224", date(2024, 1, 15), [date(1924, 2, 1)]),
        ("290200", TODAY, [date(2000, 2, 29)]),
        ("300285", TODAY, []),
        ("31.2.1985", TODAY, []),
        ("1.1.2030", TODAY, []),
        ("0102851", TODAY, []),
        ("Virtanen", TODAY, []),
        ("040 123", TODAY, []),
    ],
)
def test_parse_birth_date_query(text: str, today: date, dates: list[date]) -> None:
    assert parse_birth_date_query(text, today) == dates


# --- whole client -----------------------------------------------------------------------

HETU = make_hetu(date(1990, 1, 1), "-", 923)


def form(**values: str) -> dict[str, str]:
    base = dict.fromkeys(validation.CLIENT_FIELDS, "")
    base |= {"first_name": "Anna", "last_name": "Virtanen", "hetu": HETU}
    return base | values


def test_clean_client_returns_cleaned_values() -> None:
    cleaned = clean_client(
        form(
            hetu=HETU.lower(),
            first_name=" Anna  Liisa ",
            phone="040 123 4567",
            email="anna@Example.fi",
            service_language="sv",
            mother_tongue="so",
            municipality="Turku",
            coach_id="c-7",
            jobseeker_since="1.3.2024",
            unemployed_since="2024-03-01",
            consent_notes="Suostumus tietojen luovutukseen Kelalle",
        ),
        TODAY,
    )
    assert cleaned == {
        "hetu": HETU,
        "first_name": "Anna Liisa",
        "last_name": "Virtanen",
        "birth_date": date(1990, 1, 1),
        "phone": "+358401234567",
        "email": "anna@example.fi",
        "service_language": "sv",
        "mother_tongue": "so",
        "municipality": "Turku",
        "coach_id": "c-7",
        "jobseeker_since": date(2024, 3, 1),
        "unemployed_since": date(2024, 3, 1),
        "consent_notes": "Suostumus tietojen luovutukseen Kelalle",
    }


def test_clean_client_empty_optionals_and_defaults() -> None:
    cleaned = clean_client(
        {"first_name": "Anna", "last_name": "Virtanen", "birth_date": "1.2.1985"}, TODAY
    )
    assert cleaned["hetu"] is None
    assert cleaned["birth_date"] == date(1985, 2, 1)
    assert cleaned["service_language"] == "fi"
    for name in (
        "phone",
        "email",
        "mother_tongue",
        "municipality",
        "coach_id",
        "jobseeker_since",
        "unemployed_since",
        "consent_notes",
    ):
        assert cleaned[name] is None


def test_clean_client_reports_all_errors_in_form_order() -> None:
    raw = form(
        hetu="010190-923X",
        first_name="",
        last_name="Virtanen3",
        phone="soita",
        email="anna@",
        service_language="de",
        jobseeker_since="1.1.2030",
        unemployed_since="31.2.2020",
        consent_notes="x" * 2001,
    )
    assert errors_of(lambda: clean_client(raw, TODAY)) == [
        ("hetu", "error.hetu.checksum"),
        ("last_name", "error.name.characters"),
        ("first_name", "error.required"),
        ("phone", "error.phone.characters"),
        ("email", "error.email.format"),
        ("service_language", "error.service_language.choice"),
        ("jobseeker_since", "error.date.future"),
        ("unemployed_since", "error.date.impossible"),
        ("consent_notes", "error.text.too_long"),
    ]


def test_hetu_and_birth_date_must_agree() -> None:
    assert clean_client(form(birth_date="1.1.1990"), TODAY)["birth_date"] == date(1990, 1, 1)
    with pytest.raises(ValidationError) as caught:
        clean_client(form(birth_date="2.1.1990"), TODAY)
    assert caught.value.errors == (
        FieldError("birth_date", "error.birth_date.mismatch", {"expected": "1.1.1990"}),
    )
    assert "1.1.1990" in caught.value.errors[0].message("sv")


@pytest.mark.parametrize(
    ("values", "errors"),
    [
        ({"hetu": ""}, [("birth_date", "error.birth_date.missing")]),
        ({"hetu": "010190-923"}, [("hetu", "error.hetu.format")]),
        ({"hetu": "", "birth_date": "16.6.2025"}, [("birth_date", "error.date.future")]),
        ({"hetu": make_hetu(date(2050, 1, 1), "A", 950)}, [("hetu", "error.hetu.future")]),
        ({"unemployed_since": "31.12.1989"}, [("unemployed_since", "error.date.before_birth")]),
        ({"jobseeker_since": "16.6.2025"}, [("jobseeker_since", "error.date.future")]),
        (
            {"hetu": "", "birth_date": "1.5.2000", "jobseeker_since": "30.4.2000"},
            [("jobseeker_since", "error.date.before_birth")],
        ),
    ],
)
def test_clean_client_date_rules(values: dict[str, str], errors: list[tuple[str, str]]) -> None:
    assert errors_of(lambda: clean_client(form(**values), TODAY)) == errors


def test_clean_client_accepts_today_and_birth_day() -> None:
    cleaned = clean_client(
        form(
            jobseeker_since=format_date(TODAY),
            unemployed_since="1.1.1990",
            consent_notes="x" * 2000,
        ),
        TODAY,
    )
    assert cleaned["jobseeker_since"] == TODAY
    assert cleaned["unemployed_since"] == date(1990, 1, 1)


# --- messages ---------------------------------------------------------------------------

ONE_OF_EACH: list[Callable[[], object]] = [
    lambda: clean_hetu("123"),
    lambda: clean_hetu("300290-923E"),
    lambda: clean_hetu("010190G923E"),
    lambda: clean_hetu(make_hetu(date(1990, 1, 1), "-", 1)),
    lambda: clean_hetu("010190-923X"),
    lambda: clean_name("", "first_name"),
    lambda: clean_name("A" * 101, "first_name"),
    lambda: clean_name("R2D2", "last_name"),
    lambda: clean_name("--", "last_name"),
    lambda: clean_phone("puh"),
    lambda: clean_phone("123456"),
    lambda: clean_phone("+12"),
    lambda: clean_email("anna"),
    lambda: parse_date("eilen", "birth_date"),
    lambda: parse_date("31.2.2020", "birth_date"),
    lambda: clean_client(form(birth_date="1.1.2030", hetu=""), TODAY),
    lambda: clean_client(form(hetu=make_hetu(TODAY + timedelta(days=1), "A", 950)), TODAY),
    lambda: clean_client(form(unemployed_since="1.1.1980"), TODAY),
    lambda: clean_client(form(hetu=""), TODAY),
    lambda: clean_client(form(birth_date="2.1.1990"), TODAY),
    lambda: clean_client(form(service_language="fin"), TODAY),
    lambda: clean_client(form(hetu="", birth_date="1.1.1900"), TODAY),
    lambda: clean_client(form(hetu=make_hetu(date(1880, 1, 1), "+", 950)), TODAY),
    lambda: clean_client(form(hetu=make_hetu(date(1910, 1, 1), "-", 950)), TODAY),
    lambda: clean_client(form(hetu="", birth_date="31.12.1899"), TODAY),
    lambda: clean_client(form(municipality="Turku\x1b[2J"), TODAY),
    lambda: clean_name("-Anna", "first_name"),
]


def one_of_each() -> list[FieldError]:
    found = []
    for action in ONE_OF_EACH:
        with pytest.raises(ValidationError) as caught:
            action()
        found.extend(caught.value.errors)
    return found


def test_every_message_key_is_produced_and_translated() -> None:
    errors = one_of_each()
    registered = set(re.findall(r'"(error\.[a-z0-9_.]+)"', inspect.getsource(validation)))
    assert {error.key for error in errors} == registered
    for error in errors:
        texts = [error.message(lang) for lang in i18n.LANGUAGES]
        assert len(set(texts)) == 3, texts
        for lang, text in zip(i18n.LANGUAGES, texts, strict=True):
            label = i18n.tr(f"field.{error.field}", lang)
            assert label != f"field.{error.field}"
            assert text.startswith(f"{label}: ")
            assert error.key not in text and "{" not in text


def test_message_wording() -> None:
    error = FieldError("hetu", "error.hetu.checksum")
    assert error.message() == "Henkilötunnus: tarkistusmerkki on väärä — tarkista tunnus"
    assert error.message("sv").startswith("Personbeteckning: ")
    assert error.message("en").startswith("Personal identity code: ")
    assert (
        FieldError("last_name", "error.name.characters", {"char": "2"}).message().endswith("”2”)")
    )


def test_field_error_is_immutable_and_hashable() -> None:
    params = {"max": 100}
    error = FieldError("first_name", "error.text.too_long", params)
    params["max"] = 5
    assert error.params["max"] == 100
    with pytest.raises(TypeError):
        error.params["max"] = 1  # type: ignore[index]
    assert hash(error) == hash(FieldError("first_name", "error.text.too_long", {"max": 100}))
    assert FieldError("hetu", "error.hetu.date").params == {}
    exc = ValidationError(iter([error]))
    assert exc.errors == (error,) and "first_name" in str(exc)


@given(st.dates(date(1900, 1, 1), date(2099, 12, 31)), st.integers(2, 999))
def test_the_check_character_is_the_one_stdnum_expects(born: date, individual: int):
    digits9 = f"{born:%d%m}{born.year % 100:02d}{individual:03d}"
    sign = "-" if born.year < 2000 else "A"
    code = f"{digits9[:6]}{sign}{digits9[6:]}{hetu_check_char(digits9)}"
    assert stdnum_hetu.validate(code, allow_temporary=True) == code
