"""Editing commands while dictating: only a whole utterance is a command."""

from voicepeer.commands.editing import (
    DictationAction,
    dictation_action,
    editing_phrases,
    heard_action,
)
from voicepeer.recognition.base import Heard


def test_a_command_is_a_command_only_as_a_whole_utterance() -> None:
    assert dictation_action("send it") is DictationAction.SEND
    assert dictation_action("Send it.") is DictationAction.SEND
    assert dictation_action("sent it") is DictationAction.SEND  # a common mishearing
    assert dictation_action("I will send it tomorrow") is None
    assert dictation_action("scratch that") is DictationAction.SCRATCH
    assert dictation_action("delete last word") is DictationAction.DELETE_WORD
    assert dictation_action("start over") is DictationAction.START_OVER
    assert dictation_action("read it back") is DictationAction.READ_BACK
    assert dictation_action("the weather helped") is None
    # Everyday wordings, matched but kept out of the recognizers' command models.
    assert dictation_action("what did I write") is DictationAction.READ_BACK
    assert dictation_action("what have I got so far") is DictationAction.READ_BACK
    assert dictation_action("what did I just say") is DictationAction.READ_BACK
    assert dictation_action("delete the last sentence") is DictationAction.SCRATCH
    assert dictation_action("I'm finished") is DictationAction.SEND
    assert dictation_action("done") is None  # ends the letters of a spelled correction
    assert dictation_action("what did I write about the heat last week") is None
    # Word for word only: a reply's sentence one word away is the reply's.
    assert dictation_action("what did she write") is None
    assert dictation_action("what did she say") is None
    assert dictation_action("he deleted the last sentence") is None
    assert "what did i write" not in editing_phrases()
    assert dictation_action("stop replying") is DictationAction.CANCEL
    assert dictation_action("go back to the topic") is DictationAction.CANCEL
    assert dictation_action("cancel the message") is DictationAction.CANCEL
    # Asked whether to send, the question again; while writing, words of the reply.
    assert dictation_action("who will see it") is None
    # Said slowly, the end of a sentence may come after a pause: words of the reply.
    assert dictation_action("go back") is None


def test_a_short_word_a_letter_away_from_a_command_is_text() -> None:
    # "go to end" (a reading the command grammar offered for "I hope it helps") is "end"
    # once "go to" is taken off as politeness: one letter from "send".
    assert dictation_action("end") is None
    assert dictation_action("go to end") is None
    assert heard_action(Heard("i hope the newest", 0.6, ("go to end",))) is None
    assert dictation_action("send") is DictationAction.SEND
    assert dictation_action("undo") is DictationAction.UNDO
    assert dictation_action("change the title") is DictationAction.RETITLE


def test_a_short_utterance_is_a_command_when_the_recognizer_offers_it_as_a_reading() -> None:
    # Free-text recognition heard "do it"; the command grammar heard "send it".
    assert heard_action(Heard("do it", 0.6, ("send it",))) is DictationAction.SEND
    assert heard_action(Heard("do it", 0.6)) is None
    # A long utterance stays text whatever else was offered.
    assert heard_action(Heard("I will do it when the heat has gone", 0.6, ("send it",))) is None
