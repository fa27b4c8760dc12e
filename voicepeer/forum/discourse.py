"""``DiscourseClient``: the :class:`~voicepeer.forum.base.Forum` for Discourse sites.

Frugal by design (user API keys allow 20 requests a minute): lists are reused for
``list_cache_s``, a topic's first chunk of posts comes with the topic, later posts are
fetched ``POSTS_CHUNK`` at a time. When the forum is out of reach, reads fall back to
the offline cache and say so through ``saved_at``.
"""

from __future__ import annotations

import contextlib
import html
import json
import logging
import re
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar
from urllib.parse import quote

import httpx

from voicepeer.errors import (
    AuthError,
    AuthProblem,
    ForumError,
    ForumNotFoundError,
    ForumRejectedError,
    ForumResponseError,
    ForumUnreachableError,
    SlowModeError,
)
from voicepeer.forum import own_posts, parse
from voicepeer.forum.account_key import Renewal
from voicepeer.forum.base import (
    Category,
    Forum,
    LikeAnswer,
    NewPrivateMessage,
    NewReply,
    NewTopic,
    Notifications,
    Post,
    PostOutcome,
    PostStatus,
    SearchResults,
    SiteLimits,
    Topic,
    TopicList,
    WaitingPost,
)
from voicepeer.forum.cache import ReadingCache
from voicepeer.forum.censored_titles import CensoredWords
from voicepeer.forum.checks import check_search_term, limit_from_rejection, slow_mode_refusal
from voicepeer.forum.credentials import Credentials, CredentialStore, normalize_forum_url
from voicepeer.forum.http import (
    DeliveryUncertainError,
    ForumHttp,
    SlowListener,
    WaitListener,
    json_or_none,
)
from voicepeer.forum.settings import ForumSettings
from voicepeer.forum.thread import POSTS_CHUNK, Thread
from voicepeer.forum.timings import ReadingTimings
from voicepeer.speech.text.polls import PollTally

log = logging.getLogger(__name__)

R = TypeVar("R", TopicList, Topic, tuple[Category, ...])

LIKE_ACTION_TYPE = 2
_LIMIT_NAMES = tuple(SiteLimits.__dataclass_fields__)
SITE_RETRY_S = 300.0
"""Seconds before asking again for the site's censored words when the forum did not give
them: soon enough for a passing fault, rare enough not to double every request."""


