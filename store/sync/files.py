"""What the files that travel are called, and a name for a new one that takes no file's
place: a check-out (`<coach>-<d.m.yyyy>.luotsi`, its key file and base beside it) and a
bundle (`luotsi-<coach>-<d.m.yyyy>.bundle`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from store.core.dates import format_date
from store.core.keys import key_file_of
from store.sync.laptop import base_of

CHECKOUT_SUFFIX = ".luotsi"
BUNDLE_SUFFIX = ".bundle"


def checkout_files(out: Path) -> tuple[Path, ...]:
    """Every file a check-out to `out` may write (the key file only for an encrypted one)."""
    return (out, key_file_of(out), base_of(out))


def free_checkout_path(folder: Path, username: str, day: date) -> Path:
    """`<username>-<d.m.yyyy>.luotsi` in `folder`, or -2, -3 … when that file (or its key
    or base file) is there already: a check-out never replaces a file."""
    return _free(folder, f"{username}-{format_date(day)}", CHECKOUT_SUFFIX, checkout_files)


def free_bundle_path(folder: Path, username: str, day: date) -> Path:
    """`luotsi-<username>-<d.m.yyyy>.bundle` in `folder`, or -2, -3 … when taken."""
    return _free(folder, f"luotsi-{username}-{format_date(day)}", BUNDLE_SUFFIX, lambda p: (p,))


def _free(folder: Path, stem: str, suffix: str, files: Callable[[Path], tuple[Path, ...]]) -> Path:
    number = 1
    while True:
        name = stem if number == 1 else f"{stem}-{number}"
        candidate = folder / f"{name}{suffix}"
        if not any(path.exists() for path in files(candidate)):
            return candidate
        number += 1
