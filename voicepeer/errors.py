"""voicepeer's own exception tree.

Library errors (httpx, sounddevice, vosk, pocketsphinx, pyttsx3, tomllib) are translated
into these where they enter voicepeer, so the voice loop only ever handles this tree.
Every error has a short sentence that can be read aloud to the user and says what to do
next: :func:`voicepeer.voice.error_phrases.say_error` gives it, for every error. Errors of
the forum (and of its settings) carry no sentence, only what happened — kinds, numbers,
names and the forum's own words — and the dialogue puts that into words; the others carry
their sentence in ``spoken``. ``str(error)`` is the detailed message for logs and the
terminal; neither may contain post text or keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from http import HTTPStatus


class VoicepeerError(Exception):
    """Base of every error voicepeer raises on purpose."""

    default_spoken = "Something went wrong. Please ask your helper to run voicepeer doctor."

    def __init__(self, message: str, *, spoken: str | None = None) -> None:
        super().__init__(message)
        self.spoken = spoken or self.default_spoken


class ConfigError(VoicepeerError):
    """The configuration file or a command-line setting is wrong."""

    default_spoken = (
        "My settings have a problem. Please ask your helper to run voicepeer configure."
    )


class SettingsFileError(ConfigError):
    """Lines of the settings file are wrong: it can be mended by hand, or written again by
    'voicepeer configure', which keeps every setting that is right."""


class ForumSetting(Enum):
    """What is wrong with the forum's own settings."""

    ADDRESS_UNUSABLE = "address_unusable"
    """The saved forum address cannot be used to make a request."""
    ADDRESS_MALFORMED = "address_malformed"
    """An address given for the forum is not a web address."""
    ACCOUNT_FILE_DAMAGED = "account_file_damaged"
    """The saved forum accounts cannot be read."""


class ForumSettingsError(ConfigError):
    """The forum's address or saved account, as set up on this computer, is wrong."""

    def __init__(self, message: str, *, kind: ForumSetting) -> None:
        super().__init__(message)
        self.kind = kind


class AudioDeviceError(VoicepeerError):
    """A microphone or speaker is missing, busy or vanished."""

    default_spoken = "I cannot use the microphone or speaker. Please ask your helper to check them."


class ModelMissingError(VoicepeerError):
    """A speech model is not installed or is damaged."""

    default_spoken = (
        "My speech model is missing. Please ask your helper to run voicepeer models download."
    )


class ModelDownloadError(VoicepeerError):
    """Fetching or installing a speech model failed: offline, server error, damaged archive."""

    default_spoken = (
        "I could not download the speech model. Check the internet connection, "
        "then ask your helper to run voicepeer models download again."
    )


class SpeechEngineError(VoicepeerError):
    """The speech recognizer or the speech synthesizer failed."""

    default_spoken = "My speech engine stopped working. Please ask your helper to restart me."


class VoiceTrainingError(VoicepeerError):
    """Learning the user's voice failed: training tools missing, recordings unusable."""

    default_spoken = (
        "I could not learn your voice this time. I will keep listening the way I did before. "
        "Please ask your helper to try voice training again."
    )


class DiskFullError(VoicepeerError):
    """The disk (on a Raspberry Pi, the memory card) is full: ENOSPC, EDQUOT or SQLite's
    "database or disk is full". What was being saved is still held in memory."""

    default_spoken = (
        "The memory card is full, so I could not save that. Anything you dictated is kept "
        "here for now, but it is not saved yet. Please ask your helper to make some room on "
        "the memory card."
    )


@dataclass(frozen=True)
class HttpAnswer:
    """The status line the forum answered with: its code, and the reason phrase that goes
    with it ("503 Service Unavailable")."""

    status: int
    reason: str = ""

    @classmethod
    def of(cls, status: int, reason: str = "") -> HttpAnswer:
        """The answer, with the standard reason phrase where the forum sent none (HTTP/2
        sends none)."""
        if not reason:
            try:
                reason = HTTPStatus(status).phrase
            except ValueError:
                reason = ""
        return cls(status, reason)

    def __str__(self) -> str:
        return f"HTTP {self.status} {self.reason}".rstrip()


class ForumError(VoicepeerError):
    """Anything that went wrong talking to the forum. It says what happened in its type and
    fields, never in words for the person: the dialogue phrases it. ``answer`` is the HTTP
    status the forum answered with, where it answered at all."""

    def __init__(self, message: str, *, answer: HttpAnswer | None = None) -> None:
        super().__init__(message)
        self.answer = answer


