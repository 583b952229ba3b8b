"""How a client is named in narrow lists and blanked screens."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from store.clients.display import blanked_label, fit_name, name_initials, person_label

NAME = st.text(st.sampled_from("abcdefgåäöÅÄÖ-"), min_size=1, max_size=30)


def test_a_name_that_fits_is_shown_whole():
    assert fit_name("Anna-Liisa", "Söderholm-Mäkelä", 27) == "Söderholm-Mäkelä Anna-Liisa"


def test_a_double_surname_loses_its_later_parts_to_initials_first():
    # Still readable as a double name, unlike "Söderhol… Anna-Liisa".
    assert fit_name("Anna-Liisa", "Söderholm-Mäkelä", 23) == "Söderholm-M. Anna-Liisa"
    assert fit_name("Eeva", "Aho-Mäki-Jokela", 16) == "Aho-Mäki-J. Eeva"
    assert fit_name("Eeva", "Aho-Mäki-Jokela", 14) == "Aho-M.-J. Eeva"


def test_the_surname_end_is_cut_before_the_first_name():
    assert fit_name("Anna-Liisa", "Söderholm-Mäkelä", 20) == "Söderhol… Anna-Liisa"
    assert fit_name("Anna-Liisa", "Söderholm-Mäkelä", 13) == "S… Anna-Liisa"
    assert fit_name("Anna", "Rautavaara", 10) == "Raut… Anna"


def test_only_a_first_name_too_long_for_the_width_is_cut():
    assert fit_name("Anna-Liisa", "Söderholm-Mäkelä", 10) == "S… Anna-L…"


@given(first=NAME, last=NAME, width=st.integers(min_value=6, max_value=60))
def test_a_fitted_name_never_passes_the_width_and_keeps_the_first_name_if_it_can(
    first, last, width
):
    fitted = fit_name(first, last, width)
    assert len(fitted) <= width
    if len(first) + 3 <= width:  # an initial, the ellipsis and the space beside it
        assert fitted.endswith(first)


def test_initials_keep_double_names_apart():
    assert name_initials("Anna-Liisa", "Söderholm-Mäkelä") == "S-M. A-L."
    assert name_initials("Åsa", "Östman") == "Ö. Å."


def test_a_blanked_label_separates_namesakes_by_year_and_code():
    born = date(1987, 3, 12)
    assert blanked_label("Anna-Liisa", "Söderholm-Mäkelä", born, "120387-923C") == (
        "S-M. A-L.  1987  …C"
    )
    assert blanked_label("Anna-Liisa", "Söderholm-Mäkelä", born, None) == "S-M. A-L.  1987"


def test_a_confirmation_names_the_person_with_the_birth_date():
    born = date(1961, 4, 3)
    assert person_label("Åsa", "Östman", born, blanked=False) == "Östman Åsa (3.4.1961)"
    assert person_label("Åsa", "Östman", born, blanked=True) == "Ö. Å. (1961)"
    assert person_label("Åsa", "Östman", None, blanked=False) == "Östman Åsa"
