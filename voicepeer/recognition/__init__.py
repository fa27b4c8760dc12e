"""Speech recognition: turning what the user says into text.

Engines implement :class:`voicepeer.recognition.engine.Recognizer` (PocketSphinx, bundled;
Vosk, with a downloaded model). :class:`voicepeer.recognition.listener.AudioListener` cuts
microphone or WAV audio into utterances and implements the voice loop's ``Listener``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from voicepeer.recognition.listener import AudioListener
    from voicepeer.recognition.settings import RecognitionSettings


def make_listener(
    kind: str,
    settings: RecognitionSettings | None = None,
    path: Path | str | None = None,
    engine: str | None = None,
    model: Path | None = None,
) -> AudioListener:
    """See :func:`voicepeer.recognition.listener.make_listener` (imported lazily: the
    command matcher imports this package's ``base`` and must not pull in the engines)."""
    from voicepeer.recognition.listener import make_listener as make

    return make(kind, settings, path=path, engine=engine, model=model)


__all__ = ["make_listener"]
