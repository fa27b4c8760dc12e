"""Changing a topic's title, as TopicsController#update does: ``PUT /t/{slug}/{id}.json``
(or ``/t/{id}.json``) with ``title``, by the topic's author or by staff.

Guardian#can_edit_topic? decides who may: staff always; the author while the topic is not
archived, they may still start topics in its category (any message of theirs), within the
edit time limit, and while its first post is not one they deleted. Anyone else gets the
stock 403. A client that sends the title it changed (``original_title``) gets a 409 when
the title has been changed since. The new title is cleaned (TextCleaner) and checked as a
new topic's is, with its blocked words (WatchedWordsValidator, staff too); a refusal is a
422 with those sentences (``render_json_error(topic)``). PostRevisor records the change on
the first post, a new version unless within the grace period, counted against the day's
edits. The answer is ``{"basic_topic": …}`` (BasicTopicSerializer). Only the title is
changed here: a ``category_id`` is refused rather than ignored. Slow mode, which stock
Discourse also applies to a title changed outside the grace period, is not applied.
"""

from __future__ import annotations

import re
import sqlite3

from voicepeer.demo_forum import watched_words
from voicepeer.demo_forum.auth import signed_in
from voicepeer.demo_forum.context import Context, Route, route
from voicepeer.demo_forum.editing import EDIT_CONFLICT, grace_period_edit, revision
from voicepeer.demo_forum.fancy_title import fancy_title
from voicepeer.demo_forum.http_api import Response, error, invalid_access, rejected
from voicepeer.demo_forum.reading import can_start_topic_in
from voicepeer.demo_forum.serializers import edit_time_expired
from voicepeer.demo_forum.settings import DemoForumOptions
from voicepeer.demo_forum.store import Store, is_staff, slugify
from voicepeer.demo_forum.text_cleaner import clean_title
from voicepeer.demo_forum.writing import title_errors


def can_edit_topic(
    store: Store, options: DemoForumOptions, topic: sqlite3.Row, user: sqlite3.Row | None
) -> bool:
    """Guardian#can_edit_topic? (``details.can_edit`` in the topic's answer)."""
    if user is None or not store.can_see_topic(topic, user["id"]):
        return False
    if is_staff(user):
        return True
    if topic["archived"] or topic["user_id"] != user["id"]:
        return False
    if topic["archetype"] != "private_message":
        category = store.one("SELECT * FROM categories WHERE id = ?", (topic["category_id"],))
        if category is not None and not can_start_topic_in(category, user, options):
            return False
    first = _first_post(store, topic)
    return first is not None and not first["user_deleted"] and not edit_time_expired(first, user)


def update_topic(ctx: Context, match: re.Match[str]) -> Response:
    user = signed_in(ctx.viewer)
    topic = ctx.store.topic(int(match["id"]))
    # Topic.find_by, then guardian.ensure_can_edit!: a topic not there is a 403 too.
    if topic is None or not can_edit_topic(ctx.store, ctx.options, topic, user):
        raise invalid_access()
    params = ctx.request.params
    original = params.text("original_title")
    if original and original != topic["title"]:
        raise error(409, EDIT_CONFLICT)
    category = params.integer("category_id")
    if category is not None and category != topic["category_id"]:
        raise error(400, "The demo forum changes only a topic's title.", "invalid_parameters")
    title = params.text("title")
    if title is not None:
        title = clean_title(title, prettify=ctx.options.title_prettify)
    if title is not None and title != topic["title"]:
        _retitle(ctx, user, topic, title)
    now = ctx.store.topic(topic["id"])
    assert now is not None
    return Response.json(200, {"basic_topic": _basic_topic(ctx.store, now)})


def _retitle(ctx: Context, user: sqlite3.Row, topic: sqlite3.Row, title: str) -> None:
    private = topic["archetype"] == "private_message"
    errors = title_errors(ctx, title, private=private, retitled=topic["id"])
    errors += watched_words.blocked_errors(ctx.options.blocked_words, title)
    if errors:
        raise rejected(errors)
    first = _first_post(ctx.store, topic)
    assert first is not None  # can_edit_topic found it
    grace = grace_period_edit(user, first, first["raw"])
    with revision(ctx, user, first, grace=grace) as conn:
        conn.execute(
            "UPDATE topics SET title = ?, slug = ? WHERE id = ?",
            (title, slugify(title), topic["id"]),
        )


def _first_post(store: Store, topic: sqlite3.Row) -> sqlite3.Row | None:
    return store.one(
        "SELECT * FROM posts WHERE topic_id = ? ORDER BY post_number LIMIT 1", (topic["id"],)
    )


def _basic_topic(store: Store, topic: sqlite3.Row) -> dict[str, object]:
    """BasicTopicSerializer (posts_count as everyone counts them: whispers left out)."""
    visible, args = store.visible_posts_sql(None)
    posts = store.scalar(
        f"SELECT COUNT(*) FROM posts WHERE topic_id = ? AND {visible}", (topic["id"], *args)
    )
    return {
        "id": topic["id"],
        "title": topic["title"],
        "fancy_title": fancy_title(topic["title"]),
        "slug": topic["slug"],
        "posts_count": posts,
    }


ROUTES: tuple[Route, ...] = (
    route("PUT", r"/t/(?P<id>\d+)(?:\.json)?", update_topic),
    route("PUT", r"/t/(?P<slug>[^/]*[^/\d][^/]*)/(?P<id>\d+)(?:\.json)?", update_topic),
)
