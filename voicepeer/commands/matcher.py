"""Phrasings and aliases: what was heard matched against the intent catalogue with fuzzy
scoring, slot values ("open topic three", "search for heat") and ambiguity. The interpreter
applies it with its own rules around it (a number alone, a lone near word, what the state
understands); nothing else does."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

from voicepeer.commands.everyday import EVERYDAY_WORDINGS
from voicepeer.commands.intents import (
    FREE_TEXT_INTENTS,
    MATCHED_ONLY,
    NAME_SLOTS,
    ORDINAL_PHRASINGS,
    PHRASINGS,
    SENSES,
    SLOT_INTENTS,
    TOPIC_TITLE,
    WORDS_SLOTS,
    Command,
    Intent,
)
from voicepeer.commands.natural import (
    SLOT_MARKS,
    core,
    cores,
    says_nothing,
    slot_pattern,
    strip_phrases,
    tuning_phrasings,
    unwrap,
    unwrappings,
)
from voicepeer.commands.numbers import LAST_HEARD, names_last, parse_ordinal, spoken_number
from voicepeer.commands.text import normalize
from voicepeer.recognition.base import Heard

THINGS: Mapping[str, str] = {
    **dict.fromkeys(("post", "posts", "reply", "replies", "topic", "topics"), "post"),
    **dict.fromkeys(("vote", "votes"), "vote"),
    **dict.fromkeys(("like", "likes"), "like"),
    **dict.fromkeys(("bookmark", "bookmarks"), "bookmark"),
    **dict.fromkeys(("draft", "drafts"), "draft"),
}
"""What a command acts on, by the words that name it (a topic is its first post)."""

DOINGS: Mapping[str, str] = {
    **dict.fromkeys(("delete", "remove", "withdraw", "erase", "unlike", "unbookmark"), "remove"),
    **dict.fromkeys(("restore", "undelete", "recover", "bring"), "restore"),
    **dict.fromkeys(("send", "submit", "publish", "write"), "send"),
    **dict.fromkeys(("read", "hear"), "read"),
}
"""What a command does, by the verbs that say it, where one verb spelled like another means
its opposite or another act ("remove my post" is not "recover my post", "send my reply" is
not "read my reply", "read my private message" is not "write a private message")."""


def _other_meaning(heard: frozenset[str], phrasing: frozenset[str]) -> bool:
    """Whether a phrasing only spelled like what was heard acts on another thing ("take back
    my vote" for "take back my topic") or does another thing to it ("restore my post" for
    "remove my post")."""
    for words in (THINGS, DOINGS):
        heard_ones = {words[w] for w in heard if w in words}
        phrasing_ones = {words[w] for w in phrasing if w in words}
        if heard_ones and phrasing_ones and not heard_ones & phrasing_ones:
            return True
    return False


NO_QUERY = frozenset(
    {"again", "once more", "something", "something else", "anything", "anything else", "more"}
)
"""What follows "search" in "search again", "look for something else": no words to look for,
so the voice loop asks for them."""

NO_NAME = frozenset({"someone", "somebody", "someone else", "somebody else", "a member"})
"""What follows "message" in "write to someone": no name to look up, so the voice loop asks
whom to write to."""
NO_AUTHOR = frozenset(
    {"her", "him", "them", "it", "this", "that", "this one", "that one", "this post"}
    | {"that post", "the post", "her post", "his post"}
)
"""What follows "reply to" in "reply to this post": the post being read, no member named."""
WHOLE_TOPIC = frozenset(
    {"everyone", "everybody", "all", "all of you", "all of them", "the group"}
    | {"the topic", "this topic", "the whole topic", "the thread", "this thread"}
    | {"the whole thread", "the conversation", "this conversation", "the whole conversation"}
)
"""What follows "reply to" in "reply to everyone": the topic as a whole, no post answered
(Discourse: a reply without reply_to_post_number)."""
REPLY_TO_TOPIC: Mapping[str, str] = {"to": "topic"}
"""The slot of a reply to the topic as a whole ("reply to everyone")."""
NOT_A_NAME_FIRST = frozenset({"the", "this", "that", "a", "an", "my", "your", "her", "his"})
"""Words a member's name does not begin with: "answer the question" answers the post being
read, not a member called "the question"."""
_THE_POST_READ = frozenset(
    (NOT_A_NAME_FIRST - {"my", "your"})
    | {"their", "its", "it", "she", "he", "they", "just", "what", "one"}
    | {"post", "reply", "message", "comment", "question", "questions", "point", "story"}
    | {"author", "writer", "asked", "said", "wrote", "says", "asks", "made", "posted", "raised"}
)
"""Every word of what follows "reply to" in "answer the question she asked", "reply to her
post": the post being read. Other words after "the" ("the nurse", "the previous post")
name another post, or nothing understood: the voice loop works out which, or asks, as
answering the post being read instead would answer the wrong person for all to see. Not
"my" ("reply to my post"): the post being read is seldom the person's own."""
NUMBER_TO_COME = frozenset({"post", "post number", "number", "reply", "reply number"})
"""What follows "reply to" in "reply to post", said before a pause: no member named, and
not the post being read either, but a post whose number is still to come."""
NO_VALUE: Mapping[Intent, frozenset[str]] = {
    Intent.SEARCH: NO_QUERY,
    Intent.MESSAGE: NO_NAME,
    Intent.REPLY: NO_AUTHOR,
}

