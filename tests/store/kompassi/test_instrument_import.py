"""A site's own instrument version from a TOML or JSON file: stored whole and used by new
readings while old readings keep theirs, or refused with every problem named and nothing
stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.clients.validation import ValidationError
from store.core.auth import PermissionDenied
from store.core.i18n import register
from store.kompassi.instrument_file import InstrumentFileError, instrument_toml
from store.kompassi.instrument_import import (
    import_instrument,
    instrument_to_show,
    instrument_uses,
)
from tests.conftest import World
from tui.cli_instrument_strings import STRINGS as INSTRUMENT_STRINGS

DATA = Path(__file__).resolve().parents[2] / "data"
V2_TOML = DATA / "instrument_kompassi_v2.toml"
OWN_JSON = DATA / "instrument_oma.json"


@pytest.fixture(autouse=True)
def instrument_strings() -> None:
    """The problems' texts, as `luotsi instrument import` loads them to print them."""
    register(INSTRUMENT_STRINGS)


def _import(world: World, path: Path, **kwargs: bool):
    store = world.store
    return import_instrument(store.ctx, store.instruments, world.admin, path, **kwargs)


def _counts(world: World) -> tuple[int, int, int, int]:
    db = world.store.db
    tables = ("instrument", "instrument_band", "instrument_domain", "audit_event")
    return tuple(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables)  # type: ignore[return-value]


def test_a_toml_version_is_stored_and_new_readings_use_it_while_old_ones_keep_theirs(
    world: World,
):
    store, coach = world.store, world.coach
    client_id = world.clients["makinen"].id
    baseline = store.kompassi.start(coach, client_id)
    store.kompassi.answer(coach, baseline.id, "talous", score=4)
    store.kompassi.finish(coach, baseline.id)

    report = _import(world, V2_TOML)

    assert report.ok and report.stored, report.problems
    current = store.instruments.current()
    assert (current.code, current.version) == ("kompassi", 2)
    assert current.domain("asuminen").label("sv") == "Boende"  # type: ignore[union-attr]
    assert current.domain("talous").question("en").startswith("Does your money cover food")  # type: ignore[union-attr]
    assert [d.code for d in current.domains][-2:] == ["asuminen", "tyokyky"]
    follow_up = store.kompassi.start(coach, client_id)
    store.kompassi.answer(coach, follow_up.id, "asuminen", score=7)
    assert follow_up.instrument_id == current.id
    view = store.kompassi.open(coach, client_id)
    [old] = view.readings
    assert view.instrument_of(old).version == 1  # the baseline keeps the wording it used
    assert "asuminen" not in [d.code for d in view.instrument_of(old).domains]
    [event] = store.audit.events(entity_id=current.id)
    assert (event.action, event.entity, event.staff_id) == ("create", "instrument", world.admin.id)
    assert "instrument_kompassi_v2.toml" in (event.purpose or "")
    uses = {(u.instrument.code, u.instrument.version): u for u in instrument_uses(
        store.ctx, store.instruments, world.admin
    )}  # fmt: skip
    assert (uses["kompassi", 1].readings, uses["kompassi", 1].current) == (1, False)
    assert (uses["kompassi", 2].readings, uses["kompassi", 2].current) == (1, True)


def test_a_json_version_of_another_code_is_stored_with_its_own_bands(world: World):
    report = _import(world, OWN_JSON)
    assert report.stored, report.problems
    current = world.store.instruments.current()
    assert (current.code, current.version, current.skip_allowed) == ("oma_arvio", 1, False)
    assert [(b.code, b.score_from, b.score_to) for b in current.bands] == [
        ("low", 0, 4),
        ("high", 5, 10),
    ]
    assert current.band_of(5).label("fi") == "Sujuu"  # type: ignore[union-attr]
    # The domains without an order take their place in the file.
    assert [(d.code, d.sort_order) for d in current.domains] == [("tyollisyys", 1), ("arki", 2)]
    kompassi, coach = world.store.kompassi, world.coach
    reading = kompassi.start(coach, world.clients["makinen"].id)
    assert reading.instrument_id == current.id
    assert kompassi.answer(coach, reading.id, "arki", score=5).score == 5
    with pytest.raises(ValidationError):  # this version lets no question be skipped
        kompassi.answer(coach, reading.id, "tyollisyys", skipped=True)


def test_a_dry_run_checks_everything_and_stores_nothing(world: World):
    before = _counts(world)
    report = _import(world, V2_TOML, dry_run=True)
    assert report.ok and not report.stored and report.instrument is not None
    assert report.instrument.version == 2
    assert _counts(world) == before
    assert world.store.instruments.current().version == 1


