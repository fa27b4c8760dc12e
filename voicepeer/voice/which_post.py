"""'Write a post', not said which: at a list, a new topic; in a topic, a reply is as
likely meant, so asked (it had been "Sorry, I didn't catch that")."""

from __future__ import annotations

from voicepeer.commands.intents import Command, Intent
from voicepeer.commands.matcher import ANY_POST

WHICH_POST = "A new topic, or a reply to this one? Say start a new topic, or say reply."


def post_meant(command: Command, in_a_topic: bool) -> Command | str:
    """``command`` as it is to be done: a new topic for "write a post" where no topic is
    being read; in one, what to ask instead (``WHICH_POST``)."""
    if command.intent is not Intent.NEW_TOPIC or command.slots != ANY_POST:
        return command
    return WHICH_POST if in_a_topic else Command(Intent.NEW_TOPIC)
