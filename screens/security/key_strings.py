"""The texts of the key file's and the unlocking's errors (raised by store/core/keys.py
and store/core/keyring.py), in Finnish, Swedish and English."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    "keys.error.missing": (
        "Tietokanta {path} on salattu, mutta sen avaintiedosto {keys} puuttuu. Palauta"
        " avaintiedosto varmuuskopiosta; ilman sitä tietoja ei voi avata.",
        "Databasen {path} är krypterad, men dess nyckelfil {keys} saknas. Återställ"
        " nyckelfilen från en säkerhetskopia; utan den kan uppgifterna inte öppnas.",
        "The database {path} is encrypted, but its key file {keys} is missing. Restore the"
        " key file from a backup; without it the data cannot be opened.",
    ),
    "keys.error.damaged": (
        "Tietokannan {path} avaintiedosto {keys} on vioittunut. Palauta se varmuuskopiosta."
        " Mitään ei muutettu.",
        "Nyckelfilen {keys} för databasen {path} är skadad. Återställ den från en"
        " säkerhetskopia. Inget ändrades.",
        "The key file {keys} of the database {path} is damaged. Restore it from a backup."
        " Nothing was changed.",
    ),
    "keys.error.mismatch": (
        "Avaintiedosto {keys} kuuluu toiseen tietokantaan kuin {path}. Tuo tietokannan oma"
        " avaintiedosto sen viereen. Mitään ei muutettu.",
        "Nyckelfilen {keys} hör till en annan databas än {path}. Lägg databasens egen"
        " nyckelfil bredvid den. Inget ändrades.",
        "The key file {keys} belongs to another database than {path}. Put the database's"
        " own key file beside it. Nothing was changed.",
    ),
    "keys.error.locked": (
        "Tietokanta {path} on salattu: kirjaudu sisään avataksesi sen.",
        "Databasen {path} är krypterad: logga in för att öppna den.",
        "The database {path} is encrypted: log in to open it.",
    ),
    "keys.error.recovery_wrong": (
        "Palautusavain ei avaa tätä tietokantaa. Tarkista avain.",
        "Återställningsnyckeln öppnar inte den här databasen. Kontrollera nyckeln.",
        "The recovery key does not open this database. Check the key.",
    ),
    "backup.error.no_file": (
        "Tietokannalla ei ole tiedostoa, josta ottaa varmuuskopio.",
        "Databasen har ingen fil att säkerhetskopiera.",
        "The database has no file to back up.",
    ),
    "backup.error.exists": (
        "{path} on jo olemassa: varmuuskopio ei korvaa tiedostoa. Anna uusi nimi.",
        "{path} finns redan: säkerhetskopian ersätter ingen fil. Ange ett nytt namn.",
        "{path} already exists: a backup never replaces a file. Give a new name.",
    ),
    "backup.error.folder": (
        "Kansiota {path} ei ole. Mitään ei kirjoitettu.",
        "Mappen {path} finns inte. Inget skrevs.",
        "The folder {path} does not exist. Nothing was written.",
    ),
}
