"""What the interpreter tells recognizers may be said: phrases, numbers, answers, and its
test of a reading per context."""

from __future__ import annotations

from voicepeer.commands.intents import PHRASINGS, Intent
from voicepeer.commands.interpreter import Interpreter
from voicepeer.listening import voice_loop_phrasebook
from voicepeer.number_words import spoken_numbers
from voicepeer.recognition.base import ListenMode
from voicepeer.voice.state_commands import ALLOWED, LAST_PARAGRAPH, listen_mode

PHRASEBOOK = Interpreter({"onward please": Intent.NEXT}).phrasebook(
    {"sleeping": {Intent.WAKE, Intent.RESUME}}, {"liking": {Intent.YES, Intent.NO}}
)


def test_spoken_numbers_go_to_ninety_nine() -> None:
    numbers = spoken_numbers()
    assert len(numbers) == 99
    assert numbers[0] == "one" and numbers[20] == "twenty one" and numbers[-1] == "ninety nine"


def test_every_command_has_its_phrasings_aliases_and_numbers() -> None:
    commands = PHRASEBOOK.commands[""]
    assert {"next post", "onward please", "go to sleep"} <= set(commands.phrases)
    assert commands.number_prefixes == (*PHRASINGS[Intent.OPEN], *PHRASINGS[Intent.VOTE])
    assert "search for" in commands.text_prefixes and "message" in commands.text_prefixes
    sentences = set(commands.sentences)
    for intent in Intent:
        assert any(s.startswith(PHRASINGS[intent][0]) for s in sentences), intent
    assert "open topic ninety nine" in sentences
    assert "vote for choice two" in sentences and "vote for" not in sentences


def test_a_context_has_only_its_own_commands() -> None:
    asleep = PHRASEBOOK.commands["sleeping"]
    assert set(asleep.phrases) == {*PHRASINGS[Intent.WAKE], *PHRASINGS[Intent.RESUME]}
    assert asleep.accepts("wake up")
    assert not asleep.accepts("next post")
    assert PHRASEBOOK.commands[""].accepts("next post")
    assert PHRASEBOOK.command_vocabulary(ListenMode.COMMAND, "unknown") is PHRASEBOOK.commands[""]


def test_a_narrowed_context_keeps_the_other_commands_as_its_garbage_path() -> None:
    asleep = PHRASEBOOK.commands["sleeping"]
    assert "next post" in asleep.other and "wake up" not in asleep.other
    # Its own phrasings weigh more than the garbage in its model.
    assert asleep.sentences.count("wake up") > asleep.sentences.count("next post") > 0
    assert asleep.in_play == {"wake", "resume"}
    assert not asleep.accepts("next post")


def test_a_context_not_narrowed_is_decoded_as_every_command() -> None:
    phrasebook = Interpreter().phrasebook({"sleeping": {Intent.WAKE}}, narrow=False)
    asleep, every = phrasebook.commands["sleeping"], phrasebook.commands[""]
    assert (asleep.phrases, asleep.sentences, asleep.other) == (
        every.phrases,
        every.sentences,
        every.other,
    )
    assert asleep.in_play == {"wake"}


def test_the_voice_loop_has_a_context_per_state_that_listens_for_commands() -> None:
    commands = voice_loop_phrasebook().commands
    for state, intents in ALLOWED.items():
        if listen_mode(state) is ListenMode.COMMAND:
            assert commands[state.value].in_play == {i.value for i in intents}, state
        else:
            assert state.value not in commands
    # At the last paragraph "next paragraph" is still understood, but cannot follow "next".
    last, reading = commands[LAST_PARAGRAPH], commands["reading"]
    assert last.phrases == reading.phrases and reading.in_play is not None
    assert last.in_play == reading.in_play - {"next_paragraph"}
    assert last.accepts("next paragraph")


def test_a_number_alone_is_refused_not_taken() -> None:
    commands = PHRASEBOOK.commands[""]
    assert commands.refuses("thirty nine") and not commands.accepts("thirty nine")
    assert commands.accepts("open topic thirty nine") and not commands.refuses("next")


def test_answers_hear_near_yes_sounds_as_what_they_are() -> None:
    answers = PHRASEBOOK.command_vocabulary(ListenMode.ANSWER, "liking")
    assert {"yes", "yes please", "no"} <= set(answers.phrases)
    assert {"yeah", "yes but", "next post"} <= set(answers.other)
    assert "yeah" not in answers.phrases
    assert answers.accepts("yes") and not answers.accepts("yeah")
    assert answers.accepts("never mind")  # the no of a question without a cancel
    assert not answers.accepts("read it back")  # not an answer to "Like this post?"
    # The answers weigh more than the rest in the answer model.
    assert answers.sentences.count("yes") > answers.sentences.count("yeah")


def test_dictation_commands_are_told_with_their_tests() -> None:
    assert "scratch that" in PHRASEBOOK.editing.phrases
    assert PHRASEBOOK.editing.accepts("scratch that")
    assert not PHRASEBOOK.editing.accepts("I will scratch that itch tomorrow")
    assert PHRASEBOOK.correction.accepts("none of those")
    assert "correct fatigue" in PHRASEBOOK.correction_sentences(["fatigue"])
