"""Saved drafts by voice: "my drafts" lists the replies, new topics and messages written
and not yet sent, and the changes to posted posts not yet made, the latest first, and
"open N" takes one up where it was being written: a reply in its own topic, a new topic or
message with its title, category or people, a change at its post.
"Delete this draft" deletes one for good, only after a clear yes.

Nothing is sent from here: taking a draft up leads to the usual question before sending.
A draft that can no longer go where it was meant to (its topic deleted, its category or
person gone) keeps its words and is offered somewhere else, as the writing states do.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from voicepeer.commands import Command, Intent
from voicepeer.errors import ForumError, ForumForbiddenError, ForumNotFoundError
from voicepeer.forum.base import Forum
from voicepeer.forum.peer import ForumUser, PeerForum
from voicepeer.speech.text import spoken_age
from voicepeer.speech.text.sentences import as_sentence
from voicepeer.voice import phrasing
from voicepeer.voice.bookmarks import excerpt
from voicepeer.voice.composer import CHANGE_PLACE, answered_post, changed_post, replied_topic
from voicepeer.voice.cues import number_word
from voicepeer.voice.dictation import said_as_in_posts
from voicepeer.voice.list_place import ListPlace, ListWords, step_said
from voicepeer.voice.new_conversation import (
    Conversation,
    delete_saved,
    saved_title,
    started_conversation,
    titled_conversation,
)
from voicepeer.voice.people import member
from voicepeer.voice.ports import DraftKeeper, Say
from voicepeer.voice.reader import Reader
from voicepeer.voice.states import State

DRAFT_QUESTIONS: Mapping[State, str] = {
    State.DELETING: "Shall I delete this draft? Please say yes or no.",
}
"""States here that wait for an answer, and how the question is asked again."""
LISTED_AT_ONCE = 5
"""Drafts named together: when "my drafts" reads them, and at "next" right after."""
_LIST_WORDS = ListWords(
    more="Say next to hear more, or open and a number.",
    end="That is the last draft. Say open and a number to go on with one.",
    last="That is the last draft.",
    first="This is the first one.",
    opens="Say read to go on with it.",
)
GONE = "a topic that can no longer be opened"
"""How a reply's topic is named when the forum no longer shows it to the person."""


class DraftKind(Enum):
    REPLY = "reply"
    TOPIC = "new topic"
    MESSAGE = "message"
    CHANGE = "change"
    """Changes to one of the person's posted posts."""


@dataclass(frozen=True)
class SavedDraft:
    """One draft as the list reads it; where it goes comes from its key."""

    key: str
    kind: DraftKind
    words: str
    saved_at: datetime | None
    topic_id: int | None = None
    """The topic a reply is for."""
    answers: int | None = None
    """The number of the post a reply answers (None for the topic itself), or of the
    person's post a change is to."""
    category_id: int | None = None
    """Where a new topic goes."""
    usernames: tuple[str, ...] = ()
    """Whom a message goes to."""
    title: str = ""
    """A new topic's or message's own title (empty until one is given)."""
    refused: bool = False
    """The forum refused it; the reason is read when it is taken up."""


def saved_drafts(drafts: DraftKeeper) -> tuple[SavedDraft, ...]:
    """Every draft with words, the latest first (a title or other note saved beside a
    draft is part of it, not a draft of its own), and every new topic or message with a
    title and no words yet (left after its title)."""
    found: list[SavedDraft] = []
    saved = drafts.newest_first()
    with_words = {key for key, _, _ in saved}
    for key, words, saved_at in saved:
        titled, title = titled_conversation(key), ""
        if titled is not None and titled not in with_words:  # a title, no words yet
            key, words, title = titled, "", words
        if changed_post(key) is not None:
            topic_id, number = _change_place(drafts, key)
            change = SavedDraft(key, DraftKind.CHANGE, words, saved_at, topic_id, number)
            found.append(change)
            continue
        topic_id = replied_topic(key)
        started = started_conversation(key)
        refused = drafts.refusal(key) is not None
        if topic_id is not None:
            found.append(
                SavedDraft(
                    key,
                    DraftKind.REPLY,
                    words,
                    saved_at,
                    topic_id=topic_id,
                    answers=answered_post(drafts, key),
                    refused=refused,
                )
            )
        elif started is not None:
            category_id, usernames = started
            kind = DraftKind.MESSAGE if category_id is None else DraftKind.TOPIC
            found.append(
                SavedDraft(
                    key,
                    kind,
                    words,
                    saved_at,
                    category_id=category_id,
                    usernames=usernames,
                    title=title or saved_title(drafts, key),
                    refused=refused,
                )
            )
    return tuple(found)


