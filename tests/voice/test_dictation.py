import pytest

from voicepeer.recognition.base import HeardWord
from voicepeer.voice.dictation import Draft, mark_at_end, tokenize_dictation


def dictate(*utterances: str) -> Draft:
    draft = Draft()
    for utterance in utterances:
        draft.add(utterance)
    return draft


def test_spoken_punctuation_and_layout_words_become_marks() -> None:
    draft = dictate(
        "hello sam comma",
        "the heat is the worst full stop",
        "new paragraph",
        "have you tried a cooling vest question mark",
        "it helped me exclamation mark new line",
        "take care period",
    )
    assert draft.text == (
        "Hello sam, the heat is the worst.\n\nHave you tried a cooling vest? It helped me!\n"
        "Take care."
    )


def test_sentences_get_capitals_and_i_is_always_capital() -> None:
    assert dictate("i think i'm better now full stop so i've started walking").text == (
        "I think I'm better now. So I've started walking"
    )


def test_typed_punctuation_and_casing_are_kept() -> None:
    assert dictate("Thanks, Dr. Patel said MRI results are fine!").text == (
        "Thanks, Dr. Patel said MRI results are fine!"
    )


def test_hesitations_are_not_written_and_alone_add_nothing() -> None:
    # A recognizer writes "um" down; nobody means to post it. "Ah" and "hmm" people write.
    draft = Draft()
    draft.add("I um went to the uh shop")
    draft.add("um")
    draft.add("hmm it was erm closed")
    assert draft.text == "I went to the shop hmm it was closed"
    assert len(draft.phrases) == 2  # "um" alone: nothing for "scratch that" to remove


def test_a_typed_comma_goes_with_the_hesitation_before_it() -> None:
    # "Um, thank you" typed began the reply (and a title) with a comma.
    assert tokenize_dictation("um, thank you") == ["thank", "you"]
    assert tokenize_dictation("thank you, um, for this") == ["thank", "you", ",", "for", "this"]
    assert tokenize_dictation("so, erm thanks") == ["so", ",", "thanks"]
    # A full stop too, where it would begin the text; where it ends a sentence it stays.
    assert tokenize_dictation("Um. I was tired") == ["I", "was", "tired"]
    assert tokenize_dictation("Um... I was tired") == ["I", "was", "tired"]
    assert tokenize_dictation("it was um.") == ["it", "was", "."]


def test_a_mark_begun_twice_or_taken_back_is_the_mark_meant() -> None:
    # "Full full stop" wrote "full." and "comma no full stop" wrote ", no.".
    assert tokenize_dictation("helpful full full stop") == ["helpful", "."]
    assert tokenize_dictation("new new paragraph thanks") == ["\n\n", "thanks"]
    assert tokenize_dictation("helpful comma no full stop") == ["helpful", "."]
    assert tokenize_dictation("fine comma sorry question mark") == ["fine", "?"]
    # Words stay words: a "no" before a mark, a word that is a mark's first word.
    assert tokenize_dictation("I said no full stop") == ["I", "said", "no", "."]
    assert tokenize_dictation("the full moon full stop") == ["the", "full", "moon", "."]


def test_scratch_that_removes_exactly_the_last_phrase() -> None:
    draft = dictate("I walk every day", "with my stick", "oh no not that")
    assert draft.scratch_last_phrase()
    assert draft.text == "I walk every day with my stick"
    assert draft.scratch_last_phrase() and draft.scratch_last_phrase()
    assert not draft.scratch_last_phrase()
    assert draft.is_empty


def test_delete_the_last_sentence_takes_the_last_sentence_whole() -> None:
    # It took all of the last phrase: "and I hope it stays that way. Really" went whole.
    draft = dictate("I am so happy for you", "and I hope it stays that way full stop really")
    assert draft.scratch_last_sentence()
    assert draft.text == "I am so happy for you and I hope it stays that way."
    # A sentence said with pauses goes whole: only its last part went, and "Removed the
    # last sentence" was said all the same.
    assert draft.scratch_last_sentence() and draft.is_empty
    assert not draft.scratch_last_sentence()
    paused = dictate("well done Dave full stop", "I walked", "to the shop", "and back full stop")
    assert paused.scratch_last_sentence() and paused.text == "Well done Dave."
    paragraphs = dictate("well done Dave new paragraph", "I walked", "to the shop")
    assert paragraphs.scratch_last_sentence() and paragraphs.text == "Well done Dave\n\n"
    ended = dictate("it helps full stop it really does full stop")
    assert ended.scratch_last_sentence()
    assert ended.text == "It helps."


