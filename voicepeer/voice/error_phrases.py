"""What voicepeer says when something went wrong: every error in one sentence that says what
happened and what to do, and what the forum would refuse or did refuse.

:func:`say_error` is how any error is put into words. The forum's errors (and its settings')
carry only what happened — their type, a kind, numbers, names, the forum's own words — and
are phrased here; every other error carries its own sentence in ``spoken``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import singledispatch

from voicepeer.config.values import web_address_words
from voicepeer.errors import (
    AuthError,
    AuthProblem,
    DeclinedByModeratorError,
    Forbidden,
    ForumError,
    ForumForbiddenError,
    ForumGoneError,
    ForumNotFoundError,
    ForumRejectedError,
    ForumRequestError,
    ForumResponseError,
    ForumSetting,
    ForumSettingsError,
    ForumStillDownError,
    ForumUnreachableError,
    NetFault,
    OtherAccountError,
    PostRemovedError,
    RateLimitedError,
    RequestProblem,
    ResponseProblem,
    VoicepeerError,
)
from voicepeer.forum.address_check import AddressProblem, ForumAddressError
from voicepeer.forum.base import Forum
from voicepeer.forum.checks import (
    DraftProblem,
    LengthProblem,
    Rejection,
    RepliesHeld,
    read_rejection,
)
from voicepeer.forum.http import DeliveryUncertainError
from voicepeer.forum.outbox import EntryKind, OutboxBusyError, OutboxFullError
from voicepeer.forum.transport import CrossOriginRedirectError, ResponseTooLargeError
from voicepeer.unreachable import nothing_answered, nothing_answered_here, on_this_computer
from voicepeer.voice.phrasing import wait_phrase


@singledispatch
def say_error(error: VoicepeerError) -> str:
    """The sentence to say (or show) about ``error``: what happened and what to do. The
    most specific of the error's classes registered below decides."""
    return error.spoken


def _always(sentence: str) -> Callable[[object], str]:
    return lambda error: sentence


for _error, _sentence in (
    (ForumError, "The forum had a problem. Please try again in a little while."),
    (
        # Not "I will keep anything you dictated": said while reading, nothing was; while
        # writing, what became of the words has its own line (outbox_phrases).
        ForumUnreachableError,
        "I cannot reach the forum right now, or it is too slow to answer. Check the internet "
        "connection, or try again in a few minutes.",
    ),
    (
        ForumStillDownError,
        "The forum is still out of reach. Anything you write is kept, and sent once it "
        "answers again.",
    ),
    (
        ResponseTooLargeError,
        "The forum sent far more than I expected, so I stopped reading it. Please try again later.",
    ),
    (
        CrossOriginRedirectError,
        "The forum sent me on to a different web address, so I "
        "stopped there to keep your account safe. Please ask your "
        "helper to check the forum address in my settings.",
    ),
    (ForumNotFoundError, "I could not find that on the forum. It may have been removed."),
    (ForumGoneError, "That has been deleted from the forum, so I cannot open it."),
    (PostRemovedError, "That post has been removed from the forum. I will go on to the next one."),
    (OutboxBusyError, "I am busy sending another reply to the forum."),
):
    say_error.register(_error, _always(_sentence))


@say_error.register
def _uncertain(error: DeliveryUncertainError) -> str:
    # Replies, topics and messages have their own line (outbox_phrases): what reaches here
    # is a like, a vote, a bookmark or marking read, which the forum does once however
    # often it is asked.
    if error.answer is not None:  # it answered, with an error of its own (a 503)
        return (
            "The forum had a problem with that, so I am not sure it was done. Please say it "
            "again in a little while to make sure; the forum will not do it twice."
        )
    return (
        "The connection broke before the forum answered, so I am not sure it was done. "
        "Please say it again to make sure; the forum will not do it twice."
    )


def _characters(count: int) -> str:
    return f"{count} character{'s' if count != 1 else ''}"


# -- the forum's refusals ---------------------------------------------------------------------

ALREADY_LIKED = "You have already liked this post, so there is nothing more to do."
LIKE_REFUSED = (
    "The forum does not let you like this post. It may be one of your own posts: the forum "
    "does not let anyone like their own."
)
"""Said when the forum refuses a like, or before asking, when the post says it would."""
UNLIKE_REFUSED = (
    "The forum no longer lets you take back your like of this post: a like can only be "
    "taken back in the first few minutes after giving it, and never in an archived topic."
)
NOT_LIKED = "You have not liked this post, so there is no like to take back."
DELETE_REFUSED = (
    "The forum does not let you delete this post. You can delete only your own replies, "
    "not the first post of a topic, and nothing in an archived topic."
)

