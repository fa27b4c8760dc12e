"""The voice loop's states and the transitions allowed between them.

    BROWSING ──open N / read──▶ READING ──reply──▶ DICTATING ──send it──▶ CONFIRMING
       ▲  ◀──back / latest──────┘ ▲  ▲                 │  ▲                   │
       │                          │  └──cancel─────────┘  └──no──────────────┤
       │                          │  └──yes: posted (or kept in the outbox)──┘
       │                          ▼
       └──back────────────── CONTENT_NOTE  (a post that mentions a noted topic: read it?)
    BROWSING / READING ──go to sleep, pause──▶ SLEEPING ──wake up, resume──▶ where it was
    a yes-or-no question (CONFIRMING, LIKING, SENDING …) ──go to sleep, pause──▶ SLEEPING
        ──wake up, resume──▶ the question, asked again (what it was about kept meanwhile)
    DICTATING, EDITING_POST, COMPOSING ──go to sleep voicepeer──▶ SLEEPING (the words
        saved) ──wake up──▶ the writing, where it was
    NAMING, CATEGORY, TITLING ──hang on──▶ SLEEPING ──resume──▶ the question, asked again
    READING ──like / remove my like──▶ LIKING ──yes: liked (or taken back) / no──▶ READING
    READING ──vote for choice N / remove my vote──▶ VOTING ──yes: voted / no──▶ READING
    READING ──delete my post──▶ DELETING_POST ──yes: deleted (a reply, or a new topic whole;
        or a reply not on the forum yet taken back), words kept as a draft / no──▶ READING
    BROWSING ──delete my post──▶ DELETING_POST (a new topic not sent yet, or held for a
        moderator) ──yes: taken back, title and words kept as a draft / no──▶ BROWSING
    READING ──bring back my post──▶ RECOVERING_POST ──yes: back (a topic, reopened), its kept
        draft let go / no──▶ READING
    BROWSING ──bring back my topic──▶ READING (the topic deleted last this session, which
        the forum lists no more) ──▶ RECOVERING_POST, as from READING
    READING ──add it to my last reply──▶ ADDING_TO_REPLY ──yes: the topic's saved words added
        to the person's last reply, the draft let go / no──▶ READING
    DICTATING ──add it to my last reply──▶ READING ──▶ ADDING_TO_REPLY, as from READING (the
        words dictated so far are the saved ones); with nothing to add to ──▶ DICTATING
    BROWSING ──mark all as read──▶ MARKING_READ ──yes: the person's unread and new topics
        marked read / no──▶ BROWSING    READING ──mark as read──▶ MARKING_READ (this topic,
        to its last post) ──yes / no──▶ READING
    READING ──correct my post──▶ EDITING_POST ──send it──▶ CHANGING_POST ──yes: changed──▶ READING
        EDITING_POST ──cancel: the changes kept──▶ READING    CHANGING_POST ──no──▶ EDITING_POST
    DICTATING / CONFIRMING / EDITING_POST / CHANGING_POST ──goodbye, with words not yet on
        the forum──▶ QUITTING ──yes: the session ends, the words saved / no, cancel──▶ where it was
    BROWSING / READING ──search for (and nothing after it)──▶ SEARCHING ──the words──▶
        BROWSING (what was found) / nothing found, or cancel──▶ where it was (a word too
        short for the forum's search is asked for again)

- BROWSING: a topic list is current (the latest, unread, a category's, the topics the
  person started, their messages, a search's results); next / previous move through it.
- READING: a topic is open and one post is current; next / previous move through posts.
- DICTATING: the user is composing a reply; utterances are text unless a whole utterance
  is an editing command ("scratch that", "read it back", "send it", "cancel" …). Correcting
  a word ("correct fatigue", then a number or letters) is an exchange inside DICTATING
  (voice/correction.py), not a state of its own.
- CONFIRMING: the reply has been read back and voicepeer has asked "Shall I post it?";
  only an explicit "yes" posts. "No" goes back to dictating with the draft kept.
- CONTENT_NOTE: voicepeer has said "This post talks about …. Read it?"; yes reads it,
  no (or cancel) or next skips it.
- LIKING: voicepeer has asked "Like this post by …?"; only an explicit "yes" likes it, for
  everyone to see. A like is public, and a misheard command must not give one. "Remove my
  like" asks the same way before taking it back (which the forum allows only for a few
  minutes after the like).
- VOTING: voicepeer has asked "Vote for choice two, Cold showers, in this poll?"; only an
  explicit "yes" votes. A vote is counted for everyone to see (and on some polls, shown
  with the voter's name). "Remove my vote" asks the same way before taking it back.
- DELETING_POST: voicepeer asked "Delete your post, posted …? It begins: …" (or, on the
  first post of the person's new topic, "Delete your topic, …?"); only an explicit "yes"
  deletes it, and everyone sees that its author deleted it. When their newest reply there
  is not on the forum yet, the question is "Withdraw it, so that it is never posted?" (held
  for a moderator) or "Take it back, so that it is never sent?" (still in the outbox); it
  cannot come back, so that too needs an explicit "yes". At the topic list, the question is
  about their new topic not sent yet ("Your new topic, …, is not sent yet … Take it back
  …?") or held for a moderator ("… is waiting for a moderator to approve it. Withdraw it
  …?").
- RECOVERING_POST: voicepeer asked "Bring back your deleted post, posted …?" (or "your
  topic, …?"); only an explicit "yes" brings it back, for everyone to see again.
- ADDING_TO_REPLY: voicepeer asked "Add your saved words to the end of your reply posted …?
  Your words: …"; only an explicit "yes" changes the reply, for everyone to see.
- MARKING_READ: voicepeer asked "Mark your 3 unread and new topics as read? …" (or "Mark
  all of this topic as read, …?"); only an explicit "yes" marks them: only the person sees
  it, but the forum cannot mark them unread again.
- EDITING_POST: the person is changing the words of their own post ("correct my post");
  utterances are corrections ("correct walk", "replace walk with talk") or the editing
  commands of DICTATING, and other words go at the end. The changes are saved after each.
  At the first post of the person's own topic, "change the title" asks for a new title
  there (voice/topic_title.py): the next words are the title, unless they cancel it.
- CHANGING_POST: voicepeer named the changes ("walk becomes talk") and asked "Shall I change
  it?"; only an explicit "yes" changes the post, for everyone to see. "No" goes back to
  EDITING_POST with the changes kept. Asked instead about a new title ("Change the title of
  your topic to: …?"), a yes changes the title, then goes back to EDITING_POST while the
  words have changes not made yet (or the forum refused the title), else to READING.
- QUITTING: the person said "goodbye" (or "quit voicepeer") with words written and not yet
  on the forum (a reply, a new topic or message, changes to their own post); voicepeer has
  asked whether to stop. The words are saved either way. Without such words "goodbye" ends
  the session at once, in every state but asleep: in the bookmarks and drafts lists and
  while choosing a person or a category only when heard word for word (it is not decoded
  for there). Where words are dictated only "goodbye voicepeer" and the like count: a lone
  "goodbye" may be part of a reply.
- SLEEPING: everything but "wake up" (or "resume" after "pause") is ignored, but for what
  is clearly said to voicepeer (see voice.asleep): "I'm back" wakes it, "where was I" is
  answered, "carry on" wakes it when nothing else was heard since. Put to sleep at a
  question, none is open while asleep: a yes said in the room answers nothing.
- SEARCHING: voicepeer asked what to look for (the person said "search for" and paused);
  the next utterance is what to look for, unless it is "help" or leaves the question
  ("cancel", "never mind", "go back": as in NAMING and TITLING). A word too short for the
  forum's search is asked for again.

Saved posts and new conversations (private messages, new topics) start from BROWSING or
READING, and every way out goes back to where the person was (shown as ORIGIN):

    BROWSING / READING ──my bookmarks──▶ BOOKMARKS ──open N / read──▶ READING
                                            └──back──▶ BROWSING
    DRAFTS ──delete this draft──▶ DELETING ──yes: deleted / no──▶ DRAFTS (ORIGIN when none
        is left)
    BROWSING / READING ──my drafts──▶ DRAFTS ──open N / read──▶ DICTATING (a reply, in its
        topic), COMPOSING or TITLING (a new topic or message), CATEGORY or NAMING (its
        category or person is gone: choose another), READING (its topic takes no replies),
        EDITING_POST by way of READING (changes to a posted post, at the post)
                                       └──back──▶ BROWSING
    ORIGIN ──message──▶ NAMING ──a name──▶ CHOOSING ──yes──▶ TITLING
    ORIGIN ──message Priya──────────────▶ CHOOSING ──no──▶ CHOOSING (the next likely
                                              person) or NAMING (nobody left)
    NAMING ──a name plainly meant (a writer in the topic being read)──▶ TITLING, or
        COMPOSING (a message to them is saved: taken up)
    ORIGIN ──new topic──▶ CATEGORY ──a category's name or number──▶ TITLING
    ORIGIN ──categories──▶ CATEGORY ──a category's name or number──▶ BROWSING (its topics)
        (from BOOKMARKS or DRAFTS too, where "cancel" goes back)
    ORIGIN ──topics in good news (a category named)──────────────────▶ BROWSING (its topics)
    CATEGORY ──a category, a title said before it (kept)──▶ COMPOSING
    CHOOSING / CATEGORY ──a saved draft to that person or category──▶ COMPOSING
    TITLING ──a title within the forum's rules──▶ COMPOSING ──send it──▶ SENDING
    TITLING ──words too long for a title, none written yet──▶ TITLING (they start the post)
    COMPOSING ──change the title──▶ TITLING ──a title, or cancel (the old one stays)──▶ COMPOSING
    SENDING ──yes: handed to the outbox──▶ ORIGIN        SENDING ──no──▶ COMPOSING
    SENDING ──yes, and the forum refused only the title──▶ TITLING (the words kept)
    NAMING / CHOOSING / CATEGORY / TITLING / COMPOSING / SENDING ──cancel──▶ ORIGIN
    COMPOSING ──goodbye voicepeer──▶ the session ends (a lone "goodbye" is words there, as
        while dictating a reply); NAMING / TITLING / CATEGORY / SEARCHING ──goodbye──▶ the
        session ends (no name, title, category or search is "goodbye")
    TITLING (words waiting for a title) / COMPOSING / SENDING ──goodbye, with words──▶
        QUITTING ──yes: the session ends, the words saved / no──▶ where it was
    CATEGORY (a title said before it) ──goodbye──▶ QUITTING ──yes: the session ends, the
        title lost, as the question said / no──▶ CATEGORY
    CHOOSING (the message's words said before it) ──goodbye──▶ QUITTING ──yes: the session
        ends, the words lost, as the question said / no──▶ CHOOSING

- BOOKMARKS: the person's saved posts are the current list; next / previous move through
  them, "open topic N" opens one where it was saved, "remove bookmark" removes one.
- DRAFTS: the replies, new topics and messages written and not sent, and the changes to
  posted posts not made, are the current list, newest first; next / previous move through
  them, "open N" takes one up where it was being written (nothing is sent without the
  usual question).
- DELETING: voicepeer asked "Delete your reply to …? … Its words cannot be brought back.";
  only an explicit "yes" deletes the draft, as words once deleted are gone for good.
- NAMING: voicepeer asked whom to write to; the next utterance is taken as a name, unless
  it leaves the question ("cancel", "never mind", "go back").
- CHOOSING: voicepeer asked "Did you mean Priya Nair?": only a yes picks that person
  ("that's her"); another name said instead ("no, I meant Mei", "Mei Lin") is looked up.
  Words plainly meant for the message (a few words, no command) are kept, said back, and
  start the message once its person is chosen.
- CATEGORY: the forum's categories were read as numbered choices, for a new topic or to
  hear a category's topics ("categories"); its name ("good news") or its number ("two",
  "number two") picks one. Heard as words, like a name or a title; for a new topic, a title
  said here instead is kept for the category chosen next (words too long for a title: for
  its first post).
- TITLING: the next utterance is the title; the forum's title rules are checked at once.
  Words the forum refused (a title another topic has, a category gone) wait here too, read
  back, so that only the title is said again: at once when the forum refused the title
  right after the yes, or when the draft is taken up later; so do words said for a title
  and too long for one (a whole message, often). A title as long as a sentence is asked
  about ("Is it your post?"), its words kept meanwhile as the post's start: "no" makes them
  the title. "Cancel" here puts such words aside, saved.
  "Read it back" is no title: what is written so far is read, and the title asked again.
- COMPOSING: dictating the first post of the new conversation, with the same editing
  commands as a reply; the draft is saved after every change.
- SENDING: voicepeer read it back, said who will see it ("privately, to Priya Nair" or
  "publicly, in Living with MS") and asked; only an explicit "yes" sends it. With only a
  long title written, the question is whether to send its words as the first post too.

Each state that listens decides what is understood in it (state_commands.ALLOWED, the one
table for it): the interpreter takes only the state's commands, the recognizer decodes with
a grammar of them (the other commands as its garbage path), and words whose meaning
depends on the state are resolved by it (commands.intents.SENSES): "carry on" reads the
next post in READING; "read it" opens a topic in BROWSING and is a yes in CONTENT_NOTE.
SLEEPING takes only what voicepeer said would wake it ("wake up", "resume"), as it hears
people talk to others in the room. DICTATING, COMPOSING, NAMING, TITLING and SEARCHING hear
free text (editing commands only as whole utterances); CONFIRMING, LIKING, VOTING and
SENDING hear answers, where only a clear yes is a yes. `voicepeer listen --state STATE`
hears exactly as the loop does in STATE.

Posting is not a state of its own: after "yes" the reply is handed to the outbox and the
loop is back in READING, on the same topic, whatever the forum answered. Only when the disk
is full and the outbox cannot record the reply does the loop stay in CONFIRMING, the reply
kept in memory, so "yes" can try again. A waiting reply sent later in the background is
announced between utterances, only in BROWSING or READING; the announcement changes no
state.
"""

