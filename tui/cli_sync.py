"""`luotsi sync`: check a laptop out to a coach, pack its changes, check them in at the
office, put the office's new check-out on the laptop, and list and revoke laptops.

The conflicts inbox's commands are in `cli_sync_inbox`. Every refusal of the store is
`luotsi: <message>` in the user's language and exit code 2, with nothing changed."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from store.core import keyring
from store.core.dates import format_stored_day
from store.core.i18n import tr
from store.core.models import Staff
from store.core.text import visible
from store.sync.devices import device_name

from .cli_common import (
    DbOption,
    LangOption,
    Session,
    UserOption,
    early_language,
    errors_reported,
    existing_database,
    fail,
    unlock_for_cli,
)
from .cli_sync_common import echo_conflict, last_day, moment, sync_session
from .cli_sync_help import sync_help
from .cli_sync_inbox import register_inbox_commands

if TYPE_CHECKING:
    from store.sync.models import ApplyReport, CheckoutResult


sync_app = typer.Typer(help=sync_help("help.sync"), no_args_is_help=True)


def _path(session: Session) -> Path:
    assert session.store.path is not None  # staff_session opens the store from a file
    return session.store.path


def _coach(session: Session, username: str) -> Staff:
    coach = session.store.staff.find(username)
    if coach is None:
        fail(tr("cli.sync.unknown_coach", session.lang, username=username))
    return coach


def _echo_checkout(result: CheckoutResult, coach: Staff, lang: str, *, rows: bool) -> None:
    typer.echo(
        tr(
            "cli.sync.checkout.done",
            lang,
            device=result.device_id[:8],
            coach=visible(coach.display_name),
            clients=result.clients,
            start=format_stored_day(result.window_from),
            end=last_day(result.window_to),
        )
    )
    if rows:
        typer.echo(tr("cli.sync.rows", lang))
        for table, count in result.rows.items():
            if count:
                typer.echo(f"  {table}: {count}")
    typer.echo(tr("cli.sync.checkout.files", lang))
    for file in result.files:
        typer.echo(f"  {file}")
    key = "cli.sync.checkout.encrypted" if result.encrypted else "cli.sync.checkout.plain"
    typer.echo(tr(key, lang))


@sync_app.command("checkout", help=sync_help("help.sync.checkout"))
def checkout_command(
    ctx: typer.Context,
    coach: Annotated[str, typer.Option("--coach", help=sync_help("help.sync.coach"))],
    out: Annotated[
        Path, typer.Option("--out", dir_okay=False, help=sync_help("help.sync.checkout_out"))
    ],
    label: Annotated[str | None, typer.Option(help=sync_help("help.sync.label"))] = None,
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """A new laptop database holding one coach's clients and bookings."""
    from store.sync.checkout import checkout

    with sync_session(ctx, db, user, lang, "sync.checkout") as session:
        target = _coach(session, coach)
        result = checkout(
            session.store.ctx,
            _path(session),
            coach=target,
            out=out,
            actor=session.staff,
            label=label.strip() if label and label.strip() else None,
        )
        _echo_checkout(result, target, session.lang, rows=True)


def _echo_report(session: Session, report: ApplyReport, device: str) -> None:
    lang = session.lang
    coach = session.store.staff.get(report.coach_id)
    typer.echo(
        tr(
            "cli.sync.apply.head",
            lang,
            bundle=report.bundle_id[:8],
            device=visible(device),
            coach=visible(coach.display_name) if coach else report.coach_id[:8],
            packed=moment(report.packed_at),
        )
    )
    if report.dry_run:
        typer.echo(tr("cli.sync.apply.dry_run", lang))
    if report.already_applied:
        typer.echo(tr("cli.sync.apply.already", lang))
        return
    changed = {table: counts for table, counts in report.per_table.items() if counts.total}
    if not changed and not report.conflicts and not report.known_conflicts:
        typer.echo(tr("cli.sync.apply.no_changes", lang))
    for table, counts in changed.items():
        typer.echo(
            tr(
                "cli.sync.apply.table",
                lang,
                table=table,
                inserted=counts.inserted,
                updated=counts.updated,
                deleted=counts.deleted,
            )
        )
    typer.echo(tr("cli.sync.apply.merged", lang, count=report.merged_fields))
    typer.echo(tr("cli.sync.apply.conflicts", lang, count=len(report.conflicts)))
    names = session.store.devices.client_names(c.client_id for c in report.conflicts)
    for found in report.conflicts:
        echo_conflict(found, names.get(found.client_id or ""), lang)
    if report.known_conflicts:
        typer.echo(tr("cli.sync.apply.known", lang, count=report.known_conflicts))
    typer.echo(tr("cli.sync.apply.audit", lang, count=report.audit_rows))


@sync_app.command("apply", help=sync_help("help.sync.apply"))
def apply_command(
    ctx: typer.Context,
    bundle: Annotated[Path, typer.Argument(help=sync_help("help.sync.bundle"), dir_okay=False)],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help=sync_help("help.sync.dry_run"))
    ] = False,
    out: Annotated[
        Path | None, typer.Option("--out", dir_okay=False, help=sync_help("help.sync.apply_out"))
    ] = None,
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """Check a bundle in (or only show what it would do), then write the laptop's new
    check-out, so it can go on working from what the office now holds."""
    from screens.shell.background import describe_error
    from store.sync.checkin import check_in

    with sync_session(ctx, db, user, lang, "sync.apply") as session:
        store = session.store
        done = check_in(
            store.ctx, _path(session), bundle, actor=session.staff, dry_run=dry_run, out=out
        )
        report = done.report
        _echo_report(session, report, device_name(store.devices.get(report.device_id)))
        if done.refresh_failed is not None:
            reason = describe_error(done.refresh_failed, session.lang)
            fail(tr("sync_checkin.refresh_failed", session.lang, reason=reason))
        if done.refreshed is not None:
            typer.echo(tr("cli.sync.apply.refreshed", session.lang))
            for file in done.refreshed.files:
                typer.echo(f"  {file}")


