"""Before connecting an account: is this address a Discourse forum voicepeer can connect to?

Four questions, each answered with what is wrong (the dialogue puts it in words for a carer):
is it a web address; does anything answer there; is it a Discourse forum
(``/site/basic-info.json``, which Discourse answers even when the forum needs signing in,
else ``/about.json``); does it offer user API keys (Discourse answers
``HEAD /user-api-key/new`` with an ``Auth-Api-Version`` header, and newer versions with
``Auth-Api-Device-Code: true``). Whether the person's own account may approve apps
(``user_api_key_allowed_groups``) only the approval page can tell, once they are signed in.
"""

from __future__ import annotations

import ipaddress
import logging
from dataclasses import dataclass
from enum import Enum
from typing import Any
from urllib.parse import urlsplit

import httpx

from voicepeer.errors import ConfigError, ForumError, NetFault
from voicepeer.forum.credentials import (
    WebAddressError,
    WebAddressFault,
    normalize_forum_url,
    without_user_info,
)
from voicepeer.unreachable import net_fault, on_this_computer

log = logging.getLogger(__name__)

CHECK_TIMEOUT_S = 15.0
"""Longest wait for each answer while checking an address."""


class AddressProblem(Enum):
    NOT_WEB_ADDRESS = "not_web_address"
    NO_DOT = "no_dot"
    """No dot in the host name: not a web site's address."""
    NOTHING_ANSWERS = "nothing_answers"
    NOT_DISCOURSE = "not_discourse"
    STOPPED_ANSWERING = "stopped_answering"
    NO_USER_API_KEYS = "no_user_api_keys"
    SERVER_TROUBLE = "server_trouble"
    """It answered with an error of its own (5xx): down for maintenance, or busy."""


class ForumAddressError(ForumError):
    """The address given for the forum cannot be connected to, and why."""

    def __init__(
        self,
        problem: AddressProblem,
        address: str,
        title: str = "",
        fault: WebAddressFault | None = None,
        net: NetFault = NetFault.NO_CONNECTION,
    ) -> None:
        address = without_user_info(address)  # a password typed in it is never repeated
        super().__init__(f"{address}: {problem.value}")
        self.problem = problem
        self.address = address
        """The address as given (when not a web address) or as checked."""
        self.title = title
        """The forum's name, once it answered as one."""
        self.fault = fault
        """Why it is not a web address, when that is known."""
        self.net = net
        """How the connection failed, when nothing answered."""
        self.scheme_guessed = False
        """It was given without http:// or https://, and https:// was tried."""


@dataclass(frozen=True)
class ForumAddress:
    """A checked forum: where it is, its name, and how an app can be approved on it."""

    url: str
    title: str
    login_required: bool
    user_api_version: int
    """0 when the forum offers no user API keys."""
    device_code: bool
    """The forum offers the device-code approval (a code typed on its activation page)."""


def _well_formed(text: str) -> str:
    try:
        url = normalize_forum_url(text)
    except WebAddressError as error:
        raise ForumAddressError(
            AddressProblem.NOT_WEB_ADDRESS, text.strip(), fault=error.fault
        ) from None
    except ConfigError:
        raise ForumAddressError(AddressProblem.NOT_WEB_ADDRESS, text.strip()) from None
    host = urlsplit(url).hostname or ""
    try:
        ipaddress.ip_address(host)
        is_ip = True
    except ValueError:
        is_ip = False
    if " " in text.strip() or not (is_ip or host == "localhost" or "." in host):
        raise ForumAddressError(AddressProblem.NO_DOT, text.strip())
    return url


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def check_forum_address(
    text: str,
    *,
    transport: httpx.BaseTransport | None = None,
    timeout_s: float = CHECK_TIMEOUT_S,
    need_user_api_keys: bool = True,
) -> ForumAddress:
    """The forum at ``text`` if voicepeer can connect an account there; otherwise
    :class:`ForumAddressError` saying what is wrong. With
    ``need_user_api_keys`` false (an admin API key will be used) the forum need not offer
    user API keys."""
    url = _well_formed(text)
    typed_scheme = "://" in text
    try:
        return _checked(url, transport, timeout_s, need_user_api_keys)
    except ForumAddressError as error:
        if error.problem is not AddressProblem.NOTHING_ANSWERS or typed_scheme:
            raise
        if not on_this_computer(url):
            error.scheme_guessed = True
            raise
    # "127.0.0.1:4200" was tried as https://, which a forum on this computer (the demo
    # one) does not speak: plain http never leaves the computer.
    return _checked(url.replace("https://", "http://", 1), transport, timeout_s, need_user_api_keys)


def _checked(
    url: str,
    transport: httpx.BaseTransport | None,
    timeout_s: float,
    need_user_api_keys: bool,
) -> ForumAddress:
    with httpx.Client(
        base_url=url,
        timeout=timeout_s,
        transport=transport,
        follow_redirects=True,
        headers={"Accept": "application/json"},
    ) as http:
        try:
            info = http.get("/site/basic-info.json")
            about = None if isinstance(_json(info), dict) else http.get("/about.json")
        except httpx.HTTPError as error:
            log.info("checking %s: %s", url, type(error).__name__)
            raise ForumAddressError(
                AddressProblem.NOTHING_ANSWERS, url, net=net_fault(error)
            ) from None
        site = _json(info) if info.status_code == 200 else None
        about_data = _json(about) if about is not None and about.status_code == 200 else None
        if isinstance(site, dict) and "title" in site:
            title, login_required = str(site["title"]), bool(site.get("login_required"))
        elif isinstance(about_data, dict) and isinstance(about_data.get("about"), dict):
            title, login_required = str(about_data["about"].get("title") or url), False
        elif info.status_code >= 500:
            raise ForumAddressError(AddressProblem.SERVER_TROUBLE, url)
        else:
            raise ForumAddressError(AddressProblem.NOT_DISCOURSE, url)
        try:
            keys = http.head("/user-api-key/new")
        except httpx.HTTPError:
            raise ForumAddressError(AddressProblem.STOPPED_ANSWERING, url) from None
    version = keys.headers.get("Auth-Api-Version", "")
    if need_user_api_keys and (keys.status_code != 200 or not version.isdigit()):
        raise ForumAddressError(AddressProblem.NO_USER_API_KEYS, url, title)
    return ForumAddress(
        url=url,
        title=title,
        login_required=login_required,
        user_api_version=int(version) if version.isdigit() else 0,
        device_code=keys.headers.get("Auth-Api-Device-Code", "").lower() == "true",
    )
