"""scripts/bench_asr's natural-phrasing measurement, on a tiny subset with real espeak-ng
speech and the real bundled recognizer, and its agreement with ``voicepeer listen``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.benchlib import _asr_data
from scripts.benchlib._asr_data import Condition, Item, numbered, render
from scripts.benchlib._asr_main import _what_happened
from scripts.benchlib._asr_main import main as bench_main
from scripts.benchlib.asr import Outcome, _write_wav, evaluate, summarize
from scripts.benchlib.asr_phrasings import (
    ROOM_TALK_STATES,
    canonical_items,
    natural_items,
    room_talk_items,
)
from scripts.benchlib.asr_states import Action, act, mode_in, verdict
from voicepeer.audio.input import WavFileInput
from voicepeer.cli import main as voicepeer_main
from voicepeer.commands.intents import Intent
from voicepeer.commands.interpreter import Interpreter
from voicepeer.listening import make_recognizer
from voicepeer.recognition.engine import Recognizer
from voicepeer.recognition.listener import AudioListener
from voicepeer.recognition.settings import RecognitionSettings

PLAIN = Condition("normal", 150)


@pytest.fixture(scope="module")
def recognizer() -> Iterator[Recognizer]:
    engine = make_recognizer(RecognitionSettings())
    yield engine
    engine.close()


def _by_text(outcomes: list[Outcome]) -> dict[tuple[str, str | None], Outcome]:
    return {(o.item.text, o.item.state): o for o in outcomes}


@pytest.mark.slow
def test_a_tiny_subset_gives_every_figure(recognizer: Recognizer) -> None:
    natural = natural_items("eval", per_intent=1)
    items = (
        [i for i in natural if i.phrasing == "natural"][:3]
        + [i for i in natural if i.phrasing == "context"][:1]
        + canonical_items("eval", per_intent=1)[:1]
        + room_talk_items("eval", limit=1)
        + [
            Item("command", "next post", "en-us", PLAIN, Intent.NEXT, state="reading"),
            Item("command", "yeah", "en-us", PLAIN, None, state="confirming", phrasing="context"),
            Item(
                "command",
                "wake up",
                "en-us",
                PLAIN,
                Intent.WAKE,
                state="sleeping",
                phrasing="context",
            ),
        ]
    )
    outcomes = evaluate(numbered(items), recognizer)
    figures = summarize(outcomes)
    for label in ("canonical", "natural", "context"):
        assert 0.0 <= figures[f"{label}_accuracy"] <= 1.0
        assert 0.0 <= figures[f"{label}_wrong_action_rate"] <= 1.0
        assert 0.0 <= figures[f"{label}_asked_rate"] <= 1.0
    assert figures["natural_commands"] == 3 and figures["context_commands"] == 3
    assert figures["chatter"] == len(ROOM_TALK_STATES)
    for state in ROOM_TALK_STATES:
        assert 0.0 <= figures[f"false_accept_rate_{state}"] <= 1.0
    conditions = {o.item.condition.name for o in outcomes if o.item.phrasing == "natural"}
    assert {f"natural_accuracy_{name}" for name in conditions} <= set(figures)
    heard = _by_text(outcomes)
    # Said plainly in the state they belong to, these are understood; a bare "yeah" while
    # a reply waits for consent does nothing, whatever was heard.
    assert heard[("next post", "reading")].correct, heard[("next post", "reading")].heard
    assert heard[("wake up", "sleeping")].correct, heard[("wake up", "sleeping")].heard
    assert not heard[("yeah", "confirming")].accepted


def test_natural_phrasings_voicepeer_has_as_its_own_are_also_counted_apart() -> None:
    def said(text: str, correct: bool, seen: bool) -> Outcome:
        item = Item("command", text, "en-us", PLAIN, Intent.REPEAT, phrasing="natural", seen=seen)
        return Outcome(item, [text], correct, correct, 0.1, 1.0)

    figures = summarize([said("come again", True, True), said("one more time", False, False)])
    assert figures["natural_commands"] == 2 and figures["natural_accuracy"] == 0.5
    assert figures["natural_unseen_commands"] == 1 and figures["natural_unseen_accuracy"] == 0.0
    marked = {i.text: i.seen for i in natural_items("eval") if i.phrasing == "natural"}
    assert marked["come again"] and not marked["read it to me"]


@pytest.mark.slow
def test_the_bench_command_prints_the_figures_of_both_splits(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import scripts.benchlib._asr_main as bench

    def tiny(split: str, every_condition: bool = False) -> list[Item]:
        return numbered(natural_items(split, per_intent=1)[:2] + room_talk_items(split, 1))

    monkeypatch.setattr(bench, "full_set", tiny)
    assert bench_main(["--split", "both", "--json", "--misses"]) == 0
    printed = capsys.readouterr()
    figures = json.loads(printed.out)
    misses = [line.split() for line in printed.err.splitlines() if " MISS " in line]
    assert all(words[2] in {"wrong", "asked", "missed"} for words in misses), misses
    for split in ("tune", "eval"):
        assert {
            f"{split}_natural_accuracy",
            f"{split}_natural_wrong_action_rate",
            f"{split}_false_accept_rate",
        } <= set(figures)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "state"), [("yes please", "confirming"), ("no thanks", "liking"), ("next post", None)]
)
def test_the_bench_hears_as_voicepeer_listen_does(
    text: str,
    state: str | None,
    tmp_path: Path,
    recognizer: Recognizer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    item = Item("command", text, "en-us", PLAIN, state=state, seed=7)
    path = tmp_path / "said.wav"
    _write_wav(path, render(item))
    settings = RecognitionSettings()
    listener = AudioListener(WavFileInput(path), recognizer, settings)
    interpreter = Interpreter()
    bench = []
    while (heard := listener.listen(mode_in(state), state or "")) is not None:
        action = act(heard, state, interpreter)
        bench.append((action.name, action.slots) if action else (None, {}))
    argv = ["listen", "--wav", str(path), "--json", "--engine", "sphinx"]
    assert voicepeer_main([*argv, "--state", state] if state else argv) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert bench == [(line["intent"], line["slots"]) for line in lines]
    assert bench and bench[0][0] is not None, bench


def test_a_miss_listed_says_what_it_cost_the_person() -> None:
    # Done wrongly, asked about, or nothing done: the figures count them apart, and the
    # list of misses (--misses) says which each was.
    said = Item("command", "next post", "en-us", PLAIN, seed=7)
    written = Item("dictation", "my legs are heavy", "en-us", PLAIN, seed=7)

    def missed(item: Item, *, asked: bool = False, wrong: bool = False) -> Outcome:
        return Outcome(item, ["back"], False, True, 1.0, 1.0, asked=asked, wrong=wrong)

    assert [
        _what_happened(missed(said, wrong=True)),
        _what_happened(missed(said, asked=True)),
        _what_happened(missed(said)),
        _what_happened(missed(written)),
    ] == ["wrong", "asked", "missed", "words"]


def test_a_question_is_counted_apart_from_a_wrong_action_and_a_miss() -> None:
    nxt, back = Action("next"), Action("back")
    assert verdict(nxt, [nxt], [False]) == "right"
    assert verdict(nxt, [back], [False]) == "wrong"
    assert verdict(nxt, [nxt, nxt], [False, False]) == "wrong"
    assert verdict(nxt, [None], [True]) == "asked"
    assert verdict(nxt, [None], [False]) == "missed"
    # The right action, then a piece of the same slow speech not understood: a "Sorry".
    assert verdict(nxt, [nxt, None], [False, False]) == "missed"
    # A search heard without its words: the loop asks "Search for what?".
    heat = Action("search", {"query": "heat"})
    assert verdict(heat, [Action("search")], [False]) == "asked"
    assert verdict(heat, [Action("search", {"query": "the"})], [False]) == "wrong"
    # Room talk: anything done is wrong, a question is asked.
    assert verdict(None, [None], [True]) == "asked"
    assert verdict(None, [back], [False]) == "wrong"


@pytest.mark.parametrize("split", ["tune", "eval"])
def test_an_item_is_drawn_the_same_whatever_else_is_measured(
    split: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Adding a command (or measuring a subset) must not draw other voices, conditions,
    # numbers or noise for the rest: a change would then measure a new draw of everything.
    def keyed(items: list[Item]) -> dict[tuple[object, ...], Item]:
        return {(i.intent, i.state, i.phrasing, i.text, i.condition.name): i for i in items}

    every = keyed(numbered(canonical_items(split) + natural_items(split)))
    for key, item in keyed(numbered(natural_items(split, per_intent=2))).items():
        assert every[key] == item
    added = dict(_asr_data.PHRASINGS)
    added[Intent.HELP] = (*added[Intent.HELP], "tell me what to say")
    monkeypatch.setattr(_asr_data, "PHRASINGS", added)
    with_one_more = keyed(numbered(canonical_items(split)))
    assert len(with_one_more) == len(canonical_items(split)) > 100
    assert sum(key not in every for key in with_one_more) == 1
    for key, item in with_one_more.items():
        assert item == every.get(key, item)
