"""Reading a client CSV as Excel saves it, row by row: its encoding, separator and header."""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Generator, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from types import MappingProxyType
from typing import BinaryIO

from store.core.i18n import TranslatedError

# CSV column -> client field. The file says `language`, as a person would.
COLUMNS: Mapping[str, str] = MappingProxyType(
    {
        "hetu": "hetu",
        "first_name": "first_name",
        "last_name": "last_name",
        "birth_date": "birth_date",
        "phone": "phone",
        "email": "email",
        "language": "service_language",
        "municipality": "municipality",
    }
)
REQUIRED_COLUMNS = ("first_name", "last_name")
# How much of the file decides its encoding; the rest is decoded as it is read.
SNIFF_BYTES = 64 * 1024
_CHUNK_BYTES = 1024 * 1024
_NON_ASCII = re.compile(rb"[\x80-\xff]")
# A blank line before the header: nothing but spaces and separators.
_BLANK = " \t\r\n;,"


class ImportFileError(TranslatedError):
    """The file as a whole cannot be imported: missing, unreadable, or a bad header."""


@dataclass(frozen=True)
class CsvRow:
    line: int  # as Excel numbers its rows: the header is line 1
    values: Mapping[str, str]  # client form field -> text
    extra_values: bool


def _latin1_for_undefined(error: UnicodeError) -> tuple[str, int]:
    # cp1252 leaves five bytes undefined; Latin-1 decodes anything.
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("luotsi.latin1", _latin1_for_undefined)
_CP1252 = ("cp1252", "luotsi.latin1")
_UTF8 = ("utf-8-sig", "strict")
# What an encoding is called when the file turns out not to be in it.
_ENCODING_NAMES = {
    "utf-8-sig": "UTF-8",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16 LE",
    "utf-16-be": "UTF-16 BE",
    "utf-32": "UTF-32",
}


