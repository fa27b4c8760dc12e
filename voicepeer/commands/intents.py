"""The intent catalogue. Intent names are a stable contract (``voicepeer listen --json``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Intent(StrEnum):
    NEXT = "next"
    PREVIOUS = "previous"
    REPEAT = "repeat"
    LATEST = "latest"
    OPEN = "open"
    READ = "read"
    STOP = "stop"
    PAUSE = "pause"
    RESUME = "resume"
    FASTER = "faster"
    SLOWER = "slower"
    LOUDER = "louder"
    QUIETER = "quieter"
    REPLY = "reply"
    SEND = "send"
    CANCEL = "cancel"
    YES = "yes"
    NO = "no"
    HELP = "help"
    WHERE = "where"
    BACK = "back"
    LIKE = "like"
    BOOKMARK = "bookmark"
    NOTIFICATIONS = "notifications"
    WHO = "who"
    SCRATCH = "scratch"
    READ_BACK = "read_back"
    SLEEP = "sleep"
    WAKE = "wake"
    SEARCH = "search"
    BOOKMARKS = "bookmarks"
    REMOVE_BOOKMARK = "remove_bookmark"
    DRAFTS = "drafts"
    REMOVE_DRAFT = "remove_draft"
    MESSAGES = "messages"
    MESSAGE = "message"
    NEW_TOPIC = "new_topic"
    QUIT = "quit"
    NEXT_PARAGRAPH = "next_paragraph"
    PREVIOUS_PARAGRAPH = "previous_paragraph"
    SKIP_TO_END = "skip_to_end"
    VOTE = "vote"
    REMOVE_VOTE = "remove_vote"
    UNLIKE = "unlike"
    DELETE_POST = "delete_post"
    RECOVER_POST = "recover_post"
    ADD_TO_REPLY = "add_to_reply"
    EDIT_POST = "edit_post"
    UNREAD = "unread"
    CATEGORIES = "categories"
    MY_TOPICS = "my_topics"
    MY_POSTS = "my_posts"
    MARK_READ = "mark_read"


@dataclass(frozen=True)
class Command:
    intent: Intent
    slots: Mapping[str, int | str] = field(default_factory=dict)


PHRASINGS: Mapping[Intent, tuple[str, ...]] = {
    # The first phrasing is the canonical one, used in help and on the command card.
    Intent.NEXT: ("next", "next post", "next one", "go on", "carry on", "next topic"),
    Intent.PREVIOUS: ("previous", "previous post", "go back one", "last one", "previous topic"),
    Intent.REPEAT: ("repeat", "say that again", "again", "repeat that", "pardon"),
    Intent.LATEST: ("latest topics", "latest", "list topics", "topics", "what's new"),
    Intent.OPEN: ("open topic", "open", "topic", "number"),
    Intent.READ: ("read", "read it", "read this", "read the topic", "start reading"),
    Intent.STOP: ("stop", "stop reading", "quiet", "shush", "be quiet"),
    Intent.PAUSE: ("pause", "take a break", "hold on"),
    Intent.RESUME: ("resume", "continue", "carry on reading", "where was i"),
    Intent.FASTER: ("faster", "speak faster", "speed up"),
    Intent.SLOWER: ("slower", "speak slower", "slow down"),
    Intent.LOUDER: ("louder", "speak up", "volume up"),
    Intent.QUIETER: ("quieter", "softer", "volume down"),
    Intent.REPLY: ("reply", "write a reply", "answer", "respond"),
    Intent.SEND: ("send it", "send", "post it", "i'm done", "finished"),
    Intent.CANCEL: ("cancel", "never mind", "forget it"),
    # No "do it": the bundled recognizer hears a spoken "help" as "do it", and a yes can post.
    Intent.YES: ("yes", "yes please", "yeah", "yep", "okay", "correct"),
    Intent.NO: ("no", "no thanks", "nope", "not yet", "don't"),
    Intent.HELP: ("help", "what can i say", "commands"),
    Intent.WHERE: ("where am i", "where", "what topic is this"),
    Intent.BACK: ("back", "go back", "back to the list", "back to topics"),
    Intent.LIKE: ("like", "like this", "like this post"),
    Intent.BOOKMARK: ("bookmark", "bookmark this", "save this post"),
    Intent.NOTIFICATIONS: ("notifications", "any replies", "check notifications"),
    Intent.WHO: ("who wrote this", "who", "who is this"),
    Intent.SCRATCH: ("scratch that", "undo that", "remove that"),
    Intent.READ_BACK: ("read it back", "read back", "read my reply"),
    Intent.SLEEP: ("go to sleep", "sleep", "stop listening"),
    Intent.WAKE: ("wake up", "wake", "start listening"),
    Intent.SEARCH: ("search for", "search", "find", "look for"),
    Intent.BOOKMARKS: ("my bookmarks", "saved posts", "my saved posts", "list bookmarks"),
    Intent.REMOVE_BOOKMARK: ("remove bookmark", "delete bookmark", "remove this bookmark"),
    Intent.DRAFTS: ("my drafts", "my saved replies", "unfinished replies"),
    Intent.REMOVE_DRAFT: ("delete this draft", "delete draft", "remove this draft"),
    # No bare "messages" in the command models: one letter from "message", which starts a
    # new conversation (matched when heard: commands.everyday).
    Intent.MESSAGES: ("my messages", "private messages", "inbox", "check messages"),
    Intent.MESSAGE: ("send a message", "message", "write a message"),
    Intent.NEW_TOPIC: ("start a new topic",),
    Intent.QUIT: (
        "goodbye",
        "goodbye voicepeer",
        "bye voicepeer",
        "quit voicepeer",
        "stop voicepeer",
        "exit voicepeer",
        "close voicepeer",
        "switch off voicepeer",
        "turn off voicepeer",
    ),
    Intent.NEXT_PARAGRAPH: ("next paragraph", "skip paragraph", "skip this paragraph"),
    Intent.PREVIOUS_PARAGRAPH: ("previous paragraph", "back a paragraph", "go back a paragraph"),
    Intent.SKIP_TO_END: ("skip to the end", "skip to end", "end of post", "skip the rest"),
    Intent.VOTE: ("vote for choice",),
    Intent.REMOVE_VOTE: ("remove my vote",),
    Intent.UNLIKE: ("remove my like",),
    Intent.DELETE_POST: ("delete my post",),
    Intent.RECOVER_POST: ("bring back my post", "bring back my topic"),
    Intent.ADD_TO_REPLY: ("add it to my last reply",),
    Intent.EDIT_POST: ("correct my post", "change my post"),
    Intent.UNREAD: ("unread topics", "unread", "unread posts"),
    Intent.CATEGORIES: ("categories", "list categories", "show categories"),
    Intent.MY_TOPICS: ("my topics", "topics i started", "my own topics"),
    Intent.MY_POSTS: ("my posts", "topics i posted in"),
    Intent.MARK_READ: ("mark as read",),
}

MATCHED_ONLY: Mapping[Intent, tuple[str, ...]] = {
    Intent.NEW_TOPIC: ("new topic", "start a topic", "create a topic"),
    # The topic list, not "new topic": out of the grammars, as "next topic" is too close.
    Intent.LATEST: ("new topics",),
    Intent.MESSAGE: ("new message",),
    # A new topic held or not sent yet, taken back at the topic list.
    Intent.DELETE_POST: ("delete my topic", "withdraw my topic"),
    # In a list "read" and "open" are one: "read number two" after hearing it numbered.
    Intent.OPEN: ("read number {number}", "read the {ordinal} one"),
    # No bare "vote": "vote for" would be read as "vote four".
    Intent.VOTE: (
        "vote for {number}",
        "vote for number {number}",
        "vote for option {number}",
        "vote for the {ordinal}",
        "vote for the {ordinal} choice",
        "vote for the {ordinal} option",
    ),
}
"""Phrasings understood when heard, but kept out of the recognizers' command models, where
they made other commands misheard (measured with the bundled model on espeak-ng speech):
with "new topic", a slow "next post" came out as "new next post"; with a second phrasing
ending in "topic", "stop" came out as "topic". The free reading still hears them. The
other wordings of a vote are matched only too, so that a vote adds no more to the command
models than the card's own phrasings; and so are "read" with a number, which would keep a
"read" said alone waiting for a number that may follow."""


SENSES: Mapping[str, tuple[Intent, ...]] = {
    "carry on": (Intent.NEXT, Intent.RESUME),
    "go on": (Intent.NEXT, Intent.RESUME),
    "keep going": (Intent.NEXT, Intent.RESUME),
    "continue": (Intent.RESUME, Intent.NEXT),
    "read it": (Intent.READ, Intent.YES),
    "read this": (Intent.READ, Intent.YES),
    "go ahead": (Intent.YES, Intent.RESUME),
    "that's right": (Intent.YES,),
    "hang on": (Intent.PAUSE,),
    "wait": (Intent.PAUSE,),
    **dict.fromkeys(
        (
            "delete it",
            "remove it",
            "delete this one",
            "remove this one",
            "delete that one",
            "remove that one",
            "get rid of it",
            "get rid of this one",
        ),
        (Intent.REMOVE_DRAFT, Intent.REMOVE_BOOKMARK),
    ),
}
"""Words whose meaning the state decides: the first of their intents the state understands.
"Carry on" reads the next post and "continue" reads on where reading stopped;
"read it" opens a topic, and asked "Read this post?" it is a yes; "delete it" in the
person's drafts deletes the draft reached (after a yes), in their bookmarks that bookmark
(only there: see LIST_ITEM_WORDINGS). (Asleep, none of them wakes voicepeer: see the
interpreter.) Where none of them is understood the words do nothing ("hang on" at "Shall I
post it?" is no yes)."""

LIST_ITEM_WORDINGS = frozenset(p for p, i in SENSES.items() if Intent.REMOVE_DRAFT in i)
"""Words that remove the item reached in one of the person's own lists, and mean nothing
elsewhere: reading, "delete it" may as well mean the post, a like or a bookmark."""

THANKS = frozenset(
    {
        "thank you",
        "thanks",
        "thank you very much",
        "thank you so much",
        "thanks a lot",
        "thank you voicepeer",
        "thanks voicepeer",
    }
)
"""Thanks said to voicepeer, word for word: answered kindly, though no command."""

GREETINGS = frozenset(
    {"hello", "hi", "hiya", "hey", "hello there", "hi there", "hello voicepeer", "hi voicepeer"}
    | {"good morning", "good afternoon", "good evening", "morning", "how are you"}
)
"""A greeting said to voicepeer, word for word: greeted back, with where the person is
(it was "Sorry, I didn't catch that")."""

TIRED_OR_LEAVING = frozenset(
    {"i'm tired", "i am tired", "i'm so tired", "i need a rest", "i need to rest"}
    | {"cheerio", "i'm going now", "i'm off", "thanks bye", "thank you bye", "see you later"}
)
"""Tiredness, or a leaving said as to a person: said to others in the room as often, so no
command; answered with how to rest or stop (it was "Sorry, I didn't catch that")."""

ORDINAL_PHRASINGS: tuple[str, ...] = (
    "the {ordinal}",
    "the {ordinal} one",
    "the {ordinal} topic",
    "the {ordinal} post",
    "{ordinal} topic",
    "{ordinal} one",
)
"""How a topic is picked by its place in the list ("the second one"); a number or an
ordinal alone is never enough."""

SLOT_INTENTS: Mapping[Intent, str] = {
    Intent.OPEN: "number",
    Intent.SEARCH: "query",
    Intent.MESSAGE: "name",
    Intent.VOTE: "number",
}
"""Intents whose phrasing is followed by a value, and the slot that value goes in."""
OPEN_ABOUT = "about"
"""The slot of an "open" that names a topic by words of its title ("the one about heat"),
not by its number."""
TOPIC_TITLE = "title"
"""The slot of "new topic about my cooling vest": what the topic is about, kept as its title
(checked against the forum's rules when the category is chosen)."""
CATEGORY_NAMED = "category"
"""The slot of "categories" said with a category's name ("topics in good news"): its
topics, without the question for one; of "new topic" so said ("new topic in good news"):
started there."""
HOW_TO = "how_to"
"""The slot of "help" asked about a command ("how do I reply"): the intent it names (its
value), which the interpreter finds in the words said."""
HOW_TO_WRITE = "how_to_write"
"""The slot of "help" asked about an editing command used only while writing ("how do I
start over"): its value (a DictationAction's)."""
REPLY_TO_NAMED = "author"
"""The slot of "reply to Priya": the name heard, whose post in the topic is answered; and
of "like Priya's post" and "what did Sam say", whose post is liked or read."""
WORDS_SLOTS: Mapping[Intent, str] = {
    Intent.OPEN: OPEN_ABOUT,
    Intent.CATEGORIES: CATEGORY_NAMED,
    Intent.HELP: HOW_TO,
    Intent.REPLY: REPLY_TO_NAMED,
    Intent.NEW_TOPIC: CATEGORY_NAMED,
}
"""Intents that take words in an everyday wording only, and the slot they go in."""
NAME_SLOTS: Mapping[Intent, str] = {Intent.OPEN: REPLY_TO_NAMED, Intent.LIKE: REPLY_TO_NAMED}
"""Intents whose everyday wording names a member (``{name}``: "what did {name} say"), and
the slot the name goes in: that member's post in the topic is meant."""
NUMBER_INTENTS: tuple[Intent, ...] = tuple(i for i, s in SLOT_INTENTS.items() if s == "number")
"""Slot intents whose value is a number ("open topic three", "vote for choice two")."""
FREE_TEXT_INTENTS: tuple[Intent, ...] = tuple(i for i, s in SLOT_INTENTS.items() if s != "number")
"""Slot intents whose value is free text ("search for fatigue", "message Priya"): said
bare, the voice loop asks for the value."""


def canonical(intent: Intent) -> str:
    """The phrasing used when telling the user what to say."""
    return PHRASINGS[intent][0]
