"""The real parts the set-up wizard drives, each behind a small callable so the wizard can
run (and say "not available, skipping") whatever this computer lacks."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from voicepeer.audio.base import AudioInput
from voicepeer.errors import AudioDeviceError, ConfigError, ForumError, VoicepeerError
from voicepeer.setup.hear_recording import HeardCommands, recognize_command
from voicepeer.setup.prompter import Prompter
from voicepeer.setup.push_to_talk import wait_for_key
from voicepeer.speech.settings import SpeechSettings
from voicepeer.speech.voices import VoiceList, espeak_voices
from voicepeer.voice.error_phrases import say_error

log = logging.getLogger(__name__)

SpeakPreview = Callable[[str, Any], bool]
"""(text, speech settings) → True when spoken aloud, False when there is no speaker."""


def connect_account(url: str) -> str | None:
    """Run the forum account approval (``voicepeer forum connect``) on this terminal: the
    forum's address as found, or None; what went wrong is said on the terminal, and the
    wizard goes on either way."""
    from voicepeer.setup.forum_account import connect_account as connect

    try:
        return connect(url)
    except VoicepeerError as error:
        print(say_error(error), file=sys.stderr, flush=True)
        return None


def forum_at(typed: str) -> str:
    """The address the forum at ``typed`` answers at (as typed: without http://, a forum on
    this computer is found there too). Raises ConfigError saying what is wrong, in a
    carer's words, when no forum answers there."""
    from voicepeer.forum.address_check import ForumAddressError, check_forum_address

    print("  Checking the forum address...", flush=True)
    try:
        return check_forum_address(typed, need_user_api_keys=False).url
    except ForumAddressError as error:
        raise ConfigError(say_error(error)) from None


def connected_account(url: str) -> str | None:
    """Who is connected to the forum at ``url`` already (a username, or "" when it is not
    known); None when no account is saved for it, or the saved accounts cannot be read."""
    from voicepeer.forum.credentials import CredentialStore

    try:
        saved = CredentialStore().load(url)
    except VoicepeerError:
        return None
    if saved is None:
        return None
    return saved.username or ""


def key_refused(url: str) -> bool:
    """Whether the forum at ``url`` no longer takes the saved account's key (revoked on the
    forum, or the account changed). False when it takes it, or could not be asked (nothing
    answered: the connection is not the key's fault)."""
    from voicepeer.forum.credentials import CredentialStore
    from voicepeer.forum.discourse import DiscourseClient
    from voicepeer.forum.settings import ForumSettings
    from voicepeer.setup.forum_trouble import forum_trouble

    try:
        saved = CredentialStore().load(url)
        if saved is None:
            return False
        print("  Checking the saved account with the forum...", flush=True)
        settings = ForumSettings().for_a_check()
        with DiscourseClient(url, credentials=saved, settings=settings) as client:
            client.check_account()
    except ForumError as error:
        log.info("checking the saved account: %s", error)
        return forum_trouble(url, error).account
    except VoicepeerError:
        return False
    return False


def speak_preview(text: str, speech: SpeechSettings) -> bool:
    """Say ``text`` exactly as voicepeer will, through its own speech output; False when
    there is no speaker to use (the wizard then prints the text)."""
    from voicepeer.speech.factory import make_speech_output

    try:
        output = make_speech_output("speaker", speech)
    except AudioDeviceError as error:
        log.info("preview printed instead of spoken: %s", error)
        return False
    try:
        output.say(text)
    finally:
        output.close()
    return True


def device_id(name: str) -> int | str | None:
    """A configured device: "" → the default, "3" → PortAudio's device 3, else a name."""
    name = name.strip()
    return None if not name else int(name) if name.isdigit() else name


def open_microphone(device: str = "") -> AudioInput:
    from voicepeer.audio.input import SounddeviceInput

    return SounddeviceInput(device_id(device))


def download_model(name: str, settings: Any) -> Path:
    from voicepeer.speech_models import ProgressBar
    from voicepeer.speech_models import download_model as download

    return download(name, settings=settings, progress=ProgressBar())


def train_voice(io: Prompter, device: str, settings: Any) -> str:
    from voicepeer.setup.voice_training_session import run_voice_training

    return run_voice_training(io, device, settings)


@dataclass
class WizardEngines:
    """Everything the wizard uses that touches hardware or the network."""

    forum_at: Callable[[str], str] = forum_at
    connect_account: Callable[[str], str | None] = connect_account
    connected_account: Callable[[str], str | None] = connected_account
    key_refused: Callable[[str], bool] = key_refused
    speak_preview: SpeakPreview = speak_preview
    list_voices: Callable[[], VoiceList | None] = espeak_voices
    open_microphone: Callable[[str], AudioInput] = open_microphone
    recognize_command: Callable[[bytes, Any], HeardCommands] = recognize_command
    download_model: Callable[[str, Any], Path] = download_model
    train_voice: Callable[[Prompter, str, Any], str] = train_voice
    """(prompter, microphone name, settings) → how it went; see
    voicepeer.setup.voice_training_session."""
    wait_for_key: Callable[[Any, Callable[[], object]], str | None] = wait_for_key
    """(switch settings, called when ready for the press) → the key pressed once on that
    switch, or None after a while."""
    unavailable: dict[str, str] = field(default_factory=dict)


def describe(error: BaseException) -> str:
    """A failure in one sentence, for "not available, skipping" lines."""
    if isinstance(error, VoicepeerError):
        return str(error)
    return f"{type(error).__name__}: {error}"
