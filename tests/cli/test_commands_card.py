"""The command card: the essentials in very large print on page one, with the keys; the full
list behind it, with editing and punctuation words and the person's own words (clashes
marked). Checked as HTML, and as printed pages rendered by headless Chromium."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from voicepeer.cli.commands_card import (
    ESSENTIALS,
    CardContent,
    card_content,
    card_path,
    groups,
    render_card,
    render_text,
)
from voicepeer.commands.editing import DICTATION_PHRASES
from voicepeer.commands.intents import PHRASINGS, Intent
from voicepeer.config import load_settings
from voicepeer.errors import ConfigError
from voicepeer.switches.settings import SwitchSettings

CAPITAL_I = re.compile(r"\bi\b")
CONFIG = """\
[recognition]
aliases = { onwards = "next", back = "next" }
[switches]
mode = "tap"
key = "f2"
"""


class _Card(HTMLParser):
    """Text by section (the class of each <section>), and the h1/h2/dt/th texts."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: list[tuple[str, list[tuple[str, str]]]] = []
        self._stack: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        cls = dict(attrs).get("class") or ""
        if tag == "section":
            self.sections.append((cls, []))
        if tag not in ("br", "meta"):
            self._stack.append((tag, cls))

    def handle_endtag(self, tag: str) -> None:
        while self._stack and self._stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if self.sections and data.strip() and self._stack:
            tag, cls = self._stack[-1]
            self.sections[-1][1].append((f"{tag}.{cls}" if cls else tag, data.strip()))

    def texts(self, section: str, tag: str) -> list[str]:
        return [
            text for cls, items in self.sections if cls == section for t, text in items if t == tag
        ]

    def all(self, tag: str) -> list[str]:
        return [text for _, items in self.sections for t, text in items if t == tag]


def parsed(content: CardContent) -> _Card:
    card = _Card()
    card.feed(render_card(content))
    return card


def content_from(tmp_path: Path, text: str = CONFIG) -> CardContent:
    config = tmp_path / "config.toml"
    config.write_text(text, encoding="utf-8")
    return card_content(load_settings(config))


def test_page_one_holds_the_essentials_and_the_keys(tmp_path: Path) -> None:
    card = parsed(content_from(tmp_path))
    assert card.sections[0][0] == "essentials"
    assert card.texts("essentials", "h1") == ["Talking to voicepeer"]
    said = card.texts("essentials", "th")
    assert said == [f"“{PHRASINGS[i][0]}{' 3' if i is Intent.OPEN else ''}”" for i, _ in ESSENTIALS]
    assert "“goodbye”" in said and "“send it”" in said
    keys = card.texts("essentials", "p")
    assert "To stop me talking: press any key." in keys
    assert "To talk: press F2, speak, then press F2 again." in keys
    assert "or: “onwards”" in " ".join(card.texts("essentials", "td"))
    css = render_card(CardContent())
    assert ".essentials { break-after: page; page-break-after: always; }" in css
    assert ".essentials th { font-size: 30pt;" in css  # about 1 cm high


def test_the_full_list_has_every_command_editing_punctuation_and_keys(tmp_path: Path) -> None:
    card = parsed(content_from(tmp_path))
    headings = card.all("h2")
    assert headings == [title for title, _ in groups()] + [
        "While writing a reply",
        "Punctuation while writing",
        "Keys",
        "Your own words",
    ]
    listed = [text for cls, items in card.sections if cls == "" for t, text in items if t == "dt"]
    assert len(listed) == len(Intent)
    assert sorted(i for _, intents in groups() for i in intents) == sorted(Intent)
    editing = " ".join(card.texts("editing", "dt"))
    for phrases in DICTATION_PHRASES.values():
        assert all("“" + CAPITAL_I.sub("I", p) + "”" in editing for p in phrases)
    assert "“comma”" in card.texts("punctuation", "th")
    assert "a new paragraph" in card.texts("punctuation", "td")
    assert "To talk: press F2, speak, then press F2 again." in card.texts("keys", "p")


def test_own_words_are_listed_and_a_clash_is_marked(tmp_path: Path) -> None:
    card = parsed(content_from(tmp_path))
    assert "“onwards”" in card.texts("own", "dt")
    assert "“back” — does not work" in card.texts("own", "dt.clash")
    assert any('"back" already means "back"' in t for t in card.texts("own", "dd.clash"))
    # The clashing word is not offered as a way to say "next".
    assert "“back”" not in " ".join(card.texts("essentials", "td"))
    plain = parsed(CardContent())
    assert plain.texts("own", "dt") == []


def test_keys_follow_the_settings() -> None:
    held = parsed(
        CardContent(
            switches=SwitchSettings(
                mode="hold", source="evdev", key="btn_0", any_key_stops_speech=False
            )
        )
    )
    assert held.texts("keys", "p") == [
        "To stop me talking: press btn_0.",
        "To talk: hold btn_0 down while you speak.",
    ]
    assert parsed(CardContent()).texts("keys", "p") == ["To stop me talking: press any key."]


def test_personal_words_are_escaped() -> None:
    page = render_card(CardContent(aliases={Intent.NEXT: ["<b>go</b> & on"]}))
    assert "<b>go</b>" not in page.split("<body>")[1]
    assert "&lt;b&gt;go&lt;/b&gt; &amp; on" in page


