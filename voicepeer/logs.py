"""Logging set-up: a rotating log file under the state folder, with secrets scrubbed.

Conventions for everyone writing log calls in voicepeer:

* Never log keys, passwords or the user-API-key payload. Headers such as ``User-Api-Key``
  and ``Api-Key``, ``"key": …`` JSON and anything passed to :func:`register_secret` are
  replaced by ``[redacted]`` anyway, as a safety net.
* Post text, dictated text, search words and recognized speech are logged **only at
  DEBUG** (``log.debug("heard %r", text)``). DEBUG is written only when the person runs
  ``voicepeer --debug``; by default the log holds what happened, not what was said.
* Audio is never logged.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import sys
import threading
from pathlib import Path

from voicepeer.atomic import is_disk_full

LOG_FILE_NAME = "voicepeer.log"
REDACTED = "[redacted]"
DEFAULT_MAX_BYTES = 1024 * 1024
DEFAULT_BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_MARK = "_voicepeer_handler"
# Libraries that log URLs or bodies at INFO (httpx logs every request line).
_CHATTY_LIBRARIES = ("httpx", "httpcore", "urllib3")

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Header-style: "User-Api-Key: abc", "'Api-Key': 'abc'", "api_key=abc", "Authorization: x"
    (
        re.compile(
            r"(?i)\b((?:user[-_])?api[-_]key|authorization|password|passwd|secret|token"
            r"|payload)(['\"]?\s*[:=]\s*['\"]?)(?:bearer\s+|basic\s+)?[^\s'\",;}&]+"
        ),
        rf"\1\2{REDACTED}",
    ),
    # JSON of the user-API-key payload: {"key": "...", "nonce": "..."}
    (re.compile(r"(?i)([\"'](?:key|nonce|private_key)[\"']\s*:\s*[\"'])[^\"']*"), rf"\1{REDACTED}"),
    # PEM private keys
    (
        re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?-----END [A-Z ]*PRIVATE KEY-----", re.S),
        REDACTED,
    ),
)

_secrets: set[str] = set()
_secrets_lock = threading.Lock()


def register_secret(value: str) -> None:
    """Never write ``value`` to any log from now on (e.g. a key just loaded)."""
    if len(value) >= 4:  # shorter strings would blank out ordinary words
        with _secrets_lock:
            _secrets.add(value)


def redact(text: str) -> str:
    """``text`` with known secret patterns and registered secrets replaced."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    with _secrets_lock:
        known = sorted(_secrets, key=len, reverse=True)
    for secret in known:
        text = text.replace(secret, REDACTED)
    return text


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Rotating log whose every file is readable by its owner only: logs describe the
    person's forum use."""

    def _open(self):  # type: ignore[no-untyped-def]
        stream = super()._open()
        os.chmod(self.baseFilename, 0o600)
        return stream

    def handleError(self, record: logging.LogRecord) -> None:
        # A full disk must not print a traceback on every line logged: the line is dropped
        # (the terminal still shows warnings) and the voice loop says the card is full.
        if is_disk_full(sys.exc_info()[1] or Exception()):
            return
        super().handleError(record)

    def close(self) -> None:
        try:
            super().close()
        except OSError as error:  # lines still buffered when the disk filled
            if not is_disk_full(error):
                raise


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then scrubs the whole line, tracebacks included."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def setup_logging(
    debug: bool,
    log_dir: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    backups: int = DEFAULT_BACKUPS,
) -> Path | None:
    """Log to ``log_dir/voicepeer.log`` (rotating) and warnings to the terminal.

    ``debug`` adds DEBUG detail to both. Returns the log file, or ``None`` when the folder
    cannot be written (logging then goes to the terminal only; voicepeer still runs).
    Calling it again replaces the handlers it installed before.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _MARK, False):
            root.removeHandler(handler)
            handler.close()
    formatter = RedactingFormatter(_FORMAT)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.DEBUG if debug else logging.WARNING)
    console.setFormatter(formatter)
    setattr(console, _MARK, True)
    root.addHandler(console)
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    for name in _CHATTY_LIBRARIES:
        logging.getLogger(name).setLevel(logging.DEBUG if debug else logging.WARNING)

    log_file = log_dir / LOG_FILE_NAME
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        file_handler = _PrivateRotatingFileHandler(
            log_file, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
        )
    except OSError as error:
        logging.getLogger(__name__).warning(
            "cannot write the log file in %s (%s); logging to the terminal only",
            log_dir, error.strerror or error,
        )
        return None
    file_handler.setLevel(logging.DEBUG if debug else logging.INFO)
    file_handler.setFormatter(formatter)
    setattr(file_handler, _MARK, True)
    root.addHandler(file_handler)
    return log_file
