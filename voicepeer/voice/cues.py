"""Saying what the forum shows about a post's author and the post itself, briefly.

Only what the forum states is said — voicepeer never rates anyone's trustworthiness.
Before the post: who the author is on the forum (admin or moderator, a title or group the
forum gave). After it: whether it was edited, marked as the accepted answer, and how
people reacted, in one short sentence.
"""

from __future__ import annotations

from datetime import datetime

from voicepeer.forum.base import Post
from voicepeer.forum.cues import PostCues, Reaction
from voicepeer.forum.peer import UserProfile
from voicepeer.speech.text.emoji import discourse_emoji_words
from voicepeer.voice import phrasing

_SMALL = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
MAX_REACTION_KINDS = 3
"""Reactions beyond the most given ones are left out: a cue, not an inventory."""

_REACTION_WORDS: dict[str, tuple[str, str]] = {
    "hugs": ("a hug", "hugs"),
    "+1": ("a thumbs up", "thumbs up"),
    "thumbsup": ("a thumbs up", "thumbs up"),
    "clap": ("applause", "applause"),
    "laughing": ("a laugh", "laughs"),
    "open_mouth": ("a surprised face", "surprised faces"),
    "pray": ("a prayer", "prayers"),
    "muscle": ("strength", "strength"),
}


def number_word(count: int) -> str:
    """Small counts as words ("three"), larger ones as digits."""
    return _SMALL[count] if count < len(_SMALL) else str(count)


def _group_words(group: str) -> str:
    return " ".join(group.replace("_", " ").replace("-", " ").split())


def _about_author(cues: PostCues, profile: UserProfile | None) -> list[str]:
    """What the forum shows about a post's author: role, title, group, member since."""
    lines = []
    parts = _roles(
        cues.admin or bool(profile and profile.admin),
        cues.moderator or bool(profile and profile.moderator),
        cues.user_title or (profile.title if profile else None),
        cues.group or (profile.group if profile else None),
    )
    if parts:
        lines.append(f"On this forum they are {phrasing.and_list(parts)}.")
    if profile and profile.created_at:
        lines.append(f"They joined the forum in {profile.created_at:%B %Y}.")
    return lines


def _roles(admin: bool, moderator: bool, title: str | None, group: str | None) -> list[str]:
    parts = []
    if admin:
        parts.append("a forum admin")
    elif moderator:
        parts.append("a moderator")
    if title:
        parts.append(f"titled {title}")
    if group:
        parts.append(f"in the {_group_words(group)} group")
    return parts


def about_author(post: Post) -> str:
    """ " Ruth Adeyemi is a forum admin, titled MS nurse." — or "" when the forum shows
    nothing of the kind, or the post is the person's own."""
    cues = post.cues or PostCues()
    if cues.yours:
        return ""
    parts = _roles(cues.admin, cues.moderator, cues.user_title, cues.group)
    return f" {phrasing.author_name(post)} is {phrasing.and_list(parts)}." if parts else ""


def reaction_phrase(reaction: Reaction) -> str:
    one, many = _REACTION_WORDS.get(reaction.emoji, ("", ""))
    if not one:
        words = discourse_emoji_words(reaction.emoji)
        one, many = f"a {words} reaction", f"{words} reactions"
    return f"{number_word(reaction.count)} sent {one if reaction.count == 1 else many}"


def reactions_sentence(cues: PostCues) -> str:
    """ "Three people liked this, one sent a hug." — "" when nobody reacted."""
    parts = []
    if cues.likes:
        who = "person" if cues.likes == 1 else "people"
        parts.append(f"{number_word(cues.likes)} {who} liked this")
    parts += [reaction_phrase(r) for r in cues.reactions[:MAX_REACTION_KINDS]]
    if not parts:
        return ""
    sentence = ", ".join(parts)
    return sentence[0].upper() + sentence[1:] + "."


def about_post(post: Post) -> str:
    """What follows the post's text: " Edited after posting. Marked as the accepted answer.
    Three people liked this." — "" when there is nothing to say."""
    cues = post.cues or PostCues()
    sentences = []
    if cues.accepted_answer:
        sentences.append("This post is marked as the accepted answer.")
    if cues.deleted_by_author:  # the forum's stub says so; a deletion is no edit
        sentences.append("Its author deleted it.")
    elif cues.edited:
        sentences.append("It was edited after posting.")
    reactions = reactions_sentence(cues)
    if reactions:
        sentences.append(reactions)
    return "".join(f" {s}" for s in sentences)


def who_wrote(post: Post, profile: UserProfile | None, now: datetime) -> str:
    """The answer to "who wrote this": name, when, role, title, group, member since, and
    how many liked or reacted to the post; the person's own post is said to be theirs."""
    age = phrasing.age_of(post, now)
    cues = post.cues or PostCues()
    if cues.yours:  # who they are on the forum is no news to them
        lines = ["This post is yours" + (f", posted {age}." if age else ".")]
    else:
        lines = [f"This post is by {phrasing.author_name(post)}" + (f", {age}." if age else ".")]
        lines += _about_author(cues, profile)
    if cues.accepted_answer:
        lines.append("This post is marked as the accepted answer.")
    # Asked as "how many likes" or "who liked this" too: the post as sent counts, not names.
    lines.append(reactions_sentence(cues) or "Nobody has liked it yet.")
    if cues.liked and cues.likes:  # "Four people liked this": the person among them unsaid
        lines.append("You are one of them." if cues.likes > 1 else "That like is yours.")
    return " ".join(lines)
