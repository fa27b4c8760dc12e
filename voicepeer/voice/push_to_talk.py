"""Push-to-talk around the voice loop: listen only when the switch says so, and let any
press stop speech at once.

The switch and the speech run on their own threads; the loop itself stays half-duplex and
sequential — it waits here for the switch before it listens.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from voicepeer.recognition.base import (
    Heard,
    Listener,
    ListenMode,
    SwitchPresses,
    switch_press,
)
from voicepeer.speech.base import SpeechOutput
from voicepeer.switches import PushToTalk, Switch, SwitchSettings, normalize_key


class TrackedSpeech:
    """A SpeechOutput that knows whether it is speaking, so a press can stop it."""

    def __init__(self, inner: SpeechOutput) -> None:
        self._inner = inner
        self.speaking = threading.Event()

    def say(self, text: str) -> None:
        self.speaking.set()
        try:
            self._inner.say(text)
        finally:
            self.speaking.clear()

    def stop(self) -> None:
        self._inner.stop()

    def take_interruption(self) -> bool:
        return self._inner.take_interruption()

    def hold(self, held: bool) -> None:
        """Keep the speaker silent while ``held`` and go on from the same place after, where
        the speech output plays to a speaker (a printed one has nothing to hold)."""
        hold = getattr(self._inner, "hold", None)
        if hold is not None:
            hold(held)

    def set_voice(self, *, rate_wpm: int, volume: float) -> None:
        self._inner.set_voice(rate_wpm=rate_wpm, volume=volume)

    def close(self) -> None:
        self._inner.close()


class PushToTalkListener:
    """A Listener that waits for the switch before listening. In tap mode one press is one
    utterance; in hold mode listening lasts while the switch is held. ``yes_pressed`` is the
    inner listener's own (see AudioListener): a yes switch also answers there, and is
    heard where ``presses`` counts it."""

    def __init__(
        self,
        inner: Listener,
        switch: Switch,
        settings: SwitchSettings,
        speech: TrackedSpeech,
        *,
        yes_pressed: threading.Event | None = None,
        presses: SwitchPresses | None = None,
    ) -> None:
        self._inner = inner
        self._yes = yes_pressed
        self._presses = presses or SwitchPresses()
        self.push_to_talk = PushToTalk(
            switch,
            settings,
            is_speaking=speech.speaking.is_set,
            on_stop_speech=speech.stop,
            on_yes=self._yes.set if self._yes else None,
        )
        self.push_to_talk.start()

    def listen(self, mode: ListenMode, context: str = "") -> Heard | None:
        ptt = self.push_to_talk
        yes = self._yes if self._presses.count(mode, context) else None
        if yes is not None:
            yes.clear()  # only a press made while listening here counts
        while not ptt.wait_for_listening(timeout_s=0.2):
            if ptt.failed is not None:
                raise ptt.failed
            if yes is not None and yes.is_set():
                return switch_press()
        heard = self._inner.listen(mode, context)
        if not ptt.hold_mode:
            ptt.stop_listening()
        return heard

    def use_dictation_context(
        self, sentences: Sequence[str], own_words: Sequence[str] = ()
    ) -> None:
        self._inner.use_dictation_context(sentences, own_words)

    def close(self) -> None:
        """Release the switch; the inner listener belongs to whoever opened it."""
        self.push_to_talk.close()


class StopKey:
    """With an open microphone (no push-to-talk), any key pressed in voicepeer's terminal
    still stops speech at once."""

    def __init__(
        self,
        switch: Switch,
        speech: TrackedSpeech,
        *,
        yes_key: str = "",
        yes_pressed: threading.Event | None = None,
    ) -> None:
        self._switch = switch
        self._speech = speech
        self._yes_key = normalize_key(yes_key) if yes_key else None
        self._yes_pressed = yes_pressed
        switch.start(self._pressed)

    def _pressed(self, key: str) -> None:
        if key == self._yes_key and self._yes_pressed is not None:
            self._yes_pressed.set()
        elif self._speech.speaking.is_set():
            self._speech.stop()

    def close(self) -> None:
        self._switch.close()
