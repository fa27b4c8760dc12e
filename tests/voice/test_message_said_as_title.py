"""A whole message said when the title was asked for: too long for a title, it starts the
first post rather than being refused and lost, and a short title is asked for. Against the
real demo forum over loopback, its title limit lowered so the messages stay short."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.support.conversation import converse
from tests.support.members import keyed_forum, signed_in
from voicepeer.demo_forum import DemoForum

MESSAGE = (
    "my legs are heavy today and I wonder if anyone else gets this in the heat comma it "
    "happens every summer"
)
WRITTEN = (
    "My legs are heavy today and I wonder if anyone else gets this in the heat, it happens "
    "every summer."
)
SHORT_TITLE = "heavy legs in the heat"
KEPT = (
    "That is too long for a title, so I kept it as the start of the first post. Now say a "
    "short title: a few words that tell people what it is about."
)


def start(tmp_path: Path, title_limit: int = 60) -> DemoForum:
    return keyed_forum(tmp_path / "forum.sqlite3", max_topic_title_length=title_limit)


def newest_topic(forum: DemoForum) -> dict[str, object]:
    newest = httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"][0]
    topic = httpx.get(f"{forum.base_url}/t/{newest['id']}.json").json()
    return {"title": topic["title"], "cooked": topic["post_stream"]["posts"][0]["cooked"]}


def test_a_message_said_as_the_title_starts_the_first_post(tmp_path: Path) -> None:
    with start(tmp_path) as forum:
        talk = converse(
            forum.base_url,
            ["new topic", "living with ms", MESSAGE, SHORT_TITLE, "send it", "yes"],
            tmp_path / "data",
            credentials=signed_in(forum),
        )
        posted = newest_topic(forum)
    assert talk.said[2:4] == [
        KEPT,
        f"The title is: Heavy legs in the heat. It says: {WRITTEN} Keep talking to add to "
        "it, or say send it.",
    ]
    assert posted == {"title": "Heavy legs in the heat", "cooked": f"<p>{WRITTEN}</p>"}


def test_words_waiting_for_a_title_are_put_aside_and_come_back(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with start(tmp_path) as forum:
        left = converse(
            forum.base_url,
            ["new topic", "living with ms", MESSAGE, "goodbye voicepeer", "yes"],
            data,
            credentials=signed_in(forum),
        )
        back = converse(
            forum.base_url,
            ["new topic", "living with ms", SHORT_TITLE, "send it", "yes"],
            data,
            credentials=signed_in(forum),
        )
        posted = newest_topic(forum)
    assert left.said[2] == KEPT
    assert left.said[-1].startswith("Goodbye. Your new topic is saved")
    assert back.said[1:3] == [
        f"You have a saved new topic in Living with MS, with no title. Its words are kept. "
        f"They say: {WRITTEN}",
        "Say its title in a few words: at least 15 letters and spaces.",
    ]
    assert posted == {"title": "Heavy legs in the heat", "cooked": f"<p>{WRITTEN}</p>"}


def test_a_message_said_before_the_category_starts_its_post(tmp_path: Path) -> None:
    # Asked for the category, a person may already say everything: kept, not "not one of
    # them" and gone.
    with start(tmp_path) as forum:
        talk = converse(
            forum.base_url,
            ["new topic", MESSAGE, "good news", SHORT_TITLE, "send it", "yes"],
            tmp_path / "data",
            credentials=signed_in(forum),
        )
        posted = newest_topic(forum)
    assert talk.said[1].startswith("Sorry, that is not one of them. I kept what you said.")
    assert talk.said[2:4] == ["A new topic in Good news.", KEPT]
    assert posted == {"title": "Heavy legs in the heat", "cooked": f"<p>{WRITTEN}</p>"}


def test_a_message_said_before_the_category_is_added_to_its_saved_topic(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    with start(tmp_path) as forum:
        aside = ["new topic", "good news", SHORT_TITLE, "thanks for reading", "cancel"]
        converse(forum.base_url, aside, data, credentials=signed_in(forum))
        talk = converse(
            forum.base_url,
            ["new topic", MESSAGE, "good news", "send it", "yes"],
            data,
            credentials=signed_in(forum),
        )
        posted = newest_topic(forum)
    assert talk.said[2].startswith("You have a saved new topic in Good news, titled Heavy")
    assert talk.said[3] == "What you said before is added at its end."
    assert posted == {
        "title": "Heavy legs in the heat",
        "cooked": f"<p>Thanks for reading m{WRITTEN[1:]}</p>",
    }


def test_a_long_title_while_retitling_is_asked_again_and_the_words_stay(tmp_path: Path) -> None:
    # With words written already, a long title is a title said too long: asked again.
    with start(tmp_path) as forum:
        talk = converse(
            forum.base_url,
            [
                "new topic",
                "living with ms",
                SHORT_TITLE,
                "thanks everyone",
                "change the title",
                MESSAGE,
                "cancel",
                "read it back",
            ],
            tmp_path / "data",
            credentials=signed_in(forum),
        )
    assert talk.said[-3].startswith("I heard: My legs are heavy today")
    assert talk.said[-3].endswith(
        # "comma" said in it is a comma there too.
        "The title is too long by 38 characters. Please say a shorter title."
    )
    assert talk.said[-1] == "Your new topic, titled Heavy legs in the heat, says: Thanks everyone"


LONG_TITLE = "does anyone else find their legs heavy in the heat every single summer"


def test_send_it_after_a_long_title_alone_offers_it_as_the_first_post(tmp_path: Path) -> None:
    # A message that fits as a title is taken as one; "send it" with nothing more offers
    # its words as the first post too, rather than "empty" and saying it all again.
    lines = ["new topic", "living with ms", LONG_TITLE, "send it", "no", "send it", "yes"]
    with start(tmp_path, title_limit=100) as forum:
        talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
        posted = newest_topic(forum)
    title = LONG_TITLE[:1].upper() + LONG_TITLE[1:]
    offer = (
        "Your new topic has a title and nothing else yet. Shall I post it, with the title's "
        "words as its first post too? It will appear publicly, in Living with MS, on the "
        "voicepeer demo forum. Say yes or no."
    )
    assert talk.said[3:7] == [
        offer,
        "All right. Say the first post now, then say send it.",
        offer,
        f"Your new topic, {title}, is posted.",
    ]
    assert posted == {"title": title, "cooked": f"<p>{title}</p>"}


def test_send_it_after_a_short_title_alone_asks_for_the_first_post(tmp_path: Path) -> None:
    with start(tmp_path) as forum:
        talk = converse(
            forum.base_url,
            ["new topic", "living with ms", SHORT_TITLE, "send it", "yes"],
            tmp_path / "data",
            credentials=signed_in(forum),
        )
        newest = newest_topic(forum)
    assert talk.said[3] == (
        "Your new topic is empty. Please dictate what you want to say. Then say send it."
    )
    assert newest["title"] != "Heavy legs in the heat"


def test_a_private_message_said_as_its_title_is_offered_as_the_message(tmp_path: Path) -> None:
    said = "I wanted to thank you for your kind words they really helped me"
    lines = ["message priya", "yes", said, "send it", "yes"]
    with start(tmp_path, title_limit=100) as forum:
        talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    assert talk.said[-2] == (
        "Your message has a title and nothing else yet. Shall I send it, with the title's "
        "words as the message too? It will be sent privately, to Priya Nair, on the voicepeer "
        "demo forum. Say yes or no."
    )
    assert talk.said[-1] == f"Your message, {said[:1].upper()}{said[1:]}, is sent."


def test_read_it_back_at_the_title_question_is_no_title(tmp_path: Path) -> None:
    # A message's title may be two letters long: "read it back" became its title.
    with start(tmp_path, title_limit=100) as forum:
        talk = converse(
            forum.base_url,
            ["message priya", "yes", "read it back", "thank you", "cancel"],
            tmp_path / "data",
            credentials=signed_in(forum),
        )
        words_first = converse(
            forum.base_url,
            [
                "new topic",
                "living with ms",
                f"{MESSAGE} {MESSAGE}",
                "read back",
                "what did I say",
                SHORT_TITLE,
            ],
            tmp_path / "other",
            credentials=signed_in(forum),
        )
    assert talk.said[2:4] == [
        "Your message is empty so far. Say the title, or say cancel.",
        "The title is: Thank you. Now say your message, then say send it. Take your time.",
    ]
    assert words_first.said[3].startswith("Your new topic says: My legs are heavy today")
    assert words_first.said[3].endswith("Say the title, or say cancel.")
    # Said in everyday words, the same: not a title of "What did I say".
    assert words_first.said[4] == words_first.said[3]
    assert words_first.said[5].startswith("The title is: Heavy legs in the heat. It says:")


HARD_WEEK = (
    "I just wanted to say I am having a really hard week and I feel very alone and I do not "
    "know who to talk to"
)


def test_a_title_as_long_as_a_sentence_is_asked_about_and_kept_either_way(
    tmp_path: Path,
) -> None:
    # "Feeling low" was refused as too short, then the whole post became the title and the
    # title the first post.
    lines = ["start a new topic about feeling low", "living with ms", HARD_WEEK, "yes"]
    lines += ["feeling low this week", "send it", "yes"]
    with start(tmp_path, title_limit=255) as forum:
        talk = converse(forum.base_url, lines, tmp_path / "a", credentials=signed_in(forum))
        posted = newest_topic(forum)
    asked = (
        "That is long for a title. Is it your post? Say yes, and it starts your post; then you "
        "say a short title. Say no, and it is the title."
    )
    assert talk.said[2:5] == [
        "I heard: Feeling low. The title is too short: it needs 4 characters more, at least "
        "15 characters. Please say the whole title again, with more words.",
        asked,
        "I kept it as the start of your post. Now say a short title: a few words that tell "
        "people what it is about. Feeling low was too short: a title needs at least 15 "
        "letters and spaces.",
    ], talk.transcript
    assert posted == {
        "title": "Feeling low this week",
        "cooked": f"<p>{HARD_WEEK[:1].upper()}{HARD_WEEK[1:]}.</p>",
    }
    # "No": it is the title, and the post is asked for.
    lines = ["new topic", "living with ms", HARD_WEEK, "no"]
    with start(tmp_path / "b", title_limit=255) as forum:
        talk = converse(forum.base_url, lines, tmp_path / "b", credentials=signed_in(forum))
    assert talk.said[2] == asked
    assert talk.said[3] == (
        f"The title is: {HARD_WEEK[:1].upper()}{HARD_WEEK[1:]}. Now say the first post, then "
        "say send it. Take your time."
    )


def test_goodbye_at_the_question_about_a_long_title_keeps_its_words(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with start(tmp_path, title_limit=255) as forum:
        lines = ["new topic", "living with ms", HARD_WEEK, "goodbye", "yes"]
        converse(forum.base_url, lines, data, credentials=signed_in(forum))
        back = converse(
            forum.base_url, ["new topic", "living with ms"], data, credentials=signed_in(forum)
        )
    assert back.said[-2] == (
        "You have a saved new topic in Living with MS, with no title. Its words are kept. They "
        f"say: {HARD_WEEK[:1].upper()}{HARD_WEEK[1:]}."
    ), back.transcript
