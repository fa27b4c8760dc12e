"""Writing a reply by voice: dictation, editing, reading back, and the question before posting.

The draft is saved durably after every change, so a crash, a power cut or simply walking
away loses nothing; "reply" in the same topic brings it back.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import TypeGuard

from voicepeer.commands.editing import (
    BARE_ANSWERS,
    SOUNDS_FINISHED,
    DictationAction,
)
from voicepeer.commands.interpreter import Interpreter
from voicepeer.commands.text import normalize
from voicepeer.errors import ForumError
from voicepeer.forum.base import Forum, NewReply, Post, SiteLimits, Topic
from voicepeer.forum.checks import DraftProblem, LengthProblem, check_reply
from voicepeer.forum.outbox import SendResult
from voicepeer.recognition.base import Heard
from voicepeer.speech.text.sentences import as_sentence
from voicepeer.voice import phrasing
from voicepeer.voice.aimed_elsewhere import aimed_elsewhere
from voicepeer.voice.correction import Corrector, Pending, read_back
from voicepeer.voice.cues import number_word
from voicepeer.voice.dictation import Draft, mark_at_end, said_as_in_posts
from voicepeer.voice.error_phrases import problem_line
from voicepeer.voice.outbox_phrases import (
    refused_draft_line,
    send_result_line,
    unsure_earlier_reply,
)
from voicepeer.voice.ports import DraftKeeper, ReplyOutbox, Say
from voicepeer.voice.reply_context import thread_people
from voicepeer.voice.split_commands import Join, finishes, joined_command, joins_a_correction
from voicepeer.voice.spoken_marks import gone_with_it
from voicepeer.voice.undo_history import Removal, UndoHistory
from voicepeer.voice.writing_asides import (
    Answer,
    Discarding,
    asks_not_to_send,
    asks_to_fix,
    fix_help,
    lost_the_thread,
)
from voicepeer.voice.written_forms import WRITTEN_FORMS, forms_with_names
from voicepeer.voice.written_in import pause_not_made, written_in_notice


def _first_name(name: str) -> str:
    return name.split()[0].casefold() if name.split() else ""


_POSSESSIVE_END = re.compile(r"'s?$")


def _words_said(text: str) -> list[str]:
    """The words of ``text`` in order, lower case, as names are said in them: "Priya's"
    and "James'" as "priya" and "james"."""
    words = re.findall(r"[\w']+", text.casefold())
    return [_POSSESSIVE_END.sub("", word) for word in words]


VOICEPEER = "voicepeer"
ENDED_BY_NAME = frozenset({"goodbye", "bye", "pause", "go to sleep", "sleep"})
"""Said alone while writing, words of the text (voicepeer says how to say them by name)."""


def dictation_help(writing: str = "reply", *, titled: bool = False) -> tuple[str, str]:
    """Help while writing a reply (or ``writing``: "first post", "message"), the most used
    first and the rest when asked again (a long list is soon forgotten); ``titled``: what is
    written has a title to change."""
    title = ", change the title" if titled else ""
    first = (
        f"Say your {writing}, then say send it when it is done. Scratch that removes the last "
        "part, and undo brings it back. Read it back reads it to you. Cancel puts it aside, "
        "kept. To stop for today, say goodbye voicepeer. Say help again for more."
    )
    more = (
        "You can say comma, full stop, question mark, new line or new paragraph. Delete last "
        "word, delete the last sentence, or delete and the words, like delete afternoon, "
        f"removes words, start over clears them{title}. To "
        "fix a word, say correct and the word, then choose a number or say spell it; or say "
        "replace and the words, then the new words. Where am I says where you are."
    )
    return first, more


RETITLE_OWN_TOPIC = (
    "To change the title of a topic you started, say correct my post at its first post, then "
    "change the title."
)


@dataclass(frozen=True)
class Unsent:
    """Words written and not yet on the forum, as named when the person says goodbye: the
    session ends only after a yes, and the words stay saved either way."""

    ask: str
    """Said before "Shall I stop now?": what is not sent, and how to come back to it."""
    again: str
    """Said after "Shall I stop now?" when it is asked again."""
    kept: str
    """Said with "Goodbye."."""


class Next(Enum):
    """Where the conversation goes after a dictation step (the assistant makes the move)."""

    DICTATING = "dictating"
    CONFIRMING = "confirming"
    READING = "reading"
    TITLING = "titling"
    """A new title is asked for (a new topic or message only)."""


@dataclass
class ComposerEngines:
    forum: Forum
    drafts: DraftKeeper
    outbox: ReplyOutbox
    interpreter: Interpreter
    """Decides which dictated utterances are editing or correction commands."""
    posting_as: Callable[[], str | None] = field(default=lambda: None)
    """The name of the account posts go out under when a carer connected another member's
    than the session began with (None when the same): the question before posting says it."""


class Composer:
    """The reply being written to one topic (and, within it, to one post)."""

    what = "reply"
    """What is being written, as read back ("Your reply says: …")."""
    help, more_help = dictation_help()
    """What help says while writing; ``more_help`` what it says when asked again ("" to
    say ``help`` again)."""
    nothing_to_remove = "There is nothing to remove."
    """What "scratch that" says with no words written yet."""

    def __init__(self, engines: ComposerEngines, say: Say) -> None:
        self._engines = engines
        self._say = say
        self.draft = Draft()
        self.forms: Mapping[str, str] = WRITTEN_FORMS
        """How dictated words are written: with the names of the people it is written to."""
        self.corrector = Corrector(say, engines.interpreter, self.what)
        self._discarding = Discarding(engines.interpreter)
        self._helped = False
        """Help was the last thing said: asked again, it says the rest."""
        self._history = UndoHistory()
        """What editing changed, latest last, for "undo" said again and again."""
        self._more_invited: Draft | None = None
        """The draft voicepeer last asked more words for (see invite_more): a draft begun
        since was not asked for any."""
        self._last_command: tuple[str, DictationAction] | None = None
        """The editing command said last, and how it was said: its rest said after a
        pause is no more words ("scratch", then "that")."""
        self._sent_by: str | None = None
        """How "send it" was said, when it may as well have been words (SENDS_AS_WORDS)."""
        self._dictated_text = ""
        """What was dictated last, as said (see _dictated_last)."""
        self._dictated_last: list[str] | None = None
        """The words dictated by the last utterance while they are still the draft's last:
        what "undo" with nothing to bring back takes out."""
        self._noted: list[str] | None = None
        """The words of the last notice that words were written in (see written_in), while
        they are still the draft's last."""
        self._topic: Topic | None = None
        self._reply_to: Post | None = None
        self._category: str | None = None
        self._private_to: str | None = None
        self._answered_kept = False
        """Whether the post this reply answers is saved beside its draft (once is enough)."""

    @staticmethod
    def draft_key(topic: Topic) -> str:
        """Names the saved reply to ``topic`` among the drafts (see :func:`replied_topic`)."""
        return reply_draft_key(topic.id)

    def saved_words(self, topic: Topic) -> str | None:
        """The words of a reply to ``topic`` saved earlier, without taking it up."""
        return self._engines.drafts.load(self.draft_key(topic))

    def saved_answers(self, topic: Topic) -> int | None:
        """The number of the post the reply to ``topic`` saved earlier answers; None for
        the topic itself."""
        return answered_post(self._engines.drafts, self.draft_key(topic))

    def refused(self, topic: Topic) -> bool:
        """Whether the forum refused the reply to ``topic`` saved here, and it is unchanged."""
        return self._engines.drafts.refusal(self.draft_key(topic)) is not None

    def start(
        self,
        topic: Topic,
        reply_to: Post | None,
        category: str | None,
        private_to: str | None = None,
        saved_note: str = "",
        *,
        instead: bool = False,
    ) -> None:
        """Begin (or take up again) a reply to ``topic``, answering ``reply_to``; ``category``
        names where the topic is, for telling the user where the reply will appear;
        ``private_to`` names who is in a private conversation; ``saved_note`` is said of a
        saved reply taken up, before its words; ``instead``: of the one named just before."""
        self._topic, self._reply_to, self._category = topic, reply_to, category
        self._private_to = private_to
        self._answered_kept = False
        self.forms = forms_with_names(thread_people(topic, reply_to))
        if unsure := unsure_earlier_reply(self._engines.outbox.pending(), topic.id):
            self._say(unsure)  # before the words are said again, to be posted twice
        saved = self._engines.drafts.resume(self.draft_key(topic))
        self.draft = Draft.from_text(saved) if saved else Draft()
        self.corrector.reset()
        self._discarding.asked = False
        refusal = self._engines.drafts.refusal(self.draft_key(topic)) if saved else None
        if refusal:
            self._say(refused_draft_line(topic.title, refusal, self.draft.read_out))
        elif saved:
            began = answered_post(self._engines.drafts, self.draft_key(topic))
            answers = _answers_line(reply_to, began)
            # Taken up on another post, it stays known as begun for its own until sent.
            self._answered_kept = began != _number_answered(reply_to)
            self.invite_more(
                f"You have a saved reply to {as_sentence(topic.title)}{saved_note}{answers} "
                f"{self._who_sees()}It says: {as_sentence(self.draft.read_out)} "
                "Keep talking to add to it, or say send it."
            )
        else:
            whom = phrasing.author_name(reply_to) if reply_to else "the topic"
            privately = " privately" if self._is_private() else ""
            whom += " instead," if instead else ""
            self._say(
                f"Replying{privately} to {whom} in {as_sentence(topic.title)} "
                f"{self._who_sees()}Say your reply, then say send it. Take your time."
            )

    def private_already(self) -> bool:
        """ "Privately" said for a reply that is: said to be so, with who sees it (True);
        False for a public reply."""
        if not self._is_private():
            return False
        self._say(f"This reply is private already. {self._who_sees()}Say your reply.")
        return True

    @property
    def answered(self) -> Post | None:
        """The post the reply answers; None for a reply to the topic as a whole."""
        return self._reply_to

    def _who_sees(self) -> str:
        """Before a word is said, who will see a private reply: only the people in it."""
        if not self._is_private():
            return ""
        whom = self._private_to or "the people in this conversation"
        return f"Only you and {whom} will see it. "

    def _keep_answered(self, key: str) -> None:
        """Save which post the reply answers beside its draft, so that taken up later from
        the saved drafts it answers the same post, not the one the person last heard."""
        if self._answered_kept:
            return
        if _answers(self._reply_to):
            self._engines.drafts.save(key + ANSWERS, str(self._reply_to.post_number))
        else:
            self._engines.drafts.discard(key + ANSWERS)
        self._answered_kept = True

    def read_back(self) -> str:
        """What "read it back" says of the words written so far."""
        return read_back(self.draft, self.what)

    def invite_more(self, said: str) -> None:
        """Say ``said``, which asks the person to go on ("Keep talking to add to it"): their
        next words may well begin with "add", which asks for them rather than being them."""
        self._say(said)
        self._more_invited = self.draft

    def hear(self, heard: Heard, *, ask: bool = False) -> Next:
        """One dictated utterance: an editing command when it is one as a whole, else text
        (``ask``: a change it makes is asked about first, as a longer one is)."""
        if self._aside(heard):
            return Next.DICTATING
        invited, self._more_invited = self._more_invited is self.draft, None
        helped_last, self._helped = self._helped, False
        action = self._engines.interpreter.editing(heard)
        last_command, self._last_command = self._last_command, None
        if action is None and last_command and finishes(*last_command, heard.text):
            return Next.DICTATING  # "scratch", then "that": the rest of what was just done
        if action is None and (joined := self._joined(heard)) is not None:
            return self.hear(joined[0], ask=joined[1])
        if action is not None:
            self._last_command = (heard.text, action)
        before = copy.deepcopy(self.draft) if action is None else self.draft
        if action is None and self.corrector.hear(heard, self.draft, self.forms, ask=ask):
            # A word put in by a correction comes out again with "undo", as a removal does.
            said_back, named = self.corrector.brought_back or (CHANGED_BACK, BEFORE_THE_CHANGE)
            self._keep(before, said_back, named, correction=True)
            self.save()
            return Next.DICTATING
        if action in _TAKE_BACK_LETTERS and self.corrector.take_back_letters():
            return Next.DICTATING  # the letters said last, not the correction nor the words
        if action in _LEAVE_A_CORRECTION and self.corrector.leave():
            return Next.DICTATING  # the correction is what they take back, not the words
        if action is DictationAction.SEND and self.corrector.pending is Pending.SPELLING:
            # "I'm finished" while spelling ends the letters: they were dropped, and the
            # reply asked to be posted with the word still wrong.
            spelled = copy.deepcopy(self.draft)
            self.corrector.finish_spelling(self.draft)
            self._keep(spelled, CHANGED_BACK, BEFORE_THE_CHANGE, correction=True)
            self.save()
            if normalize(heard.text) in _ENDS_LETTERS_ONLY:
                return Next.DICTATING
            return self.ask_to_post()  # "send it": the letters ended, then asked as ever
        if action is DictationAction.SEND:
            self.corrector.leave()  # a choice waiting is dropped, and said to be
        if action in _WHILE_CORRECTING and self.corrector.pending is not Pending.NOTHING:
            # "Help" is about the question waiting, which says how to answer it: the whole
            # writing help (seventy words) came first.
            if action is DictationAction.READ_BACK:
                self._say(self.read_back())
            self.corrector.ask_again()  # the letters so far are kept
            return Next.DICTATING
        self.corrector.reset()
        if action is DictationAction.SEND:
            way = normalize(heard.text)
            unfinished = way == "send it" and self.draft.ends_unfinished
            self._sent_by = way if way in SENDS_AS_WORDS or unfinished else None
            step = self.ask_to_post()
            if step is Next.DICTATING and self._sent_by is not None:
                # Too short to send: "I'm done" was gone, and nothing said so.
                self._sent_by = None
                self._say(
                    f'If "{self._written(way)}" was part of it, say it again with the words '
                    "after it."
                )
            return step
        if action is DictationAction.CANCEL:
            return self.cancel()
        if action is DictationAction.READ_BACK:
            self._say(self.read_back())
        elif action is DictationAction.SCRATCH:
            if not self._took_back_a_correction():
                self._scratch()
        elif action is DictationAction.DELETE_SENTENCE:
            self._scratch(sentence=True)
        elif action is DictationAction.UNDO:
            self._undo()
        elif action is DictationAction.DELETE_WORD:
            self._delete_words(self._engines.interpreter.words_to_delete(heard))
        elif action is DictationAction.START_OVER:
            self.start_over()
        elif action is DictationAction.HELP:
            self._say(self.more_help if helped_last and self.more_help else self.help)
            self._helped = True
        elif action is DictationAction.RETITLE:
            return self.retitle()
        elif invited and normalize(heard.text) in BARE_ANSWERS:
            # "Yes" to "Please add a few words" was written in, and then posted with it.
            self._say(
                f"Say the words to add to your {self.what}. To leave it for now, say cancel: "
                "it is kept."
            )
            self._more_invited = self.draft  # still waiting for them
        else:
            said = without_add(heard, self._say) if invited else self.dictated(heard)
            if said is None:
                return Next.DICTATING  # nothing to write: said what to say
            if self._said_last() is not None and self.draft.join_mark(said.text):
                self.save()  # "question", then "mark": the word before made a mark
                return Next.DICTATING
            # "I can't", then "wait": words going on with the sentence get no notice, which
            # would be spoken over the rest of it.
            goes_on = self.draft.ends_unfinished
            self.draft.add(said.text, said.words, self.forms)
            self._dictated_last, self._dictated_text = self.draft.last_phrase, said.text
            if normalize(heard.text) in SOUNDS_FINISHED:
                self._say(
                    f'I added "{said.text}" to your {self.what}. If it is finished, say send '
                    "it. To take the words out, say scratch that."
                )
            elif not goes_on and (warning := self._command_warning(said.text, heard)):
                self._say(warning)
                self._noted = self.draft.last_phrase
        self.save()
        return Next.DICTATING

    def _aside(self, heard: Heard) -> bool:
        """Said about the words rather than for them (see writing_asides): the answer to
        "Delete your reply?", "delete this draft" or "fix it"; True when answered."""
        discarding = self._discarding
        if discarding.asked:
            answer = discarding.answer(heard)
            if answer is Answer.AGAIN:
                self._say(self.discard_again)
            elif answer is Answer.YES:
                self._discard()
            elif answer is Answer.NO:
                self._say(f"All right, {self.discarding} kept. {self.go_on}")
            return answer is not Answer.TALK
        interpreter = self._engines.interpreter
        if asks_not_to_send(heard):
            # "Unsend it" was near enough "send it" to ask whether to post.
            self._say(
                f"All right, nothing is sent. {self.go_on} To leave it for now, say cancel: "
                "it is kept."
            )
            return True
        if self.corrector.pending is not Pending.NOTHING or interpreter.editing(heard):
            return False
        noted = self._said_last() if self._noted is self.draft.last_phrase else None
        pause = pause_not_made(noted, heard, interpreter, self.what) if noted else None
        if pause is not None:
            self._noted = None
            self._say(f"{pause} {self.go_on}")
            return True
        if discarding.meant(heard):
            nothing = self.nothing_to_discard()
            if nothing:
                self._say(nothing)
            else:
                discarding.asked = True
                self._say(self.discard_question())
            return True
        if asks_to_fix(heard):
            self._say(fix_help(self.what))
            return True
        if interpreter.asks_for_time(heard) and not self.draft.ends_unfinished:
            # "Hang on", "wait": they were written in, with advice to cancel the reply. Said
            # to be left out: "wait" may have been a word of the sentence.
            self._say(f'Take your time: I left "{heard.text.strip()}" out. {self.go_on}')
            return True
        if lost_the_thread(heard):
            self._say(f"{_so_far(self.draft, self.what)} {self.go_on}")
            return True
        return False

    def nothing_to_discard(self) -> str:
        """What "delete this draft" says when there is nothing to delete ("" when there is)."""
        if not self.draft.is_empty:
            return ""
        return f"Your {self.what} has no words yet. To leave it, say cancel."

    def discard_question(self) -> str:
        return (
            f"Delete your {self.what}? It begins: {_beginning(self.draft.read_out)} Say yes to "
            "delete it, or no to keep it."
        )

    @property
    def discard_again(self) -> str:
        return f"Shall I delete your {self.what}? Please say yes or no."

    @property
    def discarding(self) -> str:
        """What "delete this draft" would delete, with its verb ("your reply is")."""
        return f"your {self.what} is"

    def _discard(self) -> None:
        """The person said yes: the words go (a saved copy too), and "undo" brings them back
        while they stay."""
        before = copy.deepcopy(self.draft)
        self.draft.clear()
        self.save()
        back = (
            f" Say undo to bring {self.them} back."
            if self._keep(before, self.brought_back, "it")
            else ""
        )
        self._say(f"{self.discarded}{back} To leave, say cancel.")

    them = "it"
    """What "delete this draft" deletes, as a pronoun."""

    @property
    def discarded(self) -> str:
        """Said once the words are deleted."""
        return f"Your {self.what} is deleted."

    def _said_last(self) -> str | None:
        """What was dictated last, while its words are still the draft's last ones."""
        if self._dictated_last is None or self._dictated_last is not self.draft.last_phrase:
            return None
        return self._dictated_text

    def named_after_pause(self, heard: Heard) -> Heard | None:
        """ "Goodbye" (or "pause", "go to sleep"), written in with how to say it by name,
        then "voicepeer" alone: the two as one command, the word taken out again ("Goodbye
        voicepeer" was written into the reply, and the session went on); None otherwise."""
        first = self._said_last()
        if first is None or normalize(heard.text) != VOICEPEER:
            return None
        if normalize(first) not in ENDED_BY_NAME:
            return None
        self.draft.scratch_last_phrase()
        self._dictated_last = None
        self.save()
        return Heard(f"{first} {VOICEPEER}", heard.confidence)

    def _joined(self, heard: Heard) -> tuple[Heard, bool] | None:
        """An editing command or a correction said in two parts ("delete", then "last
        word"), the first written in as words: those words taken out again, the whole
        command, and whether a change it makes is asked about first (see
        :func:`joins_a_correction`); None when ``heard`` does not finish one."""
        first = self._said_last()
        if first is None or self.corrector.pending is not Pending.NOTHING:
            return None
        command, ask = joined_command(first, heard.text), False
        joins = joins_a_correction(first, heard.text)
        if command is None and joins is not None:
            before = copy.deepcopy(self.draft)
            before.scratch_last_phrase()
            joined = f"{first} {heard.text}"
            if self.corrector.would_take(Heard(joined), before):
                command, ask = joined, joins is Join.ASKED
        if command is None:
            return None
        self.draft.scratch_last_phrase()
        self._dictated_last = None
        return Heard(command, heard.confidence), ask

    def _command_warning(self, said: str, heard: Heard) -> str | None:
        """What to say of the words just written in when they may have been meant as
        something else (see voicepeer.voice.written_in); None for anything else."""
        topic = self._topic
        if self.what == "reply" and topic is not None and not self._is_private():
            aimed = aimed_elsewhere(said, self._reply_to, topic.loaded_posts)
            if aimed is not None:
                return aimed
        return written_in_notice(
            said, heard, self._engines.interpreter, self.what, private=self._is_private()
        )

    def dictated(self, heard: Heard) -> Heard | None:
        """The words of ``heard`` that go into the draft (all of them in a reply); None
        when there are none, what to say said."""
        return heard

    @property
    def go_on(self) -> str:
        """How to go on writing, said after "where am I" or "All right, I am staying"."""
        return "Go on with your reply, or say send it."

    def retitle(self) -> Next:
        """ "Change the title": a reply has none (a topic's own, at its first post)."""
        self._say(f"A reply has no title to change. {RETITLE_OWN_TOPIC} {self.go_on}")
        return Next.DICTATING

    started_over = "Your reply is empty again. Start when you are ready."
    """Said after "start over" (the person's words are cleared)."""
    brought_back = "Your reply is back as it was."
    """Said after "undo" brings back what "start over" cleared."""

    def start_over(self) -> None:
        """Clear the words, keeping them for "undo": a stumbling "start again" must not
        lose minutes of dictation."""
        before = copy.deepcopy(self.draft)
        self.draft.clear()
        if self._keep(before, self.brought_back, "what start over cleared"):
            self._say(f"{self.started_over} If you did not mean that, say undo.")
        else:
            self._say(self.started_over)

    def _scratch(self, *, sentence: bool = False, by_undo: bool = False) -> None:
        """ "Scratch that": the last part removed; "delete the last sentence": only its last
        sentence (kept for "undo"). ``by_undo``: "undo" said just after the words; an earlier
        change that can come back now is named, as "undo" said again brings that back."""
        before = copy.deepcopy(self.draft)
        part = "sentence" if sentence else "part"
        removed = (
            self.draft.scratch_last_sentence() if sentence else self.draft.scratch_last_phrase()
        )
        if not removed:
            self._say(self.nothing_to_remove)
            return
        self._keep(before, f"Brought back the last {part}.", f"the last {part}", by_undo=by_undo)
        earlier = self._history.next_back(self.draft) if by_undo else None
        if earlier is not None and earlier is not self._history.latest:
            self._say(
                f"Removed the last part. {_now_ends(self.draft, self.what)} Say undo again to "
                f"bring back {earlier.named}."
            )
            return
        self._say(scratched_line(self.draft, self.what, part))

    def _delete_words(self, count: int) -> None:
        """The last ``count`` words removed, all brought back by one "undo"."""
        before = copy.deepcopy(self.draft)
        deleted: list[str] = []
        while len(deleted) < count and (word := self.draft.delete_last_word()) is not None:
            deleted.insert(0, word)
        if not deleted:
            self._say("There is nothing to delete.")
            return
        words = " ".join(deleted)
        named = f"the word{'s' if len(deleted) > 1 else ''} {words}"
        self._keep(before, f"Brought back {words}.", named)
        was = "was only 1" if len(deleted) == 1 else f"were only {len(deleted)}"
        fewer = f"There {was}. " if len(deleted) < count else ""
        # The mark goes with the word, so that words said next end the sentence again;
        # "Deleted shop" alone left the person thinking the full stop was still there.
        also = gone_with_it(mark_at_end(before.text))
        self._say(f"{fewer}Deleted {words}{also}.")

    def _undo(self) -> None:
        """ "Undo": what the last "scratch that", "delete last word" or "start over" removed,
        or the last correction changed, brought back when nothing changed since (said again,
        the change before that, and so on); else, said just after some words, those words
        removed (as "scratch that"). After coming back to saved words, it removes nothing."""
        if self._bring_back():
            return
        if self._said_last() is not None:
            self._scratch(by_undo=True)
        else:
            self._history.clear()  # the words they would come back into changed since
            self._say(f"There is nothing to undo. {self.go_on}")

    def _keep(
        self,
        before: Draft,
        said_back: str,
        named: str,
        *,
        by_undo: bool = False,
        correction: bool = False,
    ) -> bool:
        """Keep ``before`` for "undo" (``said_back`` says it came back, ``named`` names what
        comes back) when the draft is no longer the same; False when nothing was removed."""
        return self._history.keep(
            Removal(before, self.draft, self.draft.text, said_back, named, by_undo, correction)
        )

    def _took_back_a_correction(self) -> bool:
        """ "Scratch that" just after a correction: the correction taken back, as "undo"
        does (it removed the words said before it, the corrected word among them)."""
        latest = self._history.latest
        return latest is not None and latest.correction and self._bring_back()

    def _bring_back(self) -> bool:
        """Bring back what was removed (or changed) last, if nothing changed since (see
        UndoHistory); False otherwise."""
        removal = self._history.bring_back(self.draft)
        if removal is None:
            return False
        self.draft = removal.words
        self._say(f"{removal.said_back} It ends: {_ending(self.draft)}")
        return True

    def save(self) -> None:
        if self._topic is None:
            return
        key = self.draft_key(self._topic)
        if self.draft.is_empty:
            self._engines.drafts.discard(key)
        else:
            self._engines.drafts.save(key, self.draft.text)
            self._keep_answered(key)

    def ask_to_post(self) -> Next:
        """Read the reply back, say where it will appear and who can see it, and ask."""
        assert self._topic is not None
        text = self.draft.text_to_send()
        limits = self._limits()
        problem = check_reply(text, limits, private=self._is_private())
        if problem is not None:
            then = " Then say send it." + self._like_instead(problem)
            self.invite_more(problem_line(problem) + then)
            return Next.DICTATING
        verb = "send" if self._is_private() else "post"
        said = said_as_in_posts(text)  # its emoji by name, as "read it back" says them
        audience = self._audience() + self._names_someone_else(text)
        self._say(f"Your reply says: {said} {audience} Shall I {verb} it? Say yes or no.")
        return Next.CONFIRMING

    def _like_instead(self, problem: DraftProblem) -> str:
        """For a thank-you too short to post, the like that says it without words."""
        answered = self._reply_to
        if problem.problem is not LengthProblem.TOO_SHORT or answered is None:
            return ""
        if phrasing.same_member(answered.username, self._engines.forum.account_name or ""):
            return ""  # the person's own post: no like
        return " Or, to like the post instead, say cancel, then like."

    def question_again(self) -> str:
        """The question asked again after a mishearing: a private reply is sent, not posted."""
        if self._is_private():
            return "Shall I send your private reply? Please say yes or no."
        return "Shall I post your reply? Please say yes or no."

    def _limits(self) -> SiteLimits:
        try:
            return self._engines.forum.site_limits()
        except ForumError:
            # Offline, Discourse's defaults stand in: the reply can still be confirmed and
            # kept in the outbox until the forum is back.
            return SiteLimits()

    def _is_private(self) -> bool:
        return self._topic is not None and self._topic.archetype == "private_message"

    def _audience(self) -> str:
        forum = self._forum_named()
        if self._is_private():
            whom = self._private_to or (
                phrasing.author_name(self._reply_to) if self._reply_to else "the group"
            )
            return f"It will be sent privately, to {whom}, on {forum}."
        where = self._category or (self._topic.title if self._topic else "the topic")
        # Whom it answers is part of what the person agrees to: "yes" names the post.
        answers = (
            f" as an answer to {phrasing.author_name(self._reply_to)},"
            if _answers(self._reply_to)
            else ""
        )
        return f"It will appear publicly,{answers} in {where}, on {forum}."

    def _names_someone_else(self, text: str) -> str:
        """ " It names Dave Whitfield, but answers Sam Okafor." when the reply speaks to
        other writers of the topic by first name ("thank you Dave", "Dave's words"), not to
        the one it answers: "thank you Dave" was posted as an answer to Sam, the post being
        read when "reply" was said. Naming the one it answers as well ("thanks Sam and
        Dave") is talk to both: nothing to say."""
        answered, topic = self._reply_to, self._topic
        if topic is None or answered is None or not _answers(answered):
            return ""
        said = _words_said(text)
        if _first_name(answered.name or answered.username) in said:
            return ""
        me = self._engines.forum.account_name or ""
        writers = {
            p.username: (p.name or p.username)
            for p in topic.loaded_posts
            if not phrasing.same_member(p.username, me)
            and not phrasing.same_member(p.username, answered.username)
        }
        named = sorted(
            (name for name in writers.values() if _first_name(name) in said),
            key=lambda name: said.index(_first_name(name)),
        )
        if not named:
            return ""
        firsts = [name.split()[0] for name in named]
        how = (
            f"to answer {firsts[0]} instead, say no, then cancel, then reply to {firsts[0]}"
            if len(named) == 1
            else "to answer one of them instead, say no, then cancel, then reply and their "
            f"name, like reply to {firsts[0]}"
        )
        return (
            f" It names {phrasing.and_list(named)}, but answers "
            f"{phrasing.author_name(answered)}: {how}."
        )

    def _forum_named(self) -> str:
        """The forum as the question before posting names it: with the account it goes out
        from, when that is not the one the session began with."""
        forum = phrasing.forum_name(self._engines.forum.title)
        name = self._engines.posting_as()
        return f"{forum}, from {name}'s account" if name else forum

    def post(self) -> SendResult | None:
        """The user said yes: hand the reply to the outbox and say what became of it (the
        outbox's answer; None for what is not a reply)."""
        assert self._topic is not None
        reply_to = self._reply_to
        number = reply_to.post_number if _answers(reply_to) else None
        reply = NewReply(self._topic.id, self.draft.text_to_send(), number)
        # The outbox takes the draft away in the same transaction that records the reply.
        result = self._engines.outbox.submit(
            reply,
            self._topic.title,
            draft_key=self.draft_key(self._topic),
            private=self._is_private(),
        )
        self.draft = Draft()
        self._say(send_result_line(result))
        return result

    def went_on(self, heard: Heard) -> bool:
        """Words said at "Shall I post it?" right after a way of sending that may have been
        words of the sentence ("after five years", "I'm done", "with Tecfidera"; "I need
        to", "send it", "to my nurse"): the sentence went on, so both are written in, and
        the person told; False for anything else. They were dropped, or "I did not add
        that", and a yes posted the sentence cut short."""
        sent_by = self._sent_by
        words = normalize(heard.text).split()
        if sent_by is None or heard.over_talk or not words or words[0] in _ANSWER_STARTS:
            return False
        if self._engines.interpreter.word_for_word(heard) is not None:
            return False
        self._sent_by = None
        self.draft.add(f"{sent_by} {heard.text}", (), self.forms)
        self.save()
        done = self._gone_out
        self._say(
            f'I wrote "{self._written(sent_by)}" and what you said after it into your '
            f"{self.what}, as your sentence went on. Nothing is {done}. {self.go_on}"
        )
        return True

    @property
    def _gone_out(self) -> str:
        """How what is written goes out: "sent" privately, "posted" for all to see."""
        return "sent" if self._is_private() else "posted"

    def _written(self, words: str) -> str:
        """``words`` as they would be written in ("i'm done" as "I'm done")."""
        draft = Draft()
        draft.add(words, (), self.forms)
        return draft.text

    def decline(self) -> Next:
        done = self._gone_out
        sent_by, self._sent_by = self._sent_by, None
        # "After three years", "I'm finished", "no", "with Tecfidera": the words were gone.
        words = (
            f' If "{self._written(sent_by)}" was part of your reply, say it again with the words '
            "after it."
            if sent_by
            else ""
        )
        self.invite_more(
            f"All right, I have not {done} it. Your reply is kept.{words} Keep talking to add "
            "to it, or say send it when you are ready."
        )
        return Next.DICTATING

    def cancel(self) -> Next:
        # Cancelling keeps the draft: the user may come back to it with "reply".
        self.save()
        self._say(
            "Reply cancelled."
            if self.draft.is_empty
            else "Reply put aside. It is saved: to come back to it, say reply here, or my drafts "
            "later."
        )
        return Next.READING

    def unsent(self) -> Unsent | None:
        """The reply, if it has words (they are not on the forum until the person's yes)."""
        if self.draft.is_empty:
            return None
        done = self._gone_out
        return Unsent(
            ask=f"Your reply is not {done} yet. It stays saved either way: say reply in this "
            "topic next time to go on with it.",
            again="Your reply stays saved.",
            kept="Your reply is saved.",
        )

    def words_so_far(self) -> int:
        return len(self.draft.text.split())


