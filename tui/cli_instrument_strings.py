"""The texts of `luotsi instrument` and of the instrument import's problems
(store/kompassi/instrument_check.py, instrument_file.py, instrument_import.py), in fi, sv
and en."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    # Where an instrument file is wrong (each shown after the place, "domains[3].code: …").
    "instrument.error.missing": ("puuttuu", "saknas", "missing"),
    "instrument.error.not_table": (
        "pitää olla taulu (avain = arvo -pareja)",
        "ska vara en tabell (nyckel = värde)",
        "must be a table (key = value pairs)",
    ),
    "instrument.error.not_text": (
        "pitää olla teksti lainausmerkeissä",
        "ska vara en text inom citattecken",
        "must be a text in quotes",
    ),
    "instrument.error.not_integer": (
        "pitää olla kokonaisluku",
        "ska vara ett heltal",
        "must be a whole number",
    ),
    "instrument.error.not_bool": (
        "pitää olla true tai false",
        "ska vara true eller false",
        "must be true or false",
    ),
    "instrument.error.not_list": ("pitää olla luettelo", "ska vara en lista", "must be a list"),
    "instrument.error.empty": ("tyhjä", "tom", "empty"),
    "instrument.error.none_listed": (
        "vähintään yksi tarvitaan",
        "minst en behövs",
        "at least one is needed",
    ),
    "instrument.error.too_many": ("enintään {max}", "högst {max}", "at most {max}"),
    "instrument.error.unknown_key": (
        "tuntematon avain; sallitut: {keys}",
        "okänd nyckel; tillåtna: {keys}",
        "unknown key; allowed: {keys}",
    ),
    "instrument.error.not_code": (
        "vain pieniä kirjaimia a–z, numeroita ja alaviivoja (_), ensimmäisenä kirjain",
        "bara små bokstäver a–z, siffror och understreck (_), först en bokstav",
        "only lower-case letters a–z, digits and underscores (_), starting with a letter",
    ),
    "instrument.error.version_range": (
        "pitää olla 1–{max}",
        "ska vara 1–{max}",
        "must be 1–{max}",
    ),
    "instrument.error.version_stored": (
        "mittarin {code} versio {version} on jo tallennettu, eikä tallennettua versiota"
        " koskaan muuteta; anna uudelle sanamuodolle versio {next}",
        "version {version} av {code} är redan sparad, och en sparad version ändras aldrig;"
        " ge den nya formuleringen version {next}",
        "{code} version {version} is stored already, and a stored version is never"
        " rewritten; give the new wording version {next}",
    ),
    "instrument.error.version_lower": (
        "versiot vain kasvavat: mittarin {code} versio {newest} on jo tallennettu;"
        " anna versio {next}",
        "versionerna bara växer: version {newest} av {code} är redan sparad; ange version {next}",
        "versions only go up: {code} version {newest} is stored already; give version {next}",
    ),
    "instrument.error.scale": (
        "vain asteikko {min}–{max} hyväksytään: kuva, numeronäppäimet ja raportti"
        " vertaavat arvioita sillä",
        "bara skalan {min}–{max} godtas: bilden, siffertangenterna och rapporten jämför"
        " bedömningar på den",
        "only the {min}–{max} scale is accepted: the picture, the digit keys and the report"
        " compare scores on it",
    ),
    "instrument.error.repeated_code": (
        "sama koodi kuin kohdassa {first}",
        "samma kod som i {first}",
        "the same code as {first}",
    ),
    "instrument.error.repeated_order": (
        "sama järjestysnumero {order} kuin kohdassa {first}",
        "samma ordningsnummer {order} som i {first}",
        "the same order {order} as {first}",
    ),
    "instrument.error.order_range": (
        "pitää olla 1 tai suurempi",
        "ska vara 1 eller större",
        "must be 1 or more",
    ),
    "instrument.error.band_reversed": (
        "from ({low}) on suurempi kuin to ({high})",
        "from ({low}) är större än to ({high})",
        "from ({low}) is greater than to ({high})",
    ),
    "instrument.error.band_gap": (
        "arviot {low}–{high} jäävät ilman vyöhykettä",
        "bedömningarna {low}–{high} hamnar utan zon",
        "scores {low}–{high} fall in no band",
    ),
    "instrument.error.band_below": (
        "alkaa ennen asteikon alkua ({score})",
        "börjar före skalans början ({score})",
        "starts below the scale's minimum ({score})",
    ),
    "instrument.error.band_overlap": (
        "menee päällekkäin edellisen vyöhykkeen kanssa (se päättyy arvoon {score});"
        " luettele vyöhykkeet pienimmästä suurimpaan",
        "överlappar zonen före (den slutar vid {score}); lista zonerna från lägsta till högsta",
        "overlaps the band before it (which ends at {score}); list the bands low to high",
    ),
    "instrument.error.band_end": (
        "viimeisen vyöhykkeen pitää päättyä asteikon loppuun ({max})",
        "den sista zonen ska sluta vid skalans slut ({max})",
        "the last band must end at the scale's maximum ({max})",
    ),
    # An instrument file that cannot be read at all.
    "instrument.error.file_type": (
        "{path}: anna .toml- tai .json-tiedosto",
        "{path}: ange en .toml- eller .json-fil",
        "{path}: give a .toml or .json file",
    ),
    "instrument.error.file_folder": (
        "{path} on kansio, ei tiedosto",
        "{path} är en mapp, inte en fil",
        "{path} is a folder, not a file",
    ),
    "instrument.error.file_too_large": (
        "tiedosto {path} on liian suuri mittariksi (yli {max} tavua)",
        "filen {path} är för stor för ett instrument (över {max} byte)",
        "{path} is too large for an instrument (over {max} bytes)",
    ),
    "instrument.error.not_utf8": (
        "tiedosto {path} ei ole UTF-8-tekstiä (rivi {line}); tallenna se UTF-8-muodossa",
        "filen {path} är inte UTF-8-text (rad {line}); spara den som UTF-8",
        "{path} is not UTF-8 text (line {line}); save it as UTF-8",
    ),
    "instrument.error.bad_toml": (
        "tiedosto {path} ei ole kelvollista TOML:ia: rivi {line}, sarake {column}: {reason}",
        "filen {path} är inte giltig TOML: rad {line}, kolumn {column}: {reason}",
        "{path} is not valid TOML: line {line}, column {column}: {reason}",
    ),
    "instrument.error.bad_json": (
        "tiedosto {path} ei ole kelvollista JSONia: rivi {line}, sarake {column}: {reason}",
        "filen {path} är inte giltig JSON: rad {line}, kolumn {column}: {reason}",
        "{path} is not valid JSON: line {line}, column {column}: {reason}",
    ),
    "instrument.error.file_not_table": (
        "tiedostossa {path} pitää olla yksi mittari: avain = arvo -pareja ylimmällä tasolla",
        "filen {path} ska innehålla ett instrument: nyckel = värde på översta nivån",
        "{path} must hold one instrument: key = value pairs at the top level",
    ),
    "instrument.error.repeated_key": (
        "tiedostossa {path} avain {name} on kahdesti samassa taulussa",
        "i filen {path} finns nyckeln {name} två gånger i samma tabell",
        "{path} names the key {name} twice in one table",
    ),
    # luotsi instrument …
    "cli.instrument.not_allowed": (
        "käyttäjä {username} ei saa hallita Kompassi-mittareita (vain pääkäyttäjä);"
        " mitään ei muutettu",
        "användaren {username} får inte hantera Kompassi-instrument (endast"
        " huvudanvändare); inget ändrades",
        "{username} may not manage Kompassi instruments (admins only); nothing was changed",
    ),
    "cli.instrument.column.code": ("koodi", "kod", "code"),
    "cli.instrument.column.version": ("versio", "version", "version"),
    "cli.instrument.column.name": ("nimi", "namn", "name"),
    "cli.instrument.column.domains": ("osa-alueita", "områden", "domains"),
    "cli.instrument.column.active": ("käytössä", "aktiv", "active"),
    "cli.instrument.column.readings": ("mittauksia", "mätningar", "readings"),
    "cli.instrument.column.current": ("uusiin", "nya", "new"),
    "cli.instrument.column.where": ("kohta", "ställe", "where"),
    "cli.instrument.column.reason": ("syy", "orsak", "reason"),
    "cli.instrument.yes": ("kyllä", "ja", "yes"),
    "cli.instrument.no": ("ei", "nej", "no"),
    "cli.instrument.current_note": (
        "✓ uudet mittaukset käyttävät tätä versiota",
        "✓ nya mätningar använder den här versionen",
        "✓ new readings use this version",
    ),
    "cli.instrument.unknown": (
        "mittaria {code} ei ole; katso luotsi instrument list",
        "instrumentet {code} finns inte; se luotsi instrument list",
        "there is no instrument {code}; see luotsi instrument list",
    ),
    "cli.instrument.unknown_version": (
        "mittarista {code} ei ole versiota {version}; katso luotsi instrument list",
        "instrumentet {code} har ingen version {version}; se luotsi instrument list",
        "{code} has no version {version}; see luotsi instrument list",
    ),
    "cli.instrument.heading": (
        "{name} ({code}), versio {version}",
        "{name} ({code}), version {version}",
        "{name} ({code}), version {version}",
    ),
    "cli.instrument.is_current": (
        "Uudet mittaukset käyttävät tätä versiota.",
        "Nya mätningar använder den här versionen.",
        "New readings use this version.",
    ),
    "cli.instrument.not_active": (
        "Ei käytössä uusissa mittauksissa.",
        "Används inte i nya mätningar.",
        "Not used for new readings.",
    ),
    "cli.instrument.scale": ("Asteikko {min}–{max}", "Skala {min}–{max}", "Scale {min}–{max}"),
    "cli.instrument.skip_allowed": (
        "asiakas saa ohittaa kysymyksen",
        "klienten får hoppa över en fråga",
        "the client may skip a question",
    ),
    "cli.instrument.skip_refused": (
        "kysymyksiä ei voi ohittaa",
        "frågor kan inte hoppas över",
        "questions cannot be skipped",
    ),
    "cli.instrument.bands": ("Vyöhykkeet", "Zoner", "Bands"),
    "cli.instrument.domains": ("Osa-alueet", "Områden", "Domains"),
    "cli.instrument.optional": ("(valinnainen)", "(frivillig)", "(optional)"),
    "cli.instrument.problems": (
        "Virheet tiedostossa {file}: {count}",
        "Fel i filen {file}: {count}",
        "Problems in {file}: {count}",
    ),
    "cli.instrument.failed": (
        "Mitään ei tallennettu. Korjaa kohdat ja tuo {file} uudelleen.",
        "Inget sparades. Rätta ställena och importera {file} på nytt.",
        "Nothing was stored. Fix these and import {file} again.",
    ),
    "cli.instrument.dry_run": (
        "Koeajo: {name} ({code}) versio {version}, {domains} osa-aluetta, voidaan tallentaa"
        " tiedostosta {file}; mitään ei tallennettu.",
        "Provkörning: {name} ({code}) version {version}, {domains} områden, kan sparas från"
        " {file}; inget sparades.",
        "Dry run: {name} ({code}) version {version}, {domains} domains, can be stored from"
        " {file}; nothing was stored.",
    ),
    "cli.instrument.stored": (
        "Tallennettiin {name} ({code}) versio {version}, {domains} osa-aluetta. Uudet"
        " mittaukset käyttävät sitä; aiemmat mittaukset pitävät versionsa.",
        "{name} ({code}) version {version}, {domains} områden, sparades. Nya mätningar"
        " använder den; tidigare mätningar behåller sin version.",
        "Stored {name} ({code}) version {version}, {domains} domains. New readings use it;"
        " earlier readings keep their version.",
    ),
}
