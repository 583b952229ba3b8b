"""Messages of `luotsi init` (encrypted by default) and of unlocking an encrypted database
on the command line, in Finnish, Swedish and English."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    "cli.unlock.needed": (
        "Tietokanta {path} on salattu: kirjaudu sisään avataksesi sen.",
        "Databasen {path} är krypterad: logga in för att öppna den.",
        "The database {path} is encrypted: log in to open it.",
    ),
    "cli.error.locked": (
        "tietokanta {path} on salattu; anna käyttäjätunnuksesi valitsimella --user"
        " (tai LUOTSI_USER) ja salasanasi muuttujassa LUOTSI_PASSWORD tai kysyttäessä;"
        " mitään ei muutettu",
        "databasen {path} är krypterad; ange ditt användarnamn med --user (eller"
        " LUOTSI_USER) och ditt lösenord i LUOTSI_PASSWORD eller när det frågas;"
        " inget ändrades",
        "the database {path} is encrypted; give your username with --user (or LUOTSI_USER)"
        " and your password in LUOTSI_PASSWORD or when asked; nothing was changed",
    ),
    "cli.error.not_a_database_or_keys": (
        "{path} ei ole Luotsin tietokanta, tai se on salattu tietokanta, jonka"
        " avaintiedosto {keys} puuttuu; mitään ei muutettu",
        "{path} är inte en Luotsi-databas, eller så är den en krypterad databas vars"
        " nyckelfil {keys} saknas; inget ändrades",
        "{path} is not a Luotsi database, or it is an encrypted one whose key file {keys}"
        " is missing; nothing was changed",
    ),
    "cli.init.leftover_keys": (
        "{path} vieressä on jo avaintiedosto {keys}, mutta tietokantaa ei ole: se on jäänyt"
        " jostain aiemmasta tietokannasta. Siirrä se muualle (älä poista sitä, jos sen"
        " tietokanta voi vielä löytyä) ja yritä uudelleen; mitään ei muutettu",
        "bredvid {path} finns redan nyckelfilen {keys}, men ingen databas: den har blivit"
        " kvar från en tidigare databas. Flytta den någon annanstans (radera den inte om"
        " dess databas ännu kan hittas) och försök igen; inget ändrades",
        "there is already a key file {keys} beside {path}, but no database: it is left over"
        " from an earlier database. Move it elsewhere (do not delete it if its database may"
        " still turn up) and try again; nothing was changed",
    ),
    "cli.init.exists_encrypted": (
        "{path} on jo salattu Luotsin tietokanta; mitään ei muutettu",
        "{path} är redan en krypterad Luotsi-databas; inget ändrades",
        "{path} is already an encrypted Luotsi database; nothing was changed",
    ),
    "cli.init.recovery_title": (
        "Palautusavain. Se näytetään vain tämän kerran: kirjoita se paperille ja säilytä"
        " lukitussa paikassa, erillään tietokoneesta.",
        "Återställningsnyckel. Den visas bara den här gången: skriv ner den på papper och"
        " förvara den inlåst, skild från datorn.",
        "Recovery key. It is shown this once only: write it down on paper and keep it"
        " locked away, apart from the computer.",
    ),
    "cli.init.recovery_warning": (
        "Tietokanta on salattu. Ilman palautusavainta ja jokaisen käyttäjän salasanaa"
        " tiedot ovat menetetyt: kukaan ei voi avata niitä.",
        "Databasen är krypterad. Utan återställningsnyckeln och varje användares lösenord"
        " är uppgifterna förlorade: ingen kan öppna dem.",
        "The database is encrypted. Without the recovery key and every user's password,"
        " the data is gone: nobody can open it.",
    ),
    "cli.init.plain": (
        "Tietokantaa {path} ei ole salattu (--plain): vain kertakäyttöön ja kokeiluihin,"
        " ei koskaan oikeille asiakastiedoille.",
        "Databasen {path} är inte krypterad (--plain): bara för engångsbruk och försök,"
        " aldrig för riktiga klientuppgifter.",
        "The database {path} is not encrypted (--plain): for throwaway use and trials only,"
        " never for real clients' data.",
    ),
    "cli.init.plain_existing": (
        "{path} on salaamaton tietokanta; salaa se komennolla: luotsi encrypt {path}",
        "{path} är en okrypterad databas; kryptera den med: luotsi encrypt {path}",
        "{path} is a database that is not encrypted; encrypt it with: luotsi encrypt {path}",
    ),
}

# The help of `luotsi init` and its --plain, kept with init's messages (`help_for` reads
# the shared help catalog).
INIT_HELP: tuple[str, str, str] = (
    "Luo salattu tietokanta ja sen ensimmäinen toimipiste ja pääkäyttäjä.\n\nKysyy sen,"
    " mitä valitsimet jättävät pois; salasana tulee muuttujasta $LUOTSI_PASSWORD tai"
    " kysytään kahdesti. Palautusavain näytetään kerran: ilman sitä ja jokaisen käyttäjän"
    " salasanaa tiedot ovat menetetyt.",
    "Skapa en krypterad databas med dess första verksamhetsställe och huvudanvändare."
    "\n\nFrågar efter det som alternativen utelämnar; lösenordet tas från"
    " $LUOTSI_PASSWORD eller frågas två gånger. Återställningsnyckeln visas en gång: utan"
    " den och varje användares lösenord är uppgifterna förlorade.",
    "Create an encrypted database with its first site and admin.\n\nAsks for what the"
    " options leave out; the password comes from $LUOTSI_PASSWORD or is asked twice. The"
    " recovery key is shown once: without it and every user's password, the data is gone.",
)
PLAIN_HELP: tuple[str, str, str] = (
    "Tee salaamaton tietokanta: vain kertakäyttöön ja kokeiluihin.",
    "Skapa en okrypterad databas: bara för engångsbruk och försök.",
    "Make a database that is not encrypted: for throwaway use and trials only.",
)
