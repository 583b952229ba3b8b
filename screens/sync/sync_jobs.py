"""What the laptops screen's thread workers do, each over a store of its own: check out,
check in (dry run, then for real with a refreshed check-out), pack, count what is unpacked."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from store.api import Store
from store.core.models import Staff
from store.sync.checkin import Checkin
from store.sync.models import ApplyReport, CheckoutResult, PackResult


def newest_bundle(folder: Path) -> Path | None:
    """The bundle last written into `folder` (where a coach's USB stick or the mail's
    attachments land), as the check-in's first guess."""
    try:
        bundles = [path for path in folder.glob("*.bundle") if path.is_file()]
    except OSError:
        return None
    return max(bundles, key=lambda path: path.stat().st_mtime, default=None)


def check_out(store: Store, coach: Staff, out: Path, actor: Staff, label: str) -> CheckoutResult:
    from store.sync.checkout import checkout

    assert store.path is not None
    return checkout(store.ctx, store.path, coach=coach, out=out, actor=actor, label=label or None)


def dry_run(store: Store, bundle: Path, actor: Staff) -> ApplyReport:
    from store.sync.checkin import check_in

    assert store.path is not None
    return check_in(store.ctx, store.path, bundle, actor=actor, dry_run=True).report


@dataclass(frozen=True)
class CheckinDone:
    """A bundle checked in for real (with its refreshed check-out), and how many conflicts
    the inbox holds open now."""

    checkin: Checkin
    open_conflicts: int


def check_in(store: Store, bundle: Path, actor: Staff) -> CheckinDone:
    """Apply the bundle, then write the laptop's refreshed check-out beside it."""
    from store.sync.checkin import check_in

    assert store.path is not None
    done = check_in(store.ctx, store.path, bundle, actor=actor)
    return CheckinDone(done, store.inbox.open_count(actor))


def pack_changes(store: Store, out: Path, actor: Staff) -> PackResult:
    from store.sync.pack import pack

    assert store.path is not None
    return pack(store.ctx, store.path, out=out, actor=actor)


def unpacked(store: Store) -> int:
    from store.sync.pack import unpacked_changes

    assert store.path is not None
    return unpacked_changes(store.ctx, store.path)
