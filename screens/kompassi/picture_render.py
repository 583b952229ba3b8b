"""The Kompassi picture drawn as lines: one line per domain with a bar per shown reading,
the score, the band (by colour, glyph and letter), the change and a sparkline; and the
same facts as plain sentences for a screen reader."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content

from store.core.dates import format_date
from store.core.i18n import tr
from store.kompassi.models import Band
from store.kompassi.picture import Column, DomainPicture, Mark, Picture

# A band's look from its rank among the instrument's bands, low to high: colour is never
# the only signal, so each band has its own fill glyph and a letter as well.
BAND_STYLES = ("$error", "$warning", "$success")
BAND_GLYPHS = ("▒", "▓", "█")
SPARKS = "▁▂▃▄▅▆▇█"
SPARK_GAP = "·"  # skipped or not answered: a gap, never the lowest spark
NOT_ANSWERED = "–"
DATE_WIDTH = 10  # "20.11.2026"
CHANGE_WIDTH = 5  # "▲ +10", "edell"
MIN_BAR = 5
MIN_LABEL = 6
GOOD_LABEL = 22  # the label is grown to this before the bars grow past their minimum
MAX_SPARKS = 12


def _band_index(rank: int, count: int) -> int:
    """0, 1 or 2 (low, middle, high) for a band's rank among `count` bands."""
    if count <= 1 or rank >= count - 1:
        return len(BAND_STYLES) - 1
    return 0 if rank == 0 else 1


def band_style(mark: Mark) -> str:
    return BAND_STYLES[_band_index(mark.band_rank, mark.band_count)] if mark.band else ""


def band_glyph(mark: Mark) -> str:
    return BAND_GLYPHS[_band_index(mark.band_rank, mark.band_count)]


def band_letter(band: Band, lang: str) -> str:
    return band.label(lang)[:1].upper()


def change_text(change: int | None) -> str:
    """▲ +3, ▼ −1, = 0; "–" when there is nothing to compare (a skip or no answer)."""
    if change is None:
        return NOT_ANSWERED
    if change > 0:
        return f"▲ +{change}"
    if change < 0:
        return f"▼ −{-change}"  # noqa: RUF001 - a real minus sign, as in print
    return "= 0"


def spark(mark: Mark) -> str:
    share = mark.share
    return SPARK_GAP if share is None else SPARKS[round(share * (len(SPARKS) - 1))]


@dataclass(frozen=True)
class Layout:
    label: int
    bar: int
    slot: int  # a reading's column: the bar, its score and band letter
    columns: int
    changes: int  # how many change columns
    sparks: int

    def fixed(self) -> int:
        """Every cell of a line but the label's."""
        changes = self.changes * (CHANGE_WIDTH + 1)
        return 1 + self.columns * (self.slot + 1) + changes + self.sparks


def _changes_of(picture: Picture) -> int:
    return max(len(picture.columns) - 1, 0) if not picture.compared else 1


def layout_for(picture: Picture, width: int, lang: str) -> Layout:
    """Widths that fit `width`: the label first up to `GOOD_LABEL`, then the bars up to
    one cell a point, then the rest of the label."""
    count = len(picture.columns)
    marks = [m for d in picture.domains for m in d.marks]
    span = max((m.scale_max - m.scale_min for m in marks), default=10)
    longest = max((len(d.domain.label(lang)) for d in picture.domains), default=MIN_LABEL)
    skipped = len(tr("kompassi.picture.skipped", lang))
    sparks = min(max((len(d.series) for d in picture.domains), default=0), MAX_SPARKS)

    def make(bar: int, label: int) -> Layout:
        slot = max(bar + 5, DATE_WIDTH, skipped)
        return Layout(label, slot - 5, slot, count, _changes_of(picture), sparks)

    bar = MIN_BAR
    want = min(longest, GOOD_LABEL)
    while bar < span and width - make(bar + 1, 0).fixed() >= want:
        bar += 1
    label = max(min(longest, width - make(bar, 0).fixed()), MIN_LABEL)
    return make(bar, label)


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def _slot(mark: Mark, layout: Layout, lang: str) -> Content:
    if mark.state == "skipped":
        word = tr("kompassi.picture.skipped", lang)
        return Content.styled(word.ljust(layout.slot), "italic $text-muted")
    if mark.score is None or mark.band is None:
        return Content(" " * (layout.slot - 3) + NOT_ANSWERED.rjust(2) + " ")
    cells = round((mark.share or 0.0) * layout.bar)
    style = band_style(mark)
    return Content.assemble(
        (band_glyph(mark) * cells, style),
        " " * (layout.bar - cells + 1),
        (f"{mark.score:>2}", "bold"),
        " ",
        (band_letter(mark.band, lang), style),
    )


def _kind(column: Column, lang: str) -> str:
    return tr(f"kompassi.picture.kind.{column.reading.kind}", lang)


