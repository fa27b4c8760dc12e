"""Everyday wordings of the commands: how people say them without the command card.

Matched only, as :data:`voicepeer.commands.intents.MATCHED_ONLY` is: they are kept out of
the recognizers' command models, which stay as measured. Each was found said in full to a
typed session of voicepeer and understood as no command, a wrong one, or two.
"""

from __future__ import annotations

from collections.abc import Mapping

from voicepeer.commands.intents import Intent

READ_BACK_WORDINGS = (
    "what did i write",
    "what have i written",
    "read me what i wrote",
    "read back what i said",
    "what does it say",
    "what will it say",
    "what did i say",
    "what did i just say",
    "what have i said so far",
)
"""Everyday wordings of reading back what was written, while writing and at the question
before posting."""

HOW_TO_USE_IT = frozenset({"use this", "use it", "use you", "use voicepeer", "do this"})
"""Words after "how do I" that ask about voicepeer as a whole: its help."""

HOW_TO_NAMED: Mapping[str, Intent] = {
    "open topic": Intent.OPEN,
    "open a post": Intent.OPEN,
    "read topic": Intent.READ,
    "read post": Intent.READ,
    "hear post again": Intent.REPEAT,
    "hear it again": Intent.REPEAT,
}
"""Words after "how do I" (articles left out) that name a command no phrasing of it says
without its number or its whole wording: "how do I open a topic"."""

