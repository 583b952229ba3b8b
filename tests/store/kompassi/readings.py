"""Finished Kompassi readings built through the store, as a coach would have entered them."""

from __future__ import annotations

from store.api import Store
from store.core.models import Staff
from store.kompassi.models import Reading

# Low band (0–5): työllisyys 2, talous 3, arki 5; middle (6–7): osaaminen 7; high:
# psyykkinen 9; terveys skipped; osallisuus and työkyky never answered.
LOW_AND_MIDDLE: dict[str, int | None] = {
    "talous": 3,
    "osaaminen": 7,
    "psyykkinen": 9,
    "arki": 5,
    "tyollisyys": 2,
    "terveys": None,  # skipped: the client chose not to answer
}


def finished_reading(
    store: Store, coach: Staff, client_id: str, scores: dict[str, int | None] = LOW_AND_MIDDLE
) -> Reading:
    """A reading with `scores` (None: skipped), finished."""
    draft = store.kompassi.start(coach, client_id)
    for domain, score in scores.items():
        if score is None:
            store.kompassi.answer(coach, draft.id, domain, skipped=True)
        else:
            store.kompassi.answer(coach, draft.id, domain, score=score)
    return store.kompassi.finish(coach, draft.id)
