"""Interrupting voicepeer by voice while it speaks ("barge-in").

The voice loop stays sequential: while it speaks, a monitor thread listens on its own
microphone stream (echo-cancelled, see :mod:`voicepeer.audio.echo_cancel`) for the few
interrupting commands. One heard stops speech at once, like a key press, and is handed to
the loop as what the person said next.

From the first sound that may be a person the speaker is held silent (its place kept)
until the sound is judged, as many voice assistants do; speech goes on where it was if it
was not a command. The person hears at once that they were heard: in the virtual room
(scripts/benchlib/barge_in.py) the speaker fell silent before the end of a caught "stop"
rather than ~0.55 s after it, and the rest of the word reached the canceller with no voice
of voicepeer's over it (as many stops were caught either way).

Talk in the room (a television) is found as the command listener finds it; from then on
only a voice louder than it, and only a whole utterance, holds speech back.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable, Sequence

from voicepeer.audio.base import AudioInput
from voicepeer.audio.vad import neural_detector
from voicepeer.errors import VoicepeerError
from voicepeer.recognition.barge_in import BargeInRecognizer, BargeInVerdict
from voicepeer.recognition.base import Heard, Listener, ListenMode
from voicepeer.recognition.endpointing import (
    FRAME_S,
    Endpointer,
    EndpointSettings,
    Event,
    RoomTalk,
)
from voicepeer.recognition.settings import BargeInSettings, RecognitionSettings
from voicepeer.voice.push_to_talk import TrackedSpeech

log = logging.getLogger(__name__)

_IDLE_POLL_S = 0.05
VOICE_STOP_NOTE = (
    "on by default; it falls silent when someone starts to speak and in tests missed "
    "about one in twenty stops said over its speech (a key or switch always stops it; "
    "[barge_in] enabled = false turns it off)"
)
"""What the person and their helper should know about stopping speech by voice (doctor)."""


class BargeInMonitor:
    """Listens while ``speech`` speaks; a command stops it and waits in :meth:`take`."""

    def __init__(
        self,
        audio_input: AudioInput,
        recognizer: BargeInRecognizer,
        speech: TrackedSpeech,
        settings: BargeInSettings | None = None,
        recognition: RecognitionSettings | None = None,
        *,
        on_verdict: Callable[[BargeInVerdict], None] | None = None,
        room: RoomTalk | None = None,
    ) -> None:
        self._input = audio_input
        self._recognizer = recognizer
        self._speech = speech
        self.settings = settings or BargeInSettings()
        levels = recognition or RecognitionSettings()
        self._endpointer = Endpointer(
            EndpointSettings(
                silence_s=self.settings.silence_s,
                # A little past the longest command, so longer talk is cut and dropped.
                max_utterance_s=self.settings.max_command_s + self.settings.silence_s + 0.5,
                min_speech_s=levels.min_speech_s,
                speech_margin_db=levels.speech_margin_db,
                min_speech_level_db=max(levels.min_speech_level_db, self.settings.min_level_db),
                # The detector only tells talk in the room (a television), which would
                # otherwise hold speech back at its every loud phrase; what is speech stays
                # the energy test's, which the interrupting commands were tuned on.
                detector_from_noise_db=math.inf,
                talk_after_s=levels.background_talk_s,
                talk_spans_utterances=True,
            ),
            audio_input.sample_rate,
            neural_detector(audio_input.sample_rate),
            room,
        )
        self.room_talk = self._endpointer.room
        """Talk in the room as found here (shared with the command listener's)."""
        self._held_frames: int | None = None
        """Frames since the sound speech is held for was last speech; None when not held."""
        self._talk_quiet_frames: int | None = None
        """Frames of quiet since talk too long for a command; None when there was none."""
        self._on_verdict = on_verdict
        self._pending: str | None = None
        self._lock = threading.Lock()
        self._closed = threading.Event()
        self.failed: VoicepeerError | None = None
        self.stopped_at: float | None = None
        """time.monotonic() when the last command stopped speech (for measurements)."""
        self.silent_since: float | None = None
        """time.monotonic() from which the speaker was silent for the last command: when
        speech was held for it (see ``hold_speech``), else when it stopped."""
        self._held_since = 0.0
        self.holds = 0
        """How many times speech was held for a sound (for measurements)."""
        self._thread = threading.Thread(target=self._run, name="voicepeer-barge-in", daemon=True)
        self._thread.start()

    def take(self) -> str | None:
        """The command that interrupted speech since the last call, if any."""
        with self._lock:
            pending, self._pending = self._pending, None
        return pending

    def _run(self) -> None:
        try:
            while not self._closed.is_set():
                if not self._speech.speaking.is_set():
                    self._release()
                    self._talk_quiet_frames = None
                    self._input.discard_pending()
                    self._endpointer.reset()
                    self._speech.speaking.wait(_IDLE_POLL_S)
                    continue
                self._listen_once()
        except VoicepeerError as error:
            # Speech still stops with a key or switch; the loop carries on without this.
            log.warning("listening while speaking stopped: %s", error)
            self.failed = error

    def _listen_once(self) -> None:
        frame = self._input.read(FRAME_S)
        if not frame:
            self._closed.set()
            return
        frame_bytes = self._endpointer.frame_bytes
        if len(frame) < frame_bytes:
            frame += b"\0" * (frame_bytes - len(frame))
        event, _ = self._endpointer.feed(frame)
        if self._talk_quiet_frames is not None:
            self._follow_talk(event)
            return
        self._hold_while_heard(event)
        if event is Event.TRUNCATED:
            self._endpointer.take_audio()  # too long for a command: talk
            log.debug("heard over speech: talk too long for a command")
            self._release()
            self._talk_quiet_frames = 0
        elif event is Event.ENDED:
            verdict = self._recognizer.judge(self._endpointer.take_audio())
            log.debug(
                "heard over speech: %r / %r (%.2f) -> %s",
                verdict.reading,
                verdict.grammar,
                verdict.score,
                verdict.command,
            )
            if self._on_verdict is not None:
                self._on_verdict(verdict)
            if verdict.command is not None and self._speech.speaking.is_set():
                with self._lock:
                    self._pending = verdict.command
                self._speech.stop()
                self.stopped_at = time.monotonic()
                held = self._held_frames is not None
                self.silent_since = self._held_since if held else self.stopped_at
            self._release()

    def _follow_talk(self, event: Event) -> None:
        """After speech too long for a command, everything up to the next pause of
        ``silence_s`` is the rest of that talk: its last words ("... looks cold") are never
        judged on their own."""
        if event in (Event.ENDED, Event.TRUNCATED):
            self._endpointer.take_audio()
        quiet = self._talk_quiet_frames or 0
        self._talk_quiet_frames = 0 if self._endpointer.last_frame_speech else quiet + 1
        if self._talk_quiet_frames * FRAME_S >= self.settings.silence_s:
            self._talk_quiet_frames = None

    def _hold_while_heard(self, event: Event) -> None:
        """Hold speech back from the first frame that sounds like a person until their
        utterance is judged, so the rest of a "stop" reaches the decoder without
        voicepeer's voice over it; a sound that never becomes an utterance releases it
        after ``hold_unheard_s``."""
        if not self.settings.hold_speech:
            return
        if self._held_frames is None:
            # Over talk in the room its loud syllables pass for a first sound now and then:
            # there only an utterance holds speech back.
            if self._endpointer.talk_db is not None:
                heard = event is Event.STARTED
            else:
                heard = self._endpointer.last_frame_speech
            if heard:
                self._speech.hold(True)
                self._held_since = time.monotonic()
                self.holds += 1
                self._held_frames = 0
            return
        self._held_frames = 0 if self._endpointer.in_speech else self._held_frames + 1
        if event is Event.NONE and self._held_frames * FRAME_S >= self.settings.hold_unheard_s:
            self._release()

    def _release(self) -> None:
        if self._held_frames is not None:
            self._speech.hold(False)
            self._held_frames = None

    def close(self) -> None:
        self._closed.set()
        self._thread.join(timeout=5)
        self._release()  # speech outlives listening
        self._input.close()


class BargeInListener:
    """A Listener that first answers with the command that interrupted speech, if any."""

    def __init__(self, inner: Listener, monitor: BargeInMonitor) -> None:
        self._inner = inner
        self.monitor = monitor

    def listen(self, mode: ListenMode, context: str = "") -> Heard | None:
        command = self.monitor.take() if mode is ListenMode.COMMAND else None
        if command is not None:
            return Heard(command, 0.9)
        return self._inner.listen(mode, context)

    def use_dictation_context(
        self, sentences: Sequence[str], own_words: Sequence[str] = ()
    ) -> None:
        self._inner.use_dictation_context(sentences, own_words)

    def close(self) -> None:
        """Stop listening while speaking; the inner listener belongs to whoever opened it."""
        self.monitor.close()


def open_barge_in(
    inner: Listener,
    speech: TrackedSpeech,
    settings: BargeInSettings,
    recognition: RecognitionSettings,
    room: RoomTalk | None = None,
) -> BargeInListener | None:
    """Listening while speaking on the configured microphone, or None when it is off or
    would hear voicepeer's own voice (no echo canceller in use and no headphones).
    ``room``: talk in the room as the listener of ``inner`` finds it, shared."""
    from voicepeer.audio.echo_cancel import ENABLE_HINT, echo_cancel_status
    from voicepeer.audio.input import SounddeviceInput

    if not settings.enabled:
        return None
    if not settings.without_echo_cancel and not echo_cancel_status().in_use:
        log.info("not listening while speaking: no echo-cancelled microphone (%s)", ENABLE_HINT)
        return None
    device: int | str | None = recognition.device or None
    if isinstance(device, str) and device.isdigit():
        device = int(device)
    try:
        recognizer = BargeInRecognizer(settings)
        audio_input = SounddeviceInput(device=device)
    except VoicepeerError as error:
        log.warning("not listening while speaking: %s", error)
        return None
    return BargeInListener(
        inner, BargeInMonitor(audio_input, recognizer, speech, settings, recognition, room=room)
    )
