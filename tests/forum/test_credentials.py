from __future__ import annotations

import json
import logging
import stat
from pathlib import Path

import pytest

from voicepeer import paths
from voicepeer.config.values import WEB_ADDRESS_WORDS, forum_address
from voicepeer.errors import ConfigError
from voicepeer.forum.credentials import (
    Credentials,
    CredentialStore,
    WebAddressError,
    WebAddressFault,
    normalize_forum_url,
)
from voicepeer.voice.error_phrases import say_error

SECRET = "c0ffee5ecret0000111122223333444455556666777788889999aaaabbbbcccc"


def test_forum_addresses_are_normalized() -> None:
    assert normalize_forum_url("HTTPS://Forum.Example.org/") == "https://forum.example.org"
    assert normalize_forum_url("forum.example.org") == "https://forum.example.org"
    assert (
        normalize_forum_url("http://127.0.0.1:8080/community/") == "http://127.0.0.1:8080/community"
    )
    with pytest.raises(ConfigError):
        normalize_forum_url("ftp://forum.example.org")


@pytest.mark.parametrize(
    ("address", "fault"),
    [
        ("https://" + "a" * 3000 + ".org", WebAddressFault.TOO_LONG),
        ("https://forum example.org", WebAddressFault.UNSAFE_CHARACTERS),
        ("https://carer:hunter2@forum.example.org", WebAddressFault.USER_INFO),
        ("javascript:alert(1)", WebAddressFault.NOT_HTTP),
        ("ftp://forum.example.org", WebAddressFault.NOT_HTTP),
        ("http://[::1", WebAddressFault.UNREADABLE),
        ("https://forum.example.org:abc", WebAddressFault.BAD_PORT),
        ("https://", WebAddressFault.NO_HOST),
    ],
)
def test_a_wrong_address_is_refused_with_its_reason_and_never_repeated(
    address: str, fault: WebAddressFault
) -> None:
    with pytest.raises(WebAddressError) as caught:
        normalize_forum_url(address)
    assert caught.value.fault is fault
    assert (
        say_error(caught.value) == "That forum address does not look right. Please check it "
        "and try again."
    )
    # The words for the person setting up come from the configuration's messages.
    with pytest.raises(ConfigError) as explained:
        forum_address(address)
    assert WEB_ADDRESS_WORDS[fault] in str(explained.value)
    assert "hunter2" not in str(caught.value) + str(explained.value)


def test_every_reason_has_words() -> None:
    assert set(WEB_ADDRESS_WORDS) == set(WebAddressFault)


def test_saved_in_config_dir_readable_only_by_owner() -> None:
    store = CredentialStore()
    store.save(Credentials("https://forum.example.org/", "user_api_key", SECRET, "anne", "cid"))
    assert store.path == paths.config_dir() / "credentials.json"
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    loaded = CredentialStore().load("https://FORUM.example.org")
    assert loaded == Credentials("https://forum.example.org", "user_api_key", SECRET, "anne", "cid")
    assert loaded.headers() == {"User-Api-Key": SECRET, "User-Api-Client-Id": "cid"}
    assert CredentialStore().forums() == ("https://forum.example.org",)


def test_admin_key_headers() -> None:
    creds = Credentials("https://f.example", "admin_api_key", SECRET, username="carer")
    assert creds.headers() == {"Api-Key": SECRET, "Api-Username": "carer"}


def test_key_never_in_repr_str_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    creds = Credentials("https://forum.example.org", "user_api_key", SECRET, "anne", "cid")
    caplog.set_level(logging.DEBUG)
    store = CredentialStore()
    store.save(creds)
    store.load(creds.forum_url)
    assert SECRET not in repr(creds)
    assert SECRET not in str(creds)
    assert SECRET not in repr([creds])
    assert SECRET not in caplog.text
    assert "anne" in str(creds)


def test_client_id_is_stable_per_forum() -> None:
    store = CredentialStore()
    first = store.client_id("https://forum.example.org")
    assert CredentialStore().client_id("https://forum.example.org/") == first
    assert store.client_id("https://other.example.org") != first


def test_remove() -> None:
    store = CredentialStore()
    store.save(Credentials("https://f.example", "admin_api_key", SECRET, "carer"))
    assert store.remove("https://f.example")
    assert not store.remove("https://f.example")
    assert store.load("https://f.example") is None
    assert SECRET not in store.path.read_text()


def test_damaged_file_gives_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "credentials.json"
    path.write_text("{not json")
    with pytest.raises(ConfigError) as caught:
        CredentialStore(path).load("https://f.example")
    assert "reconnect" in say_error(caught.value)
    # Set aside, kept, for a new file; a readable file stays where it is.
    assert CredentialStore(path).set_aside_if_damaged() == tmp_path / "credentials.json.damaged"
    assert CredentialStore(path).load("https://f.example") is None
    path.write_text("[1, 2]")
    assert CredentialStore(path).set_aside_if_damaged() == tmp_path / "credentials.json.damaged-2"
    assert (tmp_path / "credentials.json.damaged").read_text() == "{not json"
    assert CredentialStore(path).set_aside_if_damaged() is None


def test_keyring_requested_but_missing_falls_back_to_file(tmp_path: Path) -> None:
    store = CredentialStore(tmp_path / "c.json", use_keyring=True)
    store.save(Credentials("https://f.example", "admin_api_key", SECRET, "carer"))
    data = json.loads((tmp_path / "c.json").read_text())
    assert data["forums"]["https://f.example"]["key"] == SECRET


@pytest.mark.parametrize(
    ("copied", "forum"),
    [
        ("forum.example.org/latest", "https://forum.example.org"),
        ("https://forum.example.org/t/heat-and-fatigue/42?u=jo", "https://forum.example.org"),
        ("https://forum.example.org/c/living-with-ms/5", "https://forum.example.org"),
        # A forum in a folder of its own keeps the folder.
        ("https://example.org/community/latest", "https://example.org/community"),
        ("https://example.org/community/", "https://example.org/community"),
    ],
)
def test_an_address_copied_while_reading_is_the_forums(copied: str, forum: str) -> None:
    # "…/latest" was saved as the forum, and every request went to "…/latest/latest.json".
    assert normalize_forum_url(copied) == forum
