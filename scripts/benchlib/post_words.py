"""Naming a word of one's own posted post by voice ("correct walking", "replace walking"),
as the person does while changing it ("correct my post").

Each post is a peer-support reply of the split (scripts.benchlib.dictation, the split's
voices and conditions); the person names two of its longer words with each verb. The bundled
engine decodes each utterance as the voice loop does in EDITING_POST: dictation with the
post as the reply context, and with or without the post's words among those "correct …"
is heard among (``own_words``, what the voice loop gives it). A naming counts when the
interpreter reads it as a correction of exactly that word.
Figures: ``post_word_named`` (with the post's words) and ``post_word_named_without``.
``scripts/bench_asr --post-words`` prints them.
"""

from __future__ import annotations

import re
import sys
from itertools import groupby

from scripts.benchlib._asr_data import CONDITIONS, VOICES, Item, render
from scripts.benchlib.dictation import PEER_SUPPORT
from voicepeer.commands.interpreter import Interpreter
from voicepeer.listening import voice_loop_phrasebook
from voicepeer.recognition.base import ListenMode
from voicepeer.recognition.engine import decode
from voicepeer.recognition.sphinx import SphinxRecognizer
from voicepeer.voice.states import State

POSTS = 15
"""Posts of the split changed (its last replies: the first are in the dictation model's
sentences said while dictating)."""
NAMED_PER_POST = 2
MIN_NAMED_LENGTH = 4
"""Short words ("in", "the") are hard to name by voice; the person names longer ones."""
VERBS = ("correct", "replace")
EDITING = State.EDITING_POST.value
"""The listening context of the voice loop while a post is changed."""


def items(split: str) -> list[tuple[str, str, Item]]:
    """(the post, the word named, the utterance) for every naming of the split."""
    voices, found = VOICES[split], []
    for n, post in enumerate(PEER_SUPPORT[split][-POSTS:]):
        named = [w for w in post.split() if len(w) >= MIN_NAMED_LENGTH][:NAMED_PER_POST]
        for k, word in enumerate(named):
            for verb in VERBS:
                voice = voices[(n + k) % len(voices)]
                condition = CONDITIONS[(n + k) % 2]  # normal, and slow with pauses
                utterance = Item("command", f"{verb} {word}", voice, condition, seed=n * 10 + k)
                found.append((post, word, utterance))
    return found


def run(split: str, misses: bool = False) -> dict[str, float]:
    phrasebook, interpreter = voice_loop_phrasebook(), Interpreter()
    figures: dict[str, float] = {}
    for label, with_words in (("post_word_named", True), ("post_word_named_without", False)):
        outcomes = []
        for post, namings in groupby(items(split), key=lambda found: found[0]):
            # Each post changed in a session of its own: no words from another.
            recognizer = SphinxRecognizer(phrasebook=phrasebook)
            own = re.findall(r"[a-z']+", post) if with_words else []
            recognizer.use_dictation_context([post], own_words=own)
            for _, word, item in namings:
                pcm = render(item).tobytes()
                heard = decode(recognizer, pcm, ListenMode.DICTATION, context=EDITING)
                readings = (heard.text, *heard.alternatives)
                commands = [interpreter.correction(r) for r in readings]
                ok = any(c is not None and list(c.words) == [word] for c in commands)
                outcomes.append(ok)
                if misses and not ok:
                    print(f"{split} MISS {label} {item.text!r} -> {readings}", file=sys.stderr)
            recognizer.close()
        figures[label] = round(sum(outcomes) / len(outcomes), 3)
        figures[f"{label}_items"] = len(outcomes)
    return figures
