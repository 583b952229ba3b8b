"""The texts of Kompassi's service suggestions: the store's refusals and the screen."""

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
}
