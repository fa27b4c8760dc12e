"""A post whose writer hid part of it (Discourse's spoiler blur, used for upsetting
details as much as for plots) is read only after the person chooses to hear it: through
the real voice loop, over loopback, the post cooked by the demo forum as Discourse's
spoiler plugin cooks it."""

from __future__ import annotations

from pathlib import Path

from tests.support.conversation import converse
from tests.support.members import keyed_forum, post_reply, signed_in
from tests.voice.test_assistant import first_topic_id
from voicepeer.voice.reader import HIDDEN_TEXT_NOTE


def test_a_post_with_hidden_text_is_read_only_after_a_yes(tmp_path: Path, data: Path) -> None:
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        words = "I like watching [spoiler]my tests fail[/spoiler]"
        post_reply(forum, "mei", words, first_topic_id(forum))
        lines = ["open topic one", "last post", "yes", "read", "no"]
        talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    asked = talk.said[2]
    assert asked == f"Post 5 of 5, by Mei Lin, just now. {HIDDEN_TEXT_NOTE}", talk.transcript
    assert talk.said[3] == (
        "Post 5 of 5, by Mei Lin, just now. I like watching (hidden text, may spoil: my tests "
        "fail)."
    )
    assert talk.said[-2].endswith(HIDDEN_TEXT_NOTE)
    assert talk.said[-1] == "Skipped. Say next for the next post."
    assert sum("my tests fail" in line for line in talk.said) == 1


def test_a_search_that_finds_hidden_words_does_not_say_them(tmp_path: Path, data: Path) -> None:
    # The piece of the post said in the results was the hidden words themselves.
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        words = "The ending of the film was [spoiler]a rather sad dream sequence[/spoiler]"
        post_reply(forum, "mei", words, first_topic_id(forum))
        talk = converse(forum.base_url, ["search for dream sequence"], data)
    assert talk.said[-1].startswith("1 topic about dream sequence."), talk.transcript
    assert "mei wrote: a post with a hidden part. Open it to choose" in talk.said[-1]
    assert "sad dream" not in talk.transcript.lower()
