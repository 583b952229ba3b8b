"""Checking a site's instrument version as read from its file (pure, no I/O): every problem
at once, each named by where it is ("domains[3].label.sv") with an i18n key and its
parameters, or the `Instrument` to store.

The file format (TOML shown; JSON holds the same keys):

    code = "kompassi"          # a-z, 0-9 and _, starting with a letter; at most 40
    version = 2                # a whole number >= 1, above every stored version of code
    skip_allowed = true        # may the client skip a question (optional, default true)
    name = { fi = "Kompassi", sv = "Kompassi", en = "Kompassi" }
    scale = { min = 0, max = 10 }   # only 0-10 is accepted, see SCALE_MIN/SCALE_MAX

    [[bands]]                  # low to high, together covering the scale exactly
    code = "low"
    from = 0
    to = 5
    label = { fi = "Vaikeaa", sv = "Svårt", en = "Difficult" }

    [[domains]]                # 1 to 20, shown in the file's order unless `order` says
    code = "talous"            # the same code across versions: readings compare by it
    optional = false           # optional, default false
    order = 1                  # optional, default: its place in the file
    label = { fi = "Talous", sv = "Ekonomi", en = "Finances" }
    question = { fi = "…", sv = "…", en = "…" }

Lists are counted from 1 in the problems' places, as they are seen in the file. Texts are
one line each, stripped, never empty, without control or invisible characters, and never
starting like a spreadsheet formula (= + - @).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import cast

from store.core.i18n import LANGUAGES, tr
from store.core.kompassi_instrument import SCALE_MAX, SCALE_MIN
from store.core.schema_kompassi import instrument_id
from store.core.text import code_point, starts_like_formula, unsafe_character
from store.kompassi.models import Band, Domain, Instrument

# The only scale accepted: the picture draws 0-10 bars, the digit keys type 0-10, and
# readings of different versions are compared score by score, so every version shares it.
CODE_MAX_LENGTH = 40
NAME_MAX_LENGTH = 60
BAND_LABEL_MAX_LENGTH = 30  # beside the scale in client mode
DOMAIN_LABEL_MAX_LENGTH = 60
QUESTION_MAX_LENGTH = 300
MAX_DOMAINS = 20
MAX_VERSION = 999_999
_CODE = re.compile(r"[a-z][a-z0-9_]*")

_TOP_KEYS = ("code", "version", "skip_allowed", "name", "scale", "bands", "domains")
_SCALE_KEYS = ("min", "max")
_BAND_KEYS = ("code", "from", "to", "label")
_DOMAIN_KEYS = ("code", "optional", "order", "label", "question")


@dataclass(frozen=True)
class Problem:
    """What is wrong at one place of an instrument file ("" for the file as a whole)."""

    where: str
    key: str
    params: Mapping[str, object] = dataclasses.field(default_factory=dict[str, object], hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))

    def reason(self, lang: str = "fi") -> str:
        return tr(self.key, lang, **self.params)

    def message(self, lang: str = "fi") -> str:
        return f"{self.where}: {self.reason(lang)}" if self.where else self.reason(lang)


@dataclass(frozen=True)
class Checked:
    """The instrument a file describes, or None and why not (every problem found)."""

    instrument: Instrument | None
    problems: tuple[Problem, ...]
    # The file's code and version when each is valid in itself, so the importer can say
    # whether that version is stored already even while other things are wrong.
    code: str | None = None
    version: int | None = None


def _at(parent: str, key: str) -> str:
    return f"{parent}.{key}" if parent else key


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def table(self, parent: Mapping[str, object], key: str, at: str) -> Mapping[str, object]:
        """`parent[key]` as a table (empty, with the problem noted, if it is not one)."""
        value = parent.get(key)
        if value is None:
            self.add(Problem(at, "instrument.error.missing"))
        elif not isinstance(value, dict):
            self.add(Problem(at, "instrument.error.not_table"))
        else:
            return cast(dict[str, object], value)
        return {}

    def keys(self, table: Mapping[str, object], allowed: Sequence[str], at: str) -> None:
        for key in table:
            if key not in allowed:
                self.add(
                    Problem(
                        _at(at, key), "instrument.error.unknown_key", {"keys": ", ".join(allowed)}
                    )
                )

    def text(self, table: Mapping[str, object], key: str, at: str, max_length: int) -> str | None:
        value = table.get(key)
        if value is None:
            self.add(Problem(at, "instrument.error.missing"))
            return None
        if not isinstance(value, str):
            self.add(Problem(at, "instrument.error.not_text"))
            return None
        text = value.strip()
        char = unsafe_character(text)
        if not text:
            self.add(Problem(at, "instrument.error.empty"))
        elif char is not None:
            self.add(Problem(at, "text.error.control", {"char": code_point(char)}))
        elif len(text) > max_length:
            self.add(Problem(at, "text.error.too_long", {"max": max_length}))
        elif starts_like_formula(text):
            self.add(Problem(at, "text.error.start", {"char": text[0]}))
        else:
            return text
        return None

    def texts(
        self, parent: Mapping[str, object], key: str, at: str, max_length: int
    ) -> tuple[str, str, str] | None:
        """A text in each of fi, sv and en: `{ fi = "…", sv = "…", en = "…" }`."""
        if not isinstance(parent.get(key), dict):
            self.table(parent, key, at)  # says it is missing or not a table
            return None
        table = self.table(parent, key, at)
        self.keys(table, LANGUAGES, at)
        fi, sv, en = (self.text(table, lang, _at(at, lang), max_length) for lang in LANGUAGES)
        return (fi, sv, en) if fi is not None and sv is not None and en is not None else None

    def code(self, table: Mapping[str, object], at: str) -> str | None:
        text = self.text(table, "code", at, CODE_MAX_LENGTH)
        if text is not None and not _CODE.fullmatch(text):
            self.add(Problem(at, "instrument.error.not_code"))
            return None
        return text

    def unique_code(
        self, table: Mapping[str, object], at: str, first_of_code: dict[str, str]
    ) -> str | None:
        """The code of the list item at `at`, noted in `first_of_code`; one that an earlier
        item of the list has already is a problem that names that item."""
        code = self.code(table, _at(at, "code"))
        if code is not None and (first := first_of_code.setdefault(code, at)) != at:
            self.add(Problem(_at(at, "code"), "instrument.error.repeated_code", {"first": first}))
        return code

    def integer(self, table: Mapping[str, object], key: str, at: str) -> int | None:
        value = table.get(key)
        if value is None:
            self.add(Problem(at, "instrument.error.missing"))
        elif isinstance(value, bool) or not isinstance(value, int):
            self.add(Problem(at, "instrument.error.not_integer"))
        else:
            return value
        return None

    def flag(self, table: Mapping[str, object], key: str, at: str, default: bool) -> bool:
        value = table.get(key, default)
        if isinstance(value, bool):
            return value
        self.add(Problem(at, "instrument.error.not_bool"))
        return default

    def items(self, top: Mapping[str, object], key: str, most: int) -> list[Mapping[str, object]]:
        """The tables of a list (`[[key]]` in TOML), at least one and at most `most`."""
        value = top.get(key)
        if value is None:
            self.add(Problem(key, "instrument.error.missing"))
            return []
        if not isinstance(value, list):
            self.add(Problem(key, "instrument.error.not_list"))
            return []
        listed = cast(list[object], value)
        if not listed:
            self.add(Problem(key, "instrument.error.none_listed"))
        elif len(listed) > most:
            self.add(Problem(key, "instrument.error.too_many", {"max": most}))
        tables: list[Mapping[str, object]] = []
        for number, item in enumerate(listed, 1):
            if isinstance(item, dict):
                tables.append(cast(dict[str, object], item))
            else:
                self.add(Problem(f"{key}[{number}]", "instrument.error.not_table"))
                tables.append({})
        return tables


def in_file_order(problems: Sequence[Problem]) -> tuple[Problem, ...]:
    """`problems` in the order of the file format's top-level keys (unknown keys first),
    each key's own in the order found."""

    def rank(problem: Problem) -> int:
        top = problem.where.split(".")[0].split("[")[0]
        return _TOP_KEYS.index(top) if top in _TOP_KEYS else -1

    return tuple(sorted(problems, key=rank))


