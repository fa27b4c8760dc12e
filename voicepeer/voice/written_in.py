"""What is said when words just written into a reply may have been meant as something else:
a command of another state ("latest topics"), an answer with no question waiting ("yes",
"spell it"), a slip ("oops"), or the beginning of a command said before a pause
("delete the"). The words stay written (they may be words of the reply), and the person is
told, and how to take them out."""

from __future__ import annotations

from voicepeer.commands.consent import CLEAR_YES
from voicepeer.commands.correction import (
    SELF_CORRECTION_LEADS,
    CorrectionKind,
    answer_said,
    begins_a_deletion,
    meant_instead,
)
from voicepeer.commands.editing import BARE_ANSWERS, begins_a_command
from voicepeer.commands.intents import Intent
from voicepeer.commands.interpreter import Interpreter
from voicepeer.commands.text import normalize
from voicepeer.recognition.base import Heard
from voicepeer.voice import phrasing

ANSWERS_TO_A_CORRECTION = frozenset(
    {
        CorrectionKind.SPELL,
        CorrectionKind.NONE_OF_THOSE,
        CorrectionKind.LEAVE,
        CorrectionKind.LETTER_BACK,
    }
)
"""Answers a correction waits for: said with none waiting, they are written in, and said to
be."""
LONE_SLIPS = frozenset({"oops", "whoops", "oops sorry"})
"""Said alone while writing: a slip, hardly ever words of a reply ("oops, scratch that" is
the command; "oops" alone is written, and the person told how to take it out)."""
ANSWERS_WRITTEN = BARE_ANSWERS | {*CLEAR_YES, "yes ok", "yes okay", "okay then", "ok then"}
"""Answers said with no question waiting: written in, and said to be ("yes please", the
answer that posts, went in without a word)."""
COMMAND_VERBS = frozenset(
    {"delete", "erase", "remove", "cancel", "send", "post", "submit", "read", "save", "update"}
)
"""The first words of editing commands said in part ("delete the") that are named as
written in. Not "I am", "what did I", "go back to" or "change the", which begin sentences
said slowly as often: a notice then would talk over the rest of the sentence."""
ASKED_OF_VOICEPEER = frozenset(
    {
        "what now",
        "now what",
        "what next",
        "what do i do now",
        "what do i do",
        "what happens now",
        "is that it",
        "can you hear me",
        "are you there",
        "are you listening",
        "did you get that",
        "did you hear that",
        "did you hear me",
        "is it working",
        "is this working",
    }
)
"""Questions to voicepeer said while writing: written in (they may be words of the reply),
and said to be."""
ASKED_PRIVATE = frozenset(
    {
        "privately",
        "in private",
        "send it privately",
        "post it privately",
        "send it in private",
        "make it private",
        "make it a private message",
        "send it as a private message",
    }
)
"""A public reply asked to go privately: written in (it may be words), and said to be."""
LONE_COMMAND_WORDS = frozenset(
    {
        *(Intent.PAUSE, Intent.STOP, Intent.REPLY, Intent.NOTIFICATIONS, Intent.MESSAGES),
        *(Intent.BOOKMARKS, Intent.DRAFTS, Intent.UNREAD, Intent.CATEGORIES),
    }
)
"""Commands of other states that, said as one word while writing, are named as written in
(a person trying to leave heard nothing while the reply filled with "reply notifications");
goodbye and its like are named with how to stop. Not "next", "back", "latest", "search" or
"where", which begin sentences said slowly: a notice spoken then would talk over the rest."""


