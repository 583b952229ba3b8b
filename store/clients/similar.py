"""Whether two names may be the same person's: Finnish-aware folding and typo distance.

The desk's new-client check, the check of a mistyped identity code and the client import
all ask `similar_people` (whose rule is `likely_same_person`) about the clients born on
the same day (an indexed lookup), so a register of a million clients is never scanned.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
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


@lru_cache(maxsize=8192)
def name_parts(name: str) -> tuple[str, ...]:
    """The folded parts of a name: "Mäki-Jokela" → ("maki", "jokela"). Cached: the same
    few thousand names come back in every check."""
    return tuple(fold(name).split())


def _one_typo_apart(first: str, second: str) -> bool:
    return OSA.distance(first, second, score_cutoff=MAX_TYPOS) <= MAX_TYPOS


def _similar_surname_parts(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """The same surname give or take one typo, spacing or hyphens, or one holding the
    other as a part (Mäki-Jokela and Jokela, a double name taken or dropped)."""
    if not first or not second:
        return False
    if _one_typo_apart("".join(first), "".join(second)):
        return True
    shorter, longer = sorted((first, second), key=len)
    return len(shorter) < len(longer) and set(shorter) <= set(longer)


def _same_first_name_parts(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """The same given names, or the same first given name (Anna and Anna Maria)."""
    return bool(first and second) and (first == second or first[0] == second[0])


def _likely_same_parts(
    first: tuple[str, ...],
    last: tuple[str, ...],
    other_first: tuple[str, ...],
    other_last: tuple[str, ...],
) -> bool:
    if _same_first_name_parts(first, other_first) and _similar_surname_parts(last, other_last):
        return True
    return bool(first and last) and (first, last) == (other_last, other_first)


def likely_same_person(
    first_name: str, last_name: str, other_first_name: str, other_last_name: str
) -> bool:
    """For two people born on the same day: the same first name and a surname one typo
    apart, or the two names typed into each other's fields."""
    return _likely_same_parts(
        name_parts(first_name),
        name_parts(last_name),
        name_parts(other_first_name),
        name_parts(other_last_name),
    )


def similar_people(people: Iterable[_N], first_name: str, last_name: str) -> list[_N]:
    """Those of `people` (born on the same day as the person named) who may be them."""
    typed = (name_parts(first_name), name_parts(last_name))
    return [
        person
        for person in people
        if _likely_same_parts(*typed, name_parts(person.first_name), name_parts(person.last_name))
    ]
