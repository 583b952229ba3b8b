"""A client's Kompassi readings (`Store.kompassi`): drafts saved on every answer, finishing
in one transaction, and who may see them.

The answers are health-related, special-category data: only the client's own coach
(OMA-valmentaja; a client handed to another coach goes with their readings) opens them,
reception and other coaches are refused, admins see only the aggregate report. Every open
is in the access log.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false, reportUnknownArgumentType=false
from __future__ import annotations

from datetime import date, timedelta
from typing import Final

from store.clients.validation import FieldError, ValidationError, check_text
from store.core.audit import log_event
from store.core.auth import require
from store.core.clock import to_iso
from store.core.context import Context
from store.core.db import write_transaction
from store.core.i18n import TranslatedError
from store.core.models import Staff
from store.core.rows import insert_row, update_row, upsert_row
from store.kompassi.instruments import InstrumentCatalog
from store.kompassi.models import (
    READING_KINDS,
    READING_MODES,
    STALE_DRAFT_DAYS,
    Answer,
    Instrument,
    KompassiView,
    Reading,
    ReadingKind,
    ReadingMode,
    StaleDraft,
)

_VIEW = "kompassi.view"  # a permission (store/core/auth.py), not a text
COMMENT_MAX_LENGTH = 500

_READING = (
    "SELECT id, client_id, instrument_id, kind, mode, filled_on, status, coach_id,"
    " started_at, finished_at FROM kompassi_reading WHERE deleted_at IS NULL"
)
_ANSWER_COLUMNS = ("score", "skipped", "comment", "goal", "coach_score", "coach_comment")


class _Unset:
    pass


UNSET: Final = _Unset()


class NotYourClient(TranslatedError):
    """Kompassi answers open only for the client's own coach."""

    def __init__(self) -> None:
        super().__init__("kompassi.error.not_your_client")


class DraftExists(TranslatedError):
    """A client has at most one reading in progress: the draft is continued, not doubled."""

    def __init__(self, reading_id: str) -> None:
        super().__init__("kompassi.error.draft_exists")
        self.reading_id = reading_id


class ReadingFinished(TranslatedError):
    """A finished reading is not changed."""

    def __init__(self) -> None:
        super().__init__("kompassi.error.finished")


class NothingAnswered(TranslatedError):
    """A reading with no domain answered or skipped cannot be finished."""

    def __init__(self) -> None:
        super().__init__("kompassi.error.nothing_answered")


def _fail(field: str, key: str, **params: object) -> ValidationError:
    return ValidationError([FieldError(field, key, params)])


def _reading_from(row: tuple[object, ...], answers: tuple[Answer, ...]) -> Reading:
    rid, client_id, instrument_id, kind, mode, filled_on, status, coach, started, finished = row
    return Reading(
        str(rid),
        str(client_id),
        str(instrument_id),
        kind,  # type: ignore[arg-type]
        mode,  # type: ignore[arg-type]
        date.fromisoformat(str(filled_on)),
        status,  # type: ignore[arg-type]
        None if coach is None else str(coach),
        str(started),
        None if finished is None else str(finished),
        answers,
    )


