"""A clear yes before anything public: the acceptance rule, and answers spoken through the
real bundled engine exactly as the voice loop hears them while it waits for the answer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.benchlib._asr_data import Condition, Item, render
from tests.support.speech_audio import utterances, write_wav
from voicepeer.audio.input import WavFileInput
from voicepeer.commands import Intent
from voicepeer.commands.completeness import CompletenessJudge
from voicepeer.commands.consent import MIN_YES_CONFIDENCE
from voicepeer.commands.interpreter import Interpreter
from voicepeer.listening import voice_loop_phrasebook
from voicepeer.recognition.base import Completeness, Heard, ListenMode
from voicepeer.recognition.listener import AudioListener
from voicepeer.recognition.settings import RecognitionSettings
from voicepeer.recognition.sphinx import SphinxRecognizer
from voicepeer.voice.assistant import ALLOWED, listen_mode
from voicepeer.voice.states import State

INTERPRETER = Interpreter()
CONFIRMING = ALLOWED[State.CONFIRMING]
LIKING = ALLOWED[State.LIKING]


def intent(heard: Heard, allowed: frozenset[Intent] = CONFIRMING) -> Intent | None:
    command = INTERPRETER.answer(heard, allowed).command
    return command.intent if command else None


@pytest.mark.parametrize("text", ["yes", "Yes.", "yes please"])
def test_a_clear_confident_yes_is_yes(text: str) -> None:
    assert intent(Heard(text, 0.95)) is Intent.YES
    assert intent(Heard(text, 0.95), LIKING) is Intent.YES


@pytest.mark.parametrize(
    "text",
    [
        "yeah",
        "yep",
        "okay",
        "yes but",
        "yes and no",
        "yes wait",
        "hang on",
        "send it",
        "next",
        "like this post",
        "the weather will be wet tomorrow",
        "",
    ],
)
def test_anything_else_is_never_yes(text: str) -> None:
    assert intent(Heard(text, 1.0)) is not Intent.YES
    assert intent(Heard(text, 1.0), LIKING) is not Intent.YES


def test_a_wish_for_a_moment_is_no_answer_and_is_known_as_one() -> None:
    for said in ("wait", "hang on", "just a moment", "give me a minute", "let me think"):
        assert intent(Heard(said, 1.0), frozenset({Intent.YES, Intent.NO})) is None, said
        assert INTERPRETER.asks_for_time(Heard(said, 1.0)), said
    assert not INTERPRETER.asks_for_time(Heard("yes but wait", 1.0))


def test_an_interruption_pauses_where_the_question_allows_it_but_thinking_does_not() -> None:
    for said in ("wait", "hang on", "hold on a second", "one moment", "just a second"):
        assert intent(Heard(said, 1.0)) is Intent.PAUSE, said
    for said in ("let me think", "let me see", "yes wait", "hang on yes"):
        assert intent(Heard(said, 1.0)) is not Intent.PAUSE, said


def test_an_unsure_yes_is_asked_again_not_guessed() -> None:
    verdict = INTERPRETER.answer(Heard("yes", MIN_YES_CONFIDENCE - 0.01), CONFIRMING)
    assert verdict.command is None and not verdict.ambiguous


def test_a_yes_needs_every_decoding_pass_to_agree() -> None:
    assert intent(Heard("yes", 0.99, passes=("yes",))) is Intent.YES
    assert intent(Heard("yes", 0.99, passes=("yes but",))) is None


@pytest.mark.parametrize(
    ("heard", "why"),
    [
        (Heard("yes", 0.41), "'yes' heard with confidence 0.41, under 0.6"),
        (Heard("yes", 0.99, passes=("yeah",)), "'yes' another reading of it was 'yeah'"),
        (Heard("yeah", 1.0), "'yeah' starts like a yes but is not a clear yes"),
        (Heard("the kettle is on", 0.8), "'the kettle is on' is none of the answers"),
        (Heard("", 0.0), "nothing clear was heard"),
    ],
)
def test_the_transcript_says_why_an_answer_was_asked_again(heard: Heard, why: str) -> None:
    assert intent(heard) is None
    assert INTERPRETER.why_no_answer(heard).startswith(why)


def test_a_yes_like_sound_is_not_taken_for_another_answer() -> None:
    assert intent(Heard("yeah no", 1.0)) is None


def test_other_answers_are_understood_where_the_question_allows_them() -> None:
    assert intent(Heard("no", 0.9)) is Intent.NO
    assert intent(Heard("cancel", 0.9)) is Intent.CANCEL
    assert intent(Heard("read it back", 0.9)) is Intent.READ_BACK
    assert intent(Heard("help", 0.9)) is Intent.HELP
    assert intent(Heard("read it back", 0.9), LIKING) is None


@pytest.mark.parametrize("text", ["cancel", "never mind", "forget it"])
def test_cancel_is_the_no_of_a_question_without_a_cancel(text: str) -> None:
    # "Like this post?" - "never mind" was asked again; where cancel has a meaning of its
    # own (a reply put aside), it keeps it.
    assert intent(Heard(text, 0.9), LIKING) is Intent.NO
    assert intent(Heard(text, 0.9), ALLOWED[State.DELETING_POST]) is Intent.NO
    assert intent(Heard(text, 0.9)) is Intent.CANCEL


@pytest.mark.parametrize(
    "text",
    ["don't post it", "don't send it", "no wait", "let me change it", "let me add something"],
)
def test_a_no_in_everyday_words_is_no(text: str) -> None:
    # They were asked again ("Please say yes or no"): a clear no, said with more words.
    assert intent(Heard(text, 0.9)) is Intent.NO


def test_the_yes_switch_is_yes_only_where_yes_is_an_answer() -> None:
    assert intent(Heard("", 1.0, by_switch=True)) is Intent.YES
    assert intent(Heard("", 1.0, by_switch=True), frozenset({Intent.NO})) is None


def test_questions_before_posting_and_liking_listen_for_answers() -> None:
    assert listen_mode(State.CONFIRMING) is ListenMode.ANSWER
    assert listen_mode(State.LIKING) is ListenMode.ANSWER
    assert listen_mode(State.READING) is ListenMode.COMMAND
    assert listen_mode(State.DICTATING) is ListenMode.DICTATION


@pytest.fixture(scope="module")
def recognizer() -> Iterator[SphinxRecognizer]:
    engine = SphinxRecognizer(phrasebook=voice_loop_phrasebook())
    yield engine
    engine.close()


def answers(
    recognizer: SphinxRecognizer, path: Path, allowed: frozenset[Intent]
) -> list[tuple[str, Intent | None]]:
    listener = AudioListener(WavFileInput(path), recognizer, RecognitionSettings())
    found = []
    while (heard := listener.listen(ListenMode.ANSWER)) is not None:
        found.append((heard.text, intent(heard, allowed)))
    return found


PAST_ANSWER_S = RecognitionSettings().answer_silence_s + 0.5
"""A pause after which the next answer is a new one."""

# ("guess" is measured by scripts/benchlib/consent.py, not here: in espeak-ng's Scottish
# voice, after other speech, the bundled model hears it as "yes" down to its sounds.)
NOT_YES_SPOKEN = [
    "yeah",
    "send it",
    "yes but",
    "hang on",
    "yes wait",
    "yes and no",
    "yep",
    "next post",
    "like this post",
    "okay",
    "I went to the shop this morning and it was busy",
    "did you feed the cat",
]


@pytest.mark.parametrize("voice", ["en-us", "en-gb-scotland"])
def test_spoken_near_yes_commands_and_room_talk_give_no_yes(
    recognizer: SphinxRecognizer, tmp_path: Path, voice: str
) -> None:
    parts: list[str | float] = []
    for text in NOT_YES_SPOKEN:
        parts += [text, PAST_ANSWER_S]
    path = write_wav(tmp_path / "not-yes.wav", utterances(parts, voice=voice))
    for allowed in (CONFIRMING, LIKING):
        heard = answers(recognizer, path, allowed)
        assert len(heard) >= len(NOT_YES_SPOKEN) - 2, heard
        assert [h for h in heard if h[1] is Intent.YES] == []


@pytest.mark.parametrize("voice", ["en-us", "en-gb-scotland"])
def test_a_spoken_yes_is_yes_and_a_spoken_no_is_no(
    recognizer: SphinxRecognizer, tmp_path: Path, voice: str
) -> None:
    path = write_wav(
        tmp_path / "answers.wav",
        utterances(
            ["yes", PAST_ANSWER_S, "yes please", PAST_ANSWER_S, "no", 2.0, "cancel", 2.0],
            voice=voice,
        ),
    )
    assert [i for _, i in answers(recognizer, path, CONFIRMING)] == [
        Intent.YES,
        Intent.YES,
        Intent.NO,
        Intent.CANCEL,
    ]


@pytest.mark.parametrize(
    ("voice", "first", "then"),
    [
        ("en-us", "yes", "but"),
        ("en-gb-scotland", "yes", "but"),
        ("en-us", "yes please", "hang on"),
        ("en-gb", "yes", "no wait"),
    ],
)
def test_a_yes_taken_back_after_a_long_pause_is_no_yes(
    recognizer: SphinxRecognizer, tmp_path: Path, voice: str, first: str, then: str
) -> None:
    # Longer than command_silence_s, which once ended the answer after "yes" (espeak-ng
    # adds about 0.35 s of its own).
    pause = 1.5
    assert pause > RecognitionSettings().command_silence_s
    path = write_wav(
        tmp_path / "taken-back.wav", utterances([first, pause, then, 1.0], voice=voice)
    )
    for allowed in (CONFIRMING, LIKING):
        heard = answers(recognizer, path, allowed)
        assert [h for h in heard if h[1] is Intent.YES] == []
        assert len(heard) == 1, heard  # heard whole, as one answer


@pytest.mark.parametrize("voice", ["en-us", "en-gb-scotland"])
def test_a_plain_yes_followed_by_silence_is_yes(
    recognizer: SphinxRecognizer, tmp_path: Path, voice: str
) -> None:
    path = write_wav(tmp_path / "yes.wav", utterances(["yes", PAST_ANSWER_S], voice=voice))
    assert answers(recognizer, path, CONFIRMING) == [("yes", Intent.YES)]


def test_a_yes_is_never_a_whole_answer_at_a_pause() -> None:
    judge = CompletenessJudge.for_answers()
    assert judge.judge("yes") is Completeness.UNFINISHED
    assert judge.judge("yes please") is Completeness.UNFINISHED
    assert judge.judge("no") is Completeness.COMPLETE


LOUD_NOISE = Condition("noisy", 130, snr_db=5.0)
"""Steady pink noise 5 dB below the voice: the tuning split's loudest room."""


