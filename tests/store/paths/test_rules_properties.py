"""The rule checks over many generated paths: month ends and 29.2., overlapping steps,
cancelled steps, and a law change in the middle of a path."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.api import Store
from store.clients.rules import add_months, months_between
from store.core.clock import FixedClock
from store.core.i18n import LANGUAGES, has_text, tr
from store.paths.catalog import rules_in_force
from store.paths.models import STEP_STATUSES, PathStep, RuleWarning, ServiceRule
from store.paths.rules import covered_months, step_months
from tests.conftest import NOW
from tests.store.paths.rule_steps import Seeded

DAY = timedelta(days=1)
CODES = ("tyokokeilu", "tyoelamakokeilu", "kuntouttava", "omaehtoinen", "starttiraha",
         "palkkatuki", "koulutus", "uravalmennus")  # fmt: skip
LEAP_DAYS = st.sampled_from([date(2024, 2, 29), date(2028, 2, 29)])
MONTH_ENDS = st.builds(
    lambda year, month: date(year, month, calendar.monthrange(year, month)[1]),
    st.integers(2022, 2029),
    st.integers(1, 12),
)
DATES = st.one_of(st.dates(date(2022, 1, 1), date(2029, 12, 31)), MONTH_ENDS, LEAP_DAYS)
# Many tests share one generated path; the checks are fast, the machine is shared.
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def cat(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    store = Store.open(Path(tmp_path_factory.mktemp("rules")) / "luotsi.db", FixedClock(NOW))
    seeded = Seeded.of(store)
    store.close()
    seeded.provider("Kauppa Oy", "company", CODES[:3], ("1.1.2023", "31.12.2027"))
    seeded.provider("Saha Oy", "company", CODES, ("1.1.2000", None))
    seeded.provider("Seura ry", "third_sector", CODES, ("1.1.2000", None))
    yield seeded


@st.composite
def paths(draw: st.DrawFn, cat: Seeded, max_size: int = 10) -> list[PathStep]:
    steps: list[PathStep] = []
    providers = [None, *cat.providers.values()]
    for _ in range(draw(st.integers(0, max_size))):
        start = draw(DATES)
        end = draw(
            st.one_of(
                st.none(),
                st.integers(1, 14).map(lambda n, s=start: add_months(s, n) - DAY),
                st.integers(-3, 800).map(lambda n, s=start: s + timedelta(days=n)),
            )
        )
        steps.append(
            cat.step(
                draw(st.sampled_from(CODES)),
                start,
                end,
                status=draw(st.sampled_from(STEP_STATUSES)),
                provider=draw(st.sampled_from(providers)),
                organiser=draw(st.sampled_from([None, "Varikko", "VARIKKO", "Kirjasto"])),
                days=draw(st.one_of(st.none(), st.integers(1, 7))),
                hours=draw(st.sampled_from([None, 2, 4, 6.5, 8, 8.5, 12])),
                subsidy=draw(st.sampled_from([None, 40, 50, 70])),
            )
        )
    return steps


def _shown(warnings: list[RuleWarning]) -> list[tuple[str, str, str, str]]:
    return sorted((w.step_id, w.code, w.key, repr(sorted(w.params.items()))) for w in warnings)


@given(start=DATES, months=st.integers(0, 40))
def test_a_step_of_n_whole_months_is_n_months(start: date, months: int):
    assert step_months(start, add_months(start, months) - DAY) == months


@given(start=DATES, days=st.integers(0, 1500))
def test_months_grow_with_every_day_and_count_whole_anniversaries(start: date, days: int):
    end = start + timedelta(days=days)
    months = step_months(start, end)
    assert int(months) == months_between(start, end + DAY)
    assert step_months(start, end + DAY) > months > 0


@given(start=DATES, length=st.integers(0, 900), cuts=st.lists(st.integers(0, 900), max_size=4))
def test_days_are_counted_once_however_a_span_is_cut_or_repeated(start, length, cuts):
    end = start + timedelta(days=length)
    points = sorted({start + timedelta(days=cut) for cut in cuts if cut < length})
    pieces = [(a, b - DAY) for a, b in zip([start, *points], [*points, end + DAY], strict=True)]
    pieces = [(a, b) for a, b in pieces if a <= b]
    assert covered_months(pieces) == step_months(start, end)
    assert covered_months([*pieces, (start, end), pieces[-1]]) == step_months(start, end)


@SETTINGS
@given(data=st.data())
def test_warnings_do_not_depend_on_the_order_steps_are_given(cat: Seeded, data: st.DataObject):
    steps = data.draw(paths(cat))
    shuffled = data.draw(st.permutations(steps))
    assert _shown(cat.check(shuffled)) == _shown(cat.check(steps))


@SETTINGS
@given(data=st.data())
def test_every_warning_reads_in_each_language_with_a_code_of_its_own(cat, data):
    warnings = cat.check(data.draw(paths(cat)))
    for warning in warnings:
        assert has_text(warning.key)
        for lang in LANGUAGES:
            said = tr(warning.key, lang, **warning.params)
            assert "{" not in said and said != warning.key
    codes = [(w.step_id, w.code) for w in warnings]
    assert len(codes) == len(set(codes))


@SETTINGS
@given(data=st.data())
def test_cancelled_steps_count_for_nothing(cat: Seeded, data: st.DataObject):
    steps = data.draw(paths(cat))
    live = [step for step in steps if step.status != "cancelled"]
    assert _shown(cat.check(steps)) == _shown(cat.check(live))


def _full_time(cat: Seeded, step: PathStep) -> bool:
    rule = rules_in_force(cat.rules.get(step.service_id, ()), step.start).get("full_time")
    return rule is not None and rule.value == "1"


def _days(step: PathStep) -> set[int]:
    last = step.end or date(2033, 1, 1)  # after every generated day
    return set(range(step.start.toordinal(), last.toordinal() + 1))


@SETTINGS
@given(data=st.data())
def test_full_time_steps_sharing_a_day_warn_each_other(cat: Seeded, data: st.DataObject):
    steps = data.draw(paths(cat))
    warnings = cat.check(steps)
    full_time = [s for s in steps if s.status != "cancelled" and _full_time(cat, s)]
    for step in steps:
        named = {
            w.code.rsplit(":", 1)[1]
            for w in warnings
            if w.step_id == step.id and w.key == "path.warning.full_time_overlap"
        }
        expected = {
            other.id
            for other in full_time
            if step in full_time and other.id != step.id and _days(step) & _days(other)
        }
        assert named == expected


@SETTINGS
@given(data=st.data())
def test_a_total_breaks_its_limit_from_the_step_that_takes_it_over(cat, data):
    steps = data.draw(paths(cat))
    warnings = cat.check(steps)
    for code in ("tyokokeilu", "tyoelamakokeilu", "omaehtoinen", "starttiraha"):
        service = cat.by_code[code]
        limit = int(cat.rule(code, "max_total_months").value)
        ended = sorted(
            (s for s in steps if s.service_id == service.id and s.status != "cancelled"
             and s.end is not None and s.end >= s.start),
            key=lambda s: (s.start, s.position),
        )  # fmt: skip
        warned = [
            any(w.step_id == s.id and w.key == "path.warning.max_total_months" for w in warnings)
            for s in ended
        ]
        total = covered_months((s.start, s.end) for s in ended if s.end)
        assert any(warned) == (total > limit)
        # Once over the limit, every later step is over it too.
        assert warned == sorted(warned)


@SETTINGS
@given(data=st.data(), born=st.one_of(LEAP_DAYS, st.dates(date(1995, 1, 1), date(2005, 12, 31))))
def test_studies_from_the_25th_birthday(cat: Seeded, data: st.DataObject, born: date):
    steps = data.draw(paths(cat))
    warnings = cat.check(steps, born=f"{born.day}.{born.month}.{born.year}")
    for step in steps:
        if step.status == "cancelled" or step.service_id != cat.by_code["omaehtoinen"].id:
            continue
        too_young = any(w.step_id == step.id and w.key == "path.warning.min_age" for w in warnings)
        assert too_young == (step.start < add_months(born, 25 * 12))


def _law_change(cat: Seeded, on: date) -> tuple[list[ServiceRule], list[ServiceRule]]:
    """New rule rows from `on`, and the same values as if they had always been in force."""
    changes = [("tyokokeilu", "max_total_months", "6"),
               ("tyokokeilu", "max_months_per_organiser", "3"),
               ("tyokokeilu", "max_days_per_week", "3"),
               ("tyokokeilu", "min_hours_per_day", "6"),
               ("kuntouttava", "max_hours_per_week", "20")]  # fmt: skip
    new, always = [], []
    for code, kind, value in changes:
        old = cat.rule(code, kind)
        new.append(replace(old, id=f"new-{kind}", value=value, effective_from=on))
        always.append(replace(old, id=f"new-{kind}", value=value))
    return new, always


@SETTINGS
@given(data=st.data(), on=st.dates(date(2023, 1, 1), date(2028, 12, 31)))
def test_a_law_change_holds_only_the_steps_starting_on_or_after_it(cat, data, on: date):
    steps = data.draw(paths(cat))
    new, always = _law_change(cat, on)
    replaced = {(rule.service_id, rule.kind) for rule in new}
    after = {service_id: [*rules, *(r for r in new if r.service_id == service_id)]
             for service_id, rules in cat.rules.items()}  # fmt: skip
    forever = {service_id: [r for r in rules if (service_id, r.kind) not in replaced]
               + [r for r in always if r.service_id == service_id]
               for service_id, rules in cat.rules.items()}  # fmt: skip
    changed = cat.check(steps, rules=after)
    for step in steps:
        expected = cat.check(steps, rules=forever if step.start >= on else cat.rules)
        assert _shown([w for w in changed if w.step_id == step.id]) == _shown(
            [w for w in expected if w.step_id == step.id]
        )
