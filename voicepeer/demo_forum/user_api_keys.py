"""Discourse's User API Key flow, so apps like voicepeer can connect without a password.

The app sends the person to ``/user-api-key/new`` with its name, a client id, the scopes it
wants, its RSA public key and a nonce. After approval the forum encrypts
``{"key", "nonce", "push", "api"}`` with that public key (RSA PKCS#1 v1.5), base64-encodes
it the way Ruby's ``Base64.encode64`` does (lines of 60 characters), and either redirects to
``auth_redirect?payload=...`` or shows the payload for pasting.
"""

from __future__ import annotations

import base64
import html
import json
import re
import secrets
import textwrap
from urllib.parse import quote, urlencode

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from voicepeer.demo_forum.auth import USER_API_SCOPES
from voicepeer.demo_forum.context import Context, Route, route
from voicepeer.demo_forum.http_api import HttpError, Response, invalid_access
from voicepeer.demo_forum.store import hash_key, now_iso

USER_API_VERSION = 4
_REQUIRED = ("application_name", "client_id", "scopes", "public_key", "nonce")
_PASSED_ON = (*_REQUIRED, "auth_redirect", "push_url", "padding")


def _page(title: str, body: str, status: int = 200) -> Response:
    return Response.html(status, (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title></head>\n<body>\n<h1>{html.escape(title)}</h1>\n"
        f"{body}\n</body></html>\n"
    ))


def _bad_request(message: str) -> HttpError:
    return HttpError(_page("This connection request cannot be used",
                           f"<p>{html.escape(message)}</p>", status=400))


def _checked_request(ctx: Context) -> dict[str, str]:
    params = ctx.request.params
    values = {name: params.text(name) or "" for name in _PASSED_ON}
    for name in _REQUIRED:
        if not values[name].strip():
            raise _bad_request(f"The application did not send {name}. Ask it to start again.")
    scopes = {s.strip() for s in values["scopes"].split(",") if s.strip()}
    unknown = scopes - USER_API_SCOPES
    if not scopes or unknown:
        listed = ", ".join(sorted(unknown)) or "none"
        raise _bad_request(f"The application asked for unknown scopes: {listed}")
    values["scopes"] = ",".join(sorted(scopes))
    _public_key(values["public_key"])
    redirect = values["auth_redirect"].strip()
    if redirect and re.match(r"^(javascript|data|vbscript):", redirect, re.IGNORECASE):
        raise _bad_request("The application's return address is not allowed.")
    return values


def _public_key(pem: str) -> rsa.RSAPublicKey:
    try:
        key = serialization.load_pem_public_key(pem.encode())
    except ValueError as exc:
        raise _bad_request("The application's public key could not be read.") from exc
    if not isinstance(key, rsa.RSAPublicKey):
        raise _bad_request("The application's public key must be an RSA key.")
    return key


def new_key_page(ctx: Context, _m: re.Match[str]) -> Response:
    values = _checked_request(ctx)
    if ctx.options.auto_approve_user_api_keys:
        return _approve(ctx, values, ctx.options.approving_username)
    fields = "\n".join(
        f'<input type="hidden" name="{name}" value="{html.escape(value)}">'
        for name, value in values.items() if value
    )
    scopes = ", ".join(values["scopes"].split(","))
    return _page("Connect an application", (
        f"<p><strong>{html.escape(values['application_name'])}</strong> would like to use this "
        f"forum on your behalf, with access to: {html.escape(scopes)}.</p>\n"
        '<form method="post" action="/user-api-key">\n'
        f"{fields}\n"
        '<label>Member name <input type="text" name="username" '
        f'value="{html.escape(ctx.options.approving_username)}"></label>\n'
        '<button type="submit">Authorize</button>\n</form>'
    ))


def approve(ctx: Context, _m: re.Match[str]) -> Response:
    values = _checked_request(ctx)
    username = ctx.request.params.text("username") or ctx.options.approving_username
    return _approve(ctx, values, username)


def _approve(ctx: Context, values: dict[str, str], username: str) -> Response:
    user = ctx.store.user_by_name(username)
    if user is None:
        raise _bad_request(f"There is no member called {username} on this forum.")
    key = secrets.token_hex(16)
    with ctx.store.transaction() as conn:
        # Re-authorizing with the same client id replaces the earlier key.
        conn.execute(
            "UPDATE user_api_keys SET revoked_at = ? WHERE client_id = ? AND revoked_at IS NULL",
            (now_iso(), values["client_id"]),
        )
        conn.execute(
            "INSERT INTO user_api_keys (key_hash, user_id, client_id, application_name, scopes,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (hash_key(key), user["id"], values["client_id"], values["application_name"],
             values["scopes"], now_iso()),
        )
    message = json.dumps({"key": key, "nonce": values["nonce"], "push": False,
                          "api": USER_API_VERSION}).encode()
    encrypted = _public_key(values["public_key"]).encrypt(message, padding.PKCS1v15())
    payload = "\n".join(textwrap.wrap(base64.b64encode(encrypted).decode(), 60)) + "\n"
    redirect = values["auth_redirect"].strip()
    if redirect:
        joiner = "&" if "?" in redirect else "?"
        location = f"{redirect}{joiner}{urlencode({'payload': payload}, quote_via=quote)}"
        return Response(302, b"", "text/html; charset=utf-8", [("Location", location)])
    return _page("Application connected", (
        "<p>Copy the text below and paste it into the application.</p>\n"
        f'<pre id="payload">{html.escape(payload)}</pre>'
    ))


def revoke(ctx: Context, _m: re.Match[str]) -> Response:
    viewer = ctx.viewer
    if viewer.user is None:
        raise invalid_access()
    key_id = ctx.request.params.integer("id")
    with ctx.store.transaction() as conn:
        if key_id is not None:
            cursor = conn.execute(
                "UPDATE user_api_keys SET revoked_at = ? WHERE id = ? AND user_id = ?"
                " AND revoked_at IS NULL",
                (now_iso(), key_id, viewer.user_id),
            )
        elif viewer.user_api_key_id is not None:
            cursor = conn.execute(
                "UPDATE user_api_keys SET revoked_at = ? WHERE id = ?",
                (now_iso(), viewer.user_api_key_id),
            )
        else:
            raise invalid_access()
    if cursor.rowcount == 0:
        raise invalid_access()
    return Response.json(200, {"success": "OK"})


ROUTES: tuple[Route, ...] = (
    route("GET", r"/user-api-key/new", new_key_page),
    route("POST", r"/user-api-key(?:\.json)?", approve),
    # Any scope may revoke its own key.
    route("POST", r"/user-api-key/revoke(?:\.json)?", revoke, *sorted(USER_API_SCOPES)),
)
