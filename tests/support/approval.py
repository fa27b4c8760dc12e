"""A person approving voicepeer in their web browser, on the demo forum: open the link, sign
in when the forum asks, press Authorize. Real HTTP, real cookies, real forms."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import httpx

from voicepeer.forum.credentials import Credentials, CredentialStore

MEMBER_PASSWORD = "kettle-meadow-ribbon"
"""The password demo forums started by the tests give every member."""


class _Form(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.action = ""
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "form" and not self.action:
            self.action = values.get("action", "")
        elif tag == "input" and "name" in values and values.get("type") == "hidden":
            self.fields[values["name"]] = values.get("value", "")


def form_of(page: str) -> tuple[str, dict[str, str]]:
    """The first form on a page: where it posts and its hidden fields."""
    reader = _Form()
    reader.feed(page)
    return reader.action, reader.fields


def shown_payload(page: str) -> str:
    """The approval text the forum shows for pasting."""
    found = re.search(r"<code[^>]*>(.*?)</code>", page, re.S)
    assert found is not None, page[:800]
    return html.unescape(found.group(1))


class Browser:
    """A web browser: keeps cookies, follows the forum's pages the way a person would."""

    def __init__(
        self, base_url: str, username: str = "demo", password: str = MEMBER_PASSWORD
    ) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=30)
        self.username, self.password = username, password

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def open(self, url: str) -> httpx.Response:
        """Open a link, signing in if the forum sends the browser to its sign-in page."""
        page = self.http.get(url)
        if page.status_code == 302 and page.headers["location"] == "/login":
            assert self.http.get("/login").status_code == 200
            signed = self.http.post(
                "/session", data={"login": self.username, "password": self.password}
            )
            assert signed.status_code == 302, signed.text[:500]
            page = self.http.get(signed.headers["location"])
        return page

    def authorize(self, approval_url: str) -> httpx.Response:
        """Open the approval link and press Authorize; the forum's answer (a page showing
        the approval text, or a redirect back to the app)."""
        page = self.open(approval_url)
        assert page.status_code == 200, page.text[:500]
        assert "Authorize" in page.text, page.text[:800]
        action, fields = form_of(page.text)
        return self.http.post(action, data=fields)


def approve_user_api_key(
    base_url: str, client_id: str = "voicepeer-test", username: str = "demo"
) -> Credentials:
    """voicepeer's own approval request, approved in the browser, pasted back."""
    from voicepeer.forum.user_api_key import finish_request, start_request

    request = start_request(base_url, client_id)
    with Browser(base_url, username) as browser:
        shown = browser.authorize(request.approval_url)
    assert shown.status_code == 200, shown.text[:500]
    return finish_request(request, shown_payload(shown.text))


def connect_account(base_url: str, username: str = "demo") -> Credentials:
    """``username``'s account connected as ``voicepeer forum connect`` leaves it: approved
    in the browser for voicepeer's own client id on this forum, and saved in voicepeer's
    file of accounts (this test's HOME), where a ``voicepeer run`` started after finds it."""
    store = CredentialStore()
    account = approve_user_api_key(base_url, store.client_id(base_url), username)
    store.save(account)
    return account
