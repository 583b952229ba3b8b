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

from store.clients.repository import fetch_client
from store.clients.validation import check_text
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
    STALE_DRAFT_DAYS,
    Answer,
    KompassiView,
    OpenDraft,
    Reading,
    ReadingKind,
    ReadingMode,
)
from store.kompassi.records import (
    ANSWER_COLUMNS,
    READING_SELECT,
    answer_from,
    fill_scores,
    readings_of,
)
from store.kompassi.validation import COMMENT_MAX_LENGTH, check_answer, check_details

_VIEW = "kompassi.view"  # a permission (store/core/auth.py), not a text


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
        client = fetch_client(self.ctx, client_id)
        return KompassiView(client_id, done, draft, instruments, current, True, client)

    def _readings(self, client_id: str) -> list[Reading]:
        return readings_of(self.ctx, self.instruments, client_id)

    def reading(self, reading_id: str) -> Reading:
        row = self.ctx.db.execute(READING_SELECT + " AND id = ?", [reading_id]).fetchone()
        if row is None:
            raise LookupError(reading_id)
        client_id = str(row[1])
        return next(r for r in self._readings(client_id) if r.id == reading_id)

    def next_kind(self, client_id: str) -> ReadingKind:
        """Baseline for a client's first reading, follow-up after that."""
        return "baseline" if self._baseline_day(client_id) is None else "follow_up"

    def _baseline_day(self, client_id: str) -> date | None:
        """The day the client's first finished reading was filled in, if there is one."""
        row = self.ctx.db.execute(
            "SELECT min(filled_on) FROM kompassi_reading WHERE client_id = ? AND status = 'done'"
            " AND deleted_at IS NULL",
            [client_id],
        ).fetchone()
        return None if row[0] is None else date.fromisoformat(row[0])

    def open_drafts(self, actor: Staff) -> list[OpenDraft]:
        """The coach's caseload's readings in progress, oldest first; those started more
        than `STALE_DRAFT_DAYS` ago are `stale` (listed, never dropped by themselves)."""
        cutoff = to_iso(self.ctx.clock.now() - timedelta(days=STALE_DRAFT_DAYS))
        rows = self.ctx.db.execute(
            "SELECT r.id, r.client_id, c.first_name, c.last_name, r.started_at,"
            " (SELECT count(*) FROM kompassi_answer a WHERE a.reading_id = r.id"
            "  AND a.deleted_at IS NULL AND (a.score IS NOT NULL OR a.skipped = 1)),"
            " r.started_at < ?"
            " FROM kompassi_reading r JOIN client c ON c.id = r.client_id"
            " WHERE r.status = 'draft' AND r.deleted_at IS NULL AND c.deleted_at IS NULL"
            " AND c.coach_id = ? ORDER BY r.started_at",
            [cutoff, actor.id],
        ).fetchall()
        return [OpenDraft(*row[:-1], stale=bool(row[-1])) for row in rows]

    def stale_drafts(self, actor: Staff) -> list[OpenDraft]:
        """The coach's drafts started more than `STALE_DRAFT_DAYS` ago."""
        return [draft for draft in self.open_drafts(actor) if draft.stale]

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
            kind, mode, day = check_details(
                self._baseline_day(client_id), kind, mode, filled_on, self.ctx.today()
            )
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
            kind, mode, day = check_details(
                self._baseline_day(reading.client_id), kind, mode, filled_on, self.ctx.today()
            )
            update_row(
                self.ctx,
                "kompassi_reading",
                reading_id,
                {"kind": kind, "mode": mode, "filled_on": day.isoformat()},
                by=actor.id,
            )
        return self.reading(reading_id)

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
            check_answer(instrument, domain_code, given)
            upsert_row(
                self.ctx,
                "kompassi_answer",
                {"reading_id": reading_id, "domain_code": domain_code},
                given,
                by=actor.id,
            )
            row = self.ctx.db.execute(
                "SELECT domain_code, " + ", ".join(ANSWER_COLUMNS) + " FROM kompassi_answer"
                " WHERE reading_id = ? AND domain_code = ?",
                [reading_id, domain_code],
            ).fetchone()
        return answer_from(row)

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
            fill_scores(self.ctx, reading_id=reading_id)
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
