"""Saved drafts by voice against the real demo forum over loopback: "my drafts" lists what
was written and not sent, in later sessions too, and "open N" goes on with it where it was
being written; a draft whose topic or person is gone keeps its words and goes elsewhere.
Nothing is sent without the usual yes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from tests.support.conversation import converse
from tests.support.members import as_member, keyed_forum, signed_in
from tests.voice.test_closed_topics import (
    SAVED,
    close_topic_one,
    position_of_topic_one,
    put_a_reply_aside,
)
from voicepeer.demo_forum import DemoForum
from voicepeer.demo_forum.seed_reading import keep_topics_to_staff
from voicepeer.forum.drafts import DraftStore
from voicepeer.speech.text.sentences import as_sentence
from voicepeer.voice.settings import VoiceSettings
from voicepeer.voice.states import State

TITLE = "Tips for sleeping in the heat"
FIRST_POST = "a fan by the bed helps me"
MESSAGE = "would you like to meet for lunch next week"


def put_a_new_topic_aside(forum: DemoForum, data: Path) -> str:
    """Starts a new topic in the first category, titled and with words, and puts it aside;
    returns the category's name."""
    talk = converse(
        forum.base_url,
        ["latest topics", "new topic", "number one", TITLE, FIRST_POST, "cancel"],
        data,
        credentials=signed_in(forum),
    )
    assert talk.said[-1].startswith("New topic put aside. It is saved")
    opening = next(line for line in talk.said if line.startswith("A new topic in "))
    return opening.removeprefix("A new topic in ").split(".")[0]


def put_a_message_to_jo_aside(forum: DemoForum, data: Path) -> None:
    talk = converse(
        forum.base_url,
        ["message jo", "yes", "lunch", MESSAGE, "cancel"],
        data,
        credentials=signed_in(forum),
    )
    assert talk.said[-1].startswith("Message put aside. It is saved")


def posts_of_topic_one(forum: DemoForum) -> list[dict[str, Any]]:
    return list(as_member(forum, "/t/1.json")["post_stream"]["posts"])


