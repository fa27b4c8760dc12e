"""A closed topic heard through the voice loop, against the demo forum over loopback: the
list and the topic say so, and "reply" says why no reply can be added before the person
dictates one in vain; a reply saved earlier is read back and stays saved."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.support.conversation import converse
from tests.support.members import keyed_forum, member_headers, signed_in
from voicepeer.demo_forum import DemoForum
from voicepeer.number_words import spoken_numbers
from voicepeer.speech.text.sentences import as_sentence
from voicepeer.voice.settings import VoiceSettings

AT_FIRST_POST = VoiceSettings(greeting=False, unread_first=False)
"""Topic one opens at its first post each time, whose author the replies here answer
(otherwise it goes on after the posts heard)."""
CLOSED = "This topic is closed to new replies."
TITLE = "Cold showers for fatigue"
WALKING = "Walking aids that help"


def close_topic_one(forum: DemoForum, *, closed: bool = True) -> None:
    body = {"status": "closed", "enabled": "true" if closed else "false"}
    changed = httpx.put(
        f"{forum.base_url}/t/1/status.json", headers=member_headers("ruth"), json=body
    )
    assert changed.status_code == 200, changed.text


def position_of_topic_one(forum: DemoForum) -> str:
    rows = httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"]
    position = next(n for n, row in enumerate(rows, 1) if row["id"] == 1)
    return spoken_numbers(30)[position - 1]


SAVED = "Cold showers help me most"


def put_a_reply_aside(forum: DemoForum, data: Path, *then: str) -> None:
    """Dictates a reply to topic one, declines to post it and puts it aside; then ``then``."""
    opening = ["latest topics", f"open topic {position_of_topic_one(forum)}", "reply", SAVED]
    talk = converse(
        forum.base_url,
        [*opening, "send it", "no", "cancel", *then],
        data,
        credentials=signed_in(forum),
        settings=AT_FIRST_POST,
    )
    assert (
        "Reply put aside. It is saved: to come back to it, say reply here, or my drafts later."
        in talk.said
    )


def carry_a_reply_into_a_new_topic(forum: DemoForum, data: Path) -> str:
    """Puts a reply aside, closes its topic, and starts a new topic with the reply's words,
    put aside too; returns the new topic's category."""
    put_a_reply_aside(forum, data)
    close_topic_one(forum)
    opening = ["latest topics", f"open topic {position_of_topic_one(forum)}"]
    carried = converse(
        forum.base_url,
        [*opening, "reply", "start a new topic", "number one", TITLE, "cancel"],
        data,
        credentials=signed_in(forum),
        settings=AT_FIRST_POST,
    )
    assert carried.said[-1].startswith("New topic put aside. It is saved")
    category = next(line for line in carried.said if line.startswith("A new topic in "))
    return category.removeprefix("A new topic in ").split(".")[0]


def test_reply_in_a_closed_topic_is_explained_before_any_dictation(tmp_path: Path) -> None:
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        close_topic_one(forum)
        number = position_of_topic_one(forum)
        talk = converse(
            forum.base_url,
            ["latest topics", f"open topic {number}", "reply", "next"],
            tmp_path / "data",
            credentials=signed_in(forum),
            settings=AT_FIRST_POST,
        )
    listed = next(s for s in talk.said[0].split(". ") if s.startswith(number.capitalize()))
    assert listed.endswith(", closed"), listed
    assert talk.said[1].endswith(f" posts. {CLOSED}"), talk.said[1]  # the topic's introduction
    refusal = talk.said.index(CLOSED)
    assert not any("Say your reply" in line for line in talk.said)
    assert talk.said[refusal + 1].startswith("Post 2 of ")  # still reading: next goes on


def test_a_reply_saved_before_the_topic_closed_is_read_back_and_kept(tmp_path: Path) -> None:
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        put_a_reply_aside(forum, tmp_path / "data")
        close_topic_one(forum)  # which moves it to the top of the list
        later = converse(
            forum.base_url,
            ["latest topics", f"open topic {position_of_topic_one(forum)}", "reply"],
            tmp_path / "data",
            credentials=signed_in(forum),
            settings=AT_FIRST_POST,
        )
    assert later.said[-1] == (
        f"{CLOSED} Your saved reply to it stays saved. It says: {SAVED}. "
        "To post it as a new topic instead, say start a new topic."
    )


