"""Words for a helper when a site does not answer: the forum, or the download site of speech
models. One wording wherever it happens, so the same fault (most often: no network) reads
the same, says what happened, what to check and what to do next."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

import httpx

from voicepeer.errors import NetFault

_NAME_UNKNOWN = ("name or service not known", "name resolution", "nodename nor servname")
_NO_ROUTE = ("network is unreachable", "no route to host")

WHAT_HAPPENED = {
    NetFault.NAME_UNKNOWN: "its name could not be looked up, so this computer seems to be "
    "offline (or the address is misspelt)",
    NetFault.NO_ROUTE: "this computer has no way through to it: it seems to be offline",
    NetFault.REFUSED: "the connection was refused: the computer there is on, but nothing "
    "takes connections at that address",
    NetFault.TIMED_OUT: "no answer came in time",
    NetFault.BROKE: "the connection broke off before the answer was complete",
    NetFault.NO_CONNECTION: "no connection could be made",
}
"""What happened, in a helper's words."""

CHECK_NETWORK = (
    "Check that this computer is online: is the network cable plugged in, or the Wi-Fi "
    "connected? Opening any web page in a web browser shows it."
)


HERE_HAPPENED = {
    NetFault.REFUSED: "the forum program is not running there (or runs at another port)",
    NetFault.TIMED_OUT: "the forum program there did not answer in time",
    NetFault.BROKE: "the forum program there broke off its answer",
}
"""What happened at an address on this computer, where the network is not the trouble."""

DEMO_FORUM_PORT = 4200
"""The port 'voicepeer demo-forum' listens on unless told another."""


def on_this_computer(url: str) -> bool:
    """``url`` names this computer (localhost, 127.0.0.1, ::1): no network is involved."""
    host = urlsplit(url).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def nothing_answered_here(url: str, fault: NetFault) -> tuple[str, str]:
    """What happened, and what to do, when nothing answered at ``url``, a forum on this
    computer (most often voicepeer's practice forum, stopped): checking the network would
    send a helper the wrong way."""
    happened = HERE_HAPPENED.get(fault, WHAT_HAPPENED[fault])
    what = f"Nothing answered at {url}, an address on this computer: {happened}"
    port = urlsplit(url).port or 80
    demo = "voicepeer demo-forum" + (f" --port {port}" if port != DEMO_FORUM_PORT else "")
    if fault is NetFault.REFUSED:
        todo = (
            "Start the forum program on this computer, then try again. For voicepeer's "
            f"practice forum, run '{demo}' in a window of its own and leave it open. If the "
            "forum is on another computer, connect its address: voicepeer forum connect ADDRESS"
        )
    else:
        todo = (
            "Restart the forum program on this computer, then try again. For voicepeer's "
            f"practice forum, press Ctrl-C in its window and run '{demo}' again."
        )
    return what, todo


def net_fault(error: BaseException) -> NetFault:
    """How ``error`` (from httpx, or the system) says the connection failed."""
    text = str(error).lower()
    if any(words in text for words in _NAME_UNKNOWN):
        return NetFault.NAME_UNKNOWN
    if any(words in text for words in _NO_ROUTE):
        return NetFault.NO_ROUTE
    if "refused" in text:
        return NetFault.REFUSED
    if isinstance(error, (httpx.TimeoutException, TimeoutError)):
        return NetFault.TIMED_OUT
    if isinstance(error, (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError)):
        return NetFault.BROKE
    return NetFault.NO_CONNECTION


def nothing_answered(where: str, fault: NetFault, then: str, *, typed: bool = False) -> str:
    """The sentence for a helper when nothing answered at ``where``: what happened, what to
    check, and ``then``, what to do once it is checked. ``typed``: an address just typed
    by the helper, which a name not found most often means is misspelt; else a site known
    to exist (the download site), which it means this computer is offline."""
    if fault is NetFault.NAME_UNKNOWN and typed:
        return f"Nothing answered at {where}: {NAME_NOT_FOUND_TYPED} {CHECK_ADDRESS} {then}"
    if fault is NetFault.NAME_UNKNOWN:
        return f"Nothing answered at {where}: {NAME_NOT_FOUND_KNOWN}. {CHECK_NETWORK} {then}"
    return f"Nothing answered at {where}: {WHAT_HAPPENED[fault]}. {CHECK_NETWORK} {then}"


NAME_NOT_FOUND_TYPED = (
    "no site has that name. Most often the address is misspelt (less often, this computer is "
    "offline)."
)
NAME_NOT_FOUND_KNOWN = "its name could not be looked up, so this computer seems to be offline"
CHECK_ADDRESS = (
    "Check the address letter by letter, then open it in a web browser: if no web page opens "
    "at all, check that this computer is online (is the network cable plugged in, or the "
    "Wi-Fi connected?)."
)
