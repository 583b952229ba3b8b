"""The employment plan document: written in the client's language as a well-formed,
self-contained A4 page or a Markdown text, stored texts kept as text, and logged."""

from __future__ import annotations

import html
import stat
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from store.clients.validation import mask_hetu
from store.core.auth import PermissionDenied
from store.core.db import write_transaction
from store.core.rows import insert_row, update_row
from store.exports.plan_file import default_plan_name, plan_defaults, write_plan
from store.exports.visit_export import ExportError
from store.paths.plan import _paragraph, plan_language  # pyright: ignore[reportPrivateUsage]
from store.paths.repository import PurposeRequired
from store.sample.accounts import add_demo_account
from tests.conftest import World


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


VOID = {"meta", "br", "hr", "img", "input", "link", "col", "wbr"}


@dataclass
class Planned:
    client_id: str
    services: dict[str, tuple[str, str, str]]  # code → (fi, sv, en) names, in plan order
    cancelled: tuple[str, str, str]


def plan_a_path(world: World, client_key: str = "makinen") -> Planned:
    """A path of three agreed steps (one from a provider) and one cancelled, for the
    client's own coach: obligation 3 a month, next review 15.1.2027."""
    client_id = world.clients[client_key].id
    store, coach = world.store, world.coach
    with write_transaction(store.db):
        if store.clients.coach_id_of(client_id) != coach.id:
            update_row(store.ctx, "client", client_id, {"coach_id": coach.id}, by=coach.id)
        insert_row(
            store.ctx,
            "provider",
            {"name": "Duunitalo Oy", "business_id": "0112038-9", "active_from": "2020-01-01"},
            by=coach.id,
        )
    paths = store.paths
    path = paths.start(
        coach,
        client_id,
        {"goal": "Töihin varastoalalle", "work_search_obligation": "3", "next_review": "15.1.2027"},
    )
    steps = [
        {"service": "tyokokeilu", "organiser": "Kaupungin varikko", "planned_start": "1.1.2027",
         "planned_end": "30.6.2027", "days_per_week": "5", "hours_per_day": "6",
         "goal": "Trukkikortti"},
        {"service": "uravalmennus", "planned_start": "2.3.2027", "planned_end": "31.3.2027"},
        {"service": "koulutus", "provider": "0112038-9", "planned_start": "1.8.2027"},
        {"service": "starttiraha", "planned_start": "1.9.2027"},
    ]  # fmt: skip
    added = [paths.add_step(coach, path.id, raw) for raw in steps]
    paths.set_status(coach, added[-1].id, "cancelled")
    services = {s.code: (s.name_fi, s.name_sv, s.name_en) for s in store.catalog.services()}
    return Planned(
        client_id,
        {code: services[code] for code in ("tyokokeilu", "uravalmennus", "koulutus")},
        services["starttiraha"],
    )


