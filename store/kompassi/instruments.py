"""The Kompassi instruments as stored (versioned data): each version with its bands and
domains (`Store.instruments`). An import adds a version (store/kompassi/instrument_import.py);
nothing here ever changes one a reading may use."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false, reportUnknownArgumentType=false
from __future__ import annotations

from store.core.context import Context
from store.kompassi.models import Band, Domain, Instrument, SuggestionRule

_INSTRUMENT = (
    "SELECT id, code, version, name_fi, name_sv, name_en, scale_min, scale_max,"
    " skip_allowed, active FROM instrument WHERE deleted_at IS NULL"
)


class UnknownInstrument(LookupError):
    pass


class InstrumentCatalog:
    """Instrument versions; reached as `Store.instruments`. Read once per process: an
    instrument version never changes, and a new one is seen on the next `refresh()`."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._cache: dict[str, Instrument] = {}

    def refresh(self) -> None:
        self._cache.clear()

    def all(self) -> list[Instrument]:
        """Every version, by code and version."""
        rows = self.ctx.db.execute(_INSTRUMENT + " ORDER BY code, version").fetchall()
        return [self._build(row) for row in rows]

    def get(self, instrument_id: str) -> Instrument:
        cached = self._cache.get(instrument_id)
        if cached is not None:
            return cached
        row = self.ctx.db.execute(_INSTRUMENT + " AND id = ?", [instrument_id]).fetchone()
        if row is None:
            raise UnknownInstrument(instrument_id)
        return self._build(row)

    def find(self, code: str, version: int) -> Instrument | None:
        row = self.ctx.db.execute(
            _INSTRUMENT + " AND code = ? AND version = ?", [code, version]
        ).fetchone()
        return self._build(row) if row else None

    def current(self) -> Instrument:
        """What a new reading uses: the active version added last (the seeded one until
        a site imports its own)."""
        row = self.ctx.db.execute(
            _INSTRUMENT + " AND active = 1 ORDER BY created_at DESC, version DESC LIMIT 1"
        ).fetchone()
        if row is None:
            raise UnknownInstrument("no active instrument")
        return self._build(row)

    def suggestion_rules(self) -> list[SuggestionRule]:
        rows = self.ctx.db.execute(
            "SELECT domain_code, band_code, service_code, sort_order FROM kompassi_suggestion_rule"
            " WHERE deleted_at IS NULL ORDER BY domain_code, band_code, sort_order"
        ).fetchall()
        return [SuggestionRule(*row) for row in rows]

    def _build(self, row: tuple[object, ...]) -> Instrument:
        instrument_id = str(row[0])
        cached = self._cache.get(instrument_id)
        if cached is not None:
            return cached
        bands = tuple(
            Band(*band)
            for band in self.ctx.db.execute(
                "SELECT code, score_from, score_to, label_fi, label_sv, label_en"
                " FROM instrument_band WHERE instrument_id = ? AND deleted_at IS NULL"
                " ORDER BY score_from",
                [instrument_id],
            ).fetchall()
        )
        domains = tuple(
            Domain(code, order, bool(optional), *texts)
            for code, order, optional, *texts in self.ctx.db.execute(
                "SELECT code, sort_order, optional, label_fi, label_sv, label_en,"
                " question_fi, question_sv, question_en FROM instrument_domain"
                " WHERE instrument_id = ? AND deleted_at IS NULL ORDER BY sort_order",
                [instrument_id],
            ).fetchall()
        )
        _, code, version, name_fi, name_sv, name_en, low, high, skip, active = row
        instrument = Instrument(
            instrument_id,
            str(code),
            int(version),  # type: ignore[arg-type]
            str(name_fi),
            str(name_sv),
            str(name_en),
            int(low),  # type: ignore[arg-type]
            int(high),  # type: ignore[arg-type]
            bool(skip),
            bool(active),
            bands,
            domains,
        )
        self._cache[instrument_id] = instrument
        return instrument