def check_instrument(data: Mapping[str, object]) -> Checked:
    """The instrument `data` (a file's top-level table) describes, or every problem with
    it. Whether its version is already stored is the importer's to check."""
    checker = _Checker()
    checker.keys(data, _TOP_KEYS, "")
    code = checker.code(data, "code")
    version = checker.integer(data, "version", "version")
    if version is not None and not 1 <= version <= MAX_VERSION:
        checker.add(Problem("version", "instrument.error.version_range", {"max": MAX_VERSION}))
        version = None
    names = checker.texts(data, "name", "name", NAME_MAX_LENGTH)
    skip_allowed = checker.flag(data, "skip_allowed", "skip_allowed", True)
    scale_ok = _check_scale(checker, data)
    bands = _check_bands(checker, data, scale_ok)
    domains = _check_domains(checker, data)
    problems = tuple(checker.problems)
    if problems or code is None or version is None or names is None:
        return Checked(None, problems, code, version)
    instrument = Instrument(
        instrument_id(code, version),
        code,
        version,
        *names,
        SCALE_MIN,
        SCALE_MAX,
        skip_allowed,
        True,
        bands,
        domains,
    )
    return Checked(instrument, (), code, version)


def _check_scale(checker: _Checker, data: Mapping[str, object]) -> bool:
    scale = checker.table(data, "scale", "scale")
    if not scale:
        return False
    checker.keys(scale, _SCALE_KEYS, "scale")
    low = checker.integer(scale, "min", "scale.min")
    high = checker.integer(scale, "max", "scale.max")
    if low is None or high is None:
        return False
    if (low, high) != (SCALE_MIN, SCALE_MAX):
        checker.add(
            Problem("scale", "instrument.error.scale", {"min": SCALE_MIN, "max": SCALE_MAX})
        )
        return False
    return True