_REPLY_TO = "topic-"


def reply_draft_key(topic_id: int) -> str:
    """Names the saved reply to the topic ``topic_id`` among the drafts."""
    return f"{_REPLY_TO}{topic_id}"


ANSWERS = " answers"
"""Saved beside a reply's draft (its key and this): the number of the post it answers;
absent when it answers the topic itself. Left behind once the reply is sent, so that a
reply the forum refuses comes back answering the same post."""


def without_add(heard: Heard, say: Say) -> Heard | None:
    """ "Add thanks again" ("add that I …"), said where voicepeer asked for more words: the
    words, without what asked for them; "add" alone (a pause after it) asks for them."""
    words = heard.text.split()
    if not words or normalize(words[0]) != "add":
        return heard
    words = words[2:] if len(words) > 2 and normalize(words[1]) == "that" else words[1:]
    if not words:
        say("Say the words to add.")
        return None
    # Its word stays among the recognizer's words: the draft pairs them by text.
    return replace(heard, text=" ".join(words))


def _answers(reply_to: Post | None) -> TypeGuard[Post]:
    """Whether a reply to ``reply_to`` answers that post: replying to the opening post is
    replying to the topic itself."""
    return reply_to is not None and reply_to.post_number > 1


def _answers_line(reply_to: Post | None, began: int | None) -> str:
    """Whom a saved reply taken up answers — and, when it was begun as an answer to another
    post, that it was (the words may be meant for that post's author)."""
    answers = f" It answers {phrasing.author_name(reply_to)}." if _answers(reply_to) else ""
    if began == _number_answered(reply_to):
        return answers
    whom = f"{phrasing.author_name(reply_to)} now" if _answers(reply_to) else "the topic now"
    if began is None:
        return (
            f" You began it as a reply to the topic itself; it answers {whom}. To keep it "
            "for the topic, say cancel, then reply to post one."
        )
    return (
        f" You began it as an answer to post {began}; it answers {whom}. To answer post "
        f"{began}, say cancel, then reply to post {number_word(began)}."
    )


