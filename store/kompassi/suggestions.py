"""Services suggested by a finished Kompassi reading's low domains, and the coach's decisions
(`Store.kompassi_suggestions`): an accepted suggestion becomes a planned step on the
client's service path, linked to the domain; a rejected one keeps its reason.

Which services a domain suggests is data (`kompassi_suggestion_rule`: domain + band →
services). A suggestion not yet decided is left out when its service is retired from the
catalog or already planned or running on the client's open path: there is nothing to
decide. A decision once made is always shown, and never made twice.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false, reportUnknownArgumentType=false
from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from store.clients.repository import ClientRepository
from store.clients.validation import check_text
from store.core.audit import log_event
from store.core.auth import require
from store.core.context import Context
from store.core.dates import format_date
from store.core.db import write_transaction
from store.core.i18n import TranslatedError, normalise_language
from store.core.models import Staff
from store.core.rows import insert_row
from store.kompassi.models import Decision, Instrument, Reading, Suggestion, SuggestionRule
from store.kompassi.repository import KompassiRepository, NotYourClient
from store.paths.repository import PathRepository

REASON_MAX_LENGTH = 500
# Steps in these states hold a service on the path: suggesting it again says nothing new.
_HELD = ("planned", "active")
_DECISION = (
    "SELECT domain_code, service_code, decision, reason, step_id, decided_by, decided_at"
    " FROM kompassi_suggestion WHERE deleted_at IS NULL AND reading_id = ?"
)


class ReadingNotFinished(TranslatedError):
    """A draft's answers may still change: only a finished reading suggests services."""

    def __init__(self) -> None:
        super().__init__("kompassi.suggestion.error.draft")


class NotSuggested(TranslatedError):
    """The reading's domain does not suggest this service (its score is not in a band that
    the rule table maps to it, or the domain was skipped or left unanswered)."""

    def __init__(self, domain_code: str, service_code: str) -> None:
        super().__init__(
            "kompassi.suggestion.error.not_suggested", domain=domain_code, service=service_code
        )


class AlreadyDecided(TranslatedError):
    """A suggestion is accepted or rejected once (at another desk, a key pressed twice)."""

    def __init__(self, decision: Decision) -> None:
        super().__init__(f"kompassi.suggestion.error.already_{decision}")
        self.decision = decision


class ServiceRetired(TranslatedError):
    """The catalog no longer offers the service: no new step is planned with it."""

    def __init__(self, service_code: str) -> None:
        super().__init__("kompassi.suggestion.error.retired", service=service_code)


class AlreadyOnPath(TranslatedError):
    """The service is already planned or running on the client's open path."""

    def __init__(self, service_code: str) -> None:
        super().__init__("kompassi.suggestion.error.on_path", service=service_code)


def suggest(
    instrument: Instrument, reading: Reading, rules: Iterable[SuggestionRule]
) -> list[Suggestion]:
    """What the reading's scores suggest by the rule table, undecided: the domains in the
    lowest band first, then the next (by score, then the instrument's order), each
    domain's services in the rule's order. Skipped and unanswered domains suggest nothing,
    and neither does a score in a band the rules do not name."""
    by_key: dict[tuple[str, str], list[SuggestionRule]] = {}
    for rule in sorted(rules, key=lambda r: r.sort_order):
        by_key.setdefault((rule.domain_code, rule.band_code), []).append(rule)
    band_rank = {band.code: rank for rank, band in enumerate(instrument.bands)}
    found: list[tuple[tuple[int, int, int], Suggestion]] = []
    for answer in reading.answers:
        domain = instrument.domain(answer.domain_code)
        if answer.score is None or domain is None:
            continue
        band = instrument.band_of(answer.score)
        if band is None:
            continue
        rank = (band_rank[band.code], answer.score, domain.sort_order)
        for rule in by_key.get((domain.code, band.code), []):
            found.append(
                (
                    rank,
                    Suggestion(reading.id, domain.code, band.code, answer.score, rule.service_code),
                )
            )
    # sorted() is stable: a domain's services keep the rule's order.
    return [suggestion for _, suggestion in sorted(found, key=lambda item: item[0])]


