"""Discourse User API Keys: a person approves voicepeer on their own account.

voicepeer makes an RSA key pair, a nonce and a stable client id, and sends the person
(or their helper) to ``/user-api-key/new``. After approval Discourse shows the key encrypted
to our public key as text to paste, which works on every forum. It sends it to an
``auth_redirect`` instead only when the address is in the forum's
``allowed_user_api_auth_redirects`` (by default only Discourse's own apps are), so the
one-shot loopback listener is used only when a forum's administrator has added its address.
Only the ``read`` and ``write`` scopes are asked for: reading topics, lists and notifications
is GET (read), posting, liking and marking read is write.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import re
import secrets
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from voicepeer.errors import AuthError, AuthProblem, ConfigError
from voicepeer.forum.credentials import Credentials, normalize_forum_url

log = logging.getLogger(__name__)

SCOPES: tuple[str, ...] = ("read", "write")
LOOPBACK = ("127.0.0.1", "localhost")
"""Hosts a redirect listener may use: this computer only."""
APPLICATION_NAME = "voicepeer"


@dataclass(frozen=True)
class KeyRequest:
    """One pending approval. ``private_key_pem`` and ``nonce`` stay in memory only."""

    forum_url: str
    client_id: str
    approval_url: str
    nonce: str = field(repr=False)
    private_key_pem: bytes = field(repr=False)
    fields: Mapping[str, str] = field(repr=False, default_factory=dict)
    """What the request tells the forum (name, client id, scopes, public key, nonce)."""


def start_request(
    forum_url: str,
    client_id: str,
    *,
    auth_redirect: str | None = None,
    application_name: str = APPLICATION_NAME,
    scopes: tuple[str, ...] = SCOPES,
) -> KeyRequest:
    """Make a key pair and nonce and build the approval link for the person to open."""
    url = normalize_forum_url(forum_url)
    private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public_pem = private_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    nonce = secrets.token_hex(16)
    params = {
        "application_name": application_name,
        "client_id": client_id,
        "scopes": ",".join(scopes),
        "public_key": public_pem.decode("ascii"),
        "nonce": nonce,
    }
    if auth_redirect:
        params["auth_redirect"] = auth_redirect
    return KeyRequest(
        forum_url=url,
        client_id=client_id,
        fields=dict(params),
        approval_url=f"{url}/user-api-key/new?{urlencode(params)}",
        nonce=nonce,
        private_key_pem=private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
    )


_BASE64_LINE = re.compile(r"^[A-Za-z0-9+/=_\-\s]+$")


def _payload_line(line: str) -> bool:
    """Whether a pasted line is part of the approval text rather than words copied with it
    ("Thank you for authorizing voicepeer."): base64 only, and not short words."""
    tokens = line.split()
    return bool(_BASE64_LINE.match(line)) and (len(tokens) < 2 or max(map(len, tokens)) >= 16)


def _payload_bytes(payload: str) -> bytes:
    lines = [line.strip() for line in payload.splitlines() if line.strip()]
    address = next((line for line in lines if "payload=" in line), None)
    if address is not None:  # the whole redirect address was pasted
        text = parse_qs(urlsplit("".join(address.split())).query).get("payload", [""])[0]
    else:  # wrapped over lines, perhaps with the page's words around it
        text = "".join("".join(line.split()) for line in lines if _payload_line(line))
    text = text.replace("-", "+").replace("_", "/")
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise AuthError(
            "the pasted approval text is not valid base64", problem=AuthProblem.APPROVAL_INCOMPLETE
        ) from None


def finish_request(request: KeyRequest, payload: str) -> Credentials:
    """Decrypt the approval payload into credentials; checks the nonce matches ours."""
    private_key = serialization.load_pem_private_key(request.private_key_pem, password=None)
    assert isinstance(private_key, rsa.RSAPrivateKey)
    encrypted = _payload_bytes(payload)
    if len(encrypted) != private_key.key_size // 8:
        raise AuthError(
            f"the pasted text is {len(encrypted)} bytes, not {private_key.key_size // 8}",
            problem=AuthProblem.APPROVAL_INCOMPLETE,
        )
    try:
        clear = private_key.decrypt(encrypted, padding.PKCS1v15())
        data = json.loads(clear)
    except (ValueError, json.JSONDecodeError):
        raise AuthError(
            "the approval payload could not be decrypted with this request's key",
            problem=AuthProblem.APPROVAL_UNREADABLE,
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("key"), str):
        raise AuthError("the approval payload has no key")
    if data.get("nonce") != request.nonce:
        raise AuthError(
            "the approval payload's nonce does not match this request",
            problem=AuthProblem.APPROVAL_OTHER_REQUEST,
        )
    return Credentials(
        forum_url=request.forum_url,
        kind="user_api_key",
        key=data["key"],
        client_id=request.client_id,
    )


class RedirectListener:
    """A one-shot HTTP listener on this computer that receives the approval redirect at
    ``http://host:port/path`` (port 0: any free one)."""

    def __init__(
        self, host: str = "127.0.0.1", port: int = 0, path: str = "/voicepeer-auth"
    ) -> None:
        received: list[str] = []
        done = threading.Event()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                target = urlsplit(self.path)
                payload = parse_qs(target.query).get("payload")
                if target.path != path or not payload:
                    self.send_error(404 if target.path != path else 400)
                    return
                received.append(payload[0])
                body = (
                    b"<html><body><h1>voicepeer is connected.</h1>"
                    b"<p>You can close this page.</p></body></html>"
                )
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                done.set()

            def log_message(self, format: str, *args: object) -> None:
                pass  # the query string holds the encrypted key: keep it out of stderr

        try:
            self._server = HTTPServer((host, port), Handler)
        except OSError as error:
            raise ConfigError(
                f"cannot listen on {host}:{port} for the forum's answer ({error.strerror}); "
                "another program may be using that port. Connect without --redirect instead."
            ) from None
        self._server.timeout = 0.2
        self._host, self._path = host, path
        self._received = received
        self._done = done
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://{self._host}:{self._server.server_address[1]}{self._path}"

    def _serve(self) -> None:
        while not self._done.is_set():
            self._server.handle_request()

    def wait(self, timeout_s: float | None) -> str | None:
        """The payload once it arrives, or None after ``timeout_s``."""
        if self._done.wait(timeout_s):
            return self._received[0] if self._received else None
        return None

    def close(self) -> None:
        self._done.set()
        self._thread.join(timeout=2)
        self._server.server_close()

    def __enter__(self) -> RedirectListener:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