QUERY_LEAD_INS: tuple[str, ...] = (
    "search for",  # "search search for fatigue", said with a stammer
    "me",
    "the forum for",
    "for",
    "posts about",
    "posts on",
    "topics about",
    "topics on",
    "threads about",
    "anything about",
    "something about",
    "about",
)
"""Words people put between "search" and what they look for ("search for posts about heat",
"find me topics on fatigue"). The forum looks for every word it is given, so "posts" would
find only posts that say "posts"."""


QUERY_TRAILING_OFF: tuple[str, ...] = ("and", "or", "with", "but", "and also")
"""Words a search may trail off with ("fatigue and"): the forum looked for them too."""


def query_words(value: str) -> str:
    """What to look for in the words after "search": without :data:`QUERY_LEAD_INS` before
    them nor :data:`QUERY_TRAILING_OFF` after them, as long as something is left."""
    words = strip_phrases(value.split(), QUERY_LEAD_INS, at_start=True)
    return " ".join(strip_phrases(words, QUERY_TRAILING_OFF, at_start=False))


STEPS = frozenset({Intent.NEXT, Intent.PREVIOUS})
TOPIC_STEP: Mapping[str, str] = {"what": "topic"}
"""The slot of a "next topic" or "previous topic": while reading, the topic after (or
before) this one in its list, not the next post."""
POST_OPEN: Mapping[str, str] = {"what": "post"}
"""The slot of an "open" that names a post ("the second post"): while reading, that post
of the topic, not that topic of the list."""
REPLY_OPEN: Mapping[str, str] = {"what": "reply"}
"""The slot of an "open" that names a reply ("the first reply"): while reading, the post
after that many, the topic's first post being no reply."""
EITHER_OPEN: Mapping[str, str] = {"what": "either"}
"""The slot of an "open" that names neither a topic nor a post ("number five", "the third
one"): at a list, that topic; while reading, a post of the topic as likely, so asked."""
_TOPIC_WORDS = frozenset({"topic", "topics", "thread", "conversation"})
_LIST_WORDS = frozenset({"open", "choose"})
"""Words that make a number the list's ("open five", "choose number two") unless it names a
post ("open post three")."""
TO_FIRST: Mapping[str, str] = {"to": "first"}
"""The slot of "first post", "from the top": while reading, the topic's first post."""
TO_NEWEST: Mapping[str, str] = {"to": "newest"}
"""The slot of "newest post", "end of the topic": while reading, the topic's newest post."""
TOPIC_PEOPLE: Mapping[str, str] = {"of": "topic"}
"""The slot of a "who" that asks about the whole topic ("who else replied", "who's in this
topic"): who wrote in it, not who wrote this post."""
LAST_SAID: Mapping[str, str] = {"said": "last"}
"""Added to the slots of a "previous" said as "the last one" ("last topic"): at a list just
read out, the person more likely means the last one they heard than the one before."""
HOW_LONG: Mapping[str, str] = {"of": "length"}
LOST: Mapping[str, str] = {"of": "next step"}
"""The slot of a "where am I" said as "I'm lost": where, and what can be done next."""
"""The slot of a "where am I" that asks how long ("how long is this", "how much is left"):
while reading, how long the post is and what is left of it and of the topic."""
NEWS_HERE: Mapping[str, str] = {"in": "topic"}
"""The slot of a "what's new" said of where the person is ("anything new here", "what's new
in this topic"): while reading, what is newer in this topic, which is not left for the
topic list."""
TOPIC_BEFORE: Mapping[str, str] = {"to": "topic before"}
"""The slot of a "resume" said as "go back to the last topic": the topic read before this
one (not the one before it in the list, which "previous topic" is)."""
ANY_POST: Mapping[str, str] = {"as": "post"}
"""The slot of a "new topic" said as "write a post": in a topic, a reply is as likely
meant, so asked which."""
_HERE = frozenset({"here", "in here", "this topic", "the topic", "this thread", "this one"})
"""What follows "what's new in" that names where the person is, not a category."""
MENTIONS: Mapping[str, str] = {"only": "mentions"}
"""The slot of a "notifications" that asks for mentions only ("who mentioned me"): a reply
or a quote of the person's post is no mention, as the forum counts them."""
NOTIFICATIONS_MARKED: Mapping[str, str] = {"of": "notifications"}
"""The slot of a "mark as read" that names the notifications ("mark my notifications as
read"): they are marked read, not topics."""
_NOTIFICATION_WORDS = frozenset({"notification", "notifications"})
_MENTION_WORDS = frozenset({"mention", "mentions", "mentioned", "mentioning"})
_LENGTH_WORDS = frozenset({"long", "left", "more"})
_FIRST_WORDS = frozenset({"first", "top", "start", "beginning"})
_SAID_LAST = frozenset({"last", "final"})
_NEWEST_WORDS = frozenset({"newest", "latest", "recent", "end"})
_EVERYONE_WORDS = frozenset(
    {"replied", "else", "people", "everyone", "everybody", "here", "in", "started"}
)
"""Words that make a "who" about the topic. Not "topic" alone: "who wrote that" is heard
as "who wrote topic", a question about the post."""


