"""What each state of the voice loop understands: the one table the interpreter judges
utterances by (``interpret_in``, below), the recognizers decode with (one command
grammar per state, see ``voicepeer.listening.voice_loop_phrasebook``) and the listener
ends utterances by (a command that only a longer one could change is answered at once
where the longer one cannot apply)."""

from __future__ import annotations

from collections.abc import Mapping

from voicepeer.commands import Command
from voicepeer.commands.editing import DictationAction
from voicepeer.commands.intents import LIST_ITEM_WORDINGS, PHRASINGS, Intent
from voicepeer.commands.interpreter import Interpreter
from voicepeer.commands.matcher import Interpretation
from voicepeer.commands.text import normalize
from voicepeer.recognition.base import Heard, ListenMode, SwitchPresses
from voicepeer.voice.states import ASKING_CONSENT, PAUSE_AT_WORDS, SLEEP_WHILE_WRITING, State
from voicepeer.voice.writing_asides import puts_aside

COMMANDS_EVERYWHERE = frozenset(
    {
        Intent.HELP,
        Intent.WHERE,
        Intent.REPEAT,
        Intent.STOP,
        Intent.FASTER,
        Intent.SLOWER,
        Intent.LOUDER,
        Intent.QUIETER,
    }
)
"""Understood in every state that listens for commands or answers, except asleep."""
_EVERYWHERE = COMMANDS_EVERYWHERE | {Intent.QUIT}
_STARTERS = frozenset(
    {
        Intent.BOOKMARKS,
        Intent.DRAFTS,
        Intent.MESSAGES,
        Intent.MESSAGE,
        Intent.NEW_TOPIC,
        Intent.MY_TOPICS,
        Intent.MY_POSTS,
    }
)
_FORUM = frozenset(
    {
        Intent.LATEST,
        Intent.UNREAD,
        Intent.CATEGORIES,
        Intent.OPEN,
        Intent.NEXT,
        Intent.PREVIOUS,
        Intent.READ,
        Intent.SLEEP,
        Intent.PAUSE,
        Intent.NOTIFICATIONS,
        Intent.SEARCH,
        Intent.RESUME,
    }
)

_IN_A_LIST = COMMANDS_EVERYWHERE | {
    Intent.OPEN,
    Intent.NEXT,
    Intent.PREVIOUS,
    Intent.READ,
    Intent.BACK,
    Intent.LATEST,
    Intent.UNREAD,
    Intent.CATEGORIES,
    Intent.SLEEP,
    Intent.PAUSE,
}
"""Going through one of the person's own lists (bookmarks, drafts) and leaving it."""
_ASKED = _EVERYWHERE | {Intent.YES, Intent.NO, Intent.SLEEP, Intent.PAUSE}
"""A yes-or-no question before something done: "go to sleep" there puts the question aside
(asked again on waking), so that no yes from the room answers it meanwhile."""

