"""Finding the member a person means from a name as the recognizer heard it.

A recognizer spells names its own way ("pria", "may" for Mei), so the forum's user search
gathers candidates by the heard name, its first word and its first letter, and each is
scored by spelling (rapidfuzz) and by sound (a Metaphone key from jellyfish): both measure
better than hand-written comparisons, and names are where the two disagree most.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

import jellyfish
from rapidfuzz import fuzz

from voicepeer.commands import Command, Intent
from voicepeer.commands.interpreter import Interpreter
from voicepeer.errors import ForumNotFoundError
from voicepeer.forum.base import Post
from voicepeer.forum.peer import ForumUser, PeerForum
from voicepeer.recognition.base import Heard

MIN_SCORE = 70.0
"""Lowest match score (0-100) for a member to be offered at all."""
SOUNDS_ALIKE_SCORE = 90.0
"""Score given when the heard name and a member's name share a Metaphone key."""
MAX_OFFERED = 3
"""Members offered one after another before asking for the name again."""
_LEADING = re.compile(
    r"^(?:no\s+)?(?:(?:i meant|i mean|i said|it's|it is|(?:her|his|their|the) name is)\s+)?"
    r"(?:(?:message|write)\s+)?(?:(?:to|for|with)\s+)?"
)
_TAKEN_BACK = re.compile(r"\b(?:no|sorry|i mean|i meant|or rather|actually)\b")
"""Words that take back a name just said, for the one after them."""
NOT_NAMES = frozenset({"yes", "yeah", "yes please", "okay", "ok", "right"})
"""Answers, not names: said where a name is asked for, they are asked about again."""
MAX_NAME_WORDS = 3
"""Most words a name said instead of yes or no may have ("Sam Okafor", "Mei Lin"): more is
a sentence, not an answer."""


NOT_LEAVING_FOR = frozenset({Intent.YES, Intent.MESSAGE})
"""Commands that, said where a name is asked for, are no reason to leave the question: a
yes is asked about again, "message Sam" names Sam."""


def command_not_name(
    heard: Heard, interpreter: Interpreter, allowed: Collection[Intent]
) -> Command | None:
    """Where a name is asked for, the command among ``allowed`` that ``heard`` says word
    for word ("my messages", "read my notifications"); None for anything else. No member's
    name is a command so said, while a name searched for by sound found one: "my
    messages" was asked about as "Mei Lin"."""
    found = interpreter.command(heard, set(allowed) - NOT_LEAVING_FOR)
    return found.command if not found.near else None


def _words(text: str) -> list[str]:
    return re.sub(r"[^\w' ]+", " ", text.casefold()).split()


def heard_name(text: str) -> str:
    """A name as said: lower case, no punctuation, what leads to it dropped ("to Priya",
    "no, I meant Mei", "her name is Mei"), spelt-out letters joined ("p r i y a" → "priya");
    "" for an answer that is no name ("yes")."""
    name = _LEADING.sub("", " ".join(_words(text)))
    # "Ruth no Sam", "Sam sorry Jo": the name said last is meant (the first was taken).
    name = _LEADING.sub("", _TAKEN_BACK.split(name)[-1].strip()) or name
    if name in NOT_NAMES:
        return ""
    parts = name.split()
    if len(parts) > 1 and all(len(p) == 1 for p in parts):
        return "".join(parts)
    return name


def named_instead(text: str) -> tuple[str, bool]:
    """Asked "Did you mean Priya Nair?": the name an answer gives instead of yes or no ("no,
    I meant Mei", "Mei Lin"), "" when it gives none; and whether it began with a no."""
    name = heard_name(text)
    no_first = _words(text)[:1] == ["no"]
    return ("" if len(name.split()) > MAX_NAME_WORDS else name), no_first


_YES_THEN = re.compile(
    r"^\s*(?:yes\b[\s,.!]*)+(?:please\b[\s,.!]*)?(?:about\s+)?(?P<words>.*)$", re.I
)
YES_TAKEN_BACK = ("but", "wait", "no", "hang on", "hold on", "sorry")
"""What, said right after a yes, takes it back ("yes but …"): then no yes with words."""


