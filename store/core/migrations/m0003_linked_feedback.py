"""Migration 0003: feedback linked to its visit."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

from sqlite_utils import Database

from store.core.migrations.registry import migrations
from store.core.schema import run


@migrations(name="0003_linked_feedback")
def m0003_linked_feedback(db: Database) -> None:
    # Only filled while the setting feedback.link_to_visit is on; the anonymous
    # `feedback` row is written either way, so NPS always counts every answer once.
    run(
        db,
        "ALTER TABLE visit ADD COLUMN feedback_score INTEGER"
        " CHECK (feedback_score BETWEEN 0 AND 10)",
    )
