import subprocess

import pytest

from tests.support.pulse import PulseAudioServer


@pytest.mark.audio
def test_null_sink_is_listed(pulseaudio: PulseAudioServer) -> None:
    out = subprocess.run(
        ["pactl", "list", "short", "sinks"],
        env=pulseaudio.env(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "null" in out
