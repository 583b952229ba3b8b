"""Migration 0010: appointments, absences, rooms, working hours, group sessions and the
client-process deadlines (store/core/schema_schedule.py)."""

from __future__ import annotations

from store.core.migrations.registry import migrations
from store.core.schema_schedule import add_scheduling

migrations(name="0010_scheduling")(add_scheduling)
