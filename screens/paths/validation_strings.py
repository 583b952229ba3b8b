"""The service path's field names and the store's messages about paths (store/paths/)."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    "field.service": ("Palvelu", "Tjänst", "Service"),
    "field.provider": ("Palveluntuottaja", "Tjänsteproducent", "Provider"),
    "field.organiser": ("Järjestäjä", "Anordnare", "Organiser"),
    "field.planned_start": ("Suunniteltu alku", "Planerad start", "Planned start"),
    "field.planned_end": ("Suunniteltu loppu", "Planerat slut", "Planned end"),
    "field.actual_start": ("Toteutunut alku", "Faktisk start", "Actual start"),
    "field.actual_end": ("Toteutunut loppu", "Faktiskt slut", "Actual end"),
    "field.goal": ("Tavoite", "Mål", "Goal"),
    "field.days_per_week": ("Päivää viikossa", "Dagar per vecka", "Days a week"),
    "field.hours_per_day": ("Tuntia päivässä", "Timmar per dag", "Hours a day"),
    "field.subsidy_percent": ("Palkkatuki %", "Lönesubvention %", "Pay subsidy %"),
    "field.work_search_obligation": (
        "Haettavia työpaikkoja kuukaudessa",
        "Jobbansökningar per månad",
        "Job applications a month",
    ),
    "field.next_review": ("Seuraava tarkistus", "Nästa uppföljning", "Next review"),
    "field.outcome": ("Tulos", "Resultat", "Outcome"),
    "field.ended_on": ("Päättymispäivä", "Slutdatum", "Ended on"),
    "field.employer_sector": ("Työnantaja", "Arbetsgivare", "Employer"),
    "field.employment_type": ("Työsuhde", "Anställning", "Employment"),
    "field.with_pay_subsidy": ("Palkkatuella", "Med lönesubvention", "With pay subsidy"),
    "error.service.unknown": (
        "palvelua {code} ei ole palveluluettelossa",
        "tjänsten {code} finns inte i tjänsteförteckningen",
        "service {code} is not in the catalog",
    ),
    "error.provider.unknown": (
        "palveluntuottajaa {provider} ei löydy",
        "tjänsteproducenten {provider} hittades inte",
        "provider {provider} not found",
    ),
    "error.date.end_before_start": (
        "loppu ei voi olla ennen alkua",
        "slutet kan inte vara före starten",
        "the end cannot be before the start",
    ),
    "error.step.end_without_start": (
        "anna toteutunut alku, kun loppu on annettu",
        "ange faktisk start när slutet är angivet",
        "give the actual start when the end is given",
    ),
    "error.number.format": (
        "kirjoita numero",
        "skriv ett tal",
        "type a number",
    ),
    "error.number.whole": (
        "kirjoita kokonaisluku",
        "skriv ett heltal",
        "type a whole number",
    ),
    "error.number.range": (
        "sallittu {low}–{high}",
        "tillåtet {low}–{high}",
        "allowed {low}–{high}",
    ),
    "error.outcome.choice": (
        "valitse tulos luettelosta",
        "välj ett resultat i listan",
        "choose an outcome from the list",
    ),
    "path.error.purpose_required": (
        "asiakas ei ole asiakkuudessasi: kerro käyttötarkoitus, niin polku avautuu vain luettavaksi",
        "klienten hör inte till dina klienter: ange syftet, så öppnas stigen endast för läsning",
        "this client is not in your caseload: state the purpose and the path opens read-only",
    ),
    "path.error.ended": (
        "polku on päättynyt; sitä ei voi enää muuttaa",
        "stigen har avslutats; den kan inte längre ändras",
        "the path has ended; it can no longer be changed",
    ),
    "path.error.status": (
        "vaihetta ei voi siirtää tilasta {old} tilaan {new}",
        "steget kan inte flyttas från {old} till {new}",
        "a step cannot go from {old} to {new}",
    ),
}
