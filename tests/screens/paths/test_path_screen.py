"""F4 through the real app: a coach adds, moves, starts and finishes steps, sees and
acknowledges warnings, ends the path; others are asked why, reception is refused."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, Select

from screens.paths.dialogs import AcknowledgeWarnings, ConfirmCancelStep, PurposeDialog
from screens.paths.forms import EndPathDialog
from screens.paths.path_screen import ServicePathScreen
from screens.paths.plan_dialog import PlanDialog
from screens.paths.step_form import StepForm, months_later
from screens.shell.today import TodayScreen
from store.core.rows import insert_row
from store.sample.accounts import add_demo_account
from tui.app import make_app

from ..helpers import log_in, messages, screen_text, settled
from .helpers import COACHING, TRAINING, TRIAL, add_steps, fill, new_step_form, open_path


def steps_of(world, client_id):
    return list(world.store.paths.view(world.coach, client_id).steps)


async def test_a_coach_adds_a_six_month_work_trial_by_keys(world, clock):
    makinen = world.clients["makinen"].id
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_path(pilot, makinen)
        assert "Ei vielä vaiheita" in screen_text(pilot)
        await pilot.press("a")
        form = app.screen
        assert isinstance(form, StepForm) and app.focused is form.query_one("#service")
        # The service from its menu by typing its name, then the dates and the organiser.
        await pilot.press("enter", *"työk", "enter")
        assert form.query_one("#service", Select).value == "tyokokeilu"
        # The end as "+6": six months from the start.
        await pilot.press("tab", *"1.1.2027", "tab", "+", "6", "tab", "tab", *"Varikko")
        assert form.query_one("#planned_end", Input).value == "30.6.2027"
        await pilot.press("enter")
        await settled(pilot)
        assert isinstance(app.screen, ServicePathScreen)
        [trial] = steps_of(world, makinen)
        assert (trial.planned_start.isoformat(), trial.planned_end.isoformat()) == (
            "2027-01-01",
            "2027-06-30",
        )
        assert trial.organiser == "Varikko" and trial.status == "planned"
        text = screen_text(pilot)
        assert "Työkokeilu" in text and "1.1.2027–30.6.2027" in text and "○ suunniteltu" in text
        assert "Vaihe 1 lisätty." in messages(app)


async def test_an_impossible_date_is_an_error_at_its_field_and_keeps_what_was_typed(world, clock):
    makinen = world.clients["makinen"].id
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_path(pilot, makinen)
        form = await new_step_form(pilot)
        fill(form, service="tyokokeilu", planned_start="31.2.2027", organiser="Varikko")
        form.query_one("#planned_start", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form, "the form closed on an impossible date"
        error = str(form.query_one("#error-planned_start").render())
        assert "Suunniteltu alku: päivää 31.2.2027 ei ole kalenterissa" in error
        assert form.query_one("#planned_start", Input).value == "31.2.2027"
        assert form.query_one("#organiser", Input).value == "Varikko"
        assert app.focused is form.query_one("#planned_start")
        assert steps_of(world, makinen) == []
        # Esc with typed values asks first; "keep editing" keeps them.
        await pilot.press("escape")
        await pilot.press("escape")
        assert app.screen is form and form.query_one("#organiser", Input).value == "Varikko"
        form.query_one("#planned_start", Input).value = "28.2.2027"
        await pilot.press("ctrl+s")
        await settled(pilot)
        [step] = steps_of(world, makinen)
        assert step.planned_start.isoformat() == "2027-02-28"


async def test_steps_are_moved_started_finished_and_cancelled_by_keys(world, clock):
    makinen = world.clients["makinen"].id
    trial, training = add_steps(world, makinen, TRIAL, TRAINING)
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_path(pilot, makinen)
        table = screen.query_one("#steps", DataTable)
        await pilot.press("down", "ctrl+up")  # training before the trial
        await settled(pilot)
        assert [s.id for s in steps_of(world, makinen)] == [training.id, trial.id]
        assert screen.selected_id == training.id  # the cursor went with the step
        await pilot.press("down", "s")
        await settled(pilot)
        assert steps_of(world, makinen)[1].status == "active"
        assert "▶ käynnissä" in screen_text(pilot)
        await pilot.press("d")
        await settled(pilot)
        done = steps_of(world, makinen)[1]
        assert done.status == "done" and done.actual_end is not None
        assert "✓ valmis" in screen_text(pilot)
        # A finished step cannot start again: said, not done.
        await pilot.press("s")
        assert any("✓ valmis" in m and "▶ käynnissä" in m for m in messages(app))
        # Cancelling asks first; the step stays, marked cancelled.
        await pilot.press("up", "x")
        assert isinstance(app.screen, ConfirmCancelStep)
        await pilot.press("enter")
        await settled(pilot)
        assert [s.status for s in steps_of(world, makinen)] == ["cancelled", "done"]
        assert "— peruttu" in screen_text(pilot) and table.row_count == 2
        actions = [e.action for e in world.store.paths.events(trial.path_id)]
        assert actions[-4:] == ["move_step", "set_status", "set_status", "cancel_step"]


async def test_editing_a_step_keeps_its_values_and_saves_the_change(world, clock):
    makinen = world.clients["makinen"].id
    [trial] = add_steps(world, makinen, TRIAL)
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_path(pilot, makinen)
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, StepForm)
        assert form.query_one("#organiser", Input).value == "Kaupungin varikko"
        assert form.query_one("#hours_per_day", Input).value == "6"
        form.query_one("#hours_per_day", Input).value = "7,5"
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert steps_of(world, makinen)[0].hours_per_day == 7.5
        table = app.screen.query_one("#steps", DataTable)
        assert "7,5" in [str(cell) for cell in table.get_row_at(0)]


async def test_a_rule_warning_is_shown_and_acknowledged_with_who_and_when(world, clock):
    makinen = world.clients["makinen"].id
    long_trial = {**TRIAL, "planned_start": "1.1.2027", "planned_end": "28.2.2028"}
    [trial] = add_steps(world, makinen, long_trial)
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_path(pilot, makinen)
        text = screen_text(pilot)
        # The step is marked in the table; the panel gives the rule's text and source.
        assert any(line.lstrip().startswith("⚠  1") for line in text.splitlines())
        assert "Lähde: Työkokeilu: enintään 12 kk" in text
        await pilot.press("w")
        assert isinstance(app.screen, AcknowledgeWarnings)
        await pilot.press("enter")
        await settled(pilot)
        view = world.store.paths.view(world.coach, makinen)
        assert view.warnings and all(w.acknowledged_by == world.coach.id for w in view.warnings)
        assert "kuitattu Virtanen Liisa 28.11.2026" in screen_text(pilot)
        assert "acknowledge" in [e.action for e in world.store.paths.events(trial.path_id)]


async def test_the_path_ends_with_an_outcome(world, clock):
    makinen = world.clients["makinen"].id
    [coaching] = add_steps(world, makinen, COACHING)
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_path(pilot, makinen)
        await pilot.press("o")
        dialog = app.screen
        assert isinstance(dialog, EndPathDialog)
        assert not dialog.query_one("#employer_sector").parent.display
        dialog.query_one("#outcome", Select).value = "employed"
        await pilot.pause()
        assert dialog.query_one("#employer_sector").parent.display
        await pilot.press("ctrl+s")  # employed needs the employer and the contract
        await pilot.pause()
        assert app.screen is dialog
        assert "Työnantaja" in str(dialog.query_one("#error-employer_sector").render())
        dialog.query_one("#employer_sector", Select).value = "company"
        dialog.query_one("#employment_type", Select).value = "fixed_term"
        dialog.query_one("#with_pay_subsidy", Select).value = "1"
        await pilot.press("ctrl+s")
        await settled(pilot)
        path = world.store.paths.current_path(makinen)
        assert path is not None and not path.is_open
        assert (path.outcome, path.employer_sector, path.employment_type, path.with_pay_subsidy) == (
            "employed", "company", "fixed_term", True)  # fmt: skip
        assert path.ended_on == world.store.today()
        assert "työllistynyt, yritys, määräaikainen, palkkatuella" in screen_text(pilot)
        # An ended path is history: its steps no longer change.
        await pilot.press("s")
        assert any("päättynyt" in m for m in messages(app))


async def test_the_goal_obligation_and_review_are_set_with_g(world, clock):
    makinen = world.clients["makinen"].id
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_path(pilot, makinen)
        await pilot.press("g")
        dialog = app.screen
        dialog.query_one("#goal", Input).value = "Logistiikka-alalle"
        dialog.query_one("#work_search_obligation", Input).value = "3"
        dialog.query_one("#next_review", Input).value = "15.1.2027"
        await pilot.press("ctrl+s")
        await settled(pilot)
        path = world.store.paths.current_path(makinen)
        assert path is not None and path.goal == "Logistiikka-alalle"
        assert path.work_search_obligation == 3
        assert "Tarkistus 15.1.2027" in screen_text(pilot)


async def test_reception_is_refused_f4_with_a_clear_message(world, clock):
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "vastaanotto")
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "vastaanotto ei voi avata" in " ".join(messages(app))


async def test_another_coachs_client_opens_read_only_after_a_purpose(world, clock):
    makinen = world.clients["makinen"].id
    add_steps(world, makinen, TRIAL)
    add_demo_account(world.store.ctx, "valmentaja2", "Koski Kalle", "coach", world.site.id)
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "valmentaja2")
        await pilot.press("f4")
        await settled(pilot)
        screen = app.screen
        assert isinstance(screen, ServicePathScreen)
        await pilot.press(*"mäkinen")
        await settled(pilot)
        await pilot.press("enter")
        await settled(pilot)
        assert isinstance(app.screen, PurposeDialog)
        await pilot.press("enter")  # no purpose: asked again
        assert isinstance(app.screen, PurposeDialog)
        await pilot.press(*"sijaisuus", "enter")
        await settled(pilot)
        assert app.screen is screen
        text = screen_text(pilot)
        assert "(vain luku)" in text and "Työkokeilu" in text
        assert any("vain luettavaksi" in m for m in messages(app))
        # Only reading is offered: no key adds or changes a step.
        assert "a Lisää" not in text and "esc Takaisin" in text
        await pilot.press("a", "s", "x")
        assert app.screen is screen
        assert [s.status for s in steps_of(world, makinen)] == ["planned"]
        logged = [
            e.purpose for e in world.store.audit.events(action="view") if e.entity == "service_path"
        ]
        assert "sijaisuus" in logged


async def test_the_worklist_opens_the_path_at_a_step(world, clock):
    makinen = world.clients["makinen"].id
    _, training = add_steps(world, makinen, TRIAL, TRAINING)
    app = make_app(world.path, clock=clock, lang="sv")
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in(pilot, "valmentaja")
        app.push_screen(ServicePathScreen(makinen, training.id))
        await settled(pilot)
        screen = app.screen
        assert isinstance(screen, ServicePathScreen) and screen.selected_id == training.id
        assert "Arbetskraftsutbildning" in screen_text(pilot)


@pytest.mark.parametrize(
    ("start", "end", "meant"),
    [
        ("1.1.2027", "+6", "30.6.2027"),
        ("15.3.2027", "+12", "14.3.2028"),
        ("31.8.2026", "+6", "28.2.2027"),  # no 31.2.: to the end of February
        ("1.1.2027", "30.6.2027", "30.6.2027"),  # a date stays as typed
        ("31.2.2027", "+6", "+6"),  # no start to count from: the field's error says so
    ],
)
def test_an_end_typed_as_months_after_the_start(start, end, meant):
    assert months_later(start, end) == meant


async def test_the_step_form_warns_of_a_rule_while_typing(world, clock):
    makinen = world.clients["makinen"].id
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_path(pilot, makinen)
        form = await new_step_form(pilot)
        # A work trial of 14 months: the rule allows 12.
        fill(form, service="tyokokeilu", organiser="Varikko", planned_start="1.1.2027",
             planned_end="28.2.2028")  # fmt: skip
        await pilot.pause()
        warning = form.query_one("#step-warnings")
        assert warning.display and "⚠" in str(warning.render())
        # A warning never stops the step: it is saved, and the table marks it.
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert len(steps_of(world, makinen)) == 1
        assert any(line.lstrip().startswith("⚠  1") for line in screen_text(pilot).splitlines())


def add_provider(world, name, business_id, codes, active_to=None):
    """A provider row as the catalog's own commands would write it."""
    ctx, services = world.store.ctx, world.store.catalog.services_by_code()
    provider_id = insert_row(
        ctx,
        "provider",
        {
            "name": name,
            "business_id": business_id,
            "active_from": "2020-01-01",
            "active_to": active_to,
        },  # fmt: skip
        by=world.admin.id,
    )
    for code in codes:
        insert_row(
            ctx,
            "provider_service",
            {"provider_id": provider_id, "service_id": services[code].id},
            by=world.admin.id,
        )
    return provider_id


