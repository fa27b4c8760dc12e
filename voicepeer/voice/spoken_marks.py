"""The names of marks said while dictating ("full stop", "open bracket", "hashtag"), and
whether a name said is the mark or a word of the sentence: "a question mark over my
diagnosis", "a quick dash to the shop" and "what does hashtag mean" are words."""

from __future__ import annotations

import re

# Spoken punctuation and layout words, longest first so "new paragraph" beats "new". The
# first name of each mark is the one voicepeer says ("Deleted it, and the full stop after it").
SPOKEN_MARKS: tuple[tuple[str, str], ...] = (
    ("exclamation mark", "!"),
    ("exclamation point", "!"),
    ("question mark", "?"),
    ("new paragraph", "\n\n"),
    ("new line", "\n"),
    ("full stop", "."),
    ("semicolon", ";"),
    ("semi colon", ";"),
    ("period", "."),
    ("comma", ","),
    ("colon", ":"),
    ("dot dot dot", "…"),
    ("ellipsis", "…"),
    ("dash", "–"),
    ("hyphen", "-"),
    ("open bracket", "("),
    ("open brackets", "("),
    ("close bracket", ")"),
    ("close brackets", ")"),
    ("end bracket", ")"),
    ("open quote", "“"),
    ("open quotes", "“"),
    ("end quote", "”"),
    ("end quotes", "”"),
    ("close quote", "”"),
    ("close quotes", "”"),
    ("unquote", "”"),
    ("hashtag", "#"),
)
MARK_NAMES: dict[str, str] = {}
"""Each mark's spoken name (the first way of saying it)."""
for _name, _mark in SPOKEN_MARKS:
    MARK_NAMES.setdefault(_mark, _name)
LAYOUT_MARKS = frozenset({"\n", "\n\n"})
ATTACHED_MARKS = frozenset(".,!?;:…")
"""Marks written against the word before them, one taking the place of another said just
before it ("comma", then "full stop")."""
PLACEHOLDER_BASE = 0xE000
"""Private-use characters from here stand in for a mark found while an utterance is split
into words (mark ``i`` of :data:`SPOKEN_MARKS` as ``PLACEHOLDER_BASE + i``)."""
_ENDS_OR_LAYOUT = ATTACHED_MARKS | LAYOUT_MARKS


MARK_AS_A_WORD_AFTER = frozenset({"a", "an", "the", "my", "your", "his", "its", "our", "their"})
"""Words after which a mark's name is a word of the sentence: "a question mark over my
diagnosis", "came to a full stop", "for a period of two weeks", "my colon". Not "this",
"that" or "her", which end sentences too ("I agree with that full stop")."""
NOUN_MARKS = frozenset({"period", "colon"})
"""Mark names that are everyday nouns too ("a short period of rest", "the waiting period is
long", "bowel problems colon and bladder"): inside an utterance a mark only before words
that begin a sentence (:data:`SENTENCE_STARTS`) or another mark's name; at its end, always."""
SENTENCE_STARTS = frozenset(
    {
        *("i", "i'm", "i've", "i'll", "i'd", "we", "you", "he", "she", "it", "it's", "they"),
        *("the", "a", "my", "our", "this", "that", "there", "these", "those", "but", "so"),
        *("then", "thank", "thanks", "hope", "please", "what", "how", "when", "why", "who"),
        *("anyway", "also", "still", "yes", "no", "love", "take", "see", "best", "x", "xx"),
    }
)
"""Words a sentence after a spoken "period" or "colon" likely begins with."""
_A_MARK_NAME = re.compile(
    "|".join(rf"{spoken}\b" for spoken, mark in SPOKEN_MARKS if mark in _ENDS_OR_LAYOUT)
    + f"|[{chr(PLACEHOLDER_BASE)}-\uf8ff]",
    re.IGNORECASE,
)
"""The name of a mark ending words or a line ("comma", "new line"), or the stand-in of a
mark already found: a "period" or "colon" before one is a mark ("I agree period new line")."""

