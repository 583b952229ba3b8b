"""The calendar's texts (F5): the week and day views, their keys, and their dialogs."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    # The F-key, the palette verb and the help.
    "binding.app.schedule": ("Kalenteri", "Kalender", "Calendar"),
    "cmd.schedule": ("Kalenteri", "Kalender", "Calendar"),
    "cmd.schedule.help": (
        "Valmentajan viikko ja päivä: ajanvaraukset, poissaolot ja ryhmät",
        "Coachens vecka och dag: bokningar, frånvaro och grupper",
        "A coach's week and day: appointments, absences and group sessions",
    ),
    "calendar.not_allowed": (
        "Kalenteri on vastaanoton ja valmentajien käytössä.",
        "Kalendern används av mottagningen och coacherna.",
        "The calendar is for reception and coaches.",
    ),
    "schedule.help": (
        "Kalenteri (F5): ←→↑↓ liiku · t tänään · v päivä/viikko\n"
        "PgUp/PgDn edellinen/seuraava · g siirry päivään\n"
        "k vaihda valmentaja · Enter tiedot · n uusi varaus\n"
        "a saapui · d pidetty · o ei saapunut · m siirrä · x peru\n"
        "c asiakaskortti · y ryhmät · r erääntyvät · e vie kalenteri\n"
        "p poissaolo · Del poista poissaolo · h työaika · Esc takaisin",
        "Kalender (F5): ←→↑↓ flytta · t i dag · v dag/vecka\n"
        "PgUp/PgDn föregående/nästa · g gå till dag\n"
        "k byt coach · Enter detaljer · n ny bokning\n"
        "a anlände · d hållen · o uteblev · m flytta · x avboka\n"
        "c klientkort · y grupper · r förfaller · e exportera kalender\n"
        "p frånvaro · Del ta bort frånvaro · h arbetstid · Esc tillbaka",
        "Calendar (F5): ←→↑↓ move · t today · v day/week\n"
        "PgUp/PgDn previous/next · g go to a day\n"
        "k switch coach · Enter details · n new booking\n"
        "a arrived · d done · o no-show · m move · x cancel\n"
        "c client card · y group sessions · r reviews due · e export\n"
        "p absence · Del remove absence · h working hours · Esc back",
    ),
    # The screen's keys, as the footer shows them.
    "binding.calendar.book": ("Varaa", "Boka", "Book"),
    "binding.calendar.details": ("Tiedot", "Detaljer", "Details"),
    "binding.calendar.view": ("Päivä/viikko", "Dag/vecka", "Day/week"),
    "binding.calendar.previous": ("Edellinen", "Föregående", "Previous"),
    "binding.calendar.next": ("Seuraava", "Nästa", "Next"),
    "binding.calendar.today": ("Tänään", "I dag", "Today"),
    "binding.calendar.jump": ("Siirry", "Gå till", "Go to"),
    "binding.calendar.coach": ("Valmentaja", "Coach", "Coach"),
    "binding.calendar.arrived": ("Saapui", "Anlände", "Arrived"),
    "binding.calendar.done": ("Pidetty", "Hållen", "Done"),
    "binding.calendar.no_show": ("Ei saapunut", "Uteblev", "No-show"),
    "binding.calendar.client": ("Asiakas", "Klient", "Client"),
    "binding.calendar.move": ("Siirrä", "Flytta", "Move"),
    "binding.calendar.cancel": ("Peru", "Avboka", "Cancel"),
    "binding.calendar.groups": ("Ryhmät", "Grupper", "Groups"),
    "binding.calendar.reviews": ("Erääntyvät", "Förfaller", "Reviews due"),
    "binding.calendar.export": ("Vie", "Exportera", "Export"),
    "binding.calendar.absence": ("Poissaolo", "Frånvaro", "Absence"),
    "binding.calendar.remove": ("Poista poissaolo", "Ta bort frånvaro", "Remove absence"),
    "binding.calendar.hours": ("Työaika", "Arbetstid", "Hours"),
    "binding.calendar.back": ("Takaisin", "Tillbaka", "Back"),
    "binding.calendar.up": ("Ylös", "Upp", "Up"),
    "binding.calendar.down": ("Alas", "Ner", "Down"),
    "binding.calendar.left": ("Vasemmalle", "Vänster", "Left"),
    "binding.calendar.right": ("Oikealle", "Höger", "Right"),
    "binding.calendar.form.save": ("Tallenna", "Spara", "Save"),
    "binding.calendar.form.cancel": ("Peruuta", "Avbryt", "Cancel"),
    "binding.calendar.detail.close": ("Sulje", "Stäng", "Close"),
    "binding.calendar.remove_absence.yes": ("Poista", "Ta bort", "Remove"),
    "binding.calendar.remove_absence.no": ("Takaisin", "Tillbaka", "Back"),
    # Kinds of appointment in two letters, for the week's narrow columns.
    "calendar.abbr.initial_interview": ("AH", "II", "II"),
    "calendar.abbr.job_search": ("TH", "JS", "JS"),
    "calendar.abbr.supplementary": ("TT", "KS", "SD"),
    "calendar.abbr.coaching": ("VA", "CO", "CO"),
    "calendar.abbr.kompassi_follow_up": ("KO", "KO", "KF"),
    "calendar.abbr.other": ("MU", "AN", "OT"),
    # The week and the day.
    "calendar.title": (
        "{coach} · {week} · {span}",
        "{coach} · {week} · {span}",
        "{coach} · {week} · {span}",
    ),  # fmt: skip
    "calendar.today": ("tänään", "i dag", "today"),
    "calendar.not_at_work": ("ei työssä", "ledig", "not at work"),
    "calendar.free": ("vapaa", "ledig tid", "free"),
    "calendar.now": ("nyt", "nu", "now"),
    "calendar.seats": (
        "{booked}/{capacity} paikkaa",
        "{booked}/{capacity} platser",
        "{booked}/{capacity} seats",
    ),  # fmt: skip
    "calendar.legend": (
        "▸ saapui ✓ pidetty ✗ ei saapunut ⊘ peruttu ░ poissa ◆ ryhmä · ei työaikaa",
        "▸ anlände ✓ hållen ✗ uteblev ⊘ avbokad ░ borta ◆ grupp · ej arbetstid",
        "▸ arrived ✓ done ✗ no-show ⊘ cancelled ░ away ◆ group · off hours",
    ),
    "calendar.absence_line": (
        "{kind} {start}–{end}",
        "{kind} {start}–{end}",
        "{kind} {start}–{end}",
    ),  # fmt: skip
    "calendar.free_line": (
        "Vapaa {time} – n varaa tähän aikaan",
        "Ledig {time} – n bokar den här tiden",
        "Free at {time} – n books this time",
    ),
    "calendar.no_appointment": (
        "Valitse ensin tapaaminen nuolinäppäimillä.",
        "Välj först ett möte med piltangenterna.",
        "Select an appointment first with the arrow keys.",
    ),
    "calendar.status_set": ("Tila: {status}.", "Status: {status}.", "State: {status}."),
    "calendar.no_absence": (
        "Valitse ensin poissaolo nuolinäppäimillä.",
        "Välj först en frånvaro med piltangenterna.",
        "Select an absence first with the arrow keys.",
    ),
    "calendar.absence_added": ("Poissaolo lisätty.", "Frånvaron lades till.", "Absence added."),
    "calendar.absence_removed": (
        "Poissaolo poistettu.",
        "Frånvaron togs bort.",
        "Absence removed.",
    ),
    "calendar.hours_saved": (
        "Työaika tallennettu.",
        "Arbetstiden sparades.",
        "Working hours saved.",
    ),
    # Going to a day, choosing a coach.
    "calendar.jump.title": ("Siirry päivään", "Gå till dag", "Go to a day"),
    "calendar.jump.date": ("Päivä (p.k.vvvv)", "Dag (d.m.åååå)", "Day (d.m.yyyy)"),
    "calendar.form.hint": (
        "Enter hyväksy · Esc peruuta",
        "Enter godkänn · Esc avbryt",
        "Enter accept · Esc cancel",
    ),
    "calendar.coach.title": ("Kenen kalenteri?", "Vems kalender?", "Whose calendar?"),
    "calendar.coach.none": (
        "Ei aktiivisia valmentajia.",
        "Inga aktiva coacher.",
        "No active coaches.",
    ),
    "calendar.coach.hint": (
        "↑↓ valitse · Enter avaa · Esc peruuta",
        "↑↓ välj · Enter öppna · Esc avbryt",
        "↑↓ choose · Enter open · Esc cancel",
    ),
    # An absence.
    "calendar.absence.title": ("Uusi poissaolo", "Ny frånvaro", "New absence"),
    "calendar.absence.kind": ("Laji", "Typ", "Kind"),
    "calendar.absence.from_date": ("Alkaa päivänä", "Börjar dag", "From day"),
    "calendar.absence.from_time": ("klo", "kl.", "at"),
    "calendar.absence.to_date": ("Päättyy päivänä", "Slutar dag", "To day"),
    "calendar.absence.to_time": ("klo", "kl.", "at"),
    "calendar.absence.note": ("Lisätieto", "Anteckning", "Note"),
    "calendar.from_time.empty": (
        "päivän alusta",
        "från dagens början",
        "from the start of the day",
    ),
    "calendar.to_time.empty": ("päivän loppuun", "till dagens slut", "to the end of the day"),
    "calendar.absence.hint": (
        "Tyhjä kellonaika: koko päivä · Ctrl+S tallenna · Esc peruuta",
        "Tom klocktid: hela dagen · Ctrl+S spara · Esc avbryt",
        "An empty time: the whole day · Ctrl+S save · Esc cancel",
    ),
    "calendar.error.time": (
        "Kirjoita kellonaika muodossa 9.30.",
        "Skriv klocktiden som 9.30.",
        "Type the time as 9.30.",
    ),
    # Working hours.
    "calendar.hours.title": (
        "Työaika viikonpäivittäin",
        "Arbetstid per veckodag",
        "Working hours by weekday",
    ),  # fmt: skip
    "calendar.hours.hint": (
        "Muoto 8.00–16.00, tyhjä: ei työssä · Ctrl+S tallenna · Esc peruuta",
        "Formen 8.00–16.00, tom: ledig · Ctrl+S spara · Esc avbryt",
        "As 8.00–16.00, empty: not at work · Ctrl+S save · Esc cancel",
    ),
    "calendar.error.hours": (
        "Kirjoita työaika muodossa 8.00–16.00 tai jätä tyhjäksi.",
        "Skriv arbetstiden som 8.00–16.00 eller lämna tomt.",
        "Type the hours as 8.00–16.00, or leave it empty.",
    ),
    "calendar.remove_absence.title": (
        "Poistetaanko poissaolo ({kind})?",
        "Ta bort frånvaron ({kind})?",
        "Remove the absence ({kind})?",
    ),  # fmt: skip
    "calendar.remove_absence.yes": ("poista", "ta bort", "remove"),
    "calendar.remove_absence.no": ("takaisin", "tillbaka", "back"),
    # One appointment in full.
    "calendar.detail.time": ("Aika", "Tid", "Time"),
    "calendar.detail.coach": ("Valmentaja", "Coach", "Coach"),
    "calendar.detail.kind": ("Laji", "Typ", "Kind"),
    "calendar.detail.channel": ("Tapa", "Sätt", "Channel"),
    "calendar.detail.room": ("Huone", "Rum", "Room"),
    "calendar.detail.status": ("Tila", "Status", "State"),
    "calendar.detail.cancelled": ("Peruttu", "Avbokad", "Cancelled"),
    "calendar.detail.series": ("Sarjassa", "I serien", "In series"),
    "calendar.detail.note": ("Muistiinpano", "Anteckning", "Note"),
    "calendar.detail.history": ("Historia", "Historik", "History"),
    "calendar.detail.no_history": ("Ei muutoksia.", "Inga ändringar.", "No changes."),
    "calendar.detail.hint": ("Esc sulje", "Esc stäng", "Esc close"),
    "calendar.change.booked": ("varattu", "bokad", "booked"),
    "calendar.change.moved": ("siirretty", "flyttad", "moved"),
    "calendar.change.status": ("tila", "status", "state"),
    "calendar.change.edited": ("muokattu", "redigerad", "edited"),
}
