"""Reading a post paragraph by paragraph, so a long one can be stopped and moved through.

A 2,000-word post is thirteen minutes of speech. The whole post's length is said first, and
it is spoken one paragraph at a time, a part (about two minutes, ``reading_part_s``, ended
at one of the post's headings when one is near, see voice.rendering) in one go: at the end
of a part voicepeer pauses, names the next part by its heading, says how much is left and
that "continue" reads on. After a stop (a key press) or that pause, "next paragraph",
"previous paragraph", "skip to the end" and "resume" go on from the paragraph reached,
across pages, to the post's end.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from voicepeer.commands.natural import unwrap
from voicepeer.commands.text import normalize
from voicepeer.speech.text.sentences import as_sentence
from voicepeer.voice.ports import Say
from voicepeer.voice.rendering import EMPTY_POST, PostPage

Pages = Callable[[int, int], PostPage]
"""The page of the post being read that begins at a paragraph index, of about a number of
words."""


def spoken_length(words: int, rate_wpm: int) -> str:
    """How long ``words`` take to say, as said: "less than a minute", "about 9 minutes",
    "about 3 hours"."""
    if words / max(rate_wpm, 1) < 0.75:
        return "less than a minute"
    minutes = max(1, round(words / max(rate_wpm, 1)))
    if minutes < 90:
        return f"about {minutes} minute{'' if minutes == 1 else 's'}"
    return f"about {round(minutes / 60)} hours"


def length_warning(words: int, rate_wpm: int, long_post_s: float) -> str:
    """ "A long post, about 13 minutes. …" when ``words`` take at least ``long_post_s``
    seconds to say (0 turns the warning off); otherwise nothing."""
    if long_post_s <= 0 or words / max(rate_wpm, 1) * 60 < long_post_s:
        return ""
    return (
        f"A long post, {spoken_length(words, rate_wpm)}. Stop me at any time, then say "
        "next paragraph, previous paragraph, or skip to the end."
    )


NEXT_OR_REPLY = "Say next for the next post, or reply to answer it."
"""What can be done at the end of a post that is not the topic's last."""


