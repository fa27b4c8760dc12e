"""All of voicepeer's settings: one frozen section per package, read from ``config.toml``.

Each attribute is one ``[section]`` of the file and one package's own settings dataclass;
:mod:`voicepeer.config` maps the file onto these by introspection, so adding a field to a
package's ``settings.py`` is all it takes to make it configurable.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from voicepeer.audio.settings import EarconSettings
from voicepeer.config.settings import GeneralSettings
from voicepeer.forum.settings import ForumSettings
from voicepeer.recognition.settings import BargeInSettings, RecognitionSettings
from voicepeer.speech.settings import SpeechSettings
from voicepeer.speech_models.settings import ModelSettings
from voicepeer.switches.settings import SwitchSettings
from voicepeer.voice.settings import VoiceSettings


@dataclass(frozen=True)
class Settings:
    general: GeneralSettings = field(default_factory=GeneralSettings)
    """Which forum to use, and what the health checks expect."""
    speech: SpeechSettings = field(default_factory=SpeechSettings)
    """How voicepeer sounds: synthesizer, voice, speed and loudness."""
    earcons: EarconSettings = field(default_factory=EarconSettings)
    """The short tones that tell the person what voicepeer is doing."""
    recognition: RecognitionSettings = field(default_factory=RecognitionSettings)
    """Understanding speech: the engine, how long to wait in silence, personal command words."""
    barge_in: BargeInSettings = field(default_factory=BargeInSettings)
    """Interrupting voicepeer by voice while it speaks ("stop", "next", "pause" …)."""
    switches: SwitchSettings = field(default_factory=SwitchSettings)
    """Push-to-talk: a key or accessibility switch to press instead of an open microphone."""
    voice: VoiceSettings = field(default_factory=VoiceSettings)
    """How voicepeer reads posts aloud, asks questions and looks after the person."""
    forum: ForumSettings = field(default_factory=ForumSettings)
    """Talking to the forum: waiting, retrying and caching."""
    models: ModelSettings = field(default_factory=ModelSettings)
    """Which speech recognition model to use and where to get it."""