def _number_answered(reply_to: Post | None) -> int | None:
    """The number of the post a reply to ``reply_to`` answers; None for the topic."""
    return reply_to.post_number if _answers(reply_to) else None


def answered_post(drafts: DraftKeeper, draft_key: str) -> int | None:
    """The number of the post the reply saved as ``draft_key`` answers; None for the topic."""
    number = drafts.load(draft_key + ANSWERS) or ""
    return int(number) if number.isdigit() else None


_CHANGE_TO = "post-"
CHANGE_BASE = " base"
"""Saved beside a change to a posted post (its key and this): the post's words it began
from."""
CHANGE_PLACE = " place"
"""Saved beside a change to a posted post: its topic's id and its number there."""


def change_key(post_id: int) -> str:
    """Names the saved change to the person's posted post ``post_id`` among the drafts."""
    return f"{_CHANGE_TO}{post_id}"


def changed_post(draft_key: str) -> int | None:
    """The id of the post a saved change's key names (see :func:`change_key`); None for
    any other draft."""
    post = draft_key.removeprefix(_CHANGE_TO)
    return int(post) if post != draft_key and post.isdigit() else None


def replied_topic(draft_key: str) -> int | None:
    """The id of the topic a reply's draft key names (see :meth:`Composer.draft_key`); None
    for any other draft."""
    topic = draft_key.removeprefix(_REPLY_TO)
    return int(topic) if topic != draft_key and topic.isdigit() else None


