"""Choosing a site from what a user typed: one rule for the board, reports and exports."""

from __future__ import annotations

import pytest

from store.core.models import Site
from store.core.sites import SiteNotChosen, choose_site

KESKUSTA = Site("s1", "Työpiste Keskusta", "Turku", "Turun työllisyysalue")
RAISIO = Site("s2", "Raision työpiste", "Raisio", "Turun työllisyysalue")
SITES = [KESKUSTA, RAISIO]


@pytest.mark.parametrize(
    ("asked", "expected"),
    [("s2", RAISIO), ("työpiste keskusta", KESKUSTA), (" raisio ", RAISIO), ("KESK", KESKUSTA)],
)
def test_a_site_by_id_name_or_a_part_only_it_has(asked, expected):
    assert choose_site(SITES, asked) == expected


def test_a_part_two_sites_share_is_refused_with_the_sites_to_choose_from():
    with pytest.raises(SiteNotChosen) as refused:
        choose_site(SITES, "työpiste")
    assert refused.value.message("en") == "no single site matches “työpiste”"
    assert refused.value.sites == SITES


def test_with_nothing_asked_the_users_own_site_else_the_only_one():
    assert choose_site(SITES, None, default=RAISIO) == RAISIO
    assert choose_site([KESKUSTA], None) == KESKUSTA
    with pytest.raises(SiteNotChosen) as refused:
        choose_site(SITES, None)
    assert refused.value.asked is None
    assert refused.value.message("fi") == "valitse toimipiste"
