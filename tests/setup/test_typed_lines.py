"""Typed lines are read through a real pipe: one whole line at a time, never past it."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator

import pytest

from voicepeer.setup.typed_lines import TypedLines


@pytest.fixture
def pipe() -> Iterator[tuple[io.TextIOWrapper, int]]:
    read_end, write_end = os.pipe()
    with os.fdopen(read_end) as stream:
        yield stream, write_end
    os.close(write_end)


def test_a_line_is_handed_back_and_the_next_left_for_the_next_reader(
    pipe: tuple[io.TextIOWrapper, int],
) -> None:
    stream, write_end = pipe
    os.write(write_end, b"  pasted text \nen-us\n")
    lines = TypedLines(stream)
    assert lines.next_line(1.0) == "pasted text"
    assert stream.readline() == "en-us\n"  # the wizard's next answer, untouched


def test_half_a_line_waits_for_the_rest(pipe: tuple[io.TextIOWrapper, int]) -> None:
    stream, write_end = pipe
    lines = TypedLines(stream)
    assert lines.next_line(0.05) is None and not lines.ended
    os.write(write_end, b"half")
    assert lines.next_line(0.05) is None
    os.write(write_end, b" and the rest\n")
    assert lines.next_line(1.0) == "half and the rest"


def test_the_end_of_input_is_told_after_the_last_line() -> None:
    read_end, write_end = os.pipe()
    os.write(write_end, b"last without a line break")
    os.close(write_end)
    with os.fdopen(read_end) as stream:
        lines = TypedLines(stream)
        assert lines.next_line(1.0) == "last without a line break"
        assert lines.next_line(1.0) is None and lines.ended


def test_empty_lines_typed_ahead_are_dropped(pipe: tuple[io.TextIOWrapper, int]) -> None:
    stream, write_end = pipe
    os.write(write_end, b"\n\n")
    TypedLines(stream).drop_typed_ahead()
    os.write(write_end, b"answer\n")
    assert stream.readline() == "answer\n"


def test_a_stream_without_a_descriptor_has_ended() -> None:
    lines = TypedLines(io.StringIO("text\n"))
    assert lines.ended and lines.next_line(0.0) is None
