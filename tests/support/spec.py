"""Checking JSON against the official Discourse OpenAPI spec (OpenAPI 3.1 = JSON Schema 2020-12).

Use from tests of anything that talks Discourse::

    validate_response("GET", "/t/{id}.json", 200, response.json())
    validate_request_body("POST", "/posts.json", {"topic_id": 5, "raw": "..."})

The spec is generated from Discourse's own request specs and is stricter than Discourse in
places (``additionalProperties: false`` on objects that real Discourse extends). Where real
Discourse differs, :func:`_real_discourse_quirks` loosens the loaded copy; each deviation is
listed there with its reason. The spec file itself is never edited.
Other known gaps, handled by callers rather than here:

- every operation marks ``Api-Key``/``Api-Username`` headers required, though public
  endpoints answer anonymous requests and User API Keys (``User-Api-Key``,
  ``User-Api-Client-Id``) are not documented at all;
- ``GET /t/{id}/posts.json`` documents ``post_ids[]`` as a request body; Discourse takes them
  in the query string (a GET has no body), so :func:`validate_request_body` refuses it;
- only HTTP 200 answers are documented: error bodies (403/404/422/429) are checked with
  :func:`validate_error_body`, which follows Discourse's behaviour, not the spec.
"""

from __future__ import annotations

import copy
import functools
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SPEC_URI = "urn:discourse-openapi"
# A copy is kept in the repository (with its licence and notice), so a clone anywhere passes.
DEFAULT_SPEC_PATH = (
    Path(__file__).resolve().parents[1] / "data/discourse-openapi/discourse-openapi.json"
)


class SpecMismatch(AssertionError):
    """A body does not match the spec; the message lists every problem with its location."""


class NotInSpec(LookupError):
    """The spec documents no schema for this method, path or status."""


def spec_path() -> Path:
    return Path(os.environ.get("VOICEPEER_DISCOURSE_SPEC", DEFAULT_SPEC_PATH))


@functools.cache
def load_spec() -> dict[str, Any]:
    """The spec with real-Discourse quirks applied (a private copy; the file is untouched)."""
    with spec_path().open(encoding="utf-8") as handle:
        spec: dict[str, Any] = json.load(handle)
    return _real_discourse_quirks(copy.deepcopy(spec))


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _schema_at(spec: dict[str, Any], method: str, path: str) -> dict[str, Any]:
    operation = spec["paths"][path][method]
    schema: dict[str, Any] = operation["responses"]["200"]["content"]["application/json"]["schema"]
    return schema


def _real_discourse_quirks(spec: dict[str, Any]) -> dict[str, Any]:
    for node in _walk(spec.get("paths", {})):
        props = node.get("properties")
        if not isinstance(props, dict):
            continue
        # 1. Post numbers are integers in Discourse's JSON; the spec's example was null and
        #    got typed string-or-null.
        reply_to = props.get("reply_to_post_number")
        if isinstance(reply_to, dict) and reply_to.get("type") == ["string", "null"]:
            reply_to["type"] = ["integer", "string", "null"]
            # 2. PostSerializer adds reply_to_user to replies.
            props.setdefault(
                "reply_to_user",
                {
                    "type": "object",
                    "properties": {
                        "username": {"type": "string"},
                        "name": {"type": ["string", "null"]},
                        "avatar_template": {"type": "string"},
                    },
                },
            )
        # 3. A post's like summary carries count/acted/can_undo once someone has liked it,
        #    and can_act only when true (PostSerializer#actions_summary: one's own liked post
        #    has a count and no can_act).
        summary = props.get("actions_summary")
        if isinstance(summary, dict) and isinstance(summary.get("items"), dict):
            item_props = summary["items"].setdefault("properties", {})
            if "hidden" not in item_props:  # post summaries, not the topic-level one
                item_required = summary["items"].get("required", [])
                if "can_act" in item_required:
                    item_required.remove("can_act")
                for name, kind in (
                    ("count", "integer"),
                    ("acted", "boolean"),
                    ("can_undo", "boolean"),
                    ("can_act", "boolean"),
                ):
                    item_props.setdefault(name, {"type": kind})
    # 4. TopicViewSerializer: signed-in readers get last_read_post_number; private messages
    #    have no category and list their allowed users.
    topic = _schema_at(spec, "get", "/t/{id}.json")
    topic["properties"]["last_read_post_number"] = {"type": "integer"}
    #    In slow mode, a reader who has been in the topic gets when they last posted there.
    topic["properties"]["user_last_posted_at"] = {"type": ["string", "null"]}
    topic["properties"]["category_id"]["type"] = ["integer", "null"]
    details = topic["properties"]["details"]["properties"]
    details["allowed_users"] = {"type": "array", "items": {"type": "object"}}
    details["allowed_groups"] = {"type": "array", "items": {"type": "object"}}
    #    TopicViewDetailsSerializer sends can_create_post only when true (a visitor, or a
    #    closed topic: see the captured discourse_api_fixtures/topic.json, which lacks it).
    required = topic["properties"]["details"]["required"]
    required.remove("can_create_post")
    # 5. Category topic lists link the next page like /latest.json does.
    category = _schema_at(spec, "get", "/c/{slug}/{id}.json")
    category["properties"]["topic_list"]["properties"]["more_topics_url"] = {"type": "string"}
    #    Their topics are serialized as /latest.json's are (TopicListItemSerializer): a
    #    signed-in reader gets their reading of each, which the spec's example, made without
    #    one, lacks.
    item = category["properties"]["topic_list"]["properties"]["topics"]["items"]["properties"]
    for name in ("last_read_post_number", "notification_level", "unread_posts", "new_posts"):
        item[name] = {"type": "integer"}
    item["unread"] = {"type": "integer"}
    for name in ("bookmarked", "liked"):  # typed from the example's nulls
        item[name] = {"type": ["boolean", "null"]}
    # 6. Search answers include the topics of the matching posts.
    search = _schema_at(spec, "get", "/search.json")
    search["properties"]["topics"] = {"type": "array", "items": {"type": "object"}}
    # 7. A category's permission is null where the reader may not start topics (CategoryList
    #    and Site set it only where they may; see discourse_api_fixtures/categories.json).
    listed = _schema_at(spec, "get", "/categories.json")["properties"]["category_list"]
    site = _schema_at(spec, "get", "/site.json")
    for categories in (listed["properties"]["categories"], site["properties"]["categories"]):
        categories["items"]["properties"]["permission"] = {"type": ["integer", "null"]}
    return spec


