"""Checking everything the forum client sends and parses against the Discourse spec.

``RecordingTransport`` wraps real HTTP and keeps every exchange; ``spec_problems`` maps
each concrete path to the spec's path template and checks the request body and the answer
with :mod:`tests.support.spec` (which knows where real Discourse differs from the spec).
Routes the spec leaves out are listed in ``UNDOCUMENTED`` with the reason.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import httpx

from tests.support.spec import (
    NotInSpec,
    SpecMismatch,
    load_spec,
    validate_error_body,
    validate_request_body,
    validate_response,
)

#: Real Discourse routes the client uses that the OpenAPI file does not document.
UNDOCUMENTED: dict[str, str] = {
    "GET /new.json": "same topic-list shape as /latest.json",
    "GET /unread.json": "same topic-list shape as /latest.json",
    "GET /session/current.json": "who a user API key belongs to",
    "GET /site/settings.json": "client-visible site settings (post and title lengths)",
    "POST /bookmarks.json": "Discourse 3.x post bookmarks",
    "POST /user-api-key/revoke": "user API keys are not in the spec",
    "GET /": "start page with the preloaded site settings",
    "POST /topics/timings": "reading progress, as Discourse's own client reports it"
    " (TopicsController#timings)",
    "GET /posts/demo/pending.json": "the user's own posts waiting for a moderator "
    "(PostsController#pending)",
    "PUT /topics/bulk.json": "the Unread list's Dismiss (TopicsController#bulk)",
    "PUT /topics/reset-new.json": "the New list's Dismiss (TopicsController#reset_new)",
}

#: Undocumented routes whose answers have a documented twin to validate against.
SAME_SHAPE_AS: dict[str, str] = {
    "GET /new.json": "/latest.json",
    "GET /unread.json": "/latest.json",
}


@dataclass(frozen=True)
class Exchange:
    method: str
    path: str
    request_json: Any
    status: int
    response_json: Any


class RecordingTransport(httpx.BaseTransport):
    """Real HTTP through ``inner``, keeping a copy of every request and answer."""

    def __init__(self, inner: httpx.BaseTransport | None = None) -> None:
        self.inner = inner or httpx.HTTPTransport()
        self.exchanges: list[Exchange] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        body = response.read()
        sent = json.loads(request.content) if request.content else None
        try:
            answer = json.loads(body)
        except ValueError:
            answer = None
        self.exchanges.append(
            Exchange(request.method, request.url.path, sent, response.status_code, answer)
        )
        return httpx.Response(
            response.status_code, headers=response.headers, content=body, request=request
        )


@cache
def _templates() -> list[tuple[re.Pattern[str], str]]:
    out = []
    for template in load_spec()["paths"]:
        pattern = re.sub(r"\\\{[^}]+\\\}", r"[^/]+", re.escape(template))
        out.append((re.compile(f"^{pattern}$"), template))
    # Literal paths first, so /t/{id}/posts.json is not taken for /t/{id}.json.
    out.sort(key=lambda item: item[1].count("{"))
    return out


def path_template(method: str, path: str) -> str | None:
    """The spec's template for a concrete path, e.g. /t/12.json → /t/{id}.json."""
    for pattern, template in _templates():
        if pattern.match(path) and method.lower() in load_spec()["paths"][template]:
            return template
    return None


def spec_problems(exchange: Exchange, base_path: str = "") -> list[str]:
    """What in this exchange contradicts the spec (empty when all is well)."""
    path = exchange.path[len(base_path) :] if base_path else exchange.path
    key = f"{exchange.method} {path}"
    problems: list[str] = []
    if not 200 <= exchange.status < 300:
        try:
            validate_error_body(exchange.response_json)
        except SpecMismatch as error:
            problems.append(f"{key} {exchange.status}: {error}")
        return problems
    template = path_template(exchange.method, SAME_SHAPE_AS.get(key, path))
    if template is None:
        return [] if key in UNDOCUMENTED else [f"{key}: not in the Discourse spec"]
    if exchange.request_json is not None and exchange.method != "GET":
        try:
            validate_request_body(exchange.method, template, exchange.request_json)
        except (SpecMismatch, NotInSpec) as error:
            problems.append(str(error))
    answer = exchange.response_json
    if isinstance(answer, dict) and answer.get("action") == "enqueued":
        return problems  # held for moderation: real Discourse's answer, absent from the spec
    try:
        validate_response(exchange.method, template, exchange.status, answer)
    except SpecMismatch as error:
        problems.append(str(error))
    except NotInSpec:
        problems.append(f"{key}: the spec documents no answer for HTTP {exchange.status}")
    return problems
