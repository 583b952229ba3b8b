"""`Store`: the typed API that the screens and the CLI use; every write is one transaction."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from . import audit, clients, search
from .auth import dummy_hash, hash_password, require, verify_password
from .clock import Clock, local_day_bounds, new_id, to_iso
from .db import open_db, write_transaction
from .models import AuditAction, AuditEvent, Client, ClientMatch, Role, Site, Staff, TodayCounts
from .settings import Settings
from .visits import VisitRegister

if TYPE_CHECKING:
    from sqlite_utils import Database

_STAFF_COLUMNS = "id, username, display_name, role, site_id, language, active"


def _to_staff(row: tuple) -> Staff:
    staff_id, username, display_name, role, site_id, language, active = row
    return Staff(staff_id, username, display_name, role, site_id, language, bool(active))


def match_site(sites: list[Site], text: str) -> Site | None:
    wanted = text.strip().casefold()
    for site in sites:
        if site.id == text.strip() or site.name.casefold() == wanted:
            return site
    partial = [site for site in sites if wanted and wanted in site.name.casefold()]
    return partial[0] if len(partial) == 1 else None


class Store:
    def __init__(self, db: Database, clock: Clock | None = None) -> None:
        self.db = db
        self.clock = clock or Clock()
        self.visits = VisitRegister(self)
        self.settings = Settings(self)
        # The file behind `db`, so a thread worker can open its own connection to it.
        self.path: Path | None = None

    @classmethod
    def open(cls, path: str | Path, clock: Clock | None = None) -> Store:
        store = cls(open_db(path), clock)
        store.path = Path(path)
        return store

    def close(self) -> None:
        self.db.close()

    def _now(self) -> str:
        return to_iso(self.clock.now())

    def today(self) -> date:
        return self.clock.today()

    # Sites ---------------------------------------------------------------------------

    def create_site(self, name: str, municipality: str, employment_area: str) -> Site:
        site = Site(new_id(), name, municipality, employment_area)
        now = self._now()
        with write_transaction(self.db):
            self.db.execute(
                "INSERT INTO site (id, name, municipality, employment_area, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                [site.id, name, municipality, employment_area, now, now],
            )
        return site

    def get_site(self, site_id: str) -> Site | None:
        row = self.db.execute(
            "SELECT id, name, municipality, employment_area FROM site WHERE id = ?", [site_id]
        ).fetchone()
        return Site(*row) if row else None

    def find_site(self, text: str) -> Site | None:
        """A site by its id, its exact name (any case), or a part of its name that fits
        only one site; None when nothing or several fit."""
        return match_site(self.list_sites(), text)

    def list_sites(self) -> list[Site]:
        rows = self.db.execute(
            "SELECT id, name, municipality, employment_area FROM site"
            " WHERE deleted_at IS NULL ORDER BY name"
        ).fetchall()
        return [Site(*row) for row in rows]

    # Staff and login -----------------------------------------------------------------

    def create_staff(
        self,
        username: str,
        display_name: str,
        role: Role,
        password: str,
        site_id: str | None = None,
        language: str = "fi",
        actor: Staff | None = None,
    ) -> Staff:
        if actor is not None:
            require(actor, "staff.manage")
        staff = Staff(new_id(), username, display_name, role, site_id, language, True)
        now = self._now()
        with write_transaction(self.db):
            self.db.execute(
                "INSERT INTO staff (id, username, display_name, role, site_id, password_hash,"
                " language, active, created_at, updated_at, updated_by)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
                [
                    staff.id,
                    username,
                    display_name,
                    role,
                    site_id,
                    hash_password(password),
                    language,
                    now,
                    now,
                    actor.id if actor else None,
                ],
            )
        return staff

    def get_staff(self, staff_id: str) -> Staff | None:
        row = self.db.execute(
            f"SELECT {_STAFF_COLUMNS} FROM staff WHERE id = ?", [staff_id]
        ).fetchone()
        return _to_staff(row) if row else None

    def list_staff(self, role: Role | None = None) -> list[Staff]:
        sql = f"SELECT {_STAFF_COLUMNS} FROM staff WHERE deleted_at IS NULL AND active = 1"
        params: list[object] = []
        if role:
            sql += " AND role = ?"
            params.append(role)
        rows = self.db.execute(sql + " ORDER BY display_name", params).fetchall()
        return [_to_staff(row) for row in rows]

    def authenticate(self, username: str, password: str) -> Staff | None:
        """Check a login; both outcomes land in the access log, neither says which part failed."""
        row = self.db.execute(
            f"SELECT {_STAFF_COLUMNS}, password_hash FROM staff"
            " WHERE username = ? AND deleted_at IS NULL",
            [username.strip()],
        ).fetchone()
        staff = _to_staff(row[:-1]) if row else None
        ok = verify_password(password, row[-1] if row else dummy_hash())
        ok = ok and staff is not None and staff.active
        now = self._now()
        with write_transaction(self.db):
            if ok:
                assert staff is not None
                audit.log_event(
                    self.db,
                    now,
                    staff_id=staff.id,
                    action="login",
                    entity="staff",
                    entity_id=staff.id,
                )
            else:
                # The typed name is kept only when it is a real account, so a password
                # mistyped into the username field never lands in the log.
                audit.log_event(
                    self.db,
                    now,
                    staff_id=None,
                    action="failed_login",
                    entity="staff",
                    entity_id=staff.id if staff else None,
                )
        return staff if ok else None

    def set_language(self, staff: Staff, language: str) -> Staff:
        with write_transaction(self.db):
            self.db.execute(
                "UPDATE staff SET language = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                [language, self._now(), staff.id, staff.id],
            )
        updated = self.get_staff(staff.id)
        assert updated is not None
        return updated

    # Clients -------------------------------------------------------------------------

    def search_clients(self, text: str, limit: int = search.SEARCH_LIMIT) -> list[ClientMatch]:
        return search.search_clients(self.db, text, self.today(), limit)

    def open_client(self, actor: Staff, client_id: str, purpose: str | None = None) -> Client:
        """Read a client card in full; the view is written to the access log."""
        require(actor, "client.view")
        with write_transaction(self.db):
            client = clients.fetch_client(self.db, client_id)
            audit.log_event(
                self.db,
                self._now(),
                staff_id=actor.id,
                action="view",
                entity="client",
                entity_id=client_id,
                client_id=client_id,
                purpose=purpose,
            )
        return client

    def coach_of(self, client_id: str) -> Staff | None:
        """The client's own coach (OMA-valmentaja), if one is named."""
        row = self.db.execute("SELECT coach_id FROM client WHERE id = ?", [client_id]).fetchone()
        return self.get_staff(row[0]) if row and row[0] else None

    def visitor_language(self, client_id: str) -> str | None:
        """The language to ask a client's feedback in (fi/sv/en), if they have one."""
        row = self.db.execute(
            "SELECT service_language FROM client WHERE id = ?", [client_id]
        ).fetchone()
        return row[0] if row and row[0] in ("fi", "sv", "en") else None

    def check_client(
        self, raw: Mapping[str, str], client_id: str | None = None
    ) -> dict[str, object]:
        """Validate a client form without saving; raises `ValidationError` with every error."""
        return clients.check_client(self.db, raw, self.today(), client_id=client_id)

    def possible_duplicates(self, raw: Mapping[str, str]) -> list[Client]:
        """Clients who may be the person on a new-client form (call after it validates)."""
        return clients.possible_duplicates(
            self.db, clients.check_client(self.db, raw, self.today())
        )

    def create_client(self, actor: Staff, raw: Mapping[str, str]) -> Client:
        require(actor, "client.edit")
        with write_transaction(self.db):
            values = clients.check_client(self.db, raw, self.today())
            client_id = clients.insert_client(
                self.db, values, actor_id=actor.id, at_iso=self._now()
            )
            return clients.fetch_client(self.db, client_id)

    def update_client(
        self,
        actor: Staff,
        client_id: str,
        raw: Mapping[str, str],
        expected_updated_at: str | None = None,
    ) -> Client:
        """Save a corrected card; `expected_updated_at` guards against overwriting a newer edit."""
        require(actor, "client.edit")
        with write_transaction(self.db):
            values = clients.check_client(self.db, raw, self.today(), client_id=client_id)
            clients.update_client_row(
                self.db,
                client_id,
                values,
                actor_id=actor.id,
                at_iso=self._now(),
                expected_updated_at=expected_updated_at,
            )
            return clients.fetch_client(self.db, client_id)

    def delete_client(self, actor: Staff, client_id: str) -> None:
        require(actor, "client.delete")
        with write_transaction(self.db):
            clients.soft_delete_client_row(
                self.db, client_id, actor_id=actor.id, at_iso=self._now()
            )

    # Overview and log ----------------------------------------------------------------

    def today_counts(self, site_id: str | None = None) -> TodayCounts:
        """Today's figures; visits and feedback for `site_id` when one is given."""
        start, end = local_day_bounds(self.today())
        registered = clients.count_created_between(self.db, start, end)
        if site_id is None:
            return TodayCounts(clients_registered=registered)
        visits = self.visits.day_visits(site_id, self.today())
        nps = self.visits.nps(site_id)
        return TodayCounts(
            clients_registered=registered,
            visits=len(visits),
            waiting=sum(1 for v in visits if v.is_waiting),
            nps_responses=nps.responses,
            nps=nps.score,
        )

    def audit_events(
        self,
        *,
        client_id: str | None = None,
        staff_id: str | None = None,
        action: AuditAction | None = None,
        entity_id: str | None = None,
    ) -> list[AuditEvent]:
        return audit.events(
            self.db, client_id=client_id, staff_id=staff_id, action=action, entity_id=entity_id
        )
