"""What a reply most likely reuses: the words of the post being answered, the topic's title
and the names of the people in the thread. Recognizers that can use it (PocketSphinx's
dictation model) make these words likely while the reply is dictated."""

from __future__ import annotations

import html
import re

from voicepeer.forum.base import Post, Topic

_TAG = re.compile(r"<[^>]+>")
_SENTENCE = re.compile(r"[.!?;:\n]+")
_WORD = re.compile(r"[a-z][a-z']*")
MAX_CONTEXT_WORDS = 600
"""A long post's first words are enough; the model stays quick to rebuild."""


def thread_people(topic: Topic, reply_to: Post | None = None) -> set[str]:
    """The names (or usernames) of the people whose posts are loaded, and of ``reply_to``'s
    author."""
    people = {p.name or p.username for p in topic.loaded_posts}
    if reply_to is not None:
        people.add(reply_to.name or reply_to.username)
    return people


def reply_context(topic: Topic, reply_to: Post | None) -> list[str]:
    """Lower-case sentences of plain words: title, the post answered, people's names. The
    title as written, as the post's own words are: a word the forum censors may be said."""
    texts = [topic.written_title or topic.title]
    if reply_to is not None:
        texts.append(reply_to.raw or html.unescape(_TAG.sub(" ", reply_to.cooked)))
    texts += [f"thank you {name}" for name in sorted(thread_people(topic, reply_to))]
    return plain_sentences(texts)


def plain_sentences(texts: list[str]) -> list[str]:
    """``texts`` as lower-case sentences of plain words, the first
    :data:`MAX_CONTEXT_WORDS` words of them, for a recognizer's dictation context."""
    sentences: list[str] = []
    total = 0
    for text in texts:
        for part in _SENTENCE.split(text.lower()):
            words = _WORD.findall(part.replace("\u2019", "'"))
            if words and total < MAX_CONTEXT_WORDS:
                sentences.append(" ".join(words))
                total += len(words)
    return sentences
