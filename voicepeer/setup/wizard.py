"""``voicepeer configure``: a step-by-step set-up a caregiver can finish without any code.

Every step can be skipped ("skip"), every choice also comes from a command-line flag, and a
step whose part is missing on this computer says so and moves on. The file is written once,
at the end, with a summary of what changed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from voicepeer import paths
from voicepeer.audio.base import INPUT_SAMPLE_RATE
from voicepeer.commands.intents import PHRASINGS, Intent
from voicepeer.config.aliases import alias_problem, closest_command, intent_for
from voicepeer.config.loader import with_changes
from voicepeer.config.schema import FieldSpec, field_specs
from voicepeer.config.values import BadValue, forum_address
from voicepeer.errors import ConfigError, ModelDownloadError, VoicepeerError, VoiceTrainingError
from voicepeer.logs import LOG_FILE_NAME
from voicepeer.recognition.voice_training import TRAINING_SENTENCES
from voicepeer.settings import Settings
from voicepeer.setup.prompter import NoMoreInput, Prompter, SetUpStopped, SkipStep
from voicepeer.setup.push_to_talk import KEY_TEST_S, push_to_talk_problem
from voicepeer.setup.sound_check import (
    level_bar,
    pauses_s,
    record_utterance,
    rms_dbfs,
    suggest_timeout_s,
)
from voicepeer.setup.wizard_engines import WizardEngines, describe
from voicepeer.speech.voices import ENGLISH_VOICES, unknown_voice_problem
from voicepeer.speech_models.download import model_info
from voicepeer.speech_models.locations import KOREAN_NAMES
from voicepeer.switches.keys import known_key, normalize_key, parse_terminal_keys

log = logging.getLogger(__name__)

SETTING_OF: Mapping[str, tuple[str, str]] = {  # wizard choice → (section, field) it fills
    "forum_url": ("general", "forum_url"),
    "voice": ("speech", "voice"),
    "rate": ("speech", "rate_wpm"),
    "volume": ("speech", "volume"),
    "silence": ("recognition", "command_silence_s"),
    "dictation_silence": ("recognition", "dictation_silence_s"),
    "microphone": ("recognition", "device"),
    "push_to_talk": ("switches", "key"),
    "push_to_talk_mode": ("switches", "mode"),
    "aliases": ("recognition", "aliases"),
    "muted_words": ("voice", "muted_words"),
    "content_notes": ("voice", "content_note_topics"),
    "model": ("models", "vosk_model"),
}
FORUM_QUESTION = '  Forum web address, or "demo"'
SAVE_ANYWAY = "save anyway"
"""Typed to keep a forum address nothing answered at (a bare Enter does not)."""
PREVIEW_TEXT = (
    "Hello. This is how I will sound when I read the forum to you. "
    "Say faster or slower at any time."
)
TEST_PHRASE = "next post"
TEST_COMMAND = Intent.NEXT.value
"""The command (an ``Intent`` value) the test phrase is."""


def setting_spec(choice: str) -> FieldSpec:
    """The type and range of the setting a wizard choice fills."""
    section, name = SETTING_OF[choice]
    fields = field_specs(type(getattr(Settings(), section)))
    return next(spec for spec in fields if spec.name == name)


@dataclass
class Choices:
    """What the caregiver chose (or passed as flags), before it becomes settings."""

    forum_url: str | None = None
    voice: str | None = None
    rate: int | None = None
    volume: float | None = None
    silence: float | None = None
    dictation_silence: float | None = None
    push_to_talk: str | None = None
    push_to_talk_mode: str | None = None
    """off, tap or hold ("off" from --no-push-to-talk)."""
    aliases: dict[str, str] = field(default_factory=dict)
    muted_words: list[str] = field(default_factory=list)
    content_notes: list[str] = field(default_factory=list)
    model: str | None = None
    download_model: bool = False


class Wizard:
    def __init__(
        self,
        settings: Settings,
        prompter: Prompter,
        engines: WizardEngines,
        choices: Choices | None = None,
    ) -> None:
        self.settings = settings
        self.original = settings
        self.io = prompter
        self.engines = engines
        self.choices = choices or Choices()
        self.notes: list[str] = []
        self.interactive = False
        self.connected: str | None = None
        """The forum an account was connected for in this set-up (saved at once, apart
        from the settings)."""
        self.ran_out = False
        """The answers ended (Ctrl-D, or a closed pipe) before the last step."""
        self.chosen: set[str] = set()
        """The choices given a value in this set-up, as a flag or an answer."""
        self.heard: dict[str, Any] = {}
        """Choices the person has changed by voice since ("slower"), as they hear them now:
        offered instead of the file's value, as what to keep."""

    # --- applying choices -------------------------------------------------------------

    def current(self, choice: str) -> Any:
        section, name = SETTING_OF[choice]
        return getattr(getattr(self.settings, section), name)

    def store(self, choice: str, value: Any) -> None:
        """Put one validated value into the settings."""
        self.settings = self._with({choice: value})
        self.chosen.add(choice)

    def _with(self, values: Mapping[str, Any]) -> Settings:
        """The settings as they would be with these choices, without keeping them."""
        changes: dict[str, dict[str, Any]] = {}
        for choice, value in values.items():
            section, name = SETTING_OF[choice]
            changes.setdefault(section, {})[name] = value
        return with_changes(self.settings, changes)

    def note(self, text: str) -> None:
        self.notes.append(text)
        if self.interactive:
            self.io.say(f"  Note: {text}")

    def apply_flags(self) -> None:
        """Every choice given on the command line, validated now so mistakes show early."""
        c = self.choices
        for choice in (
            "forum_url",
            "voice",
            "rate",
            "volume",
            "silence",
            "dictation_silence",
            "push_to_talk",
            "model",
        ):
            value = getattr(c, choice)
            if value is None:
                continue
            if choice == "voice" and (
                problem := unknown_voice_problem(value, self.engines.list_voices())
            ):
                raise ConfigError(f"[speech] voice: {problem}")
            if choice == "model":
                _check_model_name(value)
            self.store(choice, _forum_url(value) if choice == "forum_url" else value)
        if c.push_to_talk_mode is not None:
            self.store("push_to_talk_mode", c.push_to_talk_mode)
        elif c.push_to_talk is not None and self.current("push_to_talk_mode") == "off":
            self.store("push_to_talk_mode", "tap")  # choosing a key means using it
        if c.aliases:
            self.store("aliases", {**(self.current("aliases") or {}), **c.aliases})
        if c.muted_words:
            self.store("muted_words", _merged(self.current("muted_words"), c.muted_words))
        if c.content_notes:
            self.store("content_notes", _merged(self.current("content_notes"), c.content_notes))

    # --- running ------------------------------------------------------------------------

    def steps(self) -> list[tuple[str, Callable[[], None]]]:
        return [
            ("The forum", self.step_forum),
            ("The voice", self.step_voice),
            ("The microphone", self.step_microphone),
            ("Voice training", self.step_voice_training),
            ("A push-to-talk key", self.step_push_to_talk),
            ("Personal ways to say commands", self.step_aliases),
            ("Words to leave out, and topics to warn about", self.step_muted),
            ("The speech model for dictation", self.step_model),
        ]

    def run_interactive(self) -> None:
        self.interactive = True
        self.io.say(
            "voicepeer set-up. Press Enter to keep the value in [brackets]; "
            'type "skip" to skip a step.'
        )
        steps = self.steps()
        for number, (title, step) in enumerate(steps, start=1):
            self.io.say()
            self.io.say(f"Step {number} of {len(steps)}: {title}")
            try:
                step()
            except SkipStep:
                self.io.say("  Skipped.")
            except NoMoreInput:
                self.ran_out = True
                if self.summary():
                    self.io.say("  No more answers: saving what was chosen so far.")
                else:
                    self.io.say("  No more answers.")
                return
            except KeyboardInterrupt:
                # Ctrl+C: the answers given may be many minutes of a carer's work.
                self.io.say()
                self.io.say(f"Stopped at step {number} of {len(steps)}: {title}.")
                if self.summary() and self._keep_answers():
                    return
                raise SetUpStopped from None
            except (VoicepeerError, OSError, ImportError) as error:  # a part this computer lacks
                log.debug("wizard step %s failed", title, exc_info=True)
                self.note(
                    f"{title} is not available on this computer ({describe(error)}); skipping."
                )
            except Exception as error:  # a fault of voicepeer's own must not end it either
                # Not "not available": that would send a carer looking for missing hardware.
                log.warning("wizard step %s failed", title, exc_info=True)
                self.note(
                    f"{title} was skipped: voicepeer itself failed there "
                    f"({type(error).__name__}). The other answers are kept; the log file "
                    f"({paths.state_dir() / LOG_FILE_NAME}) has the details to report."
                )

    def _keep_answers(self) -> bool:
        """Asked after Ctrl+C: whether to save the answers given; Ctrl+C again or the end
        of the answers is a no."""
        try:
            return self.io.yes("Save the answers you gave so far?", default=True)
        except (KeyboardInterrupt, NoMoreInput, SkipStep):
            self.io.say()
            return False

    def download_if_asked(self) -> None:
        if self.choices.download_model:
            self._download(self.current("model") or "")

    # --- steps --------------------------------------------------------------------------

    def step_forum(self) -> None:
        current = self.current("forum_url") or ""
        self.io.say("  voicepeer can use its built-in demo forum (for practice) or a real forum.")
        answer = self.io.ask(FORUM_QUESTION, current or "demo")
        while True:
            try:
                url = _forum_url(answer)
            except ConfigError as error:
                # A typo is asked about again, as a voice name is, not left as a note.
                self.io.say(f"  {error}")
                answer = self.io.ask(FORUM_QUESTION, current or "demo")
                continue
            if not url:
                self.store("forum_url", url)
                return
            try:
                # As typed: without "http://", a forum on this computer is looked for there
                # too (made https:// first, the practice forum was "not answering").
                found = self.engines.forum_at(url if "://" in answer else answer.strip())
            except ConfigError as error:
                self.io.say(f"  {error}")
                another = self._another_address(url)
                if another is None:
                    return
                answer = another
                continue
            self.store("forum_url", found)
            if found != url:
                # "127.0.0.1:4311" answers on http://: saved as typed, it never worked.
                self.io.say(f"  The forum answers at {found}: that is the address kept.")
            if not self._connect_now(found):
                return
            self.io.say()
            if self.engines.connect_account(found):
                self.io.say("  Account connected.")
                self.connected = found
                return
            # The forum answers there, so Enter keeps it; but most often the address was
            # mistyped (another forum's), and another may be tried at once.
            answer = self.io.ask(
                "  To try another address, type it; or press Enter to keep this one", ""
            )
            if not answer:
                self.note(
                    f"The account is not connected yet. Later run: voicepeer forum connect {found}"
                )
                return

    def _another_address(self, url: str) -> str | None:
        """Asked after no forum answered at ``url``: another address to try, or None when
        the carer chose to save it all the same. A bare Enter keeps nothing: saved, the
        address would have the person told at every start that the forum cannot be
        reached."""
        while True:
            answer = self.io.ask(
                f'  Type the address again (or "demo"); or type "{SAVE_ANYWAY}" to keep {url}'
            )
            if answer.strip().lower() == SAVE_ANYWAY:
                self.store("forum_url", url)
                self.note(
                    f"No forum answered at {url} during set-up: until one does, voicepeer "
                    "tells the person it cannot reach the forum. 'voicepeer doctor' checks "
                    f"it again; then connect the account: voicepeer forum connect {url}"
                )
                return None
            if answer:
                return answer
            self.io.say(f'  Nothing was kept. Please type an address, "demo" or "{SAVE_ANYWAY}".')

    def _connect_now(self, url: str) -> bool:
        """Whether to connect an account: asked as a change when one is connected already,
        so that pressing Enter while changing something else never starts an approval."""
        connected = self.engines.connected_account(url)
        if connected is None:
            return self.io.yes(
                "  Connect the person's forum account now? You will need a web "
                "browser where they are signed in",
                True,
            )
        account = f"The forum account {connected}" if connected else "A forum account"
        if self.engines.key_refused(url):
            # Kept on Enter, the dead key would fail at every start: reconnecting is the default.
            self.io.say(
                f"  {account} was connected, but the forum no longer "
                "accepts its key: it was revoked on the forum, or the account changed."
            )
            if self.io.yes(
                "  Connect the account again now? You will need a web browser where that "
                "account is signed in",
                True,
            ):
                return True
            self.note(
                f"The forum does not accept the saved key: voicepeer cannot use the account "
                f"until it is connected again. Later run: voicepeer forum connect {url}"
            )
            return False
        self.io.say(f"  {account} is connected already.")
        return self.io.yes(
            "  Connect a different account instead? You will need a web browser where "
            "that account is signed in",
            False,
        )

    def _key_name(self, current: str) -> str:
        """The push-to-talk key's name as typed ("F5" is "f5"), without quotes around it; or
        the key itself, pressed at the question and then Enter (a terminal sends F5 as
        letters the name is read from)."""
        typed = self.io.ask(
            "  Key name: type it, such as f5 or space (or press the key, then Enter)", current
        )
        pressed = parse_terminal_keys(typed.encode()) if "\x1b" in typed else []
        if len(pressed) == 1:
            self.io.say(f"  That was the {pressed[0]} key.")
            return pressed[0]
        return normalize_key(typed.strip().strip("\"'"))

    def step_voice(self) -> None:
        self.io.say("  English voices: " + ", ".join(ENGLISH_VOICES))
        known = self.engines.list_voices()
        # After "Keep this voice? n", the one just heard is offered to change a part of.
        voice, rate, volume = (
            self.current("voice") or "en-gb",
            self.heard.get("rate", self.current("rate")),
            self.heard.get("volume", self.current("volume")),
        )
        if self.heard:
            self.io.say(
                "  The person has changed the voice by saying faster, slower, louder or "
                "quieter: [brackets] show what they hear now."
            )
        while True:
            voice = self.io.ask("  Voice", voice)
            problem = unknown_voice_problem(voice, known)
            if problem:
                self.io.say(f"  {problem}")
                voice = self.current("voice") or "en-gb"
                continue
            rate = self.io.value("  Speaking rate in words per minute", setting_spec("rate"), rate)
            volume = self.io.value("  Volume", setting_spec("volume"), volume)
            self.io.say("  This is how I will sound:")
            spoken = False
            try:
                trial = self._with({"voice": voice, "rate": rate, "volume": volume})
                spoken = self.engines.speak_preview(PREVIEW_TEXT, trial.speech)
            except Exception as error:
                self.io.say(f"  (Could not speak: {describe(error)})")
            if not spoken:
                self.io.say(f"  (No speaker: printed instead) SAY: {PREVIEW_TEXT}")
            if self.io.yes("  Keep this voice?", True):
                break
        for choice, value in (("voice", voice), ("rate", rate), ("volume", volume)):
            self.store(choice, value)

    def step_microphone(self) -> None:
        microphone = self.engines.open_microphone(self.current("microphone") or "")
        try:
            self.io.say("  Speak normally for a few seconds and watch the bar move:")
            for _ in range(30):
                level = rms_dbfs(microphone.read(0.1))
                self.io.stdout.write("\r  " + level_bar(level))
                self.io.stdout.flush()
            self.io.say()
            heard_speech = b""
            while True:
                self.io.ask("  Press Enter for a recognition test")
                microphone.discard_pending()  # drop what was said while the prompt waited
                self.io.say(f'  Now say "{TEST_PHRASE}" in your usual way. I am listening...')
                recording = record_utterance(microphone, INPUT_SAMPLE_RATE)
                if recording.heard_speech:
                    heard_speech = recording.pcm
                    self.io.say("  Got it. Checking what was said (this takes a few seconds)...")
                    if self._recognition_test(recording.pcm):
                        break
                else:
                    self.io.say(
                        "  I heard nothing. Check the microphone is plugged in and not muted."
                    )
                if not self.io.yes("  Try again?", True):
                    break
        finally:
            microphone.close()
        if heard_speech:
            self._suggest_silence(heard_speech)
        else:
            self.note(
                "The microphone test heard no speech; run voicepeer configure again "
                "once the microphone works."
            )

    def _recognition_test(self, pcm: bytes) -> bool:
        """True when the test phrase was understood, or the recognizer cannot be tried."""
        try:
            found = self.engines.recognize_command(pcm, self.settings)
        except Exception as error:
            self.note(
                f"The microphone records, but the recognition test could not run "
                f"({describe(error)}). Run voicepeer doctor."
            )
            return True  # trying again would fail the same way
        heard = found.text
        if heard.strip() == TEST_PHRASE:
            self.io.say(f'  I heard "{heard}". The microphone works.')
            return True
        if found.commands == (TEST_COMMAND,):
            # Other words for the same command ("next one"): voicepeer would have acted.
            self.io.say(
                f'  I heard "{heard}", which I understand as "{TEST_PHRASE}". The microphone works.'
            )
            return True
        parts = heard.split(" / ")
        if len(parts) > 1 and parts[0].strip() == TEST_PHRASE.split()[0]:
            # The words were heard, but as two commands: the wait suggested next fixes that.
            self.io.say(
                f'  I heard "{heard}": the pause after "{parts[0]}" was longer than I '
                "wait, so I took them as separate commands. The microphone works; "
                "the wait suggested next fixes the rest."
            )
            return True
        self.io.say(
            f'  I heard "{heard or "nothing I understood"}" instead of '
            f'"{TEST_PHRASE}". A closer microphone or a quieter room may help.'
        )
        return False

    def _suggest_silence(self, pcm: bytes) -> None:
        pauses = pauses_s(pcm, INPUT_SAMPLE_RATE)
        spec = setting_spec("silence")
        suggestion = suggest_timeout_s(
            pauses, spec.minimum or 0.5, spec.maximum or 10.0, self.current("silence")
        )
        longest = f"{max(pauses):.1f} s" if pauses else "none"
        self.io.say(
            f"  Longest pause between words: {longest}. Suggested wait before I "
            f"answer: {suggestion} s."
        )
        chosen = self.io.value("  Seconds of silence that end a command", spec, suggestion)
        self.store("silence", chosen)
        # Replies are longer and need thinking time: at least twice the command wait.
        current = self.current("dictation_silence")
        wanted = min(setting_spec("dictation_silence").maximum or 10.0, max(current, 2 * chosen))
        if wanted != current:
            self.store("dictation_silence", round(wanted, 1))
            self.io.say(f"  While dictating a reply I will wait {round(wanted, 1)} s.")

    def step_voice_training(self) -> None:
        # Before the introduction: told about training, then "no microphone", a carer
        # answered a question for nothing.
        self.engines.open_microphone(self.current("microphone") or "").close()
        self.io.say(
            f"  voicepeer can learn the person's voice: they say {len(TRAINING_SENTENCES)} "
            "short sentences"
        )
        self.io.say("  after me (about three minutes). It helps most with slow or unclear speech")
        self.io.say("  and with accents; it is the best single step for being understood. It can")
        self.io.say("  also be done later: voicepeer train-voice")
        if not self.io.yes("  Do voice training now?", True):
            raise SkipStep
        microphone = self.current("microphone") or ""
        try:
            self.io.say(f"  {self.engines.train_voice(self.io, microphone, self.settings)}")
        except VoiceTrainingError as error:
            self.note(
                f"Voice training did not finish: {error}. Try again with voicepeer train-voice."
            )

    def step_push_to_talk(self) -> None:
        self.io.say("  Instead of an open microphone, voicepeer can listen only when a key (or a")
        self.io.say("  switch that acts as a key) is pressed. off: always listening; tap: press")
        self.io.say("  to start and again to stop; hold: listen while held (only with a switch")
        self.io.say('  read directly, [switches] source = "evdev").')
        offered = self.current("push_to_talk") or ""
        while True:
            chosen = self.io.value(
                "  Push-to-talk",
                setting_spec("push_to_talk_mode"),
                self.current("push_to_talk_mode"),
            )
            if chosen == "off":
                self.store("push_to_talk_mode", "off")
                self.io.say("  Push-to-talk is off: voicepeer always listens.")
                return
            while True:
                name = self._key_name(offered)
                trial = self._with({"push_to_talk_mode": chosen, "push_to_talk": name})
                problem = push_to_talk_problem(trial.switches)
                if problem is None or known_key(name, trial.switches.source):
                    break
                # A name no key sends: asked again at once, not from the mode on.
                self.io.say(f"  That cannot work: {problem}.")
            if problem is None:
                break
            self.io.say(f"  That cannot work: {problem}.")
        self.store("push_to_talk_mode", chosen)
        self.store("push_to_talk", name)
        self._test_key()

    def _test_key(self) -> None:
        """The carer presses the key once, so a wrong key name shows now, not later."""
        if not self.io.yes("  Test the key now? (n skips the test)", True):
            return
        switches = self.settings.switches
        try:
            pressed = self.engines.wait_for_key(
                switches,
                lambda: self.io.say(
                    f"  Press {switches.key} once now (I wait {KEY_TEST_S:.0f} seconds)..."
                ),
            )
        except VoicepeerError as error:
            self.note(f"The key could not be tested here ({error}).")
            return
        if pressed is None:
            self.note(
                f"No key was pressed within {KEY_TEST_S:.0f} seconds; the key is not "
                "tested. Run voicepeer configure again to test it."
            )
        elif pressed == normalize_key(switches.key):
            self.io.say("  Got it: the key works.")
        else:
            self.io.say(f'  That was "{pressed}", not "{switches.key}".')
            if self.io.yes(f"  Use {pressed} as the push-to-talk key?", True):
                self.store("push_to_talk", pressed)
            else:
                self.note(
                    f"The push-to-talk key stays {switches.key}, not heard in the test. Run "
                    "voicepeer configure again to test it."
                )

    def refuse_impossible_push_to_talk(self) -> None:
        """Push-to-talk settings that cannot work are not saved: an error without questions,
        otherwise push-to-talk is turned off with a note saying why."""
        problem = push_to_talk_problem(self.settings.switches)
        if problem is None:
            return
        if not self.interactive:
            raise ConfigError(f"{problem}.")
        self.store("push_to_talk_mode", "off")
        self.note(f"Push-to-talk is turned off, as it cannot work like this: {problem}.")

    def step_aliases(self) -> None:
        aliases = dict(self.current("aliases") or {})
        self.io.say('  Teach voicepeer the person\'s own words, like "onwards" for "next".')
        if aliases:
            shown = ", ".join(f"{phrase} = {command}" for phrase, command in aliases.items())
            self.io.say(f"  Set up already: {shown}.")
            self.io.say("  To take one away, type: remove and the word (e.g. remove onwards).")
        self.io.say("  Type: their word = command (e.g. onwards = next). Empty line when done.")
        while True:
            line = self.io.ask("  Word = command")
            if not line:
                break
            removed = _removed_word(line)
            if removed is not None:
                if aliases.pop(removed, None) is None:
                    self.io.say(f'  "{removed}" is not one of the words set up.')
                else:
                    self.io.say(f'  "{removed}" is taken away.')
                continue
            try:
                phrase, command = parse_alias(line)
            except BadValue as error:
                self.io.say(f"  Not added: {error}")
                continue
            aliases[phrase] = command
            self.io.say(f'  "{phrase}" will mean "{PHRASINGS[Intent(command)][0]}".')
        self.store("aliases", aliases)

    def step_muted(self) -> None:
        for question, name in (
            ("  Words to leave out when reading", "muted_words"),
            ("  Topics to warn about before reading", "content_notes"),
        ):
            current = ", ".join(self.current(name) or ())
            clear = ' ("none" for no words)' if current else ""
            answer = self.io.ask(f"{question}, separated by commas{clear}", current)
            self.store(name, [] if answer.strip().lower() in NO_WORDS else _split(answer))

    def step_model(self) -> None:
        name = self.current("model") or ""
        self.io.say("  Commands work without a download. For better dictation of replies,")
        self.io.say(f"  voicepeer can download the speech model {name} (needs the internet).")
        if self.io.yes("  Download it now?", False):
            self._download(name)

    def _download(self, name: str) -> None:
        try:
            folder = self.engines.download_model(name, self.settings.models)
        except Exception as error:
            # A download's own error names the command to continue with.
            later = (
                ""
                if isinstance(error, ModelDownloadError)
                else (f" Try later: voicepeer models download {name}")
            )
            why = describe(error).rstrip(".")
            self.note(f"The download did not finish. {why[:1].upper()}{why[1:]}.{later}")
            return
        self.io.say(f"  Installed in {folder}.")

    # --- summary ------------------------------------------------------------------------

    def summary(self) -> list[str]:
        """``[section] key: old → new`` for every setting that changed."""
        lines = []
        for section in field_specs(Settings):
            before, after = (getattr(s, section.name) for s in (self.original, self.settings))
            for spec in field_specs(type(after)):
                old, new = getattr(before, spec.name), getattr(after, spec.name)
                if old != new:
                    lines.append(f"[{section.name}] {spec.name}: {_show(old)} → {_show(new)}")
        return lines


