"""Tunable settings of voicepeer's own sounds, loaded from config.toml."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class EarconSettings:
    """The short tones ("earcons") that tell the person what voicepeer is doing."""

    listening_enabled: bool = True
    """Play a soft rising tone when voicepeer is ready to listen."""
    got_it_enabled: bool = True
    """Play a short high blip when voicepeer has heard something."""
    error_enabled: bool = True
    """Play a soft falling tone when voicepeer did not catch what was said."""
    heard_yes_enabled: bool = True
    """Play a soft chime as soon as a yes to "Shall I post it?" (or to liking, sending or
    starting a topic) is heard, while a "… but" can still take it back."""
    volume: float = field(default=0.4, metadata={"min": 0.0, "max": 1.0})
    """Loudness of the tones from 0.0 (silent) to 1.0 (full scale)."""
    sample_rate_hz: int = field(
        default=22_050, metadata={"choices": (16_000, 22_050, 44_100, 48_000)}
    )
    """Sample rate of the tones in hertz; match the speaker's rate to avoid resampling."""
