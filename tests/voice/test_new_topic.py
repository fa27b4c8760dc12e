"""Starting a topic by voice against the real demo forum over loopback: the category from
numbered choices, a title and a first post checked against the forum's own rules before
anything is sent, and a yes to a question that says it will appear publicly, and where."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from tests.support.conversation import Conversation, converse
from tests.support.members import keyed_forum, signed_in
from voicepeer.demo_forum import DemoForum
from voicepeer.demo_forum.seed_reading import keep_topics_to_staff
from voicepeer.number_words import spoken_numbers
from voicepeer.voice.peer_loop import PEER_QUESTIONS
from voicepeer.voice.states import State

TITLE = "tips for sleeping in the heat"
FIRST_POST = "what helps you sleep when the nights are hot question mark"

ASK_TITLE = "Say its title in a few words: at least 15 letters and spaces."
"""How a new topic's title is asked for, on a forum of stock settings."""


def start(tmp_path: Path, **options: Any) -> DemoForum:
    return keyed_forum(tmp_path / "forum.sqlite3", **options)


def category_topics(forum: DemoForum, slug: str, category_id: int) -> list[dict[str, Any]]:
    body = httpx.get(f"{forum.base_url}/c/{slug}/{category_id}.json").json()
    return list(body["topic_list"]["topics"])


def test_new_topic_in_a_chosen_category_after_yes(tmp_path: Path) -> None:
    with start(tmp_path) as forum:
        categories = httpx.get(f"{forum.base_url}/categories.json").json()
        second = categories["category_list"]["categories"][1]
        before = len(category_topics(forum, second["slug"], second["id"]))
        talk = converse(
            forum.base_url,
            [
                "latest topics",
                "new topic",
                "number nine",
                "number two",
                "tips",
                TITLE,
                "hot",
                "send it",
                FIRST_POST,
                "read it back",
                "send it",
                "no",
                "send it",
                "yes",
            ],
            tmp_path / "data",
            credentials=signed_in(forum),
        )
        after = category_topics(forum, second["slug"], second["id"])
    said = talk.said
    choices = next(line for line in said if line.startswith("Which category"))
    assert f"Two: {second['name']}." in choices
    assert "There is no category 9." in " ".join(said)
    assert f"A new topic in {second['name']}. {ASK_TITLE}" in said
    assert (
        "I heard: Tips. The title is too short: it needs 11 characters more, at least 15 "
        "characters. Please say the whole title again, with more words."
    ) in said
    assert any(
        line.startswith("Your new topic is a little too short for the forum") for line in said
    )
    # Read back with its title, as the question before posting has it.
    assert (
        "Your new topic, titled Tips for sleeping in the heat, says: Hot what helps you sleep "
        "when the nights are hot?"
    ) in said
    question = [line for line in said if "Shall I post it?" in line][-1]
    assert question == (
        "Your new topic, titled Tips for sleeping in the heat, says: Hot what helps you sleep "
        f"when the nights are hot? It will appear publicly, in {second['name']}, on the "
        "voicepeer demo forum. Shall I post it? Say yes or no."
    )
    assert any(line.startswith("All right, I have not posted it.") for line in said)
    assert said[-1] == "Your new topic, Tips for sleeping in the heat, is posted."
    assert talk.assistant is not None and talk.assistant.state is State.BROWSING
    assert len(after) == before + 1
    assert after[0]["title"] == "Tips for sleeping in the heat"


def test_a_category_is_chosen_by_its_name_or_its_number_alone(tmp_path: Path) -> None:
    # Asked "Which category? One: Living with MS. …", people answer with the name, part of
    # it, or the number alone; anything else is asked again, and "goodbye" still ends.
    with start(tmp_path) as forum:
        listed = httpx.get(f"{forum.base_url}/categories.json").json()["category_list"]
        names = [c["name"] for c in listed["categories"]]
        assert names == [
            "Living with MS",
            "Newly diagnosed",
            "Treatments and medication",
            "Good news",
        ]
        answers = {
            "good news": "Good news",
            "the treatments one": "Treatments and medication",
            "two": "Newly diagnosed",
            "the first one": "Living with MS",
            # Not "previous" here, where there is none: it was "not one of them".
            "the last one": "Good news",
        }
        lines = [line for said in answers for line in ("new topic", said, "cancel")]
        talk = converse(
            forum.base_url,
            [*lines, "new topic", "walking stick", "which ones are there", "repeat", "goodbye"],
            tmp_path / "data",
            credentials=signed_in(forum),
        )
    chosen = [line for line in talk.said if line.startswith("A new topic in ")]
    assert chosen == [f"A new topic in {name}. {ASK_TITLE}" for name in answers.values()]
    assert talk.said[-4] == (
        "Sorry, that is not one of them. Which category? Say its name or its number, or say cancel."
    )
    # "Which ones are there" says them again, as "repeat" does.
    assert talk.said[-3].startswith("Which category is your topic for? One: Living with MS.")
    assert talk.said[-2] == talk.said[-3]
    assert talk.said[-1] == "Goodbye. Your place is kept for next time."


