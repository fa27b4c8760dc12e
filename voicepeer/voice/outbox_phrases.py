"""What voicepeer says about a confirmed reply, new topic or message once the outbox has
tried to send it: posted, waiting for a moderator, waiting to be sent, refused, or not
known to have arrived."""

from __future__ import annotations

from voicepeer.errors import (
    AuthError,
    AuthProblem,
    DeclinedByModeratorError,
    ForumError,
    ForumNotFoundError,
    ForumRejectedError,
    ForumRequestError,
    ForumResponseError,
    ForumStillDownError,
    ForumUnreachableError,
    OtherAccountError,
    RateLimitedError,
    RequestProblem,
    ResponseProblem,
    SlowModeError,
)
from voicepeer.forum.checks import RepliesHeld, read_rejection
from voicepeer.forum.http import DeliveryUncertainError
from voicepeer.forum.outbox import EntryKind, OutboxEntry, OutboxState, SendResult
from voicepeer.speech.text.sentences import as_sentence
from voicepeer.voice.error_phrases import say_error
from voicepeer.voice.phrasing import wait_phrase

KEPT_UNTIL_CONNECTED = (
    "I have kept it, and it goes to the forum once your helper has connected your account "
    "again with voicepeer forum connect."
)
"""What becomes of words confirmed while the forum refuses the account's key."""


def send_result_line(result: SendResult) -> str:
    """ "Your reply to Heat and fatigue is posted." — and what to do when it is not."""
    line = _what_became_of(result)
    if result.words_on_forum and result.delivered:
        line += f" {ALREADY_THERE} so I have taken them out of your drafts."
    return line


_UNTIL_CONNECTED = (AuthProblem.KEY_REFUSED, AuthProblem.SIGN_IN_NEEDED)
"""Why a send waits for the helper to connect the account (again)."""

ALREADY_THERE = "These words are already on the forum,"


