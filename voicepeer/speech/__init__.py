"""Speech output: turning forum text into speech and playing it.

- :mod:`voicepeer.speech.text`: cooked HTML / markdown to safe, speakable sentences
  (``cooked_to_speech``, ``cooked_paragraphs``, ``markdown_to_speech``, ``plain_to_speech``,
  ``split_sentences``, ``spoken_age``, ``load_lexicon``).
- :mod:`voicepeer.speech.factory`: ``make_speech_output("speaker" | "text" | "wav", ...)``.
- :mod:`voicepeer.speech.streaming`: ``StreamingSpeech``, sentence-streaming speech with
  ``stop``, ``pause`` and ``resume``.
- :mod:`voicepeer.speech.synth`: pyttsx3 and espeak-ng synthesizers rendering to memory.
- :mod:`voicepeer.speech.fallback`: ``FallbackSpeech``, printing once the speaker or the
  synthesizer fails.
- :mod:`voicepeer.speech.controls`: ``VoiceControls`` (faster, slower, louder, quieter),
  holding the speech output the voice loop talks through.
"""