_FORBIDDEN = {
    Forbidden.ALREADY_LIKED: ALREADY_LIKED,
    Forbidden.LIKE_REFUSED: LIKE_REFUSED,
    Forbidden.UNLIKE_REFUSED: UNLIKE_REFUSED,
    Forbidden.DELETE_REFUSED: DELETE_REFUSED,
    Forbidden.RECOVER_REFUSED: (
        "The forum does not let you bring this back. It keeps a post you deleted for about a "
        "day only, and only you can bring back your own."
    ),
    Forbidden.FORUM_SAYS: "The forum does not let you do that here. It says: {reason}",
    Forbidden.HIDDEN_PLACE: (
        "That is in a part of the forum your account cannot see, such as "
        "a restricted category or a private message between other people."
    ),
    Forbidden.CANNOT_SEE: "Your account cannot see that part of the forum.",
    Forbidden.NOT_ALLOWED: "The forum does not let your account do that here.",
}

NO_LONGER_ACCEPTED = "The forum no longer accepts your account on this computer."
_RECONNECT = (
    f"{NO_LONGER_ACCEPTED} Please ask your helper to reconnect it with voicepeer forum connect."
)
ACCOUNT_REFUSED = (
    f"{NO_LONGER_ACCEPTED} I can go on reading to you, "
    "but to post, like or send messages, your helper needs to connect your account again "
    "with voicepeer forum connect. Anything you write is kept until then."
)
"""Said once, when the forum is first found to refuse the account's key."""
ACCOUNT_BACK = "Your account works again: you can post, like and send messages."
"""Said once, in a quiet moment, when the account was connected again since."""


def account_now(name: str) -> str:
    """Said in a quiet moment when a carer connected another member's account meanwhile:
    "your account works again" would have the person post under a name not theirs."""
    return (
        f"The forum account is now {name}'s: from now on, what you post, like or send "
        f"goes out under {name}'s name."
    )


_START_AGAIN = "Please start connecting again."
_AUTH = {
    AuthProblem.NOT_ACCEPTED: (
        "The forum did not accept the account. Please ask your helper to reconnect it."
    ),
    AuthProblem.KEY_REFUSED: _RECONNECT,
    AuthProblem.SIGN_IN_NEEDED: (
        "The forum needs you to be signed in for that. Please ask "
        "your helper to connect your account with voicepeer forum "
        "connect."
    ),
    AuthProblem.NOT_SIGNED_IN: (
        "I am not signed in to the forum. Please ask your helper to run voicepeer forum connect."
    ),
    AuthProblem.APPROVAL_DENIED: "The approval was refused on the forum: Deny was pressed.",
    AuthProblem.APPROVAL_EXPIRED: "The code has expired before it was entered on the forum.",
    AuthProblem.APPROVAL_INCOMPLETE: (
        "That is not the whole approval text. Please copy all of "
        "the block of letters and numbers the forum shows, and "
        "paste it again."
    ),
    AuthProblem.APPROVAL_UNREADABLE: (
        "That approval text belongs to a different request. " + _START_AGAIN
    ),
    AuthProblem.APPROVAL_OTHER_REQUEST: "That approval is for a different request. " + _START_AGAIN,
}

_RESPONSE = {
    ResponseProblem.UNREADABLE: (
        "The forum sent an answer I could not understand. Please try again later."
    ),
    ResponseProblem.SERVER_TROUBLE: (
        "The forum is having trouble at the moment. Please try again in a few minutes."
    ),
    ResponseProblem.REDIRECT_LOOP: (
        "The forum keeps sending me somewhere else. Please try again later."
    ),
}

_SETTINGS = {
    ForumSetting.ADDRESS_UNUSABLE: (
        "The forum address in my settings is wrong. Please ask your "
        "helper to run voicepeer forum connect again."
    ),
    ForumSetting.ADDRESS_MALFORMED: (
        "That forum address does not look right. Please check it and try again."
    ),
    ForumSetting.ACCOUNT_FILE_DAMAGED: (
        "My saved forum account is damaged. Please ask your helper to reconnect."
    ),
}


