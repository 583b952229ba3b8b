"""The usual capitalisation of a name typed all in lower case (aino → Aino)."""

from __future__ import annotations

import re

# Surname particles written in lower case before the name they belong to (af Forselles,
# von Wright, van der Berg); a particle that is the whole surname is capitalised. Not Do,
# Du, Le or La: they are also whole surnames (Vietnamese, Chinese) typed before a first name.
SURNAME_PARTICLES = frozenset(
    {"af", "av", "von", "van", "der", "den", "de", "del", "della", "ten", "ter", "zu"}
)
# A word, or a run of separators between words.
_PIECES = re.compile(r"[^\s\-]+|[\s\-]+")
_APOSTROPHES = "'’"


def _capitalised(letter: str) -> str:
    # Title case, not upper case (ǆ → ǅ); a letter whose capital is two letters (ß) stays.
    title = letter.title()
    return title if len(title) == 1 else letter


def _capitalised_word(word: str) -> str:
    word = _capitalised(word[0]) + word[1:]
    # O'Connor, D'Angelo: a one-letter prefix and an apostrophe start a new capital.
    if len(word) > 2 and word[1] in _APOSTROPHES and word[0].isalpha():
        word = word[:2] + _capitalised(word[2]) + word[3:]
    return word


def has_capitals(name: str) -> bool:
    return any(char.isupper() or char.istitle() for char in name)


def usual_capitalisation(name: str, *, surname: bool) -> str:
    """`name` as typed when it has any capital (McDonald, DeLillo stay as they are);
    typed all in lower case, each part capitalised (mäki-jokela → Mäki-Jokela,
    o'connor → O'Connor), except a surname's particles before its name (af Forselles)."""
    if has_capitals(name):
        return name
    pieces = _PIECES.findall(name)
    words = [index for index, piece in enumerate(pieces) if piece[0] not in " \t-"]
    last_word = words[-1] if words else -1
    result: list[str] = []
    for index, piece in enumerate(pieces):
        is_word = index in words
        particle = surname and index != last_word and piece in SURNAME_PARTICLES
        result.append(_capitalised_word(piece) if is_word and not particle else piece)
    return "".join(result)
