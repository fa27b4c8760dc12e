"""Fixing misheard words by voice, spoken by espeak-ng, written to WAV files and heard from
them by the real PocketSphinx engine, in the real voice loop against the real demo forum
over loopback HTTP.

The person answers what voicepeer actually heard, as a person would: they say "correct"
and a word the read-back got wrong, pick the right guess by its number, spell another
word in the NATO alphabet ("spell it" while guesses are offered, "that's it" at the end), and
post after a clear yes. While a choice or letters are awaited the voice loop listens for
exactly those answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from difflib import SequenceMatcher
from pathlib import Path
from typing import Protocol

import httpx
import pytest

from tests.support.conversation import Conversation, converse
from tests.support.members import keyed_forum, signed_in
from tests.support.spoken_session import Line, SpokenListener
from voicepeer.commands.correction import CHOICE_ANSWERS, NATO_ALPHABET, SPELLING_ANSWERS
from voicepeer.listening import voice_loop_phrasebook
from voicepeer.recognition.base import Heard, Listener
from voicepeer.recognition.sphinx import SphinxRecognizer

DICTATIONS = (
    "my fatigue is much worse when the weather is hot",
    "i could only manage the shops with my walker today",
    "my legs were shaking after the long walk home",
    "the walk along the pier sounds lovely well done",
)
"""Replies the person dictates, one after another after "start over", until voicepeer
mishears one in a way that "correct" can fix both by a choice and by spelling."""
MIN_LENGTH = 4
"""Short words ("in", "the") are hard to name again by voice; the person corrects longer ones."""
NUMBER_WORDS = ("one", "two", "three", "four", "five")
NATO = {letter: word for word, letter in reversed(NATO_ALPHABET.items())}


def misheard(heard: Heard, meant_text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """(word heard, word meant, the other guesses for it) for each word heard wrongly,
    paired in order within each wrongly heard run."""
    said, meant = heard.text.split(), meant_text.split()
    pairs = []
    for tag, a0, a1, b0, b1 in SequenceMatcher(a=said, b=meant).get_opcodes():
        if tag == "replace":
            for i in range(min(a1 - a0, b1 - b0)):
                word = heard.words[a0 + i]
                pairs.append((word.text, meant[b0 + i], word.alternatives))
    return pairs


def fixes(heard: Heard, meant: str) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """A misheard word whose right guess is offered, and another one to spell."""
    wrong = [w for w in misheard(heard, meant) if min(len(w[0]), len(w[1])) >= MIN_LENGTH]
    choosable = [w for w in wrong if w[1] in w[2]]
    for chosen in choosable:
        spelled = [w for w in wrong if w[0] != chosen[0]]
        if spelled:
            return (chosen[0], chosen[1]), (spelled[0][0], spelled[0][1])
    return None


class Person:
    """Decides what to say next from what voicepeer said and heard."""

    def __init__(self) -> None:
        self.listener: SpokenListener | None = None
        self.chosen: tuple[str, str] | None = None
        self.spelled: tuple[str, str] | None = None

    def lines(self) -> Iterator[Line]:
        yield "open topic one"
        yield "reply"
        for dictated in DICTATIONS:
            yield dictated
            assert self.listener is not None
            found = fixes(self.listener.heard[-1], dictated)
            if found is not None:
                self.chosen, self.spelled = found
                break
            yield "start over"
        else:
            raise AssertionError("nothing to fix by a choice")
        assert self.chosen is not None and self.spelled is not None
        yield f"correct {self.chosen[0]}"
        yield self.choose
        yield f"correct {self.spelled[0]}"
        yield self.spell_it
        yield self.first_letters
        yield self.other_letters
        yield "that's it"
        yield "send it"
        yield "yes"

    def choose(self, said: list[str]) -> str:
        assert self.chosen is not None
        offer = said[-1]
        assert self.listener is not None
        assert offer.startswith(f"Instead of {self.chosen[0]}:"), self.listener.heard[-1]
        numbers = dict(re.findall(r"(\d): ([^,.]+)", offer))
        number = next(n for n, choice in numbers.items() if choice == self.chosen[1])
        return f"number {NUMBER_WORDS[int(number) - 1]}"

    def spell_it(self, said: list[str]) -> str:
        # voicepeer offers guesses (none fit) or goes straight to spelling; "spell it"
        # works either way (while spelling it starts the word again).
        return "spell it"

    def first_letters(self, said: list[str]) -> str:
        assert self.spelled is not None
        assert self.listener is not None
        last = self.listener.heard[-1]
        assert said[-1].startswith(f"Spell {self.spelled[0]} letter by letter"), last
        return " ".join(NATO[letter] for letter in self.spelled[1][:3])

    def other_letters(self, said: list[str]) -> str:
        assert self.spelled is not None
        assert said[-1] == f"{' '.join(self.spelled[1][:3])}. More letters, or say done.", said
        return " ".join(NATO[letter] for letter in self.spelled[1][3:])


class Speaker(Protocol):
    listener: SpokenListener | None

    def lines(self) -> Iterator[Line]: ...


def spoken_session(person: Speaker, tmp_path: Path) -> tuple[Conversation, str]:
    """``person`` talking to the real voice loop through WAV files and the bundled engine,
    against the demo forum: the conversation, and the last post of the latest topic."""
    recognizer = SphinxRecognizer(phrasebook=voice_loop_phrasebook())

    def make_listener(said_so_far: Callable[[], list[str]]) -> Listener:
        person.listener = SpokenListener(
            recognizer, person.lines(), said_so_far, wav_folder=tmp_path
        )
        return person.listener

    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        talk = converse(
            forum.base_url,
            [],
            tmp_path / "data",
            listener=make_listener,
            credentials=signed_in(forum),
        )
        latest = httpx.get(f"{forum.base_url}/latest.json").json()
        topic_id = latest["topic_list"]["topics"][0]["id"]
        posts = httpx.get(f"{forum.base_url}/t/{topic_id}.json").json()["post_stream"]["posts"]
    return talk, str(posts[-1]["cooked"])


@pytest.mark.slow
def test_spoken_correction_by_choice_and_spelling_then_post(tmp_path: Path) -> None:
    person = Person()
    talk, posted = spoken_session(person, tmp_path)
    said = talk.transcript
    assert person.chosen is not None and person.spelled is not None, said
    assert f"Changed {person.chosen[0]} to {person.chosen[1]}." in said, said
    assert f"Changed {person.spelled[0]} to {person.spelled[1]}." in said, said
    assert "Shall I post it? Say yes or no." in said, said
    assert person.listener is not None
    heard_in = list(zip(person.listener.spoken, person.listener.contexts, strict=True))
    assert [c for s, c in heard_in if s.startswith("number ")] == [CHOICE_ANSWERS]
    assert ("that's it", SPELLING_ANSWERS) in heard_in and ("send it", "dictating") in heard_in
    assert talk.said[-1].endswith("is posted."), said
    confirmed = said.split("Your reply says: ")[-1].split(" It will appear", 1)[0]
    assert person.chosen[1] in confirmed.lower() and person.spelled[1] in confirmed.lower()
    assert confirmed.rstrip(".").lower() in posted.lower()


class Replacer:
    """Says "replace" and a word voicepeer heard, then the new words when asked."""

    NEW_WORDS = "my walker"

    def __init__(self) -> None:
        self.listener: SpokenListener | None = None
        self.replaced = ""

    def lines(self) -> Iterator[Line]:
        yield "open topic one"
        yield "reply"
        yield DICTATIONS[1]
        yield self.replace
        yield self.new_words
        yield "send it"
        yield "yes"

    def replace(self, said: list[str]) -> str:
        assert self.listener is not None
        heard = self.listener.heard[-1].text.split()
        self.replaced = next(w for w in heard if len(w) >= MIN_LENGTH and heard.count(w) == 1)
        return f"replace {self.replaced}"

    def new_words(self, said: list[str]) -> str:
        assert self.listener is not None
        assert said[-1] == f"Replace {self.replaced} with what?", self.listener.heard[-1]
        return self.NEW_WORDS


@pytest.mark.slow
def test_spoken_replace_asks_for_the_new_words_then_posts(tmp_path: Path) -> None:
    person = Replacer()
    talk, posted = spoken_session(person, tmp_path)
    said = talk.transcript
    assert person.listener is not None
    new = person.listener.heard[-3].text
    # The new words are dictation, heard as such (not one of a few awaited answers).
    assert ("my walker", "dictating") in zip(
        person.listener.spoken, person.listener.contexts, strict=True
    )
    assert f"Replaced {person.replaced} with {new}." in said, said
    assert talk.said[-1].endswith("is posted."), said
    confirmed = said.split("Your reply says: ")[-1].split(" It will appear", 1)[0]
    assert person.replaced not in confirmed.lower().split() and new in confirmed.lower()
    assert confirmed.rstrip(".").lower() in posted.lower()