def test_text_listing_has_variants_editing_and_keys(tmp_path: Path) -> None:
    text = render_text(content_from(tmp_path))
    for phrase in PHRASINGS[Intent.REPEAT]:
        assert phrase in text
    assert "(your words: onwards)" in text
    assert "scratch that: remove the last part you said" in text
    assert "delete the last sentence: remove the last sentence you said" in text
    assert "undo, undo that: bring back what you just removed" in text
    assert "To talk: press F2" in text
    assert '"back" already means "back"' in text
    # "Never mind" and "yeah" are listed, but are words of a reply while writing and never
    # a yes to posting: the card says so where it lists them, in print and on the page.
    replying = text.index("Replying\n")
    assert text.index("only the words under “While writing a reply” are commands") > replying
    assert "only “yes” itself counts as yes" in render_card(content_from(tmp_path))


def test_cli_writes_the_card_and_names_clashes(isolated_home: Path, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(CONFIG)
    card_file = tmp_path / "card.html"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "voicepeer",
            "--config",
            str(config),
            "commands",
            "--card",
            str(card_file),
        ],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Command card written" in done.stdout
    assert 'Note: "back = next": "back" already means "back"' in done.stdout
    assert "“onwards”" in card_file.read_text(encoding="utf-8")


def test_cli_unwritable_card_is_explained(isolated_home: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "voicepeer", "commands", "--card", str(tmp_path / "no" / "x.html")],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "cannot write the command card" in done.stderr


def test_a_card_never_writes_over_the_settings_or_another_file(
    isolated_home: Path, tmp_path: Path
) -> None:
    # "--card config.toml" replaced the settings with HTML; "--card credentials.json" the
    # saved forum account; "--card card.pdf" wrote HTML that no PDF reader opens.
    settings = tmp_path / "config.toml"
    settings.write_text('[speech]\nvoice = "en-us"\n', encoding="utf-8")
    mine = tmp_path / "mine.html"
    mine.write_text("<html>the carer's own page</html>", encoding="utf-8")
    why = {}
    for name in (settings, tmp_path / "card.pdf", mine):
        done = subprocess.run(
            [sys.executable, "-m", "voicepeer", "commands", "--card", str(name)],
            env=dict(os.environ),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 1 and "Command card written" not in done.stdout, name
        why[name.name] = done.stderr
    assert settings.read_text(encoding="utf-8") == '[speech]\nvoice = "en-us"\n'
    assert mine.read_text(encoding="utf-8") == "<html>the carer's own page</html>"
    assert not (tmp_path / "card.pdf").exists()
    assert "its name ends in .html" in why["config.toml"]
    assert "print it to PDF" in why["card.pdf"]
    assert "is not a command card voicepeer wrote, so it was left as it is" in why["mine.html"]


def test_where_a_card_goes(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"its name ends in \.html"):
        card_path(tmp_path / "card.pdf")
    with pytest.raises(ConfigError, match="not a command card voicepeer wrote"):
        (tmp_path / "page.html").write_text("<p>mine</p>", encoding="utf-8")
        card_path(tmp_path / "page.html")
    # A name alone gets its ending; a folder gets commands.html; a card written before is
    # written over.
    assert card_path(tmp_path / "card") == tmp_path.resolve() / "card.html"
    assert card_path(tmp_path) == tmp_path.resolve() / "commands.html"
    earlier = tmp_path / "earlier.htm"
    earlier.write_text(render_card(content_from(tmp_path)), encoding="utf-8")
    assert card_path(earlier) == earlier.resolve()


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.slow
@pytest.mark.skipif(
    CHROMIUM is None or shutil.which("pdftotext") is None,
    reason="needs chromium and poppler-utils (pdftotext)",
)
def test_printed_page_one_is_the_essentials_alone(tmp_path: Path) -> None:
    card = tmp_path / "card.html"
    card.write_text(render_card(content_from(tmp_path)), encoding="utf-8")
    pdf = tmp_path / "card.pdf"
    assert CHROMIUM is not None
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            card.as_uri(),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout.split("\f")
    first = " ".join(pages[0].split())  # large print wraps long lines on the page
    assert "Talking to voicepeer" in first
    for intent, meaning in ESSENTIALS:
        assert PHRASINGS[intent][0] in first and meaning.split()[0] in first
    assert "To stop me talking: press any key." in first
    assert "To talk: press F2, speak, then press F2 again." in first
    assert "Everything you can say" not in first  # the full list starts on page two
    rest = "".join(pages[1:])
    assert "Everything you can say" in rest and "While writing a reply" in rest
    assert "does not work" in rest
    assert len([p for p in pages if p.strip()]) <= 6  # with a carer's words and a warning


def test_the_card_says_which_words_wake_voicepeer_after_a_pause(tmp_path: Path) -> None:
    # "Continue" was listed as a way to resume, and paused only "resume" or "wake up" is
    # heard: talk in the room must not wake it.
    note = (
        "After “pause” or “go to sleep”, say “resume”, “wake up”, “wake” or “start listening”: "
        "“continue”, “carry on reading” and “where was I” work only while I am listening, so "
        "that talk in the room does not wake me."
    )
    assert f"    ({note})" in render_text(CardContent()).splitlines()
    card = parsed(CardContent())
    assert note in [text for _, items in card.sections for t, text in items if t == "dd"]
    own = render_text(CardContent(aliases={Intent.RESUME: ["back again"]}))
    assert "“start listening” or your own words for them:" in own
    assert "rest; your place is kept. Say “resume” to go on" in card.texts("essentials", "td")
