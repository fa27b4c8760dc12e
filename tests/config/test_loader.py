"""The configuration file: every kind of mistake gets a message a caregiver can act on."""

from __future__ import annotations

import enum
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from voicepeer.config import lines_left_out, load_settings, render, save_settings, with_changes
from voicepeer.config.loader import load_file, load_text
from voicepeer.config.own_comments import comment_in
from voicepeer.config.schema import field_specs
from voicepeer.config.writer import NOTES_MARKER
from voicepeer.errors import ConfigError
from voicepeer.settings import Settings


class Pace(enum.Enum):
    GENTLE = "gentle"
    BRISK = "brisk"


@dataclass(frozen=True)
class Talk:
    rate_wpm: int = field(default=140, metadata={"min": 80, "max": 260})
    """Speaking rate in words per minute."""
    volume: float = field(default=0.8, metadata={"min": 0.0, "max": 1.0})
    """Loudness from 0.0 to 1.0."""
    voice: str = field(default="en-gb", metadata={"choices": ("en-gb", "en-us")})
    """Which voice."""
    pace: Pace = Pace.GENTLE
    """How to pace reading."""
    greeting: bool = True
    """Say hello at start."""
    muted: tuple[str, ...] = ()
    """Words to leave out."""
    aliases: Mapping[str, str] = field(default_factory=dict)
    """Personal phrasings for commands."""
    lexicon: Path | None = None
    """Pronunciation file."""


@dataclass(frozen=True)
class Listen:
    silence_s: float = field(default=2.5, metadata={"min": 0.5, "max": 10.0})
    """Seconds of silence that end an utterance."""


@dataclass(frozen=True)
class Root:
    talk: Talk = field(default_factory=Talk)
    """How it talks."""
    listen: Listen = field(default_factory=Listen)
    """How it listens."""


def load(text: str) -> Root:
    return load_text(text, Root, source="/home/carer/config.toml")


def problem(text: str) -> str:
    with pytest.raises(ConfigError) as caught:
        load(text)
    assert caught.value.spoken and "helper" in caught.value.spoken
    assert "Traceback" not in str(caught.value)
    return str(caught.value)


def test_every_type_is_read() -> None:
    root = load(
        '[talk]\nrate_wpm = 120\nvolume = 1\nvoice = "en-us"\npace = "brisk"\ngreeting = false\n'
        'muted = ["ugh", "ouch"]\naliases = { onwards = "next" }\nlexicon = "~/words.toml"\n'
        "[listen]\nsilence_s = 4.5\n"
    )
    assert root.talk == Talk(
        rate_wpm=120,
        volume=1.0,
        voice="en-us",
        pace=Pace.BRISK,
        greeting=False,
        muted=("ugh", "ouch"),
        aliases={"onwards": "next"},
        lexicon=Path("~/words.toml").expanduser(),
    )
    assert isinstance(root.talk.volume, float)
    assert root.listen.silence_s == 4.5


def test_missing_sections_and_keys_keep_defaults() -> None:
    assert load("") == Root()
    assert load("[talk]\nrate_wpm = 100\n").listen == Listen()


def test_syntax_error_names_file_and_line() -> None:
    message = problem("[talk]\nrate_wpm = 120\nvoice = en-us\n")
    assert "/home/carer/config.toml" in message
    # In plain words, not the TOML reader's "Invalid value".
    assert message.endswith(
        "line 3, voice = en-us: the value is not written as settings are: text goes in "
        '"quotes" (voice = "en-gb"); numbers, and true or false, go without.'
    )


def test_a_setting_given_twice_names_its_line() -> None:
    # The reader said only "Cannot overwrite a value (at end of document)".
    message = problem("[talk]\nrate_wpm = 120\nvoice = 'en-us'\nrate_wpm = 130\n")
    assert message.endswith(
        "line 4, rate_wpm = 130: the setting is given twice: keep one of the lines."
    )


def test_demo_as_the_forum_address_says_what_to_write() -> None:
    # "demo" works for 'voicepeer configure --forum-url'; in the file voicepeer took it for
    # an address and said only that it could not reach the forum.
    with pytest.raises(ConfigError) as caught:
        load_text('[general]\nforum_url = "demo"\n', Settings)
    assert 'for the built-in demo forum, write "" (nothing between the quotes)' in str(caught.value)


def test_wrong_type_names_key_value_and_what_is_allowed() -> None:
    message = problem('[talk]\nrate_wpm = "fast"\n')
    assert '[talk] rate_wpm = "fast"' in message
    assert "line 2" in message
    assert "whole number" in message and "80 to 260" in message
    assert "words per minute" in message  # the field's own help text


def test_out_of_range_value() -> None:
    message = problem("[listen]\nsilence_s = 60\n")
    assert "line 2, [listen] silence_s = 60" in message
    assert "too large" in message and "0.5 to 10.0" in message


