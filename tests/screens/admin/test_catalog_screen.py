"""The admin's catalog screen, reached from the admin screen with c: services with their
rule rows and sources, providers added (a bad business ID told beside its field, nothing
typed lost), retired, and a rule row added; every change through the store."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, Input, TabbedContent

from screens.admin.catalog_dialogs import (
    ProviderDialog,
    ProviderServicesDialog,
    RetireProviderDialog,
    RetireServiceDialog,
    RuleDialog,
    ServiceDialog,
)
from screens.admin.catalog_screen import CatalogScreen
from tui.app import make_app

from ..helpers import screen_text, settled
from .test_admin_screen import error_of, fill, open_admin


async def open_catalog(pilot) -> CatalogScreen:
    await open_admin(pilot)
    await pilot.press("c")
    await settled(pilot)
    assert isinstance(pilot.app.screen, CatalogScreen)
    return pilot.app.screen


async def test_services_show_their_rule_rows_with_dates_and_sources(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_catalog(pilot)
        services = screen.query_one("#service-table", DataTable)
        services.move_cursor(row=[s.code for s in screen.services].index("kuntouttava"))
        await pilot.press("tab")  # to the rule rows
        await settled(pilot)
        text = screen_text(pilot)
        assert "Kuntouttava työtoiminta: sääntörivit (7)" in text
        assert "max_hours_per_week" in text and "1.9.2001" in text and "✓ nyt" in text
        assert "Lähde: Laki kuntouttavasta työtoiminnasta 189/2001" in text


async def test_admin_adds_a_provider_fixing_a_bad_business_id_without_losing_what_was_typed(
    world, clock
):
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_catalog(pilot)
        await pilot.press("a")
        await settled(pilot)
        dialog = app.screen
        assert isinstance(dialog, ProviderDialog)
        assert dialog.query_one("#active_from", Input).value == "28.11.2026"
        typed = {
            "provider_name": "Savon Valmennus Oy",
            "business_id": "2077474-1",
            "provider_municipality": "Kuopio",
            "services": "tyokokeilu uravalmennus",
        }
        fill(dialog, **typed)
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert app.screen is dialog
        assert "Y-tunnuksen tarkistenumero ei täsmää" in error_of(dialog, "business_id")
        assert dialog.focused is dialog.query_one("#business_id")
        assert {f: dialog.query_one(f"#{f}", Input).value for f in typed} == typed
        assert world.store.catalog.providers() == []
        # The cursor is in the field: the last digit is fixed by keys.
        await pilot.press("end", "backspace", "0", "ctrl+s")
        await settled(pilot)
        assert app.screen is screen
        assert screen.query_one(TabbedContent).active == "providers"
        text = screen_text(pilot)
        assert "Palveluntuottaja Savon Valmennus Oy lisätty." in text
        assert "2077474-0" in text and "28.11.2026" in text
    [provider] = world.store.catalog.providers()
    assert (provider.business_id, provider.municipality) == ("2077474-0", "Kuopio")
    assert world.store.catalog.service_codes(provider) == ["uravalmennus", "tyokokeilu"]
    [event] = world.store.audit.events(entity_id=provider.id, action="create")
    assert event.staff_id == world.admin.id


async def test_admin_retires_a_provider_which_stays_listed_with_its_last_day(world, clock):
    provider = world.store.catalog.add_provider(
        world.admin,
        {"provider_name": "Työpaja ry", "business_id": "1572860-0", "active_from": "1.1.2025"},
    )
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_catalog(pilot)
        await pilot.press("2", "d")
        await settled(pilot)
        dialog = app.screen
        assert isinstance(dialog, RetireProviderDialog)
        assert "Lopetetaanko Työpaja ry (1572860-0)?" in screen_text(pilot)
        fill(dialog, active_to="31.12.2024")
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert "loppu ei voi olla ennen alkua" in error_of(dialog, "active_to")
        fill(dialog, active_to="30.11.2026")
        await pilot.press("ctrl+s")
        await settled(pilot)
        text = screen_text(pilot)
        assert "Työpaja ry toiminnassa 30.11.2026 asti" in text
    [retired] = world.store.catalog.providers([provider.id])
    assert retired.active_to == date(2026, 11, 30)


async def test_admin_adds_a_rule_row_in_force_from_its_date(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_catalog(pilot)
        services = screen.query_one("#service-table", DataTable)
        services.move_cursor(row=[s.code for s in screen.services].index("starttiraha"))
        await pilot.press("r")
        await settled(pilot)
        dialog = app.screen
        assert isinstance(dialog, RuleDialog)
        dialog.query_one("#rule_kind").value = "max_total_months"
        fill(dialog, rule_value="kaksitoista", effective_from="1.1.2027", rule_source="")
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert "kirjoita luku" in error_of(dialog, "rule_value")
        assert "pakollinen tieto puuttuu" in error_of(dialog, "rule_source")
        fill(dialog, rule_value="18", rule_source="HE 99/2026")
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert app.screen is screen
        text = screen_text(pilot)
        assert "Sääntörivi max_total_months lisätty, voimassa 1.1.2027 alkaen." in text
        assert "Starttiraha: sääntörivit (3)" in text and "1.1.2027" in text


async def test_admin_changes_the_services_a_provider_offers(world, clock):
    provider = world.store.catalog.add_provider(
        world.admin,
        {"provider_name": "Työpaja ry", "business_id": "1572860-0", "services": "tyopaja"},
    )
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_catalog(pilot)
        await pilot.press("s")
        await settled(pilot)
        dialog = app.screen
        assert isinstance(dialog, ProviderServicesDialog)
        assert dialog.query_one("#services", Input).value == "tyopaja"
        await pilot.press("end", *" lentokoulu", "enter")
        await settled(pilot)
        assert "palvelua lentokoulu ei ole palveluluettelossa" in error_of(dialog, "services")
        fill(dialog, services="tyopaja kuntouttava")
        await pilot.press("enter")
        await settled(pilot)
        assert "Palveluntuottajan Työpaja ry palvelut tallennettu." in screen_text(pilot)
        assert "kuntouttava tyopaja" in screen_text(pilot)
    [changed] = world.store.catalog.providers([provider.id])
    assert world.store.catalog.service_codes(changed) == ["kuntouttava", "tyopaja"]


async def test_admin_adds_a_service_and_retires_it_which_stays_for_old_steps(world, clock):
    app = make_app(world.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_catalog(pilot)
        await pilot.press("n")
        await settled(pilot)
        dialog = app.screen
        assert isinstance(dialog, ServiceDialog)
        typed = {"service_code": "Digi-tuki", "name_fi": "Digituki", "name_sv": "Digistöd",
                 "name_en": "Digital support"}  # fmt: skip
        fill(dialog, **typed)
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert app.screen is dialog and error_of(dialog, "service_code")
        assert {f: dialog.query_one(f"#{f}", Input).value for f in typed} == typed
        fill(dialog, service_code="digituki")
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert app.screen is screen
        assert "Palvelu Digituki lisätty." in screen_text(pilot)
        assert "digituki" in world.store.catalog.services_by_code()
        # x retires the highlighted one (the new one), after Enter.
        await pilot.press("x")
        await settled(pilot)
        assert isinstance(app.screen, RetireServiceDialog)
        assert "Poistetaanko Digituki käytöstä?" in screen_text(pilot)
        await pilot.press("enter")
        await settled(pilot)
        assert app.screen is screen
        assert "Palvelu Digituki poistettu käytöstä." in screen_text(pilot)
    retired = world.store.catalog.services_by_code()["digituki"]
    assert not retired.active
    assert "digituki" not in {s.code for s in world.store.catalog.services()}