def test_a_title_said_before_the_category_is_kept_for_it(tmp_path: Path) -> None:
    # Asked for a category, a person may already say the title: it is kept (and said so),
    # not lost; a help phrasing gives help, and words that sound like a command, or too few
    # to be a title (a category's name misheard), are not kept.
    with start(tmp_path) as forum:
        talk = converse(
            forum.base_url,
            [
                "new topic",
                TITLE,
                "what are my options",
                "go back to the latest topics",
                "really diagnosed",
                "good news",
                FIRST_POST,
                "send it",
                "yes",
            ],
            tmp_path / "data",
            credentials=signed_in(forum),
        )
        listed = httpx.get(f"{forum.base_url}/categories.json").json()["category_list"]
        good_news = next(c for c in listed["categories"] if c["name"] == "Good news")
        posted = category_topics(forum, good_news["slug"], good_news["id"])[0]
    question = PEER_QUESTIONS[State.CATEGORY]
    assert talk.said[1:8] == [
        f"Sorry, that is not one of them. I kept that as the title: {as_title(TITLE)}. " + question,
        "Say the name of the category, like Living with MS, or its number. Or say cancel.",
        f"Sorry, that is not one of them. {question}",
        f"Sorry, that is not one of them. {question}",
        "A new topic in Good news.",
        f"The title is: {as_title(TITLE)}. Now say the first post, then say send it. Take "
        "your time.",
        "Your new topic, titled Tips for sleeping in the heat, says: What helps you sleep "
        "when the nights are hot? It will appear publicly, in Good news, on the voicepeer "
        "demo forum. Shall I post it? Say yes or no.",
    ]
    assert posted["title"] == as_title(TITLE)


def test_a_category_described_is_chosen_by_what_it_is_for_never_kept_as_a_title(
    tmp_path: Path,
) -> None:
    # "The one for new people" was "not one of them", and kept as the title.
    with start(tmp_path) as forum:
        lines = ["new topic", "the one for new people", "newly diagnosed", "cancel"]
        lines += ["new topic", "the one about scans", "cancel", "new topic", "the one for my cat"]
        talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    assert talk.said[1:3] == [
        "Did you mean Newly diagnosed or Good news? Say the name of the one you mean, or its "
        "number.",
        f"A new topic in Newly diagnosed. {ASK_TITLE}",
    ], talk.transcript
    assert f"A new topic in Treatments and medication. {ASK_TITLE}" in talk.said
    assert talk.said[-1] == (
        "Sorry, I could not tell which category that is. Say its name or its number, or say cancel."
    )
    assert "kept" not in talk.transcript


def test_goodbye_before_the_category_of_a_title_said_asks_first(tmp_path: Path) -> None:
    # Nothing keeps a title said before its category: "goodbye voicepeer" there ended the
    # session and it was gone, unsaid.
    with start(tmp_path) as forum:
        talk = converse(
            forum.base_url,
            ["new topic", TITLE, "goodbye voicepeer", "no", "goodbye voicepeer", "yes"],
            tmp_path / "data",
            credentials=signed_in(forum),
        )
        plain = converse(forum.base_url, ["new topic", "goodbye voicepeer"], tmp_path / "b")
    asked = (
        "What you said for your new topic is not kept until you choose its category: if I "
        "stop now, you will need to say it again. Shall I stop now? Say yes or no."
    )
    assert talk.said[2:] == [
        asked,
        f"All right, I am staying. {PEER_QUESTIONS[State.CATEGORY]}",
        asked,
        "Goodbye. Your place is kept for next time.",
    ]
    assert plain.said[-1] == "Goodbye. Your place is kept for next time."