class KompassiRepository:
    """Kompassi readings; reached as `Store.kompassi`."""

    def __init__(self, ctx: Context, instruments: InstrumentCatalog) -> None:
        self.ctx = ctx
        self.instruments = instruments

    # Who may ------------------------------------------------------------------------------

    def may_open(self, actor: Staff, client_id: str) -> bool:
        """Whether `actor` opens this client's readings: their own coach only."""
        if not actor.active or actor.role != "coach":
            return False
        row = self.ctx.db.execute(
            "SELECT coach_id FROM client WHERE id = ? AND deleted_at IS NULL", [client_id]
        ).fetchone()
        return row is not None and row[0] == actor.id

    def _require(self, actor: Staff, client_id: str) -> None:
        require(actor, _VIEW)
        if not self.may_open(actor, client_id):
            raise NotYourClient()

    # Reading ------------------------------------------------------------------------------

    def open(self, actor: Staff, client_id: str) -> KompassiView:
        """The client's readings as F3 shows them; the open is in the access log. Raises
        `PermissionDenied` (reception, admin) or `NotYourClient` (another coach's client)."""
        self._require(actor, client_id)
        with write_transaction(self.ctx.db):
            view = self._view(client_id)
            log_event(
                self.ctx,
                staff_id=actor.id,
                action="view",
                entity="kompassi",
                client_id=client_id,
            )
        return view

    def view(self, actor: Staff, client_id: str) -> KompassiView:
        """The readings again after a change, for a user who has them open (not logged)."""
        self._require(actor, client_id)
        return self._view(client_id)

    def _view(self, client_id: str) -> KompassiView:
        readings = self._readings(client_id)
        done = tuple(r for r in readings if not r.is_draft)
        draft = next((r for r in readings if r.is_draft), None)
        current = self.instruments.current()
        used = {r.instrument_id for r in readings}
        instruments = {i: self.instruments.get(i) for i in used} | {current.id: current}
        return KompassiView(client_id, done, draft, instruments, current, editable=True)

    def _readings(self, client_id: str) -> list[Reading]:
        rows = self.ctx.db.execute(
            _READING + " AND client_id = ? ORDER BY filled_on, started_at", [client_id]
        ).fetchall()
        if not rows:
            return []
        ids = [row[0] for row in rows]
        by_reading: dict[str, list[Answer]] = {str(i): [] for i in ids}
        marks = ", ".join("?" * len(ids))
        for (
            reading_id,
            code,
            score,
            skipped,
            comment,
            goal,
            coach_score,
            coach_comment,
        ) in self.ctx.db.execute(
            "SELECT reading_id, domain_code, score, skipped, comment, goal, coach_score,"
            f" coach_comment FROM kompassi_answer WHERE reading_id IN ({marks})"
            " AND deleted_at IS NULL",
            ids,
        ).fetchall():
            by_reading[str(reading_id)].append(
                Answer(code, score, bool(skipped), comment, goal, coach_score, coach_comment)
            )
        readings: list[Reading] = []
        for row in rows:
            instrument = self.instruments.get(str(row[2]))
            order = {d.code: d.sort_order for d in instrument.domains}
            answers = sorted(by_reading[str(row[0])], key=lambda a: order.get(a.domain_code, 999))
            readings.append(_reading_from(row, tuple(answers)))
        return readings

    def reading(self, reading_id: str) -> Reading:
        row = self.ctx.db.execute(_READING + " AND id = ?", [reading_id]).fetchone()
        if row is None:
            raise LookupError(reading_id)
        client_id = str(row[1])
        return next(r for r in self._readings(client_id) if r.id == reading_id)

    def next_kind(self, client_id: str) -> ReadingKind:
        """Baseline for a client's first reading, follow-up after that."""
        row = self.ctx.db.execute(
            "SELECT 1 FROM kompassi_reading WHERE client_id = ? AND status = 'done'"
            " AND deleted_at IS NULL LIMIT 1",
            [client_id],
        ).fetchone()
        return "baseline" if row is None else "follow_up"

    def stale_drafts(self, actor: Staff) -> list[StaleDraft]:
        """The coach's caseload's drafts started more than `STALE_DRAFT_DAYS` ago."""
        cutoff = to_iso(self.ctx.clock.now() - timedelta(days=STALE_DRAFT_DAYS))
        rows = self.ctx.db.execute(
            "SELECT r.id, r.client_id, c.first_name, c.last_name, r.started_at,"
            " (SELECT count(*) FROM kompassi_answer a WHERE a.reading_id = r.id"
            "  AND a.deleted_at IS NULL AND (a.score IS NOT NULL OR a.skipped = 1))"
            " FROM kompassi_reading r JOIN client c ON c.id = r.client_id"
            " WHERE r.status = 'draft' AND r.deleted_at IS NULL AND c.deleted_at IS NULL"
            " AND c.coach_id = ? AND r.started_at < ? ORDER BY r.started_at",
            [actor.id, cutoff],
        ).fetchall()
        return [StaleDraft(*row) for row in rows]

    # Writing ------------------------------------------------------------------------------

    def start(
        self,
        actor: Staff,
        client_id: str,
        kind: ReadingKind | None = None,
        mode: ReadingMode = "screen",
        filled_on: date | None = None,
    ) -> Reading:
        """A new draft reading with the current instrument. Raises `DraftExists` when the
        client has one in progress, `ValidationError` for a kind, mode or date refused."""
        self._require(actor, client_id)
        instrument = self.instruments.current()
        with write_transaction(self.ctx.db):
            draft = self.ctx.db.execute(
                "SELECT id FROM kompassi_reading WHERE client_id = ? AND status = 'draft'"
                " AND deleted_at IS NULL",
                [client_id],
            ).fetchone()
            if draft is not None:
                raise DraftExists(str(draft[0]))
            kind, mode, day = self._checked(client_id, kind, mode, filled_on)
            now = self.ctx.now_iso()
            reading_id = insert_row(
                self.ctx,
                "kompassi_reading",
                {
                    "client_id": client_id,
                    "instrument_id": instrument.id,
                    "kind": kind,
                    "mode": mode,
                    "filled_on": day.isoformat(),
                    "coach_id": actor.id,
                    "started_at": now,
                },
                by=actor.id,
                at=now,
            )
            log_event(
                self.ctx,
                staff_id=actor.id,
                action="create",
                entity="kompassi_reading",
                entity_id=reading_id,
                client_id=client_id,
            )
        return self.reading(reading_id)

    def set_details(
        self,
        actor: Staff,
        reading_id: str,
        kind: ReadingKind,
        mode: ReadingMode,
        filled_on: date | None,
    ) -> Reading:
        """Change a draft's kind, mode or date (a paper form's date it was filled in)."""
        with write_transaction(self.ctx.db):
            reading = self._draft(actor, reading_id)
            kind, mode, day = self._checked(reading.client_id, kind, mode, filled_on)
            update_row(
                self.ctx,
                "kompassi_reading",
                reading_id,
                {"kind": kind, "mode": mode, "filled_on": day.isoformat()},
                by=actor.id,
            )
        return self.reading(reading_id)

    def _checked(
        self, client_id: str, kind: ReadingKind | None, mode: ReadingMode, filled_on: date | None
    ) -> tuple[ReadingKind, ReadingMode, date]:
        first = self.next_kind(client_id)
        kind = kind or first
        if kind not in READING_KINDS:
            raise _fail("kompassi_kind", "kompassi.error.kind")
        if (kind == "baseline") != (first == "baseline"):
            key = (
                "kompassi.error.baseline_first"
                if first == "baseline"
                else "kompassi.error.baseline_done"
            )
            raise _fail("kompassi_kind", key)
        if mode not in READING_MODES:
            raise _fail("kompassi_mode", "kompassi.error.mode")
        today = self.ctx.today()
        day = filled_on or today
        if day > today:
            raise _fail("kompassi_filled_on", "kompassi.error.future")
        return kind, mode, day

    def answer(
        self,
        actor: Staff,
        reading_id: str,
        domain_code: str,
        *,
        score: int | None | _Unset = UNSET,
        skipped: bool | _Unset = UNSET,
        comment: str | None | _Unset = UNSET,
        goal: str | None | _Unset = UNSET,
        coach_score: int | None | _Unset = UNSET,
        coach_comment: str | None | _Unset = UNSET,
    ) -> Answer:
        """Record one domain of a draft at once (the draft is saved on every answer): a
        score clears a skip and a skip clears the score; what is not given stays."""
        given: dict[str, object] = {}
        if not isinstance(score, _Unset):
            given["score"] = score
            if score is not None:
                given["skipped"] = 0
        if not isinstance(skipped, _Unset):
            given["skipped"] = int(skipped)
            if skipped:
                given["score"] = None
        for name, text in (("comment", comment), ("goal", goal), ("coach_comment", coach_comment)):
            if not isinstance(text, _Unset):
                cleaned = (text or "").strip()
                given[name] = check_text(cleaned, f"kompassi_{name}", COMMENT_MAX_LENGTH) or None
        if not isinstance(coach_score, _Unset):
            given["coach_score"] = coach_score
        with write_transaction(self.ctx.db):
            reading = self._draft(actor, reading_id)
            instrument = self.instruments.get(reading.instrument_id)
            self._check_answer(instrument, domain_code, given)
            upsert_row(
                self.ctx,
                "kompassi_answer",
                {"reading_id": reading_id, "domain_code": domain_code},
                given,
                by=actor.id,
            )
            row = self.ctx.db.execute(
                "SELECT domain_code, " + ", ".join(_ANSWER_COLUMNS) + " FROM kompassi_answer"
                " WHERE reading_id = ? AND domain_code = ?",
                [reading_id, domain_code],
            ).fetchone()
        code, score_, skipped_, comment_, goal_, coach_score_, coach_comment_ = row
        return Answer(code, score_, bool(skipped_), comment_, goal_, coach_score_, coach_comment_)

    @staticmethod
    def _check_answer(instrument: Instrument, domain_code: str, given: dict[str, object]) -> None:
        if instrument.domain(domain_code) is None:
            raise _fail("kompassi_domain", "kompassi.error.domain", code=domain_code)
        for name in ("score", "coach_score"):
            value = given.get(name)
            if value is not None and not (
                isinstance(value, int) and instrument.scale_min <= value <= instrument.scale_max
            ):
                raise _fail(
                    f"kompassi_{name}",
                    "kompassi.error.scale",
                    low=instrument.scale_min,
                    high=instrument.scale_max,
                )
        if given.get("skipped") and not instrument.skip_allowed:
            raise _fail("kompassi_score", "kompassi.error.no_skip")

    def finish(self, actor: Staff, reading_id: str) -> Reading:
        """Finish a draft in one transaction; raises `NothingAnswered` for an empty one."""
        with write_transaction(self.ctx.db):
            reading = self._draft(actor, reading_id)
            if not any(a.answered for a in reading.answers):
                raise NothingAnswered()
            now = self.ctx.now_iso()
            update_row(
                self.ctx,
                "kompassi_reading",
                reading_id,
                {"status": "done", "finished_at": now},
                by=actor.id,
                at=now,
            )
            log_event(
                self.ctx,
                staff_id=actor.id,
                action="update",
                entity="kompassi_reading",
                entity_id=reading_id,
                client_id=reading.client_id,
            )
        return self.reading(reading_id)

    def discard(self, actor: Staff, reading_id: str) -> None:
        """Throw a draft away (the coach chose to; nothing is dropped by itself)."""
        with write_transaction(self.ctx.db):
            reading = self._draft(actor, reading_id)
            now = self.ctx.now_iso()
            update_row(
                self.ctx, "kompassi_reading", reading_id, {"deleted_at": now}, by=actor.id, at=now
            )
            log_event(
                self.ctx,
                staff_id=actor.id,
                action="delete",
                entity="kompassi_reading",
                entity_id=reading_id,
                client_id=reading.client_id,
            )

    def _draft(self, actor: Staff, reading_id: str) -> Reading:
        reading = self.reading(reading_id)
        self._require(actor, reading.client_id)
        if not reading.is_draft:
            raise ReadingFinished()
        return reading