def test_drafts_from_earlier_sessions_are_listed_and_each_goes_on_where_it_was(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        put_a_reply_aside(forum, data)
        category = put_a_new_topic_aside(forum, data)
        topic_one = as_member(forum, "/t/1.json")["title"]
        replies_before = len(posts_of_topic_one(forum))
        talk = converse(
            forum.base_url,
            ["my drafts", "where am i", "help", "next", "next", "open two", "send it", "yes"],
            data,
            credentials=signed_in(forum),
        )
        replied = posts_of_topic_one(forum)
        then = converse(
            forum.base_url,
            ["my drafts", "read", "send it", "yes", "how many drafts do I have"],
            data,
            credentials=signed_in(forum),
        )
        latest = httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"]
    listing = talk.said[0]
    # The latest first: the new topic was put aside after the reply.
    assert listing.startswith(
        f"You have 2 saved drafts, the latest first. One: your new topic, titled {TITLE}, in "
        f"{category}, saved just now: A fan by the bed helps me. Two: your reply to "
        f"{topic_one}, saved just now: {SAVED}. Say open and a number"
    ), listing
    assert talk.said[1] == (
        f"You are in your saved drafts, on 1 of 2: your new topic, titled {TITLE}, in {category}."
    )
    assert "next" in talk.said[2] and "open and a number" in talk.said[2]
    assert talk.said[3].startswith(f"Two: your reply to {topic_one}, saved just now")
    assert talk.said[4] == "That is the last draft."
    assert talk.said[5].startswith(
        f"You have a saved reply to {as_sentence(topic_one)} It says: {SAVED}"
    )
    assert len(replied) == replies_before + 1
    assert (
        replied[-1]["username"] == "demo" and "Cold showers help me most" in replied[-1]["cooked"]
    )
    # What was sent has left the drafts; the new topic is still there, and goes on.
    assert then.said[0].startswith("You have 1 saved draft. One: your new topic")
    assert then.said[1].startswith(
        f"You have a saved new topic in {category}, titled {TITLE}. It says:"
    )
    assert f"It will appear publicly, in {category}" in then.said[2]
    assert then.said[3] == f"Your new topic, {TITLE}, is posted."
    assert then.said[4] == (
        "You have no saved drafts. Whatever you write is saved as you go, until it is sent."
    )
    assert then.assistant is not None and then.assistant.state is State.BROWSING
    assert TITLE in [t["title"] for t in latest]


def test_open_the_last_one_takes_up_the_last_draft_heard(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        put_a_reply_aside(forum, data)
        put_a_new_topic_aside(forum, data)
        topic_one = as_member(forum, "/t/1.json")["title"]
        talk = converse(
            forum.base_url, ["my drafts", "open the last one"], data, credentials=signed_in(forum)
        )
    # The latest first: the reply, put aside first, is the last said.
    assert talk.said[-1].startswith(
        f"You have a saved reply to {as_sentence(topic_one)} It says: {SAVED}"
    )


def test_a_draft_is_only_taken_up_never_sent_without_a_yes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        put_a_reply_aside(forum, data)
        before = len(posts_of_topic_one(forum))
        talk = converse(
            forum.base_url,
            ["my drafts", "number three", "open one", "send it", "yeah", "no", "cancel"],
            data,
            credentials=signed_in(forum),
        )
        after = len(posts_of_topic_one(forum))
    assert talk.said[1] == "There is no draft 3. Say open and a number from 1 to 1."
    assert after == before
    assert (
        talk.said[-1]
        == "Reply put aside. It is saved: to come back to it, say reply here, or my drafts later."
    )


def test_a_message_whose_person_left_goes_to_someone_else_with_its_words(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        put_a_message_to_jo_aside(forum, data)
        with forum.store.transaction() as conn:  # Jo changed her username on the forum
            conn.execute("UPDATE users SET username = 'jo_b' WHERE username = 'jo'")
        talk = converse(
            forum.base_url,
            ["my drafts", "open one", "sam", "yes", "send it", "yes", "my drafts"],
            data,
            credentials=signed_in(forum),
        )
        inbox = as_member(forum, "/topics/private-messages/sam.json", "sam")
    assert talk.said[0].startswith("You have 1 saved draft. One: your message to jo, titled Lunch")
    assert talk.said[1] == (
        "I cannot find jo on the forum any more, so your message, titled Lunch, cannot go to "
        "them. Its words are kept. Say the name of someone to send it to instead, or say cancel."
    )
    assert talk.said[3].startswith(
        "Your saved message is to Sam Okafor now, titled Lunch. It says: Would you like to meet"
    )
    assert "It will be sent privately, to Sam Okafor" in talk.said[4]
    assert talk.said[5] == "Your message, Lunch, is sent."
    assert talk.said[6].startswith("You have no saved drafts.")
    assert "Lunch" in [t["title"] for t in inbox["topic_list"]["topics"]]


def test_a_message_to_several_people_goes_on_to_those_still_there(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        put_a_message_to_jo_aside(forum, data)
        drafts = DraftStore(data / "outbox.sqlite3")
        # The same message, as written to Jo and Sam together.
        for key, words in drafts.all().items():
            drafts.delete(key)
            drafts.save(key.replace("jo", "jo,sam"), words)
        drafts.close()
        with forum.store.transaction() as conn:  # Jo changed her username on the forum
            conn.execute("UPDATE users SET username = 'jo_b' WHERE username = 'jo'")
        talk = converse(
            forum.base_url,
            ["my drafts", "open one", "send it", "yes"],
            data,
            credentials=signed_in(forum),
        )
        inbox = as_member(forum, "/topics/private-messages/sam.json", "sam")
    assert talk.said[0].startswith(
        "You have 1 saved draft. One: your message to jo and Sam Okafor, titled Lunch"
    )
    assert (
        talk.said[1] == "I cannot find jo on the forum any more, so your message cannot go to them."
    )
    assert talk.said[2].startswith(
        "Your saved message is to Sam Okafor now, titled Lunch. It says: Would you like to meet"
    )
    assert "It will be sent privately, to Sam Okafor" in talk.said[3]
    assert talk.said[4] == "Your message, Lunch, is sent."
    assert "Lunch" in [t["title"] for t in inbox["topic_list"]["topics"]]


def test_a_reply_whose_conversation_is_hidden_now_can_start_a_new_topic(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        put_a_reply_aside(forum, data)
        with forum.store.transaction() as conn:  # topic one is gone for everyone but staff
            conn.execute("UPDATE topics SET archetype = 'private_message' WHERE id = 1")
        talk = converse(
            forum.base_url,
            ["my drafts", "open one", "start a new topic", "number one", TITLE, "cancel"],
            data,
            credentials=signed_in(forum),
        )
    assert talk.said[0].startswith(
        "You have 1 saved draft. One: your reply to a topic that can no longer be opened"
    )
    assert talk.said[1].endswith(
        "Your reply to it stays saved. To post it as a new topic instead, say start a new topic."
    )
    assert any(
        line.startswith(
            f"The title is: {TITLE}. The reply you wrote to a topic that can no longer be "
            f"opened starts the first post. It says: {SAVED}"
        )
        for line in talk.said
    ), talk.said


def test_a_new_topic_whose_category_closed_goes_to_the_category_chosen(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        category = put_a_new_topic_aside(forum, data)
        listed = httpx.get(f"{forum.base_url}/categories.json").json()["category_list"]
        first, second = listed["categories"][:2]
        assert first["name"] == category
        keep_topics_to_staff(forum.store, first["slug"])
        talk = converse(
            forum.base_url,
            ["my drafts", "open one", "number one", "send it", "yes"],
            data,
            credentials=signed_in(forum),
        )
        posted = as_member(forum, f"/c/{second['slug']}/{second['id']}.json")
    assert talk.said[1].startswith("Which category is your topic for? One: ")
    assert talk.said[1].endswith(
        f"Your saved new topic, titled {TITLE}, was for {category}, where you can no longer "
        "start topics: it goes to the category you choose now, unless that one has a saved "
        "topic of its own."
    )
    assert talk.said[2].startswith(
        f"Your saved new topic is in {second['name']} now, titled {TITLE}. It says: A fan"
    )
    assert talk.said[-1] == f"Your new topic, {TITLE}, is posted."
    assert TITLE in [t["title"] for t in posted["topic_list"]["topics"]]


def test_the_greeting_says_when_drafts_wait(tmp_path: Path) -> None:
    data = tmp_path / "data"
    greeting = VoiceSettings(greeting=True)
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        before = converse(forum.base_url, [], data, credentials=signed_in(forum), settings=greeting)
        put_a_reply_aside(forum, data)
        after = converse(forum.base_url, [], data, credentials=signed_in(forum), settings=greeting)
    assert "draft" not in before.said[0]
    assert after.said[0].endswith(
        "Say resume to go back to where you were. You have 1 saved draft not sent yet: say my "
        "drafts to hear it."
    )


def test_a_draft_is_deleted_only_after_a_clear_yes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        put_a_reply_aside(forum, data)
        category = put_a_new_topic_aside(forum, data)
        talk = converse(
            forum.base_url,
            [
                "my drafts",
                "delete this draft",
                "yeah",
                "no",
                "delete this draft",
                "yes",
                "delete it",  # the draft reached, as in the person's words
                "yes",
                "my drafts",
            ],
            data,
            credentials=signed_in(forum),
        )
        opening = ["latest topics", f"open topic {position_of_topic_one(forum)}", "reply"]
        later = converse(
            forum.base_url,
            [*opening, "cancel", "new topic", "number one"],
            data,
            credentials=signed_in(forum),
        )
    asked = (
        f"Delete your new topic, titled {TITLE}, in {category}? It says: A fan by the bed "
        "helps me. Once deleted, its words cannot be brought back. Say yes or no."
    )
    assert talk.said[1:4] == [
        asked,
        "Shall I delete this draft? Please say yes or no.",
        f"Kept. One: your new topic, titled {TITLE}, in {category}, saved just now: A fan by "
        "the bed helps me. Say read to go on with it.",
    ]
    assert talk.said[5].startswith(
        f"Deleted your new topic, titled {TITLE}, in {category}. You have 1 saved draft left. "
        "One: your reply to "
    )
    assert talk.said[7].startswith("Deleted your reply to ")
    assert talk.said[7].endswith("You have no saved drafts now.")
    assert talk.said[8].startswith("You have no saved drafts.")
    assert talk.assistant is not None and talk.assistant.state is State.BROWSING
    # Gone for good: the reply starts empty again, and so does the new topic.
    assert any(line.startswith("Replying to ") for line in later.said)
    assert not any(line.startswith("You have a saved reply") for line in later.said)
    assert later.said[-1].startswith(f"A new topic in {category}. Say its title")


def test_woken_in_the_drafts_it_says_where_in_them(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        put_a_reply_aside(forum, data)
        topic_one = as_member(forum, "/t/1.json")["title"]
        talk = converse(
            forum.base_url,
            ["my drafts", "go to sleep", "open one", "wake up", "open one"],
            data,
            credentials=signed_in(forum),
        )
    assert talk.said[2] == (
        "I'm listening again. You are in your saved drafts, on 1 of 1: your reply to "
        f"{as_sentence(topic_one)}"
    )
    assert talk.said[3].startswith(f"You have a saved reply to {as_sentence(topic_one)}")


def test_a_reply_the_forum_refused_is_listed_as_such_and_taken_up_with_the_reason(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        opening = ["latest topics", f"open topic {position_of_topic_one(forum)}", "reply"]
        converse(
            forum.base_url,
            [*opening, SAVED, "send it", "yes"],
            data,
            credentials=signed_in(forum),
            before_line={5: lambda: close_topic_one(forum)},  # closed before the yes
        )
        topic_one = as_member(forum, "/t/1.json")["title"]
        talk = converse(
            forum.base_url, ["my drafts", "open one"], data, credentials=signed_in(forum)
        )
    assert talk.said[0].startswith(
        f"You have 1 saved draft. One: your reply to {topic_one}, which the forum did not "
        f"accept, saved just now: {SAVED}."
    )
    # Taken up, the forum is asked again, and says why.
    assert talk.said[1].startswith("This topic is closed to new replies.")
    assert talk.said[1].endswith(
        f"It says: {SAVED}. To post it as a new topic instead, say start a new topic."
    )


def test_a_reply_taken_up_answers_the_post_it_was_written_to_not_the_last_one_heard(
    tmp_path: Path,
) -> None:
    take_up_and_send = ["my drafts", "open one", "send it", "yes"]
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        posts = posts_of_topic_one(forum)
        second = posts[1]["name"] or posts[1]["username"]
        # Written to the second post and put aside; then the topic is read on, and left
        # two posts later, so that is where it would open again.
        opening = ["latest topics", f"open topic {position_of_topic_one(forum)}", "next"]
        converse(
            forum.base_url,
            [*opening, "reply", SAVED, "cancel", "next", "next"],
            tmp_path / "data",
            credentials=signed_in(forum),
        )
        talk = converse(
            forum.base_url, take_up_and_send, tmp_path / "data", credentials=signed_in(forum)
        )
        sent = posts_of_topic_one(forum)[-1]
    with keyed_forum(tmp_path / "another.sqlite3") as forum:
        # A reply to the topic itself stays one, wherever the person was reading.
        put_a_reply_aside(forum, tmp_path / "other", "next", "next")
        converse(forum.base_url, take_up_and_send, tmp_path / "other", credentials=signed_in(forum))
        to_topic = posts_of_topic_one(forum)[-1]
    assert f"It answers {second}. It says: {SAVED}" in talk.said[1], talk.said[1]
    assert sent["reply_to_post_number"] == 2 and SAVED in sent["cooked"]
    assert to_topic["reply_to_post_number"] is None and SAVED in to_topic["cooked"]


def test_a_message_left_after_its_title_is_listed_and_taken_up_or_deleted(
    tmp_path: Path,
) -> None:
    # Said goodbye after the title: the title is kept, so the drafts list names it, and
    # taken up, only the words are asked for.
    data = tmp_path / "data"
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        account = signed_in(forum)
        converse(
            forum.base_url,
            ["message sam", "yes", "coffee", "goodbye voicepeer", "yes"],
            data,
            credentials=account,
        )
        kept = converse(
            forum.base_url,
            ["my drafts", "delete this draft", "no", "open one", MESSAGE, "send it"],
            data,
            credentials=account,
        )
        lines = ["message jo", "yes", "hello", "goodbye voicepeer", "yes"]
        converse(forum.base_url, lines, data, credentials=account)
        deleted = converse(
            forum.base_url,
            ["my drafts", "delete this draft", "yes", "back", "message jo", "yes"],
            data,
            credentials=account,
        )
    named = "your message to Sam Okafor, titled Coffee"
    assert kept.said[0].startswith(f"You have 1 saved draft. One: {named}, saved ")
    assert kept.said[0].endswith(
        ", no words yet. Say open and a number to go on with one, next to go through them, or back."
    )
    assert kept.said[1] == (
        f"Delete {named}? It has no words yet. Once deleted, its title cannot be brought back. "
        "Say yes or no."
    )
    taken_up = kept.said.index(
        "You have a saved message to Sam Okafor, with a title and no words yet."
    )
    assert kept.said[taken_up + 1].startswith("The title is: Coffee. Now say your message")
    assert kept.said[-1].startswith(
        "Your message, titled Coffee, says: Would you like to meet for lunch next week."
    )
    assert deleted.said[2].startswith("Deleted your message to Jo Baxter, titled Hello. You have")
    assert (
        deleted.said[-1] == "Writing to Jo Baxter. What is your message about? Say a short title."
    )


def test_my_bookmarks_in_the_drafts_goes_to_them(tmp_path: Path) -> None:
    # The topic list's own commands leave the drafts as "latest topics" does.
    data = tmp_path / "data"
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        put_a_reply_aside(forum, data)
        talk = converse(
            forum.base_url, ["my drafts", "my bookmarks"], data, credentials=signed_in(forum)
        )
    assert talk.said[-1].startswith("You have no bookmarks yet.")
    assert talk.assistant is not None and talk.assistant.state is State.BROWSING


def test_a_title_that_asks_a_question_is_not_given_a_second_mark(
    forum: DemoForum, data: Path
) -> None:
    # "Delete your reply to … the waiting?? It says", and "Deleted … the waiting?.".
    title = "MRI results day: how do you cope with the waiting?"
    lines = ["search for waiting", "open topic one", "reply", "waiting is hard", "cancel"]
    lines += ["my drafts", "delete this draft", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-2].startswith(f"Delete your reply to {title} It says: Waiting is hard.")
    assert talk.said[-1].startswith(f"Deleted your reply to {title} You have no saved drafts")


def test_words_said_just_after_writing_is_put_aside_are_said_not_written(
    forum: DemoForum, tmp_path: Path
) -> None:
    # "Cancel" heard in the middle of a slow sentence put the reply aside, and the rest of
    # the sentence got "Sorry, I didn't catch that."
    lines = ["open topic two", "reply", "because of fatigue I often have to", "cancel"]
    lines += ["cancel plans at the last minute", "cancel plans at the last minute"]
    lines += ["new topic", "good news", "my tips for hot days in summer", "drink cold water"]
    lines += ["cancel", "and stay inside", "reply", "so glad", "cancel", "today", "um"]
    said = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum)).said
    assert said[4] == (
        "I did not write that: your reply is put aside. To go on with it, say reply, then "
        "say the words again."
    )
    assert said[5] == "Sorry, I didn't catch that."  # only just after it was put aside
    assert said[-5] == (
        "I did not write that: your new topic is put aside. To go on with it, say my drafts, "
        "then say the words again."
    )
    # One word alone ("today") was "Sorry, I didn't catch that"; a sound is still nothing.
    assert said[-2] == (
        "I did not write that: your reply is put aside. To go on with it, say reply, then "
        "say the words again."
    )
    assert said[-1] == "Sorry, I didn't catch that."
