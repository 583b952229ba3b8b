"""Every message key the code uses has a Finnish, Swedish and English text."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import screens
import store
import tui
from screens.strings import load_screen_strings
from store.core.i18n import LANGUAGES, keys, tr
from tui.cli import load_cli_strings

ROOT = Path(__file__).resolve().parents[3]
# A key literal given to the translation function: tr("…"), t("…"), self.t("…"), and
# the keys of FieldError / TranslatedError raises.
KEY_LITERAL = re.compile(r'(?:\btr?\(\s*|Error\(\s*(?:"[a-z_]+",\s*)?)"([a-z_]+(?:\.[a-z0-9_]+)+)"')


def _import_all() -> None:
    load_screen_strings()
    load_cli_strings()
    for package in (store, screens, tui):
        for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            importlib.import_module(module.name)


def _used_keys() -> set[str]:
    found: set[str] = set()
    for folder in ("store", "screens", "tui"):
        for path in (ROOT / folder).rglob("*.py"):
            found.update(KEY_LITERAL.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_key_used_in_the_code_is_registered():
    _import_all()
    used = _used_keys()
    assert len(used) > 150, "the key pattern no longer finds the code's keys"
    missing = sorted(k for k in used if k not in keys() and not k.endswith("."))
    assert missing == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_registered_text_exists_in_each_language(lang):
    _import_all()
    empty = [key for key in keys() if not tr(key, lang).strip()]
    assert empty == []
