"""Distance travelled: per Kompassi domain, how far the clients have moved since their
baseline, over the readings filled in a range (issue 12).

Who is in it: a client with a finished baseline and a later finished reading (follow-up or
final) filled in [first_day, last_day]; of those in the range, the latest (by `filled_on`,
then when it was started) is compared with the client's first baseline, and only when it
was filled on or after that baseline. Per domain, compared by its code across instrument
versions, a client counts when both readings hold a score for it: a skip, or a domain not
answered, in either leaves the client out of that domain alone.

The figures per domain: the clients, the median change (latest − baseline, in points),
and the shares who moved up a band, stayed in the same band, or moved down. Bands come
from each reading's own instrument and are compared by their rank on the scale (the
lowest band first), so versions with the same number of bands compare band by band; a
score no band of its instrument holds leaves the client out of that domain.

The report is domain-level only: it names no client and no staff member, and a domain of
fewer than `SMALL_N` clients shows every figure as "< 5" (None here), as does the count
of clients in the report itself. In a domain shown, a share up, same or down that rests
on fewer than `SMALL_N` clients (zero included) is "< 5" too, and when only one is, so
is the smallest of the others (the clients less the two shown would give it away). "Site" is the site of the client's own coach
(`client.coach_id` → `staff.site_id`, as in the paths report); "coach" is the client's own
coach today, not whoever entered the readings. A client with no coach is only in the
report of all sites and all coaches.

SQLite picks each client's two readings with a window function and hands over their
scores texts (written as each reading was finished); Python counts the changes and band
moves per domain and reads the medians and shares off those counts. bench/kompassi.py times it over a year of readings (target 2 s).
A client's readings count whether or not the client has since been removed from the
register (as their paths do in the paths report): the figures are of work done.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false, reportUnknownArgumentType=false
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from store.core.audit import log_event
from store.core.auth import require
from store.core.context import Context
from store.core.db import write_transaction
from store.core.figures import median, percentage
from store.core.i18n import in_language
from store.core.models import AuditAction, Staff
from store.kompassi.records import parse_scores
from store.paths.report import SMALL_N, check_range, hidden_parts, range_text, suppress

PERMISSION = "kompassi.report"
ENTITY = "kompassi_report"

UP, STAYED, DOWN = 1, 0, -1


@dataclass(frozen=True)
class DomainChange:
    """One domain's row: every figure None (shown "< 5") under `SMALL_N` clients."""

    code: str
    labels: tuple[str, str, str]  # fi, sv, en
    clients: int | None
    median_change: float | None  # points, latest − baseline
    up: float | None  # per cent of the domain's clients who moved up a band
    stayed: float | None
    down: float | None

    def label(self, lang: str) -> str:
        return in_language(self.labels, lang)


@dataclass(frozen=True)
class KompassiReport:
    first_day: date
    last_day: date
    site_id: str | None
    coach_id: str | None
    clients: int | None  # with a baseline and a later reading in the range; None under 5
    domains: tuple[DomainChange, ...]  # the current instrument's order, then any others

    @property
    def empty(self) -> bool:
        return self.clients is None


@dataclass(frozen=True)
class ChangeCount:
    """How many clients of a domain changed by `change` points and moved `band_move`
    (UP, STAYED or DOWN): the grouped rows the report is built from."""

    domain_code: str
    change: int
    band_move: int
    count: int


@dataclass(frozen=True)
class DomainLabels:
    current: tuple[str, ...]  # the current instrument's domain codes, in its order
    labels: dict[str, tuple[str, str, str]]  # every version's codes: (fi, sv, en)


def domain_change(code: str, labels: tuple[str, str, str], counts: Counter[int],
                  moves: Counter[int]) -> DomainChange:  # fmt: skip
    """A domain's row from its clients' changes (points → clients) and band moves."""
    clients = moves.total()
    if clients < SMALL_N:
        return DomainChange(code, labels, None, None, None, None, None)
    changes = [change for change, n in sorted(counts.items()) for _ in range(n)]
    hidden = hidden_parts(moves, (UP, STAYED, DOWN))

    def share(move: int) -> float | None:
        return None if move in hidden else percentage(moves[move], clients)

    return DomainChange(
        code, labels, clients, median(changes), share(UP), share(STAYED), share(DOWN)
    )


def build_report(
    rows: Iterable[ChangeCount],
    clients: int,
    domains: DomainLabels,
    first_day: date,
    last_day: date,
    site_id: str | None = None,
    coach_id: str | None = None,
) -> KompassiReport:
    """The report of the grouped `rows` of `clients` clients: a row for each domain of the
    current instrument, then for any other code the rows hold; suppressed as the module says."""
    changes: dict[str, Counter[int]] = {}
    moves: dict[str, Counter[int]] = {}
    for row in rows:
        changes.setdefault(row.domain_code, Counter())[row.change] += row.count
        moves.setdefault(row.domain_code, Counter())[row.band_move] += row.count
    codes = list(domains.current) + sorted(code for code in changes if code not in domains.current)
    return KompassiReport(
        first_day,
        last_day,
        site_id,
        coach_id,
        suppress(clients),
        tuple(
            domain_change(
                code,
                domains.labels.get(code, (code, code, code)),
                changes.get(code, Counter()),
                moves.get(code, Counter()),
            )
            for code in codes
        ),
    )


# Reading --------------------------------------------------------------------------------

