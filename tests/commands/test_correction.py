"""What counts as a correction command while dictating (voicepeer/commands/correction.py):
whole utterances only, numbers and letters said the ways people say them, and the answers a
pending correction takes."""

from __future__ import annotations

import pytest

from voicepeer.commands.correction import (
    CHOICE_ANSWERS,
    MAX_CHOICE,
    SELF_CORRECTION_LEADS,
    SPELLING_ANSWERS,
    CorrectionKind,
    awaited_answers,
    chosen_number,
    correction_command,
    correction_phrases,
    correction_readings,
    deleted_words,
    is_awaited_answer,
    letters_meant,
    meant_instead,
    spelled_letters,
    written_length,
)


def test_correction_commands_are_whole_utterances() -> None:
    assert correction_command("correct fatigue") == correction_command("Correct fatigue.")
    assert correction_command("correct fatigue").kind is CorrectionKind.CORRECT  # type: ignore[union-attr]
    assert correction_command("number two").choice == 2  # type: ignore[union-attr]
    assert correction_command("two").choice == 2  # type: ignore[union-attr]
    assert correction_command("option to").choice == 2  # type: ignore[union-attr]
    assert correction_command("mike sierra").words == ("m", "s")  # type: ignore[union-attr]
    assert correction_command("m s").words == ("m", "s")  # type: ignore[union-attr]
    assert correction_command("em ess").words == ("m", "s")  # type: ignore[union-attr]
    replace = correction_command("replace walk with talk")
    assert replace is not None and replace.kind is CorrectionKind.REPLACE
    assert (replace.words, replace.replacement) == (("walk",), ("talk",))
    assert correction_command("that's it").kind is CorrectionKind.DONE  # type: ignore[union-attr]
    assert correction_command("none of those").kind is CorrectionKind.NONE_OF_THOSE  # type: ignore[union-attr]
    assert correction_command("delete the last letter").kind is CorrectionKind.LETTER_BACK  # type: ignore[union-attr]
    assert correction_command("I walked with my stick today") is None
    assert correction_command("replace with") is None
    assert correction_command("number twelve") is None


def test_change_to_is_a_replacement_when_both_sides_are_short() -> None:
    change = correction_command("change walk to talk")
    assert change is not None and change.kind is CorrectionKind.REPLACE
    assert (change.words, change.replacement) == (("walk",), ("talk",))
    longer = correction_command("Change my left leg to my right leg.")
    assert longer is not None and longer.words == ("my", "left", "leg")
    assert longer.replacement == ("my", "right", "leg")
    # Longer, it may as well be a sentence of the reply: asked about before it is done.
    asked = correction_command("change my appointment to the end of next week")
    assert asked is not None and asked.asked and asked.replacement[-1] == "week"
    assert not longer.asked and not change.asked
    assert correction_command("change my appointment to the end of the next week or so") is None
    assert correction_command("change to talk") is None
    # "that" may be any "that" in the reply: it names no words to change.
    assert correction_command("change that to Tuesday") is None
    assert correction_command("change it to the morning") is None
    assert correction_command("change walk to") is None


def test_a_change_with_more_than_one_to_has_a_reading_for_each() -> None:
    readings = correction_readings("change walked to the park to went to the park")
    assert [(r.words, r.replacement) for r in readings] == [
        (("walked", "to", "the", "park"), ("went", "to", "the", "park")),
        (("walked", "to", "the", "park", "to", "went"), ("the", "park")),
    ]  # "walked" alone, with seven new words, is too long to be a change
    assert correction_command("change walked to the park to went to the park") == readings[0]
    assert correction_readings("change it to the morning") == ()
    assert len(correction_readings("replace walk with talk to me")) == 1


@pytest.mark.parametrize(
    "said",
    [
        "replace neurologist by nurse",
        "change neurologist into nurse",
        "I meant nurse not neurologist",
        "no I meant nurse, not neurologist",
        "I meant to say nurse not neurologist",
    ],
)
def test_replacements_in_everyday_words(said: str) -> None:
    # They went into the reply as words.
    change = correction_command(said)
    assert change is not None and change.kind is CorrectionKind.REPLACE
    assert (change.words, change.replacement) == (("neurologist",), ("nurse",))


@pytest.mark.parametrize(
    "said",
    [
        "I meant it not that",
        "I meant what I said",
        "I said no not today",  # a reply's sentence: "I said" leads to no correction
        "I meant it not as a joke",
    ],
)
def test_i_meant_names_words_on_both_sides_or_is_reply_text(said: str) -> None:
    assert correction_command(said) is None


