"""Tunables for speech recognition and endpointing (``[recognition]`` in the config file).

Defaults are generous on purpose: people with MS often speak slowly, with long pauses
between words, and must not be cut off.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class RecognitionSettings:
    engine: str = field(default="auto", metadata={"choices": ("auto", "sphinx", "vosk")})
    """Speech engine: "sphinx" (bundled English model), "vosk" (needs a Vosk model from
    'voicepeer models download'), or "auto": Vosk once an English Vosk model is installed,
    PocketSphinx until then."""
    model_path: Path | None = None
    """Vosk model directory (with engine "sphinx": a PocketSphinx acoustic model directory);
    empty = the installed or bundled default."""
    voice_profile: Path | None = None
    """Folder of a voice-trained model for the bundled engine (made by 'voicepeer
    train-voice'); empty = the one voice training saved in the data folder, if any."""
    dictation_model: str = field(
        default="peer_support", metadata={"choices": ("peer_support", "general")}
    )
    """PocketSphinx dictation vocabulary: "peer_support" (forum-style replies mixed with
    10,000 words of everyday English) or "general" (the bundled 72,000-word English model)."""
    dictation_lm_path: Path | None = None
    """PocketSphinx language model file for dictation (ARPA or binary); overrides
    dictation_model when set."""
    aliases: Mapping[str, str] = field(default_factory=dict)
    """The caregiver's own words for commands: phrase -> intent name, e.g. "onwards" = "next"."""
    device: str = ""
    """Microphone name or number as PortAudio lists it; empty = the system default."""
    microphone_retry_s: float = field(default=15.0, metadata={"min": 2.0, "max": 600.0})
    """Seconds between looks for a microphone that is missing or stopped working, when
    nobody can type instead (the service): voicepeer starts listening once it is there."""

    command_silence_s: float = field(default=1.2, metadata={"min": 0.5, "max": 5.0})
    """Seconds of silence that end longer speech heard as no command at all (room talk, kept
    apart from the command after it) and an answer not heard whole; short speech not heard
    whole waits unfinished_silence_s when that is longer."""
    complete_silence_s: float = field(default=0.3, metadata={"min": 0.1, "max": 5.0})
    """Seconds of silence after which a command heard whole ("next", "go back") is taken
    at once, when nothing longer would change it."""
    unfinished_silence_s: float = field(default=2.5, metadata={"min": 0.5, "max": 10.0})
    """Seconds of silence that end a command not heard whole yet ("open topic …",
    "search for …", "next" where "next paragraph" can follow, or something misheard so
    far), so slow speech with long pauses is not cut."""
    answer_silence_s: float = field(default=2.5, metadata={"min": 1.0, "max": 10.0})
    """Seconds of silence that end the answer to a question before something others see
    ("Shall I post it?") unless it is a whole answer other than yes ("no", "cancel"). A yes
    is taken only after this much silence, so that "yes … but" or "yes … hang on" said
    after a pause is heard whole, as no yes."""
    dictation_silence_s: float = field(default=2.5, metadata={"min": 1.0, "max": 10.0})
    """Seconds of silence that end a piece of dictation."""
    max_command_s: float = field(default=10.0, metadata={"min": 2.0, "max": 30.0})
    """Longest command in seconds; longer speech is cut here and decoded."""
    background_talk_s: float = field(default=8.0, metadata={"min": 3.0, "max": 30.0})
    """Seconds of speech with hardly a pause, outside dictation, after which it is taken for
    talk in the room (a television, a radio, people talking) and dropped unheard: from
    then on only speech louder than that talk is listened to, until it stops. Shorter than
    max_command_s."""
    max_dictation_s: float = field(default=90.0, metadata={"min": 10.0, "max": 600.0})
    """Longest stretch of dictation in seconds before it is decoded."""
    min_speech_s: float = field(default=0.12, metadata={"min": 0.03, "max": 2.0})
    """Shortest sound in seconds treated as speech (shorter clicks and bumps are ignored)."""
    speech_margin_db: float = field(default=9.0, metadata={"min": 3.0, "max": 30.0})
    """How many decibels above the background noise a sound must be to count as speech."""
    min_speech_level_db: float = field(default=-55.0, metadata={"min": -90.0, "max": -10.0})
    """Quietest level (dB below full scale) ever treated as speech, even in a silent room."""

    noise_suppression: str = field(default="auto", metadata={"choices": ("auto", "on", "off")})
    """Clean the microphone's sound of steady background noise (a fan, the TV) before
    recognizing it: "auto" only when the room is noisy (see noisy_room_db), "on" always,
    "off" never. Suppression costs accuracy on clean speech."""
    noisy_room_db: float = field(default=-50.0, metadata={"min": -90.0, "max": -10.0})
    """Background level (dB below full scale, speech band) above which "auto" suppresses
    noise."""

    min_command_score: float = field(default=80.0, metadata={"min": 0.0, "max": 100.0})
    """Lowest fuzzy match score (0-100) for accepting what was heard as a command."""
    ambiguity_margin: float = field(default=6.0, metadata={"min": 0.0, "max": 50.0})
    """Two commands scoring within this many points are ambiguous: voicepeer asks."""
    min_engine_confidence: float = field(default=0.3, metadata={"min": 0.0, "max": 1.0})
    """Recognizer confidence (0-1) below which an utterance is not taken as a command."""
    wake_min_score: float = field(default=90.0, metadata={"min": 50.0, "max": 100.0})
    """Stricter fuzzy score needed for "wake up" while asleep, so chatter does not wake it."""
    per_state_grammar: bool = False
    """Decode commands with a grammar of what the current state understands (the other
    commands as its garbage path) rather than of every command. Off by default: with the
    bundled model it took less room talk for a command but understood fewer commands
    (see the README's figures)."""
    everyday_wording: bool = True
    """Let the command model hear everyday ways of saying commands ("could you go to the
    next one please", "one more time") besides the command card's wording. Off, the model
    knows only the card's phrasings: for someone who keeps to the card's words, though
    with the bundled model it understood them no better and took more everyday speech for
    another command (see the README's figures)."""

    def __post_init__(self) -> None:
        if self.background_talk_s >= self.max_command_s:
            raise ValueError(
                f"background_talk_s ({self.background_talk_s:g}) must be shorter than "
                f"max_command_s ({self.max_command_s:g}), or talk in the room is cut there "
                "and heard as a command before it can be told apart: lower "
                "background_talk_s or raise max_command_s"
            )


@dataclass(frozen=True)
class BargeInSettings:
    """Interrupting voicepeer by voice while it speaks (``[barge_in]`` in the config file).

    Needs a microphone whose signal has voicepeer's own voice taken out (echo cancellation,
    see 'voicepeer doctor') or headphones. A key or push-to-talk switch stops speech either
    way.
    """

    enabled: bool = True
    """Listen for "stop", "next", "repeat", "pause" and "back" while voicepeer speaks. Turn
    off if voicepeer ever stops by itself, or to use only a key or switch."""
    set_up_echo_cancel: bool = True
    """Load the sound system's echo canceller (PulseAudio/PipeWire module-echo-cancel) when
    voicepeer starts, if none is loaded, and make it the default microphone and speaker."""
    without_echo_cancel: bool = False
    """Listen while speaking even with no echo-cancelled microphone: only with headphones,
    where voicepeer's voice cannot reach the microphone."""
    silence_s: float = field(default=0.35, metadata={"min": 0.2, "max": 2.0})
    """Seconds of silence that end an interrupting command (short, to stop quickly)."""
    max_command_s: float = field(default=1.6, metadata={"min": 0.5, "max": 5.0})
    """Longest interrupting command in seconds; longer speech is room talk, never a command."""
    min_level_db: float = field(default=-42.0, metadata={"min": -70.0, "max": -10.0})
    """Quietest sound (dB below full scale) taken as a person interrupting: stricter than
    when voicepeer is silent, because what the echo canceller leaves of voicepeer's voice
    reaches -55 dB."""
    below_peak_db: float = field(default=18.0, metadata={"min": 6.0, "max": 40.0})
    """Sound more than this many decibels quieter than the loudest part of an utterance is
    left out before it is judged (what remains of voicepeer's own voice around "stop")."""
    min_score: float = field(default=0.6, metadata={"min": 0.0, "max": 1.0})
    """Lowest recognizer score (0-1) at which an interrupting command is taken."""
    grammar_stop_max_s: float = field(default=1.0, metadata={"min": 0.0, "max": 5.0})
    """Longest sound (seconds) taken as "stop" on the five-word grammar's "stop" or "pause"
    alone, when the first decode heard no command but at most two other words: through the
    echo canceller a spoken "stop" is often read as "cold", "look" or "yoga". 0 turns this
    off.
    Only "stop" is taken this way, as a wrong stop is only a pause."""
    hold_speech: bool = True
    """Fall silent (keeping the place) from the first sound that may be a person until it
    is judged, and go on if it was not a command, so a "stop" silences speech at once
    rather than once it has been recognized."""
    hold_unheard_s: float = field(default=0.3, metadata={"min": 0.05, "max": 2.0})
    """Seconds after a sound that held speech back (``hold_speech``) without becoming an
    utterance until speech goes on."""
