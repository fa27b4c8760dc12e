"""Reading a recording given with ``--input wav:PATH`` or ``listen --wav``."""

from __future__ import annotations

from pathlib import Path

import pytest

from voicepeer.audio.input import read_wav
from voicepeer.errors import ConfigError


@pytest.mark.parametrize("content", [b"", b"not a wav file at all"])
def test_a_file_that_is_no_wav_says_how_to_make_one(tmp_path: Path, content: bytes) -> None:
    # An empty file was "x.wav is not a PCM WAV file I can read ()", with nothing to do.
    path = tmp_path / "x.wav"
    path.write_bytes(content)
    with pytest.raises(ConfigError) as raised:
        read_wav(path)
    message = str(raised.value)
    assert "()" not in message
    assert message.endswith("example with: arecord -f S16_LE -r 16000 -c 1 file.wav")
