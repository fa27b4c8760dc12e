from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from voicepeer.errors import ForumRejectedError
from voicepeer.forum.base import Post, TopicList, TopicSummary
from voicepeer.forum.cues import PostCues
from voicepeer.speech.text.sentences import as_sentence
from voicepeer.voice import phrasing
from voicepeer.voice.outbox_phrases import refused_draft_line
from voicepeer.voice.places import PlacesFile
from voicepeer.voice.states import (
    ALLOWED_TRANSITIONS,
    State,
    StateTransitionError,
    check_transition,
)

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def test_every_state_has_its_transitions_listed() -> None:
    assert set(ALLOWED_TRANSITIONS) == set(State)


def test_posting_needs_confirmation_first() -> None:
    # Dictating can only reach READING (cancel), CONFIRMING, the goodbye question or sleep,
    # which lead back only to where the words are written; nothing skips the question.
    assert ALLOWED_TRANSITIONS[State.DICTATING] == {
        State.DICTATING,
        State.CONFIRMING,
        State.READING,
        State.QUITTING,
        State.SLEEPING,
    }
    writing = {
        State.DICTATING,
        State.CONFIRMING,
        State.EDITING_POST,
        State.CHANGING_POST,
        State.TITLING,
        State.COMPOSING,
        State.SENDING,
        State.CATEGORY,  # a title said before its category
        State.CHOOSING,  # a message's words said before its person
    }
    assert ALLOWED_TRANSITIONS[State.QUITTING] == {State.QUITTING, *writing}
    assert all(State.QUITTING in ALLOWED_TRANSITIONS[state] for state in writing)
    with pytest.raises(StateTransitionError):
        check_transition(State.BROWSING, State.CONFIRMING)


def test_topic_list_summary_names_the_first_topics_and_what_to_say() -> None:
    topics = TopicList(
        tuple(
            TopicSummary(
                id=i,
                title=f"Topic {i}",
                slug=f"t{i}",
                posts_count=i,
                created_by="sam",
                unread_posts=2 if i == 1 else 0,
            )
            for i in range(1, 8)
        )
    )
    summary = phrasing.topic_list_summary(topics, shown=2, heading="7 latest topics.")
    assert summary.startswith("7 latest topics. One:")
    assert "One: Topic 1, by sam, no replies, 2 unread." in summary
    assert "Two: Topic 2, by sam, 1 reply." in summary
    assert "Topic 3" not in summary
    assert "open topic and a number up to 7" in summary


def test_a_line_ends_as_one_sentence_so_the_voice_pauses_after_it() -> None:
    # A search result's title is the whole line: "yourself?" not "yourself?.".
    asked = TopicSummary(id=1, title="How do you pace yourself?", slug="p", posts_count=0)
    assert phrasing.topic_line(2, asked) == "Two: How do you pace yourself?"
    assert as_sentence("Small win") == "Small win."
    assert as_sentence("MS fatigue …") == "MS fatigue …"
    assert as_sentence("Great! ") == "Great!"
    assert as_sentence("") == ""


def test_words_read_out_before_what_to_say_next_end_as_a_sentence() -> None:
    # Dictated words have no full stop of their own: without one, "Thanks for this Change
    # it" runs on in one breath.
    refused = ForumRejectedError("422", errors=("Body seems unclear, is it a complete sentence?",))
    line = refused_draft_line("Walked to the pier", refused, "Thanks for this")
    assert "Your reply says: Thanks for this. Change it, then say send it." in line


def test_post_header_says_position_author_age_and_whom_it_answers() -> None:
    post = Post(
        id=9,
        topic_id=1,
        post_number=3,
        username="alex",
        cooked="<p>hi</p>",
        created_at=NOW - timedelta(hours=2),
        reply_to_username="sam",
    )
    assert phrasing.post_header(post, 2, 14, NOW) == (
        "Post 3 of 14, by alex, 2 hours ago, replying to sam."
    )
    # The name the forum shows for whom it answers; the person is "you", as author too.
    named = replace(post, reply_to_name="Sam Okafor")
    assert phrasing.post_header(named, 2, 14, NOW, me="demo").endswith("replying to Sam Okafor.")
    assert phrasing.post_header(named, 2, 14, NOW, me="Sam").endswith("replying to you.")
    own = replace(post, cues=PostCues(yours=True, admin=True))
    assert phrasing.post_header(own, 2, 14, NOW) == (
        "Post 3 of 14, by you, 2 hours ago, replying to sam."
    )
    follow_up = replace(post, reply_to_username="Alex")
    assert phrasing.post_header(follow_up, 2, 14, NOW, me="alex").endswith(
        "replying to their own post."
    )
    assert phrasing.post_header(replace(own, reply_to_username="alex"), 2, 14, NOW).endswith(
        "replying to your own post."
    )


def test_places_survive_a_restart_and_ignore_a_damaged_file(tmp_path: Path) -> None:
    path = tmp_path / "state" / "places.json"
    places = PlacesFile(path)
    places.set(12, 4)
    assert PlacesFile(path).get(12) == 4
    assert PlacesFile(path).get(13) is None
    assert PlacesFile(path).last_topic() == 12
    path.write_text("{not json")
    assert PlacesFile(path).get(12) is None


def test_a_long_post_left_part_way_is_kept_until_read_to_its_end(tmp_path: Path) -> None:
    path = tmp_path / "state" / "places.json"
    PlacesFile(path).set(12, 0)
    PlacesFile(path).set_paragraph(12, 1, 17)
    assert PlacesFile(path).paragraph(12) == (1, 17)
    assert PlacesFile(path).get(12) == 0 and PlacesFile(path).paragraph(13) is None
    PlacesFile(path).set_paragraph(12, 1, None)
    assert PlacesFile(path).paragraph(12) is None
    assert PlacesFile(path).get(12) == 0  # the post's place stays
    # Values of the wrong kind are left out, not trusted.
    path.write_text('{"12": [1], "12:paragraph": [1, -3], "13": true, "14": 2}')
    assert [PlacesFile(path).paragraph(12), PlacesFile(path).get(13)] == [None, None]
    assert PlacesFile(path).get(14) == 2


@pytest.mark.parametrize(
    ("seconds", "said"),
    [
        (0.2, "1 second"),
        (89, "89 seconds"),
        (90, "2 minutes"),
        (600, "10 minutes"),
        (5400, "2 hours"),
        # A forum's daily limit asks for hours, not "780 minutes".
        (13 * 3600 + 100, "13 hours"),
    ],
)
def test_a_wait_is_said_in_the_unit_a_person_would_use(seconds: float, said: str) -> None:
    assert phrasing.wait_phrase(seconds) == said
