"""UI strings of the walk-in desk (the visit form, the queue, its dialogs, the feedback
prompt) and the visit rules' refusals."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    "walkin.title": ("Asiointi ja jono", "Besök och kö", "Walk-in and queue"),
    "walkin.find": (
        "Etsi tai rekisteröi kävijä",
        "Sök eller registrera besökare",
        "Find or register the visitor",
    ),
    "walkin.picked": ("Kävijä: {name}", "Besökare: {name}", "Visitor: {name}"),
    "walkin.anonymous": ("Nimetön kävijä", "Anonym besökare", "Anonymous visitor"),
    "walkin.own_coach": ("Oma valmentaja: {name}", "Egen coach: {name}", "Own coach: {name}"),
    "walkin.reasons_hint": (
        "Numerot valitsevat syyt · Enter jonoon · Esc peru",
        "Siffror väljer ärenden · Enter till kön · Esc avbryt",
        "Digits choose reasons · Enter queues · Esc cancels",
    ),
    "walkin.channel": ("Kanava", "Kanal", "Channel"),
    "walkin.queued": (
        "{ticket} jonossa: {name}",
        "{ticket} i kön: {name}",
        "{ticket} queued: {name}",
    ),
    "walkin.already_queued": (
        "{name} on jo jonossa ({ticket}).",
        "{name} står redan i kön ({ticket}).",
        "{name} is already in the queue ({ticket}).",
    ),
    "walkin.not_allowed": (
        "Asiointinäkymä on vastaanoton ja valmentajien käytössä.",
        "Besöksvyn används av mottagningen och coacherna.",
        "The walk-in screen is for reception and coaches.",
    ),
    "walkin.left_open.one": (
        "⚠ Aiemmalta päivältä sulkematta {count} käynti · F8 käsittele",
        "⚠ {count} besök från en tidigare dag är öppet · F8 hantera",
        "⚠ {count} visit from an earlier day is still open · F8 handle",
    ),
    "walkin.left_open.other": (
        "⚠ Aiemmilta päiviltä sulkematta {count} käyntiä · F8 käsittele",
        "⚠ {count} besök från tidigare dagar är öppna · F8 hantera",
        "⚠ {count} visits from earlier days are still open · F8 handle",
    ),
    "walkin.feedback_offer": (
        "{ticket} {state} · F9 kääntää palautekysymyksen asiakkaalle · Ctrl+Z peruu",
        "{ticket} {state} · F9 visar responsfrågan för besökaren · Ctrl+Z ångrar",
        "{ticket} {state} · F9 turns the feedback question to the visitor · Ctrl+Z undoes",
    ),
    "walkin.changed": (
        "{ticket}: {state} · Ctrl+Z peruu",
        "{ticket}: {state} · Ctrl+Z ångrar",
        "{ticket}: {state} · Ctrl+Z undoes",
    ),
    "walkin.undone": (
        "Peruttu: {ticket} on taas tilassa ”{state}”",
        "Ångrat: {ticket} har åter status ”{state}”",
        "Undone: {ticket} is back to “{state}”",
    ),
    "walkin.undo_too_late": (
        "{ticket} on muuttunut sen jälkeen; muutosta ei voi enää perua",
        "{ticket} har ändrats sedan dess; ändringen kan inte längre ångras",
        "{ticket} has changed since; that change can no longer be undone",
    ),
    "walkin.nothing_to_undo": (
        "Ei peruttavaa muutosta",
        "Ingen ändring att ångra",
        "Nothing to undo",
    ),
    # F6 (or Enter on a waiting row) while the desk has a visitor: who, and the way out.
    "walkin.desk_occupied.called": (
        "Tiskille {desk} on jo kutsuttu {ticket} {name}: ensin Enter (palvelussa)"
        " tai Ctrl+L (poistui)",
        "{ticket} {name} är redan kallad till disk {desk}: först Enter (betjänas)"
        " eller Ctrl+L (gick)",
        "{ticket} {name} is already called to desk {desk}: first Enter (serving) or Ctrl+L (left)",
    ),
    "walkin.desk_occupied.serving": (
        "Tiskillä {desk} palvellaan vielä {ticket} {name}: ensin Ctrl+D (valmis)"
        " tai Ctrl+O (tauko)",
        "Vid disk {desk} betjänas ännu {ticket} {name}: först Ctrl+D (klar) eller Ctrl+O (paus)",
        "Desk {desk} is still serving {ticket} {name}: first Ctrl+D (done) or Ctrl+O (hold)",
    ),
    "walkin.own_coach_needs_client": (
        "Oman valmentajan tapaaminen vaatii tunnistetun asiakkaan: poista valinta tai hae asiakas",
        "Möte med egen coach kräver en identifierad klient: ta bort valet eller sök klienten",
        "Meeting one's own coach needs a known client: untick it or find the client",
    ),
    "walkin.nobody_for_you": (
        "Ei kutsuttavaa: jonossa olevat odottavat nimettyä työntekijää tai varattua aikaansa.",
        "Ingen att kalla: de i kön väntar på en namngiven kollega eller sin bokade tid.",
        "Nobody to call: those in the queue wait for a named colleague or their booked time.",
    ),
    "walkin.no_left_open": (
        "Aiemmilta päiviltä ei ole sulkematta jääneitä käyntejä.",
        "Inga besök från tidigare dagar är öppna.",
        "No visits from earlier days are left open.",
    ),
    "walkin.no_feedback_waiting": (
        "Ei palautetta odottavaa käyntiä: F9 toimii heti, kun käynti on merkitty valmiiksi"
        " (Ctrl+D).",
        "Inget besök väntar på respons: F9 fungerar direkt efter att ett besök markerats klart"
        " (Ctrl+D).",
        "No visit is waiting for feedback: F9 works right after a visit is marked done (Ctrl+D).",
    ),
    # Ctrl+Q or log-out while the user has visitors called or being served.
    "in_hand.title.one": (
        "Sinulla on vielä kesken {count} käynti:",
        "Du har ännu {count} besök på gång:",
        "You still have {count} visit in hand:",
    ),
    "in_hand.title.other": (
        "Sinulla on vielä kesken {count} käyntiä:",
        "Du har ännu {count} besök på gång:",
        "You still have {count} visits in hand:",
    ),
    "in_hand.stays.one": (
        "Se jää tiskille, kunnes joku merkitsee sen.",
        "Det blir kvar vid disken tills någon markerar det.",
        "It stays at the desk until someone marks it.",
    ),
    "in_hand.stays.other": (
        "Ne jäävät tiskille, kunnes joku merkitsee ne.",
        "De blir kvar vid disken tills någon markerar dem.",
        "They stay at the desk until someone marks them.",
    ),
    "in_hand.quit": (
        "Enter: lopeta silti · Esc: peru",
        "Enter: avsluta ändå · Esc: avbryt",
        "Enter: quit anyway · Esc: cancel",
    ),
    "in_hand.logout": (
        "Enter: kirjaudu silti ulos · Esc: peru",
        "Enter: logga ut ändå · Esc: avbryt",
        "Enter: log out anyway · Esc: cancel",
    ),
    "binding.in_hand.yes": ("Kyllä", "Ja", "Yes"),
    "binding.in_hand.no": ("Peru", "Avbryt", "Cancel"),
    "curtain.hint": (
        "◼ Nimet piilotettu · paina mitä tahansa näppäintä jatkaaksesi",
        "◼ Namnen är dolda · tryck på valfri tangent för att fortsätta",
        "◼ Names hidden · press any key to go on",
    ),
    "walkin.nobody_waiting": (
        "Jonossa ei ole ketään.",
        "Ingen väntar i kön.",
        "Nobody is waiting.",
    ),
    "walkin.called": (
        "Kutsuttu {ticket} tiskille {desk} · Ctrl+Z peruu",
        "{ticket} kallad till disk {desk} · Ctrl+Z ångrar",
        "Called {ticket} to desk {desk} · Ctrl+Z undoes",
    ),
    "walkin.cannot": (
        "Tätä ei voi tehdä käynnille, jonka tila on ”{state}”.",
        "Det går inte för ett besök med status ”{state}”.",
        "Not possible for a visit in the state “{state}”.",
    ),
    "walkin.queue_empty_hint": ("Jono on tyhjä", "Kön är tom", "The queue is empty"),
    "walkin.queue_counts": (
        "Jonossa {waiting} · palveltu tänään {done}",
        "I kön {waiting} · betjänade i dag {done}",
        "Waiting {waiting} · served today {done}",
    ),
    "col.ticket": ("Nro", "Nr", "No."),
    "col.arrived": ("Saapui", "Kom", "Arrived"),
    "col.wait": ("Odott.", "Väntat", "Waited"),
    # In the wait column for someone early for an appointment: their booked time.
    "queue.booked_at": ("→{time}", "→{time}", "→{time}"),
    "col.client": ("Asiakas", "Klient", "Client"),
    "col.reasons": ("Syyt", "Ärenden", "Reasons"),
    "col.state": ("Tila", "Status", "State"),
    "col.date": ("Päivä", "Dag", "Date"),
    # The queue's reasons column: a reason in a word or two.
    "reason.short.job_search": ("Työnhaku", "Jobbsökning", "Job search"),
    "reason.short.cv": ("CV", "CV", "CV"),
    "reason.short.register": ("Ilmoittautuminen", "Anmälan", "Registering"),
    "reason.short.benefits": ("Etuudet", "Förmåner", "Benefits"),
    "reason.short.own_coach": ("Oma valmentaja", "Egen coach", "Own coach"),
    "reason.short.training": ("Koulutus", "Utbildning", "Training"),
    "reason.short.trial_subsidy": ("Kokeilu/tuki", "Prövning/stöd", "Trial/subsidy"),
    "reason.short.kompassi": ("Kompassi", "Kompassi", "Kompassi"),
    "reason.short.other": ("Muu", "Annat", "Other"),
    "state.waiting": ("odottaa", "väntar", "waiting"),
    "state.called": ("kutsuttu {desk}", "kallad {desk}", "called {desk}"),
    "state.serving": ("palvelussa", "betjänas", "being served"),
    "state.transferred": ("siirretty: {name}", "överförd: {name}", "transferred: {name}"),
    "state.on_hold": ("tauolla", "paus", "on hold"),
    "state.done": ("valmis", "klar", "done"),
    # A finished visit in the desk's messages, with how it ended.
    "state.done_with": ("valmis: {outcome}", "klar: {outcome}", "done: {outcome}"),
    "outcome.title": (
        "{ticket} {name} valmis: miten asia päättyi?",
        "{ticket} {name} klar: hur slutade ärendet?",
        "{ticket} {name} done: how did it end?",
    ),
    "outcome.hint": (
        "Enter tai 1–3 valitsee · Esc peruu (käynti jää ennalleen)",
        "Enter eller 1–3 väljer · Esc avbryter (besöket lämnas som det är)",
        "Enter or 1–3 chooses · Esc cancels (the visit stays as it is)",
    ),
    "binding.outcome.cancel": ("Peru", "Avbryt", "Cancel"),
    "outcome.resolved": ("asia hoidettu", "ärendet löst", "resolved"),
    "outcome.referred": ("ohjattu eteenpäin", "hänvisad vidare", "referred"),
    "outcome.appointment_booked": ("aika varattu", "tid bokad", "appointment booked"),
    "outcome.left_without_service": (
        "poistui ilman palvelua",
        "gick utan service",
        "left without service",
    ),
    "state.left": ("poistui", "gick", "left"),
    "channel.walk_in": ("käynti", "besök", "walk-in"),
    "channel.appointment": ("ajanvaraus", "tidsbokning", "appointment"),
    "channel.phone": ("puhelin", "telefon", "phone"),
    "channel.remote": ("etä", "distans", "remote"),
    "binding.walkin.call_next": ("Kutsu seuraava", "Kalla nästa", "Call next"),
    "binding.walkin.anonymous": ("Nimetön", "Anonym", "Anonymous"),
    "binding.walkin.left_open": ("Avoimet", "Öppna", "Open visits"),
    "binding.walkin.feedback": ("Palaute", "Respons", "Feedback"),
    "binding.walkin.back": ("Takaisin", "Tillbaka", "Back"),
    "binding.queue.advance": ("Seuraava vaihe", "Nästa steg", "Next step"),
    "binding.queue.done": ("Valmis", "Klar", "Done"),
    "binding.queue.left": ("Poistui", "Gick", "Left"),
    "binding.queue.hold": ("Tauko", "Paus", "Hold"),
    "binding.queue.transfer": ("Siirrä", "Överför", "Transfer"),
    "binding.reasons.queue": ("Jonoon", "Till kön", "Queue"),
    "binding.reasons.cancel": ("Peru", "Avbryt", "Cancel"),
    "binding.app.walk_in": ("Asiointi", "Besök", "Walk-in"),
    # Asked before done, left or transfer of a visit a colleague or another desk has.
    "others.done": (
        "Merkitäänkö {ticket} {name} valmiiksi?",
        "Markera {ticket} {name} som klar?",
        "Mark {ticket} {name} done?",
    ),
    "others.left": (
        "Merkitäänkö {ticket} {name} poistuneeksi?",
        "Markera att {ticket} {name} gick?",
        "Mark {ticket} {name} as left?",
    ),
    "others.transfer": (
        "Siirretäänkö {ticket} {name} kollegalle?",
        "Överföra {ticket} {name} till en kollega?",
        "Transfer {ticket} {name} to a colleague?",
    ),
    "others.staff_desk": (
        "Käyntiä hoitaa {staff} tiskillä {desk}.",
        "Besöket sköts av {staff} vid disk {desk}.",
        "{staff} has this visit, at desk {desk}.",
    ),
    "others.staff": (
        "Käyntiä hoitaa {staff}.",
        "Besöket sköts av {staff}.",
        "{staff} has this visit.",
    ),
    "others.desk": (
        "Käynti on kutsuttu tiskille {desk}.",
        "Besöket är kallat till disk {desk}.",
        "This visit was called to desk {desk}.",
    ),
    "others.keys": (
        "Enter tai y: kyllä · Esc tai n: ei",
        "Enter eller y: ja · Esc eller n: nej",
        "Enter or y: yes · Esc or n: no",
    ),
    "binding.others_visit.yes": ("Kyllä", "Ja", "Yes"),
    "binding.others_visit.no": ("Ei", "Nej", "No"),
    "transfer.title": (
        "Kenelle {ticket} {name} siirretään? ({site})",
        "Till vem överförs {ticket} {name}? ({site})",
        "Transfer {ticket} {name} to whom? ({site})",
    ),
    "leftopen.title": (
        "Sulkematta jääneet käynnit",
        "Besök som inte stängts",
        "Visits left open",
    ),
    "leftopen.hint": (
        "Enter merkitsee valmiiksi · Ctrl+L poistui ilman palvelua · Esc sulkee",
        "Enter markerar klart · Ctrl+L gick utan service · Esc stänger",
        "Enter marks done · Ctrl+L left without service · Esc closes",
    ),
    "feedback.question": (
        "Kuinka todennäköisesti suosittelisit palveluamme ystävällesi?",
        "Hur sannolikt är det att du skulle rekommendera vår service till en vän?",
        "How likely are you to recommend our service to a friend?",
    ),
    "feedback.scale": (
        "0 = en lainkaan todennäköisesti · 10 = erittäin todennäköisesti",
        "0 = inte alls sannolikt · 10 = mycket sannolikt",
        "0 = not at all likely · 10 = extremely likely",
    ),
    "feedback.keys": (
        "Paina numeroa 0–9, tai + jos vastauksesi on 10.",
        "Tryck en siffra 0–9, eller + om ditt svar är 10.",
        "Press a number 0–9, or + if your answer is 10.",
    ),
    "feedback.anonymous": (
        "Vastauksesi on nimetön: sitä ei liitetä sinuun eikä tähän käyntiin.",
        "Ditt svar är anonymt: det kopplas inte till dig eller till detta besök.",
        "Your answer is anonymous: it is not linked to you or to this visit.",
    ),
    "feedback.linked": (
        "Vastauksesi tallennetaan tämän käynnin tietoihin palvelun kehittämiseksi.",
        "Ditt svar sparas med uppgifterna om detta besök för att utveckla servicen.",
        "Your answer is kept with this visit's record to help us improve the service.",
    ),
    "feedback.languages": (
        "F suomi · S svenska · E English",
        "F suomi · S svenska · E English",
        "F suomi · S svenska · E English",
    ),
    "feedback.thanks": (
        "Kiitos vastauksestasi!",
        "Tack för ditt svar!",
        "Thank you for your answer!",
    ),
    "cmd.walk_in": ("Asiointi ja jono", "Besök och kö", "Walk-in and queue"),
    "cmd.walk_in.help": (
        "Rekisteröi kävijä ja hoida päivän jonoa",
        "Registrera besökare och sköt dagens kö",
        "Register visitors and run today's queue",
    ),
    "binding.walkin.export": ("Vienti", "Export", "Export"),
    "help.work.walk_in": ("asiointi", "besök", "walk-in"),
    # The desk's own keys, a section of the help (F1).
    "walkin.help": (
        "Asiointi: F6 kutsu seuraava · F7 nimetön · F8 aiemmat avoimet\n"
        "F9 palaute asiakkaalta · F10 vie päivä · Ctrl+Z peru muutos\n"
        "Jonossa (Tab): Enter seuraava vaihe · Ctrl+D valmis · Ctrl+L poistui\n"
        "Ctrl+O tauko · Ctrl+T siirrä · kirjaimet menevät hakuun\n"
        "Varaus tänään: Enter ilmoittaa saapuneeksi · Ctrl+Y ei saapuneet",
        "Besök: F6 kalla nästa · F7 anonymt · F8 öppna från förr\n"
        "F9 respons från besökaren · F10 exportera dagen · Ctrl+Z ångra\n"
        "I kön (Tab): Enter nästa steg · Ctrl+D klar · Ctrl+L gick\n"
        "Ctrl+O paus · Ctrl+T överför · bokstäver går till sökningen\n"
        "Bokning i dag: Enter checkar in · Ctrl+Y uteblivna",
        "Walk-in: F6 call next · F7 anonymous · F8 open from earlier\n"
        "F9 feedback from the visitor · F10 export the day · Ctrl+Z undo\n"
        "In the queue (Tab): Enter next step · Ctrl+D done · Ctrl+L left\n"
        "Ctrl+O hold · Ctrl+T transfer · letters go to the search\n"
        "Booked today: Enter checks in · Ctrl+Y no-shows",
    ),
    # The visit rules' refusals (store/visits/rules.py).
    "visit.error.own_coach_needs_client": (
        "oman valmentajan tapaaminen vaatii tunnistetun asiakkaan",
        "möte med egen coach kräver en identifierad klient",
        "meeting one's own coach needs a known client",
    ),
}
