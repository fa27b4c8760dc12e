"""Every sentence the person hears lives with the dialogue (voicepeer/voice/), never in
voicepeer/forum/: the forum layer returns and raises structured reasons. These tests read
the source, so a sentence put back into forum/ — or a forum error's words read from anywhere
but the dialogue's say_error — fails here."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import voicepeer

PACKAGE = Path(voicepeer.__file__).parent
LOG_METHODS = frozenset({"debug", "info", "warning", "error", "exception", "critical"})
# Ends like a sentence: a word, a closing bracket or quote, or a placeholder, then . ? or !
# (SQL's "key = ?" does not).
SENTENCE_END = re.compile(r"[\w)'\"}][.?!][\"')]*$")
FORUMS_OWN_WORDS = frozenset(
    {
        # Discourse's stock answer for invalid_access, matched to tell it from a real reason.
        "You are not permitted to view the requested resource.",
    }
)


def _text(node: ast.AST) -> str | None:
    """A string literal's text; an f-string's with ``{}`` for each placeholder."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            str(part.value) if isinstance(part, ast.Constant) else "{}" for part in node.values
        )
    return None


def _exempt(tree: ast.AST) -> set[int]:
    """Strings that are not said to the person: docstrings, what is logged, and the detail
    message an exception is raised with (for logs and the terminal)."""
    exempt: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and _text(node.value) is not None:
            exempt.add(id(node.value))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in LOG_METHODS
        ):
            exempt.update(id(inner) for inner in ast.walk(node))
        elif isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
            exempt.update(id(inner) for inner in ast.walk(node.exc.args[0]))
        if isinstance(node, ast.JoinedStr):  # judged whole, not by its pieces
            exempt.update(id(part) for part in node.values)
    return exempt


def spoken_sentences(source: str) -> list[str]:
    """Sentence-like string literals in ``source`` that are not exempt."""
    tree = ast.parse(source)
    exempt = _exempt(tree)
    found = []
    for node in ast.walk(tree):
        text = _text(node)
        if text is None or id(node) in exempt:
            continue
        text = text.strip()
        if len(text.split()) >= 3 and SENTENCE_END.search(text) and text not in FORUMS_OWN_WORDS:
            found.append(text)
    return found


def test_the_forum_layer_holds_no_spoken_sentence() -> None:
    found = {
        path.name: sentences
        for path in sorted((PACKAGE / "forum").glob("*.py"))
        if (sentences := spoken_sentences(path.read_text(encoding="utf-8")))
    }
    assert found == {}, "say these in voicepeer/voice/ (error_phrases, outbox_phrases)"


def test_the_check_finds_a_sentence_put_back() -> None:
    source = '''
"""Docstrings are fine. So are comments."""
import logging
log = logging.getLogger(__name__)
RETRY = "Please try again in a little while."
def fail(what: str) -> None:
    """What happens when it fails."""
    log.warning("the forum failed: %s. Trying again.", what)
    raise ForumError(f"{what} failed: the forum said no.", spoken="Say it again, please.")
def told(title: str) -> str:
    return f"Your reply to {title} is {'posted'}."
'''
    assert sorted(spoken_sentences(source)) == [
        "Please try again in a little while.",
        "Say it again, please.",
        "Your reply to {} is {}.",
    ]


def test_sql_and_short_fragments_are_not_sentences() -> None:
    source = """
QUERY = "SELECT refusal FROM drafts WHERE key = ?"
NAME = "the forum"
AGE = "saved a moment ago"
"""
    assert spoken_sentences(source) == []


def test_only_the_dialogue_reads_an_errors_sentence() -> None:
    """say_error is the one way to put an error into words: nothing else reads ``spoken``
    (a forum error carries none of its own)."""
    readers = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and node.attr == "spoken"
                and isinstance(node.ctx, ast.Load)
            ):
                readers.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert [where.partition(":")[0] for where in readers] == ["voice/error_phrases.py"], readers
