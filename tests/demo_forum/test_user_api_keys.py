"""The User API Key flow end to end: approval page, encrypted payload, scopes, revocation."""

from __future__ import annotations

import base64
import html
import json
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from tests.demo_forum.conftest import ForumFactory
from voicepeer.demo_forum import DemoForum

REDIRECT = "http://127.0.0.1:9/voicepeer-callback"


@pytest.fixture(scope="module")
def private_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _public_pem(key: rsa.RSAPrivateKey) -> str:
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode()


class _FormReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.action = ""
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.action = values.get("action", "")
        elif tag == "input" and "name" in values:
            self.fields[values["name"]] = values.get("value", "")


def _request(key: rsa.RSAPrivateKey, *, client_id: str = "voicepeer-test-1",
             scopes: str = "read,write", redirect: str | None = REDIRECT,
             nonce: str = "n0nce-1") -> dict[str, str]:
    params = {"application_name": "voicepeer", "client_id": client_id, "scopes": scopes,
              "public_key": _public_pem(key), "nonce": nonce}
    if redirect:
        params["auth_redirect"] = redirect
    return params


def _decrypt(key: rsa.RSAPrivateKey, payload: str) -> dict:
    assert "\n" in payload.strip() or len(payload.strip()) <= 60  # Ruby's encode64 lines
    return json.loads(key.decrypt(base64.b64decode(payload), padding.PKCS1v15()))


def _approve_through_page(client: httpx.Client, key: rsa.RSAPrivateKey, **kwargs: str
                          ) -> httpx.Response:
    page = client.get("/user-api-key/new", params=_request(key, **kwargs))
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "voicepeer" in page.text and "Authorize" in page.text
    form = _FormReader()
    form.feed(page.text)
    assert form.action == "/user-api-key"
    return client.post(form.action, data=form.fields)


def _key_from_redirect(response: httpx.Response, key: rsa.RSAPrivateKey) -> dict:
    assert response.status_code == 302
    location = urlsplit(response.headers["location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == REDIRECT
    return _decrypt(key, parse_qs(location.query)["payload"][0])


def _as(payload: dict, client_id: str = "voicepeer-test-1") -> dict[str, str]:
    return {"User-Api-Key": payload["key"], "User-Api-Client-Id": client_id}


def test_approval_redirects_with_an_encrypted_working_key(
    client: httpx.Client, private_key: rsa.RSAPrivateKey
) -> None:
    payload = _key_from_redirect(_approve_through_page(client, private_key), private_key)
    assert payload["nonce"] == "n0nce-1"
    assert payload["push"] is False and payload["api"] == 4
    me = client.get("/session/current.json", headers=_as(payload))
    assert me.status_code == 200
    assert me.json()["current_user"]["username"] == "demo"
    reply = client.post("/posts.json", headers=_as(payload),
                        json={"topic_id": 14, "raw": "Posting through my own key now."})
    assert reply.status_code == 200
    assert reply.json()["yours"] is True


def test_payload_shown_for_pasting_without_a_redirect(
    client: httpx.Client, private_key: rsa.RSAPrivateKey
) -> None:
    shown = _approve_through_page(client, private_key, redirect="")
    assert shown.status_code == 200
    start = shown.text.index('<pre id="payload">') + len('<pre id="payload">')
    payload = html.unescape(shown.text[start : shown.text.index("</pre>", start)])
    assert _decrypt(private_key, payload)["nonce"] == "n0nce-1"


def test_read_only_key_cannot_post(client: httpx.Client, private_key: rsa.RSAPrivateKey
                                   ) -> None:
    payload = _key_from_redirect(
        _approve_through_page(client, private_key, scopes="read"), private_key
    )
    assert client.get("/latest.json", headers=_as(payload)).status_code == 200
    refused = client.post("/posts.json", headers=_as(payload),
                          json={"topic_id": 1, "raw": "This should not be allowed."})
    assert refused.status_code == 403
    assert refused.json()["error_type"] == "invalid_access"


def test_notifications_scope_reaches_only_notifications(
    client: httpx.Client, private_key: rsa.RSAPrivateKey
) -> None:
    payload = _key_from_redirect(
        _approve_through_page(client, private_key, scopes="notifications"), private_key
    )
    assert client.get("/notifications.json", headers=_as(payload)).status_code == 200
    assert client.get("/latest.json", headers=_as(payload)).status_code == 403


def test_reauthorizing_replaces_the_old_key_and_revoke_ends_it(
    client: httpx.Client, private_key: rsa.RSAPrivateKey
) -> None:
    first = _key_from_redirect(_approve_through_page(client, private_key), private_key)
    second = _key_from_redirect(
        _approve_through_page(client, private_key, nonce="n0nce-2"), private_key
    )
    assert second["key"] != first["key"] and second["nonce"] == "n0nce-2"
    assert client.get("/session/current.json", headers=_as(first)).status_code == 403
    assert client.get("/session/current.json", headers=_as(second)).status_code == 200
    wrong_client = client.get("/session/current.json", headers=_as(second, "someone-else"))
    assert wrong_client.status_code == 403
    revoked = client.post("/user-api-key/revoke", headers=_as(second))
    assert revoked.status_code == 200 and revoked.json() == {"success": "OK"}
    assert client.get("/session/current.json", headers=_as(second)).status_code == 403


def test_auto_approve_option_skips_the_page(make_forum: ForumFactory,
                                            private_key: rsa.RSAPrivateKey) -> None:
    forum: DemoForum = make_forum(auto_approve_user_api_keys=True, approving_username="sam")
    with httpx.Client(base_url=forum.base_url) as client:
        response = client.get("/user-api-key/new", params=_request(private_key))
        payload = _key_from_redirect(response, private_key)
        me = client.get("/session/current.json", headers=_as(payload)).json()
        assert me["current_user"]["username"] == "sam"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"public_key": "not a key"}, "public key"),
        ({"scopes": "read,everything"}, "unknown scopes"),
        ({"nonce": ""}, "nonce"),
        ({"auth_redirect": "javascript:alert(1)"}, "return address"),
    ],
)
def test_bad_requests_explain_what_is_wrong(client: httpx.Client,
                                            private_key: rsa.RSAPrivateKey,
                                            change: dict[str, str], expected: str) -> None:
    params = {**_request(private_key), **change}
    response = client.get("/user-api-key/new", params=params)
    assert response.status_code == 400
    assert expected in response.text
