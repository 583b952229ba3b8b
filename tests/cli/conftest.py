"""What every command-line test starts from: no LUOTSI_* settings and no locale from the
machine."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "LUOTSI_DB",
        "LUOTSI_USER",
        "LUOTSI_PASSWORD",
        "LUOTSI_NEW_PASSWORD",
        "LUOTSI_DESK",
        "LC_ALL",  # the locale picks the language of messages when --lang is not given
        "LC_MESSAGES",
        "LANG",
    ):
        monkeypatch.delenv(name, raising=False)
    # Wide enough that Rich never wraps a reason across lines.
    monkeypatch.setenv("COLUMNS", "200")
