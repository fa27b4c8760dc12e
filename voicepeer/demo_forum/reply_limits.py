"""Two of Discourse's rules on how many replies one member may post in a topic, checked
with the other reasons a post is refused (a 422, the words kept by the person's client):

- ``PostValidator#max_posts_validator``: a member at trust level 0 may post
  ``newuser_max_replies_per_topic`` replies in a topic that is not theirs, and then no more
  until someone replies to, mentions or quotes them there (``User#posted_too_much_in_topic?``
  counts from ``UserAction.last_action_in_topic``). Messages are exempt, and so is staff.
- ``PostValidator#force_edit_last_validator``: nobody but staff and the member who started
  the topic may add to a run of ``max_consecutive_replies`` posts of their own at the end of
  a topic while they may still edit the last of them ("edit your previous reply"). Messages
  are exempt. A deleted-by-author stub still counts: Discourse only skips trashed posts.
"""

from __future__ import annotations

import re
import sqlite3

from voicepeer.demo_forum.serializers import can_edit_post
from voicepeer.demo_forum.settings import DemoForumOptions
from voicepeer.demo_forum.store import Store, is_staff


def reply_limit_errors(
    store: Store, options: DemoForumOptions, user: sqlite3.Row, topic: sqlite3.Row
) -> tuple[list[str], list[str]]:
    """The new-member and the consecutive-replies refusals of a reply by ``user`` to
    ``topic``, apart: Discourse checks them in different places among its other rules."""
    if is_staff(user) or topic["archetype"] == "private_message":
        return [], []
    return _new_member_errors(store, options, user, topic), _in_a_row_errors(
        store, options, user, topic
    )


def _new_member_errors(
    store: Store, options: DemoForumOptions, user: sqlite3.Row, topic: sqlite3.Row
) -> list[str]:
    if int(user["trust_level"]) != 0 or topic["user_id"] == user["id"]:
        return []
    answered = _last_answer_to(store, user, topic["id"])
    count = store.scalar(
        "SELECT COUNT(*) FROM posts WHERE topic_id = ? AND user_id = ? AND id > ?",
        (topic["id"], user["id"], answered or 0),
    )
    limit = options.newuser_max_replies_per_topic
    if int(count or 0) < limit:
        return []
    # server.en.yml too_many_replies (one / other).
    replies = "reply" if limit == 1 else "replies"
    return [
        "We're sorry, but new users are temporarily limited to "
        f"{limit} {replies} in the same topic."
    ]


def _last_answer_to(store: Store, user: sqlite3.Row, topic_id: int) -> int | None:
    """The newest post in the topic by someone else that replies to, mentions or quotes
    ``user`` (the post a RESPONSE, MENTION or QUOTE user action points at)."""
    name = re.escape(user["username"])
    mention = re.compile(rf"(?<![\w@/])@{name}(?![\w-])|\[quote=\"{name}[,\"]", re.I)
    rows = store.all(
        "SELECT p.id, p.raw, parent.user_id AS parent_user FROM posts p"
        " LEFT JOIN posts parent ON parent.topic_id = p.topic_id"
        " AND parent.post_number = p.reply_to_post_number"
        " WHERE p.topic_id = ? AND p.user_id != ? ORDER BY p.id DESC",
        (topic_id, user["id"]),
    )
    answers = (r for r in rows if r["parent_user"] == user["id"] or mention.search(r["raw"]))
    return next((row["id"] for row in answers), None)


def _in_a_row_errors(
    store: Store, options: DemoForumOptions, user: sqlite3.Row, topic: sqlite3.Row
) -> list[str]:
    limit = options.max_consecutive_replies
    if limit <= 0:
        return []
    posts = store.all("SELECT * FROM posts WHERE topic_id = ? ORDER BY post_number", (topic["id"],))
    if not posts or posts[0]["user_id"] == user["id"]:  # ordered_posts.first.user
        return []
    last = posts[-limit:]
    if len(last) < limit or any(p["user_id"] != user["id"] for p in last):
        return []
    if not can_edit_post(posts[-1], topic, user):
        return []
    # server.en.yml max_consecutive_replies (one / other).
    if limit == 1:
        return [
            "No consecutive replies are allowed. Please edit your previous reply, or wait "
            "for someone to reply to you."
        ]
    return [
        f"No more than {limit} consecutive replies are allowed. Please edit your previous "
        "reply, or wait for someone to reply to you."
    ]
