"""Kompassi's schema (domain guide §3). Migration 0008: instruments as versioned data,
each client's readings and answers, drafts saved on every answer, and the rule table that
turns low domains into suggested services, with the coach's decisions. Migration 0009: a
finished reading's scores in one text, for the distance-travelled report."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

import uuid

from sqlite_utils import Database

from store.core.kompassi_instrument import (
    BANDS,
    DEFAULT_CODE,
    DEFAULT_NAMES,
    DEFAULT_VERSION,
    DOMAINS,
    SCALE_MAX,
    SCALE_MIN,
    SUGGESTIONS,
)
from store.core.schema import COMMON, run

STAMP = "2026-01-01T00:00:00.000Z"


def instrument_id(code: str, version: int) -> str:
    """The id every device gives instrument `code` version `version`."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"luotsi:instrument:{code}:{version}"))


def create_kompassi(db: Database) -> None:
    run(
        db,
        # A version is never edited once readings use it: a new wording is a new version.
        f"""CREATE TABLE instrument (
            id TEXT PRIMARY KEY NOT NULL,
            code TEXT NOT NULL,
            version INTEGER NOT NULL CHECK (version >= 1),
            name_fi TEXT NOT NULL,
            name_sv TEXT NOT NULL,
            name_en TEXT NOT NULL,
            scale_min INTEGER NOT NULL DEFAULT 0,
            scale_max INTEGER NOT NULL DEFAULT 10 CHECK (scale_max > scale_min),
            skip_allowed INTEGER NOT NULL DEFAULT 1 CHECK (skip_allowed IN (0, 1)),
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            {COMMON},
            UNIQUE (code, version)
        )""",
        # The scale read in bands (0–5 / 6–7 / 8–10 by default), with the words shown.
        f"""CREATE TABLE instrument_band (
            id TEXT PRIMARY KEY NOT NULL,
            instrument_id TEXT NOT NULL REFERENCES instrument(id),
            code TEXT NOT NULL,
            score_from INTEGER NOT NULL,
            score_to INTEGER NOT NULL CHECK (score_to >= score_from),
            label_fi TEXT NOT NULL,
            label_sv TEXT NOT NULL,
            label_en TEXT NOT NULL,
            {COMMON},
            UNIQUE (instrument_id, code)
        )""",
        # Domains are compared across versions by their code.
        f"""CREATE TABLE instrument_domain (
            id TEXT PRIMARY KEY NOT NULL,
            instrument_id TEXT NOT NULL REFERENCES instrument(id),
            code TEXT NOT NULL,
            sort_order INTEGER NOT NULL,
            optional INTEGER NOT NULL DEFAULT 0 CHECK (optional IN (0, 1)),
            label_fi TEXT NOT NULL,
            label_sv TEXT NOT NULL,
            label_en TEXT NOT NULL,
            question_fi TEXT NOT NULL,
            question_sv TEXT NOT NULL,
            question_en TEXT NOT NULL,
            {COMMON},
            UNIQUE (instrument_id, code)
        )""",
        # A reading: a draft until finished (one transaction); at most one draft a client.
        f"""CREATE TABLE kompassi_reading (
            id TEXT PRIMARY KEY NOT NULL,
            client_id TEXT NOT NULL REFERENCES client(id),
            instrument_id TEXT NOT NULL REFERENCES instrument(id),
            kind TEXT NOT NULL CHECK (kind IN ('baseline', 'follow_up', 'final')),
            mode TEXT NOT NULL CHECK (mode IN ('screen', 'paper')),
            filled_on TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'done')),
            coach_id TEXT REFERENCES staff(id),
            started_at TEXT NOT NULL,
            finished_at TEXT,
            {COMMON},
            CHECK ((status = 'done') = (finished_at IS NOT NULL))
        )""",
        "CREATE INDEX kompassi_reading_client ON kompassi_reading(client_id, filled_on)",
        """CREATE UNIQUE INDEX kompassi_reading_draft ON kompassi_reading(client_id)
            WHERE status = 'draft' AND deleted_at IS NULL""",
        """CREATE INDEX kompassi_reading_done ON kompassi_reading(filled_on)
            WHERE status = 'done' AND deleted_at IS NULL""",
        # One row a domain once anything is recorded for it. No row, or a row with neither
        # a score nor `skipped`, is "not yet answered"; `skipped` is the client's choice
        # not to answer. The coach's own view sits beside the client's, never averaged.
        f"""CREATE TABLE kompassi_answer (
            id TEXT PRIMARY KEY NOT NULL,
            reading_id TEXT NOT NULL REFERENCES kompassi_reading(id),
            domain_code TEXT NOT NULL,
            score INTEGER,
            skipped INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1)),
            comment TEXT,
            goal TEXT,
            coach_score INTEGER,
            coach_comment TEXT,
            {COMMON},
            UNIQUE (reading_id, domain_code),
            CHECK (NOT (skipped = 1 AND score IS NOT NULL))
        )""",
        # Domain + band → services, as data (seeded; a site may add its own rows).
        f"""CREATE TABLE kompassi_suggestion_rule (
            id TEXT PRIMARY KEY NOT NULL,
            domain_code TEXT NOT NULL,
            band_code TEXT NOT NULL,
            service_code TEXT NOT NULL,
            sort_order INTEGER NOT NULL,
            {COMMON},
            UNIQUE (domain_code, band_code, service_code)
        )""",
        # The coach's decision on one suggestion of a reading: accepted (the step it
        # became) or rejected (with an optional reason).
        f"""CREATE TABLE kompassi_suggestion (
            id TEXT PRIMARY KEY NOT NULL,
            reading_id TEXT NOT NULL REFERENCES kompassi_reading(id),
            client_id TEXT NOT NULL REFERENCES client(id),
            domain_code TEXT NOT NULL,
            service_code TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
            reason TEXT,
            step_id TEXT REFERENCES path_step(id),
            decided_by TEXT NOT NULL REFERENCES staff(id),
            decided_at TEXT NOT NULL,
            {COMMON},
            UNIQUE (reading_id, domain_code, service_code),
            CHECK ((decision = 'accepted') = (step_id IS NOT NULL))
        )""",
        "CREATE INDEX kompassi_suggestion_client ON kompassi_suggestion(client_id)",
    )
    _seed(db)