def test_choice_not_offered() -> None:
    message = problem('[talk]\nvoice = "klingon"\npace = "racing"\n')
    assert '"en-gb", "en-us"' in message
    assert '"gentle", "brisk"' in message
    assert "2 problems" in message


def test_unknown_key_gets_a_suggestion() -> None:
    message = problem("[talk]\nrate_wmp = 120\n")
    assert 'no setting called "rate_wmp"' in message
    assert 'Did you mean "rate_wpm"?' in message


def test_unknown_section_gets_a_suggestion_and_its_line() -> None:
    message = problem("\n[lisen]\nsilence_s = 3\n")
    assert "line 2, [lisen]" in message
    assert 'Did you mean "listen"?' in message


def test_a_misspelt_section_names_the_settings_it_hides_never_a_key() -> None:
    # A hand-edited heading took every line under it out of sight: they are named, not
    # guessed into the section it may mean.
    message = problem('[lisen]\nsilence_s = 3\ntoken = "abc"\n')
    assert message.endswith(
        'Did you mean "listen"? Until its heading is fixed, the settings under it are not '
        "used: silence_s = 3."
    )
    assert "abc" not in message


def test_a_misspelt_section_is_left_out_with_its_settings_never_a_key() -> None:
    text = '[speach]\nrate_wpm = 140\n# a note\napi_key = "abc"\n\nvolume = 0.5\n[general]\nx = 1\n'
    problems = ['line 1, [speach]: voicepeer has no section called "speach".']
    assert lines_left_out(text, problems) == [
        "[speach]",
        "[speach] rate_wpm = 140",
        "[speach] volume = 0.5",
    ]


def test_key_in_the_wrong_section_is_pointed_home() -> None:
    message = problem("[talk]\nsilence_s = 3\n")
    assert '"silence_s" is a setting of the [listen] section: move it there.' in message
    assert "has no setting" not in message  # read as a contradiction beside it


OLD_FILE = """[recognition]
command_silence_s = 2.0
wait_for_speech_s = 5.0

[forum]
posts_chunk_size = 50
"""


def test_settings_no_longer_used_are_skipped_and_named(caplog: pytest.LogCaptureFixture) -> None:
    notes: list[str] = []
    loaded = load_text(OLD_FILE, Settings, notes=notes)
    assert loaded.recognition.command_silence_s == 2.0  # the rest of the file still counts
    assert len(notes) == 2
    assert notes[0].startswith("line 3, [recognition] wait_for_speech_s: no longer used")
    assert notes[1].startswith("line 6, [forum] posts_chunk_size: no longer used")
    assert "the line can be removed" in caplog.text
    # Only where they were: elsewhere they are mistakes like any unknown name.
    with pytest.raises(ConfigError, match='no setting called "posts_chunk_size"'):
        load_text("[recognition]\nposts_chunk_size = 50\n", Settings)


def test_secrets_are_refused_from_the_shared_file() -> None:
    message = problem('[talk]\nuser_api_key = "abc123"\n')
    assert "not kept in this file" in message
    assert "abc123" not in message


def test_a_value_where_a_section_belongs() -> None:
    message = problem("talk = 3\n")
    assert "should be a [talk] section" in message


def test_all_problems_are_reported_together() -> None:
    message = problem('[talk]\nrate_wpm = 5\nvolume = "loud"\ngreeting = "yes"\n[nope]\n')
    assert "4 problems" in message


def test_nan_and_booleans_are_not_numbers() -> None:
    assert "not a number" in problem("[talk]\nvolume = nan\n")
    assert "whole number" in problem("[talk]\nrate_wpm = true\n")


def test_windows_editor_files_load() -> None:
    # Byte-order mark and CRLF line ends, as Notepad writes them.
    text = '\ufeff[talk]\r\nrate_wpm = 100\r\nmuted = ["ça", "😴"]\r\n'
    talk = load_text(text.encode("utf-8"), Root).talk
    assert talk.rate_wpm == 100 and talk.muted == ("ça", "😴")


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b'[talk]\nvoice = "\xff"\n')
    with pytest.raises(ConfigError, match="not plain UTF-8"):
        load_file(path, Root)


def test_unreadable_path_is_explained(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"is a folder, not a settings file\. Name the file"):
        load_file(tmp_path, Root)  # a folder, not a file


def test_missing_file_means_defaults_unless_named(tmp_path: Path) -> None:
    assert load_file(tmp_path / "none.toml", Root) == Root()
    with pytest.raises(ConfigError, match="voicepeer configure"):
        load_file(tmp_path / "none.toml", Root, required=True)


