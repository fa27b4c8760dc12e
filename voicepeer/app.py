"""Putting voicepeer together: engines chosen from the command line and the settings,
wired into the voice loop. The one place that knows every concrete engine."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, NoReturn

from voicepeer import paths
from voicepeer.audio.earcons import EarconPlayer
from voicepeer.audio.echo_cancel import set_up_echo_cancel
from voicepeer.commands.interpreter import Interpreter
from voicepeer.errors import AudioDeviceError, ConfigError, VoicepeerError
from voicepeer.forum.credentials import Credentials, forum_data_key, without_user_info
from voicepeer.forum.discourse import DiscourseClient, open_discourse
from voicepeer.forum.drafts import DraftStore
from voicepeer.forum.outbox import Outbox
from voicepeer.forum.retry import OutboxRetry, RetrySettings
from voicepeer.listening import acknowledge_yes, make_interpreter, make_listener
from voicepeer.microphone_wait import (
    BACK_SPOKEN,
    LOST_SPOKEN,
    WAITING_SPOKEN,
    StartAgain,
    someone_can_type,
    wait_for_microphone,
)
from voicepeer.recognition.base import Listener
from voicepeer.recognition.listener import AudioListener
from voicepeer.running import voice_loop_running
from voicepeer.settings import Settings
from voicepeer.speech.base import SpeechOutput
from voicepeer.speech.controls import VoiceControls
from voicepeer.speech.fallback import FallbackSpeech
from voicepeer.speech.printed import PrintedSpeech
from voicepeer.start_notes import start_notes, tell_helper
from voicepeer.switches import TerminalKeySwitch, open_switch
from voicepeer.voice.assistant import Assistant, Engines
from voicepeer.voice.barge_in import open_barge_in
from voicepeer.voice.error_phrases import say_error
from voicepeer.voice.phrasing import waiting_announcement
from voicepeer.voice.places import PlacesFile
from voicepeer.voice.ports import Cues, SilentCues
from voicepeer.voice.push_to_talk import PushToTalkListener, StopKey, TrackedSpeech
from voicepeer.voice.rendering import PostRenderer
from voicepeer.voice.state_commands import switch_presses
from voicepeer.voice.text_input import TextListener

log = logging.getLogger(__name__)

INPUT_KINDS = ("mic", "text", "wav")
OUTPUT_KINDS = ("speaker", "text", "wav")


@dataclass(frozen=True)
class Endpoint:
    """An input or output choice from the command line: ``mic``, ``text``, ``wav:PATH`` …"""

    kind: str
    path: Path | None = None

    def __str__(self) -> str:
        return f"{self.kind}:{self.path}" if self.path else self.kind


def _parse_endpoint(value: str, kinds: tuple[str, ...], what: str) -> Endpoint:
    kind, _, path = value.partition(":")
    if kind not in kinds:
        raise argparse.ArgumentTypeError(
            f"{what} must be one of {', '.join(k + (':PATH' if k == 'wav' else '') for k in kinds)}"
            f", not {value!r}"
        )
    if kind == "wav":
        if not path:
            raise argparse.ArgumentTypeError(f"{what} wav needs a path: wav:PATH")
        return Endpoint(kind, Path(path))
    if path:
        raise argparse.ArgumentTypeError(f"{what} {kind} takes no path")
    return Endpoint(kind)


def parse_input(value: str) -> Endpoint:
    """``mic``, ``text`` or ``wav:PATH`` (a recording to listen to)."""
    return _parse_endpoint(value, INPUT_KINDS, "--input")


def parse_output(value: str) -> Endpoint:
    """``speaker``, ``text`` or ``wav:DIR`` (one WAV file per utterance)."""
    return _parse_endpoint(value, OUTPUT_KINDS, "--output")


def open_speech(output: Endpoint, settings: Settings) -> SpeechOutput:
    """The chosen speech output; a speaker or synthesizer failing later turns it into
    printed speech (see FallbackSpeech) rather than stopping voicepeer."""
    if output.kind == "text":
        return PrintedSpeech()
    from voicepeer.speech.factory import make_speech_output

    kind: Literal["speaker", "wav"] = "wav" if output.kind == "wav" else "speaker"
    return FallbackSpeech(make_speech_output(kind, settings.speech, wav_dir=output.path), say_error)


def open_listener(source: Endpoint, settings: Settings, interpreter: Interpreter) -> Listener:
    if source.kind == "text":
        return TextListener(prompt="> ")
    return make_listener(
        source.kind, settings.recognition, path=source.path, interpreter=interpreter
    )


@dataclass
class VoiceIO:
    """How voicepeer hears and answers: listener, speech output (held by its voice
    controls) and earcons."""

    listener: Listener
    voice: VoiceControls
    cues: Cues
    interpreter: Interpreter
    """What was heard means: the one the listener decodes for and the voice loop acts by."""
    voice_training_would_help: bool = False
    """The bundled engine is listening without voice training."""
    hearing: AudioListener | None = None
    """The listener on the microphone or recording, under any switch or barge-in."""
    yes_switch: bool = False
    """A press of the person's yes switch (or key) answers a question with yes."""


