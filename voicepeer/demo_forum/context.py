"""What every request handler gets: the database, the options, the caller and the request."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from voicepeer.demo_forum.auth import Viewer
from voicepeer.demo_forum.http_api import Request, Response
from voicepeer.demo_forum.settings import DemoForumOptions
from voicepeer.demo_forum.store import Store


@dataclass
class Context:
    store: Store
    options: DemoForumOptions
    viewer: Viewer
    request: Request
    base_url: str


Handler = Callable[[Context, re.Match[str]], Response]


@dataclass(frozen=True)
class Route:
    method: str
    pattern: re.Pattern[str]
    handler: Handler
    scopes: frozenset[str]
    """User API key scopes that allow this route (``write`` allows everything)."""
    login: bool
    """Whether a caller without credentials is refused before the handler runs, with
    Discourse's 403 ``not_logged_in`` (its controllers' ``requires_login``)."""


def route(
    method: str, pattern: str, handler: Handler, *scopes: str, login: bool | None = None
) -> Route:
    """A route; by default every write needs a member, as on a stock Discourse, and a read
    does not (``login`` says otherwise: a sign-in form is posted before there is one)."""
    default = ("read",) if method == "GET" else ("write",)
    return Route(
        method,
        re.compile(f"^{pattern}$"),
        handler,
        frozenset(scopes or default),
        method != "GET" if login is None else login,
    )
