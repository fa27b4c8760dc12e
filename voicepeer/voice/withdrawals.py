"""Taking back one's reply or new topic that is not on the forum yet ("delete my post"
while it waits to be sent, or waits for a moderator), only after a clear yes.

A reply still in the outbox (the forum out of reach, say) is taken back from it: it is
never sent, and its words go back to the topic's draft reply. One the forum may already
have (its sending interrupted, not yet checked) is not offered: that is known only later.

A reply the forum holds for approval is not on the forum yet, but the person may regret it
as much as a posted one. Discourse lets its author withdraw it (the review queue's delete,
``ReviewablesController#destroy``): it is never posted, and the moderators no longer see
it. A withdrawn reply cannot come back, so its words are always kept: as the draft reply
to the topic, or after the draft reply already there, to be changed and sent again.

A new topic held for a moderator is withdrawn the same way, from the topic list (it has no
topic to open yet): its title and words are kept as the draft new topic in its category, or
after the draft new topic already there.

A moderator may approve a held post while the question is asked. So that a "withdrawn" is
never said of a post that is on the forum, the queue is asked again just before
withdrawing, and again when the forum's answer was lost on the way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from voicepeer.errors import ForumError, ForumNotFoundError
from voicepeer.forum.base import Topic, WaitingPost
from voicepeer.forum.http import DeliveryUncertainError
from voicepeer.forum.outbox import (
    EntryKind,
    OutboxBusyError,
    OutboxEntry,
    OutboxState,
    SendResult,
)
from voicepeer.speech.text.emoji import title_words
from voicepeer.voice.composer import reply_draft_key
from voicepeer.voice.error_phrases import say_error
from voicepeer.voice.new_conversation import (
    delete_saved,
    keep_as_new_conversation,
    new_topic_key,
    save_title,
    saved_title,
)
from voicepeer.voice.outbox_phrases import send_result_line
from voicepeer.voice.own_post_changes import OwnPostChanges, age_order, it_begins

log = logging.getLogger(__name__)

WITHDRAWN = "Your reply is withdrawn: it will not be posted, and the moderators no longer see it."
KEPT = (
    " Its words are kept as your draft reply to this topic: say reply to change them and "
    "send them again."
)
KEPT_AFTER = (
    " Its words are kept after your draft reply to this topic: say reply to hear them, "
    "change them and send them again."
)
DEALT_WITH = (
    "A moderator has just dealt with your reply, so it can no longer be withdrawn. If they "
    "approved it, it is on the forum now: say delete my post to take it down."
)
TAKEN_BACK = (
    "Your reply is taken back: it will not be sent. Its words are your draft reply to this "
    "topic again: say reply to change them and send them again."
)
SENT_MEANWHILE = "It was sent just now, so it is on the forum: say delete my post to take it down."
HELD_MEANWHILE = (
    "It was sent just now, and waits for a moderator: say delete my post to withdraw it."
)
MAYBE_SENT = (
    "Your newest reply here may have reached the forum already, so I cannot take it back "
    "now. I will check before sending it again; once it is there, say delete my post."
)
NOT_WITHDRAWN = (
    "The forum did not finish withdrawing your reply, and it is still waiting for a "
    "moderator. Say delete my post to try again."
)
TOPIC_WITHDRAWN = (
    "Your new topic is withdrawn: it will not be posted, and the moderators no longer see it."
)
TOPIC_DEALT_WITH = (
    "A moderator has just dealt with your new topic, so it can no longer be withdrawn. If "
    "they approved it, it is in the latest topics now."
)
TOPIC_NOT_WITHDRAWN = (
    "The forum did not finish withdrawing your new topic, and it is still waiting for a "
    "moderator. Say delete my post to try again."
)
NO_TOPIC_HELD = (
    "You have no new topic waiting for a moderator. To delete a post of yours, open its "
    "topic and say delete my post while you hear it."
)


@dataclass(frozen=True)
class HeldReplyWithdrawal:
    """The person's newest reply in a topic, held for a moderator, to withdraw."""

    held: WaitingPost
    topic: Topic

    @property
    def question(self) -> str:
        return (
            "Your newest reply here is waiting for a moderator to approve it. Withdraw it, so "
            f"that it is never posted?{it_begins(self.held.raw)} Say yes or no."
        )

    @property
    def question_again(self) -> str:
        return "Shall I withdraw your reply that waits for a moderator? Please say yes or no."

    @property
    def declined(self) -> str:
        return "Your reply stays with the moderators."

    dealt_with = DEALT_WITH
    not_withdrawn = NOT_WITHDRAWN

    @property
    def draft_key(self) -> str:
        return reply_draft_key(self.topic.id)

    @property
    def words_after_a_draft(self) -> str:
        return self.held.raw.strip()

    def done(self, kept: _Kept | None) -> str:
        after = kept is not None and kept.before is not None
        return WITHDRAWN + (KEPT_AFTER if after else KEPT if kept else "")


