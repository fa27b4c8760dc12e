"""``voicepeer configure``: the set-up wizard, or the same choices as flags for scripts."""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import Any

from voicepeer.config import config_path, lines_left_out, load_file, save_settings
from voicepeer.config.encoding import OTHER_ENCODING, NotUtf8, said, settings_text
from voicepeer.config.loader import not_a_file_but_a_folder
from voicepeer.config.values import BadValue
from voicepeer.errors import ConfigError
from voicepeer.settings import Settings
from voicepeer.setup.forum_account import checked_forum_address
from voicepeer.setup.prompter import Prompter, SetUpStopped
from voicepeer.setup.wizard import SETTING_OF, Choices, Wizard, parse_alias, setting_spec
from voicepeer.setup.wizard_engines import WizardEngines
from voicepeer.speech.controls import forget_spoken, spoken_voice

ALIAS_EXAMPLE = "--alias onwards=next"


def _aliases(texts: list[str]) -> dict[str, str]:
    """The ``--alias`` values as personal words; a wrong one is refused on its own, with an
    example of a right one (argparse's own refusal printed the whole usage first)."""
    aliases = {}
    for text in texts:
        try:
            phrase, command = parse_alias(text)
        except BadValue as error:
            raise ConfigError(f"--alias {text}: {error} For example: {ALIAS_EXAMPLE}") from None
        aliases[phrase] = command
    return aliases


def _number(flag: str, text: str | None, choice: str) -> Any:
    """The number given as ``flag``, as the setting ``choice`` holds it; a slip ("2s",
    "0,8", 140.5 for a whole number) is refused saying what to give instead."""
    if text is None:
        return None
    spec = setting_spec(choice)
    typed = text.strip()
    try:
        number = float(typed.replace(",", ".", 1) if typed.count(",") == 1 else typed)
    except ValueError:
        number = None
    whole = spec.type is int
    if number is None or not math.isfinite(number):  # words, units ("2s"), nan
        hint = " (just the number, without units or words)"
    elif "," in typed:
        hint = f" (a number is written with a dot: {flag} {typed.replace(',', '.')})"
    elif whole and not number.is_integer():
        hint = f" (a whole number: {flag} {round(number)})"
    else:
        return int(number) if whole else number
    raise ConfigError(f"{flag} {text}: give {spec.allowed_text()}{hint}.")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "configure",
        help="set voicepeer up step by step (forum, voice, microphone, commands)",
        description="Set voicepeer up. Without --non-interactive it asks, step by step; "
        "every choice can also be given as a flag.",
    )
    parser.add_argument(
        "--forum-url",
        metavar="URL",
        help='the forum\'s web address, or "demo" for the built-in forum',
    )
    parser.add_argument("--voice", help="espeak-ng voice, e.g. en-gb or en-us")
    # Numbers are read as text and checked here: argparse's "invalid float value: '2s'"
    # came with its whole usage, where the same slip in the file gets plain words.
    parser.add_argument("--rate", metavar="WPM", help="speaking rate, words per minute")
    parser.add_argument("--volume", help="loudness from 0.0 to 1.0")
    parser.add_argument(
        "--silence-timeout",
        metavar="SECONDS",
        help="seconds of silence that end a spoken command",
    )
    parser.add_argument(
        "--dictation-silence",
        metavar="SECONDS",
        help="seconds of silence that end a piece of a dictated reply",
    )
    parser.add_argument("--push-to-talk-key", metavar="KEY", help="key used as a talk switch")
    parser.add_argument(
        "--push-to-talk-mode",
        choices=("tap", "hold"),
        help="tap: press to talk and again to stop; hold: talk while held "
        '(needs [switches] source = "evdev")',
    )
    parser.add_argument(
        "--no-push-to-talk",
        action="store_true",
        help="turn push-to-talk off: voicepeer always listens",
    )
    parser.add_argument(
        "--alias",
        action="append",
        default=[],
        metavar="WORDS=COMMAND",
        help="personal phrasing, e.g. onwards=next",
    )
    parser.add_argument(
        "--muted-word",
        action="append",
        default=[],
        metavar="WORD",
        help="word to leave out when reading (repeatable)",
    )
    parser.add_argument(
        "--content-note",
        action="append",
        default=[],
        metavar="TOPIC",
        help="topic to warn about before reading a post (repeatable)",
    )
    parser.add_argument("--model", metavar="NAME", help="Vosk speech model for dictation")
    parser.add_argument(
        "--download-model", action="store_true", help="download the speech model now"
    )
    parser.add_argument(
        "--non-interactive",
        action="store_true",
        help="ask nothing: apply the flags and write the file",
    )
    parser.add_argument(
        "--config", metavar="FILE", default=argparse.SUPPRESS, help="settings file to write"
    )
    parser.set_defaults(handler=run)


