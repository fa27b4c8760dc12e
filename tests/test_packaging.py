"""Building voicepeer (as scripts/setup does) prints no packaging warnings at the carer."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_the_build_gives_no_licence_warnings(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    output = done.stdout + done.stderr
    assert "BuildBackendWarning" not in output and "license" not in output.lower(), output
    (wheel,) = tmp_path.glob("voicepeer-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = archive.read(name).decode()
        names = set(archive.namelist())
    assert "License-Expression: MIT" in metadata
    # The dictation model is made from these where voicepeer is installed.
    assert {"voicepeer/recognition/data/generic_en.arpa.gz"} <= names
    assert {"voicepeer/recognition/data/peer_support.txt"} <= names