def _utf8_prefix(data: bytes) -> bool:
    """Whether `data` is UTF-8, allowing a character cut off at its end."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _utf16_without_bom(prefix: bytes) -> str | None:
    # Text in UTF-16 has a zero byte beside nearly every Latin letter; CSV text in a
    # single-byte encoding or UTF-8 has none, or one stray in a field.
    pairs = len(prefix) // 2
    if pairs < 2:
        return None
    zeros_after, zeros_before = prefix[1::2].count(0), prefix[0::2].count(0)
    if zeros_after > pairs // 3 and zeros_before == 0:
        return "utf-16-le"
    if zeros_before > pairs // 3 and zeros_after == 0:
        return "utf-16-be"
    return None


def sniff_encoding(handle: BinaryIO) -> tuple[str, str]:
    """(encoding, error handler) of a file: by its byte-order mark (Excel's "CSV UTF-8"
    and "Unicode text"), else UTF-8 if its first non-ASCII bytes are UTF-8, else
    Windows-1252 (Excel's plain "CSV"). Reads a prefix, then rewinds."""
    prefix = handle.read(SNIFF_BYTES)
    try:
        if prefix.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
            return "utf-32", "strict"
        if prefix.startswith(codecs.BOM_UTF8):
            return _UTF8
        if prefix.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16", "strict"
        if utf16 := _utf16_without_bom(prefix):
            return utf16, "strict"
        # An ASCII start says nothing: the first accented letter decides.
        chunk = prefix
        while chunk:
            if found := _NON_ASCII.search(chunk):
                window = chunk[found.start() :] + handle.read(SNIFF_BYTES)
                return _UTF8 if _utf8_prefix(window[:SNIFF_BYTES]) else _CP1252
            chunk = handle.read(_CHUNK_BYTES)
        return _UTF8
    finally:
        handle.seek(0)


def decode(data: bytes) -> str:
    """A whole file's text, decoded as `read_rows` decodes it."""
    encoding, errors = sniff_encoding(io.BytesIO(data))
    try:
        return data.decode(encoding, errors)
    except UnicodeDecodeError:
        return data.decode(*_CP1252)


def _delimiter(header_line: str) -> str:
    # Finnish Excel separates with semicolons because the comma is the decimal sign;
    # Excel's "Unicode text" with tabs.
    tabs, semicolons, commas = (header_line.count(sep) for sep in ("\t", ";", ","))
    if tabs > max(semicolons, commas):
        return "\t"
    return ";" if semicolons > commas else ","


def _header(cells: Sequence[str], columns: Mapping[str, str], required: Sequence[str]) -> list[str]:
    names = [cell.strip().lower() for cell in cells]
    named = [name for name in names if name]
    unknown = [name for name in named if name not in columns]
    if unknown:
        raise ImportFileError(
            "import.error.unknown_columns", columns=", ".join(unknown), allowed=", ".join(columns)
        )
    repeated = sorted({name for name in named if named.count(name) > 1})
    if repeated:
        raise ImportFileError("import.error.repeated_columns", columns=", ".join(repeated))
    missing = [name for name in required if name not in named]
    if missing:
        raise ImportFileError("import.error.missing_columns", columns=", ".join(missing))
    return names


def _row(
    line: int, names: Sequence[str], cells: Sequence[str], columns: Mapping[str, str]
) -> CsvRow:
    values: dict[str, str] = {}
    extra = any(cell.strip() for cell in cells[len(names) :])
    for name, cell in zip(names, cells, strict=False):
        if name:
            values[columns[name]] = cell.strip()
        elif cell.strip():
            extra = True
    if "service_language" in values:
        values["service_language"] = values["service_language"].lower()
    return CsvRow(line, values, extra)


def iter_rows(
    lines: Iterable[str],
    columns: Mapping[str, str] = COLUMNS,
    required: Sequence[str] = REQUIRED_COLUMNS,
) -> Iterator[CsvRow]:
    """Rows of a CSV given as lines, its `columns` (CSV column -> form field, a client's
    by default) as fields; raises `ImportFileError` when the header is unusable or a line
    is not CSV."""
    line_iter = iter(lines)
    blank_lines = 0
    header_line = ""
    for candidate in line_iter:
        if candidate.strip(_BLANK):
            header_line = candidate
            break
        blank_lines += 1  # Excel shows a blank line as a row of its own
    if not header_line:
        raise ImportFileError("import.error.empty")
    reader = csv.reader(chain([header_line], line_iter), delimiter=_delimiter(header_line))
    try:
        names = _header(next(reader), columns, required)
        # Excel numbers records, not physical lines: a quoted value may span several.
        line = blank_lines + 1
        for cells in reader:
            line += 1
            if not any(cell.strip() for cell in cells):
                continue  # Excel leaves rows of bare separators behind deleted content
            yield _row(line, names, cells, columns)
    except csv.Error as exc:
        raise ImportFileError(
            "import.error.malformed", line=blank_lines + reader.line_num, reason=exc
        ) from exc


def parse_csv(text: str) -> list[CsvRow]:
    """Rows of a client CSV's whole text; raises `ImportFileError` when the header is unusable."""
    return list(iter_rows(io.StringIO(text, newline="")))


def _decoded_lines(handle: BinaryIO, encoding: str, errors: str) -> Iterator[str]:
    """The lines of a file as text, decoded one at a time; a line not in `encoding` is
    an `ImportFileError` naming the encoding and the line."""
    name = _ENCODING_NAMES.get(encoding, encoding)
    number = 0  # lines read whole
    try:
        if encoding.startswith(("utf-16", "utf-32")):
            # Its line ends are two or four bytes: the text layer finds them (and a bad
            # byte is found a little ahead of the line that holds it).
            for line in io.TextIOWrapper(handle, encoding=encoding, errors=errors, newline=""):
                yield line
                number += 1
            return
        decoder = codecs.getincrementaldecoder(encoding)(errors)
        for raw in handle:
            text = decoder.decode(raw)
            # A line ended by a bare CR (old Mac Excel) holds several: split as Excel would.
            yield from io.StringIO(text, newline="") if "\r" in text.rstrip("\r\n") else (text,)
            number += 1
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise ImportFileError("import.error.encoding", encoding=name, line=number + 1) from exc


@contextmanager
def open_rows(
    path: Path, columns: Mapping[str, str] = COLUMNS, required: Sequence[str] = REQUIRED_COLUMNS
) -> Generator[Iterator[CsvRow], None, None]:
    """The rows of a CSV file (a client's `columns` by default; see `iter_rows`), decoded
    and parsed as they are read: the file is never in memory whole. Raises
    `ImportFileError` for a missing or unreadable file."""
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise ImportFileError("import.error.file_missing", path=path) from None
    except OSError as exc:
        raise ImportFileError("import.error.unreadable", path=path, reason=exc.strerror) from exc
    with handle:
        try:
            encoding, errors = sniff_encoding(handle)
        except OSError as exc:
            raise ImportFileError(
                "import.error.unreadable", path=path, reason=exc.strerror
            ) from exc
        yield iter_rows(_decoded_lines(handle, encoding, errors), columns, required)