def test_an_invalid_file_is_refused_with_every_problem_named_and_nothing_stored(
    world: World, tmp_path: Path
):
    bad = tmp_path / "bad.toml"
    bad.write_text(
        """
code = "kompassi"
version = 1
colour = "blue"
name = { fi = "Kompassi", sv = "" }
scale = { min = 1, max = 10 }

[[bands]]
code = "low"
from = 0
to = 4
label = { fi = "Vaikeaa", sv = "Svårt", en = "Difficult" }

[[bands]]
code = "low"
from = 6
to = 10
label = { fi = "Hyvin", sv = "Bra", en = "=Good" }

[[domains]]
code = "talous"
label = { fi = "Talous", sv = "Ekonomi", en = "Finances" }
question = { fi = "Riittääkö raha?", sv = "Räcker pengarna?", en = "Enough money?" }

[[domains]]
code = "talous"
optional = "no"
label = { fi = "Talous", sv = "Ekonomi", en = "Fin\\u001bances" }
question = { fi = "Riittääkö raha?", sv = "Räcker pengarna?" }
""",
        encoding="utf-8",
    )
    before = _counts(world)
    report = _import(world, bad)
    assert not report.ok and not report.stored
    found = {(p.where, p.key) for p in report.problems}
    assert found == {
        ("version", "instrument.error.version_stored"),
        ("colour", "instrument.error.unknown_key"),
        ("name.sv", "instrument.error.empty"),
        ("name.en", "instrument.error.missing"),
        ("scale", "instrument.error.scale"),
        ("bands[2].code", "instrument.error.repeated_code"),
        ("bands[2].label.en", "text.error.start"),
        ("domains[2].code", "instrument.error.repeated_code"),
        ("domains[2].optional", "instrument.error.not_bool"),
        ("domains[2].label.en", "text.error.control"),
        ("domains[2].question.en", "instrument.error.missing"),
    }
    assert [p.where for p in report.problems][:3] == ["colour", "version", "name.sv"]
    messages = [p.message("en") for p in report.problems]
    assert "domains[2].question.en: missing" in messages
    assert (
        "domains[2].label.en: contains a control or invisible character (U+001B) — remove it"
        in messages
    )
    assert "scale: only the 0–10 scale is accepted" in " ".join(messages)
    assert _counts(world) == before


@pytest.mark.parametrize(
    ("bands", "expected"),
    [
        ([(0, 5), (7, 10)], {("bands[2].from", "instrument.error.band_gap")}),
        ([(0, 5), (5, 10)], {("bands[2].from", "instrument.error.band_overlap")}),
        ([(1, 10)], {("bands[1].from", "instrument.error.band_gap")}),
        ([(0, 5), (6, 9)], {("bands[2].to", "instrument.error.band_end")}),
        ([(6, 10), (0, 5)], {("bands[1].from", "instrument.error.band_gap"),
                             ("bands[2].from", "instrument.error.band_overlap"),
                             ("bands[2].to", "instrument.error.band_end")}),
        ([(0, 7), (6, 5)], {("bands[2]", "instrument.error.band_reversed"),
                            ("bands[2].to", "instrument.error.band_end")}),
    ],
)  # fmt: skip
def test_bands_must_cover_the_scale_low_to_high_without_gaps_or_overlaps(
    world: World, tmp_path: Path, bands: list[tuple[int, int]], expected: set[tuple[str, str]]
):
    text = instrument_toml(world.store.instruments.current(), 2).split("[[bands]]")[0]
    text += 'domains = [{ code = "d", label = { fi = "a", sv = "b", en = "c" },'
    text += ' question = { fi = "a", sv = "b", en = "c" } }]\n'
    for number, (low, high) in enumerate(bands, 1):
        text += f'[[bands]]\ncode = "b{number}"\nfrom = {low}\nto = {high}\n'
        text += 'label = { fi = "a", sv = "b", en = "c" }\n'
    path = tmp_path / "bands.toml"
    path.write_text(text, encoding="utf-8")
    report = _import(world, path)
    assert {(p.where, p.key) for p in report.problems} == expected


