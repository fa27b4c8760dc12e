"""Speech recognition figures over synthetic speech (see scripts.benchlib._asr_data.py).

``run()`` (part of ``scripts/bench --json``) decodes a small subset with the bundled engine:
- asr_engine_start_s: seconds to load the bundled engine with all its searches, part of
  the wait before voicepeer first listens;
- asr_rtf_command: decoding time / audio time for commands (endpointing, grammar pass and
  the free second reading used for rejection);
- asr_rtf_dictation: the same for dictation;
- asr_intent_accuracy_subset: share of the subset's commands understood correctly;
- asr_false_accept_subset: share of the subset's room chatter taken for a command;
- voice_training_s: seconds to learn one voice from the 18 training sentences, already
  checked one by one as they were said: the wait at the end of ``voicepeer train-voice``.
``scripts/bench_asr`` runs the full evaluation set and prints every figure: for the command
card's wording (``canonical_*``), everyday phrasings (``natural_*``, asr_phrasings.py) and
words whose meaning the state decides (``context_*``), each said in its state of the voice
loop: accuracy overall and per condition, the wrong-action rate (understood as something
else, or acted on where nothing should happen) and the asked rate (nothing done, but "Did
you mean …?" asked: a question, which costs less than a wrong action); room talk taken for
a command (``false_accept_rate``, per state); dictation word error rate.
"""

from __future__ import annotations

import tempfile
import time
import wave
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz.distance import Levenshtein

from scripts.benchlib._asr_data import (
    Item,
    chatter_items,
    command_items,
    dictation_items,
    numbered,
    render,
    training_items,
)
from scripts.benchlib.asr_phrasings import canonical_items, natural_items, room_talk_items
from scripts.benchlib.asr_states import act, asked, expected_action, mode_in, verdict
from voicepeer.audio.input import WavFileInput
from voicepeer.commands.interpreter import Interpreter
from voicepeer.commands.text import normalize
from voicepeer.demo_forum.seed_content import CATEGORIES
from voicepeer.listening import make_recognizer, voice_loop_phrasebook
from voicepeer.recognition.base import Heard, ListenMode
from voicepeer.recognition.engine import Recognizer
from voicepeer.recognition.listener import AudioListener
from voicepeer.recognition.settings import RecognitionSettings
from voicepeer.recognition.sphinx import SphinxRecognizer
from voicepeer.recognition.voice_training import (
    SentenceChecker,
    TrainingRecording,
    train_voice,
)
from voicepeer.voice.peer_loop import category_answers
from voicepeer.voice.states import State

DEMO_CATEGORIES = tuple(c.name for c in CATEGORIES if c.slug != "uncategorized")
"""The categories a question for one offers in the bench: the demo forum's own."""


@dataclass
class Outcome:
    item: Item
    heard: list[str]
    correct: bool
    accepted: bool
    decode_s: float
    audio_s: float
    words: int = 0
    errors: int = 0
    detail: dict[str, Any] = field(default_factory=dict)
    asked: bool = False
    """Nothing was done, but the loop asked what was meant ("Did you mean next post?", or
    "Search for what?" for a search heard without its words)."""
    wrong: bool = False
    """Something other than what was meant was done (room talk: anything was done)."""
    heard_as: list[Heard] = field(default_factory=list)
    """Every utterance as the interpreter got it (to replay the interpreter offline)."""


def _write_wav(path: Path, samples: Any) -> None:
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(16000)
        wav.writeframes(samples.tobytes())


