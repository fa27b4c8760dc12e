"""An edit said at "Shall I post it?" is made, and the question is asked again only when the
person says send it: it had been "I did not add that", and a yes then posted the words as
they were. Typed sessions through the real voice loop against the real demo forum."""

from __future__ import annotations

from pathlib import Path

from tests.support.conversation import converse
from tests.support.members import signed_in
from tests.voice.test_assistant import first_topic_id
from tests.voice.test_undo import newest_raw
from voicepeer.demo_forum import DemoForum

REPLY = "well done Dave that is brilliant full stop"


def test_a_change_said_at_the_question_is_made_before_posting(forum: DemoForum, data: Path) -> None:
    topic_id = first_topic_id(forum)
    lines = ["open topic one", "reply", REPLY, "send it", "change brilliant to wonderful"]
    lines += ["yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[4:6] == [
        "Replaced brilliant with wonderful.",
        "Your reply says: Well done Dave that is wonderful. It will appear publicly, in Good "
        "news, on the voicepeer demo forum. Shall I post it? Say yes or no.",
    ]
    assert talk.said[-1].endswith("is posted.")
    assert newest_raw(forum, topic_id) == "Well done Dave that is wonderful."


def test_no_and_an_edit_at_the_question_makes_the_edit(forum: DemoForum, data: Path) -> None:
    lines = ["open topic one", "reply", REPLY, "and so is Jo", "send it", "no scratch that"]
    lines += ["read it back"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-3:] == [
        "Removed the last part. It now ends: Well done Dave that is brilliant.",
        "Your reply says: Well done Dave that is brilliant. It will appear publicly, in Good "
        "news, on the voicepeer demo forum. Shall I post it? Say yes or no.",
        "Your reply says: Well done Dave that is brilliant. It will appear publicly, in Good "
        "news, on the voicepeer demo forum. Shall I post it? Say yes or no.",
    ]


def test_an_edit_at_the_question_of_a_new_topic_is_made(forum: DemoForum, data: Path) -> None:
    lines = ["new topic in good news", "my tips for hot days in summer", "drink cold water"]
    lines += ["and stay inside", "send it", "delete last word", "read it back"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-3] == "Deleted inside."
    assert talk.said[-2].startswith("Your new topic")
    assert "says: Drink cold water and stay. It will appear publicly" in talk.said[-1]


def test_no_after_a_send_that_may_have_been_words_says_how_to_keep_them(
    forum: DemoForum, data: Path
) -> None:
    # "After three years", "I'm finished", "no", "with Tecfidera": "I'm finished" was gone,
    # and nobody said so.
    lines = ["open topic one", "reply", REPLY, "after three years", "I'm finished", "no"]
    lines += ["send it", "no"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-3] == (
        'All right, I have not posted it. Your reply is kept. If "I\'m finished" was part of '
        "your reply, say it again with the words after it. Keep talking to add to it, or say "
        "send it when you are ready."
    )
    # Said plainly, "send it" is no words of a sentence.
    assert talk.said[-1].startswith("All right, I have not posted it. Your reply is kept. Keep")


