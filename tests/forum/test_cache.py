from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from voicepeer.forum.base import Category, Participant, Post, Topic, TopicList, TopicSummary
from voicepeer.forum.cache import ReadingCache
from voicepeer.speech.text.polls import PollTally, RankedOutcome
from voicepeer.voice.phrasing import saved_phrase

NOW = datetime(2026, 3, 12, 15, 40, tzinfo=UTC)  # a Thursday


def test_saved_phrase_reads_naturally() -> None:
    assert saved_phrase(NOW - timedelta(seconds=30), NOW) == "saved a moment ago"
    assert saved_phrase(NOW - timedelta(minutes=25), NOW) == "saved 25 minutes ago"
    assert saved_phrase(NOW.replace(hour=9, minute=15), NOW) == (
        "saved today at 9:15 in the morning"
    )
    assert saved_phrase(NOW - timedelta(days=1, hours=-4), NOW) == (
        "saved yesterday at 7:40 in the evening"
    )
    assert saved_phrase(NOW - timedelta(days=3), NOW) == (
        "saved on Monday at 3:40 in the afternoon"
    )
    assert saved_phrase(datetime(2026, 2, 1, 12, 0, tzinfo=UTC), NOW) == (
        "saved on Sunday 1 February"
    )


def test_saved_phrase_uses_the_listeners_time_zone() -> None:
    paris = timezone(timedelta(hours=1))
    assert saved_phrase(NOW.replace(hour=8, minute=0), NOW.astimezone(paris)) == (
        "saved today at 9 o'clock in the morning"
    )


def _topic() -> Topic:
    post = Post(
        id=11,
        topic_id=3,
        post_number=1,
        username="anne",
        cooked="<p>Héllo 😀</p>",
        created_at=NOW,
        reply_to_post_number=None,
        polls=(
            PollTally("poll", voters=2, votes=(("a1", 2), ("b2", 0)), mine=frozenset({"a1"})),
            PollTally("later", voters=5, votes=None, closed=True),
            PollTally(
                "drinks",
                voters=2,
                votes=(("t1", 2), ("c2", 2)),
                choices=(("t1", "Tea"), ("c2", "Coffee")),
                ranks=(("c2", 1), ("t1", 2)),
                outcome=RankedOutcome(rounds=1, winner=None, tied=("Tea", "Coffee")),
            ),
            PollTally("won", voters=1, outcome=RankedOutcome(rounds=1, winner="Tea")),
        ),
    )
    return Topic(
        id=3,
        title="Heat & fatigue",
        slug="heat-fatigue",
        posts_count=3,
        post_ids=(11, 12, 13),
        loaded_posts=(post,),
        category_id=2,
        created_by="anne",
        participants=(Participant("anne", "Anne Ó", 2), Participant("bo")),
        participant_count=2,
    )


def test_cached_records_come_back_with_saved_at(tmp_path: Path) -> None:
    cache = ReadingCache(tmp_path / "c.sqlite3")
    listing = TopicList(
        topics=(TopicSummary(id=3, title="Heat", slug="heat", posts_count=3, bumped_at=NOW),),
        page=0,
        has_more=True,
    )
    cache.put("latest:0", listing)
    cache.put("topic-3", _topic())
    cache.put("categories", (Category(id=2, name="Fatigue", slug="fatigue"),))
    reopened = ReadingCache(tmp_path / "c.sqlite3")
    got_list = reopened.get("latest:0")
    assert isinstance(got_list, TopicList)
    assert got_list.topics == listing.topics
    assert got_list.saved_at is not None
    got_topic = reopened.get("topic-3")
    assert isinstance(got_topic, Topic)
    assert got_topic.loaded_posts == _topic().loaded_posts
    assert got_topic.participants == _topic().participants
    assert got_topic.post_ids == (11, 12, 13)
    assert reopened.get("categories") == (Category(id=2, name="Fatigue", slug="fatigue"),)
    assert reopened.get("nothing") is None


def test_later_posts_are_merged_into_the_cached_topic(tmp_path: Path) -> None:
    cache = ReadingCache(tmp_path / "c.sqlite3")
    cache.put("topic-3", _topic())
    later = Post(id=13, topic_id=3, post_number=3, username="bo", cooked="<p>Third</p>")
    cache.merge_posts("topic-3", (later,))
    got = cache.get("topic-3")
    assert isinstance(got, Topic)
    assert [p.id for p in got.loaded_posts] == [11, 13]


def test_cache_keeps_only_the_most_recent_entries(tmp_path: Path) -> None:
    cache = ReadingCache(tmp_path / "c.sqlite3", max_entries=10)
    for n in range(15):
        cache.put(f"latest:{n}", TopicList(topics=(), page=n))
    kept = [n for n in range(15) if cache.get(f"latest:{n}") is not None]
    assert len(kept) == 10
