"""Names, titles and excerpts a forum sends are cleaned before voicepeer says or prints them.

A hostile forum (or member) can put terminal escape sequences, BEL, NUL, bidi overrides,
zero-width characters and lone surrogates into any field; none may reach the synthesizer,
the printed transcript or the terminal.
"""

from __future__ import annotations

import dataclasses
import io
import shutil
import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.conversation import converse
from voicepeer.audio.output import WavDirectoryOutput
from voicepeer.demo_forum import DemoForum
from voicepeer.forum import parse
from voicepeer.speech.printed import PrintedSpeech
from voicepeer.speech.streaming import StreamingSpeech
from voicepeer.speech.synth import EspeakSynthesizer, Speech
from voicepeer.speech.text import split_sentences
from voicepeer.speech.text.sanitize import is_clean, is_speakable, speakable
from voicepeer.voice import forum_phrases, phrasing

NOW = datetime(2026, 12, 1, tzinfo=UTC)

HOSTILE = [
    "\x1b[2J\x1b[H",  # clear the screen, cursor home
    "\x1b]0;you have been hacked\x07",  # set the terminal title
    "\x1b]2;title\x1b\\",
    "\x9b31m",  # 8-bit CSI
    "\x07",
    "\x00",
    "\x08",
    "\x7f",
    "\r",
    "\u0085",
    "\u202e",
    "\u202d",
    "\u2066",
    "\u2069",
    "\u061c",
    "\u200f",  # bidi overrides and marks
    "\u200b",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00ad",  # zero-width characters, soft hyphen
    "\ud800",
    "\udfff",  # lone surrogates
    "\ue000",
    "\U000e0041",  # private use, tag character
    "Z" + "\u0301\u0336\u0358" * 40,  # a zalgo flood
]
TEXT = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=12)), max_size=12).map("".join)


def assert_clean(text: str) -> None:
    assert is_clean(text), repr(text)
    for char in text:
        assert unicodedata.category(char) not in {"Cc", "Cf", "Cs", "Co", "Cn"}, repr(text)


def text_fields(record: Any) -> Iterator[tuple[str, str]]:
    """Every text field of a record, nested records and tuples included."""
    if isinstance(record, tuple):
        for item in record:
            yield from text_fields(item)
    elif dataclasses.is_dataclass(record):
        for field in dataclasses.fields(record):
            value = getattr(record, field.name)
            if isinstance(value, str):
                yield field.name, value
            else:
                yield from text_fields(value)


def forum_answers(t: list[str]) -> dict[str, Any]:
    """Discourse JSON answers with a hostile string in every name, title and excerpt."""
    cooked = f"<p>{t[0]}</p>"
    post = {
        "id": 7,
        "topic_id": 5,
        "post_number": 1,
        "username": t[1],
        "name": t[2],
        "cooked": cooked,
        "reply_to_user": {"username": t[3]},
        "action_code": "closed.enabled",
        "action_code_who": t[6],
    }
    return {
        "latest": {
            "users": [{"id": 1, "username": t[4]}],
            "topic_list": {
                "topics": [
                    {
                        "id": 5,
                        "title": t[5],
                        "slug": "s",
                        "posts_count": 3,
                        "unread_posts": 1,
                        "last_poster_username": t[6],
                        "posters": [{"user_id": 1, "description": "Original Poster"}],
                    }
                ]
            },
        },
        "topic": {
            "id": 5,
            "title": t[7],
            "slug": "s",
            "posts_count": 1,
            "category_id": 2,
            "post_stream": {"stream": [7], "posts": [post]},
        },
        "categories": {
            "category_list": {
                "categories": [{"id": 2, "name": t[8], "slug": "c", "description_text": t[9]}]
            }
        },
        "notifications": {
            "notifications": [
                {
                    "id": 1,
                    "notification_type": 2,
                    "read": False,
                    "topic_id": 5,
                    "post_number": 1,
                    "data": {
                        "topic_title": t[10],
                        "display_username": t[11],
                        "group_name": t[9],
                        "badge_name": t[8],
                        "username2": t[4],
                    },
                }
            ]
        },
        "search": {
            "posts": [{"id": 7, "topic_id": 5, "post_number": 1, "username": t[1], "blurb": t[0]}],
            "topics": [{"id": 5, "title": t[5]}],
        },
    }


def records(answers: dict[str, Any]) -> dict[str, Any]:
    return {
        "latest": parse.topic_list(answers["latest"], 0),
        "topic": parse.topic(answers["topic"]),
        "categories": parse.categories(answers["categories"]),
        "notifications": parse.notifications(
            answers["notifications"], parse.NOTIFICATION_KINDS
        ).newest,
        "search": parse.search_results(answers["search"]).hits,
    }


def everything_said(built: dict[str, Any]) -> list[str]:
    """What voicepeer says about these records (the reader's own phrasing)."""
    topic, (category,) = built["topic"], built["categories"]
    post = topic.loaded_posts[0]
    return [
        phrasing.topic_list_summary(built["latest"], 5, "One latest topic."),
        phrasing.topic_intro(topic, forum_phrases.category_phrase(category, category)),
        phrasing.post_header(post, 0, 1, NOW),
        forum_phrases.small_action_line(post, phrasing.author_name(post)),
        *(forum_phrases.notification_line(n) for n in built["notifications"]),
        *(f"{h.topic_title}: {h.username}: {h.excerpt}" for h in built["search"]),
    ]