ALLOWED: Mapping[State, frozenset[Intent]] = {
    State.BROWSING: _EVERYWHERE
    | _FORUM
    | _STARTERS
    | {Intent.RECOVER_POST, Intent.DELETE_POST, Intent.MARK_READ},
    State.READING: _EVERYWHERE
    | _FORUM
    | _STARTERS
    | {
        Intent.REPLY,
        Intent.WHO,
        Intent.BACK,
        Intent.LIKE,
        Intent.UNLIKE,
        Intent.DELETE_POST,
        Intent.RECOVER_POST,
        Intent.ADD_TO_REPLY,
        Intent.EDIT_POST,
        Intent.MARK_READ,
        Intent.VOTE,
        Intent.REMOVE_VOTE,
        Intent.BOOKMARK,
        Intent.REMOVE_BOOKMARK,
        Intent.NEXT_PARAGRAPH,
        Intent.PREVIOUS_PARAGRAPH,
        Intent.SKIP_TO_END,
    },
    State.CONTENT_NOTE: _EVERYWHERE
    | {Intent.YES, Intent.NO, Intent.CANCEL, Intent.NEXT, Intent.BACK},
    State.CONFIRMING: _ASKED | {Intent.CANCEL, Intent.READ_BACK},
    State.LIKING: _ASKED,
    State.VOTING: _ASKED,
    State.DELETING_POST: _ASKED,
    State.RECOVERING_POST: _ASKED,
    State.ADDING_TO_REPLY: _ASKED,
    State.MARKING_READ: _ASKED,
    State.CHANGING_POST: _ASKED | {Intent.CANCEL, Intent.READ_BACK},
    State.QUITTING: _EVERYWHERE | {Intent.YES, Intent.NO, Intent.CANCEL},
    State.SLEEPING: frozenset({Intent.WAKE, Intent.RESUME}),
    State.BOOKMARKS: _IN_A_LIST | {Intent.REMOVE_BOOKMARK, Intent.BOOKMARKS},
    State.DRAFTS: _IN_A_LIST | {Intent.DRAFTS, Intent.REMOVE_DRAFT},
    State.DELETING: _ASKED | {Intent.CANCEL},
    State.CHOOSING: COMMANDS_EVERYWHERE | {Intent.YES, Intent.NO, Intent.CANCEL},
    State.CATEGORY: COMMANDS_EVERYWHERE | {Intent.OPEN, Intent.CANCEL, Intent.BACK},
    State.SENDING: _ASKED | {Intent.CANCEL, Intent.READ_BACK},
}
"""Intents understood in each state that listens for commands or answers (dictation has
its own editing commands), and in CATEGORY, whose words are a category's name unless they
are one of these ("number two", "help")."""

OWN_LISTS = frozenset({State.BOOKMARKS, State.DRAFTS})
"""The person's own lists, whose command models are kept small (fewer to mishear)."""

LEAVING_A_LIST = _STARTERS | {Intent.NOTIFICATIONS, Intent.SEARCH}
"""Commands of the topic list that, heard word for word in the person's own lists, leave
the list for them as "latest topics" does ("my drafts" in the bookmarks), instead of doing
nothing there."""


DICTATION_STATES = frozenset(
    {State.NAMING, State.CATEGORY, State.TITLING, State.COMPOSING, State.SEARCHING}
)
"""States whose next utterance is text (a name, a category's name, a title, a message, what
to look for), not a command."""
ASKING_FOR_WORDS = frozenset({State.NAMING, State.CATEGORY, State.TITLING, State.SEARCHING})
"""Dictation states that wait for a few words (a name, a category's name, a title, what to
look for)."""
LEAVING = frozenset({Intent.CANCEL, Intent.BACK, Intent.STOP, Intent.NO})
"""Where a name, a title or what to look for is asked, these leave the question as "cancel"
does ("never mind", "go back"): nobody means them as a name, a title or a search."""
WRITING_STATES = frozenset({State.DICTATING, State.EDITING_POST})
"""States where a reply, or the person's own post, is written or changed word by word."""
EDITING_STATES = frozenset({State.EDITING_POST, State.CHANGING_POST})
"""The states where the person's own post is being changed word by word (the PostEditor
writes, not the reply's Composer)."""

LAST_PARAGRAPH = "reading, last paragraph"
"""Listening context of READING once the post's last paragraph is reached: the same
commands are understood, but "next paragraph" can no longer follow "next", so "next" is
answered at once."""


GOODBYE_WHILE_DICTATING = tuple(p for p in PHRASINGS[Intent.QUIT] if "voicepeer" in p)
"""While dictating, only "quit voicepeer" and the like end the session: a lone "goodbye" may
well be part of the reply."""


SLEEP_WHILE_DICTATING = frozenset(
    {"go to sleep voicepeer", "voicepeer go to sleep", "sleep voicepeer", "pause voicepeer"}
    | {"voicepeer pause", "voicepeer sleep"}
)
"""While writing, the ways to pause: addressed to voicepeer by name, as a lone "go to
sleep" or "pause" may well be words of the reply ("I had to" … "go to sleep" … "early")."""


