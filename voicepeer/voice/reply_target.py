"""Which post "reply to post three" or "reply to Priya" answers, while reading a topic.

The post named becomes the place in the topic, said as it is when read ("Post 3 of 4, by
Sam Okafor."), so that the person knows whom they answer before saying a word of it; the
reply then starts as any reply does, and nothing is posted before they say yes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from voicepeer.commands.intents import REPLY_TO_NAMED, Command, Intent
from voicepeer.commands.interpreter import Interpreter
from voicepeer.commands.matcher import NOT_A_NAME_FIRST, PRIVATE_REPLY
from voicepeer.commands.natural import HESITATIONS
from voicepeer.commands.numbers import LAST_HEARD
from voicepeer.commands.repeats import without_repeats
from voicepeer.forum.base import Post, Topic
from voicepeer.forum.peer import ForumUser
from voicepeer.recognition.base import Heard
from voicepeer.voice import phrasing
from voicepeer.voice.described_post import Place, names_a_post, place_named, titled
from voicepeer.voice.peer_loop import AUTHOR_WORDS
from voicepeer.voice.people import MAX_NAME_WORDS, heard_name, named_here, rank
from voicepeer.voice.ports import Say
from voicepeer.voice.reader import Reader
from voicepeer.voice.retarget import writer_named

_POSSESSIVE = re.compile(r"'s(?: (?:post|reply|message))?$")
"""What follows a name in "answer Jo's post"."""


PRIVATE_ALREADY = "This reply is private already."


def reply_in_conversation(command: Command, reader: Reader, say: Say) -> Command:
    """ "Reply privately" (or "reply to Sam privately", Sam in it) while reading a private
    conversation: the reply in it, private already as said, not a new conversation with
    the same person (as "reply", a pause, then "privately" is). Any other command, or a
    person not in the conversation: ``command`` itself."""
    topic = reader.topic
    if (
        command.intent is not Intent.MESSAGE
        or not PRIVATE_REPLY.items() <= command.slots.items()
        or topic is None
        or topic.archetype != "private_message"
    ):
        return command
    name = heard_name(str(command.slots.get("name", "")))
    if name in AUTHOR_WORDS:
        reply = Command(Intent.REPLY)
    else:
        posts = [post for _, post in reader.thread.loaded()] if reader.thread else []
        if named_here(name, reader.loaded_current_post(), posts, reader.me()) is None:
            return command  # someone else: a message of its own to them
        reply = Command(Intent.REPLY, {REPLY_TO_NAMED: name})
    say(PRIVATE_ALREADY)
    return reply


@dataclass(frozen=True)
class Aiming:
    """What a post is named for ("reply to Sam", "like Sam's post"): the words that say how
    to do it to the post being read instead, and that nothing was done."""

    here: str
    not_done: str


REPLYING = Aiming(here="Say reply to answer this post.", not_done="I have not started a reply")
LIKING = Aiming(here="Say like this post to like this one.", not_done="I have not liked anything")


def aim_reply(
    reader: Reader, slots: Mapping[str, object], say: Say, aiming: Aiming = REPLYING
) -> bool:
    """Make the post the command names the place (none named: the one being read stays it);
    ``False`` when there is no such post, said why (in the words of ``aiming``)."""
    thread = reader.thread
    if thread is None:
        return True  # no topic: replying says what to do
    said = str(slots.get(REPLY_TO_NAMED, ""))
    name = _POSSESSIVE.sub("", heard_name(said))
    others = ""
    place = place_named(_POSSESSIVE.sub("", said))
    title_of = _titled(reader, said)
    if slots.get("number") == LAST_HEARD:  # "reply to the last post": the topic's newest
        index = reader.forum_call(thread.last_index)
    elif "number" in slots:
        index = reader.find_post(int(str(slots["number"])))
    elif place is Place.FIRST:
        index = reader.find_post(1)
    elif place is Place.BEFORE:
        index = _post_before(reader, say, aiming)
    elif title_of is not None:
        index = _post_by(reader, title_of, say)
    elif not said:
        return True  # "reply": the post being read
    elif understood_as_name(name):
        first, _and, others = name.partition(" and ")
        index = _post_of(reader, first, say, aiming)
    elif aiming is REPLYING:
        _not_understood(reader, said, say)
        return False
    else:
        say(f'I did not understand whose post "{said}" means, so {aiming.not_done}. {aiming.here}')
        return False
    if index is None:
        return False
    if index != reader.post_index:
        reader.post_index = index
        post = reader.loaded_current_post()
        if post is not None:
            ordinal, total = thread.position(index)
            say(f"Post {ordinal} of {total}, by {phrasing.author_or_you(post)}.")
    if others:
        _say_one_person(reader.loaded_current_post(), others, say)
    return True


def _say_one_person(post: Post | None, others: str, say: Say) -> None:
    """ "Reply to Sam and Priya": a reply answers one post; who else was named is not left
    out unsaid, and how to reach them is."""
    whom = phrasing.author_or_you(post) if post is not None else "the first one named"
    say(
        f"A reply answers one person's post, so this one answers {whom}. To speak to "
        f"{_names(others)} too, say their name in your reply. To answer everyone, say "
        "cancel, then reply to the topic."
    )


def _names(said: str) -> str:
    return " ".join(word if word == "and" else word.title() for word in said.split())


def target_unclear(reader: Reader, slots: Mapping[str, object]) -> bool:
    """Whether the words after "reply to" in ``slots`` name no post understood ("the
    matron", "Sam about his walk"): then which is asked, none answered."""
    said = str(slots.get(REPLY_TO_NAMED, ""))
    if reader.thread is None or not said or "number" in slots:
        return False
    posts = [post for _, post in reader.thread.loaded()]
    if names_a_post(_POSSESSIVE.sub("", said), posts, reader.me()):
        return False
    return not understood_as_name(_POSSESSIVE.sub("", heard_name(said)))


def _titled(reader: Reader, said: str) -> ForumUser | None:
    """The one writer here whose forum title ``said`` names ("the nurse")."""
    if reader.thread is None or said.split()[:1] != ["the"]:
        return None
    posts = [post for _, post in reader.thread.loaded()]
    return titled(_POSSESSIVE.sub("", said), posts, reader.me())


def understood_as_name(name: str) -> bool:
    """Whether ``name`` (the words after "reply to", as :func:`heard_name` gives them) is
    said as a member's name, or names joined ("Sam and Priya"): not "the nurse", nor
    words too many for a name ("Sam about his walk")."""
    if " and " in name:  # the others are named as not answered (_say_one_person)
        return understood_as_name(name.partition(" and ")[0])
    words = name.split()
    return 0 < len(words) <= MAX_NAME_WORDS and words[0] not in NOT_A_NAME_FIRST


def whom_again(reader: Reader) -> str:
    """Whom a reply answers, asked: how to say it, and how to answer the post being read."""
    post = reader.loaded_current_post()
    read = f" To answer {phrasing.author_or_you(post)}, say reply." if post is not None else ""
    return f"Whom are you answering? Say their name, or post and its number.{read}"


def _not_understood(reader: Reader, said: str, say: Say) -> None:
    """ "Reply to the matron" with no writer so titled: which post is meant is asked, the
    post being read not answered in its stead (the wrong person, answered for all to
    see)."""
    say(
        f'I did not understand whom "{said}" means, so I have not started a reply. '
        f"{whom_again(reader)}"
    )


def _post_before(reader: Reader, say: Say, aiming: Aiming) -> int | None:
    """ "Reply to the one before": the post before the one being read."""
    if reader.post_index <= 0:
        say(f"This is the first post: there is none before it. {aiming.here}")
        return None
    return reader.post_index - 1


def _post_of(reader: Reader, name: str, say: Say, aiming: Aiming) -> int | None:
    """The index of the post of the member ``name`` names (see :func:`_post_by`)."""
    found = rank(name, _writers(reader), reader.me())
    if not found:
        say(f"No one called {name.title()} has written in this topic.")
        say(aiming.here)
        return None
    return _post_by(reader, found[0], say)


def _writers(reader: Reader) -> list[ForumUser]:
    thread = reader.thread
    assert thread is not None
    people = [ForumUser(p.username, p.name) for p in thread.topic.participants]
    return people + [ForumUser(p.username, p.name) for _, p in thread.loaded()]


def whom_answered(heard: Heard, interpreter: Interpreter, reader: Reader) -> Command | None:
    """Asked whom "reply to the matron" meant, the answer ("Ruth", "post two", "the one
    before", "this one") as the whole reply command; None when ``heard`` answers nothing
    so (a command of its own, "cancel", or a name of no one here): it is then taken as
    said."""
    alone = interpreter.command(heard)
    if alone.command is not None and not alone.near and alone.command.intent is Intent.REPLY:
        return alone.command  # "reply": the post being read; "reply to Ruth"
    found = interpreter.command(Heard(f"reply to {heard.text}", heard.confidence))
    whole = found.command
    if whole is None or found.near or whole.intent is not Intent.REPLY:
        return None
    said = str(whole.slots.get(REPLY_TO_NAMED, ""))
    if "number" in whole.slots or place_named(_POSSESSIVE.sub("", said)) is not None:
        return whole  # "post two", "the one before" (alone, a step back)
    if reader.thread is None or interpreter.word_for_word(heard) is not None:
        return None
    if not said or _titled(reader, said):
        return whole  # "this one", "the nurse"
    if target_unclear(reader, whole.slots):
        return None
    name = _POSSESSIVE.sub("", heard_name(said)).partition(" and ")[0]
    return whole if rank(name, _writers(reader), reader.me()) else None


def _post_by(reader: Reader, who: ForumUser, say: Say) -> int | None:
    """The index of the post of ``who``: the one being read when it is theirs, else their
    newest before it (the last heard), else their first after it."""
    thread = reader.thread
    assert thread is not None
    theirs = [i for i, post in thread.loaded() if _by(post, who)]
    if not theirs:  # further on than fetched so far
        if reader.forum_call(thread.fetch_all) is None:
            return None  # what went wrong is said
        theirs = [i for i, post in thread.loaded() if _by(post, who)]
    before = [i for i in theirs if i <= reader.post_index]
    if before:
        return before[-1]
    if theirs:
        return theirs[0]
    # A topic too long to fetch whole (a mega topic) has their post further on still.
    say(f"{who.display_name} wrote further on in this topic. Go to their post, then say reply.")
    return None


def _by(post: Post, user: ForumUser) -> bool:
    return phrasing.same_member(post.username, user.username)


REST_OF_REPLY_STARTS = frozenset({"to", "privately", "in"})
"""How the rest of a reply command said after a pause begins: "to post three", "to Sam",
"to everyone", "privately", "in private"."""
MAX_REST_WORDS = 6
"""Most words the rest may have ("to post two no three"): more is the reply itself."""


def rest_of_reply(
    said: str, interpreter: Interpreter, topic: Topic, answered: Post | None, me: str | None
) -> Command | None:
    """ "Reply", a pause, then ``said``: the whole reply command when ``said`` is its rest
    ("privately", "to post three", "to the one before", "to Sam" where Sam wrote in the
    topic and is not the one answered; "privately to Mei", Mei answered or not), else
    None (they are the reply's first words: "to me", "to Priya" said to Priya; ``me``,
    the person's own username, is no one to answer). "Privately" had begun a public
    reply, written in as its first word."""
    # Said as slowly as the rest of it: "um to Sam", "to to Sam".
    words = [w for w in without_repeats(said).split() if w not in HESITATIONS]
    if not words or words[0] not in REST_OF_REPLY_STARTS or len(words) > MAX_REST_WORDS:
        return None
    found = interpreter.command(Heard(f"reply {' '.join(words)}"))
    whole = found.command
    if whole is None or found.near or not whole.slots:
        return None
    if whole.intent not in (Intent.REPLY, Intent.MESSAGE):
        return None
    named = whole.slots.get("author", whole.slots.get("name"))
    if not isinstance(named, str):
        return whole
    if named == "the author":
        # Answering the topic, no post's author is meant: whom to write to is asked.
        return whole if answered is not None else Command(Intent.MESSAGE)
    posts = [*topic.loaded_posts, *([answered] if answered is not None else [])]
    if whole.intent is Intent.REPLY and names_a_post(_POSSESSIVE.sub("", named), posts, me):
        return whole  # "to the previous post", "to the nurse"
    name = _POSSESSIVE.sub("", heard_name(named))  # "Sam no Priya", "Sam's post"
    # "To Priya" said to Priya is the reply's own first words; the person answers no one.
    replying_to = answered.username if answered and whole.intent is Intent.REPLY else None
    not_meant = [who for who in (me, replying_to) if who]
    return whole if writer_named(name, posts, not_meant) is not None else None