@dataclass(frozen=True)
class HeldTopicWithdrawal:
    """The person's newest new topic, held for a moderator, to withdraw."""

    held: WaitingPost
    category: str
    """Its category's name ("" when unknown)."""

    @property
    def question(self) -> str:
        return (
            f"Your new topic, {title_words(self.held.title)}, is waiting for a moderator to "
            "approve it. Withdraw it, so that it is never posted?"
            f"{it_begins(self.held.raw)} Say yes or no."
        )

    @property
    def question_again(self) -> str:
        return "Shall I withdraw your new topic that waits for a moderator? Please say yes or no."

    @property
    def declined(self) -> str:
        return "Your new topic stays with the moderators."

    dealt_with = TOPIC_DEALT_WITH
    not_withdrawn = TOPIC_NOT_WITHDRAWN

    @property
    def draft_key(self) -> str:
        assert self.held.category_id is not None  # only a topic with one is asked about
        return new_topic_key(self.held.category_id)

    @property
    def words_after_a_draft(self) -> str:
        # That draft has a title of its own: this one goes first in the words.
        return f"{self.held.title}\n\n{self.held.raw.strip()}".strip()

    def done(self, kept: _Kept | None) -> str:
        if kept is None:
            return TOPIC_WITHDRAWN
        where = f"in {self.category}" if self.category else "in its category"
        choose = f"choose {self.category}" if self.category else "choose that category"
        how = "after your draft new topic" if kept.before is not None else "as your draft new topic"
        return (
            f"{TOPIC_WITHDRAWN} Its title and words are kept {how} {where}: say new topic and "
            f"{choose} to change them and send them again."
        )


HeldWithdrawal = HeldReplyWithdrawal | HeldTopicWithdrawal
"""A post of the person's held for a moderator, to withdraw: a reply, or a new topic."""


@dataclass(frozen=True)
class UnsentWithdrawal:
    """The person's reply (their newest in a topic), new topic or message still waiting in
    the outbox, to take back."""

    entry: OutboxEntry

    @property
    def what(self) -> str:
        kinds = {EntryKind.TOPIC: "new topic", EntryKind.MESSAGE: "message"}
        return kinds.get(self.entry.kind, "reply")

    @property
    def question(self) -> str:
        which = (
            "Your newest reply here is"
            if self.entry.kind is EntryKind.REPLY
            else f"Your {self.what}, {title_words(self.entry.topic_title)}, is"
        )
        return (
            f"{which} not sent yet: it goes as soon as the forum takes it. Take it back, so "
            f"that it is never sent?{it_begins(self.entry.raw)} Say yes or no."
        )

    @property
    def question_again(self) -> str:
        return f"Shall I take back your {self.what} that is not sent yet? Please say yes or no."

    @property
    def declined(self) -> str:
        return f"Your {self.what} stays, and goes as soon as the forum takes it."

    @property
    def being_sent(self) -> str:
        return f"Your {self.what} is being sent this moment. Say delete my post again in a moment."

    def after(self, state: OutboxState, *, title_kept: bool = False) -> str:
        """What is said once the outbox was asked to take it back, by its state then."""
        if self.entry.kind is EntryKind.REPLY:
            return _AFTER_TAKING_BACK[state]
        what = self.what
        kept = "Its title and words are" if title_kept else "Its words are"
        return {
            OutboxState.WITHDRAWN: (
                f"Your {what} is taken back: it will not be sent. {kept} kept in your drafts: "
                "say my drafts to hear them, change them and send them again."
            ),
            OutboxState.POSTED: (
                "It was sent just now, so it is on the forum: open it and say delete my post "
                "to take it down."
            ),
            OutboxState.ENQUEUED: HELD_MEANWHILE,
            OutboxState.SENDING: (
                f"Your {what} may have reached the forum already, so I cannot take it back "
                "now. I will check before sending it again."
            ),
        }[state]