def written_in_notice(
    said: str, heard: Heard, interpreter: Interpreter, what: str, *, private: bool
) -> str | None:
    """What to say when the words ``said`` written into the ``what`` ("reply") were, word
    for word, a command or an answer of somewhere else; None for anything else."""
    added = f'I added "{said}" to your {what}.'
    words = tuple(normalize(said).split())
    if (begins_a_command(said) and words[0] in COMMAND_VERBS) or begins_a_deletion(
        words, naming=True
    ):
        # "Delete the", then a pause: the rest of the command may follow, and joins it.
        return f"{added} If it begins a command, say the rest of it now."
    if answer_said(said) in ANSWERS_TO_A_CORRECTION:
        # "Spell it" or "leave it" with no correction waiting for it.
        return (
            f"{added} To correct a word, say correct and the word first. To take it out, "
            "say scratch that."
        )
    if normalize(said) in LONE_SLIPS:
        return f"{added} To take it out, say scratch that."
    if normalize(said) in ASKED_PRIVATE and not private:
        # "Send it privately" was written in unsaid, and a yes posted it for all to see.
        return (
            f"{added} This {what} is public. To write privately instead, say scratch that, "
            "then cancel, then message and their name."
        )
    if normalize(said) in ASKED_OF_VOICEPEER:
        # "What now": a question to voicepeer, posted with the reply when a tired person
        # said yes to a read-back they did not follow.
        return (
            f"{added} If you were asking me, say scratch that; then say send it when your "
            f"{what} is done, or help."
        )
    if normalize(said) in ANSWERS_WRITTEN:
        # No question is waiting: a "yes" meant to post it would otherwise go unsaid.
        verb = "send" if private else "post"
        posting = "" if normalize(said) in ("no", "nope") else f" To {verb} it, say send it."
        return f"{added}{posting} To take the {_word_or_words(said)} out, say scratch that."
    instead = meant_instead(said, SELF_CORRECTION_LEADS)
    if instead is not None:
        meant = " ".join(instead)
        # "No I mean Wednesday" after "Tuesday": written in as words, without a word said.
        return (
            f"{added} To put {meant} in place of a word, say change, the word, then to "
            f"{meant}. To take this out, say scratch that."
        )
    ending = _command_at_end(said)
    if ending is not None:
        # "Well done Dave full stop send it": the person waited for a question never asked.
        count = phrasing.count_phrase(len(ending.split()), "word")
        then = (
            "Nothing is sent." if ending in NOT_SENDING_AT_END else f"Then say {ending} on its own."
        )
        return (
            f'{added} It ends with "{ending}", which I wrote as words. To take them out, say '
            f"delete the last {count}. {then}"
        )
    intent = interpreter.word_for_word(heard)
    if intent in (Intent.SLEEP, Intent.PAUSE):
        # "Go to sleep" alone may be words of the reply; by name, it pauses.
        return (
            f"{added} To pause while writing, say go to sleep voicepeer: your {what} is kept. "
            f"To take the {_word_or_words(said)} out, say scratch that."
        )
    if intent is Intent.REPEAT:
        # "Repeat that": the advice was to cancel, where the reply read back was wanted.
        return f"{added} To hear your {what}, say read it back. To take it out, say scratch that."
    if len(said.split()) == 1:
        # One word said slowly may begin a sentence ("next", "where"): only those that
        # end or interrupt, which rarely do, are named.
        if intent is Intent.QUIT:
            return (
                f"{added} To stop for today, say goodbye voicepeer. To take the word out, "
                "say scratch that."
            )
        if intent not in LONE_COMMAND_WORDS:
            return None
    elif intent in (None, Intent.YES, Intent.NO):
        return None
    kept = f"your {what} is kept."
    return f"{added} If it was meant as a command, say scratch that, then cancel: {kept}"


def pause_not_made(noted: str, heard: Heard, interpreter: Interpreter, what: str) -> str | None:
    """What to say when ``heard`` asks to come back from a pause ("resume", "continue")
    right after "pause" (``noted``) was written into the ``what`` and said to be: the person
    thought they had paused, and the word is left out ("resume" went in without a word);
    None for anything else."""
    pausing = interpreter.word_for_word(Heard(noted)) in (Intent.SLEEP, Intent.PAUSE)
    if not pausing or not interpreter.back_from_a_pause(heard):
        return None
    return (
        f'I left "{heard.text.strip()}" out. I did not pause: you are still writing your '
        f'{what}, and "{noted}" is in it. To take that out, say scratch that.'
    )


NOT_SENDING_AT_END = ("don't send it", "do not send it", "unsend it")
COMMANDS_AT_END = (*NOT_SENDING_AT_END, "send it", "read it back")
"""Commands run on at the end of dictated words, with no pause before them (the longest
first: "don't send it" is not "send it")."""


def _word_or_words(said: str) -> str:
    return "word" if len(said.split()) == 1 else "words"


def _command_at_end(said: str) -> str | None:
    """The command ``said`` ends with, run on from its words; None when it ends with none."""
    text = normalize(said)
    return next((c for c in COMMANDS_AT_END if text.endswith(f" {c}")), None)
