"""Texts of the conflicts inbox (F6) and its dialogs: keys prefixed `inbox.`."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    # The F-key, the palette verb and the help.
    "binding.app.sync_inbox": ("Ristiriidat", "Konflikter", "Conflicts"),
    "help.work.sync_inbox": ("ristiriidat", "konflikter", "conflicts"),
    "cmd.sync_inbox": ("Ristiriidat", "Konflikter", "Conflicts"),
    "cmd.sync_inbox.help": (
        "Kannettavien tuomat ristiriidat: pidä toimiston arvo, ota kannettavan tai yhdistä",
        "Konflikter från bärbara datorer: behåll kontorets värde, ta den bärbaras eller slå ihop",
        "Conflicts laptops brought in: keep the office's value, take the laptop's or merge",
    ),
    "inbox.not_allowed": (
        "Ristiriidat ovat pääkäyttäjien ja valmentajien käytössä.",
        "Konflikterna används av administratörer och coacher.",
        "The conflicts inbox is for admins and coaches.",
    ),
    "inbox.help": (
        "Ristiriidat (F6): ↑↓ valitse · o pidä toimiston · l ota kannettavan\n"
        "m kirjoita yhdistetty arvo · p yhdistä saman henkilön tiedot (1/2)\n"
        "u peru yhdistäminen · r näytä ratkaistut · Esc takaisin",
        "Konflikter (F6): ↑↓ välj · o behåll kontorets · l ta den bärbaras\n"
        "m skriv ett sammanslaget värde · p slå ihop samma persons uppgifter (1/2)\n"
        "u ångra sammanslagning · r visa lösta · Esc tillbaka",
        "Conflicts (F6): ↑↓ choose · o keep office · l take laptop\n"
        "m type a merged value · p merge one person's two records (1/2)\n"
        "u undo a merge · r show resolved · Esc back",
    ),
    # The screen.
    "inbox.title": ("Ristiriidat", "Konflikter", "Conflicts"),
    "inbox.summary": (
        "{open} ratkaisematta",
        "{open} olösta",
        "{open} open",
    ),
    "inbox.summary.resolved": (
        "{open} ratkaisematta · {resolved} ratkaistu",
        "{open} olösta · {resolved} lösta",
        "{open} open · {resolved} resolved",
    ),
    "inbox.empty": (
        "Ei ratkaistavia ristiriitoja.",
        "Inga konflikter att lösa.",
        "No conflicts to resolve.",
    ),
    "inbox.column.client": ("Asiakas", "Klient", "Client"),
    "inbox.column.what": ("Mikä", "Vad", "What"),
    "inbox.column.kind": ("Ristiriita", "Konflikt", "Conflict"),
    "inbox.column.laptop": ("Kannettava", "Bärbar", "Laptop"),
    "inbox.column.found": ("Löytyi", "Hittad", "Found"),
    "inbox.no_client": ("—", "—", "—"),
    # The three values side by side.
    "inbox.value.base": ("Lähtötilanne", "Utgångsläge", "Base"),
    "inbox.value.office": ("Toimisto", "Kontoret", "Office"),
    "inbox.value.laptop": ("Kannettava", "Bärbar", "Laptop"),
    "inbox.value.resolved": ("Ratkaisu", "Lösning", "Resolution"),
    "inbox.value.none": ("—", "—", "—"),
    "inbox.value.removed": ("(rivi poistettu)", "(raden borttagen)", "(row deleted)"),
    "inbox.value.now": ("→ nyt: {value}", "→ nu: {value}", "→ now: {value}"),
    "inbox.detail.device": (
        "Kannettava: {device}",
        "Bärbar: {device}",
        "Laptop: {device}",
    ),
    "inbox.detail.resolved": (
        "✓ Ratkaistu {when}: {how} ({by})",
        "✓ Löst {when}: {how} ({by})",
        "✓ Resolved {when}: {how} ({by})",
    ),
    "inbox.detail.keys.field": (
        "o pidä toimiston · l ota kannettavan · m kirjoita oma arvo",
        "o behåll kontorets · l ta den bärbaras · m skriv eget värde",
        "o keep the office's · l take the laptop's · m type your own",
    ),
    "inbox.detail.keys.same_hetu": (
        "o pidä kaksi erillistä tietuetta · p yhdistä yhdeksi henkilöksi",
        "o behåll två separata poster · p slå ihop till en person",
        "o keep two separate records · p merge into one person",
    ),
    "inbox.detail.keys.other": (
        "o pidä toimiston · l ota kannettavan",
        "o behåll kontorets · l ta den bärbaras",
        "o keep the office's · l take the laptop's",
    ),
    "inbox.detail.keys.resolved": (
        "u peru henkilöiden yhdistäminen · r piilota ratkaistut",
        "u ångra sammanslagningen · r dölj lösta",
        "u undo the merge · r hide resolved",
    ),
    # The kinds, in words.
    "inbox.kind.field": ("Muutettu molemmissa", "Ändrad på båda", "Changed on both"),
    "inbox.kind.edit_deleted": (
        "Muokattu kannettavalla, poistettu toimistolla",
        "Ändrad på bärbara, borttagen på kontoret",
        "Edited on the laptop, deleted at the office",
    ),
    "inbox.kind.deleted_edited": (
        "Poistettu kannettavalla, muokattu toimistolla",
        "Borttagen på bärbara, ändrad på kontoret",
        "Deleted on the laptop, edited at the office",
    ),
    "inbox.kind.same_hetu": (
        "Sama henkilötunnus kahdella",
        "Samma personbeteckning på två",
        "One HETU on two records",
    ),
    "inbox.kind.parent_deleted": (
        "Uusi rivi poistetun alle",
        "Ny rad under en borttagen",
        "New row under a deleted one",
    ),
    "inbox.kind.double_booking": (
        "Päällekkäinen varaus",
        "Överlappande bokning",
        "Double booking",
    ),
    "inbox.kind.office_owned": (
        "Toimiston tietoa muutettu kannettavalla",
        "Kontorets uppgift ändrad på bärbara",
        "Office data changed on a laptop",
    ),
    "inbox.kind.rejected": (
        "Toimisto ei hyväksynyt",
        "Kontoret godtog inte",
        "Refused by the office",
    ),
    # How a conflict was resolved.
    "inbox.resolution.office": (
        "toimiston arvo pidetty",
        "kontorets värde behållet",
        "office kept",
    ),
    "inbox.resolution.laptop": (
        "kannettavan arvo otettu",
        "den bärbaras värde taget",
        "laptop taken",
    ),
    "inbox.resolution.merged": ("arvo kirjoitettu", "värde skrivet", "value typed"),
    "inbox.resolution.person_merged": (
        "henkilöt yhdistetty",
        "personer sammanslagna",
        "people merged",
    ),
    # Tables and columns in words (the common ones; others show their own names).
    "inbox.table.client": ("Asiakas", "Klient", "Client"),
    "inbox.table.service_path": ("Palvelupolku", "Servicestig", "Service path"),
    "inbox.table.path_step": ("Palvelupolun vaihe", "Servicestigens steg", "Path step"),
    "inbox.table.path_event": ("Palvelupolun tapahtuma", "Servicestigens händelse", "Path event"),
    "inbox.table.kompassi_reading": ("Kompassi-mittaus", "Kompassi-mätning", "Kompassi reading"),
    "inbox.table.kompassi_answer": ("Kompassi-vastaus", "Kompassi-svar", "Kompassi answer"),
    "inbox.table.kompassi_suggestion": (
        "Kompassi-ehdotus",
        "Kompassi-förslag",
        "Kompassi suggestion",
    ),
    "inbox.table.appointment": ("Ajanvaraus", "Bokning", "Appointment"),
    "inbox.table.appointment_change": ("Varauksen muutos", "Bokningsändring", "Booking change"),
    "inbox.table.group_seat": ("Ryhmäpaikka", "Gruppplats", "Group seat"),
    "inbox.table.visit": ("Asiointi", "Besök", "Visit"),
    "inbox.table.provider": ("Palveluntuottaja", "Tjänsteproducent", "Provider"),
    "inbox.table.staff": ("Henkilöstö", "Personal", "Staff"),
    "inbox.field.phone": ("puhelin", "telefon", "phone"),
    "inbox.field.email": ("sähköposti", "e-post", "email"),
    "inbox.field.hetu": ("henkilötunnus", "personbeteckning", "HETU"),
    "inbox.field.first_name": ("etunimi", "förnamn", "first name"),
    "inbox.field.last_name": ("sukunimi", "efternamn", "last name"),
    "inbox.field.birth_date": ("syntymäaika", "födelsedatum", "date of birth"),
    "inbox.field.municipality": ("kotikunta", "hemkommun", "municipality"),
    "inbox.field.mother_tongue": ("äidinkieli", "modersmål", "mother tongue"),
    "inbox.field.service_language": ("asiointikieli", "kontaktspråk", "service language"),
    "inbox.field.jobseeker_since": ("työnhakija alkaen", "arbetssökande sedan", "jobseeker since"),
    "inbox.field.coach_id": ("valmentaja", "coach", "coach"),
    "inbox.field.consent_notes": ("suostumukset", "samtycken", "consents"),
    "inbox.field.status": ("tila", "status", "status"),
    "inbox.field.starts_at": ("alkaa", "börjar", "starts"),
    "inbox.field.ends_at": ("päättyy", "slutar", "ends"),
    "inbox.field.room_id": ("huone", "rum", "room"),
    "inbox.field.note": ("muistiinpano", "anteckning", "note"),
    "inbox.field.goal": ("tavoite", "mål", "goal"),
    "inbox.field.outcome": ("tulos", "resultat", "outcome"),
    "inbox.field.planned_start": ("suunniteltu alku", "planerad start", "planned start"),
    "inbox.field.planned_end": ("suunniteltu loppu", "planerat slut", "planned end"),
    "inbox.field.score": ("arvio", "bedömning", "score"),
    "inbox.field.comment": ("kommentti", "kommentar", "comment"),
    "inbox.field.deleted_at": ("poistettu", "borttagen", "deleted"),
    # Keys that do not apply to the highlighted conflict.
    "inbox.nothing_chosen": (
        "Ei valittua ristiriitaa.",
        "Ingen konflikt vald.",
        "No conflict chosen.",
    ),
    "inbox.already_resolved": (
        "Tämä ristiriita on jo ratkaistu.",
        "Den här konflikten är redan löst.",
        "This conflict is already resolved.",
    ),
    "inbox.merge_value_only_field": (
        "Oman arvon voi kirjoittaa vain kenttään, jota on muutettu molemmissa (ei"
        " ajanvarauksen aikaan eikä viittaukseen).",
        "Ett eget värde kan bara skrivas i ett fält som ändrats på båda (inte en bokningstid"
        " eller en hänvisning).",
        "A value can be typed only for a field changed on both sides (not a booking's time"
        " or a reference).",
    ),
    "inbox.merge_people_only_hetu": (
        "Henkilöt yhdistetään vain, kun kahdella on sama henkilötunnus.",
        "Personer slås ihop bara när två har samma personbeteckning.",
        "People are merged only when two records share a HETU.",
    ),
    "inbox.undo_only_merged": (
        "Perua voi vain ratkaistun henkilöiden yhdistämisen.",
        "Bara en löst sammanslagning av personer kan ångras.",
        "Only a resolved merge of people can be undone.",
    ),
    "inbox.no_merge_found": (
        "Yhdistämistä ei löytynyt tai se on jo peruttu.",
        "Sammanslagningen hittades inte eller är redan ångrad.",
        "The merge was not found or is already undone.",
    ),
    # After a resolution.
    "inbox.done.office": ("Toimiston arvo pidetty.", "Kontorets värde behölls.", "Office kept."),
    "inbox.done.laptop": (
        "Kannettavan arvo otettu.",
        "Den bärbaras värde togs.",
        "Laptop's value taken.",
    ),
    "inbox.done.merged": ("Arvo tallennettu.", "Värdet sparat.", "Value saved."),
    "inbox.done.person_merged": (
        "Henkilöt yhdistetty: {name}.",
        "Personerna sammanslogs: {name}.",
        "People merged: {name}.",
    ),
    "inbox.done.undone": (
        "Yhdistäminen peruttu.",
        "Sammanslagningen ångrad.",
        "Merge undone.",
    ),
    # The screen's keys, as the footer shows them.
    "binding.inbox.office": ("Toimisto", "Kontoret", "Office"),
    "binding.inbox.laptop": ("Kannettava", "Bärbar", "Laptop"),
    "binding.inbox.value": ("Arvo", "Värde", "Value"),
    "binding.inbox.people": ("Yhdistä", "Slå ihop", "Merge"),
    "binding.inbox.undo": ("Peru", "Ångra", "Undo"),
    "binding.inbox.resolved": ("Ratkaistut", "Lösta", "Resolved"),
    "binding.inbox.back": ("Takaisin", "Tillbaka", "Back"),
    # The merged value dialog.
    "inbox.value_dialog.title": (
        "Yhdistetty arvo: {what}",
        "Sammanslaget värde: {what}",
        "Merged value: {what}",
    ),
    "inbox.value_dialog.field": ("Arvo", "Värde", "Value"),
    "inbox.value_dialog.hint": (
        "Enter tallentaa · Esc peruu",
        "Enter sparar · Esc avbryter",
        "Enter saves · Esc cancels",
    ),
    "binding.inbox.value_dialog.save": ("Tallenna", "Spara", "Save"),
    "binding.inbox.value_dialog.cancel": ("Peru", "Avbryt", "Cancel"),
    # The merge people dialog.
    "inbox.people.title": (
        "Yhdistä saman henkilön kaksi tietuetta",
        "Slå ihop samma persons två poster",
        "Merge one person's two records",
    ),
    "inbox.people.record": ("{number} · {where}", "{number} · {where}", "{number} · {where}"),
    "inbox.people.office": ("toimisto", "kontoret", "office"),
    "inbox.people.laptop": ("kannettava", "bärbar", "laptop"),
    "inbox.people.choose": (
        "Valitse säilytettävä: 1 tai 2, sitten Enter. Toisen käynnit, polut, mittaukset ja"
        " varaukset siirtyvät sille.",
        "Välj den som behålls: 1 eller 2, sedan Enter. Den andras besök, stigar, mätningar"
        " och bokningar flyttas dit.",
        "Choose the one to keep: 1 or 2, then Enter. The other's visits, paths, readings"
        " and appointments move to it.",
    ),
    "inbox.people.chosen": (
        "Säilytetään {number}: {name}. Enter yhdistää · Esc peruu",
        "{number} behålls: {name}. Enter slår ihop · Esc avbryter",
        "Keeping {number}: {name}. Enter merges · Esc cancels",
    ),
    "inbox.people.choose_first": (
        "Valitse ensin 1 tai 2.",
        "Välj först 1 eller 2.",
        "Choose 1 or 2 first.",
    ),
    "inbox.people.gone": ("(ei löydy)", "(finns inte)", "(not found)"),
    "binding.inbox.people.first": ("Pidä 1", "Behåll 1", "Keep 1"),
    "binding.inbox.people.second": ("Pidä 2", "Behåll 2", "Keep 2"),
    "binding.inbox.people.confirm": ("Yhdistä", "Slå ihop", "Merge"),
    "binding.inbox.people.cancel": ("Peru", "Avbryt", "Cancel"),
    # Undoing a merge.
    "inbox.undo.question": (
        "Perutaanko yhdistäminen? {kept} erotetaan taas kahdeksi tietueeksi.",
        "Ångra sammanslagningen? {kept} delas åter i två poster.",
        "Undo the merge? {kept} becomes two records again.",
    ),
    "inbox.undo.yes": ("Enter peru yhdistäminen", "Enter ångra", "Enter undo the merge"),
    "inbox.undo.no": ("Esc älä peru", "Esc ångra inte", "Esc keep it"),
    "binding.inbox.undo.yes": ("Peru yhdistäminen", "Ångra", "Undo"),
    "binding.inbox.undo.no": ("Älä peru", "Ångra inte", "Keep"),
}
