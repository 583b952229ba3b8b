"""A reading's details and one answer, checked: what is refused is an error at its field."""

from __future__ import annotations

from datetime import date

from store.clients.validation import FieldError, ValidationError
from store.core.dates import format_date
from store.kompassi.models import READING_KINDS, READING_MODES, Instrument, ReadingKind, ReadingMode

COMMENT_MAX_LENGTH = 500


def _fail(field: str, key: str, **params: object) -> ValidationError:
    return ValidationError([FieldError(field, key, params)])


def check_details(
    baseline_day: date | None,
    kind: ReadingKind | None,
    mode: ReadingMode,
    filled_on: date | None,
    today: date,
) -> tuple[ReadingKind, ReadingMode, date]:
    """A reading's kind (default: baseline for a client's first reading, follow-up after
    the baseline filled in on `baseline_day`), mode and the day it was filled in (default
    today; never in the future, nor before the baseline for a later reading)."""
    first: ReadingKind = "baseline" if baseline_day is None else "follow_up"
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
    day = filled_on or today
    if day > today:
        raise _fail("kompassi_filled_on", "kompassi.error.future")
    if baseline_day is not None and day < baseline_day:
        raise _fail(
            "kompassi_filled_on", "kompassi.error.before_baseline", day=format_date(baseline_day)
        )
    return kind, mode, day


def check_answer(instrument: Instrument, domain_code: str, given: dict[str, object]) -> None:
    """The columns of one answer about to be written: a domain of the instrument, scores on
    its scale, a skip only where the instrument allows one."""
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