def _explain(rejection: Rejection) -> str:
    what = "title" if rejection.title else "reply"
    if rejection.problem is LengthProblem.TOO_SHORT:
        return f"The {what} is too short: the forum wants at least {rejection.limit} characters."
    if rejection.problem is LengthProblem.TOO_LONG:
        return f"The {what} is too long: the forum allows at most {rejection.limit} characters."
    if rejection.too_similar:
        # Discourse's unique_posts_mins (5 by default): the same words, in any topic.
        return "It does not take the same words from you twice within a few minutes."
    if rejection.title_taken:
        return "Another topic on the forum already has this title."
    if rejection.unclear and rejection.title:
        return (
            "It thinks the title seems unclear: it wants a few different words, none of them "
            "very long, and not all in capitals."
        )
    if rejection.unclear:
        return (
            "It thinks your reply seems unclear: it wants a sentence of a few different "
            "words, not the same ones over and over, and not all in capitals."
        )
    if rejection.replies_held is RepliesHeld.NEW_MEMBER:
        return (
            f"As a new member, you may post {_replies(rejection.limit)} in a topic until "
            "someone answers you there."
        )
    if rejection.replies_held is RepliesHeld.IN_A_ROW:
        return (
            f"It takes at most {_replies(rejection.limit)} in a row from you in someone "
            "else's topic, until another person posts there."
        )
    # Discourse's own messages are written for people; read them as they are, ended once.
    words = rejection.words.rstrip(".")
    return words if words.endswith(("?", "!")) else words + "."


def _replies(count: int) -> str:
    return "one reply" if count == 1 else f"{count} replies"


def rejection_line(errors: tuple[str, ...]) -> str:
    """What to say about the forum's reasons for refusing a post (an HTTP 422)."""
    if not errors:
        return "The forum did not accept that, and did not say why."
    return "The forum did not accept that. " + " ".join(
        _explain(read_rejection(e)) for e in errors[:3]
    )


CHARACTERS_PER_WORD = 6
"""Characters a word of a reply takes on average, with its space: how many words a length
in characters is, said as a person counts."""


def _words(characters: int) -> str:
    count = max(1, round(characters / CHARACTERS_PER_WORD))
    return "1 word" if count == 1 else f"{count} words"


def problem_line(problem: DraftProblem) -> str:
    """What to say about a reply or title the forum would refuse, before it is sent."""
    by, limit = _characters(problem.by), _characters(problem.limit)
    if problem.title:
        if problem.problem is LengthProblem.TOO_LONG:
            return f"The title is too long by {by}. Please say a shorter title."
        return (
            f"The title is too short: it needs {by} more, at least {limit}. "
            "Please say the whole title again, with more words."
        )
    if problem.problem is LengthProblem.EMPTY:
        return "Your reply is empty. Please dictate what you want to say."
    if problem.problem is LengthProblem.TOO_LONG:
        # Nothing splits a reply by voice: what can be said to shorten it is said.
        return (
            f"Your reply is too long for the forum by {by}, about {_words(problem.by)}. "
            "To take out the end, say delete the last sentence, or scratch that; say read it "
            "back to hear it all."
        )
    # "Characters" is a word for screens.
    more = "1 more letter or space" if problem.by == 1 else f"{problem.by} more letters or spaces"
    return (
        f"Your reply is a little too short for the forum: it needs {more}, at least "
        f"{problem.limit} in all. Please add a few words."
    )


# -- checking an address before connecting (words for a carer) ------------------------------

_EXAMPLE = "for example https://forum.example.org"


