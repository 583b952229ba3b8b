"""The Kompassi distance-travelled report's texts (fi, sv, en): its screen, the CLI and
the palette."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    "kompassi_report.title": (
        "Kompassi – kuljettu matka {start}–{end}",
        "Kompassi – tillryggalagd väg {start}–{end}",
        "Kompassi – distance travelled {start}–{end}",
    ),
    "kompassi_report.site": ("Toimipiste: {site}", "Verksamhetsställe: {site}", "Site: {site}"),
    "kompassi_report.coach": ("Valmentaja: {coach}", "Coach: {coach}", "Coach: {coach}"),
    "kompassi_report.all_sites": ("Kaikki toimipisteet", "Alla verksamhetsställen", "All sites"),
    "kompassi_report.all_coaches": ("Kaikki valmentajat", "Alla coacher", "All coaches"),
    "kompassi_report.clients": (
        "Asiakkaita, joilla alkumittaus ja sen jälkeen mittaus jaksolla: {count}",
        "Klienter med en utgångsmätning och efter den en mätning under perioden: {count}",
        "Clients with a baseline and a later reading in the range: {count}",
    ),
    "kompassi_report.note": (
        "Muutos = jakson viimeisin mittaus − alkumittaus, pisteinä (mediaani). Ohitettu"
        " kysymys jättää asiakkaan pois siltä osa-alueelta. Alle viiden asiakkaan luvut"
        " näytetään muodossa ”< 5”; vastauksia ja nimiä ei näytetä.",
        "Förändring = periodens senaste mätning − utgångsmätningen, i poäng (median). En"
        " överhoppad fråga lämnar klienten utanför det området. Tal under fem klienter visas"
        " som ”< 5”; inga svar eller namn visas.",
        "Change = the latest reading in the range − the baseline, in points (median). A"
        " skipped question leaves the client out of that domain. Figures under five clients"
        " are shown as “< 5”; no answers or names are shown.",
    ),
    "kompassi_report.col.domain": ("Osa-alue", "Område", "Domain"),
    "kompassi_report.col.clients": ("Asiakkaita", "Klienter", "Clients"),
    "kompassi_report.col.change": ("Muutos", "Förändring", "Change"),
    "kompassi_report.col.up": ("▲ Ylemmäs %", "▲ Upp %", "▲ Up %"),
    "kompassi_report.col.stayed": ("= Sama %", "= Samma %", "= Same %"),
    "kompassi_report.col.down": ("▼ Alemmas %", "▼ Ned %", "▼ Down %"),
    "kompassi_report.bands": (
        "▲/=/▼: osuus asiakkaista, joiden vastaus siirtyi ylempään vyöhykkeeseen, pysyi"
        " samassa tai siirtyi alempaan (vyöhykkeet kunkin mittauksen omasta versiosta).",
        "▲/=/▼: andelen klienter vars svar flyttade till ett högre band, stannade i samma"
        " eller flyttade till ett lägre (banden ur varje mätnings egen version).",
        "▲/=/▼: the share of clients whose answer moved up a band, stayed in the same band"
        " or moved down (the bands of each reading's own instrument version).",
    ),
    "kompassi_report.from": ("Alkaen (p.k.vvvv)", "Från (d.m.åååå)", "From (d.m.yyyy)"),
    "kompassi_report.to": ("Päättyen (p.k.vvvv)", "Till (d.m.åååå)", "To (d.m.yyyy)"),
    "kompassi_report.site_field": ("Toimipiste", "Verksamhetsställe", "Site"),
    "kompassi_report.coach_field": ("Valmentaja", "Coach", "Coach"),
    "kompassi_report.hint": (
        "Enter päivittää · Tab siirtyy · Esc takaisin",
        "Enter uppdaterar · Tab flyttar · Esc tillbaka",
        "Enter updates · Tab moves · Esc back",
    ),
    "kompassi_report.refused": (
        "Kompassi-raportti on valmentajien ja pääkäyttäjien",
        "Kompassi-rapporten är för coacher och administratörer",
        "The Kompassi report is for coaches and admins",
    ),
    "binding.report.kompassi": ("Kompassi-raportti", "Kompassi-rapport", "Kompassi report"),
    "binding.kompassi_report.back": ("Takaisin", "Tillbaka", "Back"),
    "cmd.kompassi_report": ("Kompassi-raportti", "Kompassi-rapport", "Kompassi report"),
    "cmd.kompassi_report.help": (
        "Kuljettu matka: muutos alkumittauksesta osa-alueittain, ilman nimiä",
        "Tillryggalagd väg: förändringen sedan utgångsmätningen per område, utan namn",
        "Distance travelled: the change since the baseline per domain, no names",
    ),
}
