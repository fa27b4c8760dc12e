"""What a hostile or broken forum costs the client, with the default settings.

- gzip_bomb_peak_rss_mb: peak memory of a fresh client process that reads a 1 MB gzip answer
  which unpacks to 1 GB (a real loopback server); the answer is refused past
  max_decoded_bytes.
- trickle_give_up_s: seconds until a read gives up on a server that sends one byte every
  2 s (each byte well within the read timeout, so only the overall deadline stops it).
"""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Callable

UNPACKED_BYTES = 1_000_000_000
CHILD = """
import json, sys
from scripts.benchlib._memory import peak_rss_kb
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.errors import VoicepeerError
before = peak_rss_kb()
try:
    DiscourseClient(sys.argv[1]).latest()
    outcome = "read"
except VoicepeerError as error:
    outcome = type(error).__name__
print(json.dumps({"before_kb": before, "peak_kb": peak_rss_kb(), "outcome": outcome}))
"""


def _gzip_of_spaces(size: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = b" " * 1_000_000
    parts = [packer.compress(block) for _ in range(size // len(block))]
    return b"".join([*parts, packer.flush()])


def _serve(answer: Callable[[socket.socket], None]) -> tuple[str, socket.socket]:
    listener = socket.create_server(("127.0.0.1", 0))

    def loop() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn:
                conn.recv(65536)
                with contextlib.suppress(OSError):  # the client hung up: expected
                    answer(conn)

    threading.Thread(target=loop, daemon=True).start()
    return f"http://127.0.0.1:{listener.getsockname()[1]}", listener


def gzip_bomb() -> dict[str, float | int]:
    packed = _gzip_of_spaces(UNPACKED_BYTES)
    head = (
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
        f"Content-Length: {len(packed)}\r\nConnection: close\r\n\r\n"
    ).encode()
    url, listener = _serve(lambda conn: conn.sendall(head + packed))
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, url],
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )
    finally:
        listener.close()
    result = json.loads(done.stdout)
    if result["outcome"] != "ResponseTooLargeError":
        raise AssertionError(f"the bomb was not refused: {result}")
    return {
        "gzip_bomb_packed_kb": len(packed) // 1024,
        "gzip_bomb_peak_rss_mb": round(result["peak_kb"] / 1024, 1),
        "gzip_bomb_rss_growth_mb": round((result["peak_kb"] - result["before_kb"]) / 1024, 1),
    }


def trickle() -> dict[str, float | int]:
    from voicepeer.errors import ForumUnreachableError
    from voicepeer.forum.discourse import DiscourseClient

    def answer(conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n{")
        for _ in range(100_000):
            time.sleep(2)
            conn.sendall(b" ")

    url, listener = _serve(answer)
    client = DiscourseClient(url)
    started = time.monotonic()
    try:
        client.latest()
    except ForumUnreachableError:
        pass
    finally:
        elapsed = time.monotonic() - started
        client.close()
        listener.close()
    return {"trickle_give_up_s": round(elapsed, 1)}


def run() -> dict[str, float | int]:
    return {**gzip_bomb(), **trickle()}
