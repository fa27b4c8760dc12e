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
