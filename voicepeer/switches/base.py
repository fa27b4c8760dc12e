"""The switch interface, and the reader thread the implementations share."""

from __future__ import annotations

import logging
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, Self

from voicepeer.errors import VoicepeerError

log = logging.getLogger(__name__)

KeyHandler = Callable[[str], None]
ErrorHandler = Callable[[VoicepeerError], None]
POLL_S = 0.1
"""How often the reader thread checks whether it should stop."""


@dataclass(frozen=True)
class KeyEvent:
    key: str
    """Normalized key name, see :mod:`voicepeer.switches.keys`."""
    pressed: bool
    """True for a press, False for a release."""


class Switch(Protocol):
    """A key or accessibility switch. Callbacks run on the switch's own thread."""

    @property
    def supports_release(self) -> bool:
        """Whether releases are reported (needed for hold-to-talk)."""
        ...

    def start(
        self,
        on_press: KeyHandler,
        on_release: KeyHandler | None = None,
        on_error: ErrorHandler | None = None,
    ) -> None:
        """Begin reporting presses (and releases) of any key, by name."""
        ...

    def close(self) -> None:
        """Stop reporting and give the device back (the terminal is restored)."""
        ...


class ThreadedSwitch(ABC):
    """Runs :meth:`read_events` on a daemon thread and hands the events to the callbacks."""

    supports_release = False

    def __init__(self) -> None:
        self._closing = threading.Event()
        self._thread: threading.Thread | None = None

    @abstractmethod
    def read_events(self, timeout_s: float) -> list[KeyEvent]:
        """Events that arrive within ``timeout_s`` (possibly none); raises VoicepeerError
        when the device is gone."""

    @abstractmethod
    def _release_device(self) -> None: ...

    def start(
        self,
        on_press: KeyHandler,
        on_release: KeyHandler | None = None,
        on_error: ErrorHandler | None = None,
    ) -> None:
        if self._thread is not None:
            raise RuntimeError("switch already started")
        self._thread = threading.Thread(
            target=self._run,
            args=(on_press, on_release, on_error),
            name=type(self).__name__,
            daemon=True,
        )
        self._thread.start()

    def close(self) -> None:
        self._closing.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=2 * POLL_S + 1)
        self._release_device()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _run(
        self, on_press: KeyHandler, on_release: KeyHandler | None, on_error: ErrorHandler | None
    ) -> None:
        while not self._closing.is_set():
            try:
                events = self.read_events(POLL_S)
            except VoicepeerError as error:
                log.warning("Switch stopped: %s", error)
                self._release_device()
                if on_error is not None:
                    on_error(error)
                return
            for event in events:
                handler = on_press if event.pressed else on_release
                if handler is None:
                    continue
                try:
                    handler(event.key)
                except Exception:  # one faulty handler must not silence the switch
                    log.exception("Switch handler failed for %s", event.key)
