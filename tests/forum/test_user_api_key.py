from __future__ import annotations

import base64
import json
from urllib.parse import parse_qs, quote, urlsplit

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from voicepeer.errors import AuthError
from voicepeer.forum.user_api_key import RedirectListener, finish_request, start_request
from voicepeer.voice.error_phrases import say_error


def _encrypt_like_discourse(public_pem: str, payload: dict[str, object]) -> str:
    """What Discourse does on approval: RSA PKCS#1 v1.5 over the JSON, base64 with newlines."""
    key = serialization.load_pem_public_key(public_pem.encode())
    assert isinstance(key, rsa.RSAPublicKey)
    encrypted = key.encrypt(json.dumps(payload).encode(), padding.PKCS1v15())
    return base64.encodebytes(encrypted).decode()


def test_approval_link_asks_for_the_smallest_scopes() -> None:
    request = start_request(
        "https://forum.example.org/", "voicepeer-abc", auth_redirect="http://127.0.0.1:9/x"
    )
    parts = urlsplit(request.approval_url)
    assert parts.path == "/user-api-key/new"
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert query["scopes"] == "read,write"
    assert query["client_id"] == "voicepeer-abc"
    assert query["application_name"] == "voicepeer"
    assert query["nonce"] == request.nonce
    assert query["auth_redirect"] == "http://127.0.0.1:9/x"
    assert query["public_key"].startswith("-----BEGIN PUBLIC KEY-----")
    assert "PRIVATE" not in repr(request)


def test_pasted_payload_is_decrypted() -> None:
    request = start_request("https://forum.example.org", "cid")
    query = parse_qs(urlsplit(request.approval_url).query)
    payload = _encrypt_like_discourse(
        query["public_key"][0], {"key": "k-123", "nonce": request.nonce, "push": False, "api": 4}
    )
    creds = finish_request(request, "  " + payload.replace("\n", "\n  "))
    assert creds.key == "k-123"
    assert creds.kind == "user_api_key"
    assert creds.client_id == "cid"
    assert "k-123" not in repr(creds)


def test_pasted_payload_is_found_among_the_pages_words() -> None:
    request = start_request("https://forum.example.org", "cid")
    payload = _encrypt_like_discourse(
        request.fields["public_key"], {"key": "k-789", "nonce": request.nonce}
    )
    page_copy = (
        "Application authorized\nThank you for authorizing voicepeer. Copy the text "
        f"below and paste it into the application.\n{payload}\nBack to the forum\n"
    )
    assert finish_request(request, page_copy).key == "k-789"
    # A terminal that turned the line breaks into spaces.
    assert finish_request(request, payload.replace("\n", " ")).key == "k-789"


def test_wrong_nonce_or_foreign_payload_is_refused() -> None:
    request = start_request("https://forum.example.org", "cid")
    public = parse_qs(urlsplit(request.approval_url).query)["public_key"][0]
    with pytest.raises(AuthError) as caught:
        finish_request(request, _encrypt_like_discourse(public, {"key": "k", "nonce": "other"}))
    assert "start connecting again" in say_error(caught.value)
    other = start_request("https://forum.example.org", "cid")
    with pytest.raises(AuthError):
        finish_request(
            request,
            _encrypt_like_discourse(
                parse_qs(urlsplit(other.approval_url).query)["public_key"][0],
                {"key": "k", "nonce": request.nonce},
            ),
        )
    with pytest.raises(AuthError) as caught:
        finish_request(request, "not base64 at all!")
    assert "copy all of the block" in say_error(caught.value)


def test_redirect_listener_receives_the_payload_over_loopback() -> None:
    request = start_request("https://forum.example.org", "cid")
    public = parse_qs(urlsplit(request.approval_url).query)["public_key"][0]
    payload = _encrypt_like_discourse(public, {"key": "k-456", "nonce": request.nonce})
    with RedirectListener() as listener:
        assert listener.url.startswith("http://127.0.0.1:")
        response = httpx.get(f"{listener.url}?payload={quote(payload)}")
        assert response.status_code == 200
        received = listener.wait(5)
    assert received is not None
    assert finish_request(request, received).key == "k-456"


def test_redirect_listener_times_out_quietly() -> None:
    with RedirectListener() as listener:
        assert listener.wait(0.1) is None