_NOT_A_MEMBER = frozenset(
    {"i", "you", "we", "i just", "you just", "he", "she", "they", "it", "that", "this"}
)
"""Said where a member's name goes ("what did you just say"): no one named, so another
reading of the words is looked for."""
_THIS_POST = frozenset({"this", "that", "it", "this post", "that post", "this one"})
_PRIVATE_REPLY = (
    re.compile(r"^(?:reply|respond|answer|write back) (?:privately|in private) to (?P<name>.+)$"),
    re.compile(
        r"^(?:reply|respond|answer|write back|write|message)(?: to)? (?P<name>.+?) "
        r"(?:privately|in private|in a private message|by private message)$"
    ),
    re.compile(r"^(?:send|write) (?P<name>.+?) a private (?:reply|message|note)$"),
    re.compile(r"^(?:reply|respond|answer|write back) (?:privately|in private)(?P<name>)$"),
)
"""A reply asked for in private ("reply to Sam privately"): a message to that person. The
word "privately" was dropped, and the reply posted for all to see."""
_REPLY_FIRST = re.compile(r"^(?:reply|respond|answer|write back)\b")
PRIVATE_REPLY: Mapping[str, str] = {"as": "reply"}
"""Added to the slots of a message asked for as a private reply ("reply privately"): in a
private conversation, the reply there, which is private already, not a new one."""


_TOPIC_ABOUT = re.compile(
    r"(?:(?:(?:start|post|write|create) )?(?:a )?new|(?:start|create) a) topic about (?P<title>.+)"
)
"""A new topic said with what it is about ("start a new topic about cooling vests"). Not
"the topic about heat", which opens one of the list."""


def topic_about(text: str) -> Command | None:
    """ "new topic about my cooling vest" as a new topic with that title; None for
    anything else."""
    found = _TOPIC_ABOUT.fullmatch(text)
    if found is None:
        return None
    if says_nothing(found["title"]):
        return Command(Intent.NEW_TOPIC)  # "about the": the title is asked for
    return Command(Intent.NEW_TOPIC, {TOPIC_TITLE: found["title"]})


def _names_the_post_read(value: str) -> bool:
    words = value.split()
    return words[0] in NOT_A_NAME_FIRST and set(words) <= _THE_POST_READ


