"""What help names: the commands that can be said where the person is, the most used first.

How each is worded, and answers to "how do I …", are in :mod:`voicepeer.voice.how_to`.
"""

from __future__ import annotations

from voicepeer.commands.intents import Intent
from voicepeer.voice.how_to import help_wording
from voicepeer.voice.state_commands import ALLOWED
from voicepeer.voice.states import State

HELP_FIRST: tuple[Intent, ...] = (
    Intent.YES,
    Intent.NO,
    Intent.READ_BACK,
    Intent.CANCEL,
    Intent.NEXT,
    Intent.PREVIOUS,
    Intent.REPEAT,
    Intent.REPLY,
    Intent.WHO,
    Intent.LIKE,
    Intent.BACK,
    Intent.OPEN,
    Intent.READ,
    Intent.LATEST,
    Intent.SEARCH,
    Intent.NOTIFICATIONS,
    Intent.PAUSE,
)
"""The commands used most, in the order help names them first."""
HELP_GROUPS: tuple[tuple[str, tuple[Intent, ...]], ...] = (
    ("To answer", (Intent.YES, Intent.NO, Intent.READ_BACK, Intent.CANCEL)),
    (
        "To find topics",
        (
            Intent.LATEST,
            Intent.UNREAD,
            Intent.CATEGORIES,
            Intent.MY_TOPICS,
            Intent.MY_POSTS,
            Intent.OPEN,
            Intent.READ,
            Intent.SEARCH,
            Intent.NOTIFICATIONS,
            Intent.MARK_READ,
            Intent.BACK,
        ),
    ),
    (
        "In a post",
        (
            Intent.NEXT,
            Intent.PREVIOUS,
            Intent.NEXT_PARAGRAPH,
            Intent.PREVIOUS_PARAGRAPH,
            Intent.SKIP_TO_END,
            Intent.REPEAT,
            Intent.WHO,
        ),
    ),
    (
        "To take part",
        (
            Intent.REPLY,
            Intent.LIKE,
            Intent.UNLIKE,
            Intent.VOTE,
            Intent.REMOVE_VOTE,
            Intent.ADD_TO_REPLY,
            Intent.EDIT_POST,
            Intent.DELETE_POST,
            Intent.RECOVER_POST,
            Intent.MESSAGE,
            Intent.NEW_TOPIC,
        ),
    ),
    (
        "Your own lists",
        (
            Intent.BOOKMARK,
            Intent.BOOKMARKS,
            Intent.REMOVE_BOOKMARK,
            Intent.DRAFTS,
            Intent.REMOVE_DRAFT,
            Intent.MESSAGES,
        ),
    ),
    ("The voice", (Intent.FASTER, Intent.SLOWER, Intent.LOUDER, Intent.QUIETER)),
    ("To rest or stop", (Intent.PAUSE, Intent.SLEEP, Intent.WAKE, Intent.QUIT)),
    ("Anywhere", (Intent.WHERE, Intent.HELP)),
)
"""The rest of help, asked for again, in groups said one sentence each: some forty commands
in one list were too many to follow, and a group says what its commands are for."""
HELP_ORDER: tuple[Intent, ...] = tuple(intent for _, intents in HELP_GROUPS for intent in intents)
"""Every command help names, in the order of its groups."""
MAX_FIRST_HELP = 8
"""Commands help names at first: the rest follow when help is asked again."""


NEED_A_LIST = frozenset({Intent.NEXT, Intent.PREVIOUS, Intent.OPEN, Intent.READ, Intent.REPEAT})
"""Commands that do nothing before a list has been heard: help at the start leaves them out
("next" named first at the start did nothing)."""


def help_list(
    state: State, *, asked: str, last_said: str, typing: bool, list_heard: bool = True
) -> str:
    """What can be said in ``state`` (not one where something is written, whose writer says
    its own help): where that is many things, the few most used first, and the rest when
    help is asked again straight after (a long list is hard to keep in mind, and the first
    things in it are soon forgotten). ``asked``: the question waiting for an answer, if
    one is; ``last_said``: what voicepeer said last; ``typing``: the person types;
    ``list_heard``: a list or topic has been heard (else, at the start, what moves through
    one is left out)."""
    allowed = ALLOWED[state] - (NEED_A_LIST if not list_heard else frozenset())
    # How to stop is always among the first: a tired person may want only that.
    first = [i for i in HELP_FIRST if i in allowed][:MAX_FIRST_HELP]
    first += [Intent.QUIT] if Intent.QUIT in allowed else []
    rest = [i for i in HELP_ORDER if i in allowed and i not in first]
    typed = " When typing, Control D also ends." if typing else ""

    def named(intents: list[Intent]) -> str:
        return ", ".join(help_wording(i, state) for i in intents)

    def grouped(intents: list[Intent]) -> str:
        return " ".join(
            f"{label}: {named(found)}."
            for label, members in HELP_GROUPS
            if (found := [i for i in members if i in intents])
        )

    # Asked for help over a question, the question again after it: "yes" would answer it.
    question = f" {asked}" if asked else ""
    if len(rest) <= 2:
        everything = named([i for i in HELP_ORDER if i in allowed])
        return f"You can say: {everything}.{typed}{question}"
    short = f"You can say: {named(first)}."
    if last_said.startswith(short):
        return f"You can also say these. {grouped(rest)}{question}"
    return f"{short} Say help again for everything else.{typed}{question}"
