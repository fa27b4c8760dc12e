"""Turning what a terminal sends into key names, whatever arrives."""

from __future__ import annotations

import os
import time

from hypothesis import given
from hypothesis import strategies as st

from voicepeer.switches import TerminalKeySwitch
from voicepeer.switches.keys import (
    TERMINAL_SEQUENCES,
    incomplete_terminal_input,
    parse_terminal_keys,
)


@given(st.binary(max_size=64))
def test_any_bytes_give_at_most_one_key_each(data: bytes) -> None:
    keys = parse_terminal_keys(data)
    assert len(keys) <= len(data)
    assert all(isinstance(key, str) and key for key in keys)


@given(st.lists(st.sampled_from(sorted(TERMINAL_SEQUENCES)), max_size=10))
def test_function_keys_in_a_row_are_each_recognized(codes: list[bytes]) -> None:
    assert parse_terminal_keys(b"".join(codes)) == [TERMINAL_SEQUENCES[c] for c in codes]


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20))
def test_typed_characters_come_out_one_key_each(text: str) -> None:
    keys = parse_terminal_keys(text.encode("utf-8"))
    assert len(keys) == len(text)
    assert not incomplete_terminal_input(text.encode("utf-8"))


def test_partial_input_is_waited_for() -> None:
    assert incomplete_terminal_input(b"\x1b[2")
    assert incomplete_terminal_input("é".encode()[:1])
    assert incomplete_terminal_input("€".encode()[:2])
    assert not incomplete_terminal_input(b"a")
    assert not incomplete_terminal_input(b"\x1b[24~")


def test_non_ascii_key_through_a_real_terminal() -> None:
    master, slave = os.openpty()
    try:
        with TerminalKeySwitch(slave, escape_timeout_s=0.3) as switch:
            encoded = "Ö".encode()
            os.write(master, encoded[:1])
            time.sleep(0.05)
            os.write(master, encoded[1:])
            assert [event.key for event in switch.read_events(1.0)] == ["ö"]
    finally:
        os.close(master)
        os.close(slave)