def choices_from(args: argparse.Namespace) -> Choices:
    if args.no_push_to_talk and (args.push_to_talk_mode or args.push_to_talk_key):
        raise ConfigError(
            "--no-push-to-talk turns push-to-talk off; leave out "
            "--push-to-talk-mode and --push-to-talk-key with it"
        )
    return Choices(
        forum_url=args.forum_url,
        voice=args.voice.strip() if args.voice else args.voice,
        rate=_number("--rate", args.rate, "rate"),
        volume=_number("--volume", args.volume, "volume"),
        silence=_number("--silence-timeout", args.silence_timeout, "silence"),
        dictation_silence=_number(
            "--dictation-silence", args.dictation_silence, "dictation_silence"
        ),
        push_to_talk=args.push_to_talk_key,
        push_to_talk_mode="off" if args.no_push_to_talk else args.push_to_talk_mode,
        aliases=_aliases(args.alias),
        # Blank ones ("" or "  ", a slip in a script) would be saved as words to mute.
        muted_words=[w.strip() for w in args.muted_word if w.strip()],
        content_notes=[n.strip() for n in args.content_note if n.strip()],
        model=args.model,
        download_model=args.download_model,
    )


def run(args: argparse.Namespace, engines: WizardEngines | None = None) -> int:
    choices = choices_from(args)  # a wrong flag is refused before anything is asked or read
    path, _ = config_path(getattr(args, "config", None))
    if path.is_dir():  # refused before any question: the answers could not be saved
        raise ConfigError(not_a_file_but_a_folder(path))
    prompter = Prompter()
    retired: list[str] = []
    wrong: list[str] = []
    not_utf8: list[NotUtf8] = []
    try:
        # Every setting that is right is kept: one wrong line must not cost the others.
        settings = load_file(path, Settings, notes=retired, dropped=wrong, not_utf8=not_utf8)
    except ConfigError as error:  # not TOML at all: nothing can be read from it
        if args.non_interactive:
            raise
        prompter.say(
            f"The existing settings file has problems:\n{error}\n"
            "Starting from the defaults; the old file is kept as config.toml.bak."
        )
        settings = Settings()
    if wrong:
        prompter.say(
            "The existing settings file has "
            + ("a problem" if len(wrong) == 1 else f"{len(wrong)} problems")
            + ":\n  - "
            + "\n  - ".join(wrong)
            + "\nEvery other setting is kept; the old file is kept as config.toml.bak."
        )
    if not_utf8:
        prompter.say(
            f"The existing settings file is not UTF-8 text: {said(not_utf8)}. It is read as "
            f"{OTHER_ENCODING} text and written again as UTF-8, every setting kept."
        )
    wizard = Wizard(settings, prompter, engines or WizardEngines(), choices)
    if not_utf8:
        wizard.notes.append(f"The file is now UTF-8 text: check the letters of {said(not_utf8)}.")
    wizard.heard = _heard_by_voice(settings)
    wizard.notes += [f"Left out of the new file: {note}." for note in retired]
    wizard.notes += [f"Left out of the new file, being wrong: {note}" for note in wrong]
    wizard.apply_flags()
    if args.non_interactive and wizard.current("forum_url") and args.forum_url:
        # As the questions do: an address saved unchecked fails only at the next start.
        wizard.store("forum_url", checked_forum_address(args.forum_url))
    if not args.non_interactive:
        if not sys.stdin.isatty():
            prompter.say("(Questions are read from standard input.)")
        try:
            wizard.run_interactive()
        except SetUpStopped:
            prompter.say(
                "Nothing was saved: the settings are as they were. Run 'voicepeer configure' "
                "to start again."
            )
            if wizard.connected:
                # The account is saved the moment it is approved, apart from the settings.
                prompter.say(
                    f"The forum account connected for {wizard.connected} stays connected; "
                    "voicepeer uses that forum once the settings name it. To remove the "
                    f"account: voicepeer forum revoke {wizard.connected}"
                )
            return 130  # what a shell expects of a program stopped by Ctrl+C
    if wizard.ran_out and not wizard.summary() and not wrong and not not_utf8:
        # "Settings saved ... Nothing changed." read as if answers had been taken.
        prompter.say()
        prompter.say(
            "Nothing was saved: the answers ended before any setting was changed. Run "
            "'voicepeer configure' again to answer the questions."
        )
        for note in wizard.notes:
            prompter.say(f"  Note: {note}")
        return 0
    wizard.refuse_impossible_push_to_talk()
    wizard.download_if_asked()
    kept = _lines_of(path, wrong)
    written = save_settings(wizard.settings, path, left_out=kept)
    wizard.notes += _voice_as_set(wizard)
    if kept:
        wizard.notes.append(
            "The wrong lines are kept as notes at the end of the file, to fix by hand: "
            "'voicepeer doctor' lists them until they are fixed or deleted."
        )
    prompter.say()
    prompter.say(f"Settings saved in {written.path}.")
    changes = wizard.summary()
    prompter.say(
        "Changed:" if changes else f"Nothing {'else ' if wrong or not_utf8 else ''}changed."
    )
    for line in changes:
        prompter.say(f"  {line}")
    for note in [*wizard.notes, *written.said()]:
        prompter.say(f"  Note: {note}")
    prompter.say("Run 'voicepeer doctor' to check everything works.")
    return 0


