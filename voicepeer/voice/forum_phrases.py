"""What voicepeer says about notifications and about posts that are not ordinary replies.

Wording is voicepeer's own; what each notification means, and which fields of its ``data`` it
fills, follows Discourse's client (lib/notification-types/*.js): a consolidated like names
one member and a count, a group-message summary a group and its inbox count, a badge only
the badge.
"""

from __future__ import annotations

import re

from voicepeer.forum.base import Category, Notification, Post, PostType

# {who}: the member who caused it; {other}: a second member; {topic}: the topic's title;
# {count}: how many; {group}: a group's name; {badge}: a badge's name.
NOTIFICATION_PHRASES: dict[str, str] = {
    "mentioned": "{who} mentioned you in {topic}.",
    "replied": "{who} replied to you in {topic}.",
    "quoted": "{who} quoted you in {topic}.",
    "edited": "{who} edited your post in {topic}.",
    "liked": "{who} liked your post in {topic}.",
    "private_message": "{who} sent you a private message: {topic}.",
    "invited_to_private_message": "{who} invited you to a private message: {topic}.",
    "invitee_accepted": "{who} accepted your invitation and joined the forum.",
    "posted": "{who} posted in {topic}, which you are watching.",
    "moved_post": "{who} moved a post to {topic}.",
    "linked": "{who} linked to your post from {topic}.",
    "granted_badge": "You were given the badge {badge}.",
    "invited_to_topic": "{who} invited you to read {topic}.",
    "custom": "A notice from the forum about {topic}.",
    "group_mentioned": "{who} mentioned your group {group} in {topic}.",
    "group_message_summary": "Your group {group} has {count} messages in its inbox.",
    "watching_first_post": "{who} started a new topic in a category you watch: {topic}.",
    "topic_reminder": "A reminder you set about {topic}.",
    "liked_consolidated": "{who} liked {count} of your posts.",
    "post_approved": "A moderator approved your post in {topic}.",
    "code_review_commit_approved": "Your commit was approved: {topic}.",
    "membership_request_accepted": "You were accepted into the group {group}.",
    "membership_request_consolidated": "{count} people asked to join the group {group}.",
    "bookmark_reminder": "A reminder of your bookmark in {topic}.",
    "reaction": "{who} reacted to your post in {topic}.",
    "votes_released": "Your votes in {topic} were given back to you.",
    "event_reminder": "A reminder of the event in {topic}.",
    "event_invitation": "{who} invited you to the event in {topic}.",
    "chat_mention": "{who} mentioned you in chat.",
    "chat_message": "{who} sent you a chat message.",
    "chat_invitation": "{who} invited you to a chat.",
    "chat_group_mention": "{who} mentioned your group in chat.",
    "chat_quoted": "{who} quoted you in chat.",
    "chat_watched_thread": "{who} wrote in a chat thread you watch.",
    "assigned": "{who} assigned {topic} to you.",
    "question_answer_user_commented": "{who} commented in {topic}.",
    "watching_category_or_tag": "{who} posted in {topic}, in a category or tag you watch.",
    "new_features": "The forum has new features.",
    "admin_problems": "The forum's administrators are told of a problem with the site.",
    "linked_consolidated": "{who} linked to {count} of your posts.",
    "following": "{who} started following you.",
    "following_created_topic": "{who}, whom you follow, started {topic}.",
    "following_replied": "{who}, whom you follow, replied in {topic}.",
    "circles_activity": "Something new in your circle: {topic}.",
}
# A topic's unread replies, watched posts or messages, gathered by the forum into one
# notification ("2 replies"); {who} wrote the newest.
GATHERED_PHRASES: dict[str, str] = {
    "replied": "{count} new replies to you in {topic}",
    "private_message": "{count} new messages in your private conversation {topic}",
    "posted": "{count} new posts in {topic}, which you are watching",
    "watching_category_or_tag": "{count} new posts in {topic}, in a category or tag you watch",
}
UNKNOWN_NOTIFICATION = "A notification of a kind I cannot describe, about {topic}."
UNKNOWN_NOTIFICATION_NO_TOPIC = "A notification of a kind I cannot describe."


