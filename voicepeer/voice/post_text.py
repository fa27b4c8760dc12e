"""The words of a posted post being changed by voice ("correct my post").

A post may have been written anywhere (on the web, by a helper), with links, quotes and
layout that dictation never makes. So its text is kept exactly as the forum has it, and
only the words the person changes are touched: "correct …" and "replace … with …" find
words of their own writing (never inside a quote of someone else, a link or code), and
what is dictated goes after the end, as in a reply being written. Nothing else of the
post is re-spaced or re-capitalised.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import pairwise

from voicepeer.recognition.base import HeardWord
from voicepeer.voice.dictation import (
    Draft,
    Place,
    mark_replaces,
    named_mark,
    said_as_in_posts,
    stays_a_name,
)
from voicepeer.voice.spoken_marks import ATTACHED_MARKS
from voicepeer.voice.written_forms import WRITTEN_FORMS, as_written
from voicepeer.voice.written_numbers import with_digits

WRITTEN = -1
"""The phrase number of a place in the post's own text (dictated phrases count from 0)."""
WRITTEN_MARK = -2
"""The phrase number of a mark in the post's own text; its token is where it is (the
character's index)."""

_WORD = re.compile(r"\w[\w'\u2019]*")
_NOT_OWN_WORDS = re.compile(
    r"\[quote[^\]]*\].*?\[/quote\]"  # someone else's words, quoted
    r"|```.*?```|`[^`\n]*`"  # code
    r"|https?://\S+|www\.\S+"  # links
    r"|<[^>\n]*>",  # HTML tags
    re.DOTALL | re.IGNORECASE,
)
_BREAKS_A_RUN = re.compile(r"[.,!?;:\n]")
_SENTENCE_END = frozenset(".!?")
_ATTACHED = ATTACHED_MARKS | frozenset(")”-")
"""Marks that follow the word before them with no space (a "full stop" said at the end)."""
_PRONOUN_I = re.compile(r"^i('(m|ve|ll|d|s))?$")
MAX_CHANGES_SAID = 4
"""Changes named one by one in the question; with more, the whole post is read."""


