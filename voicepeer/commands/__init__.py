"""Spoken commands: the intent catalogue and the interpreter that decides what was meant."""

from voicepeer.commands.intents import Command, Intent
from voicepeer.commands.matcher import CommandMatcher, Interpretation

__all__ = ["Command", "CommandMatcher", "Intent", "Interpretation"]
