"""Text in the register: what a field may hold, and stored text made safe to show."""

from __future__ import annotations

import re
import unicodedata

from store.core.i18n import DEFAULT_LANGUAGE, TranslatedError, tr

# Invisible characters that shape letters in joining and Indic scripts: a Persian or
# Kurdish (Sorani) name needs ZWNJ (U+200C) to keep a word's parts apart, a Malayalam or
# Sinhala one ZWJ (U+200D) for its conjuncts. Between Latin, Greek or Cyrillic letters
# they do nothing visible and only make two equal-looking names differ, so they are
# allowed only next to a letter of a script whose Unicode names start with one of these.
_JOINING_SCRIPTS = (
    "ARABIC",
    "SYRIAC",
    "THAANA",
    "NKO",
    "MONGOLIAN",
    "DEVANAGARI",
    "BENGALI",
    "GURMUKHI",
    "GUJARATI",
    "ORIYA",
    "TAMIL",
    "TELUGU",
    "KANNADA",
    "MALAYALAM",
    "SINHALA",
    "MYANMAR",
    "KHMER",
)
JOINERS = frozenset("\u200c\u200d")
# Letters (category Lo) that draw nothing: Hangul fillers make a name look empty or like
# another one.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")
# What `visible` puts in place of a character it cannot show; refused on input too, so a
# stored text that went through `visible` and came back is still recognised as damaged.
REPLACEMENT = "\ufffd"
_CONTROL_PICTURES = range(0x2400, 0x2422)
# The characters refused that `str.isprintable` lets through.
_PRINTABLE_REFUSED = re.compile("[\u2400-\u2421\ufffd\u115f\u1160\u3164\uffa0]")
# A cell starting with one of these is a formula (or becomes one) in Excel and LibreOffice
# (OWASP, "CSV Injection").
FORMULA_START = frozenset("=+-@\t\r")


def _joins_letters(text: str, index: int) -> bool:
    """Whether the joiner at `index` stands between two letters and next to a letter of
    a joining script (see `_JOINING_SCRIPTS`)."""
    if index == 0 or index == len(text) - 1:
        return False
    neighbours = text[index - 1], text[index + 1]
    if not all(unicodedata.category(char)[0] in "LM" for char in neighbours):
        return False
    return any(unicodedata.name(char, "").startswith(_JOINING_SCRIPTS) for char in neighbours)


def _hidden(char: str) -> bool:
    """A character that is unsafe to show or to store, whatever its neighbours."""
    category = unicodedata.category(char)
    # Cc: C0 (tab and newline too: every field is one line), DEL and C1, ESC among them.
    # Cf: bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), marks
    # (U+200E, U+200F, U+061C), zero-width space and word joiner, BOM, soft hyphen and
    # tag characters: each can make a text read or sort differently from how it looks.
    # Zl, Zp: line and paragraph separators break a line where no newline is seen.
    # Cs, Co, Cn: lone surrogates, private-use and unassigned code points.
    if category in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"):
        return True
    return char in _BLANK_LETTERS


def _never_stored(char: str) -> bool:
    return _hidden(char) or char == REPLACEMENT or ord(char) in _CONTROL_PICTURES


def unsafe_character(text: str) -> str | None:
    """The first character of `text` that a text field of the register refuses, else None.

    Refused are control characters, invisible format characters that can spoof or reorder
    what is shown, and what `visible` shows in their place (U+FFFD and the control
    pictures ␀–␡); ZWNJ and ZWJ are kept where a joining script needs them.
    """
    # `isprintable` is False for every category `_hidden` looks at: the usual text is
    # cleared at C speed (an import checks a million fields).
    if text.isprintable() and not _PRINTABLE_REFUSED.search(text):
        return None
    for index, char in enumerate(text):
        if char in JOINERS:
            if not _joins_letters(text, index):
                return char
        elif _never_stored(char):
            return char
    return None


def code_point(char: str) -> str:
    """A character as a reader can see it in a message: "U+001B"."""
    return f"U+{ord(char):04X}"


def starts_like_formula(text: str) -> bool:
    return text[:1] in FORMULA_START


def visible(text: str) -> str:
    """`text` with every character that `unsafe_character` refuses made visible: a C0
    control or DEL as its control picture (ESC as ␛, NUL as ␀), anything else as U+FFFD.

    Whatever reaches a terminal from the database goes through this first: a text stored
    before these checks, or written into the file by other means, must never send an
    escape sequence to the terminal nor reorder the line it is on."""
    # As in `unsafe_character`: the usual text is passed through at C speed.
    if text.isprintable() and _BLANK_LETTERS.isdisjoint(text):
        return text
    shown: list[str] = []
    for index, char in enumerate(text):
        if char in JOINERS and _joins_letters(text, index):
            shown.append(char)
        elif char < " ":
            shown.append(chr(0x2400 + ord(char)))
        elif char == "\x7f":
            shown.append("\u2421")
        elif char in JOINERS or _hidden(char):
            shown.append(REPLACEMENT)
        else:
            shown.append(char)
    return "".join(shown)


LABEL_MAX_LENGTH = 100


class TextRefused(TranslatedError):
    """A name or label refused, with the form field (`field`) it was typed into; its
    message starts with what the field holds (`label`, the key of its name), as the client
    form's do."""

    def __init__(self, field: str, label: str, key: str, **params: object) -> None:
        super().__init__(key, **params)
        self.field = field
        self.label = label

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return f"{tr(self.label, lang)}: {super().message(lang)}"


def check_label(value: str, field: str, label: str, max_length: int = LABEL_MAX_LENGTH) -> str:
    """A site's name, municipality or area, or a staff member's name, stripped: no control
    or invisible format character, at most `max_length` characters, and its first
    character a letter or a digit, so that it never starts like a spreadsheet formula
    (= + - @) wherever it is exported. Raises `TextRefused`; an empty value is the
    caller's to refuse, with its own message."""
    text = value.strip()
    char = unsafe_character(text)
    if char is not None:
        raise TextRefused(field, label, "text.error.control", char=code_point(char))
    if len(text) > max_length:
        raise TextRefused(field, label, "text.error.too_long", max=max_length)
    if text and not text[0].isalnum():
        raise TextRefused(field, label, "text.error.start", char=text[0])
    return text