class OtherAccountError(ForumError):
    """A reply (or topic, or message) waiting to be sent was confirmed with another forum
    account than the one connected now: it is not sent under this one."""

    def __init__(self, *, written_as: str, connected_as: str) -> None:
        super().__init__("waiting words were confirmed with another account")
        self.written_as = written_as
        self.connected_as = connected_as


class NetFault(Enum):
    """How a connection failed, as far as the system tells."""

    NAME_UNKNOWN = "name_unknown"
    """The site's name could not be looked up: no network, or a misspelt name."""
    NO_ROUTE = "no_route"
    """The system has no way to the site: no network."""
    REFUSED = "refused"
    """The computer there answered, but nothing at that address takes connections."""
    TIMED_OUT = "timed_out"
    BROKE = "broke"
    """The connection broke off before the answer was whole."""
    NO_CONNECTION = "no_connection"
    """Anything else: no connection could be made."""


class ForumUnreachableError(ForumError):
    """No answer from the forum: no network, DNS failure, timeout, connection refused."""

    def __init__(
        self,
        message: str,
        *,
        fault: NetFault = NetFault.NO_CONNECTION,
        answer: HttpAnswer | None = None,
    ) -> None:
        super().__init__(message, answer=answer)
        self.fault = fault


class ForumStillDownError(ForumUnreachableError):
    """The forum was already known to be out of reach, and the one quick try made now (no
    retries) did not reach it either."""


class ResponseProblem(Enum):
    UNREADABLE = "unreadable"
    """Malformed JSON, or an answer of a shape voicepeer does not know."""
    SERVER_TROUBLE = "server_trouble"
    """The forum kept failing with server errors (5xx)."""
    REDIRECT_LOOP = "redirect_loop"
    """The forum kept redirecting the request."""


class ForumResponseError(ForumError):
    """The forum answered with something voicepeer cannot understand (malformed JSON, 5xx)."""

    def __init__(
        self,
        message: str,
        *,
        problem: ResponseProblem = ResponseProblem.UNREADABLE,
        answer: HttpAnswer | None = None,
    ) -> None:
        super().__init__(message, answer=answer)
        self.problem = problem


class ForumRejectedError(ForumError):
    """The forum refused the request as invalid (HTTP 422), with its reasons."""

    def __init__(
        self, message: str, *, errors: tuple[str, ...] = (), answer: HttpAnswer | None = None
    ) -> None:
        super().__init__(message, answer=answer)
        self.errors = errors
        """The forum's own sentences (its ``errors`` list)."""


class DeclinedByModeratorError(ForumError):
    """A post the forum held for a moderator is no longer waiting, and it is not on the
    forum: most likely a moderator declined it. Discourse tells its author nothing then,
    and keeps no copy they can read."""

    def __init__(self, message: str, *, approved_there: bool = False) -> None:
        super().__init__(message)
        self.approved_there = approved_there
        """A moderator approved a post of the member's in that topic: perhaps this one, its
        words changed before approving, which Discourse allows."""


class EditConflictError(ForumRejectedError):
    """A change to a post refused because the post was changed since it was read (HTTP
    409, Discourse's edit_conflict)."""


class ForumNotFoundError(ForumError):
    """The topic, post or page does not exist (HTTP 404)."""


class ForumGoneError(ForumNotFoundError):
    """The topic or post was there but has been deleted (HTTP 410)."""


class PostRemovedError(ForumNotFoundError):
    """A post of the topic being read was removed after the topic was opened."""


class Forbidden(Enum):
    """Which refusal an HTTP 403 ``invalid_access`` is, as far as the request tells."""

    ALREADY_LIKED = "already_liked"
    LIKE_REFUSED = "like_refused"
    """A like refused without a reason: most likely the person's own post."""
    UNLIKE_REFUSED = "unlike_refused"
    """Taking a like back refused: the forum's few minutes for it have passed, or the topic
    is archived."""
    DELETE_REFUSED = "delete_refused"
    """Deleting a post refused: not the person's own, a topic's first post, an archived
    topic, or one deleted already."""
    RECOVER_REFUSED = "recover_refused"
    """Bringing back a deleted post or topic refused: not the person's own, not deleted by
    them, or the forum no longer keeps it (a day after the deletion, by default)."""
    FORUM_SAYS = "forum_says"
    """The forum gave its own reason (in ``reason``)."""
    HIDDEN_PLACE = "hidden_place"
    """A topic, post or category the account cannot see."""
    CANNOT_SEE = "cannot_see"
    """Some other page the account cannot see."""
    NOT_ALLOWED = "not_allowed"


