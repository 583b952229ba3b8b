"""The simulated week of offline laptops (issue 15's bar): an office register and five
laptops checked out from it, five working days of random edits on every side through the
store's own repositories with deliberate overlapping ones, check-ins in random order (some
laptops missing a day), refreshed check-outs received, the inbox resolved by a rule, and
the checks: nothing lost, every laptop matching the office for its scope, any bundle
applied twice changing nothing.

`run_week(WeekConfig(...), workdir)` returns a `WeekResult`; bench/sync_week.py prints it
and tests/store/sync/test_week.py asserts on it.
"""

# pyright: basic
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from pathlib import Path

from bench.sync_sim_checks import (
    OFFICE,
    Checkin,
    Knowledge,
    Lost,
    Received,
    broken_rows,
    differing,
    laptop_hashes,
    laptop_window,
    lost_edits,
    office_scope_hashes,
)
from bench.sync_sim_edits import Edit, EditLog, Side
from bench.sync_sim_moves import overlapping_edit, random_edit
from store.api import Store
from store.core import keyring
from store.core.clock import FixedClock, local_moment
from store.core.i18n import TranslatedError
from store.core.models import Staff
from store.sample.accounts import DEMO_PASSWORD
from store.sample.generate import generate_sample
from store.sync.apply import apply_bundle
from store.sync.checkout import checkout
from store.sync.inbox import Inbox
from store.sync.models import Conflict
from store.sync.pack import pack
from store.sync.receive import receive
from store.sync.scope import content_hashes

MONDAY = date(2026, 11, 30)
# The sample register as it stood on the Friday before: its "today" (the morning's visits
# and bookings) is over before the week's first edit, so every change since the laptops'
# check-outs is the week's own.
SAMPLE_DAY = MONDAY - timedelta(days=3)
COACHES = ("valmentaja", "mikko.korhonen", "anna.lindqvist", "sari.heikkinen")


@dataclass(frozen=True)
class WeekConfig:
    seed: int = 1
    clients: int = 150  # in the office register (the sample generator's)
    days: int = 5
    edits: int = 10  # random edits per side per day
    overlaps: int = 3  # deliberate overlapping edits per day
    skip: float = 0.3  # the chance a laptop misses a day's check-in (not the last day)
    # The chance a laptop that checked in leaves without its refreshed check-out: its next
    # bundle comes from the same base and repeats what this one brought.
    no_refresh: float = 0.2
    history_weeks: int = 1  # the sample's weeks of walk-in visits before the week


@dataclass
class WeekResult:
    edits: int = 0  # fields written by the week's edits, on every side
    edit_calls: int = 0
    edits_by_side: dict[str, int] = field(default_factory=dict[str, int])  # fields written
    # Edits the store refused (a clash, a draft in progress, ...), by what and why.
    refused: dict[str, int] = field(default_factory=dict[str, int])
    bundles: int = 0
    merged: int = 0  # fields taken from laptops by themselves
    rows_applied: int = 0  # rows inserted, updated or deleted by check-ins
    conflicts: int = 0
    known_again: int = 0  # conflicts a later cumulative bundle found again (not recorded)
    conflict_kinds: dict[str, int] = field(default_factory=dict[str, int])
    resolutions: dict[str, int] = field(default_factory=dict[str, int])
    lost: list[Lost] = field(default_factory=list[Lost])
    mismatched: dict[str, list[str]] = field(default_factory=dict[str, list[str]])
    # Rows breaking the register's rules, at the office and on the laptops (must be none).
    broken: list[str] = field(default_factory=list[str])
    open_conflicts: int = 0  # left in the inbox after the rule (must be 0)
    reapplied: int = 0
    reapply_changed: list[str] = field(default_factory=list[str])
    skipped_checkins: int = 0
    not_refreshed: int = 0


class Laptop:
    """One checked-out laptop: its files, its store (reopened after each `receive`)."""

    def __init__(self, name: str, coach: Staff, device_id: str, path: Path, side: Side) -> None:
        self.name = name
        self.coach = coach
        self.device_id = device_id
        self.path = path
        self.side = side


