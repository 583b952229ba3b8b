"""Reviews due (`Store.reviews`): for each client of a coach, when the initial interview
and the next job-search discussion are due, from the dated rules of the client process
(domain guide §2; `process_rule` rows, never literals in code).

PLACEHOLDER: the `reviews` helper implements `due`; the shape below is the interface the
day sheet and the screens use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from store.core.context import Context
from store.core.models import Staff

ReviewKind = Literal["initial_interview", "job_search", "supplementary"]


@dataclass(frozen=True)
class ReviewDue:
    client_id: str
    client_name: str  # "Last First"
    kind: ReviewKind  # the appointment kind that satisfies it
    due: date
    last_done: date | None  # the previous satisfying appointment, if any
    booked: date | None  # a booked appointment of the right kind on or before `due`, if any

    def overdue(self, today: date) -> bool:
        return self.due < today and self.booked is None


class Reviews:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def due(self, actor: Staff, coach_id: str, *, within_days: int = 14) -> list[ReviewDue]:
        """The coach's clients' reviews that are overdue or due within `within_days`, the
        earliest first."""
        return []
