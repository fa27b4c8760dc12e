"""Site-wide information: /site.json, /site/basic-info.json and /site/settings.json.

The spec documents /site.json and /site/basic-info.json, and neither carries the length
rules. Real Discourse hands its client-visible site settings (``min_post_length`` and
friends) to browsers through /site/settings.json, so clients read the rules there.
"""

from __future__ import annotations

import re
from typing import Any

from voicepeer.demo_forum.context import Context, Route, route
from voicepeer.demo_forum.http_api import Response
from voicepeer.demo_forum.reading import category_json
from voicepeer.demo_forum.watched_words import censored_regexp

# Discourse's numbering (Notification.types in app/models/notification.rb), as /site.json
# publishes it.
NOTIFICATION_TYPES: dict[str, int] = {
    "mentioned": 1,
    "replied": 2,
    "quoted": 3,
    "edited": 4,
    "liked": 5,
    "private_message": 6,
    "invited_to_private_message": 7,
    "invitee_accepted": 8,
    "posted": 9,
    "moved_post": 10,
    "linked": 11,
    "granted_badge": 12,
    "invited_to_topic": 13,
    "custom": 14,
    "group_mentioned": 15,
    "group_message_summary": 16,
    "watching_first_post": 17,
    "topic_reminder": 18,
    "liked_consolidated": 19,
    "post_approved": 20,
    "code_review_commit_approved": 21,
    "membership_request_accepted": 22,
    "membership_request_consolidated": 23,
    "bookmark_reminder": 24,
    "reaction": 25,
    "votes_released": 26,
    "event_reminder": 27,
    "event_invitation": 28,
    "chat_mention": 29,
    "chat_message": 30,
    "chat_invitation": 31,
    "chat_group_mention": 32,
    "chat_quoted": 33,
    "assigned": 34,
    "question_answer_user_commented": 35,
    "watching_category_or_tag": 36,
    "new_features": 37,
    "admin_problems": 38,
    "linked_consolidated": 39,
    "chat_watched_thread": 40,
    "following": 800,
    "following_created_topic": 801,
    "following_replied": 802,
    "circles_activity": 900,
}


def _action_type(id_: int, key: str, name: str, description: str, is_flag: bool) -> dict[str, Any]:
    return {
        "id": id_,
        "name_key": key,
        "name": name,
        "description": description,
        "short_description": description,
        "is_flag": is_flag,
        "require_message": False,
        "enabled": True,
        "applies_to": ["Post"],
        "is_used": False,
        "auto_action_type": False,
    }


def site(ctx: Context, _m: re.Match[str]) -> Response:
    categories = []
    for row in ctx.store.all("SELECT * FROM categories ORDER BY position"):
        full = category_json(ctx, row)
        keep = {
            k: full[k]
            for k in (
                "id",
                "name",
                "color",
                "text_color",
                "style_type",
                "emoji",
                "icon",
                "slug",
                "topic_count",
                "post_count",
                "position",
                "description",
                "description_text",
                "description_excerpt",
                "topic_url",
                "read_restricted",
                "permission",
                "notification_level",
                "topic_template",
                "topic_title_placeholder",
                "has_children",
                "subcategory_count",
                "sort_order",
                "sort_ascending",
                "show_subcategory_list",
                "num_featured_topics",
                "default_view",
                "subcategory_list_style",
                "default_top_period",
                "default_list_filter",
                "minimum_required_tags",
                "navigate_to_first_post_after_read",
                "uploaded_logo",
                "uploaded_logo_dark",
                "uploaded_background",
                "uploaded_background_dark",
                "can_edit",
            )
        }
        keep.update(allow_global_tags=False, required_tag_groups=[], read_only_banner=None)
        if "parent_category_id" in full:
            keep["parent_category_id"] = full["parent_category_id"]
        categories.append(keep)
    uncategorized = ctx.store.scalar("SELECT id FROM categories WHERE slug = 'uncategorized'")
    body: dict[str, Any] = {
        "default_archetype": "regular",
        "notification_types": NOTIFICATION_TYPES,
        "post_types": {"regular": 1, "moderator_action": 2, "small_action": 3, "whisper": 4},
        "trust_levels": {"newuser": 0, "basic": 1, "member": 2, "regular": 3, "leader": 4},
        "groups": [],
        "filters": ["latest", "unread", "new", "unseen", "top", "read", "posted", "bookmarks"],
        "homepage_choices": ["latest", "new", "unread", "categories"],
        "periods": ["all", "yearly", "quarterly", "monthly", "weekly", "daily"],
        "top_menu_items": ["latest", "unread", "new", "categories"],
        "anonymous_top_menu_items": ["latest", "categories"],
        "uncategorized_category_id": int(uncategorized or 0),
        "user_field_max_length": 2048,
        "post_action_types": [
            _action_type(2, "like", "Like", "Like this post", False),
        ],
        "topic_flag_types": [],
        "can_create_tag": False,
        "can_tag_topics": False,
        "can_tag_pms": False,
        "tags_filter_regexp": "[/\\?#\\[\\]@!\\$&'\\(\\)\\*\\+,;=\\.%\\\\`^\\s|\\{\\}\"<>]+",
        "top_tags": [],
        "topic_featured_link_allowed_category_ids": [],
        "user_themes": [
            {"theme_id": 1, "name": "Default", "default": True, "color_scheme_id": None}
        ],
        "user_color_schemes": [],
        "default_light_color_scheme": None,
        "default_dark_color_scheme": None,
        "censored_regexp": censored_regexp(ctx.options.censored_words),
        "custom_emoji_translation": {},
        "watched_words_replace": None,
        "watched_words_link": None,
        "categories": categories,
        "archetypes": [{"id": "regular", "name": "Regular Topic", "options": []}],
        "user_fields": [],
        "auth_providers": [],
        "full_name_required_for_signup": False,
        "full_name_visible_in_signup": True,
        "email_configured": False,
    }
    return Response.json(200, body)


def basic_info(ctx: Context, _m: re.Match[str]) -> Response:
    return Response.json(
        200,
        {
            "logo_url": "",
            "logo_small_url": "",
            "apple_touch_icon_url": "",
            "favicon_url": "",
            "title": ctx.options.title,
            "description": "A practice forum that comes with voicepeer.",
            "header_primary_color": "222222",
            "header_background_color": "ffffff",
            "login_required": False,
            "locale": "en",
            "include_in_discourse_discover": False,
            "mobile_logo_url": "",
        },
    )


def client_settings(ctx: Context, _m: re.Match[str]) -> Response:
    options = ctx.options
    return Response.json(
        200,
        {
            "title": options.title,
            "min_post_length": options.min_post_length,
            "min_first_post_length": options.min_first_post_length,
            "min_personal_message_post_length": options.min_personal_message_post_length,
            "min_topic_title_length": options.min_topic_title_length,
            "min_personal_message_title_length": options.min_personal_message_title_length,
            "max_topic_title_length": options.max_topic_title_length,
            "max_post_length": options.max_post_length,
            "min_search_term_length": options.min_search_term_length,
            "allow_uncategorized_topics": options.allow_uncategorized_topics,
            "login_required": False,
        },
    )


ROUTES: tuple[Route, ...] = (
    route("GET", r"/site(?:\.json)?", site),
    route("GET", r"/site/basic-info(?:\.json)?", basic_info),
    route("GET", r"/site/settings(?:\.json)?", client_settings),
)
