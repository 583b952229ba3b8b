"""UI strings of the screens in Finnish, Swedish and English."""

from __future__ import annotations

from datetime import date, datetime

from store.clients.validation import format_date
from store.core.i18n import register, tr

register(
    {
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
        "blanked.card": (
            "Henkilötiedot on piilotettu. Paina F12 palauttaaksesi.",
            "Personuppgifterna är dolda. Tryck F12 för att visa dem.",
            "Personal data is hidden. Press F12 to show it.",
        ),
        # Footer labels of key bindings, by binding id
        "binding.app.help": ("Ohje", "Hjälp", "Help"),
        "binding.app.quit": ("Lopeta", "Avsluta", "Quit"),
        "binding.app.blank": ("Piilota", "Dölj", "Hide"),
        "binding.app.palette": ("Komennot", "Kommandon", "Commands"),
        "binding.home.find": ("Etsi", "Sök", "Find"),
        "binding.home.new_client": ("Uusi asiakas", "Ny klient", "New client"),
        "binding.card.save": ("Tallenna", "Spara", "Save"),
        "binding.card.back": ("Takaisin", "Tillbaka", "Back"),
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
        "cmd.walk_in": ("Asiointi ja jono", "Besök och kö", "Walk-in and queue"),
        "cmd.walk_in.help": (
            "Rekisteröi kävijä ja hoida päivän jonoa",
            "Registrera besökare och sköt dagens kö",
            "Register visitors and run today's queue",
        ),
        "cmd.day_report": ("Päivän raportti", "Dagens rapport", "Day report"),
        "cmd.day_report.help": (
            "Käynnit syittäin, kanavittain ja tunneittain, odotusajat, NPS",
            "Besök per ärende, kanal och timme, väntetider, NPS",
            "Visits by reason, channel and hour, waiting times, NPS",
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
        "field.mother_tongue": ("Äidinkieli", "Modersmål", "Mother tongue"),
        "field.municipality": ("Kotikunta", "Hemkommun", "Municipality"),
        "field.coach_id": ("OMA-valmentaja", "Egen coach", "Personal coach"),
        "tongue.unknown": ("(ei tiedossa)", "(okänt)", "(unknown)"),
        "tongue.fi": ("suomi", "finska", "Finnish"),
        "tongue.sv": ("ruotsi", "svenska", "Swedish"),
        "tongue.se": ("saame", "samiska", "Sámi"),
        "tongue.ru": ("venäjä", "ryska", "Russian"),
        "tongue.et": ("viro", "estniska", "Estonian"),
        "tongue.ar": ("arabia", "arabiska", "Arabic"),
        "tongue.so": ("somali", "somaliska", "Somali"),
        "tongue.en": ("englanti", "engelska", "English"),
        "tongue.fa": ("persia", "persiska", "Persian"),
        "tongue.ku": ("kurdi", "kurdiska", "Kurdish"),
        "tongue.uk": ("ukraina", "ukrainska", "Ukrainian"),
        "tongue.zh": ("kiina", "kinesiska", "Chinese"),
        "tongue.vi": ("vietnam", "vietnamesiska", "Vietnamese"),
        "tongue.th": ("thai", "thailändska", "Thai"),
        "tongue.tr": ("turkki", "turkiska", "Turkish"),
        "tongue.sq": ("albania", "albanska", "Albanian"),
        "tongue.es": ("espanja", "spanska", "Spanish"),
        "tongue.fr": ("ranska", "franska", "French"),
        "tongue.de": ("saksa", "tyska", "German"),
        "tongue.pl": ("puola", "polska", "Polish"),
        "tongue.other": ("muu", "annat", "other"),
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
        "login.locked": (
            "Liian monta epäonnistunutta yritystä. Yritä uudelleen {seconds} sekunnin kuluttua.",
            "För många misslyckade försök. Försök igen om {seconds} sekunder.",
            "Too many failed attempts. Try again in {seconds} seconds.",
        ),
        "login.hint": (
            "Enter kirjautuu · Ctrl+Q lopettaa",
            "Enter loggar in · Ctrl+Q avslutar",
            "Enter logs in · Ctrl+Q quits",
        ),
        # Home
        "home.title": ("Tänään", "I dag", "Today"),
        "home.registered_today": (
            "Uusia asiakkaita tänään: {count}",
            "Nya klienter i dag: {count}",
            "New clients today: {count}",
        ),
        "home.visits_today": (
            "Käyntejä tänään: {count}",
            "Besök i dag: {count}",
            "Visits today: {count}",
        ),
        "home.waiting_now": ("Jonossa nyt: {count}", "I kön nu: {count}", "Waiting now: {count}"),
        "home.nps": (
            "Suositteluindeksi (NPS) {score} · n = {n}",
            "Rekommendationsindex (NPS) {score} · n = {n}",
            "NPS {score} · n = {n}",
        ),
        "home.nps_hidden": (
            "NPS: liian vähän vastauksia (n = {n})",
            "NPS: för få svar (n = {n})",
            "NPS: too few answers (n = {n})",
        ),
        "search.placeholder": (
            "Hae asiakasta: nimi, puhelin, syntymäaika tai henkilötunnus",
            "Sök klient: namn, telefon, födelsedatum eller personbeteckning",
            "Find a client: name, phone, birth date or identity code",
        ),
        "search.hits": (
            "Osumia {count} · ↑↓ valitse · Enter avaa",
            "Träffar {count} · ↑↓ välj · Enter öppnar",
            "Matches {count} · ↑↓ choose · Enter opens",
        ),
        "search.many": (
            "Yli {count} osumaa — tarkenna hakua",
            "Över {count} träffar — förfina sökningen",
            "More than {count} matches — refine the search",
        ),
        "search.none": (
            "Ei osumia · Enter: uusi asiakas",
            "Inga träffar · Enter: ny klient",
            "No matches · Enter: new client",
        ),
        "search.prompt": (
            "Kirjoita muutama kirjain",
            "Skriv några bokstäver",
            "Type a few letters",
        ),
        # Client card
        "card.new": ("Uusi asiakas", "Ny klient", "New client"),
        "card.title": ("Asiakaskortti", "Klientkort", "Client card"),
        "card.saved": ("Tallennettu.", "Sparat.", "Saved."),
        "card.created": ("Asiakas rekisteröity.", "Klienten registrerad.", "Client registered."),
        "card.unchanged": ("Ei muutoksia.", "Inga ändringar.", "No changes."),
        "card.invalid": (
            "Korjaa merkityt kentät.",
            "Rätta de markerade fälten.",
            "Correct the marked fields.",
        ),
        "card.stale": (
            "Joku muu muutti asiakasta sillä välin. Avaa kortti uudelleen; tietosi ovat yhä lomakkeella.",
            "Någon annan ändrade klienten under tiden. Öppna kortet igen; dina uppgifter finns kvar.",
            "Someone else changed this client meanwhile. Reopen the card; your input is still here.",
        ),
        "card.facts": ("Johdetut tiedot", "Härledda uppgifter", "Derived facts"),
        "card.age": ("Ikä {age} v", "Ålder {age} år", "Age {age}"),
        "card.under": ("alle {years}-v.", "under {years} år", "under {years}"),
        "card.long_term": ("pitkäaikaistyötön", "långtidsarbetslös", "long-term unemployed"),
        "card.foreign": ("vieraskielinen", "främmande språk", "foreign-language"),
        "card.no_coach": ("(ei valmentajaa)", "(ingen coach)", "(no coach)"),
        "card.hint": (
            "Ctrl+S tallentaa · Esc takaisin",
            "Ctrl+S sparar · Esc tillbaka",
            "Ctrl+S saves · Esc back",
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
        "help.body": (
            "F1 ohje · F12 piilota / näytä henkilötiedot · Ctrl+Q lopeta\n"
            "Ctrl+P komennot (etsi asiakas, uusi asiakas, kieli …)\n"
            "Ctrl+F etsi asiakas · Ctrl+N uusi asiakas · Ctrl+S tallenna\n"
            "Ctrl+R päivän raportti · Esc takaisin (kysyy, jos tallentamatta)\n"
            "F2–F5 asiointi, Kompassi, palvelupolku, ajanvaraus (tulossa)\n"
            "\n"
            "Asiointi: F6 kutsu seuraava · F7 nimetön · F8 aiemmat avoimet\n"
            "F9 palaute asiakkaalta · F10 vie päivä · Ctrl+Z peru muutos\n"
            "Jonossa (Tab): Enter seuraava vaihe · d valmis · p poistui\n"
            "h tauko · s siirrä kollegalle",
            "F1 hjälp · F12 dölj / visa personuppgifter · Ctrl+Q avsluta\n"
            "Ctrl+P kommandon (sök klient, ny klient, språk …)\n"
            "Ctrl+F sök klient · Ctrl+N ny klient · Ctrl+S spara\n"
            "Ctrl+R dagsrapport · Esc tillbaka (frågar om osparat)\n"
            "F2–F5 besök, Kompassi, servicestig, tidsbokning (kommer)\n"
            "\n"
            "Besök: F6 kalla nästa · F7 anonymt · F8 öppna från förr\n"
            "F9 respons från besökaren · F10 exportera dagen · Ctrl+Z ångra\n"
            "I kön (Tab): Enter nästa steg · d klar · p gick\n"
            "h paus · s överför till kollega",
            "F1 help · F12 hide / show personal data · Ctrl+Q quit\n"
            "Ctrl+P commands (find client, new client, language …)\n"
            "Ctrl+F find client · Ctrl+N new client · Ctrl+S save\n"
            "Ctrl+R day report · Esc back (asks if anything is unsaved)\n"
            "F2–F5 walk-in, Kompassi, service path, scheduling (coming)\n"
            "\n"
            "Walk-in: F6 call next · F7 anonymous · F8 open from earlier\n"
            "F9 feedback from the visitor · F10 export the day · Ctrl+Z undo\n"
            "In the queue (Tab): Enter next step · d done · p left\n"
            "h hold · s transfer to a colleague",
        ),
        "help.close": ("Esc sulkee", "Esc stänger", "Esc closes"),
    }
)


def format_day_header(day: date, lang: str) -> str:
    """'la 28.11.2026 · vk 48': weekday, d.m.yyyy and the ISO week number."""
    weekday = tr("weekdays", lang).split()[day.weekday()]
    week = day.isocalendar().week
    return f"{weekday} {format_date(day)} · {tr('week.short', lang)} {week}"


def format_time(moment: datetime) -> str:
    """24-hour local clock time."""
    return moment.astimezone().strftime("%H:%M")


def initials(first_name: str, last_name: str) -> str:
    """What a blanked screen shows instead of a name."""
    return " ".join(f"{part[:1].upper()}." for part in (last_name, first_name) if part)
