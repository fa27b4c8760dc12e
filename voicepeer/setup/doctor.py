"""The checks behind ``voicepeer doctor``: each a small function returning a :class:`Check`.

A check never raises: whatever goes wrong becomes a failed check whose ``fix`` says, in
plain words, what the caregiver can do about it.
"""

from __future__ import annotations

import logging
import shutil
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from voicepeer import paths
from voicepeer.audio.base import AudioInput
from voicepeer.audio.portaudio_exit import import_sounddevice
from voicepeer.audio.speaker_echo import SpeakerEcho, speaker_echo
from voicepeer.config.encoding import NotUtf8Error
from voicepeer.config.loader import load_file
from voicepeer.config.values import forum_address
from voicepeer.config.writer import left_out_notes
from voicepeer.errors import (
    AudioDeviceError,
    AuthError,
    ConfigError,
    ForumError,
    ForumForbiddenError,
    ForumResponseError,
    ModelMissingError,
    SpeechEngineError,
    VoicepeerError,
)
from voicepeer.settings import Settings
from voicepeer.speech.voices import VoiceList, espeak_voices, unknown_voice_problem

if TYPE_CHECKING:
    from voicepeer.forum.discourse import DiscourseClient
    from voicepeer.speech.synth import Synthesizer

log = logging.getLogger(__name__)

TEST_PHRASE = "next post"
TEST_PHRASE_VOICE = "en-us"
TEST_PHRASE_RATE_WPM = 130
"""The voice and rate that say the recognizer's test phrase: clear, unhurried American
English, which the bundled model understands best."""
QUIET_PCM = bytes(16_000)
"""Half a second of quiet at 16 kHz: decoded when there is no voice to say the phrase."""
MIN_SPOKEN_HELLO_S = 0.1
"""Shorter than this, "hello" was not really spoken."""


@dataclass(frozen=True)
class Check:
    check: str
    ok: bool
    detail: str
    fix: str = ""
    """What to do: required when ``ok`` is false; a tip when ``ok`` is true."""

    def as_dict(self) -> dict[str, object]:
        return {"check": self.check, "ok": self.ok, "detail": self.detail, "fix": self.fix}


AUDIO_FIX_INPUT = (
    "Plug in a USB microphone or headset, then run 'arecord -l' to see that the computer "
    "found it. On a desktop or Raspberry Pi choose it as the default input ('wpctl status' "
    "and 'wpctl set-default ID' with PipeWire, or 'pactl list short sources' and "
    "'pactl set-default-source NAME' with PulseAudio). See Troubleshooting in the README."
)
AUDIO_FIX_OUTPUT = (
    "Plug in speakers or headphones and turn them on. Run 'aplay -l' to see that the "
    "computer found them, and choose them as the default output ('wpctl set-default ID' "
    "with PipeWire, or 'pactl set-default-sink NAME' with PulseAudio)."
)


