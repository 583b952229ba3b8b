"""Reading a client's Kompassi readings and their answers back into records."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false, reportUnknownArgumentType=false
from __future__ import annotations

from datetime import date

from store.core.context import Context
from store.core.schema_kompassi import FILL_SCORES
from store.kompassi.instruments import InstrumentCatalog
from store.kompassi.models import Answer, Reading

READING_SELECT = (
    "SELECT id, client_id, instrument_id, kind, mode, filled_on, status, coach_id,"
    " started_at, finished_at FROM kompassi_reading WHERE deleted_at IS NULL"
)
ANSWER_COLUMNS = ("score", "skipped", "comment", "goal", "coach_score", "coach_comment")


def answer_from(row: tuple[object, ...]) -> Answer:
    """An answer from `domain_code` and the `ANSWER_COLUMNS`, in that order."""
    code, score, skipped, comment, goal, coach_score, coach_comment = row
    return Answer(
        str(code),
        score,  # type: ignore[arg-type]
        bool(skipped),
        comment,  # type: ignore[arg-type]
        goal,  # type: ignore[arg-type]
        coach_score,  # type: ignore[arg-type]
        coach_comment,  # type: ignore[arg-type]
    )


def reading_from(row: tuple[object, ...], answers: tuple[Answer, ...]) -> Reading:
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


def readings_of(ctx: Context, instruments: InstrumentCatalog, client_id: str) -> list[Reading]:
    """The client's readings, drafts included, oldest first; answers in their instrument's
    domain order. Two queries, whatever the number of readings."""
    rows = ctx.db.execute(
        READING_SELECT + " AND client_id = ? ORDER BY filled_on, started_at", [client_id]
    ).fetchall()
    if not rows:
        return []
    ids = [row[0] for row in rows]
    by_reading: dict[str, list[Answer]] = {str(i): [] for i in ids}
    marks = ", ".join("?" * len(ids))
    for reading_id, *answer in ctx.db.execute(
        "SELECT reading_id, domain_code, " + ", ".join(ANSWER_COLUMNS) + " FROM kompassi_answer"
        f" WHERE reading_id IN ({marks}) AND deleted_at IS NULL",
        ids,
    ).fetchall():
        by_reading[str(reading_id)].append(answer_from(tuple(answer)))
    readings: list[Reading] = []
    for row in rows:
        instrument = instruments.get(str(row[2]))
        order = {d.code: d.sort_order for d in instrument.domains}
        answers = sorted(by_reading[str(row[0])], key=lambda a: order.get(a.domain_code, 999))
        readings.append(reading_from(row, tuple(answers)))
    return readings


def fill_scores(ctx: Context, *, reading_id: str | None = None) -> None:
    """Write the scores text (see `FILL_SCORES`) of one finished reading, or of every
    finished reading without one (readings written in bulk: the sample, the bench)."""
    if reading_id is None:
        ctx.db.execute(FILL_SCORES.format(where="scores IS NULL"))
    else:
        ctx.db.execute(FILL_SCORES.format(where="id = ?"), [reading_id])


def parse_scores(text: str) -> dict[str, int]:
    """A reading's scores text as {domain code: score}."""
    return {code: int(score) for code, _, score in (p.partition("=") for p in text.split(";") if p)}
