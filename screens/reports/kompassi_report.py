"""Kompassi distance travelled: the change since the baseline per domain, for a range of
reading dates, a site and a coach; opened from the day report (K) and the palette for
coaches and admins. The same figures as `luotsi report kompassi`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Select, Static

from store.core.dates import format_date, parse_date
from store.core.i18n import TranslatedError
from store.kompassi.report import KompassiReport, kompassi_report
from store.paths.report import check_range, default_range

from ..shell.background import read_in_background
from ..shell.context import ScreenContextMixin
from ..shell.header import LuotsiHeader
from .kompassi_report_text import domains_table, note_lines, summary_lines, title_text

DATES = ("from", "to")
ALL = "*"  # the Select value of "all sites" and "all coaches"


class KompassiReportScreen(ScreenContextMixin, Screen[None]):
    CSS_PATH = Path(__file__).parent / "kompassi_report.tcss"
    BINDINGS = [Binding("escape", "back", "Back", id="kompassi_report.back")]

    asked: tuple[str | None, str | None] | None = None  # the site and coach last run

    def compose(self) -> ComposeResult:
        sites = [(site.name, site.id) for site in self.store.sites.all()]
        coaches = [(coach.display_name, coach.id) for coach in self.store.staff.all("coach")]
        self.choice_names = {"site": {i: n for n, i in sites}, "coach": {i: n for n, i in coaches}}
        # A coach starts from their own caseload; an admin from everyone's.
        me = self.session.staff
        own = me.id if me.role == "coach" and me.id in {c for _, c in coaches} else ALL
        yield LuotsiHeader(id="header")
        yield Static("", id="kompassi-title", classes="screen-title")
        with Horizontal(id="kompassi-filters"):
            for field in DATES:
                with Vertical(classes="kompassi-field"):
                    yield Label(self.t(f"kompassi_report.{field}"))
                    yield Input(id=f"kompassi-{field}", compact=True)
            with Vertical(classes="kompassi-field kompassi-choice"):
                yield Label(self.t("kompassi_report.site_field"))
                yield Select(
                    [(self.t("kompassi_report.all_sites"), ALL), *sites],
                    allow_blank=False,
                    value=ALL,
                    id="kompassi-site",
                    compact=True,
                )
            with Vertical(classes="kompassi-field kompassi-choice"):
                yield Label(self.t("kompassi_report.coach_field"))
                yield Select(
                    [(self.t("kompassi_report.all_coaches"), ALL), *coaches],
                    allow_blank=False,
                    value=own,
                    id="kompassi-coach",
                    compact=True,
                )
        # The dates' problems, a line each right under the fields (the columns are narrow).
        yield Static("", id="kompassi-error", classes="field-error")
        yield Static(self.t("kompassi_report.hint"), id="kompassi-hint", classes="hint")
        with VerticalScroll(id="kompassi-report"):
            yield Static("", id="kompassi-summary")
            yield Static("", id="kompassi-domains")
            yield Static("", id="kompassi-notes")
        yield Footer()

    def on_mount(self) -> None:
        first, last = default_range(self.store.today())
        self.query_one("#kompassi-from", Input).value = format_date(first)
        self.query_one("#kompassi-to", Input).value = format_date(last)
        self.query_one("#kompassi-from", Input).focus()
        self.refresh_report()

    def _say(self, problems: dict[str, str]) -> None:
        """The dates' problems by field, each with the field's name and a symbol beside
        the colour; none clears them."""
        error = self.query_one("#kompassi-error", Static)
        lines = [
            f"⚠ {self.t(f'kompassi_report.{field}')}: {text}" for field, text in problems.items()
        ]
        error.update(Text("\n".join(lines)))
        error.set_class(bool(problems), "visible")

    def _range(self) -> tuple[date, date] | None:
        """The typed range, or None with each problem shown under its field."""
        days: dict[str, date] = {}
        problems: dict[str, str] = {}
        for field in DATES:
            try:
                days[field] = parse_date(self.query_one(f"#kompassi-{field}", Input).value)
            except TranslatedError as exc:
                problems[field] = exc.message(self.ctx.lang)
        if not problems:
            try:
                check_range(days["from"], days["to"])
            except TranslatedError as exc:
                problems["to"] = exc.message(self.ctx.lang)
        self._say(problems)
        return None if problems else (days["from"], days["to"])

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.refresh_report()

    @on(Select.Changed)
    def _chose(self, event: Select.Changed) -> None:
        event.stop()
        # A Select says it changed when it is first given its value, too: no second run.
        if (self._value("site"), self._value("coach")) != self.asked:
            self.refresh_report()

    def refresh_report(self) -> None:
        chosen = self._range()
        if chosen is None or self.ctx.session is None:
            return
        first, last = chosen
        staff = self.session.staff
        site_id = self._value("site")
        coach_id = self._value("coach")
        self.asked = (site_id, coach_id)
        read_in_background(
            self,
            lambda store: kompassi_report(store.ctx, staff, first, last, site_id, coach_id),
            self.show,
            group="kompassi-report",
        )

    def _value(self, field: str) -> str | None:
        value = self.query_one(f"#kompassi-{field}", Select).value
        return value if isinstance(value, str) and value != ALL else None

    def _choice_name(self, field: str, value: str | None) -> str:
        if value is None:
            key = "kompassi_report.all_sites" if field == "site" else "kompassi_report.all_coaches"
            return self.t(key)
        return self.choice_names[field].get(value, value)

    def show(self, report: KompassiReport) -> None:
        lang = self.ctx.lang
        self.query_one("#kompassi-title", Static).update(Text(title_text(report, lang)))
        site = self._choice_name("site", report.site_id)
        coach = self._choice_name("coach", report.coach_id)
        self.query_one("#kompassi-summary", Static).update(
            Text("\n".join(summary_lines(report, lang, site, coach)))
        )
        self.query_one("#kompassi-domains", Static).update(domains_table(report, lang))
        self.query_one("#kompassi-notes", Static).update(Text("\n".join(note_lines(lang))))
        self.query_one("#kompassi-report", VerticalScroll).scroll_home(animate=False)

    def action_back(self) -> None:
        self.app.pop_screen()
