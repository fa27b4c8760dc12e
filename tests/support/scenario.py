"""Audio scenarios run in a child process, so that a stuck sound device or a crash in the
audio library cannot take the test session with it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def run_scenario(module: str, name: str, env: dict[str, str]) -> dict[str, Any]:
    """Run ``python -m module name`` and return the JSON object on its last printed line."""
    done = subprocess.run(
        [sys.executable, "-m", module, name],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result
