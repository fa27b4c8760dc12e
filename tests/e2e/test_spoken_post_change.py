"""Changing a posted reply by voice, spoken by espeak-ng, written to WAV files and heard
from them by the real PocketSphinx engine, in the real voice loop against the real demo
forum over loopback HTTP: "correct my post", "correct" a word and spell it, "send it", and
the post changes only after a clear yes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.support.conversation import converse
from tests.support.members import keyed_forum, post_reply, post_words, signed_in
from tests.support.spoken_session import Line, SpokenListener
from tests.voice.test_assistant import first_topic_id
from voicepeer.listening import voice_loop_phrasebook
from voicepeer.recognition.base import Listener
from voicepeer.recognition.sphinx import SphinxRecognizer
from voicepeer.voice.post_editing import CHANGED

POSTED = "My legs were shaking after the long walk home."


class Changer:
    """Changes "legs" in their posted reply to "feet" by spelling it in the NATO alphabet
    (a word of a post has no recognizer guesses: "correct" goes straight to spelling),
    answering what voicepeer says."""

    def __init__(self) -> None:
        self.listener: SpokenListener | None = None

    def lines(self) -> Iterator[Line]:
        yield "open topic one"
        for _ in range(3):
            yield "correct my post"
            # Asked "Did you mean correct my post? If so, please say it again.", they do.
            assert self.listener is not None
            if not self.listener.said()[-1].startswith("Did you mean"):
                break
        yield self.correct
        yield self.spell
        yield "that's it"
        yield "send it"
        yield "yes"

    def correct(self, said: list[str]) -> str:
        assert said[-1].startswith("Changing your post posted"), self._heard()
        return "correct legs"

    def spell(self, said: list[str]) -> str:
        assert said[-1].endswith("Spell legs letter by letter, then say done."), self._heard()
        return "foxtrot echo echo tango"

    def _heard(self) -> str:
        assert self.listener is not None
        return self.listener.heard[-1].text


@pytest.mark.slow
def test_spoken_change_to_a_posted_reply_after_a_clear_yes(tmp_path: Path) -> None:
    recognizer = SphinxRecognizer(phrasebook=voice_loop_phrasebook())
    person = Changer()

    def make_listener(said_so_far: Callable[[], list[str]]) -> Listener:
        person.listener = SpokenListener(
            recognizer, person.lines(), said_so_far, wav_folder=tmp_path
        )
        return person.listener

    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        post_id = post_reply(forum, "demo", POSTED, first_topic_id(forum))
        talk = converse(
            forum.base_url,
            [],
            tmp_path / "data",
            listener=make_listener,
            credentials=signed_in(forum),
        )
        raw = post_words(forum, post_id)
    said = talk.transcript
    assert "Changed legs to feet." in said, said
    assert "Legs becomes feet. Everyone will see your post changed." in said, said
    assert talk.said[-1] == CHANGED, said
    assert raw == POSTED.replace("legs", "feet")
