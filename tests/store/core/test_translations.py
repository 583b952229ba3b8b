"""Every message key the code uses has a Finnish, Swedish and English text, in a catalog
that lives with the screens or the CLI and is loaded explicitly, never on import."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from screens.strings import CATALOGS, load_screen_strings
from store.core import i18n
from store.core.i18n import LANGUAGES, keys, register, tr
from store.core.settings import SETTINGS
from tui.cli import CLI_CATALOGS, load_cli_strings

ROOT = Path(__file__).resolve().parents[3]
# A key literal given to the translation function (tr("…"), t("…"), self.t("…")), or to
# a class or `super().__init__` that carries a key to be translated where it is shown:
# FieldError("hetu", "…"), SettingError("…"), RowProblem(line, "", "…"), Notice("…").
# A Setting names a setting, not a key: its text is `setting.<name>` (see `_used_keys`).
KEY_LITERAL = re.compile(
    r'(?:\btr?\(\s*|\b(?!Setting\()(?:[A-Z]\w*|__init__)\(\s*(?:[\w.]+,\s*)?(?:"[a-z_]*",\s*)?)'
    r'"([a-z_]+(?:\.[a-z0-9_]+)+)"'
)
ALL_CATALOGS = (*CATALOGS, *CLI_CATALOGS)


def _used_keys() -> set[str]:
    found: set[str] = set()
    for folder in ("store", "screens", "tui"):
        for path in (ROOT / folder).rglob("*.py"):
            found.update(KEY_LITERAL.findall(path.read_text(encoding="utf-8")))
    return found | {f"setting.{name}" for name in SETTINGS}


def _in_fresh_interpreter(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `code` where nothing has been imported or registered yet."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


@pytest.fixture
def empty_catalog(monkeypatch: pytest.MonkeyPatch) -> None:
    """The translation function as a fresh process has it: knowing no key at all."""
    monkeypatch.setattr(i18n, "_CATALOG", {})


def test_every_key_used_in_the_code_is_in_a_loaded_catalog(empty_catalog):
    # Only what the app's and the CLI's own loaders register counts, so a key that no
    # catalog holds is missing here, whatever else the test session has loaded.
    load_screen_strings()
    load_cli_strings()
    used = _used_keys()
    assert len(used) > 200, "the key pattern no longer finds the code's keys"
    known = keys() | {k.removesuffix(".one") for k in keys() if f"{k[:-4]}.other" in keys()}
    missing = sorted(k for k in used if k not in known and not k.endswith("."))
    assert missing == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_catalog_text_exists_in_each_language(lang):
    empty = [
        key
        for catalog in ALL_CATALOGS
        for key, texts in catalog.items()
        if not i18n.in_language(texts, lang).strip()
    ]
    assert empty == []


def test_each_key_lives_in_one_catalog():
    counted = Counter(key for catalog in ALL_CATALOGS for key in catalog)
    assert [key for key, times in counted.items() if times > 1] == []


def test_the_loaders_may_be_called_again(empty_catalog):
    load_cli_strings()
    loaded = keys()
    load_screen_strings()
    load_cli_strings()
    assert keys() == loaded == {key for catalog in ALL_CATALOGS for key in catalog}


def test_a_key_registered_again_with_other_texts_is_refused(empty_catalog):
    register({"test.greeting": ("hei", "hej", "hello")})
    register({"test.greeting": ("hei", "hej", "hello")})
    with pytest.raises(ValueError, match="test.greeting"):
        register({"test.greeting": ("moi", "hej", "hello")})
    assert tr("test.greeting", "fi") == "hei"


def test_importing_any_module_registers_no_text():
    # In a fresh interpreter: in this one the session has loaded the catalogs already.
    code = (
        "import importlib, pkgutil\n"
        "import screens, store, tui\n"
        "from store.core.i18n import keys\n"
        "for package in (store, screens, tui):\n"
        "    for module in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):\n"
        "        importlib.import_module(module.name)\n"
        "print(sorted(keys()))\n"
    )
    result = _in_fresh_interpreter(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_store_holds_no_catalog():
    registering = [
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "store").rglob("*.py")
        if re.search(r"^\s*(i18n\.)?register\(", path.read_text(encoding="utf-8"), re.M)
    ]
    assert registering == []


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # A store error whose text is the screens'.
        (
            ["export", "visits", "--date", "31.2.2026", "--lang", "sv"],
            "luotsi: datumet ”31.2.2026” duger inte; ange det som 28.11.2026 eller 2026-11-28\n",
        ),
        # One of the CLI's own texts.
        (
            ["export", "visits", "--date", "1.2.2026", "--purpose", "x", "--lang", "en"],
            "luotsi: --purpose goes with --identities\n",
        ),
    ],
)
def test_the_cli_loads_its_texts_itself(args, expected):
    result = _in_fresh_interpreter("from tui.cli import main; main()", *args)
    assert (result.returncode, result.stderr) == (2, expected)
