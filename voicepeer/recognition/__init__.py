"""Speech recognition: turning what the user says into text.

Engines implement :class:`voicepeer.recognition.engine.Recognizer` (PocketSphinx, bundled;
Vosk, with a downloaded model) and decode with the phrasebook the interpreter
(:mod:`voicepeer.commands`) gives them; what a reading means is never decided here.
:class:`voicepeer.recognition.listener.AudioListener` cuts microphone or WAV audio into
utterances and implements the voice loop's ``Listener``; ``voicepeer.listening`` builds
one with the interpreter's phrasebook.
"""
