"""Sending one request to the forum safely: only to the forum's own origin, within an overall
deadline, reading at most a set number of bytes.

- Keys and dictated text go only to the scheme, host and port of the forum's address:
  redirects are followed by hand, and one pointing anywhere else stops the request before
  anything is sent there.
- httpx's timeouts bound each socket operation, not the whole exchange, so a server that
  trickles a byte every few seconds could hold a request for hours. The network backend here
  shortens every connect, read and write to what is left of the request's deadline.
- The answer is streamed and counted as it arrives, both as sent (``max_response_bytes``) and
  unpacked (``max_decoded_bytes``); gzip is unpacked a bounded step at a time, so a small
  compressed bomb cannot balloon in memory.
"""

from __future__ import annotations

import contextlib
import ssl
import threading
import time
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import httpcore
import httpx

from voicepeer.errors import ForumError, ForumResponseError, ResponseProblem
from voicepeer.forum.settings import ForumSettings

#: Same-origin redirects followed for one request before giving up.
MAX_REDIRECTS = 5
#: Bytes of unpacked answer produced per decompression step.
INFLATE_STEP = 64 * 1024
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class ForumRequest:
    """One request to the forum, as voicepeer means it (before redirects and retries)."""

    method: str
    path: str
    params: Mapping[str, Any] | None = None
    body: Mapping[str, Any] | None = None
    """Sent as JSON."""
    accept: str = "application/json"

    @property
    def where(self) -> str:
        """How logs and errors name it: method and path, never parameters or body."""
        return f"{self.method} {self.path}"


class CrossOriginRedirectError(ForumError):
    """The forum redirected a request to another scheme, host or port; not followed, so keys
    and dictated text never reach that other address."""


class ResponseTooLargeError(ForumResponseError):
    """The forum's answer was larger than voicepeer accepts (as sent or once unpacked)."""


class DeadlinePassed(httpx.ReadTimeout):
    """The request as a whole took longer than its overall deadline."""


def origin(url: httpx.URL) -> tuple[str, str, int]:
    """Scheme, host and port (defaults filled in): what must match for keys to be sent."""
    scheme = url.scheme.lower()
    return scheme, url.host.lower(), url.port or _DEFAULT_PORTS.get(scheme, 0)


# -- the deadline, enforced at the socket -----------------------------------------------------


class _Deadlines(threading.local):
    at: float | None = None


class DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's synchronous backend with every socket wait cut to the calling thread's
    current deadline (set with :meth:`within`); pooled connections consult it per call."""

    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()
        self._deadlines = _Deadlines()

    @contextlib.contextmanager
    def within(self, seconds: float) -> Iterator[None]:
        previous = self._deadlines.at
        self._deadlines.at = time.monotonic() + seconds
        try:
            yield
        finally:
            self._deadlines.at = previous

    def clamp(self, timeout: float | None, error: type[Exception]) -> float | None:
        """``timeout`` shortened to the time left; ``error`` when none is left."""
        at = self._deadlines.at
        if at is None:
            return timeout
        left = at - time.monotonic()
        if left <= 0:
            raise error("the overall deadline of the request passed")
        return left if timeout is None else min(timeout, left)

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(
            host,
            port,
            self.clamp(timeout, httpcore.ConnectTimeout),
            local_address=local_address,
            socket_options=socket_options,
        )
        return _DeadlineStream(stream, self)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_unix_socket(
            path, self.clamp(timeout, httpcore.ConnectTimeout), socket_options=socket_options
        )
        return _DeadlineStream(stream, self)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, backend: DeadlineBackend) -> None:
        self._inner = inner
        self._backend = backend

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._backend.clamp(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._backend.clamp(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        clamped = self._backend.clamp(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(
            self._inner.start_tls(ssl_context, server_hostname, clamped), self._backend
        )

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class DeadlineTransport(httpx.HTTPTransport):
    """httpx's own transport (TLS, pooling, error mapping) over a :class:`DeadlineBackend`.

    httpx takes no network backend, so its connection pool is built again with one; the
    trickle tests fail loudly should a later httpx stop using ``_pool``.
    """

    def __init__(self, backend: DeadlineBackend) -> None:
        super().__init__()
        limits = httpx.Limits(max_connections=10, max_keepalive_connections=4)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=5.0,
            network_backend=backend,
        )


# -- one request ------------------------------------------------------------------------------


class Sender:
    """Sends requests through ``client`` to ``base_url``'s origin only, within the limits of
    ``settings``. Raises httpx's errors for network faults (:class:`DeadlinePassed` when the
    overall deadline passes), :class:`CrossOriginRedirectError` and
    :class:`ResponseTooLargeError`; returns the answer fully read, already unpacked."""

    def __init__(
        self,
        client: httpx.Client,
        base_url: str,
        settings: ForumSettings,
        backend: DeadlineBackend | None,
    ) -> None:
        self._client = client
        self._origin = origin(httpx.URL(base_url))
        self._settings = settings
        self._backend = backend

    def send(self, request: ForumRequest, seconds: float) -> httpx.Response:
        """One exchange, redirects included, that takes at most ``seconds`` in all."""
        ends = time.monotonic() + seconds
        try:
            return self._send(request, seconds, ends)
        except httpx.TimeoutException as error:
            if time.monotonic() < ends - 0.05:
                raise  # an ordinary timeout of one step, well before the deadline
            raise DeadlinePassed(
                f"no complete answer within the overall deadline of {seconds:.3g} s"
            ) from error

    def _send(self, wanted: ForumRequest, seconds: float, ends: float) -> httpx.Response:
        with self._backend.within(seconds) if self._backend else contextlib.nullcontext():
            request = self._client.build_request(
                wanted.method,
                wanted.path,
                params=wanted.params,
                json=wanted.body,
                headers={"Accept": wanted.accept, "Accept-Encoding": "gzip"},
                timeout=self._timeout(ends),
            )
            for _ in range(MAX_REDIRECTS + 1):
                self._check_origin(request.url)
                response = self._client.send(request, stream=True)
                try:
                    following = self._redirected(request, response, ends)
                    if following is None:
                        return self._read(response, ends)
                finally:
                    response.close()
                request = following
        raise ForumResponseError(
            f"{wanted.where}: the forum redirected more than {MAX_REDIRECTS} times",
            problem=ResponseProblem.REDIRECT_LOOP,
        )

    def _timeout(self, ends: float) -> httpx.Timeout:
        """Per-operation timeouts, none longer than the time left (a floor keeps httpx sane)."""
        left = max(0.01, ends - time.monotonic())
        read = min(self._settings.read_timeout_s, left)
        return httpx.Timeout(read, connect=min(self._settings.connect_timeout_s, left))

    def _check_origin(self, url: httpx.URL) -> None:
        if origin(url) != self._origin:
            scheme, host, port = origin(url)
            raise CrossOriginRedirectError(
                f"the forum redirected to another address ({scheme}://{host}:{port}); "
                "not followed, so the account key and any text stay with the forum"
            )

    def _redirected(
        self, request: httpx.Request, response: httpx.Response, ends: float
    ) -> httpx.Request | None:
        """The request to send next for a redirect, or ``None`` when this is the answer."""
        location = response.headers.get("Location")
        if response.status_code not in _REDIRECTS or not location:
            return None
        target = response.url.join(location)
        self._check_origin(target)
        timeout = self._timeout(ends)
        if request.method == "GET":
            return self._client.build_request(
                "GET", target, headers=request.headers, timeout=timeout
            )
        if response.status_code in (307, 308):
            # Same method and body again, to the same origin only (checked above).
            return httpx.Request(
                request.method,
                target,
                headers=request.headers,
                content=request.read(),
                extensions={"timeout": timeout.as_dict()},
            )
        return None  # a write redirected to a GET is not followed: the status says what happened

    def _read(self, response: httpx.Response, ends: float) -> httpx.Response:
        wire_cap = self._settings.max_response_bytes
        decoded_cap = self._settings.max_decoded_bytes
        where = f"{response.request.method} {response.request.url.path}"
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > wire_cap:
            raise _too_large(where, f"announced {declared} bytes, more than {wire_cap}")
        wire = 0

        encoding = response.headers.get("Content-Encoding", "").strip().lower()
        raw: Iterable[bytes]
        if response.is_stream_consumed:  # an in-memory answer (tests' mock transports)
            raw, encoding = [response.content], ""
        else:
            raw = response.iter_raw()

        def counted() -> Iterator[bytes]:
            nonlocal wire
            for chunk in raw:
                wire += len(chunk)
                if wire > wire_cap:
                    raise _too_large(where, f"more than {wire_cap} bytes sent")
                if time.monotonic() > ends:
                    raise DeadlinePassed("the overall deadline passed")
                yield chunk

        parts: list[bytes] = []
        size = 0
        for piece in _inflated(counted(), encoding):
            size += len(piece)
            if size > decoded_cap:
                raise _too_large(where, f"more than {decoded_cap} bytes once unpacked")
            parts.append(piece)
        headers = [
            (name, value)
            for name, value in response.headers.multi_items()
            if name.lower() not in ("content-encoding", "content-length", "transfer-encoding")
        ]
        return httpx.Response(
            response.status_code,
            headers=headers,
            content=b"".join(parts),
            request=response.request,
        )


def _too_large(where: str, why: str) -> ResponseTooLargeError:
    return ResponseTooLargeError(f"{where}: the answer is too large ({why})")


def _inflated(chunks: Iterator[bytes], encoding: str) -> Iterator[bytes]:
    """The unpacked body, ``INFLATE_STEP`` bytes at most per step whatever the ratio."""
    if encoding in ("", "identity"):
        yield from chunks
        return
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise httpx.DecodingError(f"unsupported content encoding {encoding[:20]!r}")
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header, detected
    try:
        for chunk in chunks:
            pending = chunk
            while pending and not inflater.eof:
                piece = inflater.decompress(pending, INFLATE_STEP)
                pending = inflater.unconsumed_tail
                if piece:
                    yield piece
        while not inflater.eof:
            piece = inflater.decompress(b"", INFLATE_STEP)
            if not piece:
                break
            yield piece
    except zlib.error as error:
        raise httpx.DecodingError(f"damaged compressed answer ({error})") from None


__all__ = [
    "MAX_REDIRECTS",
    "CrossOriginRedirectError",
    "DeadlineBackend",
    "DeadlinePassed",
    "DeadlineTransport",
    "ResponseTooLargeError",
    "Sender",
    "origin",
]
