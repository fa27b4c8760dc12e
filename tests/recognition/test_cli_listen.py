"""``voicepeer listen``: one JSON object per utterance, the stable format benchmarks read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.speech_audio import utterances, write_wav
from tests.support.television import command_over_television
from voicepeer.cli import main


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], str]:
    status = main(argv)
    captured = capsys.readouterr()
    return status, [line for line in captured.out.splitlines() if line.strip()], captured.err


def test_command_mode_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_wav(
        tmp_path / "c.wav",
        utterances(
            [
                "open topic twelve",
                1.8,
                "the weather will be wet and windy all week",
                1.8,
                "go to sleep",
                1.8,
            ]
        ),
    )
    status, lines, _ = run(["listen", "--wav", str(path), "--mode", "command", "--json"], capsys)
    assert status == 0
    records = [json.loads(line) for line in lines]
    assert len(records) == 3
    for record in records:
        assert set(record) >= {"intent", "slots", "text", "confidence"}
        assert 0.0 <= record["confidence"] <= 1.0
    assert records[0]["intent"] == "open" and records[0]["slots"] == {"number": 12}
    assert records[1]["intent"] is None and records[1]["slots"] == {}
    assert records[2]["intent"] == "sleep"


def test_dictation_mode_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_wav(tmp_path / "d.wav", utterances(["I hope you feel better soon", 3.0]))
    status, lines, _ = run(
        ["listen", "--wav", str(path), "--mode", "dictation", "--json", "--engine", "sphinx"],
        capsys,
    )
    assert status == 0
    records = [json.loads(line) for line in lines]
    assert len(records) == 1
    assert list(records[0]) == ["text"]
    assert "better" in records[0]["text"]


def test_readable_output_without_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_wav(tmp_path / "r.wav", utterances(["previous post", 2.0]))
    status, lines, _ = run(["listen", "--wav", str(path)], capsys)
    assert status == 0
    assert lines == [f"'previous post': previous (confidence {lines[0].split()[-1]}"]


def test_missing_file_says_so_and_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, lines, err = run(["listen", "--wav", str(tmp_path / "none.wav"), "--json"], capsys)
    assert status == 1
    assert lines == []
    assert "not found" in err


def test_vosk_without_a_model_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_wav(tmp_path / "v.wav", utterances(["next", 1.0]))
    status, _, err = run(
        ["listen", "--wav", str(path), "--engine", "vosk", "--model", str(tmp_path / "no-model")],
        capsys,
    )
    assert status == 1
    assert "not a Vosk model" in err


@pytest.mark.parametrize(
    "state",
    [
        "confirming",
        "liking",
        "voting",
        "deleting_post",
        "recovering_post",
        "adding_to_reply",
        "changing_post",
    ],
)
def test_state_hears_answers_as_the_question_would(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], state: str
) -> None:
    # A yes is taken only after answer_silence_s (2.5 s) of silence; "yes … but" said with
    # a shorter pause is one answer, and no yes.
    path = write_wav(
        tmp_path / "a.wav",
        utterances(["yes", 3.0, "yeah", 3.0, "send it", 3.0, "no", 3.0, "yes", 1.5, "but", 3.0]),
    )
    status, lines, _ = run(
        ["listen", "--wav", str(path), "--state", state, "--json", "--engine", "sphinx"], capsys
    )
    assert status == 0
    records = [json.loads(line) for line in lines]
    assert [set(r) for r in records] == [{"intent", "slots", "text", "confidence"}] * 5
    assert [r["intent"] for r in records] == ["yes", None, None, "no", None]


@pytest.mark.parametrize(
    ("state", "intents"),
    [
        ("reading", ["next", "next", "louder", "resume"]),
        ("sleeping", [None, None, None, "resume"]),
        ("browsing", ["next", "next", "louder", "resume"]),
    ],
)
def test_every_state_hears_as_the_voice_loop_does_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], state: str, intents: list[str | None]
) -> None:
    # "carry on" reads on; asleep only "resume" (what "pause" says to say) or "wake up"
    # wakes voicepeer: "carry on" may be said to someone in the room. (The bundled
    # recognizer hears the card's words; everyday phrasings around them are tested as text
    # in tests/commands. "carry on" may go on as "carry on reading", so the pauses are
    # longer than its wait.)
    path = write_wav(
        tmp_path / "s.wav",
        utterances(["carry on", 3.0, "next post", 3.0, "louder", 3.0, "resume", 3.0]),
    )
    status, lines, _ = run(
        ["listen", "--wav", str(path), "--state", state, "--json", "--engine", "sphinx"], capsys
    )
    assert status == 0
    records = [json.loads(line) for line in lines]
    assert [set(r) for r in records] == [{"intent", "slots", "text", "confidence"}] * 4
    assert [r["intent"] for r in records] == intents


def test_a_vote_is_heard_with_its_choice_while_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_wav(tmp_path / "v.wav", utterances(["vote for choice two", 3.0]))
    status, lines, _ = run(
        ["listen", "--wav", str(path), "--state", "reading", "--json", "--engine", "sphinx"],
        capsys,
    )
    assert status == 0
    (record,) = [json.loads(line) for line in lines]
    assert (record["intent"], record["slots"]) == ("vote", {"number": 2})


def test_a_like_and_its_taking_back_are_told_apart_while_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_wav(tmp_path / "l.wav", utterances(["like this post", 3.0, "remove my like", 3.0]))
    status, lines, _ = run(
        ["listen", "--wav", str(path), "--state", "reading", "--json", "--engine", "sphinx"],
        capsys,
    )
    assert status == 0
    assert [json.loads(line)["intent"] for line in lines] == ["like", "unlike"]


def test_deleting_or_bringing_back_ones_post_is_told_apart_from_other_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spoken: list[str | float] = [
        "delete my post",
        3.0,
        "remove my like",
        3.0,
        "remove my vote",
        3.0,
        "bring back my post",
        3.0,
        "go back",
        3.0,
        "add it to my last reply",
        3.0,
        "correct my post",
        3.0,
    ]
    path = write_wav(tmp_path / "d.wav", utterances(spoken))
    status, lines, _ = run(
        ["listen", "--wav", str(path), "--state", "reading", "--json", "--engine", "sphinx"],
        capsys,
    )
    assert status == 0
    assert [json.loads(line)["intent"] for line in lines] == [
        "delete_post",
        "unlike",
        "remove_vote",
        "recover_post",
        "back",
        "add_to_reply",
        "edit_post",
    ]


@pytest.mark.parametrize("state", ["dictating", "editing_post"])
def test_dictating_hears_text_and_whole_editing_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], state: str
) -> None:
    path = write_wav(
        tmp_path / "d.wav", utterances(["I hope you feel better soon", 3.0, "send it", 3.0])
    )
    status, lines, _ = run(
        ["listen", "--wav", str(path), "--state", state, "--json", "--engine", "sphinx"],
        capsys,
    )
    assert status == 0
    records = [json.loads(line) for line in lines]
    assert "intent" not in records[0] and "better" in records[0]["text"]
    assert records[1]["intent"] == "send"


def test_after_search_for_the_words_are_heard_as_free_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The words the voice loop then looks for, heard by the dictation model; "never mind"
    # leaves the question, as "cancel" does.
    path = write_wav(tmp_path / "s.wav", utterances(["fatigue and heat", 3.0, "never mind", 3.0]))
    status, lines, _ = run(
        ["listen", "--wav", str(path), "--state", "searching", "--json", "--engine", "sphinx"],
        capsys,
    )
    assert status == 0
    records = [json.loads(line) for line in lines]
    assert "intent" not in records[0] and "fatigue" in records[0]["text"]
    assert records[1]["intent"] == "cancel"


@pytest.mark.parametrize("state", ["dictating", "editing_post", "composing"])
def test_only_a_goodbye_naming_voicepeer_ends_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], state: str
) -> None:
    path = write_wav(tmp_path / "g.wav", utterances(["goodbye voicepeer", 3.0]))
    status, lines, _ = run(
        ["listen", "--wav", str(path), "--state", state, "--json", "--engine", "sphinx"],
        capsys,
    )
    assert status == 0
    assert [json.loads(line).get("intent") for line in lines] == ["quit"]


def test_talk_in_the_room_is_dropped_and_said_so_on_the_error_stream(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_wav(tmp_path / "tv.wav", command_over_television())
    status, lines, err = run(
        ["listen", "--wav", str(path), "--state", "browsing", "--json", "--engine", "sphinx"],
        capsys,
    )
    assert status == 0
    assert [json.loads(line)["intent"] for line in lines] == ["latest"]
    assert err.count("talk in the room") == 1
