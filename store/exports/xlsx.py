"""A small XLSX (SpreadsheetML) writer for the export's sheets: text, numbers and dates only.

The export has a fixed shape: a few sheets of plain values, no formulas, no styling but a
date format. Written directly, a month of visits (20 000 rows) takes a fraction of what a
general workbook library spends building one object per cell. The same sheets and `stamp`
always give the same bytes: the document's times are `stamp`, its zip members dated
1.1.1980, and nothing else varies.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from store.core.text import starts_like_formula

# One sheet: its name and its rows of values (str, int, float, bool, date or None).
Sheet = tuple[str, Iterable[Sequence[object]]]

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES = "application/vnd.openxmlformats-officedocument"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of Excel's (1900) date system, leap bug included
_DATE_STYLE = 1  # the cellXfs entry below with the d.m.yyyy format
# The cellXfs entry marking a text as text ("quote prefix"): a cell whose text starts like
# a formula (= + - @) stays text even when someone edits it in Excel and presses Enter,
# and shows no apostrophe; the stored string is exact.
_TEXT_STYLE = 2
_STYLES = f"""{_HEAD}<styleSheet xmlns="{_MAIN}">\
<numFmts count="1"><numFmt numFmtId="164" formatCode="d.m.yyyy"/></numFmts>\
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill>\
<fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" \
quotePrefix="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
</styleSheet>"""
# Characters XML 1.0 cannot carry at all; a stray one must not make the file unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _escaped(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _NOT_XML.sub("\ufffd", text)


def _column_letters(count: int) -> list[str]:
    letters: list[str] = []
    for index in range(count):
        name, number = "", index + 1
        while number:
            number, rest = divmod(number - 1, 26)
            name = chr(65 + rest) + name
        letters.append(name)
    return letters


class _SharedStrings:
    """Every text cell is an index into one table: text is never read as a formula."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.uses = 0

    def of(self, text: str) -> int:
        self.uses += 1
        found = self.index.get(text)
        if found is None:
            found = self.index[text] = len(self.index)
        return found

    def xml(self) -> str:
        items = "".join(f'<si><t xml:space="preserve">{_escaped(t)}</t></si>' for t in self.index)
        return (
            f'{_HEAD}<sst xmlns="{_MAIN}" count="{self.uses}" uniqueCount="{len(self.index)}">'
            f"{items}</sst>"
        )


def _text_cell(reference: str, text: str, strings: _SharedStrings) -> str:
    """A shared-string cell: never a formula, whatever the text; one that starts like a
    formula also gets the text style (see `_TEXT_STYLE`)."""
    style = f' s="{_TEXT_STYLE}"' if starts_like_formula(text) else ""
    return f'<c r="{reference}"{style} t="s"><v>{strings.of(text)}</v></c>'


def _sheet_xml(rows: Iterable[Sequence[object]], strings: _SharedStrings) -> str:
    letters: list[str] = []
    serials: dict[date, str] = {}
    parts = [f'{_HEAD}<worksheet xmlns="{_MAIN}"><sheetData>']
    for number, row in enumerate(rows, start=1):
        if len(row) > len(letters):
            letters = _column_letters(len(row))
        cells: list[str] = []
        for letter, value in zip(letters, row, strict=False):
            if value is None:
                continue
            if isinstance(value, str):
                cells.append(_text_cell(f"{letter}{number}", value, strings))
            elif isinstance(value, bool):
                cells.append(f'<c r="{letter}{number}"><v>{int(value)}</v></c>')
            elif isinstance(value, int | float):
                cells.append(f'<c r="{letter}{number}"><v>{value!r}</v></c>')
            elif isinstance(value, date):
                day = value.date() if isinstance(value, datetime) else value
                serial = serials.get(day)
                if serial is None:
                    serial = serials[day] = str((day - _EXCEL_EPOCH).days)
                cells.append(f'<c r="{letter}{number}" s="{_DATE_STYLE}"><v>{serial}</v></c>')
            else:
                cells.append(_text_cell(f"{letter}{number}", str(value), strings))
        if cells:
            parts.append(f'<row r="{number}">{"".join(cells)}</row>')
    parts.append("</sheetData></worksheet>")
    return "".join(parts)


def _package(names: Sequence[str], stamp: datetime) -> dict[str, str]:
    """Every part of the workbook but the sheets and their shared strings."""
    sheets = range(1, len(names) + 1)
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml"'
        f' ContentType="{_TYPES}.spreadsheetml.worksheet+xml"/>'
        for n in sheets
    )
    content_types = (
        f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPES}.spreadsheetml.sheet.main'
        f'+xml"/>{overrides}<Override PartName="/xl/styles.xml" ContentType="{_TYPES}.'
        'spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="'
        f'{_TYPES}.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml"'
        ' ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        f'<Override PartName="/docProps/app.xml" ContentType="{_TYPES}.extended-properties'
        '+xml"/></Types>'
    )
    root_rels = (
        f'{_HEAD}<Relationships xmlns="{_PACKAGE_REL}">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
        f'<Relationship Id="rId2" Type="{_PACKAGE_REL}/metadata/core-properties"'
        ' Target="docProps/core.xml"/>'
        f'<Relationship Id="rId3" Type="{_REL}/extended-properties" Target="docProps/app.xml"/>'
        "</Relationships>"
    )
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    core = (
        f"{_HEAD}<cp:coreProperties"
        ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Luotsi</dc:creator>'
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{iso}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{iso}</dcterms:modified>'
        "</cp:coreProperties>"
    )
    app = (
        f'{_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Application>Luotsi</Application></Properties>'
    )
    sheet_list = "".join(
        f'<sheet name="{_escaped(name)}" sheetId="{n}" r:id="rId{n}"/>'
        for n, name in zip(sheets, names, strict=True)
    )
    workbook = (
        f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>{sheet_list}</sheets>'
        "</workbook>"
    )
    sheet_rels = "".join(
        f'<Relationship Id="rId{n}" Type="{_REL}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in sheets
    )
    count = len(names)
    workbook_rels = (
        f'{_HEAD}<Relationships xmlns="{_PACKAGE_REL}">{sheet_rels}'
        f'<Relationship Id="rId{count + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId{count + 2}" Type="{_REL}/sharedStrings"'
        ' Target="sharedStrings.xml"/></Relationships>'
    )
    return {
        "[Content_Types].xml": content_types,
        "_rels/.rels": root_rels,
        "docProps/app.xml": app,
        "docProps/core.xml": core,
        "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": workbook_rels,
        "xl/styles.xml": _STYLES,
    }


def workbook_bytes(sheets: Sequence[Sheet], stamp: datetime) -> bytes:
    """An .xlsx of `sheets`, in order; `stamp` (UTC) is its created and modified time."""
    strings = _SharedStrings()
    parts = _package([name for name, _ in sheets], stamp)
    for number, (_, rows) in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{number}.xml"] = _sheet_xml(rows, strings)
    parts["xl/sharedStrings.xml"] = strings.xml()
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            member = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(member, text.encode("utf-8"))
    return output.getvalue()
