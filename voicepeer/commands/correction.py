"""Correction commands while dictating: "correct fatigue", "number two", "none of those",
"spell it", letters ("m s", "mike sierra") ended by "done", "replace walk with talk" (or
"by talk"), "change walk to talk" (or "into talk"), "I meant talk not walk" (or "replace
walk", then the new words when asked), "delete afternoon" (or "remove the words every
day").

Like the other editing commands each counts only as a whole utterance. "correct …" and
"replace … with …" carry words of the reply; the voice loop takes them only when those
words are in the draft, so a sentence that happens to start with "correct" stays text.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from enum import Enum

from rapidfuzz import fuzz

from voicepeer.commands.natural import HESITATIONS, TRAILING, strip_phrases
from voicepeer.commands.number_corrections import with_number_meant
from voicepeer.commands.numbers import parse_number
from voicepeer.commands.text import normalize
from voicepeer.number_words import TENS, UNITS, spoken_numbers

NATO_ALPHABET: dict[str, str] = {
    "alfa": "a",
    "alpha": "a",
    "bravo": "b",
    "charlie": "c",
    "delta": "d",
    "echo": "e",
    "foxtrot": "f",
    "golf": "g",
    "hotel": "h",
    "india": "i",
    "juliet": "j",
    "juliett": "j",
    "kilo": "k",
    "lima": "l",
    "mike": "m",
    "november": "n",
    "oscar": "o",
    "papa": "p",
    "quebec": "q",
    "romeo": "r",
    "sierra": "s",
    "tango": "t",
    "uniform": "u",
    "victor": "v",
    "whiskey": "w",
    "whisky": "w",
    "x-ray": "x",
    "xray": "x",
    "yankee": "y",
    "zulu": "z",
}
# How recognizers write some letters said on their own.
SPELLED_MARKS = {"apostrophe": "'", "hyphen": "-", "dash": "-"}
"""What a spelled word may have besides letters ("d o n apostrophe t")."""
_LETTER_NAMES = {
    "ay": "a",
    "bee": "b",
    "see": "c",
    "sea": "c",
    "dee": "d",
    "ee": "e",
    "eff": "f",
    "gee": "g",
    "aitch": "h",
    "eye": "i",
    "jay": "j",
    "kay": "k",
    "el": "l",
    "em": "m",
    "en": "n",
    "oh": "o",
    "pea": "p",
    "pee": "p",
    "queue": "q",
    "cue": "q",
    "are": "r",
    "ar": "r",
    "ess": "s",
    "tea": "t",
    "tee": "t",
    "you": "u",
    "vee": "v",
    "ex": "x",
    "why": "y",
    "zed": "z",
    "zee": "z",
}

CORRECT_WORDS = ("correct", "fix")
CHOOSE_PREFIXES = ("number", "option", "choice")
NONE_PHRASES = ("none of those", "none of them", "none", "neither")
SPELL_PHRASES = ("spell it", "spell", "let me spell it")
DONE_PHRASES = ("done", "that's it", "that is it", "finished")
LEAVE_PHRASES = ("leave it", "never mind", "keep it")
LETTER_BACK_PHRASES = (
    "delete last letter",
    "delete the last letter",
    "delete that letter",
    "delete letter",
    "remove the last letter",
    "remove last letter",
    "wrong letter",
    "backspace",
    "back space",
)
"""Said while spelling: the last letter taken out again."""
_CONTROL: dict[str, CorrectionKind] = {}
MIN_CONTROL_SCORE = 75.0
"""Fuzzy score (0-100) an utterance needs to count as "none of those", "spell it" …"""
MAX_CONTROL_WORDS = 4
MAX_CHOICE = 9
CONTROL_WEIGHT = 5
MAX_TARGET_WORDS = 3
"""Words named at most by "correct …", "replace …" or "delete …" as they are written: a
number said in words is one ("correct two hundred and forty" names 240)."""
MAX_ASKED_WORDS = 6
"""A replacement said in everyday words ("change walked home to took the bus home") with
more words than :data:`MAX_TARGET_WORDS` on a side, up to this many, may be a sentence of
the reply as well: voicepeer asks before it changes anything."""
MEANT_LEADS: tuple[tuple[str, ...], ...] = (
    ("i", "meant", "to", "say"),
    ("i", "meant"),
    ("no", "i", "meant"),
)
"""How a replacement said the other way round begins: "I meant nurse not neurologist". Not
"I said": "I said no, not today" is a sentence a reply may well have."""
POINTING_WORDS = frozenset({"it", "that", "this", "them", "those", "these", "the", "a"})
"""Words that point at something said rather than name it ("change that to …")."""
CHOICE_ANSWERS = "choosing a correction"
"""Context (see recognition.base.Phrasebook.correction_answers) while a choice is awaited."""
SPELLING_ANSWERS = "spelling a correction"
"""Context while letters are awaited."""
AWAITED_WEIGHT = 10
"""How many times each awaited answer counts next to the other commands (the garbage path)
in the model answers are decoded with."""
SPELLING_CONTROL_WEIGHT = 100
"""How many times "done" and the like count next to each pair of letters while spelling."""
SINGLE_LETTER_WEIGHT = 5
"""How many times a letter said on its own counts next to each pair of letters."""
NATO_WEIGHT = 3
"""How many times a NATO letter counts next to a plain one."""
_NUMBER_WORDS = tuple(spoken_numbers(MAX_CHOICE))
_NATO_WORDS = [w for w in NATO_ALPHABET if w not in ("alpha", "juliett", "whisky", "xray")]
"""One spelling of each NATO letter, for recognizers' models."""
_X_RAY = re.compile(r"\bx ray\b")
_TAKEN_BY = {
    CHOICE_ANSWERS: ("choose", "none_of_those", "spell", "leave"),
    SPELLING_ANSWERS: ("letters", "done", "leave", "spell", "none_of_those", "letter_back"),
}