def check_configuration(config_file: Path, *, required: bool = False) -> tuple[Check, Settings]:
    """The configuration file loads cleanly (it must exist when ``required``); returns the
    settings the other checks use."""
    notes: list[str] = []
    try:
        settings = load_file(config_file, Settings, required=required, notes=notes)
    except VoicepeerError as error:
        if not config_file.exists():
            fix = (
                f"Give the path of the settings file that exists, or create this one: "
                f"voicepeer --config {config_file} configure"
            )
            return Check("configuration", False, str(error), fix), Settings()
        # The other checks use every setting that is right, as 'voicepeer configure'
        # keeps them: checked against the defaults, a real forum looked like the demo one.
        try:
            settings = load_file(config_file, Settings, dropped=[], not_utf8=[])
            used = "that are right"
        except VoicepeerError:
            settings, used = Settings(), "voicepeer would use without the file (its defaults)"
        mend = (
            "Run 'voicepeer configure --non-interactive' to write it again as UTF-8"
            if isinstance(error, NotUtf8Error)
            else f"Fix the lines listed in {config_file} with a text editor, or run "
            "'voicepeer configure' to write the file again"
        )
        fix = (
            f"{mend}. voicepeer does not start until then; the checks below use the "
            f"settings {used}."
        )
        return Check("configuration", False, str(error), fix), settings
    where = config_file if config_file.exists() else f"{config_file} (not created yet: defaults)"
    tips = []
    if notes:
        tips.append(
            f"Remove from {config_file} what is no longer used: "
            + "; ".join(notes)
            + ". 'voicepeer configure' also leaves it out when it writes the file."
        )
    left_out = _left_out_notes(config_file)
    if left_out:
        # Kept as notes when the file was written again: not in use until fixed by hand.
        tips.append(
            f"{len(left_out)} line{'s' if len(left_out) > 1 else ''} of {config_file} "
            f"{'were' if len(left_out) > 1 else 'was'} left out as wrong and kept as notes "
            "at its end, not in use: "
            + "; ".join(note.split(": ", 1)[-1] for note in left_out)
            + ". Fix each and move it under its [section] without the #, or delete the note."
        )
    return Check("configuration", True, f"settings read from {where}", " ".join(tips)), settings