def test_undo_after_an_edit_at_the_question_takes_it_back(forum: DemoForum, data: Path) -> None:
    # "Undo" was asked again, and a yes posted the reply as the edit had left it; "replace",
    # a pause, then the rest were each asked again.
    topic_id = first_topic_id(forum)
    lines = ["open topic one", "reply", REPLY, "send it", "delete last word", "undo"]
    lines += ["replace", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[6] == "Brought back brilliant. It ends: Well done Dave that is brilliant."
    assert talk.said[7].startswith("Your reply says: Well done Dave that is brilliant. It will")
    assert talk.said[8] == (
        "To change it, say the whole change at once, like: change walk to talk. Shall I post "
        "your reply? Please say yes or no."
    )
    assert newest_raw(forum, topic_id) == "Well done Dave that is brilliant."


def test_an_edit_that_asks_its_own_question_comes_back_to_the_question(
    forum: DemoForum, data: Path
) -> None:
    # "Correct shop", letters, "done" at "Shall I post it?": the question was dropped, and the
    # next "yes" was written into the reply.
    topic_id = first_topic_id(forum)
    lines = ["open topic one", "reply", "I walked to the shop today and back full stop"]
    lines += ["send it", "correct shop", "spell it", "p a r k", "done", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-3:-1] == [
        "Changed shop to park.",
        "Your reply says: I walked to the park today and back. It will appear publicly, in Good "
        "news, on the voicepeer demo forum. Shall I post it? Say yes or no.",
    ]
    assert talk.said[-1].endswith("is posted.")
    assert newest_raw(forum, topic_id) == "I walked to the park today and back."


def test_change_the_title_at_the_question_asks_for_the_new_title(
    forum: DemoForum, data: Path
) -> None:
    # Taken as a no: the new title went into the message, and nothing said so.
    lines = ["message Priya", "yes", "vests", "do you have a cooling vest question mark"]
    lines += ["send it", "change the title", "cooling vest question"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-3] == "The title is: Vests. Say the new title, or say cancel to keep it."
    assert talk.said[-1] == (
        "Your message, titled Cooling vest question, says: Do you have a cooling vest? It will "
        "be sent privately, to Priya Nair, on the voicepeer demo forum. Shall I send it? Say yes "
        "or no."
    )


def test_words_after_a_send_that_may_be_words_go_on_with_the_sentence(
    forum: DemoForum, data: Path
) -> None:
    # "Honestly after five years", "I'm done", "with Tecfidera": the last part was dropped
    # with "Please say yes or no", and a yes posted the sentence cut short.
    topic_id = first_topic_id(forum)
    lines = ["open topic one", "reply", "honestly after five years", "I'm done"]
    lines += ["with Tecfidera full stop", "I need to", "send it", "to my nurse by Friday"]
    lines += ["send it", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    go_on = "Nothing is posted. Go on with your reply, or say send it."
    assert talk.said[4] == (
        'I wrote "I\'m done" and what you said after it into your reply, as your sentence '
        f"went on. {go_on}"
    )
    assert talk.said[6] == (
        'I wrote "Send it" and what you said after it into your reply, as your sentence went '
        f"on. {go_on}"
    )
    assert newest_raw(forum, topic_id) == (
        "Honestly after five years I'm done with Tecfidera. I need to send it to my nurse by "
        "Friday."
    )


def test_an_answer_after_a_send_that_may_be_words_is_no_sentence(
    forum: DemoForum, data: Path
) -> None:
    lines = ["open topic one", "reply", REPLY, "I'm done", "yes please post it", "read it back"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert not any(line.startswith("I wrote") for line in talk.said), talk.transcript
    assert "I'm done" not in talk.said[-1]


def test_unclear_answers_at_the_question_say_how_to_answer(forum: DemoForum, data: Path) -> None:
    # "Yes please post it" got "I did not add that to your reply"; "helps a lot" got only
    # "Please say yes or no", and the person never heard that the words went nowhere.
    lines = ["open topic one", "reply", REPLY, "send it", "yes please post it", "helps a lot"]
    lines += ["let me change it"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    again = "Shall I post your reply? Please say yes or no."
    assert talk.said[-3:] == [
        f"I could not be sure of your answer. Say just yes, or just no, on its own. {again}",
        f"I did not add that to your reply: to add to it, say no, then say the words. {again}",
        "All right, I have not posted it. Your reply is kept. Keep talking to add to it, or say "
        "send it when you are ready.",
    ]


def test_a_title_change_cancelled_at_the_question_asks_it_again_and_undo_takes_nothing(
    forum: DemoForum, data: Path
) -> None:
    # After "cancel", the question was not asked again and the next "yes" was written in;
    # "undo" then took out the message's words, as if the title had been an edit of them.
    lines = ["message priya", "yes", "cooling vests", "do you know where to buy a cooling vest"]
    lines += ["send it", "change the title", "cancel", "undo", "delete this draft"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    question = "Shall I send your message? Please say yes or no."
    assert (
        talk.said[-4] == "The title stays: Cooling vests. Go on with your message, or say send it."
    )
    assert talk.said[-3].endswith("Shall I send it? Say yes or no.")
    assert talk.said[-2:] == [
        f"Nothing was taken back. To keep it from going, say no. {question}",
        f"To delete it, say no, then say delete this draft. {question}",
    ]


def test_an_edit_at_add_it_to_my_last_reply_changes_nothing_and_says_so(
    forum: DemoForum, data: Path
) -> None:
    # "Your reply is put aside" was said, and a yes then added the words unchanged.
    lines = ["open topic one", "reply", REPLY, "send it", "yes", "reply"]
    lines += ["and then I had a long nap", "add it to my last reply", "change nap to rest"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-1] == (
        "I did not change anything. Shall I add your words to your reply? Please say yes or no."
    )


def test_a_send_too_short_that_may_be_words_says_how_to_keep_them(
    forum: DemoForum, data: Path
) -> None:
    # "I think", "I'm done", "with steroids now": too short to send, "I'm done" was gone.
    lines = ["open topic one", "reply", "I think", "I'm done"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-1] == ('If "I\'m done" was part of it, say it again with the words after it.')


def test_undo_after_an_edit_that_emptied_the_reply_brings_back_the_question(
    forum: DemoForum, data: Path
) -> None:
    # "No, scratch that" emptied a reply said in one part, and left the question; "undo"
    # brought the words back without it, and the next "yes" was written in.
    topic_id = first_topic_id(forum)
    lines = ["open topic one", "reply", REPLY, "send it", "no scratch that", "undo", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-2].endswith("Shall I post it? Say yes or no."), talk.transcript
    assert talk.said[-1].endswith("is posted.")
    assert newest_raw(forum, topic_id) == "Well done Dave that is brilliant."


def test_deleting_words_the_reply_has_not_at_the_question_says_so(
    forum: DemoForum, data: Path
) -> None:
    # "I did not add that to your reply" was said of "delete afternoon".
    lines = ["open topic one", "reply", REPLY, "send it", "delete afternoon"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-1] == (
        'I could not find "afternoon" in your reply, so nothing changed. Shall I post your '
        "reply? Please say yes or no."
    )
