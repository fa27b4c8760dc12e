"""A posted post's words changed by voice: only the words named change, the rest of the
post (quotes, links, layout, capitals) stays exactly as the forum had it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from voicepeer.commands.interpreter import Interpreter
from voicepeer.recognition.base import Heard
from voicepeer.voice.correction import Corrector, read_back
from voicepeer.voice.post_text import PostText

RAW = (
    '[quote="priya, post:1, topic:5"]\nI walk to the pier every day\n[/quote]\n\n'
    "Lovely! I walk there too, see https://example.org/walk-the-pier for the route.\n\n"
    "* bring water\n* take the `walk` app"
)


def test_a_replaced_word_is_the_persons_own_and_nothing_else_moves() -> None:
    text = PostText.of_post(RAW)
    place = text.find(["walk"])
    assert place is not None and text.words_at(place) == "walk"
    text.replace(place, "stroll")
    # Not the quoted words of someone else, not the link, not the code.
    assert text.text_to_send() == RAW.replace("I walk there", "I stroll there")
    assert text.changed and text.changes() == ["walk becomes stroll"]


def test_a_capital_stays_a_capital_and_i_is_written_as_i() -> None:
    text = PostText.of_post("Tysabri helps me. My sister and me went.")
    tysabri = text.find(["tysabri"])
    assert tysabri is not None
    text.replace(tysabri, "ocrevus")
    sister = text.find(["sister", "and", "me"])
    assert sister is not None
    text.replace(sister, "sister and i")
    assert text.text_to_send() == "Ocrevus helps me. My sister and I went."


def test_words_across_a_full_stop_are_not_one_run() -> None:
    text = PostText.of_post("I rest. Then walk.")
    assert text.find(["rest", "then"]) is None
    assert text.find(["then", "walk"]) is not None


def test_what_is_dictated_goes_at_the_end_and_only_it_is_finished() -> None:
    ends_open = PostText.of_post("Thanks all\n\n[see this](https://example.org)")
    assert ends_open.text_to_send() == "Thanks all\n\n[see this](https://example.org)"
    assert not ends_open.changed
    text = PostText.of_post("Thanks all.")
    text.add("see you at the meeting")
    assert text.text_to_send() == "Thanks all. See you at the meeting."
    # A sentence left open goes on: no capital in its middle.
    going_on = PostText.of_post("I rested and")
    going_on.add("felt better")
    assert going_on.text_to_send() == "I rested and felt better."
    going_on.add("new paragraph i slept")
    assert going_on.text_to_send() == "I rested and felt better.\n\nI slept."
    assert going_on.changes() == ["added: felt better I slept"]


def test_scratch_and_delete_and_start_over() -> None:
    text = PostText.of_post("My legs are weak today.")
    text.add("more later")
    assert text.scratch_last_phrase() and text.text == "My legs are weak today."
    assert not text.scratch_last_phrase()  # the post's own words are not a dictated part
    assert text.delete_last_word() == "today" and text.text == "My legs are weak"
    assert text.delete_last_word() == "weak" and text.text == "My legs are"
    text.clear()
    assert text.text == "My legs are weak today." and not text.changed


def test_many_changes_are_read_whole_not_one_by_one() -> None:
    text = PostText.of_post("one two three four five six seven eight nine ten")
    for old, new in (("two", "2"), ("four", "4"), ("six", "6"), ("eight", "8")):
        place = text.find([old])
        assert place is not None
        text.replace(place, new)
    assert text.changes() == [
        "two becomes 2",
        "four becomes 4",
        "six becomes 6",
        "eight becomes 8",
    ]
    ten = text.find(["ten"])
    assert ten is not None
    text.replace(ten, "10")
    assert text.changes() is None


def test_the_corrector_works_on_a_posts_words_by_spelling() -> None:
    said: list[str] = []
    text = PostText.of_post("The doctor suggested ocrelizumab for my relapse.")
    corrector = Corrector(said.append, Interpreter())
    # No recognizer guesses for words of a post: straight to spelling.
    assert corrector.hear(Heard("correct relapse"), text)
    assert (
        said[-1]
        == "I have no other guesses for relapse. Spell relapse letter by letter, then say done."
    )
    assert corrector.hear(Heard("mike sierra"), text)
    assert corrector.hear(Heard("done"), text)
    assert said[-1] == "Changed relapse to MS."
    assert corrector.hear(Heard("replace doctor with neurologist"), text)
    assert read_back(text, "post") == (
        "Your post says: The neurologist suggested ocrelizumab for my MS."
    )


def test_a_post_is_read_out_with_quotes_code_and_links_named() -> None:
    text = PostText.of_post(RAW)
    assert read_back(text, "post") == (
        "Your post says: (a quote) \n\nLovely! I walk there too, see (a link) for the route."
        "\n\n* bring water\n* take the (code) app"
    )


def test_a_correction_overtaken_by_a_change_names_the_post() -> None:
    said: list[str] = []
    text = PostText.of_post("My walking is slow today.")
    corrector = Corrector(said.append, Interpreter(), "post")
    assert corrector.hear(Heard("replace walking"), text)
    text.clear()
    text.written = "My balance is poor today."  # changed meanwhile
    assert corrector.hear(Heard("with my balance"), text)
    assert said[-1] == "Your post has changed since. Say replace and the words again."


def _common_start(a: str, b: str) -> int:
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


@given(raw=st.text(max_size=200), pick=st.integers(min_value=0), new=st.sampled_from(["ms", "I"]))
def test_replacing_any_own_word_leaves_every_other_character_as_it_was(
    raw: str, pick: int, new: str
) -> None:
    text = PostText.of_post(raw)
    words = text.own_words()
    if not words:  # nothing of the person's own to name in this text
        return
    place = text.find([words[pick % len(words)]])
    assert place is not None
    old = text.words_at(place)
    before = text.text_to_send()
    text.replace(place, new)
    after = text.text_to_send()
    # Only the run named changed: the text around it is character for character the same.
    start = _common_start(before, after)
    end = _common_start(before[start:][::-1], after[start:][::-1])
    assert len(before) - start - end <= len(old)


def test_a_word_the_post_has_twice_is_replaced_at_the_last_and_said_so() -> None:
    said: list[str] = []
    text = PostText.of_post("My sister came. My sister stayed.")
    corrector = Corrector(said.append, Interpreter(), "post")
    assert corrector.hear(Heard("replace sister with brother"), text)
    assert said == [
        "Your post had sister 2 times. I replaced the last one with brother. To change "
        "another, say more of the words around it."
    ]
    assert text.text == "My sister came. My brother stayed."


def test_words_changed_and_words_added_after_are_named_apart() -> None:
    text = PostText.of_post("My sister came with me.")
    place = text.find(["sister"])
    assert place is not None
    text.replace(place, "brother")
    text.add("it was lovely")
    assert text.changes() == ["sister becomes brother", "added: It was lovely"]


def test_a_full_stop_said_after_the_posts_own_is_not_a_second_one() -> None:
    text = PostText.of_post("I had three relapses last year.")
    text.add("full stop")
    assert text.text_to_send() == "I had three relapses last year."
    asked = PostText.of_post("Has anyone tried it?")
    asked.add("exclamation mark")
    assert asked.text_to_send() == "Has anyone tried it?!"


def test_words_deleted_from_a_post_leave_no_mark_dangling() -> None:
    text = PostText.of_post("Great! Thanks. I rest in the afternoon every day.")
    for words in (["afternoon"], ["thanks"], ["every", "day"]):
        place = text.find(words, exact=True)
        assert place is not None
        text.delete(place)
    # The full stop at the end stays: nothing adds it when the post is sent.
    assert text.text_to_send() == "Great! I rest in the."
    assert text.changes() == ["Thanks is taken out", "afternoon every day is taken out"]
    first = PostText.of_post("Yesterday we walked.")
    place = first.find(["yesterday"], exact=True)
    assert place is not None and first.delete(place) is None
    assert first.text_to_send() == "We walked."


def test_a_posts_own_marks_are_changed_and_deleted() -> None:
    text = PostText.of_post("I walked 2.5 miles. I was tired, then home.")
    place = text.find(["full", "stop"])
    assert place is not None and text.replace(place, "question mark") == "?"
    comma = text.find(["the", "comma"])
    assert comma is not None
    text.replace(comma, "full stop")
    # Not the one inside 2.5; the word after a new full stop begins a sentence.
    assert text.text_to_send() == "I walked 2.5 miles. I was tired. Then home?"
    assert text.find(["semicolon"]) is None


def test_a_number_said_for_a_posts_own_is_written_in_figures() -> None:
    text = PostText.of_post("I take 240 mg.")
    place = text.find(["240"])
    assert place is not None and text.replace(place, "two hundred and fifty") == "250"
    assert text.text_to_send() == "I take 250 mg."


def test_a_name_in_a_post_keeps_its_capital_only_when_said_again() -> None:
    text = PostText.of_post("Thanks Ruth and Jo.")
    for old, new in (("ruth", "everyone"), ("jo", "joanne")):
        place = text.find([old])
        assert place is not None
        text.replace(place, new)
    assert text.text_to_send() == "Thanks everyone and Joanne."
