"""Reading an instrument file (TOML or JSON, by its name's ending) into plain data, or a
clear message of why it cannot be read: missing, a folder, too big, not UTF-8, not valid
TOML or JSON (with the line), or not one table of keys. What the keys hold is checked by
`store.kompassi.instrument_check`."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import cast

from store.core.i18n import TranslatedError
from store.kompassi.models import Instrument

# An instrument is a few kilobytes; anything this large is the wrong file.
MAX_FILE_BYTES = 1024 * 1024
SUFFIXES = (".toml", ".json")
# tomllib (Python 3.11) puts the place of a syntax error at the end of its message.
_TOML_PLACE = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_END = re.compile(r"\s*\(at end of document\)$")


class InstrumentFileError(TranslatedError):
    """The file as a whole cannot be read as an instrument; nothing was stored."""


def read_instrument_file(path: Path) -> Mapping[str, object]:
    """The top-level table of the TOML or JSON file at `path`. Raises
    `InstrumentFileError` saying what is wrong with the file and where."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InstrumentFileError("instrument.error.file_type", path=path)
    if path.is_dir():
        raise InstrumentFileError("instrument.error.file_folder", path=path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise InstrumentFileError("import.error.file_missing", path=path) from None
    except OSError as exc:
        raise InstrumentFileError(
            "import.error.unreadable", path=path, reason=exc.strerror
        ) from exc
    if len(data) > MAX_FILE_BYTES:
        raise InstrumentFileError("instrument.error.file_too_large", path=path, max=MAX_FILE_BYTES)
    try:
        text = data.decode("utf-8-sig")  # a BOM, as Notepad writes one, is let through
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InstrumentFileError("instrument.error.not_utf8", path=path, line=line) from exc
    parsed = _parse_toml(text, path) if suffix == ".toml" else _parse_json(text, path)
    if not isinstance(parsed, dict):
        raise InstrumentFileError("instrument.error.file_not_table", path=path)
    return cast(dict[str, object], parsed)


def _parse_toml(text: str, path: Path) -> object:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        reason = str(exc)
        if place := _TOML_PLACE.search(reason):
            line, column = int(place[1]), int(place[2])
        elif _TOML_END.search(reason):
            line, column = text.count("\n") + 1, len(text.rsplit("\n", 1)[-1]) + 1
        else:
            line, column = 0, 0
        reason = _TOML_END.sub("", _TOML_PLACE.sub("", reason))
        raise InstrumentFileError(
            "instrument.error.bad_toml", path=path, line=line, column=column, reason=reason
        ) from exc


class _RepeatedKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """A JSON object, refused if it names a key twice (JSON would keep the last quietly;
    TOML refuses it itself)."""
    table: dict[str, object] = {}
    for key, value in pairs:
        if key in table:
            raise _RepeatedKey(key)
        table[key] = value
    return table


def _parse_json(text: str, path: Path) -> object:
    try:
        return json.loads(text, object_pairs_hook=_unique_keys)
    except _RepeatedKey as exc:
        raise InstrumentFileError("instrument.error.repeated_key", path=path, name=exc.key) from exc
    except json.JSONDecodeError as exc:
        raise InstrumentFileError(
            "instrument.error.bad_json",
            path=path,
            line=exc.lineno,
            column=exc.colno,
            reason=exc.msg,
        ) from exc
    except RecursionError as exc:  # thousands of nested brackets
        raise InstrumentFileError("instrument.error.file_not_table", path=path) from exc


def _string(text: str) -> str:
    # A JSON string is a TOML basic string: the same quotes and escapes.
    return json.dumps(text, ensure_ascii=False)


def _texts(fi: str, sv: str, en: str) -> str:
    return f"{{ fi = {_string(fi)}, sv = {_string(sv)}, en = {_string(en)} }}"


def instrument_toml(instrument: Instrument, version: int | None = None) -> str:
    """`instrument` as an instrument file (TOML) that imports as it is stored, with
    `version` in place of its own if given (the next version of a site's own wording)."""
    lines = [
        f"code = {_string(instrument.code)}",
        f"version = {version if version is not None else instrument.version}",
        f"skip_allowed = {'true' if instrument.skip_allowed else 'false'}",
        f"name = {_texts(instrument.name_fi, instrument.name_sv, instrument.name_en)}",
        f"scale = {{ min = {instrument.scale_min}, max = {instrument.scale_max} }}",
    ]
    for band in instrument.bands:
        lines += [
            "",
            "[[bands]]",
            f"code = {_string(band.code)}",
            f"from = {band.score_from}",
            f"to = {band.score_to}",
            f"label = {_texts(band.label_fi, band.label_sv, band.label_en)}",
        ]
    for domain in instrument.domains:
        lines += [
            "",
            "[[domains]]",
            f"code = {_string(domain.code)}",
            f"order = {domain.sort_order}",
            f"optional = {'true' if domain.optional else 'false'}",
            f"label = {_texts(domain.label_fi, domain.label_sv, domain.label_en)}",
            "question.fi = " + _string(domain.question_fi),
            "question.sv = " + _string(domain.question_sv),
            "question.en = " + _string(domain.question_en),
        ]
    return "\n".join(lines) + "\n"
