"""UI strings of the client screens (the search, the card, the quick new-client form) and
the client import's refusals."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    "blanked.card": (
        "Henkilötiedot on piilotettu. Paina F12 palauttaaksesi.",
        "Personuppgifterna är dolda. Tryck F12 för att visa dem.",
        "Personal data is hidden. Press F12 to show it.",
    ),
    "binding.card.save": ("Tallenna", "Spara", "Save"),
    "binding.card.back": ("Takaisin", "Tillbaka", "Back"),
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
    "search.placeholder": (
        "Hae asiakasta: nimi, puhelin, syntymäaika tai henkilötunnus",
        "Sök klient: namn, telefon, födelsedatum eller personbeteckning",
        "Find a client: name, phone, birth date or identity code",
    ),
    "search.single": (
        "Yksi osuma · Enter avaa",
        "En träff · Enter öppnar",
        "One match · Enter opens",
    ),
    "search.hits.plain": (
        "Osumia {count} · ↑↓ valitse · Enter avaa",
        "Träffar {count} · ↑↓ välj · Enter öppnar",
        "Matches {count} · ↑↓ choose · Enter opens",
    ),
    # Blanked: the rows carry numbers to read aloud, and a number typed in the list picks.
    "search.hits.blanked": (
        "Osumia {count} · ↑↓ tai Tab ja rivin numero · Enter avaa",
        "Träffar {count} · ↑↓ eller Tab och radens nummer · Enter öppnar",
        "Matches {count} · ↑↓ or Tab and the row's number · Enter opens",
    ),
    "search.choose.plain": (
        "⚠ Osumia {count}: valitse ensin ↑↓, sitten Enter",
        "⚠ {count} träffar: välj först med ↑↓, sedan Enter",
        "⚠ {count} matches: choose one with ↑↓ first, then Enter",
    ),
    "search.choose.blanked": (
        "⚠ Osumia {count}: valitse ↑↓ tai Tab ja rivin numero, sitten Enter",
        "⚠ {count} träffar: välj med ↑↓ eller Tab och radens nummer, sedan Enter",
        "⚠ {count} matches: choose with ↑↓ or Tab and the row's number, then Enter",
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
    "card.hetu_change.title": (
        "Muutetaanko henkilötunnus?",
        "Ändra personbeteckningen?",
        "Change the identity code?",
    ),
    "card.hetu_change.body": (
        "{old} → {new}\nMuutos kirjataan lokiin vanhoine ja uusine tunnuksineen.",
        "{old} → {new}\nÄndringen loggas med den gamla och den nya beteckningen.",
        "{old} → {new}\nThe change is logged with the old and the new code.",
    ),
    "card.hetu_change.yes": ("muuta ja tallenna", "ändra och spara", "change and save"),
    "card.hetu_change.no": ("takaisin korttiin", "tillbaka till kortet", "back to the card"),
    "binding.hetuchange.yes": ("Muuta", "Ändra", "Change"),
    "binding.hetuchange.no": ("Takaisin", "Tillbaka", "Back"),
    "newclient.title": ("Uusi asiakas", "Ny klient", "New client"),
    "newclient.hint": (
        "Pakolliset: suku- ja etunimi sekä henkilötunnus tai syntymäaika · Ctrl+S tallentaa",
        "Obligatoriskt: efter- och förnamn samt personbeteckning eller födelsedatum · Ctrl+S sparar",
        "Required: surname and first name, and an identity code or birth date · Ctrl+S saves",
    ),
    "newclient.hetu_taken": (
        "Henkilötunnuksella on jo asiakas: {name}. Ctrl+O valitsee hänet.",
        "Personbeteckningen tillhör redan {name}. Ctrl+O väljer hen.",
        "This identity code already belongs to {name}. Ctrl+O picks them.",
    ),
    "newclient.duplicates": (
        "Mahdollisesti sama henkilö: {names}. Ctrl+O valitsee ensimmäisen · Ctrl+S tallentaa silti uutena.",
        "Kanske samma person: {names}. Ctrl+O väljer den första · Ctrl+S sparar ändå som ny.",
        "Possibly the same person: {names}. Ctrl+O picks the first · Ctrl+S saves as new anyway.",
    ),
    "newclient.hetu_similar": (
        "Syntynyt samana päivänä: {names}. Ctrl+O valitsee ensimmäisen.",
        "Född samma dag: {names}. Ctrl+O väljer den första.",
        "Born the same day: {names}. Ctrl+O picks the first.",
    ),
    "binding.newclient.save": ("Tallenna", "Spara", "Save"),
    "binding.newclient.existing": ("Valitse olemassa oleva", "Välj befintlig", "Pick existing"),
    "binding.newclient.cancel": ("Peru", "Avbryt", "Cancel"),
    # Why a client import file or row is refused (store/clients/importer.py).
    "import.error.file_missing": (
        "tiedostoa {path} ei löydy",
        "filen {path} hittades inte",
        "file {path} not found",
    ),
    "import.error.running": (
        "toinen tuonti on kesken tähän rekisteriin; yritä uudelleen, kun se on valmis",
        "en annan import till det här registret pågår; försök igen när den är klar",
        "another import into this register is running; try again when it has finished",
    ),
    "import.error.unreadable": (
        "tiedostoa {path} ei voi lukea: {reason}",
        "filen {path} kan inte läsas: {reason}",
        "cannot read {path}: {reason}",
    ),
    "import.error.empty": (
        "tiedosto on tyhjä: ensimmäisellä rivillä on oltava sarakkeiden nimet",
        "filen är tom: första raden ska innehålla kolumnernas namn",
        "the file is empty: the first line must name the columns",
    ),
    "import.error.malformed": (
        "rivi {line} ei ole kelvollista CSV:tä: {reason}",
        "rad {line} är inte giltig CSV: {reason}",
        "line {line} is not valid CSV: {reason}",
    ),
    "import.error.unknown_columns": (
        "tuntemattomat sarakkeet: {columns} (sallitut: {allowed})",
        "okända kolumner: {columns} (tillåtna: {allowed})",
        "unknown columns: {columns} (allowed: {allowed})",
    ),
    "import.error.missing_columns": (
        "pakolliset sarakkeet puuttuvat: {columns}",
        "obligatoriska kolumner saknas: {columns}",
        "required columns are missing: {columns}",
    ),
    "import.error.repeated_columns": (
        "sarake on otsikkorivillä useammin kuin kerran: {columns}",
        "kolumnen förekommer flera gånger på rubrikraden: {columns}",
        "column named more than once in the header: {columns}",
    ),
    "import.error.extra_values": (
        "rivillä on arvoja sarakkeissa, joilla ei ole nimeä otsikkorivillä",
        "raden har värden i kolumner som saknar namn på rubrikraden",
        "the row has values in columns that have no name in the header",
    ),
    "import.error.hetu_repeated": (
        "sama henkilötunnus on jo rivillä {line}",
        "samma personbeteckning finns redan på rad {line}",
        "the same identity code is already on line {line}",
    ),
    # A client import file that is not in the encoding its start showed (importer).
    "import.error.encoding": (
        "tiedosto ei ole kelvollista {encoding}-tekstiä (rivi {line}); tallenna se Excelissä"
        " muodossa CSV UTF-8",
        "filen är inte giltig {encoding}-text (rad {line}); spara den i Excel som CSV UTF-8",
        "the file is not valid {encoding} text (line {line}); save it from Excel as CSV UTF-8",
    ),
}