def as_a_message(text: str) -> str:
    """``text`` as "message NAME" when it asks to answer someone privately, else itself
    ("reply to this privately", "reply privately": a message to the author of the post
    being read)."""
    for pattern in _PRIVATE_REPLY:
        found = pattern.match(text)
        if found is not None:
            name = found["name"]
            # "Reply to", a pause, "privately": no name, so the author ("to" is none).
            author = not name or name == "to" or name in _THIS_POST
            return f"message {'the author' if author else name}"
    return text


def step_slots(intent: Intent, text: str) -> Mapping[str, str]:
    """The slots of ``intent`` said as ``text``, besides its value: :data:`TO_FIRST` or
    :data:`TO_NEWEST` for a step to the topic's first or newest post ("from the top", "the
    latest post"), :data:`TOPIC_STEP` for a step that names a topic ("next topic", "the
    following thread"), :data:`POST_OPEN` for an "open" that names a post ("the second
    post"), :data:`EITHER_OPEN` for one that names neither a post nor a topic ("number
    five"), :data:`TOPIC_PEOPLE` for a "who" about the whole topic ("who else replied"),
    :data:`HOW_LONG` for a "where am I" that asks how long ("how much is left"),
    :data:`MENTIONS` for "notifications" about mentions only ("who mentioned me"),
    :data:`NOTIFICATIONS_MARKED` for "mark my notifications as read", none
    otherwise; :data:`LAST_SAID` added to a "previous" said with "last"."""
    slots = _step_slots(intent, text)
    if intent is Intent.PREVIOUS and _SAID_LAST & set(normalize(text).split()):
        return {**slots, **LAST_SAID}
    return slots


def _step_slots(intent: Intent, text: str) -> Mapping[str, str]:
    words = set(core(normalize(text)).split())
    if intent is Intent.OPEN:
        if _TOPIC_WORDS & words:
            return {}
        if {"post", "posts"} & words:
            return POST_OPEN
        if "reply" in words:
            return REPLY_OPEN
        return {} if _LIST_WORDS & words else EITHER_OPEN
    if intent is Intent.WHO and _EVERYONE_WORDS & words:
        return TOPIC_PEOPLE
    if intent is Intent.LATEST and ("here" in words or {"this", "topic"} <= words):
        return NEWS_HERE
    if intent is Intent.RESUME and "topic" in words:
        return TOPIC_BEFORE
    if intent is Intent.NEW_TOPIC and {"post", "something"} & words and "topic" not in words:
        return ANY_POST
    if intent is Intent.NOTIFICATIONS and _MENTION_WORDS & set(normalize(text).split()):
        return MENTIONS
    if intent is Intent.MARK_READ and _NOTIFICATION_WORDS & words:
        return NOTIFICATIONS_MARKED
    if intent is Intent.WHERE and _LENGTH_WORDS & words:
        return HOW_LONG
    if intent is Intent.WHERE and "lost" in words:
        return LOST
    if intent is Intent.PREVIOUS and _FIRST_WORDS & words:
        return TO_FIRST
    if intent is Intent.NEXT and _NEWEST_WORDS & words:
        return TO_NEWEST
    if intent in STEPS and {"topic", "topics"} & words:
        return TOPIC_STEP
    return {}


@cache
def _phrase_cores(phrases: frozenset[str]) -> tuple[str, ...]:
    """The cores phrasings are compared by, worked out once per set (asked per utterance)."""
    return tuple(core(normalize(p)) for p in phrases)


@dataclass(frozen=True)
class Interpretation:
    """The matcher's verdict on one utterance."""

    command: Command | None
    """The command to run, or ``None`` when the utterance was rejected or ambiguous."""
    confidence: float = 0.0
    ambiguous: tuple[Intent, ...] = ()
    """Two or more intents that scored too close to tell apart: ask the user which."""
    near: bool = False
    """Heard only close to a phrasing ("volume" of "volume up"), not word for word."""


@dataclass(frozen=True)
class MatcherThresholds:
    min_score: float = 80.0
    """Lowest fuzzy score (0-100) accepted as a command."""
    ambiguity_margin: float = 6.0
    """Two intents scoring within this many points of each other are ambiguous."""
    min_engine_confidence: float = 0.3
    """Recognizer confidence (0-1) below which an utterance is rejected outright."""
    wake_min_score: float = 90.0
    """Stricter fuzzy score while asleep (see :class:`voicepeer.commands.interpreter.Interpreter`),
    so chatter cannot wake voicepeer."""