@dataclass
class PostText(Draft):
    """A posted post's words as the person changes them: its own text (``written``, as the
    forum has it but for the words changed) and what is dictated after it (the phrases)."""

    written: str = ""
    base: str = ""
    """The words as the forum had them when the change began: what is changed, and what the
    forum must still have for the change to go (a change made elsewhere meanwhile is never
    overwritten)."""

    @classmethod
    def of_post(cls, raw: str, changed: str | None = None) -> PostText:
        """The post's words ``raw``, as changed so far (``changed``, saved earlier)."""
        return cls(written=raw if changed is None else changed, base=raw)

    def own_words(self) -> list[str]:
        """The words of the post's own text (not quotes, links or code), in lower case: the
        words "correct …" and "replace …" can name."""
        return [w.group().lower() for w in self._word_matches()]

    def _word_matches(self) -> list[re.Match[str]]:
        hidden = [m.span() for m in _NOT_OWN_WORDS.finditer(self.written)]
        return [
            w
            for w in _WORD.finditer(self.written)
            if not any(start <= w.start() < end for start, end in hidden)
        ]

    def _runs(self, count: int) -> Iterator[tuple[Place, str]]:
        words = self._word_matches()
        for first in range(len(words) - count + 1):
            run = words[first : first + count]
            between = (self.written[a.end() : b.start()] for a, b in pairwise(run))
            if not any(_BREAKS_A_RUN.search(gap) for gap in between):
                said = " ".join(w.group().lower() for w in run)
                yield Place(WRITTEN, first, count), said
        yield from super()._runs(count)

    def find_mark(self, mark: str) -> Place | None:
        """The last ``mark`` dictated, or else the last of the post's own (not inside a
        word or number: "2.5", "1,000")."""
        place = super().find_mark(mark) if self.phrases else None
        if place is not None or mark not in _ATTACHED:
            return place
        hidden = [m.span() for m in _NOT_OWN_WORDS.finditer(self.written)]
        for at in range(len(self.written) - 1, -1, -1):
            if self.written[at] != mark or any(a <= at < b for a, b in hidden):
                continue
            before, after = self.written[at - 1 : at], self.written[at + 1 : at + 2]
            if not (before.isalnum() and after.isalnum()):
                return Place(WRITTEN_MARK, at)
        return None

    def words_at(self, place: Place) -> str:
        if place.phrase == WRITTEN_MARK:
            return self.written[place.token : place.token + 1]
        if place.phrase != WRITTEN:
            return super().words_at(place)
        run = self._word_matches()[place.token : place.token + place.count]
        return " ".join(w.group() for w in run) if len(run) == place.count else ""

    def heard_at(self, place: Place) -> HeardWord | None:
        return None if place.phrase in (WRITTEN, WRITTEN_MARK) else super().heard_at(place)

    def replace(self, place: Place, text: str, forms: Mapping[str, str] = WRITTEN_FORMS) -> str:
        if place.phrase == WRITTEN_MARK:
            return self._replace_mark(place.token, text, forms)
        if place.phrase != WRITTEN:
            return super().replace(place, text, forms)
        run = self._word_matches()[place.token : place.token + place.count]
        start, end = run[0].start(), run[-1].end()
        old = self.written[start:end]
        new = _as_written(text, old, forms, starts=_starts_a_sentence(self.written[:start]))
        self.written = self.written[:start] + new + self.written[end:]
        return new

    def _replace_mark(self, at: int, text: str, forms: Mapping[str, str]) -> str:
        """The post's own mark at ``at`` changed to the mark ``text`` names (the word after
        it given a capital when it now begins a sentence), or to words."""
        head, tail = self.written[:at], self.written[at + 1 :]
        mark = named_mark(text.split())
        if mark is None:
            new = _as_written(text, "", forms, starts=False)
            self.written = f"{head.rstrip()} {new}{tail}"
            return new
        if mark in _SENTENCE_END:
            tail = re.sub(r"^(\s*)(\w)", lambda m: m[1] + m[2].upper(), tail)
        self.written = head + mark + tail
        return mark

    def delete(self, place: Place) -> str | None:
        """The words (or mark) at ``place`` taken out of the post's own text, a mark after
        them too where it would be left on its own ("Great! Thanks." without "thanks" is
        "Great!"). Unlike a reply's, a post's last full stop stays: nothing puts it back
        when the post is sent."""
        if place.phrase == WRITTEN_MARK:
            self.written = self.written[: place.token] + self.written[place.token + 1 :]
            return None
        if place.phrase != WRITTEN:
            return super().delete(place)
        run = self._word_matches()[place.token : place.token + place.count]
        head, tail = self.written[: run[0].start()].rstrip(" \t"), self.written[run[-1].end() :]
        marks = re.match(r"[ \t]*([.,!?;:]*)", tail)
        assert marks is not None
        taken = None
        if not head or head[-1] in _ATTACHED | {"\n"}:
            tail, taken = tail[marks.end() :], marks[1][:1] or None
        tail = tail.lstrip(" \t")
        if run[0].group()[:1].isupper() and _starts_a_sentence(head):
            tail = tail[:1].upper() + tail[1:]
        space = " " if head and head[-1] != "\n" and tail[:1] not in ("", "\n", *_ATTACHED) else ""
        self.written = head + space + tail
        return taken

    def delete_last_word(self) -> str | None:
        """The last word dictated, or else the post's own last word (with the marks after
        it, when nothing but marks follows)."""
        if self.phrases:
            return super().delete_last_word()
        words = self._word_matches()
        if not words:
            return None
        last = words[-1]
        tail = self.written[last.end() :]
        keep = tail if _WORD.search(tail) else ""
        head = self.written[: last.start()].rstrip(" \t")
        self.written = head + keep
        return last.group()

    def clear(self) -> None:
        """Back to the words as they were before any change."""
        super().clear()
        self.written = self.base

    @property
    def text(self) -> str:
        return _joined(self.written, super().text)

    def text_to_send(self) -> str:
        """The post's own text as it is (a post may end without a full stop), and what was
        dictated after it finished as a reply is."""
        if not self.phrases:
            return self.written
        return _joined(self.written, Draft(self.phrases, self.heard).text_to_send())

    @property
    def read_out(self) -> str:
        """The text to read out: a quote, code or a link named, not read character by
        character."""
        return said_as_in_posts(spoken_post(self.text))

    @property
    def is_empty(self) -> bool:
        return not self.text.strip()

    @property
    def changed(self) -> bool:
        return self.text_to_send().strip() != self.base.strip()

    def changes(self) -> list[str] | None:
        """The changes in words ("walk becomes talk", "added: …"); None when there are too
        many to name one by one, [] when no word changed (only marks or spacing)."""
        old, new = _WORD.findall(self.base), _WORD.findall(self.text_to_send())
        # The post's own words changed, and the words dictated after them, apart: diffed
        # whole, "relapse" then "it starts next month" read "relapse becomes MS It starts
        # next month".
        own = len(_WORD.findall(self.written))
        new, added = new[:own], new[own:]
        said = []
        # Compared in lower case: a capital a mark's change gave ("tired. Went") is no
        # change of words ("went becomes Went").
        lower = difflib.SequenceMatcher(a=[w.lower() for w in old], b=[w.lower() for w in new])
        for tag, a, b, c, d in lower.get_opcodes():
            before, after = " ".join(old[a:b]), " ".join(new[c:d])
            if tag == "replace":
                said.append(f"{before} becomes {after}")
            elif tag == "delete":
                said.append(f"{before} is taken out")
            elif tag == "insert":
                said.append(f"added: {after}" if d == len(new) else f"{after} is put in")
        if added:
            said.append(f"added: {' '.join(added)}")
        return said if len(said) <= MAX_CHANGES_SAID else None


