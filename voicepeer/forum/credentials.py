"""The account voicepeer uses on each forum, kept where only the user can read it.

Keys live in ``credentials.json`` under :func:`voicepeer.paths.config_dir` (mode 0600),
keyed by forum address, or in the OS keyring when the optional ``keyring`` package is
installed and asked for. A key never appears in ``repr``, logs or error messages.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit, urlunsplit

from voicepeer import paths
from voicepeer.atomic import atomic_write_text
from voicepeer.errors import ForumSetting, ForumSettingsError

log = logging.getLogger(__name__)

CredentialKind = Literal["user_api_key", "admin_api_key"]
KEYRING_SERVICE = "voicepeer"


#: ``mailto:…``, ``javascript:…``: a scheme without ``//`` (``host:8080`` is a port, not one).
_OTHER_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:(?!\d)")
_NO_COLON = re.compile(r"^https?//", re.IGNORECASE)
#: Longest forum address accepted (browsers and servers reject far shorter ones already).
MAX_ADDRESS_LENGTH = 2000


class WebAddressFault(Enum):
    """Why a text cannot be a forum's web address (put in words by
    :func:`voicepeer.config.values.web_address_words`)."""

    TOO_LONG = "too_long"
    """Longer than :data:`MAX_ADDRESS_LENGTH`."""
    UNSAFE_CHARACTERS = "unsafe_characters"
    """Spaces, line breaks or control characters."""
    USER_INFO = "user_info"
    """A user name or password in it: it would end up in logs and folder names."""
    NOT_HTTP = "not_http"
    """Another scheme than http(s)."""
    UNREADABLE = "unreadable"
    """Not a URL at all, such as an unclosed ``[`` of an IPv6 address."""
    BAD_PORT = "bad_port"
    """A port that is not a number from 0 to 65535."""
    NO_HOST = "no_host"
    MISSING_COLON = "missing_colon"
    """"http//…" or "https//…": the colon after the scheme left out."""


def without_user_info(address: str) -> str:
    """``address`` fit for a message: any user name and password in it become "…"."""
    _, sep, rest = address.partition("://")
    host_part = rest.split("/", 1)[0] if sep else address.split("/", 1)[0]
    if "@" not in host_part:
        return address
    return address.replace(host_part, "…@" + host_part.rsplit("@", 1)[1], 1)


class WebAddressError(ForumSettingsError):
    """An address given for the forum is not a web address, for the reason ``fault``. The
    address itself is left out: it may hold a password."""

    def __init__(self, fault: WebAddressFault) -> None:
        super().__init__(
            f"not a forum web address ({fault.value})", kind=ForumSetting.ADDRESS_MALFORMED
        )
        self.fault = fault


def web_address_fault(url: str) -> WebAddressFault | None:
    """Why ``url`` cannot be a forum's web address, or ``None`` when it can. It must be
    http(s) with a host, and carry no user name or password: those would end up in logs and
    folder names, and the account is connected with 'voicepeer forum connect' instead."""
    text = url.strip()
    if len(text) > MAX_ADDRESS_LENGTH:
        return WebAddressFault.TOO_LONG
    if any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in text):
        return WebAddressFault.UNSAFE_CHARACTERS
    authority = text.partition("://")[2] if "://" in text else text
    if "@" in re.split(r"[/?#]", authority, maxsplit=1)[0]:
        return WebAddressFault.USER_INFO
    if _NO_COLON.match(text):
        return WebAddressFault.MISSING_COLON
    if "://" not in text:
        if _OTHER_SCHEME.match(text):
            return WebAddressFault.NOT_HTTP
        text = "https://" + text
    try:
        parts = urlsplit(text)
    except ValueError:
        return WebAddressFault.UNREADABLE
    if parts.scheme.lower() not in ("http", "https"):
        return WebAddressFault.NOT_HTTP
    try:
        parts.port  # noqa: B018 -- raises ValueError for a port that is not a number
    except ValueError:
        return WebAddressFault.BAD_PORT
    if not parts.hostname:
        return WebAddressFault.NO_HOST
    return None


def normalize_forum_url(url: str) -> str:
    """``HTTPS://Forum.Example.org/`` → ``https://forum.example.org``; refuses non-web addresses
    (see :func:`web_address_fault`) with a :class:`WebAddressError` that never repeats them."""
    fault = web_address_fault(url)
    if fault is not None:
        raise WebAddressError(fault)
    text = url.strip()
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), _forum_root(parts.path), "", ""))


def forum_data_key(url: str) -> str:
    """The name one forum's own data is kept under (see voicepeer.paths.forum_data_dir): its
    address without the scheme, so the voice loop and doctor find the same folder."""
    return normalize_forum_url(url).split("://", 1)[1]


_FORUM_PAGES = frozenset(
    {"latest", "new", "unread", "top", "hot", "categories", "bookmarks", "tags", "search"}
    | {"t", "c", "u", "g", "tag", "my", "login", "signup", "about", "faq", "guidelines"}
    | {"privacy", "tos", "session", "user-api-key", "admin", "review", "badges", "groups"}
)
"""The first part of the path of a Discourse page (its routes): an address copied from the
browser's address bar while reading ("…/t/heat/42", "…/latest") is the forum's below it. A
forum in a folder of its own ("example.org/forum") keeps the folder."""


def _forum_root(path: str) -> str:
    parts = path.split("/")
    for index, part in enumerate(parts):
        if part.lower() in _FORUM_PAGES:
            parts = parts[:index]
            break
    return "/".join(parts).rstrip("/")


@dataclass(frozen=True)
class Credentials:
    """How to sign in to one forum. ``key`` is secret and left out of ``repr``."""

    forum_url: str
    kind: CredentialKind
    key: str = field(repr=False)
    username: str | None = None
    """The account's username (needed to recognise the user's own posts)."""
    client_id: str | None = None
    """The stable client id a user API key was issued to."""

    def headers(self) -> dict[str, str]:
        if self.kind == "user_api_key":
            headers = {"User-Api-Key": self.key}
            if self.client_id:
                headers["User-Api-Client-Id"] = self.client_id
            return headers
        return {"Api-Key": self.key, "Api-Username": self.username or "system"}

    def __str__(self) -> str:
        who = self.username or "unknown user"
        return f"{self.kind.replace('_', ' ')} for {who} on {self.forum_url}"


def _keyring() -> Any | None:
    try:
        import keyring
    except ImportError:
        return None
    return keyring


class CredentialStore:
    """Saved forum accounts. Pass ``use_keyring=True`` to keep keys in the OS keyring."""

    def __init__(self, path: Path | None = None, *, use_keyring: bool = False) -> None:
        self.path = path or paths.config_dir() / "credentials.json"
        self._keyring = _keyring() if use_keyring else None
        if use_keyring and self._keyring is None:
            log.warning("keyring is not installed; keeping forum keys in %s", self.path)

    def _read(self) -> dict[str, Any]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {"client_ids": {}, "forums": {}}
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise ForumSettingsError(
                f"{self.path} is damaged ({error.msg} at line {error.lineno})",
                kind=ForumSetting.ACCOUNT_FILE_DAMAGED,
            ) from None
        if not isinstance(data, dict):
            raise ForumSettingsError(
                f"{self.path} is damaged (not a JSON object)",
                kind=ForumSetting.ACCOUNT_FILE_DAMAGED,
            )
        data.setdefault("client_ids", {})
        data.setdefault("forums", {})
        return data

    def set_aside_if_damaged(self) -> Path | None:
        """Rename a file of saved accounts that cannot be read out of the way, so that an
        account can be connected again; where it went, or None when it was readable (or
        missing). Renamed, not deleted: whatever can still be read in it is kept."""
        try:
            self._read()
        except ForumSettingsError:
            aside = self.path.with_name(f"{self.path.name}.damaged")
            number = 1
            while aside.exists():
                number += 1
                aside = self.path.with_name(f"{self.path.name}.damaged-{number}")
            self.path.rename(aside)
            return aside
        return None

    def _write(self, data: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write_text(self.path, json.dumps(data, indent=2, sort_keys=True) + "\n", mode=0o600)

    def client_id(self, forum_url: str) -> str:
        """The stable client id for this forum, created once; reconnecting reuses it so
        Discourse replaces the old key instead of piling up new ones."""
        url = normalize_forum_url(forum_url)
        data = self._read()
        client_id = data["client_ids"].get(url)
        if not isinstance(client_id, str):
            client_id = "voicepeer-" + secrets.token_hex(16)
            data["client_ids"][url] = client_id
            self._write(data)
        return client_id

    def load(self, forum_url: str) -> Credentials | None:
        url = normalize_forum_url(forum_url)
        entry = self._read()["forums"].get(url)
        if not isinstance(entry, dict):
            return None
        key = entry.get("key")
        if entry.get("in_keyring") and self._keyring is not None:
            key = self._keyring.get_password(KEYRING_SERVICE, url)
        if not isinstance(key, str) or entry.get("kind") not in ("user_api_key", "admin_api_key"):
            return None
        return Credentials(
            forum_url=url,
            kind=entry["kind"],
            key=key,
            username=entry.get("username"),
            client_id=entry.get("client_id"),
        )

    def forums(self) -> tuple[str, ...]:
        return tuple(sorted(self._read()["forums"]))

    def save(self, credentials: Credentials) -> None:
        creds = replace(credentials, forum_url=normalize_forum_url(credentials.forum_url))
        entry: dict[str, Any] = {
            "kind": creds.kind,
            "username": creds.username,
            "client_id": creds.client_id,
        }
        if self._keyring is not None:
            self._keyring.set_password(KEYRING_SERVICE, creds.forum_url, creds.key)
            entry["in_keyring"] = True
        else:
            entry["key"] = creds.key
        data = self._read()
        data["forums"][creds.forum_url] = entry
        self._write(data)
        log.info("saved %s", creds)

    def remove(self, forum_url: str) -> bool:
        url = normalize_forum_url(forum_url)
        data = self._read()
        entry = data["forums"].pop(url, None)
        if entry is None:
            return False
        if isinstance(entry, dict) and entry.get("in_keyring") and self._keyring is not None:
            self._keyring.delete_password(KEYRING_SERVICE, url)
        self._write(data)
        return True