def test_delete_last_word_skips_trailing_marks() -> None:
    draft = dictate("I feel tired today full stop")
    assert draft.delete_last_word() == "today"
    assert draft.text == "I feel tired"
    assert dictate().delete_last_word() is None


def test_delete_last_word_takes_a_number_as_written() -> None:
    # "Eight" went out of "nineteen ninety eight", leaving "1990" in the reply.
    year = dictate("I was diagnosed in nineteen ninety eight full stop")
    assert year.delete_last_word() == "1998"
    assert year.text == "I was diagnosed in"
    # Said in two parts with a pause, the year is still one word of the text.
    paused = dictate("diagnosed in nineteen", "ninety eight")
    assert paused.delete_last_word() == "1998" and paused.text == "Diagnosed in"
    dose = dictate("two hundred and forty milligrams")
    assert dose.delete_last_word() == "milligrams"
    assert dose.delete_last_word() == "240" and dose.is_empty
    # Numbers kept as words go one word at a time.
    assert dictate("three benches").delete_last_word() == "benches"
    assert dictate("I have three").delete_last_word() == "three"
    assert dictate("since the nineteen nineties").delete_last_word() == "nineties"


def test_text_to_send_ends_with_a_full_stop_only_when_needed() -> None:
    assert dictate("thank you for this").text_to_send() == "Thank you for this."
    assert dictate("is it hot question mark").text_to_send() == "Is it hot?"
    # A paragraph ends a sentence too; a line of a list does not.
    paragraphs = dictate("that is brilliant news new paragraph", "my mri is on friday")
    assert paragraphs.text_to_send() == "That is brilliant news.\n\nMy MRI is on Friday."
    lines = dictate("things that help colon new line cold flannel new line frozen grapes")
    assert lines.text_to_send() == "Things that help:\nCold flannel\nFrozen grapes."


def test_a_saved_draft_restores_with_its_layout() -> None:
    draft = Draft.from_text("First line.\n\nSecond paragraph, i hope.")
    assert draft.text == "First line.\n\nSecond paragraph, I hope."


def test_a_saved_draft_keeps_marks_inside_numbers_and_addresses() -> None:
    # Taken up again, "2.5" came back as "2. 5", and was posted so.
    saved = "My EDSS was 2.5 in March. I take 1,000 units at 10:30, see mssociety.org.uk."
    draft = Draft.from_text(saved)
    assert draft.text == saved and draft.text_to_send() == saved
    assert draft.phrases[0] == ["My", "EDSS", "was", "2.5", "in", "March", "."]
    assert tokenize_dictation("it helps,really. Yes") == ["it", "helps,really", ".", "Yes"]


def test_mark_words_inside_other_words_are_left_alone() -> None:
    assert tokenize_dictation("the periodic commando") == ["the", "periodic", "commando"]


@pytest.mark.parametrize(
    ("said", "written"),
    [
        # After "a", "the" or "my", a mark's name is a word of the sentence.
        ("there is still a question mark over my diagnosis", "There is still a question mark"),
        ("my walking came to a full stop for a period of two weeks", "My walking came to a"),
        ("it was worse during my period", "It was worse during my period"),
        ("the colon clinic", "The colon clinic"),
        # Elsewhere it is the mark, "that" and "no" included, which end sentences too.
        ("I agree with that full stop", "I agree with that."),
        ("I said no comma then left", "I said no, then left"),
        # "Period" and "colon" are nouns too: inside an utterance, marks only before the
        # start of a sentence (they were full stops and colons, and the words were lost).
        ("after a short period of rest I felt better", "After a short period of rest I felt"),
        ("the waiting period is long", "The waiting period is long"),
        ("I have bowel problems colon and bladder", "I have bowel problems colon and bladder"),
        ("I agree period I will come period", "I agree. I will come."),
        ("it helps colon new line rest", "It helps:\nRest"),
        ("a list colon", "A list:"),
        ("I went semi colon then home", "I went; then home"),
        ("a semi colon here", "A semi colon here"),
    ],
)
def test_a_marks_name_after_a_or_the_is_a_word(said: str, written: str) -> None:
    assert dictate(said).text.startswith(written)


def test_a_saved_draft_comes_back_a_sentence_a_part() -> None:
    draft = Draft.from_text("First line.\n\nSecond paragraph! Third, last")
    assert draft.phrases == [
        ["First", "line", "."],
        ["\n\n", "Second", "paragraph", "!"],
        ["Third", ",", "last"],
    ]