from __future__ import annotations

from enum import Enum


class State(Enum):
    BROWSING = "browsing"
    READING = "reading"
    CONTENT_NOTE = "content_note"
    DICTATING = "dictating"
    CONFIRMING = "confirming"
    LIKING = "liking"
    VOTING = "voting"
    QUITTING = "quitting"
    SEARCHING = "searching"
    SLEEPING = "sleeping"
    BOOKMARKS = "bookmarks"
    DRAFTS = "drafts"
    DELETING = "deleting"
    NAMING = "naming"
    CHOOSING = "choosing"
    CATEGORY = "category"
    TITLING = "titling"
    COMPOSING = "composing"
    SENDING = "sending"
    DELETING_POST = "deleting_post"
    RECOVERING_POST = "recovering_post"
    ADDING_TO_REPLY = "adding_to_reply"
    EDITING_POST = "editing_post"
    CHANGING_POST = "changing_post"
    MARKING_READ = "marking_read"


_STARTS = frozenset(
    {
        State.BOOKMARKS,
        State.DRAFTS,
        State.NAMING,
        State.CHOOSING,
        State.CATEGORY,
        State.TITLING,  # "new topic in good news": no category to ask for
        State.COMPOSING,  # … and its title saved before
    }
)
"""Where saved posts, saved drafts and new conversations begin, from BROWSING or READING."""
_ORIGINS = frozenset({State.BROWSING, State.READING})
_UNSENT = frozenset(
    {
        State.DICTATING,
        State.CONFIRMING,
        State.EDITING_POST,
        State.CHANGING_POST,
        State.TITLING,
        State.COMPOSING,
        State.SENDING,
        State.CATEGORY,
        State.CHOOSING,
    }
)
"""Where words written may not be on the forum yet: goodbye there asks first (QUITTING).
While a category is chosen, a title said before it is kept by nothing else."""

