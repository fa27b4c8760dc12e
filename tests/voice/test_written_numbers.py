"""Dictated numbers are posted as people write them: recognizers give them as words, and
the person cannot see "two hundred and forty milligrams" to fix it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.conversation import converse
from tests.support.members import as_member, signed_in
from voicepeer.demo_forum import DemoForum
from voicepeer.voice.dictation import Draft
from voicepeer.voice.new_conversation import spoken_title
from voicepeer.voice.written_numbers import with_digits


@pytest.mark.parametrize(
    ("said", "written"),
    [
        ("i take two hundred and forty milligrams", "I take 240 milligrams"),
        ("it took twenty five minutes", "It took 25 minutes"),
        ("twenty five people came", "25 people came"),
        ("my edss is three point five", "My EDSS is 3.5"),
        ("zero point five", "0.5"),
        ("in two thousand and fifteen", "In 2015"),
        ("ten years", "10 years"),
        ("between ten and twelve weeks", "Between 10 and 12 weeks"),
        ("twelve or thirteen", "12 or 13"),
        ("one hundred percent", "100 percent"),
        ("twenty million", "20 million"),
        # Years said as two pairs of figures.
        ("diagnosed in nineteen ninety eight", "Diagnosed in 1998"),
        ("since twenty twenty four", "Since 2024"),
        ("back in twenty oh nine", "Back in 2009"),
        ("in nineteen hundred", "In 1900"),
        # One to nine stay words, as most writing has them.
        ("three kids and one dog", "Three kids and one dog"),
        ("one of the best days", "One of the best days"),
        ("no one knows", "No one knows"),
        ("two or three times", "Two or three times"),
        # What could be read two ways stays as said.
        ("fifty fifty", "Fifty fifty"),
        ("twenty four seven", "Twenty four seven"),
        ("one two three", "One two three"),
        ("at seven thirty", "At seven thirty"),
        ("ten to nine", "Ten to nine"),
        ("twenty five to ten", "Twenty five to ten"),
        ("half past eleven", "Half past eleven"),
        ("up to twelve weeks", "Up to twelve weeks"),
        ("eleven o'clock", "Eleven o'clock"),
        ("the twenty first of june", "The twenty first of June"),
        ("the nineteen nineties", "The nineteen nineties"),
        ("a hundred and fifty people", "A hundred and fifty people"),
        ("hundreds of people", "Hundreds of people"),
        ("one in a million", "One in a million"),
        # Words that join numbers count only between them.
        ("at one point i gave up", "At one point I gave up"),
        ("and twenty", "And 20"),
        ("oh no", "Oh no"),
        # Thousands have a comma, years none.
        ("four thousand units", "4,000 units"),
        ("up to two thousand steps", "Up to 2,000 steps"),
        ("twelve thousand five hundred", "12,500"),
        ("since two thousand", "Since 2000"),
        ("in may two thousand and nine I", "In may 2009 I"),
        ("in nineteen hundred and ninety", "In 1990"),
        # "And" joins only after hundred or thousand: "fifty and two thousand" was 52000.
        ("fifty and two thousand", "50 and 2,000"),
    ],
)
def test_numbers_are_written_as_people_write_them(said: str, written: str) -> None:
    draft = Draft()
    draft.add(said)
    assert draft.text == written


@pytest.mark.parametrize(
    ("said", "written"),
    [
        # With am or pm a number is a time, in figures: "six am" stayed words.
        ("from ten pm to six am", "From 10 pm to 6 am"),
        ("at seven thirty pm", "At 7:30 pm"),
        ("at seven oh five am", "At 7:05 am"),
        ("twelve pm", "12 pm"),
        # Clock phrases stay as said.
        ("ten to nine pm", "Ten to nine pm"),
        ("half past ten pm", "Half past ten pm"),
        ("at seven thirty", "At seven thirty"),
    ],
)
def test_times_with_am_or_pm_are_in_figures(said: str, written: str) -> None:
    draft = Draft()
    draft.add(said)
    assert draft.text == written


@pytest.mark.parametrize(
    ("said", "written"),
    [
        # "25 pounds 50" and "2000 pounds" were posted.
        ("it cost twenty five pounds fifty", "It cost £25.50"),
        ("twenty five pounds fifty for the taxi", "£25.50 for the taxi"),
        ("two pounds and fifty pence", "£2.50"),
        ("two thousand pounds", "£2,000"),
        ("nineteen ninety nine pounds", "£1,999"),
        ("five pounds a week", "£5 a week"),
        ("one pound", "£1"),
        ("a twenty pound note", "A £20 note"),
        ("two point five pounds", "£2.50"),
        ("fifty p", "50p"),
        ("fifty pence", "50p"),
        ("twenty dollars fifty", "$20.50"),
        ("ten euros", "€10"),
        # A number after the pounds that is no pence stays apart.
        ("twenty pounds fifty people", "£20 50 people"),
        ("two pounds and fifty people", "£2 and 50 people"),
        # Pounds of weight are no money.
        ("I lost ten pounds", "I lost 10 pounds"),
        ("I've put on five pounds", "I've put on five pounds"),
        ("two pounds of apples", "Two pounds of apples"),
        ("a few pounds", "A few pounds"),
        # Read aloud, "£10" sounds as "ten pounds": a weight written as money went unheard.
        ("I dropped ten pounds since May", "I dropped 10 pounds since May"),
        ("the baby was eight pounds six ounces", "The baby was eight pounds six ounces"),
        ("I'm down fifteen pounds", "I'm down 15 pounds"),
        ("I paid two thousand pounds for it", "I paid £2,000 for it"),
    ],
)
def test_money_is_written_with_its_sign(said: str, written: str) -> None:
    draft = Draft()
    draft.add(said)
    assert draft.text == written


def test_money_and_times_stay_correctable_and_go_whole() -> None:
    draft = Draft()
    draft.add("the taxi was twenty five pounds fifty")
    place = draft.find(["fifty"])
    assert place is not None
    draft.replace(place, "sixty")
    assert draft.text == "The taxi was £25.60"
    assert draft.delete_last_word() == "£25.60" and draft.text == "The taxi was"
    assert Draft.from_text("It was £2,000.50 at 6:30 pm.").text == "It was £2,000.50 at 6:30 pm."


def test_marks_and_capitals_around_a_number_are_kept() -> None:
    assert with_digits(["MRI", "in", "Twenty", "Nineteen", ",", "forty", "two", "."]) == [
        "MRI",
        "in",
        "2019",
        ",",
        "42",
        ".",
    ]
    # A paragraph between them: two numbers.
    assert with_digits(["two", "hundred", "\n\n", "and", "forty"]) == ["200", "\n\n", "and", "40"]


def test_the_words_stay_in_the_draft_to_be_corrected() -> None:
    # Read back as digits, a number is still named in words: "replace forty with fifty".
    draft = Draft()
    draft.add("i take two hundred and forty milligrams")
    place = draft.find(["forty"])
    assert place is not None
    draft.replace(place, "fifty")
    assert draft.text == "I take 250 milligrams"


def test_a_title_has_digits_too() -> None:
    assert spoken_title("twelve years with ms") == "12 years with MS"


def test_a_posted_reply_has_digits(forum: DemoForum, tmp_path: Path) -> None:
    topic_id = as_member(forum, "/latest.json")["topic_list"]["topics"][0]["id"]
    talk = converse(
        forum.base_url,
        [
            "open topic one",
            "reply",
            "i was diagnosed in nineteen ninety eight",
            "and walked one point five miles today",
            "replace one point five with two point five",
            "send it",
            "yes",
        ],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    assert "Replaced one point five with two point five." in talk.said
    asked = next(line for line in talk.said if "Shall I post it?" in line)
    assert asked.startswith("Your reply says: I was diagnosed in 1998 and walked 2.5 miles today.")
    posted = as_member(forum, f"/t/{topic_id}.json")["post_stream"]["posts"][-1]
    raw = as_member(forum, f"/posts/{posted['id']}.json")["raw"]
    assert raw == "I was diagnosed in 1998 and walked 2.5 miles today."
