"""Editing commands while dictating ("send it", "scratch that", "delete last word" …).

A command counts only when it is the whole utterance ("send it" on its own); inside a
sentence the same words are text ("I will send it tomorrow"). Matching is strict for that
reason: a near-exact match of the whole utterance, never a search inside it.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import cache

from rapidfuzz import fuzz

from voicepeer.commands.everyday import EVERYDAY_WORDINGS, READ_BACK_WORDINGS
from voicepeer.commands.intents import Intent
from voicepeer.commands.natural import strip_phrases, tuning_phrasings, unwrap
from voicepeer.commands.numbers import parse_number
from voicepeer.commands.repeats import without_repeats
from voicepeer.commands.text import normalize
from voicepeer.recognition.base import Heard


class DictationAction(Enum):
    SEND = "send"
    READ_BACK = "read_back"
    SCRATCH = "scratch"
    DELETE_SENTENCE = "delete_sentence"
    UNDO = "undo"
    RETITLE = "retitle"
    DELETE_WORD = "delete_word"
    START_OVER = "start_over"
    CANCEL = "cancel"
    HELP = "help"


DICTATION_PHRASES: dict[DictationAction, tuple[str, ...]] = {
    DictationAction.SEND: ("send it", "send", "post it", "send my reply", "i'm done"),
    DictationAction.READ_BACK: ("read it back", "read back", "read my reply"),
    DictationAction.SCRATCH: ("scratch that",),
    DictationAction.UNDO: ("undo", "undo that"),
    DictationAction.RETITLE: ("change the title", "change title", "change my title", "new title"),
    DictationAction.DELETE_WORD: ("delete last word", "delete the last word", "delete word"),
    DictationAction.START_OVER: ("start over", "start again", "clear it"),
    DictationAction.CANCEL: ("cancel", "cancel reply", "cancel my reply"),
    DictationAction.HELP: ("help", "what can i say"),
}

EVERYDAY_EDITING: dict[DictationAction, tuple[str, ...]] = {
    # Not "done" (while spelling a correction it ends the letters), nor "all done" or "send
    # that", near "all gone" and "spend that": a sentence's end said after a pause would be
    # taken for a send, and its words not written.
    DictationAction.SEND: (
        "i'm finished",
        "i am finished",
        # Changing a posted post.
        "save the changes",
        "save my changes",
        "post the changes",
        "update my post",
        # Naming what is sent. Not "send that" (near "spend that") nor "post" alone.
        "send this",
        "post this",
        "send the reply",
        "post the reply",
        "send reply now",
        "yes send it",
        "submit",
        "submit it",
        "submit my reply",
        "publish it",
        "send message",
        "send my message",
        "send the message",
        "post my topic",
        "post the topic",
        "post my new topic",
    ),
    DictationAction.READ_BACK: READ_BACK_WORDINGS,
    # The last sentence of the last part said, or all of that part when it is one sentence.
    # Word for word only, as every everyday wording: "he deleted the last sentence" is text.
    DictationAction.DELETE_SENTENCE: (
        "delete the last sentence",
        "remove the last sentence",
        "delete last sentence",
        "remove last sentence",
        "erase the last sentence",
        "delete that sentence",
    ),
    DictationAction.SCRATCH: (
        # Not near "delete the last word": "delete the last part" took one word, not the part.
        "delete the last part",
        "remove the last part",
        "delete that last part",
        "delete the last bit",
        "remove the last bit",
        "delete that last bit",
        "erase that",
        "strike that",
        "cancel that",
        "take that back",
        "scratch",
        "scratch it",
    ),
    DictationAction.DELETE_WORD: (
        "remove last word",
        "remove the last word",
        "erase the last word",
        "erase last word",
    ),
    DictationAction.START_OVER: (
        "start from scratch",
        "delete everything",
        "delete it all",
        "erase everything",
        "clear everything",
    ),
    # Not "go back" alone: said slowly, a sentence's end may come after a pause.
    DictationAction.CANCEL: (
        "stop writing",
        "stop replying",
        "back to the topic",
        "go back to the topic",
        *EVERYDAY_WORDINGS[Intent.CANCEL],
    ),
}
"""Everyday wordings of editing commands, matched when heard but kept out of the
recognizers' command models (as the everyday command wordings are: see
voicepeer.commands.everyday.EVERYDAY_WORDINGS)."""

NATURAL_ACTIONS: dict[Intent, DictationAction] = {
    Intent.SEND: DictationAction.SEND,
    Intent.SCRATCH: DictationAction.SCRATCH,
    Intent.READ_BACK: DictationAction.READ_BACK,
}
"""Intents whose natural phrasings collected for tuning are editing commands too ("post my
reply", "delete that"). Not cancel: said while dictating, "forget it" is more likely part
of a reply than a wish to drop it."""

WRITING_ONLY = frozenset(
    {
        DictationAction.RETITLE,
        DictationAction.START_OVER,
        DictationAction.UNDO,
        DictationAction.DELETE_WORD,
        DictationAction.DELETE_SENTENCE,
    }
)
"""Editing commands with no command of their own outside writing: "how do I start over"
asks about them (see interpreter)."""

SLIPS: tuple[str, ...] = ("oops", "whoops", "oh", "sorry", "actually")
"""Words owning a slip, said before an editing command ("sorry, scratch that"); not "no",
which before "send it" would turn a refusal into a send."""
MAX_COMMAND_WORDS = 6
"""Longer utterances are always reply text."""
MIN_SCORE = 85.0
"""Fuzzy score (0-100) a whole utterance needs to count as an editing command."""
MIN_NEAR_CHARACTERS = 5
"""A phrasing shorter than this matches only word for word: a letter more or less makes a
short word another word ("end" scores 86 against "send")."""


def heard_action(heard: Heard) -> DictationAction | None:
    """The editing command an utterance is: its best reading (said with a word repeated or
    begun twice, as the command said once), or — for a short utterance — another reading
    the recognizer offers (a command grammar's, next to the free-text one)."""
    action = dictation_action(heard.text)
    if action is None:
        # "Scratch scratch that": said again as a whole, never a word twice in a sentence.
        action = dictation_action(without_repeats(heard.text))
    if action is not None or len(heard.text.split()) > MAX_COMMAND_WORDS:
        return action
    for alternative in heard.alternatives:
        action = dictation_action(alternative)
        if action is not None:
            return action
    return None


BARE_ANSWERS = frozenset(
    {"yes", "yeah", "yep", "no", "nope", "ok", "okay", "fine", "sure", "right", "all right"}
)
"""Said alone where voicepeer asked for more words ("Please add a few words"): an answer
to that, not words of the reply."""

SOUNDS_FINISHED = frozenset(
    {"done", "all done", "done now", "okay done", "that's it", "that is it", "finished"}
)
"""Said alone, words that may mean the reply is finished, or may end a sentence ("we got it
all done"): written, as reply text is, and then how to send it is said."""


_LAST_WORDS = re.compile(
    r"(?:delete|remove|erase|take out) (?:the )?last (?P<count>[a-z0-9]+(?: [a-z]+)?) words"
)


def words_to_delete(utterance: str) -> int:
    """How many words a "delete the last word" removes: the number said in "delete the
    last three words" (all of them come back with one "undo"), else one."""
    found = _LAST_WORDS.fullmatch(unwrap(normalize(utterance)))
    count = parse_number(found["count"]) if found else None
    return count or 1


def dictation_action(utterance: str) -> DictationAction | None:
    """The editing command this whole utterance is, or ``None`` when it is reply text."""
    text = normalize(utterance)
    if not text or len(text.split()) > MAX_COMMAND_WORDS:
        return None
    # Politeness around it ("send it please"), or a slip owned before it ("oops, scratch
    # that"), does not make it reply text.
    text = unwrap(text)
    text = " ".join(strip_phrases(text.split(), SLIPS, at_start=True)) or text
    if words_to_delete(text) > 1:
        return DictationAction.DELETE_WORD
    for action, phrases in EVERYDAY_EDITING.items():
        if text in phrases:
            return action
    if text in _beginnings():
        # "delete the", said before a pause: the beginning of "delete the last word", not
        # "delete that" (which took the whole last part away).
        return None
    best: tuple[float, DictationAction | None] = (0.0, None)
    for phrase, action in _phrases():
        score = fuzz.ratio(text, phrase)
        if score < 100 and len(phrase) < MIN_NEAR_CHARACTERS:
            continue
        if score > best[0]:
            best = (score, action)
    return best[1] if best[0] >= MIN_SCORE else None


def begins_a_command(utterance: str) -> bool:
    """Whether ``utterance`` is two or more first words of an editing command and no command
    of its own ("delete the", "read it"): said before a pause, the rest may follow. (One
    word, "I" or "what", begins a sentence as often.)"""
    text = unwrap(normalize(utterance))
    return len(text.split()) > 1 and text in _beginnings()


@cache
def _beginnings() -> frozenset[str]:
    """The first words of editing commands' phrasings that are no phrasing of their own."""
    phrasings = {p for p, _action in _phrases()}
    phrasings |= {p for phrases in EVERYDAY_EDITING.values() for p in phrases}
    return (
        frozenset(
            " ".join(words[:cut])
            for phrase in phrasings
            for words in (phrase.split(),)
            for cut in range(1, len(words))
        )
        - phrasings
    )


def _phrases() -> list[tuple[str, DictationAction]]:
    """The phrasings an utterance may be near. Not the everyday ones, heard only word for
    word: they are sentences a reply may have with one word other ("what did he write"
    near "what did I write"), and a reply's words must not be taken for a command."""
    table = [(p, a) for a, ps in DICTATION_PHRASES.items() for p in ps]
    table += [
        (unwrap(p), NATURAL_ACTIONS[i])
        for i, ps in tuning_phrasings().items()
        if i in NATURAL_ACTIONS
        for p in ps
    ]
    return table


def card_phrases() -> dict[DictationAction, tuple[str, ...]]:
    """What the command card shows for each editing command: its phrasings, or for one
    heard only in everyday words (the last sentence), the first of those."""
    return {
        action: DICTATION_PHRASES.get(action) or EVERYDAY_EDITING[action][:1]
        for action in DictationAction
    }


def editing_phrases() -> list[str]:
    """Every phrasing of the editing commands said in any writing (for recognizers' command
    models): not a title's, said only while writing a new topic or message, in everyday
    words the dictation model hears."""
    return [
        phrase
        for action, phrases in DICTATION_PHRASES.items()
        if action is not DictationAction.RETITLE
        for phrase in phrases
    ]
