"""The one place where HTTP meets voicepeer: httpx errors and forum status codes become
voicepeer's exception tree here, reads are retried with backoff, writes never blindly.

Nothing here logs bodies, headers or query strings: they hold post text and keys.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

import httpx

from voicepeer.errors import (
    AuthError,
    AuthProblem,
    ForumError,
    ForumForbiddenError,
    ForumResponseError,
    ForumSetting,
    ForumSettingsError,
    ForumStillDownError,
    ForumUnreachableError,
    HttpAnswer,
    NetFault,
    RateLimitedError,
    ResponseProblem,
)
from voicepeer.forum.account_key import AccountKey, Renewal
from voicepeer.forum.credentials import Credentials
from voicepeer.forum.reachability import Reachability
from voicepeer.forum.refusals import error_for_answer
from voicepeer.forum.settings import ForumSettings
from voicepeer.forum.transport import (
    DeadlineBackend,
    DeadlineTransport,
    ForumRequest,
    ResponseTooLargeError,
    Sender,
)
from voicepeer.unreachable import net_fault

log = logging.getLogger(__name__)

SlowListener = Callable[[], None]
WaitListener = Callable[[float], None]

#: Waits the forum may impose in a row before the client gives up and reports it.
MAX_RATE_LIMIT_WAITS = 3
#: Connection faults the system reports at once, with nothing slow about them: a read
#: gets one short retry (``refused_retry_s``), not the backoff meant for a slow forum.
PLAINLY_REFUSED = frozenset({NetFault.REFUSED, NetFault.NAME_UNKNOWN, NetFault.NO_ROUTE})


class DeliveryUncertainError(ForumUnreachableError):
    """A write may or may not have reached the forum: the connection dropped or timed out
    after the request was sent, or the forum failed while handling it."""


def json_or_none(response: httpx.Response) -> Any:
    try:
        return json.loads(response.content)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None


class _SlowTimer:
    """Calls the listeners if the surrounding request is still running after ``delay_s``,
    and again every ``every_s`` for as long as it goes on: a person kept waiting in silence
    cannot tell a slow forum from voicepeer having stopped."""

    def __init__(self, delay_s: float, every_s: float, listeners: list[SlowListener]) -> None:
        self._delay_s = delay_s
        self._every_s = every_s
        self._listeners = listeners
        self._done = threading.Event()

    def _run(self) -> None:
        wait = self._delay_s
        while not self._done.wait(wait):
            for listener in list(self._listeners):
                try:
                    listener()
                except Exception:
                    log.exception("slow-request listener failed")
            wait = self._every_s

    def __enter__(self) -> _SlowTimer:
        if self._listeners:
            threading.Thread(target=self._run, name="slow-request", daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()

    def cancel(self) -> None:
        """The user has already been told why we wait (e.g. the forum asked for a pause)."""
        self._done.set()


class ForumHttp:
    """JSON over HTTP to one forum, with voicepeer's error handling."""

    def __init__(
        self,
        base_url: str,
        *,
        credentials: Credentials | None = None,
        settings: ForumSettings | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        renewal: Renewal | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings or ForumSettings()
        self.base_url = base_url.rstrip("/")
        self._sleep = sleep
        self._slow_listeners: list[SlowListener] = []
        self._wait_listeners: list[WaitListener] = []
        self._request_listeners: list[Callable[[str, str], None]] = []
        self.requests_made = 0
        """Requests sent so far (retries included), for measuring frugality."""
        headers = {"Accept": "application/json", "User-Agent": self.settings.user_agent}
        backend: DeadlineBackend | None = None
        if transport is None:
            backend = DeadlineBackend()
            transport = DeadlineTransport(backend)
        self._client = httpx.Client(
            base_url=self.base_url,
            headers=headers,
            transport=transport,
            follow_redirects=False,  # followed by the sender, to the forum's own origin only
        )
        self._sender = Sender(self._client, self.base_url, self.settings, backend)
        self.key = AccountKey(
            self._client,
            credentials,
            renewal=renewal,
            recheck_s=self.settings.key_recheck_s,
            clock=clock,
        )
        self.reach = Reachability(self._probe, self.settings.down_check_s)
        """Whether the forum is known to be out of reach (then each request gets one
        quick try), with a look now and then for its return."""

    def _slow_timer(self) -> _SlowTimer:
        settings = self.settings
        return _SlowTimer(
            settings.slow_after_s, settings.still_waiting_every_s, self._slow_listeners
        )

    def on_slow(self, listener: SlowListener) -> None:
        """Call ``listener`` (from a timer thread) when a request takes longer than
        ``slow_after_s``, and every ``still_waiting_every_s`` after, so the voice loop can
        say it is still waiting."""
        self._slow_listeners.append(listener)

    def on_wait(self, listener: WaitListener) -> None:
        """Call ``listener(seconds)`` before the client waits because the forum asked it to."""
        self._wait_listeners.append(listener)

    def on_request(self, listener: Callable[[str, str], None]) -> None:
        """Call ``listener(method, path)`` after each answered request (for measurements)."""
        self._request_listeners.append(listener)

    def close(self) -> None:
        self.reach.close()
        self._client.close()

    # -- public calls ---------------------------------------------------------------------

    def get(self, path: str, params: Mapping[str, Any] | None = None) -> Any:
        """GET JSON; retried with backoff on network faults, timeouts and server errors."""
        with self._slow_timer() as timer:
            return self._with_retries(ForumRequest("GET", path, params=params), timer)

    def get_text(self, path: str) -> str:
        """GET a page as text (used for settings Discourse only embeds in its HTML)."""
        with self._slow_timer() as timer:
            response = self._with_retries(
                ForumRequest("GET", path, accept="text/html"), timer, raw=True
            )
        assert isinstance(response, httpx.Response)
        return response.text

    def write(self, method: str, path: str, body: Mapping[str, Any] | None = None) -> Any:
        """POST/PUT/DELETE JSON. Never retried after it may have reached the forum: such
        failures raise :class:`DeliveryUncertainError` so the caller can check first."""
        with self._slow_timer() as timer:
            return self._with_retries(ForumRequest(method, path, body=body), timer)

    def write_answer(
        self, method: str, path: str, body: Mapping[str, Any] | None = None
    ) -> httpx.Response:
        """As :meth:`write`, but the forum's 2xx answer as it came: its headers too, and
        its body whether JSON or not."""
        with self._slow_timer() as timer:
            response = self._with_retries(ForumRequest(method, path, body=body), timer, raw=True)
        assert isinstance(response, httpx.Response)
        return response

    def send_quietly(self, method: str, path: str, body: Mapping[str, Any]) -> None:
        """One attempt at a background write (reading progress): no retries, no waiting,
        nothing announced, an empty answer accepted. Failures raise for the caller to keep
        the data for next time."""
        self._one_attempt(ForumRequest(method, path, body=body), raw=True)

    def get_quietly(self, path: str, seconds: float | None = None) -> Any:
        """One attempt at a read the person is not waiting for (the site's censored words),
        given up after ``seconds`` (default: ``request_deadline_s``): no retries, no
        waiting, nothing announced. Failures raise for the caller to ask again later."""
        return self._one_attempt(ForumRequest("GET", path), raw=False, seconds=seconds)

    def _one_attempt(
        self, request: ForumRequest, *, raw: bool, seconds: float | None = None
    ) -> Any:
        try:
            return self._answered(request, raw=raw, seconds=self._try_seconds(seconds))
        except _Retryable as error:
            if error.sent is False:  # nothing there at all: a slow answer would not say so
                self.reach.mark_down()
            raise (error.for_read() if request.method == "GET" else error.for_write()) from None

    def _quick_try(self, request: ForumRequest, *, raw: bool) -> Any:
        """While the forum is known to be out of reach: one short try, no retries."""
        try:
            return self._answered(request, raw=raw, seconds=self._try_seconds(down=True))
        except _Retryable as error:
            if request.method != "GET" and error.sent is not False:
                raise error.for_write() from None  # it may have arrived after all
            raise ForumStillDownError(
                f"{error} (the forum was out of reach already)", answer=error.answer
            ) from None

    def _try_seconds(self, seconds: float | None = None, *, down: bool = False) -> float:
        """How long one try of a request may take: ``seconds`` (by default
        ``request_deadline_s``), and no more than ``down_try_s`` while the forum is known to
        be out of reach (``down``: it was when the request began)."""
        chosen = self.settings.request_deadline_s if seconds is None else seconds
        if down or self.reach.down:
            return min(chosen, self.settings.down_try_s)
        return chosen

    def _probe(self) -> bool:
        """One look at whether the forum answers at all, from the checking thread."""
        request = ForumRequest("GET", "/site/basic-info.json")
        seconds = min(self.settings.request_deadline_s, self.settings.down_check_s)
        try:
            return self._sender.send(request, seconds).status_code < 500
        except (httpx.HTTPError, ForumError):
            return False

    # -- machinery ------------------------------------------------------------------------

    def _with_retries(self, request: ForumRequest, timer: _SlowTimer, *, raw: bool = False) -> Any:
        if self.reach.down:
            return self._quick_try(request, raw=raw)
        try:
            return self._retried(request, timer, raw=raw)
        except _GaveUp as gave_up:
            if gave_up.out_of_reach:
                self.reach.mark_down()
            raise gave_up.error from None

    def _retried(self, request: ForumRequest, timer: _SlowTimer, *, raw: bool) -> Any:
        is_read = request.method == "GET"
        attempt = 0
        waits = 0
        started = time.monotonic()
        while True:
            seconds = self.settings.request_deadline_s
            if is_read:
                seconds = min(seconds, self.settings.read_deadline_s - (time.monotonic() - started))
            try:
                return self._answered(request, raw=raw, seconds=max(seconds, 0.01))
            except ResponseTooLargeError as error:
                if is_read:
                    raise
                # The forum took the write and answered at length: it may well be posted.
                raise DeliveryUncertainError(str(error)) from error
            except RateLimitedError as error:
                waits += 1
                if error.wait_seconds > self.settings.max_rate_limit_wait_s or (
                    waits > MAX_RATE_LIMIT_WAITS
                ):
                    raise
                timer.cancel()  # "the forum asked me to wait" says it all
                self._announce_wait(error.wait_seconds)
                self._sleep(error.wait_seconds)
            except _Retryable as error:
                if not is_read:
                    # Only a write that never connected says the forum is out of reach: one
                    # that timed out or failed there may be slow or broken on its own path,
                    # while reads are answered as ever.
                    raise _GaveUp(error.for_write(), out_of_reach=error.sent is False) from (
                        error.__cause__
                    )
                delay = min(
                    self.settings.retry_backoff_s * (2**attempt), self.settings.retry_backoff_max_s
                )
                retries = self.settings.read_retries
                if error.fault in PLAINLY_REFUSED:
                    delay, retries = self.settings.refused_retry_s, min(retries, 1)
                # Another try would outlast the time the user is kept waiting: give up now.
                late = time.monotonic() - started + delay > self.settings.read_deadline_s
                if attempt >= retries or late:
                    raise _GaveUp(error.for_read()) from error.__cause__
                attempt += 1
                log.info(
                    "%s failed (%s); retry %d in %.1fs", request.path, error.reason, attempt, delay
                )
                self._sleep(delay)

    def _announce_wait(self, seconds: float) -> None:
        for listener in list(self._wait_listeners):
            try:
                listener(seconds)
            except Exception:
                log.exception("rate-limit listener failed")

    def _answered(self, request: ForumRequest, *, raw: bool, seconds: float) -> Any:
        """One exchange with the account key while the forum takes it. Once it refuses it,
        a read is asked again as a visitor (as Discourse serves public topics to anyone),
        and nothing needing the account is sent until a new key is saved."""
        self.key.renewed()
        if self.key.refused and request.method != "GET":
            raise self.key.refusal(request.where)
        try:
            return self._once(request, raw=raw, seconds=seconds)
        except AuthError as error:
            if error.problem is not AuthProblem.KEY_REFUSED or not self.key.usable:
                raise
            if self.key.refuse():  # a carer connected the account again meanwhile
                return self._once(request, raw=raw, seconds=seconds)
            if request.method != "GET":
                raise
        return self._once(request, raw=raw, seconds=seconds)

    def _once(self, request: ForumRequest, *, raw: bool, seconds: float) -> Any:
        where = request.where
        self.requests_made += 1
        try:
            response = self._sender.send(request, seconds)
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as error:
            # Nothing was sent: safe to try again, reads and writes alike.
            raise _Retryable(
                where, f"cannot connect: {_why(error)}", sent=False, fault=net_fault(error)
            ) from None
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as error:
            raise ForumSettingsError(
                f"{where}: bad forum address ({type(error).__name__})",
                kind=ForumSetting.ADDRESS_UNUSABLE,
            ) from None
        except httpx.TimeoutException as error:
            reason = f"no answer in time: {type(error).__name__} ({error})"
            raise _Retryable(where, reason, fault=NetFault.TIMED_OUT) from None
        except httpx.RequestError as error:
            # Dropped or garbled mid-exchange (reset, truncated, bad encoding, redirect loop).
            raise _Retryable(
                where, f"connection broke: {type(error).__name__}", fault=NetFault.BROKE
            ) from None
        if response.status_code < 500:
            self.reach.mark_up()
        for listener in list(self._request_listeners):
            listener(request.method, request.path)
        log.debug("%s -> %d", where, response.status_code)
        return self._interpret(request, response, raw=raw)

    def _interpret(self, request: ForumRequest, response: httpx.Response, *, raw: bool) -> Any:
        where = request.where
        status = response.status_code
        data = json_or_none(response)
        answer = HttpAnswer.of(status, response.reason_phrase)
        if 200 <= status < 300:
            if raw:
                return response
            if data is None:
                raise _Retryable(
                    where, f"unreadable answer (HTTP {status}, not JSON)", sent=True, answer=answer
                )
            return data
        if status >= 500:
            raise _Retryable(where, f"server error HTTP {status}", sent=True, answer=answer)
        error = error_for_answer(
            request.method,
            request.path,
            status,
            data,
            response.headers,
            signed_in=self.key.present,
            reason_phrase=response.reason_phrase,
        )
        # Discourse refuses a revoked or unknown user API key with the same stock sentence
        # as a forbidden action: ask the forum who we are before blaming either.
        generic = isinstance(error, ForumForbiddenError) and error.generic
        if generic and self.key.present and not self._account_works():
            raise AuthError(
                f"{error} (the account key is no longer accepted)",
                problem=AuthProblem.KEY_REFUSED,
                answer=error.answer,
            )
        raise error

    def _account_works(self) -> bool:
        """False only when the forum says it does not know this key (Discourse: 403, or
        404 for an anonymous caller); when it cannot tell, do not call the account broken."""
        try:
            answer = self._client.get("/session/current.json")
        except httpx.HTTPError:
            return True
        return answer.status_code not in (401, 403, 404)


class _GaveUp(Exception):
    """Internal: retries of a request are over; ``error`` is what the caller gets."""

    def __init__(self, error: ForumError, *, out_of_reach: bool = True) -> None:
        super().__init__(str(error))
        self.error = error
        self.out_of_reach = out_of_reach
        """The failure is evidence that the forum is out of reach as a whole."""


class _Retryable(Exception):
    """Internal: a failure worth retrying for reads; turned into the public tree on the way out."""

    def __init__(
        self,
        where: str,
        reason: str,
        *,
        sent: bool | None = None,
        fault: NetFault = NetFault.NO_CONNECTION,
        answer: HttpAnswer | None = None,
    ) -> None:
        super().__init__(f"{where}: {reason}")
        self.sent = sent
        """False when the request surely never left; True/None when it may have arrived."""
        self.reason = reason
        self.fault = fault
        self.answer = answer
        """The forum's status, when it answered (an error of its own, or no JSON)."""

    def for_read(self) -> ForumError:
        answer = self.answer
        if answer is not None and answer.status >= 500:
            return ForumResponseError(
                str(self), problem=ResponseProblem.SERVER_TROUBLE, answer=answer
            )
        if self.sent:
            return ForumResponseError(str(self), answer=answer)
        return ForumUnreachableError(str(self), fault=self.fault)

    def for_write(self) -> ForumError:
        if self.sent is False:
            return ForumUnreachableError(str(self), fault=self.fault)
        return DeliveryUncertainError(str(self), answer=self.answer)


_REQUEST = re.compile(r"^(?:GET|POST|PUT|PATCH|DELETE|HEAD) /\S*: ")


def without_request(error: BaseException) -> str:
    """What went wrong with a forum request, for a carer: without the request it went wrong
    in ("POST /user-api-key/revoke: cannot connect: …" → "cannot connect: …")."""
    return _REQUEST.sub("", str(error))


def _why(error: httpx.RequestError) -> str:
    """What the system said went wrong ("Connection refused", "Name or service not known"),
    which a carer can look up, rather than the library's class name alone."""
    said = re.sub(r"^\[Errno -?\d+\]\s*", "", str(error)).strip()
    return said or type(error).__name__
