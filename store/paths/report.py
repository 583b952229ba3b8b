"""Where paths lead: outcomes, time to outcome, service sequences before employment and
the employment share per service, over the paths that ended in a range (issue 11).

The report is pseudonymous: it names no client and no staff member, and every figure
resting on fewer than `SMALL_N` paths is suppressed at the source (None here, "< 5"
wherever it is shown), so no screen or file can leak a small group:

- a count under five, zero included, and the share computed from it;
- when exactly one outcome is suppressed, the smallest shown outcome too, since the total
  less the shown ones would give it away;
- the median days while fewer than five paths give one;
- a service's employment share while fewer than five of its paths ended employed or
  fewer than five did not (its path count with the share would give either away);
- sequences: only those of five paths or more are listed (the `MOST_COMMON` most common
  of them); the rest are one line "other sequences" with their combined count (itself
  suppressed under five).

"Employed" is the outcome 'employed' (Kuopio studied paths that led to work; a start-up
grant, 'self_employed', is its own outcome). A path's services are its steps in order,
cancelled ones left out; its sequence is the last `SEQUENCE_LENGTH` of them (those that
came right before the outcome), in step order (a step never begun is cancelled when its
path ends, so only what happened counts). The time to the outcome runs from the earliest
start (actual, else planned) of its steps to `ended_on`; a path of no steps, or whose
steps all start after its end, gives none. `--site` reads as the site of the client's
own coach (`client.coach_id` → `staff.site_id`), so a client with no coach is only in
the report of all sites.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false, reportUnknownArgumentType=false
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from store.core.audit import log_event
from store.core.auth import require
from store.core.context import Context
from store.core.dates import format_date
from store.core.db import write_transaction
from store.core.figures import median, percentage
from store.core.i18n import TranslatedError, in_language
from store.core.models import AuditAction, Staff
from store.paths.models import OUTCOMES, Outcome

K = TypeVar("K")
SMALL_N = 5
SUPPRESSED = "< 5"
SEQUENCE_LENGTH = 5
MOST_COMMON = 10  # sequences listed; the rest are counted together
EMPLOYED: Outcome = "employed"
ARROW = " → "
ENTITY = "paths_report"
PERMISSION = "path.report"


def suppress(n: int) -> int | None:
    """`n` as it may be shown: None (shown "< 5") when fewer than `SMALL_N`."""
    return n if n >= SMALL_N else None


def shown(value: int | float | None) -> str:
    """A suppressed figure as "< 5", any other as it is (a share to one decimal)."""
    if value is None:
        return SUPPRESSED
    return str(value).replace(".", ",") if isinstance(value, float) else str(value)


@dataclass(frozen=True)
class PathRow:
    """One ended path as the report reads it: no one's id or name."""

    outcome: Outcome
    ended_on: date
    services: tuple[str, ...]  # service codes of its steps in order, cancelled left out
    first_start: date | None  # its earliest step's start (actual, else planned)


@dataclass(frozen=True)
class OutcomeCount:
    outcome: Outcome
    count: int | None  # None: suppressed
    percent: float | None  # of all paths in the report; None with its count


@dataclass(frozen=True)
class SequenceCount:
    services: tuple[str, ...]  # service codes in step order; empty for a path of no steps
    count: int

    @property
    def text(self) -> str:
        return ARROW.join(self.services)


@dataclass(frozen=True)
class ServiceShare:
    service: str  # code
    names: tuple[str, str, str]  # fi, sv, en
    paths: int | None  # ended paths that included the service
    employed: int | None  # of those, ended employed
    percent: float | None  # employed of paths, in per cent

    def label(self, lang: str) -> str:
        return in_language(self.names, lang)


@dataclass(frozen=True)
class PathsReport:
    first_day: date
    last_day: date
    site_id: str | None
    paths: int | None  # ended in the range
    outcomes: tuple[OutcomeCount, ...]  # every outcome, in OUTCOMES order
    median_days: float | None  # from the first step's start to the outcome
    median_n: int | None  # paths that gave a time
    sequences: tuple[SequenceCount, ...]  # most common first, each of SMALL_N or more
    other_sequences: int | None  # employed paths of the sequences not listed
    employed_paths: int | None
    services: tuple[ServiceShare, ...]  # most paths first

    @property
    def empty(self) -> bool:
        return self.paths is None


