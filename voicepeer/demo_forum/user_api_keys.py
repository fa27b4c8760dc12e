"""Discourse's User API Key flow, so apps like voicepeer can connect without a password.

The app sends the person to ``/user-api-key/new`` with its name, a client id, the scopes it
wants, its RSA public key and a nonce. After approval the forum encrypts
``{"key", "nonce", "push", "api"}`` with that public key (RSA PKCS#1 v1.5), base64-encodes
it the way Ruby's ``Base64.encode64`` does (lines of 60 characters), and either redirects to
``auth_redirect?payload=...`` or shows the payload for pasting.

As on a stock Discourse, only a member signed in with a browser can approve, only for
themself, and only back to an ``auth_redirect`` the forum allows.
"""

from __future__ import annotations

import base64
import html
import json
import re
import secrets
import sqlite3
import textwrap
from urllib.parse import quote, urlencode, urlsplit

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from voicepeer.demo_forum import sign_in
from voicepeer.demo_forum.auth import USER_API_SCOPES
from voicepeer.demo_forum.context import Context, Route, route
from voicepeer.demo_forum.http_api import (
    HttpError,
    Response,
    invalid_access,
    invalid_param,
    not_logged_in,
)
from voicepeer.demo_forum.sign_in import page
from voicepeer.demo_forum.store import Store, hash_key, is_staff, now_iso

USER_API_VERSION = 4
_REQUIRED = ("application_name", "client_id", "scopes", "public_key", "nonce")
_PASSED_ON = (*_REQUIRED, "auth_redirect", "push_url", "padding")
_NEVER_SCHEMES = ("javascript", "data", "vbscript", "file")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def redirect_allowed(redirect: str, allowed: tuple[str, ...]) -> bool:
    """Discourse's check of ``auth_redirect`` against ``allowed_user_api_auth_redirects``:
    the whole address must match one entry (case aside), ``*`` standing for any run of
    non-space characters, so scheme, host and port must be exactly the allowed ones. Control
    characters (a header split) and script schemes are refused whatever the list says."""
    if not redirect or _CONTROL.search(redirect) or re.search(r"\s", redirect):
        return False
    parts = urlsplit(redirect)
    if not parts.scheme or parts.scheme.lower() in _NEVER_SCHEMES or not parts.netloc:
        return False
    for entry in allowed:
        pattern = re.escape(entry.strip()).replace(r"\*", r"\S*", 1)
        if entry.strip() and re.fullmatch(pattern, redirect, re.IGNORECASE):
            return True
    return False


def _refused(message: str, status: int = 403) -> HttpError:
    return HttpError(
        page(
            "This connection request cannot be used",
            f"<p>{html.escape(message)}</p>",
            status=status,
        )
    )


def checked_request(ctx: Context) -> dict[str, str]:
    params = ctx.request.params
    values = {name: params.text(name) or "" for name in _PASSED_ON}
    for name in _REQUIRED:
        if not values[name].strip():
            raise _refused(f"The application did not send {name}. Ask it to start again.", 400)
    scopes = {s.strip() for s in values["scopes"].split(",") if s.strip()}
    unknown = scopes - USER_API_SCOPES
    if not scopes or unknown:
        listed = ", ".join(sorted(unknown)) or "none"
        raise _refused(f"The application asked for unknown scopes: {listed}")
    values["scopes"] = ",".join(sorted(scopes))
    _public_key(values["public_key"])
    if values["padding"] not in ("", "pkcs1", "oaep"):
        raise invalid_param("padding")
    if params.text("auth_redirect") is not None and not redirect_allowed(
        values["auth_redirect"], ctx.options.allowed_user_api_auth_redirects
    ):
        raise _refused(
            "The application asked to send you back to an address this forum does not allow "
            "(the forum's setting allowed_user_api_auth_redirects). Connect it without one, "
            "or ask the forum's administrator to allow that address."
        )
    return values


def _public_key(pem: str) -> rsa.RSAPublicKey:
    try:
        key = serialization.load_pem_public_key(pem.encode())
    except ValueError as exc:
        raise _refused("The application's public key could not be read.", 400) from exc
    if not isinstance(key, rsa.RSAPublicKey):
        raise _refused("The application's public key must be an RSA key.", 400)
    return key


def may_approve(ctx: Context, member: sqlite3.Row) -> bool:
    staff = is_staff(member)
    return staff or int(member["trust_level"]) >= ctx.options.user_api_key_min_trust_level