def notification_line(notification: Notification) -> str:
    """ "Sam replied to you in Heat and fatigue." """
    kind, count = notification.kind, notification.count
    template = NOTIFICATION_PHRASES.get(kind)
    if kind == "liked" and count and count > 1:
        template = (
            "{who} and {other} liked your post in {topic}."
            if count == 2
            else "{who} and {others} liked your post in {topic}."
        )
    if kind in GATHERED_PHRASES and count and count > 1:
        newest = ", the newest by {who}" if notification.username else ""
        template = GATHERED_PHRASES[kind] + newest + "."
    if template is None:
        template = (
            UNKNOWN_NOTIFICATION if notification.topic_title else (UNKNOWN_NOTIFICATION_NO_TOPIC)
        )
    others = (count or 2) - 1
    line = template.format(
        who=notification.username or "Someone",
        other=notification.other_username or "someone else",
        others=f"{others} other{'s' if others != 1 else ''}",
        topic=notification.topic_title or "a topic",
        count=count if count is not None else "some",
        group=notification.group_name or "",
        badge=notification.badge_name or "",
    )
    # An empty group or badge name must not leave a gap before the full stop, nor a title
    # ending in "?" gain one.
    line = re.sub(r" +(?=[.,](?:\s|$))", "", re.sub(r" {2,}", " ", line))
    return re.sub(r"([?!])[.,]$", r"\1", line)


# Small-action posts record what happened to a topic (Discourse's ``action_code``).
SMALL_ACTIONS: dict[str, str] = {
    "closed.enabled": "closed this topic",
    "closed.disabled": "opened this topic again",
    "autoclosed.enabled": "closed this topic automatically",
    "autoclosed.disabled": "opened this topic again automatically",
    "archived.enabled": "archived this topic",
    "archived.disabled": "took this topic out of the archive",
    "pinned.enabled": "pinned this topic",
    "pinned.disabled": "unpinned this topic",
    "pinned_globally.enabled": "pinned this topic for the whole forum",
    "pinned_globally.disabled": "unpinned this topic",
    "banner.enabled": "made this topic a banner",
    "banner.disabled": "removed this topic's banner",
    "visible.enabled": "listed this topic",
    "visible.disabled": "unlisted this topic",
    "split_topic": "moved some posts to another topic",
    "invited_user": "invited {who}",
    "invited_group": "invited the group {who}",
    "user_left": "left this conversation",
    "removed_user": "removed {who}",
    "removed_group": "removed the group {who}",
    "autobumped": "brought this topic back to the top",
    "tags_changed": "changed the tags",
    "category_changed": "moved this topic to another category",
    "public_topic": "made this conversation a public topic",
    "open_topic": "made this conversation a public topic",
    "private_topic": "made this topic a private conversation",
    "forwarded": "forwarded an email here",
}


def small_action_line(post: Post, author: str) -> str:
    """ "Ruth Adeyemi closed this topic." — what a small-action post records, briefly
    (``author`` starts the sentence: "you" becomes "You")."""
    action = SMALL_ACTIONS.get(post.action_code or "", "changed this topic")
    who = post.action_code_who or "someone"
    return f"{author[:1].upper()}{author[1:]} {action.format(who=who)}."


def post_kind_note(post: Post) -> str:
    """What to say before an unusual post's author: a whisper is seen only by staff."""
    if post.post_type == PostType.WHISPER:
        return "a whisper to staff"
    if post.post_type == PostType.MODERATOR_ACTION:
        return "a moderator's note"
    return ""


def category_phrase(category: Category, parent: Category | None) -> str:
    """ "Fatigue, in Living with MS" for a subcategory; the name alone otherwise."""
    return f"{category.name}, in {parent.name}" if parent else category.name
