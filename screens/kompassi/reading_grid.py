"""The grid a reading is typed into: one row a domain with the client's score, the coach's
own view and the marks of a comment, goal or note; and how the readings so far are listed."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from store.core.dates import format_date
from store.kompassi.models import Answer, Instrument, Reading

from ..shell.context import ContextMixin

Translate = Callable[..., str]

# (column key, width); the four fit an 80-column terminal with the table's padding.
GRID_COLUMNS = (("domain", 38), ("client", 14), ("coach", 14), ("marks", 5))


def score_text(score: int | None, instrument: Instrument, lang: str) -> str:
    """A score with its band's word ("3 Vaikeaa"), or "–" for none given."""
    if score is None:
        return "–"
    band = instrument.band_of(score)
    return f"{score:>2} {band.label(lang)}" if band else f"{score:>2}"


def client_text(answer: Answer | None, instrument: Instrument, lang: str, t: Translate) -> str:
    """The client's answer: skipped is said in words, never shown as 0 or left blank."""
    if answer is not None and answer.skipped:
        return t("kompassi.skipped")
    return score_text(answer.score if answer else None, instrument, lang)


def marks_text(answer: Answer | None, t: Translate) -> str:
    """The letters of what the domain carries besides scores (the legend is on screen)."""
    if answer is None:
        return ""
    marks = (
        ("kompassi.mark.comment", answer.comment),
        ("kompassi.mark.goal", answer.goal),
        ("kompassi.mark.coach_comment", answer.coach_comment),
    )
    return " ".join(t(key) for key, text in marks if text)


def answered_text(reading: Reading, instrument: Instrument, t: Translate) -> str:
    """How much of a reading holds answers: "7/8, 1 ohitettu"."""
    scored = sum(1 for a in reading.answers if a.score is not None)
    skipped = sum(1 for a in reading.answers if a.skipped)
    text = t("kompassi.answered", answered=scored, domains=len(instrument.domains))
    return text + (t("kompassi.answered.skipped", skipped=skipped) if skipped else "")


def reading_row(reading: Reading, instrument: Instrument, t: Translate) -> tuple[str, ...]:
    """A reading as the list of readings shows it."""
    return (
        format_date(reading.filled_on),
        t(f"kompassi.kind.{reading.kind}"),
        t(f"kompassi.mode.{reading.mode}"),
        t("kompassi.version", version=instrument.version),
        answered_text(reading, instrument, t),
    )


class ReadingGrid(ContextMixin, DataTable[str]):
    """The domains of the reading being entered; the screen sets the scores through the
    store and redraws the grid with `show`. The cursor row is the current domain."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.instrument: Instrument | None = None

    def on_mount(self) -> None:
        for key, width in GRID_COLUMNS:
            self.add_column(self.t(f"kompassi.col.{key}"), key=key, width=width)

    def show(self, instrument: Instrument, reading: Reading, coach_column: bool) -> None:
        """Draw `reading`'s answers, keeping the cursor on the domain it was on."""
        lang = self.ctx.lang
        keep = self.domain_code
        self.instrument = instrument
        self.clear()
        # The column digits go to is named as such, not only coloured.
        typing = "coach" if coach_column else "client"
        for key, _ in GRID_COLUMNS[1:3]:
            label = self.t(f"kompassi.col.{key}")
            self.columns[ColumnKey(key)].label = Text(("▶ " if key == typing else "") + label)
        for domain in instrument.domains:
            answer = reading.answer(domain.code)
            coach = score_text(answer.coach_score if answer else None, instrument, lang)
            self.add_row(
                domain.label(lang),
                client_text(answer, instrument, lang, self.t),
                coach,
                marks_text(answer, self.t),
                key=domain.code,
            )
        if keep is not None:
            self.move_cursor(row=self.get_row_index(keep), animate=False)

    @property
    def domain_code(self) -> str | None:
        """The domain the cursor is on."""
        if self.row_count == 0:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value

    def next_domain(self) -> None:
        """On to the next domain; the last one keeps the cursor."""
        if self.cursor_row < self.row_count - 1:
            self.move_cursor(row=self.cursor_row + 1, animate=False)

    def go_to(self, domain_code: str) -> None:
        self.move_cursor(row=self.get_row_index(domain_code), animate=False)
