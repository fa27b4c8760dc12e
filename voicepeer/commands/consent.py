"""The one rule for a clear yes, before voicepeer does anything others can see.

A question such as "Shall I post your reply?" or "Like this post by …?" is answered with a
clear "yes" (or "yes please"), heard with high confidence and, where the recognizer decoded
the answer twice over, heard as a clear yes by every pass — or with a press of the
person's yes switch. Anything else is not a yes: "yeah", "yes but", "yes and no",
"hang on", other commands and room talk. A spoken yes is never a whole answer at a pause:
the listener waits its answer_silence_s for a take-back ("yes … but") and hears them as
one answer. An unsure answer gets the question again; it is never guessed. Other answers
("no", "cancel", "read it back", "help") are matched as commands, restricted to what the
question allows; where a question has no cancel of its own ("Like this post?"), "cancel"
and "never mind" are its no.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import replace

from voicepeer.commands.intents import Command, Intent
from voicepeer.commands.matcher import Interpretation
from voicepeer.commands.text import normalize
from voicepeer.recognition.base import Heard

CLEAR_YES: tuple[str, ...] = ("yes", "yes please")
"""The only spoken answers that give consent."""

YES_RHYMES: tuple[str, ...] = (
    "ess",
    "bless",
    "chess",
    "dess",
    "dress",
    "fess",
    "guess",
    "hess",
    "jess",
    "mess",
    "ness",
    "press",
    "tess",
    "vess",
)
"""Words and names that differ from "yes" only in how they begin (or, "ess", in having no
y): as answers the recognizer can hear, they make it weigh "yes" against other starts, so
that speech is read as yes only when it begins like one."""

NOT_YES: tuple[str, ...] = (
    "yeah",
    "yep",
    "yes but",
    "yes and no",
    "yes wait",
    "yes no",
    "hang on",
    "wait",
    "hold on",
    "okay",
    "maybe",
    "i guess",
    "not sure",
    "yes i think",
    "yet",
    "less",
    *YES_RHYMES,
)
"""Sounds close to yes, or a yes taken back, that must never give consent. Recognizers
put them in their answer vocabulary so such speech is heard as what it is."""

TAKE_BACKS: tuple[str, ...] = ("but", "wait", "no", "hang on", "hold on", "sorry")
"""Words that, said after a yes, take it back ("yes … but"). A yes is therefore never a
whole answer at a pause: the listener waits its answer_silence_s for them first."""

INTERRUPTIONS: tuple[str, ...] = (
    "wait",
    "hang on",
    "hold on",
    "just a moment",
    "one moment",
    "just a minute",
    "wait a minute",
    "wait a moment",
    "give me a minute",
    "one second",
    "just a second",
    "wait a second",
    "hang on a second",
    "hang on a minute",
    "hold on a minute",
    "hold on a second",
    "give me a second",
)
"""Answers that ask voicepeer to wait while something else is seen to (the phone, the door):
where a question allows a pause, they pause, the question put aside. Left open, the
question was answered by a "yes" said on the phone, and the reply posted."""

ASKS_FOR_TIME: tuple[str, ...] = (*INTERRUPTIONS, "let me think", "let me see")
"""Answers that are neither yes nor no but a wish for a moment: the question stays (asked
again without "I could not be sure of your answer", which sounded like a failure) where
it allows no pause, or while the person only thinks."""

MIN_YES_CONFIDENCE = 0.6
"""Lowest recognizer confidence (0-1) for a yes. The bundled engine's confidence is the lower
of the answer's word posterior and its check of the sounds (0 or 1), so this is the
posterior a yes needs once its sounds agree. On the widened tuning split of
scripts/benchlib/consent.py every yes whose sounds agreed scored 0.66 or more and every
other answer 0: near-yes speech read as "yes" reached 0.69 ("yeah"), 0.93 ("yet" in loud
noise), and it is the sounds check that keeps it out."""

_YES_START = frozenset({"yes", "yeah", "yep", "okay"})


def is_clear_yes(text: str) -> bool:
    return normalize(text) in CLEAR_YES


def _unsure_yes(heard: Heard) -> str | None:
    """Why a spoken clear yes is not sure enough to count; None when it is."""
    if heard.confidence < MIN_YES_CONFIDENCE:
        return f"heard with confidence {heard.confidence:.2f}, under {MIN_YES_CONFIDENCE}"
    other = next((reading for reading in heard.passes if not is_clear_yes(reading)), None)
    return f"another reading of it was {other!r}" if other is not None else None


def asks_for_time(heard: Heard) -> bool:
    """Whether ``heard``, said to a question, asks for a moment ("hang on")."""
    return normalize(heard.text) in ASKS_FOR_TIME


def interrupts(heard: Heard) -> bool:
    """Whether ``heard`` asks voicepeer to wait while something else is seen to."""
    return normalize(heard.text) in INTERRUPTIONS


def why_no_answer(heard: Heard) -> str:
    """For the helper reading the transcript: why an answer that :func:`judge_answer` took
    as no answer at all was not one."""
    if not heard.text.strip():
        return "nothing clear was heard"
    if is_clear_yes(heard.text):
        return f"{heard.text!r} {_unsure_yes(heard) or 'is not an answer to this question'}"
    words = normalize(heard.text).split()
    if words and words[0] in _YES_START:
        return f"{heard.text!r} starts like a yes but is not a clear yes"
    return f"{heard.text!r} is none of the answers to this question"


CommandJudge = Callable[[Heard, Collection[Intent]], Interpretation]
"""The interpreter's reading of an utterance as one of the given commands."""


