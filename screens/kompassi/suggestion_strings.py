"""The texts of Kompassi's service suggestions: the store's refusals, the screen (F3, e)
and its questions."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    "field.kompassi_reason": ("Perustelu", "Motivering", "Reason"),
    "kompassi.suggestion.error.draft": (
        "Mittaus on vielä kesken: palveluja ehdotetaan, kun se on valmis.",
        "Mätningen pågår ännu: tjänster föreslås när den är klar.",
        "The reading is still in progress: services are suggested once it is finished.",
    ),
    "kompassi.suggestion.error.not_suggested": (
        "Osa-alue {domain} ei tässä mittauksessa ehdota palvelua {service}.",
        "Området {domain} föreslår inte tjänsten {service} i den här mätningen.",
        "In this reading the domain {domain} does not suggest the service {service}.",
    ),
    "kompassi.suggestion.error.already_accepted": (
        "Ehdotus on jo hyväksytty, ja palvelu on polulla.",
        "Förslaget är redan godkänt och tjänsten finns på stigen.",
        "The suggestion has already been accepted; the service is on the path.",
    ),
    "kompassi.suggestion.error.already_rejected": (
        "Ehdotus on jo hylätty.",
        "Förslaget är redan avböjt.",
        "The suggestion has already been rejected.",
    ),
    "kompassi.suggestion.error.retired": (
        "Palvelu {service} on poistettu käytöstä, eikä sitä voi enää suunnitella.",
        "Tjänsten {service} används inte längre och kan inte planeras.",
        "The service {service} has been retired and can no longer be planned.",
    ),
    "kompassi.suggestion.error.on_path": (
        "Palvelu {service} on jo suunniteltuna tai käynnissä asiakkaan polulla.",
        "Tjänsten {service} är redan planerad eller pågår på klientens stig.",
        "The service {service} is already planned or under way on the client's path.",
    ),
    "kompassi.suggestions.title": ("Palveluehdotukset", "Tjänsteförslag", "Suggested services"),
    "kompassi.suggestions.title.reading": (
        "Palveluehdotukset: {kind} {day}",
        "Tjänsteförslag: {kind} {day}",
        "Suggested services: {kind} of {day}",
    ),
    "kompassi.suggestions.kind.baseline": ("alkumittaus", "utgångsmätning", "baseline"),
    "kompassi.suggestions.kind.follow_up": ("seurantamittaus", "uppföljningsmätning", "follow-up"),
    "kompassi.suggestions.kind.final": ("loppumittaus", "slutmätning", "final reading"),
    "kompassi.suggestions.none": (
        "Tämä mittaus ei ehdota palveluja: yksikään osa-alue ei ole ehdotusten rajoissa, tai "
        "ehdotetut palvelut ovat jo polulla.",
        "Den här mätningen föreslår inga tjänster: inget område ligger inom gränserna för "
        "förslag, eller så finns tjänsterna redan på stigen.",
        "This reading suggests no services: no domain is low enough, or the services it "
        "would suggest are already on the path.",
    ),
    "kompassi.suggestions.hint": (
        "a/Enter hyväksy polulle · r hylkää · ↑↓ valitse · Esc takaisin",
        "a/Enter godkänn till stigen · r avböj · ↑↓ välj · Esc tillbaka",
        "a/Enter accept onto the path · r reject · ↑↓ choose · Esc back",
    ),
    "kompassi.suggestions.open": ("ei päätetty", "inte beslutat", "not decided"),
    # {status}: the step's status on the path now ("○ suunniteltu"), {day} its start.
    "kompassi.suggestions.accepted": (
        "✓ hyväksytty, polulla: {status} {day}",
        "✓ godkänd, på stigen: {status} {day}",
        "✓ accepted, on the path: {status} {day}",
    ),
    "kompassi.suggestions.rejected": ("✗ hylätty", "✗ avböjd", "✗ rejected"),
    "kompassi.suggestions.about": (
        "Osa-alue {domain}: {score}",
        "Området {domain}: {score}",
        "Domain {domain}: {score}",
    ),
    "kompassi.suggestions.accept.title": (
        "Hyväksy polulle: {service}",
        "Godkänn till stigen: {service}",
        "Accept onto the path: {service}",
    ),
    "kompassi.suggestions.reject.title": (
        "Hylkää ehdotus: {service}",
        "Avböj förslaget: {service}",
        "Reject the suggestion: {service}",
    ),
    "kompassi.suggestions.hint.planned_start": (
        "Palvelu lisätään polulle suunniteltuna vaiheena. Päivä muodossa p.k.vvvv. "
        "Enter tallenna · Esc peruuta",
        "Tjänsten läggs till på stigen som ett planerat steg. Datum som d.m.åååå. "
        "Enter spara · Esc avbryt",
        "The service is added to the path as a planned step. Date as d.m.yyyy. "
        "Enter save · Esc cancel",
    ),
    "kompassi.suggestions.hint.kompassi_reason": (
        "Perustelu on vapaaehtoinen. Enter tallenna · Esc peruuta",
        "Motiveringen är frivillig. Enter spara · Esc avbryt",
        "The reason is optional. Enter save · Esc cancel",
    ),
    "kompassi.suggestions.accepted.notice": (
        "{service} on nyt asiakkaan palvelupolulla suunniteltuna {day} alkaen (F4 näyttää sen).",
        "{service} finns nu på klientens servicestig, planerad från {day} (F4 visar den).",
        "{service} is now on the client's service path, planned from {day} (F4 shows it).",
    ),
    "kompassi.suggestions.rejected.notice": (
        "Ehdotus {service} hylätty.",
        "Förslaget {service} avböjt.",
        "Suggestion {service} rejected.",
    ),
    "binding.suggestions.accept": ("Hyväksy", "Godkänn", "Accept"),
    "binding.suggestions.reject": ("Hylkää", "Avböj", "Reject"),
    "binding.suggestions.back": ("Takaisin", "Tillbaka", "Back"),
    "binding.suggestion.cancel": ("Peruuta", "Avbryt", "Cancel"),
}
