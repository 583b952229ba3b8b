"""UI strings of the reports: the day report (screen and CLI), the export dialog and the
export's refusals."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    "report.title": ("Päivän raportti {date}", "Dagsrapport {date}", "Day report {date}"),
    "report.site": ("Toimipiste: {site}", "Verksamhetsställe: {site}", "Site: {site}"),
    "report.visits": ("Käyntejä: {count}", "Besök: {count}", "Visits: {count}"),
    "report.by_reason": ("Asiointisyyt", "Besöksorsaker", "Reasons"),
    "report.reason_note": (
        "Kaksi syytä: käynti lasketaan molempiin.",
        "Två orsaker: besöket räknas för båda.",
        "Two reasons: the visit counts for both.",
    ),
    "report.no_reason": ("(ei syytä)", "(ingen orsak)", "(no reason)"),
    "report.by_channel": ("Asiointikanavat", "Kanaler", "Channels"),
    "report.by_hour": ("Saapuneet tunneittain", "Ankomster per timme", "Arrivals by hour"),
    "report.waits": (
        "Odotus: mediaani {median} min · 90 %:lla enintään {p90} min (n = {n})",
        "Väntetid: median {median} min · 90 % högst {p90} min (n = {n})",
        "Wait: median {median} min · 90th percentile {p90} min (n = {n})",
    ),
    "report.waits_none": (
        "Odotus: ei vielä kutsuttuja käyntejä",
        "Väntetid: inga kallade besök ännu",
        "Wait: no visits called yet",
    ),
    "report.left": (
        "Poistui ilman palvelua: {count} ({share} %)",
        "Gick utan service: {count} ({share} %)",
        "Left without service: {count} ({share} %)",
    ),
    "report.served": ("Palvellut", "Betjänade av", "Served by"),
    "report.served_none": (
        "Ei vielä valmiita käyntejä",
        "Inga avslutade besök ännu",
        "No visits finished yet",
    ),
    "report.nps": ("NPS {score} (n = {n})", "NPS {score} (n = {n})", "NPS {score} (n = {n})"),
    "report.nps_hidden": (
        "NPS piilotettu (n = {n} < 5)",
        "NPS dolt (n = {n} < 5)",
        "NPS hidden (n = {n} < 5)",
    ),
    "report.longest": ("Pisimmät odotukset", "Längsta väntetider", "Longest waits"),
    "report.no_visits": ("Ei käyntejä", "Inga besök", "No visits"),
    "report.minutes": ("{minutes} min", "{minutes} min", "{minutes} min"),
    "report.col.reason": ("Syy", "Orsak", "Reason"),
    "report.col.channel": ("Kanava", "Kanal", "Channel"),
    "report.col.hour": ("Klo", "Kl.", "Hour"),
    "report.col.count": ("Määrä", "Antal", "Count"),
    "report.col.staff": ("Työntekijä", "Anställd", "Staff"),
    "report.col.done": ("Valmiit", "Klara", "Done"),
    "report.col.transferred": ("Siirretyt", "Överförda", "Transferred"),
    "report.col.ticket": ("Numero", "Nummer", "Ticket"),
    "report.col.wait": ("Odotus", "Väntetid", "Wait"),
    "report.col.state": ("Tila", "Status", "State"),
    "binding.report.back": ("Takaisin", "Tillbaka", "Back"),
    "report.no_site": (
        "Sinulla ei ole toimipistettä, joten päivän raporttia ei ole.",
        "Du har inget verksamhetsställe, så det finns ingen dagsrapport.",
        "You have no site, so there is no day report.",
    ),
    "export.title": (
        "Vie päivän käynnit ({day})",
        "Exportera dagens besök ({day})",
        "Export the day's visits ({day})",
    ),
    "export.columns": ("Sarakkeet: {columns}", "Kolumner: {columns}", "Columns: {columns}"),
    "export.personal": (
        "Henkilötietoja: työntekijän tunnus ({staff}); asiakkaasta pseudonymisoituna: {client}",
        "Personuppgifter: personalens användarnamn ({staff}); om klienten pseudonymiserat:"
        " {client}",
        "Personal data: the staff member's username ({staff}); about the client,"
        " pseudonymised: {client}",
    ),
    "export.exists": (
        "Tiedosto on jo olemassa: Enter korvaa sen, tai vaihda nimi · Esc peruu",
        "Filen finns redan: Enter ersätter den, eller byt namn · Esc avbryter",
        "The file exists: Enter replaces it, or change the name · Esc cancels",
    ),
    "export.no_identities": (
        "Ei nimiä, henkilötunnuksia, puhelinnumeroita eikä vapaata tekstiä.",
        "Inga namn, personbeteckningar, telefonnummer eller fritext.",
        "No names, identity codes, phone numbers or free text.",
    ),
    "export.path": (
        "Tiedosto (.csv, .xlsx tai .json)",
        "Fil (.csv, .xlsx eller .json)",
        "File (.csv, .xlsx or .json)",
    ),
    "export.target": (
        "Tallennetaan: {path}",
        "Sparas som: {path}",
        "Saved as: {path}",
    ),
    "export.hint": (
        "Enter kirjoittaa tiedoston · Esc peruu",
        "Enter skriver filen · Esc avbryter",
        "Enter writes the file · Esc cancels",
    ),
    "export.writing": ("Kirjoitetaan…", "Skriver…", "Writing…"),
    "export.done.one": (
        "{count} käynti viety: {path}",
        "{count} besök exporterat: {path}",
        "{count} visit exported: {path}",
    ),
    "export.done.other": (
        "{count} käyntiä viety: {path}",
        "{count} besök exporterade: {path}",
        "{count} visits exported: {path}",
    ),
    "export.empty": (
        "Ei käyntejä: {path} kirjoitettiin ilman rivejä",
        "Inga besök: {path} skrevs utan rader",
        "No visits: {path} was written with no rows",
    ),
    "export.not_allowed": (
        "Sinulla ei ole oikeutta tähän vientiin",
        "Du har inte rätt till denna export",
        "You may not make this export",
    ),
    "binding.export.cancel": ("Peru", "Avbryt", "Cancel"),
    "cmd.day_report": ("Päivän raportti", "Dagens rapport", "Day report"),
    "cmd.day_report.help": (
        "Käynnit syittäin, kanavittain ja tunneittain, odotusajat, NPS",
        "Besök per ärende, kanal och timme, väntetider, NPS",
        "Visits by reason, channel and hour, waiting times, NPS",
    ),
    # The export's refusals (store/exports), in the dialog and the CLI.
    "export.error.bad_range": (
        "loppupäivä {to} on ennen alkupäivää {start}",
        "slutdatumet {to} är före startdatumet {start}",
        "the end date {to} is before the start date {start}",
    ),
    "export.error.unknown_site": (
        "toimipistettä ”{site}” ei löydy (tai nimi sopii useaan)",
        "verksamhetsstället ”{site}” hittas inte (eller namnet passar flera)",
        "no single site matches “{site}”",
    ),
    "export.error.unwritable": (
        "tiedostoa {path} ei voi kirjoittaa: {reason}",
        "filen {path} kan inte skrivas: {reason}",
        "cannot write the file {path}: {reason}",
    ),
    "export.error.unwritable.denied": (
        "tiedostoa {path} ei voi kirjoittaa: kansioon ei ole kirjoitusoikeutta",
        "filen {path} kan inte skrivas: ingen skrivrätt till mappen",
        "cannot write the file {path}: no permission to write in that folder",
    ),
    "export.error.unwritable.no_folder": (
        "tiedostoa {path} ei voi kirjoittaa: kansiota ei ole",
        "filen {path} kan inte skrivas: mappen finns inte",
        "cannot write the file {path}: the folder does not exist",
    ),
    "export.error.unwritable.is_folder": (
        "tiedostoa {path} ei voi kirjoittaa: samanniminen kansio on jo olemassa",
        "filen {path} kan inte skrivas: det finns redan en mapp med det namnet",
        "cannot write the file {path}: a folder of that name is in the way",
    ),
    "export.error.unwritable.full": (
        "tiedostoa {path} ei voi kirjoittaa: levy on täynnä",
        "filen {path} kan inte skrivas: disken är full",
        "cannot write the file {path}: the disk is full",
    ),
    "export.error.unwritable.read_only": (
        "tiedostoa {path} ei voi kirjoittaa: levylle voi vain lukea",
        "filen {path} kan inte skrivas: disken är skrivskyddad",
        "cannot write the file {path}: the disk is read-only",
    ),
    "export.error.bad_dialect": (
        "tuntematon CSV-murre ”{dialect}”; valitse excel tai rfc4180",
        "okänd CSV-dialekt ”{dialect}”; välj excel eller rfc4180",
        "unknown CSV dialect “{dialect}”; choose excel or rfc4180",
    ),
    "export.error.bad_format": (
        "tuntematon muoto ”{fmt}”; valitse csv, xlsx tai json",
        "okänt format ”{fmt}”; välj csv, xlsx eller json",
        "unknown format “{fmt}”; choose csv, xlsx or json",
    ),
    "export.error.purpose_required": (
        "tunnistetiedot vaativat käyttötarkoituksen (--purpose)",
        "identitetsuppgifter kräver ett ändamål (--purpose)",
        "identities need a stated purpose (--purpose)",
    ),
}

# Where paths lead: the paths report (screen, CLI and file).
STRINGS |= {
    "paths_report.title": (
        "Mihin polut johtavat {start}–{end}",
        "Vart vägarna leder {start}–{end}",
        "Where paths lead {start}–{end}",
    ),
    "paths_report.site": ("Toimipiste: {site}", "Verksamhetsställe: {site}", "Site: {site}"),
    "paths_report.all_sites": ("Kaikki toimipisteet", "Alla verksamhetsställen", "All sites"),
    "paths_report.paths": (
        "Päättyneitä polkuja: {count}",
        "Avslutade vägar: {count}",
        "Paths ended: {count}",
    ),
    "paths_report.median": (
        "Mediaani ensimmäisen palvelun alusta lopputulokseen: {days} pv (n = {n})",
        "Median från första tjänstens start till utfallet: {days} d (n = {n})",
        "Median from the first service's start to the outcome: {days} days (n = {n})",
    ),
    "paths_report.small_note": (
        "Alle viiden polun luvut näytetään muodossa ”< 5”; nimiä ei näytetä.",
        "Tal under fem vägar visas som ”< 5”; inga namn visas.",
        "Figures under five paths are shown as “< 5”; no names are shown.",
    ),
    "paths_report.outcomes": ("Lopputulokset", "Utfall", "Outcomes"),
    "paths_report.sequences": (
        "Yleisimmät palveluketjut ennen työllistymistä (enintään 5 viimeistä)",
        "Vanligaste tjänstekedjor före anställning (högst 5 sista)",
        "Most common service sequences before employment (last 5 at most)",
    ),
    "paths_report.services": (
        "Työllistyneiden osuus palveluittain",
        "Andel anställda per tjänst",
        "Employment share per service",
    ),
    "paths_report.other_sequences": (
        "muut ketjut (kukin < 5)",
        "övriga kedjor (var < 5)",
        "other sequences (each < 5)",
    ),
    "paths_report.no_services": ("(ei palveluja)", "(inga tjänster)", "(no services)"),
    "paths_report.col.outcome": ("Lopputulos", "Utfall", "Outcome"),
    "paths_report.col.sequence": ("Palveluketju", "Tjänstekedja", "Sequence"),
    "paths_report.col.service": ("Palvelu", "Tjänst", "Service"),
    "paths_report.col.paths": ("Polkuja", "Vägar", "Paths"),
    "paths_report.col.employed": ("Työllistyi", "Anställda", "Employed"),
    "paths_report.col.share": ("Osuus %", "Andel %", "Share %"),
    "paths_report.outcome.employed": ("työllistyi", "anställd", "employed"),
    "paths_report.outcome.self_employed": (
        "yrittäjäksi",
        "företagare",
        "self-employed",
    ),
    "paths_report.outcome.studies": ("opiskelemaan", "studier", "studies"),
    "paths_report.outcome.other_service": ("muuhun palveluun", "annan tjänst", "another service"),
    "paths_report.outcome.left_register": (
        "poistui rekisteristä",
        "lämnade registret",
        "left the register",
    ),
    "paths_report.outcome.unknown": ("ei tiedossa", "okänt", "unknown"),
    "paths_report.error.format": (
        "tiedoston {path} muoto ei käy; anna .csv- tai .xlsx-tiedosto",
        "filen {path} har fel format; ange en .csv- eller .xlsx-fil",
        "{path} is no format the report writes; give a .csv or .xlsx file",
    ),
    "paths_report.written": (
        "Raportti kirjoitettu: {path}",
        "Rapporten skriven: {path}",
        "Report written: {path}",
    ),
    "paths_report.from": ("Alkaen (p.k.vvvv)", "Från (d.m.åååå)", "From (d.m.yyyy)"),
    "paths_report.to": ("Päättyen (p.k.vvvv)", "Till (d.m.åååå)", "To (d.m.yyyy)"),
    "paths_report.hint": (
        "Enter päivittää · Tab siirtyy · Esc takaisin",
        "Enter uppdaterar · Tab flyttar · Esc tillbaka",
        "Enter updates · Tab moves · Esc back",
    ),
    "paths_report.refused": (
        "Polkuraportti on valmentajien ja pääkäyttäjien",
        "Vägrapporten är för coacher och administratörer",
        "The paths report is for coaches and admins",
    ),
    "binding.report.paths": ("Polkuraportti", "Vägrapport", "Paths report"),
    "cmd.paths_report": ("Polkuraportti", "Vägrapport", "Paths report"),
    "cmd.paths_report.help": (
        "Mihin polut johtavat: lopputulokset, palveluketjut ja työllistyneiden osuus",
        "Vart vägarna leder: utfall, tjänstekedjor och andel anställda",
        "Where paths lead: outcomes, service sequences and employment share",
    ),
    "binding.paths_report.back": ("Takaisin", "Tillbaka", "Back"),
}
