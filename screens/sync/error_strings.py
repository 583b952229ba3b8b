"""Texts of the sync refusals (`sync.error.*`): why a check-out, bundle, check-in,
receive or revoke was refused. Shown by the sync screens and the `luotsi sync` commands."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    "sync.error.unreadable": (
        "Tiedostoa {path} ei ole tai sitä ei voi lukea.",
        "Filen {path} finns inte eller kan inte läsas.",
        "There is no file {path}, or it cannot be read.",
    ),
    "sync.error.bundle_damaged": (
        "{name} ei ole eheä siirtopaketti (katkennut, väärä tiedosto tai muutettu"
        " pakkaamisen jälkeen); mitään ei kirjattu. Pakkaa kannettavalla uudelleen.",
        "{name} är inte ett helt överföringspaket (avbrutet, fel fil eller ändrat efter"
        " packningen); inget skrevs. Packa på nytt på den bärbara datorn.",
        "{name} is not a whole bundle (cut short, the wrong file, or changed after it was"
        " packed); nothing was written. Pack again on the laptop.",
    ),
    "sync.error.another_office": (
        "{name} kuuluu toisen toimiston rekisteriin; mitään ei otettu vastaan.",
        "{name} hör till ett annat kontors register; inget togs emot.",
        "{name} belongs to another office's register; nothing was taken in.",
    ),
    "sync.error.unknown_device": (
        "{name} on kannettavalle, jota tämä rekisteri ei tunne (tai toiselle"
        " kannettavalle); mitään ei otettu vastaan.",
        "{name} är för en bärbar dator som detta register inte känner till (eller för en"
        " annan dator); inget togs emot.",
        "{name} is for a laptop this register does not know (or for another laptop);"
        " nothing was taken in.",
    ),
    "sync.error.revoked": (
        "{name}: kannettava on mitätöity {revoked_on} (kadonnut); sen tietoja ei oteta"
        " vastaan. Mitään ei kirjattu.",
        "{name}: den bärbara datorn spärrades {revoked_on} (förlorad); dess uppgifter tas"
        " inte emot. Inget skrevs.",
        "{name}: the laptop was revoked on {revoked_on} (lost); nothing it sends is taken"
        " in. Nothing was written.",
    ),
    "sync.error.schema_newer": (
        "{name} on tehty uudemmalla Luotsilla (tuntemattomat muutokset: {steps});"
        " päivitä toimiston Luotsi ensin. Mitään ei kirjattu.",
        "{name} gjordes med en nyare Luotsi (okända ändringar: {steps}); uppdatera"
        " kontorets Luotsi först. Inget skrevs.",
        "{name} was made by a newer Luotsi (unknown steps: {steps}); update the office's"
        " Luotsi first. Nothing was written.",
    ),
    "sync.error.schema_incompatible": (
        "{name} sisältää kentän {table}.{column}, jota toimiston tietokannassa ei ole;"
        " mitään ei kirjattu.",
        "{name} innehåller fältet {table}.{column} som kontorets databas inte har; inget skrevs.",
        "{name} holds the field {table}.{column}, which the office's database does not"
        " have; nothing was written.",
    ),
    "sync.error.stale_base": (
        "{name} on vanhemmasta luovutuksesta kuin jo käytössä oleva: saman kannettavan"
        " uudempi luovutus on jo otettu vastaan. Mitään ei otettu vastaan.",
        "{name} kommer från en äldre utlämning än den som redan används: en nyare"
        " utlämning av samma dator har redan tagits emot. Inget togs emot.",
        "{name} comes from an older check-out than the one in use: a newer check-out of"
        " this laptop was taken in already. Nothing was taken in.",
    ),
    "sync.error.not_a_laptop": (
        "{path} ei ole kannettavalle luovutettu tietokanta; vain kannettavalla voi pakata"
        " tai vastaanottaa.",
        "{path} är inte en databas utlämnad till en bärbar dator; bara där kan man packa"
        " eller ta emot.",
        "{path} is not a laptop's database; only a laptop packs and receives.",
    ),
    "sync.error.is_a_laptop": (
        "{path} on kannettavan tietokanta; luovutus ja palautus tehdään toimiston rekisterissä.",
        "{path} är en bärbar dators databas; utlämning och inlämning görs i kontorets register.",
        "{path} is a laptop's database; check-outs and check-ins are done at the office's"
        " register.",
    ),
    "sync.error.unpacked_changes.one": (
        "Kannettavalla on {count} muutos, jota ei ole pakattu; pakkaa ja palauta se ensin."
        " Mitään ei korvattu.",
        "Den bärbara datorn har {count} ändring som inte packats; packa och lämna in den"
        " först. Inget ersattes.",
        "The laptop has {count} change that was not packed; pack it and check it in first."
        " Nothing was replaced.",
    ),
    "sync.error.unpacked_changes.other": (
        "Kannettavalla on {count} muutosta, joita ei ole pakattu; pakkaa ja palauta ne"
        " ensin. Mitään ei korvattu.",
        "Den bärbara datorn har {count} ändringar som inte packats; packa och lämna in dem"
        " först. Inget ersattes.",
        "The laptop has {count} changes that were not packed; pack them and check them in"
        " first. Nothing was replaced.",
    ),
    "sync.error.not_a_coach": (
        "{username} ei ole aktiivinen valmentaja; kannettavan voi luovuttaa vain valmentajalle.",
        "{username} är inte en aktiv coach; en bärbar dator lämnas bara ut till en coach.",
        "{username} is not an active coach; a laptop is checked out to a coach only.",
    ),
    "sync.error.no_slot": (
        "Käyttäjällä {username} ei ole avainpaikkaa salatussa tietokannassa, joten"
        " kannettavan avainta ei voi sinetöidä hänelle; anna hänelle ensin salasana.",
        "{username} har ingen nyckelplats i den krypterade databasen, så den bärbara"
        " datorns nyckel kan inte förseglas åt hen; ge hen ett lösenord först.",
        "{username} has no key slot in the encrypted database, so no laptop key can be"
        " sealed for them; give them a password first.",
    ),
    # store/sync/checkout.py
    "sync.error.out_exists": (
        "{path} on jo olemassa; luovutus ei korvaa tiedostoa. Anna uusi nimi.",
        "{path} finns redan; en utlämning ersätter ingen fil. Ange ett nytt namn.",
        "{path} exists already; a check-out never replaces a file. Give a new name.",
    ),
    # store/sync/receive.py
    "sync.error.last_pack_not_checked_in": (
        "Luovutus on kirjoitettu ennen kuin toimisto otti vastaan {packed_on} klo"
        " {packed_time} pakatun paketin: sen muutokset katoaisivat kannettavalta. Mitään ei"
        " korvattu; käytä luovutusta, joka kirjoitettiin paketin vastaanoton jälkeen.",
        "Utlämningen skrevs innan kontoret tog emot paketet som packades {packed_on} kl."
        " {packed_time}: dess ändringar skulle försvinna från datorn. Inget ersattes; använd"
        " utlämningen som skrevs när paketet togs emot.",
        "This check-out was written before the office checked in the bundle packed on"
        " {packed_on} at {packed_time}: its changes would vanish from the laptop. Nothing"
        " was replaced; use the check-out written when that bundle was checked in.",
    ),
    # store/sync/devices.py
    "sync.error.no_device": (
        "Kannettavaa {text} ei löydy (anna nimi tai tunnisteen alku, väh. 6 merkkiä)",
        "Ingen bärbar dator {text} (ange namnet eller början av id, minst 6 tecken)",
        "There is no laptop {text} (give its label or the start of its id, 6 characters or more)",
    ),
    "sync.error.device_ambiguous": (
        "{count} kannettavaa vastaa hakua {text}; anna tunnisteen alkua pidemmälle",
        "{count} bärbara datorer passar {text}; ange mer av id",
        "{count} laptops answer to {text}; give more of the id",
    ),
    "sync.error.already_revoked": (
        "Kannettava {name} on jo mitätöity {revoked_on}; mitään ei muutettu",
        "Den bärbara datorn {name} spärrades redan {revoked_on}; inget ändrades",
        "The laptop {name} was revoked already on {revoked_on}; nothing was changed",
    ),
    "sync.error.revoke_reason": (
        "Kerro syy mitätöintiin (esim. kadonnut, varastettu)",
        "Ange orsaken till spärren (t.ex. förlorad, stulen)",
        "Say why the laptop is revoked (e.g. lost, stolen)",
    ),
}