@sync_app.command("pack", help=sync_help("help.sync.pack"))
def pack_command(
    ctx: typer.Context,
    out: Annotated[
        Path, typer.Option("--out", dir_okay=False, help=sync_help("help.sync.pack_out"))
    ],
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """Everything changed on this laptop since its check-out, sealed for the office."""
    from store.sync.pack import pack

    with sync_session(ctx, db, user, lang, "sync.pack", "cli.sync.coach_only") as session:
        result = pack(session.store.ctx, _path(session), out=out, actor=session.staff)
    typer.echo(
        tr(
            "cli.sync.pack.done",
            session.lang,
            path=result.path,
            changes=result.changes,
            audit=result.audit_rows,
        )
    )
    typer.echo(tr("cli.sync.pack.next", session.lang))


@sync_app.command("receive", help=sync_help("help.sync.receive"))
def receive_command(
    ctx: typer.Context,
    checkout_file: Annotated[
        Path, typer.Argument(help=sync_help("help.sync.checkout_file"), dir_okay=False)
    ],
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """Replace this laptop's database with the office's new check-out of it (refused
    while the laptop holds changes that were not packed)."""
    from store.sync.receive import receive

    ui_lang = early_language(ctx, lang)
    laptop = existing_database(ctx, db, ui_lang)
    if not checkout_file.is_file():
        fail(tr("sync.error.unreadable", ui_lang, path=checkout_file))
    # Both files open with the coach's own password: asked once, for whichever is locked.
    credentials = unlock_for_cli(ctx, laptop, ui_lang, user)
    if credentials is None:
        unlock_for_cli(ctx, checkout_file, ui_lang, user)
    elif keyring.is_encrypted(checkout_file) and keyring.known_key(checkout_file) is None:
        with errors_reported(ui_lang):
            keyring.unlock(checkout_file, credentials.username, credentials.password)
    with errors_reported(ui_lang):
        receive(checkout_file, laptop)
    typer.echo(tr("cli.sync.receive.done", ui_lang, path=laptop))


@sync_app.command("devices", help=sync_help("help.sync.devices"))
def devices_command(
    ctx: typer.Context, user: UserOption = None, db: DbOption = None, lang: LangOption = None
) -> None:
    """Every laptop checked out: its coach, check-out, last check-in, what is pending."""
    with sync_session(ctx, db, user, lang, "sync.devices") as session:
        devices = session.store.devices.list(session.staff)
    lang_ = session.lang
    if not devices:
        typer.echo(tr("cli.sync.devices.none", lang_))
        return
    table = Table()
    columns = ("id", "label", "coach", "checked_out", "last_checkin", "pending", "conflicts")
    for column in (*columns, "revoked"):
        table.add_column(tr(f"cli.sync.column.{column}", lang_))
    for device in devices:
        cells: Sequence[str] = (
            device.id[:8],
            device.label or "",
            device.coach_name,
            moment(device.checked_out_at),
            moment(device.last_checkin_at) or tr("cli.sync.never", lang_),
            tr("cli.sync.yes" if device.pending else "cli.sync.no", lang_),
            str(device.open_conflicts),
            moment(device.revoked_at),
        )
        table.add_row(*(escape(visible(cell)) for cell in cells))
    Console(highlight=False).print(table)


@sync_app.command("revoke", help=sync_help("help.sync.revoke"))
def revoke_command(
    ctx: typer.Context,
    device: Annotated[str, typer.Argument(help=sync_help("help.sync.device"))],
    reason: Annotated[str, typer.Option("--reason", help=sync_help("help.sync.reason"))],
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """Refuse everything a lost laptop sends from now on, and say what it held."""
    with sync_session(ctx, db, user, lang, "sync.devices") as session:
        devices = session.store.devices
        report = devices.revoke(devices.find(device).id, session.staff, reason)
    lang_ = session.lang
    revoked = report.device
    typer.echo(tr("cli.sync.revoke.done", lang_, name=visible(device_name(revoked))))
    typer.echo(
        tr(
            "cli.sync.revoke.checkout",
            lang_,
            coach=visible(revoked.coach_name),
            checked_out=moment(report.checked_out_at),
            start=format_stored_day(report.window_from),
            end=last_day(report.window_to),
        )
    )
    last = moment(report.last_checkin_at) or tr("cli.sync.never", lang_)
    typer.echo(tr("cli.sync.revoke.last_checkin", lang_, when=last))
    typer.echo(tr("cli.sync.revoke.lost", lang_, since=moment(report.unsent_since)))
    typer.echo(tr("cli.sync.revoke.clients", lang_, count=len(report.clients)))
    for client in report.clients:
        typer.echo(f"  {visible(client.name)}  {client.id}")


register_inbox_commands(sync_app)  # listed after the office's and the laptop's commands