_AFTER_TAKING_BACK = {
    OutboxState.WITHDRAWN: TAKEN_BACK,
    OutboxState.POSTED: SENT_MEANWHILE,
    OutboxState.ENQUEUED: HELD_MEANWHILE,
    OutboxState.SENDING: MAYBE_SENT,
}
"""What is said once the outbox was asked to take a reply back, by the entry's state then."""


class Withdrawals(OwnPostChanges):
    """Takes back the person's reply or new topic that is not on the forum yet, on a yes."""

    def asking(self, entry: OutboxEntry) -> UnsentWithdrawal | None:
        """The taking back of ``entry`` to ask about, held from the background's sending
        until the answer; None after saying what became of it meanwhile."""
        outbox = self._engines.outbox
        assert outbox is not None  # only what was found there is asked about
        withdrawal = UnsentWithdrawal(entry)
        try:
            now = outbox.hold(entry.id)
        except OutboxBusyError:
            self._say(withdrawal.being_sent)
            return None
        if now.state is OutboxState.PENDING:
            return UnsentWithdrawal(now)
        outbox.release_holds()
        if now.state is OutboxState.REJECTED:
            self._say(send_result_line(SendResult(now)))
        else:
            self._say(withdrawal.after(now.state))
        return None

    def take_back(self, withdrawal: UnsentWithdrawal) -> None:
        """Take it out of the outbox (the person said yes), and say so."""
        outbox = self._engines.outbox
        assert outbox is not None  # only what was found there is asked about
        entry = withdrawal.entry
        try:
            now = outbox.withdraw(entry.id)
        except OutboxBusyError:
            self._say(withdrawal.being_sent)
            return
        finally:
            outbox.release_holds()
        if now.state is OutboxState.REJECTED:  # refused meanwhile: told then, words kept
            self._say(send_result_line(SendResult(now)))
            return
        title_kept = False
        if now.state is OutboxState.WITHDRAWN and entry.kind is not EntryKind.REPLY:
            # The outbox gave back the words (before any draft's there); the title goes
            # beside them, unless that draft has a title of its own.
            title_kept = not saved_title(self._drafts, entry.key)
            if title_kept:
                save_title(self._drafts, entry.key, entry.topic_title)
        self._say(withdrawal.after(now.state, title_kept=title_kept))

    def plan_at_list(self) -> UnsentWithdrawal | HeldTopicWithdrawal | None:
        """At the topic list: taking back the person's newest new topic or message not sent
        yet, else withdrawing their newest new topic held for a moderator; None after
        saying why there is neither."""
        outbox = self._engines.outbox
        unsent = [e for e in outbox.pending() if e.kind is not EntryKind.REPLY] if outbox else []
        if unsent:
            newest = UnsentWithdrawal(unsent[-1])
            if newest.entry.state is OutboxState.PENDING:
                return self.asking(newest.entry)
            self._say(newest.after(OutboxState.SENDING))  # it may be on the forum already
            return None
        try:
            waiting = self._forum.all_waiting_posts() or ()
            # A reply has its topic; a new topic (or message) none. Without its place in
            # the queue it cannot be withdrawn, nor kept without its category.
            topics = [
                p for p in waiting if p.topic_id is None and None not in (p.id, p.category_id)
            ]
            held = max(topics, key=age_order, default=None)
        except ForumError as error:
            log.warning("could not read the posts held for a moderator: %s", type(error).__name__)
            self._say_failure(error)
            return None
        if held is None:
            self._say(NO_TOPIC_HELD)
            return None
        category = self._reader.category(held.category_id)  # None when it cannot be read
        return HeldTopicWithdrawal(held, category.name if category is not None else "")

    def make(self, withdrawal: HeldWithdrawal) -> None:
        """Withdraw the reply or new topic (the person said yes), keeping its words, and
        say so."""
        queue_id = withdrawal.held.id
        assert queue_id is not None  # only a post the queue names is asked about
        outbox = self._engines.outbox
        kept: _Kept | None = None
        settled: tuple[int, ...] = ()
        try:
            if not self._still_waiting(withdrawal):
                self._say(withdrawal.dealt_with)
                return
            # Kept before withdrawing, so that a full disk stops the withdrawal, not the words.
            kept = self._keep(withdrawal)
            # Its outbox entry is never to be told of as declined once it is withdrawn.
            settled = outbox.held_withdrawn(withdrawal.held) if outbox else ()
            try:
                self._forum.withdraw_waiting_post(queue_id)
            except DeliveryUncertainError:
                if self._still_waiting(withdrawal):
                    self._not_withdrawn(kept, settled, withdrawal.not_withdrawn)
                    return
        except ForumNotFoundError:
            self._not_withdrawn(kept, settled, withdrawal.dealt_with)
            return
        except ForumError as error:
            log.warning("withdrawing failed: %s", type(error).__name__)
            self._not_withdrawn(kept, settled, say_error(error))
            return
        if settled and outbox is not None:
            outbox.held_gone(settled)
        self._say(withdrawal.done(kept))

    def _not_withdrawn(self, kept: _Kept | None, settled: tuple[int, ...], why: str) -> None:
        """The reply is not withdrawn (its words are in the queue, or on the forum): the
        draft goes back to what it was, the outbox entry waits again, and ``why`` is said."""
        if kept is not None:
            if kept.before is None:
                delete_saved(self._drafts, kept.key)
            else:
                self._drafts.save(kept.key, kept.before)
        if settled and self._engines.outbox is not None:
            self._engines.outbox.held_again(settled)
        self._say(why)

    def _still_waiting(self, withdrawal: HeldWithdrawal) -> bool:
        """Whether the forum's queue still holds the post. Raises ForumError."""
        if isinstance(withdrawal, HeldReplyWithdrawal):
            listed = self._forum.own_waiting_posts(withdrawal.topic.id)
        else:
            listed = self._forum.all_waiting_posts() or ()
        return any(p.id == withdrawal.held.id for p in listed)

    def _keep(self, withdrawal: HeldWithdrawal) -> _Kept | None:
        """Save the post's words (and a new topic's title) as its draft, or after the draft
        there."""
        words = withdrawal.held.raw.strip()
        if not words:
            return None
        key = withdrawal.draft_key
        # All the draft's words as its own (refused words that came back taken in), so that
        # saving after them repeats none.
        before = self._drafts.resume(key) or None
        if before is not None:
            self._drafts.save(key, f"{before.rstrip()}\n\n{withdrawal.words_after_a_draft}")
        elif isinstance(withdrawal, HeldTopicWithdrawal):
            keep_as_new_conversation(self._drafts, key, withdrawal.held.title, words)
        else:
            self._drafts.save(key, words)
        return _Kept(key, before)


@dataclass(frozen=True)
class _Kept:
    """Where a withdrawn reply's words were saved, and the draft that was there before."""

    key: str
    before: str | None
