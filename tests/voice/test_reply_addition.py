"""Adding the words saved for a topic to the end of one's last reply there, as the forum
asks when it takes no more replies in a row: only after a clear yes, never twice, the saved
copy let go only once the words are on the forum."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.support.conversation import converse
from tests.support.members import (
    member_headers,
    post_long_ago,
    post_reply,
    post_words,
    signed_in,
)
from tests.support.transports import DropAfterSending
from tests.voice.test_assistant import first_topic_id, topic_posts
from voicepeer.demo_forum import DemoForum
from voicepeer.forum.drafts import DraftStore
from voicepeer.voice.reply_addition import (
    ADDED,
    ALREADY_THERE,
    CANNOT_EDIT,
    CHANGED_MEANWHILE,
    NO_REPLY,
)
from voicepeer.voice.states import State

MINE = "Well done on the pier, that is a long walk."
MORE = "the cafe at the end has good chairs if you need a break"
SAVE_MORE = ["reply", MORE, "cancel"]  # put aside: saved as the topic's draft
ADD = "add it to my last reply"


def _post_mine(forum: DemoForum) -> int:
    return post_reply(forum, "demo", MINE, first_topic_id(forum))


def _draft(data: Path, forum: DemoForum) -> str | None:
    return DraftStore(data / "outbox.sqlite3").load(f"topic-{first_topic_id(forum)}")


def test_a_fourth_reply_in_a_row_goes_at_the_end_of_the_third_after_yes(
    forum: DemoForum, data: Path
) -> None:
    said = ["open topic one"]
    for n in range(4):
        said += ["reply", f"note number {n} about the walk along the pier", "send it", "yes"]
    talk = converse(
        forum.base_url,
        [*said, "add it to my last reply", "yes"],
        data,
        credentials=signed_in(forum),
    )
    assert "Or say add it to my last reply, to put them at the end of it now." in talk.said[-3]
    assert talk.said[-2] == (
        "Add your saved words to the end of your reply posted just now? Your words: Note number "
        "3 about the walk along the pier. Everyone will see your reply changed. Say yes or no."
    )
    assert talk.said[-1] == ADDED
    last = topic_posts(forum, first_topic_id(forum))[-1]
    assert last["username"] == "demo"
    assert "note number 2" in str(last["cooked"]).lower()
    assert "note number 3" in str(last["cooked"]).lower()
    assert _draft(data, forum) is None


def test_no_changes_nothing_and_keeps_the_words(forum: DemoForum, data: Path) -> None:
    post_id = _post_mine(forum)
    lines = ["open topic one", *SAVE_MORE, ADD, "yeah", "no"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-2] == "Shall I add your words to your reply? Please say yes or no."
    assert talk.said[-1] == "Your reply stays as it was, and your words stay saved."
    assert post_words(forum, post_id) == MINE
    assert _draft(data, forum) is not None


def test_said_while_dictating_it_adds_the_words_said_so_far(forum: DemoForum, data: Path) -> None:
    # It went into the reply as words. Now the words dictated so far go to the end of the
    # newest reply after a yes; with no reply to add to, dictation goes on, nothing lost.
    alone = converse(
        forum.base_url,
        ["open topic one", "reply", MORE, ADD, "read it back"],
        data,
        credentials=signed_in(forum),
    )
    assert alone.said[-3:] == [
        NO_REPLY,
        "Go on with your reply, or say send it.",
        f"Your reply says: {MORE[0].upper()}{MORE[1:]}",
    ]
    post_id = _post_mine(forum)
    talk = converse(
        forum.base_url, ["open topic one", "reply", ADD, "yes"], data, credentials=signed_in(forum)
    )
    assert talk.said[-2].startswith(
        "Add your saved words to the end of your reply posted just now? Your words: The cafe"
    )
    assert talk.said[-1] == ADDED
    assert post_words(forum, post_id) == f"{MINE}\n\n{MORE[0].upper()}{MORE[1:]}."
    assert _draft(data, forum) is None
    assert talk.assistant is not None and talk.assistant.state is State.READING


@pytest.mark.parametrize(
    "add", ["add to my last post", "add to my post", "i want to add to my reply"]
)
def test_just_after_posting_the_words_to_add_are_asked_for_and_added_after_yes(
    forum: DemoForum, data: Path, add: str
) -> None:
    posting = ["open topic one", "reply", "well done dave that is great full stop", "send it"]
    lines = [*posting, "yes", add, "and enjoy the chips full stop", "send it", "yes"]
    before_yes: list[str] = []

    def newest_words() -> str:
        post_id = topic_posts(forum, first_topic_id(forum))[-1]["id"]
        assert isinstance(post_id, int)
        return post_words(forum, post_id)

    def look() -> None:  # the post as it is just before the last yes
        before_yes.append(newest_words())

    talk = converse(
        forum.base_url,
        lines,
        data,
        credentials=signed_in(forum),
        before_line={len(lines) - 1: look},
    )
    assert talk.said[-3:] == [
        "Adding to your post posted just now. It ends: Well done Dave that is great. Say the "
        "words to add, then say send it.",
        "Added: And enjoy the chips. Everyone will see your post changed. Shall I change it? "
        "Say yes or no.",
        "Your post is changed.",
    ]
    assert before_yes == ["Well done Dave that is great."]
    assert newest_words() == "Well done Dave that is great. And enjoy the chips."


def test_without_saved_words_or_a_reply_it_says_what_to_do(forum: DemoForum, data: Path) -> None:
    nothing = converse(
        forum.base_url,
        ["open topic one", "add it to my last reply"],
        data,
        credentials=signed_in(forum),
    )
    assert nothing.said[-1] == NO_REPLY
    no_reply = converse(
        forum.base_url,
        ["open topic one", *SAVE_MORE, ADD],
        data,
        credentials=signed_in(forum),
    )
    assert no_reply.said[-1] == NO_REPLY


def test_a_reply_past_the_forums_edit_time_is_not_asked_about(forum: DemoForum, data: Path) -> None:
    post_id = _post_mine(forum)
    post_long_ago(forum, post_id)
    lines = ["open topic one", *SAVE_MORE, ADD]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-1] == CANNOT_EDIT
    assert post_words(forum, post_id) == MINE


def test_an_answer_lost_after_the_change_is_checked_and_the_words_are_not_added_twice(
    forum: DemoForum, data: Path
) -> None:
    post_id = _post_mine(forum)
    lossy = DropAfterSending("PUT", rf"^/posts/{post_id}\.json$")
    lines = ["open topic one", *SAVE_MORE, ADD, "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum), transport=lossy)
    assert lossy.dropped == 1
    assert talk.said[-1] == ADDED
    assert post_words(forum, post_id).lower().count("good chairs") == 1
    assert _draft(data, forum) is None


def test_words_already_at_the_end_are_not_added_again(forum: DemoForum, data: Path) -> None:
    # As if voicepeer stopped after the forum took the change, before letting go of the copy.
    post_id = _post_mine(forum)
    converse(forum.base_url, ["open topic one", *SAVE_MORE], data, credentials=signed_in(forum))
    saved = _draft(data, forum)
    assert saved is not None
    changed = httpx.put(
        f"{forum.base_url}/posts/{post_id}.json",
        json={"post": {"raw": f"{MINE}\n\n{saved}"}},
        headers=member_headers("demo"),
    )
    assert changed.status_code == 200, changed.text
    talk = converse(
        forum.base_url,
        ["open topic one", "add it to my last reply"],
        data,
        credentials=signed_in(forum),
    )
    assert talk.said[-1] == ALREADY_THERE
    assert post_words(forum, post_id).lower().count("good chairs") == 1
    assert _draft(data, forum) is None


def test_a_reply_changed_on_the_web_after_the_question_is_left_as_it_is(
    forum: DemoForum, data: Path
) -> None:
    post_id = _post_mine(forum)
    on_the_web = MINE + " I took the train back."

    def change_on_the_web() -> None:
        changed = httpx.put(
            f"{forum.base_url}/posts/{post_id}.json",
            json={"post": {"raw": on_the_web}},
            headers=member_headers("demo"),
        )
        assert changed.status_code == 200, changed.text

    lines = ["open topic one", *SAVE_MORE, ADD, "yes"]
    talk = converse(
        forum.base_url,
        lines,
        data,
        credentials=signed_in(forum),
        before_line={len(lines) - 1: change_on_the_web},
    )
    assert talk.said[-1] == CHANGED_MEANWHILE
    assert post_words(forum, post_id) == on_the_web  # the change on the web is not lost
    assert _draft(data, forum) is not None  # nor are the words


def test_the_question_says_when_the_words_answered_someone_elses_post(
    forum: DemoForum, data: Path
) -> None:
    _post_mine(forum)
    lines = ["open topic one", "previous", "reply", MORE, "cancel", ADD]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    answered = talk.said[2].split(", by ", 1)[1].split(",", 1)[0]  # "Post 4 of 5, by …"
    assert (
        f"They answered a post by {answered}; at the end of your reply they will not show as "
        "an answer to that post."
    ) in talk.said[-1], talk.transcript


def test_words_answering_the_post_the_reply_answers_too_are_not_warned_about(
    forum: DemoForum, data: Path
) -> None:
    # "They answered a post by Sam; … will not show as an answer" was said of words added
    # to a reply that answers Sam's post itself.
    lines = ["open topic one", "post two", "reply", "the cooling vest helps", "send it", "yes"]
    lines += ["post two", "reply", MORE, "cancel", ADD]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-1].startswith("Add your saved words to the end of your reply"), talk.said
    assert "They answered" not in talk.said[-1]
