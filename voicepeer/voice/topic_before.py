"""'Go back to the last topic': the topic read before this one, opened again where it was
left ("Back to the topic list" had been said, and the topic list read instead)."""

from __future__ import annotations

from voicepeer.voice.ports import Say
from voicepeer.voice.reader import Reader, ReadOutcome

NONE_BEFORE = (
    "You have not read another topic before this one. Say back for the topic list, or "
    "latest topics."
)
NONE_READ = "You have not read a topic yet. Say latest topics."


def reopen_topic_before(reader: Reader, say: Say) -> ReadOutcome:
    """While reading, the topic read before this one this session; elsewhere, the topic
    read last (after a restart too, as "resume" reopens it)."""
    if reader.topic is None:
        outcome = reader.reopen_last_topic()
        if outcome is None:
            say(NONE_READ)
            return ReadOutcome.FAILED
        return outcome
    if reader.read_before is None:
        say(NONE_BEFORE)
        return ReadOutcome.FAILED
    return reader.open_topic(reader.read_before)
