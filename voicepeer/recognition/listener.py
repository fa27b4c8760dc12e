"""Listeners over real audio: a microphone or a WAV file, cut into utterances and decoded."""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Literal

from voicepeer.audio.base import AudioInput
from voicepeer.audio.noise import NoiseSuppressor, suppression_available
from voicepeer.audio.tone_filter import ToneNotch
from voicepeer.audio.vad import neural_detector
from voicepeer.errors import ConfigError
from voicepeer.recognition.base import (
    Completeness,
    Heard,
    ListenMode,
    Phrasebook,
    SwitchPresses,
    switch_press,
)
from voicepeer.recognition.endpointing import (
    FRAME_S,
    TALK_MARGIN_DB,
    Endpointer,
    EndpointSettings,
    Event,
    quietened,
)
from voicepeer.recognition.engine import Recognition, Recognizer
from voicepeer.recognition.settings import RecognitionSettings

log = logging.getLogger(__name__)

HARD_TO_HEAR_COMPLETE_SILENCE_S = 0.45
"""complete_silence_s in a noisy room (background above noisy_room_db) or for speech that
stands less than HARD_TO_HEAR_DB above the speech threshold."""
HARD_TO_HEAR_DB = 20.0
JUDGE_AFTER_S = 0.15
QUIET_CHECK_S = 0.5
"""Seconds heard quiet between two calls of ``on_quiet``."""
"""Seconds of silence after which what was said so far is decoded and judged complete or
not; a complete command then ends when complete_silence_s of silence has been heard."""

ANSWER_TALK_ONSET_S = 0.15
"""In an answer over talk in the room, the seconds before its first loud sound kept as
heard (EndpointSettings.talk_onset_s): with them quietened, "guess" said over a television
was heard as a clear yes. Chosen on the tuning half's answers over a television, while
answers still went on after a pause only 9 dB over the talk: 0.15 s kept 2 of 8 yeses
taken and took no other answer for one; 0.3 s and more took none of the 8; nothing kept
took "guess"."""
LONGEST_COMMAND_SPEECH_S = 1.5
"""Speech (pauses left out) beyond which what one pass heard as no command is taken for room
talk even when another pass, forced to pick a command, picked one."""


def endpoint_settings(settings: RecognitionSettings, mode: ListenMode) -> EndpointSettings:
    command = mode is not ListenMode.DICTATION
    usual = EndpointSettings(
        silence_s=_silence_s(settings, mode),
        max_utterance_s=settings.max_command_s if command else settings.max_dictation_s,
        min_speech_s=settings.min_speech_s,
        speech_margin_db=settings.speech_margin_db,
        min_speech_level_db=settings.min_speech_level_db,
        detector_from_noise_db=settings.noisy_room_db,
        talk_after_s=settings.background_talk_s if command else None,
    )
    if mode is not ListenMode.ANSWER:
        return usual
    # Over talk in the room nothing of an answer may be lost: a quiet "... but" after a
    # yes goes on at the level speech starts at, and the first sound is kept.
    return replace(usual, talk_resume_db=TALK_MARGIN_DB, talk_onset_s=ANSWER_TALK_ONSET_S)


def _silence_s(settings: RecognitionSettings, mode: ListenMode) -> float:
    """Silence that ends an utterance not judged complete at a pause."""
    if mode is ListenMode.DICTATION:
        return settings.dictation_silence_s
    if mode is ListenMode.ANSWER:
        return max(settings.command_silence_s, settings.answer_silence_s)
    return settings.command_silence_s