class DiscourseClient:
    """A person's view of one Discourse forum. Raises only :class:`ForumError` subclasses."""

    def __init__(
        self,
        base_url: str,
        *,
        credentials: Credentials | None = None,
        settings: ForumSettings | None = None,
        cache: ReadingCache | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        title: str | None = None,
        renewal: Renewal | None = None,
    ) -> None:
        self.settings = settings or ForumSettings()
        self.http = ForumHttp(
            base_url,
            credentials=credentials,
            settings=self.settings,
            transport=transport,
            sleep=sleep,
            renewal=renewal,
            clock=clock,
        )
        self.cache = cache
        self._title = title
        """The forum's name; "" when it gives none, None until asked."""
        self._username: str | None = None
        """Asked of the forum, when the saved account does not say."""
        self._limits: SiteLimits | None = None
        self._site: dict[str, Any] | None = None
        self._censored: CensoredWords | None = None
        self._censored_asked_at: float | None = None
        self._notification_kinds: dict[int, str] | None = None
        self._fresh: dict[str, tuple[float, Any]] = {}
        self._clock = clock
        self.timings = ReadingTimings(
            self._send_timings, interval_s=self.settings.timings_interval_s, clock=clock
        )

    # -- plumbing ------------------------------------------------------------------------

    def on_slow(self, listener: SlowListener) -> None:
        """``listener()`` runs (on a timer thread) when a request passes ``slow_after_s``,
        and every ``still_waiting_every_s`` after."""
        self.http.on_slow(listener)

    def on_wait(self, listener: WaitListener) -> None:
        """``listener(seconds)`` runs before the client waits because the forum asked it to."""
        self.http.on_wait(listener)

    def on_back(self, listener: Callable[[], None]) -> None:
        """``listener()`` runs (on a checking thread) when the forum, found out of reach,
        answers again."""
        self.http.reach.on_back(listener)

    @property
    def forum_down(self) -> bool:
        """The forum is known to be out of reach: each request gets one quick try."""
        return self.http.reach.down

    @property
    def requests_made(self) -> int:
        return self.http.requests_made

    @property
    def title(self) -> str | None:
        if self._title is None:
            # A name is not worth waiting for: asked once, for as long as a request takes
            # before the person is told it is slow, so a forum out of reach holds nothing up
            # (voicepeer's greeting) and is not announced as slow.
            try:
                info = self.http.get_quietly(
                    "/site/basic-info.json", seconds=self.settings.slow_after_s
                )
            except ForumError:
                return None  # asked again next time
            title = info.get("title") if isinstance(info, dict) else None
            self._title = str(title) if title else ""
        return self._title or None

    @property
    def credentials(self) -> Credentials | None:
        """The account signed in with (the one connected again last, if it was)."""
        return self.http.key.credentials

    @property
    def signed_in(self) -> bool:
        return self.credentials is not None

    @property
    def account_refused(self) -> bool:
        """The forum refused the account's key this session: reading goes on as a visitor,
        and what needs the account waits until it is connected again."""
        self.http.key.renewed()  # connected again meanwhile?
        return self.http.key.refused

    def on_account_refused(self, listener: Callable[[], None]) -> None:
        """``listener()`` runs once when the forum is found to refuse the account's key."""
        self.http.key.on_refused(listener)

    def on_account_back(self, listener: Callable[[], None]) -> None:
        """``listener()`` runs when a key connected again is taken up after a refusal."""
        self.http.key.on_renewed(listener)

    @property
    def account_name(self) -> str | None:
        """The username saved with the key signed in with (no request); None without one."""
        return self.credentials.username if self.credentials is not None else None

    def close(self) -> None:
        self.timings.close()
        self.http.close()
        if self.cache is not None:
            self.cache.close()

    def __enter__(self) -> DiscourseClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def forget_recent(self) -> None:
        """Drop briefly reused lists and topics, e.g. after the user posted something."""
        self._fresh.clear()

    def _read(self, key: str, fetch: Callable[[], R], *, reuse: bool = True) -> R:
        now = self._clock()
        hit = self._fresh.get(key)
        # Known out of reach, a list reused silently would pass for what the forum says now:
        # it is asked (one quick try), and a copy read instead is said to be one.
        if reuse and hit and now - hit[0] < self.settings.list_cache_s and not self.forum_down:
            return hit[1]
        try:
            value = fetch()
        except (ForumUnreachableError, ForumResponseError):
            # No answer, or the forum is down (5xx, garbled): a saved copy, announced as such.
            cached = self.cache.get(self._cache_key(key)) if self.cache else None
            if cached is None:
                raise
            log.info("forum unavailable; reading %s from the offline cache", key)
            return cached  # type: ignore[return-value]
        self._fresh[key] = (now, value)
        if self.cache is not None:
            self.cache.put(self._cache_key(key), value)
        return value

    def _cache_key(self, key: str) -> str:
        # One cache file may serve several forums.
        return f"{self.http.base_url} {key}"

    # -- lists ---------------------------------------------------------------------------

    def _list(self, key: str, path: str, page: int) -> TopicList:
        params = {"page": page} if page else None
        return self._read(
            f"{key}:{page}",
            lambda: parse.topic_list(self.http.get(path, params), page, censor=self.censored()),
        )

    def latest(self, page: int = 0) -> TopicList:
        return self._list("latest", "/latest.json", page)

    def new_topics(self, page: int = 0) -> TopicList:
        return self._list("new", "/new.json", page)

    def unread_topics(self, page: int = 0) -> TopicList:
        return self._list("unread", "/unread.json", page)

    def categories(self) -> tuple[Category, ...]:
        """Every category, subcategories included (they carry ``parent_category_id``)."""
        return self._read(
            "categories",
            lambda: parse.categories(
                self.http.get("/categories.json", {"include_subcategories": "true"})
            ),
        )

    def category_topics(self, category: Category, page: int = 0) -> TopicList:
        slug = quote(category.slug or str(category.id), safe="")
        return self._list(f"category-{category.id}", f"/c/{slug}/{category.id}.json", page)

    def private_messages(self, page: int = 0) -> TopicList:
        username = quote(self.username(), safe="")
        return self._list("messages", f"/topics/private-messages/{username}.json", page)

    def own_topics(self, page: int = 0) -> TopicList:
        username = quote(self.username(), safe="")
        return self._list("own", f"/topics/created-by/{username}.json", page)

    def posted_topics(self, page: int = 0) -> TopicList:
        return self._list("posted", "/posted.json", page)

    # -- reading a topic -----------------------------------------------------------------

    def topic(self, topic_id: int, *, fresh: bool = False) -> Topic:
        return self._read(
            f"topic-{topic_id}",
            lambda: parse.topic(self.http.get(f"/t/{int(topic_id)}.json"), censor=self.censored()),
            reuse=not fresh,
        )

    def posts(self, topic_id: int, post_ids: Sequence[int]) -> tuple[Post, ...]:
        if not post_ids:
            return ()
        key = self._cache_key(f"topic-{topic_id}")
        try:
            data = self.http.get(
                f"/t/{int(topic_id)}/posts.json", {"post_ids[]": [int(i) for i in post_ids]}
            )
        except (ForumUnreachableError, ForumResponseError):
            wanted = set(post_ids)
            found = tuple(p for p in self._saved_posts(key) if p.id in wanted)
            if not found:
                raise
            return found
        result = parse.posts(data)
        if self.cache is not None:
            self.cache.merge_posts(key, result)
        return result

    def _saved_posts(self, key: str) -> tuple[Post, ...]:
        """The posts in the offline copy of a topic; none without one."""
        cached = self.cache.get(key) if self.cache else None
        return cached.loaded_posts if isinstance(cached, Topic) else ()

    def posts_after(
        self, topic_id: int, post_number: int, *, before: bool = False
    ) -> tuple[Post, ...]:
        """The chunk of posts numbered above ``post_number`` (below it, newest first, with
        ``before``): TopicsController#posts with ``post_number`` and ``asc``."""
        params = {"post_number": int(post_number), "asc": "false" if before else "true"}
        try:
            data = self.http.get(f"/t/{int(topic_id)}/posts.json", params)
        except (ForumUnreachableError, ForumResponseError):
            # Out of reach: the saved copy's posts, as the forum would have chosen them.
            saved = sorted(
                self._saved_posts(self._cache_key(f"topic-{topic_id}")),
                key=lambda p: p.post_number,
                reverse=before,
            )
            found = tuple(
                p
                for p in saved
                if (p.post_number < post_number if before else p.post_number > post_number)
            )
            if not found:
                raise
            return found[:POSTS_CHUNK]
        result = parse.posts(data)
        if self.cache is not None:
            self.cache.merge_posts(self._cache_key(f"topic-{topic_id}"), result)
        return result

    def record_reading(self, topic_id: int, post_number: int, milliseconds: int) -> None:
        if self.credentials is None:
            return  # the forum keeps no reading progress for anonymous readers
        self.timings.record(topic_id, post_number, milliseconds)

    def _send_timings(self, topic_id: int, timings: dict[int, int]) -> None:
        body = {
            "topic_id": topic_id,
            "topic_time": sum(timings.values()),
            "timings": {str(number): ms for number, ms in sorted(timings.items())},
        }
        self.http.send_quietly("POST", "/topics/timings", body)

    def thread(self, topic_id: int) -> Thread:
        """The topic as a lazy cursor: posts are fetched in chunks as they are read."""
        return Thread(self, self.topic(topic_id))

    def post(self, post_id: int) -> Post:
        """One post with its markdown source (``raw``)."""
        data = self.http.get(f"/posts/{int(post_id)}.json")
        return parse.guarded("post", lambda: parse.post(data))

    # -- the account ---------------------------------------------------------------------

    def check_account(self) -> str:
        """Ask the forum now whom the saved key signs in as; AuthError if it is refused."""
        self._username = self._asked_username()
        return self._username

    def username(self) -> str:
        """The signed-in user's username: the saved one, else asked of the forum once.
        Raises AuthError when no account is signed in, or its key is refused."""
        known = self.account_name or self._username
        if known:
            return known
        if self.http.key.refused:
            raise self.http.key.refusal("GET /session/current.json")
        self._username = self._asked_username()
        return self._username

    def _asked_username(self) -> str:
        try:
            data = self.http.get("/session/current.json")
        except ForumNotFoundError as error:  # Discourse's answer when nobody is signed in
            if self.http.key.refused:  # asked again as a visitor after the key was refused
                raise self.http.key.refusal("GET /session/current.json") from None
            raise AuthError(
                "not signed in to the forum", problem=AuthProblem.NOT_SIGNED_IN, answer=error.answer
            ) from None
        return parse.guarded("current user", lambda: parse._str(data["current_user"]["username"]))

    def revoke_key(self) -> None:
        """Ask the forum to revoke the user API key this client signs in with."""
        with self.http.key.ending():
            self.http.write("POST", "/user-api-key/revoke", {})

    def site_limits(self) -> SiteLimits:
        """The site's length rules, read from the site: ``/site.json`` if it lists them,
        else the client site settings (``/site/settings.json``), else the settings Discourse
        embeds in its start page; Discourse's defaults only for rules none of them give."""
        if self._limits is None:
            self._limits = self._fetch_limits()
        return self._limits

    def learn_min_post_length(self, minimum: int) -> None:
        """Adopt a minimum the forum revealed in a refusal."""
        limits = self.site_limits()
        self._limits = replace(limits, min_post_length=minimum)

    def censored(self) -> CensoredWords:
        """The words the forum censors, to hide in titles as its web page does: asked of the
        forum once (``/site.json``), in one quiet attempt, and only after it answered another
        request, so that a forum out of reach or busy costs no wait. None are hidden while
        they are not known."""
        if self._censored is not None:
            return self._censored
        now = self._clock()
        if self._censored_asked_at is not None and now - self._censored_asked_at < SITE_RETRY_S:
            return CensoredWords()
        self._censored_asked_at = now
        try:
            self._censored = CensoredWords.from_site(self._site_json(quietly=True))
        except ForumError as error:
            log.info("the forum's censored words are not known: %s", error)
            return CensoredWords()
        return self._censored

    def _site_json(self, *, quietly: bool = False) -> dict[str, Any]:
        """``/site.json``, asked once: the site's lists, rules and censored words.
        ``quietly``: one attempt, nothing waited for or announced."""
        if self._site is None:
            site = self.http.get_quietly("/site.json") if quietly else self.http.get("/site.json")
            self._site = site if isinstance(site, dict) else {}
        return self._site

    def _fetch_limits(self) -> SiteLimits:
        site = self._site_json()
        found = _limits_in(site)
        if isinstance(site.get("notification_types"), dict):
            self._notification_kinds = {
                int(v): str(k) for k, v in site["notification_types"].items() if isinstance(v, int)
            }
        if len(found) < len(_LIMIT_NAMES):
            try:
                settings = self.http.get("/site/settings.json")
                found = {**_limits_in(settings if isinstance(settings, dict) else {}), **found}
            except (ForumNotFoundError, ForumResponseError) as error:
                log.info("no /site/settings.json: %s", error)
        if len(found) < len(_LIMIT_NAMES):
            try:
                found = {**_limits_in(_preloaded_settings(self.http.get_text("/"))), **found}
            except (ForumNotFoundError, ForumResponseError) as error:
                log.info("site settings not in the start page: %s", error)
        missing = [name for name in _LIMIT_NAMES if name not in found]
        if missing:
            log.warning("forum does not publish %s; using Discourse defaults", ", ".join(missing))
        return SiteLimits(**found)

    # -- writing -------------------------------------------------------------------------

    def create_post(self, reply: NewReply) -> PostOutcome:
        body: dict[str, Any] = {"topic_id": reply.topic_id, "raw": reply.raw}
        if reply.reply_to_post_number is not None:
            body["reply_to_post_number"] = reply.reply_to_post_number
        try:
            outcome = _outcome(self.http.write("POST", "/posts.json", body))
        except ForumRejectedError as error:
            minimum = limit_from_rejection(error.errors)
            if minimum is not None:
                self.learn_min_post_length(minimum)
            if slow_mode_refusal(error.errors):
                raise self._slow_mode(reply.topic_id, error) from error
            raise
        # The topic's lists changed too: its reply count, and where "latest" has it.
        self.forget_recent()
        return outcome

    def _slow_mode(self, topic_id: int, refusal: ForumRejectedError) -> SlowModeError:
        """The slow-mode refusal as a wait: the topic's page tells the interval and when the
        member last posted, as the forum's web composer works it out."""
        try:
            topic = self.topic(topic_id, fresh=True)
        except ForumError:
            topic = None
        interval = topic.slow_mode_seconds if topic is not None else 0
        wait = topic.slow_mode_wait(datetime.now(UTC)) if topic is not None else 0.0
        # Not known (or already over by the forum's clock): try again in a minute.
        return SlowModeError(
            str(refusal),
            wait_seconds=wait or 60.0,
            interval_seconds=interval,
            answer=refusal.answer,
        )

    def create_topic(self, topic: NewTopic) -> PostOutcome:
        body = {"title": topic.title, "raw": topic.raw, "category": topic.category_id}
        try:
            return _outcome(self.http.write("POST", "/posts.json", body))
        finally:
            # Refused too: its category may be gone or closed since the list was read.
            self.forget_recent()

    def send_private_message(self, message: NewPrivateMessage) -> PostOutcome:
        body = {
            "title": message.title,
            "raw": message.raw,
            "target_recipients": ",".join(message.recipients),
            "archetype": "private_message",
        }
        outcome = _outcome(self.http.write("POST", "/posts.json", body))
        self.forget_recent()
        return outcome

    def delete_topic(self, topic_id: int) -> None:
        # TopicsController#destroy: 200 with an empty body; a refusal is a 422.
        self.http.write_answer("DELETE", f"/t/{int(topic_id)}.json")

    def delete_post(self, post_id: int) -> None:
        # PostsController#destroy answers 200 with an empty body (render body: nil).
        self.http.write_answer("DELETE", f"/posts/{int(post_id)}.json")

    def edit_post(self, post_id: int, raw: str, *, original: str | None = None) -> Post:
        # PostsController#update answers {"post": ...}, raw included; a 409 when
        # original_text is not the post's raw any more.
        change = {"raw": raw} | ({"original_text": original} if original else {})
        data = self.http.write("PUT", f"/posts/{int(post_id)}.json", {"post": change})
        post = data.get("post") if isinstance(data, dict) else None
        return parse.guarded("edited post", lambda: parse.post(post))

    def retitle_topic(self, topic_id: int, title: str, *, original: str | None = None) -> str:
        # TopicsController#update takes the title at the top of the body (as the API spec's
        # own request example sends it) and answers {"basic_topic": ...}; a 409 when
        # original_title is not the topic's title any more.
        change = {"title": title} | ({"original_title": original} if original else {})
        try:
            data = self.http.write("PUT", f"/t/-/{int(topic_id)}.json", change)
        finally:
            self.forget_recent()  # lists and the topic name it by its title
        return parse.guarded("changed topic", lambda: str(data["basic_topic"]["title"]))

    def recover_post(self, post_id: int) -> Post:
        # PostsController#recover answers with the post as it now is, raw included.
        data = self.http.write("PUT", f"/posts/{int(post_id)}/recover")
        return parse.guarded("recovered post", lambda: parse.post(data))

    def recover_topic(self, topic_id: int) -> None:
        # TopicsController#recover: 200 with an empty body.
        self.http.write_answer("PUT", f"/t/{int(topic_id)}/recover")

    def like(self, post_id: int) -> LikeAnswer:
        # PostActionsController#create tells the likes left of the day's limit in headers.
        answer = self.http.write_answer(
            "POST", "/post_actions.json", {"id": post_id, "post_action_type_id": LIKE_ACTION_TYPE}
        )
        return LikeAnswer(
            _post_or_none(json_or_none(answer)),
            likes_left=_header_count(answer.headers, "Discourse-Actions-Remaining"),
            likes_a_day=_header_count(answer.headers, "Discourse-Actions-Max"),
        )

    def unlike(self, post_id: int) -> Post | None:
        # PostActionsController#destroy: 404 when the member has no like there, 403 once
        # post_undo_action_window_mins have passed or the topic is archived.
        answer = self.http.write(
            "DELETE",
            f"/post_actions/{int(post_id)}.json",
            {"post_action_type_id": LIKE_ACTION_TYPE},
        )
        return _post_or_none(answer)

    def vote(
        self,
        post_id: int,
        poll_name: str,
        choices: Sequence[str],
        ranks: Sequence[tuple[str, int]] = (),
    ) -> PollTally | None:
        # PollsController#vote: the choices sent replace the person's earlier ones; it
        # refuses none, and #remove_vote takes the whole vote back. A ranked-choice vote is
        # every choice's {digest, rank} by index, as the poll's page sends it (Poll.vote
        # reads options.values).
        body: dict[str, Any] = {"post_id": post_id, "poll_name": poll_name}
        if ranks:
            options: Any = {str(i): {"digest": c, "rank": r} for i, (c, r) in enumerate(ranks)}
            answer = self.http.write("PUT", "/polls/vote", {**body, "options": options})
        elif choices:
            answer = self.http.write("PUT", "/polls/vote", {**body, "options": list(choices)})
        else:
            answer = self.http.write("DELETE", "/polls/vote", body)
        poll = answer.get("poll") if isinstance(answer, dict) else None
        if not isinstance(poll, dict):
            return None
        return parse.poll_tally({**poll, "name": poll_name}, answer.get("vote"))

    def notifications(self, *, unread_only: bool = False) -> Notifications:
        """The user's newest notifications and how many there are. ``unread_only`` asks the
        forum for unread ones (``filter=unread``): it sends the newest 60 of all kinds, so an
        unread one behind 60 newer ones would otherwise never be heard."""
        if self._notification_kinds is None:
            with contextlib.suppress(ForumError):
                self.site_limits()
        names = self._notification_kinds or parse.NOTIFICATION_KINDS
        # Discourse marks the notifications about posts read as it hears of the reading:
        # what was just heard is not told again as new.
        self.timings.send_now()
        params = {"filter": "unread"} if unread_only else None
        data = self.http.get("/notifications.json", params)
        found = parse.notifications(data, names, censor=self.censored())
        if not unread_only or not any(n.read for n in found.newest):
            return found
        # A forum older than the filter sent read ones too; its total counts them as well.
        unread = tuple(n for n in found.newest if not n.read)
        return Notifications(unread, len(unread))

    def mark_notification_read(self, notification_id: int) -> None:
        # Without an id Discourse marks every notification read: never send it so.
        self.http.write("PUT", "/notifications/mark-read.json", {"id": int(notification_id)})

    def mark_all_notifications_read(self) -> None:
        # NotificationsController#mark_read without an id: Notification.read_types for all.
        self.http.write("PUT", "/notifications/mark-read.json", {})

    def mark_all_read(self) -> frozenset[int]:
        # TopicsController#bulk with filter=unread takes every unread topic, not a page;
        # #reset_new dismisses every new one (DismissedTopicUser). Both answer topic_ids.
        unread = self.http.write(
            "PUT", "/topics/bulk.json", {"filter": "unread", "operation": {"type": "dismiss_posts"}}
        )
        new = self.http.write("PUT", "/topics/reset-new.json", {})
        self.forget_recent()
        return frozenset(parse.topic_ids(unread)) | frozenset(parse.topic_ids(new))

    def mark_topic_read(self, topic_id: int) -> None:
        ids = [int(topic_id)]
        self.http.write(
            "PUT", "/topics/bulk.json", {"topic_ids": ids, "operation": {"type": "dismiss_posts"}}
        )
        # dismiss_posts changes only a reading the forum has: a topic opened a moment ago
        # may have none yet (reading progress goes in batches), and is still new then.
        self.http.write("PUT", "/topics/reset-new.json", {"topic_ids": ids})
        self.forget_recent()

    def search(self, query: str, page: int = 1) -> SearchResults:
        check_search_term(query, self._min_search_term_length())
        params: dict[str, Any] = {"q": query}
        if page > 1:
            params["page"] = page
        return parse.search_results(self.http.get("/search.json", params), censor=self.censored())

    def _min_search_term_length(self) -> int:
        try:
            return self.site_limits().min_search_term_length
        except ForumError:
            return SiteLimits.min_search_term_length  # the search itself will say what is wrong

    def find_own_topic(
        self, title: str, *, private: bool, since: datetime | None
    ) -> PostOutcome | None:
        """The topic (or private message) the user started with this title, if it is there
        (checked before a new topic whose sending was interrupted is sent again)."""
        me = quote(self.username(), safe="")
        path = (
            f"/topics/private-messages-sent/{me}.json"
            if private
            else f"/topics/created-by/{me}.json"
        )
        earliest = since - timedelta(minutes=10) if since else None
        wanted = own_posts.title_key(title)
        for row in parse.topic_list(self.http.get(path), 0).topics:
            if own_posts.title_key(row.title) != wanted:
                continue
            if earliest and row.bumped_at and row.bumped_at < earliest:
                continue
            return PostOutcome(PostStatus.POSTED, post_number=1, topic_id=row.id)
        return None

    def newest_post_id(self, topic_id: int) -> int | None:
        """The highest post id in the topic now, asked of the forum (never a saved copy)."""
        return own_posts.newest_post_id(self.http.get(f"/t/{int(topic_id)}.json"))

    def own_waiting_posts(self, topic_id: int) -> tuple[WaitingPost, ...]:
        # The member's own list holds every kind of held post in one request; the topic's
        # (present only where the site queues posts by rule) when that list cannot be read.
        everywhere = self.all_waiting_posts()
        if everywhere is not None:
            return tuple(p for p in everywhere if p.topic_id == topic_id)
        data = self.http.get(f"/t/{int(topic_id)}.json")
        return own_posts.waiting_in_topic(data, topic_id) or ()

    def all_waiting_posts(self) -> tuple[WaitingPost, ...] | None:
        """Every post of the member's waiting for a moderator; None when the forum does
        not let it be read."""
        return own_posts.all_waiting_posts(_OwnPostReader(self))

    def withdraw_waiting_post(self, waiting_id: int) -> None:
        # ReviewablesController#destroy: the member's own queued post goes (200, success
        # JSON); 404 once a moderator has dealt with it. An admin API key must name whose
        # post it is (fetch_user_from_params), and is refused for anyone but an admin.
        path = f"/review/{int(waiting_id)}.json"
        if self.credentials is not None and self.credentials.kind != "user_api_key":
            path += f"?username={quote(self.username(), safe='')}"
        self.http.write_answer("DELETE", path)

    def find_own_post(
        self,
        topic_id: int,
        raw: str,
        after_post_id: int | None,
        *,
        sent_at: datetime | None = None,
        claimed: Collection[int] = (),
    ) -> PostOutcome | None:
        """The user's post with this text after post ``after_post_id`` in the topic, or
        waiting there for a moderator (checked before a reply whose sending was interrupted
        is sent again); given ``sent_at``, their post made then, its words changed since;
        never a post numbered in ``claimed``. See :mod:`voicepeer.forum.own_posts`."""
        return own_posts.find_own_post(
            _OwnPostReader(self),
            topic_id,
            raw,
            after_post_id,
            chunk=POSTS_CHUNK,
            sent_at=sent_at,
            window_s=self.settings.sent_post_window_s,
            claimed=claimed,
        )


