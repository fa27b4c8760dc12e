"""The User API Key flow as a stock Discourse runs it: a signed-in member approves for
themself, the payload comes back only to an allowed address or is shown for pasting."""

from __future__ import annotations

import base64
import json
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from tests.demo_forum.conftest import ForumFactory
from tests.support.approval import MEMBER_PASSWORD, Browser, form_of, shown_payload
from voicepeer.demo_forum import DemoForum
from voicepeer.demo_forum.settings import DISCOURSE_AUTH_REDIRECTS
from voicepeer.demo_forum.user_api_keys import redirect_allowed

REDIRECT = "http://127.0.0.1:8731/voicepeer-auth"


@pytest.fixture(scope="module")
def private_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _public_pem(key: rsa.RSAPrivateKey) -> str:
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def _request(
    key: rsa.RSAPrivateKey,
    *,
    client_id: str = "voicepeer-test-1",
    scopes: str = "read,write",
    redirect: str | None = None,
    nonce: str = "n0nce-1",
) -> dict[str, str]:
    params = {
        "application_name": "voicepeer",
        "client_id": client_id,
        "scopes": scopes,
        "public_key": _public_pem(key),
        "nonce": nonce,
    }
    if redirect is not None:
        params["auth_redirect"] = redirect
    return params


def _link(key: rsa.RSAPrivateKey, **kwargs: str) -> str:
    return f"/user-api-key/new?{urlencode(_request(key, **kwargs))}"


def _decrypt(key: rsa.RSAPrivateKey, payload: str) -> dict:
    assert "\n" in payload.strip() or len(payload.strip()) <= 60  # Ruby's encode64 lines
    return json.loads(key.decrypt(base64.b64decode(payload), padding.PKCS1v15()))


def _shown_key(
    forum: DemoForum, key: rsa.RSAPrivateKey, username: str = "demo", **kwargs: str
) -> dict:
    with Browser(forum.base_url, username) as browser:
        shown = browser.authorize(_link(key, **kwargs))
    assert shown.status_code == 200, shown.text[:500]
    return _decrypt(key, shown_payload(shown.text))


def _as(payload: dict, client_id: str = "voicepeer-test-1") -> dict[str, str]:
    return {"User-Api-Key": payload["key"], "User-Api-Client-Id": client_id}


def test_a_signed_in_member_approves_and_the_payload_is_shown_for_pasting(
    forum: DemoForum, client: httpx.Client, private_key: rsa.RSAPrivateKey
) -> None:
    payload = _shown_key(forum, private_key, "priya")
    assert payload["nonce"] == "n0nce-1"
    assert payload["push"] is False and payload["api"] == 4
    me = client.get("/session/current.json", headers=_as(payload))
    assert me.status_code == 200
    assert me.json()["current_user"]["username"] == "priya"  # the one who signed in
    reply = client.post(
        "/posts.json",
        headers=_as(payload),
        json={"topic_id": 14, "raw": "Posting through my own key now."},
    )
    assert reply.status_code == 200
    assert reply.json()["username"] == "priya"


def test_the_link_sends_a_signed_out_browser_to_sign_in_first(
    forum: DemoForum, private_key: rsa.RSAPrivateKey
) -> None:
    with httpx.Client(base_url=forum.base_url) as browser:
        link = _link(private_key)
        first = browser.get(link)
        assert first.status_code == 302 and first.headers["location"] == "/login"
        wrong = browser.post("/session", data={"login": "demo", "password": "guess"})
        assert wrong.status_code == 403 and "Incorrect" in wrong.text
        assert browser.get(link).status_code == 302  # still signed out


def test_no_key_without_a_signed_in_browser(
    client: httpx.Client, private_key: rsa.RSAPrivateKey
) -> None:
    # Posting a member's name is not signing in (even with --require-sign-in off).
    fields = {**_request(private_key), "username": "demo"}
    for path in ("/user-api-key", "/user-api-key.json"):
        refused = client.post(path, data=fields)
        assert refused.status_code == 403
        assert refused.json()["error_type"] == "not_logged_in"


def test_a_form_posted_from_elsewhere_is_refused(
    forum: DemoForum, private_key: rsa.RSAPrivateKey
) -> None:
    with Browser(forum.base_url) as browser:
        page = browser.open(_link(private_key))
        action, fields = form_of(page.text)
        fields["authenticity_token"] = "forged"
        refused = browser.http.post(action, data=fields)
    assert refused.status_code == 403


def test_nobody_can_sign_in_without_a_member_password(
    make_forum: ForumFactory, private_key: rsa.RSAPrivateKey
) -> None:
    closed = make_forum(member_password="")
    with httpx.Client(base_url=closed.base_url) as browser:
        assert browser.post("/session", data={"login": "demo", "password": ""}).status_code == 403


