"""Voice training at the microphone: each sentence shown and said aloud, the person says it
back, and what was heard is checked against the sentence before it is kept.

Used by the set-up wizard and by ``voicepeer train-voice``. Nothing is written to disk but
the result: the recordings stay in memory until training is done.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from voicepeer.audio.base import INPUT_SAMPLE_RATE, AudioInput
from voicepeer.errors import VoiceTrainingError
from voicepeer.recognition.voice_training import (
    MIN_RECORDINGS,
    TRAINING_SENTENCES,
    SentenceChecker,
    TrainingRecording,
    describe_result,
    train_voice,
)
from voicepeer.running import voice_loop_is_running
from voicepeer.setup.prompter import Prompter
from voicepeer.setup.service import service_paused
from voicepeer.setup.sound_check import prepare_for_recognizer, record_utterance

TRIES_PER_SENTENCE = 2
"""A sentence that is not matched this many times is skipped: tiring the person out would
cost more than one sentence is worth."""
END_SILENCE_S = 2.5
"""Seconds of quiet that end a sentence: long, for slow speech with pauses."""
MAX_SENTENCE_S = 25.0
"""Longest recording of one sentence, in seconds."""


@dataclass
class TrainingSession:
    io: Prompter
    microphone: AudioInput
    speak: Callable[[str], bool]
    """Say a prompt aloud; False when there is no speaker (the printed prompt stands)."""
    checker: SentenceChecker

    def collect(self, sentences: Sequence[str] = TRAINING_SENTENCES) -> list[TrainingRecording]:
        """Recordings of the sentences the person managed; Ctrl+C ends early, keeping them."""
        kept: list[TrainingRecording] = []
        try:
            for number, sentence in enumerate(sentences, start=1):
                self.io.say()
                self.io.say(f"  Sentence {number} of {len(sentences)}:")
                self.io.say(f'      "{sentence}"')
                recording = self._one(sentence)
                if recording is not None:
                    kept.append(recording)
        except KeyboardInterrupt:
            self.io.say()
            self.io.say(f"  Stopped after {len(kept)} sentences.")
        return kept

    def _one(self, sentence: str) -> TrainingRecording | None:
        for attempt in range(TRIES_PER_SENTENCE):
            self.speak(f"Please say: {sentence}" if attempt == 0 else "Once more, please.")
            self.microphone.discard_pending()  # not the prompt itself
            self.io.say("  Listening...")
            heard = record_utterance(
                self.microphone,
                INPUT_SAMPLE_RATE,
                max_s=MAX_SENTENCE_S,
                end_silence_s=END_SILENCE_S,
            )
            if not heard.heard_speech:
                self.io.say("  I heard nothing. Check the microphone is on.")
                continue
            recording = TrainingRecording(
                sentence, prepare_for_recognizer(heard.pcm, INPUT_SAMPLE_RATE, pad_s=0.3)
            )
            if self.checker.matches(recording):
                self.io.say("  Thank you.")
                return recording
            self.io.say("  I could not follow that one.")
        self.io.say("  Let's leave that one out.")
        return None


def run_voice_training(io: Prompter, device: str, settings: Any) -> str:
    """The whole session at the microphone; returns a sentence saying how it went."""
    from voicepeer.setup.wizard_engines import open_microphone, speak_preview

    io.say(
        f"  I will show and say {len(TRAINING_SENTENCES)} short sentences. After each one, "
        "say it back in your usual way;"
    )
    io.say(
        "  take your time. To stop early press Ctrl+C: once "
        f"{MIN_RECORDINGS} sentences are done, I learn from those."
    )
    with service_paused(io.say):
        if voice_loop_is_running():
            # It would hear the sentences too, and take "yes that is correct" for a yes.
            raise VoiceTrainingError(
                "voicepeer is running in another window: close it (Ctrl+C there) and start "
                "voice training again",
                spoken="I am already running in another window. Please close that one "
                "first, then start voice training again.",
            )
        microphone = open_microphone(device)  # first: without one, nothing else is needed
        try:
            io.say("  Loading the speech model...")
            checker = SentenceChecker()
            session = TrainingSession(
                io, microphone, lambda text: speak_preview(text, settings.speech), checker
            )
            recordings = session.collect()
        finally:
            microphone.close()
        io.say(f"  Learning the voice from {len(recordings)} sentences (a few seconds)...")
        return describe_result(
            train_voice(recordings, settings.recognition.voice_profile, checker=checker)
        )
