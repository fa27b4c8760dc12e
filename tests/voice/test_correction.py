"""Correcting a dictated reply by voice: the draft's words, the questions asked, and typed
sessions through the real voice loop against the real demo forum. What counts as a
correction command is tested in tests/commands/test_correction.py."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.support.conversation import converse
from tests.support.members import signed_in
from voicepeer.commands.correction import CHOICE_ANSWERS, SPELLING_ANSWERS
from voicepeer.commands.interpreter import Interpreter
from voicepeer.demo_forum import DemoForum
from voicepeer.listening import voice_loop_phrasebook
from voicepeer.recognition.base import Heard, HeardWord
from voicepeer.recognition.word_choices import words_from_readings
from voicepeer.voice.articles import indefinite_article
from voicepeer.voice.correction import Corrector, Pending, read_back
from voicepeer.voice.dictation import Draft


def last_post(forum: DemoForum) -> str:
    topic_id = httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"][0]["id"]
    posts = httpx.get(f"{forum.base_url}/t/{topic_id}.json").json()["post_stream"]["posts"]
    return str(posts[-1]["cooked"])


def correcting(what: str = "reply") -> tuple[list[str], Draft, Corrector]:
    """What voicepeer says, a draft of a ``what`` and its corrector, for a test."""
    said: list[str] = []
    return said, Draft(), Corrector(said.append, Interpreter(), what)


def test_word_alternatives_come_from_aligned_readings() -> None:
    readings = [
        "the fatty is bad",
        "the fatigue is bad",
        "the fatigue is bad",
        "the fatty is bad",
        "a fatty is bad",
        "the thirty eight is bad",
    ]
    words = words_from_readings("the fatty is bad", readings)
    assert [w.text for w in words] == ["the", "fatty", "is", "bad"]
    assert words[1].alternatives[0] == "fatigue" and "thirty eight" in words[1].alternatives
    assert words[1].confidence == pytest.approx(3 / 6)
    assert words[2].confidence == 1.0 and words[2].alternatives == ()
    assert words[0].alternatives == ("a",)


def heard(text: str, unsure: dict[str, tuple[str, ...]] | None = None) -> Heard:
    unsure = unsure or {}
    return Heard(
        text,
        words=tuple(
            HeardWord(w, 0.3 if w in unsure else 1.0, unsure.get(w, ())) for w in text.split()
        ),
    )


def test_choosing_another_guess_replaces_only_that_word() -> None:
    said, draft, corrector = correcting()
    draft.add("the fatty comma is bad", heard("the fatty comma is bad").words)
    draft.add("my fatty is worse", heard("my fatty is worse", {"fatty": ("fatigue", "fat")}).words)
    assert read_back(draft).endswith("I'm not sure about: fatty.")
    assert corrector.hear(Heard("correct fatty"), draft)
    # Twice in the reply: which one is meant is said.
    assert said[-1] == (
        "Your reply has fatty 2 times: this is about the last one. To change another, say "
        "more of the words around it. Instead of fatty: 1: fatigue, 2: fat. Say a number, "
        "none of those, or spell it."
    )
    assert corrector.hear(Heard("seven"), draft) and said[-1].startswith("There are only 2")
    assert corrector.hear(Heard("number one"), draft)
    assert said[-1] == "Changed fatty to fatigue."
    assert draft.text == "The fatty, is bad my fatigue is worse"
    assert "not sure" not in read_back(draft)
    assert corrector.pending is Pending.NOTHING


def test_a_word_named_as_heard_differently_is_found_through_its_guesses() -> None:
    said, draft, corrector = correcting()
    draft.add("the thirteen is bad", heard("the thirteen is bad", {"thirteen": ("fatigue",)}).words)
    naming = Heard(
        "correct fatigue", words=(HeardWord("correct"), HeardWord("fatigue", 0.4, ("thirteen",)))
    )
    assert corrector.hear(naming, draft)
    assert said[-1].startswith("Instead of thirteen: 1: fatigue")


def test_spelling_takes_plain_and_nato_letters_until_done() -> None:
    said, draft, corrector = correcting()
    draft.add("I have miss")
    assert corrector.hear(Heard("correct miss"), draft)
    assert said[-1] == (
        "I have no other guesses for miss. Spell miss letter by letter, then say done."
    )
    assert corrector.hear(Heard("mike"), draft) and said[-1] == "m. More letters, or say done."
    assert corrector.hear(Heard("s"), draft)
    assert corrector.hear(Heard("pardon"), draft)
    assert said[-1].startswith("Say letters, like m s")
    assert corrector.hear(Heard("that's it"), draft)
    # Written as MS is: the confirmation says it so (read out as letters).
    assert said[-1] == "Changed miss to MS." and draft.text == "I have MS"


@pytest.mark.parametrize("answer", ["yes", "okay", "no", "where am I"])
def test_a_bare_answer_while_spelling_asks_for_letters_again(answer: str) -> None:
    # "Yes" to "Spell shop letter by letter" was written into the reply; "where am I" too.
    said, draft, corrector = correcting()
    draft.add("I went to the shop today")
    assert corrector.hear(Heard("correct shop"), draft)
    assert corrector.hear(Heard(answer), draft)
    assert said[-1] == "Say letters, like m s, or mike sierra, then say done. Or say leave it."
    assert draft.text == "I went to the shop today" and corrector.pending is Pending.SPELLING


def test_another_word_named_while_spelling_is_the_one_corrected() -> None:
    # The letters after "correct stick" went to "walking": "Changed walking to cane".
    said, draft, corrector = correcting()
    draft.add("I was walking with my stick")
    assert corrector.hear(Heard("correct walking"), draft)
    assert corrector.hear(Heard("correct stick"), draft)
    assert said[-2:] == [
        "Left walking as it was.",
        "I have no other guesses for stick. Spell stick letter by letter, then say done.",
    ]
    assert corrector.hear(Heard("c a n e"), draft) and corrector.hear(Heard("done"), draft)
    assert said[-1] == "Changed stick to cane." and draft.text == "I was walking with my cane"


def test_a_word_of_the_title_named_for_correction_points_to_the_title() -> None:
    # "Correct munths" in a new topic was written into its first post, and a "replace"
    # after it then changed those written-in words: the title kept "munths".
    said, draft, corrector = correcting("new topic")
    corrector.title_of = lambda: "My first walk in munths"
    draft.add("It was lovely to be out")
    for command in ("correct munths", "replace munths with months"):
        assert corrector.hear(Heard(command), draft), command
        assert said[-1] == (
            "Munths is in the title, not in your new topic. To change the title, say change "
            "the title."
        )
    assert draft.text == "It was lovely to be out"
    # A word in neither is still taken as words, and said so.
    assert not corrector.hear(Heard("correct rest"), draft)
    assert said[-1].startswith("I could not find the word rest in your new topic")


def test_a_word_spelled_as_it_is_written_is_said_so() -> None:
    # It said "Changed months to months", as if something had changed.
    said, draft, corrector = correcting()
    draft.add("the first months are hard")
    assert corrector.hear(Heard("correct months"), draft)
    assert corrector.hear(Heard("m o n t h s"), draft)
    assert corrector.hear(Heard("done"), draft)
    assert said[-1] == "Months is written that way already."
    assert draft.text == "The first months are hard"


def test_the_answers_awaited_are_told_and_only_those_are_taken() -> None:
    """The voice loop listens in the context ``awaited`` names; the phrasebook's model of it
    takes exactly those answers and the editing commands."""
    draft, corrector = Draft(), Corrector(lambda text: None, Interpreter())
    draft.add("my legs are weak", heard("my legs are weak", {"weak": ("week",)}).words)
    assert corrector.awaited is None
    corrector.hear(Heard("correct weak"), draft)
    assert corrector.awaited == CHOICE_ANSWERS
    choice = voice_loop_phrasebook().correction_answers[CHOICE_ANSWERS]
    assert all(choice.accepts(t) for t in ("number two", "spell it", "none of them", "send it"))
    assert not any(choice.accepts(t) for t in ("mike sierra", "done", "my legs are weak"))
    corrector.hear(Heard("spell it"), draft)
    assert corrector.awaited == SPELLING_ANSWERS
    spelling = voice_loop_phrasebook().correction_answers[SPELLING_ANSWERS]
    taken = ("mike sierra", "m s", "done", "scratch that", "delete last letter", "backspace")
    assert all(spelling.accepts(t) for t in taken)
    assert not any(spelling.accepts(t) for t in ("number two", "go on", "i walked today"))
    assert spelling.other and not any(spelling.accepts(t) for t in spelling.other)
    corrector.hear(Heard("leave it"), draft)
    assert corrector.awaited is None


def test_a_letter_or_the_letters_said_last_are_taken_out_while_spelling(
    forum: DemoForum, tmp_path: Path
) -> None:
    # "Delete last letter" was not understood, and "scratch that" dropped the whole
    # correction: the letters said next went into the reply as words ("I n g").
    lines = [
        "open topic one",
        "reply",
        "my walkin stick helps",
        "correct walkin",
        "w a l k",
        "delete last letter",
        "k i n",
        "scratch that",
        "k i n g",
        "undo",
        "backspace",
        "k i n g",
        "done",
        "read it back",
    ]
    said = converse(forum.base_url, lines, tmp_path, credentials=signed_in(forum)).said
    assert said[4:] == [
        "w a l k. More letters, or say done.",
        "Took out k. w a l. More letters, or say done.",
        "w a l k i n. More letters, or say done.",
        "Took out k i n. w a l. More letters, or say done.",
        "w a l k i n g. More letters, or say done.",
        "Took out k i n g. w a l. More letters, or say done.",
        "Took out l. w a. More letters, or say done.",
        "w a k i n g. More letters, or say done.",
        "Changed walkin to waking.",
        "Your reply says: My waking stick helps",
    ]


def test_taking_letters_back_with_none_given_says_so() -> None:
    said, draft, corrector = correcting()
    draft.add("my walkin stick helps")
    assert corrector.hear(Heard("correct walkin"), draft)
    assert corrector.pending is Pending.SPELLING
    assert not corrector.take_back_letters()  # "scratch that" then leaves the correction
    assert corrector.hear(Heard("delete last letter"), draft)
    assert said[-1] == "No letters yet. Spell walkin letter by letter."
    assert corrector.hear(Heard("m"), draft) and corrector.hear(Heard("wrong letter"), draft)
    assert said[-1] == "Took out m. No letters now: spell it again, then say done."
    assert corrector.pending is Pending.SPELLING


def test_talk_while_a_choice_is_pending_is_kept_as_reply_text() -> None:
    said, draft, corrector = correcting()
    draft.add("my legs are weak", heard("my legs are weak", {"weak": ("week",)}).words)
    assert corrector.hear(Heard("correct weak"), draft)
    assert not corrector.hear(Heard("and I have been resting a lot"), draft)
    assert said[-1] == "Left weak as it was, and took what you said as part of your reply."
    assert corrector.pending is Pending.NOTHING


def test_short_talk_while_a_correction_waits_is_kept_and_said_to_be(
    forum: DemoForum, tmp_path: Path
) -> None:
    # Up to four words said while letters or a choice waited were dropped without a word;
    # letters with a hesitation among them or "done" after them went into the reply.
    lines = ["open topic two", "reply", "thanks pria", "correct pria", "p r i y a"]
    lines += ["so glad for you", "correct glad", "I mean happy"]
    lines += ["it's all good", "correct good", "g r um e a t done", "read it back"]
    said = converse(forum.base_url, lines, tmp_path, credentials=signed_in(forum)).said
    assert said[5:] == [
        "Changed pria to Priya.",
        "I took what you said as part of your reply.",
        "I have no other guesses for glad. Spell glad letter by letter, then say done.",
        "Changed glad to happy.",
        "I have no other guesses for good. Spell good letter by letter, then say done.",
        "Changed good to great.",
        "Your reply says: Thanks Priya so happy for you it's all great",
    ]


def test_correct_with_a_word_not_in_the_reply_is_reply_text_said_so() -> None:
    said, draft, corrector = correcting()
    draft.add("my legs are weak")
    assert not corrector.hear(Heard("correct me"), draft)
    assert said == [
        "I could not find the word me in your reply, so I took what you said as part of it. "
        "Say scratch that to take it out."
    ]
    assert not corrector.hear(Heard("two"), draft)
    assert not corrector.hear(Heard("replace the filter with a new one"), draft)
    assert said[-1].startswith("I could not find the words the filter in your reply")
    assert len(said) == 2  # "two" is reply text with nothing to say about it


def test_typed_session_spells_and_replaces_then_posts_after_yes(
    forum: DemoForum, tmp_path: Path
) -> None:
    talk = converse(
        forum.base_url,
        [
            "open topic one",
            "reply",
            "the doctor suggested ocrelizumab for my relapse",
            "replace doctor with neurologist",
            "correct relapse",
            "spell it",
            "mike",
            "sierra",
            "that's it",
            "read it back",
            "send it",
            "yes",
        ],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    said = talk.transcript
    assert "Replaced doctor with neurologist." in said
    assert "Spell relapse letter by letter, then say done." in said
    assert "Changed relapse to MS." in said
    assert "Your reply says: The neurologist suggested ocrelizumab for my MS" in said
    assert talk.said[-1].endswith("is posted."), said
    assert "The neurologist suggested ocrelizumab for my MS." in last_post(forum)


def test_finished_in_everyday_words_while_spelling_ends_the_letters(
    forum: DemoForum, tmp_path: Path
) -> None:
    # "I'm finished" after the letters dropped them unsaid and asked whether to post the
    # reply with the name still wrong: one tired "yes" from posting it.
    lines = ["open topic one", "reply", "I saw Pria at the clinic", "correct Pria", "p r i y a"]
    lines += ["I'm finished", "read it back"]
    talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    assert talk.said[-2:] == [
        "Changed Pria to Priya.",
        "Your reply says: I saw Priya at the clinic",
    ]
    assert "Shall I post it" not in talk.transcript


def test_a_letter_taken_back_while_spelling_is_not_written(
    forum: DemoForum, tmp_path: Path
) -> None:
    # "o no w" went into the reply as said, the word left wrong.
    lines = ["open topic one", "reply", "I saw Pria at the shop", "correct Pria"]
    lines += ["p r i a sorry y", "a", "done", "correct shop", "s h o", "no w"]
    lines += ["o no p", "done", "read it back", "cancel"]
    talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    after = talk.said_after("Spell Pria letter by letter")
    assert after[:3] == [
        "p r i y. More letters, or say done.",
        "p r i y a. More letters, or say done.",
        "Changed Pria to Priya.",
    ]
    assert talk.said_after("Spell shop letter by letter")[:4] == [
        "s h o. More letters, or say done.",
        "s h w. More letters, or say done.",
        "s h w p. More letters, or say done.",
        "Changed shop to shwp.",
    ]
    assert "Your reply says: I saw Priya at the shwp" in talk.said


def test_typed_session_leaves_a_word_and_cancel_keeps_the_draft(
    forum: DemoForum, tmp_path: Path
) -> None:
    talk = converse(
        forum.base_url,
        [
            "open topic one",
            "reply",
            "my legs feel heavy today",
            "correct heavy",
            "leave it",
            "replace arms with legs",
            "read it back",
            "cancel",
        ],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    said = talk.transcript
    assert "Left heavy as it was." in said
    # "arms" is not in the reply: the utterance is reply text, nothing is lost, and the
    # person hears why nothing changed.
    assert "I could not find the word arms in your reply, so I took what you said" in said
    assert "Your reply says: My legs feel heavy today replace arms with legs" in said
    assert "Reply put aside." in said


def test_words_taken_as_part_of_the_reply_go_with_scratch_that(
    forum: DemoForum, tmp_path: Path
) -> None:
    lines = ["open topic one", "reply", "I walk every morning", "replace evening with night"]
    talk = converse(
        forum.base_url,
        [*lines, "scratch that", "read it back", "cancel"],
        tmp_path,
        credentials=signed_in(forum),
    )
    assert talk.said[-3:-1] == [
        "Removed the last part. It now ends: I walk every morning.",
        "Your reply says: I walk every morning",
    ]


def test_scratch_that_says_how_the_reply_now_ends(forum: DemoForum, tmp_path: Path) -> None:
    # What is left is said, so that a tired person need not ask for it to be read back.
    lines = [
        "open topic one",
        "reply",
        "the heat makes my legs so heavy by the afternoon",
        "and my hands",
        "scratch that",
        "scratch that",
        "scratch that",
        "cancel",
    ]
    said = converse(forum.base_url, lines, tmp_path, credentials=signed_in(forum)).said
    assert said[-4:-1] == [
        "Removed the last part. It now ends: … legs so heavy by the afternoon.",
        "Removed the last part. Your reply is empty now. If you did not mean that, say undo.",
        "There is nothing to remove.",
    ]


def test_a_number_taken_back_in_the_new_words_is_not_written(
    forum: DemoForum, tmp_path: Path
) -> None:
    # "fifty no sixty" was written in as "50 no 60", and posted so after a tired yes.
    lines = ["open topic one", "reply", "I walked forty metres today", "replace forty"]
    lines += ["fifty no sixty", "replace sixty with seventy sorry eighty", "send it", "yes"]
    talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    assert talk.said_after("Replace forty with what?")[:2] == [
        "Replaced forty with sixty.",
        "Replaced sixty with eighty.",
    ]
    assert talk.said[-1].endswith("is posted."), talk.transcript
    assert "I walked 80 metres today." in last_post(forum)


def test_a_number_in_one_word_corrected_asks_for_the_right_number_not_letters() -> None:
    # "Correct eighty" asked for its letters, and "ninety" said next was written in.
    said, draft, corrector = correcting()
    draft.add("I walked eighty metres today")
    assert corrector.hear(Heard("correct eighty"), draft)
    assert said[-1] == "Replace eighty with what?" and corrector.pending is Pending.REPLACEMENT
    assert corrector.hear(Heard("ninety"), draft)
    assert read_back(draft) == "Your reply says: I walked 90 metres today"
    # The new number said with a take-back first: "no 90" was written.
    for named, answer in (("ninety", "no sixty"), ("sixty", "sorry I mean seventy")):
        assert corrector.hear(Heard(f"correct {named}"), draft)
        assert corrector.hear(Heard(answer), draft)
    assert read_back(draft) == "Your reply says: I walked 70 metres today"


def test_replace_asks_with_what_and_takes_the_next_dictated_words() -> None:
    said, draft, corrector = correcting()
    draft.add("my walking is slow today")
    assert corrector.hear(Heard("replace walking"), draft)
    assert said[-1] == "Replace walking with what?" and corrector.pending is Pending.REPLACEMENT
    # Dictation goes on as usual: the new words are not one of a few awaited answers.
    assert corrector.awaited is None
    assert corrector.hear(Heard("with my balance comma"), draft)
    assert said[-1] == "Replaced walking with my balance comma."
    assert draft.text == "My my balance, is slow today"
    assert corrector.pending is Pending.NOTHING


@pytest.mark.parametrize(
    ("said", "written", "told"),
    [
        # The article says nothing of what was written: "the vest" where "a cooling vest"
        # was written had not been found, and went into the reply as words.
        ("change the vest to a towel", "I use a cooling towel in the summer", "vest with towel"),
        ("replace the summer with the winter", "I use a cooling vest in the winter", "summer"),
        ("I meant heat not summer", "I use a cooling vest in the heat", "summer with heat"),
        # With no article before the new words, the one said is part of the words found.
        ("change a cooling vest to fans", "I use fans in the summer", "a cooling vest"),
    ],
)
def test_an_article_before_the_words_and_their_replacement(
    said: str, written: str, told: str
) -> None:
    spoken: list[str] = []
    draft, corrector = Draft(), Corrector(spoken.append, Interpreter())
    draft.add("I use a cooling vest in the summer")
    assert corrector.hear(Heard(said), draft)
    assert spoken[-1].startswith(f"Replaced {told}") and draft.text == written


@pytest.mark.parametrize(
    ("said", "draft_words", "written"),
    [
        # "A" or "an" before the words changed is made to fit the new ones.
        ("replace hour with half hour", ["I rest for an hour"], "I rest for a half hour"),
        ("replace lemon with apple", ["A lemon a day"], "An apple a day"),
        ("replace scan with MRI", ["I had a scan"], "I had an MRI"),
        ("replace nurse with university", ["ask an MS nurse"], "Ask an MS university"),
        # The end of the utterance before counts: a slow sentence may pause after "an".
        ("replace hour with week", ["I rest for an", "hour"], "I rest for a week"),
        # One that did not fit the words it stood before may be meant: left as it was.
        ("replace apple with pear", ["not a apple"], "Not a pear"),
    ],
)
def test_a_or_an_before_replaced_words_is_made_to_fit(
    said: str, draft_words: list[str], written: str
) -> None:
    draft, corrector = Draft(), Corrector(lambda _: None, Interpreter())
    for words in draft_words:
        draft.add(words)
    assert corrector.hear(Heard(said), draft)
    assert draft.text == written


@pytest.mark.parametrize(
    ("word", "article"),
    [
        ("hour", "an"),
        ("half", "a"),
        ("MRI", "an"),
        ("NHS", "an"),
        ("GP", "a"),
        ("university", "a"),
        ("umbrella", "an"),
        ("one-off", "a"),
        ("European", "a"),
        ("8", "an"),
        ("18th", "an"),
        ("80", "an"),
        ("5", "a"),
        ("unusual", "an"),
    ],
)
def test_the_article_a_word_takes(word: str, article: str) -> None:
    assert indefinite_article(word) == article


def test_leave_it_after_replace_keeps_the_words() -> None:
    said, draft, corrector = correcting()
    draft.add("my walking is slow")
    assert corrector.hear(Heard("replace walking with"), draft)
    assert corrector.hear(Heard("leave it"), draft)
    assert said[-1] == "Left walking as it was." and draft.text == "My walking is slow"


def test_typed_session_replaces_words_given_after_the_question_then_posts_after_yes(
    forum: DemoForum, tmp_path: Path
) -> None:
    talk = converse(
        forum.base_url,
        [
            "open topic one",
            "reply",
            "my doctor says the new tablets should help",
            "replace doctor",
            "neurologist",
            "replace the new tablets",
            "with the infusion",
            "send it",
            "yes",
        ],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    said = talk.transcript
    assert "Replace doctor with what?" in said
    assert "Replaced doctor with neurologist." in said
    assert "Replace the new tablets with what?" in said
    assert "Replaced the new tablets with the infusion." in said
    assert talk.said[-1].endswith("is posted."), said
    assert "My neurologist says the infusion should help." in last_post(forum)


def test_replacing_words_the_reply_has_twice_says_the_last_one_is_changed() -> None:
    # "Replace walked with drove" changed the last "walked" without a word of which.
    said, draft, corrector = correcting()
    draft.add("I walked to the shop and walked home")
    assert corrector.hear(Heard("replace walked with drove"), draft)
    assert said[-1] == (
        "Your reply had walked 2 times. I replaced the last one with drove. To change "
        "another, say more of the words around it."
    )
    assert draft.text == "I walked to the shop and drove home"
    assert corrector.hear(Heard("replace I walked"), draft)
    assert said[-1] == "Replace I walked with what?"  # once only: nothing to say of which
    assert corrector.hear(Heard("leave it"), draft)
    draft.add("and walked back")
    assert corrector.hear(Heard("replace walked"), draft)
    assert said[-1].startswith("Your reply has walked 2 times: this is about the last one.")


def test_a_longer_change_in_everyday_words_is_asked_about_first() -> None:
    # "Change walked home to took the bus home" was written into the reply without a word.
    said, draft, corrector = correcting()
    draft.add("I walked home with my sister")
    assert corrector.hear(Heard("change walked home to took the bus home"), draft)
    question = (
        "Change walked home to took the bus home? Say yes to change it, or no to write it "
        "into your reply as you said it."
    )
    assert said[-1] == question and corrector.pending is Pending.CONFIRMATION
    assert draft.text == "I walked home with my sister"
    assert corrector.hear(Heard("pardon"), draft) and said[-1] == question
    assert corrector.hear(Heard("yes"), draft)
    assert said[-1] == "Changed walked home to took the bus home."
    assert draft.text == "I took the bus home with my sister"
    assert corrector.pending is Pending.NOTHING


def test_the_to_that_parts_a_change_is_the_one_the_reply_tells() -> None:
    # The first "to" parted it: "walked", then seven words, and it was written in unsaid.
    said, draft, corrector = correcting()
    draft.add("I walked to the park today with my sister full stop")
    assert corrector.hear(Heard("change walked to the park to went to the park"), draft)
    assert said[-1].startswith("Change walked to the park to went to the park? Say yes")
    assert corrector.hear(Heard("yes"), draft)
    assert draft.text == "I went to the park today with my sister."


def test_no_to_a_longer_change_writes_what_was_said_into_the_reply() -> None:
    said, draft, corrector = correcting()
    draft.add("They moved my appointment.")
    assert corrector.hear(Heard("change my appointment to the end of next week"), draft)
    assert corrector.hear(Heard("no"), draft)
    assert said[-1] == "I wrote it into your reply as you said it."
    assert draft.text == (
        "They moved my appointment. Change my appointment to the end of next week"
    )


def test_more_talk_after_a_longer_change_is_asked_keeps_both_in_order() -> None:
    said, draft, corrector = correcting()
    draft.add("They moved my appointment.")
    assert corrector.hear(Heard("change my appointment to the end of next week"), draft)
    # More of the reply, not an answer: what was asked about is written first, and this
    # is left for dictation to write after it. Both went in without a word.
    assert not corrector.hear(Heard("which is really annoying for everyone"), draft)
    assert draft.text == (
        "They moved my appointment. Change my appointment to the end of next week"
    )
    assert corrector.pending is Pending.NOTHING
    assert said[-1] == (
        "Left my appointment as it was, and took both as part of your reply: the change you "
        "said, and what you said after it."
    )


@pytest.mark.parametrize("answer", ["no wait", "no hang on", "yes but", "full stop"])
def test_an_answer_taken_back_at_a_longer_change_is_asked_again(answer: str) -> None:
    # "No wait" was a no: the change was written into the reply as words.
    said, draft, corrector = correcting()
    draft.add("I walked home with my sister")
    assert corrector.hear(Heard("change walked home to took the bus home"), draft)
    assert corrector.hear(Heard(answer), draft)
    assert said[-1] == said[-2] and said[-1].startswith("Change walked home to took the bus")
    assert draft.text == "I walked home with my sister"
    assert corrector.hear(Heard("no thanks"), draft)
    assert draft.text == "I walked home with my sister change walked home to took the bus home"


def test_a_longer_change_naming_words_not_written_is_reply_text_without_a_notice() -> None:
    said, draft, corrector = correcting()
    draft.add("I had to")
    assert not corrector.hear(Heard("change my appointment to the end of next week"), draft)
    assert said == []


def test_typed_session_asks_before_a_longer_change_and_posts_it_after_yes(
    forum: DemoForum, tmp_path: Path
) -> None:
    talk = converse(
        forum.base_url,
        [
            "open topic one",
            "reply",
            "I walked home with my sister after the clinic",
            "change walked home to took the bus home",
            "yes",
            "send it",
            "yes",
        ],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    said = talk.transcript
    assert "Change walked home to took the bus home?" in said
    assert "Changed walked home to took the bus home." in said
    assert talk.said[-1].endswith("is posted."), said
    assert "I took the bus home with my sister after the clinic." in last_post(forum)


@pytest.mark.parametrize("answer", ["um", "pardon", "say that again", "help"])
def test_a_replacement_question_not_answered_is_asked_again(answer: str) -> None:
    # "Um" became the new words (and, written as nothing, deleted the old ones); "pardon"
    # replaced them with "pardon".
    said, draft, corrector = correcting()
    draft.add("I met Jo at the clinic today")
    assert corrector.hear(Heard("replace today"), draft)
    assert corrector.hear(Heard(answer), draft)
    assert said[-1] == "Replace today with what? Say the new words, or say leave it."
    assert corrector.hear(Heard("yesterday"), draft)
    assert draft.text == "I met Jo at the clinic yesterday"


def test_a_spelled_word_may_have_an_apostrophe_or_a_hyphen() -> None:
    said, draft, corrector = correcting()
    draft.add("I dont know about self injecting")
    assert corrector.hear(Heard("correct dont"), draft)
    assert corrector.hear(Heard("d o n apostrophe t"), draft)
    assert said[-1] == "d o n ' t. More letters, or say done."
    assert corrector.hear(Heard("done"), draft)
    assert corrector.hear(Heard("correct self injecting"), draft)
    for letters in ("s e l f", "hyphen", "i n j e c t i n g", "done"):
        assert corrector.hear(Heard(letters), draft)
    assert draft.text == "I don't know about self-injecting"
    # Marks alone are no word.
    assert corrector.hear(Heard("correct about"), draft)
    assert corrector.hear(Heard("dash"), draft) and corrector.hear(Heard("done"), draft)
    assert said[-1] == "No letters given; about is unchanged."


def test_a_name_corrected_keeps_its_capital() -> None:
    # Spelled letters come in lower case: "Jo" became "joanne" in the middle of a sentence.
    said, draft, corrector = correcting()
    draft.add("I met Jo on Monday and i said hello")
    assert corrector.hear(Heard("correct Jo"), draft)
    assert corrector.hear(Heard("j o a n n e"), draft) and corrector.hear(Heard("done"), draft)
    assert said[-1] == "Changed Jo to Joanne."
    assert corrector.hear(Heard("replace monday with tuesday"), draft)
    assert corrector.hear(Heard("replace i said with we said"), draft)
    assert draft.text == "I met Joanne on Tuesday and we said hello"


def test_taking_back_during_a_correction_takes_back_the_correction(
    forum: DemoForum, tmp_path: Path
) -> None:
    # "Scratch that" and "cancel" while a correction waited emptied the reply or put it
    # aside; "read it back" and "help" dropped the letters given so far.
    lines = [
        "open topic one",
        "reply",
        "I met Jo at the clinic today",
        "replace clinic",
        "scratch that",
        "correct Jo",
        "j o",
        "read it back",
        "help",
        "a n n e",
        "done",
        "replace today",
        "cancel",
        "read it back",
    ]
    said = converse(forum.base_url, lines, tmp_path, credentials=signed_in(forum)).said
    spelling = "Say letters, like m s, or mike sierra, then say done. Or say leave it."
    assert said[4] == "Left clinic as it was."
    # "Help" is the question's own (it says how to answer), not the writing help before it.
    assert said[7:10] == ["Your reply says: I met Jo at the clinic today", spelling, spelling]
    assert not any(line.startswith("Say your reply. You can say comma") for line in said)
    assert said[10:] == [
        "j o a n n e. More letters, or say done.",
        "Changed Jo to Joanne.",
        "Replace today with what?",
        "Left today as it was.",
        "Your reply says: I met Joanne at the clinic today",
    ]


def test_scratch_that_just_after_a_correction_takes_the_correction_back(
    forum: DemoForum, tmp_path: Path
) -> None:
    # It removed the words said before it instead, the corrected word among them.
    lines = ["open topic two", "reply", "I take baclofen full stop", "my neuro wants to"]
    lines += ["change baclofen to tizanidine", "scratch that", "read it back"]
    said = converse(forum.base_url, lines, tmp_path, credentials=signed_in(forum)).said
    assert said[-2:] == [
        "The words are back as they were before that change. It ends: … take baclofen. My "
        "neuro wants to.",
        "Your reply says: I take baclofen. My neuro wants to",
    ]


def test_send_it_while_spelling_ends_the_letters_and_asks_to_post(
    forum: DemoForum, tmp_path: Path
) -> None:
    # It only ended the letters: nothing was read back or asked, and the "no" said to the
    # question the person expected went into the reply.
    lines = ["open topic two", "reply", "thanks pria so glad for you", "correct pria"]
    lines += ["p r i y a", "send it", "no"]
    said = converse(forum.base_url, lines, tmp_path, credentials=signed_in(forum)).said
    assert said[-3] == "Changed pria to Priya."
    assert said[-2].startswith("Your reply says: Thanks Priya so glad for you. It will appear")
    assert said[-1].startswith("All right, I have not posted it.")


def test_one_choice_and_words_the_voice_cannot_read_are_said_plainly() -> None:
    said, draft, corrector = correcting()
    emoji = Draft()
    emoji.add("thanks 😀 שלום חבר")
    assert read_back(emoji) == "Your reply says: Thanks (grinning face) some Hebrew text"
    draft.add("thanks my friend", heard("thanks my friend", {"friend": ("fiend",)}).words)
    assert corrector.hear(Heard("correct friend"), draft)
    assert corrector.hear(Heard("seven"), draft)
    assert said[-1] == "There is only 1 choice. Say 1, none of those, or spell it."
    assert corrector.hear(Heard("pardon"), draft)
    assert said[-1] == "Say 1, none of those, spell it, or leave it."


@pytest.mark.parametrize("answer", ["no", "nothing", "no thanks"])
def test_no_to_what_replaces_a_word_leaves_it(answer: str) -> None:
    # "Replaced shop with no."
    said, draft, corrector = correcting()
    draft.add("I went to the shop full stop")
    assert corrector.hear(Heard("replace shop"), draft)
    assert corrector.hear(Heard(answer), draft)
    assert said[-1] == "Left shop as it was." and draft.text == "I went to the shop."


@pytest.mark.parametrize("answer", ["sorry", "what", "huh", "I don't know", "yeah"])
def test_an_unsure_answer_to_what_replaces_a_word_is_asked_again(answer: str) -> None:
    said, draft, corrector = correcting()
    draft.add("I went to the shop full stop")
    assert corrector.hear(Heard("replace shop"), draft)
    assert corrector.hear(Heard(answer), draft)
    assert said[-1] == "Replace shop with what? Say the new words, or say leave it."
    assert draft.text == "I went to the shop." and corrector.pending is Pending.REPLACEMENT


def test_a_sentence_said_at_what_replaces_a_word_is_more_of_the_reply() -> None:
    said, draft, corrector = correcting()
    draft.add("I went to the shop full stop")
    assert corrector.hear(Heard("replace shop"), draft)
    assert not corrector.hear(Heard("and then I had a long rest at home"), draft)
    assert said[-1] == "Left shop as it was, and took what you said as part of your reply."
    assert draft.text == "I went to the shop." and corrector.pending is Pending.NOTHING


def test_where_am_i_at_what_replaces_a_word_names_the_question(
    forum: DemoForum, tmp_path: Path
) -> None:
    # Answered "Go on with your reply, or say send it": the next sentence replaced "shop".
    lines = ["open topic one", "reply", "I went to the shop full stop", "replace shop"]
    lines += ["where am i", "the market"]
    said = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum)).said
    assert said[-2].endswith(
        "It has 5 words so far. Replace shop with what? Say the new words, or say leave it."
    )
    assert said[-1] == "Replaced shop with the market."
