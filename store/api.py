"""`Store`: the composition root the screens and the CLI use, one repository per aggregate.

Each repository gets a `Context` (the connection and the clock), never the `Store`;
every write is one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from store.clients.repository import ClientRepository
from store.core.audit import AuditLog
from store.core.clock import Clock, local_day_bounds, use_zone
from store.core.context import Context
from store.core.db import open_db
from store.core.errors import SQLITE_ERRORS
from store.core.models import Staff
from store.core.settings import Settings
from store.core.sites import SiteRepository
from store.core.staff import StaffRepository
from store.kompassi.instruments import InstrumentCatalog
from store.kompassi.repository import KompassiRepository
from store.kompassi.suggestions import KompassiSuggestions
from store.paths.catalog import ServiceCatalog
from store.paths.repository import PathRepository
from store.schedule.checkin import Checkin
from store.schedule.day_sheet import DaySheet
from store.schedule.groups import GroupSessions
from store.schedule.hours import WorkingTime
from store.schedule.repository import Schedule
from store.schedule.reviews import Reviews
from store.schedule.rooms import Rooms
from store.sync.devices import Devices
from store.sync.inbox import Inbox
from store.sync.laptop import laptop_state
from store.visits.feedback import FeedbackBox
from store.visits.register import VisitRegister

if TYPE_CHECKING:
    from datetime import date

    from sqlite_utils import Database


@dataclass(frozen=True)
class TodayCounts:
    clients_registered: int
    visits: int = 0
    waiting: int = 0
    nps_responses: int = 0
    nps: float | None = None  # None while too few answers to show


class Store:
    def __init__(self, db: Database, clock: Clock | None = None) -> None:
        self.ctx = Context(db, clock or Clock())
        self.sites = SiteRepository(self.ctx)
        self.staff = StaffRepository(self.ctx)
        self.settings = Settings(self.ctx)
        use_zone(self.settings.zone())  # the installation's clock, not the machine's
        self.audit = AuditLog(self.ctx)
        self.clients = ClientRepository(self.ctx)
        self.visits = VisitRegister(self.ctx, self.settings)
        self.feedback = FeedbackBox(self.ctx, self.settings)
        self.catalog = ServiceCatalog(self.ctx)
        self.paths = PathRepository(self.ctx, self.catalog)
        self.instruments = InstrumentCatalog(self.ctx)
        self.kompassi = KompassiRepository(self.ctx, self.instruments)
        self.kompassi_suggestions = KompassiSuggestions(self.ctx, self.kompassi, self.paths)
        self.working_time = WorkingTime(self.ctx)
        self.schedule = Schedule(self.ctx, self.working_time)
        self.groups = GroupSessions(self.ctx)
        self.reviews = Reviews(self.ctx)
        self.day_sheet = DaySheet(self.ctx, self.schedule, self.groups, self.reviews, self.paths)
        self.rooms = Rooms(self.ctx)
        self.checkin = Checkin(self.ctx, self.schedule, self.visits, self.clients)
        self.devices = Devices(self.ctx)
        self.inbox = Inbox(self.ctx)
        # The file behind `db`, so a thread worker can open its own connection to it.
        self.path: Path | None = None

    @classmethod
    def open(cls, path: str | Path, clock: Clock | None = None, *, migrate: bool = True) -> Store:
        """The store over the file at `path`; `migrate=False` for a second connection
        (a thread worker's) to a file the app has already opened and migrated."""
        store = cls(open_db(path, migrate=migrate), clock)
        store.path = Path(path)
        # A desk opened: the waiting-room board has its side file from now on (a laptop
        # has no desk and no board).
        if migrate and laptop_state(store.db) is None:
            store.visits.publish_board()
        return store

    @property
    def db(self) -> Database:
        return self.ctx.db

    @property
    def clock(self) -> Clock:
        return self.ctx.clock

    def close(self) -> None:
        # The board's side file as this store leaves it (a new site, say, after `init`):
        # only when it wrote something; a reading worker or report leaves the file alone.
        if _wrote(self.ctx.db) and laptop_state(self.db) is None:
            self.visits.publish_board()
        self.ctx.db.close()

    def today(self) -> date:
        return self.ctx.today()

    def coach_of(self, client_id: str) -> Staff | None:
        """The client's own coach (OMA-valmentaja), if one is named."""
        coach_id = self.clients.coach_id_of(client_id)
        return self.staff.get(coach_id) if coach_id else None

    def today_counts(self, site_id: str | None = None) -> TodayCounts:
        """Today's figures; visits and feedback for `site_id` when one is given."""
        start, end = local_day_bounds(self.today())
        registered = self.clients.registered_between(start, end)
        if site_id is None:
            return TodayCounts(clients_registered=registered)
        visits = self.visits.day_visits(site_id, self.today())
        nps = self.feedback.nps(site_id)
        return TodayCounts(
            clients_registered=registered,
            visits=len(visits),
            waiting=sum(1 for v in visits if v.is_waiting),
            nps_responses=nps.responses,
            nps=nps.score,
        )


def _wrote(db: Database) -> bool:
    """Whether the connection changed any row (False once it is closed: closing twice
    is allowed and publishes nothing)."""
    try:
        return db.conn.total_changes > 0
    except SQLITE_ERRORS:
        return False
