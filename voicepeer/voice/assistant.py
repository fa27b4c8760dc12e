"""The voice loop: listen, understand, act, answer — one utterance at a time.

Half-duplex by design: voicepeer speaks, then listens, so the microphone never hears the
assistant. Every forum call is wrapped so a failure is spoken and the loop goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeVar

from voicepeer.commands import Command, CommandMatcher, Intent
from voicepeer.commands.intents import canonical
from voicepeer.errors import ForumError
from voicepeer.forum.base import (
    Category,
    Forum,
    NewReply,
    Post,
    SiteLimits,
    Topic,
    TopicList,
)
from voicepeer.forum.checks import check_reply
from voicepeer.forum.thread import Thread
from voicepeer.recognition.base import Heard, Listener, ListenMode
from voicepeer.speech.base import SpeechOutput
from voicepeer.voice import phrasing
from voicepeer.voice.dictation import Draft
from voicepeer.voice.dictation_commands import DictationAction, dictation_action
from voicepeer.voice.ports import DraftKeeper, PlaceKeeper, ReplyOutbox
from voicepeer.voice.settings import VoiceSettings
from voicepeer.voice.states import State, check_transition

log = logging.getLogger(__name__)

T = TypeVar("T")
PostRenderer = Callable[[Post], str]
"""Turns a post into the text to speak (markup converted, muted words applied)."""

POST_CHUNK = 20
"""Posts fetched per request when reading on (Discourse's own chunk size)."""

ALLOWED: dict[State, frozenset[Intent]] = {
    State.BROWSING: frozenset({
        Intent.LATEST, Intent.OPEN, Intent.NEXT, Intent.PREVIOUS, Intent.REPEAT, Intent.READ,
        Intent.WHERE, Intent.HELP, Intent.STOP, Intent.SLEEP,
    }),
    State.READING: frozenset({
        Intent.LATEST, Intent.OPEN, Intent.NEXT, Intent.PREVIOUS, Intent.REPEAT, Intent.READ,
        Intent.WHERE, Intent.HELP, Intent.STOP, Intent.SLEEP, Intent.REPLY, Intent.WHO,
        Intent.BACK,
    }),
    State.CONFIRMING: frozenset({
        Intent.YES, Intent.NO, Intent.CANCEL, Intent.READ_BACK, Intent.REPEAT, Intent.HELP,
    }),
    State.SLEEPING: frozenset({Intent.WAKE}),
}
"""Intents understood in each state (dictation has its own editing commands)."""

HELP_ORDER: tuple[Intent, ...] = (
    Intent.LATEST, Intent.OPEN, Intent.READ, Intent.NEXT, Intent.PREVIOUS, Intent.REPEAT,
    Intent.WHO, Intent.REPLY, Intent.BACK, Intent.WHERE, Intent.YES, Intent.NO,
    Intent.READ_BACK, Intent.CANCEL, Intent.STOP, Intent.SLEEP, Intent.HELP,
)

SORRY = "Sorry, I didn't catch that. Say help to hear what you can say."


@dataclass
class Engines:
    """Everything the loop talks to, injected so any engine can be swapped or faked."""

    listener: Listener
    speech: SpeechOutput
    forum: Forum
    matcher: CommandMatcher
    drafts: DraftKeeper
    outbox: ReplyOutbox
    places: PlaceKeeper
    render_post: PostRenderer


class Assistant:
    """The voice loop as an explicit state machine (see :mod:`voicepeer.voice.states`)."""

    def __init__(
        self,
        engines: Engines,
        settings: VoiceSettings | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.engines = engines
        self.settings = settings or VoiceSettings()
        self._now = now
        self.state = State.BROWSING
        self._state_before_sleep = State.BROWSING
        self.topics: TopicList | None = None
        self.topic_index = 0
        self.thread: Thread | None = None
        self.post_index = 0
        self._categories: dict[int, Category] | None = None
        self.draft = Draft()
        self._last_said = ""
        self._misheard_in_a_row = 0

    # --- the loop --------------------------------------------------------------------

    def run(self) -> None:
        """Greet, then handle utterances until the input ends."""
        if self.settings.greeting:
            self.say(f"Hello. This is voicepeer, connected to {self.engines.forum.display_name}. "
                     "Say latest topics to hear what people are talking about, or say help.")
        while True:
            mode = ListenMode.DICTATION if self.state is State.DICTATING else ListenMode.COMMAND
            heard = self.engines.listener.listen(mode)
            if heard is None:
                break
            self.handle(heard)
        self._keep_draft()

    def handle(self, heard: Heard) -> None:
        """Act on one utterance in the current state."""
        if self.state is State.DICTATING:
            self._handle_dictation(heard)
            return
        interpretation = self.engines.matcher.interpret(heard, ALLOWED[self.state])
        if self.state is State.SLEEPING:
            if interpretation.command is not None:
                self._wake()
            return
        if interpretation.ambiguous:
            options = " or ".join(canonical(i) for i in interpretation.ambiguous[:3])
            self.say(f"Did you mean {options}?")
            return
        if interpretation.command is None:
            self._misheard()
            return
        self._misheard_in_a_row = 0
        self._dispatch(interpretation.command)

    def say(self, text: str) -> None:
        self._last_said = text
        self.engines.speech.say(text)

    def _misheard(self) -> None:
        self._misheard_in_a_row += 1
        if self.state is State.CONFIRMING:
            self.say("Shall I post your reply? Please say yes or no.")
        elif self._misheard_in_a_row >= self.settings.failed_hearing_hint_after:
            self.say(SORRY)
        else:
            self.say("Sorry, I didn't catch that.")

    def _go(self, new: State) -> None:
        check_transition(self.state, new)
        log.debug("state %s -> %s", self.state.value, new.value)
        self.state = new

    # --- commands ----------------------------------------------------------------------

    def _dispatch(self, command: Command) -> None:
        handlers: dict[Intent, Callable[[Command], None]] = {
            Intent.LATEST: lambda c: self._latest(),
            Intent.OPEN: self._open,
            Intent.NEXT: lambda c: self._step(+1),
            Intent.PREVIOUS: lambda c: self._step(-1),
            Intent.REPEAT: lambda c: self.say(self._last_said or "I have not said anything yet."),
            Intent.READ: lambda c: self._read(),
            Intent.WHERE: lambda c: self.say(self._where()),
            Intent.HELP: lambda c: self.say(self._help()),
            Intent.STOP: lambda c: self._stop(),
            Intent.SLEEP: lambda c: self._sleep(),
            Intent.REPLY: lambda c: self._start_reply(),
            Intent.WHO: lambda c: self._who(),
            Intent.BACK: lambda c: self._back(),
            Intent.YES: lambda c: self._confirm_yes(),
            Intent.NO: lambda c: self._confirm_no(),
            Intent.CANCEL: lambda c: self._cancel_reply(),
            Intent.READ_BACK: lambda c: self._ask_to_post(),
        }
        handlers[command.intent](command)

    def _latest(self) -> None:
        topics = self._forum_call(lambda: self.engines.forum.latest())
        if topics is None:
            return
        self.topics, self.topic_index = topics, 0
        self.thread = None
        self._go(State.BROWSING)
        self.say(phrasing.topic_list_summary(topics, self.settings.max_listed_topics))

    def _open(self, command: Command) -> None:
        number = int(command.slots.get("number", 0))
        if self.topics is None:
            topics = self._forum_call(lambda: self.engines.forum.latest())
            if topics is None:
                return
            self.topics = topics
        if not 1 <= number <= len(self.topics.topics):
            self.say(f"There is no topic {number}. Say a number from 1 to "
                     f"{len(self.topics.topics)}.")
            return
        self.topic_index = number - 1
        self._open_topic(self.topics.topics[self.topic_index].id)

    def _open_topic(self, topic_id: int) -> None:
        topic = self._forum_call(lambda: self.engines.forum.topic(topic_id))
        if topic is None:
            return
        if not topic.post_ids:
            self.say(f"{topic.title} has no posts I can read.")
            return
        self.thread = Thread(self.engines.forum, topic, chunk_size=POST_CHUNK)
        self.post_index = self._starting_index(self.thread)
        if self.state is not State.READING:
            self._go(State.READING)
        intro = phrasing.topic_intro(topic, self._category(topic.category_id))
        if self.post_index:
            intro += f" Continuing from post {self.post_index + 1}."
        self.say(intro)
        self._read()

    def _starting_index(self, thread: Thread) -> int:
        if not self.settings.unread_first:
            return 0
        saved = self.engines.places.get(thread.topic.id)
        if saved is not None:
            return min(saved, len(thread) - 1)
        return thread.start_index()

    @property
    def topic(self) -> Topic | None:
        return self.thread.topic if self.thread else None

    def _read(self) -> None:
        if self.state is State.BROWSING:
            if self.topics is None or not self.topics.topics:
                self._latest()
                return
            self._open_topic(self.topics.topics[self.topic_index].id)
            return
        post = self._current_post()
        if post is None or self.thread is None:
            return
        header = phrasing.post_header(post, self.post_index, len(self.thread), self._now())
        self.say(f"{header} {self.engines.render_post(post)}")
        self.engines.places.set(self.thread.topic.id, self.post_index)

    def _current_post(self) -> Post | None:
        thread, index = self.thread, self.post_index
        if thread is None:
            return None
        return self._forum_call(lambda: thread.post_at(index))

    def _step(self, delta: int) -> None:
        if self.state is State.READING and self.thread is not None:
            new_index = self.post_index + delta
            if new_index >= len(self.thread):
                self.say("That was the last post. Say reply to answer, or back for the topic list.")
                return
            if new_index < 0:
                self.say("This is the first post.")
                return
            self.post_index = new_index
            self._read()
            return
        if self.topics is None:
            self._latest()
            return
        new_index = self.topic_index + delta
        if not 0 <= new_index < len(self.topics.topics):
            self.say("That is the end of the list." if delta > 0 else "This is the first topic.")
            return
        self.topic_index = new_index
        self.say(phrasing.topic_line(new_index + 1, self.topics.topics[new_index])
                 + " Say read to open it.")

    def _back(self) -> None:
        self.thread = None
        self._go(State.BROWSING)
        if self.topics is None:
            self._latest()
            return
        self.say("Back to the topic list. "
                 + phrasing.topic_line(self.topic_index + 1, self.topics.topics[self.topic_index]))

    def _who(self) -> None:
        post = self._current_post()
        if post is None:
            return
        age = phrasing.age_of(post, self._now())
        self.say(f"This post is by {phrasing.author_name(post)}" + (f", {age}." if age else "."))

    def _stop(self) -> None:
        self.engines.speech.stop()
        self.say("Stopped. Say next, repeat, or help.")

    def _sleep(self) -> None:
        self._state_before_sleep = self.state
        self._go(State.SLEEPING)
        self.say("Going to sleep. Say wake up when you need me.")

    def _wake(self) -> None:
        self._go(self._state_before_sleep)
        self.say("I'm listening again.")

    def _where(self) -> str:
        if self.state is State.READING and self.thread is not None:
            return (f"You are reading {self.thread.topic.title}, post {self.post_index + 1} of "
                    f"{len(self.thread)}.")
        if self.state in (State.DICTATING, State.CONFIRMING) and self.topic is not None:
            words = len(self.draft.text.split())
            return (f"You are writing a reply to {self.topic.title}. "
                    f"It has {phrasing.count_phrase(words, 'word')} so far.")
        if self.topics is not None and self.topics.topics:
            return (f"You are in the topic list, on topic {self.topic_index + 1} of "
                    f"{len(self.topics.topics)}: {self.topics.topics[self.topic_index].title}.")
        return "You are at the start. Say latest topics."

    def _help(self) -> str:
        if self.state is State.DICTATING:
            return ("Say your reply. You can say comma, full stop, question mark or new line. "
                    "Say scratch that to remove the last part, delete last word, read it back, "
                    "start over, send it, or cancel.")
        allowed = ALLOWED[self.state]
        phrases = [canonical(i) for i in HELP_ORDER if i in allowed]
        if Intent.OPEN in allowed:
            phrases = [p if p != canonical(Intent.OPEN) else "open topic and a number"
                       for p in phrases]
        return "You can say: " + ", ".join(phrases) + "."

    # --- replying ----------------------------------------------------------------------

    def _draft_key(self) -> str:
        assert self.topic is not None
        return f"topic-{self.topic.id}"

    def _start_reply(self) -> None:
        assert self.topic is not None
        saved = self.engines.drafts.load(self._draft_key())
        self.draft = Draft.from_text(saved) if saved else Draft()
        self._go(State.DICTATING)
        if saved:
            self.say(f"You have a saved reply to {self.topic.title}. It says: {self.draft.text} "
                     "Keep talking to add to it, or say send it.")
        else:
            author = self._reply_target_name()
            self.say(f"Replying to {author} in {self.topic.title}. Say your reply, "
                     "then say send it. Take your time.")

    def _reply_target(self) -> Post | None:
        if self.thread is None or not self.thread.is_loaded(self.post_index):
            return None
        return self.thread.post_at(self.post_index)

    def _reply_target_name(self) -> str:
        post = self._reply_target()
        return phrasing.author_name(post) if post else "the topic"

    def _handle_dictation(self, heard: Heard) -> None:
        action = dictation_action(heard.text)
        if action is DictationAction.SEND:
            self._ask_to_post()
        elif action is DictationAction.READ_BACK:
            self.say(f"Your reply says: {self.draft.text}" if not self.draft.is_empty
                     else "Your reply is empty so far.")
        elif action is DictationAction.SCRATCH:
            self.say("Removed the last part." if self.draft.scratch_last_phrase()
                     else "There is nothing to remove.")
            self._save_draft()
        elif action is DictationAction.DELETE_WORD:
            word = self.draft.delete_last_word()
            self.say(f"Deleted {word}." if word else "There is nothing to delete.")
            self._save_draft()
        elif action is DictationAction.START_OVER:
            self.draft.clear()
            self._save_draft()
            self.say("Your reply is empty again. Start when you are ready.")
        elif action is DictationAction.CANCEL:
            self._cancel_reply()
        elif action is DictationAction.HELP:
            self.say(self._help())
        elif heard.text.strip():
            self.draft.add(heard.text)
            self._save_draft()

    def _save_draft(self) -> None:
        if self.draft.is_empty:
            self.engines.drafts.discard(self._draft_key())
        else:
            self.engines.drafts.save(self._draft_key(), self.draft.text)

    def _keep_draft(self) -> None:
        if self.state in (State.DICTATING, State.CONFIRMING) and not self.draft.is_empty:
            self._save_draft()

    def _ask_to_post(self) -> None:
        assert self.topic is not None
        text = self.draft.text_to_send()
        if not text:
            self._go(State.DICTATING)
            self.say("Your reply is empty. Say what you would like to write.")
            return
        # Offline, Discourse's defaults stand in, so the reply can still be confirmed and kept
        # in the outbox until the forum is back.
        limits = self._forum_call(self.engines.forum.site_limits, quiet=True) or SiteLimits()
        problems = check_reply(text, limits, private=self.topic.archetype == "private_message")
        if problems:
            self._go(State.DICTATING)
            self.say(" ".join(problems) + " Then say send it.")
            return
        self._go(State.CONFIRMING)
        self.say(f"Your reply says: {text} {self._audience()} Shall I post it? Say yes or no.")

    def _audience(self) -> str:
        assert self.topic is not None
        forum = self.engines.forum.display_name
        if self.topic.archetype == "private_message":
            return f"It will be sent privately, to {self._reply_target_name()}, on {forum}."
        category = self._category(self.topic.category_id)
        where = f"in {category.name}, " if category else ""
        return f"It will appear publicly, {where}on {forum}."

    def _confirm_yes(self) -> None:
        assert self.topic is not None
        target = self._reply_target()
        # Replying to the opening post is replying to the topic itself.
        reply_to = target.post_number if target and target.post_number > 1 else None
        reply = NewReply(self.topic.id, self.draft.text_to_send(), reply_to)
        self._go(State.READING)
        # The outbox has the reply on disk before anything is sent, so the draft can go.
        result = self.engines.outbox.submit(reply, self.topic.title)
        self.engines.drafts.discard(self._draft_key())
        self.draft = Draft()
        self.say(result.spoken)

    def _confirm_no(self) -> None:
        self._go(State.DICTATING)
        self.say("All right, I have not posted it. Your reply is kept. Keep talking to add to "
                 "it, or say send it when you are ready.")

    def _cancel_reply(self) -> None:
        # Cancelling keeps the draft: the user may come back to it with "reply".
        self._save_draft()
        self._go(State.READING)
        if self.draft.is_empty:
            self.say("Reply cancelled.")
        else:
            self.say("Reply put aside. It is saved: say reply to come back to it.")

    # --- forum access ------------------------------------------------------------------

    def _category(self, category_id: int | None) -> Category | None:
        if category_id is None:
            return None
        if self._categories is None:
            categories = self._forum_call(lambda: self.engines.forum.categories(), quiet=True)
            self._categories = {c.id: c for c in categories or ()}
        return self._categories.get(category_id)

    def _forum_call(self, call: Callable[[], T], *, quiet: bool = False) -> T | None:
        """Run a forum request; on failure say what happened and what to do."""
        try:
            return call()
        except ForumError as error:
            log.warning("forum request failed: %s", type(error).__name__)
            if not quiet:
                self.say(error.spoken)
            return None

    def announce_outbox(self) -> None:
        """Send replies kept from earlier (forum was down, or voicepeer was stopped) and say
        what became of them."""
        for result in self.engines.outbox.flush():
            self.say(result.spoken)
