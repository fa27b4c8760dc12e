"""One last try at sending what is kept, at goodbye, for a bounded time.

The forum may have come back a moment ago, or the background retry may be checking a reply
right now: goodbye then says what is known, not what was. A try still going when the time
is up is left to end by itself; a send cut off by the exit is checked at the next start,
as after a crash.
"""

from __future__ import annotations

import logging
import threading

from voicepeer.forum.outbox import SendResult
from voicepeer.voice.ports import ReplyOutbox

log = logging.getLogger(__name__)


def last_try(outbox: ReplyOutbox, wait_s: float) -> list[SendResult]:
    """Send what is kept, waiting at most ``wait_s`` seconds; what went out or was refused
    (none when the try did not end in time, or nothing is kept)."""
    if wait_s <= 0 or not outbox.pending():
        return []
    results: list[SendResult] = []
    done = threading.Event()

    def run() -> None:
        try:
            results.extend(outbox.flush())
        except Exception:  # the words stay kept whatever happened here
            log.exception("the last try at goodbye failed")
        finally:
            done.set()

    threading.Thread(target=run, name="goodbye-try", daemon=True).start()
    if not done.wait(wait_s):
        log.info("the last try at goodbye did not end in %.0f s", wait_s)
        return []
    return [r for r in results if not r.waiting]