def default_range(today: date) -> tuple[date, date]:
    """The last 12 months up to today: from the day after the same date a year ago."""
    try:
        year_ago = today.replace(year=today.year - 1)
    except ValueError:  # 29.2.
        year_ago = today.replace(year=today.year - 1, day=28)
    return year_ago + timedelta(days=1), today


def hidden_parts(counts: Mapping[K, int], parts: Sequence[K]) -> set[K]:
    """The parts of a whole whose counts may not be shown: those under `SMALL_N` (zero
    included), and when that is exactly one, the smallest shown part too, since the whole
    less the shown parts would give the hidden one away."""
    hidden = {part for part in parts if counts.get(part, 0) < SMALL_N}
    if len(hidden) == 1 and len(parts) > 1:
        shown_ones = sorted((p for p in parts if p not in hidden), key=lambda p: counts.get(p, 0))
        hidden.add(shown_ones[0])
    return hidden


def _outcomes(counts: Counter[Outcome], total: int) -> tuple[OutcomeCount, ...]:
    hidden = hidden_parts(counts, OUTCOMES)
    return tuple(
        OutcomeCount(o, None, None)
        if o in hidden
        else OutcomeCount(o, counts[o], percentage(counts[o], total))
        for o in OUTCOMES
    )


def _service_share(
    code: str, names: tuple[str, str, str], paths: int, employed: int
) -> ServiceShare:
    share_safe = employed >= SMALL_N and paths - employed >= SMALL_N
    return ServiceShare(
        code,
        names,
        suppress(paths),
        suppress(employed),
        percentage(employed, paths) if share_safe else None,
    )


def build_report(
    rows: Iterable[PathRow],
    first_day: date,
    last_day: date,
    site_id: str | None = None,
    names: Mapping[str, tuple[str, str, str]] | None = None,
) -> PathsReport:
    """The report of `rows` (paths that ended in the range), suppressed as the module says;
    `names` are the services' names (fi, sv, en) by code, the code itself where missing."""
    names = names or {}
    outcomes: Counter[Outcome] = Counter()
    days: list[int] = []
    sequences: Counter[tuple[str, ...]] = Counter()
    included: Counter[str] = Counter()
    employed_with: Counter[str] = Counter()
    total = 0
    for row in rows:
        total += 1
        outcomes[row.outcome] += 1
        if row.first_start is not None and row.first_start <= row.ended_on:
            days.append((row.ended_on - row.first_start).days)
        distinct = set(row.services)
        included.update(distinct)
        if row.outcome == EMPLOYED:
            sequences[row.services[-SEQUENCE_LENGTH:]] += 1
            employed_with.update(distinct)
    listed = sorted(
        (SequenceCount(s, n) for s, n in sequences.items() if n >= SMALL_N),
        key=lambda item: (-item.count, item.services),
    )[:MOST_COMMON]
    employed = outcomes[EMPLOYED]
    others = employed - sum(item.count for item in listed)
    return PathsReport(
        first_day=first_day,
        last_day=last_day,
        site_id=site_id,
        paths=suppress(total),
        outcomes=_outcomes(outcomes, total),
        median_days=median(days) if len(days) >= SMALL_N else None,
        median_n=suppress(len(days)),
        sequences=tuple(listed),
        other_sequences=suppress(others),
        employed_paths=suppress(employed),
        services=tuple(
            _service_share(code, names.get(code, (code, code, code)), n, employed_with[code])
            for code, n in sorted(included.items(), key=lambda item: (-item[1], item[0]))
        ),
    )


# Reading --------------------------------------------------------------------------------

