"""How each command is said in help, and answering "how do I reply": the command that does
it, and where it works when that is not here."""

from __future__ import annotations

from collections.abc import Mapping

from voicepeer.commands.editing import DictationAction
from voicepeer.commands.intents import HOW_TO, HOW_TO_WRITE, Intent, canonical
from voicepeer.voice.state_commands import ALLOWED
from voicepeer.voice.states import State

HELP_WORDING: Mapping[Intent, str] = {
    Intent.OPEN: "open topic and a number",
    Intent.SEARCH: "search for and a word",
    Intent.MESSAGE: "message and a name",
    Intent.VOTE: "vote for choice and a number",
    Intent.WHERE: "where am I",
}
HELP_WORDING_IN: Mapping[State, Mapping[Intent, str]] = {
    State.DRAFTS: {Intent.OPEN: "open and a number"},
}
"""Where a number picks something other than a topic, help says it as the question did."""

WHERE_IT_WORKS: tuple[tuple[State, str], ...] = (
    (State.READING, "while a post is being read"),
    (State.BROWSING, "at a topic list"),
    (State.BOOKMARKS, "in your bookmarks"),
    (State.DRAFTS, "in your drafts"),
    (State.CONFIRMING, "when I ask you a question"),
    (State.SLEEPING, "while I am asleep"),
)
"""Where a command works, named for the person, in the order looked through."""
WHILE_WRITING = frozenset({Intent.SEND, Intent.READ_BACK, Intent.SCRATCH})
"""Commands of writing a reply (its editing commands, not decoded as commands elsewhere)."""
WHAT_FOLLOWS: Mapping[Intent, str] = {
    Intent.REPLY: "Then say your reply, and say send it when it is done: I ask before posting.",
    Intent.NEW_TOPIC: "I ask for its category and its title, then for your words.",
    Intent.MESSAGE: "Then say your message, and say send it when it is done.",
    Intent.MARK_READ: (
        "At a topic list it marks all your unread and new topics, while reading only that "
        "topic. I ask first."
    ),
}
"""What happens after the command, where it starts an exchange."""


HOW_TO_WRITE_ANSWERS: Mapping[DictationAction, str] = {
    DictationAction.RETITLE: (
        "Say change the title while writing a new topic or a message, or while changing the "
        "first post of a topic you started: say correct my post there first."
    ),
    DictationAction.START_OVER: (
        "Say start over while writing: it clears your words, and undo brings them back."
    ),
    DictationAction.UNDO: "Say undo while writing, to take back the last change to your words.",
    DictationAction.DELETE_WORD: (
        "Say delete last word while writing, or delete the last three words."
    ),
    DictationAction.DELETE_SENTENCE: (
        "Say delete the last sentence while writing; scratch that removes all you said last."
    ),
}
"""The answers to "how do I …" about the editing commands used only while writing."""


def help_wording(intent: Intent, state: State) -> str:
    """How help says ``intent`` in ``state`` ("open topic and a number")."""
    return HELP_WORDING_IN.get(state, {}).get(intent) or HELP_WORDING.get(intent, canonical(intent))


def how_to(intent: Intent, state: State) -> str:
    """The answer to "how do I …" about ``intent``, asked in ``state``: "Say reply while a
    post is being read. Then say your reply …"."""
    said = f"Say {help_wording(intent, state)}"
    if intent in WHILE_WRITING:
        said += " while writing a reply"
    elif intent not in ALLOWED.get(state, frozenset()):
        where = next((w for s, w in WHERE_IT_WORKS if intent in ALLOWED[s]), None)
        said += f" {where}" if where else ""
    follows = WHAT_FOLLOWS.get(intent)
    return f"{said}." + (f" {follows}" if follows else "")


def how_to_asked(slots: Mapping[str, object], state: State) -> str | None:
    """The answer to "how do I …" when help was asked so (see :data:`HOW_TO`), else None."""
    if HOW_TO_WRITE in slots:
        return HOW_TO_WRITE_ANSWERS[DictationAction(str(slots[HOW_TO_WRITE]))]
    if HOW_TO in slots:
        return how_to(Intent(str(slots[HOW_TO])), state)
    return None