GO_ON_IN_A_POST = frozenset(
    {"carry on", "go on", "keep going", "more", "read more", "yes", "yes please", "read on"}
)
"""Said where a post was left part-way, they mean its rest (elsewhere "carry on" is the
next post; "yes" answers the pause's offer to read on)."""


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
    part_s: float
    """Seconds of speech read from a long post before pausing (see ``reading_part_s``)."""
    _pages: Pages | None = None
    _header: str = ""
    _footer: str = ""
    _total: int = 0
    """Paragraphs in the whole post."""
    index: int = 0
    """The paragraph being (or last) read; -1 while the length of a long post is said."""
    resume_at: int | None = None
    """Where "resume" reads on from: the paragraph stopped in, or the next page after a
    pause; ``None`` once the post was read to its end."""
    between: bool = False
    """Reading stopped after ``index`` rather than in it (a pause, the end, a skip there):
    "previous paragraph" then means that one, as the one just behind the listener."""
    long: bool = False
    """The post's length was said before it (see ``length_warning``)."""
    _stepped_to: int | None = None
    """The paragraph the last "next/previous paragraph" read from, while what followed was
    read without a stop: another "previous paragraph" goes back from there, not from the
    end it read on to."""
    _last_said: str = ""

    def read_post(
        self, header: str, pages: Pages, footer: str = "", start: int = 0, why: str = ""
    ) -> None:
        """Say the header (and, for a long post, the whole post's length), then the
        paragraphs, a page at a time; ``footer`` follows the last paragraph. From paragraph
        ``start`` when that is where the post was left in an earlier session (or, ``why``
        says so, where the words searched for are)."""
        self._pages, self._header, self._footer = pages, header, footer
        first = self._page(0)
        self._total, self._stepped_to = first.total, None
        if why and not length_warning(first.post_words, self.rate_wpm(), self.long_post_s):
            start = 0  # a post short enough to hear whole is read whole
        if 0 < start < self._total:
            self.long, self.index, self.resume_at, self.between = True, start, start, False
            why = why or "You stopped part-way through this post: going on"
            self._say_one(
                f"{header} {why} from paragraph {start + 1} of {self._total}. Say previous "
                "paragraph to go back, or first post for its start."
            )
            if not self.interrupted():
                self.read_from(start)
            return
        warning = length_warning(first.post_words, self.rate_wpm(), self.long_post_s)
        self.long = bool(warning)
        self.index, self.resume_at, self.between = -1, 0, False
        if not first.paragraphs:
            self._say_one(f"{header} {EMPTY_POST}{footer}")
            self.resume_at = None
            return
        self.interrupted()  # a stop pressed before this began is not a stop of this
        if warning:
            self._say_one(f"{header} {warning}")
            if self.interrupted():
                return
        self._read_page(first)

    def read_from(self, index: int) -> None:
        """Say the paragraphs from ``index`` to the end of its page, or until stopped."""
        assert self._pages is not None
        self._stepped_to = None
        self.interrupted()
        self._read_page(self._page(index))

    def _page(self, index: int) -> PostPage:
        assert self._pages is not None
        return self._pages(index, max(1, round(self.part_s * self.rate_wpm() / 60)))

    def _read_page(self, page: PostPage) -> None:
        for number, paragraph in enumerate(page.paragraphs, page.start):
            self.index = number
            if number == 0 and not self.long and self._header:
                paragraph = f"{self._header} {paragraph}"
            if number == self._total - 1:
                paragraph += self._footer
            self._say_one(paragraph)
            if self.interrupted():
                self.resume_at, self.between = number, False
                return
        self.resume_at, self.between = page.next_start, True
        if page.next_start is not None:
            # A pause rather than reading on: a tired listener may have drifted off or
            # had enough, and one word carries on from here.
            next_part = f"Next part: {as_sentence(page.next_heading)} " if page.next_heading else ""
            self._say_one(
                f"I'll pause here. {next_part}The post goes on for "
                f"{spoken_length(page.words_left, self.rate_wpm())} more. Say "
                "continue to read on, or next for the next post."
            )

    def _say_one(self, text: str) -> None:
        self._last_said = text
        self.say(text)

    def step(self, delta: int) -> None:
        """ "next paragraph" (+1) or "previous paragraph" (-1), then read on from there."""
        if self._pages is None:
            self.say("There is no post being read. Say read, or open topic and a number.")
            return
        if delta < 0 and self.between and self._stepped_to is not None:
            wanted = self._stepped_to + delta
        else:
            wanted = self.index + delta + (1 if self.between and delta < 0 else 0)
        if wanted >= self._total:
            self.say("That was the last paragraph. Say next for the next post.")
            return
        if wanted < 0:
            self.say("This is the first paragraph.")
        self.read_from(max(wanted, 0))
        self._stepped_to = max(wanted, 0)

    def place(self) -> str:
        """Where the listener is in a long post ("Paragraph 5 of 20."), for "where am I";
        "" for a short post, where the post's number says enough."""
        if self._pages is None or not self.long or self.index < 0:
            return ""
        return f"Paragraph {self.index + 1} of {self._total}."

    def length(self) -> str:
        """How long the post being read takes to hear, and what is left of it ("This post
        takes about 13 minutes to hear. About 9 minutes of it left."); "" when no post
        is being read."""
        if self._pages is None:
            return ""
        rate = self.rate_wpm()
        first = self._page(0)
        whole = f"This post takes {spoken_length(first.post_words, rate)} to hear."
        start = 0 if self.index < 0 else self.index + (1 if self.between else 0)
        if start <= 0:
            return whole
        if start >= self._total:
            return f"{whole} You have heard all of it."
        page = self._page(start)
        left = sum(len(p.split()) for p in page.paragraphs) + page.words_left
        return f"{whole} {spoken_length(left, rate).capitalize()} of it left."

    def has_next(self) -> bool:
        """Whether "next paragraph" would read one: a post is being read and the paragraph
        reached is not its last."""
        return self._pages is not None and self.index + 1 < self._total

    def skip_to_end(self, after: str = NEXT_OR_REPLY) -> None:
        """ "Skip to the end" of the post; ``after`` says what can be done then."""
        if self._pages is None:
            self.say("There is no post being read. Say read, or open topic and a number.")
            return
        self.index, self._stepped_to = max(self._total - 1, 0), None
        self.resume_at, self.between = None, True
        self.say(f"End of the post. {after}")

    def repeat(self, last_said: str) -> bool:
        """ "repeat" just after part of the post: a short post again from its start, or the
        paragraph reached in a long one. False when the last thing said was not the post."""
        if self._pages is None or last_said != self._last_said:
            return False
        if self.long or self.resume_at is not None:
            self._say_one(last_said)
        else:
            self.read_from(0)
        return True

    @property
    def read_to_end(self) -> bool:
        """Whether a post was read and reached its end (or was skipped to it)."""
        return self._pages is not None and self.resume_at is None

    def goes_on(self, said: str) -> bool:
        """ "Carry on", "go on", "more" or "yes" said where a post was left part-way (at a
        part's pause, or stopped): read on, and True. "Carry on" read the next post there,
        and the rest of a long letter was skipped and counted as read."""
        return unwrap(normalize(said)) in GO_ON_IN_A_POST and self.carry_on()

    def carry_on(self) -> bool:
        """After a stop or a pause part-way: read on from where it was left. False when the
        post was read to the end (or none was read)."""
        if self._pages is None or self.resume_at is None:
            return False
        self.read_from(self.resume_at)
        return True
