"""Words the forum censors are hidden in titles, as Discourse's own web page hides them: its
JSON sends titles as written, with the censoring expressions in /site.json."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest

from voicepeer.errors import ForumResponseError
from voicepeer.forum.base import NewReply, NewTopic
from voicepeer.forum.censored_titles import CensoredWords
from voicepeer.forum.peer import DiscoursePeer

from .conftest import RunningForum, StartForum

# As WordWatcher.serialized_regexps_for_action(:censor, engine: :js) sends them.
WORDS = CensoredWords.from_site(
    {
        "censored_regexp": [
            {r"(?:\P{L}|^)(darn|h\S*ck)(?=\P{L}|$)": {"case_sensitive": False}},
            {r"(?:\P{L}|^)(MS Crud)(?=\P{L}|$)": {"case_sensitive": True}},
        ]
    }
)
TITLE = "Those darn stairs at the new clinic"


@pytest.mark.parametrize(
    ("title", "heard"),
    [
        ("Darn these stairs", "censored these stairs"),
        ("Stairs (darn!) again", "Stairs (censored!) again"),
        ("Hiccuck, or heck", "censored, or censored"),
        # A whole word is one with no letter beside it: digits do not join it, as in the
        # browser's \P{L}, though they would in a word boundary.
        ("darn2 and 2darn", "censored2 and 2censored"),
        ("darned, undarn, édarn", "darned, undarn, édarn"),
        ("MS Crud or ms crud", "censored or ms crud"),  # that one is case-sensitive
    ],
)
def test_a_censored_word_is_hidden_as_the_web_page_hides_it(title: str, heard: str) -> None:
    assert WORDS(title) == heard


def test_what_cannot_be_read_is_left_out_and_the_rest_kept(
    caplog: pytest.LogCaptureFixture,
) -> None:
    site = {
        "censored_regexp": [
            {"(unclosed": {"case_sensitive": False}},
            "not an object",
            {r"(?:\P{L}|^)(darn)(?=\P{L}|$)": "no options"},
        ]
    }
    with caplog.at_level(logging.WARNING):
        words = CensoredWords.from_site(site)
    assert words("A darn day") == "A censored day"
    assert "unreadable" in caplog.text
    shapes: list[object] = [None, [], {"censored_regexp": None}, {"censored_regexp": {"a": 1}}]
    for shape in shapes:
        assert CensoredWords.from_site(shape)("A darn day") == "A darn day"


def test_an_expression_that_runs_away_leaves_the_title_as_it_is(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # A moderator may write expressions of their own (watched_words_regular_expressions).
    words = CensoredWords.from_site({"censored_regexp": [{"((a|aa)+$)": {}}]})
    title = "a" * 60 + "!"
    with caplog.at_level(logging.WARNING):
        assert words(title) == title
    assert "too long" in caplog.text


def test_titles_read_aloud_hide_the_words_and_the_own_topic_is_still_found(
    start_forum: StartForum,
) -> None:
    running = start_forum(censored_words=("darn",))
    client = running.client("sam")
    client.create_topic(NewTopic(1, TITLE, "Any tips for the darn climb up to the clinic?"))
    asked: list[str] = []
    client.http.on_request(lambda method, path: asked.append(path))
    listed = next(t for t in client.latest().topics if "stairs" in t.title)
    assert listed.title == "Those censored stairs at the new clinic"
    assert client.topic(listed.id).title == listed.title
    hits = client.search("stairs clinic").hits
    assert [h.topic_title for h in hits] == [listed.title]
    assert "the censored climb" in hits[0].excerpt  # the forum's squares, said as a word
    mine = client.find_own_topic(TITLE, private=False, since=datetime.now(UTC))
    assert mine is not None and mine.topic_id == listed.id  # a resend is never doubled
    assert asked.count("/site.json") == 1

    running.client("demo").create_post(NewReply(listed.id, "Take the lift, and rest on the way."))
    replied = [n for n in client.notifications().newest if n.topic_id == listed.id]
    assert replied and replied[0].topic_title == listed.title
    peer = DiscoursePeer(client)
    peer.add_bookmark(client.topic(listed.id).loaded_posts[0].id)
    assert [b.title for b in peer.bookmarks()] == [listed.title]


def test_the_words_are_asked_for_only_once_the_forum_answers(forum: RunningForum) -> None:
    client = forum.client()
    asked: list[str] = []
    client.http.on_request(lambda method, path: asked.append(path))
    forum.server.faults.fail_next(10, 503, path="/latest.json")
    with pytest.raises(ForumResponseError, match="503"):
        client.latest()
    assert "/site.json" not in asked  # a forum in trouble is not asked for more
    forum.server.faults.clear()
    client.latest()
    assert asked[-1] == "/site.json"


def test_a_busy_forum_costs_no_wait_for_the_words(start_forum: StartForum) -> None:
    running = start_forum(admin_api_key_requests_per_minute=1)
    waits: list[float] = []
    client = running.client(sleep=waits.append)
    client.on_wait(waits.append)
    assert client.latest().topics  # its words refused for now: titles as sent
    assert waits == []
