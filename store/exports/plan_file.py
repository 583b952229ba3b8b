"""Writing a client's employment plan to a file: opened as the path is (same access rules),
logged before the file appears, and the file whole or not at all (see files.py)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from store.clients.repository import fetch_client
from store.core.audit import log_event
from store.core.clock import new_id
from store.core.context import Context
from store.core.dates import format_date
from store.core.db import write_transaction
from store.core.i18n import LANGUAGES
from store.core.models import Staff
from store.core.staff import StaffRepository
from store.exports.files import (
    check_folder,
    durable_commits,
    remove_stale_temporaries,
)
from store.exports.visit_export import ExportError, place_logged, slug, unwritable
from store.paths.catalog import ServiceCatalog
from store.paths.plan import PlanFormat, plan_format_of, plan_language, render_plan
from store.paths.repository import PathRepository


@dataclass(frozen=True)
class PlanDefaults:
    """What the plan dialog offers before anything is typed."""

    file_name: str  # tyollistymissuunnitelma-<last name>-<d.m.yyyy>.html
    lang: str  # the client's service language (Finnish for any other)
    client_name: str


def default_plan_name(last_name: str, today: date, fmt: PlanFormat = "html") -> str:
    return f"tyollistymissuunnitelma-{slug(last_name)}-{format_date(today)}.{fmt}"


def plan_defaults(ctx: Context, client_id: str) -> PlanDefaults:
    """The default file name and language of a client's plan (nothing is logged: the
    client's name and language are what the user who has the path open sees already)."""
    client = fetch_client(ctx, client_id)
    name = default_plan_name(client.last_name, ctx.today())
    return PlanDefaults(name, plan_language(client), client.full_name)


def check_plan_target(out: Path) -> PlanFormat:
    """The format `out` asks for by its suffix; raises `ExportError` for another suffix or
    a place the file cannot be written."""
    fmt = plan_format_of(out.suffix)
    if fmt is None:
        raise ExportError("plan.error.suffix", path=out)
    problem = check_folder(out)
    if problem is not None:
        raise unwritable(out, None if out.is_dir() else problem)
    return fmt


def write_plan(
    ctx: Context,
    actor: Staff,
    client_id: str,
    out: Path,
    lang: str | None = None,
    purpose: str | None = None,
) -> Path:
    """Write the client's employment plan to `out` (.html, .htm or .md) in `lang` (default
    the client's service language) and return where it was written.

    The path opens as on F4 (`PathRepository.open`: reception is refused, a path outside
    the user's caseload needs a `purpose`); the plan is then in the access log (action
    export, entity plan, the file named in its purpose), committed to the disk before the
    file is placed, mode 0600. Raises `ExportError` (nothing written), `PermissionDenied`
    or `PurposeRequired`."""
    out = Path(out).absolute()
    if lang is not None and lang not in LANGUAGES:
        raise ExportError("plan.error.lang", lang=lang)
    fmt = check_plan_target(out)
    if ctx.db.conn.in_transaction:
        raise RuntimeError("an export commits its log entry itself: call it outside a transaction")
    view = PathRepository(ctx, ServiceCatalog(ctx)).open(actor, client_id, purpose)
    if view.path is None:
        raise ExportError("plan.error.no_path")
    coach_id = view.client.coach_id or view.path.coach_id  # the coach now, if handed over
    coach = StaffRepository(ctx).get(coach_id) if coach_id else None
    lang = lang or plan_language(view.client)
    data = render_plan(view, coach, lang, fmt, ctx.today()).encode("utf-8")
    remove_stale_temporaries(out.parent)

    stated = (purpose or "").strip()
    digest = hashlib.sha256(data).hexdigest()
    summary = f"{stated + '; ' if stated else ''}{fmt}; {lang}; sha256={digest}; file={out}"
    plan_id = new_id()
    with durable_commits(ctx.db), write_transaction(ctx.db):
        log_event(
            ctx,
            staff_id=actor.id,
            action="export",
            entity="plan",
            entity_id=plan_id,
            client_id=client_id,
            purpose=summary,
        )
    place_logged(ctx, actor, "plan", plan_id, [(out, data)])
    return out
