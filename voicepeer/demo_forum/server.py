"""The demo forum's HTTP server: stdlib ``ThreadingHTTPServer`` in a background thread."""

from __future__ import annotations

import contextlib
import logging
import secrets
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

from voicepeer import paths
from voicepeer.demo_forum import profiles
from voicepeer.demo_forum.app import DemoForumApp
from voicepeer.demo_forum.faults import Faults
from voicepeer.demo_forum.http_api import Request, Response
from voicepeer.demo_forum.posting import approve_pending
from voicepeer.demo_forum.seed import seed_forum, seed_long_topic
from voicepeer.demo_forum.settings import DemoForumOptions
from voicepeer.demo_forum.store import Store, hash_key, now_iso
from voicepeer.demo_forum.user_api_keys import store_key
from voicepeer.errors import ConfigError

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 2_000_000


def default_db_path() -> Path:
    return paths.data_dir() / "demo-forum.sqlite3"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "voicepeer-demo-forum"
    # Headers and body go out in two writes; without this, Nagle's algorithm and delayed
    # ACKs add ~40 ms to every keep-alive answer.
    disable_nagle_algorithm = True
    app: DemoForumApp  # set on the per-server subclass

    def _serve(self) -> None:
        length_header = self.headers.get("Content-Length") or "0"
        try:
            length = int(length_header)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY_BYTES:
            self._send(Response.json(413, {"errors": ["The request body is too large."]}))
            self.close_connection = True
            return
        body = self.rfile.read(length) if length else b""
        target = urlsplit(self.path)
        request = Request(
            method="GET" if self.command == "HEAD" else self.command,
            path=target.path,
            query=target.query,
            headers={k.lower(): v for k, v in self.headers.items()},
            body=body,
            client_ip=self.client_address[0],
        )
        self._send(self.app.handle(request))

    def _send(self, response: Response) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        for name, value in response.headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command == "HEAD":
            return
        if response.drop_after_bytes is not None:
            self.wfile.write(response.body[: response.drop_after_bytes])
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.wfile.write(response.body)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _serve

    def log_message(self, format: str, *args: object) -> None:
        # Request lines can carry search terms; keep them out of logs unless debugging.
        # A request that is no HTTP at all (an https:// probe's handshake) has neither: the
        # error logged for it raised AttributeError, a traceback in the forum's window.
        command, path = getattr(self, "command", None), getattr(self, "path", "")
        log.debug("%s %s", command or "(no request)", urlsplit(path).path)


class _Server(ThreadingHTTPServer):
    """Keeps the connections it serves, so that stopping closes them as a forum going away
    does: a client's kept-alive connection is then found closed (it connects again, and is
    refused) instead of being answered by a forum that has stopped."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler]) -> None:
        super().__init__(address, handler)
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        with self._open_lock:
            open_now = list(self._open)
        for connection in open_now:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


class DemoForum:
    """A Discourse-compatible forum on 127.0.0.1, stored in SQLite, seeded on first start.

    ``start()`` returns the base URL; use as a context manager to stop it afterwards.
    """

    def __init__(
        self,
        db_path: Path | None = None,
        options: DemoForumOptions | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.db_path = db_path or default_db_path()
        self.options = options or DemoForumOptions()
        self.host = host
        self.port = port
        self.faults = Faults()
        self._store: Store | None = None
        self._app: DemoForumApp | None = None
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.base_url = ""

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store(self.db_path)
            seed_forum(self._store)
            profiles.set_up(self._store, self.options.plugins)
        return self._store

    def start(self) -> str:
        if self._server is not None:
            return self.base_url
        self._app = DemoForumApp(self.store, self.options, self.faults)
        # ``timeout`` becomes the socket timeout of each connection (StreamRequestHandler).
        handler = type(
            "DemoForumHandler",
            (_Handler,),
            {"app": self._app, "timeout": self.options.request_timeout_s},
        )
        try:
            server = _Server((self.host, self.port), handler)
        except OSError as exc:
            raise ConfigError(
                f"The demo forum cannot listen on {self.host}:{self.port}: {exc.strerror}. "
                "Another program (perhaps a demo forum already running) may be using that "
                "port: stop it, or give another with --port (0 picks a free one)",
                spoken="The practice forum could not start. Another program may be using its "
                "port; please ask your helper to choose another one.",
            ) from exc
        self._server = server
        bound_host, bound_port = server.server_address[:2]
        self.port = int(bound_port)
        self.base_url = f"http://{bound_host!s}:{self.port}"
        self._app.base_url = self.base_url
        self._thread = threading.Thread(
            target=server.serve_forever,
            name="demo-forum",
            kwargs={"poll_interval": 0.1},
            daemon=True,
        )
        self._thread.start()
        log.info("Demo forum listening on %s", self.base_url)
        return self.base_url

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.close_connections()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        if self._store is not None:
            self._store.close()
            self._store = None

    def wait(self) -> None:
        """Block until the server thread ends (it ends on :meth:`stop`)."""
        if self._thread is not None:
            while self._thread.is_alive():
                self._thread.join(timeout=0.5)

    def __enter__(self) -> DemoForum:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- helpers for tests, benchmarks and carers ------------------------------------

    def create_admin_api_key(self) -> str:
        """A new admin API key (accepted with any member in ``Api-Username``)."""
        key = secrets.token_hex(32)
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO admin_api_keys (key_hash, created_at) VALUES (?, ?)",
                (hash_key(key), now_iso()),
            )
        return key

    def member_key(self, username: str, client_id: str, scopes: tuple[str, ...]) -> str:
        """A user API key for the member, as if they had approved ``client_id`` in their
        browser (its earlier key is revoked)."""
        member = self.store.user_by_name(username)
        if member is None:
            raise ValueError(f"no member {username!r} on the demo forum")
        return store_key(self.store, member["id"], client_id, "voicepeer", ",".join(scopes))

    def seed_long_topic(self, posts: int = 2000, *, title: str | None = None) -> int:
        """Add a topic with ``posts`` posts; returns its id."""
        if title is None:
            return seed_long_topic(self.store, posts)
        return seed_long_topic(self.store, posts, title=title)

    def pending_post_ids(self) -> list[int]:
        """Ids of posts waiting in the moderation queue, oldest first."""
        return [int(r[0]) for r in self.store.all("SELECT id FROM pending_posts ORDER BY id")]

    def approve_pending_post(self, pending_id: int) -> int | None:
        """Publish a held post as a moderator would; returns its new post id."""
        post = approve_pending(self.store, pending_id, self.options.censored_words)
        return None if post is None else int(post["id"])

    def reject_pending_post(self, pending_id: int) -> bool:
        """Decline a held post as a moderator would (its author is told nothing, and no
        longer finds it among their waiting posts); False if it is gone already."""
        with self.store.transaction() as conn:
            return bool(
                conn.execute("DELETE FROM pending_posts WHERE id = ?", (pending_id,)).rowcount
            )

    def reset_rate_limits(self) -> None:
        if self._app is not None:
            self._app.limiter.reset()
