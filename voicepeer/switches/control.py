"""Push-to-talk: turning switch presses into "listen now", "stop listening", "stop speaking".

The voice loop waits on :attr:`PushToTalk.listening` before it opens the microphone, and
watches :attr:`PushToTalk.stop_speech` while it speaks (or passes ``on_stop_speech``, e.g.
the speech output's ``stop``). A press while voicepeer is speaking only stops the speech;
the next press starts listening.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from voicepeer.errors import ConfigError, VoicepeerError
from voicepeer.switches.base import Switch
from voicepeer.switches.keys import normalize_key
from voicepeer.switches.settings import SwitchSettings

log = logging.getLogger(__name__)

Callback = Callable[[], None]


class PushToTalk:
    def __init__(
        self,
        switch: Switch,
        settings: SwitchSettings,
        *,
        is_speaking: Callable[[], bool] = lambda: False,
        on_listen_start: Callback | None = None,
        on_listen_stop: Callback | None = None,
        on_stop_speech: Callback | None = None,
        on_error: Callable[[VoicepeerError], None] | None = None,
        on_yes: Callback | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if settings.mode not in ("tap", "hold"):
            raise ConfigError(
                f'push-to-talk needs [switches] mode "tap" or "hold", not "{settings.mode}"'
            )
        self.listening = threading.Event()
        """Set while the person wants voicepeer to listen."""
        self.stop_speech = threading.Event()
        """Set by a press while voicepeer speaks; the loop clears it once speech stopped."""
        self.failed: VoicepeerError | None = None
        """The error that ended the switch (unplugged, terminal closed), if any."""
        self._switch = switch
        self._settings = settings
        self._key = normalize_key(settings.key)
        self._hold = settings.mode == "hold"
        if self._hold and not switch.supports_release:
            log.warning(
                "This switch cannot report releases (a terminal key); hold-to-talk "
                'works only with source = "evdev". Using tap mode instead.'
            )
            self._hold = False
        self._is_speaking = is_speaking
        self._on_listen_start = on_listen_start
        self._on_listen_stop = on_listen_stop
        self._on_stop_speech = on_stop_speech
        self._on_error = on_error
        self._on_yes = on_yes
        self._yes_key = normalize_key(settings.yes_key) if settings.yes_key else None
        self._clock = clock
        self._lock = threading.Lock()
        self._last_press: dict[str, float] = {}
        self._ignored_presses: set[str] = set()

    @property
    def hold_mode(self) -> bool:
        """True when listening lasts while the switch is held (False: tap to toggle)."""
        return self._hold

    def start(self) -> None:
        self._switch.start(self.handle_press, self.handle_release, self._handle_error)

    def close(self) -> None:
        self._switch.close()

    def wait_for_listening(self, timeout_s: float | None = None) -> bool:
        """Block until the person asks voicepeer to listen; False on timeout."""
        return self.listening.wait(timeout_s)

    def stop_listening(self) -> None:
        """End listening from the loop's side (e.g. after an utterance in tap mode)."""
        self._set_listening(False)

    def handle_press(self, key: str) -> None:
        with self._lock:
            if self._bounced(key):
                self._ignored_presses.add(key)
                return
            self._ignored_presses.discard(key)
            if self._is_speaking() and (self._settings.any_key_stops_speech or key == self._key):
                self._ignored_presses.add(key)  # its release must not end listening
                self.stop_speech.set()
                callback = self._on_stop_speech
            elif key == self._yes_key and key != self._key:
                callback = self._on_yes
            elif key != self._key:
                return
            elif self._hold:
                callback = self._set_listening(True)
            else:
                callback = self._set_listening(not self.listening.is_set())
        if callback is not None:
            callback()

    def handle_release(self, key: str) -> None:
        with self._lock:
            if key in self._ignored_presses:
                self._ignored_presses.discard(key)
                return
            if not self._hold or key != self._key:
                return
            callback = self._set_listening(False)
        if callback is not None:
            callback()

    def _bounced(self, key: str) -> bool:
        # A sliding window: a held terminal key keeps repeating, and all of it is one press.
        now = self._clock()
        previous = self._last_press.get(key)
        self._last_press[key] = now
        return previous is not None and now - previous < self._settings.debounce_s

    def _set_listening(self, on: bool) -> Callback | None:
        if on == self.listening.is_set():
            return None
        if on:
            self.listening.set()
            return self._on_listen_start
        self.listening.clear()
        return self._on_listen_stop

    def _handle_error(self, error: VoicepeerError) -> None:
        self.failed = error
        with self._lock:
            callback = self._set_listening(False)
        if callback is not None:
            callback()
        if self._on_error is not None:
            self._on_error(error)
