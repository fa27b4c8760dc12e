"""Text as the interpreter's rules compare it."""

from __future__ import annotations

import pytest

from voicepeer.commands.text import normalize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ＮＥＸＴ　ＰＯＳＴ", "next post"),
        ("what\u2019s new?", "what's new"),
        ("next\u200bpost", "next post"),
        ("  Next\tPOST\n", "next post"),
        ("ǹext", "ǹext"),
    ],
)
def test_normalize_folds_strange_unicode(text: str, expected: str) -> None:
    assert normalize(text) == expected
