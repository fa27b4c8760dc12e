"""A forum's watched words, heard: a post with a censored word is read with "censored" in
its place, and a reply with a blocked word is refused with the forum's reason, its words
kept to change."""

from __future__ import annotations

from pathlib import Path

from tests.support.conversation import converse
from tests.support.members import keyed_forum, posted, signed_in
from tests.voice.test_assistant import first_topic_id
from voicepeer.forum.drafts import DraftStore
from voicepeer.voice.composer import reply_draft_key

REPLY = "the stairs were a heck of a climb today"


def test_a_censored_word_is_read_as_censored(tmp_path: Path) -> None:
    with keyed_forum(tmp_path / "forum.sqlite3", censored_words=("darn",)) as forum:
        body = {
            "title": "Stairs at the new clinic",
            "raw": "Those darn stairs again.",
            "category": 1,
        }
        posted(forum, "sam", body)
        talk = converse(forum.base_url, ["open topic one"], tmp_path / "data")
        assert any("Those censored stairs again." in line for line in talk.said)
        assert not any("black" in line or "■" in line for line in talk.said)


def test_a_censored_word_in_a_title_is_read_as_censored(tmp_path: Path) -> None:
    # Discourse sends titles as written; its web page hides the word itself.
    with keyed_forum(tmp_path / "forum.sqlite3", censored_words=("darn",)) as forum:
        body = {
            "title": "Those darn stairs at the clinic",
            "raw": "Any tips for the climb?",
            "category": 1,
        }
        posted(forum, "sam", body)
        lines = ["latest topics", "open topic one", "where am i", "search for stairs"]
        talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
        titled = [line for line in talk.said if "stairs at the clinic" in line]
        assert len(titled) >= 4, talk.transcript  # listed, opened, where, found
        assert all("Those censored stairs at the clinic" in line for line in titled), titled
        assert "darn" not in talk.transcript.lower()


def test_a_reply_with_a_blocked_word_is_refused_with_the_reason_and_kept(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    with keyed_forum(tmp_path / "forum.sqlite3", blocked_words=("heck",)) as forum:
        lines = ["open topic one", "reply", REPLY, "send it", "yes"]
        talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
        said = talk.said[-1]
        assert "Sorry, you can't post the word 'heck'; it's not allowed." in said
        assert "kept your words" in said, said
        kept = DraftStore(data / "outbox.sqlite3").load(reply_draft_key(first_topic_id(forum)))
        assert kept == "The stairs were a heck of a climb today."
