"""Past a topic's last post, "next" looks for posts written since it was opened (someone
else's, or the person's own reply) and reads them on, through the real voice loop over
loopback HTTP."""

from __future__ import annotations

from pathlib import Path

from tests.support.conversation import converse
from tests.support.members import keyed_forum, post_reply, signed_in
from voicepeer.demo_forum import DemoForum
from voicepeer.demo_forum.seed_reading import seed_topic_with_gaps

WELCOME = "Hello from a new member"
PIER = "Walked to the end of the pier today"
LAST = "That was the last post. Say reply to answer, or back for your unread topics."


def welcome_id(forum: DemoForum) -> int:
    row = forum.store.one("SELECT id FROM topics WHERE title = ?", (WELCOME,))
    assert row is not None
    return int(row["id"])


def test_a_reply_written_meanwhile_is_read_on(forum: DemoForum, data: Path) -> None:
    topic_id = welcome_id(forum)
    words = "Checking back in: how was your first week with the voice assistant?"
    lines = ["unread topics", "open topic one", "next", "next", "next", "next"]
    talk = converse(
        forum.base_url,
        lines,
        data,
        credentials=signed_in(forum),
        before_line={4: lambda: post_reply(forum, "mei", words, topic_id)},
    )
    assert talk.said[-5].startswith("Post 3 of 3, by Priya Nair")
    assert talk.said[-4] == LAST  # nothing new yet: asked the forum, and said so
    assert talk.said[-3] == "1 new post since you opened this topic."
    assert talk.said[-2] == f"Post 4 of 4, by Mei Lin, just now. {words}"
    assert talk.said[-1] == LAST


def test_the_persons_own_reply_is_there_after_posting(forum: DemoForum, data: Path) -> None:
    lines = [
        "unread topics",
        "open topic one",
        "next",
        "reply",
        "thank you Priya I will have a look at the fatigue thread",
        "send it",
        "yes",
        "where am I",
        "next",
        "who else replied",
    ]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    # Counted in the topic as soon as it is posted, not as news when reached.
    assert talk.said[-3] == f"You are reading {WELCOME}, post 3 of 4."
    assert talk.said[-2] == (
        "Post 4 of 4, by you, just now, replying to Priya Nair. Thank you Priya I will "
        "have a look at the fatigue thread."
    )
    # The topic as the forum sends it now: who wrote in it counts the reply too.
    assert talk.said[-1] == (
        "You started this topic and wrote 1 more post. Replies from Sam Okafor and Priya Nair."
    )


def test_newest_post_after_replying_is_the_reply(forum: DemoForum, data: Path) -> None:
    # "Newest post" went to the post before the reply just posted.
    words = "great effort dave you should be proud"
    lines = ["open topic one", "reply", words, "send it", "yes", "newest post", "newest post"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-3:] == [
        f"Your reply to {PIER} is posted.",
        "Post 5 of 5, by you, just now. Great effort Dave you should be proud.",
        "This is the newest post. To hear it again, say read.",
    ]


def test_a_mega_topic_reads_on_from_its_newest(tmp_path: Path, data: Path) -> None:
    with keyed_forum(tmp_path / "mega.sqlite3", mega_topic_posts_count=50) as forum:
        topic_id = seed_topic_with_gaps(forum.store, 60, title="A long chat about pacing")
        words = "Late to this, but a short walk before lunch helps me most days."
        lines = ["search for pacing", "open topic one", "newest post", "next"]
        talk = converse(
            forum.base_url,
            lines,
            data,
            credentials=signed_in(forum),
            before_line={3: lambda: post_reply(forum, "dave", words, topic_id)},
        )
    assert talk.said[-3].startswith("Post 60 of 60")
    assert talk.said[-2] == "1 new post since you opened this topic."
    assert talk.said[-1].startswith("Post 61 of 61, by Dave Whitfield, just now.")


def test_last_post_goes_to_the_newest_not_back_one(forum: DemoForum, data: Path) -> None:
    # "Last post" at post 2 went back to post 1: "last" alone means "previous".
    talk = converse(forum.base_url, ["open topic one", "next", "last post", "last one"], data)
    assert talk.said[-2].startswith("Post 4 of 4, by Ruth Adeyemi")
    assert talk.said[-1].startswith("Post 3 of 4, by Sam Okafor")


def test_read_it_back_after_posting_reads_the_reply_as_posted(forum: DemoForum, data: Path) -> None:
    # "Read it back does nothing here": the person could not hear what went out.
    words = "great effort dave you should be proud"
    lines = ["open topic one", "reply", words, "send it", "yes", "read it back"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-1] == "Post 5 of 5, by you, just now. Great effort Dave you should be proud."
    # Where nothing was posted, it still says where it works.
    other = converse(forum.base_url, ["open topic two", "read it back"], data / "other")
    assert other.said[-1].startswith("Read it back does nothing here.")
