"""Fixtures most voice-loop tests share: a fresh demo forum on loopback and a data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from voicepeer.demo_forum import DemoForum


@pytest.fixture
def forum(tmp_path: Path) -> Iterator[DemoForum]:
    with DemoForum(tmp_path / "forum.sqlite3") as server:
        yield server


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "voicepeer-data"
