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
    # new conversation (matched when heard: EVERYDAY_WORDINGS).
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

READ_BACK_WORDINGS = (
    "what did i write",
    "what have i written",
    "read me what i wrote",
    "read back what i said",
    "what does it say",
    "what will it say",
)
"""Everyday wordings of reading back what was written, while writing and at the question
before posting."""

EVERYDAY_WORDINGS: Mapping[Intent, tuple[str, ...]] = {
    Intent.MESSAGES: (
        "messages",
        "any new messages",
        "do i have any messages",
        "check my inbox",
        "my conversations",
    ),
    Intent.DELETE_POST: (
        "remove my post",
        "take down my post",
        "take back my reply",
        "take down my reply",
    ),
    Intent.UNLIKE: ("unlike", "unlike this", "unlike this post", "take back my like"),
    Intent.REMOVE_BOOKMARK: ("unbookmark", "unbookmark it"),
    Intent.BOOKMARK: (
        "bookmark it",
        "save it for later",
        "bookmark it for later",
        "keep this for later",
    ),
    Intent.DRAFTS: (
        "saved drafts",
        "my saved drafts",
        "how many drafts",
        "how many drafts do i have",
    ),
    Intent.BOOKMARKS: (
        "how many bookmarks",
        "how many bookmarks do i have",
        "what have i bookmarked",
        "what have i saved",
        "what did i save",
        "where are my bookmarks",
    ),
    Intent.RESUME: (
        "keep reading",
        "read on",
        "read more",
        "read the rest",
        "is there more",
        "what comes next",
        "finish reading it",
    ),
    Intent.REPEAT: (
        "read it again",
        "read that again",
        "list them again",
        "read the list again",
        "say them again",
        "come again",
        "sorry what",
        "repeat that paragraph",
        "read that paragraph again",
        # Asked to choose (a category): the choices again.
        "which ones are there",
        "what are the choices",
    ),
    Intent.NEXT: (
        "skip it",
        "skip that",
        "what's next",
        "read the replies",
        "read the next post",
        "read the next one",
        "next reply",
        # While reading: to the newest post of the topic (see matcher.step_slots).
        "newest post",
        "the newest post",
        "the latest post",
        "most recent post",
        "go to the newest post",
        "end of the topic",
        # At a topic list: its next few topics.
        "more topics",
        "show me more",
        "next page",
        "the next five",
        "the next ones",
        "read the next ones",
    ),
    # While reading: to the topic's first post.
    Intent.PREVIOUS: (
        "first post",
        "back to the first post",
        "from the top",
        "start of the topic",
    ),
    Intent.WHERE: (
        "how many posts",
        "how many replies",
        "how many people replied",
        "who else replied",
        "what's the title",
        "what was the title",
        "what is the title",
        "how many did you find",
        "how many are there",
        "i'm lost",
        "i am lost",
        "what was i doing",
    ),
    Intent.HELP: (
        "what can i do",
        "what can i do here",
        "what do i do now",
        "what do i do",
        "what do i say",
        "what should i say",
        # Asked for a title.
        "what should the title be",
        "what should i call it",
    ),
    # The topic reached in a list, as "read" opens it ("Say read to open it").
    Intent.READ: (
        "open it",
        "open this one",
        "open that one",
        "open this",
        "open that",
        "open this bookmark",
        "open the bookmark",
        "open this draft",
        "open the draft",
    ),
    # While reading, that post of the topic (see matcher.step_slots), as "the third post";
    # and a topic of the list named by words of its title (slot OPEN_ABOUT).
    Intent.OPEN: (
        "open the one about {query}",
        "read the one about {query}",
        "the one about {query}",
        "open the topic about {query}",
        "read the topic about {query}",
        "the topic about {query}",
        "post {number}",
        "post number {number}",
        "read post {number}",
        "read the {ordinal} post",
        "read the {ordinal} topic",
        "read me the {ordinal} one",
        "jump to post {number}",
        "jump to the {ordinal} post",
    ),
    Intent.STOP: ("stop this", "shut up"),
    # Tired, a rest with the place kept (asleep, only "resume" or "wake up" wakes it): not
    # goodbye, which said to someone in the room would end the session. Not "I'm tired" or
    # "I need a break", said to others in the room as often.
    Intent.PAUSE: (
        "that's enough for today",
        "i'm done for today",
        "that's all for now",
    ),
    Intent.WHO: (
        "who posted this",
        "who wrote it",
        "whose post is this",
        "when was this posted",
        "when was this written",
        "when did she write this",
        "when did he write this",
        "how long ago was this",
        "how many likes",
        "how many likes does it have",
        "who liked this",
        "who liked it",
    ),
    Intent.LATEST: (
        "the latest",
        "anything new",
        "what's on the forum",
        "what are people talking about",
        "what topics are there",
        "which topics are there",
    ),
    Intent.NOTIFICATIONS: (
        "has anyone replied",
        "did anyone reply",
        "who replied to me",
        "my notifications",
        "show notifications",
        "read my notifications",
        "anything for me",
        "any news for me",
    ),
    Intent.EDIT_POST: ("fix my post", "edit my reply", "fix my reply", "i made a mistake"),
    Intent.BACK: ("exit this topic", "close this topic", "leave this topic"),
    Intent.REPLY: ("answer her", "answer him", "reply to her", "reply to him"),
    Intent.MESSAGE: (
        "write to {query}",
        "send a message to {query}",
        "start a conversation with {query}",
    ),
    # Not "write a new post": in a topic, a post is a reply as often.
    Intent.NEW_TOPIC: ("ask the forum a question", "ask the forum something"),
    # Asked "What shall I look for?" next, as for "search" alone.
    Intent.SEARCH: (
        "new search",
        "another search",
        "is there anything about {query}",
        "has anyone written about {query}",
        "has anyone posted about {query}",
        "anything about {query}",
    ),
    # Asked "Shall I post it?" (or "Delete it?", "Shall I stop now?"): a no that says more,
    # never anything public.
    Intent.NO: (
        "don't post it",
        "don't send it",
        "do not post it",
        "do not send it",
        "no wait",
        "not now",
        "maybe later",
        "let me change it",
        "i want to change something",
        "i want to change the title",
        "i want to add something",
        "let me add something",
        "keep writing",
        "keep it",
        "no keep it",
        "don't delete it",
        "do not delete it",
        "don't like it",
        "don't stop",
        "stay",
        "i'll stay",
        # Asked "Did you mean Priya Nair?".
        "not her",
        "not him",
        "no not her",
        "no not him",
        "the other one",
        "no the other one",
        "someone else",
    ),
    # Asked "Did you mean Priya Nair?" (a question before a public action takes only a
    # clear yes: see consent).
    Intent.YES: (
        "that's her",
        "that's him",
        "that's the one",
        "yes that's her",
        "yes that's him",
        "yes that's the one",
    ),
    Intent.ADD_TO_REPLY: ("add to my reply",),
    # Asked "Shall I post it?": the question says who will see it too.
    Intent.READ_BACK: (*READ_BACK_WORDINGS, "who will see it", "who is it going to"),
    Intent.CANCEL: (
        "cancel the message",
        "cancel my message",
        "cancel the reply",
        "cancel my reply",
        "cancel the topic",
    ),
}
"""Everyday wordings of the commands, matched only as :data:`MATCHED_ONLY` is (the command
models stay as measured): said in full they found no command ("messages", "open it")
or a wrong one ("remove my post" was near "recover my post"), or two ("unlike" was as
near "like" as "remove my like")."""

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
NUMBER_INTENTS: tuple[Intent, ...] = tuple(i for i, s in SLOT_INTENTS.items() if s == "number")
"""Slot intents whose value is a number ("open topic three", "vote for choice two")."""
FREE_TEXT_INTENTS: tuple[Intent, ...] = tuple(i for i, s in SLOT_INTENTS.items() if s != "number")
"""Slot intents whose value is free text ("search for fatigue", "message Priya"): said
bare, the voice loop asks for the value."""


def canonical(intent: Intent) -> str:
    """The phrasing used when telling the user what to say."""
    return PHRASINGS[intent][0]
