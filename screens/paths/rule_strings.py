"""The rule warnings of a path's steps (store/paths/rules.py) and the names of rule kinds."""

from __future__ import annotations

# Every warning has {service_fi}, {service_sv} and {service_en}: the step's service in each
# language. Months and hours come as text with a decimal comma (14, 6,1).
WARNINGS: dict[str, tuple[str, str, str]] = {
    "path.warning.max_total_months": (
        "{service_fi} yhteensä {months} kk; enintään {limit} kk",
        "{service_sv} sammanlagt {months} mån; högst {limit} mån",
        "{service_en} {months} months in total; at most {limit}",
    ),
    "path.warning.max_months_per_organiser": (
        "{service_fi} järjestäjällä {organiser} yhteensä {months} kk;"
        " enintään {limit} kk saman järjestäjän luona",
        "{service_sv} hos {organiser} sammanlagt {months} mån;"
        " högst {limit} mån hos samma anordnare",
        "{service_en} with {organiser} {months} months in total;"
        " at most {limit} with one organiser",
    ),
    "path.warning.max_company_months": (
        "{service_fi} yrityksissä yhteensä {months} kk; enintään {limit} kk",
        "{service_sv} i företag sammanlagt {months} mån; högst {limit} mån",
        "{service_en} in companies {months} months in total; at most {limit}",
    ),
    "path.warning.min_step_months": (
        "{service_fi}: jakso {months} kk; vähintään {limit} kk",
        "{service_sv}: perioden {months} mån; minst {limit} mån",
        "{service_en}: a period of {months} months; at least {limit}",
    ),
    "path.warning.max_step_months": (
        "{service_fi}: jakso {months} kk; enintään {limit} kk",
        "{service_sv}: perioden {months} mån; högst {limit} mån",
        "{service_en}: a period of {months} months; at most {limit}",
    ),
    "path.warning.min_days_per_week": (
        "{value} päivää viikossa; vähintään {limit}",
        "{value} dagar per vecka; minst {limit}",
        "{value} days a week; at least {limit}",
    ),
    "path.warning.max_days_per_week": (
        "{value} päivää viikossa; enintään {limit}",
        "{value} dagar per vecka; högst {limit}",
        "{value} days a week; at most {limit}",
    ),
    "path.warning.min_hours_per_day": (
        "{value} tuntia päivässä; vähintään {limit}",
        "{value} timmar per dag; minst {limit}",
        "{value} hours a day; at least {limit}",
    ),
    "path.warning.max_hours_per_day": (
        "{value} tuntia päivässä; enintään {limit}",
        "{value} timmar per dag; högst {limit}",
        "{value} hours a day; at most {limit}",
    ),
    "path.warning.max_hours_per_week": (
        "{days} pv × {hours} h = {week} tuntia viikossa; enintään {limit}",
        "{days} d × {hours} h = {week} timmar per vecka; högst {limit}",
        "{days} days × {hours} h = {week} hours a week; at most {limit}",
    ),
    "path.warning.min_age": (
        "{service_fi} vasta {limit}-vuotiaasta; asiakas on alkaessa {age}-vuotias",
        "{service_sv} först från {limit} års ålder; klienten är {age} år vid starten",
        "{service_en} only from age {limit}; the client is {age} at the start",
    ),
    "path.warning.subsidy_percentages": (
        "Tuki {percent} %; sallittu {allowed} %",
        "Subvention {percent} %; tillåtet {allowed} %",
        "Subsidy {percent} %; allowed {allowed} %",
    ),
    "path.warning.subsidy_missing": (
        "Tukiprosentti puuttuu; sallittu {allowed} %",
        "Subventionsprocent saknas; tillåtet {allowed} %",
        "Subsidy % missing; allowed {allowed} %",
    ),
    "path.warning.full_time_overlap": (
        "Päällekkäin toisen kokoaikaisen vaiheen kanssa: {other_fi} {other_start}–{other_end}",
        "Överlappar ett annat heltidssteg: {other_sv} {other_start}–{other_end}",
        "Overlaps another full-time step: {other_en} {other_start}–{other_end}",
    ),
    "path.warning.provider_service": (
        "{provider} ei tarjoa palvelua {service_fi}",
        "{provider} erbjuder inte tjänsten {service_sv}",
        "{provider} does not offer {service_en}",
    ),
    "path.warning.provider_inactive": (
        "{provider} toimii {active_from}–{active_to}; vaihe {start}–{end}",
        "{provider} är verksam {active_from}–{active_to}; steget {start}–{end}",
        "{provider} is active {active_from}–{active_to}; the step runs {start}–{end}",
    ),
}

# A short name of each kind of rule row (store/core/service_catalog.py RULE_KINDS).
KINDS: dict[str, tuple[str, str, str]] = {
    "rule.kind.max_total_months": (
        "Enintään kk yhteensä",
        "Högst mån sammanlagt",
        "Most months in total",
    ),
    "rule.kind.max_months_per_organiser": (
        "Enintään kk saman järjestäjän luona",
        "Högst mån hos samma anordnare",
        "Most months with one organiser",
    ),
    "rule.kind.max_company_months": (
        "Enintään kk yrityksissä",
        "Högst mån i företag",
        "Most months in companies",
    ),
    "rule.kind.min_step_months": (
        "Jakso vähintään kk",
        "Period minst mån",
        "Period at least months",
    ),
    "rule.kind.max_step_months": ("Jakso enintään kk", "Period högst mån", "Period at most months"),
    "rule.kind.min_days_per_week": (
        "Vähintään päivää viikossa",
        "Minst dagar per vecka",
        "Fewest days a week",
    ),
    "rule.kind.max_days_per_week": (
        "Enintään päivää viikossa",
        "Högst dagar per vecka",
        "Most days a week",
    ),
    "rule.kind.min_hours_per_day": (
        "Vähintään tuntia päivässä",
        "Minst timmar per dag",
        "Fewest hours a day",
    ),
    "rule.kind.max_hours_per_day": (
        "Enintään tuntia päivässä",
        "Högst timmar per dag",
        "Most hours a day",
    ),
    "rule.kind.max_hours_per_week": (
        "Enintään tuntia viikossa",
        "Högst timmar per vecka",
        "Most hours a week",
    ),
    "rule.kind.min_age": ("Vähimmäisikä", "Minimiålder", "Minimum age"),
    "rule.kind.subsidy_percentages": (
        "Sallitut tukiprosentit",
        "Tillåtna subventionsprocent",
        "Allowed subsidy percentages",
    ),
    "rule.kind.full_time": ("Kokoaikainen", "Heltid", "Full-time"),
}

STRINGS: dict[str, tuple[str, str, str]] = WARNINGS | KINDS
