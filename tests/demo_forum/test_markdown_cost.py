"""The demo forum cooks hostile markdown in time proportional to its length.

A pattern searched from every position is slow when what it holds can run on over the next
place it may open again: each opening then reads the rest of the run, and a post of 16,000
"[" took seconds. These tests read the patterns' structure (no timing): a run of "[" is
read once when no repeated part of a token opening with "[" can match "[".
"""

from __future__ import annotations

import importlib
import re
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from voicepeer.demo_forum import footnotes, markdown

# The parse tree re compiles patterns from (a private module, without type stubs).
sre_parse: Any = importlib.import_module("re._parser")

_CATEGORIES = {
    sre_parse.CATEGORY_SPACE: r"\s",
    sre_parse.CATEGORY_NOT_SPACE: r"\S",
    sre_parse.CATEGORY_DIGIT: r"\d",
    sre_parse.CATEGORY_NOT_DIGIT: r"\D",
    sre_parse.CATEGORY_WORD: r"\w",
    sre_parse.CATEGORY_NOT_WORD: r"\W",
}


def _class_matches(items: list[tuple[Any, Any]], char: str) -> bool:
    """Whether a character class (an ``IN`` node) matches ``char``."""
    negate = bool(items) and items[0][0] is sre_parse.NEGATE
    found = False
    for op, value in items[1:] if negate else items:
        if op is sre_parse.LITERAL:
            found = found or chr(value) == char
        elif op is sre_parse.RANGE:
            found = found or value[0] <= ord(char) <= value[1]
        elif op is sre_parse.CATEGORY:
            found = found or re.fullmatch(_CATEGORIES[value], char) is not None
        else:
            raise AssertionError(f"class item {op} not understood by this test")
    return found != negate


def _repeated_matching(items: Any, char: str, repeated: bool = False) -> list[str]:
    """The repeated classes (or ``.``) under ``items`` that match ``char``."""
    found: list[str] = []
    for op, value in items:
        if op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, sre_parse.POSSESSIVE_REPEAT):
            found += _repeated_matching(value[2], char, True)
        elif op is sre_parse.SUBPATTERN:
            found += _repeated_matching(value[3], char, repeated)
        elif op is sre_parse.BRANCH:
            for branch in value[1]:
                found += _repeated_matching(branch, char, repeated)
        elif repeated and op is sre_parse.IN and _class_matches(value, char):
            found.append(str(value))
        elif repeated and op is sre_parse.ANY and char != "\n":
            found.append("any character")
    return found


def _opening(branch: list[tuple[Any, Any]]) -> str:
    """The literal characters a branch opens with."""
    opening = ""
    for op, value in branch:
        if op is not sre_parse.LITERAL:
            break
        opening += chr(value)
    return opening


def _inline_branches() -> list[list[tuple[Any, Any]]]:
    (top,) = sre_parse.parse(markdown._INLINE.pattern).data
    assert top[0] is sre_parse.BRANCH
    return list(top[1][1])


def test_the_test_finds_a_repeat_that_runs_over_the_next_bracket() -> None:
    # The link pattern as it was: its words ran on over any "[" up to a "]".
    old_link = sre_parse.parse(r"\[(?P<t>[^\]\n]+)\]\((?P<u>[^)\s]+)\)").data
    assert len(_repeated_matching(old_link, "[")) == 2


def test_no_token_opening_with_a_bracket_holds_another_bracket() -> None:
    bracketed = [b for b in _inline_branches() if _opening(b).startswith(("[", "^["))]
    assert len(bracketed) == 3  # the link, the note in place, the note's reference
    for branch in bracketed:
        assert _repeated_matching(branch, "[") == [], _opening(branch)


def test_a_footnote_definition_is_looked_for_within_its_line() -> None:
    parsed = sre_parse.parse(footnotes._ANY_DEFINITION.pattern).data
    assert _repeated_matching(parsed, "\n") == []


def test_italics_are_looked_for_up_to_the_next_star() -> None:
    parsed = sre_parse.parse(markdown._ITALIC.pattern).data
    assert _repeated_matching(parsed, "*") == []


_STARRED = st.text(alphabet="*ab \n\t\u00a0", max_size=24)
_BOLD_AS_IT_WAS = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")


@given(_STARRED)
def test_bold_is_found_where_the_pattern_found_it(text: str) -> None:
    # The pattern was searched for again from every "**"; its results are kept.
    assert markdown._bold(text) == _BOLD_AS_IT_WAS.sub(r"<strong>\1</strong>", text)


def test_hostile_runs_still_cook_as_before() -> None:
    assert markdown.render("[" * 50) == "<p>" + "[" * 50 + "</p>"
    assert markdown.render("[see [the guide](https://example.org)") == (
        '<p>[see <a href="https://example.org" rel="noopener nofollow ugc">the guide</a></p>'
    )
    spoilers = markdown.render("[spoiler]a [spoiler]b[/spoiler] c")
    assert spoilers == '<p>[spoiler]a <span class="spoiler">b</span> c</p>'
    assert footnotes.defined_labels("\n\n> [^1]: a note\n\n  [^two]: another\n") == {"1", "two"}