def test_the_same_version_twice_or_a_lower_one_is_refused(world: World, tmp_path: Path):
    assert _import(world, V2_TOML).stored
    again = _import(world, V2_TOML)
    [problem] = again.problems
    assert (problem.where, problem.key) == ("version", "instrument.error.version_stored")
    assert problem.params["next"] == 3
    seeded = tmp_path / "v1.toml"
    seeded.write_text(instrument_toml(world.store.instruments.current(), 1), encoding="utf-8")
    [problem] = _import(world, seeded).problems
    assert problem.key == "instrument.error.version_stored"
    assert world.store.db.execute("SELECT count(*) FROM instrument").fetchone()[0] == 2


def test_a_version_below_the_newest_is_refused(world: World, tmp_path: Path):
    current = world.store.instruments.current()
    five, three = tmp_path / "v5.toml", tmp_path / "v3.toml"
    five.write_text(instrument_toml(current, 5), encoding="utf-8")
    three.write_text(instrument_toml(current, 3), encoding="utf-8")
    assert _import(world, five).stored
    [problem] = _import(world, three).problems
    assert problem.key == "instrument.error.version_lower" and problem.params["newest"] == 5


@pytest.mark.parametrize(
    ("name", "content", "key", "params"),
    [
        ("missing.toml", None, "import.error.file_missing", {}),
        ("folder.toml/", None, "instrument.error.file_folder", {}),
        ("kompassi.yaml", b"code: x", "instrument.error.file_type", {}),
        ("latin1.toml", b'code = "x"\nname = "K\xe4ytt\xf6"\n', "instrument.error.not_utf8",
         {"line": 2}),
        ("broken.toml", b'code = "x"\nversion = \nname = 1\n', "instrument.error.bad_toml",
         {"line": 2}),
        ("broken.json", b'{"code": "x",\n "version": 2,\n}', "instrument.error.bad_json",
         {"line": 3, "column": 1}),
        ("twice.json", b'{"code": "x", "code": "y"}', "instrument.error.repeated_key",
         {"name": "code"}),
        ("list.json", b"[1, 2]", "instrument.error.file_not_table", {}),
    ],
)  # fmt: skip
def test_a_file_that_cannot_be_read_says_why(
    world: World, tmp_path: Path, name: str, content: bytes | None, key: str, params: dict
):
    path = tmp_path / name
    if name.endswith("/"):
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    with pytest.raises(InstrumentFileError) as refused:
        _import(world, path)
    assert refused.value.key == key
    assert params.items() <= refused.value.params.items()


def test_only_an_admin_imports_or_looks(world: World):
    store = world.store
    for staff in (world.coach, world.reception):
        with pytest.raises(PermissionDenied):
            import_instrument(store.ctx, store.instruments, staff, V2_TOML)
        with pytest.raises(PermissionDenied):
            instrument_uses(store.ctx, store.instruments, staff)
        with pytest.raises(PermissionDenied):
            instrument_to_show(store.instruments, staff, "kompassi")
    assert store.instruments.current().version == 1


@pytest.mark.parametrize(
    ("line", "where", "key"),
    [
        ('code = "Kompassi 2"', "code", "instrument.error.not_code"),
        ("code = 7", "code", "instrument.error.not_text"),
        ("version = 0", "version", "instrument.error.version_range"),
        ("version = 2.5", "version", "instrument.error.not_integer"),
        ("version = true", "version", "instrument.error.not_integer"),
        ("skip_allowed = 1", "skip_allowed", "instrument.error.not_bool"),
        ('name = "Kompassi"', "name", "instrument.error.not_table"),
        ('name = { fi = "K", sv = "K", en = "K", se = "K" }', "name.se",
         "instrument.error.unknown_key"),
        (f'name = {{ fi = "{"K" * 61}", sv = "K", en = "K" }}', "name.fi",
         "text.error.too_long"),
    ],
)  # fmt: skip
def test_a_wrong_top_level_value_is_named(
    world: World, tmp_path: Path, line: str, where: str, key: str
):
    text = instrument_toml(world.store.instruments.current(), 2)
    name = line.split(" =")[0]
    lines = text.splitlines()
    lines.remove(next(old for old in lines if old.startswith(f"{name} =")))  # the top one
    path = tmp_path / "one.toml"
    path.write_text("\n".join([line, *lines]) + "\n", encoding="utf-8")
    assert [(p.where, p.key) for p in _import(world, path).problems] == [(where, key)]


def test_the_readmes_example_file_imports(world: World, tmp_path: Path):
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Instrument file", 1)[1]
    example = section.split("```toml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "readme.toml"
    path.write_text(example, encoding="utf-8")
    report = _import(world, path)
    assert report.stored, [p.message("en") for p in report.problems]
    assert [b.code for b in world.store.instruments.current().bands] == ["low", "high"]