def open_cues(output: Endpoint, settings: Settings) -> Cues:
    """Earcons through the speaker; none in text or WAV output, where they would only get
    in the way of reading the dialogue."""
    if output.kind != "speaker":
        return SilentCues()
    from voicepeer.audio.earcons import EarconPlayer
    from voicepeer.audio.output import SounddeviceOutput

    try:
        return EarconPlayer(SounddeviceOutput(settings.speech.output_device), settings.earcons)
    except AudioDeviceError as error:
        log.warning("no earcons: %s", error)
        return SilentCues()


@contextmanager
def open_io(source: Endpoint, output: Endpoint, settings: Settings) -> Iterator[VoiceIO]:
    """Open the chosen speech output and input. A missing speaker or microphone is said
    once and replaced by printed speech and typed input rather than stopping voicepeer.
    With push-to-talk set up, the microphone listens only when the switch says so."""
    with ExitStack() as stack:
        notices: list[str] = []
        if (
            settings.barge_in.enabled
            and settings.barge_in.set_up_echo_cancel
            and settings.switches.mode == "off"
            and output.kind == "speaker"
            and source.kind == "mic"
        ):
            # Before the speaker opens, so that speech goes through the canceller's sink.
            set_up_echo_cancel()
        try:
            speech = open_speech(output, settings)
        except AudioDeviceError as error:
            log.warning("no speaker: %s", error)
            _tell_helper(error, "[speech] output_device", settings.speech.output_device)
            speech = PrintedSpeech()
            notices.append("I can't find a speaker, so I will print what I say.")
        stack.callback(speech.close)
        # One interpreter for the recognizer's phrasebook, the heard-yes cue and the voice
        # loop, so all three understand the same words the same way.
        interpreter = make_interpreter(settings.recognition)
        try:
            listener = open_listener(source, settings, interpreter)
        except AudioDeviceError as error:
            log.warning("no microphone: %s", error)
            _tell_helper(error, "[recognition] device", settings.recognition.device)
            if not someone_can_type():
                _wait_for_microphone(speech, settings, WAITING_SPOKEN)
            listener = TextListener(prompt="> ")
            notices.append(
                "I can't find a microphone, so please type what you would say, "
                "one command per line. Type goodbye, or press Control D, to end."
            )
        stack.callback(listener.close)
        cues = open_cues(output, settings)
        untrained = yes_switch = False
        hearing = listener if isinstance(listener, AudioListener) else None
        if hearing is not None:
            if isinstance(cues, EarconPlayer):
                hearing.on_answer_pause = acknowledge_yes(cues, interpreter)
            from voicepeer.recognition.sphinx import SphinxRecognizer

            # Only the bundled engine learns a voice (see voicepeer train-voice).
            recognizer = hearing.recognizer
            untrained = (
                isinstance(recognizer, SphinxRecognizer) and recognizer.voice_profile is None
            )
            speech, listener, yes_switch = _add_switch(speech, hearing, settings, stack)
        voice = VoiceControls(speech, settings.speech)
        for notice in notices:
            voice.speech.say(notice)
        yield VoiceIO(listener, voice, cues, interpreter, untrained, hearing, yes_switch)


