"""A full disk (a real one: a small tmpfs filled to the last byte) while reading, dictating
and posting: a spoken answer, the words kept in memory, the loop going on, no traceback."""

from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.conversation import converse
from tests.support.members import keyed_forum, signed_in
from voicepeer.atomic import atomic_write_text, is_disk_full
from voicepeer.demo_forum import DemoForum
from voicepeer.errors import DiskFullError
from voicepeer.forum.base import TopicList
from voicepeer.forum.cache import ReadingCache
from voicepeer.logs import setup_logging

REPLY = "walking to the pier sounds wonderful and I hope to do the same"


class SmallDisk:
    def __init__(self, mount: Path) -> None:
        self.mount = mount
        self._filler = mount / ".filler"

    def fill(self) -> None:
        """Write until the disk refuses: ENOSPC from the kernel, not a simulation."""
        with open(self._filler, "ab", buffering=0) as handle:
            try:
                while True:
                    handle.write(b"\0" * 512)
            except OSError as error:
                assert is_disk_full(error), error

    def free(self) -> None:
        self._filler.unlink()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    mount = tmp_path / "card"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(
            f"a small disk to fill needs mounting a tmpfs, which failed here "
            f"(run as root): {done.stderr.strip()}"
        )
    try:
        yield SmallDisk(mount)
    finally:
        subprocess.run(["umount", "--lazy", str(mount)], check=False)


@pytest.fixture
def forum(tmp_path: Path) -> Iterator[DemoForum]:
    with keyed_forum(tmp_path / "forum.sqlite3") as server:  # on the ordinary disk
        yield server


def posts_with(forum: DemoForum, text: str) -> int:
    with sqlite3.connect(forum.db_path) as db:
        query = "SELECT count(*) FROM posts WHERE raw LIKE ?"
        (count,) = db.execute(query, (f"%{text}%",)).fetchone()
    return int(count)


def test_reading_dictating_and_posting_go_on_when_the_disk_fills(
    small_disk: SmallDisk, forum: DemoForum
) -> None:
    lines = [
        "latest topics",
        "open topic one",
        "next",
        "reply",
        REPLY,
        "read it back",
        "send it",
        "yes",
        "yes",
    ]
    talk = converse(
        forum.base_url,
        lines,
        small_disk.mount / "data",
        before_line={1: small_disk.fill, 8: small_disk.free},
        credentials=signed_in(forum),
    )
    said = talk.transcript
    # Reading: the topic and the next post are read; the full disk is explained once.
    assert "Post 1 of 4" in said and "Post 2 of 4" in said
    assert said.count("The memory card is full, so I could not save that.") == 1
    assert "ask your helper to make some room" in said
    # Dictating: the words are kept in memory and said to be not yet saved.
    dictating = talk.said_after("Replying to")
    assert "not saved yet" in dictating[0]
    assert any("Your reply says: Walking to the pier" in line for line in dictating)
    # The first yes could not be recorded: nothing posted, the reply is still here.
    refused = talk.said_after("Shall I post it?")
    assert "could not save your reply, and I have not posted it" in refused[0]
    # Room again: the same words, kept in memory, are posted on the next yes.
    assert "is posted" in refused[-1]
    assert posts_with(forum, "walking to the pier sounds wonderful") == 1


def test_a_reply_not_yet_saved_is_not_posted_while_the_disk_is_full(
    small_disk: SmallDisk, forum: DemoForum
) -> None:
    talk = converse(
        forum.base_url,
        ["open topic one", "reply", REPLY, "send it", "yes", "no"],
        small_disk.mount / "data",
        before_line={1: small_disk.fill},
        credentials=signed_in(forum),
    )
    assert "I have not posted it" in talk.transcript
    assert posts_with(forum, "walking to the pier sounds wonderful") == 0
    assert "Your reply is kept" in talk.said[-2]  # "no": back to dictating, words in memory
    # The input ends with the disk still full: the person is told the reply is not saved.
    assert "could not be saved before I stop" in talk.said[-1]


def test_a_file_write_on_a_full_disk_is_a_disk_full_error_and_keeps_the_old_file(
    small_disk: SmallDisk,
) -> None:
    path = small_disk.mount / "places.json"
    atomic_write_text(path, '{"1": 2}')
    small_disk.fill()
    with pytest.raises(DiskFullError) as caught:
        atomic_write_text(path, '{"1": 3}' + " " * 10_000)
    assert "memory card is full" in caught.value.spoken
    assert path.read_text() == '{"1": 2}'
    assert [p.name for p in small_disk.mount.iterdir() if p.name.endswith(".tmp")] == []


def test_the_reading_cache_skips_what_does_not_fit(small_disk: SmallDisk) -> None:
    cache = ReadingCache(small_disk.mount / "cache.sqlite3")
    first = TopicList(topics=(), page=0, has_more=False)
    cache.put("latest:0", first)
    small_disk.fill()
    big = TopicList(topics=(), page=1, has_more=True)
    for page in range(200):  # enough new pages that SQLite must grow the file
        cache.put(f"latest:{page}-{'x' * 2000}", big)
    assert isinstance(cache.get("latest:0"), TopicList)
    cache.close()


def test_log_lines_on_a_full_disk_are_dropped_without_a_traceback(
    small_disk: SmallDisk, capsys: pytest.CaptureFixture[str]
) -> None:
    log_file = setup_logging(False, small_disk.mount / "logs")
    assert log_file is not None
    try:
        small_disk.fill()
        for number in range(200):
            logging.getLogger("voicepeer.test").warning("line %d %s", number, "x" * 40)
    finally:
        for handler in list(logging.getLogger().handlers):
            if getattr(handler, "baseFilename", None) == str(log_file):
                logging.getLogger().removeHandler(handler)
                handler.close()
    err = capsys.readouterr().err
    assert "line 199" not in err  # log lines are for the file, not the person's terminal
    assert "Logging error" not in err and "Traceback" not in err
    assert os.path.getsize(log_file) < 200 * 60
