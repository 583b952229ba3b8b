"""`luotsi instrument list|show|import`: the Kompassi instrument versions, and a site's own
version from a TOML or JSON file (admins only; an import is logged)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from store.core.i18n import LANGUAGES, tr
from store.core.text import visible
from store.kompassi.instrument_file import instrument_toml
from store.kompassi.instrument_import import (
    InstrumentImportReport,
    import_instrument,
    instrument_to_show,
    instrument_uses,
)
from store.kompassi.models import Instrument

from .cli_common import (
    EXIT_BAD_ROWS,
    DbOption,
    LangOption,
    UserOption,
    early_language,
    fail,
    staff_session,
)
from .cli_help import help_for

NOT_ALLOWED = "cli.instrument.not_allowed"

instrument_app = typer.Typer(help=help_for("help.instrument"), no_args_is_help=True)


def _console() -> Console:
    return Console(highlight=False)


@instrument_app.command("list", help=help_for("help.instrument.list"))
def list_instruments(
    ctx: typer.Context, user: UserOption = None, db: DbOption = None, lang: LangOption = None
) -> None:
    with staff_session(ctx, db, user, lang, NOT_ALLOWED) as session:
        store = session.store
        uses = instrument_uses(store.ctx, store.instruments, session.staff)

    def t(key: str) -> str:
        return tr(key, session.lang)

    table = Table()
    for column in ("code", "version", "name", "domains", "active", "readings", "current"):
        justify = "right" if column in ("version", "domains", "readings") else "left"
        table.add_column(t(f"cli.instrument.column.{column}"), justify=justify)
    for use in uses:
        instrument = use.instrument
        table.add_row(
            escape(visible(instrument.code)),
            str(instrument.version),
            escape(visible(instrument.name(session.lang))),
            str(len(instrument.domains)),
            t("cli.instrument.yes" if instrument.active else "cli.instrument.no"),
            str(use.readings),
            "✓" if use.current else "",
        )
    console = _console()
    console.print(table)
    console.print(t("cli.instrument.current_note"))


def _texts(fi: str, sv: str, en: str, lang: str, all_languages: bool) -> list[str]:
    """A text in the user's language, or in each language with its code before it."""
    if not all_languages:
        return [visible({"sv": sv, "en": en}.get(lang, fi))]
    return [f"{code}: {visible(text)}" for code, text in zip(LANGUAGES, (fi, sv, en), strict=True)]


def _show_lines(instrument: Instrument, current: bool, lang: str, all_languages: bool) -> list[str]:
    def t(key: str, **params: object) -> str:
        return tr(key, lang, **params)

    name = " / ".join(_texts(*_names(instrument), lang, all_languages))
    lines = [
        t(
            "cli.instrument.heading",
            name=name,
            code=visible(instrument.code),
            version=instrument.version,
        ),
        t("cli.instrument.is_current" if current else "cli.instrument.not_active"),
        t("cli.instrument.scale", min=instrument.scale_min, max=instrument.scale_max)
        + " · "
        + t(
            "cli.instrument.skip_allowed"
            if instrument.skip_allowed
            else "cli.instrument.skip_refused"
        ),
        "",
        t("cli.instrument.bands"),
    ]
    for band in instrument.bands:
        labels = " / ".join(
            _texts(band.label_fi, band.label_sv, band.label_en, lang, all_languages)
        )
        scores = f"{band.score_from}–{band.score_to}"
        lines.append(f"  {scores:<6} {visible(band.code):<10} {labels}")
    lines += ["", t("cli.instrument.domains")]
    for domain in instrument.domains:
        labels = " / ".join(
            _texts(domain.label_fi, domain.label_sv, domain.label_en, lang, all_languages)
        )
        optional = f" {t('cli.instrument.optional')}" if domain.optional else ""
        lines.append(f"  {domain.sort_order}. {visible(domain.code)} — {labels}{optional}")
        questions = (domain.question_fi, domain.question_sv, domain.question_en)
        lines += [f"     {text}" for text in _texts(*questions, lang, all_languages)]
    return lines


def _names(instrument: Instrument) -> tuple[str, str, str]:
    return instrument.name_fi, instrument.name_sv, instrument.name_en


@instrument_app.command("show", help=help_for("help.instrument.show"))
def show_instrument(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help=help_for("help.instrument.code"))],
    version: Annotated[
        int | None, typer.Option(min=1, help=help_for("help.instrument.version"))
    ] = None,
    all_languages: Annotated[
        bool, typer.Option("--all-languages", help=help_for("help.instrument.all_languages"))
    ] = False,
    as_toml: Annotated[bool, typer.Option("--toml", help=help_for("help.instrument.toml"))] = False,
    next_version: Annotated[
        bool, typer.Option("--next", help=help_for("help.instrument.next"))
    ] = False,
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    with staff_session(ctx, db, user, lang, NOT_ALLOWED) as session:
        store = session.store
        instrument = instrument_to_show(store.instruments, session.staff, code.strip(), version)
        if instrument is None:
            key = "cli.instrument.unknown" if version is None else "cli.instrument.unknown_version"
            fail(tr(key, session.lang, code=code, version=version))
        current = store.instruments.current().id == instrument.id
        newest = max(i.version for i in store.instruments.all() if i.code == instrument.code)
    if as_toml:
        typer.echo(instrument_toml(instrument, newest + 1 if next_version else None), nl=False)
        return
    for line in _show_lines(instrument, current, session.lang, all_languages):
        typer.echo(line)


def _print_report(report: InstrumentImportReport, lang: str) -> None:
    console = _console()
    name = report.file_name
    if report.problems:
        console.print(
            escape(
                visible(tr("cli.instrument.problems", lang, file=name, count=len(report.problems)))
            )
        )
        table = Table()
        table.add_column(tr("cli.instrument.column.where", lang))
        table.add_column(tr("cli.instrument.column.reason", lang))
        for problem in report.problems:
            table.add_row(
                escape(visible(problem.where or "—")), escape(visible(problem.reason(lang)))
            )
        console.print(table)
        console.print(escape(visible(tr("cli.instrument.failed", lang, file=name))))
        return
    instrument = report.instrument
    if instrument is None:
        return
    params = {
        "name": instrument.name(lang),
        "code": instrument.code,
        "version": instrument.version,
        "domains": len(instrument.domains),
        "file": name,
    }
    key = "cli.instrument.stored" if report.stored else "cli.instrument.dry_run"
    console.print(escape(visible(tr(key, lang, **params))))


@instrument_app.command("import", help=help_for("help.instrument.import"))
def import_instrument_command(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help=help_for("help.instrument.file"))],
    dry_run: Annotated[bool, typer.Option(help=help_for("help.instrument.dry_run"))] = False,
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    if not file.exists():  # said before a password is asked for
        fail(tr("import.error.file_missing", early_language(ctx, lang), path=file))
    with staff_session(ctx, db, user, lang, NOT_ALLOWED) as session:
        store = session.store
        report = import_instrument(
            store.ctx, store.instruments, session.staff, file, dry_run=dry_run
        )
    _print_report(report, session.lang)
    if not report.ok:
        raise typer.Exit(EXIT_BAD_ROWS)