def test_a_visitor_is_told_to_sign_in_before_dictating(tmp_path: Path) -> None:
    # Read without an account: the forum sends no can_create_post for a visitor.
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        talk = converse(
            forum.base_url, ["latest topics", "open topic one", "reply"], tmp_path / "data"
        )
    assert talk.said[-1] == (
        "I am not signed in to the forum. Please ask your helper to run voicepeer forum connect."
    )


def test_a_reply_refused_as_the_topic_closed_can_start_a_new_topic(tmp_path: Path) -> None:
    # The topic closed between "send it" and "yes": the forum refused the reply. voicepeer
    # asks the forum again at once instead of offering only to change words that cannot be
    # posted there, and "start a new topic" takes them up as the new topic's first post.
    words = "Cold showers help me most of all"
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        number = position_of_topic_one(forum)
        talk = converse(
            forum.base_url,
            [
                "latest topics",
                f"open topic {number}",
                "reply",
                words,
                "send it",
                "yes",
                "start a new topic",
                "number one",
                TITLE,
                "send it",
                "yes",
                "reply",
            ],
            tmp_path / "data",
            credentials=signed_in(forum),
            settings=AT_FIRST_POST,
            before_line={5: lambda: close_topic_one(forum)},
        )
        latest = httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"]
        started = next(t for t in latest if t["title"] == TITLE)
        first = httpx.get(f"{forum.base_url}/t/{started['id']}.json").json()
        replied_in = httpx.get(f"{forum.base_url}/t/1.json").json()["title"]
    assert first["post_stream"]["posts"][0]["cooked"] == f"<p>{words}.</p>"
    refused = next(i for i, line in enumerate(talk.said) if "was not posted" in line)
    assert "looking at it? I have kept your words" in talk.said[refused]  # not "?."
    # Said at once: "say reply in that topic" alone could not work in a closed topic.
    assert (
        talk.said.index(
            f"{CLOSED} Your saved reply to it stays saved. It says: {words}. "
            "To post it as a new topic instead, say start a new topic."
        )
        == refused + 1
    )
    assert (
        f"The title is: {TITLE}. The reply you wrote to {replied_in} starts "
        f"the first post. It says: {words}. Keep talking to add to it, or say send it."
    ) in talk.said[refused:]
    # Posted as the new topic, the reply's saved words are let go: nothing is said twice.
    assert talk.said[-1] == CLOSED


def test_a_reply_taken_into_a_new_topic_put_aside_is_not_offered_twice(tmp_path: Path) -> None:
    # The reply's words became a new topic's first post, which was put aside; voicepeer
    # then stopped. Next time "reply" there says where the words are now, and posting that
    # topic lets go of the reply too: the same words are never offered for two topics.
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        category_name = carry_a_reply_into_a_new_topic(forum, tmp_path / "data")
        opening = ["latest topics", f"open topic {position_of_topic_one(forum)}"]
        later = converse(
            forum.base_url,
            [*opening, "reply", "new topic", "number one", "send it", "yes"],
            tmp_path / "data",
            credentials=signed_in(forum),
            settings=AT_FIRST_POST,
        )
        last = converse(
            forum.base_url,
            ["latest topics", f"open topic {position_of_topic_one(forum)}", "reply"],
            tmp_path / "data",
            credentials=signed_in(forum),
            settings=AT_FIRST_POST,
        )
        latest = httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"]
    assert later.said[3] == (
        f"{CLOSED} Your saved reply to it is the first post of your saved new topic, titled "
        f"{TITLE}, in {category_name}. To go on with it, say new topic and "
        f"choose {category_name}."
    )
    assert later.said[5] == (
        f"You have a saved new topic in {category_name}, titled {TITLE}. It says: {SAVED}. "
        "Keep talking to add to it, or say send it."
    )
    assert later.said[-1] == f"Your new topic, {TITLE}, is posted."
    assert last.said[-1] == CLOSED  # the reply's words went with the topic
    assert [t["title"] for t in latest].count(TITLE) == 1