def noisy_answer(tmp_path: Path, text: str, voice: str, seed: int) -> Path:
    item = Item("yes", text, voice, LOUD_NOISE, seed=seed)
    return write_wav(tmp_path / "noisy.wav", render(item))


@pytest.mark.parametrize(("voice", "seed"), [("en-gb+croak", 199), ("en-gb+f1", 221)])
def test_yes_please_in_loud_noise_is_yes(
    recognizer: SphinxRecognizer, tmp_path: Path, voice: str, seed: int
) -> None:
    # Read right, but the noise buries the hiss of "yes" and sounds like a consonant
    # before it: "please", read as surely, is the evidence that makes up for it.
    path = noisy_answer(tmp_path, "yes please", voice, seed)
    assert answers(recognizer, path, CONFIRMING) == [("yes please", Intent.YES)]


@pytest.mark.parametrize(("voice", "seed"), [("en-gb+croak", 199), ("en-gb+f1", 221)])
@pytest.mark.parametrize("text", ["yeah please", "yep please", "yeah", "yet", "yes but"])
def test_near_yes_in_the_same_noise_is_no_yes(
    recognizer: SphinxRecognizer, tmp_path: Path, voice: str, seed: int, text: str
) -> None:
    # "yeah please" is often read as "yes please" here; it has no s to hiss.
    path = noisy_answer(tmp_path, text, voice, seed)
    heard = answers(recognizer, path, CONFIRMING)
    assert heard and [h for h in heard if h[1] is Intent.YES] == []
