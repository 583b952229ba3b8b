"""The texts of Kompassi's store errors and the fields they name (fi, sv, en)."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    "field.kompassi_kind": ("Mittaus", "Mätning", "Reading"),
    "field.kompassi_mode": ("Tapa", "Sätt", "Mode"),
    "field.kompassi_filled_on": ("Täytetty", "Ifylld", "Filled in"),
    "field.kompassi_domain": ("Osa-alue", "Område", "Domain"),
    "field.kompassi_score": ("Arvio", "Bedömning", "Score"),
    "field.kompassi_coach_score": ("Valmentajan arvio", "Coachens bedömning", "Coach's score"),
    "field.kompassi_comment": ("Kommentti", "Kommentar", "Comment"),
    "field.kompassi_goal": ("Tavoite", "Mål", "Goal"),
    "field.kompassi_coach_comment": (
        "Valmentajan huomio",
        "Coachens anteckning",
        "Coach's note",
    ),
    "kompassi.error.not_your_client": (
        "Kompassi-vastaukset näkee vain asiakkaan oma valmentaja.",
        "Kompassi-svaren ser bara klientens egen coach.",
        "Only the client's own coach sees their Kompassi answers.",
    ),
    "kompassi.error.draft_exists": (
        "Asiakkaalla on jo keskeneräinen mittaus; jatka sitä.",
        "Klienten har redan en påbörjad mätning; fortsätt den.",
        "The client already has a reading in progress; continue that one.",
    ),
    "kompassi.error.finished": (
        "Mittaus on jo valmis, eikä sitä muuteta.",
        "Mätningen är redan klar och ändras inte.",
        "The reading is finished and is not changed.",
    ),
    "kompassi.error.nothing_answered": (
        "Yhteenkään kysymykseen ei ole vastattu tai sitä ohitettu.",
        "Ingen fråga är besvarad eller överhoppad.",
        "No question has been answered or skipped.",
    ),
    "kompassi.error.kind": (
        "tuntematon mittaus",
        "okänd mätning",
        "unknown kind of reading",
    ),
    "kompassi.error.baseline_first": (
        "ensimmäinen mittaus on alkumittaus",
        "den första mätningen är en utgångsmätning",
        "the first reading is the baseline",
    ),
    "kompassi.error.baseline_done": (
        "alkumittaus on jo tehty; valitse seuranta- tai loppumittaus",
        "utgångsmätningen är redan gjord; välj uppföljning eller slutmätning",
        "the baseline is done; choose follow-up or final",
    ),
    "kompassi.error.mode": ("tuntematon tapa", "okänt sätt", "unknown mode"),
    "kompassi.error.future": (
        "päivä ei voi olla tulevaisuudessa",
        "dagen kan inte vara i framtiden",
        "the date cannot be in the future",
    ),
    "kompassi.error.before_baseline": (
        "myöhempi mittaus ei voi olla ennen alkumittausta {day}",
        "en senare mätning kan inte vara före utgångsmätningen {day}",
        "a later reading cannot come before the baseline of {day}",
    ),
    "kompassi.error.domain": (
        "mittarissa ei ole osa-aluetta {code}",
        "instrumentet har inget område {code}",
        "the instrument has no domain {code}",
    ),
    "kompassi.error.scale": (
        "arvio on {low}–{high}",
        "bedömningen är {low}–{high}",
        "the score is {low}–{high}",
    ),
    "kompassi.error.no_skip": (
        "tässä mittarissa kysymystä ei voi ohittaa",
        "i detta instrument kan frågan inte hoppas över",
        "this instrument does not allow skipping",
    ),
}