def test_a_mark_said_again_or_instead_takes_the_place_of_the_one_before() -> None:
    # "I rested.." and "Is it hot?." were posted: a mark said after a pause, again or to
    # correct the one before, was added to it.
    assert dictate("I rested full stop", "full stop").text == "I rested."
    assert dictate("I rested comma", "full stop").text == "I rested."
    assert dictate("is it hot question mark", "full stop").text == "Is it hot."
    assert dictate("really question mark exclamation mark").text == "Really?!"
    # After "new paragraph", the mark still ends the sentence before it.
    paragraph = dictate("I rested new paragraph", "full stop", "then I slept")
    assert paragraph.text == "I rested.\n\nThen I slept"


def test_a_quote_never_ended_is_closed_where_its_sentence_ends() -> None:
    # "End quote" forgotten: the opening quote mark was posted alone.
    assert dictate("she said open quote rest more").text_to_send() == "She said “rest more”."
    ended = dictate("she said open quote rest more full stop", "then I slept")
    assert ended.text == "She said “rest more”. Then I slept"
    assert dictate("open quote hi new paragraph see you").text == "“Hi”\n\nSee you"
    # Ended later, in another sentence: where it was said.
    later = dictate("she said open quote rest more full stop", "drink water end quote")
    assert later.text == "She said “rest more. Drink water”"
    # "quote" alone stays a word unless a quote is ended after it.
    assert dictate("to quote my neurologist").text == "To quote my neurologist"


def test_a_quote_closed_for_a_saved_draft_goes_on_when_ended_later() -> None:
    # Put aside, the quote was saved closed; "end quote" said after taking it up added a
    # second closing mark: “rest more” drink water”.
    saved = Draft.from_text(dictate("she said open quote rest more").text_to_send())
    saved.add("drink water end quote")
    assert saved.text == "She said “rest more. Drink water”"
    assert Draft.from_text("He wrote “hi” and “bye” then left.").text == (
        "He wrote “hi” and “bye” then left."
    )


def test_the_same_mark_said_twice_is_one() -> None:
    assert dictate("well done exclamation mark", "exclamation mark").text == "Well done!"


@pytest.mark.parametrize(
    ("said", "written"),
    [
        # They were written as words ("dash", "open bracket"), and posted so.
        ("it was fine dash mostly", "It was fine – mostly"),
        ("a well hyphen known side effect", "A well-known side effect"),
        ("I rested open bracket twice close bracket full stop", "I rested (twice)."),
        ("open bracket not really close bracket", "(Not really)"),
        ("she said open quote rest more end quote full stop", "She said “rest more”."),
        ("I wonder dot dot dot maybe not", "I wonder… maybe not"),
        ("I wonder ellipsis", "I wonder…"),
        ("hashtag ms awareness week", "#MS awareness week"),
        # Everyday words stay words.
        ("a quick dash to the shop", "A quick dash to the shop"),
        ("I have to dash", "I have to dash"),
        ("we'll dash off after lunch", "We'll dash off after lunch"),
        ("a dash of milk", "A dash of milk"),
        ("the hyphen key", "The hyphen key"),
        ("what's the hashtag", "What's the hashtag"),
        ("hashtag comma", "Hashtag,"),
        # The word talked about, not a tag: "What does #mean" was posted.
        ("what does hashtag mean", "What does hashtag mean"),
        ("my son says hashtag all the time", "My son says hashtag all the time"),
        ("hashtag is a silly word", "Hashtag is a silly word"),
        ("so proud hashtag ms warriors", "So proud #MS warriors"),
        ("no hyphen in my name", "No hyphen in my name"),
        # Only before the end of a sentence or a line is a "period" a full stop.
        ("the waiting period dash long", "The waiting period – long"),
    ],
)
def test_dashes_brackets_quote_marks_and_hashtags_are_written(said: str, written: str) -> None:
    assert dictate(said).text == written


@pytest.mark.parametrize(
    ("said", "written"),
    [
        # "Quote" opens a quote only when one is ended after it.
        ("she said quote I'm fine unquote", "She said “I'm fine”"),
        (
            "to quote my neurologist comma quote rest is best end quote",
            "To quote my neurologist, “rest is best”",
        ),
        ("I got a quote for the ramp", "I got a quote for the ramp"),
        ("can I quote you", "Can I quote you"),
        ("my quote unquote friends", "My quote unquote friends"),
        ("quote unquote", "Quote unquote"),
    ],
)
def test_quote_is_a_mark_only_when_the_quote_is_ended(said: str, written: str) -> None:
    assert dictate(said).text == written


