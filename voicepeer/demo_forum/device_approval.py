"""Current Discourse's device-code approval, for apps with no way to receive a redirect.

The app posts its request to ``/user-api-key/device.json`` (JSON only) and gets a device
code, a short user code such as ``ABCD-EFGH`` and a link; the member opens the link, signs
in, types the user code and presses Authorize; the app polls ``/user-api-key/device/poll.json``
until it answers ``authorized`` with the encrypted payload (given once), ``access_denied`` or
``expired_token``. Grants last 10 minutes; Discourse asks apps to poll every 5 seconds.
"""

from __future__ import annotations

import html
import json
import re
import secrets
import time
from typing import Any
from urllib.parse import quote

from voicepeer.demo_forum import sign_in
from voicepeer.demo_forum.context import Context, Route, route
from voicepeer.demo_forum.http_api import Response, invalid_access, missing_param, not_found
from voicepeer.demo_forum.sign_in import page
from voicepeer.demo_forum.user_api_keys import checked_request, issue_key, may_approve

GRANT_TTL_S = 600
_CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def normalize_user_code(text: str) -> str | None:
    code = re.sub(r"[^A-Z0-9]", "", text.upper())
    return f"{code[:4]}-{code[4:]}" if len(code) == 8 else None


def create(ctx: Context, _m: re.Match[str]) -> Response:
    if not ctx.options.offer_device_code:
        raise not_found()
    if "json" not in ctx.request.headers.get("content-type", ""):
        raise invalid_access()  # Discourse: ensure_json_request!
    values = checked_request(ctx)
    if values["auth_redirect"]:
        raise invalid_access()
    device_code = secrets.token_hex(32)
    user_code = "".join(secrets.choice(_CODE_LETTERS) for _ in range(8))
    user_code = f"{user_code[:4]}-{user_code[4:]}"
    request_token = secrets.token_urlsafe(6)[:8]
    with ctx.store.transaction() as conn:
        conn.execute("DELETE FROM device_grants WHERE expires_at < ?", (time.time(),))
        conn.execute(
            "INSERT INTO device_grants (device_code, user_code, request_token, request, status,"
            " expires_at) VALUES (?, ?, ?, ?, 'pending', ?)",
            (device_code, user_code, request_token, json.dumps(values), time.time() + GRANT_TTL_S),
        )
    verification_uri = f"{ctx.base_url}/user-api-key/activate"
    return Response.json(
        200,
        {
            "device_code": device_code,
            "user_code": user_code,
            "verification_uri": verification_uri,
            "verification_uri_with_request": f"{verification_uri}?request={quote(request_token)}",
            "expires_in": GRANT_TTL_S,
            "interval": ctx.options.device_code_poll_interval_s,
        },
    )


def _live_grant(ctx: Context, where: str, value: str) -> Any:
    return ctx.store.one(
        f"SELECT * FROM device_grants WHERE {where} = ? AND status = 'pending' AND expires_at > ?",
        (value, time.time()),
    )


def activate(ctx: Context, _m: re.Match[str]) -> Response:
    session = sign_in.current(ctx)
    if session is None:
        return sign_in.send_to_sign_in(ctx)
    token = ctx.request.params.text("request") or ""
    grant = _live_grant(ctx, "request_token", token) if token else None
    if token and grant is None:
        return _code_form(
            session,
            "That approval link has expired. Ask the application to "
            "start again, or type the code it shows.",
        )
    if grant is None:
        return _code_form(session)
    values = json.loads(grant["request"])
    if not may_approve(ctx, session.member):
        return page(
            "Connect an application",
            ("<p>This forum does not yet let your account connect applications.</p>"),
        )
    return _code_form(
        session,
        intro=(
            f"<p>Signed in as <strong>{html.escape(session.member['username'])}</strong>.</p>\n"
            f"<p><strong>{html.escape(values['application_name'])}</strong> would like to use "
            f"this forum on your behalf, with access to: "
            f"{html.escape(', '.join(values['scopes'].split(',')))}. Type the code it shows "
            "to confirm.</p>"
        ),
        request_token=token,
    )


