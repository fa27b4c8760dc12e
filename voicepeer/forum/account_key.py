"""The account key a forum client sends, and what becomes of it once the forum refuses it.

A stock Discourse answers every request carrying a revoked or unknown key with HTTP 403
``invalid_access`` — public topics included — while it serves those topics to anyone
without a key. So once the key is refused the client drops it: reads go on as a visitor,
and nothing needing the account is sent (a write without the key would be refused, or on a
forum that lets visitors post, made under no one's name) until a carer connects the account
again and the new key is taken up.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import httpx

from voicepeer.errors import AuthError, AuthProblem
from voicepeer.forum.credentials import Credentials

log = logging.getLogger(__name__)

Renewal = Callable[[], Credentials | None]
"""The account as saved now (a carer may have connected it again meanwhile)."""


class AccountKey:
    """The key in ``client``'s headers: dropped when refused, taken up again when renewed."""

    def __init__(
        self,
        client: httpx.Client,
        credentials: Credentials | None,
        *,
        renewal: Renewal | None = None,
        recheck_s: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = client
        self._credentials = credentials
        self._renewal = renewal
        self._recheck_s = recheck_s
        self._clock = clock
        self._lock = threading.Lock()
        self._refused = False
        self._ending = False
        self._checked_at = 0.0
        self._listeners: list[Callable[[], None]] = []
        self._renewed_listeners: list[Callable[[], None]] = []
        if credentials is not None:
            client.headers.update(credentials.headers())

    @property
    def credentials(self) -> Credentials | None:
        """The account the key is of: the one renewed last, refused or not."""
        return self._credentials

    @property
    def present(self) -> bool:
        """An account was set up for this client (refused or not)."""
        return self._credentials is not None

    @property
    def refused(self) -> bool:
        """The forum refused the key, and no new one has been taken up since."""
        return self._refused

    def on_refused(self, listener: Callable[[], None]) -> None:
        """Call ``listener()`` once each time the key is found refused."""
        self._listeners.append(listener)

    def on_renewed(self, listener: Callable[[], None]) -> None:
        """Call ``listener()`` when a new key is taken up after the forum refused one."""
        self._renewed_listeners.append(listener)

    @property
    def usable(self) -> bool:
        """There is a key, and the forum has not refused it."""
        return self._credentials is not None and not self._refused

    def refuse(self) -> bool:
        """The forum refused the key: take up one saved meanwhile (True: send again with
        it), else drop it and tell the listeners (False)."""
        if self._renewal is not None and not self._ending and self._take_up_saved():
            return True
        with self._lock:
            if self._refused or self._credentials is None:
                return False
            for name in self._credentials.headers():
                self._client.headers.pop(name, None)
            self._refused = True
            self._checked_at = self._clock()
        if self._ending:  # revoked already: what the request was for
            log.info("the account key being revoked was no longer accepted")
            return False
        log.warning(
            "the forum refused the account key: reads go on as a visitor, and nothing needing "
            "the account is sent until it is connected again (voicepeer forum connect)"
        )
        _tell(self._listeners, "refused-key")
        return False

    @contextmanager
    def ending(self) -> Iterator[None]:
        """The key is being revoked: the forum refusing it (revoked already, as Discourse
        does when the same member approves voicepeer again) is no warning, and no saved key
        is taken up in its place (it would be revoked instead)."""
        self._ending = True
        try:
            yield
        finally:
            self._ending = False

    def renewed(self) -> bool:
        """While refused, now and then: whether a new key was saved meanwhile; if so it is
        used from now on. True when it was."""
        if not self._refused or self._renewal is None:
            return False
        with self._lock:
            if self._clock() - self._checked_at < self._recheck_s:
                return False
            self._checked_at = self._clock()
        return self._take_up_saved()

    def _take_up_saved(self) -> bool:
        """Use the key saved now if it is another one than the one in use; True if so."""
        assert self._renewal is not None
        try:
            saved = self._renewal()
        except Exception as error:  # a damaged file is for doctor to report, not a read
            log.info("saved account not read again: %s", type(error).__name__)
            return False
        old = self._credentials
        if saved is None or old is None or saved.key == old.key:
            return False
        with self._lock:
            for name in old.headers():
                self._client.headers.pop(name, None)
            self._credentials = saved
            self._client.headers.update(saved.headers())
            was_refused, self._refused = self._refused, False
        log.info("a new account key was saved; using it")
        if was_refused:
            _tell(self._renewed_listeners, "renewed-key")
        return True

    def refusal(self, where: str) -> AuthError:
        """What a request needing the account gets while the key is refused (not sent)."""
        return AuthError(
            f"{where}: not sent, the forum refused the account key earlier",
            problem=AuthProblem.KEY_REFUSED,
        )


def _tell(listeners: list[Callable[[], None]], which: str) -> None:
    """Run each of ``listeners``; one that fails is logged, and the rest still run."""
    for listener in list(listeners):
        try:
            listener()
        except Exception:
            log.exception("%s listener failed", which)
