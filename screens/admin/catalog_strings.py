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
}
