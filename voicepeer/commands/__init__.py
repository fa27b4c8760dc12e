"""Spoken commands: the intent catalogue and matching what was heard against it."""

from voicepeer.commands.intents import Command, Intent
from voicepeer.commands.matcher import CommandMatcher, Interpretation

__all__ = ["Command", "CommandMatcher", "Intent", "Interpretation"]
