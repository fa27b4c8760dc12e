"""Logging set-up: a rotating log file under the state folder, with secrets scrubbed.

Conventions for everyone writing log calls in voicepeer:

* Never log keys, passwords or the user-API-key payload. Headers such as ``User-Api-Key``
  and ``Api-Key``, ``"key": …`` JSON and anything passed to :func:`register_secret` are
  replaced by ``[redacted]`` anyway, as a safety net.
* Post text, dictated text, search words and recognized speech are logged **only at
  DEBUG** (``log.debug("heard %r", text)``). DEBUG is written only when the person runs
  ``voicepeer --debug``; by default the log holds what happened, not what was said.
* Audio is never logged.

The log goes to the file only: the person's terminal shows what voicepeer says, not log
lines (``--debug`` adds them to the terminal too). What was heard, said and done goes to
the separate *transcript* (:func:`open_transcript`), off by default, for whoever sits beside
the person (``voicepeer transcript``).
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
TRANSCRIPT_FILE_NAME = "transcript.txt"
TRANSCRIPT_LOGGER = "voicepeer.transcript"
_TRANSCRIPT_FORMAT = "%(asctime)s %(message)s"

transcript = logging.getLogger(TRANSCRIPT_LOGGER)
"""What voicepeer heard ("heard: …"), said ("said: …") and did ("did: …"); written only when
:func:`open_transcript` was called, and never to the log."""
transcript.propagate = False
transcript.addHandler(logging.NullHandler())

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
        # and the voice loop says the card is full.
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
    """Log to ``log_dir/voicepeer.log`` (rotating), and with ``debug`` to the terminal too.

    ``debug`` adds DEBUG detail. Returns the log file, or ``None`` when the folder cannot be
    written (warnings then go to the terminal; voicepeer still runs). Calling it again
    replaces the handlers it installed before.
    """
    root = logging.getLogger()
    _remove_own_handlers(root)
    formatter = RedactingFormatter(_FORMAT)
    # Without --debug the terminal belongs to the person: spoken lines, not log lines.
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
            log_dir,
            error.strerror or error,
        )
        return None
    file_handler.setLevel(logging.DEBUG if debug else logging.INFO)
    file_handler.setFormatter(formatter)
    setattr(file_handler, _MARK, True)
    root.addHandler(file_handler)
    if not debug:
        root.removeHandler(console)
        console.close()
    return log_file


def _remove_own_handlers(logger: logging.Logger) -> None:
    for handler in list(logger.handlers):
        if getattr(handler, _MARK, False):
            logger.removeHandler(handler)
            handler.close()


def open_transcript(log_dir: Path) -> Path:
    """Start writing the transcript to ``log_dir/transcript.txt`` (appended, readable by its
    owner only: it holds what the person said). Returns the file."""
    path = log_dir / TRANSCRIPT_FILE_NAME
    log_dir.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
    os.chmod(path, 0o600)  # an older file may have been made with looser rights
    _remove_own_handlers(transcript)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(RedactingFormatter(_TRANSCRIPT_FORMAT, datefmt="%H:%M:%S"))
    setattr(handler, _MARK, True)
    transcript.addHandler(handler)
    transcript.setLevel(logging.INFO)
    transcript.info("--- voicepeer started")
    return path
