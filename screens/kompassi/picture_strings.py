"""The texts of the Kompassi picture and the compare dialog (fi, sv, en)."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    # Column headings: a reading's kind, short, above its date.
    "kompassi.picture.kind.baseline": ("Alku", "Start", "Baseline"),
    "kompassi.picture.kind.follow_up": ("Seuranta", "Uppföljn.", "Follow-up"),
    "kompassi.picture.kind.final": ("Loppu", "Slut", "Final"),
    # The same, written out, for the text lines and the compare dialog.
    "kompassi.picture.kind_long.baseline": ("alkumittaus", "utgångsmätning", "baseline"),
    "kompassi.picture.kind_long.follow_up": ("seurantamittaus", "uppföljning", "follow-up"),
    "kompassi.picture.kind_long.final": ("loppumittaus", "slutmätning", "final reading"),
    "kompassi.picture.change": ("Muutos", "Ändring", "Change"),
    "kompassi.picture.since_start": ("alku", "start", "start"),
    "kompassi.picture.since_previous": ("ed.", "förra", "prev."),
    "kompassi.picture.all": ("Kaikki", "Alla", "All"),
    "kompassi.picture.skipped": ("ohitettu", "överhoppad", "skipped"),
    "kompassi.picture.not_answered": ("ei vastattu", "inte besvarad", "not answered"),
    "kompassi.picture.empty": (
        "Ei vielä valmiita mittauksia.",
        "Inga färdiga mätningar ännu.",
        "No finished readings yet.",
    ),
    "kompassi.picture.compared": (
        "Vertailu: {left} ja {right}",
        "Jämförelse: {left} och {right}",
        "Comparing {left} and {right}",
    ),
    "kompassi.picture.legend_band": (
        "{letter} = {band} {low}–{high}",
        "{letter} = {band} {low}–{high}",
        "{letter} = {band} {low}–{high}",
    ),  # fmt: skip
    # The text lines, for a screen reader and for reading without the bars.
    "kompassi.picture.text.reading": (
        "{kind} {date}: {answer}",
        "{kind} {date}: {answer}",
        "{kind} {date}: {answer}",
    ),  # fmt: skip
    "kompassi.picture.text.score": (
        "{score} ({band})",
        "{score} ({band})",
        "{score} ({band})",
    ),  # fmt: skip
    "kompassi.picture.text.since_start": (
        "muutos alusta {change}",
        "ändring från start {change}",
        "change since baseline {change}",
    ),
    "kompassi.picture.text.since_previous": (
        "edellisestä {change}",
        "från förra {change}",
        "since previous {change}",
    ),
    "kompassi.picture.text.change": ("muutos {change}", "ändring {change}", "change {change}"),
    "kompassi.picture.text.no_change": (
        "ei laskettavissa",
        "kan inte räknas",
        "cannot be counted",
    ),
    "kompassi.picture.text.series": (
        "kaikki mittaukset: {scores}",
        "alla mätningar: {scores}",
        "all readings: {scores}",
    ),
    "binding.picture.compare": ("Vertaa", "Jämför", "Compare"),
    "binding.picture.text": ("Tekstinä", "Som text", "As text"),
    "binding.picture.default": ("Alku–viimeisin", "Start–senaste", "Baseline–latest"),
    # The compare dialog.
    "kompassi.compare.title": (
        "Vertaa kahta mittausta",
        "Jämför två mätningar",
        "Compare two readings",
    ),
    "kompassi.compare.first": ("Ensimmäinen", "Första", "First"),
    "kompassi.compare.second": ("Toinen", "Andra", "Second"),
    "kompassi.compare.option": (
        "{number}  {date} {kind}",
        "{number}  {date} {kind}",
        "{number}  {date} {kind}",
    ),  # fmt: skip
    "kompassi.compare.hint": (
        "Numero tai nuolet ja Enter valitsevat, Tab vaihtaa listaa, Esc peruu.",
        "Nummer eller pilar och Enter väljer, Tab byter lista, Esc avbryter.",
        "A number, or arrows and Enter, chooses; Tab switches list; Esc cancels.",
    ),
    "kompassi.compare.same": (
        "Valitse kaksi eri mittausta.",
        "Välj två olika mätningar.",
        "Choose two different readings.",
    ),
    "kompassi.compare.too_few": (
        "Vertailuun tarvitaan kaksi valmista mittausta.",
        "För en jämförelse behövs två färdiga mätningar.",
        "Comparing needs two finished readings.",
    ),
    "binding.compare.confirm": ("Vertaa", "Jämför", "Compare"),
    "binding.compare.cancel": ("Peru", "Avbryt", "Cancel"),
}
