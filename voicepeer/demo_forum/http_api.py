"""Requests, responses and Discourse's error bodies, independent of the HTTP server."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs


@dataclass
class Response:
    status: int
    body: bytes = b""
    content_type: str = "application/json; charset=utf-8"
    headers: list[tuple[str, str]] = field(default_factory=list)
    drop_after_bytes: int | None = None
    """Fault injection: close the connection after this many body bytes."""

    @classmethod
    def json(
        cls, status: int, payload: Any, headers: list[tuple[str, str]] | None = None
    ) -> Response:
        body = json.dumps(payload, ensure_ascii=False).encode()
        return cls(status, body, headers=list(headers or []))

    @classmethod
    def text(cls, status: int, text: str, headers: list[tuple[str, str]] | None = None) -> Response:
        return cls(status, text.encode(), "text/plain; charset=utf-8", list(headers or []))

    @classmethod
    def html(cls, status: int, page: str, headers: list[tuple[str, str]] | None = None) -> Response:
        return cls(status, page.encode(), "text/html; charset=utf-8", list(headers or []))


class HttpError(Exception):
    """Raised by handlers; carries the response Discourse would send."""

    def __init__(self, response: Response) -> None:
        super().__init__(response.status)
        self.response = response


def error(status: int, message: str, error_type: str | None = None, **extra: Any) -> HttpError:
    body: dict[str, Any] = {"errors": [message]}
    if error_type:
        body["error_type"] = error_type
    body.update(extra)
    return HttpError(Response.json(status, body))


def not_found() -> HttpError:
    return error(404, "The requested URL or resource could not be found.", "not_found")


def invalid_access(
    message: str = "You are not permitted to view the requested resource.",
) -> HttpError:
    return error(403, message, "invalid_access")


def not_logged_in() -> HttpError:
    return error(403, "You need to be logged in to do that.", "not_logged_in")


def missing_param(name: str) -> HttpError:
    return error(400, f"param is missing or the value is empty: {name}", "invalid_parameters")


def invalid_param(name: str) -> HttpError:
    return error(
        400, f"You supplied invalid parameters to the request: {name}", "invalid_parameters"
    )


def rejected(errors: list[str], action: str | None = None) -> HttpError:
    body: dict[str, Any] = {"errors": errors}
    if action:
        body = {"action": action, **body}
    return HttpError(Response.json(422, body))


_NESTED = re.compile(r"^([^\[\]]+)\[([^\[\]]*)\]$")
MAX_ID = 2**63 - 1
"""Largest id the database holds (a 64-bit integer, as in Discourse's PostgreSQL)."""
MAX_JSON_DEPTH = 100
"""Deepest nesting of a JSON body accepted (Rails' JSON parser stops at 100 as well)."""


def whole_number(value: Any, name: str) -> int:
    """``value`` as an id-sized whole number, or Discourse's 400 for ``name``."""
    try:
        number = int(value)
    except (TypeError, ValueError) as exc:
        raise invalid_param(name) from exc
    if abs(number) > MAX_ID:
        raise invalid_param(name)
    return number


def _check_json(parsed: Any) -> None:
    """Refuses nesting deeper than :data:`MAX_JSON_DEPTH` and text with lone surrogates
    (valid JSON escapes, but not text: they cannot be stored or sent back)."""
    pending: list[tuple[Any, int]] = [(parsed, 1)]
    while pending:
        value, depth = pending.pop()
        if depth > MAX_JSON_DEPTH:
            raise error(400, "The request body is nested too deeply.", "invalid_parameters")
        if isinstance(value, dict):
            pending.extend((item, depth + 1) for item in (*value.keys(), *value.values()))
        elif isinstance(value, list):
            pending.extend((item, depth + 1) for item in value)
        elif isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise error(
                    400, "The request body is not valid UTF-8 text.", "invalid_parameters"
                ) from exc


class Params:
    """Query string and body parameters merged, as Rails merges them for Discourse.

    Bodies may be JSON or ``application/x-www-form-urlencoded``; ``name[]`` keys collect into
    lists and ``name[key]`` keys into mappings.
    """

    def __init__(self, query: str, body: bytes, content_type: str) -> None:
        self._values: dict[str, Any] = {}
        self._merge_form(query)
        if not body:
            return
        if "json" in content_type:
            try:
                parsed = json.loads(body.decode("utf-8"))
            except (UnicodeDecodeError, ValueError, RecursionError) as exc:
                raise error(
                    400, "The request body is not valid JSON.", "invalid_parameters"
                ) from exc
            _check_json(parsed)
            if not isinstance(parsed, dict):
                raise error(400, "The request body must be a JSON object.", "invalid_parameters")
            for key, value in parsed.items():
                self._values[str(key).removesuffix("[]")] = value
        elif "multipart" in content_type:
            raise error(400, "Send the form URL-encoded or as JSON.", "invalid_parameters")
        else:
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise error(
                    400, "The request body is not valid UTF-8.", "invalid_parameters"
                ) from exc
            self._merge_form(text)

    def _merge_form(self, text: str) -> None:
        for key, values in parse_qs(text, keep_blank_values=True).items():
            nested = _NESTED.match(key)
            if nested and nested.group(2) == "":
                self._values.setdefault(nested.group(1), [])
                existing = self._values[nested.group(1)]
                if isinstance(existing, list):
                    existing.extend(values)
            elif nested:
                mapping = self._values.setdefault(nested.group(1), {})
                if isinstance(mapping, dict):
                    mapping[nested.group(2)] = values[-1]
            else:
                self._values[key] = values[-1]

    def raw(self, name: str) -> Any:
        return self._values.get(name)

    def text(self, name: str) -> str | None:
        value = self._values.get(name)
        if value is None or isinstance(value, (dict, list)):
            return None
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)

    def integer(self, name: str, *, required: bool = False) -> int | None:
        value = self.text(name)
        if value is None or value.strip() == "":
            if required:
                raise missing_param(name)
            return None
        return whole_number(value, name)

    def integers(self, name: str) -> list[int]:
        value = self._values.get(name)
        items = value if isinstance(value, list) else ([] if value is None else [value])
        return [whole_number(item, name) for item in items]

    def mapping(self, name: str) -> Mapping[str, Any]:
        value = self._values.get(name)
        return value if isinstance(value, dict) else {}


@dataclass
class Request:
    method: str
    path: str
    query: str
    headers: Mapping[str, str]
    """Header names in lower case."""
    body: bytes
    client_ip: str
    _params: Params | None = None

    @property
    def params(self) -> Params:
        if self._params is None:
            self._params = Params(self.query, self.body, self.headers.get("content-type", ""))
        return self._params
