"""The sound system's own echo canceller: PulseAudio's (and PipeWire's) module-echo-cancel.

With it, the microphone voicepeer records from has voicepeer's own voice taken out (the
WebRTC canceller subtracts what is played through its sink), so "stop" can be heard while
voicepeer speaks. voicepeer plays to the canceller's sink and records from its source; both
are made the defaults. Measured on the test set-up (null sink, loopback into a second null
sink as the room): its own speech fell from ~100-200 to ~0-5 RMS while a spoken "stop"
over it stayed at ~250.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from dataclasses import dataclass

log = logging.getLogger(__name__)

SOURCE_NAME = "voicepeer_echo_cancelled"
SINK_NAME = "voicepeer_echo_cancel_sink"
_MODULE = "module-echo-cancel"
_TIMEOUT_S = 10.0
AEC_ARGS = 'aec_args="analog_gain_control=0 digital_gain_control=0"'
"""The canceller's own analog gain control turns the microphone's volume down (to 33% here,
-29 dB), burying a quiet "stop"; digital gain control leaves the device alone. Measured in
the virtual room with the same 24 spoken "stop"s each, caught: these settings 7, without
noise suppression 8, also without the high-pass filter 8 (26 against 22 of 45 in a second
run: within chance, and noise suppression helps in a real room), extended_filter=1 6,
mobile=1 2, and aec_method=speex 2."""

ENABLE_HINT = (
    f"pactl load-module {_MODULE} aec_method=webrtc '{AEC_ARGS}' source_name={SOURCE_NAME} "
    f"sink_name={SINK_NAME} && pactl set-default-source {SOURCE_NAME} && "
    f"pactl set-default-sink {SINK_NAME}"
)
"""The command that sets echo cancellation up by hand (PulseAudio, and PipeWire's pulse)."""

PIPEWIRE_SNIPPET = (
    "~/.config/pipewire/pipewire.conf.d/echo-cancel.conf: context.modules = [ { name = "
    "libpipewire-module-echo-cancel args = { library.name = aec/libspa-aec-webrtc "
    f'capture.props = {{ node.name = "{SOURCE_NAME}_capture" }} '
    f'source.props = {{ node.name = "{SOURCE_NAME}" }} '
    f'sink.props = {{ node.name = "{SINK_NAME}" }} }} }} ]'
)
"""The same, permanently, for PipeWire."""


@dataclass(frozen=True)
class EchoCancelStatus:
    """What the sound system offers."""

    sources: tuple[str, ...]
    """Echo-cancelled sources (microphones) loaded."""
    default_source: str
    """The source recordings use by default."""
    sinks: tuple[str, ...] = ()
    """Echo-cancel sinks (what is played through these is taken out of the source)."""
    default_sink: str = ""
    reachable: bool = True
    """False when pactl is missing or no sound server answers."""

    @property
    def available(self) -> bool:
        return bool(self.sources)

    @property
    def in_use(self) -> bool:
        """Recording and playing by default go through the canceller."""
        return self.default_source in self.sources and self.default_sink in self.sinks


def _pactl(*args: str) -> str | None:
    if shutil.which("pactl") is None:
        return None
    try:
        done = subprocess.run(["pactl", *args], capture_output=True, text=True, timeout=_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired) as error:
        log.debug("pactl %s: %s", args[0], error)
        return None
    if done.returncode != 0:
        log.debug("pactl %s failed: %s", args[0], done.stderr.strip())
        return None
    return done.stdout


def _names(listing: str, driver: str) -> tuple[str, ...]:
    # "pactl list short sources": index, name, driver, format, state.
    rows = (line.split("\t") for line in listing.splitlines())
    return tuple(
        row[1]
        for row in rows
        if len(row) > 2 and driver in row[2] and not row[1].endswith(".monitor")
    )


def echo_cancel_status() -> EchoCancelStatus:
    sources, sinks = _pactl("list", "short", "sources"), _pactl("list", "short", "sinks")
    if sources is None or sinks is None:
        return EchoCancelStatus((), "", reachable=False)
    # PULSE_SOURCE/PULSE_SINK, where set, route voicepeer's own streams past the defaults.
    source = os.environ.get("PULSE_SOURCE") or (_pactl("get-default-source") or "").strip()
    sink = os.environ.get("PULSE_SINK") or (_pactl("get-default-sink") or "").strip()
    return EchoCancelStatus(
        _names(sources, "echo-cancel"), source, _names(sinks, "echo-cancel"), sink
    )


def set_up_echo_cancel() -> EchoCancelStatus:
    """Load the WebRTC echo canceller over the current default microphone and speaker and
    make it the default, unless one is there already. Lasts until the sound server
    restarts; nothing is written to the system's configuration. Devices chosen for
    voicepeer with PULSE_SOURCE/PULSE_SINK are left as they are."""
    status = echo_cancel_status()
    routed = os.environ.get("PULSE_SOURCE") or os.environ.get("PULSE_SINK")
    if not status.reachable or status.in_use or routed:
        return status
    if not status.available:
        loaded = _pactl(
            "load-module",
            _MODULE,
            "aec_method=webrtc",
            AEC_ARGS,
            f"source_name={SOURCE_NAME}",
            f"sink_name={SINK_NAME}",
        )
        if loaded is None:
            log.warning("could not load the echo canceller; try: %s", ENABLE_HINT)
            return status
        status = echo_cancel_status()
    if status.sources and status.sinks:
        _pactl("set-default-source", status.sources[0])
        _pactl("set-default-sink", status.sinks[0])
    return echo_cancel_status()
