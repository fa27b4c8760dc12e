"""Approving voicepeer with a short code, on forums that offer it (current Discourse).

voicepeer posts its request to ``/user-api-key/device.json`` and shows the person a code and
a link; they open the link, sign in, type the code and press Authorize; meanwhile voicepeer
asks ``/user-api-key/device/poll.json`` at the interval the forum gives until it hands over
the encrypted key, says it was denied, or that the code expired (10 minutes on Discourse).
Nothing to paste, and no forum setting to change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from voicepeer.errors import AuthError, AuthProblem, ForumResponseError
from voicepeer.forum.credentials import Credentials
from voicepeer.forum.http import ForumHttp
from voicepeer.forum.user_api_key import KeyRequest, finish_request, start_request

DEFAULT_INTERVAL_S = 5.0
"""Discourse's poll interval, if the forum does not say."""


@dataclass(frozen=True)
class DeviceApproval:
    """A pending code approval: what to show the person, and how to ask after it."""

    request: KeyRequest
    user_code: str
    link: str
    interval_s: float
    expires_in_s: float
    device_code: str = field(repr=False)


def _number(data: dict[str, Any], name: str, default: float) -> float:
    value = data.get(name)
    return float(value) if isinstance(value, int | float) and value > 0 else default


def start_device_approval(http: ForumHttp, client_id: str) -> DeviceApproval:
    """Ask the forum for a code for a new key request."""
    request = start_request(http.base_url, client_id)
    data = http.write("POST", "/user-api-key/device.json", dict(request.fields))
    if not isinstance(data, dict) or not all(
        isinstance(data.get(name), str) and data[name]
        for name in ("device_code", "user_code", "verification_uri")
    ):
        raise ForumResponseError("the forum's answer to a code request is not usable")
    link = data.get("verification_uri_with_request") or data["verification_uri"]
    return DeviceApproval(
        request=request,
        user_code=data["user_code"],
        link=str(link),
        interval_s=_number(data, "interval", DEFAULT_INTERVAL_S),
        expires_in_s=_number(data, "expires_in", 600.0),
        device_code=data["device_code"],
    )


def poll_device_approval(http: ForumHttp, approval: DeviceApproval) -> Credentials | None:
    """The account's credentials once approved; None while still waiting. Raises AuthError
    when it was denied or the code has expired."""
    data = http.write(
        "POST", "/user-api-key/device/poll.json", {"device_code": approval.device_code}
    )
    status = data.get("status") if isinstance(data, dict) else None
    if status == "authorization_pending":
        return None
    if status == "authorized" and isinstance(data.get("payload"), str):
        return finish_request(approval.request, data["payload"])
    if status == "access_denied":
        raise AuthError("the approval was denied on the forum", problem=AuthProblem.APPROVAL_DENIED)
    if status == "expired_token":
        raise AuthError("the approval code expired", problem=AuthProblem.APPROVAL_EXPIRED)
    raise ForumResponseError(f"unexpected answer to a code poll: {status!r}")
