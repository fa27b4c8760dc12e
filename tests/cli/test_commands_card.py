"""The large-print command card: every command, grouped, with the person's own words."""

from __future__ import annotations

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from voicepeer.cli.commands_card import groups, render_card, render_text
from voicepeer.commands.intents import PHRASINGS, Intent
from voicepeer.config.wizard import find_target


class _Card(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.commands: list[str] = []
        self.mine: list[str] = []
        self._tag: str | None = None
        self._class: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag, self._class = tag, dict(attrs).get("class")

    def handle_endtag(self, tag: str) -> None:
        self._tag = None

    def handle_data(self, data: str) -> None:
        if self._tag == "h2":
            self.headings.append(data)
        elif self._tag == "dt":
            self.commands.append(data.strip("“”"))
        elif self._tag == "dd" and self._class == "mine":
            self.mine.append(data)


def test_card_lists_every_command_in_its_group() -> None:
    card = _Card()
    card.feed(render_card({}))
    assert card.headings == ["Moving around", "Reading", "Replying", "Voice", "Other"]
    assert len(card.commands) == len(Intent)
    assert "next" in card.commands and "open topic 3" in card.commands
    grouped = [intent for _, intents in groups() for intent in intents]
    assert sorted(grouped) == sorted(Intent)  # each intent exactly once


def test_card_is_large_print_and_printable() -> None:
    text = render_card({})
    assert "@media print" in text and "page-break-inside: avoid" in text
    assert "font-size: 22pt" in text
    assert "color: #000; background: #fff" in text


def test_personal_words_are_shown_and_escaped() -> None:
    card = _Card()
    card.feed(render_card({Intent.NEXT: ["onwards", "<b>go</b> & on"]}))
    assert card.mine and "onwards" in card.mine[0]
    assert "<b>go</b> & on" in "".join(card.mine)  # text, not markup
    assert "<b>go</b>" not in render_card({Intent.NEXT: ["<b>go</b>"]}).split("<body>")[1]


def test_text_listing_has_variants() -> None:
    text = render_text({Intent.STOP: ["hush now"]})
    for phrase in PHRASINGS[Intent.REPEAT]:
        assert phrase in text
    assert "(your words: hush now)" in text


def test_cli_writes_the_card_with_configured_aliases(isolated_home: Path, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    target = find_target("aliases")
    if target is not None:
        config.write_text(f'[{target.section}]\n{target.name} = {{ onwards = "next" }}\n')
    card_file = tmp_path / "card.html"
    done = subprocess.run(
        [sys.executable, "-m", "voicepeer", "--config", str(config), "commands", "--card",
         str(card_file)], env=dict(os.environ), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Command card written" in done.stdout
    card = _Card()
    card.feed(card_file.read_text(encoding="utf-8"))
    assert len(card.commands) == len(Intent)
    if target is not None:
        assert "onwards" in "".join(card.mine)


def test_cli_unwritable_card_is_explained(isolated_home: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "voicepeer", "commands", "--card", str(tmp_path / "no" / "x.html")],
        env=dict(os.environ), capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "cannot write the command card" in done.stderr
