"""The facts of a client's Kompassi picture, per domain (no I/O): each shown reading's
answer and band, the change between them, and every reading's score for a sparkline.

Readings of different instrument versions are compared domain by domain, by domain code;
a reading's band is read from that reading's own instrument. A skipped domain is never a
zero: it has no score, so no change is computed from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from store.kompassi.models import Answer, Band, Domain, Instrument, KompassiView, Reading

MarkState = Literal["score", "skipped", "missing"]
# What a shown column is: the default picture's three, or a chosen pair.
Role = Literal["baseline", "previous", "latest", "left", "right"]


@dataclass(frozen=True)
class Mark:
    """One reading's answer to one domain. `missing`: not answered, or the reading's
    instrument had no such domain."""

    reading_id: str
    filled_on: date
    score: int | None
    skipped: bool
    band: Band | None  # the band of `score` in the reading's own instrument
    band_rank: int  # 0 for the lowest band; -1 with no band
    band_count: int  # how many bands the reading's instrument has
    scale_min: int
    scale_max: int

    @property
    def state(self) -> MarkState:
        if self.score is not None:
            return "score"
        return "skipped" if self.skipped else "missing"

    @property
    def share(self) -> float | None:
        """Where the score sits on the reading's scale, 0.0 to 1.0 (for bars and sparks)."""
        if self.score is None:
            return None
        span = self.scale_max - self.scale_min
        return 0.0 if span <= 0 else (self.score - self.scale_min) / span


@dataclass(frozen=True)
class Column:
    """A reading shown as a column of bars, and what it is in this picture."""

    role: Role
    reading: Reading


@dataclass(frozen=True)
class DomainPicture:
    code: str
    domain: Domain  # labels from the newest instrument that has the domain
    marks: tuple[Mark, ...]  # one per column of the picture, in the same order
    series: tuple[Mark, ...]  # every finished reading, oldest first

    @property
    def change(self) -> int | None:
        """The last column's score minus the first's (latest − baseline, right − left)."""
        return change_between(self.marks[0], self.marks[-1]) if len(self.marks) > 1 else None

    @property
    def recent_change(self) -> int | None:
        """Latest − previous, when the picture shows a previous reading apart from the
        baseline; None otherwise."""
        return change_between(self.marks[-2], self.marks[-1]) if len(self.marks) > 2 else None


@dataclass(frozen=True)
class Picture:
    columns: tuple[Column, ...]  # oldest first for the default picture
    domains: tuple[DomainPicture, ...]
    compared: bool  # two readings chosen by the user, not the default

    @property
    def empty(self) -> bool:
        return not self.columns


def change_between(before: Mark, after: Mark) -> int | None:
    """`after` − `before`, or None when either has no score (skipped or not answered)."""
    if before.score is None or after.score is None:
        return None
    return after.score - before.score


def mark_of(reading: Reading, instrument: Instrument, domain_code: str) -> Mark:
    answer = reading.answer(domain_code) if instrument.domain(domain_code) else None
    score = None if answer is None else answer.score
    skipped = answer is not None and answer.skipped and score is None
    band = None if score is None else instrument.band_of(score)
    rank = -1 if band is None else instrument.bands.index(band)
    return Mark(
        reading.id,
        reading.filled_on,
        score,
        skipped,
        band,
        rank,
        len(instrument.bands),
        instrument.scale_min,
        instrument.scale_max,
    )


def domains_of(view: KompassiView) -> tuple[Domain, ...]:
    """The current instrument's domains in order, then any domain only older versions
    (those the readings used) had, each labelled by the newest version that has it."""
    shown: dict[str, Domain] = {d.code: d for d in view.current.domains}
    for instrument in sorted(view.instruments.values(), key=lambda i: -i.version):
        for domain in instrument.domains:
            shown.setdefault(domain.code, domain)
    return tuple(shown.values())


def _picture(view: KompassiView, columns: tuple[Column, ...], compared: bool) -> Picture:
    domains: list[DomainPicture] = []
    for domain in domains_of(view):
        series = tuple(mark_of(r, view.instrument_of(r), domain.code) for r in view.readings)
        marks = tuple(
            mark_of(c.reading, view.instrument_of(c.reading), domain.code) for c in columns
        )
        domains.append(DomainPicture(domain.code, domain, marks, series))
    return Picture(columns, tuple(domains), compared)


def picture_of(view: KompassiView) -> Picture:
    """The default picture: the baseline, the previous and the latest finished reading
    (each once: with two readings the previous is the baseline)."""
    readings = view.readings
    if not readings:
        return Picture((), (), compared=False)
    columns = [Column("baseline", readings[0])]
    if len(readings) > 2:
        columns.append(Column("previous", readings[-2]))
    if len(readings) > 1:
        columns.append(Column("latest", readings[-1]))
    return _picture(view, tuple(columns), compared=False)


def comparison_of(view: KompassiView, left_id: str, right_id: str) -> Picture:
    """Two chosen finished readings side by side; the change is right − left. Raises
    `LookupError` for an id that is not one of the view's finished readings."""
    by_id = {r.id: r for r in view.readings}
    if left_id not in by_id or right_id not in by_id:
        raise LookupError(left_id if left_id not in by_id else right_id)
    columns = (Column("left", by_id[left_id]), Column("right", by_id[right_id]))
    return _picture(view, columns, compared=True)


def lowest_domains(reading: Reading, n: int) -> tuple[Answer, ...]:
    """The `n` lowest-scored answers of `reading`, lowest first; ties keep the
    instrument's domain order. Skipped and unanswered domains never count as low."""
    scored = [a for a in reading.answers if a.score is not None]
    scored.sort(key=lambda a: a.score if a.score is not None else 0)  # stable: domain order
    return tuple(scored[: max(n, 0)])
