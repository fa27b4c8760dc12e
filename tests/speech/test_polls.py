"""Polls read aloud: the question and choices from the post's HTML (as Discourse's poll
plugin cooks it, from its own spec), the live counts from the forum; the post's own
"0 voters", written when it was saved, is never read."""

from __future__ import annotations

from voicepeer.speech.text import cooked_paragraphs
from voicepeer.speech.text.polls import PollTally, RankedOutcome

# plugins/poll/spec/lib/pretty_text_spec.rb, "can correctly cook polls" (emoji path shortened).
MULTIPLE = "\n".join(
    (
        '<div class="poll" data-poll-name="poll" data-poll-status="open"'
        ' data-poll-type="multiple">',
        '<div class="poll-container">',
        "<ol>",
        '<li data-poll-option-id="b6475cbf6acb8676b20c60582cfc487a">test 1 <img'
        ' src="/images/emoji/twitter/slight_smile.png?v=12" title=":slight_smile:" class="emoji"'
        ' alt=":slight_smile:" loading="lazy" width="20" height="20"> <b>test</b></li>',
        '<li data-poll-option-id="7158af352698eb1443d709818df097d4">test 2</li>',
        "</ol>",
        "</div>",
        '<div class="poll-info">',
        '<div class="poll-info_counts">',
        '<div class="poll-info_counts-count">',
        '<span class="info-number">0</span>',
        '<span class="info-label">voters</span>',
        "</div>",
        "</div>",
        "</div>",
        "</div>",
    )
)
FIRST, SECOND = "b6475cbf6acb8676b20c60582cfc487a", "7158af352698eb1443d709818df097d4"
TITLED = (
    '<p>Summer is coming.</p>\n<div class="poll" data-poll-name="heat" data-poll-status="open">'
    '\n<div class="poll-container">\n<div class="poll-title">What helps you <em>most</em>?</div>'
    '\n<ul>\n<li data-poll-option-id="a1">Cooling vest</li>\n<li data-poll-option-id="b2">'
    'Cold showers</li>\n</ul>\n</div>\n<div class="poll-info"><span class="info-number">0'
    '</span><span class="info-label">voters</span></div>\n</div>\n<p>Thanks all.</p>'
)


def test_the_question_and_choices_are_read_without_the_saved_count() -> None:
    assert cooked_paragraphs(MULTIPLE) == [
        "A poll, more than one choice allowed.",
        "Choice one: test 1 (smiling face) test.",
        "Choice two: test 2.",
    ]
    said = cooked_paragraphs(TITLED)
    assert said == [
        "Summer is coming.",
        "A poll.",
        "What helps you most?",
        "Choice one: Cooling vest.",
        "Choice two: Cold showers.",
        "Thanks all.",
    ]
    assert not any("voter" in line or "0" in line for line in said)


def test_live_counts_and_the_persons_own_vote_are_read_with_each_choice() -> None:
    tally = PollTally("poll", voters=3, votes=((FIRST, 2), (SECOND, 1)), mine=frozenset({SECOND}))
    assert cooked_paragraphs(MULTIPLE, polls={"poll": tally}) == [
        "A poll, more than one choice allowed.",
        "Choice one: test 1 (smiling face) test, 2 votes.",
        "Choice two: test 2, 1 vote, your vote.",
        "3 people voted.",
    ]
    # Counts go by poll name: another poll's are never read with this one.
    assert "2 votes" not in " ".join(cooked_paragraphs(TITLED, polls={"poll": tally}))


def test_hidden_results_closed_polls_and_nobody_yet() -> None:
    hidden = PollTally("heat", voters=4, votes=None, mine=frozenset({"a1"}), closed=False)
    said = cooked_paragraphs(TITLED, polls={"heat": hidden})
    assert said[2:6] == [
        "What helps you most?",
        "Choice one: Cooling vest, your vote.",
        "Choice two: Cold showers.",
        "4 people voted. The results are not shown yet.",
    ]
    closed = PollTally("heat", voters=0, votes=(("a1", 0), ("b2", 0)), closed=True)
    said = cooked_paragraphs(TITLED, polls={"heat": closed})
    assert said[1] == "A closed poll."
    assert said[3] == "Choice one: Cooling vest, no votes."
    assert said[5] == "Nobody has voted yet."


def test_a_number_poll_says_its_range_not_every_number() -> None:
    numbers = "\n".join(f'<li data-poll-option-id="n{n}">{n}</li>' for n in range(1, 21))
    cooked = (
        '<div class="poll" data-poll-max="20" data-poll-min="1" data-poll-name="poll" '
        'data-poll-status="open" data-poll-step="1" data-poll-type="number">\n'
        f'<div class="poll-container">\n<ul>\n{numbers}\n</ul>\n</div>\n</div>'
    )
    assert cooked_paragraphs(cooked) == ["A poll: a number from 1 to 20."]


def test_how_many_may_be_chosen_is_said() -> None:
    def heading(attributes: str) -> str:
        cooked = (
            f'<div class="poll" data-poll-name="poll" data-poll-type="multiple"{attributes}>'
            '<div class="poll-container"><ul><li data-poll-option-id="a">Tea</li></ul></div></div>'
        )
        return cooked_paragraphs(cooked)[0]

    assert (
        heading(' data-poll-max="3" data-poll-min="1"') == "A poll: choose up to 3 of the choices."
    )
    assert heading(' data-poll-max="3" data-poll-min="2"') == (
        "A poll: choose from 2 to 3 of the choices."
    )
    assert heading("") == "A poll, more than one choice allowed."


