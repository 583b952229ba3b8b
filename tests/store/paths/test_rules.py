"""The rule checks of issue 11 on the seeded catalog: what the coach reads next to a step,
in the user's language with the figures, and the rule row it comes from."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from store.core.i18n import LANGUAGES, has_text
from store.core.service_catalog import RULE_KINDS
from store.paths.rules import WARNING_KEYS, step_months
from tests.conftest import World
from tests.store.paths.rule_steps import Seeded, day, text, texts


@pytest.fixture
def cat(world: World) -> Seeded:
    return Seeded.of(world.store)


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        ("1.1.2027", "30.6.2027", Fraction(6)),
        ("15.1.2027", "14.7.2027", Fraction(6)),
        ("1.1.2027", "31.12.2027", Fraction(12)),
        ("1.2.2024", "29.2.2024", Fraction(1)),
        ("31.1.2023", "27.2.2023", Fraction(1)),  # a month from 31.1. ends with February
        ("29.2.2024", "27.2.2025", Fraction(12)),
        ("29.2.2024", "28.2.2025", 12 + Fraction(1, 29)),
        ("1.1.2027", "1.1.2027", Fraction(1, 31)),
        ("1.1.2027", "16.1.2027", Fraction(16, 31)),
        ("2.1.2027", "1.1.2027", Fraction(0)),
    ],
)
def test_months_are_calendar_months_with_day_precision(start, end, months):
    assert step_months(day(start), day(end)) == months


def test_work_trial_at_most_12_months_in_total(cat: Seeded):
    first = cat.step("tyokokeilu", "1.1.2027", "30.6.2027", organiser="Varikko")
    second = cat.step("tyokokeilu", "1.7.2027", "31.12.2027", organiser="Kirjasto")
    assert cat.check([first, second]) == []
    third = cat.step("tyokokeilu", "1.1.2028", "29.2.2028", organiser="Uimahalli")
    warnings = cat.check([first, second, third])
    assert texts(warnings, third) == ["Työkokeilu yhteensä 14 kk; enintään 12 kk"]
    assert texts(warnings, third, "sv") == ["Arbetsprövning sammanlagt 14 mån; högst 12 mån"]
    assert texts(warnings, third, "en") == ["Work trial 14 months in total; at most 12"]
    (warning,) = warnings
    assert warning.rule == cat.rule("tyokokeilu", "max_total_months")
    assert "enintään 12 kk yhteensä" in warning.rule.source
    # Days counted once: a second trial inside the first adds nothing to the total (it
    # overlaps the first, which is another warning).
    inside = cat.step("tyokokeilu", "1.3.2027", "31.3.2027", organiser="Uimahalli")
    keys = {w.key for w in cat.check([first, second, inside])}
    assert keys == {"path.warning.full_time_overlap"}


def test_work_trial_at_most_6_months_with_one_organiser(cat: Seeded):
    first = cat.step("tyokokeilu", "1.1.2027", "30.4.2027", organiser="Kaupungin varikko")
    again = cat.step("tyokokeilu", "1.9.2027", "30.11.2027", organiser="kaupungin VARIKKO")
    elsewhere = cat.step("tyokokeilu", "1.5.2027", "31.8.2027", organiser="Kirjasto")
    warnings = cat.check([first, elsewhere, again])
    assert texts(warnings, again) == [
        "Työkokeilu järjestäjällä kaupungin VARIKKO yhteensä 7 kk;"
        " enintään 6 kk saman järjestäjän luona"
    ]
    assert [w.step_id for w in warnings] == [again.id]
    # The same provider is one organiser, whatever the steps call it.
    shop = cat.provider("Kauppa Oy", offers=["tyokokeilu"])
    at_shop = [
        cat.step("tyokokeilu", "1.1.2027", "31.3.2027", provider=shop),
        cat.step("tyokokeilu", "1.6.2027", "15.9.2027", provider=shop),
    ]
    assert texts(cat.check(at_shop), at_shop[1]) == [
        "Työkokeilu järjestäjällä Kauppa Oy yhteensä 6,5 kk; enintään 6 kk saman järjestäjän luona"
    ]


def test_working_life_trial_12_months_of_which_6_in_a_company(cat: Seeded):
    shop = cat.provider("Kauppa Oy", offers=["tyoelamakokeilu"])
    mill = cat.provider("Saha Oy", offers=["tyoelamakokeilu"])
    club = cat.provider("Urheiluseura ry", "third_sector", offers=["tyoelamakokeilu"])
    steps = [
        cat.step("tyoelamakokeilu", "1.1.2017", "30.4.2017", provider=shop),
        cat.step("tyoelamakokeilu", "1.5.2017", "31.8.2017", provider=club),
        cat.step("tyoelamakokeilu", "1.9.2017", "31.10.2017", provider=mill),
    ]
    assert cat.check(steps) == []  # 10 months, 6 of them in companies
    steps.append(cat.step("tyoelamakokeilu", "1.11.2017", "31.3.2018", provider=mill))
    warnings = cat.check(steps)
    assert texts(warnings, steps[3]) == [
        "Työelämäkokeilu yhteensä 15 kk; enintään 12 kk",
        "Työelämäkokeilu yrityksissä yhteensä 11 kk; enintään 6 kk",
    ]
    assert [w.step_id for w in warnings] == [steps[3].id] * 2


def test_rehabilitative_work_activity_3_to_24_months_1_to_4_days_4_to_8_hours(cat: Seeded):
    def check(start: str, end: str, days: int, hours: float) -> list[str]:
        step = cat.step("kuntouttava", start, end, days=days, hours=hours)
        return texts(cat.check([step]), step)

    assert check("1.1.2027", "31.3.2027", 4, 8) == []
    assert check("1.1.2027", "31.12.2028", 1, 4) == []
    assert check("1.1.2027", "15.3.2027", 3, 6) == [
        "Kuntouttava työtoiminta: jakso 2,4 kk; vähintään 3 kk"
    ]
    assert check("1.1.2027", "1.1.2029", 3, 6) == [
        "Kuntouttava työtoiminta: jakso 24,1 kk; enintään 24 kk"
    ]
    assert check("1.1.2027", "30.6.2027", 3, 3.5) == ["3,5 tuntia päivässä; vähintään 4"]
    assert check("1.1.2027", "30.6.2027", 5, 7) == [
        "5 päivää viikossa; enintään 4",
        "5 pv × 7 h = 35 tuntia viikossa; enintään 32",
    ]
    assert check("1.1.2027", "30.6.2027", 4, 8.5) == [
        "8,5 tuntia päivässä; enintään 8",
        "4 pv × 8,5 h = 34 tuntia viikossa; enintään 32",
    ]


def test_start_up_grant_at_most_12_months(cat: Seeded):
    year = cat.step("starttiraha", "1.3.2027", "29.2.2028")
    assert cat.check([year]) == []
    longer = cat.step("starttiraha", "1.3.2027", "31.3.2028")
    assert texts(cat.check([longer]), longer) == ["Starttiraha yhteensä 13 kk; enintään 12 kk"]


def test_self_motivated_studies_from_age_25_and_at_most_24_months(cat: Seeded):
    studies = cat.step("omaehtoinen", "1.9.2027", "31.5.2029")
    assert cat.check([studies], born="1.9.2002") == []  # 25 on the first day
    assert texts(cat.check([studies], born="2.9.2002"), studies) == [
        "Omaehtoinen opiskelu vasta 25-vuotiaasta; asiakas on alkaessa 24-vuotias"
    ]
    # Born on 29.2.: 25 on 28.2. of a common year.
    leap = cat.step("omaehtoinen", "28.2.2029", "31.5.2029")
    assert cat.check([leap], born="29.2.2004") == []
    assert len(cat.check([leap], born="1.3.2004")) == 1
    more = cat.step("omaehtoinen", "1.6.2029", "31.12.2029")
    assert texts(cat.check([studies, more]), more) == [
        "Omaehtoinen opiskelu yhteensä 28 kk; enintään 24 kk"
    ]


def test_two_full_time_steps_overlapping_warn_each_naming_the_other(cat: Seeded):
    trial = cat.step("tyokokeilu", "1.1.2027", "30.6.2027", organiser="Varikko")
    training = cat.step("koulutus", "1.6.2027", "31.12.2027")
    coaching = cat.step("uravalmennus", "1.1.2027", "31.12.2027")  # not full-time
    warnings = cat.check([trial, training, coaching])
    assert texts(warnings, trial) == [
        "Päällekkäin toisen kokoaikaisen vaiheen kanssa: Työvoimakoulutus 1.6.2027–31.12.2027"
    ]
    assert texts(warnings, training, "en") == [
        "Overlaps another full-time step: Work trial 1.1.2027–30.6.2027"
    ]
    assert texts(warnings, coaching) == []
    (on_trial,) = [w for w in warnings if w.step_id == trial.id]
    assert training.id in on_trial.code
    # Another overlapping step is another breach, with another code.
    studies = cat.step("omaehtoinen", "1.6.2027", "31.12.2027")
    codes = {w.code for w in cat.check([trial, studies]) if w.step_id == trial.id}
    assert codes.isdisjoint({on_trial.code}) and len(codes) == 1
    # Back to back is no overlap; a step with no end runs on.
    after = cat.step("koulutus", "1.7.2027", "31.12.2027")
    assert cat.check([trial, after]) == []
    open_ended = cat.step("koulutus", "1.1.2026")
    assert {w.step_id for w in cat.check([open_ended, after])} == {open_ended.id, after.id}


def test_pay_subsidy_50_or_70_percent_from_1_7_2023_but_not_before(cat: Seeded):
    def check(start: str, subsidy: int | None, actual_start: str | None = None) -> list[str]:
        step = cat.step("palkkatuki", start, None, subsidy=subsidy, actual_start=actual_start)
        return texts(cat.check([step]), step)

    assert check("30.6.2023", 40) == []
    assert check("30.6.2023", None) == []
    assert check("1.7.2023", 50) == check("1.7.2023", 70) == []
    assert check("1.7.2023", 40) == ["Tuki 40 %; sallittu 50 / 70 %"]
    assert check("1.7.2023", None) == ["Tukiprosentti puuttuu; sallittu 50 / 70 %"]
    # A step that started late is held to the rules of the day it started.
    assert check("1.6.2023", 40, actual_start="3.7.2023") == ["Tuki 40 %; sallittu 50 / 70 %"]


def test_cancelled_steps_count_for_nothing(cat: Seeded):
    trial = cat.step("tyokokeilu", "1.1.2027", "30.6.2027", organiser="Varikko")
    cancelled = cat.step("tyokokeilu", "1.1.2028", "30.6.2028", status="cancelled")
    overlapping = cat.step("koulutus", "1.2.2027", "31.3.2027", status="cancelled")
    assert cat.check([trial, cancelled, overlapping]) == []


def test_a_provider_that_does_not_offer_the_service_or_is_not_active(cat: Seeded):
    shop = cat.provider("Kauppa Oy", offers=["tyokokeilu"], active=("1.1.2020", "31.3.2027"))
    trial = cat.step("tyokokeilu", "1.1.2027", "31.3.2027", provider=shop)
    assert cat.check([trial]) == []
    late = cat.step("tyokokeilu", "1.3.2027", "30.4.2027", provider=shop)
    training = cat.step("koulutus", "1.1.2021", "31.1.2021", provider=shop)
    warnings = cat.check([late, training])
    assert texts(warnings, late) == [
        "Kauppa Oy toimii 1.1.2020–31.3.2027; vaihe 1.3.2027–30.4.2027"
    ]
    assert texts(warnings, training) == ["Kauppa Oy ei tarjoa palvelua Työvoimakoulutus"]
    assert all(w.rule is None for w in warnings)


def test_a_new_rule_row_holds_steps_starting_on_or_after_it(cat: Seeded):
    from dataclasses import replace

    old = cat.rule("tyokokeilu", "max_days_per_week")
    new = replace(old, id="law-2028", value="4", effective_from=date(2028, 1, 1))
    rules = {**cat.rules, old.service_id: [*cat.rules[old.service_id], new]}
    before = cat.step("tyokokeilu", "1.12.2027", "31.12.2027", organiser="A", days=5)
    after = cat.step("tyokokeilu", "1.1.2028", "31.1.2028", organiser="B", days=5)
    warnings = cat.check([before, after], rules=rules)
    assert [(w.step_id, w.rule) for w in warnings] == [(after.id, new)]
    assert text(warnings[0]) == "5 päivää viikossa; enintään 4"


def test_every_warning_and_rule_kind_has_a_text_in_each_language():
    for key in (*WARNING_KEYS, *(f"rule.kind.{kind}" for kind in RULE_KINDS)):
        assert has_text(key), key
    assert len(LANGUAGES) == 3


def test_the_path_shows_a_warning_until_acknowledged_and_a_new_breach_again(world: World):
    paths, coach = world.store.paths, world.coach
    client_id = world.clients["makinen"].id
    path = paths.start(coach, client_id)
    raw = {"service": "kuntouttava", "organiser": "Työkeskus", "planned_start": "1.1.2027",
           "planned_end": "30.6.2027", "days_per_week": "5", "hours_per_day": "5"}  # fmt: skip
    step = paths.add_step(coach, path.id, raw)
    (warning,) = paths.open(coach, client_id).warnings_of(step.id)
    assert text(warning) == "5 päivää viikossa; enintään 4" and not warning.acknowledged
    paths.acknowledge(coach, step.id, warning.code)
    (seen,) = paths.open(coach, client_id).warnings_of(step.id)
    assert (seen.code, seen.acknowledged_by) == (warning.code, coach.id)
    assert seen.acknowledged_at == world.store.ctx.now_iso()
    # The same breach after an unrelated change stays acknowledged ...
    paths.update_step(coach, step.id, {**raw, "goal": "Rytmi arkeen"})
    assert paths.view(coach, client_id).unacknowledged == []
    # ... a different one is new.
    paths.update_step(coach, step.id, {**raw, "days_per_week": "6"})
    (again,) = paths.view(coach, client_id).unacknowledged
    assert text(again) == "6 päivää viikossa; enintään 4" and again.code != warning.code