def test_goodbye_after_a_title_too_short_asks_first(forum: DemoForum, data: Path) -> None:
    # Nothing keeps a title the forum would refuse: goodbye ended the session at once.
    lines = ["new topic", "living with ms", "walking sticks", "goodbye", "no", "for hills"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-3] == (
        "The title you said, Walking sticks, is too short to keep: if I stop now, you will "
        "need to say it again. Shall I stop now? Say yes or no."
    ), talk.transcript
    assert talk.said[-2] == f"All right, I am staying. {PEER_QUESTIONS[State.TITLING]}"
    # The title goes on where it was left.
    assert talk.said[-1].startswith("The title is: Walking sticks for hills."), talk.transcript


def put_topic_aside(forum: DemoForum, data: Path) -> None:
    """A new topic in the first category, titled and written, then put aside (saved)."""
    lines = ["new topic", "number one", TITLE, FIRST_POST, "cancel"]
    converse(forum.base_url, lines, data, credentials=signed_in(forum))


def test_a_title_said_before_the_category_replaces_a_saved_topics_own(tmp_path: Path) -> None:
    # The saved title was kept and the one just said dropped: what was said last wins, and
    # the saved one is named, with how to have it back.
    data = tmp_path / "data"
    with start(tmp_path) as forum:
        put_topic_aside(forum, data)
        again = converse(
            forum.base_url,
            ["new topic", "my legs in the cold weather", "number one", "send it", "yes"],
            data,
            credentials=signed_in(forum),
        )
        listed = httpx.get(f"{forum.base_url}/categories.json").json()["category_list"]
        first = listed["categories"][0]
        posted = category_topics(forum, first["slug"], first["id"])[0]
    assert again.said[-3] == (
        "You have a saved new topic in Living with MS, titled Tips for sleeping in the heat. "
        "It says: What helps you sleep when the nights are hot? I gave it the title you just "
        "said: My legs in the cold weather. To go back to Tips for sleeping in the heat, say "
        "change the title, then say Tips for sleeping in the heat. Keep talking to add to it, "
        "or say send it."
    )
    assert posted["title"] == "My legs in the cold weather"


