"""Frozen records of the installation itself: sites, staff, sessions and the access log."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Role = Literal["reception", "coach", "admin"]
ROLES: tuple[Role, ...] = ("reception", "coach", "admin")
AuditAction = Literal["view", "create", "update", "delete", "export", "login", "failed_login"]


@dataclass(frozen=True)
class Site:
    id: str
    name: str
    municipality: str
    employment_area: str


@dataclass(frozen=True)
class Staff:
    id: str
    username: str
    display_name: str
    role: Role
    site_id: str | None
    language: str
    active: bool


@dataclass(frozen=True)
class Session:
    """Who is using Luotsi right now, and where."""

    staff: Staff
    site: Site | None


@dataclass(frozen=True)
class AuditEvent:
    id: str
    at: str
    staff_id: str | None
    action: AuditAction
    entity: str
    entity_id: str | None
    client_id: str | None
    purpose: str | None
