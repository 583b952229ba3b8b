"""Help texts of `luotsi sync` and its commands, in fi, sv and en."""

from __future__ import annotations

from store.core.i18n import in_language

from .cli_help import HELP_LANGUAGE

HELP: dict[str, tuple[str, str, str]] = {
    "help.sync": (
        "Kannettavat ilman verkkoa: luovutus, siirtopaketit, palautus ja ristiriidat.",
        "Bärbara datorer utan nät: utlämning, överföringspaket, inlämning och konflikter.",
        "Offline laptops: check-outs, bundles, check-ins and conflicts.",
    ),
    "help.sync.checkout": (
        "Luovuta valmentajalle kannettavan tietokanta (hänen asiakkaansa ja ajanvarauksensa;"
        " vain pääkäyttäjä; kirjataan lokiin).",
        "Lämna ut en bärbar dators databas till en coach (hens klienter och bokningar;"
        " endast admin; loggas).",
        "Check out a laptop database to a coach (their clients and bookings; admins only; logged).",
    ),
    "help.sync.coach": (
        "Valmentajan käyttäjätunnus.",
        "Coachens användarnamn.",
        "The coach's username.",
    ),
    "help.sync.checkout_out": (
        "Uusi tiedosto kannettavalle (ei saa olla olemassa); avain- ja pohjatiedosto viereen.",
        "En ny fil för den bärbara datorn (får inte finnas); nyckel- och basfil bredvid.",
        "A new file for the laptop (must not exist); its key and base files go beside it.",
    ),
    "help.sync.label": (
        "Kannettavan nimi listoihin, esim. tarran teksti.",
        "Den bärbara datorns namn i listor, t.ex. texten på etiketten.",
        "The laptop's name in lists, e.g. what its sticker says.",
    ),
    "help.sync.apply": (
        "Ota vastaan kannettavan siirtopaketti ja kirjoita kannettavalle uusi luovutus"
        " (vain pääkäyttäjä; kirjataan lokiin).",
        "Ta emot en bärbar dators överföringspaket och skriv en ny utlämning till den"
        " (endast admin; loggas).",
        "Check in a laptop's bundle, then write a new check-out for the laptop (admins"
        " only; logged).",
    ),
    "help.sync.bundle": (
        "Kannettavalla pakattu siirtopaketti.",
        "Överföringspaketet som packades på den bärbara datorn.",
        "The bundle packed on the laptop.",
    ),
    "help.sync.dry_run": (
        "Näytä mitä tapahtuisi; mitään ei kirjoiteta.",
        "Visa vad som skulle hända; inget skrivs.",
        "Show what would happen; nothing is written.",
    ),
    "help.sync.apply_out": (
        "Uuden luovutuksen tiedosto; oletus paketin vieressä <tunnus>-<pvm>.luotsi.",
        "Den nya utlämningens fil; standard bredvid paketet <användare>-<datum>.luotsi.",
        "The new check-out's file; default beside the bundle, <username>-<date>.luotsi.",
    ),
    "help.sync.pack": (
        "Pakkaa kannettavan muutokset siirtopaketiksi toimistolle (valmentaja, kannettavalla).",
        "Packa den bärbara datorns ändringar till ett paket för kontoret (coach, på datorn).",
        "Pack the laptop's changes into a bundle for the office (the coach, on the laptop).",
    ),
    "help.sync.pack_out": (
        "Uusi siirtopakettitiedosto (ei saa olla olemassa).",
        "En ny paketfil (får inte finnas).",
        "A new bundle file (must not exist).",
    ),
    "help.sync.receive": (
        "Ota kannettavalla käyttöön toimiston uusi luovutus (--db on kannettavan tietokanta;"
        " Luotsi suljettuna).",
        "Ta i bruk kontorets nya utlämning på den bärbara datorn (--db är datorns databas;"
        " Luotsi stängd).",
        "Put the office's new check-out in place on the laptop (--db is the laptop's"
        " database; Luotsi closed).",
    ),
    "help.sync.checkout_file": (
        "Toimiston kirjoittama luovutustiedosto (avain- ja pohjatiedosto vieressä).",
        "Utlämningsfilen kontoret skrev (nyckel- och basfil bredvid).",
        "The check-out file the office wrote (its key and base files beside it).",
    ),
    "help.sync.conflicts": (
        "Näytä ristiriidat, jotka odottavat ratkaisua (valmentaja: omien asiakkaiden).",
        "Visa konflikter som väntar på beslut (coach: de egna klienternas).",
        "List the conflicts waiting for a decision (a coach: their own clients').",
    ),
    "help.sync.all": (
        "Myös ratkaistut.",
        "Även lösta.",
        "Resolved ones too.",
    ),
    "help.sync.resolve": (
        "Ratkaise ristiriita: pidä toimiston tai kannettavan arvo, tai anna uusi arvo.",
        "Lös en konflikt: behåll kontorets eller datorns värde, eller ange ett nytt.",
        "Resolve a conflict: keep the office's or the laptop's value, or give a new one.",
    ),
    "help.sync.conflict_id": (
        "Ristiriidan tunniste (alku riittää, väh. 6 merkkiä).",
        "Konfliktens id (början räcker, minst 6 tecken).",
        "The conflict's id (its start will do, 6 characters or more).",
    ),
    "help.sync.keep": (
        "office = toimiston arvo jää, laptop = kannettavan arvo.",
        "office = kontorets värde, laptop = datorns värde.",
        "office = the office's value stays, laptop = the laptop's value.",
    ),
    "help.sync.value": (
        "Kenttään kirjoitettava uusi arvo (kenttäristiriidat).",
        "Nytt värde för fältet (fältkonflikter).",
        "A new value for the field (field conflicts).",
    ),
    "help.sync.merge": (
        "Yhdistä saman henkilötunnuksen kaksi asiakastietoa yhdeksi.",
        "Slå ihop två klientuppgifter med samma personbeteckning.",
        "Merge two client records with the same HETU into one.",
    ),
    "help.sync.keep_client": (
        "Säilytettävä tieto: office, laptop tai asiakkaan tunnisteen alku.",
        "Uppgiften som behålls: office, laptop eller början av klientens id.",
        "The record to keep: office, laptop, or the start of the client's id.",
    ),
    "help.sync.unmerge": (
        "Peru asiakastietojen yhdistäminen.",
        "Ångra en sammanslagning av klientuppgifter.",
        "Undo a merge of two client records.",
    ),
    "help.sync.merge_id": (
        "Yhdistämisen tunniste (sen tulosti sync merge).",
        "Sammanslagningens id (sync merge skrev ut det).",
        "The merge's id (sync merge printed it).",
    ),
    "help.sync.devices": (
        "Luovutetut kannettavat ja niiden tila (vain pääkäyttäjä).",
        "Utlämnade bärbara datorer och deras läge (endast admin).",
        "The laptops checked out, and how each stands (admins only).",
    ),
    "help.sync.revoke": (
        "Mitätöi kadonnut kannettava: sen paketteja ei enää oteta vastaan (vain"
        " pääkäyttäjä; kirjataan lokiin).",
        "Spärra en förlorad bärbar dator: dess paket tas inte längre emot (endast admin; loggas).",
        "Revoke a lost laptop: its bundles are refused from now on (admins only; logged).",
    ),
    "help.sync.device": (
        "Kannettavan nimi tai tunnisteen alku (väh. 6 merkkiä).",
        "Datorns namn eller början av dess id (minst 6 tecken).",
        "The laptop's label or the start of its id (6 characters or more).",
    ),
    "help.sync.reason": (
        "Syy, esim. kadonnut tai varastettu (kirjataan).",
        "Orsaken, t.ex. förlorad eller stulen (loggas).",
        "Why, e.g. lost or stolen (logged).",
    ),
}


def sync_help(key: str) -> str:
    return in_language(HELP[key], HELP_LANGUAGE)
