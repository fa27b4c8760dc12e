"""Peak memory of the calling process itself."""

from __future__ import annotations

import resource
from pathlib import Path


def peak_rss_kb() -> int:
    """This process's own peak resident memory in KiB. Not ru_maxrss: Linux carries that over
    fork and exec, so a child would report its parent's size when that is larger."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
