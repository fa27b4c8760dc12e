"""Discourse's TextSentinel: a post's body or a topic's title that "seems unclear".

As lib/text_sentinel.rb judges text: enough different bytes (its "entropy", a post's
scaled down for a short minimum length and for messages), at least one letter or digit,
no run of letters and digits longer than the title's longest word, and not all in
capitals. PostValidator#raw_quality refuses a body with one sentence whatever failed;
QualityTitleValidator names what failed (messages' titles are not checked).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from voicepeer.demo_forum.settings import DemoForumOptions

ENTROPY_SCALE = 0.7
"""TextSentinel::ENTROPY_SCALE: a minimum entropy above the minimum length is scaled to it."""
BODY_UNCLEAR = "Body seems unclear, is it a complete sentence?"
"""server.en.yml is_invalid, as PostValidator adds it to raw ("Body")."""
TITLE_UNCLEAR = {
    "meaningful": (
        "Title seems unclear, most of the words contain the same letters over and over?"
    ),
    "unpretentious": "Title seems unclear, one or more words is very long?",
    "quiet": "Title seems unclear, did you mean to enter it in ALL CAPS?",
}
"""server.en.yml errors.messages is_invalid_meaningful, _unpretentious and _quiet."""
_ALNUM = re.compile(r"[^\W_]")


@dataclass(frozen=True)
class TextSentinel:
    text: str
    min_entropy: int
    max_word_length: int | None = None
    allow_uppercase: bool = False

    @property
    def entropy(self) -> int:
        """Different bytes of the trimmed text in UTF-8 (not characters: "去年" counts 4)."""
        return len(set(self.text.strip().encode("utf-8")))

    def seems_meaningful(self) -> bool:
        return self.entropy >= self.min_entropy

    def seems_pronounceable(self) -> bool:
        return _ALNUM.search(self.text) is not None

    def seems_unpretentious(self) -> bool:
        if self.max_word_length is None:
            return True
        longest = max((len(run) for run in re.findall(r"[^\W_]+", self.text)), default=0)
        return longest <= self.max_word_length

    def seems_quiet(self) -> bool:
        """Not all in capitals: a lower-case letter, or a letter with no case (Chinese,
        Arabic …), or no letter at all."""
        letters = [c for c in self.text if c.isalpha()]
        return (
            self.allow_uppercase
            or not letters
            or any(c.islower() or not c.isupper() for c in letters)
        )

    def valid(self) -> bool:
        return (
            bool(self.text.strip())
            and self.seems_meaningful()
            and self.seems_pronounceable()
            and self.seems_unpretentious()
            and self.seems_quiet()
        )


def body_sentinel(raw: str, options: DemoForumOptions, *, private: bool) -> TextSentinel:
    """TextSentinel.body_sentinel: ``body_min_entropy``, scaled for messages by their
    shorter minimum length, and never above 0.7 of the minimum length."""
    entropy = options.body_min_entropy
    if private:
        shortest = options.min_personal_message_post_length
        entropy = int(entropy * shortest / options.min_post_length)
    else:
        shortest = options.min_post_length
    if entropy > shortest:
        entropy = int(shortest * ENTROPY_SCALE)
    return TextSentinel(raw, entropy, allow_uppercase=options.allow_uppercase_posts)


def body_unclear(raw: str, options: DemoForumOptions, *, private: bool) -> list[str]:
    """PostValidator#raw_quality's error for a body that seems unclear; [] otherwise."""
    return [] if body_sentinel(raw, options, private=private).valid() else [BODY_UNCLEAR]


def title_unclear(title: str, options: DemoForumOptions) -> list[str]:
    """QualityTitleValidator's error for a topic's title that seems unclear; [] otherwise."""
    shortest = options.min_topic_title_length
    entropy = (
        options.title_min_entropy
        if shortest > options.title_min_entropy
        else int(shortest * ENTROPY_SCALE)
    )
    sentinel = TextSentinel(
        title,
        entropy,
        max_word_length=options.title_max_word_length,
        allow_uppercase=options.allow_uppercase_posts,
    )
    if sentinel.valid():
        return []
    if not sentinel.seems_meaningful():
        return [TITLE_UNCLEAR["meaningful"]]
    if not sentinel.seems_unpretentious():
        return [TITLE_UNCLEAR["unpretentious"]]
    if not sentinel.seems_quiet():
        return [TITLE_UNCLEAR["quiet"]]
    return ["Title seems unclear, is it a complete sentence?"]
