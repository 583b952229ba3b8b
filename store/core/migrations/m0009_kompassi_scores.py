"""Migration 0009: a finished Kompassi reading's scores in one text, for the report."""

from __future__ import annotations

from store.core.migrations.registry import migrations
from store.core.schema_kompassi import add_reading_scores

migrations(name="0009_kompassi_scores")(add_reading_scores)
