"""What the sample's tests share: one register with its history, made once a session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from store.api import Store
from store.core.clock import FixedClock
from store.core.db import copy_database
from store.sample.generate import generate_sample
from tests.conftest import NOW


@pytest.fixture(scope="session")
def history_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """500 clients with a week of history: service paths and Kompassi readings. Shared by
    the tests of both, so read-only: `history_store` is a copy to write to."""
    path = tmp_path_factory.mktemp("history") / "sample.db"
    generate_sample(path, clients=500, seed=1, today=NOW.date(), history_weeks=1)
    return path


@pytest.fixture
def history_store(history_sample: Path, tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(copy_database(history_sample, tmp_path / "copy.db"), FixedClock(NOW))
    yield opened
    opened.close()
