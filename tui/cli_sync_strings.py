"""Texts of `luotsi sync`: its help and what its commands print (the refusals are the
`sync.error.*` texts in screens/sync/error_strings.py)."""

from __future__ import annotations

from .cli_sync_help import HELP

KINDS: dict[str, tuple[str, str, str]] = {
    "cli.sync.kind.field": ("kenttä", "fält", "field"),
    "cli.sync.kind.edit_deleted": (
        "muokattu, toimistolla poistettu",
        "ändrad, raderad på kontoret",
        "edited, deleted at the office",
    ),
    "cli.sync.kind.deleted_edited": (
        "poistettu, toimistolla muokattu",
        "raderad, ändrad på kontoret",
        "deleted, edited at the office",
    ),
    "cli.sync.kind.same_hetu": ("sama hetu", "samma personbeteckning", "same HETU"),
    "cli.sync.kind.parent_deleted": (
        "ylempi tieto poistettu",
        "överordnad uppgift raderad",
        "parent deleted",
    ),
    "cli.sync.kind.double_booking": ("päällekkäinen varaus", "dubbelbokning", "double booking"),
    "cli.sync.kind.office_owned": (
        "vain toimisto muuttaa",
        "bara kontoret ändrar",
        "office-owned",
    ),
    "cli.sync.kind.rejected": ("hylätty", "avvisad", "rejected"),
    "cli.sync.resolution.office": ("toimiston arvo", "kontorets värde", "office kept"),
    "cli.sync.resolution.laptop": ("kannettavan arvo", "datorns värde", "laptop taken"),
    "cli.sync.resolution.merged": ("uusi arvo", "nytt värde", "new value"),
    "cli.sync.resolution.person_merged": (
        "tiedot yhdistetty",
        "uppgifter sammanslagna",
        "records merged",
    ),
}

