"""Questions on the terminal for the set-up wizard: plain words, a default for every answer,
"skip" to leave a step, and wrong answers asked again instead of ending the wizard."""

from __future__ import annotations

import sys
from typing import Any, TextIO

from voicepeer.config.schema import FieldSpec
from voicepeer.config.values import BadValue, convert


class SkipStep(Exception):
    """The caregiver typed "skip": leave this step unchanged."""


class NoMoreInput(Exception):
    """Standard input ended (Ctrl-D or a closed pipe): stop asking."""


class SetUpStopped(Exception):
    """The caregiver pressed Ctrl+C and chose not to keep the answers given: nothing is
    saved."""


class Prompter:
    def __init__(self, stdin: TextIO | None = None, stdout: TextIO | None = None) -> None:
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout

    def say(self, text: str = "") -> None:
        print(text, file=self.stdout, flush=True)

    def ask(self, question: str, default: str = "") -> str:
        """The answer, or ``default`` for an empty one. "skip" raises :class:`SkipStep`."""
        shown = f" [{default}]" if default else ""
        self.stdout.write(f"{question}{shown}: ")
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            self.say()
            raise NoMoreInput
        answer = line.strip()
        if answer.lower() == "skip":
            raise SkipStep
        return answer or default

    def yes(self, question: str, default: bool = True) -> bool:
        hint = "Y/n" if default else "y/N"
        while True:
            answer = self.ask(f"{question} ({hint})").lower()
            if not answer:
                return default
            if answer in ("y", "yes"):
                return True
            if answer in ("n", "no"):
                return False
            self.say('Please type y for yes or n for no (or "skip").')

    def value(self, question: str, spec: FieldSpec, current: Any) -> Any:
        """Ask until the answer fits the setting's type and range."""
        while True:
            text = self.ask(f"{question} ({spec.allowed_text()})", _plain(current))
            try:
                return convert(_parse(text, current), spec)
            except BadValue as error:
                self.say(f"  {text!r}: {error}. Please try again, or type skip.")


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _parse(text: str, current: Any) -> Any:
    """Typed text as the kind of value the setting holds."""
    if isinstance(current, bool):
        return {"yes": True, "y": True, "true": True, "no": False, "n": False, "false": False}.get(
            text.lower(), text
        )
    if isinstance(current, int | float):
        try:
            number = float(text)
        except ValueError:
            return text
        return int(number) if isinstance(current, int) and number.is_integer() else number
    return text
