"""What the inbox's store refusals say (store/sync/inbox.py, person_merge.py,
inbox_rows.py): keys prefixed `sync.inbox.`, shown by the F6 screen and the CLI alike."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    "sync.inbox.already_resolved": (
        "Ristiriita on jo ratkaistu.",
        "Konflikten är redan löst.",
        "The conflict is already resolved.",
    ),
    "sync.inbox.not_for_kind": (
        "Tätä ratkaisua ei voi käyttää tähän ristiriitaan.",
        "Den här lösningen passar inte för den här konflikten.",
        "This decision does not apply to this conflict.",
    ),
    "sync.inbox.row_gone": (
        "Toimistolla ei ole enää riviä, johon ratkaisu kirjoitettaisiin.",
        "Kontoret har inte längre raden som lösningen skulle skrivas till.",
        "The office no longer has the row the decision would be written to.",
    ),
    "sync.inbox.office_only": (
        "Ristiriidat ratkaistaan toimiston rekisterissä, ei kannettavalla.",
        "Konflikter löses i kontorets register, inte på den bärbara datorn.",
        "Conflicts are decided in the office's register, not on a laptop.",
    ),
    "sync.inbox.office_changed": (
        "Toimiston arvo on muuttunut ristiriidan löytymisen jälkeen (nyt: {now}):"
        " kannettavan arvoa ei kirjoitettu sen päälle. Pidä toimiston tai kirjoita arvo.",
        "Kontorets värde har ändrats sedan konflikten hittades (nu: {now}):"
        " den bärbaras värde skrevs inte över det. Behåll kontorets eller skriv ett värde.",
        "The office's value has changed since the conflict was found (now: {now}):"
        " the laptop's was not written over it. Keep the office's or type a value.",
    ),
    "sync.inbox.refused": (
        "Rekisterin säännöt eivät hyväksy kannettavan arvoja; mitään ei tallennettu.",
        "Registrets regler godtar inte den bärbaras värden; inget sparades.",
        "The register's rules refuse the laptop's values; nothing was saved.",
    ),
    "sync.inbox.refused_again": (
        "Toimisto hylkäsi kannettavan rivin uudelleen; mitään ei tallennettu."
        " Korjaa tiedot käsin tai pidä toimiston tilanne.",
        "Kontoret avvisade den bärbaras rad igen; inget sparades."
        " Rätta uppgifterna för hand eller behåll kontorets läge.",
        "The office refused the laptop's row again; nothing was saved."
        " Correct the data by hand or keep the office's.",
    ),
    "sync.inbox.value.pick_a_side": (
        "Tätä kenttää ei kirjoiteta käsin: pidä toimiston arvo tai ota kannettavan.",
        "Det här fältet skrivs inte för hand: behåll kontorets värde eller ta den bärbaras.",
        "This field is not typed by hand: keep the office's value or take the laptop's.",
    ),
    "sync.inbox.value.not_a_number": (
        "Kirjoita luku.",
        "Skriv ett tal.",
        "Type a number.",
    ),
    "sync.inbox.merge.not_these": (
        "Säilytettävän on oltava toinen ristiriidan kahdesta tietueesta.",
        "Den som behålls måste vara en av konfliktens två poster.",
        "The record kept must be one of the conflict's two records.",
    ),
    "sync.inbox.merge.open_paths": (
        "Molemmilla tietueilla on avoin palvelupolku: päätä toinen ensin.",
        "Båda posterna har en öppen servicestig: avsluta den ena först.",
        "Both records have an open service path: end one of them first.",
    ),
    "sync.inbox.merge.drafts": (
        "Molemmilla tietueilla on keskeneräinen Kompassi-mittaus: päätä toinen ensin.",
        "Båda posterna har en oavslutad Kompassi-mätning: avsluta den ena först.",
        "Both records have an unfinished Kompassi reading: finish one of them first.",
    ),
    "sync.inbox.merge.refused": (
        "Rekisterin säännöt eivät salli yhdistämistä; mitään ei muutettu.",
        "Registrets regler tillåter inte sammanslagningen; inget ändrades.",
        "The register's rules do not allow the merge; nothing was changed.",
    ),
    "sync.inbox.merge.gone": (
        "Toista tietuetta ei enää ole.",
        "Den ena posten finns inte längre.",
        "One of the records no longer exists.",
    ),
    "sync.inbox.merge.undone": (
        "Yhdistäminen on jo peruttu.",
        "Sammanslagningen är redan ångrad.",
        "The merge is already undone.",
    ),
    "sync.inbox.merge.undo_refused": (
        "Yhdistämistä ei voi perua: rekisterin säännöt eivät salli sitä nyt"
        " (esimerkiksi henkilötunnus on jo toisella asiakkaalla).",
        "Sammanslagningen kan inte ångras: registrets regler tillåter det inte nu"
        " (till exempel har en annan klient personbeteckningen).",
        "The merge cannot be undone: the register's rules do not allow it now"
        " (another client holds the HETU, say).",
    ),
    "sync.inbox.merge.changed_since": (
        "Yhdistämistä ei voi perua: säilytetyn tietueen kenttiä on muutettu sen jälkeen"
        " ({fields}).",
        "Sammanslagningen kan inte ångras: den behållna postens fält har ändrats sedan ({fields}).",
        "The merge cannot be undone: the kept record's fields were changed since ({fields}).",
    ),
}