def judge_answer(
    heard: Heard, commands: CommandJudge, allowed: Collection[Intent]
) -> Interpretation:
    """What an answer to a yes-or-no question means. ``allowed``: the intents the
    question accepts (yes among them); ``commands`` reads the answers that are not a yes
    ("no", "cancel"). ``Interpretation(None)`` means ask again."""
    if Intent.YES in allowed and heard.by_switch:
        return Interpretation(Command(Intent.YES), confidence=1.0)
    if not heard.text.strip() or heard.by_switch:
        return Interpretation(None)
    if is_clear_yes(heard.text):
        if Intent.YES in allowed and _unsure_yes(heard) is None:
            return Interpretation(Command(Intent.YES), confidence=heard.confidence)
        return Interpretation(None)
    words = normalize(heard.text).split()
    if words and words[0] in _YES_START:
        # A yes-like start that is not a clear yes ("yeah", "yes but"): never taken for
        # anything else either.
        return Interpretation(None)
    if interrupts(heard) and Intent.PAUSE in allowed:
        return Interpretation(Command(Intent.PAUSE), confidence=heard.confidence)
    if asks_for_time(heard):
        return Interpretation(None)
    others = [i for i in allowed if i is not Intent.YES]
    if Intent.NO not in allowed or Intent.CANCEL in allowed:
        found = _made_safe(commands(heard, others))
        return Interpretation(None, found.confidence) if _no_without_a_no(found, heard) else found
    found = _made_safe(commands(heard, [*others, Intent.CANCEL]))
    if _no_without_a_no(found, heard):
        return Interpretation(None, found.confidence)
    if found.command is None or found.command.intent is not Intent.CANCEL:
        return found
    # Nobody answers "Like this post?" with "never mind" to mean anything but no.
    return replace(found, command=Command(Intent.NO))


SAFE_WHEN_UNSURE = frozenset({Intent.NO, Intent.CANCEL})
"""Answers to a question before something public that do nothing others can see."""
ENDING_WHEN_NEAR = frozenset({Intent.QUIT, Intent.PAUSE, Intent.SLEEP})
"""Commands that end or pause the session: at such a question, taken only word for word
("ye", a clipped yes, was near "bye" and ended voicepeer; "no hold on" paused it)."""


def _made_safe(found: Interpretation) -> Interpretation:
    """An answer to a question before something public, made safe: unsure between kinds of
    no, it is no; unsure between others, or near a command that ends the session, it is no
    answer, and the question is asked again. Never "Did you mean no or help?": a yes to
    that was taken as the question's yes, and the post was posted."""
    if found.ambiguous:
        if set(found.ambiguous) <= SAFE_WHEN_UNSURE:
            return Interpretation(Command(Intent.NO), found.confidence)
        return Interpretation(None, found.confidence)
    if found.near and found.command is not None and found.command.intent in ENDING_WHEN_NEAR:
        return Interpretation(None, found.confidence)
    return found


NO_SOUNDS = frozenset({"no", "not", "nah", "nope", "don't", "never", "know", "now", "noo"})
"""Words a no is heard with (and, "know" and "now", heard for it)."""


def _no_without_a_no(found: Interpretation, heard: Heard) -> bool:
    """Whether ``found`` is a no only near what was said, with no word of a no in it:
    "definitely" and "of course" were near "definitely not", and "post post it" near
    "don't post it" — each answered as a no, where the person meant yes."""
    command = found.command
    if command is None or command.intent is not Intent.NO or not found.near:
        return False
    return not NO_SOUNDS & set(normalize(heard.text).split())
