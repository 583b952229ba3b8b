"""A check-in as the office does it, from the CLI or the laptops screen: the bundle file
read, checked in (or only dry-run), and the laptop's refreshed check-out written beside
the bundle, on the stick or in the folder it came in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from store.core.context import Context
from store.core.models import Staff
from store.core.staff import StaffRepository
from store.sync.apply import apply_bundle
from store.sync.checkout import OutExists, checkout
from store.sync.errors import SyncError
from store.sync.files import checkout_files, free_checkout_path
from store.sync.models import ApplyReport, CheckoutResult


class BundleUnreadable(SyncError):
    """The bundle named is not there, is a folder, or may not be read."""

    def __init__(self, path: Path) -> None:
        super().__init__("sync.error.unreadable", path=str(path))


@dataclass(frozen=True)
class Checkin:
    """What a check-in did: the report, and the refreshed check-out written after it, or
    why it could not be (the check-in stands either way). A dry run, or a bundle checked in
    before, writes no check-out."""

    report: ApplyReport
    refreshed: CheckoutResult | None = None
    refresh_failed: SyncError | OSError | None = None


def check_in(
    ctx: Context,
    office_path: Path,
    bundle: Path,
    *,
    actor: Staff,
    dry_run: bool = False,
    out: Path | None = None,
) -> Checkin:
    """Check `bundle` in; then the laptop's new check-out to `out` (default: beside the
    bundle, `<coach>-<d.m.yyyy>.luotsi`, never over a file)."""
    if out is not None and not dry_run and any(path.exists() for path in checkout_files(out)):
        raise OutExists(str(out))  # before the check-in, which would not be undone
    try:
        data = bundle.read_bytes()
    except OSError as exc:
        raise BundleUnreadable(bundle) from exc
    report = apply_bundle(ctx, data=data, name=bundle.name, actor=actor, dry_run=dry_run)
    if report.dry_run or report.already_applied:
        return Checkin(report)
    coach = StaffRepository(ctx).get(report.coach_id)
    assert coach is not None  # a device's row names its coach (a foreign key)
    target = out or free_checkout_path(bundle.parent, coach.username, ctx.today())
    try:
        refreshed = checkout(
            ctx, office_path, coach=coach, out=target, actor=actor, device_id=report.device_id
        )
    except (SyncError, OSError) as refused:
        return Checkin(report, refresh_failed=refused)
    return Checkin(report, refreshed)