# One row a client: their latest later reading in the range and their first baseline, with
# each reading's instrument and scores text (`kompassi_reading.scores`, written as the
# reading is finished): two short texts a client, not every answer.
_PAIRS = """
WITH latest AS (
    SELECT client_id, instrument_id, filled_on, scores FROM (
        SELECT r.client_id, r.instrument_id, r.filled_on, r.scores, row_number() OVER (
            PARTITION BY r.client_id ORDER BY r.filled_on DESC, r.started_at DESC) AS nth
        FROM kompassi_reading r {client_join}
        WHERE r.status = 'done' AND r.deleted_at IS NULL AND r.kind != 'baseline'
            AND r.filled_on BETWEEN ? AND ? {filters}
    ) WHERE nth = 1
)
SELECT b.instrument_id, b.scores, l.instrument_id, l.scores
FROM latest l JOIN kompassi_reading b ON b.id = (
    SELECT id FROM kompassi_reading WHERE client_id = l.client_id AND kind = 'baseline'
        AND status = 'done' AND deleted_at IS NULL
    ORDER BY filled_on, started_at LIMIT 1)
WHERE b.filled_on <= l.filled_on
"""
_CLIENT_JOIN = "JOIN client c ON c.id = r.client_id"
_SITE_JOIN = " JOIN staff co ON co.id = c.coach_id"


def read_changes(
    ctx: Context,
    first_day: date,
    last_day: date,
    site_id: str | None = None,
    coach_id: str | None = None,
) -> tuple[int, list[ChangeCount]]:
    """The clients in the report (see the module) and their changes grouped by domain,
    change and band move."""
    filters = ""
    params: list[object] = [first_day.isoformat(), last_day.isoformat()]
    if site_id:
        filters += " AND co.site_id = ?"
        params.append(site_id)
    if coach_id:
        filters += " AND c.coach_id = ?"
        params.append(coach_id)
    # The client (and their coach) is read only to filter by: a join of every reading.
    client_join = (_CLIENT_JOIN if site_id or coach_id else "") + (_SITE_JOIN if site_id else "")
    sql = _PAIRS.format(client_join=client_join, filters=filters)
    rank = _band_ranks(ctx)
    clients = 0
    counted: Counter[tuple[str, int, int]] = Counter()
    for then_instrument, then_text, now_instrument, now_text in ctx.db.execute(sql, params):
        clients += 1
        now_scores = parse_scores(now_text or "")
        for code, then_score in parse_scores(then_text or "").items():
            now_score = now_scores.get(code)
            if now_score is None:
                continue  # skipped or not answered in the latest reading
            then_band = rank.get((then_instrument, then_score))
            now_band = rank.get((now_instrument, now_score))
            if then_band is None or now_band is None:
                continue  # a score no band of its instrument holds
            move = UP if now_band > then_band else DOWN if now_band < then_band else STAYED
            counted[(code, now_score - then_score, move)] += 1
    rows = [ChangeCount(code, change, move, n) for (code, change, move), n in counted.items()]
    return clients, rows


def _band_ranks(ctx: Context) -> dict[tuple[str, int], int]:
    """(instrument id, score) → the rank of the score's band in that instrument, 0 for the
    lowest: bands of different versions compare by their place on the scale."""
    ranks: dict[tuple[str, int], int] = {}
    rank, previous = 0, None
    for instrument_id, low, high in ctx.db.execute(
        "SELECT instrument_id, score_from, score_to FROM instrument_band"
        " WHERE deleted_at IS NULL ORDER BY instrument_id, score_from"
    ):
        rank = rank + 1 if instrument_id == previous else 0
        previous = instrument_id
        for score in range(int(low), int(high) + 1):
            ranks[(str(instrument_id), score)] = rank
    return ranks


def domain_labels(ctx: Context) -> DomainLabels:
    """The current instrument's domain codes in its order, and every code any version has
    with its labels (the current wording first, else the newest version's)."""
    rows = ctx.db.execute(
        "SELECT i.id, d.code, d.label_fi, d.label_sv, d.label_en FROM instrument_domain d"
        " JOIN instrument i ON i.id = d.instrument_id"
        " WHERE d.deleted_at IS NULL AND i.deleted_at IS NULL"
        # As `InstrumentCatalog.current` chooses: the active version added last first.
        " ORDER BY i.active DESC, i.created_at DESC, i.version DESC, d.sort_order"
    ).fetchall()
    current_id = rows[0][0] if rows else None
    labels: dict[str, tuple[str, str, str]] = {}
    for _, code, fi, sv, en in rows:
        labels.setdefault(str(code), (str(fi), str(sv), str(en)))
    current = tuple(str(code) for instrument, code, *_ in rows if instrument == current_id)
    return DomainLabels(current, labels)


def log_report(
    ctx: Context,
    actor: Staff,
    action: AuditAction,
    first_day: date,
    last_day: date,
    site_id: str | None,
    coach_id: str | None,
) -> None:
    """Put a run of the report in the access log: its range and filters, no client."""
    purpose = range_text(first_day, last_day, site_id)
    if coach_id:
        purpose += f"; coach={coach_id}"
    with write_transaction(ctx.db):
        log_event(ctx, staff_id=actor.id, action=action, entity=ENTITY, purpose=purpose)


def kompassi_report(
    ctx: Context,
    actor: Staff,
    first_day: date,
    last_day: date,
    site_id: str | None = None,
    coach_id: str | None = None,
    *,
    action: AuditAction | None = "view",
) -> KompassiReport:
    """The report for a coach or an admin (`PermissionDenied` for anyone else, `BadRange`
    for a range that ends before it starts), its run in the access log as `action` (None:
    the caller logs it)."""
    require(actor, PERMISSION)
    check_range(first_day, last_day)
    if action is not None:
        log_report(ctx, actor, action, first_day, last_day, site_id, coach_id)
    clients, rows = read_changes(ctx, first_day, last_day, site_id, coach_id)
    return build_report(rows, clients, domain_labels(ctx), first_day, last_day, site_id, coach_id)
