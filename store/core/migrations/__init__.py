"""Numbered schema migrations, one module each; an applied migration is never edited, only
followed by a new one. Importing the package registers them all, in order."""

from __future__ import annotations

# Each module registers its migration on import: imported here in the order they apply.
from store.core.migrations import m0001_register as m0001_register
from store.core.migrations import m0002_walk_in as m0002_walk_in
from store.core.migrations import m0003_linked_feedback as m0003_linked_feedback
from store.core.migrations import m0004_login_throttle as m0004_login_throttle
from store.core.migrations import m0005_audit_chain as m0005_audit_chain
from store.core.migrations import m0006_import_in_slices as m0006_import_in_slices
from store.core.migrations import m0007_service_path as m0007_service_path
from store.core.migrations import m0008_kompassi as m0008_kompassi
from store.core.migrations import m0009_kompassi_scores as m0009_kompassi_scores
from store.core.migrations import m0010_scheduling as m0010_scheduling
from store.core.migrations import m0011_sync as m0011_sync
from store.core.migrations.registry import MIGRATION_SET as MIGRATION_SET
from store.core.migrations.registry import migration_names as migration_names
from store.core.migrations.registry import migrations as migrations