GOODBYE_ASKED_FOR_WORDS = frozenset({State.CATEGORY, State.NAMING, State.TITLING, State.SEARCHING})
"""Questions for a few words where a lone "goodbye" is goodbye, not the answer."""


def is_goodbye_while_dictating(heard: Heard) -> bool:
    """The whole utterance (or the command reading the recognizer offers) is a goodbye."""
    return any(
        normalize(text) in GOODBYE_WHILE_DICTATING for text in (heard.text, *heard.alternatives)
    )


def said_over_words(state: State, heard: Heard, interpreter: Interpreter) -> Intent | None:
    """In a state that hears words (:data:`WRITING_STATES`, :data:`DICTATION_STATES`), the
    command a whole utterance is instead of words: goodbye (QUIT), leaving a question for a
    few words (CANCEL), hearing that question again (REPEAT: no name, title or search is
    "repeat" or "say that again") or how to answer it (HELP: "what do I say"), "where am
    I" (WHERE: a lost person's question), or, while dictating a reply, "add it to my last
    reply" (ADD_TO_REPLY: the words go to the person's newest reply instead, after a yes),
    or "go to sleep voicepeer" while writing (SLEEP), or "hang on" said alone there (PAUSE:
    the phone rang; a call written into the reply took scratching out). While writing, a
    lone "where" stays words: said slowly, it may begin a sentence. None: words (or a
    state that hears commands)."""
    if state not in WRITING_STATES and state not in DICTATION_STATES:
        return None
    # A category's, a person's name, a title or what to look for is never "goodbye" alone:
    # there it ends voicepeer as in a list (asking first when words are written).
    lone_goodbye = state in GOODBYE_ASKED_FOR_WORDS and interpreter.word_for_word(
        heard, {Intent.QUIT}
    )
    if is_goodbye_while_dictating(heard) or lone_goodbye:
        return Intent.QUIT
    if state in SLEEP_WHILE_WRITING and normalize(heard.text) in SLEEP_WHILE_DICTATING:
        return Intent.SLEEP
    if (state in SLEEP_WHILE_WRITING or state in PAUSE_AT_WORDS) and interpreter.interrupts(heard):
        return Intent.PAUSE
    if state in (State.DICTATING, State.COMPOSING) and puts_aside(heard):
        return Intent.CANCEL
    if state in ASKING_FOR_WORDS and leaves_the_question(heard, interpreter):
        return Intent.CANCEL
    if state in ASKING_FOR_WORDS and interpreter.word_for_word(heard, {Intent.REPEAT}) is not None:
        return Intent.REPEAT
    if state in ASKING_FOR_WORDS and asks_for_help(heard, interpreter):
        return Intent.HELP
    adding = state is State.DICTATING and interpreter.word_for_word(heard, {Intent.ADD_TO_REPLY})
    if adding:
        return Intent.ADD_TO_REPLY
    whole = state in ASKING_FOR_WORDS or len(normalize(heard.text).split()) > 1
    where = whole and interpreter.word_for_word(heard, {Intent.WHERE}) is not None
    return Intent.WHERE if where else None


NOT_KNOWING = frozenset({"i don't know", "i'm not sure", "i do not know", "i am not sure"})
"""Said where a name, a title, a category or what to look for is asked for: help. Not a
wording of help elsewhere, where it is talk in the room as often as not."""


def asks_for_help(heard: Heard, interpreter: Interpreter) -> bool:
    """Whether ``heard`` asks for help ("help", "what do I say", "I don't know"), where a
    name, a title, a category or what to look for is asked for: no name or title is one of
    those."""
    if interpreter.editing(heard) is DictationAction.HELP or normalize(heard.text) in NOT_KNOWING:
        return True
    return interpreter.word_for_word(heard, {Intent.HELP}) is not None


