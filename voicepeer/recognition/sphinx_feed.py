"""Giving audio to a PocketSphinx decoder without the input that crashes it.

PocketSphinx raised IndexError when given an empty buffer, and one very large buffer given
at once crashed the process; every piece of audio a decoder gets goes through :func:`feed`.
"""

from __future__ import annotations

from typing import Any

FEED_BYTES = 16_000
"""PocketSphinx is given streamed audio in pieces of at most this many bytes (half a second
at 16 kHz): one very large piece crashed it."""
MAX_WHOLE_BYTES = 60 * 32_000
"""Utterances up to this many bytes (a minute at 16 kHz) are decoded in one piece, with
their own cepstral mean; longer ones are fed in pieces (see :data:`FEED_BYTES`)."""


def feed(decoder: Any, audio: bytes, *, whole: bool = False) -> None:
    """Give ``audio`` (16-bit samples) to ``decoder`` inside an utterance: in one piece as
    the whole utterance when ``whole`` and it is not too long, else in pieces. Nothing is
    given for no audio: PocketSphinx raised IndexError on an empty buffer."""
    audio = audio[: len(audio) - len(audio) % 2]
    if whole and len(audio) <= MAX_WHOLE_BYTES:
        if audio:
            decoder.process_raw(audio, False, True)
        return
    for start in range(0, len(audio), FEED_BYTES):
        decoder.process_raw(audio[start : start + FEED_BYTES], False, False)