class ForumForbiddenError(ForumError):
    """The forum refused this action for this account (HTTP 403 ``invalid_access``): liking
    one's own post or one already liked, a restricted category, someone else's private
    message. The account itself still works."""

    def __init__(
        self,
        message: str,
        *,
        kind: Forbidden = Forbidden.NOT_ALLOWED,
        reason: str = "",
        generic: bool = True,
        answer: HttpAnswer | None = None,
    ) -> None:
        super().__init__(message, answer=answer)
        self.kind = kind
        self.reason = reason
        """The forum's own words, when it gave any beyond its stock sentence."""
        self.generic = generic
        """True when the forum said only its stock "not permitted" sentence, which is also
        what a revoked key gets: worth checking the account before blaming the action."""


class RequestProblem(Enum):
    REFUSED = "refused"
    """Part of the request was missing or not allowed."""
    SEARCH_REFUSED = "search_refused"
    """The forum would not search for the words given."""
    SEARCH_TOO_SHORT = "search_too_short"
    """Shorter than the forum's minimum (in ``minimum``); not sent."""
    NO_SUCH_CATEGORY = "no_such_category"
    """A new topic's category is not on the forum (deleted since it was chosen)."""


class ForumRequestError(ForumError):
    """The forum refused the request's parameters (HTTP 400 ``invalid_parameters``), e.g. a
    search shorter than the forum's minimum."""

    def __init__(
        self,
        message: str,
        *,
        problem: RequestProblem = RequestProblem.REFUSED,
        minimum: int = 0,
        answer: HttpAnswer | None = None,
    ) -> None:
        super().__init__(message, answer=answer)
        self.problem = problem
        self.minimum = minimum
        """For a search too short: the fewest characters the forum accepts."""


class AuthProblem(Enum):
    NOT_ACCEPTED = "not_accepted"
    """The forum did not accept the account, for no reason more precise."""
    KEY_REFUSED = "key_refused"
    """The forum no longer accepts the saved key (revoked, or unknown to it)."""
    SIGN_IN_NEEDED = "sign_in_needed"
    """The request needs an account and none is connected."""
    NOT_SIGNED_IN = "not_signed_in"
    """The forum says nobody is signed in."""
    APPROVAL_DENIED = "approval_denied"
    """Deny was pressed on the forum's approval page."""
    APPROVAL_EXPIRED = "approval_expired"
    """The approval code was not entered in time."""
    APPROVAL_INCOMPLETE = "approval_incomplete"
    """The pasted approval text is not all of it."""
    APPROVAL_UNREADABLE = "approval_unreadable"
    """The pasted approval text cannot be decrypted: it is for another request."""
    APPROVAL_OTHER_REQUEST = "approval_other_request"
    """The approval is for a different request (its nonce differs)."""


class AuthError(ForumError):
    """The forum did not accept the account (HTTP 401/403) or no credentials are set up."""

    def __init__(
        self,
        message: str,
        *,
        problem: AuthProblem = AuthProblem.NOT_ACCEPTED,
        answer: HttpAnswer | None = None,
    ) -> None:
        super().__init__(message, answer=answer)
        self.problem = problem


class RateLimitedError(ForumError):
    """The forum asked voicepeer to slow down (HTTP 429)."""

    def __init__(
        self, message: str, *, wait_seconds: float, answer: HttpAnswer | None = None
    ) -> None:
        super().__init__(message, answer=answer)
        self.wait_seconds = wait_seconds


class SlowModeError(RateLimitedError):
    """A reply refused because the topic is in slow mode (Discourse's 422 "This topic is in
    slow mode.", which gives no time): the wait is worked out from the topic's page."""

    def __init__(
        self,
        message: str,
        *,
        wait_seconds: float,
        interval_seconds: int,
        answer: HttpAnswer | None = None,
    ) -> None:
        super().__init__(message, wait_seconds=wait_seconds, answer=answer)
        self.interval_seconds = interval_seconds
        """How often the topic takes a post from each member."""
