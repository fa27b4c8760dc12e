"""What the person read, dictated or keeps secret is readable by them alone: files 0600 in
0700 folders, tightened at start when found wider, with a log line naming the path only."""

from __future__ import annotations

import json
import stat
import subprocess
from pathlib import Path

import pytest

from tests.support.voicepeer_run import run_voicepeer
from voicepeer import paths
from voicepeer.demo_forum import DemoForum
from voicepeer.forum.cache import ReadingCache
from voicepeer.forum.credentials import Credentials, CredentialStore

SECRET = "key-that-must-stay-private-0123"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def run_text(forum_url: str, said: str) -> subprocess.CompletedProcess[str]:
    return run_voicepeer(forum_url, said, timeout=120)


def every_path(root: Path) -> list[Path]:
    return [root, *root.rglob("*")]


def test_a_new_reading_cache_is_private(isolated_home: Path) -> None:
    cache = ReadingCache()
    cache.put("categories", ())
    cache.close()
    assert mode(cache.path) == 0o600
    assert mode(cache.path.parent) == 0o700


def test_run_tightens_what_was_left_readable(isolated_home: Path, tmp_path: Path) -> None:
    with DemoForum(tmp_path / "forum.sqlite3") as forum:
        host = forum.base_url.split("://", 1)[1]
        # What an older version, a copy or a loose umask left behind, readable by all.
        CredentialStore().save(Credentials(forum.base_url, "user_api_key", SECRET))
        credentials = paths.config_dir() / "credentials.json"
        credentials.chmod(0o644)
        forum_dir = paths.data_dir() / "forums" / host.replace(":", "_")
        (forum_dir / "drafts").mkdir(parents=True)
        (forum_dir / "drafts").chmod(0o755)
        draft = forum_dir / "drafts" / "topic-1.json"
        draft.write_text(json.dumps({"text": "my private words"}))
        draft.chmod(0o644)
        paths.cache_dir().mkdir(parents=True, exist_ok=True)
        paths.cache_dir().chmod(0o755)
        old_cache = paths.cache_dir() / "forum-cache.sqlite3"
        ReadingCache(old_cache).close()
        old_cache.chmod(0o644)
        done = run_text(forum.base_url, "latest topics\nopen topic one\n")
    assert done.returncode == 0, done.stderr
    assert mode(credentials) == 0o600
    private = [
        path
        for root in (paths.data_dir() / "forums", paths.cache_dir(), paths.state_dir())
        for path in every_path(root)
    ]
    assert draft in private and old_cache in private
    for path in private:
        assert mode(path) == (0o700 if path.is_dir() else 0o600), path
    log = (paths.state_dir() / "voicepeer.log").read_text()
    for path in (credentials, draft, old_cache, paths.cache_dir()):
        assert f"made {path} private" in log
    assert SECRET not in log and "my private words" not in log


def test_tightening_leaves_private_modes_and_links_alone(tmp_path: Path) -> None:
    target = tmp_path / "shared.txt"
    target.write_text("not ours")
    target.chmod(0o644)
    link = tmp_path / "link"
    link.symlink_to(target)
    assert paths.make_private(link) is False
    assert mode(target) == 0o644
    mine = tmp_path / "mine"
    mine.write_text("x")
    mine.chmod(0o600)
    assert paths.make_private(mine) is False
    assert paths.make_private(tmp_path / "missing") is False


@pytest.mark.parametrize(
    "address",
    [
        "http://carer:hunter2@127.0.0.1:9",
        "https://carer:hunter2@forum.example.org/",
        "carer:hunter2@forum.example.org",
    ],
)
def test_a_forum_address_with_a_password_is_refused_and_never_kept(
    isolated_home: Path, address: str
) -> None:
    done = run_text(address, "latest topics\n")
    assert done.returncode == 1
    assert "user name or password" in done.stderr
    assert "hunter2" not in done.stdout + done.stderr
    log = paths.state_dir() / "voicepeer.log"
    assert not log.exists() or "hunter2" not in log.read_text()
    assert not any("hunter2" in str(path) for path in every_path(isolated_home))
