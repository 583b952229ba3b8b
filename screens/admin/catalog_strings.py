"""The service catalog's and the provider register's field names, the store's messages
about them (store/paths/catalog_checks.py), and the admin's catalog screen."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str, str]] = {
    # Fields (FieldError.field) of a service, a rule row and a provider
    "field.service_code": ("Palvelun koodi", "Tjänstens kod", "Service code"),
    "field.name_fi": ("Nimi suomeksi", "Namn på finska", "Name in Finnish"),
    "field.name_sv": ("Nimi ruotsiksi", "Namn på svenska", "Name in Swedish"),
    "field.name_en": ("Nimi englanniksi", "Namn på engelska", "Name in English"),
    "field.category": ("Luokka", "Kategori", "Category"),
    "field.rule_kind": ("Säännön laji", "Regeltyp", "Rule kind"),
    "field.rule_value": ("Arvo", "Värde", "Value"),
    "field.effective_from": ("Voimassa alkaen", "Gäller från", "In force from"),
    "field.rule_source": ("Lähde", "Källa", "Source"),
    "field.provider_name": ("Nimi", "Namn", "Name"),
    "field.business_id": ("Y-tunnus", "FO-nummer", "Business ID"),
    "field.sector": ("Sektori", "Sektor", "Sector"),
    "field.provider_municipality": ("Kunta", "Kommun", "Municipality"),
    "field.active_from": ("Toiminnassa alkaen", "Aktiv från", "Active from"),
    "field.active_to": ("Toiminnassa asti", "Aktiv till", "Active until"),
    "field.services": ("Palvelut", "Tjänster", "Services"),
    # The store's refusals
    "catalog.error.choice": (
        "valitse yksi: {choices}",
        "välj en av: {choices}",
        "choose one of: {choices}",
    ),
    "catalog.error.code_format": (
        "vain pienet kirjaimet a–z ja alaviiva _, kirjaimella alkaen",
        "endast små bokstäver a–z och understreck _, med en bokstav först",
        "only lowercase letters a–z and underscores _, starting with a letter",
    ),
    "catalog.error.code_taken": (
        "palvelu {code} on jo luettelossa",
        "tjänsten {code} finns redan i förteckningen",
        "service {code} is already in the catalog",
    ),
    "catalog.error.service_retired": (
        "palvelu {code} on poistettu käytöstä",
        "tjänsten {code} används inte längre",
        "service {code} is retired",
    ),
    "catalog.error.value_number": (
        "kirjoita luku (esim. 12 tai 4,5)",
        "skriv ett tal (t.ex. 12 eller 4,5)",
        "type a number (e.g. 12 or 4.5)",
    ),
    "catalog.error.value_percentages": (
        "prosentit pilkuin eroteltuina, 1–100 (esim. 50,70)",
        "procentsatser åtskilda med kommatecken, 1–100 (t.ex. 50,70)",
        "percentages separated by commas, 1–100 (e.g. 50,70)",
    ),
    "catalog.error.value_full_time": (
        "kokoaikaisuuden arvo on 1",
        "värdet för heltid är 1",
        "the value of full_time is 1",
    ),
    "catalog.error.rule_exists": (
        "tämän lajin sääntö on jo voimassa samasta päivästä; muutos on uusi rivi myöhemmällä"
        " päivällä",
        "en regel av denna typ gäller redan från samma dag; en ändring är en ny rad med"
        " ett senare datum",
        "a rule of this kind is already in force from that day; a change is a new row with"
        " a later date",
    ),
    "catalog.error.business_id_format": (
        "Y-tunnus on muotoa 1234567-8",
        "FO-numret har formen 1234567-8",
        "a business ID looks like 1234567-8",
    ),
    "catalog.error.business_id_checksum": (
        "Y-tunnuksen tarkistenumero ei täsmää; tarkista numerot",
        "FO-numrets kontrollsiffra stämmer inte; kontrollera siffrorna",
        "the business ID's check digit does not match; check the digits",
    ),
    "catalog.error.business_id_taken": (
        "Y-tunnus on jo rekisterissä: {name}",
        "FO-numret finns redan i registret: {name}",
        "this business ID is already registered: {name}",
    ),
    "catalog.error.business_id_repeated": (
        "sama Y-tunnus on jo rivillä {line}",
        "samma FO-nummer finns redan på rad {line}",
        "the same business ID is already on line {line}",
    ),
    # Sectors and categories, as shown
    "catalog.sector.company": ("yritys", "företag", "company"),
    "catalog.sector.municipality": ("kunta", "kommun", "municipality"),
    "catalog.sector.third_sector": ("kolmas sektori", "tredje sektorn", "third sector"),
    "catalog.sector.public": ("julkinen", "offentlig", "public"),
    # The catalog screen
    "catalog.tab.services": ("1 Palvelut", "1 Tjänster", "1 Services"),
    "catalog.tab.providers": ("2 Palveluntuottajat", "2 Tjänsteproducenter", "2 Providers"),
    "catalog.hint": (
        "n uusi palvelu · x poista palvelu · r uusi sääntörivi · a uusi tuottaja ·"
        " s tuottajan palvelut · d lopeta tuottaja",
        "n ny tjänst · x ta tjänst ur bruk · r ny regelrad · a ny producent ·"
        " s producentens tjänster · d avsluta producent",
        "n new service · x retire service · r new rule row · a new provider ·"
        " s provider's services · d retire provider",
    ),
    "catalog.source": ("Lähde: {source}", "Källa: {source}", "Source: {source}"),
    "catalog.col.code": ("Koodi", "Kod", "Code"),
    "catalog.col.name": ("Nimi", "Namn", "Name"),
    "catalog.col.category": ("Luokka", "Kategori", "Category"),
    "catalog.col.status": ("Tila", "Status", "Status"),
    "catalog.col.kind": ("Laji", "Typ", "Kind"),
    "catalog.col.value": ("Arvo", "Värde", "Value"),
    "catalog.col.from": ("Alkaen", "Från", "From"),
    "catalog.col.in_force": ("Voimassa", "Gäller", "In force"),
    "catalog.col.source": ("Lähde", "Källa", "Source"),
    "catalog.col.business_id": ("Y-tunnus", "FO-nummer", "Business ID"),
    "catalog.col.sector": ("Sektori", "Sektor", "Sector"),
    "catalog.col.municipality": ("Kunta", "Kommun", "Municipality"),
    "catalog.col.services": ("Palvelut", "Tjänster", "Services"),
    "catalog.col.to": ("Asti", "Till", "Until"),
    "catalog.active": ("✓ käytössä", "✓ aktiv", "✓ active"),
    "catalog.retired": ("✕ poistettu", "✕ ur bruk", "✕ retired"),
    "catalog.in_force": ("✓ nyt", "✓ nu", "✓ now"),
    "catalog.rules_of": (
        "{name}: sääntörivit ({count})",
        "{name}: regelrader ({count})",
        "{name}: rule rows ({count})",
    ),
    "catalog.no_provider": (
        "Valitse ensin palveluntuottaja listalta.",
        "Välj först en tjänsteproducent i listan.",
        "Choose a provider from the list first.",
    ),
    "catalog.provider_added": (
        "Palveluntuottaja {name} lisätty.",
        "Tjänsteproducenten {name} har lagts till.",
        "Provider {name} added.",
    ),
    "catalog.provider_retired": (
        "Palveluntuottaja {name} toiminnassa {date} asti; vanhat vaiheet säilyvät.",
        "Tjänsteproducenten {name} aktiv till {date}; gamla steg finns kvar.",
        "{name} is active until {date}; old steps keep it.",
    ),
    "catalog.rule_added": (
        "Sääntörivi {kind} lisätty, voimassa {date} alkaen.",
        "Regelraden {kind} tillagd, gäller från {date}.",
        "Rule row {kind} added, in force from {date}.",
    ),
    # The dialogs
    "catalog.provider.title": ("Uusi palveluntuottaja", "Ny tjänsteproducent", "New provider"),
    "catalog.rule.business_id": ("esim. 1234567-8", "t.ex. 1234567-8", "e.g. 1234567-8"),
    "catalog.rule.services": (
        "koodit välilyönnein",
        "koder med mellanslag",
        "codes with spaces",
    ),
    "catalog.rule.value": (
        "luku; prosentit 50,70",
        "tal; procent 50,70",
        "a number; percentages 50,70",
    ),
    "catalog.retire.title": (
        "Lopetetaanko {name} ({business_id})?",
        "Avsluta {name} ({business_id})?",
        "Retire {name} ({business_id})?",
    ),
    "catalog.retire.last_day": ("Viimeinen päivä", "Sista dagen", "Last day"),
    "catalog.retire.since": (
        "toiminnassa {date} alkaen",
        "aktiv sedan {date}",
        "active since {date}",
    ),
    "catalog.services_dialog.title": (
        "Palveluntuottajan {name} palvelut",
        "Tjänster hos {name}",
        "Services offered by {name}",
    ),
    "catalog.services_set": (
        "Palveluntuottajan {name} palvelut tallennettu.",
        "Tjänsterna hos {name} har sparats.",
        "The services of {name} are saved.",
    ),
    "catalog.rule_dialog.title": ("Uusi sääntörivi", "Ny regelrad", "New rule row"),
    # Footer labels, by binding id
    "binding.catalog.services": ("Palvelut", "Tjänster", "Services"),
    "binding.catalog.providers": ("Tuottajat", "Producenter", "Providers"),
    "binding.catalog.add_provider": ("Uusi tuottaja", "Ny producent", "New provider"),
    "binding.catalog.retire_provider": ("Lopeta", "Avsluta", "Retire"),
    "binding.catalog.provider_services": ("Tarjonta", "Utbud", "Offered"),
    "binding.catalog.add_rule": ("Uusi sääntö", "Ny regel", "New rule"),
    "binding.catalog.add_service": ("Uusi palvelu", "Ny tjänst", "New service"),
    "binding.catalog.retire_service": ("Poista käytöstä", "Ta ur bruk", "Retire service"),
    "catalog.service_dialog.title": ("Uusi palvelu", "Ny tjänst", "New service"),
    "catalog.service_code.hint": (
        "pienet kirjaimet ja _, esim. tyokokeilu",
        "små bokstäver och _, t.ex. tyokokeilu",
        "lower-case letters and _, e.g. tyokokeilu",
    ),
    "catalog.category.guidance": ("ohjaus ja neuvonta", "vägledning och rådgivning", "guidance"),
    "catalog.category.work": ("työ", "arbete", "work"),
    "catalog.category.training": ("koulutus", "utbildning", "training"),
    "catalog.category.rehabilitation": ("kuntoutus", "rehabilitering", "rehabilitation"),
    "catalog.category.enterprise": ("yrittäjyys", "företagande", "enterprise"),
    "catalog.retire_service.title": (
        "Poistetaanko {name} käytöstä? Uusia vaiheita ei voi enää lisätä; vanhat säilyvät.",
        "Ta {name} ur bruk? Nya steg kan inte längre läggas till; de gamla finns kvar.",
        "Retire {name}? No new steps can have it; the old ones keep it.",
    ),
    "binding.catalog.retire_service.yes": ("Poista käytöstä", "Ta ur bruk", "Retire"),
    "binding.catalog.retire_service.no": ("Älä poista", "Behåll", "Keep"),
    "catalog.service_added": (
        "Palvelu {name} lisätty.",
        "Tjänsten {name} tillagd.",
        "Service {name} added.",
    ),
    "catalog.service_retired": (
        "Palvelu {name} poistettu käytöstä.",
        "Tjänsten {name} tagen ur bruk.",
        "Service {name} retired.",
    ),
    "catalog.service_already_retired": (
        "palvelu on jo poistettu käytöstä",
        "tjänsten är redan tagen ur bruk",
        "the service is already retired",
    ),
    "binding.catalog.back": ("Takaisin", "Tillbaka", "Back"),
    "binding.admin.catalog": ("Palvelut", "Tjänster", "Services"),
}
