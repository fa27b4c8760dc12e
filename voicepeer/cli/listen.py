"""``voicepeer listen``: recognize speech from a WAV file or the microphone, headless.

With ``--json`` each utterance found is one JSON object on its own line: in command mode
``{"intent": name or null, "slots": {...}, "text": "...", "confidence": 0..1}``, in
dictation mode ``{"text": "..."}``. Benchmarks rely on this format.

``--state confirming`` (or ``liking``) hears each utterance exactly as the voice loop does
while it waits for the answer to "Shall I post your reply?" (or "Like this post?"): the
intent is "yes" only for a clear yes, null where the question would be asked again.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from voicepeer.listening import make_interpreter, make_listener
from voicepeer.recognition.base import ListenMode
from voicepeer.recognition.settings import RecognitionSettings
from voicepeer.voice.assistant import ALLOWED, listen_mode
from voicepeer.voice.states import State


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "listen",
        help="recognize commands or dictation from a WAV file or the microphone",
        description=__doc__,
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--wav", type=Path, metavar="FILE", help="WAV file to recognize")
    source.add_argument("--mic", action="store_true", help="listen to the microphone (default)")
    parser.add_argument("--mode", choices=("command", "dictation"), default="command")
    parser.add_argument("--state", choices=("confirming", "liking"), default=None,
                        help="hear answers as the voice loop does when it has asked this "
                             "question (overrides --mode)")
    parser.add_argument("--engine", choices=("sphinx", "vosk"), default=None,
                        help="speech engine (default: Vosk once an English Vosk model is "
                             "installed, PocketSphinx until then)")
    parser.add_argument("--model", type=Path, metavar="PATH",
                        help="Vosk model directory or PocketSphinx acoustic model directory")
    parser.add_argument("--json", action="store_true", help="one JSON object per utterance")
    parser.add_argument("--max-utterances", type=int, default=0, metavar="N",
                        help="stop after N utterances (0: until the input ends)")
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
    listener = make_listener(kind, settings, path=args.wav, engine=args.engine, model=args.model,
                             interpreter=interpreter)
    if kind == "mic" and not args.json:
        print("Listening. Press Ctrl+C to stop.", file=sys.stderr)
    count = 0
    try:
        while (heard := listener.listen(mode, args.state or "")) is not None:
            if mode is ListenMode.DICTATION:
                record: dict[str, Any] = {"text": heard.text}
                line = heard.text or "(nothing recognized)"
            else:
                verdict = (interpreter.answer(heard, ALLOWED[state]) if state is not None
                           else interpreter.command(heard))
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


def _describe(record: dict[str, Any]) -> str:
    text = record["text"] or "(nothing recognized)"
    if record["intent"] is None:
        if record.get("ambiguous"):
            return f"{text!r}: could be {' or '.join(record['ambiguous'])}, would ask"
        return f"{text!r}: not a command"
    slots = "".join(f" {name}={value}" for name, value in record["slots"].items())
    return f"{text!r}: {record['intent']}{slots} (confidence {record['confidence']:.2f})"
