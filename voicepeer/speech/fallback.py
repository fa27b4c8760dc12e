"""Speech that carries on in print when the speaker or the synthesizer gives out."""

from __future__ import annotations

import logging
from collections.abc import Callable

from voicepeer.errors import AudioDeviceError, SpeechEngineError, VoicepeerError
from voicepeer.speech.base import SpeechOutput
from voicepeer.speech.printed import PrintedSpeech

log = logging.getLogger(__name__)


class FallbackSpeech:
    """Speaks through ``primary`` until it fails once, then prints for good.

    The person still gets every word, and reads once what happened, in the words
    ``explain`` gives (the dialogue's, see voice.error_phrases). Being one object,
    everything that holds it (the voice loop, its voice controls, the forum's "still
    waiting") moves to print together.
    """

    def __init__(
        self,
        primary: SpeechOutput,
        explain: Callable[[VoicepeerError], str],
        printed: PrintedSpeech | None = None,
    ) -> None:
        self._primary = primary
        self._explain = explain
        self._printed = printed or PrintedSpeech()
        self._active: SpeechOutput = primary

    def say(self, text: str) -> None:
        if self._active is self._primary:
            try:
                self._primary.say(text)
                return
            except (AudioDeviceError, SpeechEngineError) as error:
                log.warning("speech output failed, printing instead: %s", type(error).__name__)
                self._active = self._printed
                self._printed.say(self._explain(error))
        self._printed.say(text)

    def stop(self) -> None:
        self._active.stop()

    def hold(self, held: bool) -> None:
        hold = getattr(self._active, "hold", None)
        if hold is not None:
            hold(held)

    def take_interruption(self) -> bool:
        return self._active.take_interruption()

    def set_voice(self, *, rate_wpm: int, volume: float) -> None:
        self._active.set_voice(rate_wpm=rate_wpm, volume=volume)

    def close(self) -> None:
        self._primary.close()
        self._printed.close()
