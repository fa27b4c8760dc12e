""" "The last one" said at a list: which one the person means.

Right after a list is read out ("One: … Five: …"), "the last one" is the last one heard,
as "open the last one" is: the person is not on any of them yet, so there is no one before
to go back to. Once they have moved through the list or opened one, it is "previous", the
one before, as it is while reading posts.
"""

from __future__ import annotations

from voicepeer.commands import Command, Intent
from voicepeer.commands.matcher import LAST_SAID
from voicepeer.commands.numbers import LAST_HEARD
from voicepeer.voice.cues import number_word
from voicepeer.voice.list_place import ListPlace


def last_one_meant(command: Command, place: ListPlace | None) -> Command:
    """``command`` as meant at the list whose place is ``place`` (None: no list is where
    the person is): a "previous" said with "last" opens the last one heard while the list
    is just read out; otherwise it is a plain "previous"."""
    if command.intent is not Intent.PREVIOUS or not LAST_SAID.items() <= command.slots.items():
        return command
    if place is not None and place.named is not None and place.heard:
        return Command(Intent.OPEN, {"number": LAST_HEARD})
    slots = {k: v for k, v in command.slots.items() if k not in LAST_SAID}
    return Command(Intent.PREVIOUS, slots)


def last_one_hint(place: ListPlace | None) -> str:
    """Said after "the last one" went back to no one before the first: how to open the
    last one heard, which the person may have meant."""
    if place is None or place.index != 0 or place.heard < 2:
        return ""
    heard = number_word(place.heard)
    return f"To open number {heard}, the last one you heard, say open the last one."
