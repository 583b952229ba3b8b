"""The 0–10 scale as the client reads it: every score in a row with the chosen one marked,
and the band words with their ranges (the chosen band marked by a symbol, not by colour)."""

from __future__ import annotations

from rich.text import Text

from store.kompassi.models import Instrument


def scale_row(instrument: Instrument, chosen: int | None, cell: int) -> Text:
    """`0  1  2 … 10`, each centred in `cell` columns; the chosen score in brackets."""
    row = Text()
    for score in range(instrument.scale_min, instrument.scale_max + 1):
        if score == chosen:
            row.append(f"[{score}]".center(cell), style="bold reverse")
        else:
            row.append(str(score).center(cell))
    return row


def band_legend(instrument: Instrument, chosen: int | None, lang: str) -> Text:
    """`0–5 Difficult · 6–7 Fair · 8–10 Good`; the chosen score's band after a ▸."""
    legend = Text()
    for n, band in enumerate(instrument.bands):
        if n:
            legend.append("  ·  ")
        marked = chosen is not None and band.holds(chosen)
        words = f"{band.score_from}–{band.score_to} {band.label(lang)}"
        legend.append(f"▸ {words}" if marked else words, style="bold" if marked else "")
    return legend


def band_word(instrument: Instrument, chosen: int | None, lang: str) -> str:
    """The band word of the chosen score ("Fair"), or nothing for no score."""
    band = None if chosen is None else instrument.band_of(chosen)
    return band.label(lang) if band else ""
