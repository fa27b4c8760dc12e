"""Signing in with a web browser, as Discourse requires before a member approves an app.

``GET /login`` shows the form, ``POST /session`` checks the member's name and password and
sets the ``_t`` cookie, then sends the browser back to where it was going (the
``destination_url`` cookie, as Discourse does). Only the approval pages read this cookie:
the JSON API keeps to its keys. Each browser session carries its own form token, which every
form posted with the cookie must repeat (Discourse's ``authenticity_token``).
"""

from __future__ import annotations

import hmac
import html
import re
import secrets
import sqlite3
import time
from dataclasses import dataclass
from http.cookies import CookieError, SimpleCookie
from urllib.parse import quote, unquote

from voicepeer.demo_forum.context import Context, Route, route
from voicepeer.demo_forum.http_api import Response
from voicepeer.demo_forum.store import hash_key, now_iso

SESSION_COOKIE = "_t"
FAILED_SIGN_INS_PER_MINUTE = 6
"""Wrong passwords one address may try in a minute (Discourse: max_logins_per_ip_per_minute)."""
DESTINATION_COOKIE = "destination_url"


@dataclass(frozen=True)
class BrowserSession:
    member: sqlite3.Row
    form_token: str


def page(
    title: str, body: str, status: int = 200, headers: list[tuple[str, str]] | None = None
) -> Response:
    """A plain HTML page of the demo forum."""
    return Response.html(
        status,
        (
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title></head>\n<body>\n<h1>{html.escape(title)}</h1>\n"
            f"{body}\n</body></html>\n"
        ),
        headers,
    )


def _cookies(ctx: Context) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(ctx.request.headers.get("cookie", ""))
    except CookieError:
        return {}
    return {name: morsel.value for name, morsel in jar.items()}


def current(ctx: Context) -> BrowserSession | None:
    """The member this browser is signed in as, if any."""
    token = _cookies(ctx).get(SESSION_COOKIE)
    if not token:
        return None
    row = ctx.store.one("SELECT * FROM browser_sessions WHERE token_hash = ?", (hash_key(token),))
    if row is None:
        return None
    member = ctx.store.user_by_id(row["user_id"])
    return None if member is None else BrowserSession(member, row["form_token"])


def form_token_matches(session: BrowserSession, ctx: Context) -> bool:
    sent = ctx.request.params.text("authenticity_token") or ""
    return hmac.compare_digest(sent.encode(), session.form_token.encode())


def _local_path(value: str) -> str:
    """Only a path on this forum: never an address elsewhere (an open redirect)."""
    return (
        value if re.match(r"^/(?![/\\])", value) and not re.search(r"[\x00-\x1f]", value) else "/"
    )


def send_to_sign_in(ctx: Context) -> Response:
    """Discourse's answer to a signed-out visitor of an approval page: remember the page,
    go to the sign-in form."""
    target = ctx.request.path + (f"?{ctx.request.query}" if ctx.request.query else "")
    return Response(
        302,
        b"",
        "text/html; charset=utf-8",
        [
            ("Location", "/login"),
            (
                "Set-Cookie",
                f"{DESTINATION_COOKIE}={quote(target, safe='')}; Path=/; HttpOnly; SameSite=Lax",
            ),
        ],
    )


def _sign_in_form(message: str = "", status: int = 200) -> Response:
    note = f'<p role="alert">{html.escape(message)}</p>\n' if message else ""
    return page(
        "Sign in",
        (
            f'{note}<form method="post" action="/session">\n'
            '<label>Member name <input type="text" name="login" autocomplete="username"></label>\n'
            '<label>Password <input type="password" name="password" '
            'autocomplete="current-password"></label>\n'
            '<button type="submit">Sign in</button>\n</form>'
        ),
        status,
    )


def login_page(ctx: Context, _m: re.Match[str]) -> Response:
    return _sign_in_form()


def create_session(ctx: Context, _m: re.Match[str]) -> Response:
    params = ctx.request.params
    ip = ctx.request.client_ip
    recent = ctx.store.scalar(
        "SELECT COUNT(*) FROM sign_in_failures WHERE client_ip = ? AND at > ?",
        (ip, time.time() - 60),
    )
    if int(recent or 0) >= FAILED_SIGN_INS_PER_MINUTE:
        return _sign_in_form("Too many attempts. Please wait a minute and try again.", 429)
    login = (params.text("login") or "").strip()
    password = params.text("password") or ""
    member = ctx.store.user_by_name(login) if login else None
    expected = ctx.options.member_password
    if (
        member is None
        or not expected
        or not hmac.compare_digest(password.encode(), expected.encode())
    ):
        with ctx.store.transaction() as conn:
            conn.execute("DELETE FROM sign_in_failures WHERE at < ?", (time.time() - 60,))
            conn.execute("INSERT INTO sign_in_failures VALUES (?, ?)", (ip, time.time()))
        return _sign_in_form("Incorrect member name or password.", status=403)
    token = secrets.token_hex(16)
    with ctx.store.transaction() as conn:
        conn.execute(
            "INSERT INTO browser_sessions (token_hash, user_id, form_token, created_at)"
            " VALUES (?, ?, ?, ?)",
            (hash_key(token), member["id"], secrets.token_urlsafe(24), now_iso()),
        )
    destination = _local_path(unquote(_cookies(ctx).get(DESTINATION_COOKIE, "/")))
    return Response(
        302,
        b"",
        "text/html; charset=utf-8",
        [
            ("Location", destination),
            ("Set-Cookie", f"{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax"),
            ("Set-Cookie", f"{DESTINATION_COOKIE}=; Path=/; Max-Age=0"),
        ],
    )


ROUTES: tuple[Route, ...] = (
    route("GET", r"/login", login_page),
    route("POST", r"/session(?:\.json)?", create_session, login=False),
)
