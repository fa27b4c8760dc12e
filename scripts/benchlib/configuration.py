"""Set-up figures: reading and writing the settings file, doctor and the command card.

- config_load_ms: median time to read, check and build all settings from a complete
  config.toml (every key written out, as a carer might leave it).
- config_write_ms: median time to write that file (with its help comments) atomically.
- doctor_checks_s: wall time of every doctor check except the sound devices, in a fresh
  process (speech synthesis, recognizer model load, disk, configuration).
- doctor_peak_rss_mb: the most memory that process or one of its children (the recognizer
  test runs in one) used.
- command_card_ms: median time to build the large-print command card.
"""

from __future__ import annotations

import dataclasses
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from voicepeer.cli.commands_card import CardContent, render_card
from voicepeer.config import load_settings, save_settings, with_changes
from voicepeer.config.schema import field_specs
from voicepeer.settings import Settings

RUNS = 20


def _every_key_set() -> Settings:
    """Settings where every field differs from its default, so every key is written."""
    changes: dict[str, dict[str, object]] = {}
    for section in field_specs(Settings):
        assert section.nested is not None
        for spec in field_specs(section.nested):
            value = spec.default
            if isinstance(value, bool):
                changes.setdefault(section.name, {})[spec.name] = not value
            elif isinstance(value, int | float) and spec.maximum is not None:
                changes.setdefault(section.name, {})[spec.name] = spec.maximum
    return with_changes(Settings(), changes)


def _median_ms(action: object) -> float:
    assert callable(action)
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 2)


def run() -> dict[str, float | int]:
    settings = _every_key_set()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "config.toml"
        save_settings(settings, path)
        assert dataclasses.asdict(load_settings(path)) == dataclasses.asdict(settings)
        load_ms = _median_ms(lambda: load_settings(path))
        write_ms = _median_ms(lambda: save_settings(settings, path))

        env = {k: v for k, v in os.environ.items() if not k.startswith("PULSE")}
        env.update(
            HOME=folder,
            XDG_CONFIG_HOME=f"{folder}/config",
            XDG_DATA_HOME=f"{folder}/data",
            XDG_STATE_HOME=f"{folder}/state",
        )
        script = (
            "from voicepeer.cli.doctor import run_checks\n"
            "from scripts.benchlib._memory import peak_rss_kb\n"
            "checks = run_checks(audio=False)\n"
            "assert checks, 'no checks ran'\n"
            "import resource\n"
            "children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
            "print(max(peak_rss_kb(), children))\n"
        )
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", script],
            env=env,
            check=True,
            capture_output=True,
            text=True,
            timeout=300,
            cwd=Path(__file__).resolve().parents[2],
        )
        doctor_s = time.perf_counter() - started
        peak_kb = int(done.stdout.strip().splitlines()[-1])
    card_ms = _median_ms(lambda: render_card(CardContent()))
    return {
        "config_load_ms": load_ms,
        "config_write_ms": write_ms,
        "doctor_checks_s": round(doctor_s, 2),
        "doctor_peak_rss_mb": round(peak_kb / 1024, 1),
        "command_card_ms": card_ms,
    }
