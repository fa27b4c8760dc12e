"""Finding one's way through the forum by ear: topic lists, topics, posts.

The reader does the work and says the results; the assistant decides the state. Methods
that may change what is current return whether they succeeded, so the assistant can move
to the right state.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum
from functools import partial
from typing import TypeVar

from voicepeer.commands.numbers import LAST_HEARD
from voicepeer.errors import ForumError, ForumRequestError, RequestProblem
from voicepeer.forum.base import (
    Category,
    Forum,
    Notification,
    Post,
    PostType,
    SearchHit,
    Topic,
    TopicList,
    TopicSummary,
)
from voicepeer.forum.peer import PeerForum
from voicepeer.forum.thread import Thread
from voicepeer.speech.text.html import has_hidden_text
from voicepeer.speech.text.sentences import as_sentence
from voicepeer.voice import cues, forum_phrases, phrasing
from voicepeer.voice.error_phrases import account_unusable, say_error
from voicepeer.voice.group_names import GroupNames
from voicepeer.voice.list_place import ListPlace, ListWords, step_said
from voicepeer.voice.notifications import NoticeList, NotificationRounds
from voicepeer.voice.paragraphs import NEXT_OR_REPLY, Pages
from voicepeer.voice.poll_votes import PollVote, after_vote, plan_vote
from voicepeer.voice.ports import PlaceKeeper, Say
from voicepeer.voice.rendering import PostRenderer, one_paragraph
from voicepeer.voice.search_excerpts import found_words
from voicepeer.voice.settings import VoiceSettings
from voicepeer.voice.topic_titles import titles_about
from voicepeer.voice.unread_topics import NOTHING_UNREAD, still_unread, unread_and_new
from voicepeer.voice.unread_topics import heading as unread_heading
from voicepeer.voice.written_forms import WRITTEN_FORMS, as_written

log = logging.getLogger(__name__)

T = TypeVar("T")
PostReading = Callable[[str, Pages, str, int, str], None]
"""Says a post: its header, its pages (see voice.paragraphs), what follows its text, from
a paragraph (0: its start), and why from there ("" for where the person left it)."""
MIN_SEARCHED_LETTERS = 3
"""Words searched for this long or longer find the paragraph to start from ("the", "a"
would find the first)."""


MAX_LIST_PAGES = 10
"""Pages of a topic list fetched at most (Discourse sends 30 topics a page): "next" past the
end of a page, or "open topic" with a number further on, fetches the next one."""
MAX_NAMED_ALIKE = 3
"""Topics named at most when several are about the words said ("the one about MS")."""
HIDDEN_TEXT_NOTE = (
    "Its writer hid part of it, to be read only if you choose. Read it all? Say yes or no."
)
TOPIC_LIST = "the topic list"
"""What the latest topics are called where the person is told where they are."""
MESSAGES_LIST = "your messages"
"""What the person's private conversations are called so."""
PageLoader = Callable[[int], TopicList]
"""Fetches page ``n`` (from 0) of the list being read."""


def offline_note(saved_at: datetime | None, what: str) -> str:
    """What to say first when the forum is out of reach and a saved copy of ``what`` ("the
    list") is read instead: not what the forum says now, and how old it is."""
    if saved_at is None:
        return ""
    when = phrasing.saved_phrase(saved_at)
    return f"I can't reach the forum, so this is {what} from earlier, {when}. "


class ReadOutcome(Enum):
    READ = "read"
    HELD = "held"
    """A content note was given: the post waits for the user's yes or no."""
    FAILED = "failed"


class Searched(Enum):
    SHOWN = "shown"
    NOT_SHOWN = "not shown"
    """Nothing found, or the forum could not be asked: said so."""
    TOO_SHORT = "too short"
    """Shorter than the forum searches for: said so, and the words may be said again."""


@dataclass
class ReaderEngines:
    forum: Forum
    places: PlaceKeeper
    render_post: PostRenderer
    peer: PeerForum | None = None
    """The forum's member features, when it has them: who the person is there."""


