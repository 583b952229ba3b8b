"""F3 through the real app: a coach types a reading by keys (a 10, a skip, the coach's own
view), finishes it, comes back to a draft; others are refused; old drafts are listed."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Input, Select, Static

from screens.kompassi import reading_entry
from screens.kompassi.kompassi_screen import KompassiScreen
from screens.kompassi.note_dialog import NoteDialog
from screens.kompassi.reading_grid import ReadingGrid
from screens.kompassi.start_dialog import ConfirmDiscardReading, DraftOffer, StartDialog
from screens.shell.today import TodayScreen
from store.sample.accounts import add_demo_account
from tui.app import make_app

from ..helpers import log_in, messages, open_card, screen_text, settled
from .helpers import grid_rows, open_kompassi, start_reading

DOMAINS = ("talous", "osallisuus", "osaaminen", "psyykkinen", "arki", "tyollisyys", "terveys",
           "tyokyky")  # fmt: skip


async def test_a_baseline_typed_by_digits_with_a_ten_and_a_skip_is_stored(
    world, clock, monkeypatch
):
    # "1" then "0" is one 10 when typed quickly; on a busy test machine, as quickly as Pilot can.
    monkeypatch.setattr(reading_entry, "TEN_WINDOW_S", 60.0)
    makinen = world.clients["makinen"].id
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_kompassi(pilot, makinen)
        assert "Ei vielä mittauksia" in screen_text(pilot)
        grid = await start_reading(pilot)
        # 3, then 1 0 (ten), t (ten), s (skipped), 7, 5, 6, 4: nine keys for eight domains.
        await pilot.press("3", "1", "0", "t", "s", "7", "5", "6", "4")
        rows = grid_rows(grid)
        assert rows["talous"][1] == " 3 Vaikeaa"
        assert rows["osallisuus"][1] == "10 Hyvin" and rows["osaaminen"][1] == "10 Hyvin"
        assert rows["psyykkinen"][1] == "ohitettu"
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert "Mittaus valmis: alkumittaus 28.11.2026." in messages(app)
    view = world.store.kompassi.view(world.coach, makinen)
    [baseline] = view.readings
    assert baseline.kind == "baseline" and view.draft is None
    scores = {a.domain_code: (a.score, a.skipped) for a in baseline.answers}
    assert scores == {
        "talous": (3, False), "osallisuus": (10, False), "osaaminen": (10, False),
        "psyykkinen": (None, True), "arki": (7, False), "tyollisyys": (5, False),
        "terveys": (6, False), "tyokyky": (4, False),
    }  # fmt: skip


def finished_baseline(world, client_id, scores):
    """A baseline entered earlier, through the store, as another session would have."""
    kompassi = world.store.kompassi
    draft = kompassi.start(world.coach, client_id)
    for code, score in scores.items():
        kompassi.answer(world.coach, draft.id, code, score=score)
    return kompassi.finish(world.coach, draft.id)


async def test_a_follow_up_with_the_coachs_own_view_is_listed_after_the_baseline(world, clock):
    makinen = world.clients["makinen"].id
    finished_baseline(world, makinen, dict.fromkeys(DOMAINS, 4))
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_kompassi(pilot, makinen)
        assert "alkumittaus" in screen_text(pilot) and "8/8" in screen_text(pilot)
        await pilot.press("n")
        await pilot.pause()
        # The dialog offers the follow-up now that the baseline is done.
        assert "seurantamittaus" in screen_text(pilot)
        await pilot.press("enter")
        await settled(pilot)
        grid = screen.query_one(ReadingGrid)
        await pilot.press("6", "7")
        # o: digits now give the coach's own view; the client's answers stay as they are.
        await pilot.press("up", "up", "o", "5", "5")
        rows = grid_rows(grid)
        assert rows["talous"][1:3] == [" 6 Kohtalaista", " 5 Vaikeaa"]
        assert rows["osallisuus"][1:3] == [" 7 Kohtalaista", " 5 Vaikeaa"]
        assert "▶ Valmentaja" in screen_text(pilot)
        # Enter: the domain's comment and goal, saved with the answer and marked in the grid.
        await pilot.press("up", "enter")
        note = app.screen
        assert isinstance(note, NoteDialog)
        await pilot.press(*"Velkaa", "tab", *"Maksusuunnitelma", "ctrl+s")
        await settled(pilot)
        assert app.screen is screen and grid_rows(grid)["osallisuus"][3] == "K T"
        assert "Tavoite: Maksusuunnitelma" in screen_text(pilot)
        await pilot.press("ctrl+s")
        await settled(pilot)
        text = screen_text(pilot)
        assert "seurantamittaus" in text and "alkumittaus" in text and "2/8" in text
    view = world.store.kompassi.view(world.coach, makinen)
    follow_up = view.readings[-1]
    assert follow_up.kind == "follow_up"
    talous = follow_up.answer("talous")
    assert talous is not None and (talous.score, talous.coach_score) == (6, 5)
    osallisuus = follow_up.answer("osallisuus")
    assert osallisuus is not None and osallisuus.score == 7
    assert (osallisuus.comment, osallisuus.goal) == ("Velkaa", "Maksusuunnitelma")


async def test_reception_is_refused_kompassi(world, clock):
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "vastaanotto")
        await pilot.press("f3")
        await settled(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert any(m.startswith("Kompassi on valmentajien käytössä") for m in messages(app))


async def test_another_coachs_client_is_refused_with_the_reason_and_no_answers(world, clock):
    other = add_demo_account(world.store.ctx, "valmentaja2", "Koski Kari", "coach", world.site.id)
    raw = {"last_name": "Lahtinen", "first_name": "Olli", "birth_date": "2.3.1980",
           "coach_id": other.id}  # fmt: skip
    lahtinen = world.store.clients.create(world.admin, raw)
    kompassi = world.store.kompassi
    draft = kompassi.start(other, lahtinen.id)
    kompassi.answer(other, draft.id, "talous", score=2, comment="Ulosotto")
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "valmentaja")
        await pilot.press("f3")
        await settled(pilot)
        await pilot.press(*"Lahtinen")
        await settled(pilot)
        await pilot.press("down", "enter")
        await settled(pilot)
        screen = app.screen
        assert isinstance(screen, KompassiScreen) and screen.view is None
        text = screen_text(pilot)
        assert "Kompassi-vastaukset näkee vain asiakkaan oma valmentaja." in text
        assert "Ulosotto" not in text and "Keskeneräinen" not in text


async def test_a_draft_is_offered_when_the_client_is_opened_again(world, clock):
    makinen = world.clients["makinen"].id
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_kompassi(pilot, makinen)
        await start_reading(pilot)
        # Finishing with nothing answered is refused, and says why.
        await pilot.press("ctrl+s")
        assert "Yhteenkään kysymykseen ei ole vastattu tai sitä ohitettu." in messages(app)
        await pilot.press("8", "s")
        await pilot.press("escape")
        await settled(pilot)
        assert any("mitään ei menetetty" in m for m in messages(app))
        await pilot.press("escape")
        await settled(pilot)
        assert isinstance(app.screen, TodayScreen)
        await open_card(pilot, makinen)
        await pilot.press("f3")
        await settled(pilot)
        assert isinstance(app.screen, DraftOffer)
        assert "Keskeneräinen mittaus 28.11.2026" in screen_text(pilot)
        assert "Vastattu tai ohitettu 2/8" in screen_text(pilot)
        await pilot.press("enter")
        await settled(pilot)
        screen = app.screen
        assert isinstance(screen, KompassiScreen)
        grid = screen.query_one(ReadingGrid)
        # On where it was left: the third domain, the first two as they were typed.
        assert grid.domain_code == "osaaminen"
        rows = grid_rows(grid)
        assert rows["talous"][1] == " 8 Hyvin" and rows["osallisuus"][1] == "ohitettu"


async def test_a_paper_form_dated_in_the_future_is_refused_next_to_the_date_and_corrected(
    world, clock
):
    makinen = world.clients["makinen"].id
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_kompassi(pilot, makinen)
        await pilot.press("n")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, StartDialog)
        dialog.query_one("#kompassi_mode", Select).value = "paper"
        await pilot.pause()
        date_field = dialog.query_one("#kompassi_filled_on", Input)
        assert date_field.value == "28.11.2026"  # today, until the form's day is typed
        date_field.value = "1.12.2026"
        await pilot.press("enter")
        await settled(pilot)
        assert app.screen is dialog, "a reading was started on a day still to come"
        error = str(dialog.query_one("#error-kompassi_filled_on", Static).render())
        assert "Täytetty: päivä ei voi olla tulevaisuudessa" in error
        assert date_field.value == "1.12.2026"
        assert world.store.kompassi.view(world.coach, makinen).draft is None
        date_field.value = "20.11.2026"
        await pilot.press("enter")
        await settled(pilot)
        assert isinstance(app.screen, KompassiScreen)
        assert "alkumittaus, paperilla 20.11.2026" in screen_text(pilot)
        # d: a date mistyped is corrected on the draft, in the same fields.
        await pilot.press("d")
        await pilot.pause()
        details = app.screen
        assert isinstance(details, StartDialog)
        assert details.query_one("#kompassi_filled_on", Input).value == "20.11.2026"
        details.query_one("#kompassi_filled_on", Input).value = "21.11.2026"
        await pilot.press("enter")
        await settled(pilot)
        assert "alkumittaus, paperilla 21.11.2026" in screen_text(pilot)
    draft = world.store.kompassi.view(world.coach, makinen).draft
    assert draft is not None and draft.mode == "paper"
    assert draft.filled_on.isoformat() == "2026-11-21"


async def test_a_draft_left_over_thirty_days_is_listed_and_enter_opens_its_client(world, clock):
    makinen = world.clients["makinen"].id
    draft = world.store.kompassi.start(world.coach, makinen)
    world.store.kompassi.answer(world.coach, draft.id, "talous", score=5)
    clock.at += timedelta(days=31)
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "valmentaja")
        await pilot.press("f3")
        await settled(pilot)
        text = screen_text(pilot)
        assert "Keskeneräiset mittaukset: 1, yli 30 päivää: 1" in text
        assert "⚠ Mäkinen Anna · aloitettu 28.11.2026 · 1 vastattu · yli 30 päivää" in text
        # F12 (a visitor can see the screen): the list keeps its rows, by initials only.
        await pilot.press("f12")
        await settled(pilot)
        assert "Mäkinen" not in screen_text(pilot) and "aloitettu 28.11.2026" in screen_text(pilot)
        await pilot.press("f12")
        screen = app.screen
        assert isinstance(screen, KompassiScreen)
        await pilot.press("shift+tab", "enter")  # from the search up to the list
        await settled(pilot)
        assert isinstance(app.screen, DraftOffer)
        assert screen.client_id == makinen


async def test_a_draft_is_thrown_away_only_when_the_coach_says_so_twice(world, clock):
    makinen = world.clients["makinen"].id
    draft = world.store.kompassi.start(world.coach, makinen)
    world.store.kompassi.answer(world.coach, draft.id, "talous", score=2)
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_kompassi(pilot, makinen)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDiscardReading)
        await pilot.press("escape")  # kept after all
        await settled(pilot)
        assert world.store.kompassi.view(world.coach, makinen).draft is not None
        assert "Keskeneräinen mittaus 28.11.2026: n jatkaa" in screen_text(pilot)
        await pilot.press("n")  # continues the draft there is, rather than a second one
        await settled(pilot)
        screen = app.screen
        assert isinstance(screen, KompassiScreen) and screen.entering is not None
        assert screen.entering.id == draft.id
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_kompassi(pilot, makinen)
        await pilot.press("d", "enter")
        await settled(pilot)
        assert "Keskeneräinen mittaus hylättiin." in messages(app)
        assert "Ei vielä mittauksia" in screen_text(pilot)
    assert world.store.kompassi.view(world.coach, makinen).draft is None
