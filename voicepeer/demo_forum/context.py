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


def route(method: str, pattern: str, handler: Handler, *scopes: str) -> Route:
    default = ("read",) if method == "GET" else ("write",)
    return Route(method, re.compile(f"^{pattern}$"), handler, frozenset(scopes or default))
