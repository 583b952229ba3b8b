"""Pack on the laptop: everything changed since the base, and the laptop's whole access
log, sealed as one bundle for the office; and how much has changed since the last pack.

Bundles are cumulative (each holds every change since the base), so a lost bundle costs
nothing: the next one brings it all again.
"""

# sqlite-utils 4.2.1 types Database.execute(parameters) as a bare Sequence (of Unknown).
# pyright: reportUnknownMemberType=false
from __future__ import annotations

import uuid
from collections import Counter
from pathlib import Path

from store.core.audit import EXPORT_COLUMNS, log_event
from store.core.auth import require
from store.core.context import Context
from store.core.db import write_transaction
from store.core.files import write_whole
from store.core.migrations import migrations
from store.core.models import Staff
from store.core.rows import update_row
from store.sync.bundle import Contents, Header, seal
from store.sync.errors import NotALaptop
from store.sync.laptop import laptop_state
from store.sync.models import LaptopState, PackResult
from store.sync.snapshot import capture_laptop, changes_since_pack


def pack(ctx: Context, laptop_path: Path, *, out: Path, actor: Staff) -> PackResult:
    """Write a bundle of the laptop's changes since its base to `out` (a bundle there
    before is replaced: the new one holds all it held)."""
    require(actor, "sync.pack")
    laptop_path, out = Path(laptop_path), Path(out)
    state = _state(ctx, laptop_path)
    captured = capture_laptop(ctx.db, laptop_path)
    audit_rows = [
        list(row)
        for row in ctx.db.execute(
            f"SELECT {', '.join(EXPORT_COLUMNS)} FROM audit_event ORDER BY seq"
        ).fetchall()
    ]
    bundle_id = str(uuid.uuid4())
    now = ctx.now_iso()
    contents = Contents(
        base_id=state.base_id,
        packed_at=now,
        packed_by=actor.id,
        migrations=[migration.name for migration in migrations.applied(ctx.db)],
        columns=captured.columns,
        changeset=captured.changeset,
        audit_columns=EXPORT_COLUMNS,
        audit_rows=audit_rows,
    )
    header = Header(state.office_id, state.device_id, bundle_id)
    write_whole(out, seal(header, contents, state.bundle_key))
    newest_seq = max((int(str(row[0])) for row in audit_rows), default=0)
    with write_transaction(ctx.db):
        update_row(
            ctx,
            "sync_laptop",
            state.device_id,
            {"packed_at": now, "packed_hash": captured.digest, "packed_audit_seq": newest_seq},
            by=actor.id,
        )
        log_event(
            ctx, staff_id=actor.id, action="export", entity="sync_bundle", entity_id=bundle_id
        )
    return PackResult(
        path=out,
        bundle_id=bundle_id,
        changes=len(captured.changes),
        per_table=dict(Counter(change.table for change in captured.changes)),
        audit_rows=len(audit_rows),
    )


def unpacked_changes(ctx: Context, laptop_path: Path) -> int:
    """How many changes the laptop holds that its last bundle did not (see
    `changes_since_pack`)."""
    state = _state(ctx, Path(laptop_path))
    return changes_since_pack(state, capture_laptop(ctx.db, Path(laptop_path)))


def _state(ctx: Context, laptop_path: Path) -> LaptopState:
    state = laptop_state(ctx.db)
    if state is None:
        raise NotALaptop(str(laptop_path))
    return state
