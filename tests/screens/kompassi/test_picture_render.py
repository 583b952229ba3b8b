"""The picture's lines drawn without the app: they fit the width they are drawn for, each
band has its colour, glyph and letter, and the change reads ▲ +3, ▼ −1, = 0."""

from __future__ import annotations

import pytest

from screens.kompassi.picture_render import (
    BAND_GLYPHS,
    MAX_SPARKS,
    change_text,
    picture_lines,
)
from store.kompassi.picture import comparison_of, picture_of
from tests.store.kompassi.test_picture import V1, reading, view_of

THREE = view_of(
    reading("r1", 1, V1, talous=3, arki=7, vanha=10),
    reading("r2", 2, V1, talous=None, arki=6, vanha=0),
    reading("r3", 3, V1, talous=8, arki=9),
)


def test_changes_read_with_an_arrow_a_sign_and_a_number():
    assert [change_text(c) for c in (3, -1, 0, None)] == ["▲ +3", "▼ −1", "= 0", "–"]


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
@pytest.mark.parametrize("width", [60, 80, 120, 160])
def test_every_line_fits_the_width_it_is_drawn_for(width: int, lang: str):
    for picture in (picture_of(THREE), comparison_of(THREE, "r1", "r3")):
        lines = picture_lines(picture, width, lang)
        assert len(lines) == 2 + 3 + 1  # headings, a line per domain, the legend
        assert max(len(line.plain) for line in lines) <= width


def test_each_band_has_its_colour_glyph_and_letter():
    lines = picture_lines(picture_of(THREE), 80, "en")
    arki = lines[3]  # 7 (fair), 6 (fair), 9 (good)
    styles = {str(span.style) for span in arki.spans}
    assert {"$warning", "$success"} <= styles and "$error" not in styles
    assert BAND_GLYPHS[1] in arki.plain and BAND_GLYPHS[2] in arki.plain
    assert " 7 F" in arki.plain and " 9 G" in arki.plain
    talous = lines[2]  # 3 (difficult), skipped, 8 (good)
    assert "$error" in {str(span.style) for span in talous.spans}
    assert "skipped" in talous.plain and " 3 D" in talous.plain
    assert "D = Difficult 0–5" in lines[-1].plain


def test_the_sparkline_shows_the_latest_readings_with_gaps_for_skips():
    many = [reading(f"r{n}", n + 1, V1, talous=None if n == 19 else n % 11) for n in range(20)]
    talous = picture_lines(picture_of(view_of(*many)), 160, "fi")[2].plain
    assert talous.endswith("·") and len(talous.split()[-1]) == MAX_SPARKS
    # The last twelve: scores 8, 9, 10, 0, 1 … 7, then the skip.
    assert talous.split()[-1] == "▇▇█▁▂▂▃▄▅▅▆·"
