"""Voice training with CMU's real tools on espeak-ng speech, and the bundled engine using it."""

from __future__ import annotations

import logging
import shutil
import struct
from pathlib import Path

import numpy as np
import pocketsphinx
import pytest

from tests.support.speech_audio import silence, utterances, write_wav
from voicepeer.audio.input import WavFileInput
from voicepeer.errors import VoiceTrainingError
from voicepeer.listening import make_recognizer
from voicepeer.recognition import voice_training
from voicepeer.recognition.base import ListenMode
from voicepeer.recognition.endpointing import trim_silence
from voicepeer.recognition.listener import AudioListener
from voicepeer.recognition.settings import RecognitionSettings
from voicepeer.recognition.sphinx_files import (
    bundled_dictionary,
    bundled_model_dir,
    mixture_weights,
    read_sendump,
    write_mixture_weights,
)
from voicepeer.recognition.voice_profile import (
    check_profile,
    default_profile_path,
    forget_voice,
    usable_profile,
)
from voicepeer.recognition.voice_training import (
    TRAINING_SENTENCES,
    SentenceChecker,
    TrainingRecording,
    train_voice,
)

VOICE = "en-gb+m3"
"""A voice the bundled US model hears badly, so training has something to learn."""
HELD_OUT = (
    "the nurse is coming on tuesday at ten",
    "I will ring my sister later",
    "thank you for sharing your story",
)


def said(text: str, seed: int = 0) -> bytes:
    return bytes(utterances([text, 0.4], voice=VOICE, wpm=145, seed=seed).tobytes())


@pytest.fixture(scope="module")
def checker() -> SentenceChecker:
    return SentenceChecker()


@pytest.fixture(scope="module")
def recordings() -> list[TrainingRecording]:
    return [TrainingRecording(s, said(s, seed)) for seed, s in enumerate(TRAINING_SENTENCES)]


def alignment_scores(model: Path) -> list[float]:
    """How well the model fits held-out sentences of the same voice (higher is better)."""
    decoder = pocketsphinx.Decoder(
        hmm=str(model),
        dict=pocketsphinx.get_model_path("en-us/cmudict-en-us.dict"),
        lm=None,
        loglevel="FATAL",
    )
    scores = []
    for seed, sentence in enumerate(HELD_OUT, start=100):
        decoder.set_align_text(sentence.lower())
        decoder.start_utt()
        decoder.process_raw(trim_silence(said(sentence, seed)), False, True)
        decoder.end_utt()
        scores.append(decoder.hyp().score)
    return scores


def test_bundled_sendump_becomes_mixture_weights(tmp_path: Path) -> None:
    sendump = Path(pocketsphinx.get_model_path("en-us/en-us")) / "sendump"
    quantized = read_sendump(sendump)
    assert quantized.shape[:2] == (3, 128)  # three feature streams, 128 codewords each
    weights = mixture_weights(quantized)
    assert weights.shape == (quantized.shape[2], 3, 128)
    np.testing.assert_allclose(weights.sum(axis=2), 1.0, rtol=1e-5)
    # The most likely codeword is the one with the smallest negative logarithm.
    assert (weights[:, 0, :].argmax(axis=1) == quantized[0].argmin(axis=0)).mean() > 0.99
    out = tmp_path / "mixture_weights"
    write_mixture_weights(weights, out)
    data = out.read_bytes()
    body = data.index(b"endhdr\n") + len(b"endhdr\n")
    assert struct.unpack_from("<I4i", data, body) == (0x11223344, *weights.shape, weights.size)
    assert len(data) == body + 20 + 4 * weights.size


def test_a_damaged_sendump_is_reported(tmp_path: Path) -> None:
    broken = tmp_path / "sendump"
    broken.write_bytes(b"\x05\x00\x00\x00abc")
    with pytest.raises(Exception, match="not a PocketSphinx sendump"):
        read_sendump(broken)


def test_each_recording_also_teaches_the_voice_over_noise(
    recordings: list[TrainingRecording],
) -> None:
    original = recordings[0]
    noisy = voice_training.with_noise(original, seed=3)
    assert noisy.sentence == original.sentence and len(noisy.pcm) == len(original.pcm)
    clean = np.frombuffer(original.pcm, dtype=np.int16).astype(np.float64)
    added = np.frombuffer(noisy.pcm, dtype=np.int16).astype(np.float64) - clean
    speech_rms = np.sqrt(np.mean(clean[np.abs(clean) > 100] ** 2))
    snr_db = 20 * np.log10(speech_rms / np.sqrt(np.mean(added**2)))
    assert abs(snr_db - voice_training.NOISY_COPY_SNR_DB) < 0.5
    assert voice_training.with_noise(original, seed=3) == noisy  # the same every time


def test_the_checker_tells_the_sentence_from_other_speech(
    checker: SentenceChecker, recordings: list[TrainingRecording]
) -> None:
    assert checker.matches(recordings[0])
    assert not checker.matches(TrainingRecording(TRAINING_SENTENCES[5], recordings[0].pcm))
    assert not checker.matches(
        TrainingRecording(TRAINING_SENTENCES[0], bytes(silence(2.0).tobytes()))
    )