_LEAVE_A_CORRECTION = frozenset(
    {
        DictationAction.UNDO,
        DictationAction.SCRATCH,
        DictationAction.DELETE_SENTENCE,
        DictationAction.CANCEL,
    }
)
"""Said while a correction waits for its answer: that correction is dropped, the words left
as they were."""
_TAKE_BACK_LETTERS = frozenset(
    {DictationAction.UNDO, DictationAction.SCRATCH, DictationAction.DELETE_WORD}
)
"""Said while spelling, after some letters: those letters taken out again. Before, "scratch
that" dropped the whole correction, and the letters said next went into the reply."""
_WHILE_CORRECTING = frozenset({DictationAction.READ_BACK, DictationAction.HELP})
"""Said while a correction waits for its answer: answered, and the correction asked again."""


CHANGED_BACK = "The words are back as they were before that change."
BEFORE_THE_CHANGE = "the words as they were before the change"
_ENDS_LETTERS_ONLY = frozenset({"i'm finished", "i am finished"})
SENDS_AS_WORDS = frozenset({"i'm finished", "i am finished", "i'm done"})
"""Ways to say send it that may as well be words of a sentence said slowly ("after three
years", "I'm finished", "with Tecfidera"): named when the person then says no."""
"""Said while spelling, these end the letters; "send it" ends them and goes on to send."""
SCRATCH_ECHO_WORDS = 6
"""Words of what is left said after "scratch that", so the person knows where they are."""