def _wait_for_microphone(speech: SpeechOutput, settings: Settings, spoken: str) -> NoReturn:
    """Nobody can type instead (the service): say so, wait for the microphone, then start
    again with it (see voicepeer.microphone_wait)."""
    retry_s = settings.recognition.microphone_retry_s
    print(
        "voicepeer: nobody can type instead (no terminal), so voicepeer looks for the "
        f"microphone every {retry_s:g} seconds and starts listening once it works.",
        file=sys.stderr,
    )
    speech.say(spoken)
    wait_for_microphone(settings.recognition.device, retry_s)
    speech.say(BACK_SPOKEN)
    raise StartAgain


def _tell_helper(error: AudioDeviceError, setting: str, device: str) -> None:
    """Say in the terminal (or the service's log) why the microphone or speaker could not
    be used: the person hears only that it is missing, which a wrong setting also gives."""
    if device.strip():
        fix = (
            f'The settings file names it: {setting} = "{device}". Set that to part of a '
            "name 'voicepeer doctor' lists, or to \"\" for the default one."
        )
    else:
        fix = (
            "Check that it is plugged in and switched on; 'voicepeer doctor' says what else "
            "to check."
        )
    print(f"voicepeer: {error}. {fix}", file=sys.stderr)


def _add_switch(
    speech: SpeechOutput, listener: AudioListener, settings: Settings, stack: ExitStack
) -> tuple[SpeechOutput, Listener, bool]:
    """Push-to-talk when configured; otherwise a key that stops speech (in a terminal) and
    listening for "stop" while speaking (with an echo-cancelled microphone). The last of
    the three: whether the configured yes key is read, so a press answers yes."""
    tracked = TrackedSpeech(speech)
    yes_key = bool(settings.switches.yes_key)
    listener.presses = switch_presses()
    if settings.switches.mode != "off":
        switch = open_switch(settings.switches)
        if switch is not None:
            ptt = PushToTalkListener(
                listener,
                switch,
                settings.switches,
                tracked,
                yes_pressed=listener.yes_pressed,
                presses=listener.presses,
            )
            stack.callback(ptt.close)
            return tracked, ptt, yes_key
    barge_in = open_barge_in(
        listener, tracked, settings.barge_in, settings.recognition, listener.room_talk
    )
    if barge_in is not None:
        stack.callback(barge_in.close)
    terminal = sys.stdin.isatty()
    if yes_key and not terminal:
        # Typically a service started without a terminal: the carer set up a switch that
        # nothing reads, and voicepeer must not tell the person to press it.
        log.warning(
            "[switches] yes_key is set, but without a terminal or push-to-talk nothing "
            'reads it: presses are not heard (push-to-talk with [switches] source = "evdev" '
            "reads a switch without a terminal)"
        )
    if terminal:
        stop_key = StopKey(
            TerminalKeySwitch(),
            tracked,
            yes_key=settings.switches.yes_key,
            yes_pressed=listener.yes_pressed,
        )
        stack.callback(stop_key.close)
    elif barge_in is None:
        return speech, listener, False
    return tracked, barge_in or listener, yes_key and terminal


def open_forum(
    url: str, settings: Settings, speech: SpeechOutput, credentials: Credentials | None = None
) -> DiscourseClient:
    """A client for the forum at ``url`` with ``credentials`` or else the caregiver's stored
    account, if any, that tells the user when the forum is slow or asks voicepeer to wait."""
    client = open_discourse(url, settings.forum, credentials=credentials)
    tell_waits(client, speech)
    return client


def tell_waits(client: DiscourseClient, speech: SpeechOutput) -> None:
    """Have ``speech`` say when ``client``'s request is slow, or the forum asks to wait."""
    client.on_slow(lambda: speech.say("Still waiting for the forum."))
    client.on_wait(
        lambda seconds: speech.say(f"{waiting_announcement(seconds)} I will carry on after that.")
    )


