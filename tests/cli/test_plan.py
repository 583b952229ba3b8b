"""`luotsi plan CLIENT --out FILE` through Typer's runner, on a real database file."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from store.api import Store
from store.clients.validation import mask_hetu
from store.sample.accounts import add_demo_account
from tests.conftest import World
from tests.store.paths.test_plan import Planned, plan_a_path
from tui.cli import app

runner = CliRunner()


@pytest.fixture
def planned(world: World) -> Planned:
    """Mäkinen's path (her own coach: valmentaja), and a second coach, valmentaja2."""
    result = plan_a_path(world)
    add_demo_account(world.store.ctx, "valmentaja2", "Koski Kalle", "coach", world.site.id)
    world.store.close()  # the CLI opens the file itself
    return result


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def plan(world: World, *args: str, user: str = "valmentaja"):
    return runner.invoke(
        app,
        ["plan", *args, "--db", str(world.path), "--user", user],
        env={"LUOTSI_PASSWORD": "demo"},
    )


def plan_events(world: World):
    store = Store.open(world.path)
    try:
        return store.audit.events(action="export")
    finally:
        store.close()


def test_a_client_named_by_hetu_id_or_unique_search_gets_a_plan(
    world: World, planned: Planned, out_dir: Path
):
    makinen = world.clients["makinen"]
    assert makinen.hetu
    for number, client in enumerate((makinen.hetu, makinen.id, "Mäkinen Anna"), 1):
        out = out_dir / f"plan{number}.html"
        result = plan(world, client, "--out", str(out))
        assert result.exit_code == 0, result.output
        assert f"Työllistymissuunnitelma kirjoitettu tiedostoon {out}" in result.output
        document = out.read_text("utf-8")
        assert (
            "Työkokeilu" in document and "Haettavia työmahdollisuuksia kuukaudessa: 3" in document
        )
    events = plan_events(world)
    assert [(e.entity, e.client_id) for e in events] == [("plan", planned.client_id)] * 3
    assert all(e.purpose and f"file={out_dir}" in e.purpose for e in events)


def test_lang_is_the_plans_language_and_the_suffix_its_format(
    world: World, planned: Planned, out_dir: Path
):
    out = out_dir / "plan.md"
    result = plan(world, "Mäkinen Anna", "--out", str(out), "--lang", "sv")
    assert result.exit_code == 0, result.output
    assert "kirjoitettu tiedostoon" in result.output  # the coach's own language
    text = out.read_text("utf-8")
    assert text.startswith("# Sysselsättningsplan") and "### 1. Arbetsprövning" in text

    result = plan(world, "Mäkinen Anna", "--out", str(out_dir / "plan.pdf"))
    assert result.exit_code == 2
    assert "pääte ei kelpaa: käytä .html, .htm tai .md" in result.output
    assert not (out_dir / "plan.pdf").exists()


def test_an_ambiguous_search_lists_the_candidates_masked(
    world: World, planned: Planned, out_dir: Path
):
    result = plan(world, "Mäki", "--out", str(out_dir / "p.html"))
    assert result.exit_code == 2
    assert "hakuun ”Mäki” sopii useampi asiakas" in result.output
    for key in ("makinen", "maki_jokela"):
        client = world.clients[key]
        assert client.hetu and mask_hetu(client.hetu) in result.output
        assert client.hetu not in result.output and client.id in result.output
    assert "Mäkinen Anna" in result.output and "Mäki-Jokela Pekka" in result.output

    result = plan(world, "Nobody Here", "--out", str(out_dir / "p.html"))
    assert (
        result.exit_code == 2 and "yksikään asiakas ei vastaa hakua ”Nobody Here”" in result.output
    )
    assert list(out_dir.iterdir()) == [] and plan_events(world) == []


def test_reception_is_refused_before_any_name_is_looked_up(
    world: World, planned: Planned, out_dir: Path
):
    result = plan(world, "Mäki", "--out", str(out_dir / "p.html"), user="vastaanotto")
    assert result.exit_code == 2
    assert "vastaanotto ei saa kirjoittaa työllistymissuunnitelmia" in result.output
    assert "Mäkinen" not in result.output


def test_another_coach_writes_the_plan_only_with_a_purpose(
    world: World, planned: Planned, out_dir: Path
):
    out = out_dir / "p.html"
    result = plan(world, "Mäkinen Anna", "--out", str(out), user="valmentaja2")
    assert result.exit_code == 2
    assert "kerro käyttötarkoitus valitsimella --purpose" in result.output
    assert not out.exists()
    result = plan(
        world, "Mäkinen Anna", "--out", str(out), "--purpose", "sijaisuus", user="valmentaja2"
    )
    assert result.exit_code == 0, result.output
    [event] = plan_events(world)
    assert event.purpose and event.purpose.startswith("sijaisuus; ")
