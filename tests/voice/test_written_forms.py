"""Dictated words are posted as they are written: recognizers give all in lower case, and
the person cannot see the capitals to fix them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.conversation import converse
from tests.support.members import as_member, signed_in
from voicepeer.demo_forum import DemoForum
from voicepeer.voice.dictation import Draft
from voicepeer.voice.new_conversation import spoken_title
from voicepeer.voice.written_forms import forms_with_names, names_as_written


def test_ms_words_days_and_months_are_written_as_they_always_are() -> None:
    draft = Draft()
    draft.add("my mri on monday showed my ms is stable and i start ocrevus in june")
    assert draft.text == "My MRI on Monday showed my MS is stable and I start Ocrevus in June"
    # Everyday words that are months too stay as said.
    draft.add("we may march on full stop")
    assert draft.text.endswith(" we may march on.")


def test_a_title_is_written_so_too() -> None:
    assert spoken_title("my first mri since starting tysabri") == (
        "My first MRI since starting Tysabri"
    )
    # As dictation is: "question mark" was written out, and "um" kept.
    assert spoken_title("um does anyone use a cooling vest question mark") == (
        "Does anyone use a cooling vest?"
    )
    assert spoken_title("heat comma fatigue and me full stop") == "Heat, fatigue and me"


@pytest.mark.parametrize(
    ("said", "title"),
    [
        # Asked for a title, people say what leads to it too: it became the title.
        ("the title is my first mri", "My first MRI"),
        ("It's about lunch next week", "Lunch next week"),
        ("call it walking again", "Walking again"),
        ("About my diagnosis", "About my diagnosis"),  # "about" alone may begin one
        ("the title is", "The title is"),  # nothing after it: kept, and asked about
    ],
)
def test_what_leads_to_a_title_is_not_part_of_it(said: str, title: str) -> None:
    assert spoken_title(said) == title


def test_words_typed_with_capitals_keep_them() -> None:
    draft = Draft()
    draft.add("Ms Patel said the Mri was fine")
    assert draft.text == "Ms Patel said the Mri was fine"


def test_names_that_are_everyday_words_are_left_as_said() -> None:
    assert names_as_written(["Will Grace", "sam", "Priya Nair", "ms_warrior"]) == {
        "sam": "Sam",
        "priya": "Priya",
        "nair": "Nair",
    }
    draft = Draft()
    forms = forms_with_names(["Will Grace", "Sam Okafor"])
    draft.add("thanks sam comma will you be at the okafor talk with grace", forms=forms)
    assert draft.text == "Thanks Sam, will you be at the Okafor talk with grace"
    # A display name that is a role: "member" was written "Member" in a reply to "Demo Member".
    assert names_as_written(["Demo Member", "Forum Team", "Sam Okafor"]) == {
        "sam": "Sam",
        "okafor": "Okafor",
    }


def test_a_reply_names_the_people_of_the_thread_with_capitals(
    forum: DemoForum, tmp_path: Path
) -> None:
    # Topic two of the latest: Priya started it and Sam answered.
    topic_id = as_member(forum, "/latest.json")["topic_list"]["topics"][1]["id"]
    posts = as_member(forum, f"/t/{topic_id}.json")["post_stream"]["posts"]
    assert {"priya", "sam"} <= {post["username"] for post in posts}
    talk = converse(
        forum.base_url,
        [
            "open topic two",
            "reply",
            "thank you priya and pam comma my ms nurse said the same on monday",
            # A correction writes the thread's names too, and says them so.
            "replace pam with sam",
            "send it",
            "yes",
        ],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    assert "Replaced pam with Sam." in talk.said
    asked = next(line for line in talk.said if "Shall I post it?" in line)
    assert asked.startswith(
        "Your reply says: Thank you Priya and Sam, my MS nurse said the same on Monday."
    )
    posted = as_member(forum, f"/t/{topic_id}.json")["post_stream"]["posts"][-1]
    raw = as_member(forum, f"/posts/{posted['id']}.json")["raw"]
    assert raw == "Thank you Priya and Sam, my MS nurse said the same on Monday."


@pytest.mark.parametrize(
    ("said", "written"),
    [
        # Brand names have capitals; generic names are written in lower case.
        ("i take sativex and zeposia", "I take Sativex and Zeposia"),
        ("ponvory or briumvi or kesimpta", "Ponvory or Briumvi or Kesimpta"),
        ("dimethyl fumarate and baclofen", "Dimethyl fumarate and baclofen"),
        # Vitamins as on their packets.
        ("I take sativex and vitamin d and b 12", "I take Sativex and vitamin D and B12"),
        ("vitamin d three and b twelve", "Vitamin D3 and B12"),
        ("vitamins b and d and a walk daily", "Vitamins B and D and a walk daily"),
        ("my b12 is low", "My B12 is low"),
        ("plan b 2 is a walk", "Plan b 2 is a walk"),
        ("vitamin cd player", "Vitamin cd player"),
    ],
)
def test_medicines_and_vitamins_are_written_as_on_their_packets(said: str, written: str) -> None:
    draft = Draft()
    draft.add(said)
    assert draft.text == written


@pytest.mark.parametrize(
    ("said", "written"),
    [
        # "ms" before a name of the thread, or one typed with a capital, is a title.
        ("i spoke to ms okafor about it", "I spoke to Ms Okafor about it"),
        ("ms Jones is my nurse", "Ms Jones is my nurse"),
        # Elsewhere it is the illness.
        ("I was diagnosed with ms", "I was diagnosed with MS"),
        ("i have ms i think", "I have MS I think"),
        ("my ms nurse said my ms mri was fine", "My MS nurse said my MS MRI was fine"),
        ("ms jones said so", "MS jones said so"),  # no one of that name in the thread
    ],
)
def test_ms_is_a_title_only_before_a_name(said: str, written: str) -> None:
    draft = Draft()
    draft.add(said, forms=forms_with_names(["Sam Okafor"]))
    assert draft.text == written


def test_a_reply_read_back_has_medicines_vitamins_and_titles_written(
    forum: DemoForum, tmp_path: Path
) -> None:
    # Topic two of the latest: Sam Okafor answered in it.
    talk = converse(
        forum.base_url,
        [
            "open topic two",
            "reply",
            "ms okafor comma I take sativex and vitamin d and b 12 for my ms",
            "read it back",
        ],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    assert "Your reply says: Ms Okafor, I take Sativex and vitamin D and B12 for my MS" in talk.said
    assert spoken_title("vitamin d and ms") == "Vitamin D and MS"


@pytest.mark.parametrize(
    ("said", "written"),
    [
        # "dr patel" was posted in lower case.
        ("dr patel said it was fine", "Dr Patel said it was fine"),
        ("thanks to mr and mrs smith", "Thanks to Mr and Mrs Smith"),
        ("prof giovannoni full stop", "Prof Giovannoni."),
        # No name after it: left as said.
        ("the dr said", "The dr said"),
        ("my dr appointment is today", "My dr appointment is today"),
        ("I miss walking", "I miss walking"),
        ("the doctor said", "The doctor said"),
    ],
)
def test_a_title_before_a_name_is_written_with_capitals(said: str, written: str) -> None:
    draft = Draft()
    draft.add(said)
    assert draft.text == written
    assert Draft.from_text(draft.text).text == draft.text


def test_a_name_after_a_title_stays_one_when_corrected() -> None:
    draft = Draft()
    draft.add("dr patel was kind")
    place = draft.find(["patel"])
    assert place is not None
    draft.replace(place, "shah")
    assert draft.text == "Dr Shah was kind"
