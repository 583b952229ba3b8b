"""A count and its noun agree in every language: "1 käynti", "2 käyntiä", "1 visit"."""

from __future__ import annotations

import pytest

from screens.strings import CATALOGS
from store.core.auth import LoginLocked
from store.core.i18n import LANGUAGES, plural_key, tr
from tui.cli import CLI_CATALOGS, load_cli_strings

ALL_CATALOGS = (*CATALOGS, *CLI_CATALOGS)


@pytest.fixture(autouse=True)
def cli_strings() -> None:
    load_cli_strings()


@pytest.mark.parametrize(
    ("key", "lang", "forms"),
    [
        ("export.done", "fi", ("0 käyntiä viety", "1 käynti viety", "2 käyntiä viety")),
        ("export.done", "sv", ("0 besök exporterade", "1 besök exporterat", "2 besök exporterade")),
        ("export.done", "en", ("0 visits exported", "1 visit exported", "2 visits exported")),
        ("cli.import.done", "fi", ("Tuotiin 0 asiakasta", "Tuotiin 1 asiakas ", "2 asiakasta")),
        (
            "cli.import.done",
            "sv",
            ("0 klienter importerades", "1 klient importerades", "2 klienter"),
        ),
        ("cli.import.done", "en", ("Imported 0 clients", "Imported 1 client ", "2 clients")),
        ("walkin.left_open", "fi", ("sulkematta 0 käyntiä", "1 käynti ·", "2 käyntiä ·")),
        (
            "walkin.left_open",
            "sv",
            ("0 besök från", "1 besök från en tidigare dag är öppet", "2 besök"),
        ),
        ("walkin.left_open", "en", ("0 visits from", "1 visit from an earlier day is", "2 visits")),
    ],
)
def test_zero_one_and_two_take_the_right_noun_form(key, lang, forms):
    for count, expected in zip((0, 1, 2), forms, strict=True):
        text = tr(key, lang, count=count, path="p.csv", file="f.csv")
        assert expected in text, (count, text)


def test_every_counted_message_has_both_forms_in_each_language():
    entries = {key: texts for catalog in ALL_CATALOGS for key, texts in catalog.items()}
    counted = {key.removesuffix(".one") for key in entries if key.endswith(".one")}
    assert {"export.done", "cli.export.done", "cli.sample.done", "walkin.left_open"} <= counted
    for key in counted:
        one, other = entries[plural_key(key, 1)], entries[plural_key(key, 2)]
        for lang in LANGUAGES:
            index = LANGUAGES.index(lang)
            # Both forms show the number, or neither does (a pronoun agreeing with it).
            assert ("{count}" in one[index]) == ("{count}" in other[index]), (key, lang)
            assert one[index] and other[index], (key, lang)


def test_a_counted_message_without_a_count_shows_its_key():
    assert tr("export.done", "fi") == "export.done"


def test_a_lock_of_one_second_says_second():
    assert LoginLocked(1).message("en").endswith("try again in 1 second")
    assert LoginLocked(1).message("sv").endswith("försök igen om 1 sekund")
    assert LoginLocked(30).message("sv").endswith("försök igen om 30 sekunder")
    assert LoginLocked(1).message("fi").endswith("1 sekunnin kuluttua")