class CorrectionKind(Enum):
    CORRECT = "correct"
    """"correct <words>": offer the recognizer's other guesses for those words."""
    CHOOSE = "choose"
    NONE_OF_THOSE = "none_of_those"
    SPELL = "spell"
    LETTERS = "letters"
    DONE = "done"
    LEAVE = "leave"
    REPLACE = "replace"
    LETTER_BACK = "letter_back"
    DELETE = "delete"
    """"delete <words>": take those words out of what is written."""


_CONTROL.update({p: CorrectionKind.NONE_OF_THOSE for p in NONE_PHRASES})
_CONTROL.update({p: CorrectionKind.SPELL for p in SPELL_PHRASES})
_CONTROL.update({p: CorrectionKind.DONE for p in DONE_PHRASES})
_CONTROL.update({p: CorrectionKind.LEAVE for p in LEAVE_PHRASES})
_CONTROL.update({p: CorrectionKind.LETTER_BACK for p in LETTER_BACK_PHRASES})


@dataclass(frozen=True)
class CorrectionCommand:
    kind: CorrectionKind
    words: tuple[str, ...] = ()
    """CORRECT: the words to correct; REPLACE: the words to find; LETTERS: the letters."""
    replacement: tuple[str, ...] = ()
    """REPLACE: the words to put in their place; none when only the words to find were said
    ("replace walking"), and the next words dictated are the replacement."""
    choice: int = 0
    """CHOOSE: the number said (from 1)."""
    done: bool = False
    """LETTERS: "done" said after them in the same breath: they end the spelling."""
    taken_back: bool = False
    """LETTERS: the letter given last, before these, taken back ("s h o", then "no w")."""
    asked: bool = False
    """REPLACE said in everyday words long enough to be a sentence of the reply too: done
    only after a yes (see :data:`MAX_ASKED_WORDS`)."""


def correction_command(utterance: str) -> CorrectionCommand | None:
    """The correction command this whole utterance is, or ``None``."""
    return next(iter(correction_readings(utterance)), None)


def correction_readings(utterance: str) -> tuple[CorrectionCommand, ...]:
    """Every way this whole utterance is a correction command, the likeliest first: more
    than one when a "to" may part the words named from the new ones ("change walked to the
    park to went to the park"), for the words of the draft to tell which is meant."""
    # Normalizing splits the recognizers' "x-ray" in two; as a letter it is one word.
    text = _X_RAY.sub("xray", normalize(utterance))
    words = tuple(text.split())
    if words[:1] == ("change",):
        changes = (
            _named_both(words[1:at], words[at + 1 :]) for at in _separators(words, ("to", "into"))
        )
        found = tuple(change for change in changes if change is not None)
        if found:
            return found
    command = _correction_command(text, words)
    return () if command is None else (command,)


