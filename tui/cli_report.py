"""`luotsi report day`: the day's report of a walk-in point as Rich tables."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from screens.reports import kompassi_report_text as kompassi_text
from screens.reports import paths_report_text as paths_text
from screens.reports import report_text
from screens.reports.report_text import (
    channels_table,
    hours_table,
    left_text,
    longest_table,
    nps_text,
    reasons_table,
    served_table,
)
from store.api import Store
from store.core.dates import format_date, parse_date
from store.core.db import damage_reported
from store.core.i18n import tr
from store.core.models import Site, Staff
from store.core.sites import SiteNotChosen, choose_site
from store.core.text import visible
from store.exports.day_report import DayReport, day_report
from store.exports.paths_report_file import export_paths_report, file_format
from store.kompassi.report import KompassiReport, kompassi_report
from store.paths.report import PathsReport, default_range, paths_report

from .cli_common import (
    DbOption,
    LangOption,
    UserOption,
    database_path,
    early_language,
    errors_reported,
    fail,
    site_message,
    staff_session,
)
from .cli_help import help_for

STRINGS: dict[str, tuple[str, str, str]] = {
    "cli.report.choose_site": (
        "käyttäjällä {username} ei ole toimipistettä; valitse se valitsimella --site:",
        "användaren {username} har inget verksamhetsställe; välj det med --site:",
        "{username} has no site of their own; choose one with --site:",
    ),
    "cli.report.unknown_coach": (
        "käyttäjää {username} ei ole; anna valmentajan käyttäjätunnus valitsimelle --coach",
        "användaren {username} finns inte; ange coachens användarnamn med --coach",
        "there is no user {username}; give --coach a coach's username",
    ),
}

report_app = typer.Typer(help=help_for("help.report"), no_args_is_help=True)


def _choose_site(store: Store, staff: Staff, asked: str | None, lang: str) -> Site:
    """--site by name (or the one site whose name contains it) or id; else the user's site."""
    own = store.sites.get(staff.site_id) if staff.site_id else None
    try:
        return choose_site(store.sites.all(), asked, default=own)
    except SiteNotChosen as exc:
        fail(site_message(exc, lang, tr("cli.report.choose_site", lang, username=staff.username)))


def print_report(report: DayReport, site: Site, lang: str, console: Console) -> None:
    def t(key: str, **params: object) -> str:
        # A stored name's control characters are shown as symbols (`visible`), never sent.
        shown = {k: visible(v) if isinstance(v, str) else v for k, v in params.items()}
        return tr(key, lang, **shown)

    def heading(key: str) -> None:
        console.print()
        console.print(f"[bold]{escape(t(key))}[/bold]")

    console.print(f"[bold]{escape(t('report.title', date=format_date(report.day)))}[/bold]")
    console.print(escape(t("report.site", site=site.name)))
    console.print(escape(t("report.visits", count=report.visits)))
    if report.visits == 0:
        console.print(escape(t("report.no_visits")))

    heading("report.by_reason")
    console.print(reasons_table(report, lang))
    console.print(f"[dim]{escape(t('report.reason_note'))}[/dim]")
    heading("report.by_channel")
    console.print(channels_table(report, lang))
    heading("report.by_hour")
    console.print(hours_table(report, lang))

    console.print()
    console.print(escape(report_text.waits_text(report, lang)))
    console.print(escape(left_text(report, lang)))
    console.print(escape(nps_text(report, lang)))

    heading("report.served")
    console.print(served_table(report, lang) if report.served else escape(t("report.served_none")))
    heading("report.longest")
    if report.longest_waits:
        console.print(longest_table(report, lang))
    else:
        console.print(escape(t("report.no_visits")))


