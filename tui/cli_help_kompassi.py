"""The `--help` texts of the Kompassi commands: `luotsi instrument` and `luotsi report
kompassi` (fi, sv, en; see cli_help.py for the language they are shown in)."""

from __future__ import annotations

KOMPASSI_HELP: dict[str, tuple[str, str, str]] = {
    "help.instrument": (
        "Kompassi-mittarin versiot: listaa, näytä ja tuo toimipaikan oma versio TOML- tai"
        " JSON-tiedostosta (vain pääkäyttäjä).",
        "Kompassi-instrumentets versioner: lista, visa och importera en egen version från en"
        " TOML- eller JSON-fil (endast huvudanvändare).",
        "The Kompassi instrument's versions: list, show, and import a site's own version from"
        " a TOML or JSON file (admins only).",
    ),
    "help.instrument.list": (
        "Jokainen tallennettu versio: koodi, versio, nimi, osa-alueet, käytössä, montako"
        " mittausta sitä käyttää ja mitä uudet mittaukset käyttävät.",
        "Varje sparad version: kod, version, namn, områden, aktiv, hur många mätningar som"
        " använder den och vilken nya mätningar använder.",
        "Every stored version: code, version, name, domains, active, how many readings use"
        " it and which one new readings use.",
    ),
    "help.instrument.show": (
        "Näytä mittarin vyöhykkeet ja osa-alueet kysymyksineen (oletus: uusin versio).",
        "Visa instrumentets zoner och områden med frågorna (standard: nyaste versionen).",
        "Show an instrument's bands and domains with their questions (default: the newest"
        " version).",
    ),
    "help.instrument.code": (
        "Mittarin koodi, esim. kompassi.",
        "Instrumentets kod, t.ex. kompassi.",
        "The instrument's code, e.g. kompassi.",
    ),
    "help.instrument.version": (
        "Näytä tämä versio.",
        "Visa den här versionen.",
        "Show this version.",
    ),
    "help.instrument.all_languages": (
        "Tekstit suomeksi, ruotsiksi ja englanniksi.",
        "Texterna på finska, svenska och engelska.",
        "The texts in Finnish, Swedish and English.",
    ),
    "help.instrument.toml": (
        "Tulosta versio tuotavana TOML-tiedostona, oman version pohjaksi.",
        "Skriv ut versionen som en importerbar TOML-fil, som grund för en egen version.",
        "Print the version as an importable TOML file, to start a site's own version from.",
    ),
    "help.instrument.next": (
        "Valitsimen --toml kanssa: tiedostoon seuraava vapaa versionumero.",
        "Med --toml: nästa lediga versionsnummer i filen.",
        "With --toml: the next free version number in the file.",
    ),
    "help.instrument.import": (
        "Tuo mittarin uusi versio TOML- tai JSON-tiedostosta: kaikki tarkistetaan ja"
        " jokainen virhe nimetään kohtineen; mitään ei tallenneta, jos yksikin on väärin."
        " Uudet mittaukset käyttävät viimeksi tuotua versiota, vanhat pitävät omansa."
        " Tiedoston muoto: README, kohta Mittaritiedosto (Instrument file).\n\nSalasana"
        " tulee muuttujasta $LUOTSI_PASSWORD tai kysytään.",
        "Importera en ny version av instrumentet från en TOML- eller JSON-fil: allt"
        " kontrolleras och varje fel nämns med sitt ställe; inget sparas om något är fel."
        " Nya mätningar använder den version som importerades sist, gamla behåller sin."
        " Filens format: README, avsnittet Instrument file.\n\nLösenordet läses från"
        " $LUOTSI_PASSWORD eller frågas.",
        "Import a new version of the instrument from a TOML or JSON file: everything is"
        " checked and every problem named with its place; nothing is stored if anything is"
        " wrong. New readings use the version imported last; old ones keep theirs. The file"
        " format: README, section Instrument file.\n\nThe password comes from"
        " $LUOTSI_PASSWORD or is asked.",
    ),
    "help.instrument.file": (
        "Mittaritiedosto (.toml tai .json).",
        "Instrumentfil (.toml eller .json).",
        "The instrument file (.toml or .json).",
    ),
    "help.instrument.dry_run": (
        "Tarkista tiedosto tallentamatta mitään.",
        "Kontrollera filen utan att spara något.",
        "Check the file without storing anything.",
    ),
    "help.report.kompassi": (
        "Kuljettu matka: osa-alueittain asiakkaat, muutoksen mediaani alkumittauksesta jakson"
        " viimeisimpään mittaukseen ja osuudet, jotka siirtyivät ylempään tai alempaan"
        ' vyöhykkeeseen tai pysyivät samassa. Ei nimiä eikä vastauksia; alle viiden luvut "< 5".'
        " Valmentajille ja pääkäyttäjille; jokainen ajo kirjataan käyttölokiin.",
        "Tillryggalagd väg: per område klienterna, medianförändringen från utgångsmätningen till"
        " periodens senaste mätning och andelarna som flyttade till ett högre eller lägre band"
        ' eller stannade. Inga namn eller svar; tal under fem "< 5". För coacher och'
        " administratörer; varje körning loggas.",
        "Distance travelled: per Kompassi domain the clients, the median change from the"
        " baseline to the latest reading in the range, and the shares who moved up a band, down"
        ' a band or stayed. No names or answers; figures under five show as "< 5". For coaches'
        " and admins; every run is in the access log.",
    ),
    "help.report.kompassi.from": (
        "Ensimmäinen mittauspäivä (oletus: 12 kuukautta sitten).",
        "Första mätdagen (standard: för 12 månader sedan).",
        "The first day a reading was filled in (default: 12 months ago).",
    ),
    "help.report.kompassi.to": (
        "Viimeinen mittauspäivä (oletus: tänään).",
        "Sista mätdagen (standard: i dag).",
        "The last day a reading was filled in (default: today).",
    ),
    "help.report.kompassi.site": (
        "Vain asiakkaat, joiden oma valmentaja kuuluu toimipisteeseen; oletus kaikki.",
        "Bara klienter vars egen coach hör till verksamhetsstället; standard alla.",
        "Only clients whose own coach belongs to the site; default all sites.",
    ),
    "help.report.kompassi.coach": (
        "Vain tämän valmentajan (käyttäjätunnus) omat asiakkaat; oletus kaikki.",
        "Bara den här coachens (användarnamn) egna klienter; standard alla.",
        "Only the clients of this coach (a username); default all coaches.",
    ),
}