ASKING_CONSENT = frozenset(
    {
        State.CONFIRMING,
        State.LIKING,
        State.VOTING,
        State.SENDING,
        State.DELETING,
        State.DELETING_POST,
        State.RECOVERING_POST,
        State.ADDING_TO_REPLY,
        State.CHANGING_POST,
        State.MARKING_READ,
    }
)
"""States whose yes makes something public (a reply, a like, a vote, a private message, a
new topic, a post deleted, brought back, added to or changed) or cannot be undone (deleting
a draft, marking topics read): the answer is heard narrowly (ListenMode.ANSWER) and judged by
voicepeer.commands.consent. "Go to sleep" puts them aside: asleep, none is open (a yes from
the television answers nothing), and waking asks it again."""

PAUSE_AT_WORDS = frozenset({State.NAMING, State.CATEGORY, State.TITLING})
"""Where a name, a category or a title is asked for and "hang on" pauses: the phone talk
that followed ("oh hi mum yes I'm fine") had become the title. Waking asks again."""

SLEEP_WHILE_WRITING = frozenset({State.DICTATING, State.EDITING_POST, State.COMPOSING})
"""Where words are being written and "go to sleep voicepeer" (said to it by name, as a lone
"go to sleep" may be words of the reply) pauses: the words are saved, and waking goes on
with them."""

