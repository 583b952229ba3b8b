"""The texts of `luotsi catalog` and `luotsi provider`, their `--help` texts too, in fi,
sv and en."""

from __future__ import annotations

from store.core.i18n import in_language

from .cli_help import HELP_LANGUAGE

STRINGS: dict[str, tuple[str, str, str]] = {
    "cli.catalog.not_allowed": (
        "käyttäjä {username} ei saa muuttaa palveluluetteloa eikä palveluntuottajia"
        " (vain pääkäyttäjä); mitään ei muutettu",
        "användaren {username} får inte ändra tjänsteförteckningen eller"
        " tjänsteproducenterna (endast huvudanvändare); inget ändrades",
        "{username} may not change the service catalog or the providers (admins only);"
        " nothing was changed",
    ),
    "cli.catalog.column.code": ("koodi", "kod", "code"),
    "cli.catalog.column.name": ("nimi", "namn", "name"),
    "cli.catalog.column.category": ("luokka", "kategori", "category"),
    "cli.catalog.column.rules": ("sääntöjä", "regler", "rules"),
    "cli.catalog.column.status": ("tila", "status", "status"),
    "cli.catalog.column.kind": ("laji", "typ", "kind"),
    "cli.catalog.column.value": ("arvo", "värde", "value"),
    "cli.catalog.column.from": ("alkaen", "från", "from"),
    "cli.catalog.column.in_force": ("voimassa", "gäller", "in force"),
    "cli.catalog.column.source": ("lähde", "källa", "source"),
    "cli.catalog.active": ("käytössä", "aktiv", "active"),
    "cli.catalog.retired": ("poistettu käytöstä", "ur bruk", "retired"),
    "cli.catalog.in_force": ("✓ nyt", "✓ nu", "✓ now"),
    "cli.catalog.no_rules": (
        "palvelulla {code} ei ole sääntörivejä",
        "tjänsten {code} har inga regelrader",
        "service {code} has no rule rows",
    ),
    "cli.catalog.added": (
        "palvelu {code} ({name}) lisätty (muutos kirjattu lokiin)",
        "tjänsten {code} ({name}) tillagd (ändringen loggad)",
        "added the service {code} ({name}) (the change is logged)",
    ),
    "cli.catalog.service_retired": (
        "palvelu {code} poistettu käytöstä; sitä ei voi valita uusiin vaiheisiin, vanhat"
        " vaiheet säilyvät (muutos kirjattu lokiin)",
        "tjänsten {code} tagen ur bruk; den kan inte väljas för nya steg, gamla steg"
        " finns kvar (ändringen loggad)",
        "retired the service {code}: no new steps of it, old steps keep it (the change is logged)",
    ),
    "cli.catalog.rule_added": (
        "sääntö {kind} = {value} palvelulle {code} voimassa {date} alkaen (muutos kirjattu lokiin)",
        "regeln {kind} = {value} för tjänsten {code} gäller från {date} (ändringen loggad)",
        "rule {kind} = {value} of {code} in force from {date} (the change is logged)",
    ),
    "cli.provider.column.name": ("nimi", "namn", "name"),
    "cli.provider.column.business_id": ("Y-tunnus", "FO-nummer", "business ID"),
    "cli.provider.column.sector": ("sektori", "sektor", "sector"),
    "cli.provider.column.municipality": ("kunta", "kommun", "municipality"),
    "cli.provider.column.services": ("palvelut", "tjänster", "services"),
    "cli.provider.column.from": ("alkaen", "från", "from"),
    "cli.provider.column.to": ("asti", "till", "until"),
    "cli.provider.none": (
        "ei palveluntuottajia",
        "inga tjänsteproducenter",
        "no providers",
    ),
    "cli.provider.unknown": (
        "palveluntuottajaa {provider} ei löydy (anna Y-tunnus tai tarkka nimi)",
        "tjänsteproducenten {provider} hittades inte (ange FO-nummer eller exakt namn)",
        "provider {provider} not found (give its business ID or exact name)",
    ),
    "cli.provider.added": (
        "palveluntuottaja {name} ({business_id}) lisätty (muutos kirjattu lokiin)",
        "tjänsteproducenten {name} ({business_id}) tillagd (ändringen loggad)",
        "added the provider {name} ({business_id}) (the change is logged)",
    ),
    "cli.provider.retired": (
        "palveluntuottaja {name} toiminnassa {date} asti; vanhat vaiheet säilyvät"
        " (muutos kirjattu lokiin)",
        "tjänsteproducenten {name} aktiv till {date}; gamla steg finns kvar (ändringen loggad)",
        "{name} is active until {date}; old steps keep it (the change is logged)",
    ),
    "cli.provider.services_set": (
        "palveluntuottajan {name} palvelut: {services} (muutos kirjattu lokiin)",
        "tjänster hos {name}: {services} (ändringen loggad)",
        "{name} now offers: {services} (the change is logged)",
    ),
    "cli.provider.import.duplicates": (
        "Y-tunnus jo rekisterissä, ohitetaan: {count}",
        "FO-numret finns redan i registret, hoppas över: {count}",
        "Business ID already registered, skipped: {count}",
    ),
    "cli.provider.import.dry_run": (
        "Koeajo: {count} palveluntuottajaa voidaan tuoda tiedostosta {file}; mitään ei"
        " tallennettu.",
        "Provkörning: {count} tjänsteproducenter kan importeras från {file}; inget sparades.",
        "Dry run: {count} providers can be imported from {file}; nothing was saved.",
    ),
    "cli.provider.import.done": (
        "Tuotiin {count} palveluntuottajaa tiedostosta {file}.",
        "{count} tjänsteproducenter importerades från {file}.",
        "Imported {count} providers from {file}.",
    ),
    # --help texts (shown in the language of `--lang` or the locale: see cli_help.py)
    "help.catalog": (
        "Palveluluettelo ja sen päivätyt säännöt; muutokset vain pääkäyttäjälle.",
        "Tjänsteförteckningen och dess daterade regler; ändringar endast för admin.",
        "The service catalog and its dated rules; changes by admins only.",
    ),
    "help.catalog.list": (
        "Palvelut koodeineen, nimineen ja luokkineen.",
        "Tjänsterna med kod, namn och kategori.",
        "The services with their codes, names and categories.",
    ),
    "help.catalog.all": (
        "Myös käytöstä poistetut.",
        "Även de som tagits ur bruk.",
        "Retired ones too.",
    ),
    "help.catalog.add": (
        "Lisää palvelu (koodi a–z ja _, nimet kolmella kielellä, luokka).",
        "Lägg till en tjänst (kod a–z och _, namn på tre språk, kategori).",
        "Add a service (code a–z and _, names in three languages, a category).",
    ),
    "help.catalog.code": ("Palvelun koodi.", "Tjänstens kod.", "The service's code."),
    "help.catalog.name": (
        "Nimi tällä kielellä.",
        "Namnet på detta språk.",
        "Its name in this language.",
    ),
    "help.catalog.category": (
        "guidance, work, training, rehabilitation tai enterprise.",
        "guidance, work, training, rehabilitation eller enterprise.",
        "guidance, work, training, rehabilitation or enterprise.",
    ),
    "help.catalog.retire": (
        "Poista palvelu käytöstä: ei uusiin vaiheisiin, vanhat säilyvät.",
        "Ta en tjänst ur bruk: inte för nya steg, gamla finns kvar.",
        "Retire a service: no new steps of it; old steps keep it.",
    ),
    "help.catalog.rule": (
        "Palvelun sääntörivit.",
        "Tjänstens regelrader.",
        "A service's rule rows.",
    ),
    "help.catalog.rule.add": (
        "Lisää sääntörivi voimaan päivästä alkaen. Riviä ei muokata: lain muutos on uusi rivi.",
        "Lägg till en regelrad som gäller från ett datum. En rad ändras aldrig: en"
        " lagändring är en ny rad.",
        "Add a rule row in force from a date. A row is never edited: a change in the law is a"
        " new row.",
    ),
    "help.catalog.rule.kind": (
        "Esim. max_total_months, max_days_per_week, min_age, subsidy_percentages, full_time.",
        "T.ex. max_total_months, max_days_per_week, min_age, subsidy_percentages, full_time.",
        "E.g. max_total_months, max_days_per_week, min_age, subsidy_percentages, full_time.",
    ),
    "help.catalog.rule.value": (
        "Luku; prosentit pilkuin (50,70); full_time on 1.",
        "Ett tal; procentsatser med kommatecken (50,70); full_time är 1.",
        "A number; percentages with commas (50,70); full_time is 1.",
    ),
    "help.catalog.rule.from": (
        "Voimassa alkaen (p.k.vvvv).",
        "Gäller från (d.m.åååå).",
        "In force from (d.m.yyyy).",
    ),
    "help.catalog.rule.source": (
        "Säännön lähde (laki, päätös, sivu).",
        "Regelns källa (lag, beslut, sida).",
        "The rule's source (act, decision, page).",
    ),
    "help.catalog.rules": (
        "Palvelun sääntörivit päivineen ja lähteineen.",
        "Tjänstens regelrader med datum och källa.",
        "A service's rule rows with their dates and sources.",
    ),
    "help.provider": (
        "Palveluntuottajat (dynaaminen hankintajärjestelmä); muutokset vain pääkäyttäjälle.",
        "Tjänsteproducenterna (dynamiskt inköpssystem); ändringar endast för admin.",
        "Service providers (dynamic purchasing system); changes by admins only.",
    ),
    "help.provider.list": (
        "Tänään toiminnassa olevat palveluntuottajat.",
        "Tjänsteproducenterna som är aktiva i dag.",
        "The providers active today.",
    ),
    "help.provider.all": (
        "Myös lopettaneet ja vasta aloittavat.",
        "Även avslutade och kommande.",
        "Retired and future ones too.",
    ),
    "help.provider.service": (
        "Vain tätä palvelua tarjoavat (koodi).",
        "Bara de som erbjuder denna tjänst (kod).",
        "Only those offering this service (code).",
    ),
    "help.provider.add": (
        "Lisää palveluntuottaja; Y-tunnus tarkistetaan.",
        "Lägg till en tjänsteproducent; FO-numret kontrolleras.",
        "Add a provider; its business ID is checked.",
    ),
    "help.provider.name": ("Nimi.", "Namn.", "Its name."),
    "help.provider.business_id": (
        "Y-tunnus (1234567-8).",
        "FO-nummer (1234567-8).",
        "Business ID (1234567-8).",
    ),
    "help.provider.sector": (
        "company, municipality, third_sector tai public; oletus company.",
        "company, municipality, third_sector eller public; standard company.",
        "company, municipality, third_sector or public; default company.",
    ),
    "help.provider.municipality": ("Kunta.", "Kommun.", "Municipality."),
    "help.provider.from": (
        "Toiminnassa alkaen (p.k.vvvv); oletus tänään.",
        "Aktiv från (d.m.åååå); standard i dag.",
        "Active from (d.m.yyyy); default today.",
    ),
    "help.provider.to": (
        "Toiminnassa asti (p.k.vvvv).",
        "Aktiv till (d.m.åååå).",
        "Active until (d.m.yyyy).",
    ),
    "help.provider.services": (
        "Tarjotut palvelut koodeina, välilyönnein tai pilkuin.",
        "Erbjudna tjänster som koder, med mellanslag eller kommatecken.",
        "Services offered, as codes separated by spaces or commas.",
    ),
    "help.provider.key": (
        "Palveluntuottajan Y-tunnus tai tarkka nimi.",
        "Tjänsteproducentens FO-nummer eller exakta namn.",
        "The provider's business ID or exact name.",
    ),
    "help.provider.retire": (
        "Lopeta palveluntuottajan toiminta; vanhat vaiheet säilyvät.",
        "Avsluta en tjänsteproducent; gamla steg finns kvar.",
        "Retire a provider; old steps keep it.",
    ),
    "help.provider.on": (
        "Viimeinen toimintapäivä (p.k.vvvv); oletus tänään.",
        "Sista aktiva dag (d.m.åååå); standard i dag.",
        "Last active day (d.m.yyyy); default today.",
    ),
    "help.provider.set_services": (
        "Aseta palveluntuottajan tarjoamat palvelut.",
        "Ange tjänsterna som tjänsteproducenten erbjuder.",
        "Set the services a provider offers.",
    ),
    "help.provider.codes": ("Palvelukoodit.", "Tjänstekoder.", "Service codes."),
    "help.provider.import": (
        "Tuo palveluntuottajat CSV-tiedostosta: kaikki rivit tai ei mitään.\n\nSarakkeet:"
        " name, business_id, sector, municipality, active_from, services. Jo rekisterissä"
        " oleva Y-tunnus ohitetaan.",
        "Importera tjänsteproducenter från en CSV-fil: alla rader eller ingen.\n\nKolumner:"
        " name, business_id, sector, municipality, active_from, services. Ett FO-nummer"
        " som redan finns hoppas över.",
        "Import providers from a CSV file: every row or none.\n\nColumns: name, business_id,"
        " sector, municipality, active_from, services. A business ID already registered is"
        " skipped.",
    ),
    "help.provider.file": ("CSV-tiedosto.", "CSV-fil.", "The CSV file."),
    "help.provider.dry_run": (
        "Tarkista vain; älä tallenna mitään.",
        "Kontrollera bara; spara inget.",
        "Only check; save nothing.",
    ),
}


def catalog_help(key: str) -> str:
    """A `--help` text of `luotsi catalog` or `luotsi provider` (see cli_help.py)."""
    return in_language(STRINGS[key], HELP_LANGUAGE)