@say_error.register
def _address(error: ForumAddressError) -> str:
    where = error.address
    if error.problem is AddressProblem.NOT_WEB_ADDRESS and error.fault is not None:
        return f"{where!r} cannot be the forum's address: {web_address_words(error.fault)}."
    if error.problem is AddressProblem.NOT_WEB_ADDRESS:
        return (
            f"{where!r} is not a web address. Type the forum's address as the web browser "
            f"shows it, {_EXAMPLE}."
        )
    if error.problem is AddressProblem.NO_DOT:
        return (
            f"{where!r} is not a web address: a forum's address has a dot in its name, {_EXAMPLE}."
        )
    if error.problem is AddressProblem.NOTHING_ANSWERS and on_this_computer(where):
        return "{}. {}".format(*nothing_answered_here(where, error.net))
    if error.problem is AddressProblem.NOTHING_ANSWERS:
        guessed = (
            " It was given without https://, so that was tried: if the web browser shows "
            "the forum's address starting with http://, type it so."
            if error.scheme_guessed
            else ""
        )
        if error.net is NetFault.NAME_UNKNOWN:  # the address check above says to look
            return nothing_answered(where, error.net, guessed.strip(), typed=True).strip()
        return nothing_answered(
            where,
            error.net,
            "If other web pages open, check the forum's address by opening it in the web "
            f"browser too.{guessed}",
        )
    if error.problem is AddressProblem.NOT_DISCOURSE:
        return (
            f"{where} answered, but it is not a Discourse forum. voicepeer works with "
            "Discourse forums: check that this is the forum's own address (the one the "
            "web browser shows on the forum's pages), not a page that links to it."
        )
    if error.problem is AddressProblem.SERVER_TROUBLE:
        return (
            f"{where} answered with an error of its own: the forum may be down for "
            "maintenance or busy. The address may well be right: please try again later."
        )
    if error.problem is AddressProblem.STOPPED_ANSWERING:
        return f"{where} stopped answering while being checked. Please try again in a few minutes."
    return (
        f"{error.title} ({where}) does not let apps connect to a member's account (it has "
        "no user API keys). Ask the forum's administrators; or, if you are one, use an "
        "admin API key with: voicepeer forum connect --api-key-stdin --api-username NAME"
    )


@say_error.register
def _not_recorded(error: OutboxFullError) -> str:
    what = {EntryKind.TOPIC: "new topic", EntryKind.MESSAGE: "message"}.get(error.kind, "reply")
    done = "sent" if error.kind is EntryKind.MESSAGE else "posted"
    return (
        f"The memory card is full, so I could not save your {what}, and I have not {done} "
        "it. I am keeping it here for now: say yes to try again. Please ask your helper to "
        "make some room on the memory card."
    )


@say_error.register
def _other_account(error: OtherAccountError) -> str:
    return (
        f"It was written with the forum account {error.written_as}, and the account "
        f"connected now is {error.connected_as}: I will not post it under another name."
    )


@say_error.register
def _response(error: ForumResponseError) -> str:
    return _RESPONSE[error.problem]


@say_error.register
def _declined(error: DeclinedByModeratorError) -> str:
    if error.approved_there:
        return (
            "A moderator approved a post of yours there, perhaps changing its words, but I "
            "cannot find these words on the forum."
        )
    # The forum tells an author nothing either way, and keeps no record they can read.
    return (
        "It is no longer waiting for a moderator, and it is not on the forum: most likely a "
        "moderator declined it, unless you withdrew it on the forum's website."
    )


@say_error.register
def _rejected(error: ForumRejectedError) -> str:
    return rejection_line(error.errors)


@say_error.register
def _forbidden(error: ForumForbiddenError) -> str:
    return _FORBIDDEN[error.kind].format(reason=error.reason)


@say_error.register
def _request(error: ForumRequestError) -> str:
    if error.problem is RequestProblem.SEARCH_TOO_SHORT:
        return (
            f"That is too short to search for: the forum needs a word of at least "
            f"{_characters(error.minimum)}."
        )
    if error.problem is RequestProblem.SEARCH_REFUSED:
        return "The forum would not search for that. Please try a longer or different word."
    if error.problem is RequestProblem.NO_SUCH_CATEGORY:
        return "The category chosen for it is no longer on the forum."
    return (
        "The forum could not do that: part of the request was missing or not allowed. "
        "Please try it another way."
    )


@say_error.register
def _auth(error: AuthError) -> str:
    return _AUTH[error.problem]


def not_signed_in() -> str:
    """What to say when something needs an account and voicepeer reads as a visitor."""
    return _AUTH[AuthProblem.NOT_SIGNED_IN]


def account_unusable(forum: Forum) -> str | None:
    """Why something that needs the person's account cannot be done now (none is set up,
    or the forum refuses its key); None when it can."""
    if not forum.signed_in:
        return not_signed_in()
    if forum.account_refused:
        return _RECONNECT
    return None


@say_error.register
def _rate_limited(error: RateLimitedError) -> str:
    return (
        f"The forum asked me to wait {wait_phrase(error.wait_seconds)} before asking it "
        "again. Please try again after that; nothing you dictated is lost."
    )


@say_error.register
def _settings(error: ForumSettingsError) -> str:
    return _SETTINGS[error.kind]