async def test_the_provider_menu_offers_the_active_providers_of_the_service(world, clock):
    makinen = world.clients["makinen"].id
    offering = add_provider(world, "Savon Työpaja Oy", "1234567-1", ["tyokokeilu"])
    add_provider(world, "Entinen Oy", "7654321-1", ["tyokokeilu"], active_to="2025-12-31")
    add_provider(world, "Kouluttaja Oy", "1111111-1", ["koulutus"])
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_path(pilot, makinen)
        form = await new_step_form(pilot)
        fill(form, service="tyokokeilu")
        await pilot.pause()
        provider = form.query_one("#provider", Select)
        provider.focus()
        await pilot.press("enter")  # the menu, as the coach sees it
        menu = screen_text(pilot)
        assert "Savon Työpaja Oy" in menu
        assert "Entinen Oy" not in menu and "Kouluttaja Oy" not in menu
        await pilot.press("escape")
        fill(form, provider=offering, planned_start="1.1.2027", planned_end="+6")
        await pilot.press("ctrl+s")
        await settled(pilot)
        [step] = steps_of(world, makinen)
        assert step.provider_id == offering and step.planned_end.isoformat() == "2027-06-30"
        assert "Savon Työpaja Oy" in screen_text(pilot)


async def test_p_writes_the_employment_plan_of_the_open_path(world, clock, tmp_path):
    makinen = world.clients["makinen"].id
    add_steps(world, makinen, TRIAL, TRAINING)
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_path(pilot, makinen)
        await pilot.press("p")
        await settled(pilot)
        dialog = app.screen
        assert isinstance(dialog, PlanDialog)
        out = tmp_path / "suunnitelma.html"
        dialog.query_one("#plan-path", Input).value = str(out)
        await pilot.press("enter")
        await settled(pilot)
        assert isinstance(app.screen, ServicePathScreen)
    text = out.read_text("utf-8")
    assert "Työkokeilu" in text and "1.1.2027" in text and "Varastotyöhön" in text
    [event] = [e for e in world.store.audit.events(client_id=makinen) if e.entity == "plan"]
    assert event.action == "export" and event.staff_id == world.coach.id


async def test_p_without_a_path_says_to_add_a_step_first(world, clock):
    app = make_app(world.path, clock=clock, lang="fi")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_path(pilot, world.clients["makinen"].id)
        await pilot.press("p")
        await settled(pilot)
        assert isinstance(app.screen, ServicePathScreen)
        assert any("ei ole vielä palvelupolkua" in note for note in messages(app))