class AudioListener:
    """Implements the voice loop's ``Listener`` over an :class:`AudioInput`.

    Half-duplex: each :meth:`listen` first drops audio captured while voicepeer was
    speaking. A pause in a command is judged by the recognizer's phrasebook (the
    interpreter's). ``on_partial`` receives the recognizer's partial text as speech goes on
    (for a live caption); ``on_speech_start`` is called when speech begins (for an earcon).
    ``on_answer_pause`` gets the reading of an answer at a pause after which the listener
    waits for more (a yes waits answer_silence_s for a take-back); it returns the pitches of
    any sound it played then, which are filtered out of what is heard after it.
    ``on_room_talk`` is called when talk in the room (a television) was taken for an
    utterance and dropped; it returns whether it spoke (what the microphone heard meanwhile
    is then dropped too). ``on_quiet`` is called every :data:`QUIET_CHECK_S` while nobody
    speaks, nor has begun to: it may say what happened meanwhile, and returns whether it
    spoke (voicepeer's own voice is then dropped as well).
    """

    def __init__(
        self,
        audio_input: AudioInput,
        recognizer: Recognizer,
        settings: RecognitionSettings | None = None,
        *,
        on_partial: Callable[[str], None] | None = None,
        on_speech_start: Callable[[], None] | None = None,
        on_answer_pause: Callable[[Heard], Sequence[float]] | None = None,
        on_room_talk: Callable[[], bool] | None = None,
    ) -> None:
        self.audio_input = audio_input
        self.recognizer = recognizer
        self.settings = settings or RecognitionSettings()
        self._on_partial = on_partial
        self._on_speech_start = on_speech_start
        self.on_answer_pause = on_answer_pause
        self.on_room_talk = on_room_talk
        self.on_quiet: Callable[[], bool] | None = None
        self._endpointer = Endpointer(
            endpoint_settings(self.settings, ListenMode.COMMAND),
            audio_input.sample_rate,
            neural_detector(audio_input.sample_rate),
        )
        self.room_talk = self._endpointer.room
        """Talk in the room as found here (listening while speaking shares it)."""
        self._completeness = recognizer.phrasebook.completeness
        self._in_play: frozenset[str] | None = None
        """Commands that can apply in the context listened in (``Vocabulary.in_play``)."""
        self.last_recognition: Recognition | None = None
        """The engine's full verdict on the last utterance (n-best, rejection)."""
        self._cut_short = False
        self._suppressor: NoiseSuppressor | None = None
        if self.settings.noise_suppression != "off" and suppression_available():
            self._suppressor = NoiseSuppressor()
        self._cleaned: deque[bytes] = deque(maxlen=64)
        """The last frames as cleaned by the suppressor, matching the endpointer's."""
        self.suppressing = False
        """Whether the current utterance is cleaned of noise (see noise_suppression)."""
        self.yes_pressed = threading.Event()
        """Set by the person's yes switch; heard where :attr:`presses` counts it (only a
        press made while listening there)."""
        self.presses = SwitchPresses()
        """Where a press of the yes switch is heard besides a question's answer."""
        self.last_audio: bytes = b""
        """Audio of the last utterance (kept in memory only, never written anywhere)."""

    def listen(self, mode: ListenMode, context: str = "") -> Heard | None:
        if not self._cut_short:
            self.audio_input.discard_pending()
        # else: the last utterance hit the maximum length while the person was still
        # speaking; what they said meanwhile is kept, not dropped.
        self._cut_short = False
        presses = self.presses.count(mode, context)
        if presses:
            self.yes_pressed.clear()
        self._in_play = self.recognizer.phrasebook.command_vocabulary(mode, context).in_play
        endpointer = self._endpointer
        endpointer.settings = endpoint_settings(self.settings, mode)
        endpointer.reset()
        frame_bytes = endpointer.frame_bytes
        last_partial = ""
        judged_pause = complete = False
        held: list[bytes] = []
        """Audio of a judged pause, given to the recognizer only if speech resumes: the
        recognizer's reading of the utterance then still holds when it ends there."""
        notch: ToneNotch | None = None
        """Takes out of the microphone's sound a tone played at a pause in this answer."""
        quiet_frames = 0
        every = max(1, round(QUIET_CHECK_S / FRAME_S))
        while True:
            quiet_frames = quiet_frames + 1 if endpointer.quiet else 0
            if quiet_frames > every:
                quiet_frames = 0
                self._tell_in_quiet(endpointer)
            frame = self.audio_input.read(FRAME_S)
            if presses and self.yes_pressed.is_set():
                return switch_press()
            if not frame:
                if endpointer.in_speech:
                    return self._finish(endpointer, "input ended")
                return None
            if len(frame) < frame_bytes:
                frame += b"\0" * (frame_bytes - len(frame))
            if notch is not None:
                frame = notch.process(frame)
            event, audio = endpointer.feed(frame)
            if event is Event.DROPPED:
                # Talk in the room, not to voicepeer: never decoded (the next start()
                # abandons it), so its sound cannot colour the reading of the next command.
                log.debug("utterance dropped: talk in the room")
                endpointer.settings = endpoint_settings(self.settings, mode)
                judged_pause = complete = False
                held = []
                if self.on_room_talk is not None and self.on_room_talk():
                    self.audio_input.discard_pending()  # voicepeer's own voice
                continue
            audio = self._clean(frame, audio, event is Event.STARTED)
            if event is Event.STARTED:
                self.recognizer.start(mode, context)
                if self._on_speech_start is not None:
                    self._on_speech_start()
            if audio and judged_pause and endpointer.in_speech and endpointer.silence_s > 0:
                held.append(audio)
            elif audio:
                self.recognizer.accept(b"".join(held) + audio)
                held = []
            if event in (Event.ENDED, Event.TRUNCATED):
                self._cut_short = event is Event.TRUNCATED
                return self._finish(endpointer, event.value)
            if mode is not ListenMode.DICTATION and endpointer.in_speech:
                pause = endpointer.silence_s
                if pause == 0.0:
                    judged_pause = complete = False
                elif not judged_pause and pause >= min(JUDGE_AFTER_S, self._complete_silence_s()):
                    # Judged early: decoding takes a while, and is done by the time the
                    # rest of the silence has been heard (a microphone keeps recording).
                    judged_pause = True
                    complete = self._judge_pause(endpointer, mode)
                    if mode is ListenMode.ANSWER and not complete and notch is None:
                        notch = self._answer_paused()
                if complete and pause >= self._complete_silence_s():
                    endpointer.end_now()
                    return self._finish(endpointer, "complete")
            if self._on_partial is not None and endpointer.in_speech:
                partial = self.recognizer.partial()
                if partial != last_partial:
                    last_partial = partial
                    self._on_partial(partial)

    def _answer_paused(self) -> ToneNotch | None:
        """Tell ``on_answer_pause`` what the answer is so far; a filter for the pitches of
        the sound it played, if any, so that sound is not heard as speech."""
        if self.on_answer_pause is None or (reading := self.recognizer.peek()) is None:
            return None
        tones = self.on_answer_pause(reading.as_heard())
        return ToneNotch(tones, self.audio_input.sample_rate) if tones else None

    def _noisy_room(self) -> bool:
        noise = self._endpointer.noise_db
        return noise is not None and noise >= self.settings.noisy_room_db

    def _complete_silence_s(self) -> float:
        # Over loud noise, or in quiet speech, the quiet sounds inside a command
        # ("nex(t p)ost") fall below the speech threshold and look like a pause.
        if self._noisy_room() or self._endpointer.headroom_db < HARD_TO_HEAR_DB:
            return max(self.settings.complete_silence_s, HARD_TO_HEAR_COMPLETE_SILENCE_S)
        return self.settings.complete_silence_s

    def _tell_in_quiet(self, endpointer: Endpointer) -> None:
        """``on_quiet``, after a stretch of :data:`QUIET_CHECK_S` heard quiet; when it
        spoke, what the microphone heard meanwhile (voicepeer's own voice) is dropped."""
        if self.on_quiet is not None and self.on_quiet():
            self.audio_input.discard_pending()
            endpointer.reset()

    def _clean(self, frame: bytes, audio: bytes, started: bool) -> bytes:
        """``audio`` (the endpointer's frames for the recognizer, talk in the room in them
        already quietened) cleaned of noise when the background measured before this
        utterance is loud. The suppressor hears every frame, so its noise estimate is ready
        when speech starts."""
        if self._suppressor is None:
            return audio
        self._cleaned.append(self._suppressor.process(frame))
        if started:
            self.suppressing = self.settings.noise_suppression == "on" or self._noisy_room()
        if not audio or not self.suppressing:
            return audio
        # The same frames, cleaned, with the talk the endpointer found in them quietened.
        endpointer = self._endpointer
        talk = endpointer.started_talk if started else (endpointer.last_frame_talk,)
        cleaned = list(self._cleaned)[-len(talk) :]
        return b"".join(quietened(c, t) for c, t in zip(cleaned, talk, strict=True))

    def _judge_pause(self, endpointer: Endpointer, mode: ListenMode) -> bool:
        """At a pause in a command: True when what was said is a whole command that nothing
        longer would change, and every pass of the engine heard it so (end now). Otherwise
        wait; patiently when what was said is short or any pass heard a command or the start
        of one ("open topic …", "go back" of "go back one", "four" read as "hold" of "hold
        on"), so slow speech with long pauses is not cut."""
        heard = self.recognizer.peek()
        judge = self._completeness.get(mode)
        if judge is None:
            return False
        in_play = self._in_play if mode is ListenMode.COMMAND else None
        readings = [heard.text, *heard.alternatives] if heard is not None else []
        verdicts = [judge.judge(text, in_play) for text in readings]
        if (
            verdicts
            and verdicts[0] is Completeness.COMPLETE
            and heard is not None
            and not heard.out_of_grammar
        ):
            meaning = judge.meaning(heard.text)
            # A pass that heard no command at all ("help" as "undo") does not disagree.
            others = {
                judge.meaning(t)
                for t, v in zip(heard.alternatives, verdicts[1:], strict=True)
                if v is not Completeness.UNKNOWN
            } - {meaning}
            # The command grammar, forced to pick a phrasing, often picks a short answer
            # ("next" as "yep"); a reading that is itself such a word must be agreed on.
            if not others or (
                all(judge.is_short_answer(m) for m in others) and not judge.is_short_answer(meaning)
            ):
                return True
        # Longer speech no pass took for a command ends after the usual silence, so that
        # room talk and the command after it stay apart; short speech may be the misheard
        # start of a slow command, and waits patiently. An answer that is not complete
        # ("yes", which "yes … but" takes back) waits the answer's own silence.
        silence = _silence_s(self.settings, mode)
        # Only a forced reading of the command grammar took longer talk for a command.
        short = endpointer.speech_s <= LONGEST_COMMAND_SPEECH_S
        if mode is ListenMode.COMMAND and (verdicts[:1] != [Completeness.UNKNOWN] or short):
            silence = max(silence, self.settings.unfinished_silence_s)
        endpointer.settings = replace(endpointer.settings, silence_s=silence)
        return False

    def _finish(self, endpointer: Endpointer, why: str) -> Heard:
        self.last_audio = endpointer.take_audio()
        result = self.recognizer.finish()
        self.last_recognition = result
        log.debug(
            "utterance %s: %.1f s, confidence %.2f, out of grammar %s",
            why,
            len(self.last_audio) / 2 / self.audio_input.sample_rate,
            result.confidence,
            result.out_of_grammar,
        )
        return replace(result.as_heard(), over_talk=endpointer.over_talk)

    def use_dictation_context(
        self, sentences: Sequence[str], own_words: Sequence[str] = ()
    ) -> None:
        self.recognizer.use_dictation_context(sentences, own_words)

    def close(self) -> None:
        try:
            self.recognizer.close()
        finally:
            self.audio_input.close()


