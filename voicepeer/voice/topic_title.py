"""Changing the title of one's own topic by voice, while changing its first post ("correct
my post", then "change the title").

Discourse lets a topic's author change its title for as long as they may edit its first
post (Guardian#can_edit_topic?: not in an archived topic, nor where they can no longer
start topics). The new title is heard, checked against the forum's title rules at once,
read back with the one it replaces, and changed only after a clear yes, with the title it
replaces (``original_title``), so that a change made meanwhile elsewhere is never
overwritten. A title the forum refuses is asked for again; nothing else is lost, as the
words of the post being changed stay as they were.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from voicepeer.commands.editing import DictationAction
from voicepeer.commands.interpreter import Interpreter
from voicepeer.errors import EditConflictError, ForumError, ForumRejectedError
from voicepeer.forum.base import Post, SiteLimits, Topic
from voicepeer.forum.http import DeliveryUncertainError
from voicepeer.recognition.base import Heard
from voicepeer.speech.text.sentences import as_sentence
from voicepeer.voice.composer import RETITLE_OWN_TOPIC
from voicepeer.voice.error_phrases import problem_line, say_error
from voicepeer.voice.new_conversation import spoken_title, title_problem
from voicepeer.voice.own_post_changes import OwnPostChanges, OwnPostEngines

log = logging.getLogger(__name__)

NOT_THE_FIRST_POST = (
    f"Only a topic has a title, and this post is a reply in it. {RETITLE_OWN_TOPIC}"
)
NOT_ANY_MORE = (
    "The forum no longer lets you change the title of this topic: it allows changes only "
    "for a while after posting, and not in an archived topic."
)
ASKED_FOR = "Say the new title, or say cancel to keep it."
TITLE_HELP = (
    "Say a few words that tell people what your topic is about, like: tips for hot weather. "
    "Or say cancel to keep the title it has."
)


class TopicTitle(OwnPostChanges):
    """The title of the topic whose first post is being changed: asked for, then asked
    about, then changed."""

    def __init__(
        self, engines: OwnPostEngines, interpreter: Interpreter, limits: Callable[[], SiteLimits]
    ) -> None:
        super().__init__(engines)
        self._interpreter = interpreter
        self._limits = limits
        self._topic: Topic | None = None
        self.asking = False
        """The new title is waiting to be said."""
        self.proposed = ""
        """The new title heard, asked about and not changed yet ("" when none)."""

    def ask(self, topic: Topic | None, post: Post | None) -> bool:
        """ "Change the title", said while changing ``post``: the title asked for, when the
        post begins a topic the forum lets the person retitle; False after saying why not."""
        self.drop()
        if topic is None or post is None or post.post_number != 1:
            self._say(NOT_THE_FIRST_POST)
            return False
        if not topic.can_edit:
            self._say(NOT_ANY_MORE)
            return False
        self._topic, self.asking = topic, True
        self._say(f"The title is: {as_sentence(topic.title)} {ASKED_FOR}")
        return True

    def drop(self) -> None:
        """Nothing asked for or about any more (the title stays as it is)."""
        self.asking, self.proposed = False, ""

    def hear(self, heard: Heard, then: str) -> bool:
        """What was said for the new title; True when it is asked about (yes or no), False
        while it is still asked for, or the title stays (said which, and ``then``: how to
        go on)."""
        topic = self._topic
        assert topic is not None and self.asking
        action = self._interpreter.editing(heard)
        if action is DictationAction.CANCEL:
            self.drop()
            self._say(f"The title stays: {as_sentence(topic.title)} {then}")
            return False
        if action is DictationAction.HELP:
            self._say(TITLE_HELP)
            return False
        if action is DictationAction.READ_BACK:
            self._say(f"The title is: {as_sentence(topic.title)} {ASKED_FOR}")
            return False
        if action is not None:
            self._say(f"I did not take {heard.text.strip()} as the title. {ASKED_FOR}")
            return False
        title = spoken_title(heard.text)
        private = topic.archetype == "private_message"
        problem = title_problem(title, self._limits(), private=private) if title else None
        if not title:
            self._say(f"I did not hear a title. {ASKED_FOR}")
            return False
        if problem is not None:
            self._say(f"I heard: {as_sentence(title)} {problem_line(problem)}")
            return False
        if title.casefold() == (topic.written_title or topic.title).casefold():
            self.drop()
            self._say(f"That is its title already: {as_sentence(topic.title)} {then}")
            return False
        self.asking, self.proposed = False, title
        self._say(self.question)
        return True

    @property
    def question(self) -> str:
        topic = self._topic
        assert topic is not None
        who = (
            "Everyone in this conversation" if topic.archetype == "private_message" else "Everyone"
        )
        return (
            f"Change the title of your topic to: {as_sentence(self.proposed)} It is now: "
            f"{as_sentence(topic.title)} {who} will see the new title. Shall I change it? Say "
            "yes or no."
        )

    question_again = "Shall I change the title of your topic? Please say yes or no."

    def declined(self) -> str:
        topic = self._topic
        assert topic is not None
        self.drop()
        return f"All right, the title stays: {as_sentence(topic.title)}"

    def make(self, then: str) -> bool:
        """The person said yes: change it, and say what became of it (and then ``then``,
        when it is changed). True when the title is changed; False when it stays, and the
        title is asked for again when the forum refused it as a title."""
        topic, title = self._topic, self.proposed
        assert topic is not None and title
        self.drop()
        try:
            now = self._forum.retitle_topic(topic.id, title, original=topic.written_title or None)
        except ForumError as error:
            log.warning("changing the title failed: %s", type(error).__name__)
            return self._not_changed(topic, title, error, then)
        fresh = self._fresh(topic)
        self._show_title(topic, fresh or replace(topic, title=now, written_title=now))
        self._say(f"The title is changed. It is now: {as_sentence(now)} {then}".rstrip())
        return True

    def _not_changed(self, topic: Topic, title: str, error: ForumError, then: str) -> bool:
        if isinstance(error, DeliveryUncertainError):
            # The answer lost on the way: the topic itself says whether it changed.
            fresh = self._fresh(topic)
            if fresh is not None and fresh.written_title.casefold() == title.casefold():
                self._show_title(topic, fresh)
                said = f"The title is changed. It is now: {as_sentence(fresh.title)} {then}"
                self._say(said.rstrip())
                return True
            self._say(
                "I am not sure the forum took the new title. Say where am I to hear the title "
                "as it is now, and change it again if it still needs it."
            )
            return False
        if isinstance(error, EditConflictError):
            fresh = self._fresh(topic)
            said = f" It is now: {as_sentence(fresh.title)}" if fresh is not None else ""
            if fresh is not None:
                self._show_title(topic, fresh)
            self._say(
                "The title was changed on the forum since you began, perhaps on the web, so I "
                f"have not changed it.{said}"
            )
            return False
        if isinstance(error, ForumRejectedError):
            self._topic, self.asking = topic, True
            self._say(f"{say_error(error)} Say another title, or say cancel to keep it.")
            return False
        self._say(f"{say_error(error)} The title stays as it was.")
        return False

    def _fresh(self, topic: Topic) -> Topic | None:
        try:
            return self._forum.topic(topic.id, fresh=True)
        except ForumError as error:
            log.info("could not read the topic again: %s", type(error).__name__)
            return None

    def _show_title(self, topic: Topic, now: Topic) -> None:
        """The topic being read named by its title ``now`` has (as read: censored words
        and all) from now on."""
        self._topic = replace(topic, title=now.title, written_title=now.written_title)
        thread = self._reader.thread
        if thread is not None and thread.topic.id == topic.id:
            thread.topic = replace(thread.topic, title=now.title, written_title=now.written_title)