def _left_out_notes(config_file: Path) -> list[str]:
    try:
        return left_out_notes(config_file.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return []


def check_aliases(settings: Settings) -> Check:
    """Personal command words name real commands and take over no built-in one."""
    from voicepeer.config.aliases import alias_problems

    aliases = settings.recognition.aliases
    problems = alias_problems(aliases)
    if problems:
        return Check(
            "personal command words",
            False,
            "; ".join(f'"{p.phrase} = {p.command}": {p.problem}' for p in problems),
            " ".join(dict.fromkeys(p.fix for p in problems))
            + " Edit [recognition] aliases in the settings file, or run "
            "'voicepeer configure' again.",
        )
    return Check(
        "personal command words",
        True,
        f"{len(aliases)} set up, none taking over a built-in command" if aliases else "none set up",
    )


def check_push_to_talk(settings: Settings) -> Check:
    """Push-to-talk, when on, is set up in a way that can work."""
    from voicepeer.setup.push_to_talk import push_to_talk_problem

    switches = settings.switches
    if switches.mode == "off":
        return Check("push-to-talk", True, "off: voicepeer always listens")
    problem = push_to_talk_problem(switches)
    if problem is not None:
        what, _, fix = problem.partition(". ")
        return Check("push-to-talk", False, what, fix or "Run 'voicepeer configure' again.")
    return Check(
        "push-to-talk",
        True,
        f"{switches.mode} with the key {switches.key} ({switches.source})",
        "To turn it off: voicepeer configure --non-interactive --no-push-to-talk",
    )


def _devices(kind: str) -> tuple[list[str], str | None]:
    """Names of the input or output devices PortAudio sees, or why it cannot look."""
    try:
        sd = import_sounddevice()
        devices = sd.query_devices()
    except (OSError, ImportError) as error:  # no PortAudio library at all
        return [], f"the sound library is missing ({error}); run scripts/setup"
    except Exception as error:  # PortAudioError: no host API at all
        return [], f"no sound system found ({error})"
    key = "max_input_channels" if kind == "input" else "max_output_channels"
    return [str(d["name"]) for d in devices if int(d[key]) > 0], None


def check_microphone(
    device: str = "", open_microphone: Callable[[str], AudioInput] | None = None
) -> Check:
    """A microphone exists and delivers audio (``device``: the configured one, "" = default)."""
    names, problem = _devices("input")
    if problem or not names:
        return Check("microphone", False, problem or "no microphone found", AUDIO_FIX_INPUT)
    if open_microphone is None:
        from voicepeer.setup.wizard_engines import open_microphone as open_default

        open_microphone = open_default
    try:
        microphone = open_microphone(device)
        try:
            audio = microphone.read(0.2)
        finally:
            microphone.close()
    except VoicepeerError as error:
        fix = AUDIO_FIX_INPUT
        if device:
            fix = (
                f'Set [recognition] device to part of one of these names, or to "" for the '
                f"default microphone: {', '.join(names)}. {fix}"
            )
        return Check("microphone", False, str(error), fix)
    if not audio:
        return Check("microphone", False, "the microphone gave no sound", AUDIO_FIX_INPUT)
    echo = None if device else speaker_echo()
    if echo is not None:
        return _speaker_echo_check(echo)
    return Check(
        "microphone",
        True,
        f"recording works ({len(names)} input devices: " + ", ".join(names[:3]) + ")",
    )


def _speaker_echo_check(echo: SpeakerEcho) -> Check:
    """Recording "works" from a speaker's monitor, but voicepeer would never hear the person."""
    if not echo.microphones:
        return Check(
            "microphone",
            False,
            f"no microphone is connected: the only input is the speaker's echo ({echo.source}), "
            "which never hears the person",
            AUDIO_FIX_INPUT,
        )
    return Check(
        "microphone",
        False,
        f"the default input is the speaker's echo ({echo.source}), not a microphone",
        "Make the microphone the default input: 'pactl set-default-source NAME' with one of "
        f"{', '.join(echo.microphones)} (or 'wpctl status' and 'wpctl set-default ID' with "
        "PipeWire), then run voicepeer doctor again.",
    )


def check_noise_suppression(settings: Settings) -> Check:
    """Says whether the microphone's sound is cleaned of background noise, and when."""
    from voicepeer.audio.noise import suppression_available

    recognition = settings.recognition
    if recognition.noise_suppression == "off":
        return Check("noise suppression", True, "off ([recognition] noise_suppression)")
    if not suppression_available():
        return Check(
            "noise suppression",
            False,
            "the webrtc-noise-gain library is missing",
            "Run scripts/setup again.",
        )
    if recognition.noise_suppression == "on":
        return Check(
            "noise suppression", True, "always on (it costs some accuracy in a quiet room)"
        )
    return Check(
        "noise suppression",
        True,
        "automatic: on while the background is louder "
        f"than {recognition.noisy_room_db:.0f} dB (a fan, the TV), off in a quiet room",
    )


def check_speaker(device: str = "") -> Check:
    """The speaker voicepeer speaks through ([speech] output_device, "" = the default), opened
    as the voice loop opens it, plays a tenth of a second of silence."""
    from voicepeer.audio.output import SounddeviceOutput

    try:
        speaker = SounddeviceOutput(device, warm_up_s=0.0)
        try:
            speaker.play(bytes(3200), 16_000)
        finally:
            speaker.close()
    except AudioDeviceError as error:
        fix = AUDIO_FIX_OUTPUT
        if device:
            fix = (
                'Set [speech] output_device to part of one of the names found, or to "" '
                f"for the default speaker. {fix}"
            )
        # The check's name says "speaker" already ("speaker: speaker: …" before).
        return Check("speaker", False, str(error).removeprefix("speaker: "), fix)
    return Check("speaker", True, f"playing works ({device or 'default device'})")


def _spoken_test_phrase(text: str) -> bytes | None:
    """``text`` said by espeak-ng as 16 kHz mono PCM, or ``None`` without espeak-ng."""
    import numpy as np

    from voicepeer.audio.input import to_mono_16k
    from voicepeer.speech.synth import EspeakSynthesizer

    synthesizer = EspeakSynthesizer(TEST_PHRASE_VOICE)
    try:
        speech = synthesizer.synthesize(text, rate_wpm=TEST_PHRASE_RATE_WPM)
    except SpeechEngineError:
        return None
    finally:
        synthesizer.close()
    return to_mono_16k(np.frombuffer(speech.pcm, dtype="<i2"), speech.sample_rate).tobytes()


def check_recognizer(
    settings: Settings | None = None,
    recognize: Callable[[bytes], str] | None = None,
) -> Check:
    """The configured recognizer, built as the voice loop builds it, decodes a spoken phrase;
    without a voice to say the phrase, a moment of quiet shows at least that it loads."""
    fix = "Reinstall voicepeer with scripts/setup (the English model comes with it)."
    if recognize is None:
        from voicepeer.setup.hear_recording import recognize_command

        def recognize(pcm: bytes) -> str:
            return recognize_command(pcm, settings or Settings()).text

    started = time.monotonic()
    phrase = _spoken_test_phrase(TEST_PHRASE)
    try:
        heard = recognize(phrase if phrase is not None else QUIET_PCM)
    except ModelMissingError as error:
        return Check("speech recognizer", False, f"it did not start: {error}", _model_fix(settings))
    except VoicepeerError as error:
        what = "decoding a test phrase failed" if phrase else "the recognizer did not start"
        return Check(
            "speech recognizer",
            False,
            f"{what}: {error}",
            fix + " If it still fails, run 'voicepeer --debug doctor' and send the "
            "log to whoever supports you.",
        )
    took = time.monotonic() - started
    if phrase is None:
        return Check(
            "speech recognizer",
            True,
            f"the speech model loads ({took:.1f} s); no voice to test it with",
        )
    return Check(
        "speech recognizer",
        True,
        f'a test phrase "{TEST_PHRASE}" was heard as '
        f'"{heard}" ({took:.1f} s, model loading included)',
    )


def _model_fix(settings: Settings | None) -> str:
    """What to do when the recognizer's model is missing: download Vosk's, or use the
    built-in engine, whose model comes with voicepeer."""
    settings = settings or Settings()
    if settings.recognition.engine != "vosk":
        return "Reinstall voicepeer with scripts/setup (the English model comes with it)."
    if settings.recognition.model_path is not None:
        return (
            "Set [recognition] model_path to the folder of an unpacked Vosk model, or leave "
            "it out to use 'voicepeer models download'."
        )
    return (
        f"Run 'voicepeer models download {settings.models.vosk_model}' (needs the "
        'internet), or set [recognition] engine = "sphinx" to use the built-in engine, '
        "which needs no download."
    )


def check_vosk_model(settings: Settings) -> Check:
    """The Vosk model for better dictation is installed and intact; required when
    ``[recognition] engine`` is "vosk", a tip otherwise."""
    from voicepeer.speech_models import find_vosk_model, verify_models
    from voicepeer.speech_models.catalogue import catalogue_entry
    from voicepeer.speech_models.layout import folder_problems

    required = settings.recognition.engine == "vosk"
    chosen = settings.recognition.model_path
    if required and chosen is not None:
        problems = folder_problems(chosen) if chosen.is_dir() else ["no such folder"]
        if problems:
            return Check(
                "dictation model",
                False,
                f"{chosen}: " + "; ".join(problems),
                "Set [recognition] model_path to the folder of an unpacked Vosk "
                "model, or leave it out to use 'voicepeer models download'.",
            )
        return Check("dictation model", True, f"Vosk model ready in {chosen}")
    name = settings.models.vosk_model
    folder = find_vosk_model(name, settings.models)
    entry = catalogue_entry(name)
    size = f", about {entry.approx_size_mb} MB" if entry is not None else ""
    download = f"Run 'voicepeer models download {name}' (needs the internet{size})."
    if folder is None:
        if required:
            return Check(
                "dictation model",
                False,
                f'[recognition] engine is "vosk" but the model "{name}" is not installed',
                f'{download} Or set [recognition] engine = "sphinx".',
            )
        return Check(
            "dictation model",
            True,
            f'the Vosk model "{name}" is not installed; dictation uses the built-in, '
            "less accurate model",
            download,
        )
    reports = verify_models(folder.name, settings.models)
    problems = [p for report in reports for p in report.problems]
    if problems:
        return Check(
            "dictation model",
            False,
            f"{folder}: " + "; ".join(problems),
            f"The model is damaged. {download.replace('download', 'download --force')}",
        )
    return Check("dictation model", True, f"Vosk model ready in {folder}")


def check_voice_training(settings: Settings) -> Check:
    """Voice training (optional): whole when done, a tip when not, a failure when damaged."""
    from voicepeer.errors import VoiceTrainingError
    from voicepeer.recognition.listener import chosen_engine
    from voicepeer.recognition.voice_profile import (
        check_profile,
        default_profile_path,
        restore_interrupted,
    )
    from voicepeer.recognition.voice_training import TRAINING_SENTENCES, TrainingTools

    if chosen_engine(settings.recognition) == "vosk":
        return Check("voice training", True, "not used: voicepeer listens with Vosk")
    path = settings.recognition.voice_profile or default_profile_path()
    again = "Run 'voicepeer train-voice' to do the voice training again."
    restore_interrupted(path)
    if not path.exists():
        try:
            TrainingTools.find()
        except VoiceTrainingError as error:
            return Check(
                "voice training",
                True,
                f"not done, and not possible yet: {error}",
                "Run scripts/setup, then 'voicepeer train-voice'.",
            )
        return Check(
            "voice training",
            True,
            "not done",
            "If voicepeer often mishears the person, run 'voicepeer train-voice': "
            f"they say {len(TRAINING_SENTENCES)} short sentences and it learns "
            "their voice.",
        )
    try:
        about = check_profile(path)
    except VoiceTrainingError as error:
        return Check("voice training", False, str(error), again)
    when = str(about.get("trained", "")).split("T")[0] or "an unknown date"
    return Check(
        "voice training",
        True,
        f"in use: trained on {when} from {about.get('sentences', '?')} sentences",
        f"If the person's voice has changed, or a new microphone is used: {again}",
    )


def check_echo_cancel(settings: Settings) -> Check:
    """Whether voicepeer can hear "stop" while it speaks: an echo-cancelled microphone."""
    from voicepeer.audio.echo_cancel import ENABLE_HINT, PIPEWIRE_SNIPPET, echo_cancel_status
    from voicepeer.voice.barge_in import VOICE_STOP_NOTE

    name = "listening while speaking"
    if not settings.barge_in.enabled or settings.switches.mode != "off":
        why = (
            "[barge_in] enabled is false"
            if not settings.barge_in.enabled
            else "push-to-talk is in use"
        )
        return Check(name, True, f"off ({why}); a key or switch stops speech")
    if settings.barge_in.without_echo_cancel:
        return Check(name, True, "on without echo cancellation (headphones only)")
    status = echo_cancel_status()
    fix = f"Run: {ENABLE_HINT} (PipeWire, permanently: {PIPEWIRE_SNIPPET})"
    if status.in_use:
        return Check(
            name,
            True,
            f"echo-cancelled microphone {status.default_source} in use; {VOICE_STOP_NOTE}",
        )
    if status.reachable and settings.barge_in.set_up_echo_cancel:
        have = (
            f"echo-cancelled microphone {status.sources[0]} available"
            if status.available
            else "no echo canceller loaded yet"
        )
        return Check(
            name, True, f"{have}; voicepeer sets it up when it starts; {VOICE_STOP_NOTE}", fix
        )
    if not status.reachable:
        # The commands that load an echo canceller need the sound system running.
        return Check(
            name,
            False,
            "the sound system (PipeWire or PulseAudio) is not running, so nothing can take "
            "voicepeer's own voice out of what the microphone hears: it will not hear stop "
            "while it speaks",
            "Start voicepeer in the person's desktop session, where the sound system runs "
            "(on a Raspberry Pi without a desktop: sudo apt install pipewire-pulse, then "
            "restart), or set [barge_in] enabled = false and stop speech with a key.",
        )
    return Check(
        name,
        False,
        "no echo-cancelled microphone in use: voicepeer will not hear stop while it speaks",
        fix + ", or set [barge_in] enabled = false.",
    )


def check_pronunciations(settings: Settings) -> Check:
    """The caregiver's pronunciation file, when there is one, is where the settings say and
    reads as voicepeer reads it."""
    from voicepeer.speech.factory import lexicon_path, lexicon_problem
    from voicepeer.speech.text import load_lexicon

    problem = lexicon_problem(settings.speech)
    if problem is not None:
        return Check("pronunciations", False, problem.what, problem.fix)
    path = lexicon_path(settings.speech)
    if not path.is_file():
        return Check("pronunciations", True, "the built-in ones (no file of your own)")
    try:
        load_lexicon(path)
    except ConfigError as error:
        return Check(
            "pronunciations",
            False,
            str(error),
            f"Fix {path} with a text editor: under [words], each line reads "
            '"word" = "how it is said", such as "MS" = "M S". Or remove the file.',
        )
    return Check("pronunciations", True, f"the built-in ones, and your own from {path}")


def check_speech_output(
    settings: Settings,
    synthesizer: Synthesizer | None = None,
    list_voices: Callable[[], VoiceList | None] = espeak_voices,
) -> Check:
    """The configured synthesizer, built as the voice loop builds it (pyttsx3 falling back to
    espeak-ng), turns a word into sound."""
    from voicepeer.speech.factory import make_synthesizer

    speech = settings.speech
    fix = (
        "Install espeak-ng with scripts/setup (or 'sudo apt install espeak-ng'), and "
        "check [speech] voice is a voice listed by 'espeak-ng --voices'."
    )
    problem = unknown_voice_problem(speech.voice, list_voices())
    if problem:
        return Check(
            "speech output",
            False,
            problem,
            "Run: voicepeer configure --non-interactive --voice en-gb (or another of them).",
        )
    try:
        synthesizer = synthesizer or make_synthesizer(speech)
        try:
            sound = synthesizer.synthesize("hello", rate_wpm=speech.rate_wpm)
        finally:
            synthesizer.close()
    except VoicepeerError as error:
        return Check("speech output", False, str(error), fix)
    if sound.duration_s < MIN_SPOKEN_HELLO_S:
        return Check("speech output", False, f"{synthesizer.name} produced almost no sound", fix)
    note = (
        ""
        if synthesizer.name == speech.engine
        else f" ({speech.engine} did not work, so voicepeer speaks with {synthesizer.name}; "
        "the log says why)"
    )
    return Check(
        "speech output", True, f'{synthesizer.name} says "hello" in voice {speech.voice}{note}'
    )


def check_disk_space(settings: Settings, folder: Path | None = None) -> Check:
    """Enough free space for drafts, the reading cache and speech models."""
    folder = folder or paths.data_dir()
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    free_mb = shutil.disk_usage(probe).free // (1024 * 1024)
    need = settings.general.min_free_disk_mb
    if free_mb < need:
        return Check(
            "disk space",
            False,
            f"only {free_mb} MB free where voicepeer keeps its files ({folder}); {need} MB wanted",
            "Delete files you do not need (old photos, videos, downloads) or use a "
            "larger memory card.",
        )
    return Check("disk space", True, f"{free_mb} MB free in {probe}")


def check_credentials_file(path: Path | None = None) -> Check:
    """The saved forum keys are readable by this user only."""
    path = path or paths.config_dir() / "credentials.json"
    if not path.exists():
        return Check("account keys file", True, "no forum account saved yet")
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        return Check(
            "account keys file",
            False,
            f"{path} can be read by other users (permissions {mode:o})",
            f"Run: chmod 600 {path}",
        )
    return Check("account keys file", True, f"{path} is private (permissions {mode:o})")


def check_forum(
    settings: Settings, still_waiting: Callable[[str], None] | None = None
) -> list[Check]:
    """The forum answers, and accepts the saved account. Asked through the client the voice
    loop uses, so what passes here works there (redirects within the forum followed, the
    same timeouts and headers), but with one try: see :meth:`ForumSettings.for_a_check`.
    ``still_waiting(url)`` runs while a slow forum keeps the check waiting."""
    from voicepeer.forum.discourse import open_discourse

    url = settings.general.forum_url.strip()
    if not url:
        return [
            Check(
                "forum",
                True,
                "using the built-in demo forum (no internet needed)",
                "To use a real forum: voicepeer configure --forum-url ADDRESS",
            )
        ]
    try:
        url = forum_address(url)
    except VoicepeerError as error:
        return [
            Check(
                "forum",
                False,
                str(error),
                'Set [general] forum_url to the address, like "https://forum.example.org".',
            )
        ]
    try:
        client = open_discourse(url, settings.forum.for_a_check(), offline_cache=False)
    except VoicepeerError as error:  # the saved account cannot be read
        return [
            Check(
                "forum account",
                False,
                str(error),
                f"Reconnect the account: voicepeer forum connect {url}",
            )
        ]
    if still_waiting is not None:
        client.on_slow(partial(still_waiting, url))
    with client:
        checks = _forum_checks(url, client)
    return [*checks, *_waiting_check(url, checks)]


def _waiting_check(url: str, forum_checks: list[Check]) -> list[Check]:
    """Posts the person agreed to that are not on the forum yet: when a helper is asked
    "did my reply go?", here is the answer, with what stands in their way."""
    from voicepeer.forum.credentials import forum_data_key
    from voicepeer.forum.replies_db import count_waiting

    waiting = count_waiting(paths.forum_data_dir(forum_data_key(url)) / "outbox.sqlite3")
    if not waiting:
        return []
    posts = "post the person agreed to is" if waiting == 1 else "posts the person agreed to are"
    failed = {check.check for check in forum_checks if not check.ok}
    if "forum" in failed:
        when = (
            "They are sent the next time voicepeer runs and the forum answers: fix what the "
            "forum check above says, then start voicepeer."
        )
    elif "forum account" in failed:
        when = (
            "They are sent only once the forum accepts the person's account again: connect "
            "it again as the forum account check above says, then start voicepeer."
        )
    else:
        when = "They are sent the next time voicepeer runs: start voicepeer."
    return [Check("waiting to be sent", True, f"{waiting} {posts} not on the forum yet", when)]


def _forum_checks(url: str, client: DiscourseClient) -> list[Check]:
    from voicepeer.setup.forum_trouble import forum_trouble

    answers = Check("forum", True, f"{url} answers")
    try:
        site = client.http.get("/site/basic-info.json")
        if not isinstance(site, dict):
            raise ForumResponseError("it does not describe itself as a forum")
    except ForumError as error:
        if client.credentials is None and isinstance(error, (AuthError, ForumForbiddenError)):
            # Discourse shows its basic information to anyone: refused to a visitor, this
            # is not the forum's address.
            error = ForumResponseError(str(error), answer=error.answer)
        trouble = forum_trouble(url, error)
        if not trouble.account:
            return [Check("forum", False, trouble.what, trouble.todo)]
        # It answered, but refuses anything asked with the saved key.
        return [answers, Check("forum account", False, trouble.what, trouble.todo)]
    if client.credentials is None:
        return [
            answers,
            Check(
                "forum account",
                False,
                "no account connected for this forum",
                f"Connect the person's account: voicepeer forum connect {url}",
            ),
        ]
    try:
        username = client.check_account()
    except ForumError as error:
        trouble = forum_trouble(url, error)
        return [answers, Check("forum account", False, trouble.what, trouble.todo)]
    return [answers, Check("forum account", True, f"signed in as {username}")]