def _what_became_of(result: SendResult) -> str:
    entry, error = result.entry, result.error
    if entry.state is OutboxState.WITHDRAWN:
        return f"{entry_named(entry)} was taken back, so it was not {entry_done(entry)}."
    if entry.state is OutboxState.REJECTED:
        if result.words_on_forum:
            what = entry_named(entry).replace("Your", "your", 1)
            return (
                f"The forum did not take {what} again. {ALREADY_THERE} so there is "
                "nothing more to send."
            )
        if isinstance(error, DeclinedByModeratorError) and error.approved_there:
            # Perhaps on the forum, changed: "not posted" might not be true.
            return (
                f"{entry_named(entry)} is no longer waiting for a moderator. {say_error(error)} I "
                "have kept them in your drafts in case: say my drafts to hear them."
            )
        if isinstance(error, ForumNotFoundError):  # the topic is gone: no "reply" there
            return (
                f"{entry_named(entry)} was not {entry_done(entry)}. {say_error(error)} "
                "Your words are kept on this computer."
            )
        if entry.attempts > 1 and any(read_rejection(e).too_similar for e in entry.errors):
            # Sent before with no answer, not found by the check, and now "the same words
            # as a moment ago": most likely the first send arrived. Kept all the same.
            what = entry_named(entry).replace("Your", "your", 1)
            return (
                f"The forum says you {entry_done(entry)} these same words a few minutes ago, so "
                f"{what} is most likely there already. I have kept the words in your drafts "
                "in case it is not: say my drafts to hear them."
            )
        # Refused just now, or earlier (then only the forum's own words are known).
        reasons = (say_error(error),) if error is not None else entry.errors
        gone = isinstance(error, ForumRequestError) and (
            error.problem is RequestProblem.NO_SUCH_CATEGORY
        )
        category = "another category" if gone else "the same category"
        again = {
            EntryKind.REPLY: "say reply in that topic",
            EntryKind.TOPIC: f"say new topic and choose {category}",
            EntryKind.MESSAGE: "say message and their name",
        }[entry.kind] + " to change them and send them again."
        if held := replies_held(entry.errors):
            # Changing the words would not help: only someone else's post lifts it, or
            # (as the forum itself suggests) adding them to the last reply.
            again = f"{_LIFTED[held]}, say reply in that topic to send them."
            if held is RepliesHeld.IN_A_ROW:
                again += " Or say add it to my last reply, to put them at the end of it now."
        return (
            f"{entry_named(entry)} was not {entry_done(entry)}. {' '.join(reasons)} "
            f"I have kept your words: {again}"
        )
    if error is None:
        if entry.state is OutboxState.ENQUEUED:
            return f"{entry_named(entry)} is waiting for a moderator to approve it."
        if result.first_try:
            return f"{entry_named(entry)} is {entry_done(entry)}."
        # "Earlier": told right after another reply to the same topic is posted, the two
        # sounded like one posted twice.
        earlier = entry_named(entry).replace("Your reply", "Your earlier reply", 1)
        return f"{earlier} has now been {entry_done(entry)}."
    if isinstance(error, DeliveryUncertainError):
        what = entry_named(entry).removeprefix("Your ").rstrip(",")
        where = "topic" if entry.kind is EntryKind.REPLY else "forum"
        return (
            f"I am not sure the forum received your {what}. I have kept it, and I will "
            f"check the {where} before sending it again, so it will not appear twice."
        )
    if isinstance(error, OtherAccountError):
        return (
            f"{entry_named(entry)} is not sent. {say_error(error)} It waits, kept safe, until your "
            f"helper connects the account {error.written_as} again with voicepeer forum connect."
        )
    if isinstance(error, ForumStillDownError):
        return (
            f"{entry_named(entry)} is not sent yet: the forum is still out of reach. I have "
            "kept it, and I will send it once the forum answers again."
        )
    if isinstance(error, AuthError) and error.problem in _UNTIL_CONNECTED:
        return f"{entry_named(entry)} is not sent yet. {KEPT_UNTIL_CONNECTED}"
    if isinstance(error, SlowModeError):
        # A topic a moderator slowed: the background retry sends it when the time comes.
        every = f", and takes one post from you every {wait_phrase(error.interval_seconds)}"
        return (
            f"{entry_named(entry)} is not sent yet: this topic is in slow mode"
            f"{every if error.interval_seconds else ''}. I have kept it, and I will send it in "
            f"{wait_phrase(error.wait_seconds)}."
        )
    if isinstance(error, RateLimitedError):
        # A forum's limit per day (topics, replies on a first day): the background retry
        # sends it once the wait is over, or the next start does.
        return (
            f"{entry_named(entry)} is not sent yet: the forum asked me to wait "
            f"{wait_phrase(error.wait_seconds)} before it takes more from you. I have kept "
            "it, and I will send it then."
        )
    if isinstance(error, ForumResponseError) and error.problem is ResponseProblem.SERVER_TROUBLE:
        # "Please try again in a few minutes. Your words are safe; I will send them": the
        # person was told both to do it and that nothing was theirs to do.
        return (
            f"{entry_named(entry)} is not sent yet: the forum is having trouble at the "
            "moment. I have kept it, and I will send it once the forum answers properly."
        )
    if isinstance(error, ForumUnreachableError):
        # Its own words end "try again in a few minutes": nothing is for the person to do.
        return (
            f"{entry_named(entry)} is not sent yet: I cannot reach the forum right now. Your words "
            "are safe; I will send them by myself when it answers."
        )
    return (
        f"{entry_named(entry)} is not sent yet. {say_error(error)} "
        "Your words are safe; I will send them when I can."
    )


def title_refused(result: SendResult) -> bool:
    """Whether the forum refused a new topic or message just now for its title alone (one
    another topic has, or one it judged unclear or of the wrong length): only a new title
    is needed, and the words are back in the draft."""
    return (
        result.state is OutboxState.REJECTED
        and result.first_try
        and result.entry.kind is not EntryKind.REPLY
        and bool(result.entry.errors)
        and all((r := read_rejection(e)).title_taken or r.title for e in result.entry.errors)
    )


