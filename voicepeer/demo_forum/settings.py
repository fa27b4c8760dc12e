"""Tunables of the built-in demo forum: site rules, moderation, rate limits, sign-in."""

from __future__ import annotations

from dataclasses import dataclass, field

DISCOURSE_AUTH_REDIRECTS = (
    "https://api.discourse.org/api/auth_redirect",
    "discourse://auth_redirect",
)
"""Discourse's default ``allowed_user_api_auth_redirects``."""


@dataclass(frozen=True)
class DemoForumOptions:
    title: str = "voicepeer demo forum"
    """The forum's name, as /site/basic-info.json reports it."""
    min_post_length: int = field(default=20, metadata={"min": 1, "max": 1000})
    """Fewest characters a post in a public topic may have (Discourse default 20)."""
    min_first_post_length: int = field(default=20, metadata={"min": 1, "max": 1000})
    """Fewest characters the first post of a new topic may have (Discourse default 20)."""
    min_personal_message_post_length: int = field(default=10, metadata={"min": 1, "max": 1000})
    """Fewest characters a private message may have (Discourse default 10)."""
    min_topic_title_length: int = field(default=15, metadata={"min": 1, "max": 200})
    """Fewest characters a topic title may have (Discourse default 15)."""
    min_personal_message_title_length: int = field(default=2, metadata={"min": 1, "max": 200})
    """Fewest characters a private message title may have (Discourse default 2)."""
    max_topic_title_length: int = field(default=255, metadata={"min": 10, "max": 1000})
    """Most characters a topic title may have (Discourse default 255)."""
    max_post_length: int = field(default=32_000, metadata={"min": 100, "max": 1_000_000})
    """Most characters a post may have (Discourse default 32000)."""
    allow_uncategorized_topics: bool = False
    """Whether topics may be started in Uncategorized or with no category (Discourse's site
    setting of the same name, default false: /categories.json then leaves Uncategorized out,
    /site.json gives members no permission on it, and nobody, staff included, may create a
    topic there)."""
    allow_duplicate_topic_titles: bool = False
    """Whether a new topic may have the title of another topic (Discourse's site setting of
    the same name, default false: the Topic model then refuses a title any topic already
    has, compared without case, with "Title has already been used"; messages are exempt)."""
    title_prettify: bool = True
    """Tidy titles as they are stored: a capital first letter, no final full stops, one !
    or ? at most in a row, no title all in capitals (Discourse's site setting, default on)."""
    body_min_entropy: int = field(default=7, metadata={"min": 0, "max": 100})
    """Different bytes a post's body needs, or it "seems unclear" (Discourse's site setting,
    default 7; scaled down for messages and short minimum lengths, see text_sentinel.py)."""
    title_min_entropy: int = field(default=10, metadata={"min": 0, "max": 100})
    """Different bytes a topic's title needs (Discourse default 10; messages exempt)."""
    title_max_word_length: int = field(default=30, metadata={"min": 1, "max": 1000})
    """Longest run of letters and digits a topic's title may have (Discourse default 30)."""
    allow_uppercase_posts: bool = False
    """Whether a body or title may be all in capitals (Discourse's site setting, default
    false: it "seems unclear")."""
    min_search_term_length: int = field(default=3, metadata={"min": 1, "max": 100})
    """Fewest characters a search may have; shorter ones get 400 (Discourse default 3)."""
    unique_posts_mins: int = field(default=5, metadata={"min": 0, "max": 1440})
    """Minutes in which a member may not post the same words again ("Body is too similar
    to what you recently posted"; messages apart from topics; staff exempt; Discourse 5)."""
    newuser_max_replies_per_topic: int = field(default=3, metadata={"min": 1, "max": 10_000})
    """Replies a member at trust level 0 may post in one topic that is not theirs until
    someone replies to, mentions or quotes them there (Discourse default 3)."""
    max_consecutive_replies: int = field(default=3, metadata={"min": 0, "max": 10_000})
    """Posts in a row one member may make in a topic that they did not start, while they may
    still edit the last of them; 0 for no limit (Discourse default 3; staff exempt)."""
    max_edits_per_day: int = field(default=30, metadata={"min": 0, "max": 10_000})
    """Edits a member may make in a day, more from trust level 2 up (Discourse default 30;
    an edit within the grace period of the last version is not counted)."""
    rate_limit_create_post: float = field(default=5.0, metadata={"min": 0.0, "max": 3600.0})
    """Seconds a member waits after any post before the next (Discourse default 5)."""
    rate_limit_new_user_create_post: float = field(
        default=30.0, metadata={"min": 0.0, "max": 3600.0}
    )
    """The same for a new member: trust level 0, or 1 and joined within a day (Discourse 30)."""
    rate_limit_create_topic: float = field(default=15.0, metadata={"min": 0.0, "max": 3600.0})
    """Seconds a member waits after starting a topic or message before the next (Discourse 15)."""
    max_topics_per_day: int = field(default=20, metadata={"min": 0, "max": 10_000})
    """Topics one member may start in a day (Discourse default 20)."""
    max_topics_in_first_day: int = field(default=3, metadata={"min": 0, "max": 10_000})
    """Topics a member may start on their first day of posting (Discourse default 3)."""
    max_replies_in_first_day: int = field(default=10, metadata={"min": 0, "max": 10_000})
    """Replies a member may post on their first day of posting (Discourse default 10)."""
    max_personal_messages_per_day: int = field(default=20, metadata={"min": 0, "max": 10_000})
    """Messages one member may start in a day (Discourse default 20)."""
    max_post_deletions_per_minute: int = field(default=2, metadata={"min": 0, "max": 1000})
    """Own posts one member may delete in a minute; 0 lets nobody delete their own posts
    (Discourse default 2; staff and trust level 4 unlimited)."""
    max_post_deletions_per_day: int = field(default=10, metadata={"min": 0, "max": 10_000})
    """Own posts one member may delete in a day; 0 as above (Discourse default 10)."""
    max_likes_per_day: int = field(default=50, metadata={"min": 0, "max": 10_000})
    """Likes one member may give in a day, times 1.5, 2 or 3 at trust level 2, 3 or 4
    (Discourse default 50)."""
    moderated_usernames: tuple[str, ...] = ()
    """Members whose every post waits for a moderator instead of appearing at once."""
    plugins: tuple[str, ...] = ()
    """Discourse plugins to imitate: "solved" (accepted answers) and "reactions"."""
    moderated_words: tuple[str, ...] = ()
    """Words that send a post to the moderation queue (matched case-insensitively)."""
    blocked_words: tuple[str, ...] = ()
    """Words a member's post may not hold at all: it is refused (watched words, "block")."""
    censored_words: tuple[str, ...] = ()
    """Words blacked out where posts are shown (watched words, "censor")."""
    user_api_key_requests_per_minute: int = field(default=20, metadata={"min": 0, "max": 10_000})
    """Requests one user API key may make per minute; 0 means no limit (Discourse: 20)."""
    admin_api_key_requests_per_minute: int = field(default=60, metadata={"min": 0, "max": 10_000})
    """Requests one admin API key may make per minute; 0 means no limit (Discourse: 60)."""
    ip_requests_per_minute: int = field(default=0, metadata={"min": 0, "max": 100_000})
    """Requests one IP address may make per minute before a plain-text 429; 0 means no limit
    (off by default: the demo forum normally serves only this computer)."""
    request_timeout_s: float = field(default=20.0, metadata={"min": 0.1, "max": 600.0})
    """Seconds the server waits on a silent connection (a request's rest, or the next request
    on a kept-alive connection) before closing it, so stalled clients cannot hold threads."""
    admin_api_key: str = ""
    """An admin API key accepted for any member named in Api-Username; empty means none."""
    member_password: str = ""
    """The password every member signs in with on the sign-in page, which approving an app
    needs (a practice forum: one password for all). Empty: nobody can sign in."""
    allowed_user_api_auth_redirects: tuple[str, ...] = DISCOURSE_AUTH_REDIRECTS
    """Where an app may ask to be sent back after approval; ``*`` matches any run of
    characters but spaces. Discourse's setting of the same name, with its default."""
    user_api_key_min_trust_level: int = field(default=0, metadata={"min": 0, "max": 4})
    """Members below this trust level (staff aside) cannot approve apps; Discourse's
    ``user_api_key_allowed_groups`` (default: everyone at trust level 0)."""
    offer_device_code: bool = True
    """Offer the device-code approval of current Discourse (``/user-api-key/device.json``):
    the app shows a code, the member types it on the forum's activation page."""
    device_code_poll_interval_s: int = field(default=5, metadata={"min": 1, "max": 60})
    """How often an app waiting for a code approval is asked to poll (Discourse: 5)."""
    mega_topic_posts_count: int = field(default=10_000, metadata={"min": 2, "max": 1_000_000})
    """Posts from which a topic is served as a mega topic: no list of every post id, paged by
    post number instead (Discourse's TopicView::MEGA_TOPIC_POSTS_COUNT, 10,000)."""
    auto_track_topics_after_s: int = field(default=300, metadata={"min": 0, "max": 86_400})
    """Seconds of reading after which a member tracks a topic (its new posts count as
    unread); Discourse's ``default_other_auto_track_topics_after_msecs`` (5 minutes)."""
