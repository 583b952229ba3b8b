"""How exported visit rows become bytes: CSV (Finnish Excel or RFC 4180), JSON and XLSX."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from store.core.dates import format_date
from store.core.figures import median, percentile_nearest_rank
from store.core.text import FORMULA_START, starts_like_formula
from store.exports.xlsx import workbook_bytes

Format = Literal["csv", "xlsx", "json"]
Dialect = Literal["excel", "rfc4180"]
FORMATS: tuple[Format, ...] = ("csv", "xlsx", "json")
DIALECTS: tuple[Dialect, ...] = ("excel", "rfc4180")

COLUMNS: tuple[str, ...] = (
    "date",
    "site",
    "ticket",
    "channel",
    "arrived",
    "called",
    "finished",
    "waiting_minutes",
    "service_minutes",
    "reason_codes",
    "reason_labels",
    "process_step",
    "outcome",
    "served_by",
    "client_pseudonym",
    "age_band",
    "under_25",
    "under_30",
    "long_term_unemployed",
    "foreign_language",
    "appointment_id",
    "feedback_score",
)
IDENTITY_COLUMNS: tuple[str, ...] = ("first_name", "last_name", "hetu", "phone")
# Personal data even without names: a staff member's username, and a pseudonym with
# facts about the person behind it (pseudonymised data is still personal data, GDPR 4(5)),
# their answer to the feedback question included.
PERSONAL_COLUMNS: tuple[str, ...] = (
    "served_by",
    "client_pseudonym",
    "age_band",
    "under_25",
    "under_30",
    "long_term_unemployed",
    "foreign_language",
    "feedback_score",
)
# Personal data about staff rather than clients.
STAFF_COLUMNS: tuple[str, ...] = ("served_by",)
# One visit, its values in column order.
Row = tuple[object, ...]
AT = {column: index for index, column in enumerate(COLUMNS + IDENTITY_COLUMNS)}
LIST_COLUMNS = ("reason_codes", "reason_labels")
BOOLEAN_COLUMNS = frozenset({"under_25", "under_30", "long_term_unemployed", "foreign_language"})
SUMMARY_SHEET = "Yhteenveto"
ROWS_SHEET = "Käynnit"


@dataclass(frozen=True)
class DayFeedback:
    """A site's feedback for one day, every answer counted, linked to a visit or not."""

    day: date
    site: str
    responses: int
    nps: float | None  # None while fewer than five answered


def _flag(value: object) -> str:
    return "" if value is None else ("1" if value else "0")


def _remembered(convert: Callable[[object], str]) -> Callable[[object], str]:
    """`convert` for values that repeat (days, reason sets): each worked out once."""
    seen: dict[object, str] = {}

    def cached(value: object) -> str:
        text = seen.get(value)
        if text is None:
            text = seen[value] = convert(value)
        return text

    return cached


def _converters(columns: Sequence[str], dialect: Dialect) -> list[Callable[[object], str] | None]:
    """One text converter per column: Finnish Excel conventions, or ISO 8601 for machines.

    None for text and whole numbers, which the csv module writes as they are (None as "").
    The times come from the query already as text in the dialect's form.
    """
    day_text = format_date if dialect == "excel" else date.isoformat
    special: dict[str, Callable[[object], str]] = {
        "date": _remembered(day_text),  # type: ignore[arg-type]
        "reason_codes": _remembered(" ".join),  # type: ignore[arg-type]
        "reason_labels": _remembered(", ".join),  # type: ignore[arg-type]
    }
    special.update(dict.fromkeys(BOOLEAN_COLUMNS, _flag))
    return [special.get(column) for column in columns]


def excel_text(cell: object) -> object:
    """A text cell as Excel must read it: as text, never as a formula.

    A text starting with = + - @, a tab or a carriage return gets a leading apostrophe
    (OWASP, "CSV Injection"). Excel opening a CSV file shows that apostrophe, so a phone
    stored as +358401234567 reads '+358401234567: the same number, every digit and the
    plus kept, where without it Excel would read a formula (+358 40 123 → #NAME?) or a
    number that has lost its plus. Other values are returned as they are.
    """
    if isinstance(cell, str) and starts_like_formula(cell):
        return "'" + cell
    return cell


