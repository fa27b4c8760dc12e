"""Editing commands while dictating: only a whole utterance is a command."""

from voicepeer.commands.editing import (
    DictationAction,
    begins_a_command,
    dictation_action,
    editing_phrases,
    heard_action,
    words_to_delete,
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
    assert dictation_action("delete the last sentence") is DictationAction.DELETE_SENTENCE
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


def test_everyday_ways_of_sending_and_removing_are_commands() -> None:
    # Each was written into the reply as words.
    for send in ("send the reply", "post this", "submit", "send the message", "post my topic"):
        assert dictation_action(send) is DictationAction.SEND, send
    # "Delete the last part" was near "delete the last word", and took one word.
    for scratch in ("erase that", "strike that", "scratch", "delete the last part"):
        assert dictation_action(scratch) is DictationAction.SCRATCH, scratch
    for sentence in ("delete last sentence", "remove the last sentence", "delete that sentence"):
        assert dictation_action(sentence) is DictationAction.DELETE_SENTENCE, sentence
    assert dictation_action("remove last word") is DictationAction.DELETE_WORD
    # A slip owned before the command does not make it words of the reply.
    for scratch in ("oops scratch that", "sorry, scratch that", "cancel that", "take that back"):
        assert dictation_action(scratch) is DictationAction.SCRATCH, scratch
    assert dictation_action("no send it") is None  # a refusal is never made a send
    assert dictation_action("actually the pool was lovely") is None
    assert dictation_action("start from scratch") is DictationAction.START_OVER
    # Inside a sentence they stay words.
    assert dictation_action("I had to submit the form twice") is None
    assert dictation_action("send that") is None  # near "spend that"


def test_how_many_words_a_delete_removes() -> None:
    assert words_to_delete("delete the last three words") == 3
    assert dictation_action("delete the last three words") is DictationAction.DELETE_WORD
    assert words_to_delete("please remove the last 4 words") == 4
    assert dictation_action("erase the last twenty five words") is DictationAction.DELETE_WORD
    assert words_to_delete("erase the last twenty five words") == 25
    assert words_to_delete("delete the last word") == 1
    assert words_to_delete("delete last word") == 1
    assert dictation_action("he had to delete the last two words") is None


def test_the_beginning_of_an_editing_command_is_no_command() -> None:
    # "Delete the", said before a pause, was near "delete that" and took the whole last part.
    assert dictation_action("delete the") is None and dictation_action("read it") is None
    assert dictation_action("delete that") is DictationAction.SCRATCH
    assert begins_a_command("delete the") and begins_a_command("read it")
    assert not begins_a_command("i") and not begins_a_command("delete that")
