"""Checking what the forum client sends and parses against the official Discourse spec.

``RecordingTransport`` wraps real HTTP and keeps every exchange; ``spec_problems`` checks
each request body and each JSON response against the operation the spec documents for
that method and path. Paths the spec leaves out are listed in ``UNDOCUMENTED`` with the
reason; anything else missing from the spec is a problem.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import httpx
import jsonschema

SPEC_PATH = Path("/work/shared/forum-api/discourse-openapi.json")

#: Real Discourse routes the client uses that the OpenAPI file does not document.
UNDOCUMENTED: dict[str, str] = {
    "GET /new.json": "same topic-list shape as /latest.json",
    "GET /unread.json": "same topic-list shape as /latest.json",
    "GET /session/current.json": "who a user API key belongs to",
    "POST /bookmarks.json": "Discourse 3.x post bookmarks",
    "POST /user-api-key/revoke": "user API keys are not in the spec",
    "GET /": "start page with the preloaded site settings",
    "GET /site/settings.json": "client-visible site settings (post and title lengths)",
}

#: Fields real Discourse sends that the spec's closed schemas leave out.
KNOWN_EXTRA_FIELDS = frozenset({"reply_to_user", "last_read_post_number", "topics"})

#: Fields the spec types wrongly: Discourse sends ``reply_to_post_number`` as an integer.
KNOWN_MISTYPED_FIELDS = frozenset({"reply_to_post_number"})

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
def _spec() -> dict[str, Any]:
    return json.loads(SPEC_PATH.read_text())


@cache
def _templates() -> list[tuple[re.Pattern[str], str]]:
    out = []
    for template in _spec()["paths"]:
        pattern = re.escape(template)
        pattern = re.sub(r"\\\{[^}]+\\\}", r"[^/]+", pattern)
        out.append((re.compile(f"^{pattern}$"), template))
    # Prefer literal paths over templated ones (e.g. /t/{id}/posts.json over /t/{id}.json).
    out.sort(key=lambda item: item[1].count("{"))
    return out


def operation(method: str, path: str) -> tuple[str, dict[str, Any]] | None:
    for pattern, template in _templates():
        if pattern.match(path):
            op = _spec()["paths"][template].get(method.lower())
            if op is not None:
                return template, op
    return None


def _known_gap(error: jsonschema.ValidationError) -> bool:
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        return set(error.instance) - allowed <= KNOWN_EXTRA_FIELDS
    if error.validator == "type" and error.path and error.path[-1] in KNOWN_MISTYPED_FIELDS:
        return isinstance(error.instance, int)
    return False


def _errors(schema: dict[str, Any], instance: Any, where: str) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema)
    return [
        f"{where}: {e.json_path}: {e.message}"
        for e in validator.iter_errors(instance)
        if not _known_gap(e)
    ]


def spec_problems(exchange: Exchange, base_path: str = "") -> list[str]:
    path = exchange.path[len(base_path) :] if base_path else exchange.path
    key = f"{exchange.method} {path}"
    found = operation(exchange.method, path)
    if found is None and key in SAME_SHAPE_AS:
        found = operation(exchange.method, SAME_SHAPE_AS[key])
    if found is None:
        return [] if key in UNDOCUMENTED else [f"{key}: not in the Discourse spec"]
    template, op = found
    problems: list[str] = []
    body_schema = (
        op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
    )
    if exchange.request_json is not None and body_schema and template != "/t/{id}/posts.json":
        problems += _errors(body_schema, exchange.request_json, f"{key} request")
    answer = op.get("responses", {}).get(str(exchange.status), {})
    schema = answer.get("content", {}).get("application/json", {}).get("schema")
    enqueued = isinstance(exchange.response_json, dict) and (
        exchange.response_json.get("action") == "enqueued"  # real answer the spec omits
    )
    if (
        schema
        and exchange.response_json is not None
        and 200 <= exchange.status < 300
        and not (enqueued)
    ):
        problems += _errors(schema, exchange.response_json, f"{key} response {exchange.status}")
    return problems
