"""The bundled engine given no audio at all, or a great deal of it in one piece: heard as
nothing, or decoded, never an exception from PocketSphinx or a crash."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pocketsphinx
import pytest

from tests.support.speech_audio import utterances
from voicepeer.listening import voice_loop_phrasebook
from voicepeer.recognition.arpa import write_arpa
from voicepeer.recognition.base import ListenMode
from voicepeer.recognition.sphinx import SphinxRecognizer, decode_whole
from voicepeer.recognition.sphinx_feed import FEED_BYTES, MAX_WHOLE_BYTES, feed

SENTENCE = "my fatigue is much worse when the weather is hot"


@pytest.fixture(scope="module")
def recognizer() -> Iterator[SphinxRecognizer]:
    engine = SphinxRecognizer(phrasebook=voice_loop_phrasebook())
    yield engine
    engine.close()


def test_pocketsphinx_itself_fails_on_an_empty_buffer() -> None:
    # What the guard is for: if a later PocketSphinx accepts it, the guard can go.
    decoder = pocketsphinx.Decoder(loglevel="FATAL")
    decoder.start_utt()
    with pytest.raises(IndexError):
        decoder.process_raw(b"", False, True)


@pytest.mark.parametrize("mode", list(ListenMode))
def test_an_utterance_with_no_audio_is_heard_as_nothing(
    recognizer: SphinxRecognizer, mode: ListenMode
) -> None:
    recognizer.start(mode)
    recognizer.accept(b"")
    recognizer.accept(b"\x00")  # half a sample
    assert recognizer.finish().text == ""
    recognizer.start(mode)
    assert recognizer.finish().text == ""


def test_decoding_no_audio_hears_nothing(recognizer: SphinxRecognizer) -> None:
    assert decode_whole(recognizer._decoder, "dictation", b"") == ("", 0.0)


@pytest.mark.slow
def test_more_than_a_minute_given_in_one_piece_is_fed_in_pieces_and_heard(
    tmp_path: Path,
) -> None:
    speech = utterances([SENTENCE, 1.0] * 17).tobytes()
    assert len(speech) > MAX_WHOLE_BYTES
    decoder = pocketsphinx.Decoder(lm=None, loglevel="FATAL")
    model = write_arpa([SENTENCE, "my legs are weak when it is hot"], tmp_path / "small.lm")
    decoder.add_lm_file("small", str(model))
    decoder.activate_search("small")
    given: list[int] = []

    class Counting:
        """The real decoder, with the size of every piece it is given noted."""

        def process_raw(self, audio: bytes, no_search: bool, full_utt: bool) -> None:
            given.append(len(audio))
            decoder.process_raw(audio, no_search, full_utt)

    decoder.start_utt()
    feed(Counting(), speech, whole=True)
    decoder.end_utt()
    assert max(given) <= FEED_BYTES and sum(given) == len(speech)
    heard = decoder.hyp().hypstr.split()
    assert heard.count("weather") >= 8, heard


@pytest.mark.slow
def test_a_long_dictation_given_to_the_engine_at_once_is_heard(
    recognizer: SphinxRecognizer,
) -> None:
    speech = utterances([SENTENCE, 1.0] * 17).tobytes()
    recognizer.start(ListenMode.DICTATION)
    recognizer.accept(speech)
    heard = recognizer.finish().text.split()
    assert heard.count("fatigue") >= 8, heard
