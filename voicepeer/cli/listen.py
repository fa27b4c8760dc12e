"""``voicepeer listen``: recognize speech from a WAV file or the microphone, headless.

With ``--json`` each utterance found is one JSON object on its own line: in command mode
``{"intent": name or null, "slots": {...}, "text": "...", "confidence": 0..1}``, in
dictation mode ``{"text": "..."}``. Benchmarks rely on this format.

``--state STATE`` (browsing, reading, dictating, confirming, liking, sleeping … : every
state of the voice loop) decodes and interprets each utterance exactly as the voice loop
does in that state: with that state's command grammar (the other commands as its garbage
path; "reading" as with paragraphs still to come), the commands it understands and what
words mean there ("carry on" reads the next post while reading; asleep only "wake up" or
"resume" wakes voicepeer).
At "Shall I post your reply?" (confirming) the intent is "yes" only for a clear yes, null
where the question would be asked again. In the states where the person dictates
(dictating, composing, naming, titling) each record is ``{"text": "..."}``, with
``"intent"`` added when the whole utterance is an editing command ("send it" → "send").
Talk in the room (a television) taken for speech is dropped, with a line on the error
stream saying so.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from voicepeer.cli import described
from voicepeer.commands.interpreter import Interpreter
from voicepeer.listening import make_interpreter, make_listener
from voicepeer.recognition.base import Heard, ListenMode
from voicepeer.recognition.settings import RecognitionSettings
from voicepeer.voice.state_commands import interpret_in, listen_mode, said_over_words
from voicepeer.voice.states import State


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "listen",
        help="recognize commands or dictation from a WAV file or the microphone",
        description=described(__doc__),
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--wav", type=Path, metavar="FILE", help="WAV file to recognize")
    source.add_argument("--mic", action="store_true", help="listen to the microphone (default)")
    parser.add_argument("--mode", choices=("command", "dictation"), default="command")
    parser.add_argument(
        "--state",
        choices=[s.value for s in State],
        default=None,
        help="hear and understand as the voice loop does in this state (overrides --mode)",
    )
    parser.add_argument(
        "--engine",
        choices=("sphinx", "vosk"),
        default=None,
        help="speech engine (default: Vosk once an English Vosk model is "
        "installed, PocketSphinx until then)",
    )
    parser.add_argument(
        "--model",
        type=Path,
        metavar="PATH",
        help="Vosk model directory or PocketSphinx acoustic model directory",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per utterance")
    parser.add_argument(
        "--max-utterances",
        type=int,
        default=0,
        metavar="N",
        help="stop after N utterances (0: until the input ends)",
    )
    parser.set_defaults(handler=run_listen)


def _settings() -> RecognitionSettings:
    """The configured ``[recognition]`` section, or the defaults."""
    from voicepeer.config.loader import config_path, load_file
    from voicepeer.settings import Settings

    path, _explicit = config_path()
    settings = getattr(load_file(path, Settings), "recognition", None)
    return settings if isinstance(settings, RecognitionSettings) else RecognitionSettings()


def run_listen(args: argparse.Namespace) -> int:
    settings = _settings()
    state = State(args.state) if args.state else None
    mode = listen_mode(state) if state is not None else ListenMode(args.mode)
    kind = "wav" if args.wav is not None else "mic"
    interpreter = make_interpreter(settings)
    listener = make_listener(
        kind, settings, path=args.wav, engine=args.engine, model=args.model, interpreter=interpreter
    )
    if kind == "mic" and not args.json:
        print("Listening. Press Ctrl+C to stop.", file=sys.stderr)
    listener.on_room_talk = _tell_room_talk
    count = 0
    try:
        while (heard := listener.listen(mode, args.state or "")) is not None:
            answers_category = state is State.CATEGORY and not said_over_words(
                state, heard, interpreter
            )
            if mode is ListenMode.DICTATION and not answers_category:
                record: dict[str, Any] = {"text": heard.text}
                action = _editing(heard, state, interpreter)
                if action is not None:
                    record["intent"] = action
                line = heard.text or "(nothing recognized)"
            else:
                # At the question for a category the words are its name unless they are a
                # command there ("number two"): shown as a command, as in the other states.
                verdict = (
                    interpret_in(state, heard, interpreter)
                    if state is not None
                    else interpreter.command(heard)
                )
                command = verdict.command
                record = {
                    "intent": command.intent.value if command else None,
                    "slots": dict(command.slots) if command else {},
                    "text": heard.text,
                    "confidence": round(verdict.confidence if command else heard.confidence, 3),
                }
                if verdict.ambiguous:
                    record["ambiguous"] = [i.value for i in verdict.ambiguous]
                line = _describe(record)
            print(json.dumps(record, ensure_ascii=False) if args.json else line, flush=True)
            count += 1
            if args.max_utterances and count >= args.max_utterances:
                break
    finally:
        listener.close()
    return 0


def _tell_room_talk() -> bool:
    """Say on the error stream (the JSON lines stay as they are) why a long stretch of talk
    was not recognized, as the voice loop tells the person."""
    print(
        "(talk in the room, such as a television, was ignored: from now on only a louder "
        "voice is listened to, until it stops)",
        file=sys.stderr,
    )
    return False  # nothing was played: what the microphone heard meanwhile is kept


def _editing(heard: Heard, state: State | None, interpreter: Interpreter) -> str | None:
    """The editing command a whole dictated utterance is in ``state``, if any."""
    if state is None:
        return None
    said = said_over_words(state, heard, interpreter)
    if said is not None:
        return said.value
    action = interpreter.editing(heard)
    return action.value if action is not None else None


def _describe(record: dict[str, Any]) -> str:
    text = record["text"] or "(nothing recognized)"
    if record["intent"] is None:
        if record.get("ambiguous"):
            return f"{text!r}: could be {' or '.join(record['ambiguous'])}, would ask"
        return f"{text!r}: not a command"
    slots = "".join(f" {name}={value}" for name, value in record["slots"].items())
    return f"{text!r}: {record['intent']}{slots} (confidence {record['confidence']:.2f})"
