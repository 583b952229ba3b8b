"""`luotsi report no-shows`: appointments kept, missed and cancelled per coach and month."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from store.core.dates import format_date, parse_date
from store.core.db import damage_reported
from store.core.i18n import in_language, tr
from store.core.text import visible
from store.schedule.figures import MonthFigures, month_start

from .cli_common import (
    DbOption,
    LangOption,
    UserOption,
    database_path,
    early_language,
    errors_reported,
    fail,
    staff_session,
)
from .cli_help import HELP_LANGUAGE

DEFAULT_MONTHS = 6  # this month and the five before it

STRINGS: dict[str, tuple[str, str, str]] = {
    "cli.no_shows.title": (
        "Poisjäännit valmentajittain {first}–{last}",
        "Uteblivna besök per coach {first}–{last}",
        "No-shows per coach {first}–{last}",
    ),
    "cli.no_shows.none": (
        "ei tapaamisia tällä aikavälillä",
        "inga möten under perioden",
        "no appointments in this period",
    ),
    "cli.no_shows.column.coach": ("valmentaja", "coach", "coach"),
    "cli.no_shows.column.month": ("kk", "mån", "month"),
    "cli.no_shows.column.booked": ("varattu", "bokade", "booked"),
    "cli.no_shows.column.kept": ("pidetty", "hållna", "kept"),
    "cli.no_shows.column.no_show": ("ei tullut", "kom ej", "no-show"),
    "cli.no_shows.column.by_client": ("as. perui", "kund inst.", "by client"),
    "cli.no_shows.column.by_coach": ("valm. perui", "coach inst.", "by coach"),
    "cli.no_shows.column.share": ("ei tullut %", "kom ej %", "no-show %"),
    "cli.no_shows.note": (
        "Pidetty = saapunut tai pidetty; as. perui / valm. perui = asiakkaan / valmentajan"
        " perumat. Ei tullut % = poisjäännit / (pidetyt + poisjäännit); tulevat ja"
        " merkitsemättömät tapaamiset eivät ole mukana.",
        "Hållna = anlänt eller hållet; kund inst. / coach inst. = inställda av kunden /"
        " coachen. Kom ej % = uteblivna / (hållna + uteblivna); kommande och omarkerade"
        " möten räknas inte.",
        "Kept = arrived or done; by client / by coach = cancelled by the client / the coach."
        " No-show % = no-shows / (kept + no-shows); appointments ahead or not yet marked"
        " are left out.",
    ),
}

_HELP: dict[str, tuple[str, str, str]] = {
    "command": (
        "Tulosta poisjäännit ja perutut tapaamiset valmentajittain ja kuukausittain.",
        "Skriv ut uteblivna och inställda möten per coach och månad.",
        "Print no-shows and cancelled appointments per coach and month.",
    ),
    "from": (
        "Ensimmäinen päivä (p.k.vvvv); oletus viiden kuukauden takaisen kuun alku.",
        "Första dagen (d.m.åååå); standard början av månaden för fem månader sedan.",
        "First day (d.m.yyyy); by default the start of the month five months ago.",
    ),
    "to": (
        "Viimeinen päivä (p.k.vvvv); oletus tänään.",
        "Sista dagen (d.m.åååå); standard i dag.",
        "Last day (d.m.yyyy); by default today.",
    ),
    "coach": (
        "Vain tämän valmentajan luvut (käyttäjätunnus).",
        "Bara denna coachs siffror (användarnamn).",
        "Only this coach's figures (username).",
    ),
}


def no_shows_help(key: str = "command") -> str:
    return in_language(_HELP[key], HELP_LANGUAGE)


def default_first(today: date) -> date:
    first = month_start(today)
    for _ in range(DEFAULT_MONTHS - 1):
        first = month_start(first - timedelta(days=1))
    return first


def figures_table(figures: list[MonthFigures], lang: str) -> Table:
    # Eight columns fit an 80-column terminal only without the box's rules.
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    columns = ("coach", "month", "booked", "kept", "no_show", "by_client", "by_coach", "share")
    for n, column in enumerate(columns):
        header = tr(f"cli.no_shows.column.{column}", lang)
        if n == 0:  # the name whole; the figures' headers wrap instead
            table.add_column(header, no_wrap=True, min_width=16)
        else:
            table.add_column(
                header,
                justify="left" if n == 1 else "right",
                no_wrap=n == 1,
                min_width=n == 1 and 7,
            )
    for f in figures:
        share = "–" if f.no_show_share is None else f"{100 * f.no_show_share:.1f}"
        table.add_row(
            escape(visible(f.coach_name)), f"{f.month.month}/{f.month.year}", str(f.booked),
            str(f.kept), str(f.no_show), str(f.cancelled_by_client), str(f.cancelled_by_coach),
            share,
        )  # fmt: skip
    return table


def no_shows_command(
    ctx: typer.Context,
    first: Annotated[str | None, typer.Option("--from", help=no_shows_help("from"))] = None,
    last: Annotated[str | None, typer.Option("--to", help=no_shows_help("to"))] = None,
    coach: Annotated[str | None, typer.Option(help=no_shows_help("coach"))] = None,
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """Print each coach's appointments per month by how they ended, with the no-show share."""
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
        coach_staff = store.staff.find(coach) if coach is not None else None
        if coach is not None and coach_staff is None:
            fail(tr("cli.report.unknown_coach", session.lang, username=coach.strip()))
        last_day = asked_last or store.today()
        first_day = asked_first or default_first(last_day)
        figures = store.schedule.figures(
            first_day, last_day, coach_staff.id if coach_staff else None
        )
    console = Console(highlight=False)
    period = {"first": format_date(first_day), "last": format_date(last_day)}
    console.print(f"[bold]{escape(tr('cli.no_shows.title', session.lang, **period))}[/bold]")
    if not figures:
        console.print(escape(tr("cli.no_shows.none", session.lang)))
        return
    console.print(figures_table(figures, session.lang))
    console.print(f"[dim]{escape(tr('cli.no_shows.note', session.lang))}[/dim]")
