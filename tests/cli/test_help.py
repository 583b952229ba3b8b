"""`luotsi --help` in the user's language, wrapped to the terminal's width."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli_help import cli_language

ROOT = Path(__file__).resolve().parents[2]


def _help(*args: str, width: int = 70, **locale: str) -> str:
    """The help the real command prints, in a fresh interpreter (help is fixed on import)."""
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    result = subprocess.run(
        [sys.executable, "-m", "tui.cli", *args, "--help"],
        cwd=ROOT,
        env={**env, **locale, "COLUMNS": str(width), "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize(
    ("locale", "args", "expected"),
    [
        ({"LANG": "sv_FI.UTF-8"}, [], "Luotsi: ett tangentbordsstyrt register"),
        ({"LANG": "en_GB.UTF-8"}, [], "Luotsi: a keyboard-first register"),
        ({"LANG": "C.UTF-8"}, [], "Luotsi: näppäimistöllä käytettävä rekisteri"),
        ({"LANG": "en_GB.UTF-8"}, ["--lang", "fi"], "Luotsi: näppäimistöllä käytettävä"),
        ({"LANG": "fi_FI.UTF-8"}, ["report", "day", "--lang=sv"], "Visa ett verksamhetsställes"),
        ({"LANG": "sv_FI.UTF-8", "LC_ALL": "en_US.UTF-8"}, ["board"], "Show the waiting-room"),
    ],
)
def test_help_is_in_the_users_language(locale, args, expected):
    assert expected in " ".join(_help(*args, **locale).split())


def test_help_paragraphs_wrap_to_the_terminal_and_nothing_is_cut(tmp_path):
    text = _help("import", "clients", width=60, LANG="fi_FI.UTF-8")
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 60
    words = " ".join(text.split())
    assert "Sarakkeet: hetu, first_name, last_name, birth_date, phone, email, language" in words
    assert "Salasana tulee muuttujasta $LUOTSI_PASSWORD tai kysytään." in words
    # A paragraph fills its lines: no line of it ends early, mid-sentence, at an old break.
    paragraph = [
        line.strip() for line in lines if line.strip().startswith(("Sarakkeet", "language"))
    ]
    assert paragraph and all(len(line) > 40 for line in paragraph)


@pytest.mark.parametrize(
    ("argv", "environ", "lang"),
    [
        ([], {}, "fi"),
        ([], {"LANG": "sv_SE.UTF-8"}, "sv"),
        ([], {"LANG": "de_DE.UTF-8"}, "fi"),
        ([], {"LANG": "sv_FI.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, "en"),
        ([], {"LANG": "sv_FI.UTF-8", "LC_ALL": "C"}, "fi"),
        (["report", "--lang", "en"], {"LANG": "sv_FI.UTF-8"}, "en"),
        (["--lang=sv", "demo"], {}, "sv"),
        (["--lang"], {"LANG": "en_US"}, "en"),
    ],
)
def test_the_help_language_is_lang_else_the_locale_else_finnish(argv, environ, lang):
    assert cli_language(argv, environ) == lang