class Reader:
    """What is current in the forum — a topic list, a topic, a post — and reading it aloud."""

    def __init__(
        self,
        engines: ReaderEngines,
        settings: VoiceSettings,
        say: Say,
        now: Callable[[], datetime],
        monotonic: Callable[[], float] = time.monotonic,
        *,
        read_post: PostReading,
        read_to_end: Callable[[], bool] = lambda: True,
        left_at: Callable[[], int | None] = lambda: None,
        interrupted: Callable[[], bool] = lambda: False,
        failure_line: Callable[[ForumError, str], str] = lambda error, line: line,
    ) -> None:
        self._engines = engines
        self.group_names = GroupNames(engines.peer)
        self._failure_line = failure_line
        """A failure at the forum as told (naming the words it answers, where needed; ""
        when something said already told it)."""
        self.rounds = NotificationRounds(engines.forum, self, say, interrupted)
        """Notifications read aloud, and said again on "repeat"."""
        self._read_post = read_post
        """Says a post's header and text (paragraph by paragraph, see voice.paragraphs)."""
        self._read_to_end = read_to_end
        """Whether the post read last was read to its end."""
        self._left_at = left_at
        """The paragraph the post read last goes on from (None: read to its end)."""
        self._left_part_way: tuple[int, int, int] | None = None
        self._searched_for = ""
        """The words of the last search shown."""
        self._search_match: tuple[int, int] | None = None
        """The topic and post of a search result being opened: read from the paragraph
        that has the words searched for."""
        """(topic id, post number, paragraph) of a long post left part-way in an earlier
        session, for the topic just opened at it: read on from there, once."""
        self._settings = settings
        self._say = say
        self._now = now
        self._monotonic = monotonic
        self._hearing: tuple[int, int, float] | None = None
        """(topic id, post number, when its reading began) of the post last read aloud."""
        self.replied_since_reading = False
        """Whether the person posted a reply here after the current post was read to them:
        "my post" then means that reply, not the post being read (an older one of theirs)."""
        self._heard_up_to: dict[int, int] = {}
        """Topic id → the furthest post number read aloud in it this session: lists say so
        at once, while the forum learns it within ``timings_interval_s`` and a fetched
        list is reused for ``list_cache_s``."""
        self._own_replies: dict[int, int] = {}
        """Topic id → the number of the person's newest reply posted in it this session."""
        self._search_hits: dict[int, SearchHit] = {}
        self._found_pieces: dict[int, str] = {}
        """What the matching post says of the words looked for, per post (of the current
        search's results), as said when stepped to."""
        """The matching post per topic of the list last found by a search."""
        self.topics: TopicList | None = None
        self.notices: NoticeList | None = None
        """The notifications last heard, while they are the list being gone through (until
        another list is read): see voice.notifications."""
        self._notices_over_topic = False
        """The notifications were heard while reading a topic, and none opened since:
        "back" leaves the topic for the list it came from, not for them."""
        self._authors_told: set[str] = set()
        """The authors whose role, title or group was said in the topic read."""
        self.shown = 0
        """How many topics have been opened and lists read out: a list kept elsewhere (the
        bookmarks) compares it to know whether the topic it opened is still what was
        done last."""
        self._next_pages: PageLoader | None = None
        """Where the current list's further pages come from (None: it has none)."""
        self._list_name = TOPIC_LIST
        """What the current list is, as "back" and "where am I" name it."""
        self.place = ListPlace(settings.max_listed_topics)
        """Where the person is in the current topic list."""
        self.thread: Thread | None = None
        self.post_index = 0
        self._opened: int | None = None
        self.read_before: int | None = None
        """The topic opened before the one opened last, this session: "go back to the last
        topic" opens it again."""
        self._categories: dict[int, Category] | None = None
        self._me: str | None = None
        self._me_asked = False
        """Whether the person's username was asked for: asked once, if at all (a forum out
        of reach must not be asked again for every line of a list)."""
        self._notes = [
            re.compile(rf"\b{re.escape(t.strip())}", re.IGNORECASE)
            for t in settings.content_note_topics
            if t.strip()
        ]

    @property
    def topic(self) -> Topic | None:
        return self.thread.topic if self.thread else None

    def recheck_topic(self) -> Topic | None:
        """The open topic with whether it takes replies as the forum says now (it may have
        been closed since it was opened); the rest of it as it was read."""
        thread = self.thread
        if thread is None:
            return None
        fresh = self.forum_call(lambda: self._engines.forum.topic(thread.topic.id, fresh=True))
        if fresh is not None:
            thread.topic = replace(
                thread.topic,
                closed=fresh.closed,
                archived=fresh.archived,
                can_reply=fresh.can_reply,
            )
        return thread.topic

    # --- topic lists --------------------------------------------------------------------

    def latest(self) -> bool:
        return self._show_forum_list(
            self._engines.forum.latest, "latest topic", "There are no topics on the forum yet."
        )

    def category_topics(self, category: Category) -> bool:
        """Read the topics of ``category``, newest first, as the forum lists them."""
        return self._show_forum_list(
            partial(self._engines.forum.category_topics, category),
            "topic",
            f"There are no topics in {category.name} yet.",
            where=f" in {category.name}",
            name=f"the topics in {category.name}",
        )

    def own_topics(self) -> bool:
        """Read the topics the person started, newest activity first, each without "by"."""
        forum = self._engines.forum
        return self._show_forum_list(
            lambda page: _without_starter(forum.own_topics(page)),
            "topic",
            "You have not started a topic yet. To start one, say start a new topic.",
            where=" you started",
            name="your topics",
        )

    def posted_topics(self) -> bool:
        """Read the topics the person has posted in, their own and others', newest activity
        first."""
        return self._show_forum_list(
            self._engines.forum.posted_topics,
            "topic",
            "You have not posted yet. To answer a topic, open it and say reply.",
            where=" you posted in",
            name="the topics you posted in",
        )

    def _show_forum_list(
        self, pages: PageLoader, noun: str, nothing: str, *, where: str = "", name: str = TOPIC_LIST
    ) -> bool:
        """One of the forum's topic lists, from its first page ("14 latest topics, 2 with new
        posts", or with ``where``: "4 topics in Good news"); ``nothing`` when it is empty.
        Asked for, a list is what the forum says now: the forum is asked again, and when it
        cannot be reached, the copy read instead is said to be one."""
        self._engines.forum.forget_recent()
        topics = self.forum_call(lambda: pages(0))
        if topics is None:
            return False
        if not topics.topics:
            self._say(nothing)
            return False
        topics = self.as_heard(topics)
        count = phrasing.count_phrase(len(topics.topics), noun).capitalize() + where
        fresh = sum(1 for t in topics.topics if t.has_new_posts)
        count += f", {fresh} with new posts" if fresh else ""
        heading = offline_note(topics.saved_at, "the list") + f"{count}."
        return self._show_list(topics, heading, next_pages=pages, name=name)

    def unread(self) -> bool:
        """Read the topics with something the person has not read (see
        :mod:`voicepeer.voice.unread_topics`)."""
        forum = self._engines.forum
        listed = self.forum_call(lambda: unread_and_new(forum, 0))
        if listed is None:
            return False
        found = still_unread(listed, self.as_heard(listed))
        if not found.topics:
            self._say(NOTHING_UNREAD)
            return False
        heading = offline_note(found.saved_at, "the list") + unread_heading(found)
        more = partial(unread_and_new, forum)
        return self._show_list(found, heading, next_pages=more, name="your unread topics")

    def show_search(self, query: str) -> Searched:
        page = self.forum_attempt(lambda: self._search_page(query, 0, {}))
        if isinstance(page, ForumError):
            too_short = isinstance(page, ForumRequestError) and (
                page.problem is RequestProblem.SEARCH_TOO_SHORT
            )
            return Searched.TOO_SHORT if too_short else Searched.NOT_SHOWN
        found, hits = page
        self._searched_for = query
        # Said back as written ("MS", not "ms", which a speech engine may say as "miss").
        about = " ".join(as_written(query.split(), WRITTEN_FORMS))
        if not found.topics:
            # Not "try other words": said next on their own, they are no command.
            self._say(f"I found nothing about {about}. Say search for, and other words.")
            return Searched.NOT_SHOWN
        count = phrasing.count_phrase(len(found.topics), "topic").capitalize()
        count += " or more" if found.has_more else ""
        more = partial(self._more_found, query)
        shown = self._show_list(
            found,
            f"{count} about {about}.",
            hits,
            next_pages=more,
            name=f"the topics about {about}",
        )
        return Searched.SHOWN if shown else Searched.NOT_SHOWN

    def _more_found(self, query: str, page: int) -> TopicList:
        found, hits = self._search_page(query, page, self._search_hits)
        self._search_hits |= hits
        return found

    def _search_page(
        self, query: str, page: int, known: dict[int, SearchHit]
    ) -> tuple[TopicList, dict[int, SearchHit]]:
        """Page ``page`` (from 0) of a search as a list of the topics not ``known`` yet,
        with the first matching post of each (where the topic opens)."""
        results = self._engines.forum.search(query, page=page + 1)
        hits: dict[int, SearchHit] = {}
        for hit in results.hits:
            if hit.topic_id not in known and hit.topic_id not in hits:
                hits[hit.topic_id] = replace(hit, excerpt=found_words(hit.excerpt, query))
        # The hit's author wrote the matching post, not (necessarily) the topic: no "by".
        topics = tuple(
            TopicSummary(
                id=hit.topic_id,
                title=hit.topic_title or "an untitled topic",
                slug="",
                posts_count=0,
            )
            for hit in hits.values()
        )
        return TopicList(topics, page=page, has_more=results.has_more), hits

    @property
    def showing_latest(self) -> bool:
        """Whether the list heard last is the latest topics (not the unread ones, a
        search's results, the private messages or the notifications)."""
        latest = self._engines.forum.latest
        return self.notices is None and self.topics is not None and self._next_pages == latest

    def show_list(
        self, topics: TopicList, heading: str, next_pages: PageLoader | None, name: str
    ) -> bool:
        """Make ``topics`` the current list and read it, after ``heading``; ``next_pages``
        fetches the pages after it when the forum has more; ``name``: what the list is
        ("your messages"), for "back" and "where am I"."""
        return self._show_list(topics, heading, next_pages=next_pages, name=name)

    def _show_list(
        self,
        topics: TopicList,
        heading: str,
        search_hits: dict[int, SearchHit] | None = None,
        next_pages: PageLoader | None = None,
        name: str = TOPIC_LIST,
    ) -> bool:
        self.close_topic()
        self._list_name = name
        self.topics = self.as_heard(topics)
        self.place.start(len(self.topics.topics))
        self.notices = None
        self.shown += 1
        self._next_pages = next_pages
        self._search_hits = search_hits or {}
        self._found_pieces = {}
        self._say(
            phrasing.topic_list_summary(
                topics,
                self._settings.max_listed_topics,
                heading,
                line=lambda position, _topic: self._named_line(position - 1),
            )
        )
        return bool(topics.topics)

    def from_the_top(self) -> bool:
        """ "Go to the start" at a topic list: its first topics named again, "next" going
        on from there; False when no topic list is current."""
        if self.topics is None or self.notices is not None:
            return False
        self.place.start(len(self.topics.topics))
        self._say(
            phrasing.topic_list_summary(
                self.topics,
                self._settings.max_listed_topics,
                f"From the top of {self._list_name}.",
                line=lambda position, _topic: self._named_line(position - 1),
            )
        )
        return True

    def step_in_list(self, delta: int) -> None:
        if self.notices is not None:
            self._say(self.notices.step(delta))
            return
        if self.topics is None:
            self.latest()
            return
        passing = self.place.may_pass_end(delta, len(self.topics.topics))
        if passing and self._load_next_page() is None:
            return  # the forum could not be reached: said so
        topics = self.topics
        item = "conversation" if self._list_name == MESSAGES_LIST else "topic"
        words = _words(topics, item)
        self._say(
            step_said(
                self.place, delta, len(topics.topics), self._list_line, words, self._line_alone
            )
        )

    def _load_next_page(self) -> bool | None:
        """The forum's next page of the current list added to it: whether it added topics,
        or None when the forum could not give it (said so). A topic already in the list (a
        new reply moves it up between pages) is not added twice."""
        topics, next_pages = self.topics, self._next_pages
        if topics is None or next_pages is None or not topics.has_more:
            return False
        if topics.page + 1 >= MAX_LIST_PAGES:
            return False
        page = self.forum_call(lambda: next_pages(topics.page + 1))
        if page is None:
            return None
        known = {t.id for t in topics.topics}
        added = tuple(t for t in self.as_heard(page).topics if t.id not in known)
        self.topics = TopicList(
            topics.topics + added, page=page.page, has_more=page.has_more, saved_at=page.saved_at
        )
        return bool(added) or self._load_next_page()

    def current_list_line(self) -> str:
        if self.notices is not None:
            return self.notices.line()
        if self.topics is None or not self.topics.topics:
            return "There is no topic list yet. Say latest topics."
        return self._list_line(self.place.index)

    def _list_line(self, index: int) -> str:
        assert self.topics is not None
        return phrasing.topic_line(index + 1, self.topics.topics[index], me=self.me())

    def _named_line(self, index: int) -> str:
        """The topic at ``index`` as the list is read out: alone in it, as if stepped to."""
        assert self.topics is not None
        alone = len(self.topics.topics) == 1
        return self._line_alone(index) if alone else self._list_line(index)

    def _line_alone(self, index: int) -> str:
        """The topic at ``index`` stepped to on its own: a search's result with what its
        post says of the words looked for (named with others, only its title: five pieces
        of posts in one go are too many to keep in mind)."""
        line = self._list_line(index)
        assert self.topics is not None
        hit = self._search_hits.get(self.topics.topics[index].id)
        if hit is not None:
            line += f" {hit.username} wrote: {as_sentence(self._found_piece(hit))}"
        return line

    def _found_piece(self, hit: SearchHit) -> str:
        """The piece of ``hit``'s post with the words looked for, from the post itself
        (its list items and headings apart, which the forum's plain text runs together);
        from the forum's excerpt when the post cannot be had."""
        if hit.post_id in self._found_pieces:
            return self._found_pieces[hit.post_id]
        forum = self._engines.forum
        post = self.forum_call(lambda: forum.post(hit.post_id), quiet=True)
        piece = hit.excerpt
        if post is not None and has_hidden_text(post.cooked):
            # The words found may be the hidden ones: only opened, after its question.
            piece = "a post with a hidden part. Open it to choose whether to hear it"
        elif post is not None:
            paragraphs = self._engines.render_post.paragraphs(post)
            at = _first_with(paragraphs, self._searched_for)
            if at is not None:  # none: the title had the words
                piece = found_words(paragraphs[at], self._searched_for)
        self._found_pieces[hit.post_id] = piece
        return piece

    # --- topics and posts ---------------------------------------------------------------

    def open_number(self, number: int) -> ReadOutcome:
        """Open the topic numbered ``number`` in the current list (LAST_HEARD: the last
        one named), or the notification."""
        if self.notices is not None:
            return self._open_notice(self.notices.choose(number))
        if number == LAST_HEARD and not self.place.heard:
            self._say("You have not heard a topic list yet. Say latest topics.")
            return ReadOutcome.FAILED
        number = self.place.chosen(number)
        if not self._have_a_list():
            return ReadOutcome.FAILED
        assert self.topics is not None
        while number > len(self.topics.topics):
            loaded = self._load_next_page()
            if loaded is None:
                return ReadOutcome.FAILED
            if not loaded:
                break
        count = len(self.topics.topics)
        if not 1 <= number <= count:
            self._say(
                phrasing.no_such_number("topic", number, count, "open topic")
                if count
                else "There are no topics to open."
            )
            return ReadOutcome.FAILED
        self.place.go_to(number - 1)
        return self.open_current()

    def open_about(self, words: str) -> ReadOutcome:
        """ "The one about heat": the topic of the current list whose title has ``words``,
        opened; several as likely are named with their numbers, none said so."""
        if self.notices is not None:
            self._say(phrasing.OPEN_BY_NUMBER)
            return ReadOutcome.FAILED
        if not self._have_a_list():
            return ReadOutcome.FAILED
        assert self.topics is not None
        found = titles_about(words, [t.title for t in self.topics.topics])
        # Said back as written ("MRI"): the voice read the heard "mri" as a word.
        words = " ".join(as_written(words.split(), WRITTEN_FORMS))
        if not found:
            self._say(
                f"No topic in {self._list_name} has {words} in its title. Say search for "
                f"{words} to look on the whole forum."
            )
            return ReadOutcome.FAILED
        if len(found) > 1:
            named = " ".join(self._list_line(i) for i in found[:MAX_NAMED_ALIKE])
            self._say(f"More than one is about {words}. {named} Say open topic and its number.")
            return ReadOutcome.FAILED
        self.place.go_to(found[0])
        return self.open_current()

    def _have_a_list(self) -> bool:
        """A topic list to choose from: the current one, or the latest topics fetched when
        none was heard yet; False when the forum could not give it (said so)."""
        if self.topics is not None:
            return True
        topics = self.forum_call(lambda: self._engines.forum.latest())
        if topics is None:
            return False
        self.topics, self._next_pages = topics, self._engines.forum.latest
        self._list_name = TOPIC_LIST
        return True

    def open_next(self, delta: int) -> ReadOutcome:
        """ "Next topic" (+1) or "previous topic" (-1) while reading: the topic after (or
        before) the one open in the list it was opened from — the topics, a search's
        results, the notifications — opened; at an end, said so."""
        if self.notices is not None:
            if self.notices.step_to_another_topic(delta, self.topic.id if self.topic else None):
                return self.open_current()
            self._say(
                "There are no more notifications about other topics. Say back for the list."
                if delta > 0
                else "There are no notifications about other topics before this one. Say back "
                "for the list."
            )
            return ReadOutcome.FAILED
        if self.topics is None or not self.topics.topics:
            self._say("There is no topic list yet. Say latest topics.")
            return ReadOutcome.FAILED
        count = len(self.topics.topics)
        if self.place.index + delta >= count:
            if self._load_next_page() is None:
                return ReadOutcome.FAILED  # the forum could not be reached: said so
            count = len(self.topics.topics)
        if self.place.step(delta, count) is None:
            self._say(
                "That was the last topic in the list. Say back for the list."
                if delta > 0
                else "This is the first topic in the list. Say next topic for the one after it."
            )
            return ReadOutcome.FAILED
        return self.open_current()

    def open_current(self) -> ReadOutcome:
        if self.notices is not None:
            return self._open_notice(self.notices.current())
        if self.topics is None or not self.topics.topics:
            self.latest()
            return ReadOutcome.FAILED
        self.place.go_to(self.place.index)  # opened: "next" goes one at a time from here
        topic_id = self.topics.topics[self.place.index].id
        hit = self._search_hits.get(topic_id)
        # A search result opens at the post that matched, not at the top, and a long one at
        # the paragraph that matched: six minutes before it were read first.
        self._search_match = (topic_id, hit.post_number) if hit else None
        return self.open_topic(topic_id, hit.post_number if hit else None)

    def _open_notice(self, chosen: Notification | str) -> ReadOutcome:
        """Open a notification's topic at the post it is about, or say why not."""
        self._notices_over_topic = False
        if isinstance(chosen, str) or chosen.topic_id is None:
            self._say(str(chosen))
            return ReadOutcome.FAILED
        return self.open_topic(chosen.topic_id, chosen.post_number)

    def open_topic(self, topic_id: int, post_number: int | None = None) -> ReadOutcome:
        topic = self.forum_call(lambda: self._engines.forum.topic(topic_id))
        if topic is None:
            return ReadOutcome.FAILED
        if not topic.post_ids and not topic.loaded_posts:
            self._say(f"{topic.title} has no posts I can read.")
            return ReadOutcome.FAILED
        self.close_topic()
        # Posts heard this session count as read, though the forum hears of it only later.
        heard = self._heard_up_to.get(topic.id, 0)
        if heard > (topic.last_read_post_number or 0):
            topic = replace(topic, last_read_post_number=heard)
        thread = Thread(self._engines.forum, topic)
        start = self.forum_call(lambda: self._starting_index(thread, post_number))
        if start is None:
            return ReadOutcome.FAILED
        self.thread, self.post_index = thread, start
        if topic.id != self._opened:
            self.read_before, self._opened = self._opened, topic.id
        self._authors_told = set()
        self.shown += 1
        left = self._engines.places.paragraph(topic.id) if post_number is None else None
        self._left_part_way = (topic.id, *left) if left is not None else None
        intro = offline_note(topic.saved_at, "the topic") + phrasing.topic_intro(
            topic, self.category_name(topic.category_id)
        )
        resumed_at = thread.position(self.post_index)[0]
        if resumed_at > 1 and post_number is None:
            intro += f" Continuing from post {resumed_at}."
        self._say(intro)
        return self.read_current()

    def enter_topic(self, topic_id: int, post_number: int | None) -> Post | None:
        """Make the topic current without reading it (to go on with a reply saved there),
        at post ``post_number`` — returned, None if it is gone — or, for None, at the post
        the person left it on. Raises ForumError, unsaid."""
        thread = Thread(self._engines.forum, self._engines.forum.topic(topic_id))
        start = self._starting_index(thread, post_number)
        self.close_topic()
        self.thread, self.post_index = thread, start
        self.shown += 1
        post = self.loaded_current_post()
        return post if post is not None and post.post_number == post_number else None

    def _starting_index(self, thread: Thread, post_number: int | None) -> int:
        if post_number is not None:
            found = thread.index_of_post_number(post_number)
            return found if found is not None else min(post_number - 1, len(thread) - 1)
        if not self._settings.unread_first:
            return 0
        saved = self._engines.places.get(thread.topic.id)
        # A mega topic's indexes cover only the stretch loaded, so a saved index means nothing.
        if saved is not None and not thread.topic.is_mega:
            return min(saved, len(thread) - 1)
        return thread.start_index()

    def current_post(self) -> Post | None:
        thread, index = self.thread, self.post_index
        if thread is None:
            return None
        return self.forum_call(lambda: thread.post_at(index))

    def loaded_current_post(self) -> Post | None:
        """The current post if already fetched (never touches the network)."""
        if self.thread is None or not self.thread.is_loaded(self.post_index):
            return None
        return self.thread.post_at(self.post_index)

    def read_current(self, *, despite_note: bool = False) -> ReadOutcome:
        post = self.current_post()
        if post is None or self.thread is None:
            return ReadOutcome.FAILED
        ordinal, total = self.thread.position(self.post_index)
        if post.post_type == PostType.SMALL_ACTION:
            # Not a post anyone wrote: what happened to the topic, said briefly.
            age = phrasing.age_of(post, self._now())
            said = (
                f"Post {ordinal} of {total}: "
                + forum_phrases.small_action_line(post, phrasing.author_or_you(post)).rstrip(".")
                + (f", {age}." if age else ".")
            )
            self._say_post(post, said, with_text=False)
            return ReadOutcome.READ
        header = phrasing.post_header(post, ordinal - 1, total, self._now(), me=self.me())
        kind = forum_phrases.post_kind_note(post)
        if kind:
            header = header.replace(", by ", f", {kind}, by ", 1)
        # The whole post, not the page read first: a note must come before any of it.
        note = (
            None
            if despite_note
            else self._content_note("\n".join(self._engines.render_post.paragraphs(post)))
        )
        if note:
            self._say(f"{header} This post talks about {note}. Read it? Say yes or no.")
            return ReadOutcome.HELD
        if not despite_note and has_hidden_text(post.cooked):
            # Its writer hid part of it, to be seen only by those who choose to: read out
            # unasked, the hidden part was not hidden at all.
            self._say(f"{header} {HIDDEN_TEXT_NOTE}")
            return ReadOutcome.HELD
        # Who the author is on the forum, in one thing and once a topic: more, or before
        # each of their posts, only tires the listener ("who wrote this" says all of it).
        told = post.username in self._authors_told
        about = "" if told else cues.about_author(post, self.group_names.full_name)
        self._authors_told.add(post.username)
        self._say_post(post, f"{header}{about}", with_text=True)
        return ReadOutcome.READ

    def _say_post(self, post: Post, said: str, *, with_text: bool) -> None:
        """Say ``said`` as the header of the post's text — or, not ``with_text``, as all
        there is to say of it (what happened to the topic). Either way it is the post read
        now: "continue", "repeat" and "next paragraph" are about it, not the one before."""
        assert self.thread is not None
        self.finish_hearing()
        self._hearing = (post.topic_id, post.post_number, self._monotonic())
        self.replied_since_reading = False
        left, self._left_part_way = self._left_part_way, None
        match, self._search_match = self._search_match, None
        if with_text:
            start = (
                left[2] if left is not None and left[:2] == (post.topic_id, post.post_number) else 0
            )
            why = ""
            if not start and match == (post.topic_id, post.post_number):
                start = self._paragraph_with(post, self._searched_for)
                why = f"You searched for {self._searched_for}: reading"
            self._read_post(
                said,
                partial(self._engines.render_post.page, post),
                cues.about_post(post),
                start,
                why,
            )
        else:
            self._read_post("", lambda start, words: one_paragraph(said), "", 0, "")
        self._engines.places.set(self.thread.topic.id, self.post_index)

    def _paragraph_with(self, post: Post, query: str) -> int:
        """The first paragraph of ``post`` with a word of ``query`` in it; 0 for none."""
        return _first_with(self._engines.render_post.paragraphs(post), query) or 0

    def finish_hearing(self) -> None:
        """Tell the forum how long the post last read aloud was listened to (the time from
        starting to read it until the person moved on)."""
        if self._hearing is None:
            return
        topic_id, post_number, began = self._hearing
        self._hearing = None
        self._heard_to(topic_id, post_number)
        thread = self.thread
        if self._read_to_end() and thread is not None and thread.topic.id == topic_id:
            # Heard to its end, the post is behind the person: the place to go on from is
            # the one after it (a long post left part-way stays the place).
            self._engines.places.set(topic_id, min(self.post_index + 1, len(thread) - 1))
        # A long post left part-way goes on from there when the topic is opened again.
        left_at = None if self._read_to_end() else self._left_at()
        self._engines.places.set_paragraph(topic_id, post_number, left_at or None)
        if self.topics is not None:
            self.topics = self.as_heard(self.topics)
        elapsed_ms = int((self._monotonic() - began) * 1000)
        self.forum_call(
            lambda: self._engines.forum.record_reading(topic_id, post_number, elapsed_ms),
            quiet=True,
        )

    def marked_read(self, topic_ids: frozenset[int]) -> None:
        """The forum counts these topics read now: the lists heard say so, and say "new" of
        none of them (the forum's lists still call a dismissed topic unseen)."""
        listed: dict[int, Topic | TopicSummary] = {}
        if self.topics is not None:
            listed.update((t.id, t) for t in self.topics.topics)
        if self.thread is not None:  # as it is now, not as listed
            listed[self.thread.topic.id] = self.thread.topic
        for topic_id in topic_ids:
            topic = listed.get(topic_id)
            # Dismissed, a topic new to the person is no longer new; opened, it still starts
            # at its first post, as on the forum (which keeps no reading of it).
            last = 0
            if topic is not None and not (isinstance(topic, TopicSummary) and topic.unseen):
                last = topic.highest_post_number or topic.posts_count
            self._heard_to(topic_id, last)
        if self.topics is not None:
            self.topics = self.as_heard(self.topics)

    def own_reply_posted(self, topic_id: int, post_number: int | None) -> None:
        """The person's reply is on the forum: the topic open and the list heard before count
        it (a reply more, and read), so that "back" does not say the count from before it, as
        if it were lost."""
        if post_number is not None:
            self._heard_to(topic_id, post_number)
            self._own_replies[topic_id] = post_number
        thread = self.thread
        if thread is not None and thread.topic.id == topic_id:
            # "Where am I" counts the reply in the topic's posts, and "next" reaches it.
            forum = self._engines.forum
            self.forum_call(lambda: thread.add_newer(forum.topic(topic_id, fresh=True)), quiet=True)
        if self.topics is None:
            return

        def with_reply(topic: TopicSummary) -> TopicSummary:
            if topic.id != topic_id or not topic.posts_count:  # 0: a search's, not counted
                return topic
            last = topic.highest_post_number or topic.posts_count
            highest = max(last + 1, post_number or 0)
            return replace(topic, posts_count=topic.posts_count + 1, highest_post_number=highest)

        listed = replace(self.topics, topics=tuple(with_reply(t) for t in self.topics.topics))
        self.topics = self.as_heard(listed)

    @property
    def list_heard(self) -> bool:
        """Whether a list (topics, or notifications) has been heard to move through."""
        return self.topics is not None or self.notices is not None

    def own_reply_here(self) -> int | None:
        """The number of the reply the person posted this session in the topic being read
        (the newest), for "read it back" after posting; None when there is none."""
        return self._own_replies.get(self.thread.topic.id) if self.thread is not None else None

    def _heard_to(self, topic_id: int, post_number: int) -> None:
        """Count the topic heard up to ``post_number`` (never less than before; 0: heard
        to no post, but no longer new)."""
        self._heard_up_to[topic_id] = max(post_number, self._heard_up_to.get(topic_id, 0))

    def as_heard(self, topics: TopicList) -> TopicList:
        """``topics`` with what was read aloud this session, the post being read now
        included, counted as read: not new, and unread only after the furthest post heard
        (the forum's own figure when lower)."""
        up_to_post = dict(self._heard_up_to)
        if self._hearing is not None:
            topic_id, post_number, _ = self._hearing
            up_to_post[topic_id] = max(post_number, up_to_post.get(topic_id, 0))

        def heard(topic: TopicSummary) -> TopicSummary:
            up_to = up_to_post.get(topic.id)
            if up_to is None:
                return topic
            # Discourse counts unread by post number (highest minus last read), which
            # deleted posts keep, not by how many posts are left.
            last = topic.highest_post_number or topic.posts_count
            unread = min(topic.unread_posts, max(0, last - up_to))
            return replace(topic, unseen=False, unread_posts=unread)

        return replace(topics, topics=tuple(heard(t) for t in topics.topics))

    def _content_note(self, text: str) -> str | None:
        for pattern in self._notes:
            match = pattern.search(text)
            if match:
                return match.group(0).lower()
        return None

    def step_in_topic(self, delta: int) -> ReadOutcome:
        thread = self.thread
        assert thread is not None
        new_index = self.post_index + delta
        if new_index < 0:
            # A mega topic may have posts before the stretch loaded so far.
            added = self.forum_call(thread.extend_backwards) or 0
            self.post_index += added
            new_index += added
        if new_index < 0:
            self._say("This is the first post. Say next for the one after it.")
            return ReadOutcome.FAILED
        exists = self.forum_call(lambda: thread.exists(new_index))
        if exists is None:
            return ReadOutcome.FAILED
        if not exists and delta > 0 and self._newer_posts(thread):
            exists = bool(self.forum_call(lambda: thread.exists(new_index), quiet=True))
        if not exists:
            back = self._back_to()
            self._say(f"That was the last post. Say reply to answer, or back for {back}.")
            return ReadOutcome.FAILED
        self.post_index = new_index
        return self.read_current()

    def newer_posts(self) -> int:
        """The posts written since the open topic was opened, added to it and told; how
        many (none, with no topic open)."""
        return self._newer_posts(self.thread) if self.thread is not None else 0

    def _newer_posts(self, thread: Thread) -> int:
        """Past the last post: the posts written since the topic was opened (the person's
        own reply among them), added to it and told; how many. Offline, none."""
        forum = self._engines.forum
        added = self.forum_call(
            lambda: thread.add_newer(forum.topic(thread.topic.id, fresh=True)), quiet=True
        )
        if added:
            count = phrasing.count_phrase(added, "new post")
            self._say(f"{count.capitalize()} since you opened this topic.")
        return added or 0

    def go_to_post(self, number: int, *, reply: bool = False) -> ReadOutcome:
        """ "The third post" while reading: post ``number`` of this topic, read (see
        :meth:`find_post`)."""
        index = self.find_post(number, reply=reply)
        if index is None:
            return ReadOutcome.FAILED
        self.post_index = index
        return self.read_current()

    def find_post(self, number: int, *, reply: bool = False) -> int | None:
        """The index of post ``number`` of this topic (as "post 3 of 14" counts them; in a
        mega topic, its post number); ``reply``: "the third reply", the post after the third
        (the first post is no reply). ``None`` when there is none, said why."""
        asked, number = number, number + 1 if reply else number
        thread = self.thread
        assert thread is not None
        if thread.topic.is_mega:
            found = self.forum_attempt(lambda: thread.find_post_number(number))
            if isinstance(found, ForumError):
                return None
            index = found
        else:
            index = number - 1 if 1 <= number <= len(thread) else None
        if index is None:
            total = thread.position(self.post_index)[1]
            what, total = ("reply", total - 1) if reply else ("post", total)
            count = phrasing.count_phrase(total, what)
            self._say(f"There is no {what} {asked} here. This topic has {count}.")
        return index

    def go_to_end_of_topic(self, *, first: bool) -> ReadOutcome:
        """ "First post" (``first``) or "newest post": that post of the topic, read; where
        it is already, said so."""
        thread = self.thread
        assert thread is not None
        current = self.current_post()
        if not first:
            # The newest may have been written since the topic was opened (the person's own
            # reply just posted, most often): it was skipped for the one before it.
            self._newer_posts(thread)
        # By its number: fetching a mega topic's end may renumber the indexes.
        index = self.forum_call(thread.first_index if first else thread.last_index)
        if index is None:
            return ReadOutcome.FAILED
        if current is not None and thread.index_of_post_number(current.post_number) == index:
            if first:
                # "First post" in a long first post said "This is the first post" and did
                # nothing: the way back to its start was "read", which nothing named.
                self._say("This is the first post. From its start:")
                return self.read_current()
            self._say("This is the newest post. To hear it again, say read.")
            return ReadOutcome.FAILED
        self.post_index = index
        return self.read_current()

    def plan_vote(self, number: int | None, noted: PollVote | None = None) -> PollVote | None:
        """The vote "vote for choice ``number``" asks for in the current post (``None``:
        "remove my vote"), with choices ``noted`` before; ``None`` after saying why there
        is none."""
        post = self.current_post()
        if post is None:
            return None
        unusable = account_unusable(self._engines.forum)
        if unusable is not None:
            self._say(unusable)
            return None
        archived = self.topic is not None and self.topic.archived
        planned = plan_vote(post, number, archived=archived, noted=noted)
        if isinstance(planned, str):
            self._say(planned)
            return None
        return planned

    def vote(self, vote: PollVote) -> None:
        """Cast ``vote`` or take it back (the person said yes) and say it was counted."""
        forum = self._engines.forum
        sent = self.forum_call(
            lambda: (forum.vote(vote.post_id, vote.poll, vote.choices, vote.ranks),)
        )
        if sent is None:
            return
        (tally,) = sent
        if tally is not None and self.thread is not None:
            # Read again, the post says the new counts and "your vote".
            self.thread.update_poll(vote.post_id, tally)
        self._say(after_vote(vote, tally))

    def notifications(self, heard_before: bool = False) -> tuple[Notification, ...]:
        """Read a round of notifications aloud (see :class:`NotificationRounds`); those
        heard, numbered as said, become the list "open" goes through. The ones heard."""
        return self._as_notice_list(self.rounds.read(heard_before))

    def mentions(self) -> tuple[Notification, ...]:
        """Read the newest mentions of the person aloud; those heard become the list "open"
        goes through, as notifications do. The ones heard."""
        return self._as_notice_list(self.rounds.read_mentions())

    def _as_notice_list(self, heard: tuple[Notification, ...]) -> tuple[Notification, ...]:
        if heard:
            self.notices = NoticeList(heard)
            self._notices_over_topic = self.thread is not None
            self.shown += 1
        return heard

    def where(self) -> str:
        if self.thread is not None:
            ordinal, total = self.thread.position(self.post_index)
            return f"You are reading {self.thread.topic.title}, post {ordinal} of {total}."
        if self.notices is not None:
            return self.notices.where()
        if self.topics is not None and self.topics.topics:
            more = " or more" if self.topics.has_more and self._next_pages else ""
            return (
                f"You are in {self._list_name}, on topic {self.place.index + 1} of "
                f"{len(self.topics.topics)}{more}: "
                f"{as_sentence(self.topics.topics[self.place.index].title)}"
            )
        if self._engines.places.last_topic() is not None:
            # After a restart the greeting offers "resume": so does this.
            return (
                "You are at the start. Say resume to go back to where you were, or latest topics."
            )
        return "You are at the start. Say latest topics."

    def reopen_last_topic(self) -> ReadOutcome | None:
        """The topic read last, at its saved post (also after a restart); ``None`` when no
        topic has been read yet."""
        topic_id = self._engines.places.last_topic()
        return None if topic_id is None else self.open_topic(topic_id)

    def close_topic(self) -> None:
        self.finish_hearing()
        self.thread = None

    def back_to_list(self) -> None:
        """ "back": the topic (or the person's own list) is left for the list it came from."""
        self.close_topic()
        if self._notices_over_topic and self.topics is not None:
            # Heard while reading, the notifications were a look aside, not a list left.
            self.notices, self._notices_over_topic = None, False
        self._say(f"Back to {self._back_to()}. " + self.current_list_line())

    def after_post(self) -> str:
        """What can be done at the end of the post being read: at the topic's last, no
        "next" (it would only say that was the last post)."""
        if self.thread is None or self.post_index + 1 < len(self.thread):
            return NEXT_OR_REPLY
        return f"It is the last post. Say reply to answer it, or back for {self._back_to()}."

    def left_in_list(self) -> str | None:
        """ "How much is left" at a topic list: how many of its topics the person has not
        heard yet, and whether the forum has more after them; None with no topic list."""
        topics = self.topics
        if self.notices is not None or topics is None or not topics.topics:
            return None
        count = len(topics.topics)
        heard = max(self.place.heard, self.place.index + 1)
        item = "conversation" if self._list_name == MESSAGES_LIST else "topic"
        more = topics.has_more and self._next_pages is not None
        if heard >= count and not more:
            return f"You have heard all {count} {item}s in this list. {phrasing.OPEN_PROMPT}"
        if heard >= count:
            return f"You have heard all {count} {item}s so far; the forum has more. Say next."
        left = phrasing.count_phrase(count - heard, f"more {item}")
        after = ", and the forum has more after them" if more else ""
        return f"{left} after the {heard} you have heard{after}. Say next to hear them."

    def list_opened_from(self) -> str | None:
        """What the list "open" and a number takes from is called ("your notifications",
        "the topic list"); None when there is none yet."""
        if self.notices is not None:
            return "your notifications"
        return self._list_name if self.topics is not None else None

    def _back_to(self) -> str:
        """The list "back" goes to from the topic: the one it was opened from."""
        looked_aside = self._notices_over_topic and self.topics is not None
        return (
            "your notifications"
            if self.notices is not None and not looked_aside
            else self._list_name
        )

    # --- forum access -------------------------------------------------------------------

    def category_name(self, category_id: int | None) -> str | None:
        """A category's name, with its parent's for a subcategory."""
        category = self.category(category_id)
        if category is None:
            return None
        parent = self.category(category.parent_category_id)
        return forum_phrases.category_phrase(category, parent)

    def category(self, category_id: int | None) -> Category | None:
        if category_id is None:
            return None
        if self._categories is None:
            found = self.forum_call(lambda: self._engines.forum.categories(), quiet=True)
            if found is None:
                return None  # try again next time rather than remember a failure
            self._categories = {c.id: c for c in found}
        return self._categories.get(category_id)

    def me(self) -> str | None:
        """The person's username on the forum; None for a visitor, or when the forum could
        not say (mostly known from the account's connection without asking)."""
        peer = self._engines.peer
        if peer is None or not self._engines.forum.signed_in:
            return None
        if not self._me_asked:
            self._me, self._me_asked = self.forum_call(peer.username, quiet=True), True
        return self._me

    def forum_call(self, call: Callable[[], T], *, quiet: bool = False) -> T | None:
        """Run a forum request; on failure say what happened and what to do, give None."""
        result = self.forum_attempt(call, quiet=quiet)
        return None if isinstance(result, ForumError) else result

    def forum_attempt(self, call: Callable[[], T], *, quiet: bool = False) -> T | ForumError:
        """:meth:`forum_call` giving the error (already said) instead of None, for a caller
        that goes on differently after some errors."""
        try:
            return call()
        except ForumError as error:
            log.warning("forum request failed: %s", type(error).__name__)
            if not quiet:
                line = self._failure_line(error, say_error(error))
                if line:
                    self._say(line)
            return error

    def forum_do(self, call: Callable[[], object]) -> bool:
        """Run a forum request that has no result; False (after saying why) when it failed."""
        return self.forum_call(lambda: call() or True) is not None


def _first_with(paragraphs: Sequence[str], query: str) -> int | None:
    """The first of ``paragraphs`` with a word of ``query`` in it (or a word beginning
    with one, as the forum finds them); None for none."""
    words = [re.escape(w) for w in query.lower().split() if len(w) >= MIN_SEARCHED_LETTERS]
    if not words:
        return None
    found = re.compile(rf"\b(?:{'|'.join(words)})", re.IGNORECASE)
    return next((i for i, text in enumerate(paragraphs) if found.search(text)), None)


def _without_starter(topics: TopicList) -> TopicList:
    """``topics`` without who started each: in the person's own list it is always them."""
    return replace(topics, topics=tuple(replace(t, created_by=None) for t in topics.topics))


def _words(topics: TopicList, item: str) -> ListWords:
    """What the topic list says as the person goes through it (its ``item``s: topics, or
    conversations): a list with further pages on the forum has no end to tell yet."""
    more = phrasing.more_prompt(topics)
    return ListWords(
        more=more,
        end=more if topics.has_more else f"That is the end of the list. {phrasing.OPEN_PROMPT}",
        last="That is the end of the list.",
        first=f"This is the first {item}.",
        opens="Say read to open it.",
    )
