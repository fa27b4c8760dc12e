"""The voice loop: listen, understand, act, answer — one utterance at a time.

Half-duplex by design: voicepeer speaks, then listens, so the microphone never hears the
assistant. The state machine lives here (see :mod:`voicepeer.voice.states`); the
:class:`Reader` and :class:`Composer` do the work and report where to go next.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import partial

from voicepeer.commands import Command, Intent
from voicepeer.commands.editing import DictationAction
from voicepeer.commands.intents import OPEN_ABOUT, REPLY_TO_NAMED
from voicepeer.commands.interpreter import Interpreter
from voicepeer.commands.matcher import (
    EITHER_OPEN,
    MENTIONS,
    NEWS_HERE,
    NOTIFICATIONS_MARKED,
    POST_OPEN,
    REPLY_OPEN,
    REPLY_TO_TOPIC,
    TO_FIRST,
    TO_NEWEST,
    TOPIC_BEFORE,
    TOPIC_PEOPLE,
    TOPIC_STEP,
)
from voicepeer.commands.numbers import LAST_HEARD
from voicepeer.errors import (
    AudioDeviceError,
    DiskFullError,
    ForumError,
    ForumForbiddenError,
    ForumNotFoundError,
)
from voicepeer.forum.base import Forum, Post
from voicepeer.forum.outbox import OutboxState, SendResult
from voicepeer.forum.peer import PeerForum, peer_forum_for
from voicepeer.logs import transcript
from voicepeer.recognition.base import Heard, Listener
from voicepeer.speech.controls import VoiceControls
from voicepeer.speech.text.sentences import as_sentence
from voicepeer.voice import phrasing
from voicepeer.voice.account_notice import AccountNotice
from voicepeer.voice.asleep import Asleep
from voicepeer.voice.author import say_who_is_here, say_who_wrote
from voicepeer.voice.bookmarks import Bookmarks
from voicepeer.voice.command_pieces import CommandPieces
from voicepeer.voice.composer import Composer, ComposerEngines, Next, Unsent, changed_post
from voicepeer.voice.correction import Pending
from voicepeer.voice.edits_at_question import WRITING_AT_QUESTION, EditsAtQuestion
from voicepeer.voice.error_phrases import say_error
from voicepeer.voice.forum_back import ForumBackNotice
from voicepeer.voice.full_disk import PlacesOnFullDisk
from voicepeer.voice.greeting import Greeting
from voicepeer.voice.held_replies import held_replies_free
from voicepeer.voice.last_one import last_one_hint, last_one_meant
from voicepeer.voice.last_try import last_try
from voicepeer.voice.left_writing import left_writing
from voicepeer.voice.likes import LikeChange, Likes
from voicepeer.voice.list_place import ListPlace
from voicepeer.voice.marking_read import MESSAGE_TO_MARK, MarkingRead
from voicepeer.voice.meant import answer_to_did_you_mean, did_you_mean, which_one
from voicepeer.voice.named_posts import read_post_by
from voicepeer.voice.new_conversation import NewConversationComposer
from voicepeer.voice.news_here import say_news_here
from voicepeer.voice.not_understood import NotUnderstood, post_or_topic
from voicepeer.voice.nothing_listed import LIST_ASKED, opens_from_a_list, which_list
from voicepeer.voice.notifications import NO_NEW_NOTIFICATIONS
from voicepeer.voice.orientation import Orientation, in_a_topic
from voicepeer.voice.outbox_phrases import send_result_line, waiting_at_goodbye
from voicepeer.voice.own_post_changes import OwnPostEngines
from voicepeer.voice.paragraphs import ParagraphReading
from voicepeer.voice.peer_loop import PeerEngines, PeerLoop
from voicepeer.voice.people import MAX_NAME_WORDS
from voicepeer.voice.poll_votes import PollVote
from voicepeer.voice.ports import (
    Cues,
    DraftKeeper,
    PlaceKeeper,
    ReplyOutbox,
    SilentCues,
)
from voicepeer.voice.post_deletion import PlannedDeletion, PostDeletions
from voicepeer.voice.post_editing import PostEditor
from voicepeer.voice.post_recovery import PostRecoveries
from voicepeer.voice.questions import (
    CHANGES,
    OPEN_QUESTIONS,
    Asked,
    AskedT,
    Change,
)
from voicepeer.voice.reader import MESSAGES_LIST, Reader, ReaderEngines, ReadOutcome
from voicepeer.voice.rendering import PostRenderer
from voicepeer.voice.reply_addition import ReplyAdditions
from voicepeer.voice.reply_context import reply_context
from voicepeer.voice.reply_opening import ReplyOpening
from voicepeer.voice.reply_target import (
    LIKING,
    aim_reply,
    reply_in_conversation,
    rest_of_reply,
    target_unclear,
    whom_again,
    whom_answered,
)
from voicepeer.voice.retarget import corrected_to
from voicepeer.voice.room_talk import RoomTalkHint
from voicepeer.voice.said_ahead import SaidAhead
from voicepeer.voice.saved_drafts import (
    GONE,
    DraftsEngines,
    SavedDraft,
    SavedDraftsList,
)
from voicepeer.voice.searching import SEARCH_WORDS_HELP, Searching
from voicepeer.voice.settings import VoiceSettings
from voicepeer.voice.state_commands import (
    ALLOWED,
    DICTATION_STATES,
    EDITING_STATES,
    LEAVING_A_LIST,
    OWN_LISTS,
    WRITING_STATES,
    interpret_in,
    is_goodbye_while_dictating,
    listen_mode,
    listening_context,
    said_over_words,
)
from voicepeer.voice.states import (
    ASKING_CONSENT,
    PAUSE_AT_WORDS,
    SLEEP_WHILE_WRITING,
    State,
    check_transition,
)
from voicepeer.voice.text_input import TextListener
from voicepeer.voice.topic_before import reopen_topic_before
from voicepeer.voice.which_post import post_meant

log = logging.getLogger(__name__)

VOICE_CHANGE_PHRASES: dict[Intent, dict[bool, str]] = {
    Intent.FASTER: {True: "Speaking faster.", False: "That is as fast as I can speak."},
    Intent.SLOWER: {True: "Speaking slower.", False: "That is as slowly as I can speak."},
    Intent.LOUDER: {True: "Speaking louder.", False: "That is as loud as I can speak."},
    Intent.QUIETER: {True: "Speaking more quietly.", False: "That is as quiet as I go."},
}

OPEN_HOW = "Say open topic and its number, or the one about and words of its title."
ASLEEP = "Going to sleep. Say wake up when you need me."
DROPPED_WHILE_PAUSED = (
    "While I was paused I heard words, and did not write them: if they were part of what "
    "you are writing, say them again. "
)
"""Said waking where words are written: "my advice is", "hold on", then "to what you
have" said while paused was dropped unsaid (a pause ignores talk in the room)."""
GO_ON_OR_STOP = "Say resume to go on, or goodbye voicepeer to stop for today."
PAUSED = (
    "Paused. Your place is kept, even if I am switched off. Say resume when you are ready, "
    "or goodbye voicepeer to stop for today."
)


SENDABLE_AFTER_GOODBYE = frozenset(
    {
        State.DICTATING,
        State.CONFIRMING,
        State.EDITING_POST,
        State.CHANGING_POST,
        State.COMPOSING,
        State.SENDING,
    }
)
"""Where goodbye was said with words that "send it", said at "Shall I stop now?" instead,
goes on to send (after their own question)."""
QUESTION_PUT_ASIDE = "I will ask you again afterwards, and do nothing before then."
"""Said on going to sleep at a yes-or-no question (before "Say wake up …")."""
PUT_ASIDE_FROM = {
    State.DICTATING: "reply",
    State.EDITING_POST: "correct my post",
    State.COMPOSING: "my drafts",
}
"""Where words are put aside by leaving ("cancel"), and how to go back to them."""


_MOVES = {
    False: {
        Next.DICTATING: State.DICTATING,
        Next.CONFIRMING: State.CONFIRMING,
        Next.READING: State.READING,
    },
    True: {
        Next.DICTATING: State.EDITING_POST,
        Next.CONFIRMING: State.CHANGING_POST,
        Next.READING: State.READING,
    },
}
"""Where a writing step leads, for a reply (False) and for a change to one's post (True)."""


