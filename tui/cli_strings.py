"""Messages of the `luotsi` command line in Finnish, Swedish and English."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    "cli.error.not_a_database": (
        "{path} ei ole Luotsin tietokanta",
        "{path} är inte en Luotsi-databas",
        "{path} is not a Luotsi database",
    ),
    "cli.error.schema_too_new": (
        "{path} on tehty uudemmalla Luotsin versiolla; päivitä Luotsi avataksesi sen",
        "{path} har skapats av en nyare version av Luotsi; uppdatera Luotsi för att öppna den",
        "{path} was made by a newer version of Luotsi; update Luotsi to open it",
    ),
    "cli.error.no_staff": (
        "tietokannassa {path} ei ole vielä käyttäjiä; luo ensimmäinen: luotsi init {path}",
        "databasen {path} har ännu inga användare; skapa den första: luotsi init {path}",
        "the database {path} has no users yet; create the first: luotsi init {path}",
    ),
    "cli.error.no_database": (
        "tietokantaa {path} ei ole; luo se komennolla: luotsi init {path}",
        "databasen {path} finns inte; skapa den med: luotsi init {path}",
        "there is no database at {path}; create one with: luotsi init {path}",
    ),
    "cli.error.busy": (
        "tietokanta on varattu; yritä hetken päästä uudelleen",
        "databasen är upptagen; försök igen om en stund",
        "the database is busy; try again in a moment",
    ),
    "cli.error.bad_desk": (
        "palvelupisteen nimessä (--desk) on oltava 1–{max} merkkiä",
        "luckans namn (--desk) ska ha 1–{max} tecken",
        "the desk name (--desk) must have 1–{max} characters",
    ),
    "cli.board.no_sites": (
        "tietokannassa {path} ei ole toimipisteitä",
        "databasen {path} har inga verksamhetsställen",
        "the database {path} has no sites",
    ),
    "cli.site.choose": (
        "valitse toimipiste valitsimella --site:",
        "välj verksamhetsställe med --site:",
        "choose the site with --site:",
    ),
    "cli.site.choose_one": (
        "valitse jokin näistä:",
        "välj något av dessa:",
        "choose one of these:",
    ),
    "cli.error.not_allowed": (
        "käyttäjä {username} ei saa tehdä tätä",
        "användaren {username} får inte göra detta",
        "{username} may not do this",
    ),
    "cli.init.exists": (
        "{path} on jo Luotsin tietokanta, jossa on käyttäjiä; mitään ei muutettu",
        "{path} är redan en Luotsi-databas med användare; inget ändrades",
        "{path} is already a Luotsi database with users; nothing was changed",
    ),
    "cli.init.site_name": ("Toimipisteen nimi", "Verksamhetsställets namn", "Site name"),
    "cli.init.site_name_default": ("Työpiste", "Arbetspunkt", "Työpiste"),
    "cli.init.municipality": ("Kunta", "Kommun", "Municipality"),
    "cli.init.area": ("Työllisyysalue", "Sysselsättningsområde", "Employment area"),
    "cli.init.username": (
        "Pääkäyttäjän käyttäjätunnus",
        "Huvudanvändarens användarnamn",
        "Admin username",
    ),
    "cli.init.display_name": (
        "Nimi (Sukunimi Etunimi)",
        "Namn (Efternamn Förnamn)",
        "Name (Surname First name)",
    ),
    "cli.init.display_name_default": ("Pääkäyttäjä", "Huvudanvändare", "Administrator"),
    "cli.init.password": ("Salasana", "Lösenord", "Password"),
    "cli.init.password_again": ("Salasana uudelleen", "Lösenordet igen", "Password again"),
    "cli.init.password_mismatch": (
        "salasanat eivät täsmää, yritä uudelleen",
        "lösenorden stämmer inte överens, försök igen",
        "the passwords do not match, try again",
    ),
    "cli.init.password_short": (
        "salasanassa on oltava vähintään {min} merkkiä",
        "lösenordet ska ha minst {min} tecken",
        "the password must have at least {min} characters",
    ),
    "cli.init.done": (
        "Tietokanta {path} on valmis. Kirjaudu käyttäjätunnuksella {username}.",
        "Databasen {path} är klar. Logga in som {username}.",
        "The database {path} is ready. Log in as {username}.",
    ),
    "cli.sample.exists": (
        "{path} on jo olemassa; korvaa se valitsimella --force",
        "{path} finns redan; ersätt den med --force",
        "{path} already exists; replace it with --force",
    ),
    "cli.sample.not_a_database": (
        "{path} ei ole SQLite-tietokanta, joten sitä ei korvata",
        "{path} är ingen SQLite-databas och ersätts därför inte",
        "{path} is not an SQLite database, so it is not replaced",
    ),
    "cli.sample.done.one": (
        "Esimerkkitietokanta {path}: {count} asiakas. Tunnukset admin, vastaanotto"
        " ja valmentaja, salasana {password}.",
        "Exempeldatabasen {path}: {count} klient. Användarna admin, vastaanotto"
        " och valmentaja, lösenord {password}.",
        "Sample database {path}: {count} client. Logins admin, vastaanotto and"
        " valmentaja, password {password}.",
    ),
    "cli.sample.done.other": (
        "Esimerkkitietokanta {path}: {count} asiakasta. Tunnukset admin, vastaanotto"
        " ja valmentaja, salasana {password}.",
        "Exempeldatabasen {path}: {count} klienter. Användarna admin, vastaanotto"
        " och valmentaja, lösenord {password}.",
        "Sample database {path}: {count} clients. Logins admin, vastaanotto and"
        " valmentaja, password {password}.",
    ),
    "cli.demo.database": (
        "Kertakäyttöinen esimerkkitietokanta: {path} (poistetaan, kun Luotsi suljetaan)",
        "Tillfällig exempeldatabas: {path} (tas bort när Luotsi stängs)",
        "Throwaway sample database: {path} (removed when Luotsi closes)",
    ),
    "cli.demo.board": (
        "Odotustilan näyttö toisessa päätteessä: {command}",
        "Väntrummets skärm i en annan terminal: {command}",
        "The waiting-room board in another terminal: {command}",
    ),
    "cli.demo.missing": (
        "esimerkkitietokantaa {path} ei löydy; luo se komennolla: luotsi sample {path}",
        "exempeldatabasen {path} saknas; skapa den med: luotsi sample {path}",
        "the sample database {path} is missing; create it with: luotsi sample {path}",
    ),
    "cli.import.username": ("Käyttäjätunnus", "Användarnamn", "Username"),
    "cli.import.password": ("Salasana", "Lösenord", "Password"),
    "cli.import.login_failed": (
        "kirjautuminen epäonnistui: väärä käyttäjätunnus tai salasana",
        "inloggningen misslyckades: fel användarnamn eller lösenord",
        "login failed: wrong username or password",
    ),
    "cli.error.empty_database": (
        "{path} on tyhjä tiedosto; luo siihen tietokanta komennolla: luotsi init {path}",
        "{path} är en tom fil; skapa en databas i den med: luotsi init {path}",
        "{path} is an empty file; create a database in it with: luotsi init {path}",
    ),
    # A busy database has its own message above ("cli.error.busy").
    "cli.error.full": (
        "tietokanta tai sen levy on täynnä; mitään ei tallennettu (vapauta tilaa ja yritä uudelleen)",
        "databasen eller dess disk är full; inget sparades (frigör utrymme och försök igen)",
        "the database or its disk is full; nothing was saved (free some space and try again)",
    ),
    "cli.error.read_only": (
        "tietokantaan ei voi kirjoittaa (tiedosto tai kansio on vain luku); mitään ei tallennettu",
        "databasen går inte att skriva till (filen eller mappen är skrivskyddad); inget sparades",
        "the database cannot be written (the file or its folder is read-only); nothing was saved",
    ),
}
