"""UI strings of the shell (login, the Today screen, dialogs, help, the palette) and the
store's messages about logins, staff accounts, sites, dates and settings."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    "app.title": ("Luotsi", "Luotsi", "Luotsi"),
    "week.short": ("vk", "v.", "wk"),
    "weekdays": (
        "ma ti ke to pe la su",
        "mån tis ons tor fre lör sön",
        "Mon Tue Wed Thu Fri Sat Sun",
    ),
    "role.reception": ("vastaanotto", "mottagning", "reception"),
    "role.coach": ("valmentaja", "coach", "coach"),
    "role.admin": ("ylläpitäjä", "administratör", "administrator"),
    "blanked.badge": ("◼ PIILOTETTU", "◼ DOLT", "◼ HIDDEN"),
    # Footer labels of key bindings, by binding id
    "binding.app.help": ("Ohje", "Hjälp", "Help"),
    "binding.app.quit": ("Lopeta", "Avsluta", "Quit"),
    "binding.app.logout": ("Kirjaudu ulos", "Logga ut", "Log out"),
    "binding.app.blank": ("Piilota", "Dölj", "Hide"),
    "binding.app.palette": ("Komennot", "Kommandon", "Commands"),
    "binding.today.find": ("Etsi", "Sök", "Find"),
    "binding.today.new_client": ("Uusi asiakas", "Ny klient", "New client"),
    "binding.today.day_report": ("Päivän raportti", "Dagsrapport", "Day report"),
    "binding.discard.yes": ("Hylkää", "Kasta", "Discard"),
    "binding.discard.no": ("Jatka muokkausta", "Fortsätt redigera", "Keep editing"),
    "binding.help.close": ("Sulje", "Stäng", "Close"),
    # Palette verbs
    "palette.placeholder": ("Hae komentoa…", "Sök kommando…", "Search for commands…"),
    "cmd.find_client": ("Etsi asiakas", "Sök klient", "Find client"),
    "cmd.find_client.help": (
        "Hae nimellä, puhelinnumerolla, syntymäajalla tai henkilötunnuksella",
        "Sök med namn, telefonnummer, födelsedatum eller personbeteckning",
        "Search by name, phone number, birth date or identity code",
    ),
    "cmd.new_client": ("Uusi asiakas", "Ny klient", "New client"),
    "cmd.new_client.help": (
        "Rekisteröi uusi asiakas",
        "Registrera en ny klient",
        "Register a new client",
    ),
    "cmd.blank": (
        "Piilota henkilötiedot näytöltä",
        "Dölj personuppgifter på skärmen",
        "Hide personal data on screen",
    ),
    "cmd.blank.help": (
        "Nimet nimikirjaimiksi, henkilötunnukset piiloon (F12)",
        "Namn blir initialer, personbeteckningar döljs (F12)",
        "Names become initials, identity codes are hidden (F12)",
    ),
    "cmd.help": ("Ohje ja näppäimet", "Hjälp och tangenter", "Help and keys"),
    "cmd.help.help": (
        "Kaikki näppäinkomennot (F1)",
        "Alla tangentkommandon (F1)",
        "All keyboard commands (F1)",
    ),
    "cmd.language": ("Kieli: {name}", "Språk: {name}", "Language: {name}"),
    "cmd.language.help": (
        "Vaihda käyttöliittymän kieli",
        "Byt användargränssnittets språk",
        "Change the user interface language",
    ),
    "cmd.logout": ("Kirjaudu ulos", "Logga ut", "Log out"),
    "cmd.logout.help": (
        "Palaa kirjautumiseen",
        "Tillbaka till inloggningen",
        "Back to the login screen",
    ),
    "cmd.quit": ("Lopeta Luotsi", "Avsluta Luotsi", "Quit Luotsi"),
    "cmd.quit.help": (
        "Sulje sovellus (Ctrl+Q)",
        "Stäng programmet (Ctrl+Q)",
        "Close the app (Ctrl+Q)",
    ),
    "language.fi": ("suomi", "finska", "Finnish"),
    "language.sv": ("ruotsi", "svenska", "Swedish"),
    "language.en": ("englanti", "engelska", "English"),
    "language.other": ("muu", "annat", "other"),
    # Login
    "login.title": ("Kirjaudu Luotsiin", "Logga in i Luotsi", "Log in to Luotsi"),
    "login.username": ("Käyttäjätunnus", "Användarnamn", "Username"),
    "login.password": ("Salasana", "Lösenord", "Password"),
    "login.failed": (
        "Käyttäjätunnus tai salasana on väärä.",
        "Användarnamnet eller lösenordet är fel.",
        "The username or password is wrong.",
    ),
    "login.locked.one": (
        "Liian monta epäonnistunutta yritystä. Yritä uudelleen {count} sekunnin kuluttua.",
        "För många misslyckade försök. Försök igen om {count} sekund.",
        "Too many failed attempts. Try again in {count} second.",
    ),
    "login.locked.other": (
        "Liian monta epäonnistunutta yritystä. Yritä uudelleen {count} sekunnin kuluttua.",
        "För många misslyckade försök. Försök igen om {count} sekunder.",
        "Too many failed attempts. Try again in {count} seconds.",
    ),
    "login.hint": (
        "Enter kirjautuu · Ctrl+Q lopettaa",
        "Enter loggar in · Ctrl+Q avslutar",
        "Enter logs in · Ctrl+Q quits",
    ),
    # Today
    "today.title": ("Tänään", "I dag", "Today"),
    "today.registered_today": (
        "Uusia asiakkaita tänään: {count}",
        "Nya klienter i dag: {count}",
        "New clients today: {count}",
    ),
    "today.visits_today": (
        "Käyntejä tänään: {count}",
        "Besök i dag: {count}",
        "Visits today: {count}",
    ),
    "today.waiting_now": ("Jonossa nyt: {count}", "I kön nu: {count}", "Waiting now: {count}"),
    "today.nps": (
        "Suositteluindeksi (NPS) {score} · n = {n}",
        "Rekommendationsindex (NPS) {score} · n = {n}",
        "NPS {score} · n = {n}",
    ),
    "today.nps_hidden": (
        "NPS: liian vähän vastauksia (n = {n})",
        "NPS: för få svar (n = {n})",
        "NPS: too few answers (n = {n})",
    ),
    "report.hint": (
        "Ctrl+R päivän raportti: syyt, kanavat, odotukset, NPS",
        "Ctrl+R dagsrapport: orsaker, kanaler, väntetider, NPS",
        "Ctrl+R day report: reasons, channels, waits, NPS",
    ),
    "discard.title": (
        "Hylätäänkö tallentamattomat muutokset?",
        "Kasta osparade ändringar?",
        "Discard unsaved changes?",
    ),
    "discard.yes": ("Hylkää muutokset", "Kasta ändringarna", "Discard changes"),
    "discard.no": ("Jatka muokkausta", "Fortsätt redigera", "Keep editing"),
    # Help
    "help.title": ("Ohje", "Hjälp", "Help"),
    # The keys of the whole app; the work screens' line and sections follow it.
    "help.keys": (
        "F1 ohje · F12 piilota / näytä henkilötiedot\n"
        "Ctrl+G kirjaudu ulos · Ctrl+B lukitse näyttö · Ctrl+Q lopeta\n"
        "Ctrl+P komennot (etsi asiakas, uusi asiakas, kieli …)\n"
        "Ctrl+F etsi asiakas · Ctrl+N uusi asiakas · Ctrl+S tallenna\n"
        "Ctrl+R päivän raportti · Esc takaisin (kysyy, jos tallentamatta)",
        "F1 hjälp · F12 dölj / visa personuppgifter\n"
        "Ctrl+G logga ut · Ctrl+B lås skärmen · Ctrl+Q avsluta\n"
        "Ctrl+P kommandon (sök klient, ny klient, språk …)\n"
        "Ctrl+F sök klient · Ctrl+N ny klient · Ctrl+S spara\n"
        "Ctrl+R dagsrapport · Esc tillbaka (frågar om osparat)",
        "F1 help · F12 hide / show personal data\n"
        "Ctrl+G log out · Ctrl+B lock the screen · Ctrl+Q quit\n"
        "Ctrl+P commands (find client, new client, language …)\n"
        "Ctrl+F find client · Ctrl+N new client · Ctrl+S save\n"
        "Ctrl+R day report · Esc back (asks if anything is unsaved)",
    ),
    # Work screens that are planned but not built yet, as the help's key line names them.
    "help.work.kompassi": ("Kompassi", "Kompassi", "Kompassi"),
    "help.work.service_path": ("palvelupolku", "servicestig", "service path"),
    "help.work.schedule": ("ajanvaraus", "tidsbokning", "scheduling"),
    "help.work.coming": ("(tulossa)", "(kommer)", "(coming)"),
    # F3–F5 before their screens exist.
    "work.planned": (
        "{fkey} {name}: ei vielä käytössä tässä versiossa.",
        "{fkey} {name}: finns ännu inte i den här versionen.",
        "{fkey} {name}: not in this version yet.",
    ),
    "help.close": ("Esc sulkee", "Esc stänger", "Esc closes"),
    # The Select menu's own Esc, which Textual labels in English.
    "menu.close": ("sulje valikko", "stäng menyn", "close the menu"),
    "error.busy": (
        "Tietokanta oli varattuna. Yritä uudelleen; mitään ei menetetty.",
        "Databasen var upptagen. Försök igen; inget gick förlorat.",
        "The database was busy. Try again; nothing was lost.",
    ),
    "error.not_allowed": (
        "Sinulla ei ole oikeutta tähän.",
        "Du har inte behörighet till detta.",
        "You are not allowed to do this.",
    ),
    "error.unexpected": (
        "Jokin meni vikaan ({kind}). Yritä uudelleen; mitään kirjoitettua ei menetetty.",
        "Något gick fel ({kind}). Försök igen; inget som skrivits gick förlorat.",
        "Something went wrong ({kind}). Try again; nothing typed was lost.",
    ),
    # The login's refusals (store/core/auth.py).
    "auth.error.failed": (
        "väärä käyttäjätunnus tai salasana",
        "fel användarnamn eller lösenord",
        "wrong username or password",
    ),
    "auth.error.locked.one": (
        "liian monta epäonnistunutta kirjautumista; yritä uudelleen {count} sekunnin kuluttua",
        "för många misslyckade inloggningar; försök igen om {count} sekund",
        "too many failed logins; try again in {count} second",
    ),
    "auth.error.locked.other": (
        "liian monta epäonnistunutta kirjautumista; yritä uudelleen {count} sekunnin kuluttua",
        "för många misslyckade inloggningar; försök igen om {count} sekunder",
        "too many failed logins; try again in {count} seconds",
    ),
    # Choosing a site (store/core/sites.py).
    "site.error.unknown": (
        "mikään toimipiste ei vastaa yksiselitteisesti nimeä ”{site}”",
        "inget verksamhetsställe motsvarar entydigt ”{site}”",
        "no single site matches “{site}”",
    ),
    "site.error.choose": (
        "valitse toimipiste",
        "välj verksamhetsställe",
        "choose a site",
    ),
    "site.error.empty": (
        "toimipisteen nimi, kunta ja työllisyysalue tarvitaan",
        "verksamhetsställets namn, kommun och sysselsättningsområde behövs",
        "a site needs a name, a municipality and an employment area",
    ),
    "site.error.name_taken": (
        "toimipiste ”{site}” on jo olemassa",
        "verksamhetsstället ”{site}” finns redan",
        "the site “{site}” exists already",
    ),
    "site.error.admin_required": (
        "vain pääkäyttäjä voi lisätä toimipisteen",
        "endast en administratör kan lägga till ett verksamhetsställe",
        "only an admin can add a site",
    ),
    # Staff accounts (store/core/staff.py).
    "staff.error.username_empty": (
        "käyttäjätunnus puuttuu",
        "användarnamnet saknas",
        "the username is missing",
    ),
    "staff.error.username_chars": (
        "käyttäjätunnus ”{username}” ei kelpaa: vain pieniä kirjaimia a–z, numeroita"
        " sekä . - _, ei välilyöntejä",
        "användarnamnet ”{username}” duger inte: bara små bokstäver a–z, siffror"
        " och . - _, inga mellanslag",
        "the username “{username}” is not valid: only lower-case letters a–z, digits"
        " and . - _, no spaces",
    ),
    "staff.error.username_taken": (
        "käyttäjätunnus {username} on jo käytössä (myös suljettu tili varaa tunnuksen)",
        "användarnamnet {username} används redan (även ett stängt konto reserverar det)",
        "the username {username} is taken (a deactivated account keeps its name too)",
    ),
    "staff.error.password_short": (
        "salasanassa pitää olla vähintään {min} merkkiä",
        "lösenordet måste ha minst {min} tecken",
        "the password must have at least {min} characters",
    ),
    "staff.error.old_password": (
        "nykyinen salasana puuttuu tai on väärä",
        "det nuvarande lösenordet saknas eller är fel",
        "the current password is missing or wrong",
    ),
    "staff.error.name_empty": (
        "nimi puuttuu (muodossa Sukunimi Etunimi)",
        "namnet saknas (som Efternamn Förnamn)",
        "the name is missing (as Last First)",
    ),
    "staff.error.role": (
        "rooli ”{role}” ei kelpaa; valitse yksi: {roles}",
        "rollen ”{role}” duger inte; välj en: {roles}",
        "the role “{role}” is not valid; choose one of: {roles}",
    ),
    "staff.error.language": (
        "kieli ”{language}” ei kelpaa; valitse fi, sv tai en",
        "språket ”{language}” duger inte; välj fi, sv eller en",
        "the language “{language}” is not valid; choose fi, sv or en",
    ),
    "staff.error.unknown_site": (
        "toimipistettä ei ole",
        "verksamhetsstället finns inte",
        "there is no such site",
    ),
    "staff.error.unknown": (
        "käyttäjää {username} ei ole",
        "användaren {username} finns inte",
        "there is no user {username}",
    ),
    "staff.error.admin_required": (
        "vain pääkäyttäjä voi luoda käyttäjätilin",
        "endast en administratör kan skapa ett användarkonto",
        "only an admin can create a user account",
    ),
    "staff.error.last_admin": (
        "{username} on viimeinen aktiivinen pääkäyttäjä; lisää ensin toinen",
        "{username} är den sista aktiva administratören; lägg först till en annan",
        "{username} is the last active admin; add another one first",
    ),
    "staff.error.deactivate_self": (
        "omaa tiliä ei voi sulkea",
        "man kan inte stänga sitt eget konto",
        "you cannot deactivate your own account",
    ),
    "staff.error.inactive": (
        "käyttäjän {username} tili on jo suljettu",
        "användaren {username} är redan stängd",
        "{username} is deactivated already",
    ),
    # Days as typed (store/core/dates.py).
    "date.error.invalid": (
        "päivämäärä ”{text}” ei kelpaa; anna se muodossa 28.11.2026 tai 2026-11-28",
        "datumet ”{text}” duger inte; ange det som 28.11.2026 eller 2026-11-28",
        "the date “{text}” is not valid; give it as 28.11.2026 or 2026-11-28",
    ),
    # The installation's settings and their refusals (store/core/settings.py).
    "setting.queue.wait_threshold_minutes": (
        "odotusaika (min), jonka jälkeen jonossa näkyy ⚠",
        "väntetid (min) efter vilken kön visar ⚠",
        "waiting minutes after which the queue shows ⚠",
    ),
    "setting.feedback.link_to_visit": (
        "asiakaspalaute liitetään käyntiin (näkyy viennin sarakkeessa feedback_score)",
        "kundrespons kopplas till besöket (syns i exportens kolumn feedback_score)",
        "feedback is linked to the visit (shown in the export's feedback_score column)",
    ),
    "setting.timezone": (
        "aikavyöhyke, jonka kellonaikoina ajat näytetään ja viedään (esim. Europe/Helsinki)",
        "tidszonen vars klocktider visas och exporteras (t.ex. Europe/Helsinki)",
        "the time zone whose clock times are shown and exported (e.g. Europe/Helsinki)",
    ),
    "setting.error.unknown": (
        "asetusta ”{name}” ei ole; asetukset: {known}",
        "inställningen ”{name}” finns inte; inställningar: {known}",
        "there is no setting “{name}”; the settings are: {known}",
    ),
    "setting.error.minutes": (
        "anna kokonaisluku {low}–{high}, nyt ”{text}”",
        "ange ett heltal {low}–{high}, nu ”{text}”",
        "give a whole number {low}–{high}, not “{text}”",
    ),
    "setting.error.yes_no": (
        "anna kyllä tai ei (on/off), nyt ”{text}”",
        "ange ja eller nej (on/off), nu ”{text}”",
        "give yes or no (on/off), not “{text}”",
    ),
    "setting.error.timezone": (
        "aikavyöhykettä ”{text}” ei tunneta; anna IANA-nimi, esim. Europe/Helsinki",
        "tidszonen ”{text}” är okänd; ange ett IANA-namn, t.ex. Europe/Helsinki",
        "unknown time zone “{text}”; give an IANA name such as Europe/Helsinki",
    ),
    "setting.yes": ("kyllä", "ja", "yes"),
    "setting.no": ("ei", "nej", "no"),
    "error.damaged": (
        "Tietokanta {path} on vahingoittunut (katkennut tai osin ylikirjoittunut), eikä sen"
        " tietoihin voi luottaa. Mitään ei muutettu. Palauta tietokanta varmuuskopiosta.",
        "Databasen {path} är skadad (avkortad eller delvis överskriven) och dess uppgifter"
        " går inte att lita på. Inget ändrades. Återställ databasen från en säkerhetskopia.",
        "The database {path} is damaged (cut short or partly overwritten) and its data"
        " cannot be trusted. Nothing was changed. Restore the database from a backup.",
    ),
    "error.damaged_unnamed": (
        "Tietokanta on vahingoittunut (katkennut tai osin ylikirjoittunut), eikä sen"
        " tietoihin voi luottaa. Mitään ei muutettu. Palauta tietokanta varmuuskopiosta.",
        "Databasen är skadad (avkortad eller delvis överskriven) och dess uppgifter"
        " går inte att lita på. Inget ändrades. Återställ databasen från en säkerhetskopia.",
        "The database is damaged (cut short or partly overwritten) and its data"
        " cannot be trusted. Nothing was changed. Restore the database from a backup.",
    ),
    "error.damaged_backup": (
        "Tietokanta {path} on vahingoittunut (katkennut tai osin ylikirjoittunut), eikä sen"
        " tietoihin voi luottaa. Mitään ei muutettu. Uusin varmuuskopio on {backup}.",
        "Databasen {path} är skadad (avkortad eller delvis överskriven) och dess uppgifter"
        " går inte att lita på. Inget ändrades. Den nyaste säkerhetskopian är {backup}.",
        "The database {path} is damaged (cut short or partly overwritten) and its data"
        " cannot be trusted. Nothing was changed. The newest backup is {backup}.",
    ),
    "error.database_is_folder": (
        "{path} on kansio, ei tietokanta; anna tietokantatiedoston polku",
        "{path} är en mapp, inte en databas; ange sökvägen till databasfilen",
        "{path} is a folder, not a database; give the path of the database file",
    ),
    "error.folder_read_only": (
        "Tietokantaa {path} ei voi lukea: kansioon {folder} ei voi kirjoittaa, ja SQLite"
        " tarvitsee sen viereen tiedoston {path}-shm. Anna tälle käyttäjälle kirjoitusoikeus"
        " kansioon.",
        "Databasen {path} kan inte läsas: mappen {folder} är skrivskyddad och SQLite behöver"
        " filen {path}-shm bredvid den. Ge den här användaren skrivrätt till mappen.",
        "The database {path} cannot be read: the folder {folder} is read-only and SQLite"
        " needs the file {path}-shm beside it. Give this user write access to the folder.",
    ),
    "error.pseudonym_key_damaged": (
        "Vientien pseudonyymiavain (asetus {setting}) on vahingoittunut, joten pseudonyymejä"
        " ei voi muodostaa; mitään ei viety. Palauta avain varmuuskopiosta: uusi avain"
        " antaisi jokaiselle asiakkaalle uuden pseudonyymin.",
        "Exporternas pseudonymnyckel (inställningen {setting}) är skadad, så pseudonymer kan"
        " inte bildas; inget exporterades. Återställ nyckeln från en säkerhetskopia: en ny"
        " nyckel skulle ge varje klient en ny pseudonym.",
        "The exports' pseudonym key (setting {setting}) is damaged, so no pseudonyms can be"
        " made; nothing was exported. Restore the key from a backup: a new key would give"
        " every client a new pseudonym.",
    ),
    "error.pseudonym_key_damaged_backup": (
        "Vientien pseudonyymiavain (asetus {setting}) on vahingoittunut, joten pseudonyymejä"
        " ei voi muodostaa; mitään ei viety. Palauta avain uusimmasta varmuuskopiosta"
        " {backup}: uusi avain antaisi jokaiselle asiakkaalle uuden pseudonyymin.",
        "Exporternas pseudonymnyckel (inställningen {setting}) är skadad, så pseudonymer kan"
        " inte bildas; inget exporterades. Återställ nyckeln från den nyaste"
        " säkerhetskopian {backup}: en ny nyckel skulle ge varje klient en ny pseudonym.",
        "The exports' pseudonym key (setting {setting}) is damaged, so no pseudonyms can be"
        " made; nothing was exported. Restore the key from the newest backup {backup}: a new"
        " key would give every client a new pseudonym.",
    ),
    # The login's longer locks and damaged password data (store/core/auth.py).
    "auth.error.locked_minutes.one": (
        "liian monta epäonnistunutta kirjautumista; yritä uudelleen {count} minuutin kuluttua",
        "för många misslyckade inloggningar; försök igen om {count} minut",
        "too many failed logins; try again in {count} minute",
    ),
    "auth.error.locked_minutes.other": (
        "liian monta epäonnistunutta kirjautumista; yritä uudelleen {count} minuutin kuluttua",
        "för många misslyckade inloggningar; försök igen om {count} minuter",
        "too many failed logins; try again in {count} minutes",
    ),
    "auth.error.damaged": (
        "tilin salasanatiedot ovat vioittuneet; pyydä ylläpitäjää asettamaan uusi salasana",
        "kontots lösenordsuppgifter är skadade; be en administratör att ange ett nytt lösenord",
        "the account's password data is damaged; ask an admin to set a new password",
    ),
    "login.locked_minutes.one": (
        "Liian monta epäonnistunutta yritystä. Yritä uudelleen {count} minuutin kuluttua.",
        "För många misslyckade försök. Försök igen om {count} minut.",
        "Too many failed attempts. Try again in {count} minute.",
    ),
    "login.locked_minutes.other": (
        "Liian monta epäonnistunutta yritystä. Yritä uudelleen {count} minuutin kuluttua.",
        "För många misslyckade försök. Försök igen om {count} minuter.",
        "Too many failed attempts. Try again in {count} minutes.",
    ),
    "login.damaged": (
        "Tilin salasanatiedot ovat vioittuneet. Pyydä ylläpitäjää asettamaan uusi salasana.",
        "Kontots lösenordsuppgifter är skadade. Be en administratör att ange ett nytt lösenord.",
        "The account's password data is damaged. Ask an admin to set a new password.",
    ),
    "login.checking": ("Tarkistetaan…", "Kontrollerar…", "Checking…"),
    "today.audit_broken": (
        "⚠ Käyttölokin tarkistus {day} löysi muutetun tapahtuman: #{seq} ({at})."
        " Selvitä asia ja tarkista uudelleen: luotsi audit verify",
        "⚠ Loggkontrollen {day} hittade en ändrad händelse: #{seq} ({at})."
        " Utred saken och kontrollera igen: luotsi audit verify",
        "⚠ The access-log check of {day} found a tampered event: #{seq} ({at})."
        " Look into it and check again: luotsi audit verify",
    ),
    "today.audit_due": (
        "⚠ Käyttöloki on viimeksi tarkistettu {day}: luotsi audit verify",
        "⚠ Loggen kontrollerades senast {day}: luotsi audit verify",
        "⚠ The access log was last checked on {day}: luotsi audit verify",
    ),
    # A store call that could not write (see store.core.db.DatabaseFault).
    "error.full": (
        "Tietokanta tai sen levy on täynnä, eikä mitään tallennettu. Kirjoittamasi on "
        "tallella: yritä uudelleen, kun ylläpito on vapauttanut tilaa.",
        "Databasen eller dess disk är full och inget sparades. Det du skrivit finns kvar: "
        "försök igen när administratören har frigjort utrymme.",
        "The database or its disk is full, and nothing was saved. What you typed is kept: "
        "try again once the administrator has freed some space.",
    ),
    "error.read_only": (
        "Tietokantaan ei voi kirjoittaa (tiedosto tai kansio on vain luku), eikä mitään "
        "tallennettu. Kirjoittamasi on tallella: pyydä ylläpitoa korjaamaan oikeudet.",
        "Databasen går inte att skriva till (filen eller mappen är skrivskyddad) och inget "
        "sparades. Det du skrivit finns kvar: be administratören rätta behörigheterna.",
        "The database cannot be written (the file or its folder is read-only), and nothing "
        "was saved. What you typed is kept: ask the administrator to fix the permissions.",
    ),
    # The kinds of the coach's worklist items (store/paths/worklist.py), on the day sheet.
    "worklist.kind.ending": ("Päättyy pian", "Slutar snart", "Ending soon"),
    "worklist.kind.overdue": ("Yli loppupäivän", "Över slutdatum", "Past its end"),
    "worklist.kind.not_started": ("Ei alkanut", "Inte påbörjad", "Not started"),
    "worklist.kind.warning": ("⚠ Sääntövaroitus", "⚠ Regelvarning", "⚠ Rule warning"),
    "worklist.kind.no_active_step": ("Ei palvelua nyt", "Ingen tjänst nu", "No service now"),
}