@report_app.command("day", help=help_for("help.report.day"))
def day_command(
    ctx: typer.Context,
    day: Annotated[
        str | None,
        typer.Option("--date", help=help_for("help.report.date")),
    ] = None,
    site: Annotated[str | None, typer.Option(help=help_for("help.report.site"))] = None,
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """Print a site's day report, the figures the day report screen shows."""
    early_lang = early_language(ctx, lang)
    with errors_reported(early_lang):
        asked_day = parse_date(day) if day is not None else None
    # A damaged page is said in the staff member's language once they are known.
    with (
        errors_reported(early_lang),
        damage_reported(database_path(ctx, db)),
        staff_session(ctx, db, user, lang) as session,
        damage_reported(session.store.db),
    ):
        chosen_site = _choose_site(session.store, session.staff, site, session.lang)
        chosen_day = asked_day or session.store.today()
        report = day_report(
            session.store.visits, session.store.feedback, chosen_day, chosen_site.id
        )
    print_report(report, chosen_site, session.lang, Console(highlight=False))


def print_paths_report(report: PathsReport, site_name: str, lang: str, console: Console) -> None:
    """The paths report as the screen shows it: headline lines, then its three tables."""
    console.print(f"[bold]{escape(paths_text.title_text(report, lang))}[/bold]")
    console.print(escape(tr("paths_report.site", lang, site=visible(site_name))))
    for line in paths_text.summary_lines(report, lang):
        console.print(escape(line))
    for key, table in (
        ("paths_report.outcomes", paths_text.outcomes_table),
        ("paths_report.sequences", paths_text.sequences_table),
        ("paths_report.services", paths_text.services_table),
    ):
        console.print()
        console.print(f"[bold]{escape(tr(key, lang))}[/bold]")
        console.print(table(report, lang))


@report_app.command("paths", help=help_for("help.report.paths"))
def paths_command(
    ctx: typer.Context,
    first: Annotated[
        str | None, typer.Option("--from", help=help_for("help.report.paths.from"))
    ] = None,
    last: Annotated[str | None, typer.Option("--to", help=help_for("help.report.paths.to"))] = None,
    site: Annotated[str | None, typer.Option(help=help_for("help.report.paths.site"))] = None,
    out: Annotated[Path | None, typer.Option(help=help_for("help.report.paths.out"))] = None,
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """Print (or write to --out) where the paths that ended in the range led."""
    early_lang = early_language(ctx, lang)
    with errors_reported(early_lang):
        asked_first = parse_date(first) if first is not None else None
        asked_last = parse_date(last) if last is not None else None
        if out is not None:
            file_format(out)
    with (
        errors_reported(early_lang),
        damage_reported(database_path(ctx, db)),
        staff_session(ctx, db, user, lang) as session,
        errors_reported(session.lang),
        damage_reported(session.store.db),
    ):
        store = session.store
        chosen = choose_site(store.sites.all(), site) if site is not None else None
        default_first, default_last = default_range(store.today())
        first_day, last_day = asked_first or default_first, asked_last or default_last
        site_id = chosen.id if chosen else None
        if out is not None:
            written = export_paths_report(
                store.ctx, session.staff, first_day, last_day, out, site_id, session.lang
            )
            typer.echo(tr("paths_report.written", session.lang, path=written.path))
            return
        report = paths_report(store.ctx, session.staff, first_day, last_day, site_id)
    site_name = chosen.name if chosen else tr("paths_report.all_sites", session.lang)
    print_paths_report(report, site_name, session.lang, Console(highlight=False))


def print_kompassi_report(
    report: KompassiReport, site_name: str, coach_name: str, lang: str, console: Console
) -> None:
    """The Kompassi report as the screen shows it: headline lines, the table, the notes."""
    console.print(f"[bold]{escape(kompassi_text.title_text(report, lang))}[/bold]")
    for line in kompassi_text.summary_lines(report, lang, visible(site_name), visible(coach_name)):
        console.print(escape(line))
    console.print()
    console.print(kompassi_text.domains_table(report, lang))
    console.print()
    for line in kompassi_text.note_lines(lang):
        console.print(f"[dim]{escape(line)}[/dim]")


@report_app.command("kompassi", help=help_for("help.report.kompassi"))
def kompassi_command(
    ctx: typer.Context,
    first: Annotated[
        str | None, typer.Option("--from", help=help_for("help.report.kompassi.from"))
    ] = None,
    last: Annotated[
        str | None, typer.Option("--to", help=help_for("help.report.kompassi.to"))
    ] = None,
    site: Annotated[str | None, typer.Option(help=help_for("help.report.kompassi.site"))] = None,
    coach: Annotated[str | None, typer.Option(help=help_for("help.report.kompassi.coach"))] = None,
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """Print how far clients have moved since their Kompassi baseline, per domain."""
    early_lang = early_language(ctx, lang)
    with errors_reported(early_lang):
        asked_first = parse_date(first) if first is not None else None
        asked_last = parse_date(last) if last is not None else None
    with (
        errors_reported(early_lang),
        damage_reported(database_path(ctx, db)),
        staff_session(ctx, db, user, lang) as session,
        errors_reported(session.lang),
        damage_reported(session.store.db),
    ):
        store = session.store
        chosen = choose_site(store.sites.all(), site) if site is not None else None
        coach_staff = store.staff.find(coach) if coach is not None else None
        if coach is not None and coach_staff is None:
            fail(tr("cli.report.unknown_coach", session.lang, username=coach.strip()))
        default_first, default_last = default_range(store.today())
        first_day, last_day = asked_first or default_first, asked_last or default_last
        report = kompassi_report(
            store.ctx,
            session.staff,
            first_day,
            last_day,
            chosen.id if chosen else None,
            coach_staff.id if coach_staff else None,
        )
    site_name = chosen.name if chosen else tr("kompassi_report.all_sites", session.lang)
    coach_name = (
        coach_staff.display_name if coach_staff else tr("kompassi_report.all_coaches", session.lang)
    )
    print_kompassi_report(report, site_name, coach_name, session.lang, Console(highlight=False))


# `report no-shows` lives in its own module, registered here beside the other reports.
from .cli_report_schedule import no_shows_command, no_shows_help  # noqa: E402

report_app.command("no-shows", help=no_shows_help())(no_shows_command)