@functools.cache
def _registry() -> Registry:
    resource = Resource.from_contents(load_spec(), default_specification=DRAFT202012)
    return Registry().with_resource(SPEC_URI, resource)


def _pointer(*parts: str) -> str:
    return "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


def operation(method: str, path_template: str) -> dict[str, Any]:
    paths = load_spec()["paths"]
    if path_template not in paths:
        raise NotInSpec(f"the spec has no path {path_template}")
    op = paths[path_template].get(method.lower())
    if op is None:
        raise NotInSpec(f"the spec has no {method.upper()} {path_template}")
    return dict(op)


def _check(pointer: str, body: Any, what: str) -> None:
    validator = Draft202012Validator({"$ref": f"{SPEC_URI}#{pointer}"}, registry=_registry())
    errors = sorted(validator.iter_errors(body), key=lambda e: list(e.absolute_path))
    if errors:
        lines = [f"{what} does not match the spec ({len(errors)} problems):"]
        missing: dict[str, list[str]] = {}
        for err in errors:
            where = "/".join(str(p) for p in err.absolute_path) or "(top)"
            if err.validator == "required":  # one line per object, not one per key
                missing.setdefault(where, []).append(str(err.message).split("'")[1])
            elif len(lines) <= 25:
                lines.append(f"  at {where}: {err.message[:300]}")
        for where, keys in missing.items():
            lines.append(f"  at {where}: missing required {', '.join(keys)}")
        raise SpecMismatch("\n".join(lines))


def validate_response(method: str, path_template: str, status: int, body: Any) -> None:
    """Raise :class:`SpecMismatch` unless ``body`` matches the documented response."""
    op = operation(method, path_template)
    response = op.get("responses", {}).get(str(status))
    schema = (response or {}).get("content", {}).get("application/json", {}).get("schema")
    if schema is None:
        raise NotInSpec(
            f"the spec documents no JSON for {method.upper()} {path_template} answering {status}"
        )
    pointer = "/" + _pointer(
        "paths",
        path_template,
        method.lower(),
        "responses",
        str(status),
        "content",
        "application/json",
        "schema",
    )
    _check(pointer, body, f"{method.upper()} {path_template} {status} response")


def validate_request_body(method: str, path_template: str, body: Any) -> None:
    """Raise :class:`SpecMismatch` unless ``body`` is a valid JSON request body."""
    if method.upper() == "GET":
        raise NotInSpec(f"GET {path_template} takes its parameters in the query string")
    op = operation(method, path_template)
    schema = op.get("requestBody", {}).get("content", {}).get("application/json", {})
    if "schema" not in schema:
        raise NotInSpec(f"the spec documents no JSON body for {method.upper()} {path_template}")
    pointer = "/" + _pointer(
        "paths",
        path_template,
        method.lower(),
        "requestBody",
        "content",
        "application/json",
        "schema",
    )
    _check(pointer, body, f"{method.upper()} {path_template} request body")


# Discourse's error bodies (render_json_error and rate limits); not in the spec.
DISCOURSE_ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["errors"],
    "properties": {
        "errors": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
        "error_type": {"type": "string"},
        "action": {"type": "string"},
        "extras": {
            "type": "object",
            "properties": {
                "wait_seconds": {"type": "integer", "minimum": 0},
                "time_left": {"type": "string"},
            },
        },
    },
}


def validate_error_body(body: Any) -> None:
    """Raise :class:`SpecMismatch` unless ``body`` looks like a Discourse error answer."""
    try:
        Draft202012Validator(DISCOURSE_ERROR_SCHEMA).validate(body)
    except ValidationError as err:
        raise SpecMismatch(f"not a Discourse error body: {err.message}") from err