def goal_text(instrument: Instrument, domain_code: str, score: int, lang: str) -> str:
    """The goal an accepted suggestion's step carries: "Kompassi: Talous (3)"."""
    domain = instrument.domain(domain_code)
    label = domain.label(lang) if domain else domain_code
    return f"{instrument.name(lang)}: {label} ({score})"


class KompassiSuggestions:
    """Suggestions and decisions; reached as `Store.kompassi_suggestions`. Like the answers
    they come from, they open only for the client's own coach."""

    def __init__(self, ctx: Context, kompassi: KompassiRepository, paths: PathRepository) -> None:
        self.ctx = ctx
        self.kompassi = kompassi
        self.paths = paths

    def _finished(self, actor: Staff, reading_id: str) -> Reading:
        """The reading, once `actor` may open it. Raises `LookupError` (no such reading),
        `PermissionDenied`, `NotYourClient` or `ReadingNotFinished`."""
        reading = self.kompassi.reading(reading_id)
        require(actor, "kompassi.view")
        if not self.kompassi.may_open(actor, reading.client_id):
            raise NotYourClient()
        if reading.is_draft:
            raise ReadingNotFinished()
        return reading

    def suggestions(self, actor: Staff, reading_id: str) -> list[Suggestion]:
        """The reading's suggestions as the coach decides on them: every one decided (with
        its decision) and every one still open whose service can be planned. Not logged:
        the user has the reading open in F3, whose opening is in the access log."""
        reading = self._finished(actor, reading_id)
        return self._suggestions(reading)

    def _suggestions(self, reading: Reading) -> list[Suggestion]:
        instrument = self.kompassi.instruments.get(reading.instrument_id)
        decisions = self._decisions(reading, instrument)
        active = {s.code for s in self.paths.catalog.services()}
        held = self._held_services(reading.client_id)
        result: list[Suggestion] = []
        for suggestion in suggest(
            instrument, reading, self.kompassi.instruments.suggestion_rules()
        ):
            decided = decisions.pop((suggestion.domain_code, suggestion.service_code), None)
            if decided is not None:
                result.append(decided)
            elif suggestion.service_code in active and suggestion.service_code not in held:
                result.append(suggestion)
        # Decided under rules that have changed since: the decision still stands.
        return result + list(decisions.values())

    def _decisions(
        self, reading: Reading, instrument: Instrument
    ) -> dict[tuple[str, str], Suggestion]:
        scores = {a.domain_code: a.score for a in reading.answers}
        decided: dict[tuple[str, str], Suggestion] = {}
        for domain, service, decision, reason, step, by, at in self.ctx.db.execute(
            _DECISION + " ORDER BY decided_at", [reading.id]
        ).fetchall():
            # A finished reading's answers never change: a decided domain has its score.
            score = scores.get(domain)
            band = instrument.band_of(score) if score is not None else None
            decided[(domain, service)] = Suggestion(
                reading.id,
                str(domain),
                band.code if band else "",
                score if score is not None else -1,
                str(service),
                decision,
                reason,
                step,
                by,
                at,
            )
        return decided

    def _held_services(self, client_id: str) -> set[str]:
        path = self.paths.current_path(client_id)
        if path is None or not path.is_open:
            return set()
        services = {s.id: s.code for s in self.paths.catalog.services(include_retired=True)}
        return {services[s.service_id] for s in self.paths.steps(path.id) if s.status in _HELD}

    def _undecided(self, reading: Reading, domain_code: str, service_code: str) -> Suggestion:
        """The suggestion as computed, when no decision is recorded for it yet."""
        row = self.ctx.db.execute(
            "SELECT decision FROM kompassi_suggestion WHERE reading_id = ? AND domain_code = ?"
            " AND service_code = ? AND deleted_at IS NULL",
            [reading.id, domain_code, service_code],
        ).fetchone()
        if row is not None:
            raise AlreadyDecided(row[0])
        instrument = self.kompassi.instruments.get(reading.instrument_id)
        rules = self.kompassi.instruments.suggestion_rules()
        for suggestion in suggest(instrument, reading, rules):
            if (suggestion.domain_code, suggestion.service_code) == (domain_code, service_code):
                return suggestion
        raise NotSuggested(domain_code, service_code)

    def accept(
        self,
        actor: Staff,
        reading_id: str,
        domain_code: str,
        service_code: str,
        planned_start: date,
    ) -> Suggestion:
        """Plan the suggested service on the client's path, from `planned_start`, with a
        goal naming the domain and its score; in one transaction, the path started if the
        client has none open, and the decision recorded with the step. Raises
        `AlreadyDecided`, `NotSuggested`, `ServiceRetired`, `AlreadyOnPath`, or what
        `Store.paths` raises (`PermissionDenied`, `ValidationError`)."""
        with write_transaction(self.ctx.db):
            reading = self._finished(actor, reading_id)
            suggestion = self._undecided(reading, domain_code, service_code)
            service = self.paths.catalog.services_by_code().get(service_code)
            if service is None or not service.active:
                raise ServiceRetired(service_code)
            if service_code in self._held_services(reading.client_id):
                raise AlreadyOnPath(service_code)
            instrument = self.kompassi.instruments.get(reading.instrument_id)
            # The goal is in the client's service language: the plan is handed to them.
            lang = normalise_language(
                ClientRepository(self.ctx).visitor_language(reading.client_id)
            )
            path = self.paths.start(actor, reading.client_id)
            step = self.paths.add_step(
                actor,
                path.id,
                {
                    "service": service_code,
                    "planned_start": format_date(planned_start),
                    "goal": goal_text(instrument, domain_code, suggestion.score, lang),
                },
            )
            return self._record(actor, reading, suggestion, "accepted", None, step.id)

    def reject(
        self,
        actor: Staff,
        reading_id: str,
        domain_code: str,
        service_code: str,
        reason: str | None = None,
    ) -> Suggestion:
        """Record that the coach turned the suggestion down, with an optional reason.
        Raises `AlreadyDecided`, `NotSuggested`, `ValidationError` (the reason)."""
        cleaned = check_text((reason or "").strip(), "kompassi_reason", REASON_MAX_LENGTH) or None
        with write_transaction(self.ctx.db):
            reading = self._finished(actor, reading_id)
            suggestion = self._undecided(reading, domain_code, service_code)
            return self._record(actor, reading, suggestion, "rejected", cleaned, None)

    def _record(
        self,
        actor: Staff,
        reading: Reading,
        suggestion: Suggestion,
        decision: Decision,
        reason: str | None,
        step_id: str | None,
    ) -> Suggestion:
        now = self.ctx.now_iso()
        values: Mapping[str, object] = {
            "reading_id": reading.id,
            "client_id": reading.client_id,
            "domain_code": suggestion.domain_code,
            "service_code": suggestion.service_code,
            "decision": decision,
            "reason": reason,
            "step_id": step_id,
            "decided_by": actor.id,
            "decided_at": now,
        }
        decision_id = insert_row(self.ctx, "kompassi_suggestion", values, by=actor.id, at=now)
        log_event(
            self.ctx,
            staff_id=actor.id,
            action="create",
            entity="kompassi_suggestion",
            entity_id=decision_id,
            client_id=reading.client_id,
            purpose=decision,
            at=now,
        )
        return Suggestion(
            reading.id,
            suggestion.domain_code,
            suggestion.band_code,
            suggestion.score,
            suggestion.service_code,
            decision,
            reason,
            step_id,
            actor.id,
            now,
        )
