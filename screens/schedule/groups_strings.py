"""Group sessions: the list, one session's people, the dialogs and the store's refusals."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    "groups.error.title": (
        "Anna ryhmätilaisuudelle nimi.",
        "Ge gruppträffen ett namn.",
        "Give the group session a title.",
    ),
    "groups.error.capacity": (
        "Paikkoja on oltava 1–{high}.",
        "Antalet platser ska vara 1–{high}.",
        "The seats must be 1–{high}.",
    ),
    "groups.error.capacity_below": (
        "Paikkoja on jo varattu {booked}: paikkamäärä ei voi olla sitä pienempi.",
        "{booked} platser är redan bokade: antalet kan inte vara mindre.",
        "{booked} seats are already booked: the capacity cannot be less.",
    ),
    "groups.error.cancelled": (
        "Tilaisuus on peruttu.",
        "Träffen är inställd.",
        "The session is cancelled.",
    ),
    "groups.error.seated": (
        "Asiakkaalla on jo paikka tässä tilaisuudessa.",
        "Klienten har redan en plats på träffen.",
        "The client already has a seat in this session.",
    ),
    "groups.error.waiting": (
        "Asiakas on jo tämän tilaisuuden jonossa.",
        "Klienten står redan i kön till träffen.",
        "The client is already on this session's waiting list.",
    ),
    "groups.error.not_seated": (
        "Läsnäolo merkitään vain paikan saaneille, ei jonossa oleville.",
        "Närvaro markeras bara för dem som har plats, inte för dem i kön.",
        "Attendance is marked for seats, not for the waiting list.",
    ),
    "groups.error.seat_closed": (
        "Paikka on jo peruttu tai läsnäolo merkitty: palauta se ensin varatuksi.",
        "Platsen är redan avbokad eller närvaron markerad: gör den först bokad igen.",
        "The seat is already cancelled or its attendance marked: set it back to booked first.",
    ),
    "groups.error.time": (
        "Kirjoita kellonaika muodossa 13.00.",
        "Skriv klockslaget som 13.00.",
        "Type the time as 13.00.",
    ),
    "groups.error.number": (
        "Kirjoita kokonaisluku.",
        "Skriv ett heltal.",
        "Type a whole number.",
    ),
    # The list of sessions.
    "groups.title": (
        "Ryhmätilaisuudet {day} alkaen",
        "Gruppträffar från {day}",
        "Group sessions from {day}",
    ),
    "groups.empty": (
        "Ei tulevia ryhmätilaisuuksia. Uusi tilaisuus: n.",
        "Inga kommande gruppträffar. Ny träff: n.",
        "No group sessions to come. New session: n.",
    ),
    "groups.keys": (
        "Enter avaa · n uusi · k paikkamäärä · x peru tilaisuus",
        "Enter öppnar · n ny · k antal platser · x ställ in träffen",
        "Enter opens · n new · k seats · x cancel the session",
    ),
    "groups.col.day": ("Päivä", "Dag", "Day"),
    "groups.col.time": ("Aika", "Tid", "Time"),
    "groups.col.title": ("Tilaisuus", "Träff", "Session"),
    "groups.col.room": ("Tila", "Rum", "Room"),
    "groups.col.seats": ("Varattu", "Bokade", "Booked"),
    "groups.col.waiting": ("Jonossa", "I kön", "Waiting"),
    "groups.col.number": ("#", "#", "#"),
    "groups.col.name": ("Nimi", "Namn", "Name"),
    "groups.col.phone": ("Puhelin", "Telefon", "Phone"),
    "groups.col.state": ("Tila", "Status", "State"),
    "groups.col.call": ("Soitto", "Samtal", "Call"),
    "groups.state.cancelled": ("peruttu", "inställd", "cancelled"),
    "groups.state.full": ("täynnä", "fullt", "full"),
    "groups.created": (
        "Ryhmätilaisuus luotu.",
        "Gruppträffen skapades.",
        "Group session created.",
    ),
    # A new session, its seats.
    "groups.new.title": ("Uusi ryhmätilaisuus", "Ny gruppträff", "New group session"),
    "groups.field.title": ("Nimi", "Namn", "Title"),
    "groups.field.day": ("Päivä", "Dag", "Day"),
    "groups.field.time": ("Alkaa klo", "Börjar kl.", "Starts at"),
    "groups.field.minutes": ("Kesto (min)", "Längd (min)", "Length (min)"),
    "groups.field.capacity": ("Paikkoja", "Platser", "Seats"),
    "groups.field.room": ("Tila", "Rum", "Room"),
    "groups.field.no_room": ("(ei tilaa)", "(inget rum)", "(no room)"),
    "groups.capacity.title": ("Paikkamäärä", "Antal platser", "Seats"),
    "groups.capacity.rule": (
        "varattu nyt {booked}; jonosta nousee, jos paikkoja lisätään",
        "{booked} bokade nu; kön flyttas upp om platser läggs till",
        "{booked} booked now; more seats move the waiting list up",
    ),
    "groups.cancel_session.title": (
        "Perutaanko tilaisuus {title}?",
        "Ställa in träffen {title}?",
        "Cancel the session {title}?",
    ),
    "groups.cancel_session.text": (
        "Paikan varanneita {booked}: heille on kerrottava.",
        "{booked} har bokat plats: de ska meddelas.",
        "{booked} have a seat: they must be told.",
    ),
    # One session's people.
    "groups.people.facts": (
        "Varattu {booked}/{capacity} · jonossa {waiting} · paikalla {attended}",
        "Bokade {booked}/{capacity} · i kön {waiting} · närvarande {attended}",
        "Booked {booked}/{capacity} · waiting {waiting} · attended {attended}",
    ),
    "groups.people.to_call.one": (
        "{count} noussut jonosta: soita",
        "{count} flyttad upp från kön: ring",
        "{count} moved up from the waiting list: call",
    ),
    "groups.people.to_call.other": (
        "{count} noussut jonosta: soita",
        "{count} flyttade upp från kön: ring",
        "{count} moved up from the waiting list: call",
    ),
    "groups.people.keys": (
        "p paikalla · e ei saapunut · v varattu · s soitettu · a lisää · x peru paikka",
        "p närvarande · e uteblev · v bokad · s ringd · a lägg till · x avboka",
        "p attended · e no-show · v booked · s called · a add · x cancel seat",
    ),
    "groups.seat.booked": ("varattu", "bokad", "booked"),
    "groups.seat.attended": ("paikalla", "närvarande", "attended"),
    "groups.seat.no_show": ("ei saapunut", "uteblev", "no-show"),
    "groups.seat.waiting": ("jonossa {place}.", "i kön som {place}:e", "waiting, {place}."),
    "groups.seat.to_call": ("soita", "ring", "call"),
    "groups.add.title": (
        "Lisää osallistuja: {title}",
        "Lägg till deltagare: {title}",
        "Add a participant: {title}",
    ),
    "groups.add.hint": (
        "Hae asiakas ja valitse Enterillä; voit lisätä useita peräkkäin. Esc sulkee.",
        "Sök klienten och välj med Enter; du kan lägga till flera i rad. Esc stänger.",
        "Find the client and choose with Enter; add several in a row. Esc closes.",
    ),
    "groups.added.seat": (
        "{name}: paikka varattu.",
        "{name}: plats bokad.",
        "{name}: seat booked.",
    ),
    "groups.added.waiting": (
        "{name}: tilaisuus on täynnä, lisätty jonoon.",
        "{name}: träffen är full, tillagd i kön.",
        "{name}: the session is full, added to the waiting list.",
    ),
    "groups.cancel_seat.title": (
        "Perutaanko henkilön {name} paikka? Jonon ensimmäinen saa sen.",
        "Avboka platsen för {name}? Den första i kön får den.",
        "Cancel {name}'s seat? The first on the waiting list gets it.",
    ),
    "groups.cancel_seat.waiting": (
        "Poistetaanko {name} jonosta?",
        "Ta bort {name} från kön?",
        "Take {name} off the waiting list?",
    ),
    "groups.confirm.yes": ("Kyllä, peru", "Ja, avboka", "Yes, cancel it"),
    "groups.confirm.no": ("Ei, pidä", "Nej, behåll", "No, keep it"),
    "groups.moved_up": (
        "{name} nousi jonosta: soita ({phone}).",
        "{name} flyttades upp från kön: ring ({phone}).",
        "{name} moved up from the waiting list: call ({phone}).",
    ),
    # Keys.
    "binding.groups.open": ("Avaa", "Öppna", "Open"),
    "binding.groups.new": ("Uusi", "Ny", "New"),
    "binding.groups.capacity": ("Paikat", "Platser", "Seats"),
    "binding.groups.cancel": ("Peru tilaisuus", "Ställ in", "Cancel session"),
    "binding.groups.back": ("Takaisin", "Tillbaka", "Back"),
    "binding.groups.people.back": ("Takaisin", "Tillbaka", "Back"),
    "binding.groups.attended": ("Paikalla", "Närvarande", "Attended"),
    "binding.groups.no_show": ("Ei saapunut", "Uteblev", "No-show"),
    "binding.groups.booked": ("Varattu", "Bokad", "Booked"),
    "binding.groups.called": ("Soitettu", "Ringd", "Called"),
    "binding.groups.add": ("Lisää", "Lägg till", "Add"),
    "binding.groups.cancel_seat": ("Peru paikka", "Avboka", "Cancel seat"),
    "binding.groups.confirm.yes": ("Peru", "Avboka", "Cancel it"),
    "binding.groups.confirm.no": ("Pidä", "Behåll", "Keep"),
    "binding.groups.add.close": ("Sulje", "Stäng", "Close"),
}
