"""The Kompassi screen's texts (F3): choosing the client, the readings, entering one."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    # The F-key, the palette verb and the help.
    "binding.app.kompassi": ("Kompassi", "Kompassi", "Kompassi"),
    "cmd.kompassi": ("Kompassi", "Kompassi", "Kompassi"),
    "cmd.kompassi.help": (
        "Asiakkaan oma arvio tilanteestaan: mittaukset, kuva ja uusi mittaus",
        "Klientens egen bedömning av sin situation: mätningar, bild och ny mätning",
        "The client's own rating of their situation: readings, picture and a new reading",
    ),
    "kompassi.not_allowed": (
        "Kompassi on valmentajien käytössä: vastaukset ovat terveystietoja, ja ne avaa vain"
        " asiakkaan oma valmentaja.",
        "Kompassi används av coacherna: svaren är hälsouppgifter och öppnas bara av"
        " klientens egen coach.",
        "Kompassi is for coaches: the answers are health data, opened only by the client's"
        " own coach.",
    ),
    "kompassi.help": (
        "Kompassi (F3): n mittaus · 0–9 arvio, t = 10 · s ohitettu\n"
        "o oma arvio · Enter kommentti · c asiakkaalle · Ctrl+S valmis\n"
        "v vertaa kahta · e palveluehdotukset · t kuva tekstinä",
        "Kompassi (F3): n mätning · 0–9, t = 10 · s överhoppad\n"
        "o egen bedömning · Enter kommentar · c till klienten · Ctrl+S klar\n"
        "v jämför två · e förslag på tjänster · t bilden som text",
        "Kompassi (F3): n reading · 0–9 score, t = 10 · s skipped\n"
        "o own view · Enter comment · c to the client · Ctrl+S finish\n"
        "v compare two · e suggested services · t the picture as text",
    ),
    # The screen's keys, as the footer shows them.
    "binding.kompassi.new": ("Uusi", "Ny", "New"),
    "binding.kompassi.compare": ("Vertaa", "Jämför", "Compare"),
    "binding.kompassi.suggestions": ("Ehdotukset", "Förslag", "Suggestions"),
    "binding.kompassi.text": ("Tekstinä", "Som text", "As text"),
    "binding.kompassi.ten": ("10", "10", "10"),
    "binding.kompassi.skip": ("Ohitettu", "Överhoppad", "Skipped"),
    "binding.kompassi.clear": ("Tyhjennä", "Töm", "Clear"),
    "binding.kompassi.coach": ("Valmentaja", "Coach", "Coach"),
    "binding.kompassi.note": ("Kommentti", "Kommentar", "Comment"),
    "binding.kompassi.details": ("Tiedot", "Uppgifter", "Details"),
    "binding.kompassi.client_mode": ("Asiakkaalle", "Till klienten", "To client"),
    "binding.kompassi.finish": ("Valmis", "Klar", "Finish"),
    "binding.kompassi.choose": ("Vaihda asiakas", "Byt klient", "Other client"),
    "binding.kompassi.back": ("Takaisin", "Tillbaka", "Back"),
    "binding.kompassi.pause": ("Tauko", "Paus", "Pause"),
    **{f"binding.kompassi.digit{n}": (str(n), str(n), str(n)) for n in range(10)},
    "binding.kompassi.start.go": ("Aloita", "Börja", "Start"),
    "binding.kompassi.start.cancel": ("Peru", "Avbryt", "Cancel"),
    "binding.kompassi.draft.continue": ("Jatka", "Fortsätt", "Continue"),
    "binding.kompassi.draft.discard": ("Hylkää", "Kasta", "Discard"),
    "binding.kompassi.draft.later": ("Myöhemmin", "Senare", "Later"),
    "binding.kompassi.discard.yes": ("Hylkää", "Kasta", "Discard"),
    "binding.kompassi.discard.no": ("Säilytä", "Behåll", "Keep"),
    "binding.kompassi.note.save": ("Tallenna", "Spara", "Save"),
    "binding.kompassi.note.cancel": ("Peru", "Avbryt", "Cancel"),
    # Choosing the client.
    "kompassi.find": (
        "Kompassi – valitse asiakas",
        "Kompassi – välj klient",
        "Kompassi – choose the client",
    ),
    "kompassi.drafts.title": (
        "Keskeneräiset mittaukset: {count} (Shift+Tab ja Enter avaa)",
        "Påbörjade mätningar: {count} (Skift+Tab och Enter öppnar)",
        "Readings in progress: {count} (Shift+Tab and Enter open one)",
    ),
    "kompassi.drafts.title.stale": (
        "Keskeneräiset mittaukset: {count}, yli 30 päivää: {stale} (Shift+Tab, Enter)",
        "Påbörjade mätningar: {count}, över 30 dagar: {stale} (Skift+Tab, Enter)",
        "Readings in progress: {count}, over 30 days: {stale} (Shift+Tab, Enter)",
    ),
    "kompassi.drafts.row": (
        "{name} · aloitettu {date} · {answered} vastattu",
        "{name} · påbörjad {date} · {answered} besvarade",
        "{name} · started {date} · {answered} answered",
    ),
    "kompassi.drafts.stale": (
        "⚠ {row} · yli 30 päivää",
        "⚠ {row} · över 30 dagar",
        "⚠ {row} · over 30 days",
    ),
    # The client's readings.
    "kompassi.title.client": ("Kompassi – {name}", "Kompassi – {name}", "Kompassi – {name}"),
    "kompassi.keys": (
        "n uusi · v vertaa · t tekstinä · e ehdotukset · Ctrl+F asiakas · Esc takaisin",
        "n ny · v jämför · t som text · e förslag · Ctrl+F annan klient · Esc tillbaka",
        "n new · v compare · t as text · e suggestions · Ctrl+F other client · Esc back",
    ),
    "kompassi.no_readings": (
        "Ei vielä mittauksia. n aloittaa alkumittauksen.",
        "Inga mätningar ännu. n börjar utgångsmätningen.",
        "No readings yet. n starts the baseline.",
    ),
    "kompassi.no_readings.draft": (
        "Ei vielä valmiita mittauksia.",
        "Inga klara mätningar ännu.",
        "No finished readings yet.",
    ),
    "kompassi.readings.date": ("Päivä", "Dag", "Date"),
    "kompassi.readings.kind": ("Mittaus", "Mätning", "Reading"),
    "kompassi.readings.mode": ("Tapa", "Sätt", "Mode"),
    "kompassi.readings.version": ("Mittari", "Instrument", "Instrument"),
    "kompassi.readings.answered": ("Vastaukset", "Svar", "Answers"),
    "kompassi.version": ("versio {version}", "version {version}", "version {version}"),
    "kompassi.answered": ("{answered}/{domains}", "{answered}/{domains}", "{answered}/{domains}"),
    "kompassi.answered.skipped": (
        ", {skipped} ohitettu",
        ", {skipped} överhoppade",
        ", {skipped} skipped",
    ),
    "kompassi.kind.baseline": ("alkumittaus", "utgångsmätning", "baseline"),
    "kompassi.kind.follow_up": ("seurantamittaus", "uppföljning", "follow-up"),
    "kompassi.kind.final": ("loppumittaus", "slutmätning", "final"),
    "kompassi.mode.screen": ("näytöllä", "på skärmen", "on screen"),
    "kompassi.mode.paper": ("paperilla", "på papper", "on paper"),
    # The draft.
    "kompassi.draft.title": (
        "Keskeneräinen mittaus {date}",
        "Påbörjad mätning {date}",
        "Unfinished reading {date}",
    ),
    "kompassi.draft.body": (
        "Vastattu tai ohitettu {answered}/{domains}. Kaikki on tallessa.",
        "Besvarade eller överhoppade {answered}/{domains}. Allt är sparat.",
        "Answered or skipped {answered}/{domains}. Everything is saved.",
    ),
    "kompassi.draft.keys": (
        "Enter  jatka\nd      hylkää\nEsc    myöhemmin (säilyy)",
        "Enter  fortsätt\nd      kasta\nEsc    senare (sparas)",
        "Enter  continue\nd      discard\nEsc    later (it stays)",
    ),
    "kompassi.draft.waiting": (
        "Keskeneräinen mittaus {date}: n jatkaa",
        "Påbörjad mätning {date}: n fortsätter",
        "Unfinished reading {date}: n continues it",
    ),
    "kompassi.draft.kept": (
        "Keskeneräinen mittaus on tallessa; mitään ei menetetty. n jatkaa sitä.",
        "Den påbörjade mätningen är sparad; inget gick förlorat. n fortsätter den.",
        "The unfinished reading is saved; nothing was lost. n continues it.",
    ),
    "kompassi.discard.title": (
        "Hylätäänkö keskeneräinen mittaus vastauksineen?",
        "Kasta den påbörjade mätningen med dess svar?",
        "Discard the unfinished reading and its answers?",
    ),
    "kompassi.discard.keys": (
        "Enter  hylkää\nEsc    säilytä",
        "Enter  kasta\nEsc    behåll",
        "Enter  discard\nEsc    keep",
    ),
    "kompassi.discarded": (
        "Keskeneräinen mittaus hylättiin.",
        "Den påbörjade mätningen kastades.",
        "The unfinished reading was discarded.",
    ),
    # Starting a reading.
    "kompassi.start.title": ("Uusi mittaus", "Ny mätning", "New reading"),
    "kompassi.details.title": (
        "Keskeneräisen mittauksen tiedot",
        "Den påbörjade mätningens uppgifter",
        "The unfinished reading's details",
    ),
    "kompassi.start.hint": (
        "Enter aloittaa · Tab kenttiin (välilyönti avaa valikon) · Esc peruu",
        "Enter börjar · Tab till fälten (mellanslag öppnar menyn) · Esc avbryter",
        "Enter starts · Tab to the fields (Space opens a menu) · Esc cancels",
    ),
    # Entering.
    "kompassi.entry.title": (
        "{kind}, {mode} {date} · {answered}",
        "{kind}, {mode} {date} · {answered}",
        "{kind}, {mode} {date} · {answered}",
    ),
    "kompassi.entry.keys": (
        "0–9 arvio · t tai 1 0 = 10 · s ohitettu · ⌫ tyhjennä · o valmentajan arvio"
        " · Enter kommentti (K), tavoite (T), huomio (H) · d päivä ja tapa · c asiakkaalle"
        " · Ctrl+S valmis · Esc tauko",
        "0–9 bedömning · t eller 1 0 = 10 · s överhoppad · ⌫ töm · o coachens bedömning"
        " · Enter kommentar (K), mål (M), anteckning (A) · d dag och sätt · c till klienten"
        " · Ctrl+S klar · Esc paus",
        "0–9 score · t or 1 0 = 10 · s skipped · ⌫ clear · o coach's view"
        " · Enter comment (C), goal (G), note (N) · d date and mode · c to the client"
        " · Ctrl+S finish · Esc pause",
    ),
    "kompassi.col.domain": ("Osa-alue", "Område", "Domain"),
    "kompassi.col.client": ("Asiakas", "Klient", "Client"),
    "kompassi.col.coach": ("Valmentaja", "Coach", "Coach"),
    "kompassi.col.marks": ("Merk.", "Anm.", "Notes"),
    "kompassi.mark.comment": ("K", "K", "C"),
    "kompassi.mark.goal": ("T", "M", "G"),
    "kompassi.mark.coach_comment": ("H", "A", "N"),
    "kompassi.note.shown": (
        "{field}: {text}",
        "{field}: {text}",
        "{field}: {text}",
    ),
    "kompassi.skipped": ("ohitettu", "överhoppad", "skipped"),
    "kompassi.typing.client": (
        "numerot: asiakas",
        "siffror: klienten",
        "digits: the client",
    ),
    "kompassi.typing.coach": (
        "numerot: valmentaja",
        "siffror: coachen",
        "digits: the coach",
    ),
    "kompassi.skip.client_only": (
        "Ohitus koskee asiakkaan vastausta; valmentajan arvion tyhjentää ⌫.",
        "Överhoppning gäller klientens svar; coachens bedömning töms med ⌫.",
        "Skipping is the client's choice; ⌫ clears the coach's view.",
    ),
    "kompassi.note.title": ("{domain}", "{domain}", "{domain}"),
    "kompassi.note.hint": (
        "Enter tai Ctrl+S tallentaa · Tab seuraava kenttä · Esc peruu",
        "Enter eller Ctrl+S sparar · Tab nästa fält · Esc avbryter",
        "Enter or Ctrl+S saves · Tab next field · Esc cancels",
    ),
    "kompassi.finished": (
        "Mittaus valmis: {kind} {date}.",
        "Mätningen klar: {kind} {date}.",
        "Reading finished: {kind} {date}.",
    ),
    "kompassi.suggestions.no_reading": (
        "Ehdotukset tulevat valmiista mittauksesta; sellaista ei vielä ole.",
        "Förslagen kommer från en klar mätning; någon sådan finns inte ännu.",
        "Suggestions come from a finished reading; there is none yet.",
    ),
    "kompassi.not_yet": (
        "Tämä osa ei ole vielä käytössä tässä versiossa.",
        "Den här delen finns ännu inte i den här versionen.",
        "This part is not in this version yet.",
    ),
}