def evaluate(
    items: Iterable[Item],
    recognizer: Recognizer,
    settings: RecognitionSettings | None = None,
    interpreter: Interpreter | None = None,
) -> list[Outcome]:
    settings = settings or RecognitionSettings()
    interpreter = interpreter or Interpreter()
    outcomes = []
    with tempfile.TemporaryDirectory() as folder:
        for item in items:
            samples = render(item)
            path = Path(folder) / "item.wav"
            _write_wav(path, samples)
            listener = AudioListener(WavFileInput(path), recognizer, settings)
            mode = ListenMode.DICTATION if item.kind == "dictation" else mode_in(item.state)
            started = time.perf_counter()
            heard = []
            heard_as = []
            actions = []
            questions = []
            # In the state's context, as the voice loop and ``voicepeer listen --state``; at
            # the question for a category its answers made likely, as the loop does (the
            # demo forum's categories standing in for a forum's).
            category = item.state == State.CATEGORY.value
            if category:
                recognizer.use_dictation_context(category_answers(DEMO_CATEGORIES))
            while (result := listener.listen(mode, item.state or "")) is not None:
                heard.append(result.text)
                heard_as.append(result)
                if item.kind != "dictation":
                    actions.append(act(result, item.state, interpreter))
                    questions.append(asked(result, item.state, interpreter))
            decode_s = time.perf_counter() - started
            if category:
                recognizer.use_dictation_context(())
            audio_s = samples.size / 16000
            features = dict(getattr(recognizer, "last_features", {}))
            accepted = any(a is not None for a in actions)
            if item.kind == "dictation":
                ref, hyp = normalize(item.text).split(), normalize(" ".join(heard)).split()
                errors = Levenshtein.distance(ref, hyp)
                outcomes.append(
                    Outcome(item, heard, errors == 0, True, decode_s, audio_s, len(ref), errors)
                )
                continue
            expected = expected_action(item)
            # Nothing expected (room talk, a "yeah" when only a clear yes may post): correct
            # when nothing is done; otherwise exactly the one expected action.
            correct = not accepted if expected is None else actions == [expected]
            judged = verdict(expected, actions, questions)
            outcomes.append(
                Outcome(
                    item,
                    heard,
                    correct,
                    accepted,
                    decode_s,
                    audio_s,
                    detail=features,
                    asked=judged == "asked",
                    wrong=judged == "wrong",
                    heard_as=heard_as,
                )
            )
    return outcomes


def summarize(outcomes: list[Outcome]) -> dict[str, float | int]:
    commands = [o for o in outcomes if o.item.kind == "command"]
    chatter = [o for o in outcomes if o.item.kind == "chatter"]
    dictation = [o for o in outcomes if o.item.kind == "dictation"]
    figures: dict[str, float | int] = {}
    if commands:
        figures["intent_accuracy"] = sum(o.correct for o in commands) / len(commands)
        by_condition: dict[str, list[Outcome]] = defaultdict(list)
        for o in commands:
            by_condition[o.item.condition.name].append(o)
        for name, group in sorted(by_condition.items()):
            figures[f"intent_accuracy_{name}"] = sum(o.correct for o in group) / len(group)
        by_voice: dict[str, list[Outcome]] = defaultdict(list)
        for o in commands:
            by_voice[o.item.voice].append(o)
        for voice, group in sorted(by_voice.items()):
            figures[f"intent_accuracy_voice_{voice}"] = sum(o.correct for o in group) / len(group)
        # Misses differ in cost: a command rejected is said again, a command taken for
        # another one does something the person then has to undo.
        figures["wrong_action_rate"] = sum(o.wrong for o in commands) / len(commands)
        # An unsure reading asked about costs a question, not an action to undo.
        figures["asked_rate"] = sum(o.asked for o in commands) / len(commands)
        figures["commands"] = len(commands)
        for phrasing in ("canonical", "natural", "context"):
            figures |= _accuracy(phrasing, [o for o in commands if o.item.phrasing == phrasing])
        # Without the natural phrasings voicepeer has word for word among its own wordings,
        # which no longer measure how it does on words never seen (see seen_phrasings.py).
        unseen = [o for o in commands if o.item.phrasing == "natural" and not o.item.seen]
        figures |= _accuracy("natural_unseen", unseen)
        figures["rtf_command"] = sum(o.decode_s for o in commands + chatter) / sum(
            o.audio_s for o in commands + chatter
        )
    if chatter:
        figures["false_accept_rate"] = sum(o.accepted for o in chatter) / len(chatter)
        figures["asked_on_chatter_rate"] = sum(o.asked for o in chatter) / len(chatter)
        figures["chatter"] = len(chatter)
        for state in sorted({o.item.state for o in chatter if o.item.state is not None}):
            group = [o for o in chatter if o.item.state == state]
            figures[f"false_accept_rate_{state}"] = sum(o.accepted for o in group) / len(group)
    if dictation:
        figures["dictation_wer"] = sum(o.errors for o in dictation) / max(
            1, sum(o.words for o in dictation)
        )
        figures["rtf_dictation"] = sum(o.decode_s for o in dictation) / sum(
            o.audio_s for o in dictation
        )
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in figures.items()}