def _code_form(
    session: sign_in.BrowserSession, message: str = "", *, intro: str = "", request_token: str = ""
) -> Response:
    note = f'<p role="alert">{html.escape(message)}</p>\n' if message else ""
    hidden = (
        f'<input type="hidden" name="request" value="{html.escape(request_token)}">\n'
        if request_token
        else ""
    )
    return page(
        "Connect an application",
        (
            f"{note}{intro or '<p>Type the code the application shows.</p>'}\n"
            '<form method="post" action="/user-api-key/device/authorize">\n'
            f'<input type="hidden" name="authenticity_token" '
            f'value="{html.escape(session.form_token)}">\n{hidden}'
            '<label>Code <input type="text" name="code" autocomplete="off"></label>\n'
            '<button type="submit" name="decision" value="authorize">Authorize</button>\n'
            '<button type="submit" name="decision" value="deny">Deny</button>\n</form>'
        ),
    )


def authorize(ctx: Context, _m: re.Match[str]) -> Response:
    session = sign_in.current(ctx)
    if session is None:
        return sign_in.send_to_sign_in(ctx)
    if not sign_in.form_token_matches(session, ctx):
        raise invalid_access("BAD CSRF")
    params = ctx.request.params
    code = normalize_user_code(params.text("code") or "")
    grant = _live_grant(ctx, "user_code", code) if code else None
    token = params.text("request") or ""
    if grant is None or (token and grant["request_token"] != token):
        return _code_form(
            session,
            "That code is not right, or has expired. Check the code the application shows.",
            request_token=token,
        )
    if params.text("decision") == "deny":
        with ctx.store.transaction() as conn:
            conn.execute(
                "UPDATE device_grants SET status = 'denied' WHERE device_code = ?",
                (grant["device_code"],),
            )
        return page("Application not connected", "<p>The application was not connected.</p>")
    if not may_approve(ctx, session.member):
        raise invalid_access()
    payload = issue_key(ctx, json.loads(grant["request"]), session.member)
    with ctx.store.transaction() as conn:
        conn.execute(
            "UPDATE device_grants SET status = 'authorized', payload = ? WHERE device_code = ?",
            (payload, grant["device_code"]),
        )
    return page(
        "Application connected",
        (
            "<p>The application is connected to your account. You can close this page and go "
            "back to it.</p>"
        ),
    )


def poll(ctx: Context, _m: re.Match[str]) -> Response:
    if "json" not in ctx.request.headers.get("content-type", ""):
        raise invalid_access()
    device_code = ctx.request.params.text("device_code")
    if not device_code:
        raise missing_param("device_code")
    grant = ctx.store.one("SELECT * FROM device_grants WHERE device_code = ?", (device_code,))
    if grant is None or (grant["status"] == "pending" and grant["expires_at"] < time.time()):
        return Response.json(200, {"status": "expired_token"})
    if grant["status"] == "pending":
        return Response.json(200, {"status": "authorization_pending"})
    if grant["status"] == "denied":
        return Response.json(200, {"status": "access_denied"})
    with ctx.store.transaction() as conn:  # the payload is handed over once
        conn.execute("DELETE FROM device_grants WHERE device_code = ?", (device_code,))
    return Response.json(200, {"status": "authorized", "payload": grant["payload"]})


ROUTES: tuple[Route, ...] = (
    # The app asks and polls before it has a key; the code is typed in a signed-in browser.
    route("POST", r"/user-api-key/device(?:\.json)?", create, login=False),
    route("POST", r"/user-api-key/device/poll(?:\.json)?", poll, login=False),
    route("GET", r"/user-api-key/activate", activate),
    route("POST", r"/user-api-key/device/authorize(?:\.json)?", authorize, login=False),
)