# One row a step (or one for a path of no steps). No ORDER BY and no join of the service
# table: grouping and the codes are cheaper in Python than SQLite's sort (bench/paths_report.py).
_ROWS = """
SELECT p.id, p.outcome, p.ended_on, st.position, st.service_id,
    coalesce(st.actual_start, st.planned_start)
FROM service_path p
LEFT JOIN path_step st
    ON st.path_id = p.id AND st.deleted_at IS NULL AND st.status != 'cancelled'
{site_join}
WHERE p.ended_on BETWEEN ? AND ? AND p.deleted_at IS NULL {site_where}
"""
_SITE_JOIN = "JOIN client c ON c.id = p.client_id JOIN staff co ON co.id = c.coach_id"


def read_rows(
    ctx: Context, first_day: date, last_day: date, site_id: str | None = None
) -> list[PathRow]:
    """The paths that ended in [first_day, last_day] (of clients whose coach works at
    `site_id`, when given), each with its services in step order."""
    sql = _ROWS.format(
        site_join=_SITE_JOIN if site_id else "", site_where="AND co.site_id = ?" if site_id else ""
    )
    params: list[object] = [first_day.isoformat(), last_day.isoformat()]
    if site_id:
        params.append(site_id)
    codes = {
        str(service_id): str(code)
        for service_id, code in ctx.db.execute("SELECT id, code FROM service")
    }
    ends: dict[str, tuple[Outcome, str]] = {}
    steps: dict[str, list[tuple[int, str, str]]] = {}
    for path_id, outcome, ended_on, position, service_id, start in ctx.db.execute(sql, params):
        if path_id not in ends:
            ends[path_id] = (outcome, ended_on)
            steps[path_id] = []
        if service_id is not None:
            steps[path_id].append((position, codes[service_id], start))
    result: list[PathRow] = []
    for path_id, (outcome, ended_on) in ends.items():
        ordered = sorted(steps[path_id])
        first = min((start for _, _, start in ordered), default=None)
        result.append(
            PathRow(
                outcome,
                date.fromisoformat(ended_on),
                tuple(code for _, code, _ in ordered),
                date.fromisoformat(first) if first else None,
            )
        )
    return result


class BadRange(TranslatedError):
    """A range that ends before it starts."""


def check_range(first_day: date, last_day: date) -> None:
    if last_day < first_day:
        raise BadRange(
            "export.error.bad_range", start=format_date(first_day), to=format_date(last_day)
        )


def range_text(first_day: date, last_day: date, site_id: str | None) -> str:
    """What the access log says of a report run: its range (and site)."""
    text = f"{first_day.isoformat()}..{last_day.isoformat()}"
    return f"{text}; site={site_id}" if site_id else text


def log_report(
    ctx: Context,
    actor: Staff,
    action: AuditAction,
    first_day: date,
    last_day: date,
    site_id: str | None,
    detail: str = "",
    entity_id: str | None = None,
) -> None:
    """Put a run of the report in the access log (committed before anything is shown)."""
    with write_transaction(ctx.db):
        log_event(
            ctx,
            staff_id=actor.id,
            action=action,
            entity=ENTITY,
            entity_id=entity_id,
            purpose=range_text(first_day, last_day, site_id) + detail,
        )


def paths_report(
    ctx: Context,
    actor: Staff,
    first_day: date,
    last_day: date,
    site_id: str | None = None,
    *,
    action: AuditAction | None = "view",
) -> PathsReport:
    """The report for a coach or an admin (`PermissionDenied` for anyone else), its run
    in the access log as `action` (None: the caller logs it, as an export does)."""
    require(actor, PERMISSION)
    check_range(first_day, last_day)
    if action is not None:
        log_report(ctx, actor, action, first_day, last_day, site_id)
    rows = read_rows(ctx, first_day, last_day, site_id)
    return build_report(rows, first_day, last_day, site_id, service_names(ctx))


def service_names(ctx: Context) -> dict[str, tuple[str, str, str]]:
    """Every service's names (fi, sv, en) by code, retired ones too."""
    rows = ctx.db.execute("SELECT code, name_fi, name_sv, name_en FROM service")
    return {str(code): (str(fi), str(sv), str(en)) for code, fi, sv, en in rows}