def test_env_variable_chooses_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "elsewhere.toml"
    path.write_text("[speech]\nrate_wpm = 120\n")
    monkeypatch.setenv("VOICEPEER_CONFIG", str(path))
    assert load_settings().speech.rate_wpm == 120
    monkeypatch.setenv("VOICEPEER_CONFIG", str(tmp_path / "typo.toml"))
    with pytest.raises(ConfigError, match=r"typo\.toml"):
        load_settings()


def test_written_file_loads_back_and_keeps_help(tmp_path: Path) -> None:
    changed = with_changes(
        Settings(),
        {"speech": {"rate_wpm": 130, "voice": "en-us"}, "voice": {"muted_words": ["ouch"]}},
    )
    path = save_settings(changed, tmp_path / "config.toml").path
    text = path.read_text()
    assert "rate_wpm = 130" in text
    assert "# volume = 0.8" in text  # defaults are shown, commented out
    assert "# Speaking rate in words per minute" in text
    assert load_settings(path) == changed
    save_settings(Settings(), path)
    assert (tmp_path / "config.toml.bak").read_text() == text


def test_lines_left_out_are_named_with_their_section_and_never_a_key() -> None:
    text = (
        '[general]\nforum_url = https://forum.example.org\n[speech]\nrate_wpm = "fast"\n'
        '[forum]\napi_key = "abc"\nkey = "abc"\n[other]\nurl = "https://jo:pw@example.org"\n'
        'forum_url = "https://forum.example.org/?api_key=abc"\n'
    )
    problems = [f"line {n}, something wrong" for n in (2, 4, 6, 7, 9, 10)] + ["no line named"]
    assert lines_left_out(text, problems) == [
        "[general] forum_url = https://forum.example.org",
        '[speech] rate_wpm = "fast"',
    ]


def test_notes_below_the_mark_are_kept_and_wrong_lines_added(tmp_path: Path) -> None:
    path = save_settings(Settings(), tmp_path / "config.toml", left_out=["[speech] x = 1"]).path
    with path.open("a", encoding="utf-8") as file:
        file.write("# my own note\nrate_wpm = 140\n")  # a setting there is no note
    save_settings(Settings(), path)
    notes = path.read_text(encoding="utf-8").split(NOTES_MARKER)[1].splitlines()[1:]
    assert notes[0].startswith("# Left out as wrong on ") and notes[0].endswith("[speech] x = 1")
    assert notes[1:] == ["# my own note"]
    assert load_settings(path) == Settings()


def test_with_changes_validates() -> None:
    with pytest.raises(ConfigError, match="too large"):
        with_changes(Settings(), {"speech": {"rate_wpm": 9000}})


def test_every_real_setting_has_help_and_a_writable_default() -> None:
    for section in field_specs(Settings):
        assert section.nested is not None
        for spec in field_specs(section.nested):
            assert spec.doc != "(no description)", f"[{section.name}] {spec.name}"
    assert load_text(render(Settings()), Settings) == Settings()


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(st.text(min_size=1, max_size=12), max_size=4),
    alias=st.text(min_size=1, max_size=10),
)
def test_strange_unicode_survives_a_round_trip(words: list[str], alias: str) -> None:
    root = Root(talk=Talk(muted=tuple(words), aliases={alias: "next"}))
    text = render(root)
    assert load(text) == root


def test_settings_that_contradict_each_other_say_which_and_why() -> None:
    with pytest.raises(ConfigError) as caught:
        load_text("[recognition]\nbackground_talk_s = 12\n", Settings, source="config.toml")
    message = str(caught.value)
    assert "background_talk_s (12) must be shorter than max_command_s (10)" in message
    assert caught.value.spoken and "helper" in caught.value.spoken
    assert load_text("[recognition]\nbackground_talk_s = 12\nmax_command_s = 15\n", Settings)


def test_a_comment_is_found_after_a_value_but_never_inside_quotes() -> None:
    assert comment_in('forum_url = "https://x.org/#top"  # ours ') == "# ours"
    assert comment_in("aliases = { 'a#b' = \"next\" }") is None
    assert comment_in('voice = "en\\"#gb"') is None
    assert comment_in("  # Mum's voice") == "# Mum's voice"
    assert comment_in("#") is None


def test_the_settings_file_and_its_copies_are_private(tmp_path: Path) -> None:
    # Readable by everyone, they held the words to mute and the topics to warn about.
    path = tmp_path / "config.toml"
    path.write_text('[voice]\nmuted_words = ["relapse"]\n', encoding="utf-8")
    path.chmod(0o644)
    written = save_settings(load_settings(path), path)
    copies = [
        written.path,
        path.with_name("config.toml.bak"),
        path.with_name(".config.toml.as-written"),
    ]
    for copy in copies:
        assert copy.exists(), copy
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600, copy