def test_a_quote_said_with_pauses_is_one() -> None:
    draft = dictate("the nurse said quote", "it will pass", "end quote full stop")
    assert draft.text == "The nurse said “it will pass”."
    # The end taken out: "quote" is a word again.
    assert draft.delete_last_word() == "pass"
    assert draft.text == "The nurse said quote it will"


def test_words_after_a_closing_mark_and_marks_at_the_end() -> None:
    # A reply ending in a closing bracket or quote mark gets its full stop; an ellipsis
    # ends it already.
    assert dictate("I rested open bracket twice close bracket").text_to_send() == (
        "I rested (twice)."
    )
    assert dictate("I wonder dot dot dot").text_to_send() == "I wonder…"
    draft = dictate("I walked open bracket slowly close bracket")
    assert draft.delete_last_word() == "slowly" and draft.text == "I walked ("
    assert mark_at_end("I walked (slowly)") == "close bracket"


@pytest.mark.parametrize(
    "said",
    [
        "it was fine dash mostly",
        "a well hyphen known side effect open bracket honestly close bracket",
        "she said quote rest more unquote full stop new paragraph hashtag ms",
        "I wonder dot dot dot maybe comma maybe not",
    ],
)
def test_a_saved_reply_with_new_marks_comes_back_the_same(said: str) -> None:
    draft = dictate(said)
    restored = Draft.from_text(draft.text)
    assert restored.text == draft.text
    assert restored.text_to_send() == draft.text_to_send()


def test_a_hashtag_is_read_back_as_said() -> None:
    assert dictate("hashtag ms awareness").read_out == "hashtag MS awareness"


@pytest.mark.parametrize(
    ("said", "written"),
    [
        ("love you heart emoji", "Love you ❤️"),
        ("good luck thumbs up emoji full stop", "Good luck 👍."),
        ("see you soon smiley face", "See you soon 🙂"),
        ("fingers crossed emoji new paragraph take care", "🤞\n\nTake care"),
        # Named, not meant: the words stay.
        ("I sent her a heart emoji", "I sent her a heart emoji"),
        ("I drew a big smiley face", "I drew a big smiley face"),
        ("thumbs up from me", "Thumbs up from me"),
        ("the nurse drew smiley face stickers", "The nurse drew smiley face stickers"),
        ("that made me smile emoji", "That made me smile emoji"),
        ("with all my heart", "With all my heart"),
        ("sending love heart emoji", "Sending love ❤️"),
    ],
)
def test_emoji_said_by_name_are_written_as_emoji(said: str, written: str) -> None:
    assert dictate(said).text == written


def test_an_emoji_is_read_back_deleted_and_restored_by_name() -> None:
    draft = dictate("love you heart emoji", "see you soon smiley face")
    assert draft.read_out == "Love you (heart) see you soon. Smiling face."
    assert draft.text_to_send() == "Love you ❤️ see you soon 🙂"  # no full stop after one
    assert Draft.from_text(draft.text).text == draft.text
    assert draft.delete_last_word() == "smiley face emoji"
    assert draft.text == "Love you ❤️ see you soon"


def test_an_emoji_does_not_take_the_recognizers_words_after_it() -> None:
    # The recognizer's "heart" and "emoji" paired with no token: every word after them lost
    # what the recognizer said of it, and could not be corrected from its other guesses.
    said = ["love", "heart", "emoji", "see", "you", "soon"]
    words = [HeardWord(w, 0.4 if w == "soon" else 1.0) for w in said]
    draft = Draft()
    draft.add("love heart emoji see you soon", words)
    assert draft.text == "Love ❤️ see you soon"
    assert draft.unsure_words(0.5) == ["soon"]


def test_an_emoji_or_a_mark_said_in_two_parts_is_one() -> None:
    # "Thumbs up", a pause, "emoji" stayed words; so did "dot dot", "dot".
    def said(*parts: str) -> str:
        draft = Draft()
        for part in parts:
            if not draft.join_mark(part):
                draft.add(part)
        return draft.text

    assert said("good luck thumbs up", "emoji") == "Good luck 👍"
    assert said("love you all heart", "emoji") == "Love you all ❤️"
    assert said("see you smiley face", "emoji") == "See you 🙂"
    assert said("I wonder dot dot", "dot") == "I wonder…"
    assert said("I sent a heart", "emoji") == "I sent a heart emoji"
    assert said("I have a question", "mark") == "I have a question mark"
