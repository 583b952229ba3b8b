"""Frozen records of Kompassi (domain guide §3): an instrument version with its bands and
domains, a client's readings and their answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from store.clients.models import Client

ReadingKind = Literal["baseline", "follow_up", "final"]
READING_KINDS: tuple[ReadingKind, ...] = ("baseline", "follow_up", "final")
ReadingMode = Literal["screen", "paper"]
READING_MODES: tuple[ReadingMode, ...] = ("screen", "paper")
ReadingStatus = Literal["draft", "done"]
Decision = Literal["accepted", "rejected"]

# A draft left this many days is listed for the coach (never dropped).
STALE_DRAFT_DAYS = 30


def _in(lang: str, fi: str, sv: str, en: str) -> str:
    return {"sv": sv, "en": en}.get(lang, fi)


@dataclass(frozen=True)
class Band:
    code: str  # "low", "middle", "high" in the default instrument
    score_from: int
    score_to: int
    label_fi: str
    label_sv: str
    label_en: str

    def label(self, lang: str) -> str:
        return _in(lang, self.label_fi, self.label_sv, self.label_en)

    def holds(self, score: int) -> bool:
        return self.score_from <= score <= self.score_to


@dataclass(frozen=True)
class Domain:
    code: str  # the same across versions: readings are compared by it
    sort_order: int
    optional: bool
    label_fi: str
    label_sv: str
    label_en: str
    question_fi: str
    question_sv: str
    question_en: str

    def label(self, lang: str) -> str:
        return _in(lang, self.label_fi, self.label_sv, self.label_en)

    def question(self, lang: str) -> str:
        return _in(lang, self.question_fi, self.question_sv, self.question_en)


@dataclass(frozen=True)
class Instrument:
    id: str
    code: str
    version: int
    name_fi: str
    name_sv: str
    name_en: str
    scale_min: int
    scale_max: int
    skip_allowed: bool
    active: bool
    bands: tuple[Band, ...]  # low to high
    domains: tuple[Domain, ...]  # in sort order

    def name(self, lang: str) -> str:
        return _in(lang, self.name_fi, self.name_sv, self.name_en)

    def band_of(self, score: int) -> Band | None:
        return next((band for band in self.bands if band.holds(score)), None)

    def domain(self, code: str) -> Domain | None:
        return next((d for d in self.domains if d.code == code), None)


@dataclass(frozen=True)
class Answer:
    """What is recorded for one domain. Neither a score nor skipped: not yet answered."""

    domain_code: str
    score: int | None = None
    skipped: bool = False
    comment: str | None = None
    goal: str | None = None
    coach_score: int | None = None
    coach_comment: str | None = None

    @property
    def answered(self) -> bool:
        return self.score is not None or self.skipped


@dataclass(frozen=True)
class Reading:
    id: str
    client_id: str
    instrument_id: str
    kind: ReadingKind
    mode: ReadingMode
    filled_on: date
    status: ReadingStatus
    coach_id: str | None
    started_at: str  # ISO 8601 UTC
    finished_at: str | None
    answers: tuple[Answer, ...]  # in the instrument's domain order

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"

    def answer(self, domain_code: str) -> Answer | None:
        return next((a for a in self.answers if a.domain_code == domain_code), None)


@dataclass(frozen=True)
class OpenDraft:
    """A reading in progress of the coach's caseload, as their list on F3 shows it;
    `stale` when left longer than `STALE_DRAFT_DAYS`."""

    reading_id: str
    client_id: str
    first_name: str
    last_name: str
    started_at: str
    answered: int
    stale: bool


@dataclass(frozen=True)
class SuggestionRule:
    domain_code: str
    band_code: str
    service_code: str
    sort_order: int


@dataclass(frozen=True)
class Suggestion:
    """A service suggested by a low domain of a reading, and what the coach decided."""

    reading_id: str
    domain_code: str
    band_code: str
    score: int
    service_code: str
    decision: Decision | None = None
    reason: str | None = None
    step_id: str | None = None
    decided_by: str | None = None
    decided_at: str | None = None


@dataclass(frozen=True)
class KompassiView:
    """What F3 shows for a client: readings done (oldest first), the open draft, the
    instruments they used, and whether the user may enter a new one."""

    client_id: str
    readings: tuple[Reading, ...]
    draft: Reading | None
    instruments: dict[str, Instrument]  # by id: every version the readings used
    current: Instrument  # what a new reading uses
    editable: bool
    client: Client | None = None  # whose readings; None only in a view built by hand

    def instrument_of(self, reading: Reading) -> Instrument:
        return self.instruments[reading.instrument_id]