def _heard_by_voice(settings: Settings) -> dict[str, Any]:
    """The rate and volume the person has changed by voice and hears instead of the file's,
    by wizard choice ("rate", "volume")."""
    rate, volume = spoken_voice(settings.speech)
    heard = {"rate": rate, "volume": volume}
    return {choice: value for choice, value in heard.items() if value != _in_file(settings, choice)}


def _in_file(settings: Settings, choice: str) -> Any:
    section, name = SETTING_OF[choice]
    return getattr(getattr(settings, section), name)


def _voice_as_set(wizard: Wizard) -> list[str]:
    """Make the rate and volume set here what the person hears next: the changes they made
    by voice ("slower") would otherwise go on winning over the file. Notes on what changed
    for them."""
    chosen = [choice for choice in ("rate", "volume") if choice in wizard.chosen]
    if not chosen:
        return []
    try:
        forget_spoken(SETTING_OF[choice][1] for choice in chosen)
    except OSError as error:
        return [
            f"The person's own changes to the voice could not be cleared ({error}): they "
            "may still hear the voice as they last set it by saying faster, slower, louder "
            "or quieter."
        ]
    return [
        f"The person had changed the {_NAMED[choice]} by voice (to {wizard.heard[choice]}); "
        f"from voicepeer's next start it is {_in_file(wizard.settings, choice)}, as set here."
        for choice in chosen
        if choice in wizard.heard and wizard.heard[choice] != _in_file(wizard.settings, choice)
    ]


_NAMED = {"rate": "speaking rate", "volume": "volume"}


def _lines_of(path: Path, wrong: list[str]) -> list[str]:
    """The lines of the settings file at ``path`` that ``wrong`` names (see
    voicepeer.config.lines_left_out)."""
    if not wrong:
        return []
    try:
        return lines_left_out(settings_text(path.read_bytes()), wrong)
    except OSError:
        return []