def tell_when_quiet(assistant: Assistant, *listeners: object) -> None:
    """Have the listeners that wait for the person (microphone or typed lines) give the voice
    loop the quiet moments, so that what happened meanwhile is told when it happens rather
    than at the next utterance."""
    for listener in listeners:
        if isinstance(listener, AudioListener | TextListener):
            listener.on_quiet = assistant.quiet_moment


def _background_retry(
    url: str,
    settings: Settings,
    outbox_path: Path,
    stack: ExitStack,
    credentials: Credentials | None,
) -> OutboxRetry:
    """Retries waiting replies during the session through a client of its own: one that
    never speaks ("still waiting", "the forum asked me to wait") over the voice loop."""
    client = stack.enter_context(
        open_discourse(url, settings.forum, credentials=credentials, offline_cache=False)
    )
    outbox = Outbox(outbox_path, client)
    stack.callback(outbox.close)
    return OutboxRetry(outbox)


def run_assistant(
    url: str,
    source: Endpoint,
    output: Endpoint,
    settings: Settings,
    *,
    forum_key: str | None = None,
    credentials: Credentials | None = None,
) -> int:
    """Run the voice loop against the forum at ``url`` until the input ends. ``forum_key``
    names the forum's own data (default: its address; the demo forum's port changes).
    ``credentials``: the account to use instead of the saved one (the demo forum's)."""
    if not url:
        raise ConfigError(
            "no forum address: give --forum URL, set forum_url in the [general] section of "
            "the configuration file, or try 'voicepeer demo'"
        )
    data = paths.forum_data_dir(forum_key or forum_data_key(url))
    paths.secure_private_data()
    data.mkdir(parents=True, exist_ok=True, mode=paths.PRIVATE_DIR_MODE)
    with ExitStack() as stack:
        stack.enter_context(voice_loop_running())
        # Where each session begins and ends, for a carer reading the log afterwards.
        log.info("session started (forum %s)", without_user_info(url))
        stack.callback(log.info, "session ended")
        notes = start_notes(settings)
        tell_helper(notes)
        io = stack.enter_context(open_io(source, output, settings))
        for note in notes:
            if note.to_the_person:
                io.voice.speech.say(note.to_the_person)
        try:
            forum = stack.enter_context(open_forum(url, settings, io.voice.speech, credentials))
        except VoicepeerError as error:
            # Run as a service, the person heard nothing and only the terminal was told (a
            # damaged accounts file): said aloud, and the carer finds it in the log.
            log.error("could not start on the forum: %s", type(error).__name__)
            io.voice.speech.say(say_error(error))
            raise
        outbox = Outbox(
            data / "outbox.sqlite3", forum, lock_wait_s=RetrySettings().voice_loop_lock_wait_s
        )
        stack.callback(outbox.close)
        drafts = DraftStore(data / "outbox.sqlite3")
        stack.callback(drafts.close)
        drafts.take_in_legacy(data / "drafts")
        retry = _background_retry(url, settings, data / "outbox.sqlite3", stack, credentials)
        retry.watch(outbox)
        forum.on_back(retry.try_now)  # what waits goes as soon as the forum answers again
        engines = Engines(
            listener=io.listener,
            forum=forum,
            interpreter=io.interpreter,
            drafts=drafts,
            outbox=outbox,
            places=PlacesFile(data / "places.json"),
            render_post=PostRenderer(
                skip_quotes=settings.speech.skip_quotes, muted_words=settings.voice.muted_words
            ),
            voice=io.voice,
            cues=io.cues,
            voice_training_would_help=io.voice_training_would_help,
            news=retry.news,
            yes_switch=io.yes_switch,
            typing_instead=someone_can_type(),
        )
        assistant = Assistant(engines, settings.voice)
        if io.hearing is not None:
            io.hearing.on_room_talk = assistant.room_talk_heard
        tell_when_quiet(assistant, io.hearing, io.listener)
        retry.start()
        stack.callback(retry.close)
        try:
            assistant.run()
        except AudioDeviceError as error:  # the microphone went, with nobody to type instead
            log.warning("the microphone stopped working: %s", error)
            _wait_for_microphone(io.voice.speech, settings, LOST_SPOKEN)
    print("voicepeer: goodbye", file=sys.stderr)
    return 0