def _correction_command(text: str, words: tuple[str, ...]) -> CorrectionCommand | None:
    # A hesitation in the middle of letters ("p r um i y a") is no letter, and "done
    # please" is "done".
    words = tuple(w for w in words if w not in HESITATIONS) or words
    if not words:
        return None
    control = _control(words)
    if control is not None:
        return CorrectionCommand(control)
    if words[0] in CORRECT_WORDS and 0 < written_length(words[1:]) <= MAX_TARGET_WORDS:
        return CorrectionCommand(CorrectionKind.CORRECT, words[1:])
    replacing = _replacing(words)
    if replacing is not None:
        return replacing
    meant = next((lead for lead in MEANT_LEADS if words[: len(lead)] == lead), None)
    if meant is not None and (at := _separator(words, ("not",), len(meant) + 1)):
        # "I meant nurse not neurologist": the new words first ("I meant it, not as a joke"
        # names none).
        new = words[len(meant) : at]
        return None if set(new) <= POINTING_WORDS else _named_both(words[at + 1 :], new)
    if words[0] == "replace" and words[1:2] != ("with",):
        # "replace walking" (or "… with" and a pause): voicepeer asks with what.
        named = words[1:-1] if words[-1] == "with" else words[1:]
        if 0 < len(named) <= MAX_TARGET_WORDS:
            return CorrectionCommand(CorrectionKind.REPLACE, named)
    choice = chosen_number(words)
    if choice is not None:
        return CorrectionCommand(CorrectionKind.CHOOSE, choice=choice)
    spelled = letters_meant(words)
    if spelled is not None:
        letters, taken_back = spelled
        return CorrectionCommand(CorrectionKind.LETTERS, letters, taken_back=taken_back)
    for length in (1, 2, 3):
        # Letters and "done" in one breath: "p r i y a done".
        said, end = words[:-length], words[-length:]
        spelled = letters_meant(said) if said else None
        if spelled is not None and _control(end) is CorrectionKind.DONE:
            letters, taken_back = spelled
            return CorrectionCommand(
                CorrectionKind.LETTERS, letters, done=True, taken_back=taken_back
            )
    if len(words) <= MAX_CONTROL_WORDS:
        # Recognizers drop or swap a short word of these ("the of those").
        score, phrase = max((fuzz.ratio(text, p), p) for p in _CONTROL)
        if score >= MIN_CONTROL_SCORE:
            return CorrectionCommand(_CONTROL[phrase])
    deleted = deleted_words(words)
    return None if deleted is None else CorrectionCommand(CorrectionKind.DELETE, deleted)


DELETE_LEADS: tuple[tuple[str, ...], ...] = (("delete",), ("remove",), ("erase",), ("take", "out"))
"""How a deletion of words named begins ("delete afternoon", "take out every day")."""
NAMING_WORDS: tuple[tuple[str, ...], ...] = (
    ("the", "words"),
    ("the", "word"),
    ("words",),
    ("word",),
)
"""Said between "delete" and the words it names ("delete the word shop"): not the words."""


