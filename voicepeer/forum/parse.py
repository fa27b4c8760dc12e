"""Discourse JSON → voicepeer records. Anything missing or of the wrong type becomes a
:class:`ForumResponseError`, never a KeyError deep in the voice loop."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from voicepeer.errors import ForumResponseError
from voicepeer.forum.base import (
    Category,
    Notification,
    Notifications,
    Participant,
    Post,
    PostOutcome,
    PostStatus,
    SearchHit,
    SearchResults,
    Topic,
    TopicList,
    TopicSummary,
)
from voicepeer.forum.cues import post_cues
from voicepeer.speech.text.censored import censored_words
from voicepeer.speech.text.emoji import excerpt_emoji_words, title_words
from voicepeer.speech.text.html import cooked_lines
from voicepeer.speech.text.links import spoken_bare_urls
from voicepeer.speech.text.polls import PollTally, RankedOutcome
from voicepeer.speech.text.sanitize import clean_fields, collapse_whitespace

T = TypeVar("T")

MARKUP_FIELDS = frozenset({"cooked", "raw"})
"""Fields that hold a post's HTML or markdown: cleaned as a whole when read aloud."""

#: Discourse's notification type ids (``Notification.types`` in app/models/notification.rb,
#: published as ``/site.json`` ``notification_types``), for when the site's own table is not
#: at hand.
NOTIFICATION_KINDS: dict[int, str] = {
    1: "mentioned",
    2: "replied",
    3: "quoted",
    4: "edited",
    5: "liked",
    6: "private_message",
    7: "invited_to_private_message",
    8: "invitee_accepted",
    9: "posted",
    10: "moved_post",
    11: "linked",
    12: "granted_badge",
    13: "invited_to_topic",
    14: "custom",
    15: "group_mentioned",
    16: "group_message_summary",
    17: "watching_first_post",
    18: "topic_reminder",
    19: "liked_consolidated",
    20: "post_approved",
    21: "code_review_commit_approved",
    22: "membership_request_accepted",
    23: "membership_request_consolidated",
    24: "bookmark_reminder",
    25: "reaction",
    26: "votes_released",
    27: "event_reminder",
    28: "event_invitation",
    29: "chat_mention",
    30: "chat_message",
    31: "chat_invitation",
    32: "chat_group_mention",
    33: "chat_quoted",
    34: "assigned",
    35: "question_answer_user_commented",
    36: "watching_category_or_tag",
    37: "new_features",
    38: "admin_problems",
    39: "linked_consolidated",
    40: "chat_watched_thread",
    800: "following",
    801: "following_created_topic",
    802: "following_replied",
    900: "circles_activity",
}

#: Where the person who caused a notification is named in its ``data``, most telling first.
#: (``username`` comes last: in group-message and badge notifications it is the recipient.)
_ACTOR_KEYS = (
    "display_username",
    "original_username",
    "mentioned_by_username",
    "invited_by_username",
    "username",
)
_GATHERED = re.compile(r"(\d+)\s")
"""The start of a display_username that counts posts instead of naming a member: Discourse
gathers a member's reply, watched-post and message notifications of one topic into one
that says "2 replies" (PostAlerter: embed.replies in the site's language). Usernames never
hold a space."""
_NOT_AN_ACTOR = frozenset(
    {
        "group_message_summary",
        "granted_badge",
        "membership_request_accepted",
        "membership_request_consolidated",
    }
)


def guarded(what: str, build: Callable[[], T]) -> T:
    """Run ``build``; a shape error in the JSON becomes a clear ForumResponseError.

    Every name, title and excerpt in the records built is cleaned of control, escape,
    bidi and zero-width characters here, where forum text enters voicepeer.
    """
    try:
        return clean_fields(build(), keep=MARKUP_FIELDS)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ForumResponseError(
            f"unexpected {what} from the forum: {type(error).__name__}: {error}"
        ) from None