class _OwnPostReader:
    """What :func:`own_posts.find_own_post` needs of the client: fresh reads only."""

    def __init__(self, client: DiscourseClient) -> None:
        self._client = client

    def get(self, path: str) -> Any:
        return self._client.http.get(path)

    def posts(self, topic_id: int, post_ids: list[int]) -> tuple[Post, ...]:
        # Never the offline cache: a saved copy lacks the post being looked for.
        return parse.posts(
            self._client.http.get(
                f"/t/{int(topic_id)}/posts.json", {"post_ids[]": [int(i) for i in post_ids]}
            )
        )

    def posts_before(self, topic_id: int, post_number: int) -> tuple[Post, ...]:
        return parse.posts(
            self._client.http.get(
                f"/t/{int(topic_id)}/posts.json", {"post_number": int(post_number), "asc": "false"}
            )
        )

    def raw_of(self, post_id: int) -> str | None:
        return self._client.post(post_id).raw

    def me(self) -> str | None:
        try:
            return self._client.username()
        except AuthError:
            # Signed out (a demo forum that lets anyone post): the text alone must match.
            return None


def _header_count(headers: httpx.Headers, name: str) -> int | None:
    value = headers.get(name, "").strip()
    return int(value) if value.isascii() and value.isdigit() else None


def _post_or_none(answer: Any) -> Post | None:
    """The post a like (or its taking back) answers with. The like is made whatever the
    answer looks like: one that is not a post only means the counts are not known yet."""
    try:
        return parse.guarded("post", lambda: parse.post(answer))
    except ForumResponseError:
        return None