@dataclass
class Engines:
    """Everything the loop talks to, injected so any engine can be swapped."""

    listener: Listener
    forum: Forum
    interpreter: Interpreter
    drafts: DraftKeeper
    outbox: ReplyOutbox
    places: PlaceKeeper
    render_post: PostRenderer
    voice: VoiceControls
    """The speech output, with the rate and volume the person chose: the only one the loop
    speaks through."""
    cues: Cues = field(default_factory=SilentCues)
    voice_training_would_help: bool = False
    """The bundled engine listens without voice training: worth a word when it keeps
    mishearing the person."""
    peer: PeerForum | None = None
    """Members, bookmarks and messages; by default taken from ``forum`` when it offers them."""
    news: Callable[[], list[SendResult]] = field(default=list)
    """What happened meanwhile (a waiting reply sent in the background), told between
    utterances while browsing or reading."""
    yes_switch: bool = False
    """The person has a yes switch (or key) that answers a question with yes."""
    typing_instead: bool = True
    """Typed lines can stand in for a microphone that stops working (a terminal); without
    them, run() ends with the microphone's error once what is being written is saved."""


class Assistant:
    """The voice loop as an explicit state machine."""

    def __init__(
        self,
        engines: Engines,
        settings: VoiceSettings | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.engines = engines
        self.settings = settings or VoiceSettings()
        self.state = State.BROWSING
        self._resume_state = State.BROWSING
        self._just_sent: int | None = None
        self._posted_last: int | None = None
        """The topic of the reply, new topic or message posted last this session."""
        places = PlacesOnFullDisk(engines.places, self._place_not_saved)
        self.said_ahead = SaidAhead()
        self._places = places
        self.paragraphs = ParagraphReading(
            self.say,
            self._speech_interrupted,
            lambda: self.engines.voice.rate_wpm,
            self.settings.long_post_s,
            self.settings.reading_part_s,
        )
        self.peer = engines.peer or peer_forum_for(engines.forum)
        self.account_notice = AccountNotice(engines.forum, self.say, self.peer)
        self.reader = Reader(
            ReaderEngines(engines.forum, places, engines.render_post, self.peer),
            self.settings,
            self.say,
            now,
            monotonic,
            read_post=self.paragraphs.read_post,
            read_to_end=lambda: self.paragraphs.read_to_end,
            left_at=lambda: self.paragraphs.resume_at,
            interrupted=self._speech_interrupted,
            failure_line=self._failure_told,
        )
        writing = ComposerEngines(
            engines.forum,
            engines.drafts,
            engines.outbox,
            engines.interpreter,
            self.account_notice.changed_to,
        )
        self.composer = Composer(writing, self.say)
        self._last_said = ""
        self.command_pieces = CommandPieces(
            engines.interpreter, monotonic, self.settings.command_piece_kept_s
        )
        self._put_aside: tuple[str, str] | None = None
        """What was just put aside by leaving it ("reply") and how to go back to it (say
        "reply"), told when the next utterance is words meant for it; None when nothing
        was just now."""
        self._meant: tuple[Intent, ...] = ()
        """The commands "Did you mean …?" just offered, answered by "the second one"."""
        self._whom_asked = False
        """Whom "reply to the matron" means was just asked: the next words may answer it."""
        self._kept_for_reply: Heard | None = None
        """Words of a reply said while whom it answers was asked, written in once it is
        said."""
        self._paused_mid_writing = False
        """Paused by "hang on" while writing (not put to sleep by name): what is heard then
        may have been the sentence going on, so waking says it was not written."""
        self._nothing_listed = False
        """The list asked for last had nothing in it (see voice.nothing_listed)."""
        self._list_failed = False
        """...because the forum did not give it: nothing was heard of it either."""
        self._failures_told = 0
        """Failures at the forum told so far (a list that failed is not an empty one)."""
        self._disk_full_said = False
        self._monotonic = monotonic
        self._now = now
        self.peer_loop = PeerLoop(
            self.reader,
            PeerEngines(
                engines.forum,
                self.peer,
                Bookmarks(self.reader, self.peer, self.say),
                NewConversationComposer(writing, self.say),
                engines.interpreter,
            ),
            self.say,
        )
        self.reply_opening = ReplyOpening(
            self.reader, engines.forum, self.composer, self.peer_loop.composer, self.say, now
        )
        self.searching = Searching(
            self.reader, engines.interpreter, self.say, lambda: self.state, self._go
        )
        self.saved_drafts = SavedDraftsList(
            self.reader,
            DraftsEngines(
                engines.forum,
                self.peer,
                engines.drafts,
                self._take_up_reply,
                self._take_up_change,
                self.peer_loop.take_up,
                now,
            ),
            self.say,
        )
        self.orientation = Orientation(
            self.reader,
            self.paragraphs,
            self.composer,
            self.saved_drafts,
            self.peer_loop,
            state=lambda: self.state,
            quit_from=lambda: self._quit_from,
            asleep_from=lambda: self._resume_state,
            open_question=self._open_question,
            writer=self._writer,
            listener=lambda: self.engines.listener,
            last_said=lambda: self._last_said,
        )
        self.not_understood = NotUnderstood(
            self.reader,
            engines.interpreter,
            self.say,
            self.settings,
            open_question=self._open_question,
            where_and_question=self.orientation.where_and_question,
            what_is_written=self._what_is_written,
            yes_switch=engines.yes_switch,
            voice_training_would_help=engines.voice_training_would_help,
            say_sorry=self._say_aside,
            now=now,
        )
        self._rest_due = self._next_rest_time()
        self._room_talk = RoomTalkHint(self.say, self.settings.room_talk_reminder_s, monotonic)
        self.asleep = Asleep(engines.interpreter)
        self._quit_from = State.DICTATING
        self.likes = Likes(self.reader, engines.forum, self.say, failure_line=self._failure_told)
        self.marking_read = MarkingRead(self.reader, engines.forum, self.say)
        self._like: LikeChange | None = None
        """The like asked about in LIKING (or its taking back), made only on a clear yes."""
        self._vote: PollVote | None = None
        """The vote asked about in VOTING, cast only on a clear yes."""
        own_posts = OwnPostEngines(
            self.reader,
            engines.forum,
            engines.drafts,
            self.say,
            now,
            self.peer,
            outbox=engines.outbox,
            failure_line=self._failure_told,
        )
        self.post_deletions = PostDeletions(own_posts)
        self.post_recoveries = PostRecoveries(own_posts)
        self.reply_additions = ReplyAdditions(own_posts)
        self.post_editor = PostEditor(writing, own_posts)
        self._change: Change | None = None
        """The change asked about in one of CHANGES, made only on a clear yes."""
        self._noted_choices: PollVote | None = None
        """Choices said for a poll that takes several at once, too few yet to ask about."""
        self.finished = False
        """The person said goodbye: the loop ends after this utterance."""
        self.forum_back = ForumBackNotice(engines.forum, self.say)
        self.greeting = Greeting(
            engines.forum,
            engines.places,
            self.saved_drafts,
            self.account_notice,
            self.forum_back,
            self.reader.rounds,
        )
        self.edits_at_question = EditsAtQuestion()
        self._left_writing: SavedDraft | None = None
        """The reply being written when voicepeer last stopped: "resume" goes back to it."""
        self._handlers = self._command_handlers()

    # --- the loop ----------------------------------------------------------------------

    def run(self) -> None:
        """Greet, say what became of replies kept from earlier, then handle utterances
        until the input ends."""
        self._left_writing = left_writing(self.engines.places, self.engines.drafts)
        if self.settings.greeting:
            self.say(self.greeting.words(self._left_writing))
        # After the greeting: with the forum out of reach this takes a while, and the
        # first words heard must not be "Still waiting for the forum".
        self.announce_outbox()
        loop = threading.current_thread()
        self.account_notice.may_speak = lambda: (
            threading.current_thread() is loop and self.state not in WRITING_STATES
        )
        lost: AudioDeviceError | None = None
        while True:
            if self.state not in WRITING_STATES | DICTATION_STATES:
                self.account_notice.tell()
            self._tell_news()
            mode = listen_mode(self.state)
            if self.state is not State.SLEEPING:
                self.engines.cues.listening()
            try:
                heard = self.engines.listener.listen(mode, self._listen_context())
            except AudioDeviceError as error:
                if not self.engines.typing_instead:
                    lost = error
                    break
                # The microphone or switch vanished: carry on with typed input.
                log.warning(
                    "listening failed, reading typed input instead: %s", type(error).__name__
                )
                self.say(f"{say_error(error)} Please type what you would say instead.")
                self.engines.listener = TextListener(prompt="> ")
                continue
            if heard is None:
                break
            try:
                self.handle(heard)
            except DiskFullError as error:
                self._say_disk_full(error)
            if self.finished:
                break
        self.reader.finish_hearing()
        writing = self._writer_in(self.state)
        if writing is not None:
            try:
                writing.save()
            except DiskFullError as error:
                log.error("stopping with a reply that could not be saved: %s", error)
                self.say(
                    "The memory card is full, so your reply could not be saved before "
                    "I stop. Please ask your helper to make some room on the memory card."
                )
        self._places.set_writing(self._reply_being_written())
        if lost is not None:
            raise lost

    def _reply_being_written(self) -> str | None:
        """The saved reply's key, when one with words is being written as voicepeer stops."""
        topic = self.reader.topic
        if self._writer_in(self.state) is not self.composer or topic is None:
            return None
        return None if self.composer.draft.is_empty else self.composer.draft_key(topic)

    def room_talk_heard(self) -> bool:
        """A listener's ``on_room_talk``: say (now and then) that talk in the room drowns
        the person out; True when it was said."""
        if self.state is State.SLEEPING:
            self.asleep.talk_heard()
        return self._room_talk.heard(self.state)

    def _listen_context(self) -> str:
        """The state's context, or what a correction of the text being written waits for.
        After a post's last paragraph "next paragraph" only says to say next, so "next"
        there is whole."""
        writing = {
            State.DICTATING: self.composer,
            State.EDITING_POST: self.post_editor,
            State.COMPOSING: self.peer_loop.composer,
        }
        composer = writing.get(self.state)
        awaited = composer.corrector.awaited if composer is not None else None
        return awaited or listening_context(self.state, self.paragraphs.has_next())

    def _say_disk_full(self, error: DiskFullError) -> None:
        """The disk filled while saving: the state and anything dictated stay as they were
        (in memory), so the person can go on; the whole explanation is given once."""
        log.warning("%s", error)
        if self._disk_full_said and type(error) is DiskFullError:  # said in full once
            self.say(
                "The memory card is still full, so that is not saved yet. "
                "I am keeping it here for now."
            )
        else:
            self.say(say_error(error))
        self._disk_full_said = True

    def _place_not_saved(self, error: DiskFullError) -> None:
        # Said once: repeating it after every post read would drown the reading.
        if self._disk_full_said:
            log.warning("%s", error)
        else:
            self._say_disk_full(error)

    def announce_outbox(self) -> None:
        """Post replies kept from earlier (the forum was down, or voicepeer was stopped) and
        say what became of them; and of those a moderator has dealt with since, the ones
        declined."""
        outbox = self.engines.outbox
        self._say_results(outbox.flush())
        try:
            declined = outbox.settle_held()
        except ForumError as error:  # asked again later, in the background
            log.info("replies held for a moderator not checked: %s", type(error).__name__)
            declined = []
        self._say_results(declined)

    def quiet_moment(self) -> bool:
        """A listener's ``on_quiet``: called on the loop's thread while it waits for the
        person, who has not begun to speak. What happened meanwhile (a reply sent in the
        background) is told then, not only at the next utterance; True when it spoke."""
        return self._tell_news()

    def _tell_news(self) -> bool:
        # Only between utterances (never over speech), and never while the person is
        # dictating, being asked a question, or has put voicepeer to sleep.
        if self.state not in (State.BROWSING, State.READING):
            return False
        back = self.forum_back.tell()
        account = self.account_notice.tell_back()
        return self._say_results(self.engines.news()) or back or account

    def _say_results(self, results: list[SendResult]) -> bool:
        """Say what became of each of ``results`` (replies and the like sent, or refused);
        True when there was any."""
        for result in results:
            self.say(send_result_line(result))
        return bool(results)

    def say(self, text: str) -> None:
        self._last_said = text
        self._say_aside(text)

    def _say_aside(self, text: str) -> None:
        """Say ``text`` without it becoming what "repeat" says again: "Sorry, I didn't
        catch that", then "say that again", said the sorry again, not the post."""
        transcript.info("said: %s", text)
        self.engines.voice.speech.say(text)

    def handle(self, heard: Heard) -> None:
        """Act on one utterance in the current state."""
        self.said_ahead.begin(heard)
        try:
            self._act_on(heard)
        finally:
            if self.state is not State.DELETING_POST:
                # Whatever ended the question ("no", another command, goodbye), a reply
                # held while it was asked may be sent again.
                self.engines.outbox.release_holds()
            self.said_ahead.done()
            self.forum_back.acted()
            self.account_notice.acted()

    def _failure_told(self, error: ForumError, line: str) -> str:
        """A failure at the forum as told, "" when said already: the account notice found
        by the very request tells all of a refused key."""
        self._failures_told += 1
        line = self.account_notice.failure_line(error, line)
        if not line:
            return ""
        self.forum_back.failure_told()
        return self.said_ahead.failure_line(error, line)

    def _act_on(self, heard: Heard) -> None:
        log.debug("heard %r", heard.text)
        transcript.info("heard: %s", heard.text)
        meant, self._meant = self._meant, ()  # only the answer right after the question
        whom_asked, self._whom_asked = self._whom_asked, False
        # A new topic or message the last utterance sent: "unsend it" now means it.
        self._just_sent, self.peer_loop.composer.just_sent = self.peer_loop.composer.just_sent, None
        if self._just_sent is not None:
            self._posted_last = self._just_sent
        put_aside, self._put_aside = self._put_aside, None
        asked_again = self.asleep.said_again(heard)
        if asked_again is Intent.WHERE:
            self.say(self.orientation.where_and_question())
            return
        if asked_again is not None:
            transcript.info("did: nothing, asked again to come back just after waking")
            self.engines.cues.got_it()
            return
        invited_again = self.command_pieces.asked_again(heard, self.state)
        if invited_again is not None:
            transcript.info("did: nothing yet, an answer to the question for the rest")
            self._say_aside(invited_again)
            return
        if self.state in WRITING_STATES:
            heard = self._writer().named_after_pause(heard) or heard
        if self._over_words(heard) or self._edited_at_question(heard):
            self._ask_again_after_edit()  # a new title asked for at the question: cancelled
            return
        if self._reply_not_begun() and (self._reply_said_on(heard) or self._retarget(heard)):
            return
        if self.state in WRITING_STATES:
            emptied, self.edits_at_question.emptied_from = self.edits_at_question.emptied_from, None
            self._follow(self._writer().hear(heard))
            undone = self.engines.interpreter.editing(heard) is DictationAction.UNDO
            if emptied is not None and undone:
                # "No, scratch that" emptied it at the question: the words come back, and
                # the question with them.
                self.edits_at_question.waiting_from = emptied
            self._ask_again_after_edit()
            return
        if self.state is State.SEARCHING:
            self.searching.hear(heard)
            return
        if (instead := self.peer_loop.command_instead_of_name(self.state, heard)) is not None:
            self._go(instead[0])
            self._dispatch(instead[1])
            return
        if self.state in DICTATION_STATES:
            self._go(self.peer_loop.hear(self.state, heard))
            self._ask_again_after_edit()
            return
        if self.state is State.READING and not whom_asked and self.paragraphs.goes_on(heard.text):
            return
        kept, self._kept_for_reply = self._kept_for_reply, None
        if whom_asked and self.state is State.READING:
            answer = whom_answered(heard, self.engines.interpreter, self.reader)
            if answer is not None:
                self._dispatch(answer)
                if kept is not None and self.state is State.DICTATING:
                    self._follow(self._writer().hear(kept))
                elif self.state is State.READING:
                    self._kept_for_reply = kept  # whom is asked again
                return
        pieces = self.command_pieces.joined(heard, self.state)
        if pieces is not None:
            heard, interpretation = pieces
        else:
            interpretation = interpret_in(self.state, heard, self.engines.interpreter)
        if self.state is State.SLEEPING:
            asked = self.asleep.asked(heard, interpretation)
            if is_goodbye_while_dictating(heard):
                # "Goodbye voicepeer" while resting: heard nothing, the person was stuck
                # (the name makes it no room talk).
                self._go(self._resume_state)
                self._quit()
            elif asked is Intent.WHERE:
                self.say(f"Paused. {self.orientation.where()} {GO_ON_OR_STOP}")
            elif asked is not None:
                self._go(self._resume_state)
                self.asleep.woke()
                # A question put aside by sleep is asked again: it is what waits.
                waiting = ASKING_CONSENT | SLEEP_WHILE_WRITING | PAUSE_AT_WORDS
                woken = self.orientation.where_and_question() if self.state in waiting else ""
                dropped = (
                    DROPPED_WHILE_PAUSED
                    if self._paused_mid_writing and self.asleep.heard_talk
                    else ""
                )
                self.say(f"I'm listening again. {dropped}" + (woken or self.orientation.where()))
            return
        which = which_one(self.state, heard, meant, self.engines.interpreter)
        if which is not None:
            transcript.info("did: nothing yet, a yes to two meanings")
            self._meant = meant
            self.say(which)
            return
        interpretation = answer_to_did_you_mean(
            self.state, heard, interpretation, meant, self.engines.interpreter
        )
        found = interpretation.command
        if self.said_ahead.holds(heard, found.intent if found is not None else None):
            transcript.info("did: nothing, said before hearing that what came before failed")
            self.say(self.said_ahead.held_line(heard))
            return
        invitation = self.command_pieces.keep(heard, self.state, interpretation)
        if invitation is not None:
            transcript.info("did: nothing yet, the beginning of a command kept for the rest")
            self._say_aside(invitation)
            return
        if interpretation.ambiguous:
            transcript.info("did: nothing yet, unsure which command was meant")
            self._meant = interpretation.ambiguous[:3]
            # One option: the recognizer was unsure it heard a command at all.
            again = " If so, please say it again." if len(interpretation.ambiguous) == 1 else ""
            self.say(f"{did_you_mean(self._meant)}{again}")
            return
        said = interpretation.command.intent if interpretation.command is not None else None
        if said in (Intent.WHERE, Intent.REPEAT) and said not in meant:
            self._meant = meant  # still waiting: "where am I" names the question
        if interpretation.command is None:
            chosen = (
                self.peer_loop.yes_with_words(heard)
                or self.peer_loop.name_instead(heard)
                or self.peer_loop.hold_words(heard)
                if self.state is State.CHOOSING
                else None
            )
            if chosen is None and whom_asked and self._words_of_a_reply(heard):
                self._keep_for_reply(heard, kept)
            elif chosen is None and whom_asked and self._cancelled(heard):
                transcript.info("did: nothing, whom a reply answers not said, cancelled")
                unkept = f" {phrasing.not_kept(kept.text)}" if kept else ""
                self.say(f"All right, no reply.{unkept}")
            elif chosen is None and whom_asked:
                # "Um well", "thanks so much", a name of no one here: no answer to whom, too
                # few words to be the reply's. The question had been dropped unsaid (and
                # words kept before with it): it stays, and is asked again.
                self._kept_for_reply, self._whom_asked = kept, True
                still = " I still have your words." if kept else ""
                self.say(f"Sorry, I didn't catch whom.{still} {whom_again(self.reader)}")
            elif chosen is None:
                self._not_understood(heard, put_aside)
            else:
                self._go(chosen)
            return
        self.engines.cues.got_it()
        self.not_understood.understood()
        intent = interpretation.command.intent
        if self.state in OWN_LISTS and intent in LEAVING_A_LIST - ALLOWED[self.state]:
            self._go(State.BROWSING)  # out of the person's list, as "back" goes (see above)
        if kept is not None:
            # A command said instead of whom a reply answers ("cancel"): the words kept
            # for the reply went with it unsaid.
            transcript.info("did: words kept for a reply left, a command said instead")
            self.say(phrasing.not_kept(kept.text, "your reply"))
        shown, failures = self.reader.shown, self._failures_told
        self._dispatch(interpretation.command)
        # A list asked for that left the person where they were had nothing to read out.
        self._nothing_listed = (
            intent in LIST_ASKED
            and self.state in (State.BROWSING, State.READING)
            and self.reader.shown == shown
        )
        self._list_failed = self._nothing_listed and self._failures_told != failures
        self._maybe_suggest_rest()

    def _not_understood(self, heard: Heard, put_aside: tuple[str, str] | None = None) -> None:
        """Nothing to do for ``heard`` here: say so, and what helps (see NotUnderstood), or
        what the person meant after all."""
        writer = self._writer_in(self.state)
        if self.state in WRITING_AT_QUESTION and writer is not None and writer.went_on(heard):
            self._go(WRITING_AT_QUESTION[self.state])
            return
        self.engines.cues.error()
        meant = self.not_understood.respond(heard, self.state, put_aside)
        if meant is Intent.LATEST:
            self._latest()
        elif meant is Intent.SEND:
            self._send_instead_of_goodbye(heard)
        elif meant is Intent.READ_BACK and self.state is State.QUITTING:
            self._read_back_before_goodbye()
        elif meant is Intent.READ_BACK:
            self._read_own_reply()

    def _read_own_reply(self) -> None:
        """ "Read it back" after posting a reply: the reply as the forum has it ("Read it
        back does nothing here" left the person unsure what went out)."""
        number = self.reader.own_reply_here()
        if number is not None:
            self._after_read(self.reader.go_to_post(number))

    def _read_back_before_goodbye(self) -> None:
        """ "Read it back" at "Shall I stop now?": the words not sent, then the question
        again ("Read it back does nothing here" was said)."""
        writer = self._writer_in(self._quit_from)
        unsent = as_sentence(writer.read_back()) if writer is not None else ""
        self.say(f"{unsent} {self._open_question()}".strip())

    def _send_instead_of_goodbye(self, heard: Heard) -> None:
        """ "Send it" at "Shall I stop now?": the person would rather send than stop, so
        the words go on to their own question ("Shall I post it?"), nothing sent yet. With
        only a title or a category to choose, there is nothing to send: the question
        stays."""
        if self._quit_from not in SENDABLE_AFTER_GOODBYE:
            transcript.info("did: nothing, nothing to send before the title or category")
            self.say(f"Please answer this first. {self._open_question()}")
            return
        transcript.info("did: stayed, to send what is written")
        self._go(self._quit_from)
        self.handle(heard)

    def _over_words(self, heard: Heard) -> bool:
        """Goodbye, leaving a question for words, "repeat" there, or "where am I", said where
        words are heard; False when it is none of them (or "where am I" while a correction
        waits for its choice or letters)."""
        said = said_over_words(self.state, heard, self.engines.interpreter)
        if said is Intent.QUIT:
            self._quit()
            return True
        if said is Intent.SLEEP:
            self._writer().save()
            what = self._what_is_written(self.state)
            self._sleep(f"Going to sleep. Your {what} is kept. Say wake up when you need me.")
            return True
        if said is Intent.PAUSE and self.state in PAUSE_AT_WORDS:
            self._sleep(PAUSED)  # waking asks the question again
            return True
        if said is Intent.PAUSE and not self._writer().draft.ends_unfinished:
            # "I had to" … "wait" is words of the sentence.
            self._writer().save()
            what = self._what_is_written(self.state)
            self._sleep(
                f'Paused, and I left "{heard.text.strip()}" out. Your {what} is kept. Say '
                "resume when you are ready.",
                mid_writing=True,
            )
            return True
        if said is Intent.CANCEL and self.state in (State.DICTATING, State.COMPOSING):
            self._cancel()  # "I'll finish this tomorrow": put aside, saved
            return True
        if said is Intent.CANCEL and self.state is State.SEARCHING:
            self.searching.cancel(self.orientation.where)
            return True
        if said is Intent.CANCEL and not self._no_to_whole_title(heard):
            self._go(self.peer_loop.leave(self.state))
            return True
        if said is Intent.REPEAT:
            self.say(self.peer_loop.offer_again(self.state) or self._last_said)
            return True
        if said is Intent.ADD_TO_REPLY:
            self._add_dictated_to_reply()
            return True
        if said is Intent.HELP:
            self.say(self.peer_loop.help_for(self.state) or SEARCH_WORDS_HELP)
            return True
        writer = self._writer_in(self.state)
        correcting = writer is not None and writer.corrector.awaited is not None
        if said is Intent.WHERE and not correcting:
            self.say(self.orientation.where_and_question())
            return True
        return False

    def _no_to_whole_title(self, heard: Heard) -> bool:
        """ "No" to "Is that the whole title?": "there is more", not leaving the question
        (it had cancelled the new topic, title and all)."""
        return (
            self.state is State.TITLING
            and self.peer_loop.asking_if_whole
            and self.engines.interpreter.word_for_word(heard, {Intent.NO}) is not None
        )

    def _edited_at_question(self, heard: Heard) -> bool:
        """An edit said at "Shall I post it?" ("change brilliant to wonderful", "no, scratch
        that"): made, and then the question asked again with the words as they are now (or,
        when the edit asks a question of its own, that); False for anything else. It had been
        "I did not add that", and a yes then posted the words unchanged."""
        question = self.state
        writer = self._writer_in(question)
        edit = self.edits_at_question.edit_in(heard, question, writer)
        if edit is None or writer is None:
            return False
        writing = WRITING_AT_QUESTION[question]
        self._go(writing)
        self.handle(edit)
        if self.state is writing and writer.corrector.pending is Pending.NOTHING:
            self._ask_again(question, writer)
            if self.state is writing and writer.draft.is_empty:
                # "No, scratch that" emptied it: "undo" next brings back the question too.
                self.edits_at_question.emptied_from = question
        elif self.state in (writing, State.TITLING):
            self.edits_at_question.waiting_from = question
        return True

    def _ask_again_after_edit(self) -> None:
        """Once the question of an edit said at "Shall I post it?" is answered (the new
        words, the letters, the title), that question is asked again with the words as they
        are now; left for somewhere else, it is not."""
        question = self.edits_at_question.waiting_from
        if question is None or self.state is State.TITLING:
            return
        writing = WRITING_AT_QUESTION[question]
        writer = self._writer_in(writing)
        if self.state is writing and writer is not None:
            if writer.corrector.pending is not Pending.NOTHING:
                return  # still waiting for the edit's own answer
            self._ask_again(question, writer)
        self.edits_at_question.waiting_from = None

    def _ask_again(self, question: State, writer: Composer) -> None:
        """After an edit said at ``question``: the words read back and the question asked
        again (when they can go as they are); "undo" straight after takes the edit back."""
        writing = WRITING_AT_QUESTION[question]
        self._go(question if writer.ask_to_post() is Next.CONFIRMING else writing)
        self.edits_at_question.asked_again = (
            self.state is question and self.edits_at_question.undoable
        )

    def _add_dictated_to_reply(self) -> None:
        """ "Add it to my last reply" while dictating one: the words, saved as they were
        said, go to the end of the person's newest reply in the topic after a yes (see
        ReplyAdditions); with none to add to, dictation goes on."""
        self._go(State.READING)
        self._dispatch(Command(Intent.ADD_TO_REPLY))
        if self.state is State.READING:  # nothing asked: the reason was said
            self._go(State.DICTATING)
            self.say(self.composer.go_on)

    def _open_question(self, otherwise: str = "") -> str:
        """The question the current state waits on, asked again (while writing, how to go
        on); ``otherwise`` when none."""
        if self._meant and self.state not in ASKING_CONSENT:
            return did_you_mean(self._meant)
        if self.state in (State.CONFIRMING, State.CHANGING_POST):
            return self._writer().question_again()
        if self.state is State.QUITTING:
            pending = self._unsent()
            kept = f" {pending[1].again}" if pending is not None else ""
            # Not "yes or no" alone: "stop" is the answer a person may give, and it only
            # stops voicepeer speaking.
            return f"Shall I stop now?{kept} Say yes to stop, or no to go on."
        asked = self._asked().get(self.state)
        if asked is not None:
            return asked.question_again
        peer = self.peer_loop.question_again(self.state)
        if peer is not None:
            return peer
        writer = self._writer_in(self.state)  # dictating: no question, but how to go on
        if writer is None:
            return OPEN_QUESTIONS.get(self.state, otherwise)
        return writer.corrector.question_again() or writer.go_on

    def _asked(self) -> dict[State, Asked | None]:
        """What each of the states asking about one action is asking about."""
        change = self._change.asked if self._change is not None else None
        return {
            State.LIKING: self._like,
            State.VOTING: self._vote,
            **dict.fromkeys(CHANGES, change),
        }

    def _go(self, new: State) -> None:
        check_transition(self.state, new)
        writer = self._writer_in(self.state) if new in (State.READING, State.BROWSING) else None
        if self.state in PUT_ASIDE_FROM and writer is not None and not writer.draft.is_empty:
            self._put_aside = (self._what_is_written(self.state), PUT_ASIDE_FROM[self.state])
        if new is not self.state:
            log.debug("state %s -> %s", self.state.value, new.value)
            transcript.info("did: now %s", new.value)
            # The categories' names are heard as words: made likely while they are asked.
            if new is State.CATEGORY:
                self.engines.listener.use_dictation_context(self.peer_loop.category_words())
            elif self.state is State.CATEGORY:
                self.engines.listener.use_dictation_context(())
        self.state = new

    def _after_read(self, outcome: ReadOutcome) -> None:
        if outcome is ReadOutcome.HELD:
            self._go(State.CONTENT_NOTE)
        elif outcome is ReadOutcome.READ:
            self._go(State.READING)

    def _follow(self, step: Next) -> None:
        self._go(_MOVES[self.state in EDITING_STATES][step])

    def _writer(self) -> Composer:
        """What writes in the current state, one where something is written."""
        writer = self._writer_in(self.state)
        assert writer is not None, self.state
        return writer

    def _writer_in(self, state: State) -> Composer | None:
        """What writes in ``state`` (in QUITTING, in the state goodbye was said in): the
        reply, the change to the person's post, or the new conversation; None elsewhere."""
        if state is State.QUITTING:
            state = self._quit_from
        if state is State.SLEEPING:  # put to sleep at "Shall I post it?"
            state = self._resume_state
        if state in (State.DICTATING, State.CONFIRMING):
            return self.composer
        if state in EDITING_STATES:
            return self.post_editor
        if state in (State.TITLING, State.COMPOSING, State.SENDING):
            return self.peer_loop.composer
        return None

    def _what_is_written(self, state: State) -> str:
        """What is written in ``state``, as said ("reply", "new topic", "post"): a new
        conversation's composer speaks of a reply, its sentences renamed as they are said."""
        writer = self._writer_in(state)
        assert writer is not None, state
        if writer is self.peer_loop.composer:
            return self.peer_loop.composer.conversation.what
        return writer.what

    def _unsent(self) -> tuple[Composer, Unsent] | None:
        """What writes here, and its words not yet on the forum; None when there are none."""
        writer = self._writer_in(self.state)
        unsent = writer.unsent() if writer is not None else None
        return None if writer is None or unsent is None else (writer, unsent)

    # --- commands ----------------------------------------------------------------------

    def _list_place(self) -> ListPlace | None:
        """Where the person is in the list they are at; None while not at a list."""
        if self.state is State.BOOKMARKS:
            return self.peer_loop.bookmarks.place
        if self.state is State.DRAFTS:
            return self.saved_drafts.place
        if self.state is not State.BROWSING:
            return None
        notices = self.reader.notices
        return notices.place if notices is not None else self.reader.place

    def _dispatch(self, command: Command) -> None:
        place = self._list_place()
        meant = last_one_meant(command, place)
        if self._nothing_listed and opens_from_a_list(meant, self.state is State.READING):
            self._nothing_listed = False
            self.say(which_list(meant, self.reader.list_opened_from(), self._list_failed))
            return
        if meant is not command and meant.intent is Intent.PREVIOUS:
            hint = last_one_hint(place)
            self._dispatch_meant(meant)
            if hint:
                self.say(hint)
            return
        self._dispatch_meant(meant)

    def _dispatch_meant(self, command: Command) -> None:
        if self.state is State.READING:
            command = reply_in_conversation(command, self.reader, self.say)
        meant = post_meant(command, self._in_a_topic())
        if isinstance(meant, str):  # "write a post" in a topic: a reply, or a new topic?
            self.say(meant)
            return
        command = meant
        moved_to = self.saved_drafts.dispatch(self.state, command)
        if moved_to is None:
            moved_to = self.peer_loop.dispatch(self.state, command)
        if moved_to is not None:
            self._go(moved_to)
            return
        slots = "".join(f" {name}={value}" for name, value in command.slots.items())
        transcript.info("did: command %s%s", command.intent.value, slots)
        self._handlers[command.intent](command)

    def _command_handlers(self) -> dict[Intent, Callable[[Command], None]]:
        """Which action each command calls (those of the saved drafts and of new
        conversations aside: they have their own)."""
        return {
            Intent.LATEST: lambda c: self._latest(c.slots),
            Intent.UNREAD: lambda c: self._unread(),
            Intent.MY_TOPICS: lambda c: self._my_topics(),
            Intent.MY_POSTS: lambda c: self._my_posts(),
            Intent.OPEN: self._open,
            Intent.NEXT: lambda c: self._step(+1, c),
            Intent.PREVIOUS: lambda c: self._step(-1, c),
            Intent.REPEAT: lambda c: self._repeat(),
            Intent.READ: lambda c: self._read(),
            Intent.WHERE: lambda c: self.say(self.orientation.asked(c.slots)),
            Intent.HELP: lambda c: self.say(self.orientation.help(c.slots)),
            Intent.STOP: lambda c: self._stop(),
            Intent.SLEEP: lambda c: self._sleep(ASLEEP),
            Intent.PAUSE: lambda c: self._sleep(PAUSED),
            Intent.RESUME: lambda c: self._resume(c.slots),
            Intent.REPLY: lambda c: self._reply_to_named(c.slots),
            Intent.WHO: self._who,
            Intent.BACK: lambda c: self._back(),
            Intent.LIKE: lambda c: self._ask_about_like(take_back=False, slots=c.slots),
            Intent.UNLIKE: lambda c: self._ask_about_like(take_back=True),
            Intent.DELETE_POST: lambda c: self._delete_post(),
            Intent.RECOVER_POST: lambda c: self._recover(),
            Intent.MARK_READ: self._mark_read,
            Intent.ADD_TO_REPLY: lambda c: self._add_to_reply(),
            Intent.EDIT_POST: lambda c: self._edit_post(),
            Intent.VOTE: lambda c: self._ask_to_vote(int(c.slots.get("number", 0))),
            Intent.REMOVE_VOTE: lambda c: self._ask_to_vote(None),
            Intent.NOTIFICATIONS: self._notifications,
            Intent.SEARCH: lambda c: self.searching.search(str(c.slots.get("query", ""))),
            Intent.YES: lambda c: self._yes(),
            Intent.NO: lambda c: self._no(),
            Intent.CANCEL: lambda c: self._cancel(),
            Intent.READ_BACK: lambda c: self._follow(self._writer().ask_to_post()),
            Intent.FASTER: lambda c: self._adjust_voice(c.intent),
            Intent.SLOWER: lambda c: self._adjust_voice(c.intent),
            Intent.LOUDER: lambda c: self._adjust_voice(c.intent),
            Intent.QUIETER: lambda c: self._adjust_voice(c.intent),
            Intent.QUIT: lambda c: self._quit(),
            Intent.NEXT_PARAGRAPH: lambda c: self.paragraphs.step(+1),
            Intent.PREVIOUS_PARAGRAPH: lambda c: self.paragraphs.step(-1),
            Intent.SKIP_TO_END: lambda c: self.paragraphs.skip_to_end(self.reader.after_post()),
        }

    def _who(self, command: Command) -> None:
        """ "Who is here" (the topic's people), or who wrote the post being read."""
        if command.slots == TOPIC_PEOPLE:
            say_who_is_here(self.reader, self.say)
        else:
            say_who_wrote(self.reader, self.peer, self.say, self._now)

    def _latest(self, slots: Mapping[str, object] | None = None) -> None:
        if slots == NEWS_HERE and self._in_a_topic():
            say_news_here(self.reader, self.say)  # "anything new here": not left
            return
        if self.reader.latest():
            self._go(State.BROWSING)

    def _unread(self) -> None:
        if self.reader.unread():
            self._go(State.BROWSING)

    def _my_topics(self) -> None:
        if self.reader.own_topics():
            self._go(State.BROWSING)

    def _my_posts(self) -> None:
        if self.reader.posted_topics():
            self._go(State.BROWSING)

    def _read(self) -> None:
        if self.state is State.BROWSING:
            self._after_read(self.reader.open_current())
        else:
            self._after_read(self.reader.read_current())

    def _in_a_topic(self) -> bool:
        """Whether a topic is being read (a post of it heard, or its content note asked)."""
        return in_a_topic(self.state, self.reader)

    def _open(self, command: Command) -> None:
        """ "Open topic three" — or, while reading, "the third post": that post here ("open
        the last post": the newest), and "the first reply" the post after the first."""
        author = command.slots.get(REPLY_TO_NAMED)
        if author is not None:  # "what did Sam say"
            self._after_read(read_post_by(self.reader, str(author), self.say))
            return
        about = command.slots.get(OPEN_ABOUT)
        if about is not None:
            self._after_read(self.reader.open_about(str(about)))
            return
        if "number" not in command.slots:  # "the one about the": no words of a title heard
            self.say(OPEN_HOW)
            return
        number = int(command.slots["number"])
        named: Mapping[str, object] = {k: v for k, v in command.slots.items() if k != "number"}
        if self._in_a_topic() and named == EITHER_OPEN and number != LAST_HEARD:
            # "Number five" while reading: with no list heard, only a post can be meant.
            if self.reader.topics is not None:
                self.say(post_or_topic(number))
                return
            named = POST_OPEN
        if named == POST_OPEN and number == LAST_HEARD and self._at_topic_list():
            # "The last post" is a topic's newest post (as "the newest post" is), not the
            # list's last topic: opening a topic on a guess reads a whole post to undo.
            self._only_in_a_topic(TO_NEWEST)
            return
        if self._in_a_topic() and named in (POST_OPEN, REPLY_OPEN):
            outcome = (
                self.reader.go_to_end_of_topic(first=False)
                if number == LAST_HEARD
                else self.reader.go_to_post(number, reply=named == REPLY_OPEN)
            )
        else:
            outcome = self.reader.open_number(number)
        self._after_read(outcome)

    def _at_topic_list(self) -> bool:
        """Whether a list of topics (not notifications) is what the person is at."""
        return (
            self.state is State.BROWSING
            and self.reader.topics is not None
            and self.reader.notices is None
        )

    def _only_in_a_topic(self, to: Mapping[str, object]) -> None:
        """ "First post" or "the last post" said where no topic is being read: how to get
        there, in the words that then work. At a topic list, "go to the start" (or "first
        post") names its first topics again."""
        if to == TO_FIRST and self._at_topic_list() and self.reader.from_the_top():
            return
        then = "first post" if to == TO_FIRST else "newest post"
        self.say(
            f"That is for a topic being read. Say open topic and a number first, then say {then}."
        )

    def _step(self, delta: int, command: Command | None = None) -> None:
        slots = command.slots if command is not None else {}
        if self._in_a_topic():
            bookmarks = self.peer_loop.bookmarks
            if slots in (TO_FIRST, TO_NEWEST):
                outcome = self.reader.go_to_end_of_topic(first=slots == TO_FIRST)
            elif slots != TOPIC_STEP:
                outcome = self.reader.step_in_topic(delta)
            elif bookmarks.opened_the_topic:
                outcome = bookmarks.open_next(delta)
            else:
                outcome = self.reader.open_next(delta)
            if outcome is not ReadOutcome.FAILED:
                self._go(State.READING)
                self._after_read(outcome)
        elif slots in (TO_FIRST, TO_NEWEST):
            self._only_in_a_topic(slots)
        elif delta > 0 and self._at_the_start_with_a_place():
            # "Carry on" or "next" after the greeting offered "resume": the latest topics
            # were read instead of where the person was.
            self._resume()
        else:
            self.reader.step_in_list(delta)

    def _at_the_start_with_a_place(self) -> bool:
        """Nothing heard yet this session, and a place (or a reply) left last time."""
        nothing_yet = self.reader.topics is None and self.reader.notices is None
        left = self._left_writing is not None or self.engines.places.last_topic() is not None
        return nothing_yet and self.state is State.BROWSING and left

    def _back(self) -> None:
        if self.state is State.READING and self.peer_loop.bookmarks.back_from_topic():
            self._go(State.BOOKMARKS)
            return
        self._go(State.BROWSING)
        self.reader.back_to_list()

    def _adjust_voice(self, intent: Intent) -> None:
        voice = self.engines.voice
        change = {
            Intent.FASTER: voice.faster,
            Intent.SLOWER: voice.slower,
            Intent.LOUDER: voice.louder,
            Intent.QUIETER: voice.quieter,
        }[intent]()
        # Said in the new voice, so the person hears the difference at once.
        self.say(VOICE_CHANGE_PHRASES[intent][change.changed])

    def _repeat(self) -> None:
        if self.reader.rounds.repeat(self._last_said):
            return
        if not (self.state is State.READING and self.paragraphs.repeat(self._last_said)):
            self.say(self._last_said or "I have not said anything yet.")

    def _speech_interrupted(self) -> bool:
        """The person stopped the speech (a key press) during the last thing said."""
        return self.engines.voice.speech.take_interruption()

    def _stop(self) -> None:
        self.engines.voice.speech.stop()
        stopped = self._last_said
        self.say("Stopped. " + self._open_question("Say next, repeat, or help."))
        # "Repeat", as offered, is what was stopped, not this answer (it repeated itself).
        self._last_said = stopped

    def _sleep(self, message: str, *, mid_writing: bool = False) -> None:
        """Go to sleep, saying ``message``; ``mid_writing``: paused by "hang on" while
        writing (see ``_paused_mid_writing``)."""
        if self.state in ASKING_CONSENT:
            message = message.replace(". ", f". {QUESTION_PUT_ASIDE} ", 1)
        self._resume_state = self.state
        self._paused_mid_writing = mid_writing
        self._go(State.SLEEPING)
        self.asleep.fell_asleep()
        # Asleep, a press wakes voicepeer too: worth knowing when talk drowns "wake up".
        switch = " Pressing your yes switch wakes me too." if self.engines.yes_switch else ""
        self.say(message + switch)

    def _resume(self, slots: Mapping[str, object] | None = None) -> None:
        if slots == TOPIC_BEFORE:
            self._after_read(reopen_topic_before(self.reader, self.say))
            return
        # Outside sleep, "resume" reads on from where the user left this topic — or, after a
        # restart, goes on with the reply they were writing, or from where they left the
        # topic read last.
        left, self._left_writing = self._left_writing, None
        read_since = left is not None and self.engines.places.last_topic() != left.topic_id
        if left is not None and self.reader.thread is None and not read_since:
            self._take_up_reply(left)
            return
        if self.reader.thread is not None:
            if self.paragraphs.carry_on():
                return
            if self.state is State.READING and self.paragraphs.read_to_end:
                # Read to its end, the post is not read again: "continue" goes on to the
                # next one (as "continue reading" means), or says it was the last.
                self._step(+1)
            else:
                self._after_read(self.reader.read_current())
            return
        outcome = self.reader.reopen_last_topic()
        if outcome is None:
            self.say(self.reader.where())
        else:
            self._after_read(outcome)

    def _reply_to_named(self, slots: Mapping[str, object]) -> None:
        """ "Reply" (to the post being read, or the one named): a saved reply of the topic,
        taken up with a bare "reply", goes on answering what it was begun for, not the post
        the person happens to be at."""
        if slots == REPLY_TO_TOPIC and self.reader.topic is not None:
            self._reply(None)  # "reply to everyone": the topic as a whole, no post answered
            return
        # "Reply to the matron": whom is asked, and the answer said next is taken for it.
        self._whom_asked = target_unclear(self.reader, slots)
        if not aim_reply(self.reader, slots, self.say):
            return
        topic = self.reader.topic
        if not slots and topic is not None and self.composer.saved_words(topic):
            began = self.composer.saved_answers(topic)
            if began is None:
                self._reply(None)
                return
            aim_reply(self.reader, {"number": began}, self.say)  # gone: the post being read
        self._reply(self.reader.loaded_current_post())

    def _cancelled(self, heard: Heard) -> bool:
        return self.engines.interpreter.word_for_word(heard, {Intent.CANCEL}) is not None

    def _words_of_a_reply(self, heard: Heard) -> bool:
        """Whether ``heard``, said at the topic, is more words than a name or a command of
        somewhere else ("cancel")."""
        return (
            self.state is State.READING
            and len(heard.text.split()) > MAX_NAME_WORDS
            and self.engines.interpreter.word_for_word(heard) is None
        )

    def _keep_for_reply(self, heard: Heard, kept: Heard | None) -> None:
        """Words said when whom a reply answers was asked, no answer: the reply's own, said
        before the question was heard. Kept, not lost, and whom asked again."""
        if kept is not None:
            heard = replace(
                heard, text=f"{kept.text} {heard.text}", alternatives=(), words=(), passes=()
            )
        self._kept_for_reply, self._whom_asked = heard, True
        self.say(f"I kept those words for your reply. {whom_again(self.reader)}")

    def _reply_not_begun(self) -> bool:
        """A reply is open in a topic with nothing written yet: what is said first may still
        be the rest of the command, or whom it answers put right."""
        return (
            self.state is State.DICTATING
            and self.reader.thread is not None
            and self.composer.draft.is_empty
        )

    def _leave_empty_reply(self) -> None:
        """Back to the topic from a reply with nothing in it, to begin it again."""
        self.composer.save()  # nothing in it: no draft is kept
        self._go(State.READING)

    def _reply_said_on(self, heard: Heard) -> bool:
        """ "Reply", a pause, then "privately", "to Sam" or "to post three": the rest of the
        command, followed, and the reply begun with no words left quietly; False when
        ``heard`` is something else (see :func:`rest_of_reply`)."""
        topic, composer = self.reader.topic, self.composer
        assert topic is not None
        answered, me = composer.answered, self.reader.me()
        whole = rest_of_reply(heard.text, self.engines.interpreter, topic, answered, me)
        if whole is None:
            return False
        if whole.intent is Intent.MESSAGE and composer.private_already():
            # A conversation's reply is private already: a new message asked whom to
            # write to, and the words said next were dropped.
            return True
        self._leave_empty_reply()
        self._dispatch(whole)
        if self.state is State.READING and self.reader.topic is not None:
            # "To post nine" where there is none: said so, and the reply begun again, so
            # that what is said next is not taken for commands.
            self._reply(answered)
        return True

    def _retarget(self, heard: Heard) -> bool:
        """ "No, to Priya" (or "not Sam, Priya", "I meant Priya") as a reply's first words:
        the reply answers Priya's post instead, nothing written; False when ``heard`` is
        no such correction (see :func:`corrected_to`)."""
        thread = self.reader.thread
        assert thread is not None
        posts = [post for _, post in thread.loaded()]
        name = corrected_to(heard.text, posts, self.composer.answered, self.reader.me())
        if name is None:
            return False
        self._leave_empty_reply()
        aim_reply(self.reader, {REPLY_TO_NAMED: name}, lambda _said: None)
        self._reply(self.reader.loaded_current_post(), instead=True)
        return True

    def _reply(self, reply_to: Post | None, *, instead: bool = False) -> None:
        """Write a reply in the current topic, answering ``reply_to`` (None: the topic);
        ``instead``: of the one just named."""
        topic = self.reader.topic
        assert topic is not None
        if self.composer.refused(topic):
            # The forum refused the last try, perhaps as the topic was closed meanwhile:
            # ask it again rather than let the person change words that cannot be posted.
            topic = self.reader.recheck_topic() or topic
        if self.reply_opening.would_refuse(topic):
            self.reply_opening.refuse(topic)
            return
        self.reply_opening.say_slow_mode(topic)
        if self.engines.forum.account_refused:
            self.say(
                "The forum does not accept your account at the moment, so your reply will "
                "wait here until your helper has connected it again."
            )
        category = self.reader.category(topic.category_id)
        self.composer.start(
            topic,
            reply_to,
            category.name if category else None,
            self.peer_loop.private_audience(topic),
            self.reply_opening.carried_note(topic),
            instead=instead,
        )
        self.engines.listener.use_dictation_context(reply_context(topic, reply_to))
        self._go(State.DICTATING)

    def _add_to_reply(self) -> None:
        """ "Add it to my last reply": the words saved for this topic go at its end, after a
        yes; with none saved (after posting, say), the person says them now, as a change to
        their reply, made only after "send it" and a yes."""
        if self.reply_additions.words_saved():
            additions = self.reply_additions
            self._ask_first(State.ADDING_TO_REPLY, additions.plan, additions.make)
        else:
            self._edit_post(adding=True)

    def _edit_post(self, post_id: int | None = None, *, adding: bool = False) -> None:
        """Change the words of the person's own post (or take up the changes saved for it):
        ``post_id``, or the one being read when it is theirs, else their newest here;
        ``adding``: to add words at its end."""
        topic = self.reader.topic
        assert topic is not None
        if self.post_editor.begin(post_id, adding=adding):
            post = self.post_editor.post_changed
            self.engines.listener.use_dictation_context(
                reply_context(topic, post), own_words=self.post_editor.draft.own_words()
            )
            self._go(State.EDITING_POST)

    def _notifications(self, command: Command) -> None:
        """The newest notifications (or mentions only), then which held-back replies they
        free."""
        heard_before = self._last_said == NO_NEW_NOTIFICATIONS
        if command.slots == MENTIONS:
            found = self.reader.mentions()
        else:
            found = self.reader.notifications(heard_before=heard_before)
        for line in held_replies_free(found, self.engines.drafts):
            self.say(line)

    def _take_up_reply(self, draft: SavedDraft) -> State | None:
        """Go on with a reply chosen from the saved drafts, in its own topic; None when the
        topic can no longer be opened."""
        assert draft.topic_id is not None
        try:
            answered = self.reader.enter_topic(draft.topic_id, draft.answers)
        except (ForumNotFoundError, ForumForbiddenError) as error:
            # Its topic is deleted or hidden now: the words can start a new topic instead.
            self.peer_loop.composer.carry_reply(draft.key, GONE)
            self.say(
                f"{say_error(error)} Your reply to it stays saved. To post it as a new topic "
                "instead, say start a new topic."
            )
            return None
        except ForumError as error:
            self.say(say_error(error))
            return State.DRAFTS
        self._go(State.READING)
        self._reply(answered)
        return self.state

    def _take_up_change(self, draft: SavedDraft) -> State | None:
        """Go on with changes to a posted post chosen from the saved drafts, at the post;
        None when its topic can no longer be opened."""
        post_id = changed_post(draft.key)
        assert post_id is not None
        kept = (
            " Your changed version stays in your saved drafts; say delete this draft there "
            "when you no longer need it."
        )
        if draft.topic_id is None:
            self.say("I do not know which topic that post is in." + kept)
            return None
        try:
            self.reader.enter_topic(draft.topic_id, draft.answers)
        except (ForumNotFoundError, ForumForbiddenError) as error:
            self.say(say_error(error) + kept)
            return None
        except ForumError as error:
            self.say(say_error(error))
            return State.DRAFTS
        self._go(State.READING)
        self._edit_post(post_id)
        return self.state

    def _ask_about_like(self, take_back: bool, slots: Mapping[str, object] | None = None) -> None:
        """Ask before liking the post (or the one ``slots`` name: "like post three", moved
        to first and named), or before taking the person's like back."""
        if slots and not aim_reply(self.reader, slots, self.say, LIKING):
            return
        like = self.likes.plan(take_back)
        if like is not None:
            self._like = like
            self._go(State.LIKING)
            self.say(like.question)

    def _ask_first(
        self,
        state: State,
        plan: Callable[[], AskedT | None],
        make: Callable[[AskedT], None],
    ) -> None:
        """Ask before a change (the person's own post deleted, brought back or added to,
        topics marked read); ``plan`` says why there is none to make, when there is none."""
        planned = plan()
        if planned is not None:
            self._change = Change(planned, partial(make, planned), self.state)
            self._go(state)
            self.say(planned.question)

    def _delete_post(self) -> None:
        """Ask before deleting the person's post, or withdrawing one not on the forum yet;
        at the topic list, their new topic held for a moderator (no topic to open yet)."""
        deletions = self.post_deletions
        sent = self._just_sent if self.state in (State.BROWSING, State.READING) else None
        if sent is None and self.state is State.BROWSING and self._posted_last is not None:
            # "Unsend it" after going back to the list: the topic of what was posted last
            # this session, opened ("You have no new topic waiting for a moderator" was
            # said of a reply posted a minute before).
            sent = self._posted_last
            self.reader.replied_since_reading = False  # so the question names its topic
        if sent is not None and not self._open_just_sent(sent):
            return
        at_list = self.state is State.BROWSING
        plan = deletions.plan_at_list if at_list else deletions.plan
        # A deletion or a withdrawal: mypy infers no union for the type variable.
        self._ask_first(State.DELETING_POST, plan, self._make_deletion)  # type: ignore[misc]

    def _make_deletion(self, deletion: PlannedDeletion) -> None:
        """Delete (the person said yes); a topic or message deleted whole is left, as there
        is nothing more there to read or answer: the forum closes it, its first post a stub."""
        deleted = self.post_deletions.topics_deleted()
        self.post_deletions.make(deletion)
        if self.post_deletions.topics_deleted() > deleted and self.reader.topic is not None:
            if self.reader.topic.id == self._posted_last:
                self._posted_last = None  # nothing there to unsend now
            self._leave_deleted_topic()

    def _leave_deleted_topic(self) -> None:
        """Back to the list the deleted topic was opened from; with none, to the start."""
        opened_from_list = self.reader.list_opened_from() is not None
        if opened_from_list or self.peer_loop.bookmarks.opened_the_topic:
            self._back()
            return
        self.reader.close_topic()
        self._go(State.BROWSING)
        self.say(self.reader.where())

    def _open_just_sent(self, topic_id: int) -> bool:
        """Right after a new topic or message was sent, "unsend it" is about it, wherever
        the person went back to: opened at its first post, whose deletion deletes it whole.
        False after saying why it could not be opened."""
        try:
            self.reader.enter_topic(topic_id, 1)
        except ForumError as error:
            log.warning("could not open the topic just sent: %s", type(error).__name__)
            self.say(say_error(error))
            return False
        self._go(State.READING)
        return True

    def _recover(self) -> None:
        """Ask before bringing back the person's deleted post or topic; at the topic list,
        the topic they deleted last (the forum lists it no more), opened first."""
        if self.state is State.BROWSING:
            if not self.post_recoveries.open_last_deleted_topic():
                return
            self._go(State.READING)
        recoveries = self.post_recoveries
        self._ask_first(State.RECOVERING_POST, recoveries.plan, recoveries.make)

    def _mark_read(self, command: Command) -> None:
        """Ask before marking read: at a topic list all the unread and new topics, while
        reading the topic read; at the notifications (or said of them), the notifications.
        At the messages list no topic list is meant: how to mark one is said."""
        marking = self.marking_read
        at_list = self.state is State.BROWSING
        if command.slots == NOTIFICATIONS_MARKED or (at_list and self.reader.notices is not None):
            plan = marking.plan_notifications
        elif at_list and self.reader.list_opened_from() == MESSAGES_LIST:
            self.say(MESSAGE_TO_MARK)
            return
        else:
            plan = marking.plan_all if at_list else marking.plan
        self._ask_first(State.MARKING_READ, plan, marking.make)

    def _ask_to_vote(self, number: int | None) -> None:
        """Ask before voting for choice ``number``, or before taking the vote back (None).
        Choices too few for the poll to take at once are noted until more are said."""
        if number is None:
            self._noted_choices = None  # "remove my vote" forgets them too
        vote = self.reader.plan_vote(number, self._noted_choices)
        if vote is None:
            return
        if vote.complete:
            self._noted_choices = None  # all in the question now
            self._vote = vote
            self._go(State.VOTING)
        else:
            self._noted_choices = vote
        self.say(vote.question)

    def _quit(self) -> None:
        """Goodbye: at once, or — with words written and not yet on the forum (a reply, a
        new conversation, changes to the person's post) — after a yes. A misheard goodbye
        then costs a question, not the session; the words are saved either way."""
        pending = self._unsent()
        unkept = self.peer_loop.unkept_words(self.state) if pending is None else None
        if self.state is State.QUITTING or (pending is None and unkept is None):
            self._finish()
            return
        if pending is not None:
            writer, unsent = pending
            writer.save()
        said = unsent.ask if pending is not None else unkept
        self._quit_from = self.state
        self._go(State.QUITTING)
        self.say(f"{said} Shall I stop now? Say yes or no.")

    def _finish(self) -> None:
        self.finished = True
        # Sent in the background while the person was writing or answering: told now, or
        # never (the next start does not know of it). One last try first: the forum may be
        # back, or the background may be finding a reply on it right now.
        tried = last_try(self.engines.outbox, self.settings.goodbye_try_s)
        self._say_results(self.engines.news() + tried)
        pending, kept = self._unsent(), ""
        if pending is not None:
            writer, unsent = pending
            writer.save()
            kept = f" {unsent.kept}"
        # Words only a carer connecting an account lets go are not promised to the next start.
        held, rest = self.account_notice.waiting_at_goodbye(self.engines.outbox.pending())
        for waiting in (held, waiting_at_goodbye(rest)):
            if waiting:
                kept += f" {waiting}"
        self.say(f"Goodbye.{kept} Your place is kept for next time.")

    def _yes(self) -> None:
        if self.state is State.QUITTING:
            self._finish()
        elif self.state is State.LIKING:
            like, self._like = self._like, None
            self._go(State.READING)
            if like is not None:
                self.likes.make(like)
        elif self.state is State.VOTING:
            vote, self._vote = self._vote, None
            self._go(State.READING)
            if vote is not None:
                self.reader.vote(vote)
        elif self.state in CHANGES:
            change, self._change = self._change, None
            self._go(change.back_to if change is not None else State.READING)
            if change is not None:
                change.make()
        elif self.state in (State.CONFIRMING, State.CHANGING_POST):
            # Whatever the forum answers, the reply is in the outbox (or the changes to the
            # post are on the forum or saved) and the question has been answered. Only a
            # full disk keeps a reply out of the outbox: DiskFullError leaves the question
            # standing, with the words still here.
            writer = self._writer()
            sent = writer.post()
            if sent is not None and sent.state is OutboxState.POSTED:
                self.reader.own_reply_posted(sent.entry.topic_id, sent.entry.post_number)
                if writer is self.composer:
                    self._posted_last = sent.entry.topic_id
            self.reader.replied_since_reading = writer is self.composer
            # A title changed (or refused) leaves the post's own changes to go on with.
            going_on = writer is self.post_editor and self.post_editor.goes_on
            self._go(State.EDITING_POST if going_on else State.READING)
            if sent is not None and sent.state is OutboxState.REJECTED:
                self.reply_opening.closed_meanwhile()
        else:
            self._after_read(self.reader.read_current(despite_note=True))

    def _cancel(self) -> None:
        """Put the words being written aside; asked whether to stop, "never mind" stays (as
        no does): staying loses nothing, and the words are saved either way. Asked whether
        to read a post, it is a no too."""
        if self.state in (State.QUITTING, State.CONTENT_NOTE):
            self._no()
        else:
            self._follow(self._writer().cancel())

    def _no(self) -> None:
        if self.state is State.QUITTING:
            self._go(self._quit_from)
            self.say(f"All right, I am staying. {self._open_question()}")
            return
        if self.state in (State.CONFIRMING, State.CHANGING_POST):
            self._follow(self._writer().decline())
            return
        asked_now = self._asked()
        if self.state in asked_now:
            # A like or a vote, or taking one back, or a change to the person's own post,
            # each with its own answer.
            asked = asked_now[self.state]
            declined = asked.declined if asked is not None else "Nothing done."
            change, self._change = self._change, None
            self._like = self._vote = None
            self._go(change.back_to if change is not None else State.READING)
            self.say(declined)
            return
        self._go(State.READING)
        self.say("Skipped. Say next for the next post.")

    # --- looking after the user --------------------------------------------------------

    def _next_rest_time(self) -> float | None:
        interval = self.settings.rest_reminder_s
        return self._monotonic() + interval if interval > 0 else None

    def _maybe_suggest_rest(self) -> None:
        if self._rest_due is None or self._monotonic() < self._rest_due:
            return
        minutes = round(self.settings.rest_reminder_s / 60)
        self.say(
            f"You have been reading for {minutes} minutes. Perhaps time for a rest? "
            "Say pause, and I will keep your place."
        )
        self._rest_due = self._next_rest_time()