def csv_bytes(rows: list[Row], columns: Sequence[str], dialect: Dialect) -> bytes:
    """The rows as CSV: for Finnish Excel (`excel`: ";", BOM, every formula-like text
    neutralised by `excel_text`) or exactly as stored (`rfc4180`)."""
    buffer = io.StringIO(newline="")
    delimiter = ";" if dialect == "excel" else ","
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(columns)
    special = [(i, convert) for i, convert in enumerate(_converters(columns, dialect)) if convert]
    for row in rows:
        cells = list(row)
        for i, convert in special:
            cells[i] = convert(cells[i])
        if dialect == "excel":
            # `excel_text`, inlined: it runs for every cell of a month's 20 000 rows.
            cells = [
                "'" + cell if isinstance(cell, str) and cell[:1] in FORMULA_START else cell
                for cell in cells
            ]
        writer.writerow(cells)
    data = buffer.getvalue().encode("utf-8")
    return b"\xef\xbb\xbf" + data if dialect == "excel" else data


def json_bytes(rows: list[Row], columns: Sequence[str]) -> bytes:
    """An array of objects; the rows' times must be ISO 8601 (`instants="iso"`)."""
    objects = [
        {
            column: value.isoformat() if isinstance(value, date) else value
            for column, value in zip(columns, row, strict=True)
        }
        for row in rows
    ]
    return (json.dumps(objects, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _summary(rows: list[Row], feedback: list[DayFeedback]) -> list[tuple[object, ...]]:
    reasons: Counter[str] = Counter()
    channels: Counter[str] = Counter()
    waits = [w for row in rows if isinstance(w := row[AT["waiting_minutes"]], int)]
    for row in rows:
        reasons.update(row[AT["reason_labels"]])  # type: ignore[arg-type]
        channels[str(row[AT["channel"]])] += 1
    lines: list[tuple[object, ...]] = [("Käyntejä", len(rows)), ()]
    lines.append(("Syy", "Käyntejä"))
    lines += sorted(reasons.items(), key=lambda item: (-item[1], item[0]))
    lines += [(), ("Kanava", "Käyntejä")]
    lines += sorted(channels.items(), key=lambda item: (-item[1], item[0]))
    lines += [(), ("Odotus, min", "")]
    if waits:
        # The day report's figures: the usual median and the nearest-rank 90th percentile.
        lines += [
            ("mediaani", median(waits)),
            ("90 %", percentile_nearest_rank(waits, 90)),
            ("pisin", max(waits)),
        ]
    lines += [
        (),
        ("Palaute päivittäin (kaikki vastaukset, myös nimettömät)", ""),
        ("Päivä", "Toimipiste", "n", "NPS (kun n ≥ 5)"),
    ]
    lines += [(fb.day, fb.site, fb.responses, fb.nps) for fb in feedback]
    return lines


def xlsx_bytes(
    rows: list[Row],
    columns: Sequence[str],
    feedback: list[DayFeedback],
    stamp: datetime,
) -> bytes:
    """The rows and a summary sheet; the same data and `stamp` give the same bytes."""
    # Dates stay dates (Excel shows them its own way); times are local HH:MM text (the
    # rows are read with `instants="local"`), lists joined, flags 1/0 so they can be summed.
    converters = _converters(columns, "excel")
    lists = [(i, converters[i]) for i, c in enumerate(columns) if c in LIST_COLUMNS]

    def sheet_rows() -> Iterator[Row]:
        yield tuple(columns)
        for row in rows:
            cells = list(row)
            for i, convert in lists:
                cells[i] = convert(cells[i]) or None  # type: ignore[misc]
            yield tuple(cells)

    sheets = ((ROWS_SHEET, sheet_rows()), (SUMMARY_SHEET, _summary(rows, feedback)))
    return workbook_bytes(sheets, stamp)
