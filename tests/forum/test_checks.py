from __future__ import annotations

from voicepeer.forum.base import SiteLimits
from voicepeer.forum.checks import (
    DraftProblem,
    RepliesHeld,
    check_reply,
    check_title,
    limit_from_rejection,
    read_rejection,
)
from voicepeer.voice.error_phrases import problem_line, rejection_line

LIMITS = SiteLimits(min_post_length=20, min_personal_message_post_length=10, max_post_length=100)


def _said(problem: DraftProblem | None) -> str:
    assert problem is not None
    return problem_line(problem)


def test_short_reply_says_how_many_more_characters() -> None:
    said = _said(check_reply("Thank you so much", LIMITS))  # 17 characters
    assert "3 more letters or spaces" in said
    assert "at least 20 in all" in said  # said as letters or spaces: "characters" is for screens


def test_one_character_short_is_singular() -> None:
    assert "1 more letter or space," in _said(check_reply("x" * 19, LIMITS))


def test_surrounding_whitespace_does_not_count() -> None:
    assert check_reply("   " + "y" * 19 + "\n\n", LIMITS)
    assert check_reply("y" * 20, LIMITS) is None


def test_private_messages_use_their_own_minimum() -> None:
    assert check_reply("Thanks, Anne", LIMITS, private=True) is None
    assert check_reply("Thanks, Anne", LIMITS)


def test_empty_and_too_long_replies() -> None:
    assert "empty" in _said(check_reply("  \n", LIMITS))
    assert "too long for the forum by 5 characters" in _said(check_reply("z" * 105, LIMITS))
    # Said as a person can act on it: about how many words, and what takes them out (there
    # is no command that splits a reply in two).
    longer = _said(check_reply("z" * 160, LIMITS))
    assert "by 60 characters, about 10 words. To take out the end, say delete the last" in longer
    assert "split" not in longer


def test_unicode_counts_characters_not_bytes() -> None:
    assert check_reply("é" * 20, LIMITS) is None
    assert check_reply("😀" * 19, LIMITS)


def test_title_checks() -> None:
    assert "6 characters more" in _said(
        check_title("Fatigue!!", SiteLimits(min_topic_title_length=15))
    )
    assert check_title("Heat and fatigue in summer", SiteLimits()) is None


def test_rejection_from_the_forum_is_explained() -> None:
    errors = ("Body is too short (minimum is 25 characters)",)
    spoken = rejection_line(errors)
    assert "at least 25 characters" in spoken
    assert limit_from_rejection(errors) == 25
    assert limit_from_rejection(("Title is too short (minimum is 15 characters)",)) is None
    assert "did not say why" in rejection_line(())
    said = rejection_line(("Body is too similar to what you recently posted",))
    assert "same words from you twice within a few minutes" in said
    assert rejection_line(("Topic is closed",)).endswith("Topic is closed.")
    assert rejection_line(("Title has already been used",)) == (
        "The forum did not accept that. Another topic on the forum already has this title."
    )


def test_the_forums_limits_on_replies_in_a_topic_are_read_with_their_count() -> None:
    in_a_row = read_rejection(
        "No more than 4 consecutive replies are allowed. Please edit your previous reply, or "
        "wait for someone to reply to you."
    )
    assert (in_a_row.replies_held, in_a_row.limit) == (RepliesHeld.IN_A_ROW, 4)
    one = read_rejection(
        "No consecutive replies are allowed. Please edit your previous reply, or wait for "
        "someone to reply to you."
    )
    assert (one.replies_held, one.limit) == (RepliesHeld.IN_A_ROW, 1)
    assert "at most one reply in a row" in rejection_line((one.words,))
    # Either apostrophe: a site's own text overrides may use the curly one.
    for sorry in ("We're", "We’re"):
        new = read_rejection(
            f"{sorry} sorry, but new users are temporarily limited to 1 reply in the same topic."
        )
        assert (new.replies_held, new.limit) == (RepliesHeld.NEW_MEMBER, 1)
    assert rejection_line((new.words,)).endswith(
        "As a new member, you may post one reply in a topic until someone answers you there."
    )
    assert read_rejection("Topic is closed").replies_held is None


def test_words_the_forum_finds_unclear_are_explained_for_a_reply_and_a_title() -> None:
    body = read_rejection("Body seems unclear, is it a complete sentence?")
    assert body.unclear and not body.title
    title = read_rejection(
        "Title seems unclear, most of the words contain the same letters over and over?"
    )
    assert title.unclear and title.title
    assert rejection_line((body.words,)) == (
        "The forum did not accept that. It thinks your reply seems unclear: it wants a "
        "sentence of a few different words, not the same ones over and over, and not all in "
        "capitals."
    )
    assert "It thinks the title seems unclear" in rejection_line((title.words,))