def test_an_allowed_redirect_gets_the_payload(
    make_forum: ForumFactory, private_key: rsa.RSAPrivateKey
) -> None:
    forum = make_forum(allowed_user_api_auth_redirects=(*DISCOURSE_AUTH_REDIRECTS, REDIRECT))
    with Browser(forum.base_url) as browser:
        sent_back = browser.authorize(_link(private_key, redirect=REDIRECT))
    assert sent_back.status_code == 302
    location = urlsplit(sent_back.headers["location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == REDIRECT
    assert _decrypt(private_key, parse_qs(location.query)["payload"][0])["nonce"] == "n0nce-1"


@pytest.mark.parametrize(
    "redirect",
    [
        REDIRECT,  # stock settings allow no address on this computer
        "http://127.0.0.1:9999/voicepeer-auth",  # another port
        "https://127.0.0.1:8731/voicepeer-auth",  # another scheme
        "http://127.0.0.1:8731/voicepeer-auth\r\nSet-Cookie: x=1",  # header injection
        "java\tscript:alert(1)",
        "javascript:alert(1)",
    ],
)
def test_a_redirect_not_allowed_is_refused_at_once(
    make_forum: ForumFactory, private_key: rsa.RSAPrivateKey, redirect: str
) -> None:
    allowed = () if redirect == REDIRECT else (REDIRECT,)
    forum = make_forum(allowed_user_api_auth_redirects=(*DISCOURSE_AUTH_REDIRECTS, *allowed))
    with Browser(forum.base_url) as browser:
        page = browser.open(_link(private_key, redirect=redirect))
        assert page.status_code == 403
        assert "does not allow" in page.text and "Authorize" not in page.text
        # Nor by posting the form directly.
        good = browser.open(_link(private_key))
        action, fields = form_of(good.text)
        refused = browser.http.post(action + ".json", data={**fields, "auth_redirect": redirect})
        assert refused.status_code == 403
        assert "location" not in refused.headers


def test_the_redirect_check_matches_discourse() -> None:
    stock = DISCOURSE_AUTH_REDIRECTS
    assert redirect_allowed("https://api.discourse.org/api/auth_redirect", stock)
    assert redirect_allowed("discourse://auth_redirect", stock)
    assert not redirect_allowed("https://api.discourse.org/api/auth_redirect/x", stock)
    wild = ("http://127.0.0.1:8731/*",)
    assert redirect_allowed("http://127.0.0.1:8731/voicepeer-auth?x=1", wild)
    assert not redirect_allowed("http://127.0.0.1:87310/voicepeer-auth", wild)
    assert not redirect_allowed("http://127.0.0.1:8731/a b", wild)


def test_a_member_below_the_trust_level_cannot_approve(
    make_forum: ForumFactory, private_key: rsa.RSAPrivateKey
) -> None:
    forum = make_forum(user_api_key_min_trust_level=4)
    with Browser(forum.base_url) as browser:
        page = browser.open(_link(private_key))
        assert page.status_code == 200 and "not yet let your account" in page.text
        assert "Authorize" not in page.text


def test_read_only_key_cannot_post(
    forum: DemoForum, client: httpx.Client, private_key: rsa.RSAPrivateKey
) -> None:
    payload = _shown_key(forum, private_key, scopes="read")
    assert client.get("/latest.json", headers=_as(payload)).status_code == 200
    refused = client.post(
        "/posts.json",
        headers=_as(payload),
        json={"topic_id": 1, "raw": "This should not be allowed."},
    )
    assert refused.status_code == 403
    assert refused.json()["error_type"] == "invalid_access"


def test_notifications_scope_reaches_only_notifications(
    forum: DemoForum, client: httpx.Client, private_key: rsa.RSAPrivateKey
) -> None:
    payload = _shown_key(forum, private_key, scopes="notifications")
    assert client.get("/notifications.json", headers=_as(payload)).status_code == 200
    assert client.get("/latest.json", headers=_as(payload)).status_code == 403


def test_reauthorizing_replaces_the_old_key_and_revoke_ends_it(
    forum: DemoForum, client: httpx.Client, private_key: rsa.RSAPrivateKey
) -> None:
    first = _shown_key(forum, private_key)
    second = _shown_key(forum, private_key, nonce="n0nce-2")
    assert second["key"] != first["key"] and second["nonce"] == "n0nce-2"
    assert client.get("/session/current.json", headers=_as(first)).status_code == 403
    assert client.get("/session/current.json", headers=_as(second)).status_code == 200
    wrong_client = client.get("/session/current.json", headers=_as(second, "someone-else"))
    assert wrong_client.status_code == 403
    revoked = client.post("/user-api-key/revoke", headers=_as(second))
    assert revoked.status_code == 200 and revoked.json() == {"success": "OK"}
    assert client.get("/session/current.json", headers=_as(second)).status_code == 403


def test_a_key_replaces_only_the_same_members_key_for_that_client(
    forum: DemoForum, client: httpx.Client
) -> None:
    """Re-authorizing revokes the member's own earlier key for the client id, never another
    member's (UserApiKeysController#create: ``@client.keys.where(user_id: …)``)."""
    scopes = ("read", "write")
    demo_key = forum.member_key("demo", "shared-client", scopes)
    sam_key = forum.member_key("sam", "shared-client", scopes)
    newer_demo_key = forum.member_key("demo", "shared-client", scopes)

    def who(key: str) -> object:
        answer = client.get("/session/current.json", headers={"User-Api-Key": key})
        return answer.json()["current_user"]["username"] if answer.status_code == 200 else None

    assert [who(demo_key), who(sam_key), who(newer_demo_key)] == [None, "sam", "demo"]


def test_the_protocol_version_is_announced(client: httpx.Client) -> None:
    answer = client.head("/user-api-key/new")
    assert answer.status_code == 200 and answer.headers["auth-api-version"] == "4"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"public_key": "not a key"}, "public key"),
        ({"scopes": "read,everything"}, "unknown scopes"),
        ({"nonce": ""}, "nonce"),
    ],
)
def test_bad_requests_explain_what_is_wrong(
    client: httpx.Client, private_key: rsa.RSAPrivateKey, change: dict[str, str], expected: str
) -> None:
    params = {**_request(private_key), **change}
    response = client.get("/user-api-key/new", params=params)
    assert response.status_code in (400, 403)
    assert expected in response.text


