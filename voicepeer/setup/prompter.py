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
            share = _percent(text, spec)
            answer: Any = _parse(text, current) if share is None else share
            try:
                value = convert(answer, spec)
            except BadValue as error:
                # The file's words ("without quotes") mean nothing to someone typing.
                problem = " is not a number" if isinstance(answer, str) else f": {error}"
                or_share = " (or a percentage, such as 80%)" if _is_share(spec) else ""
                self.say(
                    f"  {text!r}{problem}. Type {spec.allowed_text()}{or_share}. Please try "
                    "again, or type skip."
                )
                continue
            if share is not None:
                self.say(f"  Taken as {_plain(value)}.")
            return value


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _percent(text: str, spec: FieldSpec) -> float | None:
    """A share typed as a percentage ("80%", or 80 where at most 1 is allowed) for a
    setting from 0 to 1 (the volume); None for anything else."""
    if not _is_share(spec):
        return None
    try:
        number = float(text.removesuffix("%").strip())
    except ValueError:
        return None
    if text.endswith("%") or 1 < number <= 100:
        return number / 100
    return None


def _is_share(spec: FieldSpec) -> bool:
    return spec.type is float and (spec.minimum, spec.maximum) == (0.0, 1.0)


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