def when(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _opt_int(value: Any) -> int | None:
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


TitleCensor = Callable[[str], str]
"""Hides the words the forum censors in a title (the forum sends titles uncensored)."""


def title_text(value: Any, censor: TitleCensor | None = None) -> str:
    """A topic title as the forum shows it: HTML entities (in ``fancy_title``) read, words
    the forum censors hidden, emoji as words
    (:func:`~voicepeer.speech.text.emoji.title_words`)."""
    text = html.unescape(str(value))
    return title_words(censor(text) if censor is not None else text)


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    return value


def _opt_str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def post(data: Any) -> Post:
    reply_to = data.get("reply_to_user")
    reply_to = reply_to if isinstance(reply_to, dict) else {}
    return Post(
        id=int(data["id"]),
        topic_id=int(data["topic_id"]),
        post_number=int(data["post_number"]),
        username=_str(data["username"]),
        cooked=_str(data.get("cooked") or ""),
        created_at=when(data.get("created_at")),
        name=data.get("name") or None,
        reply_to_post_number=_opt_int(data.get("reply_to_post_number")),
        reply_to_username=_opt_str(reply_to.get("username")),
        reply_to_name=_opt_str(reply_to.get("name")),
        raw=data["raw"] if isinstance(data.get("raw"), str) else None,
        post_type=_opt_int(data.get("post_type")) or 1,
        action_code=_opt_str(data.get("action_code")),
        action_code_who=_opt_str(data.get("action_code_who")),
        cues=post_cues(data),
        polls=_polls(data.get("polls"), data.get("polls_votes")),
    )


def _polls(polls: Any, own_votes: Any) -> tuple[PollTally, ...]:
    """The live counts of a post's polls (the poll plugin's ``polls``, and ``polls_votes``:
    the choices the person voted for, by poll name). A poll that does not make sense is
    left out rather than losing the post: its question and choices are in the post itself."""
    if not isinstance(polls, list):
        return ()
    mine = own_votes if isinstance(own_votes, dict) else {}
    tallies = []
    for poll in polls:
        if isinstance(poll, dict) and isinstance(poll.get("name"), str):
            tallies.append(poll_tally(poll, mine.get(poll["name"])))
    return tuple(tallies)


def poll_tally(poll: dict[str, Any], voted: Any) -> PollTally:
    """One poll as PollSerializer sends it, with the choices the person voted for."""
    options = [o for o in poll.get("options") or () if isinstance(o, dict) and "id" in o]
    # Votes are left out of every choice while the results are hidden.
    shown = [(str(o.get("id")), n) for o in options if (n := _opt_int(o.get("votes"))) is not None]
    kind = poll.get("type")
    return PollTally(
        name=str(poll.get("name")),
        voters=max(0, _opt_int(poll.get("voters")) or 0),
        votes=tuple(shown) if options and len(shown) == len(options) else None,
        mine=_own_choices(voted),
        ranks=_own_ranks(voted),
        closed=poll.get("status") == "closed",
        kind=kind if isinstance(kind, str) else "regular",
        # All or none: a number poll's average from some of its choices would be wrong,
        # and a vote by a choice's place needs every place.
        choices=tuple((str(o["id"]), o["html"]) for o in options)
        if all(isinstance(o.get("html"), str) for o in options)
        else (),
        least=_opt_int(poll.get("min")),
        most=_opt_int(poll.get("max")),
        public=poll.get("public") is True,
        # "irv_outcome" before the plugin renamed the poll type to ranked_choice.
        outcome=_ranked_outcome(poll.get("ranked_choice_outcome") or poll.get("irv_outcome")),
    )


def _own_choices(voted: Any) -> frozenset[str]:
    """The choices one voted for: ids, or for a ranked-choice poll ``{digest, rank}`` with
    rank 0 meaning the choice was left unranked."""
    if not isinstance(voted, list):
        return frozenset()
    chosen = set()
    for choice in voted:
        if isinstance(choice, dict):
            if isinstance(choice.get("digest"), str) and _opt_int(choice.get("rank")) != 0:
                chosen.add(choice["digest"])
        elif isinstance(choice, (str, int)):
            chosen.add(str(choice))
    return frozenset(chosen)


def _own_ranks(voted: Any) -> tuple[tuple[str, int], ...]:
    """How the person ranked a ranked-choice poll's choices (its ``{digest, rank}`` votes)."""
    ranks = []
    for choice in voted if isinstance(voted, list) else ():
        if isinstance(choice, dict) and isinstance(choice.get("digest"), str):
            place = _opt_int(choice.get("rank"))
            if place is not None and place > 0:
                ranks.append((choice["digest"], place))
    return tuple(ranks)


def _ranked_outcome(outcome: Any) -> RankedOutcome | None:
    """A ranked-choice poll's result, shaped as the poll plugin's RankedChoice.run makes it
    (plugins/poll/lib/ranked_choice.rb): ``{tied, tied_candidates: [{digest, html}] | null,
    winner, winning_candidate: {digest, html} | null, round_activity: [{round, majority,
    eliminated}]}``; null while nobody has voted. Anything else is no result, not a failure."""
    if not isinstance(outcome, dict) or not isinstance(outcome.get("round_activity"), list):
        return None
    rounds = len(outcome["round_activity"])
    winning = outcome.get("winning_candidate")
    if outcome.get("tied") is not True and isinstance(winning, dict):
        html_ = winning.get("html")
        return RankedOutcome(rounds, html_) if isinstance(html_, str) and rounds else None
    if outcome.get("tied") is True:
        tied = outcome.get("tied_candidates")
        names = tuple(
            c["html"]
            for c in (tied if isinstance(tied, list) else ())
            if isinstance(c, dict) and isinstance(c.get("html"), str)
        )
        return RankedOutcome(rounds, None, names) if rounds else None
    return None


def _original_poster(row: dict[str, Any], users: dict[int, str]) -> str | None:
    """Who started the topic: TopicPostersSummary lists them first, described "Original
    Poster" in the site's language (so the words are looked for only in English)."""
    posters = [p for p in row.get("posters") or () if isinstance(p, dict)]
    named = (p for p in posters if "original poster" in str(p.get("description", "")).lower())
    first = next(named, posters[0] if posters else {})
    user_id = first.get("user_id")
    return users.get(user_id) if isinstance(user_id, int) else None


def topic_list(data: Any, page: int, *, censor: TitleCensor | None = None) -> TopicList:
    def build() -> TopicList:
        users = {u["id"]: u["username"] for u in data.get("users") or ()}
        listing = data["topic_list"]
        rows = []
        for row in listing["topics"]:
            rows.append(
                TopicSummary(
                    id=int(row["id"]),
                    title=title_text(_str(row["title"]), censor),
                    slug=_str(row.get("slug") or ""),
                    posts_count=int(row.get("posts_count") or 0),
                    category_id=_opt_int(row.get("category_id")),
                    last_poster_username=row.get("last_poster_username"),
                    created_by=_original_poster(row, users),
                    bumped_at=when(row.get("bumped_at") or row.get("last_posted_at")),
                    unread_posts=_unread(row),
                    highest_post_number=_opt_int(row.get("highest_post_number")) or 0,
                    pinned=bool(row.get("pinned")),
                    unseen=row.get("unseen") is True,
                    closed=row.get("closed") is True,
                    archived=row.get("archived") is True,
                )
            )
        return TopicList(
            topics=tuple(rows), page=page, has_more=bool(listing.get("more_topics_url"))
        )

    return guarded("topic list", build)


def _unread(row: dict[str, Any]) -> int:
    """A list row's unread count as Discourse shows it: ``unread_posts`` (its highest post
    number minus the last one read); older versions split it into ``unread`` (seen, not
    read) and ``new_posts`` (never seen); failing all, the numbers themselves."""
    if isinstance(row.get("unread_posts"), int):
        return max(0, int(row["unread_posts"]))
    if isinstance(row.get("unread"), int) or isinstance(row.get("new_posts"), int):
        return max(0, int(row.get("unread") or 0) + int(row.get("new_posts") or 0))
    highest, last_read = (
        _opt_int(row.get("highest_post_number")),
        _opt_int(row.get("last_read_post_number")),
    )
    return max(0, highest - last_read) if highest and last_read else 0


def topic(data: Any, *, censor: TitleCensor | None = None) -> Topic:
    def build() -> Topic:
        stream = data["post_stream"]
        # Discourse leaves out the list of every post id for topics of 10,000 posts or more
        # (PostStreamSerializerMixin): such a topic is paged by post number.
        mega = bool(stream.get("isMegaTopic")) or "stream" not in stream
        loaded = tuple(post(p) for p in stream["posts"])
        highest = _opt_int(data.get("highest_post_number"))
        return Topic(
            id=int(data["id"]),
            title=title_text(_str(data["title"]), censor),
            written_title=html.unescape(_str(data["title"])),
            slug=_str(data.get("slug") or ""),
            posts_count=int(data["posts_count"]),
            post_ids=() if mega else tuple(int(i) for i in stream["stream"]),
            loaded_posts=loaded,
            category_id=_opt_int(data.get("category_id")),
            archetype=str(data.get("archetype") or "regular"),
            last_read_post_number=_opt_int(data.get("last_read_post_number")),
            highest_post_number=highest or max((p.post_number for p in loaded), default=0),
            is_mega=mega,
            last_post_id=_opt_int(stream.get("lastId")),
            closed=data.get("closed") is True,
            archived=data.get("archived") is True,
            can_reply=_can_reply(data.get("details")),
            can_edit=isinstance(data.get("details"), dict)
            and data["details"].get("can_edit") is True,
            can_delete=isinstance(data.get("details"), dict)
            and data["details"].get("can_delete") is True,
            slow_mode_seconds=_opt_int(data.get("slow_mode_seconds")) or 0,
            user_last_posted_at=when(data.get("user_last_posted_at")),
            slow_mode_until=when(data.get("slow_mode_enabled_until")),
            created_by=_created_by(data.get("details")),
            participants=_participants(data.get("details")),
            participant_count=_opt_int(data.get("participant_count")) or 0,
        )

    return guarded("topic", build)


def _created_by(details: Any) -> str | None:
    creator = details.get("created_by") if isinstance(details, dict) else None
    return _opt_str(creator.get("username")) if isinstance(creator, dict) else None


def _participants(details: Any) -> tuple[Participant, ...]:
    """``details.participants``, skipping any entry without a username: who wrote in a topic
    is an extra, never a reason to refuse the topic."""
    people = details.get("participants") if isinstance(details, dict) else None
    if not isinstance(people, list):
        return ()
    return tuple(
        Participant(p["username"], _opt_str(p.get("name")), _opt_int(p.get("post_count")) or 0)
        for p in people
        if isinstance(p, dict) and _opt_str(p.get("username"))
    )


def _can_reply(details: Any) -> bool | None:
    # TopicViewDetailsSerializer leaves can_create_post out unless it is true.
    if not isinstance(details, dict):
        return None
    return details.get("can_create_post") is True


def posts(data: Any) -> tuple[Post, ...]:
    return guarded("posts", lambda: tuple(post(p) for p in data["post_stream"]["posts"]))


def categories(data: Any) -> tuple[Category, ...]:
    def build() -> tuple[Category, ...]:
        return tuple(
            Category(
                id=int(c["id"]),
                name=html.unescape(_str(c["name"])),
                slug=_str(c.get("slug") or ""),
                topic_count=int(c.get("topic_count") or 0),
                description=_str(c.get("description_text") or c.get("description") or ""),
                parent_category_id=_opt_int(c.get("parent_category_id")),
                can_start_topics=c["permission"] == 1 if "permission" in c else None,
            )
            for c in rows
        )

    if isinstance(data, dict) and "category_list" not in data:
        rows = data["categories"]  # /site.json lists every category, subcategories too
    else:
        rows = data["category_list"]["categories"]
        # With include_subcategories=true each category carries its own subcategory_list.
        rows = [*rows, *(sub for c in rows for sub in (c.get("subcategory_list") or ()))]

    return guarded("category list", build)


def post_outcome(data: Any) -> PostOutcome:
    def build() -> PostOutcome:
        if data.get("action") == "enqueued":
            return PostOutcome(status=PostStatus.ENQUEUED)
        return PostOutcome(
            status=PostStatus.POSTED,
            post_id=int(data["id"]),
            post_number=int(data["post_number"]),
            topic_id=int(data["topic_id"]),
        )

    return guarded("answer to a new post", build)


def topic_ids(data: Any) -> tuple[int, ...]:
    """The topics a bulk action or a reset of the new ones took (``{"topic_ids": [...]}``)."""
    return guarded(
        "answer to marking topics read", lambda: tuple(int(i) for i in data["topic_ids"])
    )


def _count(value: Any) -> int | None:
    # Discourse stores some counts as text in the notification's data ("count": "5").
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return _opt_int(value)


def notification(
    row: Any, kinds: dict[int, str], censor: TitleCensor | None = None
) -> Notification:
    """One notification; what ``data`` holds depends on its type (see Discourse's
    notification-types/*.js): liked_consolidated has ``count``, group_message_summary
    ``group_name`` and ``inbox_count``, granted_badge ``badge_name`` …"""
    extra = row.get("data") or {}
    if not isinstance(extra, dict):
        extra = {}
    type_id = int(row["notification_type"])
    kind = kinds.get(type_id, f"type {type_id}")
    shown = extra.get("display_username")
    gathered = _GATHERED.match(shown) if isinstance(shown, str) else None
    # Gathered, the newest post's author is its original_username.
    keys = _ACTOR_KEYS[1:] if gathered else _ACTOR_KEYS
    actor = (
        None
        if kind in _NOT_AN_ACTOR
        else next((str(extra[k]) for k in keys if isinstance(extra.get(k), str) and extra[k]), None)
    )
    count = (
        int(gathered[1])
        if gathered
        else _count(extra.get("count") if "count" in extra else extra.get("inbox_count"))
    )
    title = extra.get("topic_title") or row.get("fancy_title") or extra.get("title") or ""
    return Notification(
        id=_opt_int(row.get("id")),
        kind=kind,
        read=bool(row.get("read")),
        topic_id=_opt_int(row.get("topic_id")),
        post_number=_opt_int(row.get("post_number")),
        topic_title=title_text(title, censor) or None,
        username=actor,
        created_at=when(row.get("created_at")),
        count=count,
        group_name=_opt_str(extra.get("group_name")),
        badge_name=_opt_str(extra.get("badge_name")),
        other_username=_opt_str(extra.get("username2")),
        written_title=html.unescape(str(title)) or None,
    )


def notifications(
    data: Any, kinds: dict[int, str], *, censor: TitleCensor | None = None
) -> Notifications:
    def build() -> Notifications:
        # Very old Discourse versions answered with a bare list.
        rows = data if isinstance(data, list) else data["notifications"]
        newest = tuple(notification(row, kinds, censor) for row in rows)
        total = _opt_int(data.get("total_rows_notifications")) if isinstance(data, dict) else None
        return Notifications(newest, max(len(newest), total or 0))

    return guarded("notification list", build)


EXCERPT_OMISSIONS = ("...", "…")
"""How an excerpt marks where Discourse cut the post: "..." in search blurbs (ActionView's
excerpt), "&hellip;" in bookmark excerpts (PrettyText.excerpt)."""


def excerpt_words(excerpt: Any) -> str:
    """A bookmark's excerpt or a search blurb as words to read out. Bookmark excerpts are
    HTML (links and emoji pictures kept as tags); blurbs are the post as plain text with
    outside link addresses and emoji codes (":heart:") written in. Links, addresses, emoji
    and censored words are said as in a post. Discourse cuts both at any character ("...tched
    treatments", "the neurolo&hellip;"): a word touching a cut is left out, since it may be
    a fragment, and "…" marks the cut."""
    # A mention or link is said with spaces around it: none before the mark after it.
    text = collapse_whitespace(" ".join(cooked_lines(str(excerpt or ""))))
    whole = censored_words(spoken_bare_urls(excerpt_emoji_words(text)))
    text, cut_before, cut_after = whole, False, False
    for omission in EXCERPT_OMISSIONS:
        if text.startswith(omission):
            text, cut_before = text[len(omission) :], True
            if text[:1].isalnum():
                text = text.partition(" ")[2]
        if text.endswith(omission):
            text, cut_after = text[: -len(omission)], True
            if text[-1:].isalnum():
                text = text.rpartition(" ")[0]
    text = text.strip()
    if not text:  # a short post of its own "...", not a cut one
        return whole
    return ("… " if cut_before else "") + text + (" …" if cut_after else "")


def search_results(data: Any, *, censor: TitleCensor | None = None) -> SearchResults:
    def build() -> SearchResults:
        topics = data.get("topics") or ()
        titles = {t["id"]: title_text(t.get("title") or "", censor) for t in topics}
        grouped = data.get("grouped_search_result") or {}
        hits = tuple(
            SearchHit(
                post_id=int(p["id"]),
                topic_id=int(p["topic_id"]),
                post_number=int(p["post_number"]),
                username=_str(p["username"]),
                excerpt=excerpt_words(p.get("blurb")),
                topic_title=titles.get(p["topic_id"], ""),
            )
            # None at all when every word was too short to search for (Search#execute
            # gives no result, serialized as a null "grouped_search_result").
            for p in data.get("posts") or ()
        )
        return SearchResults(hits, has_more=bool(grouped.get("more_full_page_results")))

    return guarded("search result", build)
