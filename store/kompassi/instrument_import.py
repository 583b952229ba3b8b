"""A site's own instrument version from a TOML or JSON file (admins): read, checked and
stored in one transaction, or nothing stored and every problem named; and what an admin
sees of the stored versions (`luotsi instrument list|show|import`).

The file format is in `store.kompassi.instrument_check`'s docstring and the README
("Instrument file"). A stored version is never rewritten: a new wording is a new version,
higher than every one stored for its code, and new readings use the version imported
last (`InstrumentCatalog.current`) while old readings keep theirs.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false
from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from store.core.audit import log_event
from store.core.auth import require
from store.core.context import Context
from store.core.db import write_transaction
from store.core.models import Staff
from store.core.rows import insert_row
from store.kompassi.instrument_check import Problem, check_instrument, in_file_order
from store.kompassi.instrument_file import read_instrument_file
from store.kompassi.instruments import InstrumentCatalog
from store.kompassi.models import Instrument

PERMISSION = "instrument.manage"


@dataclass(frozen=True)
class InstrumentImportReport:
    file_name: str
    problems: tuple[Problem, ...]
    instrument: Instrument | None  # stored, or that would be in a dry run
    dry_run: bool

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def stored(self) -> bool:
        return self.ok and not self.dry_run


@dataclass(frozen=True)
class InstrumentUse:
    """A stored version as `luotsi instrument list` shows it."""

    instrument: Instrument
    readings: int  # finished and drafts
    current: bool  # what a new reading uses


def import_instrument(
    ctx: Context,
    catalog: InstrumentCatalog,
    actor: Staff,
    path: Path,
    *,
    dry_run: bool = False,
) -> InstrumentImportReport:
    """Store the instrument version in the file at `path`, or nothing if anything is wrong
    with it (every problem in the report). Raises `PermissionDenied` for anyone but an
    admin, `InstrumentFileError` for a file that cannot be read as TOML or JSON."""
    require(actor, PERMISSION)
    checked = check_instrument(read_instrument_file(path))
    instrument = checked.instrument
    version_problems = _version_problems(ctx, checked.code, checked.version)
    problems = in_file_order(checked.problems + version_problems)

    def report(problems: tuple[Problem, ...]) -> InstrumentImportReport:
        return InstrumentImportReport(path.name, problems, instrument, dry_run)

    if problems or dry_run or instrument is None:
        return report(problems)
    with write_transaction(ctx.db):
        # Again under the write lock: another admin may have imported it meanwhile.
        if problems := _version_problems(ctx, instrument.code, instrument.version):
            return report(problems)
        _insert(ctx, actor, instrument, path.name)
    catalog.refresh()
    return report(())


def _version_problems(ctx: Context, code: str | None, version: int | None) -> tuple[Problem, ...]:
    """An existing version is never rewritten, and versions only go up: the version
    imported last is what new readings use."""
    if code is None or version is None:
        return ()
    newest = ctx.db.execute(
        "SELECT max(version) FROM instrument WHERE code = ?", [code]
    ).fetchone()[0]
    if newest is None or version > newest:
        return ()
    params = {"code": code, "version": version, "next": newest + 1}
    stored = ctx.db.execute(
        "SELECT 1 FROM instrument WHERE code = ? AND version = ?", [code, version]
    ).fetchone()
    if stored:
        return (Problem("version", "instrument.error.version_stored", params),)
    return (Problem("version", "instrument.error.version_lower", params | {"newest": newest}),)


def _derived_id(kind: str, instrument: Instrument, code: str) -> str:
    """The id every device gives a band or domain of an instrument version (as migration
    0008 derives the seeded ones), so two devices importing one file agree."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"luotsi:{kind}:{instrument.id}:{code}"))


def _insert(ctx: Context, actor: Staff, instrument: Instrument, file_name: str) -> None:
    at = ctx.now_iso()
    names = {"name_fi": instrument.name_fi, "name_sv": instrument.name_sv}
    values: dict[str, object] = {"code": instrument.code, "version": instrument.version}
    values |= names | {"name_en": instrument.name_en, "scale_min": instrument.scale_min}
    values |= {"scale_max": instrument.scale_max, "skip_allowed": int(instrument.skip_allowed)}
    values |= {"active": 1}
    insert_row(ctx, "instrument", values, by=actor.id, at=at, row_id=instrument.id)
    for band in instrument.bands:
        insert_row(
            ctx,
            "instrument_band",
            {
                "instrument_id": instrument.id,
                "code": band.code,
                "score_from": band.score_from,
                "score_to": band.score_to,
                "label_fi": band.label_fi,
                "label_sv": band.label_sv,
                "label_en": band.label_en,
            },
            by=actor.id,
            at=at,
            row_id=_derived_id("band", instrument, band.code),
        )
    for domain in instrument.domains:
        insert_row(
            ctx,
            "instrument_domain",
            {
                "instrument_id": instrument.id,
                "code": domain.code,
                "sort_order": domain.sort_order,
                "optional": int(domain.optional),
                "label_fi": domain.label_fi,
                "label_sv": domain.label_sv,
                "label_en": domain.label_en,
                "question_fi": domain.question_fi,
                "question_sv": domain.question_sv,
                "question_en": domain.question_en,
            },
            by=actor.id,
            at=at,
            row_id=_derived_id("domain", instrument, domain.code),
        )
    log_event(
        ctx,
        staff_id=actor.id,
        action="create",
        entity="instrument",
        entity_id=instrument.id,
        purpose=f"import {file_name}: {instrument.code} {instrument.version}",
        at=at,
    )


def instrument_uses(ctx: Context, catalog: InstrumentCatalog, actor: Staff) -> list[InstrumentUse]:
    """Every stored version (by code and version), how many readings use it and whether
    new readings do (admins)."""
    require(actor, PERMISSION)
    counts = dict(
        ctx.db.execute(
            "SELECT instrument_id, count(*) FROM kompassi_reading WHERE deleted_at IS NULL"
            " GROUP BY instrument_id"
        ).fetchall()
    )
    current = catalog.current().id
    return [
        InstrumentUse(instrument, int(counts.get(instrument.id, 0)), instrument.id == current)
        for instrument in catalog.all()
    ]


def instrument_to_show(
    catalog: InstrumentCatalog, actor: Staff, code: str, version: int | None = None
) -> Instrument | None:
    """Version `version` of instrument `code`, or its newest when no version is given;
    None if there is no such version (admins)."""
    require(actor, PERMISSION)
    if version is not None:
        return catalog.find(code, version)
    versions = [instrument for instrument in catalog.all() if instrument.code == code]
    return versions[-1] if versions else None