def leaves_the_question(heard: Heard, interpreter: Interpreter) -> bool:
    """Whether ``heard``, said where a few words are asked for (:data:`ASKING_FOR_WORDS`),
    leaves the question instead."""
    if interpreter.editing(heard) is DictationAction.CANCEL:
        return True
    return interpreter.word_for_word(heard, LEAVING) is not None  # a name may be near one


def listen_mode(state: State) -> ListenMode:
    """How the recognizer listens in ``state``."""
    if state in WRITING_STATES or state in DICTATION_STATES:
        return ListenMode.DICTATION
    return ListenMode.ANSWER if state in ASKING_CONSENT else ListenMode.COMMAND


def switch_presses() -> SwitchPresses:
    """Where the yes switch is heard besides a question's answer: asleep, where a press
    wakes voicepeer (a switch is not pressed by talk in the room, as "wake up" may be
    drowned by it)."""
    return SwitchPresses(frozenset({listening_context(State.SLEEPING)}))


def listening_context(state: State, more_paragraphs: bool = True) -> str:
    """The context the recognizer decodes ``state`` in (its name); ``more_paragraphs``:
    whether a post being read has a paragraph after the one reached."""
    if state is State.READING and not more_paragraphs:
        return LAST_PARAGRAPH
    return state.value


def command_contexts() -> dict[str, frozenset[Intent]]:
    """Every context the voice loop listens for commands in, and the intents understood."""
    contexts = {
        state.value: intents
        for state, intents in ALLOWED.items()
        if listen_mode(state) is ListenMode.COMMAND
    }
    contexts[LAST_PARAGRAPH] = ALLOWED[State.READING]
    return contexts


def commands_in_play() -> dict[str, frozenset[Intent]]:
    """The contexts where fewer commands can apply than are understood, and those that can."""
    return {LAST_PARAGRAPH: ALLOWED[State.READING] - {Intent.NEXT_PARAGRAPH}}


def interpret_in(state: State, heard: Heard, interpreter: Interpreter) -> Interpretation:
    """What ``heard`` means in ``state`` (one that listens for commands or answers): the
    state decides which commands there are and what words mean ("carry on" reads the next
    post; asleep only "wake up" or "resume" wakes voicepeer), and a question before
    something public takes only a clear yes. Goodbye counts everywhere but asleep: where it
    is not decoded for (the person's lists, choosing whom to write to or a category: a
    partial "bye", the start of "bye voicepeer", would keep "back" waiting), when it is
    heard word for word; so do the topic list's commands that leave the person's lists
    (LEAVING_A_LIST)."""
    if state in ASKING_CONSENT:
        return interpreter.answer(heard, ALLOWED[state])
    found = interpreter.command(heard, ALLOWED[state])
    if interpreter.says_one_of(heard, LIST_ITEM_WORDINGS):
        if state not in OWN_LISTS:
            return Interpretation(None, found.confidence)
        if found.near and found.command is not None:
            # Removing a bookmark asks nothing: "move it" near "remove it" is asked about.
            return Interpretation(None, found.confidence, ambiguous=(found.command.intent,))
    if state in OWN_LISTS and (found.near or not (found.command or found.ambiguous)):
        leaving = interpreter.command(heard, LEAVING_A_LIST - ALLOWED[state])
        if leaving.command is not None and not leaving.near:
            return leaving
    if found.near and interpreter.word_for_word(heard) not in (None, *ALLOWED[state]):
        # Word for word a command of another state, it is that one, not a near one here:
        # "bookmark this" at a topic list is not "my bookmarks" (the loop says it does
        # nothing here).
        return Interpretation(None, found.confidence)
    goodbye = (
        found.command is None
        and not found.ambiguous
        and state is not State.SLEEPING
        and interpreter.word_for_word(heard, {Intent.QUIT}) is not None
    )
    return Interpretation(Command(Intent.QUIT), heard.confidence) if goodbye else found
