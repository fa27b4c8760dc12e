"""How a failed connection is told apart, from real failures on this computer."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

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


def test_a_name_not_found_is_a_misspelling_when_typed_and_no_network_when_known(
    tmp_path: Path,
) -> None:
    # A name not found: an address just typed is most often misspelt; the download site
    # is known to exist, so this computer is offline. Each says the fitting thing first.
    # Not an address on this computer, which has words of its own (a forum program stopped).
    closed = "http://voicepeer-test.example.invalid"
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "VOICEPEER_MODELS_DIR": str(tmp_path / "models"),
        "VOICEPEER_MODEL_BASE_URL": f"{closed}/vosk/models",
    }

    def said(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "voicepeer", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 1, done.stderr
        return " ".join(done.stderr.split())

    connect = said("forum", "connect", closed)
    assert (
        f"Nothing answered at {closed}: no site has that name. Most often the address is "
        "misspelt (less often, this computer is offline). Check the address letter by "
        "letter, then open it in a web browser: if no web page opens at all, check that this "
        "computer is online (is the network cable plugged in, or the Wi-Fi connected?)."
    ) in connect
    download = said("models", "download")
    assert (
        f"Nothing answered at {closed}: its name could not be looked up, so this computer "
        "seems to be offline. Check that this computer is online: is the network cable "
        "plugged in, or the Wi-Fi connected? Opening any web page in a web browser shows it."
    ) in download
    assert "misspelt" not in download
    assert download.endswith("Then run: voicepeer models download vosk-model-small-en-us-0.15")