STRINGS: dict[str, tuple[str, str, str]] = {
    **HELP,
    **KINDS,
    "cli.sync.admin_only": (
        "käyttäjä {username} ei saa luovuttaa, palauttaa eikä hallita kannettavia (vain"
        " pääkäyttäjä)",
        "användaren {username} får inte lämna ut, ta emot eller hantera bärbara datorer"
        " (endast admin)",
        "{username} may not check laptops out or in, nor manage them (admins only)",
    ),
    "cli.sync.coach_only": (
        "käyttäjä {username} ei saa pakata (vain kannettavan valmentaja)",
        "användaren {username} får inte packa (bara den bärbara datorns coach)",
        "{username} may not pack a bundle (the laptop's coach only)",
    ),
    "cli.sync.inbox_not_allowed": (
        "käyttäjä {username} ei näe ristiriitoja (vain valmentajat ja pääkäyttäjät)",
        "användaren {username} ser inte konflikterna (endast coacher och admin)",
        "{username} may not see the conflicts (coaches and admins only)",
    ),
    "cli.sync.unknown_coach": (
        "käyttäjää {username} ei ole",
        "användaren {username} finns inte",
        "there is no user {username}",
    ),
    "cli.sync.checkout.done": (
        "Kannettava {device} luovutettu valmentajalle {coach}. Asiakkaita: {clients};"
        " ajanvaraukset {start}–{end}.",
        "Den bärbara datorn {device} utlämnad till {coach}. Klienter: {clients};"
        " bokningar {start}–{end}.",
        "Laptop {device} checked out to {coach}. Clients: {clients}; appointments {start}–{end}.",
    ),
    "cli.sync.checkout.files": (
        "Kopioi kannettavalle nämä tiedostot (pidä ne yhdessä):",
        "Kopiera dessa filer till den bärbara datorn (håll dem tillsammans):",
        "Copy these files to the laptop (keep them together):",
    ),
    "cli.sync.checkout.encrypted": (
        "Salattu uudella avaimella: valmentajan oma salasana (ja palautusavain) avaa sen.",
        "Krypterad med en ny nyckel: coachens eget lösenord (och återställningsnyckeln)"
        " öppnar den.",
        "Encrypted with a new key: the coach's own password (and the recovery key) opens it.",
    ),
    "cli.sync.checkout.plain": (
        "Salaamaton (kuten toimiston tietokanta): vain kokeiluun.",
        "Okrypterad (som kontorets databas): bara för att prova.",
        "Not encrypted (as the office's database is not): for trying out only.",
    ),
    "cli.sync.rows": ("Rivejä tauluittain:", "Rader per tabell:", "Rows per table:"),
    "cli.sync.apply.head": (
        "Paketti {bundle} kannettavalta {device} ({coach}), pakattu {packed}",
        "Paket {bundle} från den bärbara datorn {device} ({coach}), packat {packed}",
        "Bundle {bundle} from laptop {device} ({coach}), packed {packed}",
    ),
    "cli.sync.apply.dry_run": (
        "Kokeiluajo: mitään ei kirjoitettu. Palautus tekisi näin:",
        "Provkörning: inget skrevs. Inlämningen skulle göra så här:",
        "Dry run: nothing was written. A check-in would do this:",
    ),
    "cli.sync.apply.already": (
        "Tämä paketti on jo otettu vastaan; mitään ei kirjoitettu.",
        "Det här paketet har redan tagits emot; inget skrevs.",
        "This bundle was checked in already; nothing was written.",
    ),
    "cli.sync.apply.no_changes": (
        "Kannettavalla ei ollut muutoksia.",
        "Den bärbara datorn hade inga ändringar.",
        "The laptop had no changes.",
    ),
    "cli.sync.apply.table": (
        "  {table}: lisätty {inserted}, muutettu {updated}, poistettu {deleted}",
        "  {table}: tillagda {inserted}, ändrade {updated}, raderade {deleted}",
        "  {table}: added {inserted}, changed {updated}, removed {deleted}",
    ),
    "cli.sync.apply.merged": (
        "Kannettavalta otetut kentät: {count}",
        "Fält tagna från datorn: {count}",
        "Fields taken from the laptop: {count}",
    ),
    "cli.sync.apply.conflicts": (
        "Ristiriitoja ratkaistavaksi: {count} (luotsi sync conflicts)",
        "Konflikter att lösa: {count} (luotsi sync conflicts)",
        "Conflicts to resolve: {count} (luotsi sync conflicts)",
    ),
    "cli.sync.conflict.values": (
        "pohja {base} → toimisto {office} | kannettava {laptop}",
        "bas {base} → kontoret {office} | datorn {laptop}",
        "base {base} → office {office} | laptop {laptop}",
    ),
    "cli.sync.apply.known": (
        "Jo aiemmin kirjattuja ristiriitoja: {count}",
        "Konflikter som redan registrerats: {count}",
        "Conflicts recorded already: {count}",
    ),
    "cli.sync.apply.audit": (
        "Kannettavan käyttölokitapahtumia lisätty: {count}",
        "Händelser från datorns logg tillagda: {count}",
        "Access-log events added from the laptop: {count}",
    ),
    "cli.sync.apply.refreshed": (
        "Kannettavan uusi luovutus kirjoitettu; kopioi tiedostot kannettavalle ja aja"
        " siellä luotsi sync receive:",
        "Datorns nya utlämning skrevs; kopiera filerna till datorn och kör där luotsi sync"
        " receive:",
        "The laptop's new check-out is written; copy the files to the laptop and run"
        " luotsi sync receive there:",
    ),
    "cli.sync.pack.done": (
        "Siirtopaketti kirjoitettu: {path}. Muutoksia: {changes}; lokitapahtumia: {audit}.",
        "Paketet skrevs: {path}. Ändringar: {changes}; logghändelser: {audit}.",
        "Bundle written: {path}. Changes: {changes}; access-log events: {audit}.",
    ),
    "cli.sync.pack.next": (
        "Vie se toimistoon; pääkäyttäjä ottaa sen vastaan komennolla luotsi sync apply.",
        "Ta det till kontoret; admin tar emot det med luotsi sync apply.",
        "Take it to the office; an admin checks it in with luotsi sync apply.",
    ),
    "cli.sync.receive.done": (
        "Uusi luovutus on käytössä: {path}",
        "Den nya utlämningen används nu: {path}",
        "The new check-out is in place: {path}",
    ),
    "cli.sync.devices.none": (
        "Yhtään kannettavaa ei ole luovutettu.",
        "Inga bärbara datorer har lämnats ut.",
        "No laptop has been checked out.",
    ),
    "cli.sync.column.id": ("tunniste", "id", "id"),
    "cli.sync.column.label": ("kannettava", "dator", "laptop"),
    "cli.sync.column.coach": ("valmentaja", "coach", "coach"),
    "cli.sync.column.checked_out": ("luovutettu", "utlämnad", "checked out"),
    "cli.sync.column.last_checkin": ("palautettu", "inlämnad", "last check-in"),
    "cli.sync.column.pending": ("odottaa", "väntar", "pending"),
    "cli.sync.column.conflicts": ("ristiriitoja", "konflikter", "open conflicts"),
    "cli.sync.column.revoked": ("mitätöity", "spärrad", "revoked"),
    "cli.sync.open": ("avoin", "öppen", "open"),
    "cli.sync.yes": ("kyllä", "ja", "yes"),
    "cli.sync.no": ("ei", "nej", "no"),
    "cli.sync.never": ("ei koskaan", "aldrig", "never"),
    "cli.sync.revoke.done": (
        "Kannettava {name} mitätöity: sen paketteja ei enää oteta vastaan (kirjattu lokiin).",
        "Den bärbara datorn {name} spärrad: dess paket tas inte längre emot (loggat).",
        "Laptop {name} revoked: its bundles are refused from now on (logged).",
    ),
    "cli.sync.revoke.checkout": (
        "Siinä on valmentajan {coach} luovutus {checked_out} (ajanvaraukset {start}–{end}).",
        "Den har coachen {coach}s utlämning {checked_out} (bokningar {start}–{end}).",
        "It holds {coach}'s check-out of {checked_out} (appointments {start}–{end}).",
    ),
    "cli.sync.revoke.last_checkin": (
        "Viimeksi palautettu: {when}",
        "Senast inlämnad: {when}",
        "Last check-in: {when}",
    ),
    "cli.sync.revoke.lost": (
        "Menetetty: kaikki kannettavalla {since} jälkeen tehdyt muutokset.",
        "Förlorat: alla ändringar som gjorts på datorn efter {since}.",
        "Lost: every change made on the laptop since {since}.",
    ),
    "cli.sync.revoke.clients": (
        "Asiakkaat, joiden tietoja kannettavalla oli ({count}):",
        "Klienter vars uppgifter fanns på datorn ({count}):",
        "Clients whose data was on it ({count}):",
    ),
    "cli.sync.conflicts.none": (
        "Ei avoimia ristiriitoja.",
        "Inga öppna konflikter.",
        "No open conflicts.",
    ),
    "cli.sync.conflicts.none_at_all": (
        "Ei ristiriitoja.",
        "Inga konflikter.",
        "No conflicts.",
    ),
    "cli.sync.no_conflict": (
        "Ristiriitaa {id} ei ole (tai et näe sitä)",
        "Ingen konflikt {id} (eller så ser du den inte)",
        "There is no conflict {id} (or you may not see it)",
    ),
    "cli.sync.conflict_ambiguous": (
        "Useampi ristiriita alkaa {id}; anna tunnistetta pidemmälle",
        "Flera konflikter börjar med {id}; ange mer av id",
        "Several conflicts start with {id}; give more of the id",
    ),
    "cli.sync.resolve.choose": (
        "anna joko --keep office|laptop tai --value TEKSTI",
        "ange antingen --keep office|laptop eller --value TEXT",
        "give either --keep office|laptop or --value TEXT",
    ),
    "cli.sync.resolve.done": (
        "Ristiriita {id} ratkaistu: {resolution} (kirjattu lokiin).",
        "Konflikten {id} löst: {resolution} (loggat).",
        "Conflict {id} resolved: {resolution} (logged).",
    ),
    "cli.sync.merge.not_same_hetu": (
        "Ristiriita {id} ei ole saman henkilötunnuksen ristiriita; yhdistää voi vain niitä",
        "Konflikten {id} gäller inte samma personbeteckning; bara sådana slås ihop",
        "Conflict {id} is not a same-HETU conflict; only those merge two records",
    ),
    "cli.sync.merge.which": (
        "--keep on office, laptop tai toisen asiakkaan tunnisteen alku: {choices}",
        "--keep är office, laptop eller början av en av klienternas id: {choices}",
        "--keep is office, laptop, or the start of one of the clients' ids: {choices}",
    ),
    "cli.sync.merge.done": (
        "Asiakastiedot yhdistetty: {client} säilyy (yhdistäminen {merge}; peru: luotsi"
        " sync unmerge {merge}).",
        "Klientuppgifterna sammanslagna: {client} behålls (sammanslagning {merge}; ångra:"
        " luotsi sync unmerge {merge}).",
        "Records merged: {client} is kept (merge {merge}; undo: luotsi sync unmerge {merge}).",
    ),
    "cli.sync.no_merge": (
        "Yhdistämistä {merge} ei ole (tai et voi perua sitä)",
        "Ingen sammanslagning {merge} (eller så får du inte ångra den)",
        "There is no merge {merge} (or you may not undo it)",
    ),
    "cli.sync.unmerge.done": (
        "Yhdistäminen {merge} peruttu: molemmat asiakastiedot ovat taas erillään.",
        "Sammanslagningen {merge} ångrad: båda klientuppgifterna är åter separata.",
        "Merge {merge} undone: the two records are separate again.",
    ),
}