_ANSWER_STARTS = frozenset({"yes", "yeah", "yep", "no", "nope", "okay", "ok", "not"})
"""First words of an answer, however unclear: never taken for the sentence going on."""


def scratched_line(draft: Draft, what: str, part: str = "part") -> str:
    """After "scratch that": how the reply (or other ``what``) now ends, or that it is empty,
    so that nobody has to ask for it to be read back to know."""
    if draft.is_empty:
        return (
            f"Removed the last {part}. Your {what} is empty now. If you did not mean that, "
            "say undo."
        )
    return f"Removed the last {part}. {_now_ends(draft, what)}"


def _so_far(draft: Draft, what: str) -> str:
    if draft.is_empty:
        return f"Your {what} has no words yet."
    return f"Your {what} so far ends: {_ending(draft)}"


def _now_ends(draft: Draft, what: str) -> str:
    return f"It now ends: {_ending(draft)}" if not draft.is_empty else f"Your {what} is empty now."


def _ending(draft: Draft) -> str:
    """The last words of ``draft`` (not empty), as said."""
    words = draft.read_out.split()
    end = " ".join(words[-SCRATCH_ECHO_WORDS:])
    more = "… " if len(words) > SCRATCH_ECHO_WORDS else ""
    return f"{more}{as_sentence(end)}"


BEGINNING_WORDS = 12
"""How much of the words the question before deleting them quotes."""


def _beginning(text: str) -> str:
    words = text.split()
    return as_sentence(
        " ".join(words[:BEGINNING_WORDS]) + (" …" if len(words) > BEGINNING_WORDS else "")
    )