def test_each_recording_is_aligned_once(recordings: list[TrainingRecording]) -> None:
    # train_voice checks again what was checked at the microphone: that costs nothing.
    checker = SentenceChecker()
    wrong = TrainingRecording(TRAINING_SENTENCES[5], recordings[0].pcm)
    verdicts = [checker.matches(recordings[0]), checker.matches(wrong)]
    checker._decoder = None  # another alignment would fail
    assert [checker.matches(recordings[0]), checker.matches(wrong)] == verdicts == [True, False]


def test_training_adapts_the_model_to_the_voice(
    checker: SentenceChecker, recordings: list[TrainingRecording], tmp_path: Path
) -> None:
    # One recording of the wrong words, as when someone reads the line below by mistake.
    offered = [*recordings[1:], TrainingRecording(TRAINING_SENTENCES[0], recordings[3].pcm)]
    profile = tmp_path / "profiles" / "voice"
    result = train_voice(offered, profile, checker=checker)
    assert (result.path, result.used, result.offered) == (profile, len(offered) - 1, len(offered))
    assert check_profile(profile)["sentences"] == len(offered) - 1
    before, after = alignment_scores(bundled_model_dir()), alignment_scores(profile)
    assert all(a > b for a, b in zip(after, before, strict=True)), (before, after)
    # Training again replaces the result whole, leaving nothing else behind.
    train_voice(recordings[:8], profile, checker=checker)
    assert check_profile(profile)["sentences"] == 8
    assert [p.name for p in profile.parent.iterdir()] == ["voice"]
    assert forget_voice(profile) and not profile.exists() and not forget_voice(profile)


def test_the_trained_voice_is_used_for_commands(
    checker: SentenceChecker, recordings: list[TrainingRecording], tmp_path: Path
) -> None:
    train_voice(recordings, checker=checker)  # the default place in the data folder
    assert usable_profile(None) == default_profile_path()
    recognizer = make_recognizer(RecognitionSettings(engine="sphinx"))
    assert getattr(recognizer, "voice_profile", None) == default_profile_path()
    wav = write_wav(tmp_path / "command.wav", utterances(["next post", 1.5], voice=VOICE))
    listener = AudioListener(WavFileInput(wav), recognizer)
    heard = listener.listen(ListenMode.COMMAND)
    listener.close()
    assert heard is not None and heard.text == "next post"


def test_training_moved_aside_by_an_interrupted_replacement_comes_back() -> None:
    profile = default_profile_path()
    profile.parent.mkdir(parents=True)
    aside = profile.parent / f".{profile.name}.old-4242"  # save_profile's first rename
    shutil.copytree(bundled_model_dir(), aside)
    (aside / "voicepeer-training.json").write_text('{"sentences": 9}')
    assert usable_profile(None) == profile
    assert check_profile(profile)["sentences"] == 9 and not aside.exists()


def test_too_few_usable_recordings_are_refused_and_nothing_is_saved(
    checker: SentenceChecker, recordings: list[TrainingRecording], tmp_path: Path
) -> None:
    profile = tmp_path / "voice"
    with pytest.raises(VoiceTrainingError) as raised:
        train_voice(recordings[: voice_training.MIN_RECORDINGS - 1], profile, checker=checker)
    assert "at least" in raised.value.spoken
    assert not profile.exists()


def test_missing_tools_say_what_to_install(
    monkeypatch: pytest.MonkeyPatch, recordings: list[TrainingRecording], tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(voice_training, "_SPHINXTRAIN_DIRS", ())
    with pytest.raises(VoiceTrainingError) as raised:
        train_voice(recordings, tmp_path / "voice")
    assert "sphinxtrain" in str(raised.value)
    assert "set-up script" in raised.value.spoken


def test_a_damaged_training_file_is_left_out(
    caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    damaged = default_profile_path()
    shutil.copytree(bundled_model_dir(), damaged)
    (damaged / "voicepeer-training.json").write_text('{"sentences": 18}')
    with (damaged / "means").open("r+b") as means:
        means.truncate(1000)  # as a full disk or a power cut might leave it
    with pytest.raises(VoiceTrainingError) as raised:
        check_profile(damaged)
    assert "damaged" in raised.value.spoken and "means" in str(raised.value)
    with caplog.at_level(logging.WARNING):
        recognizer = make_recognizer(RecognitionSettings(engine="sphinx"))
    assert getattr(recognizer, "voice_profile", "missing") is None
    assert "listening without it" in caplog.text
    assert usable_profile(tmp_path / "nowhere") is None


def test_the_sentences_hold_every_sound_of_the_bundled_model() -> None:
    # Adaptation learns sounds, not words: a sound no sentence has (the "oy" of "choice"
    # and "voice" was missing) is never adapted to the person's voice.
    pronounced: dict[str, list[str]] = {}
    for line in bundled_dictionary().read_text(encoding="utf-8").splitlines():
        word, *phones = line.split()
        pronounced.setdefault(word, phones)
    every = {phone for phones in pronounced.values() for phone in phones}
    said = {
        phone
        for s in TRAINING_SENTENCES
        for word in s.lower().split()
        for phone in pronounced[word]
    }
    assert every - said == set()
