"""The client forms' field names and validation messages (store/clients/validation.py)."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    "field.hetu": ("Henkilötunnus", "Personbeteckning", "Personal identity code"),
    "field.first_name": ("Etunimi", "Förnamn", "First name"),
    "field.last_name": ("Sukunimi", "Efternamn", "Last name"),
    "field.birth_date": ("Syntymäaika", "Födelsedatum", "Date of birth"),
    "field.phone": ("Puhelinnumero", "Telefonnummer", "Phone number"),
    "field.email": ("Sähköposti", "E-post", "Email"),
    "field.service_language": ("Asiointikieli", "Kontaktspråk", "Service language"),
    "field.jobseeker_since": ("Työnhakija alkaen", "Arbetssökande sedan", "Jobseeker since"),
    "field.unemployed_since": ("Työtön alkaen", "Arbetslös sedan", "Unemployed since"),
    "field.consent_notes": (
        "Suostumusmerkinnät",
        "Anteckningar om samtycke",
        "Consent notes",
    ),
    "error.required": (
        "pakollinen tieto puuttuu",
        "obligatorisk uppgift saknas",
        "this is required",
    ),
    "error.text.too_long": (
        "enintään {max} merkkiä",
        "högst {max} tecken",
        "at most {max} characters",
    ),
    "error.hetu.format": (
        "anna 11 merkkiä: syntymäaika PPKKVV, välimerkki, yksilönumero ja tarkistusmerkki",
        "ange 11 tecken: födelsedatum DDMMÅÅ, skiljetecken, individnummer och kontrolltecken",
        "enter 11 characters: birth date DDMMYY, century sign, individual number"
        " and check character",
    ),
    "error.hetu.date": (
        "kuusi ensimmäistä numeroa eivät ole oikea päivämäärä (PPKKVV)",
        "de sex första siffrorna är inte ett giltigt datum (DDMMÅÅ)",
        "the first six digits are not a real date (DDMMYY)",
    ),
    "error.hetu.century": (
        "välimerkki on väärä — sallitut ovat + - Y X W V U A B C D E F",
        "skiljetecknet är fel — tillåtna är + - Y X W V U A B C D E F",
        "wrong century sign — allowed are + - Y X W V U A B C D E F",
    ),
    "error.hetu.individual": (
        "yksilönumeron on oltava 002–999",
        "individnumret måste vara 002–999",
        "the individual number must be 002–999",
    ),
    "error.hetu.checksum": (
        "tarkistusmerkki on väärä — tarkista tunnus",
        "kontrolltecknet stämmer inte — kontrollera beteckningen",
        "the check character is wrong — check the code",
    ),
    "error.hetu.future": (
        "syntymäaika on tulevaisuudessa — tarkista välimerkki",
        "födelsedatumet ligger i framtiden — kontrollera skiljetecknet",
        "the birth date is in the future — check the century sign",
    ),
    "error.hetu.too_old": (
        "syntymäaika on yli {years} vuotta sitten — tarkista välimerkki",
        "födelsedatumet ligger över {years} år tillbaka — kontrollera skiljetecknet",
        "the birth date is more than {years} years ago — check the century sign",
    ),
    "error.birth_date.too_old": (
        "yli {years} vuotta sitten — tarkista vuosi",
        "över {years} år sedan — kontrollera året",
        "more than {years} years ago — check the year",
    ),
    "error.name.characters": (
        "vain kirjaimet, välilyönti, yhdysmerkki, heittomerkki ja piste"
        " ovat sallittuja (ei ”{char}”)",
        "endast bokstäver, mellanslag, bindestreck, apostrof och punkt är tillåtna (inte ”{char}”)",
        "only letters, spaces, hyphens, apostrophes and full stops are allowed (not “{char}”)",
    ),
    "error.name.no_letter": (
        "nimessä on oltava ainakin yksi kirjain",
        "namnet måste innehålla minst en bokstav",
        "must contain at least one letter",
    ),
    "error.phone.characters": (
        "vain numerot, +, välilyönti, viiva, sulkeet ja piste ovat sallittuja",
        "endast siffror, +, mellanslag, bindestreck, parenteser och punkt är tillåtna",
        "only digits, +, spaces, dashes, brackets and dots are allowed",
    ),
    "error.phone.format": (
        "aloita 0:lla tai maatunnuksella, esim. 040 123 4567 tai +46 70 123 4567",
        "börja med 0 eller landsnummer, t.ex. 040 123 4567 eller +46 70 123 4567",
        "start with 0 or a country code, e.g. 040 123 4567 or +46 70 123 4567",
    ),
    "error.phone.length": (
        "numerossa on oltava 7–15 numeroa maatunnus mukaan lukien",
        "numret ska ha 7–15 siffror inklusive landsnumret",
        "must have 7–15 digits including the country code",
    ),
    "error.email.format": (
        "anna osoite muodossa nimi@esimerkki.fi",
        "ange adressen i formen namn@exempel.fi",
        "enter an address like name@example.com",
    ),
    "error.date.format": (
        "anna päivämäärä muodossa p.k.vvvv, esim. 1.2.1985",
        "ange datumet i formen d.m.åååå, t.ex. 1.2.1985",
        "enter the date as d.m.yyyy, e.g. 1.2.1985",
    ),
    "error.date.impossible": (
        "päivää {value} ei ole kalenterissa",
        "datumet {value} finns inte i kalendern",
        "{value} is not a real date",
    ),
    "error.date.future": (
        "päivämäärä ei voi olla tulevaisuudessa",
        "datumet kan inte ligga i framtiden",
        "cannot be in the future",
    ),
    "error.date.before_birth": (
        "päivämäärä on ennen syntymäaikaa",
        "datumet är före födelsedatumet",
        "is before the date of birth",
    ),
    "error.birth_date.missing": (
        "anna syntymäaika tai henkilötunnus",
        "ange födelsedatum eller personbeteckning",
        "enter a date of birth or a personal identity code",
    ),
    "error.birth_date.mismatch": (
        "ei täsmää henkilötunnukseen ({expected})",
        "stämmer inte med personbeteckningen ({expected})",
        "does not match the personal identity code ({expected})",
    ),
    "error.service_language.choice": (
        "valitse suomi, ruotsi, englanti tai muu",
        "välj finska, svenska, engelska eller annat",
        "choose Finnish, Swedish, English or other",
    ),
    # A HETU already in the register (store/clients/repository.py).
    "error.hetu.taken": (
        "tällä henkilötunnuksella on jo asiakas rekisterissä",
        "en klient med denna personbeteckning finns redan i registret",
        "a client with this identity code is already in the register",
    ),
    # Control and invisible characters (store/core/text.py), names' first character and
    # birth dates before 1900.
    "error.text.control": (
        "sisältää ohjausmerkin tai näkymättömän merkin ({char}) — poista se",
        "innehåller ett styrtecken eller ett osynligt tecken ({char}) — ta bort det",
        "contains a control or invisible character ({char}) — remove it",
    ),
    "error.name.start": (
        "nimen on alettava kirjaimella (ei ”{char}”)",
        "namnet måste börja med en bokstav (inte ”{char}”)",
        "must start with a letter (not “{char}”)",
    ),
    "error.birth_date.before_1900": (
        "syntymäaika ennen vuotta 1900 — tarkista vuosi",
        "födelsedatum före år 1900 — kontrollera året",
        "born before 1900 — check the year",
    ),
    "error.hetu.before_1900": (
        "välimerkki + tarkoittaa 1800-lukua — tarkista välimerkki",
        "skiljetecknet + betyder 1800-talet — kontrollera skiljetecknet",
        "the sign + means the 1800s — check the century sign",
    ),
    # Names and labels of sites and staff (store/core/text.py).
    "text.field.site.name": ("Toimipisteen nimi", "Verksamhetsställets namn", "Site name"),
    "text.field.site.municipality": ("Kunta", "Kommun", "Municipality"),
    "text.field.site.employment_area": (
        "Työllisyysalue",
        "Sysselsättningsområde",
        "Employment area",
    ),
    "text.field.staff.username": ("Käyttäjätunnus", "Användarnamn", "Username"),
    "text.field.staff.display_name": ("Nimi", "Namn", "Name"),
    "text.error.control": (
        "sisältää ohjausmerkin tai näkymättömän merkin ({char}) — poista se",
        "innehåller ett styrtecken eller ett osynligt tecken ({char}) — ta bort det",
        "contains a control or invisible character ({char}) — remove it",
    ),
    "text.error.too_long": (
        "enintään {max} merkkiä",
        "högst {max} tecken",
        "at most {max} characters",
    ),
    "text.error.start": (
        "on alettava kirjaimella tai numerolla (ei ”{char}”)",
        "ska börja med en bokstav eller siffra (inte ”{char}”)",
        "must start with a letter or a digit (not “{char}”)",
    ),
}