class CommandMatcher:
    """Scores an utterance against every phrasing (and the caregiver's aliases).

    What was heard and every phrasing are compared by their cores (see
    :mod:`voicepeer.commands.natural`): "could you go to the next post please" is "next
    post". Natural phrasings collected for tuning count as phrasings of their intents.
    """

    def __init__(
        self,
        aliases: Mapping[str, Intent] | None = None,
        thresholds: MatcherThresholds | None = None,
    ) -> None:
        self.thresholds = thresholds or MatcherThresholds()
        senses: dict[str, tuple[Intent, ...]] = {}
        templates: list[tuple[str, Intent]] = []

        def add(phrase: str, intent: Intent) -> None:
            if any(mark in phrase for mark in SLOT_MARKS):
                templates.append((phrase, intent))
                return
            key = core(normalize(phrase))
            if key and intent not in senses.get(key, ()):
                senses[key] = (*senses.get(key, ()), intent)

        for intent, phrases in PHRASINGS.items():
            if intent not in SLOT_INTENTS:
                for phrase in phrases:
                    add(phrase, intent)
        for intent, phrases in (
            *MATCHED_ONLY.items(),
            *EVERYDAY_WORDINGS.items(),
            *tuning_phrasings().items(),
        ):
            for phrase in phrases:
                add(phrase, intent)
        for phrase, meanings in SENSES.items():
            senses[core(normalize(phrase))] = meanings
        entries = list(senses.items())
        # Words only one command's phrasings have ("louder"): a near match that names
        # another command's own word is not that command ("speak louder" is not "speak
        # slower").
        owners: dict[str, set[Intent]] = {}
        for key, meanings in entries:
            for word in key.split():
                owners.setdefault(word, set()).update(meanings)
        self._own_words = {w: next(iter(i)) for w, i in owners.items() if len(i) == 1}
        # A caregiver's alias is a phrasing of its own: one that collides with a built-in
        # phrasing of another command is asked about, never silently preferred.
        for phrase, intent in (aliases or {}).items():
            if any(mark in phrase for mark in SLOT_MARKS):
                continue
            key = core(normalize(phrase))
            if key and senses.get(key) != (Intent(intent),):
                entries.append((key, (Intent(intent),)))
        for intent, slot in SLOT_INTENTS.items():
            mark = "{number}" if slot == "number" else "{query}"
            templates += [(f"{p} {mark}", intent) for p in PHRASINGS[intent]]
        # Said bare ("search for"), the voice loop asks for the value.
        self._bare = {unwrap(normalize(p)): i for i in FREE_TEXT_INTENTS for p in PHRASINGS[i]}
        templates += [(p, Intent.OPEN) for p in ORDINAL_PHRASINGS]
        self._senses = entries
        patterns = [(slot_pattern(t.lower()), i) for t, i in templates]
        # "The last one" alone is "previous" (a phrasing of it); "open the last one" opens,
        # and so does "the last post" (a topic's newest: no post is called "previous" so).
        self._bare_ordinals = frozenset(
            found.pattern
            for p in ORDINAL_PHRASINGS
            if "post" not in p and (found := slot_pattern(p)) is not None
        )
        # Longest first, so "open topic three" is not read as "open" + "topic three".
        self._templates = sorted(
            ((p, i) for p, i in patterns if p is not None),
            key=lambda item: len(item[0].pattern),
            reverse=True,
        )

    def interpret(self, heard: Heard, allowed: Collection[Intent] | None = None) -> Interpretation:
        text = normalize(heard.text)
        if not text or heard.confidence < self.thresholds.min_engine_confidence:
            return Interpretation(None)
        for unwrapped in unwrappings(text):
            slot_command = self._match_slot(unwrapped, allowed)
            if slot_command is not None:
                return Interpretation(slot_command, confidence=heard.confidence)
        heard_cores = [(c, frozenset(c.split())) for c in cores(text)]
        best: dict[Intent, tuple[float, str]] = {}
        for phrase, meanings in self._senses:
            intent = next((i for i in meanings if allowed is None or i in allowed), None)
            if intent is None:
                continue
            phrase_words = frozenset(phrase.split())
            for heard_core, heard_words in heard_cores:
                if _other_meaning(heard_words, phrase_words):
                    continue
                score = fuzz.ratio(heard_core, phrase)
                if score > best.get(intent, (-1.0, ""))[0]:
                    best[intent] = (score, heard_core)
        ranked = sorted(
            ((intent, score) for intent, (score, _) in best.items()),
            key=lambda item: item[1],
            reverse=True,
        )
        if not ranked or ranked[0][1] < self.thresholds.min_score:
            return Interpretation(None)
        top_intent, top_score = ranked[0]
        heard_core = best[top_intent][1]
        # A phrasing heard exactly is not mistaken for a near one ("bookmarks", not
        # "bookmark"); two exact ones are ambiguous.
        close = tuple(
            intent
            for intent, score in ranked[1:]
            if (top_score < 100 or score == 100)
            and score >= self.thresholds.min_score
            and top_score - score < self.thresholds.ambiguity_margin
        )
        if top_score < 100:
            close += tuple(
                sorted(
                    {
                        owner
                        for word in heard_core.split()
                        if (owner := self._own_words.get(word, top_intent)) is not top_intent
                        and (allowed is None or owner in allowed)
                    }
                    - set(close)
                )
            )
        if close:
            return Interpretation(None, confidence=top_score / 100, ambiguous=(top_intent, *close))
        return Interpretation(
            Command(top_intent, step_slots(top_intent, text)),
            confidence=heard.confidence * top_score / 100,
            near=top_score < 100,
        )

    def near_one_of(self, heard: Heard, phrases: frozenset[str]) -> bool:
        """Whether ``heard`` is one of ``phrases``, or near it, compared as phrasings are."""
        return any(
            fuzz.ratio(heard_core, key) >= self.thresholds.min_score
            for heard_core in cores(normalize(heard.text))
            for key in _phrase_cores(phrases)
        )

    def _match_slot(self, text: str, allowed: Collection[Intent] | None) -> Command | None:
        """A command with its value ("open topic three", "search for heat", "the second
        one"), or ``None``."""
        asked = as_a_message(text)
        # "Send Sam a private message" asks for a message, not a reply.
        private_reply = PRIVATE_REPLY if asked != text and _REPLY_FIRST.match(text) else {}
        text = asked
        titled = topic_about(text)
        if titled is not None and (allowed is None or Intent.NEW_TOPIC in allowed):
            return titled
        bare = self._bare.get(text)
        if bare is not None and (allowed is None or bare in allowed):
            return Command(bare)
        for pattern, intent in self._templates:
            if allowed is not None and intent not in allowed:
                continue
            found = pattern.match(text)
            if found is None:
                continue
            values = found.groupdict()
            said = values.get("number", values.get("ordinal"))
            if said is not None:
                number = spoken_number(said) if "number" in values else parse_ordinal(said)
                # "The last one" alone is "previous" where there is a previous.
                bare_is_previous = allowed is None or Intent.PREVIOUS in allowed
                if (
                    number is None
                    and intent in (Intent.OPEN, Intent.REPLY, Intent.LIKE)
                    and not (pattern.pattern in self._bare_ordinals and bare_is_previous)
                    and names_last(said)
                ):
                    number = LAST_HEARD
                if number is not None:
                    return Command(intent, {"number": number, **step_slots(intent, text)})
            elif values:
                # Words said where a number goes: a topic named by its title.
                value = next(iter(values.values()))
                if "name" in values and intent in NAME_SLOTS:
                    if value in _NOT_A_MEMBER:
                        continue  # "what did I say": what the person wrote, read back
                    return Command(intent, {NAME_SLOTS[intent]: value})
                if intent is Intent.CATEGORIES and value in _HERE:
                    # "What's new in this topic": no category, the topic being read.
                    if allowed is None or Intent.LATEST in allowed:
                        return Command(Intent.LATEST, NEWS_HERE)
                    continue
                slot = WORDS_SLOTS.get(intent) or SLOT_INTENTS[intent]
                if intent is Intent.SEARCH:
                    value = query_words(value)
                if intent is Intent.REPLY and value in WHOLE_TOPIC:
                    return Command(intent, REPLY_TO_TOPIC)
                if intent is Intent.REPLY and value in NUMBER_TO_COME:
                    return None
                if (
                    says_nothing(value)
                    or value in NO_VALUE.get(intent, ())
                    or (intent is Intent.REPLY and _names_the_post_read(value))
                ):
                    # "search the": the value was not heard, only a word around it. Taken
                    # bare, the voice loop asks what to look for instead of searching for
                    # "the".
                    return Command(intent)
                return Command(intent, {slot: value, **private_reply})
        return None