def retitle_line(result: SendResult) -> str:
    """Said when :func:`title_refused`: why, and that a title is all it needs."""
    reasons = say_error(result.error) if result.error is not None else ""
    return (
        f"{entry_named(result.entry)} was not {entry_done(result.entry)}. {reasons} Your "
        "words are kept. Say another title, or say cancel to keep them for later."
    )


_LIFTED = {
    RepliesHeld.NEW_MEMBER: "once someone has answered you there",
    RepliesHeld.IN_A_ROW: "once someone else has posted there",
}


def replies_held(errors: tuple[str, ...]) -> RepliesHeld | None:
    """The forum's limit on the member's replies in the topic, if that is why it refused."""
    return next((r.replies_held for r in map(read_rejection, errors) if r.replies_held), None)


def refusal_held(refusal: ForumError | None) -> RepliesHeld | None:
    """The same for a refusal kept with a draft (None: none kept, or another kind)."""
    return replies_held(refusal.errors) if isinstance(refusal, ForumRejectedError) else None


def refused_draft_line(title: str, refusal: ForumError, words: str) -> str:
    """Taking up a reply the forum refused: why, and what it says."""
    held = refusal_held(refusal)
    then = f"{_LIFTED[held].capitalize()}, say send it." if held else "Change it, then say send it."
    if held is RepliesHeld.IN_A_ROW:
        then += " Or say cancel, then add it to my last reply."
    return (
        f"The forum did not accept your reply to {as_sentence(title)} {say_error(refusal)} "
        f"Your reply says: {as_sentence(words)} {then}"
    )


def unsure_earlier_reply(waiting: tuple[OutboxEntry, ...], topic_id: int) -> str:
    """Said on "reply" in a topic whose earlier reply may have reached the forum unseen (its
    answer was lost): the same words said again would be there twice. Empty when none."""
    unsure = next(
        (
            e
            for e in waiting
            if e.kind is EntryKind.REPLY
            and e.topic_id == topic_id
            and e.state is OutboxState.SENDING
        ),
        None,
    )
    if unsure is None:
        return ""
    return (
        f"I am not sure your earlier reply to {unsure.topic_title} reached "
        "the forum. I am checking, and I will send it only if it is not there: there is no "
        "need to say it again."
    )


def waiting_at_goodbye(waiting: tuple[OutboxEntry, ...]) -> str:
    """Said with "Goodbye" while words the person agreed to are not on the forum yet:
    nothing is sent until voicepeer runs again, and a carer switching off must know."""
    if not waiting:
        return ""
    if len(waiting) == 1:
        entry = waiting[0]
        if entry.state is OutboxState.SENDING:
            # Cut off while sending: it may be on the forum already.
            what = entry_named(entry).replace("Your", "your", 1).rstrip(",")
            return (
                f"I am not sure {what} reached the forum: I will check the next time you start "
                "me, and send it only if it is not there."
            )
        return (
            f"{entry_named(entry)} is not {entry_done(entry)} yet: I will send it the next "
            "time you start me and the forum answers."
        )
    return (
        f"{len(waiting)} of your posts are not on the forum yet: I will send them the next "
        "time you start me and the forum answers."
    )


def entry_named(entry: OutboxEntry) -> str:
    """ "Your reply to Heat", "Your new topic, Heat," — a kept entry named as said."""
    if entry.kind is EntryKind.TOPIC:
        return f"Your new topic, {entry.topic_title},"
    if entry.kind is EntryKind.MESSAGE:
        return f"Your message, {entry.topic_title},"
    return f"Your reply to {entry.topic_title}"


def entry_done(entry: OutboxEntry) -> str:
    """What going to the forum is for ``entry``: "sent" privately, else "posted"."""
    return "sent" if entry.kind is EntryKind.MESSAGE or entry.private else "posted"