def _seed(db: Database) -> None:
    instrument = instrument_id(DEFAULT_CODE, DEFAULT_VERSION)
    fi, sv, en = DEFAULT_NAMES
    db.execute(
        "INSERT INTO instrument (id, code, version, name_fi, name_sv, name_en, scale_min,"
        " scale_max, skip_allowed, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
        [instrument, DEFAULT_CODE, DEFAULT_VERSION, fi, sv, en, SCALE_MIN, SCALE_MAX, STAMP, STAMP],
    )
    for code, low, high, label_fi, label_sv, label_en in BANDS:
        db.execute(
            "INSERT INTO instrument_band (id, instrument_id, code, score_from, score_to,"
            " label_fi, label_sv, label_en, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_derived("band", instrument, code), instrument, code, low, high,
             label_fi, label_sv, label_en, STAMP, STAMP],
        )  # fmt: skip
    for order, (code, optional, *texts) in enumerate(DOMAINS, 1):
        db.execute(
            "INSERT INTO instrument_domain (id, instrument_id, code, sort_order, optional,"
            " label_fi, label_sv, label_en, question_fi, question_sv, question_en,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_derived("domain", instrument, code), instrument, code, order, int(optional),
             *texts, STAMP, STAMP],
        )  # fmt: skip
    for domain, band, services in SUGGESTIONS:
        for order, service in enumerate(services, 1):
            db.execute(
                "INSERT INTO kompassi_suggestion_rule (id, domain_code, band_code, service_code,"
                " sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [_derived("suggestion_rule", domain, band, service), domain, band, service,
                 order, STAMP, STAMP],
            )  # fmt: skip


def _derived(kind: str, *parts: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"luotsi:{kind}:{':'.join(parts)}"))


# A finished reading's scores in one text, "code=score;code=score" (skipped and unanswered
# domains left out): written as the reading is finished, after which its answers never
# change, so the distance-travelled report reads two short texts a client instead of
# every answer. `{where}` picks the readings (a condition on kompassi_reading).
FILL_SCORES = """UPDATE kompassi_reading SET scores = coalesce((
    SELECT group_concat(a.domain_code || '=' || a.score, ';') FROM kompassi_answer a
    WHERE a.reading_id = kompassi_reading.id AND a.deleted_at IS NULL AND a.score IS NOT NULL
), '') WHERE status = 'done' AND {where}"""


def add_reading_scores(db: Database) -> None:
    """Migration 0009: `kompassi_reading.scores`, filled in for the readings finished so far."""
    db.execute("ALTER TABLE kompassi_reading ADD COLUMN scores TEXT")
    db.execute(FILL_SCORES.format(where="scores IS NULL"))
