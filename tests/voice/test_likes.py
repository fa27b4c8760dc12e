"""Liking a post and taking a like back, signed in: the post says whether the forum would take
either (as its own page greys the button), so the person is never asked for a yes that cannot
count, and each is made only after a clear yes."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.support.conversation import converse
from tests.support.members import (
    backdate_likes,
    keyed_forum,
    like,
    member_headers,
    posted,
    signed_in,
)
from tests.support.transports import DropAfterSending
from tests.voice.test_assistant import first_topic_id, topic_posts
from voicepeer.demo_forum import DemoForum
from voicepeer.voice.error_phrases import (
    ALREADY_LIKED,
    LIKE_REFUSED,
    NOT_LIKED,
    UNLIKE_REFUSED,
    not_signed_in,
)
from voicepeer.voice.likes import likes_used_up
from voicepeer.voice.settings import VoiceSettings

ASKED = "Like this post by Dave Whitfield? Say yes or no."


def first_post_likes(forum: DemoForum) -> int:
    url = f"{forum.base_url}/t/{first_topic_id(forum)}.json"
    posts = httpx.get(url).json()["post_stream"]["posts"]
    like: dict[str, int] = next((a for a in posts[0]["actions_summary"] if a["id"] == 2), {})
    return int(like.get("count", 0))


def test_a_post_liked_already_is_said_so_without_asking_again(forum: DemoForum, data: Path) -> None:
    lines = ["open topic one", "like this post", "yes", "like this post"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-3:] == [ASKED, "You liked this post by Dave Whitfield.", ALREADY_LIKED]
    assert first_post_likes(forum) == 1
    # In a later session the post, read again, says the same.
    lines = ["open topic one", "post one", "like this post"]  # opened, it goes on after it
    again = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert again.said[-1] == ALREADY_LIKED and ASKED not in again.said


def test_a_post_named_by_its_number_is_moved_to_then_asked_about(
    forum: DemoForum, data: Path
) -> None:
    # "Like the first post" at post 3 was asked about as the post being read, and a yes
    # liked post 3.
    lines = ["open topic one", "post three", "like the first post", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-3:] == [
        "Post 1 of 4, by Dave Whitfield.",
        ASKED,
        "You liked this post by Dave Whitfield.",
    ]
    assert first_post_likes(forum) == 1
    lines = ["open topic one", "like post nine"]
    missing = converse(forum.base_url, lines, data / "again", credentials=signed_in(forum))
    assert missing.said[-1].startswith("There is no post 9 here.")


def test_help_over_the_question_asks_it_again(forum: DemoForum, data: Path) -> None:
    # Help listed "yes, no, repeat" and left out what yes would answer.
    lines = ["open topic one", "like this post", "help", "help", "no"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    again = "Like this post by Dave Whitfield? Please say yes or no."
    assert talk.said[-3].startswith("You can say: yes, no") and talk.said[-3].endswith(again)
    assert talk.said[-2].startswith("You can also say these.") and talk.said[-2].endswith(again)
    assert first_post_likes(forum) == 0


def test_a_command_said_over_the_question_is_named_as_not_done(
    forum: DemoForum, data: Path
) -> None:
    # "Open topic three" over "Like this post by …?" was dropped unsaid: a yes after it
    # could seem to answer it. "Like it" is the question's own matter: asked again as before.
    # "Three", another post meant, was asked again plainly, and a yes liked this one.
    lines = ["open topic one", "like this post", "like it", "open topic three", "three", "no"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    again = "Like this post by Dave Whitfield? Please say yes or no."
    assert talk.said[-4:] == [
        again,
        f"Please answer this first, then say that again. {again}",
        f"Please answer this first, then say that again. {again}",
        "Not liked.",
    ]
    assert first_post_likes(forum) == 0


def test_ones_own_post_is_not_asked_about(forum: DemoForum, data: Path) -> None:
    talk = converse(
        forum.base_url,
        ["open topic one", "like this post"],
        data,
        credentials=signed_in(forum, "dave"),  # Dave Whitfield, who wrote its first post
        settings=VoiceSettings(greeting=False, unread_first=False),
    )
    assert talk.said[-1] == LIKE_REFUSED
    assert first_post_likes(forum) == 0


def test_an_archived_topic_says_it_takes_no_more_likes(forum: DemoForum, data: Path) -> None:
    archived = httpx.put(
        f"{forum.base_url}/t/{first_topic_id(forum)}/status.json",
        headers=member_headers("ruth"),
        json={"status": "archived", "enabled": "true"},
    )
    assert archived.status_code == 200, archived.text
    lines = ["open topic one", "like this post", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert "This topic is archived, so its posts take no more likes." in talk.said
    assert ASKED not in talk.said
    assert first_post_likes(forum) == 0


TAKE_BACK = "Take back your like of this post by Dave Whitfield? Say yes or no."


def test_a_like_is_taken_back_only_after_yes(forum: DemoForum, data: Path) -> None:
    lines = [
        "open topic one",
        "like this post",
        "yes",
        "remove my like",
        "what",  # unclear: asked again, nothing done
        "no",
        "remove my like",
        "yes",
        "remove my like",  # none left: said at once
    ]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-6:] == [
        TAKE_BACK,
        "Take back your like of this post by Dave Whitfield? Please say yes or no.",
        "Your like stays.",
        TAKE_BACK,
        "Your like of this post by Dave Whitfield is taken back.",
        NOT_LIKED,
    ]
    assert first_post_likes(forum) == 0


def test_after_the_forums_few_minutes_a_like_is_said_to_stay(forum: DemoForum, data: Path) -> None:
    converse(
        forum.base_url,
        ["open topic one", "like this post", "yes"],
        data,
        credentials=signed_in(forum),
    )
    backdate_likes(forum, 11)  # post_undo_action_window_mins (10) have passed
    lines = ["open topic one", "post one", "remove my like"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-1] == UNLIKE_REFUSED
    assert first_post_likes(forum) == 1


def test_a_like_taken_back_elsewhere_meanwhile_is_said_so(forum: DemoForum, data: Path) -> None:
    # The post said "liked" when asked; by the yes the like was gone (the forum's own page).
    def take_back_on_the_web() -> None:
        post_id = topic_posts(forum, first_topic_id(forum))[0]["id"]
        httpx.request(
            "DELETE",
            f"{forum.base_url}/post_actions/{post_id}.json",
            headers=member_headers("demo"),
            json={"post_action_type_id": 2},
        ).raise_for_status()

    talk = converse(
        forum.base_url,
        ["open topic one", "like this post", "yes", "remove my like", "yes"],
        data,
        credentials=signed_in(forum),
        before_line={4: take_back_on_the_web},
    )
    assert talk.said[-2:] == [TAKE_BACK, NOT_LIKED]
    assert first_post_likes(forum) == 0


def test_read_anonymously_a_like_is_refused_before_any_question(
    forum: DemoForum, data: Path
) -> None:
    # Without an account no like can be given (a stock forum, the demo forum too, refuses
    # it after the yes, as it would a reply, which voicepeer refuses at once): said at
    # once, as for a reply.
    lines = ["open topic one", "remove my like", "like this post", "yes"]
    talk = converse(forum.base_url, lines, data)
    assert talk.said[-3:-1] == [not_signed_in(), not_signed_in()]
    assert talk.said[-1].startswith("No question is waiting for an answer.")
    assert first_post_likes(forum) == 0


def test_the_days_likes_are_counted_down_and_then_refused_without_a_question(
    tmp_path: Path, data: Path, member_limits: None
) -> None:
    # The forum's own limits (here 3 likes a day): each like's answer says how many are left.
    with keyed_forum(tmp_path / "limited.sqlite3", max_likes_per_day=3) as forum:
        like_next = ["next post", "like this post", "yes"]
        lines = ["open topic one", "like this post", "yes", *like_next * 3, *like_next[:2]]
        talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    liked = [line for line in talk.said if line.startswith("You liked this post")]
    assert len(liked) == 3
    assert liked[0].endswith("Whitfield.")  # two left: nothing more said
    assert liked[1].endswith("You have 1 like left for today.")
    assert liked[2].endswith("That was your last like for today: the forum allows 3 in a day.")
    # The fourth is asked (the forum decides), refused for the day, and not made.
    used_up = likes_used_up(24 * 3600)
    assert talk.said.count(used_up) == 2
    # The fifth is answered at once: no question whose yes could not count.
    assert talk.said[-1] == used_up
    assert talk.said[-4] == "Like this post by Ruth Adeyemi? Say yes or no."
    assert talk.said[-3] == used_up
    assert talk.said[-2].startswith("That was the last post.")


def test_a_like_whose_answer_was_lost_is_said_unsure_and_never_given_twice(
    forum: DemoForum, data: Path
) -> None:
    talk = converse(
        forum.base_url,
        ["open topic one", "like this post", "yes", "like this post", "yes"],
        data,
        credentials=signed_in(forum),
        transport=DropAfterSending("POST", r"^/post_actions\.json$"),
    )
    unsure = (
        "The connection broke before the forum answered, so I am not sure it was done. "
        "Please say it again to make sure; the forum will not do it twice."
    )
    # Not known to be liked, so asked again; every answer here is lost, the second one
    # being the forum's "already done".
    assert talk.said[-4:] == [ASKED, unsure, ASKED, unsure]
    assert first_post_likes(forum) == 1


def test_a_like_the_forum_failed_on_is_not_said_lost_on_the_way(
    forum: DemoForum, data: Path
) -> None:
    # A 503 was told as "The connection broke before the forum answered".
    talk = converse(
        forum.base_url,
        ["open topic one", "like this post", "yes", "like this post", "yes"],
        data,
        credentials=signed_in(forum),
        before_line={2: lambda: forum.faults.fail_next(1, 503, path="/post_actions.json")},
    )
    failed = (
        "The forum had a problem with that, so I am not sure it was done. Please say it "
        "again in a little while to make sure; the forum will not do it twice."
    )
    assert talk.said[-4:-2] == [ASKED, failed], talk.transcript
    assert talk.said[-1].startswith("You liked this post"), talk.transcript
    assert first_post_likes(forum) == 1


def test_one_members_many_likes_are_heard_as_one_notification(forum: DemoForum, data: Path) -> None:
    # A stock forum gathers one liker's fourth like within two hours into one notification.
    texts = ("Pacing helps me most.", "Cool showers help.", "Naps after lunch.", "Short walks.")
    for topic_id, text in enumerate(texts, start=1):
        like(forum, "sam", posted(forum, "demo", {"topic_id": topic_id, "raw": text * 2})["id"])
    talk = converse(forum.base_url, ["notifications"], data, credentials=signed_in(forum))
    assert "sam liked 4 of your posts." in talk.said[1], talk.said
    assert not any("sam liked your post" in line for line in talk.said)
