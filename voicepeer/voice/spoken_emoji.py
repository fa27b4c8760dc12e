"""Emoji said by name while dictating: "heart emoji" is written ❤️, "thumbs up emoji" 👍.

In peer support an emoji says much ("sending love ❤️"), and a recognizer gives only words.
A name becomes the emoji only with "emoji" after it, as people say it to mean one: "thumbs
up", "heart" and "hug" are everyday words too. "Smiley face" alone is one as well, not after
"a" or "the" ("I drew a smiley face"). Described ("I sent her a heart emoji"), the words
stay. Each is read back by its name in posts ("heart", "smiling face").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

SPOKEN_EMOJI: Mapping[str, str] = {
    "heart": "\u2764\ufe0f",
    "red heart": "\u2764\ufe0f",
    "broken heart": "\U0001f494",
    "heart eyes": "\U0001f60d",
    "smiley face": "\U0001f642",
    "smiley": "\U0001f642",
    "smiling face": "\U0001f642",
    "happy face": "\U0001f642",
    "grinning face": "\U0001f600",
    "winking face": "\U0001f609",
    "winky face": "\U0001f609",
    "laughing face": "\U0001f602",
    "crying laughing": "\U0001f602",
    "laughing crying": "\U0001f602",
    "tears of joy": "\U0001f602",
    "sad face": "\U0001f641",
    "crying face": "\U0001f622",
    "thumbs up": "\U0001f44d",
    "thumbs down": "\U0001f44e",
    "hugging face": "\U0001f917",
    "clapping hands": "\U0001f44f",
    "praying hands": "\U0001f64f",
    "prayer hands": "\U0001f64f",
    "folded hands": "\U0001f64f",
    "strong arm": "\U0001f4aa",
    "flexed arm": "\U0001f4aa",
    "party popper": "\U0001f389",
    "thinking face": "\U0001f914",
    "tired face": "\U0001f62b",
    "sleeping face": "\U0001f634",
    "fingers crossed": "\U0001f91e",
    "waving hand": "\U0001f44b",
    "rolling eyes": "\U0001f644",
    "eye roll": "\U0001f644",
}
"""Emoji by the names people give them, with "emoji" after. Not names that are everyday
words said before "emoji" as often ("that made me smile emoji", "sending hugs emoji",
"you're a star emoji"): the word, not the emoji, would be lost."""
SAID_ALONE = frozenset({"smiley face"})
"""Names that are the emoji without "emoji" after them: no everyday words."""
DESCRIBED_AFTER = frozenset(
    {"a", "an", "the", "my", "your", "his", "her", "its", "our", "their", "this", "that"}
)
"""Words after which an emoji's name describes one ("a heart emoji", "the smiley face")."""
EMOJI = frozenset(SPOKEN_EMOJI.values())
EMOJI_NAMES: dict[str, str] = {}
"""Each emoji's first name in :data:`SPOKEN_EMOJI`, to say it ("Deleted heart emoji.")."""
for _name, _emoji in SPOKEN_EMOJI.items():
    EMOJI_NAMES.setdefault(_emoji, f"{_name} emoji")

_NAMES = "|".join(re.escape(name) for name in sorted(SPOKEN_EMOJI, key=len, reverse=True))
_SAID = re.compile(
    rf"\b(?:(?P<named>{_NAMES})\s+emoji|(?P<alone>{'|'.join(SAID_ALONE)}))\b", re.IGNORECASE
)


def with_emoji(utterance: str) -> str:
    """``utterance`` with each emoji said by name written as the emoji."""
    return _SAID.sub(_emoji_or_words, utterance)


def _emoji_or_words(found: re.Match[str]) -> str:
    before = [word.lower() for word in found.string[: found.start()].split()]
    if DESCRIBED_AFTER.intersection(before[-2:]):  # "a big smiley face"
        return found[0]
    after = found.string[found.end() :].split()
    if found["alone"] and after and after[0].isalpha():
        return found[0]  # "smiley face stickers": words of the sentence going on
    return f" {SPOKEN_EMOJI[(found['named'] or found['alone']).lower()]} "