_MORE_YES = frozenset({"yes", "yeah", "yep", "please", "that's", "her", "him", "them", "right"})
"""Words that, after a yes, only say it again ("yes yes", "yes that's her")."""


def words_after_yes(text: str) -> str:
    """Asked "Did you mean Priya Nair?", the words a yes went on with ("yes, about my
    infusion": "my infusion"), as said; "" when the answer is no yes with words after it
    ("yes", "yeah …", "yes but …")."""
    found = _YES_THEN.match(text)
    words = found.group("words").strip() if found else ""
    said = " ".join(_words(words))
    if not said or any(said == w or said.startswith(f"{w} ") for w in YES_TAKEN_BACK):
        return ""
    if says_only_yes(text):
        return ""  # "yes yes": said twice, no title ("Yes" had become the message's title)
    return words


def says_only_yes(text: str) -> bool:
    """Whether ``text`` is a yes said again and nothing more ("yes yes", "yes that's her")."""
    said = _words(text)
    return said[:1] == ["yes"] and set(said) <= _MORE_YES


def _keys(user: ForumUser) -> list[str]:
    keys = [user.username.casefold()]
    if user.name:
        keys += [user.name.casefold(), user.name.split()[0].casefold()]
    return keys


def score(name: str, user: ForumUser) -> float:
    keys = _keys(user)
    best = max(max(fuzz.ratio(name, k), fuzz.token_set_ratio(name, k)) for k in keys)
    sounds = {jellyfish.metaphone(w) for w in name.split()}
    if any(jellyfish.metaphone(k.split()[0]) in sounds for k in keys if k.split()):
        best = max(best, SOUNDS_ALIKE_SCORE)
    return float(best)


def rank(name: str, candidates: list[ForumUser], me: str | None) -> tuple[ForumUser, ...]:
    """The candidates likely meant, best first (never the person themself)."""
    unique = {
        u.username.casefold(): u
        for u in candidates
        if me is None or u.username.casefold() != me.casefold()
    }
    scored = sorted(
        ((score(name, u), u.username, u) for u in unique.values()),
        key=lambda item: (-item[0], item[1]),
    )
    return tuple(u for s, _, u in scored if s >= MIN_SCORE)[:MAX_OFFERED]


def search_terms(name: str) -> list[str]:
    words = name.split()
    terms = [name, words[0], words[0][:1]] if words else []
    return list(dict.fromkeys(t for t in terms if t))


def find_people(peer: PeerForum, name: str) -> tuple[ForumUser, ...]:
    """Members the heard ``name`` may mean, best first. Raises ForumError."""
    found: list[ForumUser] = []
    for term in search_terms(name):
        found += peer.find_users(term)
        best = rank(name, found, None)
        if best and score(name, best[0]) >= 100:
            break  # an exact match: no need to ask the forum again
    return rank(name, found, peer.username())


def member(peer: PeerForum, username: str) -> ForumUser | None:
    """The member with exactly this username, None when the forum has nobody by it (any
    more). Raises ForumError for anything else."""
    try:
        profile = peer.user_profile(username)
    except ForumNotFoundError:
        return None
    return ForumUser(profile.username, profile.name)


def named_here(
    name: str, read: Post | None, thread: Sequence[Post], me: str | None
) -> ForumUser | None:
    """The member ``name`` (as :func:`heard_name` gives it) plainly means where the person
    is, to be taken without asking: the author of the post ``read``, by their username,
    full name or first name; or else the one member of the ``thread`` whose username or
    full name it is, said exactly. None otherwise: the forum's members are then searched
    and the likeliest asked about, as a name alone may be misheard."""
    mine = me.casefold() if me else None
    if read is not None and read.username.casefold() != mine and name in _keys(_author(read)):
        return _author(read)
    exact = {
        p.username.casefold(): _author(p)
        for p in thread
        if p.username.casefold() != mine
        and name in (p.username.casefold(), (p.name or "").casefold())
    }
    return next(iter(exact.values())) if len(exact) == 1 else None


def _author(post: Post) -> ForumUser:
    return ForumUser(post.username, post.name)
