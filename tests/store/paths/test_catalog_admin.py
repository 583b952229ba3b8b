"""An admin's catalog: services added and retired, dated rule rows, providers with a
checked business ID (Y-tunnus), their services, retirement and CSV import; nobody else may."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from store.clients.import_file import ImportFileError
from store.clients.validation import ValidationError
from store.core.auth import PermissionDenied
from store.paths.catalog import rules_in_force
from tests.conftest import World

# Real business IDs' shape with right check digits (python-stdnum's own examples).
GOOD_ID = "2077474-0"
OTHER_ID = "0737546-2"


def keys(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    return {error.field: error.key for error in exc.value.errors}


def audit_entities(world: World) -> list[tuple[str, str]]:
    rows = world.store.db.execute("SELECT action, entity FROM audit_event ORDER BY seq")
    return [(str(a), str(e)) for a, e in rows.fetchall()]


def provider_values(**overrides: str) -> dict[str, str]:
    values = {
        "provider_name": "Savon Valmennus Oy",
        "business_id": GOOD_ID,
        "sector": "company",
        "provider_municipality": "Kuopio",
        "services": "tyokokeilu, tyonhakuvalmennus",
    }
    return values | overrides


def test_a_provider_is_added_with_its_business_id_normalised_and_its_services(world: World):
    catalog = world.store.catalog
    provider = catalog.add_provider(world.admin, provider_values(business_id=" 20774740 "))
    assert provider.business_id == GOOD_ID
    assert provider.active_from == world.store.today() and provider.active_to is None
    assert catalog.service_codes(provider) == ["tyonhakuvalmennus", "tyokokeilu"]
    assert catalog.find_provider("2077474-0") == provider
    assert catalog.find_provider("savon valmennus oy") == provider
    assert ("create", "provider") in audit_entities(world)


def test_a_wrong_check_digit_or_shape_is_refused_at_the_business_id_in_every_language(
    world: World,
):
    catalog = world.store.catalog
    with pytest.raises(ValidationError) as bad_digit:
        catalog.add_provider(world.admin, provider_values(business_id="2077474-1"))
    assert keys(bad_digit) == {"business_id": "catalog.error.business_id_checksum"}
    message = bad_digit.value.errors[0]
    assert (
        message.message("fi") == "Y-tunnus: Y-tunnuksen tarkistenumero ei täsmää; tarkista numerot"
    )
    assert message.message("sv").startswith("FO-nummer: FO-numrets kontrollsiffra")
    assert message.message("en").startswith("Business ID: the business ID's check digit")
    with pytest.raises(ValidationError) as bad_shape:
        catalog.add_provider(world.admin, provider_values(business_id="12-AB"))
    assert keys(bad_shape) == {"business_id": "catalog.error.business_id_format"}
    assert catalog.providers() == []


def test_every_bad_field_of_a_provider_is_told_at_once(world: World):
    with pytest.raises(ValidationError) as exc:
        world.store.catalog.add_provider(
            world.admin,
            provider_values(
                provider_name="=HYPERLINK()",
                sector="yhdistys",
                active_from="1.3.2026",
                active_to="28.2.2026",
                services="tyokokeilu nosuch",
            ),
        )
    assert keys(exc) == {
        "provider_name": "text.error.start",
        "sector": "catalog.error.choice",
        "active_to": "error.date.end_before_start",
        "services": "error.service.unknown",
    }


def test_a_business_id_registered_already_is_refused_with_the_provider_named(world: World):
    catalog = world.store.catalog
    catalog.add_provider(world.admin, provider_values())
    with pytest.raises(ValidationError) as exc:
        catalog.add_provider(world.admin, provider_values(provider_name="Toinen Oy"))
    assert keys(exc) == {"business_id": "catalog.error.business_id_taken"}
    assert "Savon Valmennus Oy" in exc.value.errors[0].message("en")
    assert len(catalog.providers()) == 1


def test_a_retired_provider_stays_with_its_last_day_and_services_can_change(world: World):
    catalog = world.store.catalog
    provider = catalog.add_provider(world.admin, provider_values(active_from="1.1.2025"))
    changed = catalog.set_provider_services(world.admin, provider.id, "kuntouttava")
    assert catalog.service_codes(changed) == ["kuntouttava"]
    # Back to an earlier service: the old link is revived, not duplicated.
    again = catalog.set_provider_services(world.admin, provider.id, "tyokokeilu kuntouttava")
    assert catalog.service_codes(again) == ["tyokokeilu", "kuntouttava"]
    retired = catalog.retire_provider(world.admin, provider.id, "30.11.2026")
    assert retired.active_to == date(2026, 11, 30)
    assert retired.active_on(date(2026, 11, 30)) and not retired.active_on(date(2026, 12, 1))
    assert catalog.providers() == [retired]  # still there, for the steps that name it
    with pytest.raises(ValidationError) as exc:
        catalog.retire_provider(world.admin, provider.id, "31.12.2024")
    assert keys(exc) == {"active_to": "error.date.end_before_start"}
    assert audit_entities(world).count(("update", "provider")) == 3


def test_a_rule_row_is_added_with_its_date_and_the_newest_in_force_is_used(world: World):
    catalog = world.store.catalog
    rule = catalog.add_rule(
        world.admin,
        {"service": "palkkatuki", "rule_kind": "subsidy_percentages", "rule_value": "70, 50 %",
         "effective_from": "1.1.2027", "rule_source": "HE 1/2026"},
    )  # fmt: skip
    assert (rule.value, rule.effective_from, rule.source) == (
        "50,70",
        date(2027, 1, 1),
        "HE 1/2026",
    )
    rules = catalog.rules([rule.service_id])[rule.service_id]
    assert rules_in_force(rules, date(2026, 12, 31))["subsidy_percentages"].effective_from == date(
        2023, 7, 1
    )
    assert rules_in_force(rules, date(2027, 1, 1))["subsidy_percentages"] == rule
    assert ("create", "service_rule") in audit_entities(world)
    # The same day again is refused: a change is a new row with a later date.
    with pytest.raises(ValidationError) as exc:
        catalog.add_rule(
            world.admin,
            {"service": "palkkatuki", "rule_kind": "subsidy_percentages", "rule_value": "60",
             "effective_from": "1.1.2027", "rule_source": "HE 2/2026"},
        )  # fmt: skip
    assert keys(exc) == {"effective_from": "catalog.error.rule_exists"}


@pytest.mark.parametrize(
    ("kind", "value", "key"),
    [
        ("max_total_months", "kaksitoista", "catalog.error.value_number"),
        ("subsidy_percentages", "50,170", "catalog.error.value_percentages"),
        ("full_time", "2", "catalog.error.value_full_time"),
    ],
)
def test_a_rule_value_is_checked_for_its_kind(world: World, kind: str, value: str, key: str):
    with pytest.raises(ValidationError) as exc:
        world.store.catalog.add_rule(
            world.admin,
            {"service": "tyokokeilu", "rule_kind": kind, "rule_value": value,
             "effective_from": "1.1.2027", "rule_source": "laki"},
        )  # fmt: skip
    assert keys(exc) == {"rule_value": key}


def test_a_service_is_added_last_and_retired_but_kept(world: World):
    catalog = world.store.catalog
    added = catalog.add_service(
        world.admin,
        {"service_code": "digituki", "name_fi": "Digituki", "name_sv": "Digistöd",
         "name_en": "Digital support", "category": "guidance"},
    )  # fmt: skip
    assert catalog.services()[-1] == added and added.name("sv") == "Digistöd"
    with pytest.raises(ValidationError) as exc:
        catalog.add_service(
            world.admin,
            {"service_code": "Digi-tuki", "name_fi": "", "name_sv": "x", "name_en": "x",
             "category": "other"},
        )  # fmt: skip
    assert keys(exc) == {
        "service_code": "catalog.error.code_format",
        "name_fi": "error.required",
        "category": "catalog.error.choice",
    }
    retired = catalog.retire_service(world.admin, "digituki")
    assert not retired.active and added not in catalog.services()
    assert catalog.services_by_code()["digituki"] == retired
    # A retired service is offered by no new provider.
    with pytest.raises(ValidationError) as refused:
        catalog.add_provider(world.admin, provider_values(services="digituki"))
    assert keys(refused) == {"services": "catalog.error.service_retired"}
    assert ("update", "service") in audit_entities(world)


def test_only_an_admin_changes_the_catalog(world: World, tmp_path: Path):
    catalog = world.store.catalog
    for staff in (world.coach, world.reception):
        with pytest.raises(PermissionDenied):
            catalog.add_provider(staff, provider_values())
        with pytest.raises(PermissionDenied):
            catalog.retire_service(staff, "tyopaja")
        with pytest.raises(PermissionDenied):
            catalog.add_rule(
                staff,
                {"service": "tyopaja", "rule_kind": "min_age", "rule_value": "17",
                 "effective_from": "1.1.2027", "rule_source": "laki"},
            )  # fmt: skip
        with pytest.raises(PermissionDenied):
            catalog.import_providers(staff, tmp_path / "none.csv", dry_run=True)
    assert catalog.providers() == []
    assert catalog.services_by_code()["tyopaja"].active


def write_csv(path: Path, text: str, encoding: str = "utf-8-sig") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_a_provider_csv_is_imported_whole_with_registered_ids_skipped(world: World, tmp_path: Path):
    catalog = world.store.catalog
    catalog.add_provider(world.admin, provider_values(business_id=OTHER_ID))
    file = write_csv(
        tmp_path / "tuottajat.csv",
        "name;business_id;sector;municipality;active_from;services\n"
        "Savon Valmennus Oy;2077474-0;company;Kuopio;1.1.2025;tyokokeilu uravalmennus\n"
        "Kuopion kaupunki;0737546-2;municipality;Kuopio;;kuntouttava\n"
        "Työpaja ry;1572860-0;third_sector;Siilinjärvi;;tyopaja,kuntouttava\n",
    )
    dry = catalog.import_providers(world.admin, file, dry_run=True)
    assert (dry.ok, dry.to_import, dry.imported) == (True, 2, 0)
    assert len(catalog.providers()) == 1
    report = catalog.import_providers(world.admin, file)
    assert report.imported == 2
    assert [(d.line, d.business_id) for d in report.duplicates] == [(3, OTHER_ID)]
    imported = catalog.find_provider("1572860-0")
    assert imported is not None and imported.sector == "third_sector"
    assert catalog.service_codes(imported) == ["kuntouttava", "tyopaja"]
    # The same file again adds nothing.
    assert catalog.import_providers(world.admin, file).imported == 0


def test_one_bad_provider_row_imports_nothing_and_every_problem_has_its_line_and_column(
    world: World, tmp_path: Path
):
    file = write_csv(
        tmp_path / "tuottajat.csv",
        "name\tbusiness_id\tservices\n"
        "Savon Valmennus Oy\t2077474-0\ttyokokeilu\n"
        "Väärä Oy\t2077474-1\ttyokokeilu\n"
        "Toinen kerta Oy\t20774740\tlentokoulu\n",
        encoding="utf-16",
    )
    report = world.store.catalog.import_providers(world.admin, file)
    assert not report.ok and report.imported == 0
    assert [(p.line, p.column, p.key) for p in report.problems] == [
        (3, "business_id", "catalog.error.business_id_checksum"),
        (4, "services", "error.service.unknown"),
        (4, "business_id", "catalog.error.business_id_repeated"),
    ]
    assert report.problems[0].reason("sv").startswith("FO-numrets kontrollsiffra")
    assert world.store.catalog.providers() == []


def test_a_provider_csv_with_an_unknown_column_is_refused_whole(world: World, tmp_path: Path):
    file = write_csv(tmp_path / "x.csv", "name,business_id,phone\nA Oy,2077474-0,123\n")
    with pytest.raises(ImportFileError) as exc:
        world.store.catalog.import_providers(world.admin, file)
    assert exc.value.key == "import.error.unknown_columns"