def test_names_and_titles_from_the_forum_arrive_clean() -> None:
    dirty = "Heat \x1b]0;pwned\x07and \x1b[2Jfatigue\u202e\u200b\x00\ud800"
    built = records(forum_answers([dirty] * 12))
    names = {
        name: value
        for name, value in text_fields(tuple(built.values()))
        if name not in {"slug", "kind", "archetype", "action_code", *parse.MARKUP_FIELDS}
    }
    assert set(names) == {
        "title",
        "username",
        "name",
        "reply_to_username",
        "created_by",
        "last_poster_username",
        "description",
        "topic_title",
        "excerpt",
        "action_code_who",
        "group_name",
        "badge_name",
        "other_username",
        "written_title",
    }
    for name, value in names.items():
        assert value == "Heat and fatigue", (name, value)
    # The post's HTML is kept whole for the reader, which cleans it as a whole.
    assert "\x1b" in built["topic"].loaded_posts[0].cooked


@settings(max_examples=150, deadline=None)
@given(st.lists(TEXT, min_size=12, max_size=12))
def test_no_field_brings_a_control_character_to_print_or_speech(fields: list[str]) -> None:
    built = records(forum_answers(fields))
    for name, value in text_fields(tuple(built.values())):
        if name not in parse.MARKUP_FIELDS:
            assert_clean(value)
    printed = io.StringIO()
    speech = PrintedSpeech(printed)
    for text in everything_said(built):
        speech.say(text)
        # What the streaming speech output hands its synthesizer, sentence by sentence.
        for sentence in split_sentences(text):
            assert is_speakable(speakable(sentence))
    for line in printed.getvalue().splitlines():
        assert_clean(line)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_printed_speech_never_prints_a_control_character(text: str) -> None:
    printed = io.StringIO()
    PrintedSpeech(printed).say(text)
    assert printed.getvalue().count("\n") <= 1
    assert_clean(printed.getvalue().rstrip("\n"))


def test_printed_speech_keeps_the_visible_words() -> None:
    printed = io.StringIO()
    PrintedSpeech(printed).say("Hello \x1b[2J\x1b[Hthere [Update] <3 \u202egnihtemos\x07")
    assert printed.getvalue() == "SAY: Hello there [Update] <3 gnihtemos\n"


class RecordingEspeak(EspeakSynthesizer):
    """The real espeak-ng synthesizer, noting each text it is given."""

    def __init__(self) -> None:
        super().__init__("en-gb")
        self.texts: list[str] = []

    def synthesize(self, text: str, *, rate_wpm: int) -> Speech:
        self.texts.append(text)
        return super().synthesize(text, rate_wpm=rate_wpm)


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_the_synthesizer_gets_only_clean_text(tmp_path: Path) -> None:
    dirty = "Sam\x1b]0;x\x07 \u202e[[h@'l@U]] <speak>\x00\ud800"
    built = records(forum_answers([dirty] * 12))
    synth = RecordingEspeak()
    speech = StreamingSpeech(synth, WavDirectoryOutput(tmp_path))
    try:
        speech.say(forum_phrases.notification_line(built["notifications"][0]))
    finally:
        speech.close()
    assert synth.texts == ["Sam h@'l@U replied to you in Sam h@'l@U."]
    assert list(tmp_path.glob("*.wav"))


@pytest.fixture
def hostile_forum(tmp_path: Path) -> Iterator[DemoForum]:
    """The demo forum, with a hostile title, display name and category name."""
    with DemoForum(tmp_path / "forum.sqlite3") as server:
        with server.store.transaction() as conn:
            topic = conn.execute(
                "SELECT id, user_id, category_id FROM topics ORDER BY bumped_at DESC LIMIT 1"
            ).fetchone()
            conn.execute(
                "UPDATE topics SET title = ? WHERE id = ?",
                ("\x1b[2J\x1b[HCooling \u202evests\u200b\x07 work", topic["id"]),
            )
            conn.execute(
                "UPDATE users SET name = ? WHERE id IN (SELECT user_id FROM posts "
                "WHERE topic_id = ?)",
                ("\x1b]0;owned\x07Jo\x00\ufeff", topic["id"]),
            )
            conn.execute(
                "UPDATE categories SET name = ? WHERE id = ?",
                ("\x1b[31mLiving\u2066 well\x9b0m", topic["category_id"]),
            )
        yield server


def test_a_hostile_forum_is_read_and_printed_clean(
    hostile_forum: DemoForum, tmp_path: Path
) -> None:
    said = converse(
        hostile_forum.base_url, ["latest topics", "open topic 1", "who", "where"], tmp_path / "data"
    ).said
    for line in said:
        assert_clean(line)
    transcript = "\n".join(said)
    assert "Cooling vests work" in transcript
    assert "Cooling vests work, in Living well." in transcript
    assert "This post is by Jo" in transcript


def test_the_forum_s_own_title_is_cleaned_before_the_greeting() -> None:
    assert phrasing.forum_name("\x1b]0;x\x07MS\u202e Society\x1b[2J") == "the MS Society forum"