def test_code_approval_as_current_discourse_runs_it(
    forum: DemoForum, client: httpx.Client, private_key: rsa.RSAPrivateKey
) -> None:
    head = client.head("/user-api-key/new")
    assert head.headers["auth-api-device-code"] == "true"
    fields = _request(private_key)
    assert client.post("/user-api-key/device.json", data=fields).status_code == 403  # JSON only
    started = client.post("/user-api-key/device.json", json=fields).json()
    assert started["expires_in"] == 600 and started["interval"] == 5
    assert len(started["device_code"]) == 64
    poll = {"device_code": started["device_code"]}
    assert client.post("/user-api-key/device/poll.json", json=poll).json() == {
        "status": "authorization_pending"
    }
    with Browser(forum.base_url, "dave") as browser:
        page = browser.open(started["verification_uri_with_request"])
        action, hidden = form_of(page.text)
        done = browser.http.post(
            action, data={**hidden, "code": started["user_code"], "decision": "authorize"}
        )
    assert "The application is connected" in done.text
    answer = client.post("/user-api-key/device/poll.json", json=poll).json()
    assert answer["status"] == "authorized"
    key = _decrypt(private_key, answer["payload"])
    assert key["nonce"] == "n0nce-1"
    me = client.get("/session/current.json", headers=_as(key)).json()
    assert me["current_user"]["username"] == "dave"
    # The payload is handed over once; after that the code is gone.
    assert client.post("/user-api-key/device/poll.json", json=poll).json() == {
        "status": "expired_token"
    }


def test_code_approval_can_be_switched_off(
    make_forum: ForumFactory, private_key: rsa.RSAPrivateKey
) -> None:
    older = make_forum(offer_device_code=False)
    with httpx.Client(base_url=older.base_url) as http:
        assert "auth-api-device-code" not in http.head("/user-api-key/new").headers
        assert http.post("/user-api-key/device.json", json=_request(private_key)).status_code == 404


def test_guessing_the_password_is_slowed_down(forum: DemoForum) -> None:
    with httpx.Client(base_url=forum.base_url) as browser:
        answers = [
            browser.post("/session", data={"login": "demo", "password": f"guess{n}"}).status_code
            for n in range(7)
        ]
        assert answers == [403] * 6 + [429]
        # Even the right password waits out the minute.
        right = browser.post("/session", data={"login": "demo", "password": MEMBER_PASSWORD})
        assert right.status_code == 429


def test_a_revoked_key_is_refused_even_where_visitors_may_read(
    forum: DemoForum, client: httpx.Client, private_key: rsa.RSAPrivateKey
) -> None:
    # Discourse's DefaultCurrentUserProvider raises InvalidAccess for a key it does not know
    # before any controller looks at the page: a public one too.
    payload = _shown_key(forum, private_key)
    assert client.post("/user-api-key/revoke", headers=_as(payload)).status_code == 200
    refused = client.get("/latest.json", headers=_as(payload))
    assert refused.status_code == 403
    assert refused.json() == {
        "errors": ["You are not permitted to view the requested resource."],
        "error_type": "invalid_access",
    }
    assert client.get("/latest.json").status_code == 200