def _change_place(drafts: DraftKeeper, key: str) -> tuple[int | None, int | None]:
    """The topic and number of the post a saved change is to (None, None when not known)."""
    place = (drafts.load(key + CHANGE_PLACE) or "").split()
    if len(place) != 2 or not all(p.isdigit() for p in place):
        return None, None
    return int(place[0]), int(place[1])


@dataclass
class DraftsEngines:
    forum: Forum
    peer: PeerForum | None
    drafts: DraftKeeper
    take_up_reply: Callable[[SavedDraft], State | None]
    """Opens a reply's topic and goes on with the reply there; the state that follows, or
    None when the topic can no longer be opened (the person is told what to do instead)."""
    take_up_change: Callable[[SavedDraft], State | None]
    """Opens the topic at the post a change is to and goes on changing it; the state that
    follows, or None when it cannot (the person is told why)."""
    take_up_conversation: Callable[[SavedDraft, State], State]
    """Goes on with a new topic or message (the state to go back to when it is sent or put
    aside, then the draft); the state that follows."""
    now: Callable[[], datetime]
    """The time, to say how long ago each draft was saved."""


class SavedDraftsList:
    """The person's unsent drafts as a list to go through and take up."""

    def __init__(self, reader: Reader, engines: DraftsEngines, say: Say) -> None:
        self._reader = reader
        self._engines = engines
        self._say = say
        self.items: tuple[SavedDraft, ...] = ()
        self.place = ListPlace(LISTED_AT_ONCE)
        """Where the person is in the list."""
        self._origin = State.BROWSING
        self._titles: dict[int, str] = {}
        self._members: dict[str, ForumUser] = {}

    def dispatch(self, state: State, command: Command) -> State | None:
        """The state to move to when the command is about saved drafts; None otherwise."""
        intent = command.intent
        if intent is Intent.DRAFTS:
            if state is not State.DRAFTS:
                self._origin = state
            return State.DRAFTS if self.show() else state
        if state is State.DELETING:
            return self._deleting(intent)
        if state is not State.DRAFTS:
            return None
        if intent is Intent.REMOVE_DRAFT:  # DRAFTS always has a draft to delete
            draft = self.items[self.index]
            says, what = (
                f"It says: {as_sentence(excerpt(said_as_in_posts(draft.words)))}",
                "its words",
            )
            if not draft.words:  # a new topic or message left after its title
                says, what = "It has no words yet.", "its title"
            named = self._what(draft)
            asked = named if named.endswith("?") else f"{named}?"  # a title may ask already
            self._say(
                f"Delete {asked} {says} Once deleted, {what} cannot be brought back. Say yes or no."
            )
            return State.DELETING
        if intent in (Intent.NEXT, Intent.PREVIOUS):
            self.step(+1 if intent is Intent.NEXT else -1)
            return State.DRAFTS
        if intent is Intent.OPEN and "number" not in command.slots:  # "the one about …"
            self._say(phrasing.OPEN_BY_NUMBER)
            return State.DRAFTS
        if intent is Intent.OPEN:
            number = self.place.chosen(int(command.slots.get("number", 0)))
            if not 1 <= number <= len(self.items):
                self._say(phrasing.no_such_number("draft", number, len(self.items), "open"))
                return State.DRAFTS
            self.place.go_to(number - 1)
            return self._take_up()
        if intent is Intent.READ:
            return self._take_up()
        if intent is Intent.BACK:
            self._reader.back_to_list()
            return State.BROWSING
        return None

    def show(self) -> bool:
        """ "my drafts": read the list; True when there is one to go through."""
        self._titles.clear()
        self.items = saved_drafts(self._engines.drafts)
        named = self.place.start(len(self.items))
        if not self.items:
            self._say(
                "You have no saved drafts. Whatever you write is saved as you go, until it is sent."
            )
            return False
        count = phrasing.count_phrase(len(self.items), "saved draft")
        lines = [f"You have {count}{', the latest first' if len(self.items) > 1 else ''}."]
        lines += [self._line(i) for i in named]
        on = "next to hear more" if len(self.items) > len(named) else "next to go through them"
        lines.append(f"Say open and a number to go on with one, {on}, or back.")
        self._say(" ".join(lines))
        return True

    def reminder(self, named: SavedDraft | None = None) -> str:
        """Said in the greeting, so that words written on another day are not forgotten;
        ``named`` is one the greeting names already, so only the others are counted."""
        count = len(saved_drafts(self._engines.drafts)) - (named is not None)
        if count <= 0:
            return ""
        noun = "other saved draft" if named is not None else "saved draft"
        drafts = phrasing.count_phrase(count, noun)
        them = "it" if count == 1 else "them"
        return f" You have {drafts} not sent yet: say my drafts to hear {them}."

    def named(self, draft: SavedDraft) -> str:
        """ "your reply to Heat and fatigue" """
        return self._what(draft)

    @property
    def index(self) -> int:
        """The draft the person is on (from 0)."""
        return self.place.index

    def step(self, delta: int) -> None:
        self._say(step_said(self.place, delta, len(self.items), self._line, _LIST_WORDS))

    def where(self) -> str:
        return (
            f"You are in your saved drafts, on {self.index + 1} of {len(self.items)}: "
            f"{as_sentence(self._what(self.items[self.index]))}"
        )

    def _deleting(self, intent: Intent) -> State | None:
        """The answer to "Delete …?": only a clear yes deletes."""
        if intent in (Intent.NO, Intent.CANCEL):
            self._say("Kept. " + self._line(self.index) + " Say read to go on with it.")
            return State.DRAFTS
        if intent is not Intent.YES:
            return None
        draft = self.items[self.index]
        delete_saved(self._engines.drafts, draft.key)
        self.items = self.items[: self.index] + self.items[self.index + 1 :]
        self.place.removed(len(self.items))
        deleted = f"Deleted {as_sentence(self._what(draft))}"
        if not self.items:
            self._say(f"{deleted} You have no saved drafts now.")
            return self._back_to_origin()
        left = phrasing.count_phrase(len(self.items), "saved draft")
        self._say(f"{deleted} You have {left} left. {self._line(self.index)}")
        return State.DRAFTS

    def _take_up(self) -> State:
        if not self.items:
            return State.DRAFTS
        chosen = self.items[self.index]
        if chosen.kind is DraftKind.CHANGE:
            taken_up = self._engines.take_up_change(chosen)
        elif chosen.kind is not DraftKind.REPLY:
            return self._engines.take_up_conversation(chosen, self._origin)
        else:
            taken_up = self._engines.take_up_reply(chosen)
        # Else back where "my drafts" was said, where starting a new topic with it is understood.
        return taken_up if taken_up is not None else self._back_to_origin()

    def _back_to_origin(self) -> State:
        reading = self._origin is State.READING and self._reader.thread is not None
        return State.READING if reading else State.BROWSING

    def _line(self, index: int) -> str:
        """ "Two: your reply to Heat and fatigue, saved yesterday: I find that a cool…" """
        draft = self.items[index]
        saved = ""
        if draft.saved_at is not None:
            saved = f", saved {spoken_age(draft.saved_at, self._engines.now())}"
        refused = ", which the forum did not accept" if draft.refused else ""
        number = number_word(index + 1).capitalize()
        words = (
            f": {as_sentence(excerpt(said_as_in_posts(draft.words)))}"
            if draft.words
            else ", no words yet."
        )
        return f"{number}: {self._what(draft)}{refused}{saved}{words}"

    def _what(self, draft: SavedDraft) -> str:
        """ "your reply to Heat and fatigue", "your message to Priya Nair, titled Hello" """
        if draft.kind is DraftKind.REPLY:
            assert draft.topic_id is not None
            return f"your reply to {self._topic_title(draft.topic_id)}"
        if draft.kind is DraftKind.CHANGE:
            where = self._topic_title(draft.topic_id) if draft.topic_id is not None else GONE
            return f"your changes to your post in {where}"
        titled = f", titled {draft.title}" if draft.title else ""
        if draft.kind is DraftKind.TOPIC:
            category = self._reader.category_name(draft.category_id)
            where = f"in {category}" if category else "for a category no longer on the forum"
            return f"your new topic{titled}, {where}"
        people = Conversation(recipients=tuple(self._member(u) for u in draft.usernames))
        return f"your message to {people.names}{titled}"

    def _topic_title(self, topic_id: int) -> str:
        if topic_id not in self._titles:
            try:
                self._titles[topic_id] = self._engines.forum.topic(topic_id).title
            except (ForumNotFoundError, ForumForbiddenError):
                self._titles[topic_id] = GONE
            except ForumError:
                return "a topic I cannot reach just now"
        return self._titles[topic_id]

    def _member(self, username: str) -> ForumUser:
        """The member, named as the forum shows them when it can say."""
        peer = self._engines.peer
        if username not in self._members and peer is not None:
            try:
                self._members[username] = member(peer, username) or ForumUser(username)
            except ForumError:
                return ForumUser(username)
        return self._members.get(username, ForumUser(username))


def _excerpt(words: str) -> str:
    """The beginning of a draft's words as said: its emoji by name, as read back."""
    return as_sentence(excerpt(said_as_in_posts(words)))
