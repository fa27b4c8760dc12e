"""After a list asked for had nothing in it ("You have no saved drafts"), or did not come
from the forum at all, "open one" is not taken from another list the person heard before
without saying so.

The list behind (the topic list, the notifications) is still there, and "open one" would
open its first: a topic the person did not ask for, from a list they did not just hear.
The first "open" after is answered with which list it would take from; said again, it
does.
"""

from __future__ import annotations

from collections.abc import Mapping

from voicepeer.commands import Command, Intent
from voicepeer.commands.matcher import EITHER_OPEN
from voicepeer.commands.numbers import LAST_HEARD
from voicepeer.voice.cues import number_word

LIST_ASKED = frozenset(
    {
        Intent.LATEST,
        Intent.UNREAD,
        Intent.MY_TOPICS,
        Intent.MY_POSTS,
        Intent.NOTIFICATIONS,
        Intent.MESSAGES,
        Intent.SEARCH,
        Intent.BOOKMARKS,
        Intent.DRAFTS,
    }
)
"""Commands that read out a list of things to open."""


def opens_from_a_list(command: Command, reading: bool) -> bool:
    """Whether ``command`` opens one of a list by its place ("open one", "read" at a
    list): not a post of the topic being read (``reading``) ("post three", "read")."""
    if command.intent is Intent.READ:
        return not reading
    if command.intent is not Intent.OPEN or "number" not in command.slots:
        return False
    named: Mapping[str, object] = {k: v for k, v in command.slots.items() if k != "number"}
    return not named or (named == EITHER_OPEN and not reading)


def which_list(command: Command, list_name: str | None, failed: bool = False) -> str:
    """What to say to an "open" just after a list asked for had nothing (``failed``: the
    forum did not give it): the list it would take from (``list_name``), and how to open
    from it all the same."""
    nothing = (
        "That list did not come from the forum, so there is nothing to open in it."
        if failed
        else "There is nothing to open in that list."
    )
    if list_name is None:
        if failed:
            return f"{nothing} Ask for the list again in a moment."
        return "There is nothing to open. Say latest topics to hear the topics."
    number = int(command.slots.get("number", 0)) if command.intent is Intent.OPEN else 0
    if number == LAST_HEARD:
        one = "the last one you heard"
    elif number:
        one = f"number {number_word(number)}"
    else:
        one = "the one you were on"
    return f"{nothing} To open {one} of {list_name} instead, say that again."
