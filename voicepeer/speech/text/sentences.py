"""Split speakable text into sentences, the unit of streaming, pausing and resuming."""

from __future__ import annotations

import re

# Lower-cased words that end with a full stop without ending the sentence.
ABBREVIATIONS = frozenset(
    {
        "dr",
        "mr",
        "mrs",
        "prof",
        "st",
        "mt",
        "rev",
        "sr",
        "jr",
        "vs",
        "etc",
        "approx",
        "e.g",
        "i.e",
        "eg",
        "ie",
        "no",
        "nos",
        "fig",
        "dept",
        "min",
        "max",
        "inc",
        "ltd",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "a.m",
        "p.m",
        "cf",
        "al",
        "ca",
        "tel",
        "ext",
        "wk",
        "wks",
        "hr",
        "hrs",
        "mg",
        "ml",
    }
)
# Abbreviations that are almost always followed by a name or number, never a new sentence.
_ALWAYS_CONTINUE = frozenset(
    {
        "dr",
        "mr",
        "mrs",
        "prof",
        "st",
        "mt",
        "rev",
        "e.g",
        "i.e",
        "eg",
        "ie",
        "vs",
        "cf",
        "no",
        "approx",
    }
)

_LONGEST_ABBREVIATION = 16
_CANDIDATE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+(\S?))")
_CLAUSE_END = re.compile(r"(?<=[,;:])\s+")


def _last_word(text: str) -> str:
    # Only the end is looked at: searching a long run of letters from every position in it
    # would take time growing with the square of its length.
    match = re.search(r"([\w.]+)\.+$", text[-_LONGEST_ABBREVIATION:])
    return match.group(1) if match else ""


def _ends_sentence(before: str, next_word: str) -> bool:
    """Whether a sentence ends after ``before``; ``next_word`` is the next character after
    the space (passed alone: handing on the rest of the line would copy it for every stop)."""
    if not before.endswith("."):
        return True  # ! ? … are unambiguous enough
    raw_word = _last_word(before)
    word = raw_word.lower()
    if word in _ALWAYS_CONTINUE or raw_word == "Ms":  # "MS." is the illness, "Ms." a title
        return False
    if word in ABBREVIATIONS or re.fullmatch(r"[a-z]", word):
        # "etc." and "J." end a sentence only when a capital letter follows.
        return next_word.isupper() and word not in {"a.m", "p.m"} and len(word) > 1
    return not (word.endswith("s") and word[:-1] in {"dr", "mr"})  # "Drs." "Mrs."


def _sentences_by_punctuation(line: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _CANDIDATE.finditer(line):
        end = match.end()
        if _ends_sentence(line[start:end], match.group(1)):
            pieces.append(line[start:end].strip())
            start = end
    pieces.append(line[start:].strip())
    return [p for p in pieces if p]


def _break_long(sentence: str, max_words: int) -> list[str]:
    if len(sentence.split()) <= max_words:
        return [sentence]
    chunks: list[str] = []
    current: list[str] = []
    for clause in _CLAUSE_END.split(sentence):
        words = clause.split()
        if len(words) > max_words:  # no comma in sight: break at the word limit
            if current:
                chunks.append(" ".join(current))
                current = []
            cut = len(words) - len(words) % max_words or len(words) - max_words
            chunks += [" ".join(words[i : i + max_words]) for i in range(0, cut, max_words)]
            words = words[cut:]
        if current and len(current) + len(words) > max_words:
            chunks.append(" ".join(current))
            current = []
        current.extend(words)
    if current:
        chunks.append(" ".join(current))
    return chunks


def split_sentences(text: str, max_words: int = 40) -> list[str]:
    """Sentences of ``text`` in order; line breaks always end one, long ones are broken up.

    Robust to abbreviations ("Dr. Patel", "e.g. fatigue") and decimals ("1.5 mg").
    """
    sentences: list[str] = []
    for line in text.splitlines():
        for sentence in _sentences_by_punctuation(line):
            sentences.extend(_break_long(sentence, max_words))
    return sentences


def as_sentence(text: str) -> str:
    """``text`` ending as a sentence, so the voice pauses before what follows: a full stop
    added unless it ends with one already (or "?", "!", "…"), never "?."; a comma, colon or
    semicolon at the end gives way to it (",." was read as two pauses)."""
    text = text.rstrip()
    if text.endswith((",", ";", ":")):
        text = text[:-1].rstrip()
    return text if not text or text.endswith((".", "?", "!", "…")) else text + "."
