"""The one translation function: every user-visible string goes through `tr`."""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"

# key -> (fi, sv, en). The store holds no texts: its errors carry a key and parameters.
# The catalogs live with the screens and the CLI that show them, and each entry point
# (the app, the board, the CLI) registers them explicitly before anything is shown.
_CATALOG: dict[str, tuple[str, str, str]] = {}


def register(catalog: Mapping[str, tuple[str, str, str]]) -> None:
    """Add strings to the catalog; a key registered again must bring the same texts."""
    for key, texts in catalog.items():
        if key in _CATALOG and _CATALOG[key] != texts:
            raise ValueError(f"translation key registered twice: {key}")
        if len(texts) != len(LANGUAGES):
            raise ValueError(f"translation {key} needs fi, sv and en")
        _CATALOG[key] = texts


def locale_language(environ: Mapping[str, str]) -> str | None:
    """The language of the user's locale if it is one of ours: the first of LC_ALL,
    LC_MESSAGES and LANG that is set decides, as POSIX has it (`sv_FI.UTF-8` is "sv";
    `C` or `de_DE` is None)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            lang = value.split("_")[0].split(".")[0].lower()
            return lang if lang in LANGUAGES else None
    return None


def normalise_language(lang: str | None) -> str:
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def in_language(texts: tuple[str, str, str], lang: str | None) -> str:
    """The one of (fi, sv, en) texts for `lang`; Finnish for an unknown language."""
    return texts[LANGUAGES.index(normalise_language(lang))]


def plural_key(key: str, count: int) -> str:
    """The catalog entry of a message about `count` things: `key.one` for exactly one,
    else `key.other`. One rule fits all three languages: Finnish puts the noun in the
    partitive after any other number ("0 käyntiä", "2 käyntiä"), Swedish and English in
    the plural ("0 besök", "2 visits")."""
    return f"{key}.one" if count == 1 else f"{key}.other"


def tr(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """Translate `key` into `lang`, filling `{name}` placeholders from `params`.

    A message that counts something has two entries, `key.one` and `key.other` (see
    `plural_key`), and `tr(key, lang, count=n)` picks the one for `n`. An unknown key is
    returned as is, so a missing translation shows up on screen instead of crashing the app.
    """
    texts = _CATALOG.get(key)
    count = params.get("count")
    if texts is None and isinstance(count, int):
        texts = _CATALOG.get(plural_key(key, count))
    if texts is None:
        return key
    text = in_language(texts, lang)
    return text.format(**params) if params else text


def keys() -> frozenset[str]:
    return frozenset(_CATALOG)


def has_text(key: str) -> bool:
    """Whether `key` is in the catalog (a lookup; `keys()` copies the whole catalog)."""
    return key in _CATALOG


class TranslatedError(Exception):
    """An error whose message the user reads in their own language: `message(lang)`."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(tr(key, "en", **params))
        self.key = key
        self.params = params

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return tr(self.key, lang, **self.params)