def _check_bands(checker: _Checker, data: Mapping[str, object], scale_ok: bool) -> tuple[Band, ...]:
    """Bands low to high that together cover the scale: the first starts at its minimum,
    each next one the score after the one before ends, the last ends at its maximum."""
    bands: list[Band] = []
    first_of_code: dict[str, str] = {}
    expected_from: int | None = SCALE_MIN
    tables = checker.items(data, "bands", SCALE_MAX - SCALE_MIN + 1)
    for number, table in enumerate(tables, 1):
        at = f"bands[{number}]"
        checker.keys(table, _BAND_KEYS, at)
        code = checker.unique_code(table, at, first_of_code)
        low = checker.integer(table, "from", _at(at, "from"))
        high = checker.integer(table, "to", _at(at, "to"))
        labels = checker.texts(table, "label", _at(at, "label"), BAND_LABEL_MAX_LENGTH)
        if low is None or high is None:
            expected_from = None  # where the next band should start is unknown
            continue
        if low > high:
            checker.add(Problem(at, "instrument.error.band_reversed", {"low": low, "high": high}))
        elif scale_ok and expected_from is not None:
            if low > expected_from:
                params = {"low": expected_from, "high": low - 1}
                checker.add(Problem(_at(at, "from"), "instrument.error.band_gap", params))
            elif low < expected_from:
                first = SCALE_MIN if number == 1 else expected_from - 1
                key = (
                    "instrument.error.band_below"
                    if number == 1
                    else "instrument.error.band_overlap"
                )
                checker.add(Problem(_at(at, "from"), key, {"score": first}))
        expected_from = high + 1
        if code is not None and labels is not None:
            bands.append(Band(code, low, high, *labels))
    if scale_ok and tables and expected_from is not None and expected_from != SCALE_MAX + 1:
        last = f"bands[{len(tables)}].to"
        checker.add(Problem(last, "instrument.error.band_end", {"max": SCALE_MAX}))
    return tuple(bands)


def _check_domains(checker: _Checker, data: Mapping[str, object]) -> tuple[Domain, ...]:
    domains: list[Domain] = []
    first_of_code: dict[str, str] = {}
    first_of_order: dict[int, str] = {}
    for number, table in enumerate(checker.items(data, "domains", MAX_DOMAINS), 1):
        at = f"domains[{number}]"
        checker.keys(table, _DOMAIN_KEYS, at)
        code = checker.unique_code(table, at, first_of_code)
        order: int | None = number
        if "order" in table:
            order = checker.integer(table, "order", _at(at, "order"))
            if order is not None and order < 1:
                checker.add(Problem(_at(at, "order"), "instrument.error.order_range"))
                order = None
        if order is not None and (first := first_of_order.setdefault(order, at)) != at:
            params = {"first": first, "order": order}
            checker.add(Problem(_at(at, "order"), "instrument.error.repeated_order", params))
        optional = checker.flag(table, "optional", _at(at, "optional"), False)
        labels = checker.texts(table, "label", _at(at, "label"), DOMAIN_LABEL_MAX_LENGTH)
        questions = checker.texts(table, "question", _at(at, "question"), QUESTION_MAX_LENGTH)
        if code is not None and order is not None and labels and questions:
            domains.append(Domain(code, order, optional, *labels, *questions))
    return tuple(sorted(domains, key=lambda domain: domain.sort_order))
