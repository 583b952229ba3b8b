"""The texts of `luotsi encrypt`, `luotsi rekey` and `luotsi recover`, and of the store's
refusals they report (store/core/encryption.py), in Finnish, Swedish and English."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    # The store's refusals; nothing was changed in any of them.
    "encryption.error.already": (
        "tietokanta {path} on jo salattu; mitään ei muutettu (uusi avain: luotsi rekey)",
        "databasen {path} är redan krypterad; inget ändrades (ny nyckel: luotsi rekey)",
        "the database {path} is encrypted already; nothing was changed (a new key: luotsi rekey)",
    ),
    "encryption.error.not_encrypted": (
        "tietokanta {path} ei ole salattu; salaa se ensin: luotsi encrypt {path}",
        "databasen {path} är inte krypterad; kryptera den först: luotsi encrypt {path}",
        "the database {path} is not encrypted; encrypt it first: luotsi encrypt {path}",
    ),
    "encryption.error.failed": (
        "tiedoston {path} salattu kopio ei vastannut alkuperäistä; kopio poistettiin eikä"
        " mitään muutettu. Tarkista levytila ja yritä uudelleen.",
        "den krypterade kopian av {path} motsvarade inte originalet; kopian togs bort och"
        " inget ändrades. Kontrollera diskutrymmet och försök igen.",
        "the encrypted copy of {path} did not match the original; the copy was removed and"
        " nothing was changed. Check the free disk space and try again.",
    ),
    "encryption.error.not_current": (
        "tietokanta {path} on päivitettävä ennen salaamista: avaa se kerran Luotsilla"
        " (luotsi --db {path}) ja aja sitten luotsi encrypt uudelleen; mitään ei muutettu",
        "databasen {path} måste uppdateras före krypteringen: öppna den en gång med Luotsi"
        " (luotsi --db {path}) och kör sedan luotsi encrypt igen; inget ändrades",
        "the database {path} must be updated before it is encrypted: open it once with"
        " Luotsi (luotsi --db {path}), then run luotsi encrypt again; nothing was changed",
    ),
    "encryption.error.recover_admin": (
        "{username} ei ole voimassa oleva pääkäyttäjä; palautusavaimella voi asettaa vain"
        " pääkäyttäjän salasanan. Mitään ei muutettu.",
        "{username} är ingen aktiv admin; med återställningsnyckeln kan bara en admins"
        " lösenord ställas in. Inget ändrades.",
        "{username} is not an active admin; the recovery key sets an admin's password only."
        " Nothing was changed.",
    ),
    "cli.keys.busy": (
        "tietokanta {path} on auki toisessa ohjelmassa; sulje Luotsi kaikkialla, missä se on"
        " auki (myös odotustilan näyttö), ja yritä uudelleen. Mitään ei muutettu.",
        "databasen {path} är öppen i ett annat program; stäng Luotsi överallt där den är"
        " öppen (även väntrummets skärm) och försök igen. Inget ändrades.",
        "the database {path} is open in another program; close Luotsi wherever it is open"
        " (the waiting-room board too) and try again. Nothing was changed.",
    ),
    # luotsi encrypt
    "cli.encrypt.done": (
        "Tietokanta {path} on nyt salattu ({seconds} s, {size} Mt). Selväkielinen"
        " alkuperäinen ja sen varmuuskopiot on ylikirjoitettu ja poistettu.",
        "Databasen {path} är nu krypterad ({seconds} s, {size} MB). Originalet i klartext och"
        " dess säkerhetskopior har skrivits över och tagits bort.",
        "The database {path} is now encrypted ({seconds} s, {size} MB). The plaintext"
        " original and its backups were overwritten and removed.",
    ),
    "cli.encrypt.recovery": (
        "PALAUTUSAVAIN (näytetään vain tämän kerran):",
        "ÅTERSTÄLLNINGSNYCKEL (visas bara den här gången):",
        "RECOVERY KEY (shown this once only):",
    ),
    "cli.encrypt.recovery_warning": (
        "Kirjoita avain paperille ja säilytä sitä lukitussa paikassa, erillään koneesta."
        " Sillä pääkäyttäjä saa uuden salasanan (luotsi recover). Ilman palautusavainta ja"
        " jokaisen käyttäjän salasanaa tiedot menetetään pysyvästi: kukaan ei voi avata niitä.",
        "Skriv ner nyckeln på papper och förvara den inlåst, skild från datorn. Med den får"
        " en admin ett nytt lösenord (luotsi recover). Utan återställningsnyckeln och varje"
        " användares lösenord är uppgifterna förlorade för gott: ingen kan öppna dem.",
        "Write the key down on paper and keep it locked away, apart from the computer. With it"
        " an admin can set a new password (luotsi recover). Without the recovery key and every"
        " user's password the data is lost for good: nobody can open it.",
    ),
    "cli.encrypt.slots": (
        "Avain on käyttäjillä: {names}",
        "Nyckeln har användarna: {names}",
        "Users with a key: {names}",
    ),
    "cli.encrypt.without_slot": (
        "Näillä käyttäjillä ei vielä ole avainta eivätkä he pääse kirjautumaan. Aseta kullekin"
        " uusi salasana: luotsi staff password TUNNUS",
        "De här användarna har ingen nyckel ännu och kan inte logga in. Ställ in ett nytt"
        " lösenord för var och en: luotsi staff password ANVÄNDARNAMN",
        "These users have no key yet and cannot log in. Set a new password for each:"
        " luotsi staff password USERNAME",
    ),
    # luotsi rekey
    "cli.rekey.not_allowed": (
        "käyttäjä {username} ei saa vaihtaa tietokannan avainta (vain pääkäyttäjä)",
        "användaren {username} får inte byta databasens nyckel (endast admin)",
        "{username} may not change the database's key (admins only)",
    ),
    "cli.rekey.done": (
        "Tietokannalla {path} on nyt uusi avain ({seconds} s); varmuuskopiot salattiin"
        " uudelleen. Salasanat ja palautusavain pysyvät ennallaan; vanhan avaintiedoston"
        " kopiot eivät enää avaa sitä.",
        "Databasen {path} har nu en ny nyckel ({seconds} s); säkerhetskopiorna krypterades om."
        " Lösenorden och återställningsnyckeln är som förut; kopior av den gamla nyckelfilen"
        " öppnar den inte längre.",
        "The database {path} has a new key now ({seconds} s); its backups were encrypted"
        " again. Passwords and the recovery key stay as they were; copies of the old key file"
        " no longer open it.",
    ),
    # luotsi recover
    "cli.recover.key": ("Palautusavain", "Återställningsnyckel", "Recovery key"),
    "cli.recover.username": (
        "Pääkäyttäjän tunnus",
        "Adminens användarnamn",
        "The admin's username",
    ),
    "cli.recover.done": (
        "Käyttäjän {username} salasana asetettu palautusavaimella; hän voi kirjautua uudella"
        " salasanalla (muutos kirjattu lokiin).",
        "Lösenordet för {username} har ställts in med återställningsnyckeln; hen kan logga in"
        " med det nya lösenordet (ändringen loggad).",
        "The password of {username} is set with the recovery key; they can log in with the"
        " new password (the change is logged).",
    ),
}

# The commands' --help, in the language `cli_help` settles on before Typer reads it.
HELP: dict[str, tuple[str, str, str]] = {
    "encrypt": (
        "Salaa selväkielinen tietokanta paikallaan (SQLCipher) ja sen varmuuskopiot. Kysyy"
        " pääkäyttäjän salasanan ja näyttää palautusavaimen kerran. Sulje Luotsi ensin.",
        "Kryptera en databas i klartext på plats (SQLCipher) med dess säkerhetskopior. Frågar"
        " efter adminens lösenord och visar återställningsnyckeln en gång. Stäng Luotsi först.",
        "Encrypt a plain database in place (SQLCipher), its backups too. Asks for the admin's"
        " password and shows the recovery key once. Close Luotsi first.",
    ),
    "encrypt.path": (
        "Salattava tietokantatiedosto.",
        "Databasfilen som ska krypteras.",
        "The database file to encrypt.",
    ),
    "rekey": (
        "Vaihda salatun tietokannan avain (pääkäyttäjä): sivut ja varmuuskopiot salataan"
        " uudelleen, ja jokainen avainpaikka saa uuden avaimen. Kun poistetulla käyttäjällä"
        " voi olla kopio avaimesta. Sulje Luotsi ensin.",
        "Byt nyckeln för en krypterad databas (admin): sidorna och säkerhetskopiorna"
        " krypteras om, och varje nyckelplats får den nya nyckeln. När en borttagen användare"
        " kan ha en kopia av nyckeln. Stäng Luotsi först.",
        "Give an encrypted database a new key (admins): its pages and backups are encrypted"
        " again and every key slot gets the new key. For when a removed user may still have"
        " a copy. Close Luotsi first.",
    ),
    "recover": (
        "Aseta pääkäyttäjälle uusi salasana palautusavaimella ($LUOTSI_RECOVERY_KEY, muuten"
        " kysytään; uusi salasana $LUOTSI_NEW_PASSWORD, muuten kysytään kahdesti).",
        "Ställ in ett nytt lösenord för en admin med återställningsnyckeln"
        " ($LUOTSI_RECOVERY_KEY, annars frågas den; det nya lösenordet $LUOTSI_NEW_PASSWORD,"
        " annars frågas det två gånger).",
        "Set a new password for an admin with the recovery key ($LUOTSI_RECOVERY_KEY, else"
        " asked; the new password $LUOTSI_NEW_PASSWORD, else asked twice).",
    ),
    "recover.path": (
        "Salattu tietokantatiedosto.",
        "Den krypterade databasfilen.",
        "The encrypted database file.",
    ),
    "recover.user": (
        "Pääkäyttäjä, jonka salasana asetetaan; oletus $LUOTSI_USER, muuten kysytään.",
        "Adminen vars lösenord ställs in; standard $LUOTSI_USER, annars frågas det.",
        "The admin whose password is set; default $LUOTSI_USER, else asked.",
    ),
}