class Week:
    def __init__(self, config: WeekConfig, workdir: Path) -> None:
        self.config = config
        self.dir = workdir
        self.rng = random.Random(config.seed)
        self.clock = FixedClock(local_moment(MONDAY, time(7)))
        self.log = EditLog()
        self.knowledge = Knowledge()
        self.result = WeekResult()
        self.bundles: list[tuple[str, bytes]] = []
        office_path = workdir / "office.db"
        generate_sample(
            office_path,
            clients=config.clients,
            seed=config.seed,
            today=SAMPLE_DAY,
            history_weeks=config.history_weeks,
        )
        self.office_path = office_path
        store = Store.open(office_path, self.clock)
        self.admin = staff_named(store, "admin")
        coaches = [staff_named(store, name) for name in COACHES]
        self.office = Side(
            OFFICE,
            store,
            self.clock,
            self.log,
            editor=staff_named(store, "vastaanotto"),
            admin=self.admin,
        )
        # Five laptops: the first coach has two, three others one each.
        self.laptops = [
            self._check_out(f"laptop{n}", coach)
            for n, coach in enumerate([coaches[0], *coaches], start=1)
        ]

    # Check-out, pack, check-in, receive -------------------------------------------------

    def _check_out(self, name: str, coach: Staff) -> Laptop:
        out = self.dir / f"{name}.db"
        done = checkout(
            self.office.store.ctx,
            self.office_path,
            coach=coach,
            out=out,
            actor=self.admin,
            label=name,
        )
        cut = self.log.tick()
        self.knowledge.receipts.append(Received(name, cut, self.log.tick()))
        side = Side(
            name,
            open_laptop(out, coach, self.clock),
            self.clock,
            self.log,
            editor=coach,
            coach=coach,
        )
        return Laptop(name, coach, done.device_id, out, side)

    def check_in(self, laptop: Laptop, day: int) -> None:
        out = self.dir / f"{laptop.name}-day{day}.bundle"
        self.clock.at += timedelta(minutes=1)
        pack(laptop.side.store.ctx, laptop.path, out=out, actor=laptop.coach)
        packed = self.log.tick()
        data = out.read_bytes()
        report = apply_bundle(self.office.store.ctx, data=data, name=out.name, actor=self.admin)
        self.knowledge.checkins.append(Checkin(laptop.name, packed, self.log.tick()))
        self.bundles.append((out.name, data))
        self.result.bundles += 1
        self.result.merged += report.merged_fields
        self.result.known_again += report.known_conflicts
        self.result.rows_applied += sum(c.total for c in report.per_table.values())
        for found in report.conflicts:
            self.result.conflicts += 1
            kinds = self.result.conflict_kinds
            kinds[found.kind] = kinds.get(found.kind, 0) + 1
        if self.rng.random() < self.config.no_refresh:
            self.result.not_refreshed += 1
            return
        self.refresh(laptop, f"day{day}")

    def refresh(self, laptop: Laptop, tag: str) -> None:
        """The office's refreshed check-out for the laptop, received on the laptop."""
        out = self.dir / f"{laptop.name}-{tag}.checkout.db"
        self.clock.at += timedelta(minutes=1)
        done = checkout(
            self.office.store.ctx, self.office_path, coach=laptop.coach, out=out,
            actor=self.admin, device_id=laptop.device_id,
        )  # fmt: skip
        cut = self.log.tick()
        laptop.side.store.close()
        receive(done.path, laptop.path)
        self.knowledge.receipts.append(Received(laptop.name, cut, self.log.tick()))
        laptop.side.store = open_laptop(laptop.path, laptop.coach, self.clock)

    # The week ---------------------------------------------------------------------------

    def run(self) -> WeekResult:
        for day in range(self.config.days):
            self.work_day(MONDAY + timedelta(days=day))
            last = day == self.config.days - 1
            order = self.rng.sample(self.laptops, len(self.laptops))
            self.clock.at = local_moment(MONDAY + timedelta(days=day), time(16))
            for laptop in order:
                if not last and self.rng.random() < self.config.skip:
                    self.result.skipped_checkins += 1
                    continue
                self.check_in(laptop, day + 1)
        self.resolve_inbox()
        for laptop in self.laptops:
            self.refresh(laptop, "final")
        self.check()
        return self.result

    def work_day(self, day: date) -> None:
        self.clock.at = local_moment(day, time(8))
        turns: list[Side | None] = [s for s in self.sides() for _ in range(self.config.edits)]
        turns += [None] * self.config.overlaps  # None: a deliberate overlap
        self.rng.shuffle(turns)
        for side in turns:
            if side is None:
                laptops = [laptop.side for laptop in self.laptops]
                self.result.edit_calls += overlapping_edit(self.rng, self.office, laptops)
            else:
                self.result.edit_calls += random_edit(self.rng, side)

    # The inbox, by rule -----------------------------------------------------------------

    def resolve_inbox(self) -> None:
        """Field conflicts: the laptop's value when its edit was the later, else the
        office's; two records of one person merged (the office's kept); others: office."""
        inbox = Inbox(self.office.store.ctx)
        names = {laptop.device_id: laptop.name for laptop in self.laptops}
        for conflict in inbox.conflicts(self.admin):
            if not conflict.is_open:
                continue
            if conflict.kind == "same_hetu" and self._merged(inbox, conflict):
                how = "person_merged"
            elif conflict.kind == "field" and self._laptop_later(
                conflict, names.get(conflict.device_id)
            ):
                how = self._take_laptop(inbox, conflict)
            else:
                inbox.keep_office(conflict.id, self.admin)
                how = "office"
            self.result.resolutions[how] = self.result.resolutions.get(how, 0) + 1

    def _take_laptop(self, inbox: Inbox, conflict: Conflict) -> str:
        """The laptop's value; the office's when the register's rules refuse it."""
        try:
            inbox.take_laptop(conflict.id, self.admin)
        except TranslatedError as exc:
            inbox.keep_office(conflict.id, self.admin)
            return f"office ({conflict.table}.{conflict.column}: laptop's {exc.key})"
        return "laptop"

    def _merged(self, inbox: Inbox, conflict: Conflict) -> bool:
        """Merge the laptop's record into the office's; False when the merge is refused
        (two open paths, say): the office's record is kept and the laptop's stays apart."""
        if conflict.other_row_id is None:
            return False
        try:
            inbox.merge_people(conflict.id, self.admin, keep_id=conflict.other_row_id)
        except TranslatedError:
            return False
        return True

    def _laptop_later(self, conflict: Conflict, laptop: str | None) -> bool:
        """Whether the laptop's value is the field's latest edit anywhere: typed after the
        office's, and not changed again since on any side (a person resolving sees the
        field as it is now, not as it was when the conflict was found)."""
        latest: Edit | None = None
        for edit in self.log.edits:
            if (edit.table, edit.row_id, edit.column) == (
                conflict.table,
                conflict.row_id,
                conflict.column,
            ):
                latest = edit
        return (
            latest is not None and latest.side == laptop and latest.value == conflict.laptop_value
        )

    # The checks ---------------------------------------------------------------------------

    def check(self) -> None:
        office_conn = self.office.store.db.conn
        self.result.edits = len(self.log.edits)
        for edit in self.log.edits:
            by_side = self.result.edits_by_side
            by_side[edit.side] = by_side.get(edit.side, 0) + 1
        for side in self.sides():
            for why, n in side.refused.items():
                self.result.refused[why] = self.result.refused.get(why, 0) + n
        self.result.open_conflicts = _count(office_conn, "sync_conflict WHERE resolved_at IS NULL")
        self.result.lost = lost_edits(office_conn, self.log.edits, self.knowledge)
        self.result.broken = [f"office: {what}" for what in broken_rows(office_conn)]
        for laptop in self.laptops:
            laptop_conn = laptop.side.store.db.conn
            self.result.broken += [f"{laptop.name}: {what}" for what in broken_rows(laptop_conn)]
            coach_id, start, end = laptop_window(laptop_conn)
            wrong = differing(
                office_scope_hashes(office_conn, coach_id, start, end), laptop_hashes(laptop_conn)
            )
            if wrong:
                self.result.mismatched[laptop.name] = wrong
        before = content_hashes(office_conn, "main", scoped=False)
        events = _count(office_conn, "audit_event WHERE device_id IS NOT NULL")
        for name, data in self.bundles:
            report = apply_bundle(self.office.store.ctx, data=data, name=name, actor=self.admin)
            self.result.reapplied += 1
            if not report.already_applied:
                self.result.reapply_changed.append(f"{name}: not seen as applied")
        after = content_hashes(office_conn, "main", scoped=False)
        self.result.reapply_changed += [f"table {t}" for t in differing(before, after)]
        again = _count(office_conn, "audit_event WHERE device_id IS NOT NULL") - events
        if again:
            self.result.reapply_changed.append(f"{again} laptop log events appended again")

    def sides(self) -> list[Side]:
        return [self.office, *(laptop.side for laptop in self.laptops)]

    def close(self) -> None:
        for side in self.sides():
            side.store.close()


def _count(conn, table: str) -> int:
    return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def staff_named(store: Store, username: str) -> Staff:
    staff = store.staff.find(username)
    assert staff is not None, username
    return staff


def open_laptop(path: Path, coach: Staff, clock: FixedClock) -> Store:
    """A laptop's store, unlocked with its coach's password when its key is not known."""
    if keyring.is_encrypted(path) and keyring.known_key(path) is None:
        keyring.unlock(path, coach.username, DEMO_PASSWORD)
    return Store.open(path, clock)


def run_week(config: WeekConfig, workdir: Path) -> WeekResult:
    week = Week(config, workdir)
    try:
        return week.run()
    finally:
        week.close()
