"""Migration 0008: Kompassi self-assessment (store/core/schema_kompassi.py)."""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

from store.core.migrations.registry import migrations
from store.core.schema_kompassi import create_kompassi

migrations(name="0008_kompassi")(create_kompassi)