def new_key_page(ctx: Context, _m: re.Match[str]) -> Response:
    if not ctx.request.query:
        # What a HEAD request gets: the protocol version this forum speaks.
        headers = [("Auth-Api-Version", str(USER_API_VERSION))]
        if ctx.options.offer_device_code:
            headers.append(("Auth-Api-Device-Code", "true"))
        return Response.html(200, "", headers)
    values = checked_request(ctx)
    session = sign_in.current(ctx)
    if session is None:
        return sign_in.send_to_sign_in(ctx)
    member = session.member
    if not may_approve(ctx, member):
        return page(
            "Connect an application",
            (
                f"<p>You are signed in as {html.escape(member['username'])}, and this forum does "
                "not yet let your account connect applications. The forum's moderators can "
                "tell you when it will.</p>"
            ),
        )
    fields = "\n".join(
        f'<input type="hidden" name="{name}" value="{html.escape(value)}">'
        for name, value in values.items()
        if value
    )
    scopes = ", ".join(values["scopes"].split(","))
    return page(
        "Connect an application",
        (
            f"<p>Signed in as <strong>{html.escape(member['username'])}</strong>.</p>\n"
            f"<p><strong>{html.escape(values['application_name'])}</strong> would like to use this "
            f"forum on your behalf, with access to: {html.escape(scopes)}.</p>\n"
            '<form method="post" action="/user-api-key">\n'
            f'<input type="hidden" name="authenticity_token" '
            f'value="{html.escape(session.form_token)}">\n{fields}\n'
            '<button type="submit">Authorize</button>\n</form>'
        ),
    )


def approve(ctx: Context, _m: re.Match[str]) -> Response:
    session = sign_in.current(ctx)
    if session is None:
        raise not_logged_in()  # Discourse: requires_login
    if not sign_in.form_token_matches(session, ctx):
        raise invalid_access("BAD CSRF")
    try:
        values = checked_request(ctx)
    except HttpError as refused:
        if refused.response.status == 403 and ctx.request.path.endswith(".json"):
            raise invalid_access() from None
        raise
    if not may_approve(ctx, session.member):
        raise invalid_access()
    payload = issue_key(ctx, values, session.member)
    redirect = values["auth_redirect"]
    if redirect:
        joiner = "&" if "?" in redirect else "?"
        location = f"{redirect}{joiner}{urlencode({'payload': payload}, quote_via=quote)}"
        return Response(302, b"", "text/html; charset=utf-8", [("Location", location)])
    instructions = (
        f"Thank you for authorizing {values['application_name']}. Copy the text "
        "below and paste it into the application."
    )
    if ctx.request.path.endswith(".json"):
        return Response.json(200, {"payload": payload, "instructions": instructions})
    return page(
        "Application authorized",
        (
            f"<p>{html.escape(instructions)}</p>\n"
            f'<pre><code id="payload">{html.escape(payload)}</code></pre>'
        ),
    )


def issue_key(ctx: Context, values: dict[str, str], member: sqlite3.Row) -> str:
    """A new key for ``member``, encrypted to the app's public key (Base64.encode64 lines)."""
    key = store_key(
        ctx.store, member["id"], values["client_id"], values["application_name"], values["scopes"]
    )
    message = json.dumps(
        {"key": key, "nonce": values["nonce"], "push": False, "api": USER_API_VERSION}
    ).encode()
    scheme: padding.AsymmetricPadding = padding.PKCS1v15()
    if values.get("padding") == "oaep":  # Ruby's PKCS1_OAEP_PADDING: SHA-1 throughout
        scheme = padding.OAEP(mgf=padding.MGF1(hashes.SHA1()), algorithm=hashes.SHA1(), label=None)
    encrypted = _public_key(values["public_key"]).encrypt(message, scheme)
    return "\n".join(textwrap.wrap(base64.b64encode(encrypted).decode(), 60)) + "\n"


def store_key(
    store: Store, member_id: int, client_id: str, application_name: str, scopes: str
) -> str:
    """A new user API key for the member, kept only as its hash; the member's earlier key
    for the same client id is revoked, as re-authorizing replaces it (another member's key
    for that client stays: UserApiKeysController#create)."""
    key = secrets.token_hex(16)
    with store.transaction() as conn:
        conn.execute(
            "UPDATE user_api_keys SET revoked_at = ?"
            " WHERE client_id = ? AND user_id = ? AND revoked_at IS NULL",
            (now_iso(), client_id, member_id),
        )
        conn.execute(
            "INSERT INTO user_api_keys (key_hash, user_id, client_id, application_name, scopes,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (hash_key(key), member_id, client_id, application_name, scopes, now_iso()),
        )
    return key


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
    # Approved in a browser signed in with a cookie, not an API key: checked in the handler.
    route("POST", r"/user-api-key(?:\.json)?", approve, login=False),
    # Any scope may revoke its own key.
    route("POST", r"/user-api-key/revoke(?:\.json)?", revoke, *sorted(USER_API_SCOPES)),
)