def make_recognizer(
    settings: RecognitionSettings,
    phrasebook: Phrasebook,
    engine: str | None = None,
    model: Path | None = None,
) -> Recognizer:
    """The configured speech engine (``engine``/``model`` override the settings), decoding
    what the interpreter's ``phrasebook`` says may be said."""
    model_path = model or settings.model_path
    chosen = chosen_engine(settings, engine, model)
    if chosen == "sphinx":
        from voicepeer.recognition.sphinx import SphinxRecognizer
        from voicepeer.recognition.voice_profile import usable_profile

        # The saved training belongs to the bundled model; another model needs its own.
        trained = (
            usable_profile(settings.voice_profile)
            if model_path is None or settings.voice_profile
            else None
        )
        return SphinxRecognizer(
            model_dir=model_path,
            dictation_lm=settings.dictation_lm_path,
            dictation_model=settings.dictation_model,
            phrasebook=phrasebook,
            voice_profile=trained,
        )
    if chosen == "vosk":
        from voicepeer.recognition.vosk_engine import VoskRecognizer, locate_vosk_model

        return VoskRecognizer(locate_vosk_model(model_path), phrasebook=phrasebook)
    raise ConfigError(f'unknown speech engine "{chosen}": use "auto", "sphinx" or "vosk"')


