"""A reply being dictated: spoken punctuation, capitals, and phrase-level editing.

The draft is kept as the list of dictated phrases (one per utterance) so that
"scratch that" can remove exactly what was said last. Text is rendered from the phrases
each time, which keeps capitalisation right after any edit. Next to each phrase is what
the recognizer said of its words (confidence, other guesses), for correcting them by voice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

from rapidfuzz import fuzz

from voicepeer.recognition.base import HeardWord
from voicepeer.speech.text.emoji import set_apart, unicode_emoji_words
from voicepeer.speech.text.scripts import foreign_text_words
from voicepeer.voice.articles import agreeing
from voicepeer.voice.spoken_emoji import DESCRIBED_AFTER, EMOJI, EMOJI_NAMES, with_emoji
from voicepeer.voice.spoken_marks import (
    ATTACHED_MARKS,
    LAYOUT_MARKS,
    MARK_AS_A_WORD_AFTER,
    MARK_NAMES,
    PLACEHOLDER_BASE,
    SPOKEN_MARKS,
    mark_or_word,
)
from voicepeer.voice.written_forms import TITLES, WRITTEN_FORMS, as_written, vitamins_as_written
from voicepeer.voice.written_numbers import with_digits, written_at_end

_SENTENCE_END = frozenset(".!?")
_LAYOUT = LAYOUT_MARKS
_ATTACHED = ATTACHED_MARKS
_CLOSING = frozenset(")”")
"""Marks written against the word before them, kept with a mark said after ("(really).")."""
_OPENING = frozenset("(“#")
"""Marks written against the word after them ("(really", "“fine", "#MSAwareness")."""
_HYPHEN, _DASH = "-", "–"
_MARKS = _ATTACHED | _CLOSING | _OPENING | _LAYOUT | {_HYPHEN, _DASH}
"""Every token that is no word: "delete last word" and corrections pass over them."""
_PLACEHOLDER_BASE = PLACEHOLDER_BASE
_TOKEN = re.compile(r"\n\n|\n|[^\s.,!?;:…]+(?:[.,:…](?=\w)[^\s.,!?;:…]+)*|[.,!?;:…]")
"""A layout mark, a word, or a mark. A mark between letters or figures is part of the word
("2.5", "10:30", "1,000", "mssociety.org.uk"): a saved reply taken up again came back as
"2. 5". Brackets, quote marks and "#" stay on their word as typed ("(really)"), which is
written as it was."""
_PRONOUN_I = re.compile(r"^i('(m|ve|ll|d|s))?$")
_PARAGRAPH_END = re.compile(r"(?<=\w)(?=\n\n)|(?<=\w[)”])(?=\n\n)")


UNWRITTEN_SOUNDS = frozenset({"um", "uh", "er", "erm", "uhm"})
"""Hesitations a recognizer may write down that nobody means to post (slow or effortful
speech has many): left out of the draft. Not "ah" or "hmm", which people write."""


NAMED_AS_A_WORD_AFTER = MARK_AS_A_WORD_AFTER | DESCRIBED_AFTER
"""Words after which a name said in two parts stays words ("a heart", then "emoji")."""
MAX_NAME_WORDS = 3
"""The most words a mark's or an emoji's name has before its last word ("smiley face",
then "emoji")."""


_MARK_BEGUN_TWICE = re.compile(
    "|".join(
        rf"\b{re.escape(name.split()[0])}\s+(?={re.escape(name)}\b)"
        for name, _mark in SPOKEN_MARKS
        if " " in name
    ),
    re.IGNORECASE,
)
"""The first word of a mark's name said twice ("full full stop", "new new paragraph"): the
first "full" was written in as a word."""
_A_MARK = f"[{chr(PLACEHOLDER_BASE)}-{chr(PLACEHOLDER_BASE + len(SPOKEN_MARKS) - 1)}]"
_MARK_TAKEN_BACK = re.compile(
    rf"\s*{_A_MARK}\s*,?\s*\b(?:no|sorry|i mean)\b,?\s*({_A_MARK})", re.IGNORECASE
)
"""A mark taken back for another ("comma no full stop"): "helpful, no." was written."""


def tokenize_dictation(utterance: str, forms: Mapping[str, str] = WRITTEN_FORMS) -> list[str]:
    """Split one utterance into words, punctuation marks and layout tokens.

    Spoken punctuation ("comma", "full stop", "new line") becomes the mark itself, and an
    emoji said by name ("heart emoji") the emoji; marks typed directly are kept, and so is
    the user's casing of ordinary words. A word heard in lower case that ``forms`` writes
    otherwise ("mri") is written so ("MRI").
    """
    text = re.sub(r"[^\S\n]+", " ", utterance)
    text = re.sub(r" ?\n(?: ?\n)+ ?", "\n\n", text)
    text = with_emoji(text)
    text = _MARK_BEGUN_TWICE.sub("", text)
    for index, (spoken, _mark) in enumerate(SPOKEN_MARKS):
        text = re.sub(rf"\b{spoken}\b", partial(mark_or_word, index), text, flags=re.IGNORECASE)
    text = _MARK_TAKEN_BACK.sub(r" \1 ", text)
    tokens: list[str] = []
    after_a_sound = False
    for token in _TOKEN.findall(text):
        # "Um, thank you" or "Um. I was tired" typed: the mark went with the "um", and
        # began the reply; "it was um." keeps its full stop.
        begins = not tokens or tokens[-1] in ATTACHED_MARKS
        if token.lower() in UNWRITTEN_SOUNDS or (
            after_a_sound and (token == "," or (begins and token in ATTACHED_MARKS))
        ):
            after_a_sound = True  # "um..." goes whole
            continue
        after_a_sound = False
        code = ord(token[0]) - _PLACEHOLDER_BASE
        tokens.append(SPOKEN_MARKS[code][1] if 0 <= code < len(SPOKEN_MARKS) else token)
    return as_written(tokens, forms)


def _is_name(token: str) -> bool:
    """Whether a word of the draft is written with a capital of its own (a name, "Monday"),
    not "I", which is written so wherever it is."""
    return token[:1].isupper() and _PRONOUN_I.match(token.lower()) is None


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


def mark_replaces(before: str, mark: str) -> bool:
    """Whether ``mark`` said right after the mark ``before`` takes its place: a mark said
    again, or another said instead. Not "?" and "!" together ("really?!")."""
    return before in _ATTACHED and {before, mark} != {"?", "!"}


def render(tokens: list[str]) -> str:
    """Join tokens into text: no space before marks, capitals at sentence starts, "I";
    brackets, quote marks and "#" against the words they hold, a hyphen between two words,
    a dash with a space either side."""
    out: list[str] = []
    capitalize_next = True
    for token in paired_quotes(tokens):
        if token in ("\n", "\n\n"):
            while out and out[-1] == " ":
                out.pop()
            out.append(token)
            capitalize_next = True
            continue
        if token in _ATTACHED:
            while out and out[-1] == " ":
                out.pop()
            layout: list[str] = []
            while out and out[-1] in ("\n", "\n\n"):
                layout.insert(0, out.pop())  # "new paragraph", "full stop": the stop first
            if out and mark_replaces(out[-1], token):
                out.pop()  # "full stop", "full stop" (or "comma" then "full stop"): one mark
            out += [token, *(layout or [" "])]
            capitalize_next = token in _SENTENCE_END or bool(layout)
            continue
        if token in _CLOSING or token == _HYPHEN:
            while out and out[-1] == " ":
                out.pop()
            out.append(token)
            continue
        word = token
        if _PRONOUN_I.match(word.lower()):
            word = "I" + word[1:]
        elif capitalize_next:
            word = word[:1].upper() + word[1:]
        if out and out[-1] not in (" ", "\n", "\n\n", _HYPHEN, *_OPENING):
            out.append(" ")
        out.append(word)
        capitalize_next = capitalize_next and token in _OPENING
    return "".join(out).strip(" ")


def _quote_marks_apart(tokens: Sequence[str]) -> list[str]:
    """``tokens`` of saved text with quote marks as tokens of their own, as dictation made
    them ("“rest" is "“", "rest"): an end quote said after taking the words up again then
    finds the quote it goes on with."""
    apart: list[str] = []
    for token in tokens:
        opening = token.startswith("“") and len(token) > 1
        closing = token.endswith("”") and len(token) > 1
        core = token[1 if opening else 0 : -1 if closing else None]
        apart += ["“"] * opening + ([core] if core else []) + ["”"] * closing
    return apart


def paired_quotes(tokens: Sequence[str]) -> list[str]:
    """``tokens`` with the word "quote" before an end quote said after it made the opening
    quote mark ("she said quote I'm fine unquote"): "quote" is an everyday word too ("a
    quote for the ramp", "to quote my neurologist"), a mark only when the quote is ended.
    Said together, "quote unquote" stays words."""
    out = list(tokens)
    is_open = False
    unclosed: list[tuple[int, int]] = []
    opened_at = 0
    for index, token in enumerate(out):
        if token == "“":
            if is_open:
                unclosed.append((opened_at, index))
            is_open, opened_at = True, index
        elif token in ("”", "\n\n"):
            if token == "”" and index and out[index - 1].lower() == "quote":
                out[index] = "unquote"
            elif token == "”" and not is_open:
                start = _quote_said_before(out, index)
                if start is not None:
                    out[start] = "“"
                elif (closed := _quote_closed_before(out, index)) is not None:
                    # "Open quote rest more", put aside (its quote closed for it), then
                    # "drink water end quote": the quote went on to here.
                    out[closed] = ""
            elif token == "\n\n" and is_open:
                unclosed.append((opened_at, index))
            is_open = False
    if is_open:
        unclosed.append((opened_at, len(out)))
    for opened, before in reversed(unclosed):
        out.insert(_end_of_quoted_sentence(out, opened, before), "”")
    return [token for token in out if token]


def _quote_closed_before(tokens: Sequence[str], end: int) -> int | None:
    """Where a quote ended before ``end`` in the paragraph, when no quote opens between:
    an end quote said after it makes the quote go on to ``end``."""
    for index in range(end - 1, -1, -1):
        if tokens[index] in ("“", "\n\n"):
            return None
        if tokens[index] == "”":
            return index
    return None


def _end_of_quoted_sentence(tokens: Sequence[str], opened: int, before: int) -> int:
    """Where a quote opened at ``opened`` and never ended (before ``before``) is closed:
    before the mark ending its sentence ("open quote rest more full stop" is “rest
    more”.), or where it stops. "End quote" forgotten, the quote mark was posted alone."""
    ends = (i for i in range(opened + 1, before) if tokens[i] in _SENTENCE_END)
    return next(ends, before)


def _quote_said_before(tokens: Sequence[str], end: int) -> int | None:
    """Where the word "quote" opening the quote ending at ``end`` was said: the last one
    before it in the paragraph, not after "a", "the" or "to" ("to quote my doctor")."""
    for index in range(end - 1, -1, -1):
        if tokens[index] in ("”", "“", "\n\n"):
            return None
        before = tokens[index - 1].lower() if index else ""
        if tokens[index].lower() == "quote" and before not in MARK_AS_A_WORD_AFTER | {"to"}:
            return index
    return None


MIN_FUZZY_MATCH = 75.0
"""How alike (0-100) words named in "correct …" must be to words of the draft when they
are not the same (the recognizer may hear a misheard word a little differently again)."""


@dataclass(frozen=True)
class Place:
    """A run of words in the draft: ``count`` tokens of phrase ``phrase`` from ``token``."""

    phrase: int
    token: int
    count: int = 1


@dataclass
class Draft:
    """The reply being dictated, phrase by phrase."""

    phrases: list[list[str]] = field(default_factory=list)
    heard: list[dict[int, HeardWord]] = field(default_factory=list)
    """Per phrase: token index → what the recognizer said of that word."""

    def __post_init__(self) -> None:
        while len(self.heard) < len(self.phrases):
            self.heard.append({})

    @classmethod
    def from_text(cls, text: str) -> Draft:
        """A draft restored from saved text, each sentence or line a phrase: "scratch that"
        then takes back the last sentence, never the whole of what was saved."""
        phrases: list[list[str]] = [[]]
        for token in _quote_marks_apart(tokenize_dictation(text)):
            if token in _LAYOUT and phrases[-1]:
                phrases.append([])  # a paragraph begins the phrase after it
            phrases[-1].append(token)
            if token in _SENTENCE_END:
                phrases.append([])
        return cls([phrase for phrase in phrases if phrase])

    def add(
        self,
        utterance: str,
        words: Sequence[HeardWord] = (),
        forms: Mapping[str, str] = WRITTEN_FORMS,
    ) -> None:
        """Add one dictated utterance, its words written as ``forms`` has them."""
        tokens = tokenize_dictation(utterance, forms)
        if tokens:
            self.phrases.append(tokens)
            self.heard.append(_attach(tokens, words))

    @property
    def last_phrase(self) -> list[str] | None:
        """The tokens of the phrase dictated last (the same list while it is unchanged)."""
        return self.phrases[-1] if self.phrases else None

    def join_mark(self, utterance: str) -> bool:
        """A mark's or an emoji's name said in two parts ("question", then "mark"; "thumbs
        up", then "emoji"): the words ending the last phrase and ``utterance`` made into
        that mark or emoji; False when together they are none (or the words follow "a" or
        "the": "a question", then "mark" is words)."""
        phrase = self.last_phrase
        if not phrase or len(utterance.split()) != 1:
            return False
        if phrase[-1] in EMOJI and utterance.lower() == "emoji":
            return True  # "smiley face" is the emoji already: "emoji" after it says no more
        for count in range(1, MAX_NAME_WORDS + 1):
            named = phrase[-count:]
            if len(named) < count or not all(_is_word(token) for token in named):
                return False
            if len(phrase) > count and phrase[-count - 1].lower() in NAMED_AS_A_WORD_AFTER:
                continue
            said = " ".join(token.lower() for token in named)
            tokens = tokenize_dictation(f"{said} {utterance.lower()}")
            if len(tokens) == 1 and (tokens[0] in _MARKS or tokens[0] in EMOJI):
                del phrase[-count:]
                phrase.append(tokens[0])
                for index in range(len(phrase) - 1, len(phrase) + count - 1):
                    self.heard[-1].pop(index, None)
                return True
        return False

    def scratch_last_phrase(self) -> bool:
        """Remove what was dictated last; False when there was nothing to remove."""
        if not self.phrases:
            return False
        self.phrases.pop()
        self.heard.pop()
        return True

    def scratch_last_sentence(self) -> bool:
        """Remove the last sentence: what follows the last sentence end (or paragraph)
        before the final token, reaching back into the phrases before when the sentence was
        said with pauses; all of it when it holds one sentence. False when there was nothing
        to remove."""
        if not self.phrases:
            return False
        for p in range(len(self.phrases) - 1, -1, -1):
            phrase = self.phrases[p]
            before_end = phrase[:-1] if p == len(self.phrases) - 1 else phrase
            ends = [i for i, token in enumerate(before_end) if token in _SENTENCE_END | _LAYOUT]
            if ends:
                cut = ends[-1] + 1
                del phrase[cut:], self.phrases[p + 1 :], self.heard[p + 1 :]
                self.heard[p] = {i: word for i, word in self.heard[p].items() if i < cut}
                return True
        self.clear()
        return True

    def find(self, words: Sequence[str], *, exact: bool = False) -> Place | None:
        """Where the words are, the latest place first: said exactly, else (unless
        ``exact``) the closest run of as many words that is at least
        :data:`MIN_FUZZY_MATCH` alike. A mark's name ("full stop") finds the last such mark."""
        mark = named_mark(words)
        if mark is not None:
            return self.find_mark(mark)
        wanted = " ".join(w.lower() for w in words)
        best: tuple[float, Place | None] = (MIN_FUZZY_MATCH - 0.01, None)
        for place, said in self._runs(len(words)):
            score = 101.0 if said == wanted else 0.0 if exact else fuzz.ratio(said, wanted)
            if score >= best[0]:
                best = (score, place)
        return best[1]

    def find_mark(self, mark: str) -> Place | None:
        """Where the last ``mark`` is. A full stop where none is written yet, at the end
        after a word, is where it goes when the words are sent (and the person heard it
        read back so): a place of no tokens there."""
        for p in range(len(self.phrases) - 1, -1, -1):
            phrase = self.phrases[p]
            for i in range(len(phrase) - 1, -1, -1):
                if phrase[i] == mark:
                    return Place(p, i)
        if mark == "." and self.phrases and _is_word(self.phrases[-1][-1]):
            return Place(len(self.phrases) - 1, len(self.phrases[-1]), 0)
        return None

    def times(self, place: Place) -> int:
        """How many times the words at ``place`` are in the draft, word for word."""
        wanted = self.words_at(place).lower()
        if not place.count:
            return 0  # the full stop put at the end when sent (see find_mark)
        return sum(said == wanted for _place, said in self._runs(place.count))

    def _runs(self, count: int) -> Iterator[tuple[Place, str]]:
        """Every run of ``count`` words with no marks between them, in the order they are
        in the text, with its words in lower case."""
        for p, phrase in enumerate(self.phrases):
            indexes = [i for i, t in enumerate(phrase) if _is_word(t)]
            for start in range(len(indexes) - count + 1):
                run = indexes[start : start + count]
                if run[-1] - run[0] != len(run) - 1:
                    continue  # marks between the words: not one run
                yield Place(p, run[0], len(run)), " ".join(phrase[i].lower() for i in run)

    def words_at(self, place: Place) -> str:
        """The words at ``place``; "" when the draft no longer reaches there."""
        if place.phrase >= len(self.phrases):
            return ""
        return " ".join(self.phrases[place.phrase][place.token : place.token + place.count])

    def heard_at(self, place: Place) -> HeardWord | None:
        return self.heard[place.phrase].get(place.token) if place.count == 1 else None

    def replace(self, place: Place, text: str, forms: Mapping[str, str] = WRITTEN_FORMS) -> str:
        """Put ``text`` (one or more words) where ``place`` is, written as ``forms`` has
        them; it counts as sure. The words as they are written now ("ms" as "MS")."""
        new, said = tokenize_dictation(text, forms), as_written(text.split(), forms)
        phrase, heard = self.phrases[place.phrase], self.heard[place.phrase]
        mark = named_mark(text.split())
        if mark is not None and not any(_is_word(t) for t in self.words_at(place).split()):
            new, said = [mark], [mark]  # "change the comma to a full stop": the mark
        if new and place.count and _is_word(phrase[place.token]):
            self._article_for(place, phrase[place.token], new[0])
            after_title = place.token > 0 and phrase[place.token - 1] in TITLES.values()
            if stays_a_name(phrase[place.token], new[0]) or (after_title and new[0].islower()):
                new[0], said[0] = _capitalised(new[0]), _capitalised(said[0])
        phrase[place.token : place.token + place.count] = new
        shift = len(new) - place.count
        self.heard[place.phrase] = {
            (i if i < place.token else i + shift): word
            for i, word in heard.items()
            if not place.token <= i < place.token + place.count
        }
        if not phrase:
            del self.phrases[place.phrase], self.heard[place.phrase]
        return " ".join(said)

    def _article_for(self, place: Place, old: str, new: str) -> None:
        """ "A" or "an" right before ``place`` made to fit ``new`` where it fitted ``old``
        (the end of the utterance before counts: a slow sentence may pause there)."""
        phrase, index = self.phrases[place.phrase], place.token - 1
        if index < 0 and place.phrase > 0:
            phrase = self.phrases[place.phrase - 1]
            index = len(phrase) - 1
        if index >= 0 and _is_word(phrase[index]):
            phrase[index] = agreeing(phrase[index], old, new)

    def delete(self, place: Place) -> str | None:
        """Take out the words at ``place``. The marks right after them go too where they
        would be left dangling: at the end (as "delete last word" takes them, so that words
        said next end the sentence again), or where the words were all of their sentence
        ("Great! Thanks." without "thanks" is "Great!"). Returns the first mark taken with
        them, if any."""
        tokens = [(p, i) for p, phrase in enumerate(self.phrases) for i in range(len(phrase))]
        start = tokens.index((place.phrase, place.token))
        end = start + place.count
        after = end
        while after < len(tokens) and not _is_word(self._token(tokens[after])):
            after += 1
        before = self._token(tokens[start - 1]) if start else None
        gone = list(tokens[start:end])
        if after == len(tokens) or before is None:
            gone += tokens[end:after]
        elif not _is_word(before):
            gone += [t for t in tokens[end:after] if self._token(t) in _ATTACHED]
        marks = [self._token(t) for t in gone[place.count :] if self._token(t) in _ATTACHED]
        for p, i in reversed(gone):
            del self.phrases[p][i]
            self.heard[p] = {(j if j < i else j - 1): w for j, w in self.heard[p].items() if j != i}
        for p in range(len(self.phrases) - 1, -1, -1):
            if not self.phrases[p]:
                del self.phrases[p], self.heard[p]
        return marks[0] if marks else None

    def _token(self, at: tuple[int, int]) -> str:
        return self.phrases[at[0]][at[1]]

    def unsure_words(self, below: float) -> list[str]:
        """Words still in the draft that the recognizer was less than ``below`` sure of."""
        return [
            self.phrases[p][i]
            for p, heard in enumerate(self.heard)
            for i, word in sorted(heard.items())
            if word.confidence < below
        ]

    def delete_last_word(self) -> str | None:
        """Remove the last word as written (and any marks after it): a number said in
        several words ("nineteen ninety eight") goes whole. Returns the word removed, as
        written ("1998"), an emoji by its name ("heart emoji")."""
        while self.phrases and not any(_is_word(token) for token in self.phrases[-1]):
            self.phrases.pop()
            self.heard.pop()
        if not self.phrases:
            return None
        last = self.phrases[-1]
        while not _is_word(last[-1]):
            last.pop()
        count = written_at_end([token for phrase in self.phrases for token in phrase])
        removed: list[str] = []
        while len(removed) < count:
            phrase = self.phrases[-1]
            removed.insert(0, phrase.pop())
            self.heard[-1].pop(len(phrase), None)
            if not phrase:
                self.phrases.pop()
                self.heard.pop()
        return " ".join(EMOJI_NAMES.get(word, word) for word in with_digits(removed))

    def clear(self) -> None:
        self.phrases.clear()
        self.heard.clear()

    @property
    def read_out(self) -> str:
        """The text as it is read back to the person: emoji and words in a script the voice
        cannot read said as they are in posts ("grinning face", "some Hebrew text")."""
        return said_as_in_posts(self.text)

    @property
    def text(self) -> str:
        tokens = [token for phrase in self.phrases for token in phrase]
        return render(vitamins_as_written(with_digits(tokens)))

    def text_to_send(self) -> str:
        """The text as it will be posted (see :func:`finished`)."""
        return finished(self.text)

    @property
    def is_empty(self) -> bool:
        return not self.phrases

    @property
    def ends_unfinished(self) -> bool:
        """Whether the words end where a sentence seldom does ("I need to", "then I", "I
        can't"): what is said next, "send it", "wait" or "remove the rug", may be more of
        it."""
        words = self.text.rstrip().split()
        return bool(words) and words[-1].lower() in ENDS_UNFINISHED


def said_as_in_posts(text: str) -> str:
    """``text`` with its emoji and words in a script the voice cannot read named, as a
    post's are; the rest as written."""
    said = set_apart(unicode_emoji_words(_HASHTAG.sub("hashtag ", text)))
    return re.sub(r"[ \t]+", " ", foreign_text_words(said)).strip()


_HASHTAG = re.compile(r"(?<!\S)#(?=[^\W\d_])")
"""A "#" on a word, read as said ("hashtag MS"), where a voice says "hash" or nothing."""


def finished(text: str) -> str:
    """Dictated ``text`` as it is posted: each paragraph finished with a full stop if it
    has no ending mark ("new paragraph" ends a sentence, as the end does; a line in a list
    does not). A closing bracket or quote mark after a word is no ending mark ("(really)."),
    an emoji is one."""
    text = _PARAGRAPH_END.sub(".", text.rstrip())
    if text[-1:].isalnum() or re.search(r"\w[)”]$", text):
        text += "."
    return text


def _attach(tokens: list[str], words: Sequence[HeardWord]) -> dict[int, HeardWord]:
    """Pair the recognizer's words with the tokens they became, in order; spoken marks
    ("comma") and emoji ("heart emoji") are words to the recognizer but not in the draft, so
    they are skipped."""
    attached: dict[int, HeardWord] = {}
    pending = list(words)
    for index, token in enumerate(tokens):
        if token in EMOJI:
            continue
        while pending and pending[0].text.lower() != token.lower():
            if not _is_word(token):
                break
            pending.pop(0)
        if pending and pending[0].text.lower() == token.lower():
            attached[index] = pending.pop(0)
    return attached


ENDS_UNFINISHED = frozenset(
    {"to", "the", "a", "an", "and", "or", "but", "with", "of", "for", "my", "your", "about"}
    | {"from", "at", "because", "if", "when", "need", "have", "want", "will", "can", "i"}
    | {"then", "can't", "cannot", "must", "should", "would", "could", "just", "don't"}
)
"""Words a sentence seldom ends with (see :attr:`Draft.ends_unfinished`)."""


def mark_at_end(text: str) -> str | None:
    """The spoken name of the mark ``text`` ends with ("full stop"), None when it ends
    with a word."""
    return MARK_NAMES.get(text.rstrip(" ")[-1:]) if text.strip() else None


MARK_ARTICLES = frozenset({"the", "a", "an", "that", "this"})
"""Said before a mark's name in an edit ("change the full stop to a question mark")."""


def named_mark(words: Sequence[str]) -> str | None:
    """The mark ``words`` name ("full stop", "the comma", "a question mark"); None for
    other words."""
    if len(words) > 1 and words[0].lower() in MARK_ARTICLES:
        words = words[1:]
    tokens = tokenize_dictation(" ".join(words)) if words else []
    return tokens[0] if len(tokens) == 1 and not _is_word(tokens[0]) else None


def spoken_mark(written: str, article: str = "the") -> str:
    """``written`` as said in what voicepeer says of an edit: a mark named ("the full
    stop", with ``article`` "a": "an exclamation mark"), words as they are."""
    name = MARK_NAMES.get(written)
    if name is None:
        return written
    if article == "a" and name[0] in "aeiou":
        article = "an"
    return f"{article} {name}"


def stays_a_name(old: str, new: str) -> bool:
    """Whether ``new``, heard in lower case in place of the word ``old``, takes its capital:
    where ``old`` is a name and ``new`` the same name spelled or said again ("Jo" to
    "joanne": the same first letter). A different word is no name ("Thanks Ruth", then
    "change Ruth to everyone": "Thanks everyone"); a name the thread has is written with its
    capital anyway (see forms_with_names)."""
    return _is_name(old) and new.islower() and new[:1] == old[:1].lower()


def _is_word(token: str) -> bool:
    return token not in _MARKS