def _header(picture: Picture, layout: Layout, lang: str) -> list[Content]:
    kinds = " ".join(_fit(_kind(c, lang), layout.slot).ljust(layout.slot) for c in picture.columns)
    dates = " ".join(format_date(c.reading.filled_on).ljust(layout.slot) for c in picture.columns)
    pad = " " * (layout.label + 1)
    change = tr("kompassi.picture.change", lang)
    if picture.compared:
        refs = [""]
    else:
        refs = [
            tr("kompassi.picture.since_start", lang),
            tr("kompassi.picture.since_previous", lang),
        ]
    refs = refs[: layout.changes]
    # The heading may run on over the sparkline's column, which has none of its own.
    room = layout.changes * (CHANGE_WIDTH + 1) + layout.sparks
    top = _fit(change, room) if layout.changes else ""
    under = " ".join(_fit(r, CHANGE_WIDTH).ljust(CHANGE_WIDTH) for r in refs)
    return [
        Content.styled(f"{pad}{kinds} {top}".rstrip(), "bold"),
        Content.styled(f"{pad}{dates} {under}".rstrip(), "$text-muted"),
    ]


def _changes(facts: DomainPicture, layout: Layout) -> list[int | None]:
    return [facts.change, facts.recent_change][: layout.changes]


def _domain_line(facts: DomainPicture, layout: Layout, lang: str) -> Content:
    label = _fit(facts.domain.label(lang), layout.label).ljust(layout.label)
    parts: list[Content | str] = [label, " "]
    for mark in facts.marks:
        parts += [_slot(mark, layout, lang), " "]
    for change in _changes(facts, layout):
        parts += [Content.styled(change_text(change).ljust(CHANGE_WIDTH), "bold"), " "]
    shown = facts.series[-layout.sparks :] if layout.sparks else ()
    parts += [Content.assemble(*((spark(m), band_style(m)) for m in shown))]
    return Content.assemble(*parts).rstrip()


def _legend(picture: Picture, lang: str) -> Content:
    seen: dict[tuple[int, str], Mark] = {}
    for mark in (m for d in picture.domains for m in (*d.marks, *d.series)):
        if mark.band is not None:
            seen.setdefault((mark.band.score_from, mark.band.label(lang)), mark)
    parts: list[Content | str] = []
    for _, mark in sorted(seen.items()):
        band = mark.band
        assert band is not None
        text = tr("kompassi.picture.legend_band", lang, letter=band_letter(band, lang),
                  band=band.label(lang), low=band.score_from, high=band.score_to)  # fmt: skip
        parts += [(band_glyph(mark), band_style(mark)), " ", text, "  "]
    return Content.assemble(*parts).rstrip()


def picture_lines(picture: Picture, width: int, lang: str) -> list[Content]:
    """The picture at `width` cells: two heading lines, a line per domain, the legend."""
    if picture.empty:
        return [Content(tr("kompassi.picture.empty", lang))]
    layout = layout_for(picture, width, lang)
    lines = _header(picture, layout, lang)
    lines += [_domain_line(facts, layout, lang) for facts in picture.domains]
    lines.append(_legend(picture, lang))
    return lines


def _answer_text(mark: Mark, lang: str) -> str:
    if mark.state == "skipped":
        return tr("kompassi.picture.skipped", lang)
    if mark.score is None or mark.band is None:
        return tr("kompassi.picture.not_answered", lang)
    return tr("kompassi.picture.text.score", lang, score=mark.score, band=mark.band.label(lang))


def _change_sentence(key: str, change: int | None, lang: str) -> str:
    shown = tr("kompassi.picture.text.no_change", lang) if change is None else change_text(change)
    return tr(key, lang, change=shown)


def text_lines(picture: Picture, lang: str) -> list[str]:
    """The same facts as sentences, one per domain, for a screen reader or a narrow
    terminal: each shown reading's answer, the changes and all readings' scores."""
    if picture.empty:
        return [tr("kompassi.picture.empty", lang)]
    lines: list[str] = []
    if picture.compared:
        left, right = (
            f"{tr(f'kompassi.picture.kind_long.{c.reading.kind}', lang)} "
            f"{format_date(c.reading.filled_on)}"
            for c in picture.columns
        )
        lines.append(tr("kompassi.picture.compared", lang, left=left, right=right))
    for facts in picture.domains:
        readings = [
            tr("kompassi.picture.text.reading", lang,
               kind=tr(f"kompassi.picture.kind_long.{column.reading.kind}", lang),
               date=format_date(column.reading.filled_on), answer=_answer_text(mark, lang))
            for column, mark in zip(picture.columns, facts.marks, strict=True)
        ]  # fmt: skip
        changes: list[str] = []
        if picture.compared:
            changes.append(_change_sentence("kompassi.picture.text.change", facts.change, lang))
        elif len(facts.marks) > 1:
            key = "kompassi.picture.text.since_start"
            changes.append(_change_sentence(key, facts.change, lang))
            if len(facts.marks) > 2:
                key = "kompassi.picture.text.since_previous"
                changes.append(_change_sentence(key, facts.recent_change, lang))
        scores = ", ".join(
            str(m.score) if m.score is not None else _answer_text(m, lang) for m in facts.series
        )
        series = tr("kompassi.picture.text.series", lang, scores=scores)
        sentence = "; ".join([", ".join(readings), *changes, series])
        lines.append(f"{facts.domain.label(lang)}: {sentence}.")
    return lines
