"""voicepeer's own exception tree.

Library errors (httpx, sounddevice, vosk, pocketsphinx, pyttsx3, tomllib) are translated
into these where they enter voicepeer, so the voice loop only ever handles this tree.
Every error carries ``spoken``: a short sentence that can be read aloud to the user and
says what to do next. ``str(error)`` is the detailed message for logs and the terminal;
neither may contain post text or keys.
"""

from __future__ import annotations


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


class ForumError(VoicepeerError):
    """Anything that went wrong talking to the forum."""

    default_spoken = "The forum had a problem. Please try again in a little while."


class ForumUnreachableError(ForumError):
    """No answer from the forum: no network, DNS failure, timeout, connection refused."""

    default_spoken = (
        "I cannot reach the forum right now. Check the internet connection; "
        "I will keep anything you dictated."
    )


class ForumResponseError(ForumError):
    """The forum answered with something voicepeer cannot understand (malformed JSON, 5xx)."""

    default_spoken = "The forum sent an answer I could not understand. Please try again later."


class ForumRejectedError(ForumError):
    """The forum refused the request as invalid (HTTP 422), with its reasons."""

    default_spoken = "The forum did not accept that."

    def __init__(
        self, message: str, *, errors: tuple[str, ...] = (), spoken: str | None = None
    ) -> None:
        super().__init__(message, spoken=spoken)
        self.errors = errors


class ForumNotFoundError(ForumError):
    """The topic, post or page does not exist (HTTP 404)."""

    default_spoken = "I could not find that on the forum. It may have been removed."


class ForumGoneError(ForumNotFoundError):
    """The topic or post was there but has been deleted (HTTP 410)."""

    default_spoken = "That has been deleted from the forum, so I cannot open it."


class ForumForbiddenError(ForumError):
    """The forum refused this action for this account (HTTP 403 ``invalid_access``): liking
    one's own post or one already liked, a restricted category, someone else's private
    message. The account itself still works."""

    default_spoken = "The forum does not let your account do that here."

    def __init__(self, message: str, *, reason: str = "", generic: bool = True,
                 spoken: str | None = None) -> None:
        super().__init__(message, spoken=spoken)
        self.reason = reason
        """The forum's own words, when it gave any beyond its stock sentence."""
        self.generic = generic
        """True when the forum said only its stock "not permitted" sentence, which is also
        what a revoked key gets: worth checking the account before blaming the action."""


class ForumRequestError(ForumError):
    """The forum refused the request's parameters (HTTP 400 ``invalid_parameters``), e.g. a
    search shorter than the forum's minimum."""

    default_spoken = (
        "The forum could not do that: part of the request was missing or not allowed. "
        "Please try it another way."
    )


class AuthError(ForumError):
    """The forum did not accept the account (HTTP 401/403) or no credentials are set up."""

    default_spoken = "The forum did not accept the account. Please ask your helper to reconnect it."


class RateLimitedError(ForumError):
    """The forum asked voicepeer to slow down (HTTP 429)."""

    default_spoken = "The forum asked me to slow down."

    def __init__(self, message: str, *, wait_seconds: float, spoken: str | None = None) -> None:
        super().__init__(message, spoken=spoken)
        self.wait_seconds = wait_seconds