def _accuracy(label: str, group: list[Outcome]) -> dict[str, float | int]:
    """Accuracy of one kind of phrasing, overall and per condition, and its wrong actions."""
    if not group:
        return {}
    figures: dict[str, float | int] = {
        f"{label}_accuracy": sum(o.correct for o in group) / len(group),
        f"{label}_wrong_action_rate": sum(o.wrong for o in group) / len(group),
        f"{label}_asked_rate": sum(o.asked for o in group) / len(group),
        f"{label}_commands": len(group),
    }
    for name in sorted({o.item.condition.name for o in group}):
        same = [o for o in group if o.item.condition.name == name]
        figures[f"{label}_accuracy_{name}"] = sum(o.correct for o in same) / len(same)
    return figures


def evaluate_trained(
    items: list[Item], settings: RecognitionSettings | None = None
) -> list[Outcome]:
    """Each voice's items decoded after voice training with that voice, as after
    ``voicepeer train-voice``: the training sentences are read at the person's own pace
    in a quiet room, the items then come in every condition."""
    outcomes = []
    with tempfile.TemporaryDirectory() as folder:
        for voice in sorted({item.voice for item in items}):
            recordings = [
                TrainingRecording(t.text, render(t).tobytes()) for t in training_items(voice)
            ]
            profile = train_voice(recordings, Path(folder) / voice).path
            settings = settings or RecognitionSettings()
            phrasebook = voice_loop_phrasebook(
                per_state=settings.per_state_grammar, everyday=settings.everyday_wording
            )
            recognizer = SphinxRecognizer(phrasebook=phrasebook, voice_profile=profile)
            outcomes += evaluate(
                [item for item in items if item.voice == voice], recognizer, settings
            )
            recognizer.close()
    return outcomes


def full_set(split: str, every_condition: bool = False) -> list[Item]:
    """The command card's phrasings, the natural phrasings and state-dependent words of the
    split, each in its state; room talk in the main listening states; dictation."""
    return numbered(
        canonical_items(split)
        + natural_items(split, every_condition=every_condition)
        + room_talk_items(split)
        + dictation_items(split)
    )


def run() -> dict[str, float | int]:
    """A quick subset of the evaluation set (one phrasing per intent, six chatter and two
    dictation sentences)."""
    started = time.perf_counter()
    recognizer = make_recognizer(RecognitionSettings())
    start_s = time.perf_counter() - started
    items = numbered(
        command_items("eval", per_intent=1)
        + chatter_items("eval")[:6]
        + dictation_items("eval")[:2]
    )
    figures = summarize(evaluate(items, recognizer))
    recognizer.close()
    recordings = [
        TrainingRecording(t.text, render(t).tobytes()) for t in training_items("en-us-nyc")
    ]
    checker = SentenceChecker()
    recordings = [r for r in recordings if checker.matches(r)]  # as the person said each one
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        train_voice(recordings, Path(folder) / "voice", checker=checker)
        training_s = time.perf_counter() - started
    return {
        "asr_engine_start_s": round(start_s, 2),
        "voice_training_s": round(training_s, 2),
        "asr_rtf_command": figures["rtf_command"],
        "asr_rtf_dictation": figures["rtf_dictation"],
        "asr_intent_accuracy_subset": figures["intent_accuracy"],
        "asr_false_accept_subset": figures["false_accept_rate"],
    }