class WellFormed(HTMLParser):
    """Every element closed in order; the tags seen and the text, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:]}")
        else:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@dataclass
class Page:
    tags: list[str]
    attrs: dict[str, dict[str, str | None]] = field(default_factory=dict)
    text: str = ""
    style: str = ""


def parse(document: str) -> Page:
    parser = WellFormed()
    parser.feed(document)
    parser.close()
    assert parser.problems == [] and parser.open == [], (parser.problems, parser.open)
    page = Page([tag for tag, _ in parser.tags], {tag: attrs for tag, attrs in parser.tags})
    page.text = " ".join(" ".join(parser.text).split())
    start, end = document.index("<style>"), document.index("</style>")
    page.style = document[start:end]
    return page


OBLIGATION = {
    "fi": "Haettavia työmahdollisuuksia kuukaudessa: 3",
    "sv": "Arbetsmöjligheter att söka per månad: 3",
    "en": "Job opportunities to apply for each month: 3",
}


@pytest.mark.parametrize(("lang", "index"), [("fi", 0), ("sv", 1), ("en", 2)])
def test_the_plan_in_each_language_is_a_well_formed_page_holding_the_path(
    world: World, out_dir: Path, lang: str, index: int
):
    planned = plan_a_path(world)
    out = write_plan(world.store.ctx, world.coach, planned.client_id, out_dir / "p.html", lang)
    document = out.read_text("utf-8")
    page = parse(document)
    assert page.tags[0] == "html" and page.attrs["html"]["lang"] == lang
    for names in planned.services.values():
        assert names[index] in page.text
    assert planned.cancelled[index] not in page.text  # withdrawn steps are not agreed ones
    for dates in ("1.1.2027–30.6.2027", "2.3.2027–31.3.2027", "1.8.2027"):
        assert dates in page.text
    assert "Kaupungin varikko" in page.text and "Duunitalo Oy" in page.text
    assert OBLIGATION[lang] in page.text
    assert "15.1.2027" in page.text and "28.11.2026" in page.text  # review, written
    assert "Töihin varastoalalle" in page.text and "Virtanen Liisa" in page.text
    hetu = world.clients["makinen"].hetu
    assert hetu and mask_hetu(hetu) in page.text and hetu not in document
    # Self-contained and printable: nothing fetched, nothing run, an A4 page.
    assert not {"script", "link", "a", "img", "iframe", "object"} & set(page.tags)
    assert "http" not in document and "url(" not in document and "@import" not in document
    assert "@page" in page.style and "A4" in page.style


def test_markdown_holds_the_steps_and_stored_texts_stay_text(world: World, out_dir: Path):
    planned = plan_a_path(world)
    with write_transaction(world.store.db):
        # A name stored before today's checks on names (or by another program).
        update_row(
            world.store.ctx,
            "client",
            planned.client_id,
            {"last_name": "<b>Mäkinen</b>", "first_name": "*Anna* [x](http://evil.example)"},
            by=world.admin.id,
        )
    out = write_plan(world.store.ctx, world.coach, planned.client_id, out_dir / "p.md", "en")
    text = out.read_text("utf-8")
    for names in planned.services.values():
        assert f"{names[2]}" in text
    assert "1.1.2027–30.6.2027" in text and OBLIGATION["en"] in text and "15.1.2027" in text
    shown = MarkdownIt("gfm-like").render(text)
    assert "<b>" not in shown and "<em>Anna" not in shown and "<a " not in shown
    assert "&lt;b&gt;Mäkinen&lt;/b&gt; *Anna* [x](http://evil.example)" in shown

    page = parse(
        write_plan(world.store.ctx, world.coach, planned.client_id, out_dir / "p.htm").read_text(
            "utf-8"
        )
    )
    assert "<b>Mäkinen</b> *Anna*" in page.text and "b" not in page.tags


@pytest.mark.parametrize(
    "text",
    [
        "# not a heading",
        "- not a list",
        "1. not a list",
        "---",
        "a_b_ `c` ~~d~~ <i>e</i> &amp; | www.x.fi http://x.fi *f* \\",
    ],
)
def test_a_stored_text_that_starts_a_markdown_line_shows_as_written(text: str):
    rendered = MarkdownIt("gfm-like").render(_paragraph(text)).strip()
    assert rendered.startswith("<p>") and rendered.endswith("</p>")
    assert html.unescape(rendered.removeprefix("<p>").removesuffix("</p>")) == text


def test_the_plan_is_in_the_clients_service_language_unless_asked(world: World, out_dir: Path):
    planned = plan_a_path(world, "ostman")  # her service language is Swedish
    out = write_plan(world.store.ctx, world.coach, planned.client_id, out_dir / "p.html")
    assert parse(out.read_text("utf-8")).attrs["html"]["lang"] == "sv"
    assert "Sysselsättningsplan" in out.read_text("utf-8")
    client = world.clients["ostman"]
    assert plan_language(client) == "sv"
    assert plan_language(replace(client, service_language="other")) == "fi"
    defaults = plan_defaults(world.store.ctx, planned.client_id)
    assert defaults.lang == "sv"
    assert defaults.file_name == "tyollistymissuunnitelma-ostman-28.11.2026.html"
    assert default_plan_name("Mäki-Jokela", world.store.today(), "md").endswith(
        "maki-jokela-28.11.2026.md"
    )


def test_every_plan_written_is_in_the_access_log_and_only_its_reader_reads_it(
    world: World, out_dir: Path
):
    planned = plan_a_path(world)
    out = write_plan(world.store.ctx, world.coach, planned.client_id, out_dir / "plan.html")
    [event] = world.store.audit.events(action="export")
    assert (event.entity, event.client_id, event.staff_id) == (
        "plan",
        planned.client_id,
        world.coach.id,
    )
    assert event.purpose and str(out) in event.purpose
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in out_dir.iterdir()] == ["plan.html"]  # no temporary left


def test_who_may_write_a_plan_is_who_may_open_the_path(world: World, out_dir: Path):
    planned = plan_a_path(world)
    ctx, out = world.store.ctx, out_dir / "p.html"
    with pytest.raises(PermissionDenied):
        write_plan(ctx, world.reception, planned.client_id, out)
    other = add_demo_account(ctx, "valmentaja2", "Koski Kalle", "coach", world.site.id)
    with pytest.raises(PurposeRequired):
        write_plan(ctx, other, planned.client_id, out)
    assert not out.exists() and world.store.audit.events(action="export") == []
    write_plan(ctx, other, planned.client_id, out, purpose="sijaisuus")
    [event] = world.store.audit.events(action="export")
    assert event.purpose and event.purpose.startswith("sijaisuus; ")


def test_a_plan_needs_a_path_and_a_known_suffix(world: World, out_dir: Path):
    client_id = world.clients["makinen"].id
    with pytest.raises(ExportError) as caught:
        write_plan(world.store.ctx, world.coach, client_id, out_dir / "p.html")
    assert caught.value.message("en") == "the client has no service path: no plan was written"
    plan_a_path(world)
    with pytest.raises(ExportError) as caught:
        write_plan(world.store.ctx, world.coach, client_id, out_dir / "p.pdf")
    assert ".html, .htm or .md" in caught.value.message("en")
    assert list(out_dir.iterdir()) == []
