"""Saved posts by voice: "bookmark this", "my bookmarks", open one where it was saved,
"remove bookmark". Bookmarks are private, so no question is asked before saving one."""

from __future__ import annotations

from voicepeer.forum.peer import MAX_BOOKMARKS, Bookmark, PeerForum
from voicepeer.speech.text.sentences import as_sentence
from voicepeer.voice import phrasing
from voicepeer.voice.cues import number_word
from voicepeer.voice.list_place import ListPlace, ListWords, step_said
from voicepeer.voice.ports import Say
from voicepeer.voice.reader import Reader, ReadOutcome

NO_PEER = "Saved posts are not available on this forum."
EXCERPT_WORDS = 12
"""Words of each saved post read in the list: enough to recognise it."""
BOOKMARKS_NAMED = 5
"""Bookmarks named together: when the list is read, and at "next" right after."""
_LIST_WORDS = ListWords(
    more="Say next to hear more, or open topic and a number.",
    end="That is the last bookmark. Say open topic and a number to read one.",
    last="That is the last bookmark.",
    first="This is the first one.",
    opens="Say read to open it.",
)


def excerpt(text: str) -> str:
    """The first words of ``text``, enough to recognise it by."""
    words = text.split()
    return " ".join(words[:EXCERPT_WORDS]) + ("…" if len(words) > EXCERPT_WORDS else "")


def bookmark_line(position: int, bookmark: Bookmark) -> str:
    """ "One: Fatigue that sleep doesn't fix, post 2 by Sam Okafor: Oh yes, every week…"
    (with ", you named it ask the nurse" before the excerpt when it has a name)."""
    number = number_word(position).capitalize()
    if bookmark.whole_topic:
        by = f" started by {bookmark.author}" if bookmark.author else ""
        line = f"{number}: {bookmark.title}, a saved topic{by}"
    else:
        by = f" by {bookmark.author}" if bookmark.author else ""
        line = f"{number}: {bookmark.title}, post {bookmark.post_number}{by}"
    if bookmark.name:  # the name the person gave it on the forum's web pages
        line += f", you named it {bookmark.name}"
    return line + (f": {as_sentence(excerpt(bookmark.excerpt))}" if bookmark.excerpt else ".")