def chosen_engine(
    settings: RecognitionSettings, engine: str | None = None, model: Path | None = None
) -> str:
    """The engine make_recognizer() uses: "auto" means Vosk once a Vosk model is there."""
    chosen = engine or settings.engine
    if chosen == "auto":
        vosk = (model or settings.model_path) is not None or _installed_vosk_model()
        return "vosk" if vosk else "sphinx"
    return chosen


def _installed_vosk_model() -> bool:
    from voicepeer.speech_models.locations import find_vosk_model

    return find_vosk_model() is not None


def make_listener(
    kind: Literal["mic", "wav"] | str,
    settings: RecognitionSettings,
    phrasebook: Phrasebook,
    path: Path | str | None = None,
    engine: str | None = None,
    model: Path | None = None,
) -> AudioListener:
    """An :class:`AudioListener` on the microphone (``"mic"``) or a WAV file (``"wav"``)."""
    from voicepeer.audio.input import SounddeviceInput, WavFileInput

    audio: AudioInput
    if kind == "wav":
        if path is None:
            raise ConfigError("a WAV listener needs the path of a WAV file")
        audio = WavFileInput(Path(path))
    elif kind == "mic":
        device: int | str | None = settings.device or None
        if isinstance(device, str) and device.isdigit():
            device = int(device)
        audio = SounddeviceInput(device=device)
    else:
        raise ConfigError(f'unknown audio source "{kind}": use "mic" or "wav"')
    try:
        recognizer = make_recognizer(settings, phrasebook, engine, model)
    except BaseException:
        audio.close()
        raise
    return AudioListener(audio, recognizer, settings)