def test_a_carried_reply_taken_up_again_in_its_reopened_topic_stays_its_own(
    tmp_path: Path,
) -> None:
    # The reply's words went into a new topic put aside while the topic was closed; then
    # the topic was reopened and the person took the reply up there and added to it.
    # Posting the new topic must not take those words away: the two are drafts apart.
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        category_name = carry_a_reply_into_a_new_topic(forum, tmp_path / "data")
        close_topic_one(forum, closed=False)
        opening = ["latest topics", f"open topic {position_of_topic_one(forum)}"]
        then = ["cancel", "new topic", "number one", "send it", "yes", "reply"]
        again = converse(
            forum.base_url,
            [*opening, "reply", "and cool drinks", *then],
            tmp_path / "data",
            credentials=signed_in(forum),
            settings=AT_FIRST_POST,
        )
        topic = httpx.get(f"{forum.base_url}/t/1.json").json()
    taken_up = next(line for line in again.said if line.startswith("You have a saved reply"))
    assert taken_up == (
        f"You have a saved reply to {as_sentence(topic['title'])} Your saved new topic, "
        f"titled {TITLE}, in {category_name}, also starts with it, and keeps its own copy. "
        f"It says: {SAVED}. Keep talking to add to it, or say send it."
    )
    assert again.said[-2] == f"Your new topic, {TITLE}, is posted."
    assert again.said[-1].startswith("You have a saved reply to ")
    assert f"It says: {SAVED} and cool drinks" in again.said[-1]
    assert not any("cool drinks" in post["cooked"] for post in topic["post_stream"]["posts"])


def test_a_saved_topic_in_the_chosen_category_says_the_reply_is_not_in_it(
    tmp_path: Path,
) -> None:
    # "To post it as a new topic instead, say start a new topic" — but the category chosen
    # already has a saved new topic, which is taken up instead: the person hears that the
    # reply is not in it, so that they do not send it believing the reply went along.
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        put_a_reply_aside(
            forum,
            tmp_path / "data",
            "new topic",
            "number one",
            WALKING,
            "My stick is great",
            "cancel",
        )
        close_topic_one(forum)
        opening = ["latest topics", f"open topic {position_of_topic_one(forum)}", "reply"]
        talk = converse(
            forum.base_url,
            [*opening, "start a new topic", "number one", "cancel", "reply"],
            tmp_path / "data",
            credentials=signed_in(forum),
            settings=AT_FIRST_POST,
        )
        title = httpx.get(f"{forum.base_url}/t/1.json").json()["title"]
        categories = httpx.get(f"{forum.base_url}/categories.json").json()["category_list"]
    assert talk.said[5] == (
        f"You have a saved new topic in {categories['categories'][0]['name']}, titled "
        f"{WALKING}. It says: My stick is great. "
        f"The reply you wrote to {title} is not in it, and stays saved: to start a new topic "
        "with it, choose another category, or send this one first. Keep talking to add to "
        "it, or say send it."
    )
    assert f"Your saved reply to it stays saved. It says: {SAVED}." in talk.said[-1]


def test_a_moderator_hears_they_may_still_reply_in_a_closed_or_archived_topic(
    tmp_path: Path,
) -> None:
    # Guardian#can_create_post_on_topic?: moderators reply in closed and archived topics.
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        close_topic_one(forum)
        number = position_of_topic_one(forum)
        lines = ["latest topics", f"open topic {number}", "reply", SAVED, "send it", "yes"]
        closed = converse(
            forum.base_url, lines, tmp_path / "a", credentials=signed_in(forum, "ruth")
        )
        close_topic_one(forum, closed=False)
        body = {"status": "archived", "enabled": "true"}
        archived = httpx.put(
            f"{forum.base_url}/t/1/status.json", headers=member_headers("ruth"), json=body
        )
        assert archived.status_code == 200, archived.text
        opened = converse(
            forum.base_url, lines[:2], tmp_path / "b", credentials=signed_in(forum, "ruth")
        )
    assert (
        " posts. This topic is closed to new replies, but the forum still lets you reply."
        in (closed.said[1])
    )
    assert closed.said[-1].endswith("is posted.")
    assert " This topic is archived, but the forum still lets you reply." in opened.said[1]
