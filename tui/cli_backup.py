"""`luotsi backup FILE`: a consistent copy of the database in use (admins)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from store.core.backup import backup_database
from store.core.i18n import in_language, tr
from store.core.keyring import is_encrypted
from store.core.keys import key_file_of

from .cli_common import DbOption, LangOption, UserOption, staff_session
from .cli_help import HELP_LANGUAGE

STRINGS: dict[str, tuple[str, str, str]] = {
    "help.backup": (
        "Kirjoita käytössä olevasta tietokannasta eheä varmuuskopio uuteen tiedostoon (vain"
        " pääkäyttäjä; kirjataan käyttölokiin). Salatun tietokannan kopio on salattu samalla"
        " avaimella, ja sen avaintiedosto kirjoitetaan viereen.",
        "Skriv en hel säkerhetskopia av databasen som används till en ny fil (endast admin;"
        " loggas). En krypterad databas kopia är krypterad med samma nyckel, och dess"
        " nyckelfil skrivs bredvid.",
        "Write a whole, consistent backup of the database in use to a new file (admins only;"
        " logged). An encrypted database's copy is encrypted with the same key, and its key"
        " file is written beside it.",
    ),
    "help.backup.out": (
        "Uusi tiedosto (ei saa olla olemassa).",
        "En ny fil (får inte finnas).",
        "A new file (must not exist).",
    ),
    "cli.backup.not_allowed": (
        "käyttäjä {username} ei saa ottaa varmuuskopiota (vain pääkäyttäjä)",
        "användaren {username} får inte ta en säkerhetskopia (endast admin)",
        "{username} may not make a backup (admins only)",
    ),
    "cli.backup.done": (
        "Varmuuskopio kirjoitettu: {path}",
        "Säkerhetskopian skrevs: {path}",
        "Backup written: {path}",
    ),
    "cli.backup.encrypted": (
        "Se on salattu kuten tietokanta, ja sen avaintiedosto on {keys}: säilytä ne yhdessä"
        " ja palauta molemmat. Samat salasanat ja palautusavain avaavat sen.",
        "Den är krypterad som databasen, och dess nyckelfil är {keys}: förvara dem"
        " tillsammans och återställ båda. Samma lösenord och återställningsnyckel öppnar den.",
        "It is encrypted as the database is, and its key file is {keys}: keep them together"
        " and restore both. The same passwords and recovery key open it.",
    ),
}


def _help(key: str) -> str:
    return in_language(STRINGS[key], HELP_LANGUAGE)


BACKUP_HELP = _help("help.backup")


def backup(
    ctx: typer.Context,
    out: Annotated[Path, typer.Argument(help=_help("help.backup.out"), dir_okay=False)],
    user: UserOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """Write a whole, consistent copy of the database while it is in use."""
    with staff_session(ctx, db, user, lang, not_allowed="cli.backup.not_allowed") as session:
        written = backup_database(session.store.ctx, session.staff, out)
    typer.echo(tr("cli.backup.done", session.lang, path=written))
    if is_encrypted(written):
        typer.echo(tr("cli.backup.encrypted", session.lang, keys=key_file_of(written)))
