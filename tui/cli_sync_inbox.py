"""`luotsi sync conflicts | resolve | merge | unmerge`: the conflicts inbox at the command
line (coaches see their own clients' conflicts, admins all)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

import typer

from store.core.i18n import tr
from store.core.text import visible

from .cli_common import DbOption, LangOption, Session, UserOption, fail
from .cli_sync_common import echo_conflict, moment, sync_session
from .cli_sync_help import sync_help

if TYPE_CHECKING:
    from store.sync.models import Conflict

INBOX_NOT_ALLOWED = "cli.sync.inbox_not_allowed"
MIN_ID_PREFIX = 6  # as for laptops: shorter could name many conflicts by accident

ConflictArgument = Annotated[str, typer.Argument(help=sync_help("help.sync.conflict_id"))]


def _inbox_session(ctx: typer.Context, db: DbOption, user: UserOption, lang: LangOption):
    return sync_session(ctx, db, user, lang, "sync.inbox", INBOX_NOT_ALLOWED)


def find_conflict(session: Session, text: str) -> Conflict:
    """The conflict the user may see whose id is `text` or starts with it (6 characters
    or more), else exit code 2 saying there is none, or that the start names several."""
    wanted = text.strip().lower()
    conflicts = session.store.inbox.conflicts(session.staff, include_resolved=True)
    matches = [
        c
        for c in conflicts
        if c.id == wanted or (len(wanted) >= MIN_ID_PREFIX and c.id.startswith(wanted))
    ]
    if not matches:
        fail(tr("cli.sync.no_conflict", session.lang, id=text))
    if len(matches) > 1:
        fail(tr("cli.sync.conflict_ambiguous", session.lang, id=text))
    return matches[0]


def _state(conflict: Conflict, lang: str) -> str:
    if conflict.resolution is None:
        return tr("cli.sync.open", lang)
    resolution = tr(f"cli.sync.resolution.{conflict.resolution}", lang)
    return f"{resolution} {moment(conflict.resolved_at)}"


def list_conflicts(
    ctx: typer.Context,
    all_: Annotated[bool, typer.Option("--all", help=sync_help("help.sync.all"))] = False,
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """The conflicts waiting for a decision, newest first (`--all`: resolved ones too)."""
    with _inbox_session(ctx, db, user, lang) as session:
        conflicts = session.store.inbox.conflicts(session.staff, include_resolved=all_)
        names = session.store.devices.client_names(c.client_id for c in conflicts)
    lang_ = session.lang
    if not conflicts:
        typer.echo(
            tr("cli.sync.conflicts.none_at_all" if all_ else "cli.sync.conflicts.none", lang_)
        )
        return
    for conflict in conflicts:
        head = f"{conflict.id[:8]}  [{_state(conflict, lang_)}]  "
        echo_conflict(conflict, names.get(conflict.client_id or ""), lang_, head)


def resolve_conflict(
    ctx: typer.Context,
    conflict_id: ConflictArgument,
    keep: Annotated[
        Literal["office", "laptop"] | None,
        typer.Option("--keep", help=sync_help("help.sync.keep")),
    ] = None,
    value: Annotated[str | None, typer.Option("--value", help=sync_help("help.sync.value"))] = None,
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """Keep the office's value, take the laptop's, or write a new one."""
    with _inbox_session(ctx, db, user, lang) as session:
        if (keep is None) == (value is None):
            fail(tr("cli.sync.resolve.choose", session.lang))
        inbox = session.store.inbox
        conflict = find_conflict(session, conflict_id)
        if value is not None:
            resolved = inbox.set_value(conflict.id, value, session.staff)
        elif keep == "office":
            resolved = inbox.keep_office(conflict.id, session.staff)
        else:
            resolved = inbox.take_laptop(conflict.id, session.staff)
    resolution = tr(f"cli.sync.resolution.{resolved.resolution}", session.lang)
    typer.echo(tr("cli.sync.resolve.done", session.lang, id=resolved.id[:8], resolution=resolution))


def merge_records(
    ctx: typer.Context,
    conflict_id: ConflictArgument,
    keep: Annotated[str, typer.Option("--keep", help=sync_help("help.sync.keep_client"))],
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """Two records of one person (a same-HETU conflict) become the one kept."""
    with _inbox_session(ctx, db, user, lang) as session:
        conflict = find_conflict(session, conflict_id)
        if conflict.kind != "same_hetu" or conflict.other_row_id is None:
            fail(tr("cli.sync.merge.not_same_hetu", session.lang, id=conflict.id[:8]))
        keep_id = _kept(session, conflict, keep)
        merge_id = session.store.inbox.merge_people(conflict.id, session.staff, keep_id=keep_id)
        name = session.store.devices.client_names([keep_id]).get(keep_id, keep_id[:8])
    typer.echo(tr("cli.sync.merge.done", session.lang, client=visible(name), merge=merge_id))


def _kept(session: Session, conflict: Conflict, keep: str) -> str:
    """The client id `keep` names: office (the office's record), laptop (the record the
    laptop brought), or the start of either id."""
    office, laptop = conflict.other_row_id or "", conflict.row_id
    wanted = keep.strip().lower()
    if wanted in ("office", "laptop"):
        return office if wanted == "office" else laptop
    chosen = [i for i in (office, laptop) if wanted and i.startswith(wanted)]
    if len(chosen) != 1:
        choices = f"office={office[:8]}, laptop={laptop[:8]}"
        fail(tr("cli.sync.merge.which", session.lang, choices=choices))
    return chosen[0]


def unmerge_records(
    ctx: typer.Context,
    merge_id: Annotated[str, typer.Argument(help=sync_help("help.sync.merge_id"))],
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """Undo a merge: both records as they were before it."""
    with _inbox_session(ctx, db, user, lang) as session:
        try:
            session.store.inbox.undo_merge(merge_id.strip(), session.staff)
        except LookupError:
            fail(tr("cli.sync.no_merge", session.lang, merge=merge_id.strip()))
    typer.echo(tr("cli.sync.unmerge.done", session.lang, merge=merge_id.strip()))


def register_inbox_commands(app: typer.Typer) -> None:
    app.command("conflicts", help=sync_help("help.sync.conflicts"))(list_conflicts)
    app.command("resolve", help=sync_help("help.sync.resolve"))(resolve_conflict)
    app.command("merge", help=sync_help("help.sync.merge"))(merge_records)
    app.command("unmerge", help=sync_help("help.sync.unmerge"))(unmerge_records)
