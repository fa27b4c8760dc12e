"""Fixtures most voice-loop tests share: a fresh demo forum on loopback and a data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.members import keyed_forum
from voicepeer.demo_forum import DemoForum


@pytest.fixture
def forum(tmp_path: Path) -> Iterator[DemoForum]:
    """A fresh demo forum that also takes the tests' admin key, so a test can act as any
    member (tests.support.members); a session without credentials reads anonymously."""
    with keyed_forum(tmp_path / "forum.sqlite3") as server:
        yield server


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "voicepeer-data"
