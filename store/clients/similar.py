"""Whether two names may be the same person's: Finnish-aware folding and typo distance.

The desk's new-client check, the check of a mistyped identity code and the client import
all ask `likely_same_person`, over the clients born on the same day (an indexed lookup),
so a register of a million clients is never scanned.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Protocol, TypeVar

from rapidfuzz.distance import OSA

# One typo: a wrong, missing or extra letter, or two neighbours swapped (Vritanen).
MAX_TYPOS = 1
# Letters a Finnish desk hears or types as the same; ä, ö and å lose their dots with the
# other diacritics.
_SAME_LETTER = str.maketrans({"w": "v", "ß": "ss"})
_DROPPED = re.compile(r"['’`´.]")
_SEPARATORS = re.compile(r"[\s\-‐‑–]+")


class Named(Protocol):
    @property
    def first_name(self) -> str: ...

    @property
    def last_name(self) -> str: ...


_N = TypeVar("_N", bound=Named)


def fold(name: str) -> str:
    """A name for comparison: lower case, no diacritics (ä→a, ö→o, å→a), w→v, no
    apostrophes or dots, and each hyphen or run of spaces one space: "Mäki-Jokela" and
    "MAKI JOKELA" both fold to "maki jokela", "O'Connor" to "oconnor"."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(char for char in decomposed if not unicodedata.combining(char))
    letters = _DROPPED.sub("", letters.translate(_SAME_LETTER))
    return _SEPARATORS.sub(" ", letters).strip()


def name_parts(name: str) -> tuple[str, ...]:
    """The folded parts of a name: "Mäki-Jokela" → ("maki", "jokela")."""
    return tuple(fold(name).split())


def _one_typo_apart(first: str, second: str) -> bool:
    return OSA.distance(first, second, score_cutoff=MAX_TYPOS) <= MAX_TYPOS


def similar_surnames(first: str, second: str) -> bool:
    """The same surname give or take one typo, spacing or hyphens, or one holding the
    other as a part (Mäki-Jokela and Jokela, a double name taken or dropped)."""
    first_parts, second_parts = name_parts(first), name_parts(second)
    if not first_parts or not second_parts:
        return False
    if _one_typo_apart("".join(first_parts), "".join(second_parts)):
        return True
    shorter, longer = sorted((first_parts, second_parts), key=len)
    return len(shorter) < len(longer) and set(shorter) <= set(longer)


def same_first_name(first: str, second: str) -> bool:
    """The same given names, or the same first given name (Anna and Anna Maria)."""
    first_parts, second_parts = name_parts(first), name_parts(second)
    return bool(first_parts and second_parts) and (
        first_parts == second_parts or first_parts[0] == second_parts[0]
    )


def likely_same_person(
    first_name: str, last_name: str, other_first_name: str, other_last_name: str
) -> bool:
    """For two people born on the same day: the same first name and a surname one typo
    apart, or the two names typed into each other's fields."""
    if same_first_name(first_name, other_first_name) and similar_surnames(
        last_name, other_last_name
    ):
        return True
    typed = (name_parts(first_name), name_parts(last_name))
    return all(typed) and typed == (name_parts(other_last_name), name_parts(other_first_name))


def similar_people(people: Iterable[_N], first_name: str, last_name: str) -> list[_N]:
    """Those of `people` (born on the same day as the person named) who may be them."""
    return [
        person
        for person in people
        if likely_same_person(first_name, last_name, person.first_name, person.last_name)
    ]
