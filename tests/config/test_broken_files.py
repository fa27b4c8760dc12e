"""A corpus of broken configuration files: each is a ConfigError naming the line, the setting
and what is allowed; never a traceback, never a hang, never a password repeated."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from voicepeer.config.loader import load_file
from voicepeer.errors import ConfigError
from voicepeer.settings import Settings

#: name → (file contents, fragments the message must contain)
CORPUS: dict[str, tuple[str | bytes, tuple[str, ...]]] = {
    "deep_array": ("[general]\nforum_url = " + "[" * 3000 + "]" * 3000, ("line 2", "nested")),
    "deep_inline": (
        "[general]\n\nforum_url = " + "{a=" * 3000 + "1" + "}" * 3000,
        ("line 3", "nested"),
    ),
    "deep_across_lines": ("[voice]\nx = [\n" + "[\n" * 30 + "]\n" * 31, ("line 22", "nested")),
    "brackets_in_strings_are_text": (
        '[general]\nforum_url = "' + "[" * 50 + '"\n# ' + "{" * 50 + "\n",
        ("line 2", "forum_url", "Allowed: a web address"),
    ),
    "ipv6_unclosed": ('[general]\nforum_url = "http://[::1"\n', ("line 2", "forum_url", "IPv6")),
    "javascript": ('[general]\nforum_url = "javascript:alert(1)"\n', ("line 2", "https://")),
    "javascript_slashes": ('[general]\nforum_url = "javascript://x"\n', ("line 2", "https://")),
    "ftp": ('[general]\n\nforum_url = "ftp://forum.example.org"\n', ("line 3", "https://")),
    "no_host": ('[general]\nforum_url = "https://"\n', ("line 2", "no host name")),
    "port_too_large": ('[general]\nforum_url = "https://f.org:99999"\n', ("line 2", "port")),
    "port_not_number": ('[general]\nforum_url = "https://f.org:abc"\n', ("line 2", "port")),
    "space_in_host": ('[general]\nforum_url = "https://forum example.org"\n', ("spaces",)),
    "nul_in_url": ('[general]\nforum_url = "https://f.org\\u0000"\n', ("control",)),
    "crlf_in_url": ('[general]\nforum_url = "https://f.org\\r\\nX: y"\n', ("line breaks",)),
    "url_too_long": ('[general]\nforum_url = "https://' + "a" * 3000 + '.org"\n', ("at most",)),
    "model_url_javascript": ('[models]\nmodel_base_url = "javascript:x"\n', ("model_base_url",)),
    "model_url_ipv6": ('[models]\nmodel_base_url = "http://[::1"\n', ("model_base_url",)),
    "models_dir_nul": ('[models]\nmodels_dir = "/tmp/x\\u0000y"\n', ("models_dir", "NUL")),
    "models_dir_is_a_file": ('[models]\nmodels_dir = "/etc/hostname"\n', ("not a folder",)),
    "models_dir_too_long": ('[models]\nmodels_dir = "/' + "a" * 5000 + '"\n', ("too long",)),
    "models_dir_part_too_long": ('[models]\nmodels_dir = "/tmp/' + "a" * 300 + '"\n', ("long",)),
    "models_dir_unreadable": ('[models]\nmodels_dir = "/proc/1/root/x"\n', ("models_dir",)),
    # Taken as one folder named so in the current one, where a download then went.
    "models_dir_windows": (
        '[models]\nmodels_dir = "C:\\\\Users\\\\Mum\\\\models"\n',
        ("a Windows path", "~/"),
    ),
    "models_dir_windows_slashes": ('[models]\nmodels_dir = "D:/models"\n', ("Windows path",)),
    "user_agent_crlf": ('[forum]\nuser_agent = "vp\\r\\nX-Evil: 1"\n', ("user_agent", "line")),
    "user_agent_nul": ('[forum]\nuser_agent = "vp\\u0000x"\n', ("user_agent",)),
    "user_agent_tab": ('[forum]\nuser_agent = "vp\\tx"\n', ("user_agent",)),
    "user_agent_empty": ('[forum]\nuser_agent = ""\n', ("user_agent", "empty")),
    "user_agent_unicode": ('[forum]\nuser_agent = "voicepeer ☃"\n', ("user_agent",)),
    "user_agent_spaces_around": ('[forum]\nuser_agent = " vp "\n', ("start or end",)),
    "user_agent_too_long": ('[forum]\nuser_agent = "' + "v" * 300 + '"\n', ("longer than",)),
    "bad_utf8": (b'[general]\nforum_url = "\xff\xfe"\n', ("UTF-8",)),
    "latin_1": (
        b'[voice]\n\nmuted_words = ["Ocr\xe9vus"]\n',
        ('line 3 (muted_words = ["Ocrévus"])',),
    ),
    "decimal_comma": ("[speech]\nvolume = 0,8\n", ("line 2", "not a comma: write 0.8")),
    "curly_quotes": ("[speech]\nvolume = “0.5”\n", ("line 2", "the quotes “ ” are curly")),
    "binary": (bytes(range(256)), ("UTF-8",)),
    "nan": ("[forum]\nread_timeout_s = nan\n", ("not a number",)),
    "inf": ("[forum]\nread_timeout_s = inf\n", ("too large",)),
    "huge_int": ("[forum]\nread_retries = 99999999999999999999999999\n", ("too large",)),
    "negative": ("[forum]\nread_retries = -1\n", ("too small",)),
    "quoted_number": ('[forum]\nread_retries = "3"\n', ("without quotes",)),
    "float_for_int": ("[forum]\nread_retries = 1.5\n", ("whole number",)),
    "date": ("[forum]\nread_timeout_s = 1979-05-27\n", ("number",)),
    "duplicate_key": ("[forum]\nread_retries = 1\nread_retries = 2\n", ("line 3",)),
    "duplicate_table": ("[forum]\n[forum]\n", ("line 2",)),
    "section_as_value": ("general = 3\n", ("[general] section",)),
    "array_of_tables": ('[[general]]\nforum_url = ""\n', ("[general] section",)),
    "misspelt_section": ("[genral]\n", ('Did you mean "general"',)),
    "key_in_file": ('[forum]\napi_key = "x"\n', ("forum connect",)),
    "empty_key": ('[forum]\n"" = 1\n', ("no setting",)),
    "unterminated_string": ('[general]\nforum_url = "abc\n', ("line 2",)),
    "table_for_text": ("[general]\nforum_url = { a = 1 }\n", ("text in quotes",)),
    "list_for_text": ("[general]\nforum_url = [1, 2]\n", ("text in quotes",)),
    "control_character": ('[general]\nforum_url = "a\x01b"\n', ("line 2",)),
    "too_large_file": ('[general]\nforum_url = "' + "a" * 1_100_000 + '"\n', ("at most",)),
    "thousands_of_unknown_sections": (
        "".join(f"[s{i}]\n" for i in range(5000)),
        ("5000 problems", "and 4970 more"),
    ),
}


def write(tmp_path: Path, name: str, contents: str | bytes) -> Path:
    path = tmp_path / f"{name}.toml"
    path.write_bytes(contents if isinstance(contents, bytes) else contents.encode("utf-8"))
    return path


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_a_broken_file_is_a_clear_config_error(tmp_path: Path, name: str) -> None:
    contents, expected = CORPUS[name]
    path = write(tmp_path, name, contents)
    with pytest.raises(ConfigError) as caught:
        load_file(path, Settings, required=True)
    message = str(caught.value)
    for fragment in expected:
        assert fragment in message, message[:600]
    assert "helper" in caught.value.spoken
    assert len(message) < 10_000  # a listing a carer can read, not the whole file back


def test_a_password_in_the_forum_address_is_refused_and_never_repeated(tmp_path: Path) -> None:
    path = write(
        tmp_path, "userinfo", '[general]\nforum_url = "https://carer:hunter2@forum.example.org"\n'
    )
    with pytest.raises(ConfigError) as caught:
        load_file(path, Settings, required=True)
    message = str(caught.value)
    assert "line 2" in message and "user name or password" in message
    assert "hunter2" not in message and "carer" not in message
    assert "forum.example.org" in message


@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_something_other_than_a_file_is_refused_without_reading_it(
    tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "config.toml"
    if kind == "fifo":
        os.mkfifo(path)  # nobody writes to it: reading would block for ever
    elif kind == "folder":
        path.mkdir()
    else:
        path = Path("/dev/zero")  # endless bytes
    with pytest.raises(ConfigError) as caught:
        load_file(path, Settings, required=True)
    said = str(caught.value)
    assert "not a plain file" in said or "is a folder, not a settings file" in said


def test_the_good_forms_still_load(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "good",
        '[general]\nforum_url = "https://forum.example.org"\n'
        '[forum]\nuser_agent = "voicepeer/1.0 (+https://example.org)"\n'
        f'[models]\nmodels_dir = "{tmp_path}"\nmodel_base_url = "http://[::1]:8080/models/"\n',
    )
    settings = load_file(path, Settings, required=True)
    assert settings.general.forum_url == "https://forum.example.org"
    assert settings.forum.user_agent.startswith("voicepeer/1.0")


@pytest.mark.parametrize("name", ["user_agent_crlf", "deep_array", "javascript"])
def test_doctor_reports_the_broken_file_instead_of_all_well(
    isolated_home: Path, tmp_path: Path, name: str
) -> None:
    path = write(tmp_path, name, CORPUS[name][0])
    done = subprocess.run(
        [sys.executable, "-m", "voicepeer", "--config", str(path), "doctor", "--no-audio"],
        capture_output=True,
        text=True,
        timeout=180,
        env=dict(os.environ),
    )
    assert "Traceback" not in done.stderr + done.stdout
    assert done.returncode == 1
    assert "[FAIL] configuration" in done.stdout


def test_doctor_on_a_named_pipe_does_not_hang(isolated_home: Path, tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    os.mkfifo(path)
    done = subprocess.run(
        [sys.executable, "-m", "voicepeer", "--config", str(path), "doctor", "--no-audio"],
        capture_output=True,
        text=True,
        timeout=180,
        env=dict(os.environ),
    )
    assert done.returncode == 1
    assert "named pipe" in done.stdout
