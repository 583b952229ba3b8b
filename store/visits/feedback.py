"""The visitor's 0–10 answer after a visit: anonymous by default, NPS per site and day."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

from datetime import date

from store.core.audit import log_event
from store.core.context import Context
from store.core.db import write_transaction
from store.core.models import Staff
from store.core.rows import insert_row, update_row
from store.core.settings import FEEDBACK_LINKED, Settings
from store.visits.models import Visit
from store.visits.rules import NpsResult, nps_of


class FeedbackBox:
    """The feedback answers; reached as `Store.feedback`."""

    def __init__(self, ctx: Context, settings: Settings) -> None:
        self.ctx = ctx
        self.settings = settings

    def is_linked(self) -> bool:
        """Whether answers are kept with their visit (setting feedback.link_to_visit)."""
        return bool(self.settings.get(FEEDBACK_LINKED))

    def record(self, actor: Staff, visit: Visit, score: int, *, told_linked: bool = False) -> None:
        """Store a visitor's 0–10 answer.

        Always as an anonymous `feedback` row: no client, no visit, the day only. Not
        written to the access log, since a log row naming the staff member and the minute
        would link the answer back to the visit. The score is also kept on the visit, and
        that change logged like any other, only if the visitor was told so before
        answering (`told_linked`) and feedback is still linked now: a setting changed
        while the question was on screen never links an answer given as anonymous.
        """
        if not 0 <= score <= 10:
            raise ValueError("score must be 0–10")
        stamp = f"{visit.visit_date.isoformat()}T00:00:00.000Z"  # the day, not the time
        with write_transaction(self.ctx.db):
            answer = {
                "site_id": visit.site_id,
                "visit_date": visit.visit_date.isoformat(),
                "channel": visit.channel,
                "reason_codes": " ".join(visit.reason_codes),
                "score": score,
            }
            insert_row(self.ctx, "feedback", answer, by=None, at=stamp)
            if told_linked and self.is_linked():
                now = self.ctx.now_iso()
                update_row(
                    self.ctx, "visit", visit.id, {"feedback_score": score}, by=actor.id, at=now
                )
                log_event(
                    self.ctx,
                    at=now,
                    staff_id=actor.id,
                    action="update",
                    entity="visit",
                    entity_id=visit.id,
                    client_id=visit.client_id,
                    purpose="feedback",
                )

    def nps(self, site_id: str, day: date | None = None) -> NpsResult:
        day = day or self.ctx.today()
        rows = self.ctx.db.execute(
            "SELECT score FROM feedback WHERE site_id = ? AND visit_date = ?"
            " AND deleted_at IS NULL",
            [site_id, day.isoformat()],
        ).fetchall()
        return nps_of([score for (score,) in rows])