def spoken_post(raw: str) -> str:
    """A post's markdown as it is read out: someone else's quoted words, code, links and
    HTML tags named in a word or two, the rest as written."""

    def named(match: re.Match[str]) -> str:
        found = match.group()
        if found.lower().startswith("[quote"):
            return " (a quote) "
        if found.startswith("`"):
            return " (code) "
        return "" if found.startswith("<") else " (a link) "

    return re.sub(r"[ \t]+", " ", _NOT_OWN_WORDS.sub(named, raw)).strip()


def _joined(written: str, dictated: str) -> str:
    """The post's own text, then what was dictated after it (going on with a sentence the
    post left open, without a capital)."""
    if not dictated:
        return written
    if not written.strip():
        return dictated
    written = written.rstrip()
    if dictated[:1] in _ATTACHED and mark_replaces(written[-1], dictated[0]):
        written = written[:-1]  # "full stop" after the post's own full stop: one
    if dictated.startswith("\n") or dictated[:1] in _ATTACHED:
        return written + dictated
    first = dictated.split(maxsplit=1)[0]
    if written[-1] not in _SENTENCE_END and not _PRONOUN_I.match(first.lower()):
        dictated = dictated[:1].lower() + dictated[1:]
    return f"{written} {dictated}"


def _as_written(new: str, old: str, forms: Mapping[str, str], *, starts: bool) -> str:
    """New words as they go into the post: "I" as a capital, words that are always written
    so ("MS"), and a capital first letter where the old words had one at a sentence's
    start (``starts``) or as a name said again ("Jo" to "joanne", not "Ruth" to
    "everyone")."""
    written = as_written(with_digits(new.split()), forms)  # as a reply writes them: "250"
    words = [("I" + w[1:]) if _PRONOUN_I.match(w.lower()) else w for w in written]
    text = " ".join(words)
    if old[:1].isupper() and (starts or stays_a_name(old, text)):
        text = text[:1].upper() + text[1:]
    return text


def _starts_a_sentence(before: str) -> bool:
    """Whether words after ``before`` (a post's text) begin a sentence."""
    before = before.rstrip(" \t")
    return not before or before[-1] in _SENTENCE_END or before[-1] == "\n"
