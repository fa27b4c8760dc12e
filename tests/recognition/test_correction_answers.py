"""The answers a correction waits for ("number two", "spell it", letters, "done"), decoded
narrowly by the real PocketSphinx engine from espeak-ng speech, while talk stays talk."""

from __future__ import annotations

import pytest

from tests.support.speech_audio import utterances
from voicepeer.commands.correction import (
    CHOICE_ANSWERS,
    SPELLING_ANSWERS,
    CorrectionKind,
    correction_command,
)
from voicepeer.commands.editing import DictationAction, dictation_action
from voicepeer.listening import voice_loop_phrasebook
from voicepeer.recognition.base import ListenMode
from voicepeer.recognition.engine import decode
from voicepeer.recognition.sphinx import SphinxRecognizer
from voicepeer.recognition.sphinx_dictation import correct_grammar, naming_verbs
from voicepeer.voice.correction import MAX_ANSWER_WORDS


@pytest.fixture(scope="module")
def recognizer() -> SphinxRecognizer:
    return SphinxRecognizer(phrasebook=voice_loop_phrasebook())


def heard(recognizer: SphinxRecognizer, said: str, context: str) -> str:
    audio = utterances([said], seed=len(said)).tobytes()
    return decode(recognizer, audio, ListenMode.DICTATION, context=context).text


@pytest.mark.parametrize(
    ("context", "said", "kind"),
    [
        (CHOICE_ANSWERS, "number two", CorrectionKind.CHOOSE),
        (CHOICE_ANSWERS, "none of those", CorrectionKind.NONE_OF_THOSE),
        (CHOICE_ANSWERS, "spell it", CorrectionKind.SPELL),
        (CHOICE_ANSWERS, "leave it", CorrectionKind.LEAVE),
        (SPELLING_ANSWERS, "mike sierra", CorrectionKind.LETTERS),
        (SPELLING_ANSWERS, "done", CorrectionKind.DONE),
        (SPELLING_ANSWERS, "that's it", CorrectionKind.DONE),
        (SPELLING_ANSWERS, "spell it", CorrectionKind.SPELL),
    ],
)
def test_an_awaited_answer_is_heard_as_that_answer(
    recognizer: SphinxRecognizer, context: str, said: str, kind: CorrectionKind
) -> None:
    text = heard(recognizer, said, context)
    command = correction_command(text)
    assert command is not None and command.kind is kind, text


@pytest.mark.parametrize(
    ("said", "letters"),
    [("s h o sorry w", ("s", "h", "w")), ("oscar no whiskey", ("w",)), ("s n o w", tuple("snow"))],
)
def test_a_letter_taken_back_is_heard_so_and_n_o_stays_letters(
    recognizer: SphinxRecognizer, said: str, letters: tuple[str, ...]
) -> None:
    text = heard(recognizer, said, SPELLING_ANSWERS)
    command = correction_command(text)
    assert command is not None and command.words == letters, text


@pytest.mark.parametrize("context", [CHOICE_ANSWERS, SPELLING_ANSWERS])
@pytest.mark.parametrize(
    ("said", "action"),
    [("send it", DictationAction.SEND), ("scratch that", DictationAction.SCRATCH)],
)
def test_editing_commands_still_work_while_an_answer_is_awaited(
    recognizer: SphinxRecognizer, context: str, said: str, action: DictationAction
) -> None:
    assert dictation_action(heard(recognizer, said, context)) is action


@pytest.mark.parametrize("context", [CHOICE_ANSWERS, SPELLING_ANSWERS])
def test_talk_while_an_answer_is_awaited_is_read_as_dictation(
    recognizer: SphinxRecognizer, context: str
) -> None:
    said = "my legs were very tired today after the walk"
    text = heard(recognizer, said, context)
    assert correction_command(text) is None, text
    # Longer than any answer: the voice loop keeps it as more of the reply.
    assert len(text.split()) > MAX_ANSWER_WORDS and "legs" in text.split(), text


def test_a_reading_that_names_a_word_is_heard_again_with_the_replys_words() -> None:
    assert naming_verbs(["the fatigue is bad", "correct fatigue"]) == ("correct", "fix")
    assert naming_verbs(["replace walking", "replace walking in"]) == ("replace",)
    # A reading with "with" may be the whole "replace … with …": never cut to its first part.
    assert naming_verbs(["replace walking talking", "replace walking with talking"]) == ()
    assert naming_verbs(["i replace it", "replace it"]) == ()
    assert "(replace) (legs | walking)" in correct_grammar(["walking", "legs"], ("replace",))
