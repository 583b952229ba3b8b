"""The sample's population: names by mother tongue, languages, municipalities, ages.

Shares follow the Turku employment area roughly; every name and number is made up.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Mapping
from itertools import accumulate
from typing import Generic, TypeVar


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# mother tongue -> (share of clients, first names, surnames). Clients of a language group
# mostly carry that group's names; some draw from another group, as mixed families do.
NAME_GROUPS: dict[str, tuple[int, tuple[str, ...], tuple[str, ...]]] = {
    "fi": (
        68,
        _words(
            "Aino Anna-Leena Antti Eeva Elina Hanna Heikki Ilkka Jari Johanna Juha-Pekka Jussi"
            " Kalle Katja Laura Marjatta Matti Minna Päivi Pekka Riikka Sami Satu Sirpa Tuomas"
            " Väinö Jyrki Tiina"
        ),
        _words(
            "Virtanen Korhonen Mäkinen Nieminen Mäki-Jokela Hämäläinen Laine Heikkinen Koskinen"
            " Järvinen Lehtonen Lehtinen Salo Saarinen Kärkkäinen Pöllänen Ylönen Räsänen"
            " Leppänen Kallio Rantanen Aaltonen Lähteenmäki Väisänen Kivelä Honkasalo Peltola"
            " Tähtinen Mäki-Petäjä Ek-Suominen Jokinen Heinonen Salminen Turunen Nurmi Kettunen"
            " Söderholm-Mäkelä Ahonen Laaksonen Hyvönen Mäenpää"
        ),
    ),
    "sv": (
        7,
        _words("Björn Elsa Göran Ingrid Jonas Linnéa Mikael Sofia Åsa Ulf"),
        _words(
            "Gustafsson Lindqvist Sjöberg Åkerblom Lindholm Holmström Nyström Öhman Ekström"
            " Björklund Gustafsson-Kivelä Wikström Sundqvist Grönroos Söderlund Åberg Blomqvist"
        ),
    ),
    "ar": (5, _words("Ahmed Fatima Omar Layla"), _words("Al-Hassan Haddad Mahmoud")),
    "so": (4, _words("Abdi Hodan Faisal Amina"), _words("Warsame Farah Hussein")),
    "ru": (5, _words("Olga Dmitri Natalia Sergei"), _words("Melnik Lebedev-Mäkelä")),
    "et": (3, _words("Kadri Margus Tiit"), _words("Tamm Saar Kask")),
    "fa": (3, _words("Reza Maryam Dariush"), _words("Ahmadi Hosseini Karimi")),
    "en": (2, _words("Siobhan Liam Grace"), _words("O'Connor O'Brien Smith")),
    "uk": (3, _words("Oksana Andrii Iryna"), _words("Shevchenko Kovalenko Bondarenko")),
}

# Service language by mother tongue; newcomers often need English or an interpreter.
_SERVICE_LANGUAGES = {
    "fi": {"fi": 1},
    "sv": {"fi": 15, "sv": 85},
    "en": {"fi": 20, "en": 80},
}
_NEWCOMER_SERVICE_LANGUAGES = {"fi": 45, "en": 25, "other": 30}

# Turun työllisyysalue: municipality -> (weight, site key of the nearest service point);
# Turku's clients go to either Turku site.
MUNICIPALITIES = {
    "Turku": (55, None),
    "Raisio": (10, "raisio"),
    "Kaarina": (9, "keskusta"),
    "Naantali": (6, "raisio"),
    "Lieto": (6, "keskusta"),
    "Parainen": (3, "keskusta"),
    "Paimio": (3, "keskusta"),
    "Masku": (2, "raisio"),
    "Mynämäki": (2, "raisio"),
    "Rusko": (2, "raisio"),
    "Nousiainen": (1, "raisio"),
    "Sauvo": (1, "keskusta"),
}

# (share of clients, youngest age, oldest age): the young and over-50s are over-represented.
_AGE_BANDS = ((20, 17, 24), (12, 25, 29), (38, 30, 49), (20, 50, 59), (10, 60, 66))
PHONE_PREFIXES = ("+35840", "+35850", "+35844", "+35845", "+35841", "+35846")
EMAIL_DOMAINS = ("example.com", "example.net", "example.org")
CONSENT_NOTES = (
    "Suostumus tietojen vaihtoon TYP-verkoston kanssa annettu.",
    "Ei halua yhteydenottoja työnantajilta ilman erillistä sopimista.",
)
INTERPRETER_NOTE = "Tulkki tarvitaan tapaamisiin."

_T = TypeVar("_T")


class _Weighted(Generic[_T]):
    """A weighted choice whose cumulative weights are summed once, not on every draw."""

    def __init__(self, weights: Mapping[_T, float]) -> None:
        self.values = tuple(weights)
        self.cumulative = tuple(accumulate(weights.values()))

    def pick(self, rng: random.Random) -> _T:
        return self.values[bisect(self.cumulative, rng.random() * self.cumulative[-1])]


TONGUES = _Weighted({tongue: group[0] for tongue, group in NAME_GROUPS.items()})
SERVICE_LANGUAGE_CHOICES = {
    tongue: _Weighted(_SERVICE_LANGUAGES.get(tongue, _NEWCOMER_SERVICE_LANGUAGES))
    for tongue in NAME_GROUPS
}
MUNICIPALITY_CHOICE = _Weighted({name: weight for name, (weight, _) in MUNICIPALITIES.items()})
AGES = _Weighted(
    {
        age: weight / (oldest - youngest + 1)
        for weight, youngest, oldest in _AGE_BANDS
        for age in range(youngest, oldest + 1)
    }
)
# The dash and "A" are by far the most common signs; the ones added in 2023 are rarer.
CENTURY_SIGNS = {
    1900: _Weighted({"-": 80, "Y": 4, "X": 4, "W": 4, "V": 4, "U": 4}),
    2000: _Weighted({"A": 80, "B": 4, "C": 4, "D": 4, "E": 4, "F": 4}),
}
