"""The voice loop's states and the transitions allowed between them.

    BROWSING ──open N / read──▶ READING ──reply──▶ DICTATING ──send it──▶ CONFIRMING
       ▲  ◀──back / latest──────┘ ▲  ▲                 │  ▲                   │
       │                          │  └──cancel─────────┘  └──no──────────────┤
       │                          │  └──yes: posted (or kept in the outbox)──┘
       │                          ▼
       └──back────────────── CONTENT_NOTE  (a post that mentions a noted topic: read it?)
    BROWSING / READING ──go to sleep, pause──▶ SLEEPING ──wake up, resume──▶ where it was
    READING ──like──▶ LIKING ──yes: liked / no──▶ READING

- BROWSING: a topic list is current; next / previous move through it.
- READING: a topic is open and one post is current; next / previous move through posts.
- DICTATING: the user is composing a reply; utterances are text unless a whole utterance
  is an editing command ("scratch that", "read it back", "send it", "cancel" …).
- CONFIRMING: the reply has been read back and voicepeer has asked "Shall I post it?";
  only an explicit "yes" posts. "No" goes back to dictating with the draft kept.
- CONTENT_NOTE: voicepeer has said "This post talks about …. Read it?"; yes reads it,
  no or next skips it.
- LIKING: voicepeer has asked "Like this post by …?"; only an explicit "yes" likes it, for
  everyone to see. A like is public, and a misheard command must not give one.
- SLEEPING: everything but "wake up" (or "resume" after "pause") is ignored.

Posting is not a state of its own: after "yes" the reply is handed to the outbox and the
loop is back in READING, on the same topic, whatever the forum answered. Only when the disk
is full and the outbox cannot record the reply does the loop stay in CONFIRMING, the reply
kept in memory, so "yes" can try again.
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
    SLEEPING = "sleeping"


ALLOWED_TRANSITIONS: dict[State, frozenset[State]] = {
    State.BROWSING: frozenset({
        State.BROWSING, State.READING, State.CONTENT_NOTE, State.SLEEPING,
    }),
    State.READING: frozenset({
        State.READING, State.BROWSING, State.CONTENT_NOTE, State.DICTATING, State.LIKING,
        State.SLEEPING,
    }),
    State.CONTENT_NOTE: frozenset({State.CONTENT_NOTE, State.READING, State.BROWSING}),
    State.DICTATING: frozenset({State.DICTATING, State.CONFIRMING, State.READING}),
    State.CONFIRMING: frozenset({State.CONFIRMING, State.DICTATING, State.READING}),
    State.LIKING: frozenset({State.LIKING, State.READING}),
    State.SLEEPING: frozenset({State.BROWSING, State.READING}),
}


class StateTransitionError(RuntimeError):
    """A programming error: the voice loop tried a transition the table does not allow."""


def check_transition(current: State, new: State) -> None:
    if new not in ALLOWED_TRANSITIONS[current]:
        raise StateTransitionError(f"no transition from {current.value} to {new.value}")
