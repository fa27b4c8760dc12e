"""The command matcher on text: every phrasing and alias, slots, rejection, ambiguity."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from voicepeer.commands import Command, CommandMatcher, Intent
from voicepeer.commands.intents import (
    CATEGORY_NAMED,
    NUMBER_INTENTS,
    PHRASINGS,
    TOPIC_TITLE,
    canonical,
)
from voicepeer.commands.matcher import (
    EITHER_OPEN,
    POST_OPEN,
    REPLY_OPEN,
    TO_FIRST,
    TO_NEWEST,
    TOPIC_PEOPLE,
    TOPIC_STEP,
)
from voicepeer.commands.numbers import LAST_HEARD
from voicepeer.listening import make_interpreter
from voicepeer.recognition.base import Heard
from voicepeer.recognition.settings import RecognitionSettings

MATCHER = CommandMatcher()


@pytest.mark.parametrize(
    ("intent", "phrase"),
    [
        (i, p)
        for i, ps in PHRASINGS.items()
        if i not in (*NUMBER_INTENTS, Intent.SEARCH)
        for p in ps
    ],
)
def test_every_phrasing_means_its_intent(intent: Intent, phrase: str) -> None:
    verdict = MATCHER.interpret(Heard(phrase))
    assert verdict.command is not None, verdict
    assert verdict.command.intent is intent


def test_every_intent_has_a_distinct_canonical_phrase() -> None:
    canonicals = [canonical(i) for i in Intent]
    assert len(set(canonicals)) == len(Intent)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("open topic three", 3),
        ("number twelve", 12),
        ("topic twenty one", 21),
        ("open 7", 7),
        ("Open topic forty-two.", 42),
    ],
)
def test_open_takes_a_number(text: str, number: int) -> None:
    verdict = MATCHER.interpret(Heard(text))
    assert verdict.command is not None
    assert verdict.command.intent is Intent.OPEN
    assert verdict.command.slots["number"] == number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("vote for choice two", 2),
        ("vote for 3", 3),
        ("vote for number four", 4),
        ("vote for option one", 1),
        ("vote for the second one", 2),
        ("vote for the third choice", 3),
        ("could you vote for choice two please", 2),
    ],
)
def test_vote_takes_a_choice_number(text: str, number: int) -> None:
    verdict = MATCHER.interpret(Heard(text))
    assert verdict.command == Command(Intent.VOTE, {"number": number})


@pytest.mark.parametrize("text", ["vote", "vote for", "vote for choice"])
def test_a_vote_without_its_choice_is_no_vote(text: str) -> None:
    # A vote is public: "vote for" must not be read as a vote for choice four.
    assert MATCHER.interpret(Heard(text)).command is None


def test_search_takes_the_rest_as_query() -> None:
    verdict = MATCHER.interpret(Heard("search for heat intolerance"))
    assert verdict.command is not None
    assert verdict.command.intent is Intent.SEARCH
    assert verdict.command.slots == {"query": "heat intolerance"}


def test_bare_search_has_no_query_so_the_loop_can_ask_for_one() -> None:
    verdict = MATCHER.interpret(Heard("search for"))
    assert verdict.command is not None
    assert verdict.command.intent is Intent.SEARCH
    assert "query" not in verdict.command.slots


@pytest.mark.parametrize(
    "text", ["search again", "look for something else", "new search", "another search"]
)
def test_a_search_for_other_words_is_asked_for_them(text: str) -> None:
    verdict = MATCHER.interpret(Heard(text))
    assert verdict.command == Command(Intent.SEARCH), verdict


@pytest.mark.parametrize(
    "text",
    [
        "search for posts about heat",
        "find me topics on heat",
        "search the forum for heat",
        "is there anything about heat",
        "has anyone written about heat",
    ],
)
def test_what_to_look_for_is_without_the_words_around_it(text: str) -> None:
    # The forum looks for every word: "posts about heat" finds only posts saying "posts".
    assert MATCHER.interpret(Heard(text)).command == Command(Intent.SEARCH, {"query": "heat"})


@pytest.mark.parametrize("text", ["write to someone", "send a message to somebody"])
def test_a_message_to_someone_asks_whom(text: str) -> None:
    # "someone" was looked up as a member's name.
    assert MATCHER.interpret(Heard(text)).command == Command(Intent.MESSAGE)


@pytest.mark.parametrize("text", ["search the", "look up the", "message the", "find a"])
def test_a_value_heard_only_as_empty_words_is_asked_for(text: str) -> None:
    # "search heat" was read "search the": searching for "the" is a wrong action, asking
    # "Search for what?" is not.
    verdict = MATCHER.interpret(Heard(text))
    assert verdict.command is not None and verdict.command.slots == {}
    assert MATCHER.interpret(Heard("search the news")).command == Command(
        Intent.SEARCH, {"query": "the news"}
    )


@pytest.mark.parametrize(
    "chatter",
    [
        "I went to the shop this morning",
        "the weather will be wet tomorrow",
        "did you feed the cat",
        "and now the news",
        "my legs are tired",
    ],
)
def test_chatter_runs_no_command(chatter: str) -> None:
    verdict = MATCHER.interpret(Heard(chatter))
    assert verdict.command is None
    assert verdict.ambiguous == ()


def test_low_engine_confidence_is_rejected() -> None:
    assert MATCHER.interpret(Heard("next", confidence=0.05)).command is None
    assert MATCHER.interpret(Heard("next", confidence=0.9)).command is not None


def test_close_intents_are_ambiguous_not_guessed() -> None:
    # "quite" is as close to "quiet" (stop) or "quit" as to "quieter": ask which.
    verdict = MATCHER.interpret(Heard("quite"))
    assert verdict.command is None
    assert Intent.QUIETER in verdict.ambiguous and len(verdict.ambiguous) >= 2


def test_caregiver_alias_is_understood() -> None:
    matcher = CommandMatcher(aliases={"onwards": "next"})  # type: ignore[dict-item]
    verdict = matcher.interpret(Heard("Onwards!"))
    assert verdict.command is not None and verdict.command.intent is Intent.NEXT


def test_confirming_a_post_needs_a_real_yes() -> None:
    confirming = {Intent.YES, Intent.NO, Intent.HELP, Intent.CANCEL}
    # The bundled recognizer hears a spoken "help" as "do it": that must never post.
    interpreted = MATCHER.interpret(Heard("do it"), allowed=confirming)
    assert interpreted.command is None or interpreted.command.intent is not Intent.YES


def test_thresholds_come_from_the_recognition_settings() -> None:
    settings = RecognitionSettings(min_command_score=91.0, wake_min_score=99.0)
    thresholds = make_interpreter(settings).matcher.thresholds
    assert thresholds.min_score == 91.0
    assert thresholds.wake_min_score == 99.0


def test_fullwidth_and_curly_quotes_still_match() -> None:
    verdict = MATCHER.interpret(Heard("What\u2019s NEW"))
    assert verdict.command is not None and verdict.command.intent is Intent.LATEST


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text_gets_a_verdict_without_error(text: str) -> None:
    verdict = MATCHER.interpret(Heard(text))
    assert 0.0 <= verdict.confidence <= 1.0
    if verdict.command is not None:
        assert verdict.command.intent in Intent


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("the second one", 2),
        ("the twenty first topic", 21),
        ("open number twelve", 12),
        ("open the third one", 3),
        ("the 2nd one", 2),
    ],
)
def test_topics_are_picked_the_ways_people_say_numbers(text: str, number: int) -> None:
    command = MATCHER.interpret(Heard(text)).command
    assert command is not None and command.intent is Intent.OPEN
    assert command.slots["number"] == number


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("could you go to the next post please", Intent.NEXT),
        ("um next", Intent.NEXT),
        ("please go back", Intent.BACK),
        ("can you repeat that please", Intent.REPEAT),
        ("turn the volume up", Intent.LOUDER),
        ("the following post", Intent.NEXT),
        ("a bit slower please", Intent.SLOWER),
        ("who wrote this thanks", Intent.WHO),
    ],
)
def test_politeness_filler_and_everyday_words_around_a_command(text: str, intent: Intent) -> None:
    verdict = MATCHER.interpret(Heard(text))
    assert verdict.command == Command(intent), verdict


def test_a_search_keeps_its_words_and_drops_the_politeness() -> None:
    assert MATCHER.interpret(
        Heard("could you search for last week's news please")
    ).command == Command(Intent.SEARCH, {"query": "last week's news"})


@pytest.mark.parametrize(
    ("text", "allowed", "intent"),
    [
        ("carry on", {Intent.NEXT, Intent.RESUME}, Intent.NEXT),
        ("continue", {Intent.NEXT, Intent.RESUME}, Intent.RESUME),
        ("read it", {Intent.READ, Intent.NEXT}, Intent.READ),
        ("read it", {Intent.YES, Intent.NO, Intent.NEXT}, Intent.YES),
    ],
)
def test_the_state_decides_what_words_mean(text: str, allowed: set[Intent], intent: Intent) -> None:
    assert MATCHER.interpret(Heard(text), allowed=allowed).command == Command(intent)


def test_words_meaning_nothing_in_a_state_do_nothing() -> None:
    confirming = {Intent.YES, Intent.NO, Intent.CANCEL, Intent.READ_BACK, Intent.HELP}
    assert MATCHER.interpret(Heard("hang on"), allowed=confirming).command is None


def test_an_exact_phrasing_is_not_ambiguous() -> None:
    assert MATCHER.interpret(Heard("bookmarks")).command == Command(Intent.BOOKMARKS)


@pytest.mark.parametrize("text", ["speak louder", "speak louder please"])
def test_a_near_match_naming_another_commands_own_word_is_asked(text: str) -> None:
    # "speak louder" is two letters from "speak slower", but "louder" is only ever said
    # for louder: asked, never slowed down on.
    verdict = CommandMatcher().interpret(Heard(text))
    assert verdict.command is None
    assert set(verdict.ambiguous) == {Intent.SLOWER, Intent.LOUDER}


@pytest.mark.parametrize(
    ("text", "never"),
    [
        ("take back my topic", Intent.REMOVE_VOTE),
        ("take back my like", Intent.REMOVE_VOTE),
    ],
)
def test_a_near_match_acting_on_another_thing_is_not_taken(text: str, never: Intent) -> None:
    # Spelled nearly as "take back my vote", but about another thing.
    verdict = MATCHER.interpret(Heard(text), allowed={never, Intent.NEXT})
    assert verdict.command is None or verdict.command.intent is not never, verdict
    assert never not in verdict.ambiguous


@pytest.mark.parametrize(
    ("text", "never"),
    [
        # Each spelled nearly as a phrasing that does another thing to it.
        ("remove my posts", Intent.RECOVER_POST),
        ("erase my topic", Intent.RECOVER_POST),
        ("restore my post", Intent.DELETE_POST),
        ("send my reply", Intent.READ_BACK),
        ("read my replies", Intent.SEND),
    ],
)
def test_a_near_match_doing_another_thing_is_not_taken(text: str, never: Intent) -> None:
    verdict = MATCHER.interpret(Heard(text), allowed={never, Intent.NEXT})
    assert verdict.command is None or verdict.command.intent is not never, verdict
    assert never not in verdict.ambiguous


def test_a_near_match_on_the_same_thing_is_still_taken() -> None:
    # A topic is its first post: "next topic" and "next post" act on the same thing.
    verdict = MATCHER.interpret(Heard("delete my replies"), allowed={Intent.DELETE_POST})
    assert verdict.command == Command(Intent.DELETE_POST)


@pytest.mark.parametrize("text", ["delete my topic", "withdraw my topic", "delete my topics"])
def test_deleting_a_topic_is_never_taken_for_bringing_one_back(text: str) -> None:
    # "delete my topic" is spelled nearly as "undelete my topic", the opposite.
    verdict = MATCHER.interpret(Heard(text), allowed={Intent.DELETE_POST, Intent.RECOVER_POST})
    assert verdict.command is None or verdict.command.intent is Intent.DELETE_POST, verdict
    assert verdict.command is not None or Intent.DELETE_POST in verdict.ambiguous


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("next topic", TOPIC_STEP),
        ("previous topic", TOPIC_STEP),
        ("go to the next topic please", TOPIC_STEP),
        ("the following thread", TOPIC_STEP),
        ("next", {}),
        ("next post", {}),
        ("the next one", {}),
        ("the second post", {"number": 2, **POST_OPEN}),
        ("go to the second post", {"number": 2, **POST_OPEN}),
        ("post three", {"number": 3, **POST_OPEN}),
        ("go to post number forty", {"number": 40, **POST_OPEN}),
        ("jump to post 12", {"number": 12, **POST_OPEN}),
        ("read the first post", {"number": 1, **POST_OPEN}),
        # The topic's newest, not "previous" as "the last one" alone is: it went back one.
        ("go to the last post", {"number": LAST_HEARD, **POST_OPEN}),
        ("the first reply", {"number": 1, **REPLY_OPEN}),
        ("reply number two", {"number": 2, **REPLY_OPEN}),
        # Neither a post nor a topic named: while reading, asked which is meant.
        ("the second one", {"number": 2, **EITHER_OPEN}),
        ("number five", {"number": 5, **EITHER_OPEN}),
        ("open five", {"number": 5}),
        ("open post five", {"number": 5, **POST_OPEN}),
        ("choose number two", {"number": 2}),
        ("the second topic", {"number": 2}),
        ("first post", TO_FIRST),
        ("from the top", TO_FIRST),
        ("go back to the beginning", TO_FIRST),  # was not understood
        ("the latest post", TO_NEWEST),
        ("end of the topic", TO_NEWEST),
        # "Who" about the whole topic: who wrote in it, not who wrote this post.
        ("who else replied", TOPIC_PEOPLE),
        ("who's in this topic", TOPIC_PEOPLE),
        ("how many people replied", TOPIC_PEOPLE),
        ("who started this", TOPIC_PEOPLE),  # was not understood
        ("who wrote this", {}),
        ("who liked it", {}),
        ("who wrote topic", {}),  # "who wrote that", misheard
        # A category named: its topics.
        ("topics in good news", {CATEGORY_NAMED: "good news"}),
        ("the living with ms category", {CATEGORY_NAMED: "living with ms"}),
        ("categories", {}),
        ("main menu", {}),  # the latest topics, where voicepeer starts
    ],
)
def test_a_step_that_names_a_topic_says_so(text: str, slots: dict[str, object]) -> None:
    # While reading, "next topic" is the next topic of the list, not the next post; "first
    # post" and "the latest post" go to the topic's ends; "the second post" is a post here.
    verdict = MATCHER.interpret(Heard(text))
    assert verdict.command is not None and verdict.command.slots == slots, verdict


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("reply to sam privately", "sam"),
        ("reply privately to sam", "sam"),
        ("reply to him privately", "him"),
        ("answer priya in private", "priya"),
        ("send sam a private message", "sam"),
        ("write to her privately", "her"),
        ("reply to this privately", "the author"),  # the post being read
        ("reply privately", "the author"),
        ("reply in private", "the author"),
        ("reply to privately", "the author"),  # "reply to", a pause, "privately"
    ],
)
def test_a_reply_asked_for_in_private_is_a_message(said: str, name: str) -> None:
    # "Privately" was dropped and the reply posted for everyone to read.
    found = CommandMatcher().interpret(Heard(said, 1.0)).command
    assert found is not None and found.intent is Intent.MESSAGE
    assert found.slots["name"] == name
    # Said as a reply, it is marked so: in a private conversation it is the reply there.
    assert (found.slots.get("as") == "reply") is said.startswith(("reply", "answer"))


@pytest.mark.parametrize(
    ("said", "title"),
    [
        ("new topic about heat", "heat"),
        ("start a new topic about cooling vests", "cooling vests"),
        ("a new topic about my first relapse", "my first relapse"),
        ("start a topic about the heat", "the heat"),
    ],
)
def test_a_new_topic_said_with_what_it_is_about_has_it_as_its_title(said: str, title: str) -> None:
    found = CommandMatcher().interpret(Heard(said, 1.0)).command
    assert found == Command(Intent.NEW_TOPIC, {TOPIC_TITLE: title})


def test_the_topic_about_something_still_opens_one() -> None:
    matcher = CommandMatcher()
    assert matcher.interpret(Heard("open the topic about heat", 1.0)).command == Command(
        Intent.OPEN, {"about": "heat"}
    )
    bare = matcher.interpret(Heard("new topic about the", 1.0)).command
    assert bare == Command(Intent.NEW_TOPIC)