def test_replace_without_new_words_names_only_the_words_to_find() -> None:
    for said in ("replace walking", "Replace walking with", "replace my left leg"):
        command = correction_command(said)
        assert command is not None and command.kind is CorrectionKind.REPLACE, said
        assert command.replacement == () and command.words[0] in ("walking", "my")
    assert correction_command("replace with talking") is None
    assert correction_command("replace one two three four") is None


def test_a_choice_is_a_number_from_one_to_the_last_choice_with_or_without_its_word() -> None:
    assert chosen_number(("two",)) == 2
    assert chosen_number(("option", "3")) == 3
    assert chosen_number(("choice", "one")) == 1
    assert chosen_number(("number",)) is None
    assert chosen_number(("zero",)) is None
    assert chosen_number((str(MAX_CHOICE + 1),)) is None
    assert chosen_number(("number", "two", "please")) is None


def test_letters_are_plain_or_nato_mixed_and_anything_else_is_no_spelling() -> None:
    assert spelled_letters(("m", "sierra")) == ["m", "s"]
    assert spelled_letters(("mike", "sierra")) == ["m", "s"]
    assert spelled_letters(("em", "ess")) == ["m", "s"]
    assert spelled_letters(("mike", "hello")) is None
    assert spelled_letters(()) == []
    # "Capital" and an example after a letter were refused, and the letters written in.
    # "Capital" writes the letter after it as one: it was left out, and "Shona is written
    # that way already" was said of "shona".
    assert spelled_letters(("capital", "p", "r", "i", "y", "a")) == list("Priya")
    assert spelled_letters(("c", "as", "in", "charlie", "a", "n", "e")) == list("cane")
    assert spelled_letters(("capital", "c", "as", "in", "charlie", "big", "a")) == list("CA")
    assert spelled_letters(("lowercase", "mike", "capital", "sierra")) == list("mS")
    assert spelled_letters(("capital",)) is None
    assert correction_command("mike hello") is None
    # Recognizers write the NATO x as "x-ray", which normalizing splits in two.
    assert correction_command("X-ray echo").words == ("x", "e")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("context", "taken", "refused"),
    [
        (CHOICE_ANSWERS, ("number two", "none of those", "spell it", "leave it"), ("mike", "done")),
        (
            SPELLING_ANSWERS,
            ("mike sierra", "m s", "done", "leave it"),
            ("number two", "correct it"),
        ),
    ],
)
def test_a_pending_correction_takes_only_its_own_answers(
    context: str, taken: tuple[str, ...], refused: tuple[str, ...]
) -> None:
    assert all(is_awaited_answer(context, t) for t in taken)
    assert not any(is_awaited_answer(context, t) for t in refused)
    assert not is_awaited_answer("no such context", "number two")
    # The model of a pending correction holds every answer it takes, and only those.
    answers = set(awaited_answers(context))
    assert all(is_awaited_answer(context, a) for a in answers)
    assert set(taken) <= answers | {"m s"}


def test_the_recognizers_sentences_show_each_command_with_the_replys_words() -> None:
    phrases = correction_phrases(("tired", "legs"))
    assert {"correct tired", "fix legs", "replace tired with legs"} <= set(phrases)
    assert all(correction_command(p) is not None for p in phrases)
    # The short answers weigh more than once, so they are not taken for letters.
    assert phrases.count("none of those") > 1


def test_letters_with_a_hesitation_or_done_in_the_same_breath() -> None:
    spelled = correction_command("p r um i y a")
    assert spelled is not None and spelled.words == tuple("priya") and not spelled.done
    ended = correction_command("m s that's it")
    assert ended is not None and ended.words == ("m", "s") and ended.done
    polite = correction_command("done please")
    assert polite is not None and polite.kind is CorrectionKind.DONE


def test_a_letter_taken_back_is_left_out_for_the_one_after_it() -> None:
    # "o no w" was written as said: the o and "no" kept, and the word spelled wrong.
    assert letters_meant(("s", "h", "o", "no", "w")) == (("s", "h", "w"), False)
    assert letters_meant(("p", "r", "i", "a", "sorry", "y", "a")) == (tuple("priya"), False)
    assert letters_meant(("oscar", "no", "sorry", "whiskey")) == (("w",), False)
    # Said after a pause: the letter given before, or the one just said, is taken back.
    assert letters_meant(("no", "w")) == (("w",), True)
    assert letters_meant(("s", "h", "o", "no")) == (("s", "h"), False)
    # The letters n and o said one by one spell "no"; "no" alone answers something else.
    assert letters_meant(("s", "n", "o", "w")) == (tuple("snow"), False)
    assert letters_meant(("no",)) is None and letters_meant(("no", "sorry")) is None
    assert letters_meant(("s", "no", "thanks")) is None
    said = correction_command("s h o no w done")
    assert said is not None and said.words == ("s", "h", "w") and said.done
    again = correction_command("sorry w")
    assert again is not None and again.words == ("w",) and again.taken_back


