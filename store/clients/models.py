"""Frozen records of the client register; never raw rows or cursors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from store.clients import rules

SERVICE_LANGUAGES = ("fi", "sv", "en", "other")
# Mother tongues offered on the client card (ISO 639-1 where one exists); the common
# languages of Finnish employment-service clients, "other" for the rest.
MOTHER_TONGUES = (
    "fi",
    "sv",
    "se",
    "ru",
    "et",
    "ar",
    "so",
    "en",
    "fa",
    "ku",
    "uk",
    "zh",
    "vi",
    "th",
    "tr",
    "sq",
    "es",
    "fr",
    "de",
    "pl",
    "other",
)


@dataclass(frozen=True)
class Client:
    id: str
    hetu: str | None
    first_name: str
    last_name: str
    birth_date: date
    phone: str | None
    email: str | None
    service_language: str
    mother_tongue: str | None
    municipality: str | None
    coach_id: str | None
    jobseeker_since: date | None
    unemployed_since: date | None
    consent_notes: str | None
    created_at: str
    updated_at: str

    @property
    def full_name(self) -> str:
        return f"{self.last_name} {self.first_name}"

    def age(self, today: date) -> int:
        return rules.age_on(self.birth_date, today)

    def derived_facts(self, today: date, bands: rules.AgeBands | None = None) -> ClientFacts:
        bands = bands or rules.AgeBands()
        return ClientFacts(
            age=self.age(today),
            under_youth_age=rules.is_under(self.birth_date, bands.youth, today),
            under_young_adult_age=rules.is_under(self.birth_date, bands.young_adult, today),
            long_term_unemployed=rules.is_long_term_unemployed(self.unemployed_since, today),
            foreign_language=rules.is_foreign_language(self.mother_tongue),
        )


@dataclass(frozen=True)
class ClientFacts:
    """Facts computed from a client's data, never typed in."""

    age: int
    under_youth_age: bool
    under_young_adult_age: bool
    long_term_unemployed: bool
    foreign_language: bool


@dataclass(frozen=True)
class ClientMatch:
    """One row of a client search: only what a result list needs."""

    id: str
    first_name: str
    last_name: str
    birth_date: date
    hetu: str | None
    phone: str | None
