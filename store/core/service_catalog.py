"""The service catalog as migration 0007 seeds it (domain guide §4): the services of a
service path and their limits as dated rule rows.

Frozen like the migration that reads it: a law change is a new rule row with its own
effective date (added by a later migration or by an admin), never an edit here. Ids are
derived from the codes, so every device that runs the migration agrees on them.
"""

from __future__ import annotations

# Kinds of rule row, what their value means, and what they bound:
#   max_total_months          months of this service in a client's whole path, at most
#   max_months_per_organiser  months with one organiser (provider or in-house), at most
#   max_company_months        months with companies (provider sector 'company'), at most
#   min_step_months           one step's length, at least
#   max_step_months           one step's length, at most
#   min_days_per_week         days a week, at least
#   max_days_per_week         days a week, at most
#   min_hours_per_day         hours a day, at least
#   max_hours_per_day         hours a day, at most
#   max_hours_per_week        days × hours, at most
#   min_age                   the client's age at the step's start, at least
#   subsidy_percentages       the allowed pay-subsidy percentages, comma-separated
#   full_time                 "1": a full-time step, which no other full-time step overlaps
RULE_KINDS = (
    "max_total_months",
    "max_months_per_organiser",
    "max_company_months",
    "min_step_months",
    "max_step_months",
    "min_days_per_week",
    "max_days_per_week",
    "min_hours_per_day",
    "max_hours_per_day",
    "max_hours_per_week",
    "min_age",
    "subsidy_percentages",
    "full_time",
)

CATEGORIES = ("guidance", "work", "training", "rehabilitation", "enterprise")

# code, category, name fi, sv, en
SERVICES = (
    ("tyonhakuvalmennus", "guidance", "Työnhakuvalmennus", "Arbetssökningsträning", "Job-search coaching"),
    ("uravalmennus", "guidance", "Uravalmennus", "Karriärträning", "Career coaching"),
    ("tyohonvalmennus", "guidance", "Työhönvalmennus", "Arbetsträning", "Job coaching"),
    ("typ", "guidance", "Monialainen yhteispalvelu (TYP)", "Sektorsövergripande samservice", "Multisectoral joint service"),
    ("terveystarkastus", "guidance", "Työttömän terveystarkastus", "Hälsoundersökning för arbetslösa", "Health check for the unemployed"),
    ("velkaneuvonta", "guidance", "Talous- ja velkaneuvonta", "Ekonomi- och skuldrådgivning", "Debt counselling"),
    ("tyokokeilu", "work", "Työkokeilu", "Arbetsprövning", "Work trial"),
    ("tyoelamakokeilu", "work", "Työelämäkokeilu", "Arbetslivsprövning", "Working-life trial"),
    ("palkkatuki", "work", "Palkkatuki", "Lönesubvention", "Pay subsidy"),
    ("koulutus", "training", "Työvoimakoulutus", "Arbetskraftsutbildning", "Labour-market training"),
    ("omaehtoinen", "training", "Omaehtoinen opiskelu", "Frivilliga studier", "Self-motivated studies"),
    ("kuntouttava", "rehabilitation", "Kuntouttava työtoiminta", "Arbetsverksamhet i rehabiliteringssyfte", "Rehabilitative work activity"),
    ("sosiaalinen_kuntoutus", "rehabilitation", "Sosiaalinen kuntoutus", "Social rehabilitering", "Social rehabilitation"),
    ("tyopaja", "rehabilitation", "Työpaja", "Verkstad", "Workshop"),
    ("starttiraha", "enterprise", "Starttiraha", "Startpeng", "Start-up grant"),
)  # fmt: skip

_TYOKOKEILU = "Työkokeilu: enintään 12 kk yhteensä ja 6 kk saman järjestäjän luona; enintään 5 päivää viikossa, 4–8 tuntia päivässä (tyomarkkinatori.fi)"
_TYOELAMA = "Työelämäkokeilu 2017–2018 (Kuopio, Pori): 12 kk, josta enintään 6 kk yrityksessä"
_KUNTOUTTAVA = "Laki kuntouttavasta työtoiminnasta 189/2001: jakso 3–24 kk, 1–4 päivää viikossa, 4–8 tuntia päivässä, enintään 32 tuntia viikossa"
_OMAEHTOINEN = "Omaehtoinen opiskelu työttömyysetuudella: vähintään 25-vuotias, enintään 24 kk (tyomarkkinatori.fi)"
_STARTTIRAHA = "Starttiraha: enintään 12 kk (tyomarkkinatori.fi)"
_PALKKATUKI = "Palkkatuki 1.7.2023 alkaen: 50 % tai 70 % palkkauskustannuksista (HE 207/2022)"
_FULL_TIME = "Kokoaikainen palvelu: päällekkäin ei voi olla kahta kokoaikaista palvelua"

# service code, kind, value, effective from (ISO date), source
RULES = (
    ("tyokokeilu", "max_total_months", "12", "2013-01-01", _TYOKOKEILU),
    ("tyokokeilu", "max_months_per_organiser", "6", "2013-01-01", _TYOKOKEILU),
    ("tyokokeilu", "max_days_per_week", "5", "2013-01-01", _TYOKOKEILU),
    ("tyokokeilu", "min_hours_per_day", "4", "2013-01-01", _TYOKOKEILU),
    ("tyokokeilu", "max_hours_per_day", "8", "2013-01-01", _TYOKOKEILU),
    ("tyokokeilu", "full_time", "1", "2013-01-01", _FULL_TIME),
    ("tyoelamakokeilu", "max_total_months", "12", "2017-01-01", _TYOELAMA),
    ("tyoelamakokeilu", "max_company_months", "6", "2017-01-01", _TYOELAMA),
    ("tyoelamakokeilu", "full_time", "1", "2017-01-01", _FULL_TIME),
    ("kuntouttava", "min_step_months", "3", "2001-09-01", _KUNTOUTTAVA),
    ("kuntouttava", "max_step_months", "24", "2001-09-01", _KUNTOUTTAVA),
    ("kuntouttava", "min_days_per_week", "1", "2001-09-01", _KUNTOUTTAVA),
    ("kuntouttava", "max_days_per_week", "4", "2001-09-01", _KUNTOUTTAVA),
    ("kuntouttava", "min_hours_per_day", "4", "2001-09-01", _KUNTOUTTAVA),
    ("kuntouttava", "max_hours_per_day", "8", "2001-09-01", _KUNTOUTTAVA),
    ("kuntouttava", "max_hours_per_week", "32", "2001-09-01", _KUNTOUTTAVA),
    ("omaehtoinen", "min_age", "25", "2010-01-01", _OMAEHTOINEN),
    ("omaehtoinen", "max_total_months", "24", "2010-01-01", _OMAEHTOINEN),
    ("omaehtoinen", "full_time", "1", "2010-01-01", _FULL_TIME),
    ("starttiraha", "max_total_months", "12", "2013-01-01", _STARTTIRAHA),
    ("starttiraha", "full_time", "1", "2013-01-01", _FULL_TIME),
    ("palkkatuki", "subsidy_percentages", "50,70", "2023-07-01", _PALKKATUKI),
    ("palkkatuki", "full_time", "1", "2013-01-01", _FULL_TIME),
    ("koulutus", "full_time", "1", "2013-01-01", _FULL_TIME),
)  # fmt: skip