EVERYDAY_WORDINGS: Mapping[Intent, tuple[str, ...]] = {
    Intent.MESSAGES: (
        "messages",
        "any new messages",
        "do i have any messages",
        "check my inbox",
        "my conversations",
        # Discourse calls them so: "read my private message" started a new one.
        "my private messages",
        "read my private messages",
        "check my private messages",
        "any private messages",
    ),
    # Right after posting, as often regret as anything: asked first, as "delete my post" is.
    # Not "take it back" or "undo" alone, which may as well mean a like or a vote.
    Intent.DELETE_POST: (
        "remove my post",
        "take down my post",
        "take back my reply",
        "take back my post",
        "take down my reply",
        "unsend",
        "unsend it",
        "unsend that",
        "unsend my reply",
        "unsend my post",
        "delete what i just posted",
        "delete what i just sent",
        "i didn't mean to post that",
        "i didn't mean to send that",
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
        # Coming back to words written earlier: the drafts list them, whatever they were.
        "continue my reply",
        "finish my reply",
        "go back to my reply",
        "carry on with my reply",
        "what was i writing",
        "continue my message",
        "finish my message",
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
        # The topic read before this one (see matcher.step_slots), as "resume" reopens the
        # topic read last; not "previous topic", the one before it in the list.
        # Not "back to the last topic" or "reopen the last topic": "the last topic" (the
        # list's last one heard) was as near them.
        "go back to the last topic",
        "go back to the topic i was reading",
        "the topic i was reading",
        "open the last topic again",
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
        "what did you just say",
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
        "read the latest post",
        "read the newest post",
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
        # "Go to the start": "go to" is said around commands, its "the" kept (natural.cores).
        "the start",
        "back to the start",
        "the beginning",
        "back to the beginning",
        "from the beginning",
        "start from the beginning",
    ),
    Intent.WHERE: (
        "how many posts",
        "how many replies",
        "what's the title",
        "what was the title",
        "what is the title",
        "how many did you find",
        "how many are there",
        "i'm lost",
        "i am lost",
        "what is this",
        "what's this",
        "what was i doing",
        # How long the post being read is, and what is left of it and of the topic (see
        # matcher.step_slots); while writing, how long the reply is so far.
        "how long is this",
        "how long is this post",
        "how much is left",
        "how much more is there",
    ),
    Intent.HELP: (
        # Said alone by a person at a loss, they had been held as a command's beginning
        # ("Yes? Go on."), and what came next joined to them.
        "i don't know",
        "i'm not sure",
        "what can i do",
        "what can i do here",
        "what do i do now",
        "what do i do",
        "what do i say",
        "what should i say",
        # Asked for a title.
        "what should the title be",
        "what should i call it",
        "how does it work",
        # How to do something (slot HOW_TO, kept only when the words name a command).
        "how do i {query}",
        "how can i {query}",
        "how do you {query}",
        "how do we {query}",
        "how to {query}",
        "help me {query}",
        "help me to {query}",
        "help with {query}",
        "help me with {query}",
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
        # "Read that one" was near "read on": the list went on.
        "read that one",
        "read this one",
        "read that",
        "read this",
    ),
    # While reading, that post of the topic (see matcher.step_slots), as "the third post";
    # and a topic of the list named by words of its title (slot OPEN_ABOUT).
    Intent.OPEN: (
        "open the one about {query}",
        "read the one about {query}",
        "the one about {query}",
        "read me the one about {query}",
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
        # The post after that many: the topic's first post is no reply.
        "the {ordinal} reply",
        "read the {ordinal} reply",
        "reply number {number}",
        # "Find the one about the pier" had searched the forum for "the one about the pier".
        "find the one about {query}",
        "find the topic about {query}",
        # A member's post in the topic (slot REPLY_TO_NAMED): their newest, read. "What did
        # Sam say" had read the post being read again, as "what did you say" does.
        "what did {name} say",
        "what did {name} write",
        "what did {name} post",
        "what has {name} said",
        "what has {name} written",
        "read {name}'s post",
        "read me {name}'s post",
        "read {name}'s reply",
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
        # Who wrote in the topic as a whole (see matcher.step_slots).
        "who else replied",
        "who has replied",
        "who else wrote",
        "who else posted",
        "who else is here",
        "who is here",
        "who is in this topic",
        "who is in this thread",
        "who is taking part",
        "how many people replied",
        "who has been posting here",
        "who started this",
        "who started this topic",
        "who started the topic",
    ),
    # The forum's own words for it at a list ("Mark all as read" in many a reader); kept
    # out of the card, where "all" made "no" heard as "who all" in a question's answers.
    Intent.MARK_READ: (
        "mark all as read",
        "mark all read",
        "mark this topic as read",
        "mark notifications as read",
        "mark my notifications as read",
    ),
    # A category named: its topics (slot CATEGORY_NAMED).
    Intent.CATEGORIES: (
        "topics in {query}",
        "the topics in {query}",
        "show me the topics in {query}",
        "read the topics in {query}",
        "what's new in {query}",
        "the {query} category",
        "go to the {query} category",
        "open the {query} category",
        "show me the {query} category",
        "category {query}",
    ),
    Intent.LATEST: (
        # Where voicepeer starts, as a screen's menu is. Not "home": "I want to go home".
        "main menu",
        "the main menu",
        "the latest",
        "read me the latest",
        "what's the latest",
        "tell me the latest",
        "anything new",
        "what's on the forum",
        "what are people talking about",
        "what topics are there",
        "which topics are there",
        # voicepeer calls it "the topic list" ("Back to the topic list"); "the topics list"
        # was near "my topics", the person's own.
        "the topic list",
        "topic list",
        "the topics list",
        "go to the topic list",
        "the list of topics",
        # "Read the topics" was near "read the topic": the first one opened.
        "read the topics",
        "read me the topics",
        "read topics",
        "show me the topics",
        "what's been happening",
        "what has been happening",
        # Said in a topic, about the topic (see matcher.step_slots): it is not left for the
        # latest topics. "What's new in this topic" is found with the categories' wording.
        "anything new here",
        "what's new here",
        "is there anything new here",
        "any new posts here",
        "anything new in this topic",
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
        # Said with "mention", the notifications that are mentions only (matcher.MENTIONS).
        "who mentioned me",
        # Replies to the person's posts are among the notifications.
        "did anyone reply to my post",
        "has anyone replied to my post",
        "any replies to my post",
        "did anyone answer my post",
        "new replies since last time",
        "any new replies",
    ),
    Intent.EDIT_POST: ("fix my post", "edit my reply", "fix my reply", "i made a mistake"),
    Intent.BACK: ("exit this topic", "close this topic", "leave this topic"),
    # A post named by its number or its author's name answers that post (see
    # voice.reply_target); "reply to this post" the one being read (matcher.NO_AUTHOR).
    Intent.REPLY: (
        "answer her",
        "answer him",
        # Its core is "say something": "I want to say something" too (see natural.core).
        "i'd like to say something",
        "reply to post {number}",
        "reply to post number {number}",
        "reply to the {ordinal} post",
        # "The third one" answered the post being read, not post 3.
        "reply to the {ordinal} one",
        "answer the {ordinal} post",
        "answer the {ordinal} one",
        "answer post {number}",
        "respond to post {number}",
        "reply to {query}",
        "respond to {query}",
        "answer {query}",
        "write back to {query}",
    ),
    # A post of the topic named by its number: moved to, then asked about ("like the
    # first post" had liked the post being read).
    Intent.LIKE: (
        "like post {number}",
        "like post number {number}",
        "like the {ordinal} post",
        "like the {ordinal} one",
        # A member's post (slot REPLY_TO_NAMED), moved to and asked about as "like post 3".
        "like {name}'s post",
        "like {name}'s reply",
        "like {name}'s latest post",
        "like what {name} said",
        "like what {name} wrote",
    ),
    Intent.MESSAGE: (
        "write to {query}",
        "send a message to {query}",
        "start a conversation with {query}",
        # Discourse calls them so, and so do people who have used one.
        "send a private message",
        "write a private message",
        "send a private message to {query}",
        "private message {query}",
        "write a private message to {query}",
        # Thanks said privately: a message ("thank her privately": the author's).
        "thank {name} privately",
        "thank {name} in private",
        "send {name} a thank you message",
        "send {name} a thank you note",
        "send {name} a thank you",
        "send a thank you message to {name}",
    ),
    # Not "write a new post": in a topic, a post is a reply as often.
    # A category named: the topic is started there, without the question for one.
    Intent.NEW_TOPIC: (
        "ask the forum a question",
        "ask the forum something",
        "new topic in {query}",
        "a new topic in {query}",
        "start a new topic in {query}",
        "start a topic in {query}",
        "post a new topic in {query}",
        "write a new topic in {query}",
        "create a topic in {query}",
        "ask a question in {query}",
        # A post, not said which: a new topic at a list, asked which in a topic (see
        # matcher.step_slots). Not "make a post": "like a post" was as near it as a like.
        "write a post",
        "write a new post",
        "post something",
        "make a new post",
        "create a new post",
    ),
    # Asked "What shall I look for?" next, as for "search" alone.
    Intent.SEARCH: (
        "new search",
        "another search",
        "is there anything about {query}",
        "has anyone written about {query}",
        "has anyone posted about {query}",
        "anything about {query}",
        "is anyone talking about {query}",
        "is anybody talking about {query}",
        "topics about {query}",
    ),
    # Asked "Shall I post it?" (or "Delete it?", "Shall I stop now?"): a no that says more,
    # never anything public.
    Intent.NO: (
        "no no",
        "no no no",
        "nah",
        "no way",
        "definitely not",
        "of course not",
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
    Intent.ADD_TO_REPLY: ("add to my reply", "add to my post"),
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