def test_a_title_too_short_said_before_the_category_is_said_not_kept(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with start(tmp_path) as forum:
        put_topic_aside(forum, data)
        again = converse(
            forum.base_url,
            ["new topic about cold feet", "number one"],
            data,
            credentials=signed_in(forum),
        )
    assert again.said[-1] == (
        "It keeps its own title: Cold feet is too short for a title here. To change the "
        "title, say change the title."
    )


def test_the_forums_own_rules_are_explained(tmp_path: Path) -> None:
    with start(tmp_path, min_topic_title_length=40, max_post_length=100) as forum:
        talk = converse(
            forum.base_url,
            [
                "new topic",
                "number one",
                TITLE,
                f"{TITLE} in a very hot summer",
                " ".join([FIRST_POST] * 3),
                "send it",
                "cancel",
            ],
            tmp_path / "data",
            credentials=signed_in(forum),
        )
    said = talk.said
    assert any("at least 40 letters and spaces" in line for line in said)
    assert any("The title is too short: it needs 11 characters more" in line for line in said)
    assert any(line.startswith("Your new topic is too long for the forum by") for line in said)
    assert said[-1].startswith(
        "New topic put aside. It is saved: say new topic and choose the same category"
    )


def test_a_put_aside_topic_comes_back(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with start(tmp_path) as forum:
        put_topic_aside(forum, data)
        again = converse(
            forum.base_url,
            ["new topic", "number one", "send it", "yes"],
            data,
            credentials=signed_in(forum),
        )
        first = httpx.get(f"{forum.base_url}/categories.json").json()["category_list"]
    assert any(
        line.startswith(
            f"You have a saved new topic in {first['categories'][0]['name']}, titled Tips for "
            "sleeping in the heat. It says: What helps you sleep"
        )
        for line in again.said
    )
    assert again.said[-1] == "Your new topic, Tips for sleeping in the heat, is posted."


def test_only_categories_the_member_may_start_topics_in_are_offered(tmp_path: Path) -> None:
    # An announcements category: members reply there, only staff start topics (Discourse
    # sends permission null for it), so a member is never led to dictate one for it.
    with start(tmp_path) as forum:
        listed = httpx.get(f"{forum.base_url}/categories.json").json()["category_list"]
        first, second = listed["categories"][:2]
        keep_topics_to_staff(forum.store, first["slug"])
        talk = converse(
            forum.base_url,
            ["latest topics", "new topic", "number one"],
            tmp_path / "data",
            credentials=signed_in(forum),
        )
        staff = converse(
            forum.base_url,
            ["latest topics", "new topic"],
            tmp_path / "staff",
            credentials=signed_in(forum, "ruth"),
        )
    choices = next(line for line in talk.said if line.startswith("Which category"))
    assert first["name"] not in choices and f"One: {second['name']}." in choices
    assert f"A new topic in {second['name']}." in " ".join(talk.said)
    assert f"One: {first['name']}." in staff.said[-1]


def test_uncategorized_is_offered_only_where_the_forum_allows_topics_in_it(
    tmp_path: Path,
) -> None:
    # Discourse's allow_uncategorized_topics is false by default, and then a topic there is
    # refused to everyone, staff too: a topic dictated for it would only be refused.
    offered: dict[tuple[bool, str], str] = {}
    for allowed in (False, True):
        where = tmp_path / f"allowed-{allowed}"
        where.mkdir()
        with start(where, allow_uncategorized_topics=allowed) as forum:
            for who in ("demo", "ruth"):  # a member, and a moderator
                talk = converse(
                    forum.base_url,
                    ["latest topics", "new topic"],
                    where / who,
                    credentials=signed_in(forum, who),
                )
                offered[allowed, who] = next(
                    line for line in talk.said if line.startswith("Which category")
                )
    for who in ("demo", "ruth"):
        assert "Four: Good news." in offered[False, who]
        assert "Uncategorized" not in offered[False, who] and "Five:" not in offered[False, who]
        assert "Five: Uncategorized." in offered[True, who]


def test_a_visitor_is_told_to_sign_in_before_choosing_a_category(tmp_path: Path) -> None:
    with start(tmp_path) as forum:
        talk = converse(forum.base_url, ["latest topics", "new topic"], tmp_path / "data")
    assert talk.said[-1] == (
        "I am not signed in to the forum. Please ask your helper to run voicepeer forum connect."
    )


FIRST_POST_WRITTEN = "What helps you sleep when the nights are hot?"


def with_a_taken_title(forum: DemoForum, data: Path, then: list[str]) -> tuple[Conversation, str]:
    """A new topic sent with the title of the forum's newest topic, then ``then`` said; the
    conversation and that title."""
    latest = httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"]
    taken = str(latest[0]["title"])
    opening = ["latest topics", "new topic", "number one"]
    lines = [*opening, taken, FIRST_POST, "send it", "yes", *then]
    return converse(forum.base_url, lines, data, credentials=signed_in(forum)), taken


def test_a_title_the_forum_refuses_is_asked_again_at_once_and_the_first_post_kept(
    tmp_path: Path,
) -> None:
    # A stock Discourse refuses a title another topic has, only once the topic is sent:
    # the first post comes back, and the person gives another title straight away instead
    # of dictating it all again.
    with start(tmp_path) as forum:
        talk, taken = with_a_taken_title(forum, tmp_path / "data", [TITLE, "send it", "yes"])
        topics = httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"]
        mine = next(t for t in topics if t["title"].lower() == TITLE)
        first = httpx.get(f"{forum.base_url}/t/{mine['id']}.json").json()
    refused = talk.said.index(
        f"Your new topic, {as_title(taken)}, was not posted. The forum did not accept that. "
        "Another topic on the forum already has this title. Your words are kept. Say another "
        "title, or say cancel to keep them for later."
    )
    assert talk.said[refused + 1] == (
        f"The title is: {as_title(TITLE)}. It says: {FIRST_POST_WRITTEN} Keep talking to add "
        "to it, or say send it."
    )
    assert talk.said[-1].endswith("is posted.")
    assert first["post_stream"]["posts"][0]["cooked"] == f"<p>{FIRST_POST_WRITTEN}</p>"
    assert [t["title"] for t in topics].count(taken) == 1


def test_a_topic_refused_for_its_title_can_be_put_aside_and_taken_up_later(
    tmp_path: Path,
) -> None:
    opening = ["latest topics", "new topic", "number one"]
    with start(tmp_path) as forum:
        talk, _ = with_a_taken_title(forum, tmp_path / "data", ["cancel", *opening, TITLE])
    category = next(line for line in talk.said if line.startswith("A new topic in "))
    place = category.split(".")[0].removeprefix("A new topic ")
    aside = talk.said.index(
        "New topic put aside. It is saved: say new topic and choose the same category to come "
        "back to it."
    )
    assert talk.said[aside + 3 : aside + 6] == [
        # Why was said when it was refused; the words were the person's since.
        f"You have a saved new topic {place}, with no title. Its words are kept. They say: "
        f"{FIRST_POST_WRITTEN}",
        ASK_TITLE,
        f"The title is: {as_title(TITLE)}. It says: {FIRST_POST_WRITTEN} Keep talking to add "
        "to it, or say send it.",
    ]


def test_goodbye_while_a_refused_topic_waits_for_a_title_asks_first(tmp_path: Path) -> None:
    # The words wait for a title, not yet on the forum: as with a reply, goodbye asks.
    with start(tmp_path) as forum:
        then = ["goodbye voicepeer", "no", TITLE]
        talk, _ = with_a_taken_title(forum, tmp_path / "data", then)
    assert talk.said[-3].endswith(
        "is not posted yet. It stays saved either way: say new topic and choose the same "
        "category next time to go on with it. Shall I stop now? Say yes or no."
    )
    assert talk.said[-2] == "All right, I am staying. Say the title, or say cancel."
    assert talk.said[-1].startswith(f"The title is: {as_title(TITLE)}. It says:")


def test_a_title_given_before_goodbye_is_kept_and_not_asked_again(tmp_path: Path) -> None:
    # Tired after the title: goodbye asks first, and the title waits for the words.
    data = tmp_path / "data"
    opening = ["latest topics", "new topic", "number one"]
    with start(tmp_path) as forum:
        left = converse(
            forum.base_url,
            [*opening, TITLE, "goodbye voicepeer", "yes"],
            data,
            credentials=signed_in(forum),
        )
        back = converse(
            forum.base_url, [*opening, FIRST_POST, "send it"], data, credentials=signed_in(forum)
        )
    assert left.said[-2].endswith(
        "has a title and no words yet. Its title stays saved either way: say new topic and "
        "choose the same category next time to go on with it. Shall I stop now? Say yes or no."
    )
    assert left.said[-1].startswith("Goodbye. The title of your new topic is saved")
    taken_up = back.said.index(
        "You have a saved new topic in Living with MS, with a title and no words yet."
    )
    assert back.said[taken_up + 1].startswith(f"The title is: {as_title(TITLE)}. Now say")
    assert back.said[-1].startswith(
        f"Your new topic, titled {as_title(TITLE)}, says: {FIRST_POST_WRITTEN}"
    )


def as_title(dictated: str) -> str:
    return dictated[:1].upper() + dictated[1:]


def test_a_saved_topic_whose_category_closed_goes_to_the_category_chosen_next(
    tmp_path: Path,
) -> None:
    # Put aside in a category that became one only staff start topics in: it is no longer
    # offered, so its words would never be heard again; the next category chosen takes it.
    with start(tmp_path) as forum:
        listed = httpx.get(f"{forum.base_url}/categories.json").json()["category_list"]
        first, second = listed["categories"][:2]
        opening = ["latest topics", "new topic", "number one"]
        converse(
            forum.base_url,
            [*opening, TITLE, FIRST_POST, "cancel"],
            tmp_path / "data",
            credentials=signed_in(forum),
        )
        keep_topics_to_staff(forum.store, first["slug"])
        talk = converse(
            forum.base_url,
            [*opening, "send it", "yes", "new topic"],
            tmp_path / "data",
            credentials=signed_in(forum),
        )
        topics = category_topics(forum, second["slug"], second["id"])
    assert talk.said[1].endswith(
        f"Say its name or its number, or say cancel. Your saved new topic, titled "
        f"{as_title(TITLE)}, was for {first['name']}, where you can no longer start topics: it "
        "goes to the category you choose now, unless that one has a saved topic of its own."
    )
    assert talk.said[2].startswith(
        f"Your saved new topic is in {second['name']} now, titled {as_title(TITLE)}."
    )
    assert talk.said[-2] == f"Your new topic, {as_title(TITLE)}, is posted."
    assert "Your saved new topic" not in talk.said[-1]  # nothing stranded any more
    assert as_title(TITLE) in [t["title"] for t in topics]


def test_a_topic_whose_category_was_deleted_before_it_was_sent_is_kept(
    tmp_path: Path,
) -> None:
    # The topic goes to a category that is deleted between "send it" and "yes": the forum
    # answers 400 (the category is a bad parameter), the words come back, and the next
    # category chosen takes them up.
    with start(tmp_path) as forum:
        with forum.store.transaction() as conn:
            conn.execute(
                "INSERT INTO categories (name, slug, color, text_color, description, position)"
                " VALUES ('Summer meet-ups', 'summer-meet-ups', '0088CC', 'FFFFFF', '', 99)"
            )
        listed = httpx.get(f"{forum.base_url}/categories.json").json()["category_list"]
        number = spoken_numbers(30)[len(listed["categories"]) - 1]

        def delete_it() -> None:
            with forum.store.transaction() as conn:
                conn.execute("DELETE FROM categories WHERE slug = 'summer-meet-ups'")

        first = ["latest topics", "new topic", f"number {number}", TITLE, FIRST_POST]
        again = ["new topic", "number one", "Sleeping in the summer heat", "send it", "yes"]
        talk = converse(
            forum.base_url,
            [*first, "send it", "yes", *again],
            tmp_path / "data",
            credentials=signed_in(forum),
            before_line={6: delete_it},
        )
    words = "What helps you sleep when the nights are hot?"
    refused = talk.said.index(
        f"Your new topic, {as_title(TITLE)}, was not posted. The category chosen for it is no "
        "longer on the forum. I have kept your words: say new topic and choose another "
        "category to change them and send them again."
    )
    assert talk.said[refused + 1].endswith(
        "Your saved new topic was for a category that is no longer on the forum: it goes to "
        "the category you choose now, unless that one has a saved topic of its own."
    )
    place = listed["categories"][0]["name"]
    assert talk.said[refused + 2] == (
        f"Your saved new topic is in {place} now. Its words are kept. They say: {words}"
    )
    assert talk.said[-1] == "Your new topic, Sleeping in the summer heat, is posted."


def test_the_title_can_be_changed_while_writing(tmp_path: Path) -> None:
    # A title heard wrongly was there for good: only the first post could be changed.
    with start(tmp_path) as forum:
        talk = converse(
            forum.base_url,
            [
                "new topic",
                "number one",
                "tips for sleeping in the heap",
                FIRST_POST,
                "change the title",
                "cancel",  # the title it had stays
                "change the title",
                TITLE,
                "help",
                "help",
                "send it",
                "yes",
            ],
            tmp_path / "data",
            credentials=signed_in(forum),
        )
        newest = httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"][0]
    assert talk.said[-4].startswith("Say your first post, then say send it when it is done.")
    assert "change the title" in talk.said[-3]  # help asked again: the rest
    assert talk.said[-8:-4] == [
        "The title is: Tips for sleeping in the heap. Say the new title, or say cancel to keep it.",
        "The title stays: Tips for sleeping in the heap. Go on with your new topic, or say "
        "send it.",
        "The title is: Tips for sleeping in the heap. Say the new title, or say cancel to keep it.",
        "The title is: Tips for sleeping in the heat. It says: What helps you sleep when the "
        "nights are hot? Keep talking to add to it, or say send it.",
    ]
    assert newest["title"] == "Tips for sleeping in the heat"


def test_what_dictation_says_names_the_new_topic_not_a_reply(tmp_path: Path) -> None:
    # "I could not find the word vests in your reply", while writing a new topic.
    lines = ["new topic", "living with ms", TITLE, "I love mine", "correct vests"]
    with start(tmp_path) as forum:
        talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    assert talk.said[-1] == (
        "I could not find the word vests in your new topic, so I took what you said as part "
        "of it. Say scratch that to take it out."
    )


def test_a_new_topic_in_a_named_category_asks_for_no_category(tmp_path: Path) -> None:
    with start(tmp_path) as forum:
        categories = httpx.get(f"{forum.base_url}/categories.json").json()
        good_news = next(
            c for c in categories["category_list"]["categories"] if c["name"] == "Good news"
        )
        lines = ["latest topics", "new topic in good news", TITLE, FIRST_POST, "send it", "yes"]
        talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
        after = category_topics(forum, good_news["slug"], good_news["id"])
    assert talk.said[1] == f"A new topic in Good news. {ASK_TITLE}"
    assert "Which category" not in talk.transcript
    assert after[0]["title"] == "Tips for sleeping in the heat"


def test_a_new_topic_said_with_what_it_is_about_takes_that_as_its_title(tmp_path: Path) -> None:
    # "New topic about …" was not understood at all.
    with start(tmp_path) as forum:
        lines = [
            "latest topics",
            f"start a new topic about {TITLE}",
            "good news",
            FIRST_POST,
            "send it",
            "yes",
            f"new topic about {TITLE} in living with ms",
            "cancel",
            "new topic about heat",
            "four",
        ]
        talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
        categories = httpx.get(f"{forum.base_url}/categories.json").json()
        good_news = next(
            c for c in categories["category_list"]["categories"] if c["name"] == "Good news"
        )
        after = category_topics(forum, good_news["slug"], good_news["id"])
    assert talk.said[1].startswith("Which category is your topic for?")
    assert talk.said[2:4] == [
        "A new topic in Good news.",
        f"The title is: {as_title(TITLE)}. Now say the first post, then say send it. Take "
        "your time.",
    ]
    assert after[0]["title"] == as_title(TITLE)
    # A category named whole at its end is the category, not words of the title.
    assert talk.said[6] == "A new topic in Living with MS."
    assert talk.said[7].startswith(f"The title is: {as_title(TITLE)}.")
    # Too short for a title: asked for one, with the forum's rule.
    assert talk.said[-1] == (
        "I heard: Heat. The title is too short: it needs 11 characters more, at least 15 "
        "characters. Please say the whole title again, with more words."
    )


def test_a_category_name_that_fits_none_is_said_and_they_are_offered(tmp_path: Path) -> None:
    with start(tmp_path) as forum:
        lines = ["latest topics", "start a new topic in gardening", "good news"]
        talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    assert talk.said[1].startswith(
        "I found no category called gardening to start a topic in. Which category is your "
        "topic for? One: "
    )
    assert talk.said[2].startswith("A new topic in Good news.")


def test_a_titled_topic_put_aside_comes_back_in_its_named_category(tmp_path: Path) -> None:
    with start(tmp_path) as forum:
        lines = ["new topic in newly diagnosed", TITLE, "cancel", "new topic in newly diagnosed"]
        talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    assert talk.said[-2:] == [
        "You have a saved new topic in Newly diagnosed, with a title and no words yet.",
        "The title is: Tips for sleeping in the heat. Now say the first post, then say send "
        "it. Take your time.",
    ]
    assert talk.assistant is not None and talk.assistant.state is State.COMPOSING


def test_read_it_back_before_any_words_names_the_title(tmp_path: Path) -> None:
    with start(tmp_path) as forum:
        lines = ["new topic in good news", TITLE, "read it back"]
        talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    assert (
        talk.said[-1] == "Your new topic, titled Tips for sleeping in the heat, has no words yet."
    )


def test_scratch_that_right_after_the_title_says_how_to_change_it(tmp_path: Path) -> None:
    # "There is nothing to remove": the title just said was what the person meant.
    with start(tmp_path) as forum:
        lines = ["new topic in good news", TITLE, "scratch that", "change the title"]
        talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    assert talk.said[-2] == (
        "There are no words to remove yet. To change the title, say change the title."
    )
    assert talk.said[-1].endswith("Say the new title, or say cancel to keep it.")


def test_a_title_said_slowly_goes_on_after_a_pause(tmp_path: Path) -> None:
    # "Heat" was too short, and "and fatigue in summer" became the title on its own; an
    # "um" alone was "I heard: ." and a count of characters.
    with start(tmp_path) as forum:
        lines = ["latest topics", "new topic", "two", "um", "heat", "and fatigue in summer"]
        talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    assert talk.said[3] == "I did not hear a title. Say the title, or say cancel."
    assert talk.said[4].startswith("I heard: Heat. The title is too short")
    assert talk.said[5].startswith("The title is: Heat and fatigue in summer. Now say")


def test_a_title_too_short_goes_on_with_the_next_part_unless_said_again(
    tmp_path: Path,
) -> None:
    # "Walked", too short, then "around the park": the title was "Around the park", and
    # "Walked" was gone; "Cooling vests that" was taken whole, the rest in the post.
    with start(tmp_path) as forum:
        lines = ["new topic in good news", "walked", "around the park"]
        lines += ["cancel", "new topic in newly diagnosed", "cooling", "vests that"]
        lines += ["actually work", "cancel", "new topic in living with ms", "tired"]
        lines += ["feeling tired all the time", "cancel", "new topic in treatments", "my first"]
        lines += ["um", "holiday in five years"]
        talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    said = talk.said
    assert said[1].startswith("I heard: Walked. The title is too short")
    assert said[2].startswith("The title is: Walked around the park. Now")
    assert said[6] == (
        "I heard: Cooling vests that. Is that the whole title? Say yes, or say the rest of it."
    )
    assert said[7].startswith("The title is: Cooling vests that actually work. Now")
    # Said again with more words, the short one is not put before it.
    assert said[11].startswith("The title is: Feeling tired all the time. Now")
    # An "um" between the parts lost the first ("Holiday in five years" was posted).
    assert said[-2] == "I did not hear more of the title. Say the rest of it, or say cancel."
    assert said[-1].startswith("The title is: My first holiday in five years. Now")


def test_a_title_too_short_said_again_in_other_words_is_not_joined(tmp_path: Path) -> None:
    # "Walked", then "a walk around the park": "Walked a walk around the park".
    with start(tmp_path) as forum:
        lines = ["new topic in good news", "walked", "a walk around the park"]
        talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    assert talk.said[-1].startswith("The title is: A walk around the park. Now")


def test_no_to_is_that_the_whole_title_asks_for_the_rest(tmp_path: Path) -> None:
    # "No" there cancelled the new topic, and the title was lost.
    with start(tmp_path) as forum:
        lines = ["new topic in good news", "I need advice about", "no", "starting work again"]
        talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    assert talk.said[-2] == "Say the rest of the title."
    assert talk.said[-1].startswith("The title is: I need advice about starting work again.")


def test_a_saved_new_topic_is_named_when_the_categories_are_offered(tmp_path: Path) -> None:
    # It was taken up only once its category was chosen again, and nothing said it waited.
    with start(tmp_path) as forum:
        lines = ["latest topics", "new topic", "good news", TITLE, FIRST_POST, "cancel"]
        talk = converse(
            forum.base_url, [*lines, "new topic"], tmp_path / "data", credentials=signed_in(forum)
        )
    assert talk.said[-1].endswith(
        "You have a saved new topic, titled Tips for sleeping in the heat, in Good news: "
        "choose Good news to go on with it."
    )


def test_a_title_that_may_go_on_is_asked_about_and_joined_with_the_rest(
    tmp_path: Path,
) -> None:
    # "I need advice about" was the title, and the rest the post's first words; "heat and",
    # too short, then "fatigue in summer" lost "heat and".
    with start(tmp_path) as forum:
        lines = ["new topic in living with ms", "I need advice about", "starting work again"]
        lines += ["cancel", "new topic in good news", "heat and", "fatigue in summer"]
        lines += ["cancel", "message priya", "yes", "things to be grateful for", "yes"]
        lines += ["cancel", "new topic in newly diagnosed", "heat and", "heat and fatigue"]
        talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    said = talk.said
    assert said[1] == (
        "I heard: I need advice about. Is that the whole title? Say yes, or say the rest of it."
    )
    assert said[2].startswith("The title is: I need advice about starting work again. Now")
    assert said[6].startswith("The title is: Heat and fatigue in summer. Now")
    # A title that ends so may be whole: a yes takes it as it is.
    assert said[10] == (
        "I heard: Things to be grateful for. Is that the whole title? Say yes, or say the "
        "rest of it."
    )
    assert said[11].startswith("The title is: Things to be grateful for. Now")
    # Said again whole, it is not joined to what was said before.
    assert said[-1].startswith("The title is: Heat and fatigue. Now")


def test_a_title_said_in_part_before_cancel_is_not_joined_to_the_next_topics(
    tmp_path: Path,
) -> None:
    with start(tmp_path) as forum:
        lines = ["new topic in living with ms", "heat and", "cancel", "new topic in good news"]
        lines += ["and fatigue in summer"]
        talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    assert talk.said[-1].startswith("The title is: And fatigue in summer. Now"), talk.said
