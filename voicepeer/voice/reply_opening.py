"""What is said as a reply is begun in a topic, before any word is dictated: that the forum
would refuse it (closed, archived, not signed in), when a topic in slow mode lets it go, and
where a reply saved for the topic was carried into a new topic meanwhile."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from voicepeer.forum.base import Forum, Topic
from voicepeer.speech.text.sentences import as_sentence
from voicepeer.voice import phrasing
from voicepeer.voice.composer import Composer
from voicepeer.voice.error_phrases import account_unusable
from voicepeer.voice.new_conversation import NewConversationComposer
from voicepeer.voice.ports import Say
from voicepeer.voice.reader import Reader


class ReplyOpening:
    """Says what the person must know before dictating a reply in the topic being read."""

    def __init__(
        self,
        reader: Reader,
        forum: Forum,
        replies: Composer,
        conversations: NewConversationComposer,
        say: Say,
        now: Callable[[], datetime],
    ) -> None:
        self._reader = reader
        self._forum = forum
        self._replies = replies
        self._conversations = conversations
        self._say = say
        self._now = now

    def say_slow_mode(self, topic: Topic) -> None:
        """Before a reply is dictated in a topic in slow mode, say when it can go (read from
        the forum now: the person may have posted there a moment ago)."""
        if topic.slow_mode_seconds <= 0:
            return
        forum = self._forum
        fresh = self._reader.forum_call(lambda: forum.topic(topic.id, fresh=True), quiet=True)
        wait = fresh.slow_mode_wait(self._now()) if fresh is not None else 0.0
        if wait > 0:
            self._say(
                "This topic is in slow mode: your reply can go in "
                f"{phrasing.wait_phrase(wait)}. Take your time; I will send it then."
            )

    def carried_note(self, topic: Topic) -> str:
        """A reply the person carried into a new topic while this topic was closed, taken up
        here again now it is open: both stay, as two drafts, and the person hears so."""
        carrier = self._conversations.let_go_of_reply(self._replies.draft_key(topic))
        if carrier is None:
            return ""
        return (
            f" Your saved new topic, titled {carrier[1]}, in "
            f"{self._category_name(carrier[0])}, also starts with it, and keeps its own copy."
        )

    def closed_meanwhile(self) -> None:
        """After the forum refused a reply: if the topic was closed meanwhile, "say reply
        in that topic" cannot work, so say what can (post the words as a new topic)."""
        topic = self._reader.recheck_topic()
        if topic is not None and topic.can_reply is False and (topic.closed or topic.archived):
            self.refuse(topic)

    def would_refuse(self, topic: Topic) -> bool:
        """Whether the forum would refuse a reply here whoever writes it. With the account
        refused, voicepeer reads as a visitor, who may not reply in any topic: that says
        nothing of the person, whose reply is kept until the account is connected again."""
        if topic.can_reply is not False:
            return False
        return topic.closed or topic.archived or not self._forum.account_refused

    def refuse(self, topic: Topic) -> None:
        """The forum would refuse a reply here: say so before the person dictates one, and
        read back any reply saved for this topic, which stays saved."""
        if topic.closed or topic.archived:
            why = phrasing.closed_topic_phrase(topic)
        elif (unusable := account_unusable(self._forum)) is not None:
            why = unusable
        else:
            why = "The forum does not let you reply in this topic."
        saved = self._replies.saved_words(topic)
        draft_key = self._replies.draft_key(topic)
        carrier = self._conversations.carrier_of(draft_key) if saved else None
        if carrier is not None:
            named = self._category_name(carrier[0])
            why += (
                " Your saved reply to it is the first post of your saved new topic, titled "
                f"{carrier[1]}, in {named}. To go on with it, say new topic and choose {named}."
            )
        elif saved:
            why += f" Your saved reply to it stays saved. It says: {as_sentence(saved)}"
            if (topic.closed or topic.archived) and self._forum.signed_in:
                self._conversations.carry_reply(draft_key, topic.title)
                why += " To post it as a new topic instead, say start a new topic."
        self._say(why)

    def _category_name(self, category_id: int) -> str:
        category = self._reader.category(category_id)
        return category.name if category else "the same category"