def _check_model_name(name: str) -> None:
    """A model name doctor and ``models download`` will know ("vosk-small" was saved, and
    then the download doctor advised failed); the Korean model is installed otherwise."""
    if not name.strip() or name.strip().lower() in KOREAN_NAMES:
        return
    try:
        model_info(name)
    except ModelDownloadError as error:
        raise ConfigError(f"[models] vosk_model: {error}") from None


def _forum_url(text: str) -> str:
    """ "demo" or empty → "" (the built-in forum); anything else → a normalized address."""
    return "" if text.strip().lower() in ("", "demo") else forum_address(text)


NO_WORDS = frozenset({"none", "nothing", "no words", "-"})
"""Typed for a list of words: the list emptied (the default would keep the words)."""


def _removed_word(line: str) -> str | None:
    """The word in "remove onwards" (lower case), or None for any other line."""
    if "=" in line:
        return None
    verb, _, word = line.strip().partition(" ")
    return word.strip().strip("\"'").lower() or None if verb.lower() == "remove" else None


def _split(text: str) -> list[str]:
    return [word.strip() for word in text.split(",") if word.strip()]


def _merged(current: Any, extra: list[str]) -> list[str]:
    return list(dict.fromkeys([*(current or ()), *extra]))


def _show(value: Any) -> str:
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, tuple | list):
        return ", ".join(map(str, value)) or "(none)"
    if isinstance(value, Mapping):
        return ", ".join(f"{k}={v}" for k, v in value.items()) or "(none)"
    return repr(value) if isinstance(value, str) else str(value)


def parse_alias(text: str) -> tuple[str, str]:
    """``onwards=next`` → ``("onwards", "next")``; raises BadValue saying what is wrong
    with ``text`` (the caller gives an example of a right one, as the person writes it)."""
    phrase, sep, command = (part.strip() for part in text.partition("="))
    if not sep or not phrase:
        raise BadValue(
            'it needs the person\'s own words, then "=", then the command they stand for.'
        )
    if not command:
        raise BadValue(f'nothing follows "=": say which command "{phrase}" stands for.')
    intent = intent_for(command)
    if intent is None:
        close = closest_command(command)
        hint = f' Did you mean "{close}"?' if close else ""
        raise BadValue(
            f"\"{command}\" is not a voicepeer command.{hint} 'voicepeer commands' lists them all."
        )
    problem = alias_problem(phrase.lower(), intent.value)
    if problem is not None:
        raise BadValue(f"{problem.problem}. {problem.change}.")
    return phrase.lower(), intent.value


__all__ = ["Choices", "Wizard", "parse_alias", "setting_spec"]