ALLOWED_TRANSITIONS: dict[State, frozenset[State]] = {
    State.BROWSING: frozenset(
        {
            State.BROWSING,
            State.READING,
            State.CONTENT_NOTE,
            State.DELETING_POST,
            State.MARKING_READ,
            State.SEARCHING,
            State.SLEEPING,
        }
    )
    | _STARTS,
    State.READING: frozenset(
        {
            State.READING,
            State.BROWSING,
            State.CONTENT_NOTE,
            State.DICTATING,
            State.LIKING,
            State.VOTING,
            State.DELETING_POST,
            State.RECOVERING_POST,
            State.ADDING_TO_REPLY,
            State.EDITING_POST,
            State.MARKING_READ,
            State.SEARCHING,
            State.SLEEPING,
        }
    )
    | _STARTS,
    State.CONTENT_NOTE: frozenset({State.CONTENT_NOTE, State.READING, State.BROWSING}),
    State.DICTATING: frozenset(
        {State.DICTATING, State.CONFIRMING, State.READING, State.QUITTING, State.SLEEPING}
    ),
    State.CONFIRMING: frozenset(
        {State.CONFIRMING, State.DICTATING, State.READING, State.QUITTING, State.SLEEPING}
    ),
    State.QUITTING: frozenset({State.QUITTING}) | _UNSENT,
    State.SEARCHING: frozenset({State.SEARCHING}) | _ORIGINS,
    State.LIKING: frozenset({State.LIKING, State.SLEEPING, State.READING}),
    State.VOTING: frozenset({State.VOTING, State.SLEEPING, State.READING}),
    State.DELETING_POST: frozenset(
        {State.DELETING_POST, State.SLEEPING, State.READING, State.BROWSING}
    ),
    State.RECOVERING_POST: frozenset({State.RECOVERING_POST, State.SLEEPING, State.READING}),
    State.ADDING_TO_REPLY: frozenset({State.ADDING_TO_REPLY, State.SLEEPING, State.READING}),
    State.MARKING_READ: frozenset({State.MARKING_READ, State.SLEEPING}) | _ORIGINS,
    State.EDITING_POST: frozenset(
        {State.EDITING_POST, State.CHANGING_POST, State.READING, State.QUITTING, State.SLEEPING}
    ),
    State.CHANGING_POST: frozenset(
        {State.CHANGING_POST, State.EDITING_POST, State.READING, State.QUITTING, State.SLEEPING}
    ),
    State.SLEEPING: frozenset({State.BROWSING, State.READING, State.BOOKMARKS, State.DRAFTS})
    | ASKING_CONSENT
    | SLEEP_WHILE_WRITING
    | PAUSE_AT_WORDS,
    State.BOOKMARKS: frozenset(
        {
            State.BOOKMARKS,
            State.READING,
            State.CONTENT_NOTE,
            State.BROWSING,
            State.SLEEPING,
            State.CATEGORY,  # "categories"
        }
    ),
    State.DRAFTS: frozenset(
        {
            State.DRAFTS,
            State.DICTATING,
            State.COMPOSING,
            State.TITLING,
            State.CATEGORY,
            State.NAMING,
            State.SLEEPING,
            State.DELETING,
        }
    )
    | _ORIGINS,
    State.DELETING: frozenset({State.DELETING, State.DRAFTS, State.SLEEPING}) | _ORIGINS,
    State.NAMING: frozenset(
        {State.NAMING, State.CHOOSING, State.TITLING, State.COMPOSING, State.SLEEPING}
    )
    | _ORIGINS,
    State.CHOOSING: frozenset(
        {
            State.CHOOSING,
            State.NAMING,
            State.TITLING,
            State.COMPOSING,
            State.QUITTING,
        }
    )
    | _ORIGINS,
    State.CATEGORY: frozenset(
        {
            State.CATEGORY,
            State.TITLING,
            State.COMPOSING,
            State.BOOKMARKS,
            State.DRAFTS,
            State.QUITTING,
            State.SLEEPING,
        }
    )
    | _ORIGINS,
    State.TITLING: frozenset({State.TITLING, State.COMPOSING, State.QUITTING, State.SLEEPING})
    | _ORIGINS,
    State.COMPOSING: frozenset(
        {State.COMPOSING, State.SENDING, State.TITLING, State.QUITTING, State.SLEEPING}
    )
    | _ORIGINS,
    State.SENDING: frozenset(
        {State.SENDING, State.COMPOSING, State.TITLING, State.QUITTING, State.SLEEPING}
    )
    | _ORIGINS,
}


class StateTransitionError(RuntimeError):
    """A programming error: the voice loop tried a transition the table does not allow."""


def check_transition(current: State, new: State) -> None:
    if new not in ALLOWED_TRANSITIONS[current]:
        raise StateTransitionError(f"no transition from {current.value} to {new.value}")