def number_poll(high: int = 10) -> str:
    """A number poll cooked as the plugin does: each choice's HTML is its number."""
    numbers = "\n".join(f'<li data-poll-option-id="n{n}">{n}</li>' for n in range(1, high + 1))
    return (
        f'<div class="poll" data-poll-max="{high}" data-poll-min="1" data-poll-name="poll" '
        'data-poll-status="open" data-poll-step="1" data-poll-type="number">\n'
        f'<div class="poll-container">\n<ul>\n{numbers}\n</ul>\n</div>\n</div>'
    )


def number_tally(
    votes: dict[int, int] | None, mine: int | None = None, high: int = 10
) -> PollTally:
    labels = tuple((f"n{n}", str(n)) for n in range(1, high + 1))
    counts = None if votes is None else tuple((f"n{n}", votes.get(n, 0)) for n in range(1, 11))
    return PollTally(
        "poll",
        voters=sum((votes or {2: 1, 5: 2}).values()),
        votes=counts,
        mine=frozenset() if mine is None else frozenset({f"n{mine}"}),
        choices=labels,
    )


def test_a_number_poll_says_its_average_rating_and_ones_own_vote() -> None:
    # poll.gjs averageRating: each number times its votes, over the voters, 2 decimals.
    said = cooked_paragraphs(number_poll(), polls={"poll": number_tally({2: 1, 3: 1, 4: 2})})
    assert said == [
        "A poll: a number from 1 to 10.",
        "Average rating 3.25 out of 10, from 4 votes.",
    ]
    said = cooked_paragraphs(number_poll(), polls={"poll": number_tally({7: 1, 8: 2}, mine=7)})
    assert said[1] == "Average rating 7.67 out of 10, from 3 votes. Your vote: 7."
    # 25 / 8 = 3.125: halves go up, as JavaScript's Math.round does on the page.
    said = cooked_paragraphs(number_poll(), polls={"poll": number_tally({3: 7, 4: 1})})
    assert said[1] == "Average rating 3.13 out of 10, from 8 votes."
    said = cooked_paragraphs(number_poll(), polls={"poll": number_tally({5: 1})})
    assert said[1] == "Average rating 5 out of 10, from 1 vote."


def test_a_number_polls_hidden_or_malformed_results_are_not_averaged() -> None:
    hidden = cooked_paragraphs(number_poll(), polls={"poll": number_tally(None, mine=2)})
    assert hidden[1] == "3 people voted. The results are not shown yet. Your vote: 2."
    odd = PollTally("poll", voters=2, votes=(("n1", 2),), choices=(("n1", "one"),))
    assert cooked_paragraphs(number_poll(), polls={"poll": odd})[1] == "2 people voted."
    nobody = PollTally("poll", voters=0, votes=(("n1", 0),), choices=(("n1", "1"),))
    assert cooked_paragraphs(number_poll(), polls={"poll": nobody})[1] == "Nobody has voted yet."


RANKED = (
    '<div class="poll" data-poll-name="poll" data-poll-status="open"'
    ' data-poll-type="ranked_choice">\n<div class="poll-container">\n<ul>\n'
    '<li data-poll-option-id="y1">Team Yellow</li>\n<li data-poll-option-id="b2">Team '
    "<strong>Blue</strong></li>\n</ul>\n</div>\n</div>"
)


def test_a_ranked_choice_poll_says_its_winner_or_its_tie() -> None:
    won = RankedOutcome(rounds=2, winner="Team <strong>Blue</strong>")
    # Every ballot holds every choice, so each count is the voters: not said, as on the page.
    tally = PollTally(
        "poll", voters=9, votes=(("y1", 9), ("b2", 9)), ranks=(("b2", 1), ("y1", 2)), outcome=won
    )
    said = cooked_paragraphs(RANKED, polls={"poll": tally})
    assert said == [
        "A poll, choices ranked in order.",
        "Choice one: Team Yellow, your second choice.",
        "Choice two: Team Blue, your first choice.",
        "9 people voted. The winner, after 2 rounds: Team Blue.",
    ]
    tie = RankedOutcome(rounds=1, winner=None, tied=("Team Yellow", "Team Blue", "Tea :)"))
    tally = PollTally("poll", voters=2, votes=(("y1", 2), ("b2", 2)), outcome=tie)
    assert cooked_paragraphs(RANKED, polls={"poll": tally})[-1] == (
        "2 people voted. A tie after 1 round, between Team Yellow, Team Blue and "
        "Tea (smiling face)."
    )
    # A forum that sends only which choices were voted for, not their places.
    plain = PollTally("poll", voters=2, votes=(("y1", 2), ("b2", 2)), mine=frozenset({"b2"}))
    assert (
        cooked_paragraphs(RANKED, polls={"poll": plain})[2] == "Choice two: Team Blue, your vote."
    )
    hidden = PollTally("poll", voters=2, votes=None, outcome=won)
    assert cooked_paragraphs(RANKED, polls={"poll": hidden})[-1] == (
        "2 people voted. The results are not shown yet."
    )
