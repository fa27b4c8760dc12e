"""Reading a post paragraph by paragraph, so a long one can be stopped and moved through.

A 2,000-word post is thirteen minutes of speech. Its length is said first, and the post is
spoken one paragraph at a time: when the person stops voicepeer (a key press), it knows
which paragraph it was in, and "next paragraph", "previous paragraph", "skip to the end"
and "resume" go on from there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

Say = Callable[[str], None]

def split_paragraphs(text: str) -> list[str]:
    """The post's paragraphs (speakable text puts one per line), empty lines left out."""
    return [line.strip() for line in text.splitlines() if line.strip()] or [text.strip()]


def spoken_minutes(text: str, rate_wpm: int) -> float:
    """About how long ``text`` takes to say at ``rate_wpm`` words per minute, in minutes."""
    return len(text.split()) / max(rate_wpm, 1)


def length_warning(text: str, rate_wpm: int, long_post_s: float) -> str:
    """ "A long post, about 13 minutes. …" when it takes at least ``long_post_s`` seconds
    to say (0 turns the warning off); otherwise nothing."""
    minutes = spoken_minutes(text, rate_wpm)
    if long_post_s <= 0 or minutes * 60 < long_post_s:
        return ""
    rounded = max(1, round(minutes))
    unit = "minute" if rounded == 1 else "minutes"
    return (f"A long post, about {rounded} {unit}. Stop me at any time, then say next "
            "paragraph, previous paragraph, or skip to the end.")


@dataclass
class ParagraphReading:
    """The post being read and the paragraph reached.

    ``interrupted`` tells whether the person stopped the speech during the last ``say``
    (and forgets it); ``rate_wpm`` gives the current speaking rate.
    """

    say: Say
    interrupted: Callable[[], bool]
    rate_wpm: Callable[[], int]
    long_post_s: float
    paragraphs: list[str] = field(default_factory=list)
    index: int = 0
    """The paragraph being (or last) read."""
    stopped_part_way: bool = False
    long: bool = False
    """The post's length was said before it (see ``length_warning``)."""

    def read_post(self, header: str, text: str) -> None:
        """Say the header (and, for a long post, its length), then the paragraphs."""
        paragraphs = split_paragraphs(text)
        warning = length_warning(text, self.rate_wpm(), self.long_post_s)
        self.long = bool(warning)
        if warning:
            paragraphs.insert(0, f"{header} {warning}")
        else:
            paragraphs[0] = f"{header} {paragraphs[0]}"
        self.paragraphs = paragraphs
        self.read_from(0)

    def read_from(self, index: int) -> None:
        """Say the paragraphs from ``index`` on, until the end or until stopped."""
        self.interrupted()  # a stop pressed before this began is not a stop of this
        for number in range(index, len(self.paragraphs)):
            self.index = number
            self.say(self.paragraphs[number])
            if self.interrupted():
                self.stopped_part_way = True
                return
        self.stopped_part_way = False

    def step(self, delta: int) -> None:
        """"next paragraph" (+1) or "previous paragraph" (-1), then read on from there."""
        if not self.paragraphs:
            self.say("There is no post being read. Say read, or open topic and a number.")
            return
        wanted = self.index + delta
        if wanted >= len(self.paragraphs):
            self.say("That was the last paragraph. Say next for the next post.")
        elif wanted < 0:
            self.say("This is the first paragraph.")
            self.read_from(0)
        else:
            self.read_from(wanted)

    def skip_to_end(self) -> None:
        if not self.paragraphs:
            self.say("There is no post being read. Say read, or open topic and a number.")
            return
        self.index = len(self.paragraphs) - 1
        self.stopped_part_way = False
        self.say("End of the post. Say next for the next post, or reply to answer it.")

    def repeat(self, last_said: str) -> bool:
        """"repeat" just after part of the post: a short post again from its start, or the
        paragraph reached in a long one. False when the last thing said was not the post."""
        if last_said not in self.paragraphs:
            return False
        if self.long or self.stopped_part_way:
            self.say(self.paragraphs[self.index])
        else:
            self.read_from(0)
        return True

    def carry_on(self) -> bool:
        """After a stop part-way: read on from the paragraph that was stopped. False when
        the post was read to the end (or none was read)."""
        if not self.stopped_part_way:
            return False
        self.read_from(self.index)
        return True