def _deletion_lead(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """The words of :data:`DELETE_LEADS` that ``words`` begin with, if any."""
    return next((lead for lead in DELETE_LEADS if words[: len(lead)] == lead), None)


def deleted_words(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """The words "delete afternoon" (or "remove the words every day") names; None when
    ``words`` are no such deletion, or name only words that point ("delete that")."""
    lead = _deletion_lead(words)
    if lead is None:
        return None
    named = words[len(lead) :]
    naming = next((n for n in NAMING_WORDS if named[: len(n)] == n), ())
    named = _without_a_mark_at_the_end(named[len(naming) :])
    if not 0 < written_length(named) <= MAX_TARGET_WORDS or set(named) <= POINTING_WORDS:
        return None
    return named


def begins_a_deletion(words: tuple[str, ...], *, naming: bool = False) -> bool:
    """Whether ``words`` are a deletion but for the words it names ("delete", "remove the
    word"), said before a pause; ``naming``: only with the words that name them ("delete
    the word", not "take out", which a sentence has as often)."""
    lead = _deletion_lead(words)
    rest = words[len(lead) :] if lead is not None else None
    return rest in NAMING_WORDS or (not naming and rest in ((), ("the",)))


_NUMBER_WORDS_SAID = frozenset(UNITS) | frozenset(TENS) | {"hundred", "thousand"}
_INSIDE_A_NUMBER = frozenset({"and", "point", "oh"})


def written_length(words: tuple[str, ...]) -> int:
    """How many words ``words`` are as written: number words said together count as one
    ("two hundred and forty" is 240), as dictation writes them."""
    count, in_number = 0, False
    for word, then in itertools.zip_longest(words, words[1:]):
        if in_number and (
            word in _NUMBER_WORDS_SAID or (word in _INSIDE_A_NUMBER and then in _NUMBER_WORDS_SAID)
        ):
            continue
        count, in_number = count + 1, word in _NUMBER_WORDS_SAID
    return count


def answer_said(utterance: str) -> CorrectionKind | None:
    """The answer to a correction ("spell it", "leave it" …) this whole utterance is, word
    for word (not near it, as when a correction waits: "keep it up" is no "keep it")."""
    return _control(tuple(normalize(utterance).split()))


def _control(words: tuple[str, ...]) -> CorrectionKind | None:
    """The answer ("done", "leave it" …) these words are, said word for word, with
    politeness after it allowed."""
    said = " ".join(strip_phrases(list(words), TRAILING, at_start=False)) or " ".join(words)
    return _CONTROL.get(said.replace("that s ", "that's "))


def _separators(words: tuple[str, ...], separators: tuple[str, ...], start: int = 2) -> list[int]:
    """Everywhere one of ``separators`` stands between words (from ``start``)."""
    return [i for i in range(start, len(words) - 1) if words[i] in separators]


def _separator(words: tuple[str, ...], separators: tuple[str, ...], start: int = 2) -> int:
    """Where the first of ``separators`` stands between words (from ``start``), 0 when
    none does."""
    return next(iter(_separators(words, separators, start)), 0)


def _replacing(words: tuple[str, ...]) -> CorrectionCommand | None:
    """ "replace walk with talk" (or "by talk"); longer, as "change … to …" is (see
    :func:`_named_both`): "replace the hot bath with a cool shower and see if it helps" is
    advice, words of the reply."""
    at = _separator(words, ("with", "by")) if words[0] == "replace" else 0
    return _named_both(words[1:at], words[at + 1 :]) if at else None


def _named_both(named: tuple[str, ...], new: tuple[str, ...]) -> CorrectionCommand | None:
    """A replacement said in everyday words, naming words ("change that to Tuesday" names
    none: "that" in the draft may be any "that"): taken when short on both sides, asked
    about when longer, and reply text when longer still. A mark's name said at its end
    ("… to Ocrevus full stop") ends the sentence, not the new words: it is left out."""
    new = with_number_meant(_without_a_mark_at_the_end(new))  # "with fifty no sixty"
    if not new:
        return None
    longest = max(len(named), len(new))
    if set(named) <= POINTING_WORDS or longest > MAX_ASKED_WORDS:
        return None
    return CorrectionCommand(CorrectionKind.REPLACE, named, new, asked=longest > MAX_TARGET_WORDS)


INSTEAD_LEADS: tuple[tuple[str, ...], ...] = (
    ("i", "mean"),
    ("i", "meant"),
    ("no", "i", "mean"),
    ("no", "i", "meant"),
    ("it", "should", "be"),
    ("it", "should", "say"),
    ("make", "it"),
    ("change", "it", "to"),
)
"""How the right words begin, said while a correction waits ("I mean Priya"). Not "it's",
as in "it's fine", which leaves the word as it is."""
SELF_CORRECTION_LEADS: tuple[tuple[str, ...], ...] = (
    *(lead for lead in INSTEAD_LEADS if lead[-1] in ("mean", "meant")),
    ("sorry", "i", "mean"),
    ("sorry", "i", "meant"),
)
"""How a self-correction said while dictating, with no correction waiting, begins ("no I
mean Wednesday"): only the "I mean" ones, as "make it …" is as likely words of a reply."""


def meant_instead(
    utterance: str, leads: tuple[tuple[str, ...], ...] = INSTEAD_LEADS
) -> tuple[str, ...] | None:
    """The words said to go in place of the word being corrected ("I mean Priya": Priya),
    after one of ``leads``; None for anything else."""
    words = tuple(w for w in normalize(utterance).split() if w not in HESITATIONS)
    lead = next((lead for lead in leads if words[: len(lead)] == lead), None)
    if lead is None or not 0 < len(words) - len(lead) <= MAX_TARGET_WORDS:
        return None
    meant = words[len(lead) :]
    return None if set(meant) <= POINTING_WORDS else meant


_MARKS_AT_THE_END = (("full", "stop"), ("period",), ("exclamation", "mark"))
"""Marks' names that may end a replacement said as a sentence is ended. Not "question mark"
("change tired to how are you question mark" means one), nor "comma"."""


def _without_a_mark_at_the_end(words: tuple[str, ...]) -> tuple[str, ...]:
    """``words`` without a mark's name at their end, unless it is all they are: "change the
    comma to a full stop" names a mark."""
    for mark in _MARKS_AT_THE_END:
        before = words[: -len(mark)]
        if words[-len(mark) :] == mark and not set(before) <= POINTING_WORDS | {"an"}:
            return before
    return words


def chosen_number(words: tuple[str, ...]) -> int | None:
    """ "two", "number two", "option 2" → 2; ``None`` for anything else."""
    if words and words[0] in CHOOSE_PREFIXES:
        words = words[1:]
    if not words or len(words) > 2:
        return None
    number = parse_number(" ".join(words))
    return number if number is not None and 1 <= number <= MAX_CHOICE else None


UPPER_CASE_WORDS = frozenset({"capital", "uppercase", "upper", "big"})
"""Said before a letter while spelling ("capital s"): that letter is written as a capital
(otherwise the case follows the word corrected: a name keeps its capital)."""
CASE_WORDS = UPPER_CASE_WORDS | {"lowercase", "lower", "small"}
"""Said before a letter while spelling: how to write it, not letters of their own."""


def spelled_letters(words: tuple[str, ...]) -> list[str] | None:
    """Letters said plainly ("m s") or in the NATO alphabet ("mike sierra"), mixed as the
    person likes, with "capital" before one and "as in …" after one ("c as in charlie")
    allowed; ``None`` when any word is neither."""
    said, words = words, _without_case_and_examples(words)
    if said and not words:
        return None  # "capital" alone: no letter yet
    capitals = _capitals(said)
    letters = []
    for index, word in enumerate(words):
        if len(word) == 1 and word.isalpha():
            letter = word
        elif word in NATO_ALPHABET:
            letter = NATO_ALPHABET[word]
        elif word in _LETTER_NAMES:
            letter = _LETTER_NAMES[word]
        elif word in SPELLED_MARKS:
            letter = SPELLED_MARKS[word]
        else:
            return None
        letters.append(letter.upper() if index in capitals else letter)
    return letters


LETTER_TAKE_BACKS: tuple[tuple[str, ...], ...] = (
    ("no", "sorry"),
    ("sorry", "no"),
    ("no",),
    ("sorry",),
)
"""Said right after a letter while spelling: that letter was wrong ("o no w" is w), as a
number is taken back in a command. Not "i mean": "i" is a letter. The letters n and o said
one by one stay letters ("s n o w")."""


def letters_meant(words: tuple[str, ...]) -> tuple[tuple[str, ...], bool] | None:
    """The letters ``words`` spell, each one taken back left out ("s h o no w": s h w; "s h
    o no": s h), and whether they begin by taking back the letter given before them ("no
    w" after "s h o"); None when they are no spelling, or name no letter at all ("no" alone
    is an answer of its own)."""
    parts = _parted_by_take_backs(words)
    spelled = [spelled_letters(part) for part in parts]
    if not any(spelled):
        return None
    letters: list[str] = []
    for index, said in enumerate(spelled):
        if said is None:
            return None
        taken_back = index < len(spelled) - 1  # a take-back follows them
        letters += said[:-1] if taken_back else said
    return tuple(letters), len(parts) > 1 and not parts[0]


def _parted_by_take_backs(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """``words`` parted where a letter is taken back; several take-backs together are one
    ("no sorry no")."""
    parts: list[tuple[str, ...]] = [()]
    at = 0
    while at < len(words):
        take_back = next((t for t in LETTER_TAKE_BACKS if words[at : at + len(t)] == t), None)
        if take_back is None:
            parts[-1] += (words[at],)
            at += 1
            continue
        if parts[-1] or len(parts) == 1:
            parts.append(())
        at += len(take_back)
    return parts


def _capitals(words: tuple[str, ...]) -> set[int]:
    """Which of the letters in ``words`` (counted as :func:`_without_case_and_examples`
    leaves them) were said with "capital" before them."""
    capitals: set[int] = set()
    kept = _without_case_and_examples(words)
    position, upper = 0, False
    for word in words:
        if word in UPPER_CASE_WORDS:
            upper = True
        elif position < len(kept) and word == kept[position]:
            if upper:
                capitals.add(position)
            position, upper = position + 1, False
    return capitals


def _without_case_and_examples(words: tuple[str, ...]) -> tuple[str, ...]:
    """``words`` without "capital" (and the like, and "case" after one) and without the
    example after a letter ("c as in charlie": "c")."""
    kept: list[str] = []
    skip = 0
    for index, word in enumerate(words):
        if skip:
            skip -= 1
            continue
        if word in CASE_WORDS or (word == "case" and index and words[index - 1] in CASE_WORDS):
            continue
        if word == "as" and words[index + 1 : index + 2] == ("in",) and len(words) > index + 2:
            skip = 2  # "as", "in" and the example word
            continue
        kept.append(word)
    return tuple(kept)


def correction_phrases(sample_words: tuple[str, ...] = ()) -> list[str]:
    """Sentences of every correction command, for recognizers' language models:
    ``sample_words`` show "correct …" and "replace … with …" with words of replies."""
    # The answers that steer a correction are said on their own and are short, so they
    # are easily taken for letters: counted several times, they weigh more in the model.
    phrases = [*NONE_PHRASES, *SPELL_PHRASES, *DONE_PHRASES, *LEAVE_PHRASES] * CONTROL_WEIGHT
    phrases += [*_choice_phrases(), *_letter_phrases()]
    for word in sample_words:
        phrases += [f"correct {word}", f"fix {word}", f"replace {word}"]
    for first, second in itertools.pairwise(sample_words):
        phrases.append(f"replace {first} with {second}")
    return phrases


def _choice_phrases() -> list[str]:
    return [*_NUMBER_WORDS, *(f"{p} {n}" for p in CHOOSE_PREFIXES for n in _NUMBER_WORDS)]


def _letter_phrases() -> list[str]:
    """NATO letters alone, and letters in runs as a word is spelled (NATO and plain)."""
    nato = _NATO_WORDS
    phrases = list(nato)
    phrases += [" ".join(nato[i : i + 4]) for i in range(0, len(nato), 2)]
    phrases += [
        " ".join(chr(c) for c in range(start, min(start + 4, 123))) for start in range(97, 123, 2)
    ]
    return phrases


def awaited_answers(context: str) -> list[str]:
    """Every answer a correction waiting in ``context`` (:data:`CHOICE_ANSWERS` or
    :data:`SPELLING_ANSWERS`) takes, for a model of exactly those answers."""
    # Short and said on their own, these are easily taken for other words: they count more.
    control = [*LEAVE_PHRASES, *NONE_PHRASES, *SPELL_PHRASES] * CONTROL_WEIGHT
    if context == CHOICE_ANSWERS:
        return [*_choice_phrases(), *control]
    # Any letter may follow any other: every pair, rather than the alphabet's runs, after
    # which "sierra echo" was heard as "sierra kilo". The NATO words count more: plain
    # letters are short and alike, and took "echo" for "u o" and "kilo" for "q o".
    nato, plain = _NATO_WORDS, [chr(c) for c in range(97, 123)]
    letters = [f"{a} {b}" for a in nato for b in nato] * NATO_WEIGHT
    letters += [f"{a} {b}" for a in plain for b in plain]
    letters += [*nato * NATO_WEIGHT, *plain, *SPELLED_MARKS] * SINGLE_LETTER_WEIGHT  # alone
    # Between plain letters only "sorry": short as they are, "no" among them took the place
    # of the letters n and o ("k n o w" was heard "q no w").
    letters += _taken_back_letter_phrases(nato, LETTER_TAKE_BACKS)
    letters += _taken_back_letter_phrases(plain, (("sorry",),))
    return [
        *letters,
        *(*DONE_PHRASES, *LETTER_BACK_PHRASES) * SPELLING_CONTROL_WEIGHT,
        *control * (SPELLING_CONTROL_WEIGHT // CONTROL_WEIGHT),
    ]


def _taken_back_letter_phrases(
    letters: list[str], take_backs: tuple[tuple[str, ...], ...]
) -> list[str]:
    """A letter taken back for another ("oscar no whiskey"): every letter once on each
    side of each of ``take_backs``."""
    phrases = []
    for words in take_backs:
        take_back = " ".join(words)
        for letter, then in zip(letters, [*letters[1:], letters[0]], strict=True):
            phrases += [f"{letter} {take_back} {then}"]
    return phrases


def is_awaited_answer(context: str, text: str) -> bool:
    """Whether ``text`` is an answer a correction waiting in ``context`` takes."""
    command = correction_command(text)
    return command is not None and command.kind.value in _TAKEN_BY.get(context, ())
