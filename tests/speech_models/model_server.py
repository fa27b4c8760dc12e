"""A loopback HTTP server standing in for the Vosk download site, and model archives to serve.

It honours Range requests like the real site, and can be told to misbehave: drop the
connection after some bytes, ignore Range, or answer with an error status.
"""

from __future__ import annotations

import io
import re
import socket
import threading
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# The layout of the official small English model (lookahead graph), with made-up content.
SMALL_MODEL_FILES = {
    "am/final.mdl": 200_000,
    "conf/mfcc.conf": 120,
    "conf/model.conf": 280,
    "graph/HCLr.fst": 150_000,
    "graph/Gr.fst": 150_000,
    "graph/disambig_tid.int": 40,
    "graph/phones/word_boundary.int": 900,
    "ivector/final.ie": 50_000,
    "README": 300,
}


def model_archive(
    name: str, files: dict[str, int] | None = None, *, top_folder: bool = True, seed: int = 7
) -> bytes:
    """A zip archive laid out like an official Vosk model archive (one top folder)."""
    import random

    rng = random.Random(seed)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path, size in (files if files is not None else SMALL_MODEL_FILES).items():
            # Half random, half repetitive: compressible like real models, never empty.
            body = rng.randbytes(size // 2) + b"kaldi " * (size // 12 + 1)
            archive.writestr(f"{name}/{path}" if top_folder else path, body[:size])
    return buffer.getvalue()


@dataclass
class Behaviour:
    payload: bytes = b""
    drop_after_bytes: int | None = None
    """Close the connection after this many body bytes ..."""
    drops_left: int = 0
    """... for this many requests."""
    ignore_range: bool = False
    status: int | None = None
    pace_s: float = 0.0
    """Pause after each 16 KiB, to make a download slow enough to interrupt."""
    requests: list[tuple[str, str | None]] = field(default_factory=list)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        behaviour = self.server.behaviour
        behaviour.requests.append((self.path, self.headers.get("Range")))
        if behaviour.status is not None:
            self.send_error(behaviour.status)
            return
        body = behaviour.payload
        start = 0
        wanted = re.match(r"bytes=(\d+)-$", self.headers.get("Range", ""))
        if wanted and not behaviour.ignore_range:
            start = int(wanted.group(1))
            if start >= len(body):
                self.send_response(416)
                self.send_header("Content-Range", f"bytes */{len(body)}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
        else:
            self.send_response(200)
        self.send_header("Content-Length", str(len(body) - start))
        self.send_header("Content-Type", "application/zip")
        self.end_headers()
        chunk = body[start:]
        if behaviour.drops_left > 0 and behaviour.drop_after_bytes is not None:
            behaviour.drops_left -= 1
            self.wfile.write(chunk[: behaviour.drop_after_bytes])
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True
            return
        if behaviour.pace_s:
            for start in range(0, len(chunk), 16_384):
                self.wfile.write(chunk[start : start + 16_384])
                self.wfile.flush()
                time.sleep(behaviour.pace_s)
            return
        self.wfile.write(chunk)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, behaviour: Behaviour) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.behaviour = behaviour


@contextmanager
def serving(behaviour: Behaviour) -> Iterator[str]:
    """Run the server in a thread; yields its base URL."""
    server = _Server(behaviour)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/vosk/models"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def closed_port() -> int:
    """A loopback port nothing listens on (connection refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
