"""Settings of the voice loop: how it reads, asks and looks after the user."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class VoiceSettings:
    greeting: bool = True
    """Say hello and how to get help when voicepeer starts."""
    unread_first: bool = True
    """When opening a topic, start at the first unread post instead of the first post."""
    max_listed_topics: int = field(default=5, metadata={"min": 1, "max": 30})
    """How many topics to name when reading a topic list aloud (count of topics)."""
    muted_words: tuple[str, ...] = ()
    """Words to leave out when reading posts aloud (replaced by "a muted word")."""
    content_note_topics: tuple[str, ...] = ()
    """Topics to warn about before reading a post that mentions them, e.g. "wheelchair"."""
    rest_reminder_s: float = field(default=0.0, metadata={"min": 0.0, "max": 14_400.0})
    """Suggest a rest after this many seconds of continuous use; 0 turns reminders off."""
    long_post_s: float = field(default=120.0, metadata={"min": 0.0, "max": 3600.0})
    """Before reading a post that takes at least this many seconds to say, say how long it
    is ("A long post, about 13 minutes"); 0 turns this off."""
    reading_part_s: float = field(default=120.0, metadata={"min": 30.0, "max": 3600.0})
    """Seconds of speech read from a long post before voicepeer pauses, names the next part
    and waits for "continue"; a part ends where the post's next heading begins when one is
    near, otherwise between paragraphs."""
    goodbye_try_s: float = field(default=5.0, metadata={"min": 0.0, "max": 60.0})
    """Seconds goodbye waits for one last try at sending what is kept (the forum may have
    come back, or a check may be under way) before saying it is kept; 0: no last try."""
    room_talk_reminder_s: float = field(default=600.0, metadata={"min": 0.0, "max": 14_400.0})
    """After saying that a television or people talking drown out the person, say it again
    only after this many seconds; 0 never says it."""
    failed_hearing_hint_after: int = field(default=2, metadata={"min": 1, "max": 10})
    """After this many misheard utterances in a row, suggest saying "help" or, at a question
    before something public, how to answer it so that it counts (count)."""
    command_piece_kept_s: float = field(default=20.0, metadata={"min": 0.0, "max": 120.0})
    """The beginning of a command said before a long pause ("open", "reply to") is kept
    this many seconds for the rest to be said after it; 0 never keeps it."""