def open_discourse(
    forum_url: str,
    settings: ForumSettings | None = None,
    *,
    store: CredentialStore | None = None,
    credentials: Credentials | None = None,
    offline_cache: bool = True,
) -> DiscourseClient:
    """A client for ``forum_url`` signed in with ``credentials``, else the saved account
    (anonymous when none is saved: reading works, posting raises AuthError), and with the
    offline reading cache."""
    settings = settings or ForumSettings()
    saved = store or CredentialStore()
    renewal: Renewal | None = None
    if credentials is None:
        credentials = saved.load(forum_url)
        # A key the forum refuses may be replaced meanwhile by a carer's reconnecting.
        renewal = lambda: saved.load(forum_url)  # noqa: E731
    if credentials is None:
        log.info("no saved account for %s; reading anonymously", forum_url)
    cache = ReadingCache(max_entries=settings.offline_cache_max_entries) if offline_cache else None
    return DiscourseClient(
        normalize_forum_url(forum_url),
        credentials=credentials,
        settings=settings,
        cache=cache,
        renewal=renewal,
    )


def _outcome(data: Any) -> PostOutcome:
    # The forum answered 2xx, so the post may well exist: an unreadable answer is uncertain.
    try:
        return parse.post_outcome(data)
    except ForumResponseError as error:
        raise DeliveryUncertainError(str(error)) from None


def _limits_in(settings: dict[str, Any]) -> dict[str, int]:
    return {
        name: int(settings[name])
        for name in _LIMIT_NAMES
        if isinstance(settings.get(name), int | str) and str(settings[name]).isdigit()
    }


_PRELOADED = re.compile(r'data-preloaded="([^"]*)"')


def _preloaded_settings(page: str) -> dict[str, Any]:
    """Discourse embeds the client-visible site settings as JSON in its start page."""
    match = _PRELOADED.search(page)
    if match is None:
        raise ForumResponseError("start page has no preloaded data")
    try:
        preloaded = json.loads(html.unescape(match.group(1)))
        settings = preloaded.get("siteSettings")
        settings = json.loads(settings) if isinstance(settings, str) else settings
    except (json.JSONDecodeError, AttributeError) as error:
        raise ForumResponseError(f"start page data unreadable: {error}") from None
    if not isinstance(settings, dict):
        raise ForumResponseError("start page data has no site settings")
    return settings


def _implements_forum(client: DiscourseClient) -> Forum:
    return client  # mypy checks here that DiscourseClient satisfies the Forum protocol
