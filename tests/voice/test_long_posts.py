"""Long posts: the whole post's length said first, read to its end a part at a time (about
two minutes, ended where a heading of the post begins, the next part named at the pause),
and moving through it by paragraph after a stop or a pause, across parts.

The real demo forum's 2,000-word letter, read by the real voice loop into printed speech.
The one stand-in is the person's key press: the speech output stops itself while saying a
chosen paragraph, as the stop key does from its own thread.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import httpx

from tests.support.conversation import converse
from tests.support.key_press import KeyPressedDuring
from voicepeer.demo_forum import DemoForum
from voicepeer.forum.base import Post
from voicepeer.speech.printed import PrintedSpeech
from voicepeer.voice.paragraphs import ParagraphReading, length_warning
from voicepeer.voice.rendering import EMPTY_POST, PostRenderer
from voicepeer.voice.settings import VoiceSettings

OPEN_LETTER = ["the one about a long letter"]  # the letter, from its start
STOPPED_AT = "I was diagnosed with relapsing remitting MS"
AFTER_IT = "If that is where you are, please know"


def test_a_long_post_says_its_length_first(forum: DemoForum, tmp_path: Path) -> None:
    talk = converse(forum.base_url, OPEN_LETTER, tmp_path / "data")
    header = next(line for line in talk.said if line.startswith("Post 1 of"))
    # The whole 2,049-word letter, not just its first page, at 160 words a minute.
    assert header.endswith(
        "A long post, about 13 minutes. Stop me at any time, then say "
        "next paragraph, previous paragraph, or skip to the end."
    )
    assert any(line.startswith(STOPPED_AT) for line in talk.said)
    assert any(line.startswith(AFTER_IT) for line in talk.said)


def test_short_posts_and_a_zero_threshold_give_no_warning(forum: DemoForum, tmp_path: Path) -> None:
    short = converse(forum.base_url, ["open topic one"], tmp_path / "a")
    assert "A long post" not in short.transcript
    off = converse(
        forum.base_url,
        OPEN_LETTER,
        tmp_path / "b",
        settings=VoiceSettings(greeting=False, long_post_s=0),
    )
    assert "A long post" not in off.transcript


def test_after_a_stop_move_by_paragraph_and_skip_to_the_end(
    forum: DemoForum, tmp_path: Path
) -> None:
    speech = KeyPressedDuring([STOPPED_AT, STOPPED_AT, AFTER_IT])
    converse(
        forum.base_url,
        [
            *OPEN_LETTER,
            "previous paragraph",
            "next paragraph",
            "skip to the end",
            "next paragraph",
            "resume",
        ],
        tmp_path / "data",
        speech=speech.tracked,
    )
    said = [line.removeprefix(PrintedSpeech.PREFIX) for line in speech.out.getvalue().splitlines()]
    stops = [i for i, line in enumerate(said) if line.startswith(STOPPED_AT)]
    # Read up to the stop, not beyond it.
    assert not said[stops[0] + 1].startswith(AFTER_IT)
    # "previous paragraph": the paragraph before, then the stopped one (stopped again).
    assert stops[1] == stops[0] + 2 and said[stops[0] + 1] != said[stops[0]]
    # "next paragraph": on from the paragraph after it (stopped there this time).
    assert said[stops[1] + 1].startswith(AFTER_IT)
    assert said[stops[1] + 2] == (
        "End of the post. Say next for the next post, or reply to answer it."
    )
    assert said[stops[1] + 3] == "That was the last paragraph. Say next for the next post."
    # "resume" after the end reads on: the next post ("repeat" says this one again).
    assert said[stops[1] + 4].startswith("Post 2 of")


def test_resume_after_a_stop_goes_on_from_the_stopped_paragraph(
    forum: DemoForum, tmp_path: Path
) -> None:
    # "Read the rest" as well: it found no command.
    for going_on in ("resume", "read the rest"):
        speech = KeyPressedDuring([STOPPED_AT])
        lines = [*OPEN_LETTER, going_on]
        converse(forum.base_url, lines, tmp_path / going_on, speech=speech.tracked)
        said = speech.out.getvalue().splitlines()
        stops = [i for i, line in enumerate(said) if STOPPED_AT in line]
        assert len(stops) == 2 and AFTER_IT in said[stops[1] + 1]


def test_first_post_after_a_stop_in_the_first_post_reads_it_from_its_start(
    forum: DemoForum, tmp_path: Path
) -> None:
    # "First post" said "This is the first post" and did nothing: only "read", which no
    # answer named, went back to the start.
    speech = KeyPressedDuring([STOPPED_AT])
    converse(forum.base_url, [*OPEN_LETTER, "first post"], tmp_path, speech=speech.tracked)
    said = speech.out.getvalue().splitlines()
    from_start = said.index("SAY: This is the first post. From its start:")
    first = letter_paragraphs(forum)[0]
    assert any(first[:40] in line for line in said[from_start + 1 : from_start + 3]), said


def test_a_long_post_found_by_a_search_is_read_from_the_paragraph_found(
    forum: DemoForum, tmp_path: Path
) -> None:
    # Opened from "search for heat", the letter was read from its start: six minutes before
    # the paragraph that had the word.
    talk = converse(forum.base_url, ["search for heat", "open topic two"], tmp_path)
    paragraphs = letter_paragraphs(forum)
    found = next(i for i, text in enumerate(paragraphs) if "heat" in text.lower())
    assert found > 0
    header = next(line for line in talk.said if line.startswith("Post 1 of 3"))
    assert header.endswith(
        f"You searched for heat: reading from paragraph {found + 1} of {len(paragraphs)}. Say "
        "previous paragraph to go back, or first post for its start."
    )
    assert paragraphs[found][:40] in talk.said[talk.said.index(header) + 1]


def test_where_am_i_in_a_long_post_names_the_paragraph(forum: DemoForum, tmp_path: Path) -> None:
    # After thirteen minutes of one post, "where am I" said only "post 1 of 3".
    paragraphs = letter_paragraphs(forum)
    speech = KeyPressedDuring([STOPPED_AT])
    converse(forum.base_url, [*OPEN_LETTER, "where am i"], tmp_path, speech=speech.tracked)
    where = speech.out.getvalue().splitlines()[-1]
    stopped = next(i for i, text in enumerate(paragraphs) if text.startswith(STOPPED_AT))
    assert where.endswith(f"Paragraph {stopped + 1} of {len(paragraphs)}.")
    short = converse(forum.base_url, ["open topic one", "where am i"], tmp_path / "b").said
    assert "Paragraph" not in short[-1]


def test_continue_after_a_post_read_to_its_end_reads_the_next_one(
    forum: DemoForum, tmp_path: Path
) -> None:
    talk = converse(
        forum.base_url, ["open topic one", "continue", "keep reading"], tmp_path / "data"
    )
    headers = [line.split(",")[0] for line in talk.said if line.startswith("Post ")]
    total = headers[0].split(" of ")[1]
    assert headers == [f"Post {n} of {total}" for n in (1, 2, 3)]


def test_length_warning() -> None:
    assert length_warning(960, 160, 120.0).startswith("A long post, about 6 minutes.")
    assert length_warning(960, 160, 400.0) == ""
    assert length_warning(3, 160, 120.0) == ""
    assert length_warning(160 * 60 * 5, 160, 120.0).startswith("A long post, about 5 hours.")


def test_repeat_after_a_post_says_the_whole_short_post_again(
    forum: DemoForum, tmp_path: Path
) -> None:
    talk = converse(forum.base_url, ["open topic one", "repeat"], tmp_path / "data")
    first = next(i for i, line in enumerate(talk.said) if line.startswith("Post "))
    post = talk.said[first:]
    half = len(post) // 2
    assert len(post) % 2 == 0 and post[:half] == post[half:]


def test_repeat_in_a_long_post_says_the_paragraph_reached(forum: DemoForum, tmp_path: Path) -> None:
    speech = KeyPressedDuring([STOPPED_AT])
    converse(forum.base_url, [*OPEN_LETTER, "repeat"], tmp_path / "data", speech=speech.tracked)
    said = speech.out.getvalue().splitlines()
    assert STOPPED_AT in said[-1] and STOPPED_AT in said[-2]


PAUSE = "I'll pause here. "
FIRST_PAUSE = (
    "I'll pause here. Next part: The first few weeks. The post goes on for about 11 minutes "
    "more. Say continue to read on, or next for the next post."
)


def letter_paragraphs(forum: DemoForum) -> tuple[str, ...]:
    """The letter as the text layer turns it into paragraphs (the unit it is read by)."""
    found = httpx.get(f"{forum.base_url}/search.json", params={"q": "perching stool"}).json()
    topic_id = found["posts"][0]["topic_id"]
    first = httpx.get(f"{forum.base_url}/t/{topic_id}.json").json()["post_stream"]["posts"][0]
    return PostRenderer().paragraphs(
        Post(
            id=first["id"],
            topic_id=topic_id,
            post_number=1,
            username=first["username"],
            cooked=first["cooked"],
        )
    )


def test_the_first_pause_comes_after_two_minutes_before_the_next_heading(
    forum: DemoForum, tmp_path: Path
) -> None:
    # The letter was read for nine minutes (1,500 words) before the first offer to stop,
    # and that pause fell right after a heading ("Family and friends."), its words unread.
    paragraphs = letter_paragraphs(forum)
    said = converse(forum.base_url, OPEN_LETTER, tmp_path / "data").said
    start = next(i for i, line in enumerate(said) if line.startswith("Post 1 of")) + 1
    pause = said.index(FIRST_PAUSE)
    heard = said[start:pause]
    assert heard == list(paragraphs[: len(heard)])
    assert heard[1] == "The day itself." and paragraphs[len(heard)] == "The first few weeks."
    assert 160 <= sum(len(p.split()) for p in heard) <= 400  # one to two and a half minutes
    assert said[pause + 1 :] == []  # nothing more until the person says to go on


def test_reading_part_s_sets_how_long_a_part_is(forum: DemoForum, tmp_path: Path) -> None:
    settings = VoiceSettings(greeting=False, reading_part_s=600.0)
    said = converse(forum.base_url, OPEN_LETTER, tmp_path / "data", settings=settings).said
    pause = next(line for line in said if line.startswith(PAUSE))
    assert pause.startswith("I'll pause here. Next part: ") and pause != FIRST_PAUSE
    start = next(i for i, line in enumerate(said) if line.startswith("Post 1 of")) + 1
    words = sum(len(line.split()) for line in said[start : said.index(pause)])
    assert 800 <= words <= 2_000


def test_carry_on_or_yes_at_a_pause_reads_on_and_next_goes_to_the_next_post(
    forum: DemoForum, tmp_path: Path
) -> None:
    # "Carry on" at the pause read the next post: the rest of the letter was skipped and
    # counted as read. "Yes" there got "No question is waiting for an answer."
    for index, go_on in enumerate(("carry on", "go on please", "yes", "more")):
        said = converse(forum.base_url, [*OPEN_LETTER, go_on], tmp_path / str(index)).said
        assert said[said.index(FIRST_PAUSE) + 1] == "The first few weeks.", go_on
    said = converse(forum.base_url, [*OPEN_LETTER, "next"], tmp_path / "next").said
    assert said[said.index(FIRST_PAUSE) + 1].startswith("Post 2 of 3")


def test_continue_after_each_pause_reads_the_letter_to_its_last_paragraph(
    forum: DemoForum, tmp_path: Path
) -> None:
    paragraphs = letter_paragraphs(forum)
    said = converse(forum.base_url, [*OPEN_LETTER, *["continue"] * 12], tmp_path / "data").said
    start = next(i for i, line in enumerate(said) if line.startswith("Post 1 of")) + 1
    end = said.index(paragraphs[-1], start)
    pauses = [line for line in said[start:end] if line.startswith(PAUSE)]
    # Every paragraph once, in order, with a pause between parts; each part after a pause
    # begins with the heading the pause named.
    assert [line for line in said[start : end + 1] if line not in pauses] == list(paragraphs)
    assert 5 <= len(pauses) <= 12
    for pause in pauses:
        assert pause.endswith("Say continue to read on, or next for the next post.")
        named = pause.removeprefix("I'll pause here. Next part: ").split(". The post")[0]
        assert said[said.index(pause) + 1] == f"{named}."


def test_paragraph_steps_cross_the_page_boundary_both_ways(
    forum: DemoForum, tmp_path: Path
) -> None:
    paragraphs = letter_paragraphs(forum)
    said = converse(forum.base_url, [*OPEN_LETTER, "previous paragraph"], tmp_path / "data").said
    pause = next(i for i, line in enumerate(said) if line.startswith(PAUSE))
    last_of_page = paragraphs.index(said[pause - 1])
    # Back from the pause: the first page's last paragraph, then on into the second page,
    # to the pause after it.
    assert said[pause + 1 : pause + 3] == list(paragraphs[last_of_page : last_of_page + 2])
    assert said[-1].startswith(PAUSE) and said[-2] in paragraphs[last_of_page + 2 :]
    said = converse(forum.base_url, [*OPEN_LETTER, "next paragraph"], tmp_path / "b").said
    pause = next(i for i, line in enumerate(said) if line.startswith(PAUSE))
    assert said[pause + 1] == paragraphs[last_of_page + 1] and said[-1].startswith(PAUSE)


def test_previous_paragraph_again_goes_further_back(forum: DemoForum, tmp_path: Path) -> None:
    # Each "previous paragraph" read on to the end, and the next one started from the end
    # again: the last paragraph, over and over, never the ones above it.
    lines = ["search for googling", "open topic one", "next"]
    said = converse(forum.base_url, [*lines, *["previous paragraph"] * 3], tmp_path).said
    read = said[said.index(next(s for s in said if s.startswith("Item one"))) :]
    _, second, third, last = read[:4]
    assert second.startswith("Item two") and third.startswith("Item three")
    assert last.startswith("RRMS today")
    assert read[4:] == [last, third, last, second, third, last]


def test_skip_to_the_end_reaches_the_real_end_of_a_post_longer_than_a_page(
    forum: DemoForum, tmp_path: Path
) -> None:
    paragraphs = letter_paragraphs(forum)
    speech = KeyPressedDuring([STOPPED_AT])
    converse(
        forum.base_url,
        [*OPEN_LETTER, "skip to the end", "previous paragraph", "next paragraph"],
        tmp_path / "data",
        speech=speech.tracked,
    )
    said = [line.removeprefix(PrintedSpeech.PREFIX) for line in speech.out.getvalue().splitlines()]
    assert PAUSE not in speech.out.getvalue()  # stopped on the first page
    end = said.index("End of the post. Say next for the next post, or reply to answer it.")
    # Back from the end: the letter's own last paragraph, and nothing after it.
    assert said[end + 1 :] == [
        paragraphs[-1],
        "That was the last paragraph. Say next for the next post.",
    ]


def test_a_post_without_readable_words_says_so_after_its_header() -> None:
    said: list[str] = []
    reading = ParagraphReading(said.append, lambda: False, lambda: 160, 120.0, 120.0)
    image_only = Post(
        id=9,
        topic_id=1,
        post_number=1,
        username="sam",
        cooked="<p><img src='/a.png' class='avatar'></p>",
    )
    reading.read_post(
        "Post 1 of 1, by sam.",
        partial(PostRenderer().page, image_only),
        " Three people liked this.",
    )
    assert said == [f"Post 1 of 1, by sam. {EMPTY_POST} Three people liked this."]
    assert not reading.carry_on()


def test_a_long_post_left_part_way_goes_on_from_there_next_time(
    forum: DemoForum, tmp_path: Path
) -> None:
    # Opened again after a restart, the letter was read from its first paragraph.
    paragraphs = letter_paragraphs(forum)
    first = converse(forum.base_url, [*OPEN_LETTER, "goodbye"], tmp_path / "data").said
    pause = next(i for i, line in enumerate(first) if line.startswith(PAUSE))
    left_at = paragraphs.index(first[pause - 1]) + 1  # the page after the pause
    again = converse(forum.base_url, ["resume", *["continue"] * 12], tmp_path / "data").said
    going_on = next(line for line in again if line.startswith("Post 1 of"))
    assert going_on.endswith(
        f"You stopped part-way through this post: going on from paragraph {left_at + 1} of "
        f"{len(paragraphs)}. Say previous paragraph to go back, or first post for its start."
    )
    read = [line for line in again[again.index(going_on) + 1 :] if not line.startswith(PAUSE)]
    assert read[: len(paragraphs) - left_at] == list(paragraphs[left_at:])
    # Read to its end now, the letter starts at the top the time after.
    third = converse(forum.base_url, ["resume", "post one"], tmp_path / "data").said
    assert "You stopped part-way" not in " ".join(third)