def test_the_spelling_model_hears_a_letter_taken_back_but_not_no_for_n_o() -> None:
    answers = set(awaited_answers(SPELLING_ANSWERS))
    assert {"oscar no papa", "oscar sorry papa", "o sorry p"} <= answers
    # Plain letters are short: "no" between them was heard for the letters n and o ("k n o
    # w" came back "q no w").
    assert not any(" no " in f" {a} " and len(a.split()[0]) == 1 for a in answers)


def test_a_number_taken_back_in_a_replacement_is_left_out() -> None:
    # "replace forty with fifty no sixty" wrote "50 no 60", as a command would not.
    said = correction_command("replace forty with fifty no sixty")
    assert said is not None and said.replacement == ("sixty",)
    changed = correction_command("change 40 metres to 50 sorry 60")
    assert changed is not None and changed.replacement == ("60",)
    # Words taken back that are no number stay as said.
    kept = correction_command("replace tired with no longer tired")
    assert kept is not None and kept.replacement == ("no", "longer", "tired")


def test_the_right_words_said_while_a_correction_waits() -> None:
    assert meant_instead("I mean Priya") == ("priya",)
    assert meant_instead("no I meant the nurse") == ("the", "nurse")
    assert meant_instead("it's fine") is None and meant_instead("I mean it") is None
    # Said while dictating, with no correction waiting: only the "I mean" ones.
    assert meant_instead("sorry I meant Wednesday", SELF_CORRECTION_LEADS) == ("wednesday",)
    assert meant_instead("make it Friday", SELF_CORRECTION_LEADS) is None


def test_a_long_replace_is_words_and_a_full_stop_ends_no_change() -> None:
    # Advice said as a sentence ("replace the hot bath with a cool shower and see if it
    # helps") was carried out; "… to Ocrevus full stop" put a full stop into the reply.
    assert correction_command("replace the hot bath with a cool shower and see if it helps") is None
    asked = correction_command("replace the hot bath with a nice cool shower")
    assert asked is not None and asked.asked
    ended = correction_command("change Tecfidera to Ocrevus full stop")
    assert ended is not None and ended.replacement == ("ocrevus",) and not ended.asked
    marked = correction_command("replace walking with my balance comma")
    assert marked is not None and marked.replacement == ("my", "balance", "comma")


def _words(said: str) -> tuple[str, ...]:
    return tuple(said.split())


def test_a_deletion_names_up_to_three_words_as_they_are_written() -> None:
    assert deleted_words(("delete", "afternoon")) == ("afternoon",)
    assert deleted_words(_words("take out the words every day")) == ("every", "day")
    assert deleted_words(_words("delete the word shop full stop")) == ("shop",)
    assert deleted_words(_words("delete the full stop")) == ("the", "full", "stop")
    assert deleted_words(_words("delete two hundred and forty")) is not None
    # Pointing at nothing named, or a sentence: no deletion.
    assert deleted_words(("delete", "that")) is None and deleted_words(("delete", "the")) is None
    assert deleted_words(_words("delete the app from your phone")) is None
    assert deleted_words(_words("please delete it")) is None
    # "delete the last letter" is an answer to spelling, not a deletion of "last letter".
    kind = correction_command("delete the last letter")
    assert kind is not None and kind.kind is CorrectionKind.LETTER_BACK


def test_a_number_said_in_words_counts_as_one_word() -> None:
    assert written_length(_words("two hundred and forty")) == 1
    assert written_length(_words("one point five miles")) == 2
    assert written_length(_words("bread and butter")) == 3
    # "correct" and a number of four words had been written into the reply.
    command = correction_command("correct two hundred and forty")
    assert command is not None and command.kind is CorrectionKind.CORRECT
    assert correction_command("correct two hundred and forty milligrams a day") is None


def test_a_mark_named_as_the_new_words_is_kept() -> None:
    # "a full stop" had become "a": the full stop taken for the end of a sentence.
    command = correction_command("change the comma to a full stop")
    assert command is not None and command.replacement == ("a", "full", "stop")
    command = correction_command("change question mark to an exclamation mark")
    assert command is not None and command.replacement == ("an", "exclamation", "mark")