EVERYDAY_MARKS = frozenset({"dash"})
"""Mark names said as often as everyday words ("a quick dash to the shop", "I have to dash",
"a dash of milk"): words also after "a" or "the" and a word said before it
(:data:`_SAID_BEFORE_A_DASH`), after words a verb follows (:data:`_BEFORE_A_VERB`) and
before words that follow one (:data:`_AFTER_A_VERB`)."""
_SAID_BEFORE_A_DASH = frozenset(
    {"quick", "mad", "last", "frantic", "final", "short", "little", "wild", "desperate"}
)
_BEFORE_A_VERB = frozenset(
    {
        *("to", "i", "we", "you", "they", "he", "she", "i'll", "we'll", "you'll", "they'll"),
        *("i'd", "we'd", "must", "can", "could", "will", "would", "should", "might", "had"),
        *("have", "has", "just", "then", "and"),
    }
)
_AFTER_A_VERB = frozenset(
    {
        *("to", "off", "out", "back", "home", "round", "around", "in", "into", "across", "for"),
        *("of", "up", "down", "away", "over", "past", "through", "about", "along", "on"),
    }
)
_BEFORE_A_WORD = frozenset({"#"})
"""Marks written on the word said after them ("hashtag ms" as "#MS"): with no word after them
in the utterance, their name is a word ("what's the hashtag")."""
_HASHTAG_AS_A_WORD_AFTER = frozenset(
    {"does", "did", "do", "say", "says", "said", "saying", "mean", "means", "what", "this"}
    | {"that", "a", "word", "of", "about", "use", "used", "using"}
)
"""Words after which "hashtag" is the word ("what does hashtag mean", "he said hashtag
goals", "the word hashtag"): the thing talked about, not a tag."""
_HASHTAG_AS_A_WORD_BEFORE = frozenset(
    {"is", "was", "means", "mean", "all", "and", "or", "a", "the", "thing", "things", "on"}
)
"""Words before which "hashtag" is the word ("hashtag is a silly word", "says hashtag all
the time")."""
_NO_HYPHEN_AFTER = frozenset({"no", "a", "the", "any", "with", "without"})
"""Words after which "hyphen" is the word ("no hyphen in my name")."""


def mark_or_word(index: int, found: re.Match[str]) -> str:
    """The stand-in for mark ``index`` of :data:`SPOKEN_MARKS` where its name was
    ``found``, or the name itself where it was said as a word ("a question mark over …",
    "a period of rest"). A private-use character stands in for the mark until tokens are
    split."""
    before = [word.lower() for word in found.string[: found.start()].split()]
    if before and before[-1] in MARK_AS_A_WORD_AFTER:
        return found[0]
    rest = found.string[found.end() :].lstrip()
    after = rest.split()
    following = after[0].lower().strip(".,!?;:") if after else ""
    name, mark = found[0].lower(), SPOKEN_MARKS[index][1]
    a_mark_next = _A_MARK_NAME.match(rest) is not None
    if name in NOUN_MARKS and after and following not in SENTENCE_STARTS and not a_mark_next:
        return found[0]
    if name in EVERYDAY_MARKS and (
        (before[-2:-1] and before[-2] in MARK_AS_A_WORD_AFTER and before[-1] in _SAID_BEFORE_A_DASH)
        or (before and before[-1] in _BEFORE_A_VERB)
        or following in _AFTER_A_VERB
    ):
        return found[0]
    if mark in _BEFORE_A_WORD and (
        not following
        or _A_MARK_NAME.match(rest)
        or (before and before[-1] in _HASHTAG_AS_A_WORD_AFTER)
        or following in _HASHTAG_AS_A_WORD_BEFORE
    ):
        return found[0]
    if mark == "-" and before and before[-1] in _NO_HYPHEN_AFTER:
        return found[0]
    return f" {chr(PLACEHOLDER_BASE + index)} "


def gone_with_it(mark_name: str | None) -> str:
    """What is said of a mark deleted with the words before it (", and the full stop after
    it"); "" for none."""
    return f", and the {mark_name} after it" if mark_name else ""
