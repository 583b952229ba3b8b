"""Migration 0011: laptops, check-ins, conflicts and person merges (store/core/schema_sync.py)."""

from __future__ import annotations

from store.core.migrations.registry import migrations
from store.core.schema_sync import add_sync

migrations(name="0011_sync")(add_sync)
