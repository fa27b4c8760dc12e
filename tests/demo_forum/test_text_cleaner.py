"""Titles are tidied as Discourse's TextCleaner.clean_title tidies them before storing."""

from __future__ import annotations

import httpx
import pytest

from tests.demo_forum.conftest import ForumFactory
from tests.support.members import ADMIN_KEY, member_headers
from voicepeer.demo_forum.text_cleaner import clean_raw, clean_title


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ("tips for the heat!!!", "Tips for the heat!"),
        ("Why does heat tire me??", "Why does heat tire me?"),
        ("HELP WITH FATIGUE PLEASE", "Help with fatigue please"),
        ("iPhone apps for MS", "iPhone apps for MS"),  # a first word not all small: left
        ("cooling vests work...", "Cooling vests work"),
        ("who else is tired ?", "Who else is tired?"),
        ("two  spaces\u00a0and a\u200b zero width", "Two spaces and a zero width"),
        ("...", "..."),
        ("café  tips", "Café tips"),  # Ruby's \b: ASCII letters only
    ],
)
def test_a_title_is_tidied_as_a_stock_discourse_does(sent: str, kept: str) -> None:
    assert clean_title(sent, prettify=True) == kept


def test_without_prettify_only_spaces_are_tidied() -> None:
    assert clean_title("  tips  for the heat!!!  ", prettify=False) == "tips for the heat!!!"


def test_the_forum_keeps_and_compares_the_tidied_title(make_forum: ForumFactory) -> None:
    forum = make_forum(admin_api_key=ADMIN_KEY)

    def start(title: str, n: int) -> httpx.Response:
        body = {
            "title": title,
            "raw": f"What helps you sleep in the heat? Asking {n}.",
            "category": 1,
        }
        return httpx.post(f"{forum.base_url}/posts.json", json=body, headers=member_headers("sam"))

    made = start("sleeping in the summer heat!!!", 1)
    assert made.status_code == 200, made.text
    topic = httpx.get(f"{forum.base_url}/t/{made.json()['topic_id']}.json").json()
    assert topic["title"] == "Sleeping in the summer heat!"
    # The same title once tidied is a title already used.
    again = start("SLEEPING IN THE SUMMER HEAT!", 2)
    assert again.status_code == 422
    assert again.json()["errors"] == ["Title has already been used"]


def test_a_posts_unusual_spaces_are_made_plain_and_its_end_trimmed() -> None:
    assert clean_raw("Cooling\u00a0towels\u2009help.\u3000 \n\n") == "Cooling towels help."
    # Runs of spaces and line breaks inside are the writer's and stay.
    assert clean_raw("One.\n\n  Two.") == "One.\n\n  Two."
