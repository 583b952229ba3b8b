"""Texts of the laptops screen (F7): check-out, check-in and devices at the office, packing
on a laptop, and the app's laptop mode (the header's badge, the office's own keys)."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    # The work screen, its key and its palette verbs.
    "help.work.sync": ("kannettavat", "bärbara", "laptops"),
    "binding.app.sync": ("Kannettavat", "Bärbara", "Laptops"),
    "cmd.sync": ("Kannettavat", "Bärbara datorer", "Laptops"),
    "cmd.sync.help": (
        "Kannettavien otto mukaan ja palautus, laitteet; kannettavalla muutosten pakkaus",
        "Ta ut och checka in bärbara datorer, enheterna; på en bärbar packas ändringarna",
        "Check laptops out and in, the devices; on a laptop, pack the changes",
    ),
    "cmd.sync_pack": ("Pakkaa muutokset", "Packa ändringarna", "Pack the changes"),
    "cmd.sync_pack.help": (
        "Kirjoita kannettavan muutokset pakettiin, joka viedään toimistolle",
        "Skriv den bärbaras ändringar i ett paket som tas till kontoret",
        "Write this laptop's changes to a bundle to take to the office",
    ),
    "sync.not_allowed": (
        "Kannettavat ovat valmentajan ja ylläpitäjän",
        "Bärbara datorer hör till coacher och administratörer",
        "Laptops are for coaches and admins",
    ),
    "sync.help": (
        "Kannettavat (F7): toimistolla ylläpitäjä: c ottaa valmentajan kannettavan mukaan, "
        "i palauttaa paketin (ensin koeajo, Enter ottaa käyttöön), x poistaa valitun "
        "kannettavan käytöstä. Kannettavalla valmentaja: k pakkaa muutokset. "
        "Ristiriidat: F6.",
        "Bärbara (F7): på kontoret administratören: c tar ut en coachs bärbara, i checkar in "
        "ett paket (först en provkörning, Enter verkställer), x spärrar den valda bärbara. "
        "På en bärbar coachen: k packar ändringarna. Konflikter: F6.",
        "Laptops (F7): at the office, the admin: c checks out a coach's laptop, i checks in a "
        "bundle (a dry run first, Enter applies), x revokes the highlighted laptop. On a "
        "laptop, the coach: k packs the changes. Conflicts: F6.",
    ),
    "binding.sync.checkout": ("Mukaan", "Ta ut", "Check out"),
    "binding.sync.checkin": ("Palauta", "Checka in", "Check in"),
    "binding.sync.revoke": ("Poista käytöstä", "Spärra", "Revoke"),
    "binding.sync.pack": ("Pakkaa", "Packa", "Pack"),
    "binding.sync.back": ("Takaisin", "Tillbaka", "Back"),
    # The office's list of laptops.
    "laptops.title": ("Kannettavat", "Bärbara datorer", "Laptops"),
    "laptops.col.label": ("Nimi", "Namn", "Label"),
    "laptops.col.coach": ("Valmentaja", "Coach", "Coach"),
    "laptops.col.checked_out": ("Otettu", "Uttagen", "Checked out"),
    "laptops.col.last_checkin": ("Palautettu", "Incheckad", "Last check-in"),
    "laptops.col.conflicts": ("Ristiriidat", "Konflikter", "Conflicts"),
    "laptops.col.state": ("Tila", "Läge", "State"),
    # Sent out and not back yet; revoked; checked in since its last check-out.
    "laptops.pending": ("● odottaa", "● väntar", "● pending"),
    "laptops.revoked": ("✗ poistettu", "✗ spärrad", "✗ revoked"),
    "laptops.in_step": ("✓ palautettu", "✓ incheckad", "✓ checked in"),
    "laptops.none": (
        "Ei kannettavia. c ottaa valmentajan kannettavan mukaan.",
        "Inga bärbara. c tar ut en coachs bärbara.",
        "No laptops. c checks out a coach's laptop.",
    ),
    "laptops.hint": (
        "c mukaan · i palauta · x poista käytöstä · F6 ristiriidat · Esc takaisin",
        "c ta ut · i checka in · x spärra · F6 konflikter · Esc tillbaka",
        "c check out · i check in · x revoke · F6 conflicts · Esc back",
    ),
    "laptops.coach_at_office": (
        "Kannettavan ottaa mukaan ja palauttaa ylläpitäjä. Omat ristiriitasi: F6.",
        "Administratören tar ut och checkar in bärbara. Dina konflikter: F6.",
        "An admin checks laptops out and in. Your conflicts: F6.",
    ),
    "laptops.no_device": (
        "Valitse ensin kannettava listasta.",
        "Välj först en bärbar i listan.",
        "Choose a laptop in the list first.",
    ),
    "laptops.already_revoked": (
        "Kannettava on jo poistettu käytöstä {date}.",
        "Den bärbara spärrades redan {date}.",
        "That laptop was revoked on {date} already.",
    ),
    # The laptop's own view.
    "laptop.badge": (
        "Kannettava · {coach} · otettu {date}",
        "Bärbar · {coach} · uttagen {date}",
        "Laptop · {coach} · checked out {date}",
    ),
    "laptop.badge.blanked": ("Kannettava", "Bärbar", "Laptop"),
    "laptop.office_only": (
        "Toimiston oma ({name}): ei käytössä kannettavalla.",
        "Kontorets egen ({name}): används inte på en bärbar.",
        "The office's own ({name}): not used on a laptop.",
    ),
    "laptop.title": ("Tämä kannettava", "Den här bärbara", "This laptop"),
    "laptop.coach": ("Valmentaja: {name}", "Coach: {name}", "Coach: {name}"),
    "laptop.cut_at": (
        "Otettu toimistolta: {when}",
        "Uttagen från kontoret: {when}",
        "Checked out of the office: {when}",
    ),
    "laptop.window": (
        "Ajanvaraukset {first}–{last}",
        "Bokningar {first}–{last}",
        "Appointments {first}–{last}",
    ),
    "laptop.packed": ("Viimeksi pakattu: {when}", "Senast packad: {when}", "Last packed: {when}"),
    "laptop.never_packed": ("Ei vielä pakattu", "Inte packad ännu", "Not packed yet"),
    "laptop.counting": (
        "Pakkaamattomia muutoksia lasketaan …",
        "Opackade ändringar räknas …",
        "Counting the changes not packed yet …",
    ),
    "laptop.unpacked": (
        "Pakkaamattomia muutoksia: {count}",
        "Opackade ändringar: {count}",
        "Changes not packed yet: {count}",
    ),
    "laptop.hint": (
        "k pakkaa muutokset toimistolle vietäväksi · F6 ristiriidat · Esc takaisin",
        "k packar ändringarna för kontoret · F6 konflikter · Esc tillbaka",
        "k packs the changes for the office · F6 conflicts · Esc back",
    ),
    "laptop.not_coach": (
        "Muutokset pakkaa kannettavan valmentaja.",
        "Den bärbaras coach packar ändringarna.",
        "The laptop's coach packs its changes.",
    ),
    # Dialogs: what every one of them shares.
    "sync_dialog.path_empty": (
        "Kirjoita tiedoston polku",
        "Skriv filens sökväg",
        "Type the file's path",
    ),
    "sync_dialog.exists": (
        "Tiedosto on jo olemassa: {path}",
        "Filen finns redan: {path}",
        "The file exists already: {path}",
    ),
    "sync_dialog.working": ("Hetki …", "Ett ögonblick …", "Working …"),
    # Check-out.
    "sync_checkout.title": (
        "Ota kannettava mukaan",
        "Ta ut en bärbar",
        "Check out a laptop",
    ),
    "sync_checkout.coach": ("Valmentaja", "Coach", "Coach"),
    "sync_checkout.label": ("Kannettavan nimi", "Den bärbaras namn", "Laptop's label"),
    "sync_checkout.label_example": ("esim. Läppäri 3", "t.ex. Laptop 3", "say, Laptop 3"),
    "sync_checkout.path": ("Tiedosto", "Fil", "File"),
    "sync_checkout.no_coaches": (
        "Ei aktiivisia valmentajia",
        "Inga aktiva coacher",
        "No active coaches",
    ),
    "sync_checkout.pick_coach": ("Valitse valmentaja", "Välj en coach", "Choose a coach"),
    "sync_checkout.hint": (
        "Valmentajan asiakkaat, polut ja ajanvaraukset 4 viikkoa taakse ja 8 eteen. "
        "Enter kirjoittaa · Esc peruu",
        "Coachens klienter, vägar och bokningar 4 veckor bakåt och 8 framåt. "
        "Enter skriver · Esc avbryter",
        "The coach's clients, paths and appointments 4 weeks back and 8 ahead. "
        "Enter writes · Esc cancels",
    ),
    "sync_checkout.done": (
        "{coach}: kannettava otettu mukaan (asiakkaita {clients}). Kopioi kannettavalle:",
        "{coach}: den bärbara uttagen (klienter: {clients}). Kopiera till den bärbara:",
        "{coach}: laptop checked out (clients: {clients}). Copy to the laptop:",
    ),
    # Check-in.
    "sync_checkin.title": ("Palauta paketti", "Checka in ett paket", "Check in a bundle"),
    "sync_checkin.path": ("Paketti", "Paket", "Bundle"),
    "sync_checkin.hint": (
        "Enter: koeajo (mitään ei vielä kirjoiteta) · Esc peruu",
        "Enter: provkörning (inget skrivs ännu) · Esc avbryter",
        "Enter: a dry run (nothing written yet) · Esc cancels",
    ),
    "sync_checkin.dry_run": (
        "Koeajo, {coach}, pakattu {when}: mitään ei ole vielä kirjoitettu.",
        "Provkörning, {coach}, packad {when}: inget har skrivits ännu.",
        "Dry run, {coach}, packed {when}: nothing has been written yet.",
    ),
    "sync_checkin.table": (
        "{table}: {inserted} uutta, {updated} muutettua, {deleted} poistettua",
        "{table}: {inserted} nya, {updated} ändrade, {deleted} raderade",
        "{table}: {inserted} new, {updated} changed, {deleted} deleted",
    ),
    # The tables a coach changes on a laptop, as the dry run names them (others by name).
    "laptops.table.client": ("Asiakkaat", "Klienter", "Clients"),
    "laptops.table.visit": ("Käynnit", "Besök", "Visits"),
    "laptops.table.service_path": ("Palvelupolut", "Servicevägar", "Service paths"),
    "laptops.table.path_step": ("Polun vaiheet", "Vägens steg", "Path steps"),
    "laptops.table.path_event": ("Polun tapahtumat", "Vägens händelser", "Path events"),
    "laptops.table.kompassi_reading": (
        "Kompassi-arviot",
        "Kompassi-bedömningar",
        "Kompassi readings",
    ),
    "laptops.table.kompassi_answer": ("Kompassi-vastaukset", "Kompassi-svar", "Kompassi answers"),
    "laptops.table.kompassi_suggestion": (
        "Kompassi-ehdotukset",
        "Kompassi-förslag",
        "Kompassi suggestions",
    ),
    "laptops.table.appointment": ("Ajanvaraukset", "Bokningar", "Appointments"),
    "laptops.table.appointment_change": (
        "Varausten muutokset",
        "Bokningsändringar",
        "Appointment changes",
    ),
    "laptops.table.group_session": ("Ryhmät", "Grupper", "Group sessions"),
    "laptops.table.group_seat": ("Ryhmäpaikat", "Gruppplatser", "Group seats"),
    "laptops.table.absence": ("Poissaolot", "Frånvaro", "Absences"),
    "laptops.table.working_hours": ("Työajat", "Arbetstider", "Working hours"),
    "sync_checkin.nothing": ("Ei muutoksia.", "Inga ändringar.", "No changes."),
    "sync_checkin.merged": (
        "Kenttiä yhdistyy itsestään: {count}",
        "Fält som slås ihop av sig själva: {count}",
        "Fields merged by themselves: {count}",
    ),
    "sync_checkin.conflicts": (
        "Ristiriitoja: {count} (toimiston arvo jää voimaan; ne menevät saapuneisiin, F6)",
        "Konflikter: {count} (kontorets värde står kvar; de går till inkorgen, F6)",
        "Conflicts: {count} (the office's value stays; they go to the inbox, F6)",
    ),
    "sync_checkin.conflict": (
        "⚠ {kind}: {table} {where}",
        "⚠ {kind}: {table} {where}",
        "⚠ {kind}: {table} {where}",
    ),
    "sync_checkin.known": (
        "Jo saapuneissa: {count}",
        "Redan i inkorgen: {count}",
        "Already in the inbox: {count}",
    ),
    "sync_checkin.audit": (
        "Lokitapahtumia lisätään: {count}",
        "Logghändelser läggs till: {count}",
        "Access-log events appended: {count}",
    ),
    "sync_checkin.already": (
        "Tämä paketti on jo palautettu: mitään ei kirjoiteta.",
        "Det här paketet är redan incheckat: inget skrivs.",
        "This bundle was checked in already: nothing is written.",
    ),
    "sync_checkin.close": (
        "Enter tai Esc sulkee",
        "Enter eller Esc stänger",
        "Enter or Esc closes",
    ),
    "sync_checkin.confirm": (
        "Enter ottaa muutokset käyttöön · Esc peruu",
        "Enter verkställer ändringarna · Esc avbryter",
        "Enter applies the changes · Esc cancels",
    ),
    "sync_checkin.done": (
        "Paketti palautettu. Muutoksia: {changes}, ristiriitoja: {conflicts}. Saapuneissa "
        "avoimia ristiriitoja: {open} (F6).",
        "Paketet incheckat. Ändringar: {changes}, konflikter: {conflicts}. Öppna konflikter "
        "i inkorgen: {open} (F6).",
        "Bundle checked in. Changes: {changes}, conflicts: {conflicts}. Open conflicts in "
        "the inbox: {open} (F6).",
    ),
    "sync_checkin.refreshed": (
        "Päivitetty kannettavan tiedosto (kopioi kannettavalle):",
        "Uppdaterad fil för den bärbara (kopiera till den bärbara):",
        "Refreshed check-out (copy to the laptop):",
    ),
    "sync_checkin.refresh_failed": (
        "⚠ Päivitettyä kannettavan tiedostoa ei voitu kirjoittaa: {reason}",
        "⚠ Den uppdaterade filen för den bärbara kunde inte skrivas: {reason}",
        "⚠ The refreshed check-out could not be written: {reason}",
    ),
    "sync_kind.field": (
        "sama kenttä muutettu molemmissa",
        "samma fält ändrat på båda",
        "same field changed on both",
    ),
    "sync_kind.edit_deleted": (
        "muokattu, toimisto poisti",
        "ändrad, kontoret raderade",
        "edited, the office deleted it",
    ),
    "sync_kind.deleted_edited": (
        "poistettu, toimisto muokkasi",
        "raderad, kontoret ändrade",
        "deleted, the office edited it",
    ),
    "sync_kind.same_hetu": ("sama henkilötunnus", "samma personbeteckning", "same HETU"),
    "sync_kind.parent_deleted": (
        "toimisto poisti ylemmän rivin",
        "kontoret raderade överordnad rad",
        "the office deleted its parent",
    ),
    "sync_kind.double_booking": ("päällekkäinen varaus", "dubbelbokning", "double booking"),
    "sync_kind.office_owned": ("toimiston tietoa", "kontorets uppgift", "the office's data"),
    "sync_kind.rejected": ("toimisto ei hyväksy", "kontoret godtar inte", "refused by the office"),
    # Revoke.
    "sync_revoke.title": (
        "Poista kannettava käytöstä: {label}",
        "Spärra den bärbara: {label}",
        "Revoke the laptop: {label}",
    ),
    "sync_revoke.what": (
        "{coach}. Sen paketteja ei oteta enää vastaan. Tätä ei voi perua.",
        "{coach}. Dess paket tas inte längre emot. Det kan inte ångras.",
        "{coach}. Its bundles are refused from now on. This cannot be undone.",
    ),
    "sync_revoke.reason": ("Syy", "Orsak", "Reason"),
    "sync_revoke.reason_empty": (
        "Kirjoita syy (esim. kadonnut)",
        "Skriv orsaken (t.ex. borttappad)",
        "Type the reason (say, lost)",
    ),
    "sync_revoke.hint": (
        "Enter poistaa käytöstä · Esc peruu",
        "Enter spärrar · Esc avbryter",
        "Enter revokes · Esc cancels",
    ),
    "sync_revoke.done": (
        "{label} poistettu käytöstä. Viimeksi palautettu: {last}.",
        "{label} spärrad. Senast incheckad: {last}.",
        "{label} revoked. Last checked in: {last}.",
    ),
    "sync_revoke.never": ("ei koskaan", "aldrig", "never"),
    "sync_revoke.unsent": (
        "Palauttamatta jäivät kaikki muutokset {since} jälkeen.",
        "Alla ändringar efter {since} checkades aldrig in.",
        "Every change after {since} was never checked in.",
    ),
    "sync_revoke.clients": (
        "Asiakkaita, joiden tiedot olivat kannettavalla ({count}): {names}",
        "Klienter vars uppgifter fanns på den bärbara ({count}): {names}",
        "Clients whose data the laptop held ({count}): {names}",
    ),
    # Pack.
    "sync_pack.title": ("Pakkaa muutokset", "Packa ändringarna", "Pack the changes"),
    "sync_pack.path": ("Paketti", "Paket", "Bundle"),
    "sync_pack.hint": (
        "Paketissa on kaikki muutokset kannettavan ottamisesta asti. Enter kirjoittaa · Esc peruu",
        "Paketet har alla ändringar sedan den bärbara togs ut. Enter skriver · Esc avbryter",
        "The bundle holds every change since the laptop was checked out. Enter writes · "
        "Esc cancels",
    ),
    "sync_pack.done.one": (
        "Paketti kirjoitettu ({count} muutos): {path}. Vie se toimistolle.",
        "Paketet skrivet ({count} ändring): {path}. Ta det till kontoret.",
        "Bundle written ({count} change): {path}. Take it to the office.",
    ),
    "sync_pack.done.other": (
        "Paketti kirjoitettu ({count} muutosta): {path}. Vie se toimistolle.",
        "Paketet skrivet ({count} ändringar): {path}. Ta det till kontoret.",
        "Bundle written ({count} changes): {path}. Take it to the office.",
    ),
}
