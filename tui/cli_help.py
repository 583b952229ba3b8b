"""The `luotsi --help` texts in fi, sv and en, and the language they are shown in.

Typer fixes a command's help when the command is defined, on import, before any option is
parsed: so the language is settled here first, from `--lang` on the command line or else
the user's locale (see `cli_language`). Each paragraph is one line, so that the help wraps
to the terminal's width."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence

from store.core.i18n import DEFAULT_LANGUAGE, LANGUAGES, in_language, locale_language

from .cli_help_kompassi import KOMPASSI_HELP


def cli_language(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """The language a command asks for with `--lang`, else the locale's, else Finnish."""
    for index, arg in enumerate(argv):
        asked = argv[index + 1] if arg == "--lang" and index + 1 < len(argv) else None
        asked = arg.removeprefix("--lang=") if arg.startswith("--lang=") else asked
        if asked in LANGUAGES:
            return asked
    return locale_language(environ) or DEFAULT_LANGUAGE


HELP_LANGUAGE = cli_language(sys.argv[1:], os.environ)


def help_for(key: str) -> str:
    return in_language(HELP[key], HELP_LANGUAGE)


_GENERAL: dict[str, tuple[str, str, str]] = {
    "help.app": (
        "Luotsi: näppäimistöllä käytettävä rekisteri kuntien työllisyyspalveluille.",
        "Luotsi: ett tangentbordsstyrt register för kommunernas sysselsättningstjänster.",
        "Luotsi: a keyboard-first register for municipal employment services.",
    ),
    "help.exit_codes": (
        "Paluuarvot: 0 valmis; 1 tuontitiedostossa virheellisiä rivejä, mitään ei tuotu;"
        " 2 käyttövirhe (puuttuva tai käyttökelvoton tiedosto tai tietokanta, väärä"
        " kirjautuminen, ei oikeutta, keskeytetty kysymys); 130 keskeytetty (Ctrl+C).",
        "Slutkoder: 0 klart; 1 felaktiga rader i en importfil, inget importerat;"
        " 2 användningsfel (fil eller databas saknas eller går inte att använda, fel"
        " inloggning, ingen behörighet, avbruten fråga); 130 avbrutet (Ctrl+C).",
        "Exit codes: 0 done; 1 bad rows in an import file, nothing imported; 2 usage error"
        " (missing or unusable file or database, wrong login, not allowed, aborted prompt);"
        " 130 interrupted (Ctrl+C).",
    ),
    "help.db": (
        "Tietokantatiedosto; oletus $LUOTSI_DB, muuten luotsi.db käyttäjän datakansiossa.",
        "Databasfil; standard $LUOTSI_DB, annars luotsi.db i användarens datamapp.",
        "Database file; default $LUOTSI_DB, else luotsi.db in the user data folder.",
    ),
    "help.lang": (
        "Käyttöliittymän kieli; oletus oma kielesi, muuten kielialueen (LANG) mukaan.",
        "Gränssnittets språk; standard ditt eget, annars språkmiljöns (LANG).",
        "Language of the interface; default your own, else the locale's (LANG).",
    ),
    "help.user": (
        "Käyttäjätunnuksesi; oletus $LUOTSI_USER, muuten kysytään.",
        "Ditt användarnamn; standard $LUOTSI_USER, annars frågas det.",
        "Your username; default $LUOTSI_USER, else asked.",
    ),
    "help.desk": (
        "Tämän päätteen palvelupiste odotustilan näytöllä; oletus 1.",
        "Den här terminalens lucka på väntrummets skärm; standard 1.",
        "This terminal's service desk, shown on the waiting-room board; default 1.",
    ),
    "help.import": (
        "Tuo tietoja tiedostoista.",
        "Importera data från filer.",
        "Import data from files.",
    ),
    "help.demo": (
        "Avaa Luotsi esimerkkitietokannan kertakäyttöisellä kopiolla.\n\nTunnukset admin,"
        " vastaanotto ja valmentaja, salasana demo. Kopiossa on neljän viime viikon käynnit,"
        " palvelupolut ja Kompassi-mittaukset sekä tämän päivän jono, oli päivä ja kellonaika"
        " mikä tahansa. Kopio poistetaan, kun Luotsi suljetaan.",
        "Öppna Luotsi med en tillfällig kopia av exempeldatabasen.\n\nAnvändarna admin,"
        " vastaanotto och valmentaja, lösenord demo. Kopian får de fyra senaste veckornas"
        " besök, tjänstevägar och Kompassi-mätningar och en kö för i dag, vilken dag och"
        " tid det än är. Kopian tas bort när Luotsi stängs.",
        "Open Luotsi on a throwaway copy of the sample database.\n\nLogins admin, vastaanotto"
        " and valmentaja; password demo. The copy gets the visits of the past four weeks,"
        " service paths and Kompassi readings, and a queue for today, whatever day and hour"
        " it is. It is removed when Luotsi closes.",
    ),
    "help.board": (
        "Näytä odotustilan näyttö: kutsutut vuoronumerot ja palvelupisteet, ei koskaan"
        " nimiä.\n\nEi vaadi kirjautumista eikä kirjoita tietokantaan. Jos toimipisteitä on"
        " yksi, --site voidaan jättää pois.",
        "Visa väntrummets skärm: kallade könummer och deras luckor, aldrig namn.\n\nKräver"
        " ingen inloggning och skriver aldrig i databasen. Med ett verksamhetsställe kan"
        " --site utelämnas.",
        "Show the waiting-room board: called ticket numbers and their desks, never"
        " names.\n\nNeeds no login and never writes to the database. With one site, --site"
        " may be left out.",
    ),
    "help.board.site": (
        "Toimipiste, jonka jono näytetään (osa nimestä riittää).",
        "Verksamhetsstället vars kö visas (en del av namnet räcker).",
        "The site whose queue to show (part of its name will do).",
    ),
    "help.new_database": (
        "Luotava tietokantatiedosto.",
        "Databasfilen som skapas.",
        "The database file to create.",
    ),
    "help.init.site": (
        "Ensimmäisen toimipisteen nimi.",
        "Namnet på det första verksamhetsstället.",
        "Name of the first site.",
    ),
    "help.municipality": ("Sen kunta.", "Dess kommun.", "Its municipality."),
    "help.area": ("Sen työllisyysalue.", "Dess sysselsättningsområde.", "Its employment area."),
    "help.init.username": (
        "Ensimmäisen pääkäyttäjän käyttäjätunnus.",
        "Den första huvudanvändarens användarnamn.",
        "The first admin's username.",
    ),
    "help.init.display_name": (
        "Pääkäyttäjän nimi.",
        "Huvudanvändarens namn.",
        "The admin's name.",
    ),
    "help.sample": (
        "Luo tietokanta keksityistä asiakkaista, joilla on väliaikaiset henkilötunnukset"
        " (900–999), ja jokaisen toimipisteen käynnit viime viikoilta.",
        "Skapa en databas med påhittade klienter med tillfälliga personbeteckningar"
        " (900–999) och de senaste veckornas besök vid varje verksamhetsställe.",
        "Create a database of made-up clients with temporary identity codes (900–999), with"
        " the walk-in visits of the past weeks at every site.",
    ),
    "help.sample.clients": ("Asiakkaiden määrä.", "Antal klienter.", "How many clients."),
    "help.sample.seed": (
        "Sama siemenluku antaa samat asiakkaat.",
        "Samma frö ger samma klienter.",
        "The same seed gives the same clients.",
    ),
    "help.sample.force": (
        "Korvaa olemassa oleva tietokantatiedosto.",
        "Ersätt en befintlig databasfil.",
        "Replace an existing database file.",
    ),
    "help.sample.weeks": (
        "Käyntiviikkoja ennen tätä päivää; 0: ei käyntejä, palvelupolkuja eikä"
        " Kompassi-mittauksia.",
        "Veckor med besök före i dag; 0: inga besök, tjänstevägar eller Kompassi-mätningar.",
        "Weeks of walk-in visits before today; 0: no visits, service paths or Kompassi readings.",
    ),
    "help.import.clients": (
        "Tuo asiakkaat CSV-tiedostosta: kaikki rivit tai ei yhtään (vain"
        " pääkäyttäjä).\n\nSarakkeet: hetu, first_name, last_name, birth_date, phone, email,"
        " language (fi, sv, en, other), municipality; first_name ja last_name ovat pakollisia."
        " Erottimena pilkku, puolipiste tai sarkain, merkistönä UTF-8, UTF-16 (Excelin Unicode-teksti) tai Windows-1252. Rivit, joiden"
        " henkilötunnus on jo rekisterissä, ohitetaan, samoin rivit ilman henkilötunnusta, jotka"
        " näyttävät rekisterissä olevalta asiakkaalta (sama syntymäaika, samankaltainen nimi),"
        " ellei annettu --allow-duplicates; saman tiedoston toinen tuonti ei lisää mitään. Salasana tulee muuttujasta"
        " $LUOTSI_PASSWORD tai kysytään.",
        "Importera klienter från en CSV-fil: alla rader eller ingen (endast"
        " huvudanvändare).\n\nKolumner: hetu, first_name, last_name, birth_date, phone, email,"
        " language (fi, sv, en, other), municipality; first_name och last_name krävs."
        " Komma, semikolon eller tabb som avgränsare, UTF-8, UTF-16 (Excels Unicode-text) eller Windows-1252. Rader vars"
        " personbeteckning redan finns i registret hoppas över, liksom rader utan"
        " personbeteckning som liknar en registrerad klient (samma födelsedatum, ett liknande"
        " namn) om inte --allow-duplicates anges; samma fil importerad två gånger lägger inte"
        " till något. Lösenordet tas från"
        " $LUOTSI_PASSWORD eller frågas.",
        "Import clients from a CSV file: every row or none (admins only).\n\nColumns: hetu,"
        " first_name, last_name, birth_date, phone, email, language (fi, sv, en, other),"
        " municipality; first_name and last_name are required. Comma or semicolon separated"
        " in UTF-8 or Windows-1252, or tab separated in UTF-16 (Excel's Unicode text)."
        " Rows whose identity code is already registered are skipped, and so are"
        " rows without one that look like a registered client (same birth date, a similar"
        " name) unless --allow-duplicates; importing a file twice adds nothing the second"
        " time. The password comes from $LUOTSI_PASSWORD or is asked.",
    ),
    "help.import.file": (
        "CSV-tiedosto, jossa on otsikkorivi.",
        "CSV-fil med rubrikrad.",
        "CSV file with a header row.",
    ),
    "help.import.dry_run": (
        "Tarkista tiedosto; älä tallenna mitään.",
        "Kontrollera filen; spara inget.",
        "Check the file; save nothing.",
    ),
    "help.import.allow_duplicates": (
        "Tuo myös rivit ilman henkilötunnusta, jotka näyttävät rekisterissä olevalta"
        " asiakkaalta (sama syntymäaika, samankaltainen nimi).",
        "Importera även rader utan personbeteckning som liknar en registrerad klient (samma"
        " födelsedatum, ett liknande namn).",
        "Also import rows without an identity code that look like a registered client (same"
        " birth date, a similar name).",
    ),
    "help.report": (
        "Raportit asiointikäynneistä, palvelupoluista ja Kompassista.",
        "Rapporter om besöken, tjänstevägarna och Kompassi.",
        "Reports of the walk-in visits, the service paths and Kompassi.",
    ),
    "help.report.day": (
        "Näytä toimipisteen päivä: käynnit syittäin, kanavittain ja tunneittain, odotusajat"
        " (mediaani ja 90 %), ilman palvelua poistuneet, palvellut työntekijöittäin, NPS ja"
        " pisimmät odotukset.\n\nSalasana tulee muuttujasta $LUOTSI_PASSWORD tai kysytään.",
        "Visa ett verksamhetsställes dag: besök per orsak, kanal och timme, väntetider"
        " (median och 90 %), de som gick utan service, betjänade per anställd, NPS och de"
        " längsta väntetiderna.\n\nLösenordet tas från $LUOTSI_PASSWORD eller frågas.",
        "Show a site's day: visits by reason, channel and hour, waits (median and 90th"
        " percentile), left without service, served per staff member, NPS and the longest"
        " waits.\n\nThe password comes from $LUOTSI_PASSWORD or is asked.",
    ),
    "help.report.date": (
        "Päivä muodossa p.k.vvvv tai vvvv-kk-pp; oletus tänään.",
        "Dagen som d.m.åååå eller åååå-mm-dd; standard i dag.",
        "The day, d.m.yyyy or yyyy-mm-dd; default today.",
    ),
    "help.report.site": (
        "Toimipiste (osa nimestä riittää); oletus oma toimipisteesi.",
        "Verksamhetsstället (en del av namnet räcker); standard ditt eget.",
        "The site (part of its name will do); default your own site.",
    ),
    "help.export": (
        "Vie tietoja raportointia varten.",
        "Exportera data för rapportering.",
        "Export data for reporting.",
    ),
    "help.export.visits": (
        "Vie päivän (tai --date … --to) käynnit, rivi käyntiä kohden,"
        " pseudonymisoituna.\n\nKirjoittaa tiedoston ja sen luettelon FILE.manifest.json"
        " (rivimäärä, sarakkeet, SHA-256) kokonaan tai ei lainkaan, ja kirjaa viennin"
        " lokiin nimelläsi.",
        "Exportera besöken en dag (eller --date … --to), en rad per besök,"
        " pseudonymiserat.\n\nSkriver filen och FILE.manifest.json (antal rader, kolumner,"
        " SHA-256) helt eller inte alls och loggar exporten i ditt namn.",
        "Export the visits of a day (or --date … --to), one row per visit,"
        " pseudonymised.\n\nWrites FILE and FILE.manifest.json (row count, columns, SHA-256)"
        " whole or not at all, and logs the export under your name.",
    ),
    "help.export.date": (
        "(Ensimmäinen) päivä: 28.11.2026 tai ISO-muodossa.",
        "(Första) dagen: 28.11.2026 eller ISO.",
        "The (first) day: 28.11.2026 or ISO.",
    ),
    "help.export.to": (
        "Jakson viimeinen päivä; oletus --date.",
        "Periodens sista dag; standard --date.",
        "The last day of a range; default --date.",
    ),
    "help.export.site": (
        "Yksi toimipiste (osa nimestä riittää); oletus kaikki.",
        "Ett verksamhetsställe (en del av namnet räcker); standard alla.",
        "One site (part of its name will do); default all.",
    ),
    "help.export.format": (
        "Tiedostomuoto; oletus --out-tiedoston päätteestä, muuten csv.",
        "Filformat; standard enligt filändelsen i --out, annars csv.",
        "File format; default from --out's suffix, else csv.",
    ),
    "help.export.out": (
        "Kirjoitettava tiedosto; oletus kaynnit-<toimipiste>-<päivä>.<muoto> tähän kansioon.",
        "Filen som skrivs; standard kaynnit-<ställe>-<datum>.<format> i den här mappen.",
        "The file to write; default kaynnit-<site>-<date>.<format> here.",
    ),
    "help.export.dialect": (
        "CSV: excel (BOM, ';', p.k.vvvv) tai rfc4180 (',', ISO 8601).",
        "CSV: excel (BOM, ';', d.m.åååå) eller rfc4180 (',', ISO 8601).",
        "CSV: excel (BOM, ';', d.m.yyyy) or rfc4180 (',', ISO 8601).",
    ),
    "help.export.identities": (
        "Lisää nimet, henkilötunnukset ja puhelinnumerot (vain pääkäyttäjä, vaatii --purpose).",
        "Lägg till namn, personbeteckningar och telefonnummer (endast huvudanvändare, kräver"
        " --purpose).",
        "Add names, HETU and phone (admins only, needs --purpose).",
    ),
    "help.export.purpose": (
        "Miksi tunnistetiedot viedään; kirjataan lokiin.",
        "Varför identitetsuppgifter exporteras; skrivs i loggen.",
        "Why identities are exported; written to the log.",
    ),
    "help.export.calendar": (
        "Vie valmentajan kalenteri iCalendar-tiedostona (.ics) Outlookiin tai muuhun"
        " kalenteriin.\n\nTapaamiset, vedetyt ryhmätilaisuudet ja poissaolot Suomen ajassa;"
        " asiakkaista vain nimikirjaimet ja tapaamisen tyyppi. Uusi vienti päivittää samat"
        " tapahtumat (pysyvät UID:t), perutut ovat STATUS:CANCELLED. Valmentaja voi viedä"
        " oman ja tiiminsä kalenterin, vastaanotto kenen tahansa; vienti kirjataan lokiin.",
        "Exportera en coachs kalender som iCalendar-fil (.ics) för Outlook eller en annan"
        " kalender.\n\nMöten, hållna gruppträffar och frånvaro i finsk tid; om klienter"
        " bara initialer och mötets typ. En ny export uppdaterar samma händelser (stabila"
        " UID), inställda är STATUS:CANCELLED. En coach kan exportera sin egen och sitt"
        " teams kalender, receptionen vemsomhelst; exporten loggas.",
        "Export a coach's calendar as an iCalendar file (.ics) for Outlook or another"
        " calendar.\n\nAppointments, hosted group sessions and absences in Finnish time;"
        " clients by initials and the kind of appointment only. A new export updates the"
        " same events (stable UIDs); cancelled ones are STATUS:CANCELLED. A coach may export"
        " their own and their team's calendar, reception anyone's; the export is logged.",
    ),
    "help.export.calendar.coach": (
        "Valmentajan käyttäjätunnus; oletus oma kalenterisi.",
        "Coachens användarnamn; standard din egen kalender.",
        "The coach's username; default your own calendar.",
    ),
    "help.export.calendar.from": (
        "Ensimmäinen päivä (p.k.vvvv); oletus viikko sitten.",
        "Första dagen (d.m.åååå); standard för en vecka sedan.",
        "The first day (d.m.yyyy); default a week ago.",
    ),
    "help.export.calendar.to": (
        "Viimeinen päivä (p.k.vvvv); oletus 8 viikon päästä.",
        "Sista dagen (d.m.åååå); standard om 8 veckor.",
        "The last day (d.m.yyyy); default 8 weeks from today.",
    ),
    "help.export.calendar.out": (
        "Kirjoitettava .ics-tiedosto; oletus kalenteri-<tunnus>-<alku>_<loppu>.ics tähän kansioon.",
        "Filen (.ics) som skrivs; standard kalenteri-<namn>-<start>_<slut>.ics i den här mappen.",
        "The .ics file to write; default kalenteri-<username>-<from>_<to>.ics here.",
    ),
    "help.staff": (
        "Käyttäjätilit (vain pääkäyttäjä): luettelo, lisäys, salasanat, roolit, sulkeminen.",
        "Användarkonton (endast huvudanvändare): lista, lägg till, lösenord, roller, stängning.",
        "Staff accounts (admins only): list, add, passwords, roles, deactivation.",
    ),
    "help.site": (
        "Asennuksen toimipisteet (vain pääkäyttäjä).",
        "Installationens verksamhetsställen (endast huvudanvändare).",
        "The installation's sites (admins only).",
    ),
    "help.staff.username": (
        "Tilin käyttäjätunnus.",
        "Kontots användarnamn.",
        "The account's username.",
    ),
    "help.staff.list": (
        "Kaikki tilit, myös suljetut: tunnus, nimi, rooli, toimipiste, voimassa.",
        "Alla konton, även stängda: användarnamn, namn, roll, ställe, aktivt.",
        "Every account, deactivated ones too: username, name, role, site, active.",
    ),
    "help.staff.add": (
        "Lisää tili; sen salasana tulee muuttujasta $LUOTSI_NEW_PASSWORD tai kysytään"
        " kahdesti.\n\nViestit ovat omalla kielelläsi (tai ennen komentoa annetulla: luotsi"
        " --lang en staff add …), koska --lang on tässä uuden käyttäjän kieli.",
        "Lägg till ett konto; lösenordet tas från $LUOTSI_NEW_PASSWORD eller frågas två"
        " gånger.\n\nMeddelandena är på ditt eget språk (eller det som ges före kommandot:"
        " luotsi --lang en staff add …), eftersom --lang här är den nya användarens.",
        "Add an account; its password comes from $LUOTSI_NEW_PASSWORD or is asked"
        " twice.\n\nMessages are in your own language (or the one given before the command:"
        " luotsi --lang en staff add …), since --lang here is the new user's.",
    ),
    "help.staff.name": (
        "Nimi muodossa ”Sukunimi Etunimi”.",
        "Namnet som ”Efternamn Förnamn”.",
        "The name, as “Last First”.",
    ),
    "help.staff.role": ("Mitä tili saa tehdä.", "Vad kontot får göra.", "What the account may do."),
    "help.staff.site": (
        "Tilin toimipiste (osa nimestä riittää); valinnainen, jos toimipisteitä on yksi.",
        "Kontots verksamhetsställe (en del av namnet räcker); valfritt med ett ställe.",
        "The account's site (part of its name will do); with one site, optional.",
    ),
    "help.staff.lang": (
        "Uuden käyttäjän kieli.",
        "Den nya användarens språk.",
        "The new user's language.",
    ),
    "help.staff.passwd": (
        "Vaihda tilin salasana: muuttujasta $LUOTSI_NEW_PASSWORD tai kysytään kahdesti.",
        "Byt ett kontos lösenord: från $LUOTSI_NEW_PASSWORD eller frågas två gånger.",
        "Set an account's password: from $LUOTSI_NEW_PASSWORD, or asked twice.",
    ),
    "help.staff.set_role": (
        "Anna tilille toinen rooli; viimeinen voimassa oleva pääkäyttäjä pysyy pääkäyttäjänä.",
        "Ge ett konto en annan roll; den sista aktiva huvudanvändaren förblir huvudanvändare.",
        "Give an account another role; the last active admin stays an admin.",
    ),
    "help.staff.role_name": (
        "reception, coach tai admin.",
        "reception, coach eller admin.",
        "reception, coach or admin.",
    ),
    "help.staff.deactivate": (
        "Sulje tili: ei enää kirjautumisia; sen tekemiset ja käyttöloki säilyvät.",
        "Stäng ett konto: inga fler inloggningar; det som gjorts och loggen finns kvar.",
        "Close an account: no more logins; what it did and its access log stay.",
    ),
    "help.site.list": (
        "Kaikki toimipisteet kuntineen ja työllisyysalueineen.",
        "Alla verksamhetsställen med kommun och sysselsättningsområde.",
        "Every site with its municipality and employment area.",
    ),
    "help.site.add": (
        "Lisää toimipiste (asiointipiste).",
        "Lägg till ett verksamhetsställe (en besökspunkt).",
        "Add a site (a walk-in point).",
    ),
    "help.site.name": ("Toimipisteen nimi.", "Verksamhetsställets namn.", "The site's name."),
    "help.settings": (
        "Näytä tai muuta tämän asennuksen asetuksia.",
        "Visa eller ändra installationens inställningar.",
        "Show or change this installation's settings.",
    ),
    "help.settings.set": (
        "Muuta yhtä asetusta (vain pääkäyttäjä); muutos kirjataan käyttölokiin.",
        "Ändra en inställning (endast huvudanvändare); ändringen skrivs i loggen.",
        "Change one setting (admins only); the change is written to the access log.",
    ),
    "help.settings.key": ("Yksi näistä: {keys}.", "En av: {keys}.", "One of: {keys}."),
    "help.settings.value": (
        "Luku, kyllä/ei (yes/no, on/off) tai aikavyöhyke, kuten Europe/Helsinki.",
        "Ett tal, ja/nej (kyllä/ei, yes/no, on/off) eller en tidszon som Europe/Helsinki.",
        "A number, yes/no (kyllä/ei, on/off), or a time zone such as Europe/Helsinki.",
    ),
    "help.audit": (
        "Käyttölokin eheyden tarkistus ja vienti tietosuojavastaavalle (vain pääkäyttäjä).",
        "Kontroll av loggens integritet och export till dataskyddsombudet (endast admin).",
        "Check the access log's integrity and export it for the data-protection officer"
        " (admins only).",
    ),
    "help.audit.verify": (
        "Tarkista käyttölokin koko hajautusketju: 0 = eheä; 1 = ensimmäinen rikkinäinen"
        " tapahtuma nimetään. Tulos näkyy pääkäyttäjän Tänään-näkymässä.",
        "Kontrollera hela loggens hashkedja: 0 = obruten; 1 = den första brutna händelsen"
        " namnges. Resultatet syns i huvudanvändarens Idag-vy.",
        "Check the access log's whole hash chain: 0 = intact; 1 = the first broken event is"
        " named. The result shows on the admin's Today screen.",
    ),
    "help.audit.export": (
        "Kirjoita päivien käyttölokitapahtumat CSV-tiedostoksi ketjun tiivisteineen, jotta"
        " ne voi tarkistaa; vienti kirjataan lokiin.",
        "Skriv dagarnas logghändelser som CSV med kedjans hashvärden, så att de kan"
        " kontrolleras; exporten loggas.",
        "Write the access-log events of the days as CSV with the chain's hashes, so they can"
        " be checked; the export is logged.",
    ),
    "help.audit.from": (
        "Ensimmäinen päivä (p.k.vvvv tai vvvv-kk-pp).",
        "Första dagen (d.m.åååå eller åååå-mm-dd).",
        "The first day (d.m.yyyy or yyyy-mm-dd).",
    ),
    "help.audit.to": (
        "Viimeinen päivä (oletus: sama kuin --from).",
        "Sista dagen (standard: samma som --from).",
        "The last day (default: the same as --from).",
    ),
    "help.audit.out": (
        "Tiedosto (oletus kayttoloki-ALKU_LOPPU.csv nykyiseen kansioon).",
        "Filen (standard kayttoloki-START_SLUT.csv i aktuell mapp).",
        "The file (default kayttoloki-FROM_TO.csv in the current folder).",
    ),
    "help.report.paths": (
        "Mihin palvelupolut johtavat: jaksolla päättyneiden polkujen lopputulokset, mediaanipäivät"
        " ensimmäisestä palvelusta lopputulokseen, yleisimmät palveluketjut ennen työllistymistä"
        " ja työllistyneiden osuus palveluittain. Ei nimiä; alle viiden luvut näkyvät muodossa"
        ' "< 5". Jokainen ajo kirjataan käyttölokiin.',
        "Vart tjänstevägarna leder: utfallen för vägar som avslutats under perioden, mediandagar"
        " från första tjänsten till utfallet, vanligaste tjänstekedjor före anställning och"
        ' andelen anställda per tjänst. Inga namn; tal under fem visas som "< 5". Varje körning'
        " loggas.",
        "Where service paths lead: outcomes of the paths that ended in the range, median days"
        " from the first service to the outcome, the most common service sequences before"
        " employment and the employment share per service. No names; figures under five show"
        ' as "< 5". Every run is in the access log.',
    ),
    "help.report.paths.from": (
        "Ensimmäinen päättymispäivä (oletus: 12 kuukautta sitten).",
        "Första slutdagen (standard: för 12 månader sedan).",
        "The first end date (default: 12 months ago).",
    ),
    "help.report.paths.to": (
        "Viimeinen päättymispäivä (oletus: tänään).",
        "Sista slutdagen (standard: i dag).",
        "The last end date (default: today).",
    ),
    "help.report.paths.site": (
        "Vain polut, joiden asiakkaan oma valmentaja kuuluu toimipisteeseen; oletus kaikki.",
        "Bara vägar vars klients egen coach hör till verksamhetsstället; standard alla.",
        "Only paths whose client's own coach belongs to the site; default all sites.",
    ),
    "help.report.paths.out": (
        "Kirjoita raportti tiedostoon (.csv Excelille tai .xlsx); kirjataan vientinä.",
        "Skriv rapporten till en fil (.csv för Excel eller .xlsx); loggas som export.",
        "Write the report to a file (.csv for Excel, or .xlsx); logged as an export.",
    ),
}

HELP: dict[str, tuple[str, str, str]] = {**_GENERAL, **KOMPASSI_HELP}
