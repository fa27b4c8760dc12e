""" "Reply to post three", "reply to Jo": the post named is the one answered, said before a
word of the reply. Typed sessions through the real voice loop against the demo forum."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.support.conversation import Conversation, converse
from tests.support.members import keyed_forum, signed_in
from tests.voice.test_assistant import first_topic_id, topic_posts
from voicepeer.commands import Intent
from voicepeer.commands.intents import REPLY_TO_NAMED
from voicepeer.commands.interpreter import Interpreter
from voicepeer.commands.numbers import LAST_HEARD
from voicepeer.demo_forum import DemoForum
from voicepeer.demo_forum.seed_reading import seed_topic_with_gaps
from voicepeer.recognition.base import Heard
from voicepeer.voice.states import State

WORDS = "well done on the pier"


def test_how_a_post_to_answer_is_named() -> None:
    interpreter = Interpreter()

    def slots(said: str) -> dict[str, object]:
        found = interpreter.command(Heard(said, 1.0)).command
        assert found is not None and found.intent is Intent.REPLY, said
        return dict(found.slots)

    assert slots("reply to post three") == {"number": 3}
    assert slots("please reply to the second post") == {"number": 2}
    assert slots("answer post four") == {"number": 4}
    # "The third one" answered the post being read, not post 3.
    assert slots("reply to the third one") == {"number": 3}
    assert slots("answer the second post") == {"number": 2}
    assert slots("reply to Priya") == {REPLY_TO_NAMED: "priya"}
    assert slots("respond to sam okafor") == {REPLY_TO_NAMED: "sam okafor"}
    # The post being read.
    assert slots("reply to this post") == {}
    assert slots("reply to her") == {}
    assert slots("reply") == {}
    # "Answer Jo" answered the post being read, whoever wrote it.
    assert slots("answer jo") == {REPLY_TO_NAMED: "jo"}
    assert slots("write back to sam") == {REPLY_TO_NAMED: "sam"}
    assert slots("reply to the last post") == {"number": LAST_HEARD}
    # No name begins so: the post being read, not "No one called The Question".
    assert slots("answer the question") == {}
    assert slots("reply to the question she asked") == {}


def test_answer_jos_post_and_the_last_post(forum: DemoForum, data: Path) -> None:
    lines = ["open topic one", "answer Jo's post", "cancel", "reply to the last post"]
    talk = converse(forum.base_url, lines, data)
    assert talk.said[2] == "Post 2 of 4, by Jo Baxter."
    assert talk.said[5] == "Post 4 of 4, by Ruth Adeyemi."


def test_a_reply_to_post_three_answers_post_three(forum: DemoForum, data: Path) -> None:
    topic_id = first_topic_id(forum)
    lines = ["open topic one", "reply to post three", WORDS, "send it", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[2:4] == [
        "Post 3 of 4, by Sam Okafor.",
        "Replying to Sam Okafor in Walked to the end of the pier today. Say your reply, "
        "then say send it. Take your time.",
    ]
    # The question names whom the reply answers: the yes is for that post.
    assert talk.said[4] == (
        "Your reply says: Well done on the pier. It will appear publicly, as an answer to "
        "Sam Okafor, in Good news, on the voicepeer demo forum. Shall I post it? Say yes or no."
    )
    assert topic_posts(forum, topic_id)[-1]["reply_to_post_number"] == 3


def test_a_reply_to_a_member_answers_their_post_heard_last(forum: DemoForum, data: Path) -> None:
    topic_id = first_topic_id(forum)
    # At post 4, Jo's post 2 is the last of hers heard; Dave's post 1 is his.
    lines = ["open topic one", "post four", "reply to jo", WORDS, "send it", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert "Post 2 of 4, by Jo Baxter." in talk.said
    assert topic_posts(forum, topic_id)[-1]["reply_to_post_number"] == 2
    # Her own post being read is the one answered, with nothing more said.
    again = converse(
        forum.base_url,
        ["open topic one", "post four", "reply to ruth"],
        data,
        credentials=signed_in(forum),
    )
    assert again.said[-1].startswith("Replying to Ruth Adeyemi in Walked to the end")


def test_a_post_or_member_not_in_the_topic_is_said_and_nothing_starts(
    forum: DemoForum, data: Path
) -> None:
    lines = ["open topic one", "reply to post nine", "reply to priya", "send it"]
    talk = converse(forum.base_url, lines, data)
    assert talk.said[2] == "There is no post 9 here. This topic has 4 posts."
    assert talk.said[3:5] == [
        "No one called Priya has written in this topic.",
        "Say reply to answer this post.",
    ]
    assert not any(line.startswith("Replying to") for line in talk.said)


def test_a_member_whose_posts_come_later_is_found_further_on(tmp_path: Path, data: Path) -> None:
    with keyed_forum(tmp_path / "long.sqlite3") as forum:
        topic_id = seed_topic_with_gaps(forum.store, 30, title="A long chat about pacing")
        # Priya wrote only from post 26 on: beyond the posts fetched on opening the topic.
        with sqlite3.connect(forum.db_path) as conn:
            conn.execute(
                "UPDATE posts SET user_id = (SELECT id FROM users WHERE username = 'dave')"
                " WHERE topic_id = ? AND post_number <= 25"
                " AND user_id = (SELECT id FROM users WHERE username = 'priya')",
                (topic_id,),
            )
        lines = ["search for pacing", "open topic one", "reply to priya", WORDS, "send it"]
        talk = converse(forum.base_url, [*lines, "yes"], data, credentials=signed_in(forum))
        with sqlite3.connect(forum.db_path) as conn:
            (first_of_hers,) = conn.execute(
                "SELECT min(post_number) FROM posts JOIN users ON users.id = posts.user_id"
                " WHERE topic_id = ? AND username = 'priya'",
                (topic_id,),
            ).fetchone()
            (answered,) = conn.execute(
                "SELECT reply_to_post_number FROM posts WHERE topic_id = ?"
                " ORDER BY post_number DESC LIMIT 1",
                (topic_id,),
            ).fetchone()
    assert first_of_hers >= 26
    assert f"Post {first_of_hers} of 30, by Priya Nair." in talk.said
    assert answered == first_of_hers


def test_a_saved_reply_taken_up_with_reply_answers_the_post_it_was_begun_for(
    forum: DemoForum, data: Path
) -> None:
    # Begun for Jo's post 2 and taken up with "reply" at Ruth's post 4, it answered Ruth:
    # "reply" is what voicepeer says to come back to it, not a choice of another post.
    lines = ["open topic one", "post two", "reply", "this made my day too", "cancel"]
    lines += ["post four", "reply", "cancel", "reply to ruth"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    taken_up = talk.said.index("Post 2 of 4, by Jo Baxter.", 3)
    assert talk.said[taken_up + 1].startswith(
        "You have a saved reply to Walked to the end of the pier today. It answers Jo Baxter. "
        "It says: This made my day too."
    )
    # Aimed at another post by name, it answers that one, and says whom it was begun for.
    assert talk.said[-1].startswith(
        "You have a saved reply to Walked to the end of the pier today. You began it as an "
        "answer to post 2; it answers Ruth Adeyemi now. To answer post 2, say cancel, then "
        "reply to post two. It says: This made my day too."
    )


def test_a_saved_reply_to_the_topic_taken_up_with_reply_stays_for_the_topic(
    forum: DemoForum, data: Path
) -> None:
    # Begun at the topic's first post (a reply to the topic), taken up at post 3 with
    # "reply" it answered Sam.
    lines = ["open topic one", "reply", "great effort dave you should be proud", "cancel"]
    lines += ["post three", "reply", "cancel", "reply to post three"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    taken_up = next(i for i, line in enumerate(talk.said) if "saved reply" in line)
    assert talk.said[taken_up].startswith(
        "You have a saved reply to Walked to the end of the pier today. It says: Great effort"
    )
    assert talk.said[-1].startswith(
        "You have a saved reply to Walked to the end of the pier today. You began it as a "
        "reply to the topic itself; it answers Sam Okafor now. To keep it for the topic, say "
        "cancel, then reply to post one."
    )


def test_a_reply_to_sam_privately_is_a_message_to_him(forum: DemoForum, data: Path) -> None:
    # "Privately" was dropped: "It will appear publicly, as an answer to Sam Okafor". Said
    # at Sam's own post, "Sam" is him: "Did you mean Sam Okafor?" asked what was plain.
    lines = ["open topic one", "post three", "reply to sam privately"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-2].startswith("Post 3 of 4, by Sam Okafor,"), talk.transcript
    assert talk.said[-1] == "Writing to Sam Okafor. What is your message about? Say a short title."
    assert "Replying to" not in talk.transcript


def _afresh(place: Path, lines: list[str]) -> Conversation:
    """``lines`` said signed in, on a forum of its own in ``place``: signed in, a forum keeps
    where its member stopped reading, and opening the topic again would go on from there."""
    with keyed_forum(place / "forum.sqlite3") as forum:
        return converse(forum.base_url, lines, place, credentials=signed_in(forum))


def test_the_rest_of_a_reply_command_said_after_a_pause_is_followed(tmp_path: Path) -> None:
    # "Reply", a pause, "to Sam": the reply answered Priya, and "To Sam" began it.
    lines = ["open topic two", "reply", "to Sam", "read it back"]
    said = _afresh(tmp_path / "data", lines).said
    assert said[3] == "Post 2 of 6, by Sam Okafor."
    assert said[4].startswith("Replying to Sam Okafor in")
    assert said[5] == "Your reply is empty so far."
    # "Privately" began a public reply with the word "Privately".
    lines = ["open topic two", "reply", "privately"]
    private = _afresh(tmp_path / "d4", lines)
    assert private.said[-1] == (
        "Writing to Priya Nair. What is your message about? Say a short title."
    ), private.transcript
    assert private.assistant is not None and private.assistant.state is State.TITLING
    lines = ["open topic two", "reply", "um to to post four no three"]
    third = _afresh(tmp_path / "d5", lines).said
    assert third[-2].startswith("Post 3 of 6, by ") and third[-1].startswith("Replying to")
    # Said by its place: "to the one before" was written in as the reply's first words.
    lines = ["open topic two", "next", "reply", "to the one before", "read it back"]
    before = _afresh(tmp_path / "d7", lines).said
    assert before[-3] == "Post 1 of 6, by Priya Nair."
    assert before[-2].startswith("Replying to Priya Nair in")
    assert before[-1] == "Your reply is empty so far."
    # A sentence that begins so is the reply's own.
    lines = ["open topic two", "reply", "to be honest I agree", "read it back"]
    own = _afresh(tmp_path / "d6", lines).said
    assert own[-1] == "Your reply says: To be honest I agree"
    # To the person answered, or "to me" where Mei is in the thread, it is only words.
    quiet = _afresh(tmp_path / "d2", ["open topic two", "reply", "to Priya"])
    assert len(quiet.said) == 3
    lines = ["latest topics", "open topic four", "reply to the last post", "to me"]
    me = _afresh(tmp_path / "d3", lines)
    assert me.said[-1].startswith("Replying to Ruth Adeyemi")


def test_the_rest_said_with_hesitations_or_a_name_taken_back_is_followed(
    forum: DemoForum, tmp_path: Path
) -> None:
    # Each was written in as the reply's first words, with no word said.
    for index, rest in enumerate(("um to Sam", "to Sam's post", "to Priya no to Sam")):
        lines = ["open topic two", "post four", "reply", rest]
        said = converse(
            forum.base_url, lines, tmp_path / str(index), credentials=signed_in(forum)
        ).said
        assert said[-1].startswith("Replying to Sam Okafor in"), (rest, said)


def test_privately_said_for_a_reply_in_a_conversation_says_it_is_private_already(
    forum: DemoForum, tmp_path: Path
) -> None:
    # A new message asked "Did you mean Sam Okafor?", and the words said next were dropped.
    lines = ["my messages", "open topic one", "reply", "privately", "see you on Friday"]
    talk = converse(
        forum.base_url, [*lines, "read it back"], tmp_path / "data", credentials=signed_in(forum)
    )
    assert talk.said[-2] == (
        "This reply is private already. Only you and Sam Okafor will see it. Say your reply."
    ), talk.transcript
    assert talk.said[-1] == "Your reply says: See you on Friday"


def test_reply_privately_in_one_breath_in_a_conversation_is_the_reply_there(
    forum: DemoForum, tmp_path: Path
) -> None:
    # "Reply privately" said at once began a new conversation with the same person: "Writing
    # to Sam Okafor. What is your message about?", and the reply became its title.
    for index, said in enumerate(("reply privately", "reply to Sam privately")):
        lines = ["my messages", "open topic one", said, "see you on Friday", "read it back"]
        talk = converse(forum.base_url, lines, tmp_path / str(index), credentials=signed_in(forum))
        assert talk.said[-3] == "This reply is private already.", talk.transcript
        assert talk.said[-2].startswith("Replying privately to Sam Okafor in Checking in")
        assert talk.said[-1] == "Your reply says: See you on Friday"
    # Someone not in the conversation, or a message asked for plainly, is a new one.
    for index, said in enumerate(("reply to Dave privately", "message Sam")):
        lines = ["my messages", "open topic one", said]
        other = converse(
            forum.base_url, lines, tmp_path / f"o{index}", credentials=signed_in(forum)
        )
        assert "private already" not in other.transcript
        assert other.assistant is not None and other.assistant.state is not State.DICTATING


def test_a_reply_naming_another_writer_says_whom_it_answers(
    forum: DemoForum, tmp_path: Path
) -> None:
    # "Thank you Dave" was posted as an answer to Sam, the post being read at "reply".
    lines = ["open topic one", "post three", "reply", "thank you Dave that sounds lovely"]
    talk = converse(
        forum.base_url, [*lines, "send it"], tmp_path / "data", credentials=signed_in(forum)
    )
    assert talk.said[-1].endswith(
        "as an answer to Sam Okafor, in Good news, on the voicepeer demo forum. It names Dave "
        "Whitfield, but answers Sam Okafor: to answer Dave instead, say no, then cancel, then "
        "reply to Dave. Shall I post it? Say yes or no."
    ), talk.transcript
    # Naming the one it answers too, or only them, it says nothing more.
    lines = ["open topic one", "post three", "reply", "thank you Sam and Dave", "send it"]
    both = converse(forum.base_url, lines, tmp_path / "both", credentials=signed_in(forum))
    assert "It names" not in both.said[-1]


def test_a_writer_named_in_the_possessive_or_with_another_is_said(
    forum: DemoForum, tmp_path: Path
) -> None:
    # "Dave's words" and "Jo and Dave" went unsaid: only "Dave" alone was noticed.
    def asked(reply: str, data: str) -> str:
        lines = ["open topic one", "post three", "reply", reply, "send it"]
        return converse(forum.base_url, lines, tmp_path / data, credentials=signed_in(forum)).said[
            -1
        ]

    assert asked("Dave's words stayed with me all week", "own").endswith(
        "It names Dave Whitfield, but answers Sam Okafor: to answer Dave instead, say no, "
        "then cancel, then reply to Dave. Shall I post it? Say yes or no."
    )
    assert asked("thanks to Jo and Dave for the tips", "two").endswith(
        "It names Jo Baxter and Dave Whitfield, but answers Sam Okafor: to answer one of them "
        "instead, say no, then cancel, then reply and their name, like reply to Jo. Shall I "
        "post it? Say yes or no."
    )
    # One of them the one answered: the reply speaks to both, as meant.
    assert "It names" not in asked("Jo's and Sam's tips helped me a lot", "both")


def test_privately_to_the_one_answered_or_to_no_one_is_a_message(
    forum: DemoForum, tmp_path: Path
) -> None:
    # "Privately to Priya", Priya answered, was written into the public reply unsaid;
    # answering the topic, "privately" wrote to the author of the post being read.
    lines = ["open topic two", "reply", "privately to Priya"]
    talk = converse(forum.base_url, lines, tmp_path / "a", credentials=signed_in(forum))
    assert talk.said[-1] == "Writing to Priya Nair. What is your message about? Say a short title."
    lines = ["open topic two", "post three", "reply to the topic", "privately"]
    topic = converse(forum.base_url, lines, tmp_path / "b", credentials=signed_in(forum))
    assert topic.said[-1] == "Who would you like to write to? Say their name.", topic.transcript


def test_a_rest_that_finds_nothing_begins_the_reply_again(forum: DemoForum, tmp_path: Path) -> None:
    # "To post nine": "There is no post 9 here", and the reply was over unsaid: the words
    # said next were taken for commands ("Sorry, I didn't catch that").
    lines = ["open topic one", "reply", "to post nine", "thanks for this", "read it back"]
    talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    assert talk.said[-3].startswith("There is no post 9 here.")
    assert talk.said[-2].startswith("Replying to Dave Whitfield in")
    assert talk.said[-1] == "Your reply says: Thanks for this"
