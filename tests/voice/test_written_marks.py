"""Marks, emoji, times, money and titles said while dictating are posted as people write
them, through the real voice loop against the real demo forum: the person cannot see the
reply to fix "open bracket" or "25 pounds 50" by hand."""

from __future__ import annotations

from pathlib import Path

from tests.support.conversation import converse
from tests.support.members import signed_in
from tests.voice.test_assistant import first_topic_id
from tests.voice.test_undo import newest_raw
from voicepeer.demo_forum import DemoForum

SAID = [
    "dr patel says rest dash then walk open bracket slowly close bracket full stop",
    "the taxi was twenty five pounds fifty from ten pm to six am full stop",
    "she said quote you are doing well unquote full stop",
    "thank you heart emoji",
]
WRITTEN = (
    "Dr Patel says rest – then walk (slowly). The taxi was £25.50 from 10 pm to 6 am. "
    "She said “you are doing well”. Thank you ❤️"
)


def test_a_reply_with_marks_emoji_money_and_a_title_is_posted_as_written(
    forum: DemoForum, data: Path
) -> None:
    topic_id = first_topic_id(forum)
    talk = converse(
        forum.base_url,
        ["open topic one", "reply", *SAID, "send it", "yes"],
        data,
        credentials=signed_in(forum),
    )
    asked = next(line for line in talk.said if "Shall I post it?" in line)
    # Read back as written, the emoji by its name.
    assert asked.startswith(
        "Your reply says: Dr Patel says rest – then walk (slowly). The taxi was £25.50 from "
        "10 pm to 6 am. She said “you are doing well”. Thank you. Heart."
    )
    assert newest_raw(forum, topic_id) == WRITTEN


def test_a_reply_put_aside_comes_back_as_written_and_stays_correctable(
    forum: DemoForum, data: Path
) -> None:
    topic_id = first_topic_id(forum)
    converse(
        forum.base_url,
        ["open topic one", "reply", *SAID, "cancel"],
        data,
        credentials=signed_in(forum),
    )
    # Taken up again in a new session: from its text, then the emoji deleted.
    talk = converse(
        forum.base_url,
        ["open topic one", "reply", "delete last word", "send it", "yes"],
        data,
        credentials=signed_in(forum),
    )
    assert "Deleted heart emoji." in talk.said
    # Said as it is read back: the emoji by name (it was given to the voice as it is).
    taken_up = next(line for line in talk.said if line.startswith("You have a saved reply"))
    assert "❤" not in taken_up and "Heart." in taken_up, taken_up
    # Ending in a word now, it gets its full stop.
    assert newest_raw(forum, topic_id) == WRITTEN.removesuffix(" ❤️") + "."


def test_a_quote_never_ended_is_posted_closed_at_the_end_of_its_sentence(
    forum: DemoForum, data: Path
) -> None:
    # "Open quote" with no "end quote" posted a lone opening quote mark.
    topic_id = first_topic_id(forum)
    said = ["she said open quote rest more full stop", "then I slept"]
    talk = converse(
        forum.base_url,
        ["open topic one", "reply", *said, "send it", "yes"],
        data,
        credentials=signed_in(forum),
    )
    asked = next(line for line in talk.said if "Shall I post it?" in line)
    assert asked.startswith("Your reply says: She said “rest more”. Then I slept.")
    assert newest_raw(forum, topic_id) == "She said “rest more”. Then I slept."
