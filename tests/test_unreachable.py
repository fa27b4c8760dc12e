"""How a failed connection is told apart, from real failures on this computer."""

from __future__ import annotations

import socket

import httpx
import pytest

from voicepeer.errors import NetFault
from voicepeer.unreachable import net_fault, nothing_answered


def failure(url: str) -> httpx.HTTPError:
    with pytest.raises(httpx.HTTPError) as caught:
        httpx.get(url, timeout=0.5)
    return caught.value


def test_a_refused_connection() -> None:
    assert net_fault(failure("http://127.0.0.1:9/")) is NetFault.REFUSED


def test_a_name_that_cannot_be_looked_up() -> None:
    assert net_fault(failure("http://forum.example.invalid/")) is NetFault.NAME_UNKNOWN


def test_a_site_that_takes_the_connection_and_never_answers() -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        assert net_fault(failure(f"http://127.0.0.1:{port}/")) is NetFault.TIMED_OUT


def test_the_sentence_says_where_what_happened_what_to_check_and_what_next() -> None:
    said = nothing_answered("http://x.org", NetFault.TIMED_OUT, "Then run it again.")
    assert said == (
        "Nothing answered at http://x.org: no answer came in time. Check that this computer "
        "is online: is the network cable plugged in, or the Wi-Fi connected? Opening any web "
        "page in a web browser shows it. Then run it again."
    )