class Bookmarks:
    """The person's saved posts and which of them is current."""

    def __init__(self, reader: Reader, peer: PeerForum | None, say: Say) -> None:
        self._reader = reader
        self._peer = peer
        self._say = say
        self.items: tuple[Bookmark, ...] = ()
        self.place = ListPlace(BOOKMARKS_NAMED)
        """Where the person is in the list."""
        self._opened_at: int | None = None
        """The reader's count of things shown (Reader.shown) just after this list opened a
        topic: while it is still that, "back" comes back here."""

    def _fetch(self) -> tuple[Bookmark, ...] | None:
        peer = self._peer
        if peer is None:
            self._say(NO_PEER)
            return None
        return self._reader.forum_call(peer.bookmarks)

    def save_current_post(self) -> None:
        """ "bookmark this": save the post being read, and say so."""
        post = self._reader.current_post()
        peer = self._peer
        if post is None:
            return
        if peer is None:
            self._say(NO_PEER)
            return
        saved = self._fetch()
        if saved is None:
            return
        if _saved_post(saved, post.topic_id, post.post_number) is not None:
            self._say("This post is already in your bookmarks. Say my bookmarks to hear them.")
            return
        if self._reader.forum_call(lambda: peer.add_bookmark(post.id)) is not None:
            self._say(
                f"Bookmarked this post by {phrasing.author_name(post)}. Only you can "
                "see your bookmarks. Say my bookmarks to find it again."
            )

    def show(self) -> bool:
        """ "my bookmarks": read the list; True when there is one to move through."""
        found = self._fetch()
        if found is None:
            return False
        self.items = found
        named = self.place.start(len(found))
        if not found:
            self._say("You have no bookmarks yet. While reading, say bookmark this to save a post.")
            return False
        lines = [f"You have {phrasing.count_phrase(len(found), 'bookmark')}."]
        if len(found) >= MAX_BOOKMARKS:  # the forum has more, older ones
            lines = [f"You have {MAX_BOOKMARKS} bookmarks or more. These are the newest."]
        lines += [bookmark_line(i + 1, found[i]) for i in named]
        on = "next to hear more" if len(found) > len(named) else "next to go through them"
        lines.append(f"Say open topic and a number to read one, {on}, or remove bookmark.")
        self._say(" ".join(lines))
        return True

    @property
    def index(self) -> int:
        """The bookmark the person is on (from 0)."""
        return self.place.index

    def step(self, delta: int) -> None:
        items = self.items
        line = step_said(
            self.place, delta, len(items), lambda i: bookmark_line(i + 1, items[i]), _LIST_WORDS
        )
        self._say(line)

    def open_number(self, number: int) -> ReadOutcome:
        number = self.place.chosen(number)
        if not 1 <= number <= len(self.items):
            self._say(phrasing.no_such_number("bookmark", number, len(self.items), "open topic"))
            return ReadOutcome.FAILED
        self.place.go_to(number - 1)
        return self.open_current()

    def open_current(self) -> ReadOutcome:
        if not self.items:
            return ReadOutcome.FAILED
        chosen = self.items[self.index]
        outcome = self._reader.open_topic(chosen.topic_id, chosen.post_number)
        self._opened_at = self._reader.shown if outcome is not ReadOutcome.FAILED else None
        return outcome

    @property
    def opened_the_topic(self) -> bool:
        """Whether the topic being read was opened from this list, nothing else since."""
        return self._opened_at == self._reader.shown and bool(self.items)

    def open_next(self, delta: int) -> ReadOutcome:
        """ "Next topic" (+1) or "previous topic" (-1) in a topic this list opened: the
        bookmark after (or before) it, opened; at an end, said so."""
        if self.place.step(delta, len(self.items)) is None:
            self._say("That was the last bookmark." if delta > 0 else "This is the first bookmark.")
            return ReadOutcome.FAILED
        return self.open_current()

    def back_from_topic(self) -> bool:
        """ "back" in a topic this list opened, nothing else opened or listed since: back to
        the bookmark it was opened from (said); False otherwise."""
        if not self.opened_the_topic:
            return False
        self._opened_at = None
        self._reader.close_topic()
        line = bookmark_line(self.index + 1, self.items[self.index])
        self._say(f"Back to your bookmarks. {line} Say read to open it, or next.")
        return True

    def remove_listed(self) -> None:
        """ "remove bookmark" while going through the list: remove the current one."""
        if not self.items:
            self._say("There is no bookmark to remove.")
            return
        chosen = self.items[self.index]
        if self._remove(chosen):
            self.items = self.items[: self.index] + self.items[self.index + 1 :]
            self.place.removed(len(self.items))

    def remove_for_current_post(self) -> None:
        """ "remove bookmark" while reading: un-save the post being read."""
        post = self._reader.current_post()
        saved = self._fetch() if post is not None else None
        if post is None or saved is None:
            return
        # The post's own bookmark; else the bookmark of the whole topic it is in.
        match = _saved_post(saved, post.topic_id, post.post_number) or next(
            (b for b in saved if b.whole_topic and b.topic_id == post.topic_id), None
        )
        if match is None:
            self._say("This post is not in your bookmarks.")
            return
        self._remove(match)

    def _remove(self, bookmark: Bookmark) -> bool:
        peer = self._peer
        assert peer is not None
        if not self._reader.forum_do(lambda: peer.remove_bookmark(bookmark.id)):
            return False
        where = "" if bookmark.whole_topic else f", post {bookmark.post_number}"
        self._say(f"Removed the bookmark on {bookmark.title}{where}.")
        return True


def _saved_post(saved: tuple[Bookmark, ...], topic_id: int, post_number: int) -> Bookmark | None:
    """The bookmark of that very post (not of the whole topic), if it is saved."""
    return next(
        (
            b
            for b in saved
            if not b.whole_topic and b.topic_id == topic_id and b.post_number == post_number
        ),
        None,
    )
